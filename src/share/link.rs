//! The share link's payload: a summary turned into text that fits after the
//! `#` of a link (never sent to any server), into a file, or into a QR code,
//! and back again.
//!
//! Layout (before base64url, no padding):
//! - byte 0: format version (1);
//! - byte 1: protection: 0 none, 1 passphrase;
//! - bytes 2 to 4: how many bytes follow (24 bits, big-endian), so a link
//!   cut short is told apart from one that was changed;
//! - with a passphrase: PBKDF2-SHA256 iterations (4 bytes, big-endian),
//!   salt (16 bytes), AES-GCM nonce (12 bytes); all of these bytes are the
//!   associated data, so none can be changed unseen;
//! - then the body: the summary as JSON, deflate-compressed, encrypted
//!   with AES-256-GCM when protected;
//! - without a passphrase, the first 4 bytes of the SHA-256 of everything
//!   before them, so any damage to a plain link is caught (deflate alone
//!   would not notice a change in its unused padding bits, and the GCM tag
//!   does this for protected links).
//!
//! The encryption itself is done by the caller (WebCrypto in the browser,
//! RustCrypto in tests): this module only builds and checks the bytes
//! around it, so it stays pure. Every decoder here is bounded: it never
//! panics and never allocates more than [`MAX_INFLATED`] for the body.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// base64url without padding, reading a last character whose unused bits
/// are not zero.
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    base64::engine::general_purpose::NO_PAD.with_decode_allow_trailing_bits(true),
);

use super::summary::Summary;

/// The format version written.
pub const VERSION: u8 = 1;
/// Fewest PBKDF2 iterations accepted: OWASP's 2023 advice for SHA-256.
pub const MIN_ITERATIONS: u32 = 600_000;
/// Most PBKDF2 iterations accepted, so a crafted link cannot make the
/// phone work for minutes.
pub const MAX_ITERATIONS: u32 = 2_000_000;
/// Iterations written.
pub const ITERATIONS: u32 = MIN_ITERATIONS;
/// Salt length in bytes.
pub const SALT_LEN: usize = 16;
/// AES-GCM nonce length in bytes.
pub const NONCE_LEN: usize = 12;
/// AES-GCM tag length in bytes.
pub const TAG_LEN: usize = 16;
/// Longest payload text read (a file may be longer than a link).
pub const MAX_TEXT: usize = 512 * 1024;
/// Largest summary JSON accepted after decompressing.
pub const MAX_INFLATED: usize = 1024 * 1024;
/// The line a summary file starts with, so it says what it is.
pub const FILE_HEADING: &str = "Alongside summary. Open it at";

const PLAIN: u8 = 0;
const CHECK_LEN: usize = 4;
const PASSPHRASE: u8 = 1;
const PREFIX_LEN: usize = 5;
const SEALED_HEADER_LEN: usize = PREFIX_LEN + 4 + SALT_LEN + NONCE_LEN;

/// The largest payload the 24-bit length can say: 16 MB, far above any
/// summary or compressed backup (browser storage holds 5 to 10 MB).
pub const MAX_PAYLOAD: usize = 0xFF_FFFF;

/// The first five bytes: version, protection and the length of the rest
/// (a longer payload says the largest length, and is then refused when
/// read: never wrapped round to a wrong length).
fn prefix(protection: u8, rest: usize) -> Vec<u8> {
    let n = u32::try_from(rest.min(MAX_PAYLOAD))
        .unwrap_or(0)
        .to_be_bytes();
    vec![VERSION, protection, n[1], n[2], n[3]]
}

/// Why a payload could not be read, said plainly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing that looks like a summary was given.
    Empty,
    /// Cut short, or characters that cannot be in a link.
    Incomplete,
    /// Complete, but changed or damaged on the way.
    Damaged,
    /// Made by a newer version of the app.
    Newer,
    /// Bigger than any summary this app makes.
    TooLarge,
    /// The passphrase does not open it (or it was changed on the way:
    /// encryption cannot tell these apart).
    WrongPassphrase,
}

impl ShareError {
    /// The message shown.
    pub fn message(&self) -> &'static str {
        match self {
            ShareError::Empty => "There is no summary here. Paste the whole link, or choose the file you were sent.",
            ShareError::Incomplete => "This link is incomplete. Ask for it to be sent again.",
            ShareError::Damaged => "This summary has been changed or damaged, so it cannot be shown. Ask for it to be sent again.",
            ShareError::Newer => "This summary was made by a newer version of Alongside. Update the app, then open it again.",
            ShareError::TooLarge => "This is too big to be a summary from Alongside, so it was not opened.",
            ShareError::WrongPassphrase => "That passphrase does not open this summary. Check it and try again.",
        }
    }
}

/// What a payload turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// Readable as it is.
    Plain(Box<Summary>),
    /// Needs the passphrase.
    Locked(Locked),
}

/// A passphrase-protected payload, checked as far as it can be without the
/// passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locked {
    /// PBKDF2-SHA256 iterations, within bounds.
    pub iterations: u32,
    /// The salt.
    pub salt: [u8; SALT_LEN],
    /// The AES-GCM nonce.
    pub nonce: [u8; NONCE_LEN],
    /// The associated data: every byte before the ciphertext.
    pub header: Vec<u8>,
    /// Ciphertext with its tag.
    pub ciphertext: Vec<u8>,
}

/// The summary as compressed JSON: the body to send, or to encrypt.
pub fn pack(summary: &Summary) -> Vec<u8> {
    let json = serde_json::to_vec(summary).unwrap_or_default();
    miniz_oxide::deflate::compress_to_vec(&json, 10)
}

/// Reads a body back, within bounds.
pub fn unpack(body: &[u8]) -> Result<Summary, ShareError> {
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(body, MAX_INFLATED).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => ShareError::Incomplete,
            _ => ShareError::Damaged,
        },
    )?;
    // Invalid UTF-8, duplicate fields, wrong types: all damage.
    let summary: Summary = serde_json::from_slice(&json).map_err(|_| ShareError::Damaged)?;
    summary.check().map_err(|_| ShareError::Damaged)?;
    Ok(summary)
}

/// The payload of an unprotected summary.
pub fn plain(summary: &Summary) -> String {
    let body = pack(summary);
    let mut bytes = prefix(PLAIN, body.len() + CHECK_LEN);
    bytes.extend(body);
    let check = checksum(&bytes);
    bytes.extend(check);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The check bytes of a plain payload.
fn checksum(bytes: &[u8]) -> [u8; CHECK_LEN] {
    let digest = Sha256::digest(bytes);
    let mut out = [0; CHECK_LEN];
    out.copy_from_slice(&digest[..CHECK_LEN]);
    out
}

/// The associated data of a protected payload: everything before the
/// ciphertext. Encrypt [`pack`]'s body (`body_len` bytes) with it, then
/// call [`sealed`].
pub fn sealed_header(
    iterations: u32,
    salt: &[u8; SALT_LEN],
    nonce: &[u8; NONCE_LEN],
    body_len: usize,
) -> Vec<u8> {
    let mut header = prefix(
        PASSPHRASE,
        SEALED_HEADER_LEN - PREFIX_LEN + body_len + TAG_LEN,
    );
    header.extend(iterations.to_be_bytes());
    header.extend(salt);
    header.extend(nonce);
    header
}

/// The payload of a protected summary from its header and ciphertext.
pub fn sealed(header: &[u8], ciphertext: &[u8]) -> String {
    let mut bytes = header.to_vec();
    bytes.extend(ciphertext);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The payload part of whatever was given: a whole link, the part after
/// `#`, a summary file's text, or the payload itself. Spaces and line
/// breaks (from copying out of an email) are ignored.
pub fn payload_text(input: &str) -> &str {
    let input = input.trim();
    let input = match input.rfind('#') {
        Some(i) => &input[i + 1..],
        None => input.rsplit(['\n', '\r']).next().unwrap_or(input),
    };
    input.trim()
}

/// Reads a payload (see [`payload_text`] for what may be given): a
/// readable summary, or a locked one to open with [`open`].
pub fn read(input: &str) -> Result<Payload, ShareError> {
    let text = payload_text(input);
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    if text.len() > MAX_TEXT {
        return Err(ShareError::TooLarge);
    }
    let bytes = decode_text(text)?;
    match bytes.as_slice() {
        [VERSION, PLAIN, ..] => {
            let data = framed(&bytes)?;
            if data.len() < PREFIX_LEN + CHECK_LEN + 1 {
                return Err(ShareError::Damaged);
            }
            let (data, check) = data.split_at(data.len() - CHECK_LEN);
            if checksum(data) != check {
                return Err(ShareError::Damaged);
            }
            Ok(Payload::Plain(Box::new(unpack(&data[PREFIX_LEN..])?)))
        }
        _ => locked(&bytes).map(Payload::Locked),
    }
}

/// Whether `input` (anything [`read`] takes) is a passphrase-protected
/// payload, complete and well-formed as far as can be told without the
/// passphrase. Cheap (no inflating, no JSON), so the review page can ask
/// for the passphrase before the code that opens a summary has arrived;
/// anything else, damaged links included, goes to [`read`] and its
/// message.
pub fn is_protected(input: &str) -> bool {
    let text = payload_text(input);
    text.len() <= MAX_TEXT && decode_text(text).is_ok_and(|bytes| locked(&bytes).is_ok())
}

/// The bytes of base64url text (spaces and line breaks ignored). Unused
/// low bits in the last character are allowed: a link cut at any
/// character then decodes, and the length in the prefix says it is
/// incomplete.
pub fn decode_text(text: &str) -> Result<Vec<u8>, ShareError> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    LENIENT.decode(text.as_bytes()).map_err(|e| match e {
        base64::DecodeError::InvalidLength(_) => ShareError::Incomplete,
        _ => ShareError::Damaged,
    })
}

/// Checks the version and the declared length; the whole payload if both
/// are right.
fn framed(bytes: &[u8]) -> Result<&[u8], ShareError> {
    match bytes {
        [VERSION, PLAIN | PASSPHRASE, a, b, c, rest @ ..] => {
            let declared = usize::from(*a) << 16 | usize::from(*b) << 8 | usize::from(*c);
            match rest.len().cmp(&declared) {
                std::cmp::Ordering::Less => Err(ShareError::Incomplete),
                std::cmp::Ordering::Greater => Err(ShareError::Damaged),
                std::cmp::Ordering::Equal => Ok(bytes),
            }
        }
        [] | [_] | [VERSION, PLAIN | PASSPHRASE, ..] => Err(ShareError::Incomplete),
        // Versions to come are small numbers; anything else is not ours.
        [2..=15, 0 | 1, ..] | [VERSION, 2..=15, ..] => Err(ShareError::Newer),
        _ => Err(ShareError::Damaged),
    }
}

/// Reads the bytes of a passphrase-protected payload (a share link's, or
/// a protected backup's) as far as they can be read without the
/// passphrase: version, length, and rounds within bounds, before any slow
/// work is done.
pub fn locked(bytes: &[u8]) -> Result<Locked, ShareError> {
    let bytes = framed(bytes)?;
    if bytes[1] != PASSPHRASE || bytes.len() < SEALED_HEADER_LEN + TAG_LEN {
        return Err(ShareError::Damaged);
    }
    let (header, ciphertext) = bytes.split_at(SEALED_HEADER_LEN);
    let i = PREFIX_LEN;
    let iterations = u32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
        return Err(ShareError::Damaged);
    }
    let mut salt = [0; SALT_LEN];
    salt.copy_from_slice(&header[i + 4..i + 4 + SALT_LEN]);
    let mut nonce = [0; NONCE_LEN];
    nonce.copy_from_slice(&header[i + 4 + SALT_LEN..]);
    Ok(Locked {
        iterations,
        salt,
        nonce,
        header: header.to_vec(),
        ciphertext: ciphertext.to_vec(),
    })
}

/// The text of a summary file: a line saying what it is and where to
/// open it, then the payload.
pub fn file_text(review_url: &str, payload: &str) -> String {
    format!("{FILE_HEADING} {review_url}\n{payload}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::summary::typical;

    fn summary() -> Summary {
        typical("2026-11-21T10:00:00Z".parse().unwrap())
    }

    #[test]
    fn a_plain_payload_reads_back_the_same_summary() {
        let s = summary();
        let p = plain(&s);
        assert_eq!(read(&p), Ok(Payload::Plain(Box::new(s.clone()))));
        let link = format!("https://alongside.example/review#{p}");
        assert_eq!(read(&link), Ok(Payload::Plain(Box::new(s.clone()))));
        let file = file_text("https://alongside.example/review", &p);
        assert_eq!(read(&file), Ok(Payload::Plain(Box::new(s))));
    }

    #[test]
    fn the_typical_summary_fits_a_link() {
        let p = plain(&summary());
        let link = format!("https://alongside.example/review#{p}");
        assert!(link.len() <= 2_000, "{} characters", link.len());
    }

    #[test]
    fn every_single_flipped_bit_is_refused() {
        let p = plain(&summary());
        let bytes = URL_SAFE_NO_PAD.decode(&p).unwrap();
        for i in 0..bytes.len() * 8 {
            let mut b = bytes.clone();
            b[i / 8] ^= 1 << (i % 8);
            let text = URL_SAFE_NO_PAD.encode(&b);
            assert!(read(&text).is_err(), "bit {i} flipped was accepted");
        }
    }

    #[test]
    fn a_link_cut_short_anywhere_is_called_incomplete() {
        let p = plain(&summary());
        for end in 1..p.len() {
            assert_eq!(read(&p[..end]), Err(ShareError::Incomplete), "cut at {end}");
        }
    }

    #[test]
    fn each_kind_of_bad_input_gets_its_message() {
        let p = plain(&summary());
        assert_eq!(read(""), Err(ShareError::Empty));
        assert_eq!(
            read("https://alongside.example/review#"),
            Err(ShareError::Empty)
        );
        assert!(read(&p[..p.len() / 2]).is_err());
        assert_eq!(
            read(&p[..p.len() - 1])
                .err()
                .map(|e| e != ShareError::Empty),
            Some(true)
        );
        assert_eq!(read("not a summary at all!"), Err(ShareError::Damaged));
        assert_eq!(read("not a summary"), Err(ShareError::Damaged));
        assert_eq!(read("Hello, see you Tuesday"), Err(ShareError::Damaged));
        assert_eq!(
            read("Dear Priya here is my summary"),
            Err(ShareError::Damaged)
        );
        // A later version.
        let mut b = URL_SAFE_NO_PAD.decode(&p).unwrap();
        b[0] = 2;
        assert_eq!(read(&URL_SAFE_NO_PAD.encode(&b)), Err(ShareError::Newer));
        // Too long to be ours.
        assert_eq!(read(&"A".repeat(MAX_TEXT + 1)), Err(ShareError::TooLarge));
    }

    fn payload_of_json(json: &[u8]) -> String {
        let body = miniz_oxide::deflate::compress_to_vec(json, 6);
        let mut bytes = prefix(PLAIN, body.len() + CHECK_LEN);
        bytes.extend(body);
        let check = checksum(&bytes);
        bytes.extend(check);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    #[test]
    fn a_deflate_bomb_stops_at_the_limit() {
        // 50 MB of spaces compress to about 50 KB.
        let bomb = vec![b' '; 50 * 1024 * 1024];
        assert_eq!(read(&payload_of_json(&bomb)), Err(ShareError::TooLarge));
    }

    #[test]
    fn invalid_text_duplicate_fields_and_wrong_shapes_are_damage() {
        let good = serde_json::to_string(&summary()).unwrap();
        let dup = good.replacen("{\"c\":", "{\"c\":1,\"c\":", 1);
        assert_eq!(
            read(&payload_of_json(dup.as_bytes())),
            Err(ShareError::Damaged)
        );
        let mut bad_utf8 = good.clone().into_bytes();
        let at = good.find("Maureen").unwrap();
        bad_utf8[at] = 0xff;
        assert_eq!(read(&payload_of_json(&bad_utf8)), Err(ShareError::Damaged));
        let deep = "[".repeat(100_000);
        assert_eq!(
            read(&payload_of_json(deep.as_bytes())),
            Err(ShareError::Damaged)
        );
        assert_eq!(read(&payload_of_json(b"{}")), Err(ShareError::Damaged));
    }

    #[test]
    fn locked_payloads_check_their_header_before_any_work() {
        let header = sealed_header(ITERATIONS, &[7; SALT_LEN], &[9; NONCE_LEN], 24);
        let p = sealed(&header, &[1; 40]);
        match read(&p) {
            Ok(Payload::Locked(l)) => {
                assert_eq!(l.iterations, ITERATIONS);
                assert_eq!(l.header, header);
                assert_eq!(l.ciphertext, vec![1; 40]);
            }
            other => panic!("{other:?}"),
        }
        for iterations in [0, 1_000, MAX_ITERATIONS + 1, u32::MAX] {
            let header = sealed_header(iterations, &[7; SALT_LEN], &[9; NONCE_LEN], 24);
            assert_eq!(read(&sealed(&header, &[1; 40])), Err(ShareError::Damaged));
        }
        assert_eq!(read(&sealed(&header, &[1; 3])), Err(ShareError::Incomplete));
        assert_eq!(read(&sealed(&header, &[1; 41])), Err(ShareError::Damaged));
    }

    /// Arbitrary bytes and arbitrary text, from a fixed seed: the decoder
    /// never panics. (The longer run is `tests/share_fuzz.rs`.)
    #[test]
    fn arbitrary_input_never_panics() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2_000 {
            let len = (next() % 300) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let _ = read(&URL_SAFE_NO_PAD.encode(&bytes));
            let _ = read(&String::from_utf8_lossy(&bytes));
        }
    }
}
