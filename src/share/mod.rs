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
//! - `#e2=<salt>.<iv>.<length>.<ciphertext>` — encrypted: the same
//!   compressed bytes sealed with AES-GCM-256 under a key derived from the
//!   password by PBKDF2-SHA-256, [`PBKDF2_ITERATIONS`] iterations, a random
//!   16-byte salt and a random 12-byte IV, each part base64url; `length` is
//!   the ciphertext's length in bytes, in decimal, so a link a messenger cut
//!   short says so before asking for a password that cannot open it (review
//!   w14 S14). The password never enters the link. [`SEALED_VERSION`].
//! - `#e1=<salt>.<iv>.<ciphertext>` — the encrypted links of earlier builds,
//!   without the length: still read.
//!
//! A later format is `s2=`/`e3=`; this build reports it as
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

/// The plain link format this build writes and reads.
pub const LINK_VERSION: u32 = 1;
/// The encrypted link format this build writes (it reads 1 as well).
pub const SEALED_VERSION: u32 = 2;
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

    /// The fragment, without `#`: `s1=…` or `e2=…`.
    pub fn fragment(&self) -> String {
        use base64url::encode;
        match self {
            Self::Plain(deflated) => format!("s{LINK_VERSION}={}", encode(deflated)),
            Self::Sealed(s) => format!("e{SEALED_VERSION}={}.{}.{}.{}", encode(&s.salt), encode(&s.iv), s.ciphertext.len(), encode(&s.ciphertext)),
        }
    }

    /// Reads a fragment (with or without `#`). `Ok(None)`: not a share
    /// link at all (an in-page anchor, say); `Err`: a share link that is bad.
    pub fn parse(fragment: &str) -> Result<Option<Link>, ShareError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let Some((kind, version, body)) = split_fragment(fragment) else { return Ok(None) };
        let newest = if kind == b's' { LINK_VERSION } else { SEALED_VERSION };
        if version > newest {
            return Err(ShareError::NewerVersion(version));
        }
        match (kind, version) {
            (b's', 1) => Ok(Some(Link::Plain(decode_payload(body)?))),
            (b'e', 1) => parse_sealed(body, false).map(|s| Some(Link::Sealed(s))),
            (b'e', 2) => parse_sealed(body, true).map(|s| Some(Link::Sealed(s))),
            _ => Err(ShareError::Damaged),
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

/// `salt.iv.ciphertext`, or with `counted` (format 2) `salt.iv.length.ciphertext`:
/// a ciphertext shorter than its length was cut off, and says so before
/// any password is asked for.
fn parse_sealed(body: &str, counted: bool) -> Result<Sealed, ShareError> {
    let mut parts = body.splitn(if counted { 4 } else { 3 }, '.');
    let (salt, iv) = (parts.next(), parts.next());
    let length = if counted { parts.next() } else { Some("") };
    let (Some(salt), Some(iv), Some(length), Some(ciphertext)) = (salt, iv, length, parts.next()) else {
        return Err(ShareError::Truncated);
    };
    let salt = decode_fixed(salt)?;
    let iv = decode_fixed(iv)?;
    let length = match counted {
        // Digits only: more than a payload may hold is refused as too large.
        true if !length.is_empty() && length.bytes().all(|b| b.is_ascii_digit()) => length.parse::<usize>().unwrap_or(usize::MAX),
        true => return Err(if length.is_empty() { ShareError::Truncated } else { ShareError::NotBase64 }),
        false => 0,
    };
    if length > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES });
    }
    // The text's length first: a link cut mid-character would otherwise
    // read as altered (its last character's spare bits).
    if counted {
        match ciphertext.len().cmp(&base64url::encoded_len(length)) {
            std::cmp::Ordering::Less => return Err(ShareError::Truncated),
            std::cmp::Ordering::Greater => return Err(ShareError::Damaged),
            std::cmp::Ordering::Equal => {}
        }
    }
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

/// What a draft opened from a link remembers of it
/// ([`crate::store::DraftMeta::link`]): a 64-bit FNV-1a hash of the
/// fragment, in hex. Not the link itself (an encrypted link's ciphertext
/// has no place in the index), and never read back as data: equal keys
/// only say "this link was opened before".
pub fn link_key(link: &Link) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in link.fragment().bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
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
