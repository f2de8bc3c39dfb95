//! Exact "multiply then round" for the hot loops of schedules.
//!
//! `fen(balance * rate)` with a 28-digit rate (4.9 % / 12 = 0.0040833…)
//! overflows the 96-bit mantissa, so `rust_decimal` rescales the product
//! through a slow path — and rounds it once before `fen` rounds it again.
//! [`mul_round`] multiplies the two mantissas exactly in 192 bits and rounds
//! once, half away from zero, straight to the wanted decimals: the exact
//! answer, about ten times faster. Every schedule row needs one, and the page
//! builds tens of thousands of rows per keystroke.

use rust_decimal::Decimal;

/// Divides the little-endian 192-bit `x` (32-bit limbs) by `d` < 2^32 in
/// place, skipping zero high limbs, and returns the remainder. 64-bit
/// divisions only: a hardware instruction natively and in wasm, where
/// 128-bit division is a slow software routine.
fn div_small(x: &mut [u32; 6], d: u32) -> u32 {
    let mut rem: u64 = 0;
    let top = x.iter().rposition(|l| *l != 0).unwrap_or(0);
    for limb in x[..=top].iter_mut().rev() {
        let cur = (rem << 32) | u64::from(*limb);
        *limb = (cur / u64::from(d)) as u32;
        rem = cur % u64::from(d);
    }
    rem as u32
}

const POW10: [u32; 10] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

fn limbs(m: u128) -> [u32; 3] {
    [m as u32, (m >> 32) as u32, (m >> 64) as u32]
}

/// An exact rate: `num / den`, a terminating decimal over a small whole
/// number. Lenders' rates are such ratios — 4.9 %/yr is 4.9 / 1200 a month,
/// 0.05 %/day over a 31-day period is 1.55 / 100 — while the decimal
/// 0.0040833… is not exact, and a product that lands exactly on half a fen
/// (¥3,001.50 × 4 % / 12 = ¥10.005) would round the wrong way by a fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub num: Decimal,
    /// Never 0.
    pub den: u32,
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: Decimal::ZERO, den: 1 };

    /// `num / den`; a zero denominator reads as 1 (never divides by zero).
    pub fn new(num: Decimal, den: u32) -> Self {
        Self { num, den: den.max(1) }
    }

    /// The nearest 28-digit decimal (for formulas that are not exact anyway:
    /// the annuity, discounting, the IRR's first guess).
    pub fn approx(self) -> Decimal {
        self.num / Decimal::from(self.den)
    }

    /// This rate times `k` exactly, or the approximate product when the
    /// exact one does not fit a decimal (only for absurd, refused rates).
    pub fn times(self, k: Decimal) -> Self {
        match exact_mul(self.num, k) {
            Some(num) => Self { num, den: self.den },
            None => Self::from(super::checked::mul(self.approx(), k).unwrap_or(Decimal::MAX)),
        }
    }

    pub fn is_zero(self) -> bool {
        self.num.is_zero()
    }
}

impl From<Decimal> for Ratio {
    fn from(num: Decimal) -> Self {
        Self { num, den: 1 }
    }
}

/// `a × b` when it is exact (the 96-bit mantissa and 28 decimals hold it),
/// else `None`. `rust_decimal`'s own product rounds silently instead.
pub fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale() + b.scale();
    let m = a.mantissa().checked_mul(b.mantissa())?;
    (scale <= 28 && m.unsigned_abs() < 1u128 << 96).then(|| Decimal::from_i128_with_scale(m, scale))
}

/// Multiplies the little-endian 192-bit `x` by `k` < 2^32 in place; false on overflow.
fn mul_small(x: &mut [u32; 6], k: u32) -> bool {
    let mut carry: u64 = 0;
    for limb in x.iter_mut() {
        let t = u64::from(*limb) * u64::from(k) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    carry == 0
}

/// The 192-bit product of two 96-bit mantissas, schoolbook on 32-bit limbs.
fn product(a: u128, b: u128) -> [u32; 6] {
    let (la, lb) = (limbs(a), limbs(b));
    let mut x = [0u32; 6];
    for (i, &ai) in la.iter().enumerate() {
        if ai == 0 {
            continue;
        }
        let mut carry: u64 = 0;
        for (j, &bj) in lb.iter().enumerate() {
            let t = u64::from(ai) * u64::from(bj) + u64::from(x[i + j]) + carry;
            x[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + 3;
        while carry > 0 && k < 6 {
            let t = u64::from(x[k]) + carry;
            x[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    x
}

/// `a × b` rounded half away from zero to `dp` decimals (dp ≤ 28), exactly.
pub fn mul_round(a: Decimal, b: Decimal, dp: u32) -> Decimal {
    mul_ratio_round(a, Ratio::from(b), dp)
}

/// `a × r` rounded half away from zero to `dp` decimals (dp ≤ 28), exactly:
/// the 192-bit product of the mantissas is divided by `r.den` and by the
/// power of ten with exact remainders. Falls back to `rust_decimal` when the
/// result does not fit a decimal, which no valid schedule reaches.
pub fn mul_ratio_round(a: Decimal, r: Ratio, dp: u32) -> Decimal {
    match narrow(a).and_then(|ma| ratio_round_u64(ma, a.scale(), r, dp)) {
        Some(q) => Decimal::from_i128_with_scale(if (a.mantissa() < 0) != (r.num.mantissa() < 0) { -q } else { q }, dp),
        None => wide_ratio_round(a, r, dp),
    }
}

/// `d`'s mantissa and scale when the mantissa fits in an `i64`, read from
/// its parts: [`Decimal::mantissa`] builds an `i128`, a software type in
/// wasm and slow to convert to `f64` natively too.
#[inline(always)]
pub(crate) fn small_parts(d: Decimal) -> Option<(i64, u32)> {
    let bytes = d.serialize();
    let (low, high) = (&bytes[4..12], &bytes[12..16]);
    if high != [0; 4] {
        return None;
    }
    let m = i64::try_from(u64::from_le_bytes(low.try_into().ok()?)).ok()?;
    Some((if d.is_sign_negative() { -m } else { m }, d.scale()))
}

/// `|d|`'s mantissa when it fits in 63 bits.
#[inline(always)]
fn narrow(d: Decimal) -> Option<u64> {
    small_parts(d).map(|(m, _)| m.unsigned_abs())
}

/// `u64::pow` without overflow.
fn pow10(k: u32) -> Option<u64> {
    10u64.checked_pow(k)
}

/// The fast path of [`mul_ratio_round`]: `|a| × r` rounded half away from
/// zero to `dp` decimals as a mantissa, for `|a| = ma / 10^sa` and `|r|`,
/// in one 64-bit division (a hardware instruction natively and in wasm,
/// where the 192-bit path's limb loop and `rust_decimal`'s own ops are
/// slow). Fen amounts times lenders' rates always fit: ¥10^12 in fen is
/// 2^47, a rate's mantissa a few digits. `None` when anything would not
/// fit, and also wherever the 192-bit path approximates (a denominator
/// whose first division step leaves 32 bits), so both paths give the same
/// answer for every input.
pub(crate) fn ratio_round_u64(ma: u64, sa: u32, r: Ratio, dp: u32) -> Option<i128> {
    RatioU64::new(sa, r, dp)?.apply(ma)
}

/// A rate ready for [`ratio_round_u64`] on mantissas of one scale: the
/// rate's part of the work done once, for loops that charge the same rate
/// on every row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RatioU64 {
    /// |numerator|'s mantissa × the power of ten that reaches `dp` places.
    factor: (u64, u64),
    /// den × 10^(places to drop).
    divisor: u64,
}

impl RatioU64 {
    /// For mantissas of scale `sa`, results of `dp` places; `None` as
    /// [`ratio_round_u64`] says.
    pub fn new(sa: u32, r: Ratio, dp: u32) -> Option<Self> {
        let mb = narrow(r.num)?;
        let total = sa + r.num.scale();
        let shift = total.saturating_sub(dp);
        if r.den > 1 && u64::from(r.den) * u64::from(POW10[shift.min(3) as usize]) > u64::from(u32::MAX) {
            return None;
        }
        let divisor = u64::from(r.den).checked_mul(pow10(shift)?)?;
        Some(Self { factor: (mb, pow10(dp.saturating_sub(total))?), divisor })
    }

    /// `ma × rate`, rounded half away from zero; `None` beyond 64 bits.
    #[inline(always)]
    pub fn apply(self, ma: u64) -> Option<i128> {
        let x = ma.checked_mul(self.factor.0)?.checked_mul(self.factor.1)?;
        let (q, rem) = (x / self.divisor, x % self.divisor);
        // Half away from zero: up when the remainder is at least half the divisor.
        Some(i128::from(q) + i128::from(rem >= self.divisor - rem))
    }
}

/// The general path of [`mul_ratio_round`], for mantissas of any size.
fn wide_ratio_round(a: Decimal, r: Ratio, dp: u32) -> Decimal {
    let b = r.num;
    let total = a.scale() + b.scale();
    let negative = (a.mantissa() < 0) != (b.mantissa() < 0);
    let mut x = product(a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    // Too few decimals: scale up first (exact, or give up).
    let mut up = dp.saturating_sub(total);
    while up > 0 {
        let step = up.min(9);
        if !mul_small(&mut x, POW10[step as usize]) {
            return fallback(a, r, dp);
        }
        up -= step;
    }
    // Divide by the denominator (times up to 10^3 of the power of ten: one
    // division instead of two, still below 2^32), then by the rest of
    // 10^(total − dp) in chunks of at most 10^9. Half away from zero rounds
    // up exactly when the whole remainder is at least half the whole
    // divisor; with floor divisions chained, that is when the last
    // division's remainder is at least half its divisor, provided that
    // divisor is even (every power of ten is) or the only one.
    let mut shift = total.saturating_sub(dp);
    let mut round_up = false;
    if r.den > 1 {
        let step = shift.min(3);
        let d = u64::from(r.den) * u64::from(POW10[step as usize]);
        let rem = match u32::try_from(d) {
            Ok(d32) => div_small(&mut x, d32),
            Err(_) => return fallback(a, r, dp),
        };
        shift -= step;
        round_up = shift == 0 && u64::from(rem) * 2 >= d;
    }
    while shift > 0 {
        let step = if shift > 9 { shift - 9 * ((shift - 1) / 9) } else { shift };
        let d = POW10[step as usize];
        let rem = div_small(&mut x, d);
        shift -= step;
        if shift == 0 {
            round_up = rem >= d / 2;
        }
    }
    if x[3] != 0 || x[4] != 0 || x[5] != 0 {
        return fallback(a, r, dp);
    }
    let mut q = u128::from(x[0]) | (u128::from(x[1]) << 32) | (u128::from(x[2]) << 64);
    if round_up {
        q += 1;
    }
    if q >= 1u128 << 96 {
        return fallback(a, r, dp);
    }
    let q = q as i128;
    Decimal::from_i128_with_scale(if negative { -q } else { q }, dp)
}

fn fallback(a: Decimal, r: Ratio, dp: u32) -> Decimal {
    let b = r.approx();
    super::checked::mul(a, b)
        .unwrap_or(if (a.is_sign_negative()) != (b.is_sign_negative()) { Decimal::MIN } else { Decimal::MAX })
        .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// `a × b` rounded to the fen, half away from zero: `fen(a * b)` without
/// the double rounding and the slow path.
pub fn mul_fen(a: Decimal, b: Decimal) -> Decimal {
    mul_round(a, b, 2)
}

/// `a × r` rounded to the fen, half away from zero, exactly.
pub fn mul_ratio_fen(a: Decimal, r: Ratio) -> Decimal {
    mul_ratio_round(a, r, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn known_products() {
        // 1000000 × 4.9/1200 = 4083.333… → 4083.33
        assert_eq!(mul_fen(d("1000000.00"), d("4.9") / d("1200")), d("4083.33"));
        // 0.5 rounds away from zero on both signs.
        assert_eq!(mul_fen(d("0.01"), d("0.5")), d("0.01"));
        assert_eq!(mul_fen(d("-0.01"), d("0.5")), d("-0.01"));
        assert_eq!(mul_fen(d("0.01"), d("0.4999999999999999999999999999")), d("0.00"));
        assert_eq!(mul_fen(d("100"), d("0.015")), d("1.50"));
        assert_eq!(mul_fen(d("3"), d("4")), d("12"));
        assert_eq!(mul_round(d("1.23456789"), d("1"), 4), d("1.2346"));
        // Exact where rust_decimal's product rounds first: 28-digit operands.
        let a = d("999999999999.99");
        let b = d("0.0833333333333333333333333333");
        assert_eq!(mul_fen(a, b), d("83333333333.33"));
        assert_eq!(mul_fen(Decimal::ZERO, b), Decimal::ZERO);
    }

    #[test]
    fn agrees_with_decimal_on_ordinary_values() {
        // Against rust_decimal for a sweep of balances and long rates; the
        // two can only differ when the 28-digit product was rounded across a
        // half-fen boundary, which these values never are.
        let rates = [d("4.9") / d("1200"), d("18.25") / d("1200"), d("0.0005"), d("0.015"), d("1") / d("3"), d("0.000123456789")];
        let mut bal = d("0.01");
        for _ in 0..2000 {
            for r in rates {
                assert_eq!(mul_fen(bal, r), crate::engine::fen(bal * r), "{bal} × {r}");
                assert_eq!(mul_fen(-bal, r), crate::engine::fen(-bal * r), "{bal} × {r}");
            }
            bal = bal * d("1.0137") + d("7.31");
            bal = bal.round_dp(2);
        }
    }

    #[test]
    fn exact_ratios_round_midpoints_away_from_zero() {
        // ¥3,001.50 at 4 %/yr: 3001.50 × 4 / 1200 = 10.005 exactly → 10.01.
        // The 28-digit decimal 4/1200 = 0.00333…3 is a hair low and gave 10.00.
        assert_eq!(mul_ratio_fen(d("3001.50"), Ratio::new(d("4"), 1200)), d("10.01"));
        assert_eq!(mul_fen(d("3001.50"), d("4") / d("1200")), d("10.00"));
        assert_eq!(mul_ratio_fen(d("-3001.50"), Ratio::new(d("4"), 1200)), d("-10.01"));
        assert_eq!(mul_ratio_fen(d("3001.49"), Ratio::new(d("4"), 1200)), d("10.00"));
        // An odd denominator with nothing to shift: 1 × 1/3 to 0 decimals → 0; 2/3 → 1; 3/2 → 2.
        assert_eq!(mul_ratio_round(d("1"), Ratio::new(d("1"), 3), 0), d("0"));
        assert_eq!(mul_ratio_round(d("2"), Ratio::new(d("1"), 3), 0), d("1"));
        assert_eq!(mul_ratio_round(d("3"), Ratio::new(d("1"), 2), 0), d("2"));
        // Scaling up: 1 × 1/8 to 3 decimals = 0.125; to 2 → 0.13.
        assert_eq!(mul_ratio_round(d("1"), Ratio::new(d("1"), 8), 3), d("0.125"));
        assert_eq!(mul_ratio_round(d("1"), Ratio::new(d("1"), 8), 2), d("0.13"));
        assert_eq!(Ratio::new(d("4.9"), 1200).times(d("30")), Ratio::new(d("147.0"), 1200));
        assert_eq!(exact_mul(Decimal::MAX, d("2")), None);
        assert_eq!(Ratio::new(d("1"), 0).den, 1);
    }

    /// A mantissa of either size class: fen amounts and rates (the fast
    /// path's case), 64-bit extremes, and up to the 96-bit limit (the
    /// general path's).
    fn mantissa() -> impl proptest::strategy::Strategy<Value = u128> {
        use proptest::prelude::*;
        prop_oneof![0u128..1_000, 0u128..100_000_000_000_000, (0u128..=u128::from(u64::MAX)), Just(u128::from(u64::MAX)), 0u128..(1u128 << 96)]
    }

    fn denominator() -> impl proptest::strategy::Strategy<Value = u32> {
        use proptest::prelude::*;
        prop_oneof![Just(1u32), Just(1200), Just(36500), 1u32..5_000_000, Just(u32::MAX)]
    }

    proptest::proptest! {
        /// The 64-bit fast path answers exactly as the general path does,
        /// value and scale, on any input (both signs, any scales, the
        /// extremes): it answers or steps aside, never differs.
        #[test]
        fn fast_path_equals_general_path(ma in mantissa(), mb in mantissa(), sa in 0u32..=28, sb in 0u32..=28, den in denominator(), dp in 0u32..=28, na: bool, nb: bool) {
            let a = Decimal::from_i128_with_scale(if na { -(ma as i128) } else { ma as i128 }, sa);
            let b = Decimal::from_i128_with_scale(if nb { -(mb as i128) } else { mb as i128 }, sb);
            let r = Ratio::new(b, den);
            let (fast, wide) = (mul_ratio_round(a, r, dp), wide_ratio_round(a, r, dp));
            proptest::prop_assert_eq!(fast.to_string(), wide.to_string());
            proptest::prop_assert_eq!(fast, wide);
        }
    }

    proptest::proptest! {
        /// The parts read from the bytes are the mantissa and scale.
        #[test]
        fn small_parts_are_the_mantissa(m in mantissa(), neg: bool, scale in 0u32..=28) {
            let m = if neg { -(m as i128) } else { m as i128 };
            let d = Decimal::from_i128_with_scale(m, scale);
            let want = i64::try_from(m).ok().map(|m| (m, scale));
            proptest::prop_assert_eq!(small_parts(d), want);
        }
    }

    #[test]
    fn schedule_products_take_the_fast_path() {
        // ¥1 trillion in fen times 4.9 %/yr, 0.05 %/day × 31, 1.5 %/month: one 64-bit division each.
        for (num, den) in [(d("4.9"), 1200), (d("1.55"), 100), (d("1.5"), 100), (d("18.0"), 36500), (d("0.05"), 1)] {
            let r = Ratio::new(num, den);
            assert!(ratio_round_u64(100_000_000_000_000, 2, r, 2).is_some(), "{num}/{den}");
        }
        assert_eq!(ratio_round_u64(300_150, 2, Ratio::new(d("4"), 1200), 2), Some(1001));
        // A 28-digit rate is the general path's.
        assert_eq!(ratio_round_u64(100, 2, Ratio::from(d("4.9") / d("1200")), 2), None);
    }

    proptest::proptest! {
        /// Against an i128 reference for exact ratios.
        #[test]
        fn ratios_match_integer_reference(ma in 0i64..1_000_000_000_000_000, mb in 0i64..1_000_000_000, sa in 0u32..=4, sb in 0u32..=8, den in 1u32..500_000, dp in 0u32..=6, neg: bool) {
            let a = Decimal::new(if neg { -ma } else { ma }, sa);
            let b = Decimal::new(mb, sb);
            let got = mul_ratio_round(a, Ratio::new(b, den), dp);
            // value × 10^dp = ma·mb·10^dp / (den · 10^(sa+sb))
            let num = i128::from(ma) * i128::from(mb) * 10i128.pow(dp);
            let div = i128::from(den) * 10i128.pow(sa + sb);
            let (q, r) = (num / div, num % div);
            let e = if 2 * r >= div { q + 1 } else { q };
            proptest::prop_assert_eq!(got, Decimal::from_i128_with_scale(if neg { -e } else { e }, dp));
        }
    }

    proptest::proptest! {
        /// Against an i128 reference wherever the exact product fits in 127 bits.
        #[test]
        fn matches_integer_reference(ma in 0i64..i64::MAX, mb in 0i64..i64::MAX, sa in 0u32..=14, sb in 0u32..=28, dp in 0u32..=10, neg: bool) {
            let a = Decimal::new(if neg { -ma } else { ma }, sa);
            let b = Decimal::new(mb, sb);
            let got = mul_round(a, b, dp);
            let product = i128::from(ma) * i128::from(mb);
            let total = sa + sb;
            let expected: Option<i128> = if total <= dp {
                product.checked_mul(10i128.pow(dp - total))
            } else {
                10i128.checked_pow(total - dp).map(|div| {
                    let (q, r) = (product / div, product % div);
                    if 2 * r >= div { q + 1 } else { q }
                })
            };
            if let Some(e) = expected.filter(|e| e.unsigned_abs() < (1u128 << 96)) {
                proptest::prop_assert_eq!(got, Decimal::from_i128_with_scale(if neg { -e } else { e }, dp));
            }
        }
    }
}
