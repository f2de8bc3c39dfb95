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

/// `a × b` rounded half away from zero to `dp` decimals (dp ≤ 28), exactly.
/// Falls back to `rust_decimal` (product, then rounding) when the exact
/// result does not fit a decimal, which no valid schedule reaches.
pub fn mul_round(a: Decimal, b: Decimal, dp: u32) -> Decimal {
    let (sa, sb) = (a.scale(), b.scale());
    let total = sa + sb;
    if total <= dp {
        // No rounding needed; the product is exact when it fits.
        return a.checked_mul(b).map_or_else(|| fallback(a, b, dp), |p| p.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero));
    }
    let negative = (a.mantissa() < 0) != (b.mantissa() < 0);
    // 96-bit × 96-bit → 192-bit product, schoolbook on 32-bit limbs.
    let (la, lb) = (limbs(a.mantissa().unsigned_abs()), limbs(b.mantissa().unsigned_abs()));
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
    // Divide by 10^(total − dp) in chunks of at most 10^9. Half away from
    // zero rounds up exactly when the whole remainder is at least half the
    // whole divisor; with floor divisions chained, that is when the last
    // chunk's remainder is at least half of that chunk's (even) divisor.
    let mut shift = total - dp;
    let mut round_up = false;
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
        return fallback(a, b, dp);
    }
    let mut q = u128::from(x[0]) | (u128::from(x[1]) << 32) | (u128::from(x[2]) << 64);
    if round_up {
        q += 1;
    }
    if q >= 1u128 << 96 {
        return fallback(a, b, dp);
    }
    let q = q as i128;
    Decimal::from_i128_with_scale(if negative { -q } else { q }, dp)
}

fn fallback(a: Decimal, b: Decimal, dp: u32) -> Decimal {
    a.checked_mul(b)
        .unwrap_or(if (a.is_sign_negative()) != (b.is_sign_negative()) { Decimal::MIN } else { Decimal::MAX })
        .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// `a × b` rounded to the fen, half away from zero: `fen(a * b)` without
/// the double rounding and the slow path.
pub fn mul_fen(a: Decimal, b: Decimal) -> Decimal {
    mul_round(a, b, 2)
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
