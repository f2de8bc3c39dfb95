//! "Ask every lender for this plan" on a combined plan of the summary: each
//! lender's ask becomes the plan's pick for it, named exactly
//! ([`ProposalChoice::of_pick`]: the contract kept, a deferral, a term no
//! card lists), first paid when the pick's first instalment falls due.

use super::super::page::Page;
use super::ask::{best_other, first_date, pick_fits};
use super::today;
use crate::engine::{Date, Goal};
use crate::form::{Form, LoanKey};
use crate::scenario::{Ask, Evaluation, ProposalChoice};
use leptos::prelude::*;

/// The asks that make plan `goal` every lender's: each pick, first paid on
/// its first row's date (rolled on past `today`, [`first_date`]); as the
/// fallback the other plan's pick where it differs and fits the budget
/// ([`pick_fits`]), else [`best_other`].
pub fn plan_asks(f: &Form, ev: &Evaluation, goal: Goal, today: Option<Date>) -> Vec<(LoanKey, Ask)> {
    let Some(plan) = ev.plans.iter().find(|p| p.goal == goal) else { return Vec::new() };
    let other = ev.plans.iter().find(|p| p.goal != goal);
    let loans = &f.document().loans;
    let ask = |k: usize, pick: &crate::engine::Pick| {
        let i = loans.iter().position(|l| l.id == pick.loan_id)?;
        let choice = ProposalChoice::of_pick(pick);
        let start = pick.schedule.first().and_then(|r| r.date);
        let fallback = other.and_then(|o| o.picks.get(k)).map(|o| (o, ProposalChoice::of_pick(o))).filter(|(o, c)| *c != choice && pick_fits(ev, o, c)).map(|(_, c)| c);
        let fallback = fallback.or_else(|| best_other(ev, &pick.loan_id, &choice));
        Some((*f.loans().get(i)?, Ask { choice, first_payment_date: first_date(start, loans[i].next_due_date, today), fallback }))
    };
    plan.picks.iter().enumerate().filter_map(|(k, pick)| ask(k, pick)).collect()
}

/// Whether every lender's ask is plan `goal`'s pick (its "use this plan"
/// button is pressed). Tracked: read where the summary draws the button.
pub fn plan_pressed(page: Page, goal: Goal) -> bool {
    page.evaluation.with(|ev| {
        let Some(plan) = ev.plans.iter().find(|p| p.goal == goal) else { return false };
        page.with(|f| {
            let asked = |id: &str| f.document().loans.iter().find(|l| l.id == id).and_then(|l| l.ask).map(|a| a.choice);
            plan.picks.iter().all(|p| asked(&p.loan_id) == Some(ProposalChoice::of_pick(p)))
        })
    })
}

/// "Re-make every lender's ask" in the kit, once a figure changed and an
/// ask no longer fits or is offered (review w15 R3): the asks become the
/// first plan that fits (else the closest one) of the current figures.
pub fn replan(page: Page) {
    let goal = page.evaluation.with_untracked(|ev| ev.plans.iter().find(|p| p.fits).or(ev.plans.first()).map(|p| p.goal));
    if let Some(goal) = goal {
        use_plan(page, goal);
    }
}

/// The "use this plan" button under plan `goal` of the summary was
/// pressed: every lender's ask becomes the plan's pick ([`plan_asks`]).
pub fn use_plan(page: Page, goal: Goal) {
    let asks = page.evaluation.with_untracked(|ev| page.peek(|f| plan_asks(f, ev, goal, today())));
    page.edit(|f| asks.into_iter().for_each(|(key, ask)| f.set_ask(key, ask)));
}
