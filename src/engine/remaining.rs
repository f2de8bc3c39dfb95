//! "I only know the total the app shows" (剩余应还): the outstanding
//! principal behind the total still to pay.
//!
//! Lending apps show the total of the remaining instalments — principal and
//! interest — more prominently than the principal. Given that total, the
//! rate (as an [`Accrual`]: `Accrual::of(&rate, first_due)`, a first due
//! date only in actual-days mode), the method and the months, this finds
//! the principal whose schedule, built by the method's own rule exactly as
//! every schedule here is built, sums to that total.
//!
//! The total is not a smooth function of the principal: instalments are
//! rounded to the fen and the last absorbs the remainder. For 等额本息 the
//! total is about n × A, A the annuity rounded to the fen; the principals
//! sharing one A form a segment in which the total rises with the principal
//! (only the last instalment changes), and it drops a little where A steps
//! up by a fen. 等额本金 has the same shape by its rounded principal part
//! P/n; 先息后本 and 到期一次 rise with the principal throughout. So:
//! 1. a straight inversion — the total ÷ (the total per yuan of principal),
//!    refined by a few secant steps on the real totals — gives a principal
//!    close to the answer;
//! 2. in that principal's segment and the three on each side (the A or the
//!    P/n within 3 fen), or in a window around it for the methods without
//!    segments, bisection on the real totals looks for a principal whose
//!    total is exactly the one given.
//!
//! When one exists it is returned (`exact`); the closest to the straight
//! inversion when several do. When none does — each fen of principal can
//! move the total by more than a fen, as interest is added on it — the
//! principal whose total is closest is returned with `total` its own, so
//! the page can say "this gives ¥X.XX, ¥0.0Y from what the app shows".
//! The interest part is always `total − principal` of the returned schedule.

use super::daycount::{build_schedule, Accrual};
use super::schedule::annuity_payment;
use super::{decimal_str, fen, EngineError, Method, MAX_AMOUNT, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::Serialize;

/// The principal recovered from a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FromTotal {
    /// The outstanding principal.
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    /// The interest part of the total: `total` − `principal`.
    #[serde(with = "decimal_str")]
    pub interest: Decimal,
    /// The total of the principal's own schedule.
    #[serde(with = "decimal_str")]
    pub total: Decimal,
    /// `total` is exactly the total given.
    pub exact: bool,
}

/// Segments searched on each side of the straight inversion's.
const NEIGHBOURS: i64 = 3;

/// The outstanding principal whose schedule of `months` at `acc` by
/// `method` sums to `total` (see the module docs).
pub fn principal_from_total(total: Decimal, acc: &Accrual, months: u32, method: Method) -> Result<FromTotal, EngineError> {
    if total <= Decimal::ZERO {
        return Err(EngineError::AmountNegative("total"));
    }
    if fen(total) != total {
        return Err(EngineError::NotInFen("total"));
    }
    if months == 0 || months > MAX_MONTHS {
        return Err(EngineError::MonthsOutOfRange);
    }
    let target = fen_count(total);
    let ceiling = target.min(fen_count(MAX_AMOUNT));
    let sum = |p: i64| -> Result<i64, EngineError> { build_schedule(yuan(p), acc, months, method).map(|s| fen_count(s.total_paid())) };
    // The total per fen of principal, from a principal equal to the total:
    // a difference in total ÷ it is a difference in principal.
    let probe = (i128::from(ceiling), i128::from(sum(ceiling)?).max(1));
    let to_principal = |t: i64| -> i64 {
        let x = i128::from(t) * probe.0;
        i64::try_from((2 * x + x.signum() * probe.1) / (2 * probe.1)).unwrap_or(0)
    };
    let mut p = to_principal(target).clamp(1, ceiling);
    for _ in 0..8 {
        let step = to_principal(sum(p)? - target);
        if step == 0 {
            break;
        }
        p = (p - step).clamp(1, ceiling);
    }
    let mut best = (sum(p)?, p);
    for (lo, hi) in segments(p, acc, months, method) {
        let (lo, hi) = (lo.clamp(1, ceiling), hi.clamp(1, ceiling));
        if lo > hi {
            continue;
        }
        for candidate in crossing(&sum, lo, hi, target)? {
            best = closer(best, candidate, target, p);
        }
    }
    let principal = yuan(best.1);
    Ok(FromTotal { principal, interest: yuan(best.0) - principal, total: yuan(best.0), exact: best.0 == target })
}

/// The better of two (total, principal) answers: an exact total first,
/// then the smaller difference, then nearer the inversion `p`.
fn closer(a: (i64, i64), b: (i64, i64), target: i64, p: i64) -> (i64, i64) {
    let key = |(t, q): (i64, i64)| ((t - target).abs(), (q - p).abs(), q);
    if key(b) < key(a) {
        b
    } else {
        a
    }
}

/// Where the total rises with the principal (in fen): the segments of
/// principals sharing an instalment (等额本息) or a principal part (等额本金)
/// around `p`, or a window around `p` for the other methods.
fn segments(p: i64, acc: &Accrual, months: u32, method: Method) -> Vec<(i64, i64)> {
    let n = i64::from(months);
    match method {
        Method::EqualInstallment => {
            // A = fen(P × f): f the level payment of one yuan.
            let f = match acc {
                Accrual::Monthly { .. } => annuity_payment(Decimal::ONE, acc.nominal_monthly(), months),
                Accrual::Daily { .. } => super::daycount::level_payment(Decimal::ONE, acc, 1, months),
            };
            let a = fen_count(yuan(p) * f);
            let bound = |half_fen: i64| -> i64 {
                let y = (Decimal::new(half_fen, 3)).checked_div(f).unwrap_or(Decimal::ZERO);
                fen_count(y.ceil_to_fen())
            };
            (a - NEIGHBOURS..=a + NEIGHBOURS).map(|a| (bound(a * 10 - 5), bound(a * 10 + 5) - 1)).collect()
        }
        Method::EqualPrincipal => {
            // part = fen(P / n): P in [n(part − ½ fen), n(part + ½ fen)).
            let part = (2 * p + n) / (2 * n);
            (part - NEIGHBOURS..=part + NEIGHBOURS).map(|q| ((2 * q - 1) * n / 2 + 1, (2 * q + 1) * n / 2)).collect()
        }
        Method::InterestOnly | Method::Bullet => vec![(p - 2 * n - 100, p + 2 * n + 100)],
    }
}

/// Within `lo..=hi`, where the total is non-decreasing, the principals on
/// each side of `target`: the smallest whose total reaches it and the one
/// before. None when the segment does not contain the target.
fn crossing(sum: &impl Fn(i64) -> Result<i64, EngineError>, lo: i64, hi: i64, target: i64) -> Result<Vec<(i64, i64)>, EngineError> {
    let (t_lo, t_hi) = (sum(lo)?, sum(hi)?);
    if t_lo > target || t_hi < target {
        return Ok(Vec::new());
    }
    let (mut a, mut b) = (lo, hi);
    while a < b {
        let mid = a + (b - a) / 2;
        if sum(mid)? >= target {
            b = mid;
        } else {
            a = mid + 1;
        }
    }
    let mut out = vec![(sum(a)?, a)];
    if a > lo {
        out.push((sum(a - 1)?, a - 1));
    }
    Ok(out)
}

/// An amount in whole fen (amounts here are within the engine's limits).
fn fen_count(d: Decimal) -> i64 {
    let f = fen(d);
    let m = f.mantissa() * 10i128.pow(2u32.saturating_sub(f.scale())) / 10i128.pow(f.scale().saturating_sub(2));
    i64::try_from(m).unwrap_or(i64::MAX / 4)
}

fn yuan(fen: i64) -> Decimal {
    Decimal::new(fen, 2)
}

/// Rounding up to the next fen.
trait CeilToFen {
    fn ceil_to_fen(self) -> Decimal;
}

impl CeilToFen for Decimal {
    fn ceil_to_fen(self) -> Decimal {
        self.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToPositiveInfinity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{QuotedRate, RateUnit, Schedule};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn monthly(percent: &str) -> Accrual {
        Accrual::of(&QuotedRate::new(d(percent), RateUnit::MonthlyPercent), None)
    }

    #[test]
    fn equal_instalments_hand_checked() {
        // ¥100,000 at 1.5 %/month over 12: 9168.00 × 11 + 9167.99 =
        // 110015.99, the total the app shows; back to exactly 100,000.00.
        let acc = monthly("1.5");
        let got = principal_from_total(d("110015.99"), &acc, 12, Method::EqualInstallment).unwrap();
        assert_eq!((got.principal, got.interest, got.total, got.exact), (d("100000.00"), d("10015.99"), d("110015.99"), true));
        // An app that shows n × A = 12 × 9168.00 = 110016.00: no principal
        // gives it — 100,000.00 gives 110015.99 and 100,000.01 gives
        // 110016.01 (its last instalment 0.0118 more) — so the closest
        // nearest the straight inversion is returned, a fen off, within
        // the rounding of A (½ fen × 12).
        let got = principal_from_total(d("110016.00"), &acc, 12, Method::EqualInstallment).unwrap();
        assert_eq!((got.principal, got.total, got.exact), (d("100000.00"), d("110015.99"), false));
        let s = Schedule::build(got.principal, d("0.015"), 12, Method::EqualInstallment).unwrap();
        assert_eq!((s.total_paid(), s.first_payment()), (got.total, d("9168.00")));
    }

    #[test]
    fn every_method_round_trips_its_own_totals() {
        for method in Method::ALL {
            for (principal, rate, n) in [("36000", "1.5", 18), ("12345.67", "0.9", 36), ("500", "0", 7), ("80000", "1.2", 1)] {
                let acc = monthly(rate);
                let total = build_schedule(d(principal), &acc, n, method).unwrap().total_paid();
                let got = principal_from_total(total, &acc, n, method).unwrap();
                assert!(got.exact, "{method:?} {principal} {rate} {n}: {got:?}");
                // The same total may come from a neighbouring principal; it must be its own.
                assert_eq!(build_schedule(got.principal, &acc, n, method).unwrap().total_paid(), total);
                assert_eq!(got.total - got.principal, got.interest);
            }
        }
    }

    #[test]
    fn a_total_no_principal_gives_is_answered_by_the_closest() {
        // 先息后本 ¥P at 1.5 % over 12: total = P + 12 × fen(0.015 P).
        // P = 10000.33 pays 150.00495 → 150.00 a month, total 11800.33;
        // P = 10000.34 pays 150.0051 → 150.01, total 11800.46: no principal
        // gives 11800.34 … 11800.45. For 11800.40 the closest is 11800.46.
        let acc = monthly("1.5");
        let exact = principal_from_total(d("11800.33"), &acc, 12, Method::InterestOnly).unwrap();
        assert_eq!((exact.principal, exact.exact), (d("10000.33"), true));
        let off = principal_from_total(d("11800.40"), &acc, 12, Method::InterestOnly).unwrap();
        assert_eq!((off.principal, off.total, off.interest, off.exact), (d("10000.34"), d("11800.46"), d("1800.12"), false));
        assert_eq!(build_schedule(off.principal, &acc, 12, Method::InterestOnly).unwrap().total_paid(), off.total);
    }

    #[test]
    fn bad_totals_are_errors() {
        let acc = monthly("1");
        assert_eq!(principal_from_total(d("0"), &acc, 12, Method::Bullet), Err(EngineError::AmountNegative("total")));
        assert_eq!(principal_from_total(d("1.001"), &acc, 12, Method::Bullet), Err(EngineError::NotInFen("total")));
        assert_eq!(principal_from_total(d("100"), &acc, 0, Method::Bullet), Err(EngineError::MonthsOutOfRange));
        // A total below what a fen of principal costs: the fen.
        let tiny = principal_from_total(d("0.01"), &monthly("50"), 600, Method::Bullet).unwrap();
        assert_eq!(tiny.principal, d("0.01"));
    }
}
