//! Passphrase-protected backup files: the bytes around the encryption.
//!
//! A protected backup uses exactly the scheme of a protected share link
//! ([`crate::share::link`]): format version 1, protection 1, PBKDF2-SHA256
//! iterations, salt and nonce, all bound to the AES-256-GCM ciphertext as
//! associated data. What is encrypted is the backup file's JSON text
//! (from [`super::backup::Backup::to_file`]), deflate-compressed. The file
//! is two lines: [`HEADING`], saying what it is, then the sealed bytes as
//! base64url without padding. The format is in `docs/storage-format.md`.
//!
//! The cipher itself runs in the browser (WebCrypto); this module is pure
//! so that every check is tested natively. Decoders never panic and never
//! inflate past [`MAX_BACKUP_BYTES`].

use super::backup::{BackupError, MAX_BACKUP_BYTES};
use crate::share::link::{self, Locked, ShareError};

/// The first line of every protected backup file.
pub const HEADING: &str = "Alongside backup, protected with a passphrase. Open it in Alongside: My data, Restore a backup.";

/// True if `text` is a protected backup file (it may still be damaged).
pub fn is_protected(text: &str) -> bool {
    text.trim_start().starts_with(HEADING)
}

/// The body to encrypt: the backup file's text, compressed.
pub fn body(backup_json: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(backup_json.as_bytes(), 6)
}

/// The text of a protected backup file, from the header made by
/// [`link::sealed_header`] and the ciphertext with its tag.
pub fn file_text(header: &[u8], ciphertext: &[u8]) -> String {
    format!("{HEADING}\n{}\n", link::sealed(header, ciphertext))
}

/// Reads a protected backup file as far as it can be read without the
/// passphrase. Checks its size, heading, version and key-derivation
/// bounds before any slow work is done.
pub fn read(text: &str) -> Result<Locked, BackupError> {
    // Base64 is a third longer than what it holds.
    if text.len() > MAX_BACKUP_BYTES * 4 / 3 + 1024 {
        return Err(BackupError::TooLarge);
    }
    let rest = text
        .trim_start()
        .strip_prefix(HEADING)
        .ok_or(BackupError::NotABackup)?;
    if rest.trim().is_empty() {
        return Err(BackupError::Damaged);
    }
    let bytes = link::decode_text(rest).map_err(|_| BackupError::Damaged)?;
    link::locked(&bytes).map_err(|e| match e {
        ShareError::Newer => BackupError::Newer,
        ShareError::TooLarge => BackupError::TooLarge,
        _ => BackupError::Damaged,
    })
}

/// The backup file's text from the decrypted body, within bounds. Pass
/// the result to [`super::backup::Backup::from_file`], which checks the
/// rest.
pub fn unpack(plain: &[u8]) -> Result<String, BackupError> {
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(plain, MAX_BACKUP_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => BackupError::TooLarge,
            _ => BackupError::Damaged,
        })?;
    String::from_utf8(json).map_err(|_| BackupError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::link::{sealed_header, ITERATIONS, MAX_ITERATIONS, NONCE_LEN, SALT_LEN};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn sample() -> String {
        let header = sealed_header(ITERATIONS, &[3; SALT_LEN], &[4; NONCE_LEN], 32);
        file_text(&header, &[9; 48])
    }

    #[test]
    fn a_protected_file_says_what_it_is_and_reads_back() {
        let text = sample();
        assert!(text.starts_with(HEADING));
        assert!(is_protected(&text));
        let locked = read(&text).unwrap();
        assert_eq!(locked.iterations, ITERATIONS);
        assert_eq!(locked.salt, [3; SALT_LEN]);
        assert_eq!(locked.nonce, [4; NONCE_LEN]);
        assert_eq!(locked.ciphertext, vec![9; 48]);
        assert_eq!(
            locked.header,
            sealed_header(ITERATIONS, &[3; SALT_LEN], &[4; NONCE_LEN], 32)
        );
    }

    #[test]
    fn bad_files_are_named() {
        assert!(!is_protected("{\"format\":\"alongside-backup\"}"));
        assert_eq!(read("hello"), Err(BackupError::NotABackup));
        assert_eq!(read(HEADING), Err(BackupError::Damaged));
        let text = sample();
        // Cut short anywhere, even inside the ciphertext: the length in
        // the header says so before any passphrase is asked for.
        let full = text.trim_end().len();
        for end in HEADING.len() + 2..full {
            assert_eq!(
                read(&text[..end]),
                Err(BackupError::Damaged),
                "cut at {end}"
            );
        }
        // Not base64url.
        assert_eq!(read(&format!("{HEADING}\n***")), Err(BackupError::Damaged));
        // A newer format version.
        let mut bytes = URL_SAFE_NO_PAD
            .decode(text.lines().nth(1).unwrap())
            .unwrap();
        bytes[0] = 2;
        let newer = format!("{HEADING}\n{}", URL_SAFE_NO_PAD.encode(&bytes));
        assert_eq!(read(&newer), Err(BackupError::Newer));
        // Too few or too many rounds.
        for iterations in [1_000, MAX_ITERATIONS + 1] {
            let header = sealed_header(iterations, &[3; SALT_LEN], &[4; NONCE_LEN], 32);
            assert_eq!(
                read(&file_text(&header, &[9; 48])),
                Err(BackupError::Damaged)
            );
        }
        assert_eq!(
            read(&"A".repeat(MAX_BACKUP_BYTES * 2)),
            Err(BackupError::TooLarge)
        );
    }

    #[test]
    fn the_body_unpacks_to_the_same_text_within_bounds() {
        let json = "{\"format\":\"alongside-backup\"}";
        assert_eq!(unpack(&body(json)).unwrap(), json);
        assert_eq!(unpack(b"not deflate at all"), Err(BackupError::Damaged));
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_BACKUP_BYTES + 1], 6);
        assert_eq!(unpack(&bomb), Err(BackupError::TooLarge));
    }

    /// The whole scheme, with the RustCrypto ciphers the share tests use
    /// in place of WebCrypto: sealed with one passphrase, opened only by it.
    #[test]
    fn a_sealed_backup_opens_only_with_its_passphrase() {
        use aes_gcm::aead::{Aead, KeyInit, Payload};
        use aes_gcm::{Aes256Gcm, Nonce};
        let derive = |p: &str, salt: &[u8]| {
            let mut key = [0u8; 32];
            pbkdf2::pbkdf2_hmac::<sha2::Sha256>(p.as_bytes(), salt, ITERATIONS, &mut key);
            Aes256Gcm::new_from_slice(&key).unwrap()
        };
        let json = "{\"format\":\"alongside-backup\",\"version\":1}";
        let (salt, nonce) = ([5; SALT_LEN], [6; NONCE_LEN]);
        let msg = body(json);
        let header = sealed_header(ITERATIONS, &salt, &nonce, msg.len());
        let sealed = derive("apple bread candle dolphin", &salt)
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &msg,
                    aad: &header,
                },
            )
            .unwrap();
        let locked = read(&file_text(&header, &sealed)).unwrap();
        let open = |p: &str| {
            derive(p, &locked.salt).decrypt(
                Nonce::from_slice(&locked.nonce),
                Payload {
                    msg: &locked.ciphertext,
                    aad: &locked.header,
                },
            )
        };
        assert_eq!(
            unpack(&open("apple bread candle dolphin").unwrap()).unwrap(),
            json
        );
        assert!(open("apple bread candle dolphins").is_err());
    }
}
