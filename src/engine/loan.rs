//! A loan as the borrower describes it, and every figure derived from it.

use super::{apr_of_payments, Apr, EngineError, Method, QuotedRate, Schedule, MAX_AMOUNT, MAX_MONTHS};
use rust_decimal::Decimal;

/// The contract terms the engine needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loan {
    /// Outstanding principal.
    pub principal: Decimal,
    pub rate: QuotedRate,
    pub method: Method,
    /// Remaining months.
    pub months: u32,
    /// Fee deducted up front (砍头息, service fee): lowers the principal
    /// actually held and so raises the true APR.
    pub upfront_fee: Decimal,
}

/// What the page and the evaluator show for one loan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanFigures {
    pub schedule: Schedule,
    pub total_paid: Decimal,
    pub total_interest: Decimal,
    pub apr: Apr,
}

impl LoanFigures {
    pub fn first_payment(&self) -> Decimal {
        self.schedule.first_payment()
    }

    pub fn last_payment(&self) -> Decimal {
        self.schedule.last_payment()
    }
}

impl Loan {
    /// Checks every field; the first fault found is returned.
    pub fn validate(&self) -> Result<(), EngineError> {
        if self.principal <= Decimal::ZERO {
            return Err(EngineError::PrincipalNotPositive);
        }
        if self.principal > MAX_AMOUNT {
            return Err(EngineError::PrincipalTooLarge);
        }
        self.rate.validate()?;
        if self.months == 0 || self.months > MAX_MONTHS {
            return Err(EngineError::MonthsOutOfRange);
        }
        if self.upfront_fee < Decimal::ZERO || self.upfront_fee >= self.principal {
            return Err(EngineError::FeeOutOfRange);
        }
        // A sub-fen amount would be repaid rounded while shown unrounded.
        if super::fen(self.principal) != self.principal {
            return Err(EngineError::NotInFen("principal"));
        }
        if super::fen(self.upfront_fee) != self.upfront_fee {
            return Err(EngineError::NotInFen("fee"));
        }
        Ok(())
    }

    pub fn schedule(&self) -> Result<Schedule, EngineError> {
        self.validate()?;
        Schedule::build(self.principal, self.rate.monthly_ratio(), self.months, self.method)
    }

    /// Schedule, totals and APR in one pass.
    pub fn figures(&self) -> Result<LoanFigures, EngineError> {
        let schedule = self.schedule()?;
        let held = self.principal - self.upfront_fee;
        let apr = apr_of_payments(held, &schedule.payments(), self.rate.monthly_fraction())?;
        Ok(LoanFigures {
            total_paid: schedule.total_paid(),
            total_interest: schedule.total_interest(),
            schedule,
            apr,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{percent_2dp, RateUnit};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn mybank() -> Loan {
        Loan {
            principal: d("100000"),
            rate: QuotedRate::new(d("0.05"), RateUnit::DailyPercent),
            method: Method::EqualInstallment,
            months: 12,
            upfront_fee: Decimal::ZERO,
        }
    }

    #[test]
    fn daily_rate_loan_figures() {
        let f = mybank().figures().unwrap();
        assert_eq!(f.first_payment(), d("9168.00"));
        assert_eq!(percent_2dp(f.apr.nominal_percent), d("18.00"));
        assert_eq!(f.total_paid - f.total_interest, d("100000"));
    }

    #[test]
    fn interest_on_a_half_fen_rounds_away_from_zero() {
        // ¥3,001.50 at 4 %/yr, 先息后本: 3001.50 × 4 % / 12 = 10.005 exactly → 10.01
        // (python3: Fraction(300150, 100) * Fraction(4, 1200) == Fraction(10005, 1000)).
        // With the 28-digit monthly rate 0.00333…3 it was 10.00.
        let l = Loan {
            principal: d("3001.50"),
            rate: QuotedRate::new(d("4"), RateUnit::AnnualPercent),
            method: Method::InterestOnly,
            months: 2,
            upfront_fee: Decimal::ZERO,
        };
        assert_eq!(l.schedule().unwrap().rows[0].interest, d("10.01"));
    }

    #[test]
    fn validation_names_the_field() {
        let mut l = mybank();
        l.upfront_fee = d("100000");
        assert_eq!(l.figures().unwrap_err().field(), "fee");
        l.upfront_fee = Decimal::ZERO;
        l.months = 10_000;
        assert_eq!(l.figures().unwrap_err().field(), "months");
        l.months = 12;
        l.rate.value = d("1000");
        assert_eq!(l.figures().unwrap_err(), EngineError::RateTooHigh);
    }
}
