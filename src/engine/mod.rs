//! The money engine: pure arithmetic on exact decimals.
//!
//! Nothing here touches the browser, the clock or storage, so every figure the
//! page shows can be reproduced natively (`cargo test`, `examples/evaluate`).
//! Conventions follow `DOMAIN.md`: money is [`Decimal`] rounded to the fen
//! (0.01, half away from zero) once per instalment, and the last instalment
//! absorbs every rounding remainder so that a schedule repays its principal
//! exactly.

pub mod allocation;
pub mod apr;
pub mod budget;
pub mod checked;
pub mod counter_offer;
pub mod dates;
pub mod daycount;
pub mod decimal_str;
pub mod due;
pub mod exact;
mod error;
pub(crate) mod fen_amount;
pub mod lender;
pub mod loan;
pub mod overdue;
pub mod payoff;
pub mod plan;
pub mod prepay;
pub mod proposal;
pub mod rate;
pub mod ratecheck;
pub mod remaining;
pub mod schedule;
pub mod small_sort;
pub mod solve;

pub use apr::{apr_of_payments, Apr};
pub use budget::{Budget, BudgetFigures};
pub use error::EngineError;
pub use lender::{Lender, LenderPreset};
pub use loan::{Loan, LoanFigures};
pub use rate::{DayBasis, QuotedRate, RateUnit};
pub use schedule::{Method, Row, Schedule};
pub use allocation::{allocate, loan_budgets, AllocationDebt, AllocationPlan, LoanShare, ShareBasis, Strategy};
pub use dates::Date;
pub use due::{DateSource, DueDates};
pub use daycount::{build_schedule, Accrual, DayCount};
pub use overdue::{overdue_cost, DueCalendar, Milestone, Overdue, OverdueCost, PenaltyBase, PenaltyRule};
pub use proposal::{proposals_for, Ask, Debt, DebtAnalysis, Direction, Holiday, HolidayMaturity, HolidayMode, Infeasible, LoanBudget, Proposal, ProposalKind, VsContract};
pub use plan::{plans, Goal, Money, Plan, Pick};
pub use remaining::{principal_from_total, FromTotal};
pub use ratecheck::{rate_check, Instalment, RateCheck, RateCheckError};
pub use solve::{solve_months, SolveError, SolveOutput, Solved};
pub use payoff::{payoff, payoff_plans, PayoffBudget, PayoffDebt, PayoffError, PayoffKind, PayoffPlan, PayoffStrategy};
pub use prepay::{prepay, PrepaidRow, Prepaid, PrepayEffect, PrepayError, PrepayPlan, Prepayment};

pub use rust_decimal::Decimal;

/// Largest amount the engine accepts anywhere: ¥1 trillion (1万亿). Far above
/// any personal debt, far below where 28-digit decimals lose cents.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0); // 1e12
/// Longest term accepted: 50 years.
pub const MAX_MONTHS: u32 = 600;
/// Highest annual rate accepted (percent). Beyond this an input is a typo, not a loan.
pub const MAX_ANNUAL_PERCENT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// Rounds to the fen, half away from zero (四舍五入), the one rounding rule for money.
pub fn fen(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to the fen downwards (towards −∞).
pub(crate) fn fen_down(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToNegativeInfinity)
}

/// A percentage for display and output: two decimals, half away from zero.
/// A positive percentage of more places (an IRR × 1200 has 28 digits) is
/// rounded by [`exact::mul_round`], 64-bit divisions only, several times
/// faster than `round_dp_with_strategy`'s digit-by-digit division and the
/// same value and scale; the rest as before (a negative one could round to
/// a signed zero, which `rust_decimal` prints as it does).
pub fn percent_2dp(p: Decimal) -> Decimal {
    if p.scale() > 2 && !p.is_sign_negative() {
        return exact::mul_round(p, Decimal::ONE, 2);
    }
    p.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    proptest::proptest! {
        /// The fast rounding prints as `round_dp_with_strategy` does, any
        /// sign, scale and size (IRR-like 28-digit values included).
        #[test]
        fn percent_2dp_rounds_as_rust_decimal(m in proptest::prelude::any::<i128>(), scale in 0u32..=28) {
            let p = Decimal::from_i128_with_scale(m % (1i128 << 96), scale);
            let want = p.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            proptest::prop_assert_eq!(percent_2dp(p).to_string(), want.to_string());
        }
    }

    #[test]
    fn constants_are_what_they_say() {
        assert_eq!(MAX_AMOUNT, Decimal::from_str("1000000000000").unwrap());
        assert_eq!(MAX_ANNUAL_PERCENT, Decimal::from(1000));
    }

    #[test]
    fn fen_rounds_half_away_from_zero() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(fen(d("1.005")), d("1.01"));
        assert_eq!(fen(d("1.0049")), d("1.00"));
        assert_eq!(fen(d("-1.005")), d("-1.01"));
        assert_eq!(fen_down(d("1.009")), d("1.00"));
    }
}
