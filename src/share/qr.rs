//! A QR code of the link, as an SVG string, for a helper sitting beside
//! the borrower to scan. The code's bytes are exactly the link (byte mode).
//!
//! Encoding is Project Nayuki's `qrcodegen` (no dependencies, a reference
//! implementation of ISO/IEC 18004). Error correction starts at Low and is
//! raised as far as the chosen size allows: the code is read from a screen,
//! where damage is rare and bigger modules help old cameras more than
//! redundancy does; Low also lets the longest links (2,953 bytes at
//! version 40) still get a code.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;

/// Light modules around the code, as the standard requires (4).
pub const QR_QUIET_ZONE: i32 = 4;

/// Error-correction level: roughly the share of the code that may be
/// damaged and still read (7 %, 15 %, 25 %, 30 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecc {
    Low,
    Medium,
    Quartile,
    High,
}

/// A QR code of a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    /// `<svg>` with one `<rect>` (the light background) and one `<path>`
    /// (the dark modules); dark on light in every colour scheme, as
    /// scanners expect. Sized by its `viewBox`: the page sets the width.
    pub svg: String,
    /// 1–40.
    pub version: u8,
    /// Modules per side, quiet zone excluded.
    pub size: i32,
    pub ecc: Ecc,
    /// The link is long enough that some messengers cut it.
    pub long: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrError {
    /// More bytes than the largest QR code holds.
    TooLong,
}

/// The QR code of `link`.
pub fn qr_code(link: &str) -> Result<Qr, QrError> {
    let code = QrCode::encode_binary(link.as_bytes(), QrCodeEcc::Low).map_err(|_| QrError::TooLong)?;
    let ecc = match code.error_correction_level() {
        QrCodeEcc::Low => Ecc::Low,
        QrCodeEcc::Medium => Ecc::Medium,
        QrCodeEcc::Quartile => Ecc::Quartile,
        QrCodeEcc::High => Ecc::High,
    };
    Ok(Qr { svg: svg(&code), version: code.version().value(), size: code.size(), ecc, long: super::is_long(link) })
}

/// One path of horizontal runs of dark modules, offset by the quiet zone.
fn svg(code: &QrCode) -> String {
    let side = code.size() + 2 * QR_QUIET_ZONE;
    let mut d = String::new();
    for y in 0..code.size() {
        let mut x = 0;
        while x < code.size() {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < code.size() && code.get_module(x, y) {
                x += 1;
            }
            // Writing to a String cannot fail.
            let _ = write!(d, "M{} {}h{}v1h-{}z", start + QR_QUIET_ZONE, y + QR_QUIET_ZONE, x - start, x - start);
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
    )
}
