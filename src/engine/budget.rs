//! What the borrower can afford each month.
//!
//! Disposable for debt = net income − essential expenses − other fixed
//! obligations − safety buffer (a share of income, default 10 %).
//!
//! The budget looks at every amount due in the next [`BUDGET_MONTHS`]
//! months, not only the next instalment: arrears due now (month 1),
//! balloons (先息后本's principal, 到期一次's lump) and the last instalments
//! of short loans. Each month's dues are compared with what that month has
//! (the flat disposable amount, or the forecast month's surplus when a
//! forecast is given); `fits` only when every month fits. `debt_payments` is
//! the largest month's dues, and debt-to-income = that / net income (above
//! 50 % is flagged as unsustainable). `peak_month`/`peak_due` name the first
//! month that does not fit, or when all fit the month with the most due.

use super::dates::Date;
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

/// Months the budget looks ahead (month 1 is this month).
pub const BUDGET_MONTHS: usize = 12;

/// What budget month `month` (1 = this month; any month) has: with a
/// forecast, forecast month `month` for the first 12; after them the
/// forecast month ((month − 1) mod 12) + 1 when the year `repeats`, else
/// the `ordinary` month. Without a forecast every month is `ordinary`.
/// The one rule for the months after the 12th: the cards, the combined
/// plan, the allocation and the road all ask it (review w14 R1, R3, R13).
#[inline]
pub fn month_money(forecast: Option<&[Decimal; BUDGET_MONTHS]>, repeats: bool, ordinary: Decimal, month: u32) -> Decimal {
    match (forecast, month_slot(month, repeats)) {
        (Some(f), Some(k)) => f[k],
        _ => ordinary,
    }
}

/// The forecast month (0-based) budget month `month` takes its money
/// from, or `None` for the ordinary month (after the 12th, not repeating).
#[inline]
pub fn month_slot(month: u32, repeats: bool) -> Option<usize> {
    let k = month.max(1) as usize - 1;
    (k < BUDGET_MONTHS || repeats).then_some(k % BUDGET_MONTHS)
}

/// DTI above this percentage is flagged.
pub const DTI_WARNING_PERCENT: Decimal = Decimal::from_parts(50, 0, 0, false, 0);

/// One month of the budget, or of a plan across lenders
/// ([`crate::engine::plan`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BudgetMonth {
    /// 1 = this month.
    pub month: u32,
    /// A plan's month: its first due date (a paused one too), when dates
    /// are known. The budget's months carry none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Everything due that month: instalments, and arrears in month 1.
    #[serde(with = "decimal_str")]
    pub due: Decimal,
    /// What the month has for debt: the disposable amount, or the forecast
    /// month's surplus.
    #[serde(with = "decimal_str")]
    pub available: Decimal,
    /// available − due.
    #[serde(with = "decimal_str")]
    pub margin: Decimal,
    /// due ≤ available; in a plan also a month with nothing due (nothing is
    /// asked of a month that has nothing).
    pub fits: bool,
}

impl BudgetMonth {
    /// A month of the budget: it fits when what it has covers what is due.
    fn of(month: u32, due: Decimal, available: Decimal) -> Result<Self, EngineError> {
        let margin = super::checked::sub(available, due).ok_or(EngineError::Overflow)?;
        Ok(Self { month, date: None, due, available, margin, fits: margin >= Decimal::ZERO })
    }

    /// A month of a plan: nothing asked of a month with nothing fits too.
    pub fn planned(month: u32, date: Option<Date>, due: Decimal, available: Decimal) -> Self {
        Self { month, date, due, available, margin: available - due, fits: due <= available.max(Decimal::ZERO) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BudgetFigures {
    #[serde(with = "decimal_str")]
    pub buffer: Decimal,
    /// What can go to debt each month; negative when expenses exceed income.
    #[serde(with = "decimal_str")]
    pub disposable: Decimal,
    /// The largest month's dues in the next 12 months.
    #[serde(with = "decimal_str")]
    pub debt_payments: Decimal,
    /// Debt payments as a percentage of income; `None` without income.
    #[serde(with = "decimal_str::option")]
    pub dti_percent: Option<Decimal>,
    /// The smallest monthly margin: room left (or shortfall if negative) in
    /// the tightest month.
    #[serde(with = "decimal_str")]
    pub margin: Decimal,
    /// Every one of the next 12 months fits.
    pub fits: bool,
    pub dti_over_limit: bool,
    /// The first month that does not fit, or (all fit) the month with the
    /// most due; and its dues.
    pub peak_month: u32,
    #[serde(with = "decimal_str")]
    pub peak_due: Decimal,
    pub months: [BudgetMonth; BUDGET_MONTHS],
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

    /// The budget figures for the same `debt_payments` due every month.
    pub fn figures(&self, debt_payments: Decimal) -> Result<BudgetFigures, EngineError> {
        self.figures_by_month(&[debt_payments; BUDGET_MONTHS], None)
    }

    /// The budget figures for `dues[m]` due in month m + 1, each month
    /// having the disposable amount, or `surplus[m]` when a forecast is given.
    pub fn figures_by_month(&self, dues: &[Decimal; BUDGET_MONTHS], surplus: Option<&[Decimal; BUDGET_MONTHS]>) -> Result<BudgetFigures, EngineError> {
        self.validate()?;
        let disposable = self.disposable();
        let mut months = [BudgetMonth::planned(0, None, Decimal::ZERO, Decimal::ZERO); BUDGET_MONTHS];
        for (m, slot) in months.iter_mut().enumerate() {
            *slot = BudgetMonth::of(m as u32 + 1, dues[m], surplus.map_or(disposable, |s| s[m]))?;
        }
        let largest = months.iter().fold(months[0], |a, b| if b.due > a.due { *b } else { a });
        let peak = months.iter().find(|m| !m.fits).copied().unwrap_or(largest);
        let debt_payments = largest.due;
        let dti_percent = match self.income.is_zero() {
            true => None,
            false => Some(
                debt_payments
                    .checked_div(self.income)
                    .and_then(|r| super::checked::mul(r, Decimal::ONE_HUNDRED))
                    .ok_or(EngineError::Overflow)
                    .map(super::percent_2dp)?,
            ),
        };
        Ok(BudgetFigures {
            buffer: self.buffer(),
            disposable,
            debt_payments,
            dti_percent,
            margin: months.iter().map(|m| m.margin).min().unwrap_or_default(),
            fits: months.iter().all(|m| m.fits),
            dti_over_limit: match dti_percent {
                Some(p) => p > DTI_WARNING_PERCENT,
                None => debt_payments > Decimal::ZERO,
            },
            peak_month: peak.month,
            peak_due: peak.due,
            months,
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
    fn one_rule_for_every_month() {
        let f: [Decimal; BUDGET_MONTHS] = std::array::from_fn(|k| Decimal::from(k as i64 + 1));
        let money = |repeats: bool, m: u32| month_money(Some(&f), repeats, d("100"), m);
        // The 12 months are the forecast's either way.
        for m in 1..=12 {
            assert_eq!((money(false, m), money(true, m)), (Decimal::from(m), Decimal::from(m)));
        }
        // After them: the ordinary month, or the same forecast month a year on.
        assert_eq!((money(false, 13), money(false, 600)), (d("100"), d("100")));
        assert_eq!((money(true, 13), money(true, 14), money(true, 24), money(true, 25), money(true, 600)), (d("1"), d("2"), d("12"), d("1"), d("12")));
        // No forecast: the ordinary month always; month 0 reads as month 1.
        assert_eq!((month_money(None, true, d("7"), 3), month_money(None, false, d("7"), 30)), (d("7"), d("7")));
        assert_eq!((money(true, 0), month_slot(0, false), month_slot(13, false), month_slot(13, true)), (d("1"), Some(0), None, Some(0)));
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
    fn every_month_must_fit_arrears_and_balloons_included() {
        // A ¥103,000 bullet due in month 3 and nothing else: months 1–2 fit,
        // month 3 does not. DTI on the largest month: 103000 / 12000 = 858.33 %.
        let mut dues = [Decimal::ZERO; BUDGET_MONTHS];
        dues[2] = d("103000");
        let f = budget().figures_by_month(&dues, None).unwrap();
        assert!(!f.fits);
        assert_eq!((f.peak_month, f.peak_due, f.debt_payments), (3, d("103000"), d("103000")));
        assert_eq!((f.dti_percent, f.margin), (Some(d("858.33")), d("-98200.00")));
        assert!(f.months[0].fits && f.months[1].fits && !f.months[2].fits);
        // ¥10,500 of arrears due now on top of a ¥1,000 instalment: month 1 fails.
        let mut dues = [d("1000"); BUDGET_MONTHS];
        dues[0] = d("11500");
        let f = budget().figures_by_month(&dues, None).unwrap();
        assert_eq!((f.fits, f.peak_month, f.peak_due), (false, 1, d("11500")));
        // All fit: the peak is the month with the most due (the first of ties).
        let mut dues = [d("1000"); BUDGET_MONTHS];
        dues[5] = d("1200");
        let f = budget().figures_by_month(&dues, None).unwrap();
        assert_eq!((f.fits, f.peak_month, f.peak_due, f.margin), (true, 6, d("1200"), d("3600.00")));
        // A forecast: each month against its own surplus.
        let mut surplus = [d("2000"); BUDGET_MONTHS];
        surplus[7] = d("-100");
        let f = budget().figures_by_month(&[d("1000"); BUDGET_MONTHS], Some(&surplus)).unwrap();
        assert_eq!((f.fits, f.peak_month, f.months[7].margin), (false, 8, d("-1100")));
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
