//! The "rate detective": from the payment the lender's app shows, the rate
//! it implies and the true annualised rate — and a warning when the app
//! charges more than the contract explains, the mark of fees hidden in the
//! instalment.
//!
//! Rules (issue 7):
//! * The app's figure is compared with the contract schedule's instalment
//!   *for the loan's method* ([`Instalment`]): the level instalment of
//!   等额本息, the first of 等额本金, the interest of 先息后本, the amount due
//!   at maturity of 到期一次还本付息 — each priced on the contract principal.
//!   A fee the user entered is not hidden: it is in the true APR.
//! * The difference `extra_per_month` is assumed charged with every
//!   instalment of that kind, so the app's cash flows are the contract's
//!   with the difference added to each (only to the last for a bullet).
//! * `implied_rate_percent` is the IRR × 12 of those flows on the contract
//!   principal; `expected_rate_percent` the same for the contract's own
//!   flows (the quoted rate for 等额本息 at 30/360; below it for a bullet,
//!   whose simple interest is paid late). `gap_points` is the difference and
//!   `hidden_fees_likely` flags more than half a point.
//! * `apr_nominal_percent`/`apr_effective_percent` are the true APR of the
//!   app's flows on the principal actually held (principal − fee).
//! * A negative or absurd rate (below 0 or above [`MAX_ANNUAL_PERCENT`] a
//!   year) is never returned: it means the figure or the rate unit was
//!   mistyped, and the check says so instead ([`RateCheckError::Implausible`]).

use super::apr::{monthly_irr, Apr};
use super::{decimal_str, percent_2dp, EngineError, Loan, Method, Schedule, MAX_AMOUNT, MAX_ANNUAL_PERCENT};
use rust_decimal::Decimal;
use serde::Serialize;

/// A gap above this many percentage points is flagged as hidden fees.
pub const HIDDEN_FEE_GAP_POINTS: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// Which instalment of the contract schedule the app's figure is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Instalment {
    /// 等额本息: the level instalment.
    Level,
    /// 等额本金: the first (largest) instalment.
    First,
    /// 先息后本: the monthly interest.
    Interest,
    /// 到期一次还本付息: the amount due at maturity.
    Maturity,
}

impl Instalment {
    pub fn of(method: Method) -> Self {
        match method {
            Method::EqualInstallment => Self::Level,
            Method::EqualPrincipal => Self::First,
            Method::InterestOnly => Self::Interest,
            Method::Bullet => Self::Maturity,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RateCheck {
    /// The payment the app shows.
    #[serde(with = "decimal_str")]
    pub app_payment: Decimal,
    /// What the app's figure is compared with.
    pub instalment: Instalment,
    /// That instalment in the contract schedule (contract principal, quoted rate).
    #[serde(with = "decimal_str")]
    pub expected_payment: Decimal,
    /// app − expected, per instalment and over the instalments that carry it.
    #[serde(with = "decimal_str")]
    pub extra_per_month: Decimal,
    #[serde(with = "decimal_str")]
    pub extra_total: Decimal,
    /// The quoted simple annual rate, percent.
    #[serde(with = "decimal_str")]
    pub quoted_annual_percent: Decimal,
    /// IRR × 12 of the app's payments on the contract principal, percent, 2 decimals.
    #[serde(with = "decimal_str")]
    pub implied_rate_percent: Decimal,
    /// IRR × 12 of the contract's own payments on the contract principal.
    #[serde(with = "decimal_str")]
    pub expected_rate_percent: Decimal,
    /// True APR of the app's payments on the principal held (fees
    /// included): IRR × 12, percent, 2 decimals.
    #[serde(with = "decimal_str")]
    pub apr_nominal_percent: Decimal,
    /// (1 + IRR)^12 − 1, percent, 2 decimals.
    #[serde(with = "decimal_str")]
    pub apr_effective_percent: Decimal,
    /// implied − expected rate, percentage points.
    #[serde(with = "decimal_str")]
    pub gap_points: Decimal,
    /// Gap above [`HIDDEN_FEE_GAP_POINTS`].
    pub hidden_fees_likely: bool,
}

/// Why no rate check is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateCheckError {
    /// The loan or the payment is out of range.
    Input(EngineError),
    /// The payment implies a rate below 0 or above 1000 % a year (or none
    /// at all): a mistyped figure or rate unit, not a finding.
    Implausible,
}

impl RateCheckError {
    /// Stable key for translation.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Input(e) => e.code(),
            Self::Implausible => "rate_check_implausible",
        }
    }

    /// What is wrong, in English.
    pub fn message(&self) -> &'static str {
        match self {
            Self::Input(e) => e.message(),
            Self::Implausible => {
                "this payment implies a rate below 0 or above 1000% a year: check the figure the app shows and the rate unit"
            }
        }
    }
}

impl From<EngineError> for RateCheckError {
    fn from(e: EngineError) -> Self {
        Self::Input(e)
    }
}

/// Checks the app's `app_payment` for `loan`, whose remaining schedule under
/// the contract (in the scenario's day count) is `contract`.
pub fn rate_check(loan: &Loan, contract: &Schedule, app_payment: Decimal) -> Result<RateCheck, RateCheckError> {
    loan.validate()?;
    if app_payment <= Decimal::ZERO {
        return Err(EngineError::AmountNegative("app_payment").into());
    }
    if app_payment > MAX_AMOUNT {
        return Err(EngineError::AmountTooLarge("app_payment").into());
    }
    let rows = &contract.rows;
    let instalment = Instalment::of(loan.method);
    let Some(last) = rows.len().checked_sub(1) else {
        return Err(EngineError::MonthsOutOfRange.into());
    };
    let carries = |k: usize| instalment != Instalment::Maturity || k == last;
    let expected_payment = if instalment == Instalment::Maturity { rows[last].payment } else { rows[0].payment };
    let extra = app_payment - expected_payment;
    let flows: Vec<Decimal> = rows.iter().enumerate().map(|(k, r)| r.payment + if carries(k) { extra } else { Decimal::ZERO }).collect();
    let guess = loan.rate.monthly_ratio().approx();
    let nominal = |held: Decimal, flows: &[Decimal]| -> Result<Apr, RateCheckError> {
        let apr = monthly_irr(held, flows, guess).and_then(Apr::from_monthly).map_err(|_| RateCheckError::Implausible)?;
        match apr.nominal_percent >= Decimal::ZERO && apr.nominal_percent <= MAX_ANNUAL_PERCENT {
            true => Ok(apr),
            false => Err(RateCheckError::Implausible),
        }
    };
    let implied = nominal(loan.principal, &flows)?;
    let expected = nominal(loan.principal, &contract.payments())?;
    let apr = match loan.upfront_fee.is_zero() {
        true => implied,
        false => nominal(loan.principal - loan.upfront_fee, &flows)?,
    };
    let implied_percent = percent_2dp(implied.nominal_percent);
    let expected_percent = percent_2dp(expected.nominal_percent);
    let gap = implied_percent - expected_percent;
    let carrying = if instalment == Instalment::Maturity { 1 } else { rows.len() };
    Ok(RateCheck {
        app_payment,
        instalment,
        expected_payment,
        extra_per_month: extra,
        extra_total: extra * Decimal::from(carrying as u64),
        quoted_annual_percent: loan.rate.annual_percent().normalize(),
        implied_rate_percent: implied_percent,
        expected_rate_percent: expected_percent,
        apr_nominal_percent: percent_2dp(apr.nominal_percent),
        apr_effective_percent: percent_2dp(apr.effective_percent),
        gap_points: gap,
        hidden_fees_likely: gap > HIDDEN_FEE_GAP_POINTS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{QuotedRate, RateUnit};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn check(principal: &str, rate: QuotedRate, method: Method, months: u32, fee: &str, app: &str) -> Result<RateCheck, RateCheckError> {
        let loan = Loan { principal: d(principal), rate, method, months, upfront_fee: d(fee) };
        rate_check(&loan, &loan.schedule().unwrap(), d(app))
    }

    fn daily(v: &str) -> QuotedRate {
        QuotedRate::new(d(v), RateUnit::DailyPercent)
    }

    #[test]
    fn honest_payment_has_no_gap() {
        // 100000 at 0.05 %/day over 12: PMT = 9168.00 (spreadsheet), IRR ≈ 18.00 %.
        let r = check("100000", daily("0.05"), Method::EqualInstallment, 12, "0", "9168").unwrap();
        assert_eq!((r.instalment, r.expected_payment, r.implied_rate_percent), (Instalment::Level, d("9168.00"), d("18.00")));
        assert_eq!(r.apr_nominal_percent, d("18.00"));
        assert!(!r.hidden_fees_likely);
    }

    #[test]
    fn a_fee_the_user_entered_is_not_hidden() {
        // ¥10,000 at 6 %/yr over 12 months with a ¥300 fee; the app shows
        // PMT(0.5 %, 12, 10000) = 860.66. Nothing extra, implied 6.00 %; the
        // true APR on the ¥9,700 held is RATE(12, 860.66, −9700) × 12 = 11.74 %.
        // (The old check priced the payment on 9,700 and reported ¥309.84 of
        // hidden fees.)
        let r = check("10000", QuotedRate::new(d("6"), RateUnit::AnnualPercent), Method::EqualInstallment, 12, "300", "860.66").unwrap();
        assert_eq!((r.expected_payment, r.extra_total, r.implied_rate_percent), (d("860.66"), d("0.00"), d("6.00")));
        assert_eq!(r.apr_nominal_percent, d("11.74"));
        assert!(!r.hidden_fees_likely);
    }

    #[test]
    fn each_method_is_compared_with_its_own_instalment() {
        // 微粒贷 等额本金: ¥10,000 at 0.05 %/day over 12 months, first
        // instalment 833.33 + 150.00 = 983.33: honest, 18.00 % (the old
        // check read it as a level payment: 31.72 % and hidden fees).
        let r = check("10000", daily("0.05"), Method::EqualPrincipal, 12, "0", "983.33").unwrap();
        assert_eq!((r.instalment, r.expected_payment, r.implied_rate_percent, r.hidden_fees_likely), (Instalment::First, d("983.33"), d("18.00"), false));
        // 先息后本: the app shows the interest, 150.00: 18.00 % (was −238 %).
        let r = check("10000", daily("0.05"), Method::InterestOnly, 12, "0", "150").unwrap();
        assert_eq!((r.instalment, r.expected_payment, r.implied_rate_percent, r.hidden_fees_likely), (Instalment::Interest, d("150.00"), d("18.00"), false));
        // 先息后本 with ¥50 a month more: flows 200 × 11 and 10,200 → 24.00 %, flagged.
        let r = check("10000", daily("0.05"), Method::InterestOnly, 12, "0", "200").unwrap();
        assert_eq!((r.implied_rate_percent, r.gap_points, r.extra_total), (d("24.00"), d("6.00"), d("600.00")));
        assert!(r.hidden_fees_likely);
        // 到期一次: the amount due at maturity, 10000 × 1.5 % × 12 + 10000 = 11800.
        let r = check("10000", daily("0.05"), Method::Bullet, 12, "0", "11800").unwrap();
        assert_eq!((r.instalment, r.expected_payment, r.gap_points), (Instalment::Maturity, d("11800.00"), d("0.00")));
        assert!(r.implied_rate_percent < d("18"));
    }

    #[test]
    fn hidden_fee_is_flagged() {
        // The app shows ¥9,300 instead of ¥9,168: RATE(12,-9300,100000)×12
        // = 20.7629 % against 18 % quoted (python3: bisection on the exact
        // NPV with fractions.Fraction gives 20.762861933…). The contract's
        // last instalment absorbs a fen, so the app's last is 9,299.99.
        let r = check("100000", QuotedRate::new(d("18"), RateUnit::AnnualPercent), Method::EqualInstallment, 12, "0", "9300").unwrap();
        assert_eq!(r.implied_rate_percent, d("20.76"));
        assert_eq!(r.gap_points, d("2.76"));
        assert!(r.hidden_fees_likely);
        assert_eq!(r.extra_per_month, d("132.00"));
        assert_eq!(r.extra_total, d("1584.00"));
    }

    #[test]
    fn nonsense_is_an_error_never_a_negative_rate() {
        let q = QuotedRate::new(d("18"), RateUnit::AnnualPercent);
        assert!(check("100000", q, Method::EqualInstallment, 12, "0", "0").is_err());
        // A payment below principal/n would be a negative rate: refused.
        assert_eq!(check("1200", q, Method::EqualInstallment, 12, "0", "90"), Err(RateCheckError::Implausible));
        // A 先息后本 payment of a fen: the principal at the end still comes
        // back, so the rate is about 0 %, never negative.
        let r = check("10000", q, Method::InterestOnly, 12, "0", "0.01").unwrap();
        assert!(r.implied_rate_percent >= Decimal::ZERO && r.implied_rate_percent < d("0.01"));
        // Absurdly high: ¥1,000 over 12 months for ¥1,000 a month.
        assert_eq!(check("1000", q, Method::EqualInstallment, 12, "0", "1000"), Err(RateCheckError::Implausible));
        assert_eq!(RateCheckError::Implausible.code(), "rate_check_implausible");
    }
}
