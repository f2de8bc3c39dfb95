//! "I can pay ¥X a month — how long?": the term of a 等额本息 loan from the
//! payment the borrower can afford (the inverse of the annuity, NPER).
//!
//! The answer is the schedule itself, not the closed-form NPER: 30/360,
//! interest = balance × monthly rate rounded to the fen each month, the
//! target payment every month and a last instalment that absorbs the rest
//! (never more than the target). So the months equal ⌈NPER⌉ of a
//! spreadsheet except where per-month rounding tips a near-integer NPER
//! over, and the figures match the schedule the lender would print.
//!
//! Refusals: a payment that does not exceed the first month's interest
//! never repays anything ([`SolveError::BelowInterest`], with that
//! interest, so the page can say how much more is needed); a payment that
//! needs more than [`MAX_MONTHS`] is refused too.

use super::exact::{mul_ratio_fen, Ratio};
use super::prepay::{money_ok, Terms};
use super::schedule::check_bounds;
use super::{decimal_str, fen, EngineError, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// The term that a monthly payment gives. Serialises to the evaluator's `solve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Solved {
    pub months: u32,
    /// The last instalment (at most the target payment).
    #[serde(with = "decimal_str")]
    pub last_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
}

/// Why no term can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolveError {
    /// The loan (principal, rate) is invalid.
    Contract(EngineError),
    /// The target payment is negative, zero, not in fen or too large.
    Payment(EngineError),
    /// The payment does not exceed the first month's interest (given; a
    /// zero payment at 0 % is refused the same way).
    BelowInterest { interest: Decimal },
    /// The payment repays the loan only after more than 600 months.
    BeyondMaxMonths,
}

impl SolveError {
    /// The input field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Contract(e) => e.field(),
            Self::Payment(_) | Self::BelowInterest { .. } | Self::BeyondMaxMonths => "target_payment",
        }
    }

    /// Stable machine-readable key for translation.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Contract(e) | Self::Payment(e) => e.code(),
            Self::BelowInterest { .. } => "payment_below_interest",
            Self::BeyondMaxMonths => "payment_beyond_max_months",
        }
    }
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Contract(e) | Self::Payment(e) => write!(f, "{}: {}", self.field(), e.message()),
            Self::BelowInterest { interest } => {
                write!(f, "{}: must be more than the first month's interest ({interest})", self.field())
            }
            Self::BeyondMaxMonths => write!(f, "{}: would take more than {MAX_MONTHS} months", self.field()),
        }
    }
}

impl std::error::Error for SolveError {}

/// The evaluator's `solve` value: the figures, or `{"error": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SolveOutput {
    Solved(Solved),
    Refused { error: String },
}

impl From<Result<Solved, SolveError>> for SolveOutput {
    fn from(r: Result<Solved, SolveError>) -> Self {
        match r {
            Ok(s) => Self::Solved(s),
            Err(e) => Self::Refused { error: e.to_string() },
        }
    }
}

/// How many months `payment` a month takes to repay `principal` at
/// `monthly_rate` (a fraction, or an exact [`Ratio`]), 等额本息, 30/360.
pub fn solve_months(principal: Decimal, monthly_rate: impl Into<Ratio>, payment: Decimal) -> Result<Solved, SolveError> {
    let monthly_rate: Ratio = monthly_rate.into();
    check_bounds(principal, 1, monthly_rate.approx()).map_err(SolveError::Contract)?;
    money_ok(payment, "target_payment").map_err(SolveError::Payment)?;
    let mut balance = fen(principal);
    let interest = mul_ratio_fen(balance, monthly_rate);
    if payment <= interest {
        return Err(SolveError::BelowInterest { interest });
    }
    // The level payment rule of 等额本息, run until it clears the balance.
    let terms = Terms::Level(payment);
    let mut total_interest = Decimal::ZERO;
    for k in 1..=MAX_MONTHS {
        let (interest, part) = terms.instalment(k, balance, monthly_rate, u32::MAX);
        total_interest += interest;
        if part == balance {
            return Ok(Solved { months: k, last_payment: part + interest, total_interest });
        }
        balance -= part;
    }
    Err(SolveError::BeyondMaxMonths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Method, Schedule};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn solved(p: &str, i: Decimal, a: &str) -> Solved {
        solve_months(d(p), i, d(a)).unwrap()
    }

    /// Reference values: numpy-financial 1.0.0 `npf.nper(rate, -payment,
    /// principal)` (from PyPI in a throwaway venv, not a project
    /// dependency), and the last instalment and interest from the same
    /// schedule run in python3 `fractions` with each interest rounded to the
    /// fen, half away from zero:
    ///   nper(0.015, -5000, 100000)      = 23.956225 → 24, last 4782.72, interest 19782.72
    ///   nper(4.9 %/12, -6000, 1000000)  = 280.040869 → 281, last 245.61, interest 680245.61
    ///   nper(0.0005, -400, 10000)       = 25.163853 → 26, last 65.54, interest 65.54
    ///   nper(0.015, -1300, 80000)       = 172.275916 → 173, last 360.84, interest 143960.84
    #[test]
    fn months_match_numpy_financial_nper() {
        let cases = [
            ("100000", d("0.015"), "5000", 24, "4782.72", "19782.72"),
            ("1000000", d("4.9") / d("1200"), "6000", 281, "245.61", "680245.61"),
            ("10000", d("0.0005"), "400", 26, "65.54", "65.54"),
            ("80000", d("0.015"), "1300", 173, "360.84", "143960.84"),
        ];
        for (p, i, a, months, last, interest) in cases {
            assert_eq!(solved(p, i, a), Solved { months, last_payment: d(last), total_interest: d(interest) }, "{p} {i} {a}");
        }
    }

    #[test]
    fn the_contract_payment_gives_the_contract_term() {
        // Paying the 等额本息 instalment solves back to the term and its last instalment.
        for (p, i, n) in [("12000", d("0.01"), 12u32), ("1000000", d("4.9") / d("1200"), 360), ("5000", d("0.02"), 7)] {
            let s = Schedule::build(d(p), i, n, Method::EqualInstallment).unwrap();
            let got = solved(p, i, &s.first_payment().to_string());
            assert_eq!((got.months, got.last_payment, got.total_interest), (n, s.last_payment(), s.total_interest()));
        }
    }

    #[test]
    fn zero_rate_is_a_division() {
        // 50000 / 3000 = 16.67 → 17 months, the last 50000 − 16 × 3000 = 2000.
        assert_eq!(solved("50000", Decimal::ZERO, "3000"), Solved { months: 17, last_payment: d("2000"), total_interest: Decimal::ZERO });
        assert_eq!(solved("100", Decimal::ZERO, "1000").months, 1);
    }

    #[test]
    fn refusals() {
        // First month's interest on 100000 at 1.5 % is 1500.00.
        assert_eq!(solve_months(d("100000"), d("0.015"), d("1500")), Err(SolveError::BelowInterest { interest: d("1500.00") }));
        let e = solve_months(d("100000"), d("0.015"), d("1000")).unwrap_err();
        assert_eq!(e.to_string(), "target_payment: must be more than the first month's interest (1500.00)");
        assert_eq!(e.code(), "payment_below_interest");
        // 1500.01 repays a fen a month at first: far beyond 600 months.
        assert_eq!(solve_months(d("100000"), d("0.015"), d("1500.01")), Err(SolveError::BeyondMaxMonths));
        assert_eq!(solve_months(d("100000"), d("0.015"), d("0")).unwrap_err().field(), "target_payment");
        assert_eq!(solve_months(d("100000"), d("0.015"), d("-5")).unwrap_err(), SolveError::Payment(EngineError::AmountNegative("target_payment")));
        assert_eq!(solve_months(d("100000"), d("0.015"), d("9.999")).unwrap_err().code(), "not_in_fen");
        assert_eq!(solve_months(d("0"), d("0.015"), d("10")).unwrap_err(), SolveError::Contract(EngineError::PrincipalNotPositive));
        assert_eq!(solve_months(d("1000"), d("-0.015"), d("10")).unwrap_err().field(), "rate");
    }

    #[test]
    fn output_serialises_to_the_evaluator_keys() {
        let ok = SolveOutput::from(solve_months(d("50000"), Decimal::ZERO, d("3000")));
        assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"months":17,"last_payment":"2000","total_interest":"0.00"}"#);
        let refused = SolveOutput::from(solve_months(d("100000"), d("0.015"), d("1000")));
        assert_eq!(
            serde_json::to_string(&refused).unwrap(),
            r#"{"error":"target_payment: must be more than the first month's interest (1500.00)"}"#
        );
    }
}
