//! The true annualised rate (APR) by the internal-rate-of-return method.
//!
//! PBoC announcement 2021 No. 3: the annualised rate of all borrowing costs
//! relative to the principal actually held, by IRR. Shown both ways:
//! nominal = monthly IRR × 12 (单利), effective = (1 + IRR)^12 − 1 (复利).
//! Periods are months; multiplying by 12 (periods per year), never by the
//! number of periods, avoids a mistake other calculators are known for.

use super::fen_amount::FenAmount;
use super::schedule::pow;
use super::{checked, decimal_str, EngineError};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Apr {
    /// Monthly IRR as a fraction.
    #[serde(with = "decimal_str")]
    pub monthly_irr: Decimal,
    /// monthly IRR × 12, in percent.
    #[serde(with = "decimal_str")]
    pub nominal_percent: Decimal,
    /// (1 + monthly IRR)^12 − 1, in percent.
    #[serde(with = "decimal_str")]
    pub effective_percent: Decimal,
}

impl Apr {
    pub fn from_monthly(irr: Decimal) -> Result<Self, EngineError> {
        let hundred = Decimal::ONE_HUNDRED;
        let growth = pow(Decimal::ONE + irr, 12).ok_or(EngineError::Overflow)?;
        // Absurd but finite rates (a fee of nearly the whole principal) must
        // come back as an error, not overflow: every step is checked.
        let percent = |x: Decimal| checked::mul(x, hundred).ok_or(EngineError::Overflow);
        Ok(Self {
            monthly_irr: irr,
            nominal_percent: percent(checked::mul(irr, Decimal::from(12)).ok_or(EngineError::Overflow)?)?,
            effective_percent: percent(checked::sub(growth, Decimal::ONE).ok_or(EngineError::Overflow)?)?,
        })
    }
}

/// Net present value at monthly rate `r`, and its derivative in `r`, with
/// `payments[k]` paid at the end of month k+1. Horner's scheme on the
/// discount factor v = 1/(1+r) needs two multiplications a month.
/// Non-finite results (deeply negative `r`) read as "very large positive".
fn npv(held: f64, payments: &[f64], r: f64) -> (f64, f64) {
    let v = 1.0 / (1.0 + r);
    // b = Σ p_k v^(k−1), c = db/dv
    let (mut b, mut c) = (0.0, 0.0);
    for &p in payments.iter().rev() {
        c = b + v * c;
        b = p + v * b;
    }
    let f = v * b - held;
    // d(v·b)/dr = (b + v·c) · dv/dr, and dv/dr = −v²
    (f, -(b + v * c) * v * v)
}

/// The monthly IRR of borrowing `held` and repaying `payments` (month 1
/// first): Newton's method safeguarded by bisection.
///
/// Why the search runs in binary floating point although every amount is a
/// decimal: the payments are exact decimals converted once (fen amounts
/// below 2^53 convert exactly), the root is needed to about 1e-10 a month
/// while f64 resolves 1e-16, and it is about a hundred times faster than
/// 28-digit decimals — which matters because every proposal needs an IRR and
/// the page recomputes on each keystroke. No money is ever computed in f64;
/// the rate comes back as a decimal rounded to 12 places, and the tests check
/// it against the exact decimal NPV.
pub fn monthly_irr(held: Decimal, payments: &[Decimal], guess: Decimal) -> Result<Decimal, EngineError> {
    let total: Decimal = payments.iter().sum();
    irr(held, payments.iter().copied(), total, guess)
}

/// 10^0 … 10^22, every one exact in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// [`monthly_irr`] of the payments of `rows`, read into whole fen once
/// (every row's amounts are whole fen, see [`super::Row`]; an error only
/// for a total beyond 2^61 fen, which no schedule of the engine reaches).
pub(crate) fn monthly_irr_of_schedule(held: Decimal, rows: &[super::Row], guess: Decimal) -> Result<Decimal, EngineError> {
    let mut total = Some(FenAmount { fen: 0, scale: 0 });
    let pays: Option<Vec<FenAmount>> = rows.iter().map(|r| r.payment_fen().inspect(|p| total = total.and_then(|t| t.add(*p)))).collect();
    let (Some(pays), Some(total)) = (pays, total) else {
        return Err(EngineError::Overflow);
    };
    monthly_irr_of_fen(held, &pays, total.decimal(), guess)
}

/// [`monthly_irr`] of the payments of rows in whole fen (`pays[k]` is
/// row k's payment, as [`crate::engine::proposal`] reads them once for every
/// figure), totalling `total`: the same flows as from the rows' `Decimal`s
/// — each mantissa ÷ 10^scale, one correctly rounded division of the same
/// exact value as [`to_f64`] makes.
pub(crate) fn monthly_irr_of_fen(held: Decimal, pays: &[FenAmount], total: Decimal, guess: Decimal) -> Result<Decimal, EngineError> {
    let mut negative = false;
    let mut flows: Vec<f64> = Vec::with_capacity(pays.len());
    for p in pays {
        negative |= p.fen < 0;
        // Below 2^53 both are exact in f64: fen ÷ 100 is that division.
        flows.push(match p.fen.unsigned_abs() < 1 << 53 {
            true => p.fen as f64 / 100.0,
            false => (p.fen / [100, 10, 1][p.scale.min(2) as usize]) as f64 / POW10[p.scale.min(2) as usize],
        });
    }
    irr_of_flows(held, flows, negative, total, guess)
}

/// `d` in `f64`: mantissa ÷ 10^scale, both exact in f64 for fen amounts
/// (below 2^53), one correctly rounded division, so as close as `to_f64`
/// and several times faster (this conversion was half the cost of an IRR).
/// The powers of ten from a table: each is exact (10^22 is the last exact
/// f64), as `powi` computes them, without a call per payment.
fn to_f64(d: Decimal) -> f64 {
    match super::exact::small_parts(d) {
        Some((m, s @ 0..=22)) => m as f64 / POW10[s as usize],
        _ => match d.scale() {
            s @ 0..=22 => d.mantissa() as f64 / POW10[s as usize],
            _ => d.to_f64().unwrap_or(f64::NAN),
        },
    }
}

/// [`monthly_irr`] of `payments` totalling `total`.
fn irr(held: Decimal, payments: impl ExactSizeIterator<Item = Decimal>, total: Decimal, guess: Decimal) -> Result<Decimal, EngineError> {
    let mut negative = false;
    let mut flows: Vec<f64> = Vec::with_capacity(payments.len());
    for p in payments {
        negative |= p.is_sign_negative() && !p.is_zero();
        flows.push(to_f64(p));
    }
    irr_of_flows(held, flows, negative, total, guess)
}

/// The monthly IRR of `flows` (the payments in `f64`, `negative` when one
/// of them is below zero) totalling `total` exactly.
fn irr_of_flows(held: Decimal, flows: Vec<f64>, negative: bool, total: Decimal, guess: Decimal) -> Result<Decimal, EngineError> {
    if held <= Decimal::ZERO || negative || total <= Decimal::ZERO {
        return Err(EngineError::NoRateOfReturn);
    }
    if total == held {
        return Ok(Decimal::ZERO);
    }
    let held_f = to_f64(held);
    if !held_f.is_finite() || flows.iter().any(|p| !p.is_finite()) {
        return Err(EngineError::Overflow);
    }
    let r = newton(held_f, &flows, total > held, to_f64(guess))?;
    Decimal::from_f64(r).map(|d| d.round_dp(12)).ok_or(EngineError::NoRateOfReturn)
}

/// The root of [`npv`] for `held` and `flows`, which pay back more than
/// `held` when `above`: bracketed, then Newton's method from `guess`
/// safeguarded by bisection.
fn newton(held_f: f64, flows: &[f64], above: bool, guess: f64) -> Result<f64, EngineError> {
    // NPV falls as r rises (every payment flows to the lender), so the root
    // is unique; bracket it.
    let (mut lo, mut hi) = if above {
        let mut hi = 0.05;
        // Until NPV is below zero; a NaN NPV widens the bracket too.
        while npv(held_f, flows, hi).0.partial_cmp(&0.0) != Some(std::cmp::Ordering::Less) {
            hi *= 4.0;
            if hi > 1000.0 {
                return Err(EngineError::NoRateOfReturn);
            }
        }
        (0.0, hi)
    } else {
        (-0.99, 0.0)
    };
    let mut r = if guess > lo && guess < hi { guess } else { (lo + hi) / 2.0 };
    for _ in 0..200 {
        let (f, df) = npv(held_f, flows, r);
        if f == 0.0 {
            break;
        }
        if !f.is_finite() || f > 0.0 {
            lo = r;
        } else {
            hi = r;
        }
        let newton = r - f / df;
        let next = if newton.is_finite() && newton > lo && newton < hi { newton } else { (lo + hi) / 2.0 };
        let done = (next - r).abs() < 1e-15 || hi - lo < 1e-15;
        r = next;
        if done {
            break;
        }
    }
    Ok(r)
}

/// APR of borrowing `held` (principal minus any up-front fee) and repaying
/// `payments`.
pub fn apr_of_payments(held: Decimal, payments: &[Decimal], guess: Decimal) -> Result<Apr, EngineError> {
    Apr::from_monthly(monthly_irr(held, payments, guess)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{percent_2dp, Method, Schedule};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn no_fee_annuity_apr_is_its_nominal_rate() {
        let s = Schedule::build(d("100000"), d("0.015"), 12, Method::EqualInstallment).unwrap();
        let apr = apr_of_payments(d("100000"), &s.payments(), d("0.015")).unwrap();
        assert_eq!(percent_2dp(apr.nominal_percent), d("18.00"));
        // (1.015)^12 − 1 = 19.5618…%
        assert_eq!(percent_2dp(apr.effective_percent), d("19.56"));
    }

    #[test]
    fn upfront_fee_raises_the_apr() {
        // ¥10,000 over 12 months at 0.5 %/month with a ¥300 fee deducted.
        let s = Schedule::build(d("10000"), d("0.005"), 12, Method::EqualInstallment).unwrap();
        let apr = apr_of_payments(d("9700"), &s.payments(), d("0.005")).unwrap();
        // Spreadsheet: RATE(12, 860.66, -9700) × 12 = 11.74…% against 6 % quoted.
        assert_eq!(percent_2dp(apr.nominal_percent), d("11.74"));
    }

    #[test]
    fn the_flat_rate_trap() {
        // "Monthly fee 0.6 % of the original principal" on ¥12,000 over 12
        // months: 1000 + 72 a month. The true APR is 13.03 % (RATE(12,-1072,12000)×12), not 7.2 %.
        let payments = vec![d("1072"); 12];
        let apr = apr_of_payments(d("12000"), &payments, d("0.006")).unwrap();
        assert_eq!(percent_2dp(apr.nominal_percent), d("13.03"));
    }

    #[test]
    fn zero_rate_and_one_month() {
        let apr = apr_of_payments(d("1200"), &[d("100"); 12], Decimal::ZERO).unwrap();
        assert_eq!(apr.nominal_percent, Decimal::ZERO);
        let apr = apr_of_payments(d("1000"), &[d("1015")], Decimal::ZERO).unwrap();
        assert_eq!(percent_2dp(apr.nominal_percent), d("18.00"));
    }

    #[test]
    fn bullet_apr_is_below_its_simple_rate() {
        // Simple interest paid at the end is cheaper than monthly compounding.
        let s = Schedule::build(d("10000"), d("0.01"), 24, Method::Bullet).unwrap();
        let apr = apr_of_payments(d("10000"), &s.payments(), d("0.01")).unwrap();
        assert!(apr.nominal_percent < d("12") && apr.nominal_percent > d("10"));
    }

    #[test]
    fn repaying_less_than_held_gives_a_negative_rate() {
        let apr = apr_of_payments(d("1000"), &[d("450"), d("450")], Decimal::ZERO).unwrap();
        assert!(apr.nominal_percent < Decimal::ZERO);
    }

    /// The rate found is a root of the exact decimal NPV.
    #[test]
    fn the_rate_is_a_root_in_exact_decimals() {
        let s = Schedule::build(d("123456.78"), d("0.0123"), 360, Method::EqualPrincipal).unwrap();
        let held = d("120000");
        let r = monthly_irr(held, &s.payments(), d("0.0123")).unwrap();
        let v = Decimal::ONE / (Decimal::ONE + r);
        let mut vk = Decimal::ONE;
        let mut npv = -held;
        for p in s.payments() {
            vk *= v;
            npv += p * vk;
        }
        assert!(npv.abs() < d("0.0001"), "NPV at the IRR is {npv}");
    }

    #[test]
    fn degenerate_cash_flows_are_errors() {
        assert_eq!(monthly_irr(Decimal::ZERO, &[d("1")], Decimal::ZERO), Err(EngineError::NoRateOfReturn));
        assert_eq!(monthly_irr(d("1"), &[], Decimal::ZERO), Err(EngineError::NoRateOfReturn));
        assert_eq!(monthly_irr(d("1"), &[d("0"), d("0")], Decimal::ZERO), Err(EngineError::NoRateOfReturn));
        assert_eq!(monthly_irr(d("1"), &[d("-1")], Decimal::ZERO), Err(EngineError::NoRateOfReturn));
    }

    #[test]
    fn extreme_but_valid_loans_have_an_apr() {
        let i = d("1000") / d("1200");
        let s = Schedule::build(d("1000000000000"), i, 600, Method::EqualInstallment).unwrap();
        let apr = apr_of_payments(d("1000000000000"), &s.payments(), i).unwrap();
        assert_eq!(percent_2dp(apr.nominal_percent), d("1000.00"));
        let apr = apr_of_payments(d("1"), &[Decimal::ZERO, Decimal::ZERO, d("1000000")], Decimal::ZERO).unwrap();
        assert!(apr.monthly_irr > d("90"));
    }
}
