//! Amounts of at most two decimal places as whole fen, for the hot loops of
//! schedules: an `i64` add or compare instead of a `Decimal` one.
//!
//! The output must not change by a character, and `Decimal` keeps a scale
//! the page prints ("500" and "500.00" are both ¥500). So a [`FenAmount`]
//! carries its scale and its sum and difference follow `rust_decimal`'s own
//! rule: the larger scale of the two, except that a zero operand gives the
//! other operand unchanged (0.00 + 500 is "500"; 0 − 5.00 is "-5.00").
//! Every conversion that could lose anything refuses (`None`) and the
//! caller takes its `Decimal` path.

use super::exact::small_parts;
use rust_decimal::Decimal;

/// `fen / 100` yuan, printed with `scale` (0–2) places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FenAmount {
    pub fen: i64,
    pub scale: u32,
}

/// Amounts stay below this, so a sum or difference of two never overflows.
const LIMIT: u64 = 1 << 61;

impl FenAmount {
    /// `d` when it has at most two places and is below 2^61 fen.
    #[inline(always)]
    pub fn of(d: Decimal) -> Option<Self> {
        let (m, scale) = small_parts(d)?;
        let unit = [100, 10, 1].get(scale as usize).copied()?;
        let fen = m.checked_mul(unit)?;
        (fen.unsigned_abs() < LIMIT).then_some(Self { fen, scale })
    }

    /// An amount of two places (what an exact product rounded to the fen is).
    #[inline(always)]
    pub fn two_places(fen: i64) -> Option<Self> {
        (fen.unsigned_abs() < LIMIT).then_some(Self { fen, scale: 2 })
    }

    #[inline(always)]
    pub fn decimal(self) -> Decimal {
        let m = match self.scale {
            2 => self.fen,
            s => self.fen / [100, 10, 1][s as usize],
        };
        let a = m.unsigned_abs();
        Decimal::from_parts(a as u32, (a >> 32) as u32, 0, m < 0, self.scale)
    }

    /// `self + other` as `Decimal` adds, or `None` beyond the limit.
    #[inline(always)]
    pub fn add(self, other: Self) -> Option<Self> {
        match (self.fen, other.fen) {
            (0, _) => Some(other),
            (_, 0) => Some(self),
            (a, b) => Self::two_places(a + b).map(|s| Self { scale: self.scale.max(other.scale), ..s }),
        }
    }

    /// `self − other` as `Decimal` subtracts, or `None` beyond the limit.
    #[inline(always)]
    pub fn sub(self, other: Self) -> Option<Self> {
        match (self.fen, other.fen) {
            (0, 0) => Some(other),
            (0, b) => Some(Self { fen: -b, ..other }),
            (_, 0) => Some(self),
            (a, b) => Self::two_places(a - b).map(|s| Self { scale: self.scale.max(other.scale), ..s }),
        }
    }
}

/// The sum of `amounts` exactly as `Decimal`'s `sum` gives it (value and
/// scale: from a plain 0, each amount added in turn), in whole fen; `None`
/// when an amount has more than two places or a sum leaves the range.
pub(crate) fn sum(amounts: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    let mut total = FenAmount { fen: 0, scale: 0 };
    for d in amounts {
        total = total.add(FenAmount::of(d)?)?;
    }
    Some(total.decimal())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn amount() -> impl Strategy<Value = Decimal> {
        (prop_oneof![Just(0i64), -1_000i64..1_000, -100_000_000_000_000i64..100_000_000_000_000], 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        /// Value and scale, exactly as `Decimal` computes them.
        #[test]
        fn sums_and_differences_print_as_decimal_ones(a in amount(), b in amount()) {
            let (fa, fb) = (FenAmount::of(a).unwrap(), FenAmount::of(b).unwrap());
            prop_assert_eq!(fa.decimal().to_string(), a.to_string());
            prop_assert_eq!(fa.add(fb).unwrap().decimal().to_string(), (a + b).to_string());
            prop_assert_eq!(fa.sub(fb).unwrap().decimal().to_string(), (a - b).to_string());
        }
    }

    proptest! {
        /// A whole-fen sum prints as the `Decimal` sum, whatever the scales.
        #[test]
        fn sums_print_as_decimal_sums(amounts in proptest::collection::vec(amount(), 0..40)) {
            let want: Decimal = amounts.iter().sum();
            prop_assert_eq!(sum(amounts.iter().copied()).map(|d| d.to_string()), Some(want.to_string()));
        }
    }

    #[test]
    fn zero_operands_keep_the_other_scale() {
        let d = |m, s| Decimal::new(m, s);
        let f = |m, s| FenAmount::of(d(m, s)).unwrap();
        assert_eq!(f(500, 0).sub(f(0, 2)).unwrap().decimal().to_string(), "500");
        assert_eq!(f(0, 0).sub(f(500, 2)).unwrap().decimal().to_string(), "-5.00");
        assert_eq!(f(0, 0).sub(f(0, 2)).unwrap().decimal().to_string(), "0.00");
        assert_eq!(FenAmount::of(d(1, 3)), None);
        assert_eq!(FenAmount::of(Decimal::MAX), None);
    }
}
