//! base64url without padding (RFC 4648 §5), strict both ways.
//!
//! Hand-written rather than the `base64` crate: the two functions below are
//! all the link needs and compile to well under 1 KB of wasm, where the
//! crate's engine abstraction costs several. Decoding refuses anything that
//! [`encode`] could not have produced: characters outside the alphabet,
//! `=` padding, a length of 1 mod 4, and non-zero unused bits in the last
//! character (so every byte string has exactly one spelling).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a string is not canonical base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside `A–Z a–z 0–9 - _` (padding included).
    Character,
    /// A length no encoding has (1 more than a multiple of 4): cut short.
    Length,
    /// The last character carries bits that encode nothing.
    TrailingBits,
}

/// Characters [`encode`] writes for `bytes` bytes.
pub const fn encoded_len(bytes: usize) -> usize {
    (bytes / 3) * 4 + [0, 2, 3][bytes % 3]
}

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(encoded_len(bytes.len()));
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        // Checked after the alphabet so "not base64 at all" wins over "short".
        return Err(if text.iter().all(|&c| value(c).is_some()) { Base64Error::Length } else { Base64Error::Character });
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= value(c).ok_or(Base64Error::Character)? << (18 - 6 * k);
        }
        let bytes = chunk.len() - 1;
        // The bits below the last whole byte must be zero.
        if n & (0xff_ffff >> (8 * bytes)) != 0 {
            return Err(Base64Error::TrailingBits);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=bytes]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rfc_4648_vectors_without_padding() {
        // RFC 4648 §10, with the padding removed.
        for (plain, coded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        // The two url-safe characters (standard base64 would say "+/8=").
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8").unwrap(), [0xfb, 0xff]);
    }

    #[test]
    fn refuses_what_encode_never_writes() {
        assert_eq!(decode("Zg=="), Err(Base64Error::Character));
        assert_eq!(decode("Zm9+"), Err(Base64Error::Character));
        assert_eq!(decode("Zm9/"), Err(Base64Error::Character));
        assert_eq!(decode("Zm 9"), Err(Base64Error::Character));
        assert_eq!(decode("Zm9vé"), Err(Base64Error::Character));
        assert_eq!(decode("Zm9vY"), Err(Base64Error::Length));
        assert_eq!(decode("Z"), Err(Base64Error::Length));
        assert_eq!(decode("Z%"), Err(Base64Error::Character));
        // "Zh" would decode to "f" too if the spare bits were ignored.
        assert_eq!(decode("Zh"), Err(Base64Error::TrailingBits));
        assert_eq!(decode("Zm9"), Err(Base64Error::TrailingBits));
    }

    proptest! {
        #[test]
        fn round_trips_and_has_one_spelling(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let text = encode(&bytes);
            prop_assert_eq!(text.len(), encoded_len(bytes.len()));
            prop_assert!(text.bytes().all(|c| ALPHABET.contains(&c)));
            prop_assert_eq!(decode(&text).unwrap(), bytes);
        }

        #[test]
        fn decoding_any_text_never_panics(text in ".{0,40}") {
            if let Ok(bytes) = decode(&text) {
                prop_assert_eq!(encode(&bytes), text);
            }
        }
    }
}
