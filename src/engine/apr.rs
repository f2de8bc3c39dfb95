//! The true annualised rate (APR) by the internal-rate-of-return method.
//!
//! PBoC announcement 2021 No. 3: the annualised rate of all borrowing costs
//! relative to the principal actually held, by IRR. Shown both ways:
//! nominal = monthly IRR × 12 (单利), effective = (1 + IRR)^12 − 1 (复利).
//! Periods are months; multiplying by 12 (periods per year), never by the
//! number of periods, avoids a mistake other calculators are known for.

use super::schedule::pow;
use super::{decimal_str, EngineError};
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
        Ok(Self {
            monthly_irr: irr,
            nominal_percent: irr * Decimal::from(12) * hundred,
            effective_percent: (growth - Decimal::ONE) * hundred,
        })
    }
}

/// Net present value at monthly rate `r` and its derivative, with
/// `payments[k]` paid at the end of month k+1. `None` when a discount factor
/// leaves the decimal range (only for deeply negative `r`), which callers
/// read as "NPV is very large and positive".
fn npv(held: Decimal, payments: &[Decimal], r: Decimal) -> Option<(Decimal, Decimal)> {
    let v = Decimal::ONE.checked_div(Decimal::ONE + r)?;
    let mut vk = Decimal::ONE;
    let mut f = -held;
    let mut df = Decimal::ZERO;
    for (k, &p) in payments.iter().enumerate() {
        vk = vk.checked_mul(v)?;
        if !p.is_zero() {
            let pv = p.checked_mul(vk)?;
            f = f.checked_add(pv)?;
            // d/dr of p·v^k is −k·p·v^(k+1)
            df = df.checked_sub(pv.checked_mul(v)?.checked_mul(Decimal::from(k as u64 + 1))?)?;
        }
    }
    Some((f, df))
}

/// The monthly IRR of borrowing `held` and repaying `payments` (month 1
/// first), solved by Newton's method safeguarded by bisection, entirely in
/// decimals. `guess` (the contract's monthly rate) makes it converge in a few
/// steps. Accurate to about 1e-12 a month, far inside the 0.01-point target.
pub fn monthly_irr(held: Decimal, payments: &[Decimal], guess: Decimal) -> Result<Decimal, EngineError> {
    if held <= Decimal::ZERO || payments.iter().any(|p| p.is_sign_negative() && !p.is_zero()) {
        return Err(EngineError::NoRateOfReturn);
    }
    let total: Decimal = payments.iter().sum();
    if total <= Decimal::ZERO {
        return Err(EngineError::NoRateOfReturn);
    }
    if total == held {
        return Ok(Decimal::ZERO);
    }
    // NPV falls as r rises (all payments are inflows to the lender), so the
    // root is unique; bracket it.
    let (mut lo, mut hi) = if total > held {
        let mut hi = Decimal::new(5, 2);
        loop {
            match npv(held, payments, hi) {
                Some((f, _)) if f < Decimal::ZERO => break,
                _ if hi > Decimal::from(1000) => return Err(EngineError::NoRateOfReturn),
                _ => hi *= Decimal::from(4),
            }
        }
        (Decimal::ZERO, hi)
    } else {
        (Decimal::new(-99, 2), Decimal::ZERO)
    };
    let tolerance = Decimal::new(1, 14);
    let mut r = if guess > lo && guess < hi { guess } else { (lo + hi) / Decimal::TWO };
    for _ in 0..200 {
        let Some((f, df)) = npv(held, payments, r) else {
            lo = r; // overflow means NPV is hugely positive: the root lies above
            r = (lo + hi) / Decimal::TWO;
            continue;
        };
        if f.is_zero() {
            return Ok(r);
        }
        if f > Decimal::ZERO {
            lo = r;
        } else {
            hi = r;
        }
        let newton = if df.is_zero() { None } else { f.checked_div(df).map(|step| r - step) };
        let next = match newton {
            Some(n) if n > lo && n < hi => n,
            _ => (lo + hi) / Decimal::TWO,
        };
        if (next - r).abs() < tolerance || hi - lo < tolerance {
            return Ok(next);
        }
        r = next;
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
