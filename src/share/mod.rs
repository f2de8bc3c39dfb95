//! Share a scenario as a link: the scenario travels in the URL fragment
//! (`#…`), which browsers never send to a server.
//!
//! ## Link format (versioned)
//! - `#s1=<payload>` — plain: `payload` = base64url (no padding) of the
//!   compact scenario JSON compressed in the zlib format (RFC 1950: DEFLATE
//!   plus an Adler-32 checksum of the JSON; the browser's
//!   `CompressionStream("deflate")`). The checksum costs 6 bytes and makes
//!   any changed character of a plain link fail to open instead of opening
//!   with different figures (raw DEFLATE has no check).
//! - `#e1=<salt>.<iv>.<ciphertext>` — encrypted: the same compressed bytes
//!   sealed with AES-GCM-256 under a key derived from the password by
//!   PBKDF2-SHA-256, [`PBKDF2_ITERATIONS`] iterations, a random 16-byte salt
//!   and a random 12-byte IV, each part base64url. The password never enters
//!   the link.
//!
//! A later format is `s2=`/`e2=`; this build reports it as
//! [`ShareError::NewerVersion`] instead of misreading it.
//!
//! ## Limits
//! A link's payload (compressed or sealed bytes) may hold at most
//! [`MAX_PAYLOAD_BYTES`]; longer links are refused before anything is
//! decoded. Inflating stops at [`MAX_JSON_BYTES`], so a small "zip bomb"
//! cannot exhaust memory.
//!
//! ## Split
//! Everything that decides — format, limits, privacy selection, errors, QR
//! code — is pure and tested natively. [`browser`] (wasm only) compresses,
//! inflates, encrypts and decrypts through the browser's own streams and
//! Web Crypto, which cost no bundle bytes.

mod base64url;
mod privacy;
mod qr;

#[cfg(target_arch = "wasm32")]
pub mod browser;

#[cfg(test)]
mod tests;

pub use base64url::Base64Error;
pub use privacy::{Personal, Selection};
pub use qr::{qr_code, Qr, QrError, QR_QUIET_ZONE};

use crate::scenario::{Scenario, ScenarioError};

/// The link format this build writes and reads.
pub const LINK_VERSION: u32 = 1;
/// Largest payload a link may carry, in bytes (compressed or sealed).
pub const MAX_PAYLOAD_BYTES: usize = 64 * 1024;
/// Largest scenario JSON a link may inflate to (the file-import limit).
pub const MAX_JSON_BYTES: usize = 1024 * 1024;
/// Above this many characters some messengers cut links: warn.
pub const LONG_LINK_CHARS: usize = 2000;
pub const PBKDF2_ITERATIONS: u32 = 600_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// The AES-GCM authentication tag at the end of every ciphertext.
pub const TAG_BYTES: usize = 16;

/// Why a link could not be made or opened. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Characters no link contains (not base64url).
    NotBase64,
    /// A part is missing or too short: the link was cut off.
    Truncated,
    /// More data than a link may hold; `limit` in bytes.
    TooLarge { limit: usize },
    /// Written by a newer version of the app (link format `version`).
    NewerVersion(u32),
    /// The data does not decompress: the link was altered or cut off.
    Damaged,
    /// The link is encrypted: ask for its password.
    NeedsPassword,
    /// AES-GCM refused: the password is wrong, or the link was altered
    /// (the two cannot be told apart; that is what authentication means).
    WrongPasswordOrAltered,
    /// The data is not a scenario this app can read (names the field).
    Scenario(ScenarioError),
    /// This browser lacks compression streams or Web Crypto (or the page
    /// is not served over HTTPS, which Web Crypto needs).
    Unsupported,
}

/// What a link is busy with, for the page to show while it waits. Deriving
/// the key (600,000 PBKDF2 rounds) takes a second or more on a slow phone;
/// Web Crypto reports no finer progress than these steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Compressing,
    DerivingKey,
    Encrypting,
    Decrypting,
    Inflating,
}

/// A parsed link, before any decompression or decryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// zlib-compressed scenario JSON.
    Plain(Vec<u8>),
    Sealed(Sealed),
}

/// An encrypted payload: AES-GCM ciphertext (tag included) of the
/// compressed scenario, with what is needed to derive the key again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub salt: [u8; SALT_BYTES],
    pub iv: [u8; IV_BYTES],
    pub ciphertext: Vec<u8>,
}

impl Link {
    pub fn needs_password(&self) -> bool {
        matches!(self, Self::Sealed(_))
    }

    /// The fragment, without `#`: `s1=…` or `e1=…`.
    pub fn fragment(&self) -> String {
        use base64url::encode;
        match self {
            Self::Plain(deflated) => format!("s{LINK_VERSION}={}", encode(deflated)),
            Self::Sealed(s) => format!("e{LINK_VERSION}={}.{}.{}", encode(&s.salt), encode(&s.iv), encode(&s.ciphertext)),
        }
    }

    /// Reads a fragment (with or without `#`). `Ok(None)`: not a share
    /// link at all (an in-page anchor, say); `Err`: a share link that is bad.
    pub fn parse(fragment: &str) -> Result<Option<Link>, ShareError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some((kind, version, body)) = split_fragment(fragment) else { return Ok(None) };
        if version != LINK_VERSION {
            return Err(if version > LINK_VERSION { ShareError::NewerVersion(version) } else { ShareError::Damaged });
        }
        match kind {
            b's' => Ok(Some(Link::Plain(decode_payload(body)?))),
            _ => parse_sealed(body).map(|s| Some(Link::Sealed(s))),
        }
    }
}

/// `s12=body` → (`s`, 12, `body`); `None` unless it has that shape.
fn split_fragment(fragment: &str) -> Option<(u8, u32, &str)> {
    let (head, body) = fragment.split_once('=')?;
    let kind = *head.as_bytes().first().filter(|k| matches!(k, b's' | b'e'))?;
    let digits = &head[1..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // More digits than a u32 holds is still "some later version".
    Some((kind, digits.parse().unwrap_or(u32::MAX), body))
}

/// `true` when `fragment` is meant as a share link (good or bad), so the
/// page should read it and then remove it from the address bar.
pub fn is_link_fragment(fragment: &str) -> bool {
    split_fragment(fragment.strip_prefix('#').unwrap_or(fragment)).is_some()
}

fn decode_part(text: &str) -> Result<Vec<u8>, ShareError> {
    base64url::decode(text).map_err(|e| match e {
        Base64Error::Character => ShareError::NotBase64,
        Base64Error::Length => ShareError::Truncated,
        Base64Error::TrailingBits => ShareError::Damaged,
    })
}

/// Decodes the payload part, refusing an oversized one before decoding.
fn decode_payload(text: &str) -> Result<Vec<u8>, ShareError> {
    if text.len() > base64url::encoded_len(MAX_PAYLOAD_BYTES) {
        return Err(ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES });
    }
    if text.is_empty() {
        return Err(ShareError::Truncated);
    }
    decode_part(text)
}

/// A part of exactly `N` bytes (salt, IV), its length checked first.
fn decode_fixed<const N: usize>(text: &str) -> Result<[u8; N], ShareError> {
    match text.len().cmp(&base64url::encoded_len(N)) {
        std::cmp::Ordering::Less => Err(ShareError::Truncated),
        std::cmp::Ordering::Greater => Err(ShareError::Damaged),
        std::cmp::Ordering::Equal => decode_part(text)?.try_into().map_err(|_| ShareError::Damaged),
    }
}

fn parse_sealed(body: &str) -> Result<Sealed, ShareError> {
    let mut parts = body.splitn(3, '.');
    let (salt, iv, ciphertext) = match (parts.next(), parts.next(), parts.next()) {
        (Some(s), Some(i), Some(c)) => (s, i, c),
        _ => return Err(ShareError::Truncated),
    };
    let salt = decode_fixed(salt)?;
    let iv = decode_fixed(iv)?;
    let ciphertext = decode_payload(ciphertext)?;
    if ciphertext.len() <= TAG_BYTES {
        return Err(ShareError::Truncated);
    }
    Ok(Sealed { salt, iv, ciphertext })
}

/// The page's address with `fragment` as its fragment (any old one dropped).
pub fn link_url(page_url: &str, fragment: &str) -> String {
    let base = page_url.split_once('#').map_or(page_url, |(base, _)| base);
    format!("{base}#{fragment}")
}

/// Some messengers cut links longer than this: say so next to the link.
pub fn is_long(link: &str) -> bool {
    link.len() > LONG_LINK_CHARS
}

/// The bytes a link carries before compression: the compact scenario JSON,
/// holding only the personal data `selection` includes.
pub fn payload(scenario: &Scenario, selection: Selection) -> Vec<u8> {
    let mut s = scenario.clone();
    selection.apply(&mut s);
    // Through the writer the app already has (drafts use it): a second
    // serialiser of every scenario type added 5.6 KB of wasm.
    s.to_compact_json().into_bytes()
}

/// Reads inflated link data as a scenario (strict, versioned, validated).
pub fn read_payload(json: &[u8]) -> Result<Scenario, ShareError> {
    if json.len() > MAX_JSON_BYTES {
        return Err(ShareError::TooLarge { limit: MAX_JSON_BYTES });
    }
    let text = std::str::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    Scenario::from_json(text).map_err(ShareError::Scenario)
}
