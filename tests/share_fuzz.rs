//! A long property run of the share decoder (in place of cargo-fuzz, which
//! needs a nightly compiler): mutated real payloads and arbitrary input,
//! none of which may panic or be accepted as a different summary.
//! `SHARE_FUZZ_CASES` sets how many (200,000 by default).

use alongside::share::link::{self, Payload};
use alongside::share::summary::typical;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: enough to spread mutations, and repeatable.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn the_decoder_survives_mutated_and_arbitrary_input() {
    let cases: usize = std::env::var("SHARE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let summary = typical("2026-11-21T10:00:00Z".parse().unwrap());
    let good = URL_SAFE_NO_PAD.decode(link::plain(&summary)).unwrap();
    let sealed = URL_SAFE_NO_PAD
        .decode(link::sealed(
            &link::sealed_header(link::ITERATIONS, &[1; 16], &[2; 12], 300 - link::TAG_LEN),
            &[9; 300],
        ))
        .unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut refused, mut same, mut locked) = (0usize, 0usize, 0usize);
    for n in 0..cases {
        let mut bytes = if n % 2 == 0 {
            good.clone()
        } else {
            sealed.clone()
        };
        match rng.below(6) {
            0 => bytes.truncate(rng.below(bytes.len())),
            1 => {
                for _ in 0..=rng.below(8) {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
            }
            2 => {
                let i = rng.below(bytes.len());
                bytes.insert(i, rng.next() as u8);
            }
            3 => {
                let i = rng.below(bytes.len());
                bytes.remove(i);
            }
            4 => bytes = (0..rng.below(2_000)).map(|_| rng.next() as u8).collect(),
            _ => {
                // Keep the header, replace the body.
                bytes.truncate(2);
                bytes.extend((0..rng.below(600)).map(|_| rng.next() as u8));
            }
        }
        let text = if rng.below(10) == 0 {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            URL_SAFE_NO_PAD.encode(&bytes)
        };
        match link::read(&text) {
            Err(e) => {
                assert!(!e.message().is_empty());
                refused += 1;
            }
            // A mutation that changes nothing the summary holds (none is
            // expected) must still give the very same summary.
            Ok(Payload::Plain(s)) => {
                assert_eq!(*s, summary, "case {n} decoded to a different summary");
                same += 1;
            }
            Ok(Payload::Locked(_)) => locked += 1,
        }
    }
    println!("{cases} inputs: {refused} refused, {same} read as the original, {locked} locked (checked by the passphrase), 0 panics");
    assert_eq!(refused + same + locked, cases);
}
