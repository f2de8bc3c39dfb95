//! A QR code of the link, as an SVG string, for a helper sitting beside
//! the borrower to scan. The code's bytes are exactly the link (byte mode).
//!
//! Our own encoder of ISO/IEC 18004 byte mode only (the one mode a link
//! needs), versions 1–40: it replaced the `qrcodegen` crate, whose
//! segments, modes, options and checks cost the share dialog ≈ 2 KB brotli
//! more. It follows that crate step by step and gives the same matrices
//! (tested against it, a dev-dependency, and against python-qrcode):
//! the smallest version that holds the link at Low, error correction then
//! raised as far as that version allows, the mask of lowest penalty
//! (the standard's four rules, as `qrcodegen` reads them; ties go to the
//! lower mask). Low first: the code is read from a screen, where damage is
//! rare and bigger modules help old cameras more than redundancy does;
//! Low also lets the longest links (2,953 bytes at version 40) still get
//! a code.

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

/// Error-correction codewords per block, by level (Low…High) and version
/// (1–40): ISO/IEC 18004 table 9.
const ECC_PER_BLOCK: [[u8; 40]; 4] = [
    [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
    [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
];

/// Error-correction blocks, by level and version (table 9).
const BLOCKS: [[u8; 40]; 4] = [
    [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
    [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
    [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
    [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
];

/// The QR code of `link`.
pub fn qr_code(link: &str) -> Result<Qr, QrError> {
    let bytes = link.as_bytes();
    // Mode indicator, character count (8 bits up to version 9, 16 after)
    // and the bytes: the smallest version whose data codewords hold them.
    let bits = |v: usize| 4 + if v < 10 { 8 } else { 16 } + 8 * bytes.len();
    let version = (1..=40).find(|&v| bits(v) <= 8 * data_codewords(v, 0)).ok_or(QrError::TooLong)?;
    let level = (0..4).rev().find(|&l| bits(version) <= 8 * data_codewords(version, l)).unwrap_or(0);
    let mut grid = Grid::new(version, level);
    grid.place(&codewords(bytes, version, level));
    let mask = (0..8).min_by_key(|&m| grid.masked(level, m).penalty()).unwrap_or(0);
    let grid = grid.masked(level, mask);
    let ecc = [Ecc::Low, Ecc::Medium, Ecc::Quartile, Ecc::High][level];
    Ok(Qr { svg: grid.svg(), version: version as u8, size: grid.size as i32, ecc, long: super::is_long(link) })
}

/// Modules of a version that carry codewords (all but the patterns, the
/// format and the version information).
fn raw_modules(v: usize) -> usize {
    let mut raw = (16 * v + 128) * v + 64;
    if v >= 2 {
        let align = v / 7 + 2;
        raw -= (25 * align - 10) * align - 55;
        if v >= 7 {
            raw -= 36;
        }
    }
    raw
}

fn data_codewords(v: usize, level: usize) -> usize {
    raw_modules(v) / 8 - usize::from(ECC_PER_BLOCK[level][v - 1]) * usize::from(BLOCKS[level][v - 1])
}

/// The data codewords (mode, count, bytes, terminator, padding) split into
/// blocks, each followed by its Reed–Solomon codewords, interleaved.
fn codewords(bytes: &[u8], v: usize, level: usize) -> Vec<u8> {
    let capacity = data_codewords(v, level);
    let mut data = Vec::with_capacity(capacity);
    // Mode 0100 before whole bytes: every byte straddles two codewords.
    let mut carry = 4u8;
    let count = (bytes.len() as u16).to_be_bytes();
    for &b in count[usize::from(v < 10)..].iter().chain(bytes) {
        data.push(carry << 4 | b >> 4);
        carry = b & 15;
    }
    // The last half byte and the 4-bit terminator 0000.
    data.push(carry << 4);
    let used = data.len();
    data.extend((used..capacity).map(|i| if (i - used) % 2 == 0 { 0xEC } else { 0x11 }));

    let ecc_len = usize::from(ECC_PER_BLOCK[level][v - 1]);
    let blocks = usize::from(BLOCKS[level][v - 1]);
    let raw = raw_modules(v) / 8;
    // The first `short` blocks hold one data codeword less than the others.
    let short = blocks - raw % blocks;
    let short_data = raw / blocks - ecc_len;
    let block = |j: usize| {
        let start = j * short_data + j.saturating_sub(short);
        &data[start..start + short_data + usize::from(j >= short)]
    };
    let divisor = rs_divisor(ecc_len);
    let ecc: Vec<Vec<u8>> = (0..blocks).map(|j| rs_remainder(block(j), &divisor)).collect();
    let mut all = Vec::with_capacity(raw);
    for i in 0..=short_data {
        all.extend((0..blocks).filter_map(|j| block(j).get(i)));
    }
    for i in 0..ecc_len {
        all.extend(ecc.iter().filter_map(|e| e.get(i)));
    }
    all
}

/// Product in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z = 0u8;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x1D);
        z ^= ((y >> i) & 1) * x;
    }
    z
}

/// The generator polynomial of `degree` (highest coefficient, always 1,
/// left out), coefficients from the highest power down.
fn rs_divisor(degree: usize) -> Vec<u8> {
    let mut divisor = vec![0u8; degree];
    if let Some(last) = divisor.last_mut() {
        *last = 1;
    }
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            divisor[j] = gf_mul(divisor[j], root) ^ divisor.get(j + 1).copied().unwrap_or(0);
        }
        root = gf_mul(root, 2);
    }
    divisor
}

fn rs_remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; divisor.len()];
    for &b in data {
        let factor = b ^ rem.first().copied().unwrap_or(0);
        rem.rotate_left(1);
        if let Some(last) = rem.last_mut() {
            *last = 0;
        }
        rem.iter_mut().zip(divisor).for_each(|(r, &d)| *r ^= gf_mul(d, factor));
    }
    rem
}

/// The modules, row by row: bit 0 dark, bit 1 part of a pattern or of the
/// format/version information (never masked, never data).
#[derive(Clone)]
struct Grid {
    size: usize,
    cells: Vec<u8>,
}

const DARK: u8 = 1;
const FIXED: u8 = 2;

impl Grid {
    /// Timing, finder and alignment patterns and the version information;
    /// the format information is drawn with the mask.
    fn new(v: usize, level: usize) -> Self {
        let size = 4 * v + 17;
        let mut grid = Grid { size, cells: vec![0; size * size] };
        let s = size as i32;
        for i in 0..s {
            grid.set(6, i, i % 2 == 0);
            grid.set(i, 6, i % 2 == 0);
        }
        for (x, y) in [(3, 3), (s - 4, 3), (3, s - 4)] {
            // Dark but for the rings at distance 2 and 4 (the separator).
            grid.square(x, y, 4, 0b10100);
        }
        let at = alignment_positions(v, s);
        let last = at.len().saturating_sub(1);
        for (i, &x) in at.iter().enumerate() {
            for (j, &y) in at.iter().enumerate() {
                // Not where a finder pattern is.
                if !matches!((i == 0, j == 0, i == last, j == last), (true, true, ..) | (true, _, _, true) | (_, true, true, _)) {
                    grid.square(x, y, 2, 0b10);
                }
            }
        }
        grid.format(level, 0);
        if v >= 7 {
            let bits = bch(v as u32, 12, 0x1F25);
            for i in 0..18 {
                let (a, b) = (s - 11 + i % 3, i / 3);
                grid.set(a, b, bits >> i & 1 != 0);
                grid.set(b, a, bits >> i & 1 != 0);
            }
        }
        grid
    }

    fn set(&mut self, x: i32, y: i32, dark: bool) {
        let s = self.size as i32;
        if (0..s).contains(&x) && (0..s).contains(&y) {
            self.cells[(y * s + x) as usize] = FIXED | u8::from(dark);
        }
    }

    fn dark(&self, x: usize, y: usize) -> bool {
        self.cells[y * self.size + x] & DARK != 0
    }

    /// A square pattern centred on (x, y), light on the rings (by distance
    /// from the centre) whose bits `light` has.
    fn square(&mut self, x: i32, y: i32, radius: i32, light: u32) {
        for dy in -radius..=radius {
            for dx in -radius..=radius {
                self.set(x + dx, y + dy, light >> dx.abs().max(dy.abs()) & 1 == 0);
            }
        }
    }

    /// The 15 format bits (level and mask), in both places.
    fn format(&mut self, level: usize, mask: u32) {
        // The standard's level codes: Low 01, Medium 00, Quartile 11, High 10.
        let bits = bch((level as u32 ^ 1) << 3 | mask, 10, 0x537) ^ 0x5412;
        let s = self.size as i32;
        for i in 0..15 {
            let dark = bits >> i & 1 != 0;
            let (x, y) = match i {
                0..=5 => (8, i),
                6 => (8, 7),
                7 => (8, 8),
                8 => (7, 8),
                _ => (14 - i, 8),
            };
            self.set(x, y, dark);
            let (x, y) = if i < 8 { (s - 1 - i, 8) } else { (8, s - 15 + i) };
            self.set(x, y, dark);
        }
        self.set(8, s - 8, true);
    }

    /// The codewords' bits, in the standard's zigzag of column pairs from
    /// the bottom right; modules left over stay light.
    fn place(&mut self, codewords: &[u8]) {
        let s = self.size;
        let mut bits = codewords.iter().flat_map(|&c| (0..8).rev().map(move |i| c >> i & 1));
        // Right columns of the pairs: s - 1, s - 3, … 7, then 5, 3, 1 (the
        // vertical timing pattern, column 6, is skipped).
        for right in (1..s).rev().step_by(2).map(|r| if r <= 6 { r - 1 } else { r }).filter(|&r| r > 0) {
            let upward = (right + 1) & 2 == 0;
            for vert in 0..s {
                let y = if upward { s - 1 - vert } else { vert };
                for x in [right, right - 1] {
                    let cell = &mut self.cells[y * s + x];
                    if *cell & FIXED == 0 {
                        *cell = bits.next().unwrap_or(0);
                    }
                }
            }
        }
    }

    /// A copy with data modules masked by pattern `mask` and its format bits.
    fn masked(&self, level: usize, mask: u32) -> Grid {
        let mut grid = self.clone();
        let s = self.size;
        for (i, cell) in grid.cells.iter_mut().enumerate() {
            let (x, y) = (i % s, i / s);
            let flip = match mask {
                0 => (x + y) % 2,
                1 => y % 2,
                2 => x % 3,
                3 => (x + y) % 3,
                4 => (x / 3 + y / 2) % 2,
                5 => x * y % 2 + x * y % 3,
                6 => (x * y % 2 + x * y % 3) % 2,
                _ => ((x + y) % 2 + x * y % 3) % 2,
            } == 0;
            if *cell & FIXED == 0 {
                *cell ^= u8::from(flip);
            }
        }
        grid.format(level, mask);
        grid
    }

    /// The standard's penalty of a masked code (lower reads better): runs
    /// of 5+ alike in a line, 2×2 blocks alike, finder-like patterns, and
    /// the imbalance of dark and light.
    fn penalty(&self) -> usize {
        let s = self.size;
        let mut score = 0;
        for across in [true, false] {
            for a in 0..s {
                let (mut color, mut run, mut history) = (false, 0, [0; 7]);
                for b in 0..s {
                    let dark = if across { self.dark(b, a) } else { self.dark(a, b) };
                    if dark == color {
                        run += 1;
                        score += match run {
                            5 => 3,
                            6.. => 1,
                            _ => 0,
                        };
                    } else {
                        push_run(&mut history, run, s);
                        if !color {
                            score += 40 * finder_like(&history);
                        }
                        (color, run) = (dark, 1);
                    }
                }
                // The line ends in the light quiet zone.
                if color {
                    push_run(&mut history, run, s);
                    run = 0;
                }
                push_run(&mut history, run + s, s);
                score += 40 * finder_like(&history);
            }
        }
        for y in 0..s - 1 {
            for x in 0..s - 1 {
                let c = self.dark(x, y);
                score += 3 * usize::from(c == self.dark(x + 1, y) && c == self.dark(x, y + 1) && c == self.dark(x + 1, y + 1));
            }
        }
        let dark = self.cells.iter().filter(|&&c| c & DARK != 0).count();
        let total = s * s;
        // Each 5 % the dark share strays from 50 % (size is odd: never exactly 50 %).
        score + 10 * ((dark * 20).abs_diff(total * 10).div_ceil(total) - 1)
    }

    /// One path of horizontal runs of dark modules, offset by the quiet zone.
    fn svg(&self) -> String {
        let s = self.size;
        let side = s as i32 + 2 * QR_QUIET_ZONE;
        let mut d = String::new();
        for y in 0..s {
            let mut x = 0;
            while x < s {
                let start = x;
                while x < s && self.dark(x, y) {
                    x += 1;
                }
                if x == start {
                    x += 1;
                    continue;
                }
                let (q, w) = (QR_QUIET_ZONE as usize, x - start);
                // Writing to a String cannot fail.
                let _ = write!(d, "M{} {}h{w}v1h-{w}z", start + q, y + q);
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
        )
    }
}

/// `data` followed by its BCH remainder of `bits` bits under `generator`.
fn bch(data: u32, bits: u32, generator: u32) -> u32 {
    let mut rem = data;
    for _ in 0..bits {
        rem = (rem << 1) ^ ((rem >> (bits - 1)) * generator);
    }
    data << bits | rem
}

/// Centres of the alignment patterns along each axis (none in version 1).
fn alignment_positions(v: usize, size: i32) -> Vec<i32> {
    if v == 1 {
        return Vec::new();
    }
    let n = v as i32 / 7 + 2;
    let step = if v == 32 { 26 } else { (v as i32 * 4 + n * 2 + 1) / (n * 2 - 2) * 2 };
    let mut at: Vec<i32> = (0..n - 1).map(|i| size - 7 - i * step).collect();
    at.push(6);
    at.reverse();
    at
}

/// Records a finished run (the first one with the light border before it).
fn push_run(history: &mut [usize; 7], run: usize, size: usize) {
    let run = if history[0] == 0 { run + size } else { run };
    history.copy_within(0..6, 1);
    history[0] = run;
}

/// Finder-like patterns (1:1:3:1:1 with 4 light on one side) the last runs end.
fn finder_like(h: &[usize; 7]) -> usize {
    let n = h[1];
    let core = n > 0 && h[2] == n && h[3] == n * 3 && h[4] == n && h[5] == n;
    usize::from(core && h[0] >= n * 4 && h[6] >= n) + usize::from(core && h[6] >= n * 4 && h[0] >= n)
}
