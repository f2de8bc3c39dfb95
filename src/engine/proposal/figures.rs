//! A proposal's figures from its rows (see the module docs of
//! [`super`] for every definition), what each row may pay, and the
//! lender's present value.

use super::{BudgetBasis, Debt, DebtAnalysis, Figures, Infeasible, LoanBudget, Params, Proposal, ProposalKind, VsContract};
use super::NOTHING_HORIZON_MONTHS;
use crate::engine::apr::{monthly_irr_of_fen, Apr};
use crate::engine::budget::BUDGET_MONTHS;
use crate::engine::dates::Date;
use crate::engine::daycount::Accrual;
use crate::engine::due::DueDates;
use crate::engine::exact::mul_round;
use crate::engine::fen_amount::FenAmount;
use crate::engine::{fen, percent_2dp, EngineError, Row};
use rust_decimal::Decimal;

/// What each period of a proposal may pay: the money of its budget month
/// ([`LoanBudget::in_month`], [`DueDates::month`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Allowance<'a> {
    pub budget: &'a LoanBudget,
    pub dates: &'a DueDates,
}

impl Allowance<'_> {
    /// The money period `k` may use.
    #[inline(always)]
    pub fn at(&self, k: u32) -> Decimal {
        self.budget.in_month(self.dates.month(k))
    }

    /// The budget month period `k` falls in, when its money comes from
    /// the forecast (the first 12, and every one when the year repeats).
    pub fn month_of(&self, k: u32) -> Option<u32> {
        let m = self.dates.month(k);
        (self.budget.forecast.is_some() && crate::engine::budget::month_slot(m, self.budget.repeats).is_some()).then_some(m)
    }

    /// From this period on every period has the flat amount (never, when
    /// a forecast repeats).
    pub fn steady_from(&self) -> u32 {
        match self.budget.forecast {
            Some(_) if self.budget.repeats => u32::MAX,
            Some(_) => self.dates.first_after(BUDGET_MONTHS as u32),
            None => 1,
        }
    }

    /// The period of `start..start + n` with the least money, and that
    /// money (the earliest of equals).
    pub fn tightest(&self, start: u32, n: u32) -> (u32, Decimal) {
        let last = start.saturating_add(n.max(1) - 1);
        // Beyond `steady_from` every period has the flat amount: one look.
        let stop = last.min(self.steady_from().max(start));
        let mut best = (start, self.at(start));
        for k in start + 1..=stop {
            let money = self.at(k);
            if money < best.1 {
                best = (k, money);
            }
        }
        best
    }

    /// The row that exceeds its period's money by the most (a month with
    /// nothing or a deficit fits only a row of 0): (payment, money, month),
    /// or `None` when every row fits. `rows`: (period, payment). One copy
    /// for every caller's iterator (`dyn`): each generic instance was its
    /// own 0.6 KB of wasm, inlined into the evaluation (issue 13).
    pub fn worst(&self, rows: &mut dyn Iterator<Item = (u32, Decimal)>) -> Option<(Decimal, Decimal, Option<u32>)> {
        let mut worst: Option<(Decimal, u32, Decimal, Decimal)> = None;
        for (k, payment) in rows {
            let money = self.at(k);
            let excess = payment - money.max(Decimal::ZERO);
            if excess > Decimal::ZERO && worst.is_none_or(|w| excess > w.0) {
                worst = Some((excess, k, payment, money));
            }
        }
        worst.map(|(_, k, payment, money)| (payment, money, self.month_of(k)))
    }

    /// [`Allowance::worst`] of `rows`' payments.
    pub fn worst_row(&self, rows: &[Row]) -> Option<(Decimal, Decimal, Option<u32>)> {
        self.worst(&mut rows.iter().map(|r| (r.period, r.payment)))
    }

    /// The smallest room any row leaves (negative: the largest shortfall).
    /// `pays`: the rows' payments in whole fen, when the caller has them.
    pub fn margin(&self, rows: &[Row], pays: Option<&[FenAmount]>) -> Decimal {
        pays.and_then(|pays| self.margin_fen(rows, pays))
            .unwrap_or_else(|| rows.iter().map(|r| self.at(r.period).max(Decimal::ZERO) - r.payment).min().unwrap_or_default())
    }

    /// The money of budget months 1–12 and of every later month not
    /// repeating the forecast (the 13th entry), each converted once, a deficit a plain 0 (as
    /// `Decimal::max(ZERO)` makes it); `None` when one has more than two places.
    fn months_fen(&self) -> Option<[FenAmount; BUDGET_MONTHS + 1]> {
        let zero = FenAmount { fen: 0, scale: 0 };
        let mut money = [zero; BUDGET_MONTHS + 1];
        for (month, slot) in (1u32..).zip(money.iter_mut()) {
            let m = FenAmount::of(self.budget.in_month(month))?;
            *slot = if m.fen < 0 { zero } else { m };
        }
        Some(money)
    }

    /// [`Allowance::margin`] in whole fen ([`FenAmount`]) from the rows'
    /// payments `pays`, the same value and scale; `None` when an amount of
    /// the budget has more than two places.
    fn margin_fen(&self, rows: &[Row], pays: &[FenAmount]) -> Option<Decimal> {
        let money = self.months_fen()?;
        let mut least: Option<FenAmount> = None;
        for (r, pay) in rows.iter().zip(pays) {
            let slot = crate::engine::budget::month_slot(self.dates.month(r.period), self.budget.repeats).unwrap_or(BUDGET_MONTHS);
            let room = money[slot].sub(*pay)?;
            if least.is_none_or(|l| room.fen < l.fen) {
                least = Some(room);
            }
        }
        Some(least.map_or(Decimal::ZERO, FenAmount::decimal))
    }
}

/// What every proposal and plan pick reports about its rows' shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Summary {
    pub total_paid: Decimal,
    pub financed: Decimal,
    pub min_payment: Decimal,
    pub max_payment: Decimal,
    /// The first instalment above zero, and its date.
    pub first_payment: Decimal,
    pub first_payment_date: Option<Date>,
    pub level: bool,
    pub balance_rises: bool,
    /// Paid in the first 12 instalments, and the balance after them.
    pub paid_12: Decimal,
    pub balance_12: Decimal,
}

/// The [`Summary`] of `rows` in whole fen ([`FenAmount`]; every row's
/// amounts are, see [`Row`]): integer sums and comparisons, the figures
/// `Decimal` sums would give, value and scale (the least and the largest
/// payment are rows' own, the earliest of equals, as `Decimal::min`/`max`
/// keep them). Also every payment in whole fen, read once here for the
/// other figures of a proposal (its margin, IRR and present value). An
/// error for no rows, or sums beyond 2^61 fen (rows of at most ¥10^13
/// over 600 months stay below 2^59).
pub(crate) fn summary(rows: &[Row]) -> Result<(Summary, Vec<FenAmount>), EngineError> {
    let first = rows.first().ok_or(EngineError::MonthsOutOfRange)?;
    summary_fen(rows, first).ok_or(EngineError::Overflow)
}

fn summary_fen(rows: &[Row], first: &Row) -> Option<(Summary, Vec<FenAmount>)> {
    let zero = FenAmount { fen: 0, scale: 0 };
    let (mut total, mut financed, mut paid_12) = (zero, zero, zero);
    let (mut lo, mut hi, mut first_paid, mut balance_rises) = (0, 0, None, false);
    let (first_fen, mut level) = (first.payment_fen()?.fen, true);
    let (mut lo_fen, mut hi_fen) = (i64::MAX, i64::MIN);
    let last = rows.len() - 1;
    let mut pays = Vec::with_capacity(rows.len());
    for (k, r) in rows.iter().enumerate() {
        let (pay, part) = (r.payment_fen()?, r.principal_fen()?);
        pays.push(pay);
        total = total.add(pay)?;
        financed = financed.add(part)?;
        (lo, lo_fen) = if pay.fen < lo_fen { (k, pay.fen) } else { (lo, lo_fen) };
        (hi, hi_fen) = if pay.fen > hi_fen { (k, pay.fen) } else { (hi, hi_fen) };
        if first_paid.is_none() && pay.fen > 0 {
            first_paid = Some(k);
        }
        level &= k == last || pay.fen == first_fen;
        balance_rises |= part.fen < 0;
        if k < NOTHING_HORIZON_MONTHS as usize {
            paid_12 = paid_12.add(pay)?;
        }
    }
    let s = Summary {
        total_paid: total.decimal(),
        financed: financed.decimal(),
        min_payment: rows[lo].payment,
        max_payment: rows[hi].payment,
        first_payment: first_paid.map_or(Decimal::ZERO, |k| rows[k].payment),
        first_payment_date: first_paid.and_then(|k| rows[k].date),
        level: level && first_fen > 0,
        balance_rises,
        paid_12: paid_12.decimal(),
        balance_12: rows.get(11).map_or(Decimal::ZERO, |r| r.balance),
    };
    Some((s, pays))
}

/// `part` / `whole` as a percentage with 2 decimals (0 when `whole` is 0).
pub(crate) fn share_percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        return Decimal::ZERO;
    }
    let mut p = percent_2dp(part.checked_div(whole).unwrap_or_default() * Decimal::ONE_HUNDRED);
    p.rescale(2);
    p
}

/// One debt's proposals being built: the debt, what it shares, its budget.
pub(crate) struct Ctx<'a> {
    pub debt: &'a Debt,
    pub an: &'a DebtAnalysis,
    pub budget: &'a LoanBudget,
}

impl Ctx<'_> {
    pub fn params(&self) -> Params {
        Params {
            annual_rate_percent: self.debt.loan.rate.annual_percent().normalize(),
            penalty_waived: self.an.overdue_cost.penalty_so_far_estimate,
            ..Params::default()
        }
    }

    pub fn allowance(&self) -> Allowance<'_> {
        Allowance { budget: self.budget, dates: &self.an.dates }
    }

    /// The basis of instalments paid from the monthly budget.
    pub fn monthly_basis(&self) -> BudgetBasis {
        match self.budget.forecast {
            Some(_) if self.budget.repeats => BudgetBasis::ForecastRepeated,
            Some(_) => BudgetBasis::Forecast,
            None => BudgetBasis::Flat,
        }
    }

    pub fn infeasible(&self, kind: ProposalKind, params: Params, why: Infeasible) -> Proposal {
        Proposal { kind, loan_id: self.debt.id.clone(), rank: 0, params, in_plans: Vec::new(), figures: None, infeasible: Some(why) }
    }

    /// Dates `rows` and builds their figures; `basis` says what they are compared with.
    pub fn finish(&self, kind: ProposalKind, params: Params, mut rows: Vec<Row>, basis: BudgetBasis) -> Proposal {
        self.an.dates.mark(&mut rows);
        match self.figures(rows, basis, params.penalty_waived) {
            Ok(figures) => Proposal { kind, loan_id: self.debt.id.clone(), rank: 0, params, in_plans: Vec::new(), figures: Some(figures), infeasible: None },
            Err(e) => self.infeasible(kind, params, Infeasible::Engine { code: e }),
        }
    }

    /// Whether `rows` fit the budget of their `basis`, and the margin
    /// (`pays`: their payments in whole fen, when every one has two places at most).
    fn fit(&self, rows: &[Row], basis: BudgetBasis, max_payment: Decimal, pays: Option<&[FenAmount]>) -> (bool, Decimal) {
        let available = self.budget.available;
        let margin = match basis {
            BudgetBasis::Flat => available - max_payment,
            BudgetBasis::LumpSum => return (true, available),
            BudgetBasis::Forecast | BudgetBasis::ForecastRepeated => self.allowance().margin(rows, pays),
        };
        (margin >= Decimal::ZERO, margin)
    }

    /// The figures of `rows`. Their payments are read into whole fen once
    /// (with the summary) for the margin, the IRR and the present value.
    fn figures(&self, rows: Vec<Row>, basis: BudgetBasis, penalty_waived: Decimal) -> Result<Figures, EngineError> {
        let an = self.an;
        let (s, pays) = summary(&rows)?;
        let pays = &pays[..];
        let lump = basis == BudgetBasis::LumpSum;
        let (apr_nominal, apr_effective) = if lump {
            (None, None)
        } else {
            let guess = self.debt.loan.rate.monthly_fraction();
            match monthly_irr_of_fen(an.owed_now, pays, s.total_paid, guess).and_then(Apr::from_monthly) {
                Ok(a) => (Some(percent_2dp(a.nominal_percent)), Some(percent_2dp(a.effective_percent))),
                Err(_) => (None, None),
            }
        };
        let lender_pv = if lump { s.total_paid } else { fen(present_value_of(&rows, pays, &self.debt.accrual)) };
        let (fits_budget, margin) = self.fit(&rows, basis, s.max_payment, Some(pays));
        let discount = lump.then(|| an.owed_now - s.total_paid);
        let reference = an.contract_total_paid + penalty_waived;
        Ok(Figures {
            financed: s.financed,
            months: rows.len() as u32,
            monthly_payment: s.first_payment,
            first_payment_date: s.first_payment_date,
            min_payment: s.min_payment,
            max_payment: s.max_payment,
            level: s.level,
            balance_rises: s.balance_rises,
            total_interest: s.total_paid - s.financed,
            total_paid: s.total_paid,
            apr_nominal_percent: apr_nominal,
            apr_effective_percent: apr_effective,
            vs_contract: VsContract::of(s.total_paid, reference),
            saving_vs_contract: reference - s.total_paid,
            saving_vs_nothing: an.overdue_cost.horizons.last().map_or(Decimal::ZERO, |h| h.owed) - (s.paid_12 + s.balance_12),
            saving_vs_nothing_months: NOTHING_HORIZON_MONTHS,
            principal_recovered_percent: share_percent(s.total_paid.min(an.principal_owed), an.principal_owed),
            lender_pv,
            lender_pv_percent: share_percent(lender_pv, an.owed_now),
            discount,
            discount_percent: discount.map(|d| share_percent(d, an.owed_now)),
            budget_basis: basis,
            monthly_budget: self.budget.available,
            fits_budget,
            margin,
            schedule: rows,
        })
    }
}

/// The present value of `rows` at the contract rate in the schedule's own
/// day count: Σₖ paymentₖ × Πⱼ≤ₖ 1/(1 + rⱼ), rⱼ the rate `acc` gives period
/// j (30/360: the monthly rate; actual days: the daily rate × the period's
/// days). Discounting by the same periods the interest accrues over is what
/// makes a re-amortisation at the contract rate worth exactly what it
/// re-amortises (100.00 %), whatever the calendar.
///
/// By Horner's scheme in integer fixed point, because this runs for every
/// proposal on every keystroke: amounts in micro-yuan (u128), discount
/// factors in units of 2^−60 (relative error below 1e-18), each step rounded
/// to the micro-yuan. The rounding adds at most half a micro-yuan a month
/// (3e-4 yuan over 600 months) and the factors 1e-17 of the total, inside
/// the fen the result is rounded to. Amounts beyond the fixed-point range
/// take the exact decimal path.
pub fn present_value(rows: &[Row], acc: &Accrual) -> Decimal {
    let pays: Vec<FenAmount> = rows.iter().map(|r| r.payment_fen().unwrap_or(FenAmount { fen: -1, scale: 2 })).collect();
    present_value_of(rows, &pays, acc)
}

/// [`present_value`] of `rows`, whose payments in whole fen are `pays`
/// (read once by [`summary`] for every figure).
pub(crate) fn present_value_of(rows: &[Row], pays: &[FenAmount], acc: &Accrual) -> Decimal {
    const ONE: u128 = 1 << 60;
    let fixed = |rate: Decimal| -> Option<u128> {
        Decimal::from(ONE as u64)
            .checked_div(Decimal::ONE + rate)
            .map(|d| d.round().mantissa())
            .and_then(|m| u128::try_from(m).ok())
            .filter(|m| *m <= ONE)
    };
    // Periods of 28–31 days (or every 30/360 month) share four factors.
    let dated = matches!(acc, Accrual::Daily { .. });
    let common: [Option<u128>; 4] = if dated {
        [28u32, 29, 30, 31].map(|days| fixed(acc.ratio_for_days(days).approx()))
    } else {
        [fixed(acc.period_rate(1)); 4]
    };
    let factor = |period: u32| -> Option<u128> {
        if !dated {
            return common[0];
        }
        match acc.days(period) {
            days @ 28..=31 => common[(days - 28) as usize],
            _ => fixed(acc.period_rate(period)),
        }
    };
    let exact = || {
        rows.iter().rev().fold(Decimal::ZERO, |sum, r| {
            let v = Decimal::ONE.checked_div(Decimal::ONE + acc.period_rate(r.period)).unwrap_or(Decimal::ZERO);
            mul_round(sum + r.payment, v, 10)
        })
    };
    let mut sum: u128 = 0;
    for (r, pay) in rows.iter().zip(pays).rev() {
        // payment in micro-yuan; refuse anything below zero or too large.
        let (Some(v), Ok(fen)) = (factor(r.period), u128::try_from(pay.fen)) else {
            return exact();
        };
        if r.payment.is_sign_negative() {
            return exact();
        }
        let total = sum + fen * 10_000;
        if total >= 1 << 64 {
            return exact();
        }
        sum = (total * v + (ONE >> 1)) >> 60;
    }
    Decimal::from_i128_with_scale(sum as i128, 6)
}

#[cfg(test)]
mod fen_tests {
    use super::*;
    use proptest::prelude::*;

    /// The summary in `Decimal`s, the oracle of the whole-fen one.
    fn summary_decimal(rows: &[Row]) -> Result<Summary, EngineError> {
        let first = rows.first().ok_or(EngineError::MonthsOutOfRange)?;
        let mut s = Summary {
            total_paid: Decimal::ZERO,
            financed: Decimal::ZERO,
            min_payment: first.payment,
            max_payment: first.payment,
            first_payment: Decimal::ZERO,
            first_payment_date: None,
            level: first.payment > Decimal::ZERO,
            balance_rises: false,
            paid_12: Decimal::ZERO,
            balance_12: rows.get(11).map_or(Decimal::ZERO, |r| r.balance),
        };
        let last = rows.len() - 1;
        for (k, r) in rows.iter().enumerate() {
            s.total_paid = crate::engine::checked::add(s.total_paid, r.payment).ok_or(EngineError::Overflow)?;
            s.financed = crate::engine::checked::add(s.financed, r.principal).ok_or(EngineError::Overflow)?;
            s.min_payment = s.min_payment.min(r.payment);
            s.max_payment = s.max_payment.max(r.payment);
            if s.first_payment.is_zero() && r.payment > Decimal::ZERO {
                (s.first_payment, s.first_payment_date) = (r.payment, r.date);
            }
            s.level &= k == last || r.payment == first.payment;
            s.balance_rises |= r.principal < Decimal::ZERO;
            if k < NOTHING_HORIZON_MONTHS as usize {
                s.paid_12 += r.payment;
            }
        }
        Ok(s)
    }

    fn amount() -> impl Strategy<Value = Decimal> {
        (prop_oneof![Just(0i64), -300i64..300, 0i64..100_000_000_000_000], 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        /// The whole-fen summary is the decimal one, every figure printed
        /// alike (scale included): level runs, zeros, negative parts, ties.
        #[test]
        fn whole_fen_summary_equals_decimal_summary(rows in proptest::collection::vec((amount(), amount(), amount(), any::<bool>()), 1..40)) {
            let rows: Vec<Row> = rows.iter().zip(1..).map(|(&(pay, part, bal, repeat), k)| {
                // Repeats make level runs and ties for the least and largest payment.
                let pay = if repeat { rows[0].0 } else { pay };
                Row::new(k, pay, Decimal::ZERO, part, bal)
            }).collect();
            let fast = summary(&rows).map(|(s, _)| format!("{s:?}"));
            prop_assert_eq!(fast.ok(), summary_decimal(&rows).ok().map(|s| format!("{s:?}")));
        }
    }

    proptest! {
        /// The whole-fen margin is the decimal one, printed alike: deficit
        /// months (a plain 0), ties, forecast and flat months.
        #[test]
        fn whole_fen_margin_equals_decimal_margin(forecast in proptest::array::uniform12(amount()), available in amount(), repeats in any::<bool>(), pays in proptest::collection::vec(amount(), 0..30)) {
            let budget = LoanBudget { available, forecast: Some(forecast), repeats };
            let dates = DueDates::default();
            let allow = Allowance { budget: &budget, dates: &dates };
            let rows: Vec<Row> = pays.iter().zip(1..).map(|(&p, k)| Row::new(k, p, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)).collect();
            let decimal = rows.iter().map(|r| allow.at(r.period).max(Decimal::ZERO) - r.payment).min().unwrap_or_default();
            let pays: Vec<FenAmount> = rows.iter().map(|r| FenAmount::of(r.payment).unwrap()).collect();
            prop_assert_eq!(allow.margin(&rows, Some(&pays)).to_string(), decimal.to_string());
            prop_assert!(allow.margin_fen(&rows, &pays).is_some());
        }
    }

    /// A row holds whole fen only: an amount of more places (no engine
    /// path computes one) is rounded to the fen, one beyond 2^61 fen capped.
    #[test]
    fn rows_hold_whole_fen() {
        let row = Row::new(1, Decimal::new(1005, 3), Decimal::new(-1, 28), Decimal::MAX, Decimal::new(-500, 0));
        assert_eq!((row.payment.to_string(), row.interest.to_string(), row.balance.to_string()), ("1.01".into(), "0.00".into(), "-500".into()));
        assert_eq!(row.principal_fen().map(|p| p.fen), Some((1 << 61) - 1));
        assert_eq!(summary(&[row]).map(|(s, _)| s.total_paid), Ok(Decimal::new(101, 2)));
        assert_eq!(summary(&[]).map(|_| ()), Err(EngineError::MonthsOutOfRange));
    }
}
