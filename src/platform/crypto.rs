//! WebCrypto for protected summaries and backups: random bytes,
//! PBKDF2-SHA256 key derivation and AES-256-GCM. The browser's own code is
//! fast even on a cheap phone and keeps the cipher out of the app's
//! download; the bytes around it are built and checked in `share::link`.
//!
//! One path seals and opens both: [`seal_with_passphrase`] and
//! [`open_with_passphrase`].

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use super::js;
use crate::share::link::{self, Locked, ITERATIONS, NONCE_LEN, SALT_LEN};
use crate::share::words;

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
fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
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
struct Key(JsValue);

/// Derives the key with PBKDF2-SHA256.
async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Key, CryptoError> {
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
async fn seal(key: &Key, nonce: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
    gcm("encrypt", key, nonce, aad, plain).await
}

/// Decrypts and checks; `Refused` for a wrong key or changed data.
async fn open(key: &Key, nonce: &[u8], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    gcm("decrypt", key, nonce, aad, sealed).await
}

/// What sealing gives: the header (bound to the ciphertext as associated
/// data) and the ciphertext with its tag, as protected links and backups
/// carry them one after the other.
pub struct Sealed {
    /// From [`link::sealed_header`].
    pub header: Vec<u8>,
    /// AES-256-GCM ciphertext and tag.
    pub ciphertext: Vec<u8>,
}

/// Seals `body` with a key from `passphrase`, as every protected link and
/// backup is sealed: a fresh random salt and nonce, PBKDF2-SHA256 at
/// [`ITERATIONS`] rounds, and AES-256-GCM binding the whole header.
/// Capital letters and extra spaces in the passphrase do not matter.
pub async fn seal_with_passphrase(passphrase: &str, body: &[u8]) -> Result<Sealed, CryptoError> {
    let salt = random::<SALT_LEN>()?;
    let nonce = random::<NONCE_LEN>()?;
    let header = link::sealed_header(ITERATIONS, &salt, &nonce, body.len());
    let key = derive(&words::normalise(passphrase), &salt, ITERATIONS).await?;
    let ciphertext = seal(&key, &nonce, &header, body).await?;
    Ok(Sealed { header, ciphertext })
}

/// Opens what [`seal_with_passphrase`] sealed (read as `locked`) with
/// `passphrase`; `Refused` if it is the wrong one or the bytes changed.
pub async fn open_with_passphrase(
    passphrase: &str,
    locked: &Locked,
) -> Result<Vec<u8>, CryptoError> {
    let key = derive(
        &words::normalise(passphrase),
        &locked.salt,
        locked.iterations,
    )
    .await?;
    open(&key, &locked.nonce, &locked.header, &locked.ciphertext).await
}

/// A new client code, or `None` if this browser has no secure random
/// numbers (summaries are then shared without one).
pub fn new_client_code() -> Option<crate::share::code::ClientCode> {
    random::<10>()
        .ok()
        .map(|b| crate::share::code::ClientCode::from_random(&b))
}

/// A suggested passphrase of plain words, or `None` if this browser has
/// no secure random numbers (the client can then write their own).
pub fn suggest_passphrase() -> Option<String> {
    random::<{ words::COUNT }>()
        .ok()
        .map(|b| words::passphrase(&b))
}
