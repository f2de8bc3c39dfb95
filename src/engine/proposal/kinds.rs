//! Each kind of proposal sized to a [`LoanBudget`], and [`Ask`]: one
//! request with every parameter fixed, its exact rows and what it asks —
//! the one place rows are built, for the cards and for the combined plan.

use super::figures::{Allowance, Ctx};
use super::{
    BudgetBasis, Debt, DebtAnalysis, Holiday, HolidayMaturity, HolidayMode, Infeasible, LoanBudget, Params, Proposal, ProposalKind,
    CASH_FLOW_CAP_MONTHS, CATCH_UP_CAP_MONTHS, FROZEN_CAP_MONTHS, MAX_HOLIDAY_MONTHS, STANDARD_TERMS,
};
use crate::engine::daycount::{annuity_rows, annuity_rows_into, Accrual};
use crate::engine::exact::mul_ratio_fen;
use crate::engine::fen_amount::FenAmount;
use crate::engine::overdue::Overdue;
use crate::engine::schedule::annuity_payment;
use crate::engine::{fen, Row, MAX_AMOUNT, MAX_MONTHS};
use rust_decimal::Decimal;

/// The longest term an extension asks for: five years (the ceiling lenders
/// apply to personalised instalments), or three years more than remain for
/// loans with over two years left (the most a long-term loan may be
/// extended under the PBoC's 贷款通则, Article 12); never above [`MAX_MONTHS`].
pub fn extension_cap(remaining_months: u32) -> u32 {
    remaining_months.saturating_add(36).clamp(60, MAX_MONTHS)
}

/// The terms listed beside the shortest fitting extension: the
/// [`STANDARD_TERMS`] longer than what remains, or the cap when none is.
pub fn extension_terms(remaining_months: u32) -> Vec<u32> {
    let longer: Vec<u32> = STANDARD_TERMS.into_iter().filter(|m| *m > remaining_months).collect();
    let cap = extension_cap(remaining_months);
    match longer.is_empty() && cap > remaining_months {
        true => vec![cap],
        false => longer,
    }
}

/// One request to a lender with every parameter fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// The contract unchanged (a loan with no arrears).
    Contract,
    /// Penalties waived, the arrears caught up over `catch_up` months (1–12).
    Waiver { catch_up: u32 },
    /// The amount owed re-amortised at the contract rate over `months`.
    Extension { months: u32 },
    Holiday(Holiday),
    /// The amount owed at 0 % in `months` instalments, the first after `deferred` months.
    Frozen { months: u32, deferred: u32 },
    /// The loan's share of each month's money at the contract rate until
    /// cleared ([`cash_flow_plan`]): its rows follow from its budget.
    CashFlow,
}

impl Ask {
    pub fn kind(self) -> ProposalKind {
        match self {
            Self::Contract => ProposalKind::Contract,
            Self::Waiver { .. } => ProposalKind::PenaltyWaiver,
            Self::Extension { .. } => ProposalKind::TermExtension,
            Self::Holiday(_) => ProposalKind::PaymentHoliday,
            Self::Frozen { .. } => ProposalKind::FrozenInstalments,
            Self::CashFlow => ProposalKind::CashFlowPlan,
        }
    }

    /// The request of a card or a pick, from its kind and parameters.
    pub fn of(kind: ProposalKind, q: &Params) -> Option<Self> {
        match kind {
            ProposalKind::PenaltyWaiver => Some(Self::Waiver { catch_up: q.catch_up_months? }),
            ProposalKind::TermExtension => Some(Self::Extension { months: q.term_months? }),
            ProposalKind::PaymentHoliday => Some(Self::Holiday(Holiday { months: q.holiday_months?, mode: q.holiday_mode?, maturity: q.holiday_maturity? })),
            ProposalKind::FrozenInstalments => {
                let deferred = q.deferred_months.unwrap_or(0);
                Some(Self::Frozen { months: q.term_months?.checked_sub(deferred)?, deferred })
            }
            ProposalKind::Contract => Some(Self::Contract),
            ProposalKind::CashFlowPlan => Some(Self::CashFlow),
            ProposalKind::Settlement | ProposalKind::Hold => None,
        }
    }

    /// What it asks for, as its card states it.
    pub fn params(self, debt: &Debt, an: &DebtAnalysis) -> Params {
        let mut p = Params {
            annual_rate_percent: debt.loan.rate.annual_percent().normalize(),
            penalty_waived: an.overdue_cost.penalty_so_far_estimate,
            ..Params::default()
        };
        match self {
            Self::Contract => p.penalty_waived = Decimal::ZERO,
            Self::Waiver { catch_up } => {
                p.cap_months = Some(CATCH_UP_CAP_MONTHS);
                p.catch_up_months = Some(catch_up);
                p.penalty_waived += catch_up_penalty(debt, &arrears_parts(&debt.overdue, catch_up));
            }
            Self::Extension { months } => p.term_months = Some(months),
            Self::Holiday(h) => {
                p.holiday_months = Some(h.months);
                p.holiday_mode = Some(h.mode);
                p.holiday_maturity = Some(h.maturity);
                p.term_months = Some(h.months + holiday_after(debt, h));
            }
            Self::Frozen { months, deferred } => {
                p.annual_rate_percent = Decimal::ZERO;
                p.cap_months = Some(FROZEN_CAP_MONTHS);
                p.term_months = Some(deferred + months);
                p.deferred_months = (deferred > 0).then_some(deferred);
            }
            // Its term is its rows' (set by whoever has them).
            Self::CashFlow => p.cap_months = Some(CASH_FLOW_CAP_MONTHS),
        }
        p
    }

    /// Its exact rows against `budget`, dated when the dates are known
    /// (only the cash-flow plan's depend on the budget; none when it is
    /// not cleared within its cap).
    pub fn rows(self, debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Vec<Row> {
        let mut rows = match self {
            Self::Contract => return an.contract.rows.clone(),
            Self::CashFlow => cash_flow_rows(debt, an, budget).unwrap_or_default(),
            Self::Waiver { catch_up } => waiver_rows(debt, an, catch_up),
            Self::Extension { months } => annuity_rows(an.owed_now, &debt.accrual, 1, months),
            Self::Holiday(h) => holiday_rows(debt, an, h),
            Self::Frozen { months, deferred } => frozen_rows(an.owed_now, months, deferred),
        };
        an.dates.mark(&mut rows);
        rows
    }

    /// This request as a proposal with every figure a card has, measured
    /// against `budget`: what a combined plan's pick is when no card asks
    /// the same (the kit's ask of a plan's pick).
    pub fn proposal(self, debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Proposal {
        if self == Self::CashFlow {
            return cash_flow_plan(debt, an, budget);
        }
        let cx = Ctx { debt, an, budget };
        cx.finish(self.kind(), self.params(debt, an), self.rows(debt, an, budget), cx.monthly_basis())
    }
}

/// `fen(owed_fen / 100 / n)` — a level payment at 0 % — in whole fen:
/// `owed_fen / n` rounded half away from zero. The decimal quotient has 28
/// digits, so it is within 1e-15 yuan of the exact one, while a quotient
/// that is not exactly on half a fen is at least 1/(2n) fen (1/1200 for
/// 600 months) from it: both round the same way.
fn level_at_zero(owed_fen: i64, n: u32) -> Decimal {
    let n = i64::from(n.max(1));
    Decimal::new((2 * owed_fen + n) / (2 * n), 2)
}

/// Level instalments of `principal` over `n` periods from `start`; the
/// first `n` in `min..=cap` whose instalments each fit their period's
/// money ([`Allowance`]). Terms whose periods all have forecast money are
/// tried one by one (the money changes with every month a term covers);
/// from the first term that reaches the flat months on, the tightest money
/// is constant and the term is found by bisection on the closed-form
/// annuity. Either way the schedule itself confirms it.
fn shortest_fit(principal: Decimal, acc: &Accrual, allow: Allowance, start: u32, min: u32, cap: u32) -> Result<Vec<Row>, Infeasible> {
    let rate = acc.nominal_monthly();
    // At 0 % (frozen instalments) the level payment P / n to the fen, in
    // whole fen: only compared here, and the value the decimal formula
    // gives ([`level_at_zero`]).
    let owed_fen = FenAmount::of(principal).filter(|p| rate.is_zero() && p.fen >= 0);
    let level = |n: u32| match owed_fen {
        Some(p) => level_at_zero(p.fen, n),
        None => fen(annuity_payment(principal, rate, n)),
    };
    let lo = min.clamp(1, cap);
    let varying = allow.steady_from().saturating_sub(start);
    // The tightest money of the first n periods, kept as n grows: what
    // `allow.tightest(start, n)` finds while every period has forecast money.
    let mut tight = allow.tightest(start, lo);
    let found = (lo..=cap.min(varying)).find(|&n| {
        let (k, money) = (start + n - 1, allow.at(start + n - 1));
        if n > lo && money < tight.1 {
            tight = (k, money);
        }
        level(n) <= tight.1
    });
    let n = match found {
        Some(n) => n,
        None => {
            let (k, money) = allow.tightest(start, cap);
            let from = lo.max(varying + 1);
            if money <= Decimal::ZERO {
                return Err(Infeasible::NoBudget { available: money, month: allow.month_of(k) });
            }
            // Printed (its scale too): from the decimal formula.
            let at_cap = fen(annuity_payment(principal, rate, cap));
            if from > cap || at_cap > money {
                return Err(Infeasible::AboveBudgetAtCap { cap_months: cap, payment_at_cap: at_cap, available: money, month: allow.month_of(k) });
            }
            let (mut lo, mut hi) = (from, cap);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if level(mid) <= money {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            lo
        }
    };
    // The last instalment absorbs rounding (and, in actual-days mode, the
    // uneven months): step up while one instalment does not fit.
    for m in n..=cap.min(n + 3) {
        let rows = annuity_rows(principal, acc, start, m);
        match allow.worst_row(&rows) {
            None => return Ok(rows),
            Some((payment, money, month)) if m == cap.min(n + 3) => {
                return Err(Infeasible::AboveBudgetAtCap { cap_months: cap, payment_at_cap: payment, available: money, month });
            }
            Some(_) => {}
        }
    }
    Err(Infeasible::InvalidParameter { name: "term_months" })
}

/// 延期/展期: the amount owed re-amortised at the contract rate over
/// `months`, or (None) over the shortest term that fits the budget. Either
/// way longer than the months that remain — 展期 means a later maturity —
/// and at most [`extension_cap`]; a shorter or equal term is an
/// `InvalidParameter` (catching up on arrears is the penalty waiver's card).
pub fn term_extension(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget, months: Option<u32>) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::TermExtension;
    let remaining = debt.loan.months;
    let cap = extension_cap(remaining);
    let mut params = cx.params();
    match months {
        Some(m) => {
            params.term_months = Some(m);
            if m <= remaining || m > MAX_MONTHS {
                return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "term_months" });
            }
            let ask = Ask::Extension { months: m };
            cx.finish(kind, ask.params(debt, an), ask.rows(debt, an, budget), cx.monthly_basis())
        }
        None => {
            params.shortest_fit = true;
            params.cap_months = Some(cap);
            if cap <= remaining {
                return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "term_months" });
            }
            match shortest_fit(an.owed_now, &debt.accrual, cx.allowance(), 1, remaining + 1, cap) {
                Ok(rows) => {
                    params.term_months = Some(rows.len() as u32);
                    cx.finish(kind, params, rows, cx.monthly_basis())
                }
                Err(why) => cx.infeasible(kind, params, why),
            }
        }
    }
}

/// 停息分期: the amount owed at 0 % over the shortest term that fits, at
/// most 60 months in all. When no term fits from the first month — a
/// month without income, or slow months at the start — the first
/// instalment is deferred by the fewest months (up to
/// [`MAX_HOLIDAY_MONTHS`]) that let one fit (`params.deferred_months`): at
/// 0 % waiting costs nothing. The reason given is the undeferred one.
pub fn frozen_instalments(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::FrozenInstalments;
    let allow = cx.allowance();
    let fit = |deferred: u32| shortest_fit(an.owed_now, &Accrual::monthly(Decimal::ZERO), allow, deferred + 1, 1, FROZEN_CAP_MONTHS - deferred);
    let found: Result<(u32, Vec<Row>), Infeasible> = match fit(0) {
        Ok(rows) => Ok((0, rows)),
        Err(why) if budget.forecast.is_some() => (1..=MAX_HOLIDAY_MONTHS).find_map(|d| fit(d).ok().map(|rows| (d, rows))).ok_or(why),
        Err(why) => Err(why),
    };
    let mut params = Ask::Frozen { months: 1, deferred: found.as_ref().map_or(0, |f| f.0) }.params(debt, an);
    params.shortest_fit = true;
    match found {
        Ok((deferred, rows)) => {
            let ask = Ask::Frozen { months: rows.len() as u32, deferred };
            params.term_months = ask.params(debt, an).term_months;
            cx.finish(kind, params, ask.rows(debt, an, budget), cx.monthly_basis())
        }
        Err(why) => {
            params.term_months = None;
            cx.infeasible(kind, params, why)
        }
    }
}

/// `owed` at 0 %: `deferred` months with nothing due, then `months` level
/// instalments (the last absorbing the rounding).
fn frozen_rows(owed: Decimal, months: u32, deferred: u32) -> Vec<Row> {
    let zero = Decimal::ZERO;
    let mut rows: Vec<Row> = Vec::with_capacity((deferred + months) as usize);
    rows.extend((1..=deferred).map(|k| Row::new(k, zero, zero, zero, owed)));
    annuity_rows_into(&mut rows, owed, &Accrual::monthly(zero), deferred + 1, months);
    rows
}

/// Arrears instalment `m` (1-based) of `k` equal parts of `amount`, the last absorbing.
fn arrears_part(amount: Decimal, k: u32, m: u32) -> Decimal {
    let part = fen(amount / Decimal::from(k));
    if m < k {
        part
    } else if m == k {
        amount - part * Decimal::from(k - 1)
    } else {
        Decimal::ZERO
    }
}

/// 减免罚息: the contract continues, penalties are waived and the arrears
/// are caught up in equal parts over the smallest k ≤ 12 months that fits.
/// `None` when the loan has no arrears (nothing to waive).
pub fn penalty_waiver(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Option<Proposal> {
    let arrears = debt.overdue.amount();
    if arrears <= Decimal::ZERO {
        return None;
    }
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::PenaltyWaiver;
    let allow = cx.allowance();
    let params = Params { cap_months: Some(CATCH_UP_CAP_MONTHS), ..cx.params() };
    if budget.forecast.is_none() && budget.available <= Decimal::ZERO {
        return Some(cx.infeasible(kind, params, Infeasible::NoBudget { available: budget.available, month: None }));
    }
    let contract = &an.contract.rows;
    if let Some((contract_payment, available, month)) = allow.worst_row(contract) {
        return Some(cx.infeasible(kind, params, Infeasible::ContractAboveBudget { contract_payment, available, month }));
    }
    // The contract fits every month: only the first k months change.
    let head = |k: u32| (1..=k).map(move |m| (m, contract.get(m as usize - 1).map_or(Decimal::ZERO, |r| r.payment) + arrears_part(arrears, k, m)));
    let Some(k) = (1..=CATCH_UP_CAP_MONTHS).find(|&k| allow.worst(&mut head(k)).is_none()) else {
        let (payment_at_cap, available, month) = allow.worst(&mut head(CATCH_UP_CAP_MONTHS)).unwrap_or_default();
        return Some(cx.infeasible(kind, params, Infeasible::AboveBudgetAtCap { cap_months: CATCH_UP_CAP_MONTHS, payment_at_cap, available, month }));
    };
    let ask = Ask::Waiver { catch_up: k };
    Some(cx.finish(kind, ask.params(debt, an), ask.rows(debt, an, budget), cx.monthly_basis()))
}

/// The contract's rows with the arrears caught up in `k` parts on top.
fn waiver_rows(debt: &Debt, an: &DebtAnalysis, k: u32) -> Vec<Row> {
    let contract = &an.contract.rows;
    let parts = arrears_parts(&debt.overdue, k);
    let months = (contract.len() as u32).max(k);
    let mut arrears_principal_left = debt.overdue.principal;
    (1..=months)
        .map(|m| {
            let c = contract.get(m as usize - 1).copied().unwrap_or_else(|| Row::new(m, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO));
            let (a_int, a_pr) = parts.get(m as usize - 1).copied().unwrap_or_default();
            arrears_principal_left -= a_pr;
            Row::new(m, c.payment + a_int + a_pr, c.interest + a_int, c.principal + a_pr, c.balance + arrears_principal_left)
        })
        .collect()
}

/// The arrears in `k` equal monthly parts (the last absorbing), each split
/// into (overdue interest, overdue principal): interest is paid first.
fn arrears_parts(overdue: &Overdue, k: u32) -> Vec<(Decimal, Decimal)> {
    let mut interest_left = overdue.interest;
    (1..=k)
        .map(|m| {
            let a = arrears_part(overdue.amount(), k, m);
            let a_int = a.min(interest_left);
            interest_left -= a_int;
            (a_int, a - a_int)
        })
        .collect()
}

/// The penalty interest the contract would charge while the arrears are
/// caught up in `parts` (part m paid on instalment m's due day): each
/// amount that bears penalty (principal; interest too under a
/// principal-and-interest or compounding rule) accrues the daily penalty
/// rate from today until the day it is paid. Simple interest, so a floor
/// when the contract compounds.
fn catch_up_penalty(debt: &Debt, parts: &[(Decimal, Decimal)]) -> Decimal {
    let interest_bears = debt.penalty.interest_bears();
    let base_days: Decimal = parts
        .iter()
        .zip(1u32..)
        .map(|(&(int, pr), m)| (pr + if interest_bears { int } else { Decimal::ZERO }) * Decimal::from(debt.calendar.offset(m)))
        .sum();
    mul_ratio_fen(base_days, debt.penalty.daily_ratio(&debt.loan.rate))
}

/// The months of level instalments after a holiday `h`.
fn holiday_after(debt: &Debt, h: Holiday) -> u32 {
    match h.maturity {
        HolidayMaturity::Kept => debt.loan.months.saturating_sub(h.months).max(1),
        HolidayMaturity::Extended => debt.loan.months,
    }
}

/// 宽限期: `h.months` (1–6) interest-only or capitalised, then level
/// instalments at the contract rate: over the rest of the remaining term
/// (at least one month) when the maturity is kept, over all the months that
/// remained when it is extended by the holiday's length.
pub fn payment_holiday(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget, h: Holiday) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let ask = Ask::Holiday(h);
    let mut params = ask.params(debt, an);
    if h.months == 0 || h.months > MAX_HOLIDAY_MONTHS {
        params.term_months = None;
        return cx.infeasible(ProposalKind::PaymentHoliday, params, Infeasible::InvalidParameter { name: "holiday_months" });
    }
    cx.finish(ProposalKind::PaymentHoliday, params, ask.rows(debt, an, budget), cx.monthly_basis())
}

/// The rows of holiday `h`: interest paid or capitalised, then level instalments.
fn holiday_rows(debt: &Debt, an: &DebtAnalysis, h: Holiday) -> Vec<Row> {
    let acc = &debt.accrual;
    let after = holiday_after(debt, h);
    let mut balance = an.owed_now;
    let mut rows = Vec::with_capacity((h.months + after) as usize);
    for period in 1..=h.months {
        let interest = acc.interest(period, balance);
        let row = match h.mode {
            HolidayMode::InterestOnly => Row::new(period, interest, interest, Decimal::ZERO, balance),
            HolidayMode::Capitalised => {
                balance += interest;
                // Nothing paid: the interest joins the balance, a negative principal part.
                Row::new(period, Decimal::ZERO, interest, -interest, balance)
            }
        };
        rows.push(row);
    }
    annuity_rows_into(&mut rows, balance, acc, h.months + 1, after);
    rows
}

/// 一次性结清减免: `lump_sum` paid now in full settlement (capped at the amount owed).
pub fn settlement(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget, lump_sum: Decimal) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::Settlement;
    let params = Params { lump_sum: Some(lump_sum), annual_rate_percent: Decimal::ZERO, ..cx.params() };
    if lump_sum <= Decimal::ZERO || lump_sum > MAX_AMOUNT {
        return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "lump_sum" });
    }
    let pay = fen(lump_sum).min(an.owed_now);
    let row = Row::new(1, pay, Decimal::ZERO, pay, Decimal::ZERO);
    cx.finish(kind, params, vec![row], BudgetBasis::LumpSum)
}

/// 按现金流还款: each month pays this debt's share of its month's money
/// (nothing in a deficit month, the interest then joining the balance) —
/// the forecast month's surplus in the first 12, then by the one rule
/// ([`LoanBudget::in_month`]: the forecast again when the year repeats,
/// else the ordinary month) — at the contract rate, until the amount owed
/// is cleared; at most 120 months. A month whose share is below its
/// interest lets the balance rise (`balance_rises`).
pub fn cash_flow_plan(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::CashFlowPlan;
    let mut params = Ask::CashFlow.params(debt, an);
    match cash_flow_rows(debt, an, budget) {
        Ok(rows) => {
            params.term_months = Some(rows.len() as u32);
            cx.finish(kind, params, rows, cx.monthly_basis())
        }
        Err(why) => cx.infeasible(kind, params, why),
    }
}

/// The cash-flow plan's rows (undated): each period pays the budget's
/// money of its month, nothing in a deficit, the last clearing the balance.
fn cash_flow_rows(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Result<Vec<Row>, Infeasible> {
    let Some(forecast) = budget.forecast else {
        return Err(Infeasible::NoForecast);
    };
    if forecast.iter().all(|s| *s <= Decimal::ZERO) && (budget.repeats || budget.available <= Decimal::ZERO) {
        return Err(Infeasible::NoSurplusInForecast);
    }
    let acc = &debt.accrual;
    let mut balance = an.owed_now;
    let limit = an.owed_now * Decimal::TEN;
    let mut rows = Vec::new();
    for period in 1..=CASH_FLOW_CAP_MONTHS {
        let interest = acc.interest(period, balance);
        let due = balance + interest;
        let share = budget.in_month(an.dates.month(period)).max(Decimal::ZERO);
        if share >= due {
            rows.push(Row::new(period, due, interest, balance, Decimal::ZERO));
            return Ok(rows);
        }
        let part = share - interest;
        balance -= part;
        if balance > limit {
            break;
        }
        rows.push(Row::new(period, share, interest, part, balance));
    }
    Err(Infeasible::NotClearedWithinCap { cap_months: CASH_FLOW_CAP_MONTHS })
}

#[cfg(test)]
mod level_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The whole-fen 0 % level payment is the decimal formula's value,
        /// for any amount up to the largest principal and any term.
        #[test]
        fn level_at_zero_is_the_decimal_level(owed in prop_oneof![0i64..10_000, 0i64..100_000_000_000_000], scale in 0u32..=2, n in 1u32..=600) {
            let principal = Decimal::new(owed, scale);
            let fen_owed = FenAmount::of(principal).unwrap().fen;
            prop_assert_eq!(level_at_zero(fen_owed, n), fen(annuity_payment(principal, Decimal::ZERO, n)));
        }
    }
}
