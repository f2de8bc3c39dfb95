//! What the borrower can afford each month.
//!
//! Disposable for debt = net income − essential expenses − other fixed
//! obligations − safety buffer (a share of income, default 10 %).
//! Debt-to-income = monthly debt payments / net income; above 50 % is
//! flagged as unsustainable.

use super::{decimal_str, fen, EngineError, MAX_AMOUNT};
use rust_decimal::Decimal;
use serde::Serialize;

/// Monthly money situation, all amounts per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Net monthly income (after tax).
    pub income: Decimal,
    /// Essential living and business expenses.
    pub expenses: Decimal,
    /// Other fixed obligations not entered as loans (rent, support, …).
    pub other_obligations: Decimal,
    /// Safety buffer as a percentage of income.
    pub buffer_percent: Decimal,
}

/// DTI above this percentage is flagged.
pub const DTI_WARNING_PERCENT: Decimal = Decimal::from_parts(50, 0, 0, false, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BudgetFigures {
    #[serde(with = "decimal_str")]
    pub buffer: Decimal,
    /// What can go to debt each month; negative when expenses exceed income.
    #[serde(with = "decimal_str")]
    pub disposable: Decimal,
    /// The monthly debt payments the figures were computed for.
    #[serde(with = "decimal_str")]
    pub debt_payments: Decimal,
    /// Debt payments as a percentage of income; `None` without income.
    #[serde(with = "decimal_str::option")]
    pub dti_percent: Option<Decimal>,
    /// Disposable minus debt payments: room left (or shortfall if negative).
    #[serde(with = "decimal_str")]
    pub margin: Decimal,
    pub fits: bool,
    pub dti_over_limit: bool,
}

impl Budget {
    pub fn validate(&self) -> Result<(), EngineError> {
        for (name, v) in [
            ("income", self.income),
            ("expenses", self.expenses),
            ("other_obligations", self.other_obligations),
        ] {
            if v < Decimal::ZERO {
                return Err(EngineError::AmountNegative(name));
            }
            if v > MAX_AMOUNT {
                return Err(EngineError::AmountTooLarge(name));
            }
        }
        if self.buffer_percent < Decimal::ZERO || self.buffer_percent > Decimal::ONE_HUNDRED {
            return Err(EngineError::BufferOutOfRange);
        }
        Ok(())
    }

    pub fn buffer(&self) -> Decimal {
        fen(self.income * self.buffer_percent / Decimal::ONE_HUNDRED)
    }

    pub fn disposable(&self) -> Decimal {
        self.income - self.expenses - self.other_obligations - self.buffer()
    }

    /// The budget figures for `debt_payments` a month of loan instalments.
    pub fn figures(&self, debt_payments: Decimal) -> Result<BudgetFigures, EngineError> {
        self.validate()?;
        let disposable = self.disposable();
        let dti_percent = match self.income.is_zero() {
            true => None,
            false => Some(
                debt_payments
                    .checked_div(self.income)
                    .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                    .ok_or(EngineError::Overflow)
                    .map(super::percent_2dp)?,
            ),
        };
        Ok(BudgetFigures {
            buffer: self.buffer(),
            disposable,
            debt_payments,
            dti_percent,
            margin: disposable.checked_sub(debt_payments).ok_or(EngineError::Overflow)?,
            fits: debt_payments <= disposable,
            dti_over_limit: match dti_percent {
                Some(p) => p > DTI_WARNING_PERCENT,
                None => debt_payments > Decimal::ZERO,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn budget() -> Budget {
        Budget { income: d("12000"), expenses: d("6000"), other_obligations: d("0"), buffer_percent: d("10") }
    }

    #[test]
    fn disposable_and_dti() {
        let f = budget().figures(d("9168")).unwrap();
        assert_eq!(f.buffer, d("1200.00"));
        assert_eq!(f.disposable, d("4800.00"));
        assert_eq!(f.dti_percent, Some(d("76.40")));
        assert!(f.dti_over_limit);
        assert!(!f.fits);
        assert_eq!(f.margin, d("-4368.00"));
        let f = budget().figures(d("4800")).unwrap();
        assert!(f.fits);
        assert_eq!(f.dti_percent, Some(d("40.00")));
        assert!(!f.dti_over_limit);
    }

    #[test]
    fn no_income_is_not_a_division_by_zero() {
        let b = Budget { income: Decimal::ZERO, ..budget() };
        let f = b.figures(d("100")).unwrap();
        assert_eq!(f.dti_percent, None);
        assert!(f.dti_over_limit);
        assert!(!f.fits);
    }

    #[test]
    fn absurd_debt_is_an_error_not_a_panic() {
        let b = Budget { income: d("0.01"), ..budget() };
        assert_eq!(b.figures(Decimal::MAX), Err(EngineError::Overflow));
        assert_eq!(b.figures(Decimal::MIN), Err(EngineError::Overflow));
    }

    #[test]
    fn invalid_budget_fields() {
        let b = Budget { expenses: d("-1"), ..budget() };
        assert_eq!(b.figures(Decimal::ZERO).unwrap_err().field(), "expenses");
        let b = Budget { buffer_percent: d("101"), ..budget() };
        assert_eq!(b.figures(Decimal::ZERO).unwrap_err(), EngineError::BufferOutOfRange);
        let b = Budget { income: d("1e20".replace("1e20", "100000000000000000000").as_str()), ..budget() };
        assert_eq!(b.figures(Decimal::ZERO).unwrap_err().field(), "income");
    }
}
