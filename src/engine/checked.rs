//! `Decimal`'s checked sum, difference and product, one copy each.
//!
//! `rust_decimal` marks `checked_add`, `checked_sub` and `checked_mul`
//! `#[inline(always)]`, down to its whole addition and multiplication
//! routines: every call site carried its own copy, about 1 KB of wasm each
//! (`pow`'s two products were 2.1 KB, `Apr::from_monthly`'s percent closure
//! 1.4 KB). These are the same operations, value and scale, behind one call.
//! The operators (`+`, `-`, `*`) are outlined by `rust_decimal` already.

use rust_decimal::Decimal;

/// `a + b`, or `None` on overflow.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a − b`, or `None` on overflow.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// `a × b`, or `None` on overflow (rounded to 28 digits as `*` rounds).
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The same value and scale as `rust_decimal`'s own, overflow included.
        #[test]
        fn as_rust_decimal(a in proptest::prelude::any::<i128>(), sa in 0u32..=28, b in proptest::prelude::any::<i128>(), sb in 0u32..=28) {
            let a = Decimal::from_i128_with_scale(a % (1i128 << 96), sa);
            let b = Decimal::from_i128_with_scale(b % (1i128 << 96), sb);
            same(a, b);
        }

        /// Small, zero and huge operands of every sign and scale: the
        /// fast paths (32 and 64 bits), zeros and overflow.
        #[test]
        fn as_rust_decimal_at_the_edges(a in edge(), b in edge()) {
            same(a, b);
        }
    }

    fn edge() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        let mantissa = prop_oneof![Just(0i128), 0i128..1 << 32, 0i128..1 << 64, (1i128 << 95)..(1i128 << 96)];
        (mantissa, 0u32..=28, any::<bool>()).prop_map(|(m, scale, negative)| {
            let mut d = Decimal::from_i128_with_scale(m, scale);
            d.set_sign_negative(negative);
            d
        })
    }

    /// Value, scale and sign (a signed zero included) as `rust_decimal`'s own.
    fn same(a: Decimal, b: Decimal) {
        let show = |d: Option<Decimal>| d.map(|d| (d.serialize(), d.to_string()));
        assert_eq!(show(add(a, b)), show(a.checked_add(b)), "{a} + {b}");
        assert_eq!(show(sub(a, b)), show(a.checked_sub(b)), "{a} - {b}");
        assert_eq!(show(mul(a, b)), show(a.checked_mul(b)), "{a} * {b}");
    }
}
