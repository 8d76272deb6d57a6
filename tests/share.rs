//! Shared summaries end to end, natively: protected round trips with the
//! same algorithms the browser uses (RustCrypto here, WebCrypto there),
//! checked against a vector WebCrypto made.

use aes_gcm::aead::{Aead, KeyInit, Payload as AeadPayload};
use aes_gcm::{Aes256Gcm, Nonce};
use alongside::share::link::{self, Payload, ShareError, ITERATIONS, NONCE_LEN, SALT_LEN};
use alongside::share::summary::{typical, Summary};
use alongside::share::words;

fn summary() -> Summary {
    typical("2026-11-21T10:00:00Z".parse().unwrap())
}

fn key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    // Derivation is the slow part (on purpose): remember keys already made.
    type Keys = std::collections::HashMap<(String, Vec<u8>, u32), [u8; 32]>;
    thread_local! {
        static KEYS: std::cell::RefCell<Keys> = Default::default();
    }
    let id = (words::normalise(passphrase), salt.to_vec(), iterations);
    if let Some(k) = KEYS.with(|m| m.borrow().get(&id).copied()) {
        return k;
    }
    let mut key = [0; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(id.0.as_bytes(), salt, iterations, &mut key);
    KEYS.with(|m| m.borrow_mut().insert(id, key));
    key
}

/// What the browser does on "Make a protected link".
fn seal(
    summary: &Summary,
    passphrase: &str,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
) -> String {
    let body = link::pack(summary);
    let header = link::sealed_header(ITERATIONS, &salt, &nonce, body.len());
    let cipher = Aes256Gcm::new(&key(passphrase, &salt, ITERATIONS).into());
    let ct = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            AeadPayload {
                msg: &body,
                aad: &header,
            },
        )
        .unwrap();
    link::sealed(&header, &ct)
}

/// What the review page does with a passphrase.
fn open(text: &str, passphrase: &str) -> Result<Summary, ShareError> {
    match link::read(text)? {
        Payload::Plain(s) => Ok(*s),
        Payload::Locked(l) => {
            let cipher = Aes256Gcm::new(&key(passphrase, &l.salt, l.iterations).into());
            let body = cipher
                .decrypt(
                    Nonce::from_slice(&l.nonce),
                    AeadPayload {
                        msg: &l.ciphertext,
                        aad: &l.header,
                    },
                )
                .map_err(|_| ShareError::WrongPassphrase)?;
            link::unpack(&body)
        }
    }
}

#[test]
fn a_protected_summary_opens_with_its_passphrase_only() {
    let s = summary();
    let pass = words::passphrase(&[3, 141, 59, 26, 200]);
    let sealed = seal(&s, &pass, [5; SALT_LEN], [6; NONCE_LEN]);
    let url = format!("https://alongside.example/review#{sealed}");
    println!(
        "typical summary, protected: {} characters as a link",
        url.len()
    );
    assert!(url.len() <= 2_000);
    let (_, width) = alongside::share::qr::modules(&url).expect("fits a QR code");
    println!(
        "typical summary, protected: a QR code of version {} ({width} modules a side)",
        (width - 17) / 4
    );
    assert_eq!(open(&url, &pass), Ok(s.clone()));
    // Typed with a capital and extra spaces, as people do.
    let typed = format!(" {} ", pass.replacen(' ', "  ", 2));
    let mut chars = typed.chars();
    let typed: String = chars
        .next()
        .into_iter()
        .chain(chars.next().map(|c| c.to_ascii_uppercase()))
        .chain(chars)
        .collect();
    assert_eq!(open(&url, &typed), Ok(s));
    assert_eq!(
        open(&url, "apple river candle tiger spoons"),
        Err(ShareError::WrongPassphrase)
    );
}

#[test]
fn a_fresh_salt_and_nonce_make_every_protected_link_different() {
    let s = summary();
    let a = seal(&s, "same words every time", [1; SALT_LEN], [1; NONCE_LEN]);
    let b = seal(&s, "same words every time", [2; SALT_LEN], [2; NONCE_LEN]);
    assert_ne!(a, b);
}

#[test]
fn any_flipped_bit_of_a_protected_link_is_refused() {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let pass = "apple river candle tiger spoon";
    let sealed = seal(&summary(), pass, [5; SALT_LEN], [6; NONCE_LEN]);
    let bytes = URL_SAFE_NO_PAD.decode(&sealed).unwrap();
    // A flip in the rounds or the salt costs a fresh key derivation of up
    // to 2,000,000 rounds, so those bits are sampled (every 8th); every
    // other bit, of the header and of the ciphertext, is flipped.
    let slow_bits = 5 * 8..(5 + 4 + SALT_LEN) * 8;
    let bits = (0..bytes.len() * 8).filter(|i| !slow_bits.contains(i) || i % 8 == 3);
    let mut tried = 0;
    for i in bits {
        let mut b = bytes.clone();
        b[i / 8] ^= 1 << (i % 8);
        assert!(open(&URL_SAFE_NO_PAD.encode(&b), pass).is_err(), "bit {i}");
        tried += 1;
    }
    assert!(tried > bytes.len() * 7);
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn a_vector_made_by_webcrypto_decrypts_here() {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/share/webcrypto-vector.json")).unwrap();
    let field = |k: &str| v[k].as_str().unwrap().to_string();
    let salt = unhex(&field("salt"));
    let iterations = u32::try_from(v["iterations"].as_u64().unwrap()).unwrap();
    let cipher = Aes256Gcm::new(&key(&field("passphrase"), &salt, iterations).into());
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&unhex(&field("nonce"))),
            AeadPayload {
                msg: &unhex(&field("ciphertext")),
                aad: &unhex(&field("aad")),
            },
        )
        .unwrap();
    assert_eq!(String::from_utf8(plain).unwrap(), field("plaintext"));
}

#[test]
fn the_typical_plain_link_length_is_reported() {
    let url = format!(
        "https://alongside.example/review#{}",
        link::plain(&summary())
    );
    println!("typical summary, plain: {} characters as a link", url.len());
    assert!(url.len() <= 2_000);
    // It still fits a QR code a phone camera reads.
    let (_, width) = alongside::share::qr::modules(&url).expect("fits a QR code");
    println!(
        "typical summary, plain: a QR code of version {} ({width} modules a side)",
        (width - 17) / 4
    );
}

/// A fixture made by a released build (tests/fixtures/released/, made by
/// scripts/make-fixtures.mjs from commit 07e765b).
fn released(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/released/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap().trim().to_string()
}

#[test]
fn links_made_by_the_released_build_still_open() {
    let plain = open(&released("link-plain.txt"), "").expect("the plain link opens");
    assert_eq!(plain.name.as_deref(), Some("Maureen"));
    assert!(!plain.goals.is_empty());
    let protected = open(
        &released("link-protected.txt"),
        &released("link-passphrase.txt"),
    )
    .expect("the protected link opens with its passphrase");
    assert_eq!(protected.name.as_deref(), Some("Maureen"));
    assert_eq!(
        open(&released("link-protected.txt"), "not the passphrase at all"),
        Err(ShareError::WrongPassphrase)
    );
    // Read by today's one rule for showing values (older links lack the
    // newer fields): mood in words, never "out of 5"; whole numbers for
    // units counted whole, such as L/min.
    let today = plain.to;
    let changes = plain.changes(today);
    assert!(!plain.measures.is_empty());
    for (m, line) in plain.measures.iter().zip(&changes.measures) {
        for words in [plain.figures(m, today), line.words.clone()] {
            assert!(!words.contains("out of 5"), "{words}");
            if alongside::model::diary::unit_places(&m.unit) == Some(0) {
                let unit = format!(" {}", m.unit);
                for (at, _) in words.match_indices(&unit) {
                    let number = words[..at].rsplit(' ').next().unwrap_or_default();
                    assert!(!number.contains('.'), "{words}");
                }
            }
        }
    }
}

#[test]
fn a_protected_link_is_told_apart_before_it_is_opened() {
    let s = summary();
    let sealed = seal(&s, "river tulip", [3; SALT_LEN], [4; NONCE_LEN]);
    let plain = link::plain(&s);
    assert!(link::is_protected(&sealed));
    assert!(link::is_protected(&format!(
        "https://example.org/review#{sealed}"
    )));
    assert!(link::is_protected(&released("link-protected.txt")));
    assert!(!link::is_protected(&plain));
    assert!(!link::is_protected(&released("link-plain.txt")));
    // Cut short, damaged or not ours: read says why, at once.
    assert!(!link::is_protected(&sealed[..sealed.len() - 8]));
    assert!(!link::is_protected(&sealed[..3]));
    assert!(!link::is_protected(""));
    assert!(!link::is_protected("not a link at all"));
    let newer = format!("Ag{}", &sealed[2..]);
    assert!(!link::is_protected(&newer));
    assert_eq!(
        link::read(&sealed[..sealed.len() - 8]).err(),
        Some(ShareError::Incomplete)
    );
}
