//! The road to debt-free in the evaluation (issue 12): what the document's
//! prepayments, target payments and payoff strategy give, computed by the
//! engine ([`crate::engine::prepay`], [`crate::engine::solve`],
//! [`crate::engine::payoff`]) and printed under fixed keys.
//!
//! Decisions (the README states them):
//! * **`prepaid`** (a loan with `prepayments` or an `extra_monthly`): the
//!   loan's remaining principal over its remaining months, 30/360 in either
//!   day count, with every prepayment as entered, against the 30/360
//!   contract. **`prepaid_by_effect`** (a loan with at least one one-off
//!   prepayment): the same twice, every one-off shortening the term
//!   (`shorten_term`) and every one lowering the payment (`lower_payment`),
//!   so the page shows both effects side by side whatever was picked.
//! * **`solve`** (a loan with `target_payment`): the months that payment a
//!   month takes on **what is owed now** — the remaining principal plus any
//!   overdue principal and interest, penalties excluded, the amount every
//!   proposal re-spreads — as 等额本息 at the contract rate, 30/360, whatever
//!   the loan's own method.
//! * **`payoff`** (at least one loan): avalanche, snowball and pro rata, and
//!   custom whenever `payoff_strategy.order` names loans (whatever the
//!   kind picked), over every loan whose terms compute. The monthly budget
//!   is `payoff_strategy.monthly_budget`, else each forecast month's
//!   surplus (month k of the road uses forecast month ((k − 1) mod 12) + 1:
//!   the forecast repeats yearly), else the amount available for debt. A
//!   loan the payoff cannot take (an instalment above ¥1 trillion) is left
//!   out with an error at `loans[i].payoff`. **`payoff_pick`**: the kind
//!   picked (avalanche unless chosen).

use super::evaluate::FigureError;
use super::{LoanEntry, Scenario};
use crate::engine::{
    payoff_plans, prepay, solve_months, Debt, DebtAnalysis, PayoffBudget, PayoffDebt, PayoffError, PayoffKind, PayoffPlan, Prepaid, PrepayEffect,
    PrepayError, PrepayPlan, SolveError, SolveOutput, Solved,
};
use serde::Serialize;

/// A loan's road figures (printed among the loan's keys).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LoanRoad {
    /// With prepayments or an extra: the schedule with them as entered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prepaid: Option<Prepaid>,
    /// With one-off prepayments: both effects, for the side by side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prepaid_by_effect: Option<PrepaidByEffect>,
    /// With a target payment: how long it takes, or why it cannot work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solve: Option<SolveOutput>,
}

/// The prepayments with every one-off under one effect, then the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrepaidByEffect {
    pub shorten_term: Prepaid,
    pub lower_payment: Prepaid,
}

/// The scenario's road across lenders (printed among the top keys).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Road {
    /// Every strategy played out; absent without loans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payoff: Option<Vec<PayoffPlan>>,
    /// The strategy the borrower picked; absent without loans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payoff_pick: Option<PayoffKind>,
}

impl LoanRoad {
    /// Loan `i`'s road figures; what cannot be computed goes to `errors`.
    pub(super) fn of(i: usize, entry: &LoanEntry, errors: &mut Vec<FigureError>) -> Self {
        let (prepaid, prepaid_by_effect) = prepaid(entry).unwrap_or_else(|e| {
            errors.push(FigureError::new(format!("loans[{i}].prepaid"), e.code(), e.to_string(), &e));
            (None, None)
        });
        Self { prepaid, prepaid_by_effect, solve: entry.solve().map(SolveOutput::from) }
    }
}

impl LoanEntry {
    /// "I can pay `target_payment` a month": how long it takes on what is
    /// owed now (see the module docs); `None` without a target. The page
    /// words the refusal from the typed error.
    pub fn solve(&self) -> Option<Result<Solved, SolveError>> {
        let owed_now = self.principal + self.overdue().amount();
        self.target_payment.map(|target| solve_months(owed_now, self.rate.quoted().monthly_ratio(), target))
    }

    /// The loan's prepaid figures, as [`LoanRoad`] has them (nothing when
    /// nothing is prepaid, or when they cannot be computed: the page shows
    /// that problem at the field, the evaluator prints it, [`LoanRoad::of`]).
    pub fn prepaid(&self) -> (Option<Prepaid>, Option<PrepaidByEffect>) {
        prepaid(self).unwrap_or((None, None))
    }
}

/// The loan with its prepayments as entered, and under each effect when
/// there is a one-off prepayment; nothing when nothing is prepaid.
fn prepaid(entry: &LoanEntry) -> Result<(Option<Prepaid>, Option<PrepaidByEffect>), PrepayError> {
    let plan = entry.prepay_plan();
    if plan.is_empty() {
        return Ok((None, None));
    }
    let run = |plan: &PrepayPlan| prepay(entry.principal, entry.rate.quoted().monthly_ratio(), entry.months, entry.method, plan);
    let as_entered = run(&plan)?;
    if plan.prepayments.iter().all(|p| p.amount.is_zero()) {
        return Ok((Some(as_entered), None));
    }
    let shorten_term = run(&plan.with_effect(PrepayEffect::ShortenTerm))?;
    let lower_payment = run(&plan.with_effect(PrepayEffect::LowerPayment))?;
    Ok((Some(as_entered), Some(PrepaidByEffect { shorten_term, lower_payment })))
}

impl Road {
    /// The payoff of `debts` (the loans whose terms compute, with their
    /// index in the scenario); a loan the payoff refuses is left out, its
    /// error pushed to `errors` with its index.
    pub(super) fn of(s: &Scenario, debts: &[(usize, &Debt, &DebtAnalysis)], errors: &mut Vec<(usize, FigureError)>) -> Self {
        if s.loans.is_empty() {
            return Self::default();
        }
        // The debts the payoff takes, and each one's index in the scenario.
        let (mut taken, mut index): (Vec<PayoffDebt>, Vec<usize>) = (Vec::with_capacity(debts.len()), Vec::with_capacity(debts.len()));
        for (i, debt, an) in debts {
            match PayoffDebt::of_analysed(debt, an) {
                Ok(d) => {
                    taken.push(d);
                    index.push(*i);
                }
                Err(e) => errors.push((*i, FigureError::new(format!("loans[{i}].payoff"), e.code(), e.message(), &e))),
            }
        }
        let budget = budget(s);
        let plans = loop {
            // The custom order's ids the payoff takes (a plain loop: each
            // iterator adapter is code of its own in the road's chunk).
            let mut order: Vec<String> = Vec::new();
            for id in s.payoff_strategy.as_ref().map_or(&[][..], |p| &p.order[..]) {
                if taken.iter().any(|d| d.id == *id) {
                    order.push(id.clone());
                }
            }
            match payoff_plans(&taken, &budget, (!order.is_empty()).then_some(order.as_slice())) {
                Err(PayoffError::Debt { index: j, error }) if j < taken.len() => {
                    taken.remove(j);
                    let i = index.remove(j);
                    errors.push((i, FigureError::new(format!("loans[{i}].payoff"), error.code(), error.message(), &error)));
                }
                result => break result.unwrap_or_default(),
            }
        };
        Self { payoff: Some(plans), payoff_pick: Some(s.payoff_kind()) }
    }

    /// The plan of the strategy the borrower picked. (Inlined, and a plain
    /// loop: the road and the calendar's chunk would otherwise share a
    /// chunk for it.)
    #[inline(always)]
    pub fn picked(&self) -> Option<&PayoffPlan> {
        // A `match`, not `as_deref`: that is a function of its own the two chunks would share.
        let Some(plans) = &self.payoff else { return None };
        for p in plans {
            if Some(p.strategy) == self.payoff_pick {
                return Some(p);
            }
        }
        None
    }
}

/// The money for all debts each month: as entered, else each forecast
/// month's surplus (after the 12th, the amount available for debt or the
/// forecast again when its year repeats), else the amount available for debt.
fn budget(s: &Scenario) -> PayoffBudget {
    let b = s.budget.budget();
    match (s.payoff_strategy.as_ref().and_then(|p| p.monthly_budget), s.budget.forecast) {
        (Some(amount), _) => PayoffBudget::Flat(amount),
        (None, Some(f)) => PayoffBudget::Forecast { months: crate::engine::allocation::forecast_surplus(&b, &f), ordinary: b.disposable(), repeats: s.budget.forecast_repeats },
        (None, None) => PayoffBudget::Flat(b.disposable()),
    }
}

#[cfg(test)]
mod tests;
