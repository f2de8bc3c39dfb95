//! The "rate detective": from the monthly payment the lender's app shows for
//! an 等额本息 loan, the true annualised rate by IRR — and a warning when it
//! runs more than half a point above the quoted rate, the mark of fees
//! hidden in the instalment.

use super::apr::{apr_of_payments, Apr};
use super::schedule::annuity_payment;
use super::{decimal_str, fen, percent_2dp, EngineError, QuotedRate, MAX_AMOUNT, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::Serialize;

/// A gap above this many percentage points is flagged as hidden fees.
pub const HIDDEN_FEE_GAP_POINTS: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RateCheck {
    /// The payment the app shows.
    #[serde(with = "decimal_str")]
    pub app_payment: Decimal,
    /// What an 等额本息 payment at the quoted rate would be.
    #[serde(with = "decimal_str")]
    pub expected_payment: Decimal,
    /// app − expected, per month and over the term.
    #[serde(with = "decimal_str")]
    pub extra_per_month: Decimal,
    #[serde(with = "decimal_str")]
    pub extra_total: Decimal,
    /// The quoted simple annual rate, percent.
    #[serde(with = "decimal_str")]
    pub quoted_annual_percent: Decimal,
    /// True APR of the app payment (IRR × 12), percent, 2 decimals.
    #[serde(with = "decimal_str")]
    pub apr_nominal_percent: Decimal,
    /// (1 + IRR)^12 − 1, percent, 2 decimals.
    #[serde(with = "decimal_str")]
    pub apr_effective_percent: Decimal,
    /// Nominal APR minus the quoted rate, percentage points.
    #[serde(with = "decimal_str")]
    pub gap_points: Decimal,
    /// Gap above [`HIDDEN_FEE_GAP_POINTS`].
    pub hidden_fees_likely: bool,
}

/// Checks the app's `app_payment` for `principal` held (principal minus
/// any up-front fee) over `months` level instalments against `quoted`.
pub fn rate_check(held: Decimal, months: u32, quoted: &QuotedRate, app_payment: Decimal) -> Result<RateCheck, EngineError> {
    if held <= Decimal::ZERO {
        return Err(EngineError::PrincipalNotPositive);
    }
    if held > MAX_AMOUNT {
        return Err(EngineError::PrincipalTooLarge);
    }
    if months == 0 || months > MAX_MONTHS {
        return Err(EngineError::MonthsOutOfRange);
    }
    if app_payment <= Decimal::ZERO {
        return Err(EngineError::AmountNegative("app_payment"));
    }
    if app_payment > MAX_AMOUNT {
        return Err(EngineError::AmountTooLarge("app_payment"));
    }
    quoted.validate()?;
    let i = quoted.monthly_fraction();
    let payments = vec![app_payment; months as usize];
    let apr: Apr = apr_of_payments(held, &payments, i)?;
    let expected_payment = fen(annuity_payment(held, i, months));
    let extra_per_month = app_payment - expected_payment;
    let quoted_annual = quoted.annual_percent();
    let nominal = percent_2dp(apr.nominal_percent);
    let gap = nominal - percent_2dp(quoted_annual);
    Ok(RateCheck {
        app_payment,
        expected_payment,
        extra_per_month,
        extra_total: extra_per_month * Decimal::from(months),
        quoted_annual_percent: quoted_annual.normalize(),
        apr_nominal_percent: nominal,
        apr_effective_percent: percent_2dp(apr.effective_percent),
        gap_points: gap,
        hidden_fees_likely: gap > HIDDEN_FEE_GAP_POINTS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RateUnit;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn honest_payment_has_no_gap() {
        // 100000 at 0.05 %/day over 12: PMT = 9168.00 (spreadsheet), IRR ≈ 18.00 %.
        let r = rate_check(d("100000"), 12, &QuotedRate::new(d("0.05"), RateUnit::DailyPercent), d("9168")).unwrap();
        assert_eq!(r.expected_payment, d("9168.00"));
        assert_eq!(r.apr_nominal_percent, d("18.00"));
        assert!(!r.hidden_fees_likely);
    }

    #[test]
    fn hidden_fee_is_flagged() {
        // The app shows ¥9,300 instead of ¥9,168: RATE(12,-9300,100000)×12
        // = 20.7629 % against 18 % quoted (python3: bisection on the exact
        // NPV with fractions.Fraction gives 20.762861933…).
        let r = rate_check(d("100000"), 12, &QuotedRate::new(d("18"), RateUnit::AnnualPercent), d("9300")).unwrap();
        assert_eq!(r.apr_nominal_percent, d("20.76"));
        assert_eq!(r.gap_points, d("2.76"));
        assert!(r.hidden_fees_likely);
        assert_eq!(r.extra_per_month, d("132.00"));
        assert_eq!(r.extra_total, d("1584.00"));
    }

    #[test]
    fn nonsense_is_an_error() {
        let q = QuotedRate::new(d("18"), RateUnit::AnnualPercent);
        assert!(rate_check(d("100000"), 12, &q, d("0")).is_err());
        assert!(rate_check(d("100000"), 0, &q, d("1")).is_err());
        // A payment below principal/n gives a negative rate, not a panic.
        let r = rate_check(d("1200"), 12, &q, d("90")).unwrap();
        assert!(r.apr_nominal_percent < Decimal::ZERO && !r.hidden_fees_likely);
    }
}
