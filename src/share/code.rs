//! The client's code: a random string made once, at set-up (or at the
//! first share, for clients set up before there were codes), and carried
//! in every summary. It holds no health data and says nothing about the
//! client; a link worker's device uses it only to find an earlier summary
//! of the same client, so two clients with the same name are never mixed.

use serde::{Deserialize, Serialize};

/// How many characters a code has: 80 random bits.
pub const CODE_LEN: usize = 16;

/// The letters and digits a code is written in: lower case, without the
/// easily confused `l`, `o`, `0` and `1`.
const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// The client's code, stored on its own under one key and kept in backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientCode {
    /// The code itself.
    pub code: String,
}

impl ClientCode {
    /// A code from 10 random bytes, five bits a character.
    pub fn from_random(random: &[u8; 10]) -> ClientCode {
        let mut bits: u128 = 0;
        for b in random {
            bits = (bits << 8) | u128::from(*b);
        }
        let code = (0..CODE_LEN)
            .map(|i| char::from(ALPHABET[((bits >> (5 * i)) & 31) as usize]))
            .collect();
        ClientCode { code }
    }

    /// A plain reason if a stored code is not one this app makes.
    pub fn check(&self) -> Result<(), String> {
        if self.code.len() == CODE_LEN && self.code.bytes().all(|b| ALPHABET.contains(&b)) {
            Ok(())
        } else {
            Err("the client code is not in the form this app makes".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_every_random_bit_and_only_plain_characters() {
        let a = ClientCode::from_random(&[0; 10]);
        let b = ClientCode::from_random(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        let c = ClientCode::from_random(&[128, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(a.code, "a".repeat(CODE_LEN));
        assert_ne!(a, b);
        assert_ne!(a, c);
        for code in [&a, &b, &c, &ClientCode::from_random(&[255; 10])] {
            assert!(code.check().is_ok(), "{}", code.code);
        }
        assert!(ClientCode {
            code: "short".into()
        }
        .check()
        .is_err());
        assert!(ClientCode {
            code: "O".repeat(CODE_LEN)
        }
        .check()
        .is_err());
    }
}
