//! WebCrypto for protected summaries: random bytes, PBKDF2-SHA256 key
//! derivation and AES-256-GCM. The browser's own code is fast even on a
//! cheap phone and keeps the cipher out of the app's download; the bytes
//! around it are built and checked in `share::link`.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use super::js;

/// Why a cipher step failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// This browser has no WebCrypto (for example, not a secure page).
    Unavailable,
    /// The passphrase is wrong or the data was changed.
    Refused,
}

fn crypto() -> Result<JsValue, CryptoError> {
    let window = web_sys::window().ok_or(CryptoError::Unavailable)?;
    js::get(&window, "crypto").ok_or(CryptoError::Unavailable)
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// Calls `crypto.subtle[name](...args)` and awaits it.
async fn subtle(name: &str, args: &[JsValue]) -> Result<JsValue, CryptoError> {
    let subtle = js::get(&crypto()?, "subtle").ok_or(CryptoError::Unavailable)?;
    match js::call(&subtle, name, args).await {
        None => Err(CryptoError::Unavailable),
        Some(settled) => settled.map_err(|_| CryptoError::Refused),
    }
}

/// `N` bytes from the browser's secure random source.
pub fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let crypto = crypto()?;
    let f = js::method(&crypto, "getRandomValues").ok_or(CryptoError::Unavailable)?;
    let buffer = Uint8Array::new_with_length(N as u32);
    f.call1(&crypto, &buffer)
        .map_err(|_| CryptoError::Unavailable)?;
    let mut out = [0; N];
    buffer.copy_to(&mut out);
    Ok(out)
}

/// An AES-256-GCM key derived from a passphrase (already normalised).
pub struct Key(JsValue);

/// Derives the key with PBKDF2-SHA256.
pub async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Key, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages: Array = [JsValue::from_str("deriveKey")].iter().collect();
    let base = subtle(
        "importKey",
        &[
            "raw".into(),
            raw.into(),
            "PBKDF2".into(),
            false.into(),
            usages.into(),
        ],
    )
    .await?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages: Array = ["encrypt", "decrypt"]
        .iter()
        .map(|u| JsValue::from_str(u))
        .collect();
    let key = subtle(
        "deriveKey",
        &[params.into(), base, aes.into(), false.into(), usages.into()],
    )
    .await?;
    Ok(Key(key))
}

async fn gcm(
    op: &str,
    key: &Key,
    nonce: &[u8],
    aad: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(nonce).into()),
        ("additionalData", Uint8Array::from(aad).into()),
    ]);
    let out = subtle(
        op,
        &[params.into(), key.0.clone(), Uint8Array::from(data).into()],
    )
    .await?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Encrypts `plain`, binding `aad`; returns ciphertext and tag.
pub async fn seal(
    key: &Key,
    nonce: &[u8],
    aad: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    gcm("encrypt", key, nonce, aad, plain).await
}

/// Decrypts and checks; `Refused` for a wrong key or changed data.
pub async fn open(
    key: &Key,
    nonce: &[u8],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    gcm("decrypt", key, nonce, aad, sealed).await
}
