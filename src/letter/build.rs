//! From a scenario and its evaluation to the documents' input: the kit's
//! fields come from the scenario, every figure from the [`Evaluation`] the
//! page shows (its `kit` part for the amounts owed, the shares and the
//! asks); none is computed again.

use super::{Account, AskFigures, Forecast, LetterInput, Statement};
use crate::engine::counter_offer::{Means, OfferBasis};
use crate::engine::{Date, Lender};
use crate::scenario::kit::figures::{AskedPlan, KitLoan, KitOutput};
use crate::scenario::kit::ContactEntry;
use crate::scenario::evaluate::LoanOutput;
use crate::scenario::{Evaluation, LoanEntry, Scenario};

/// The first request and the lender's answer, from a log oldest first: the
/// earliest contact that is not a call from the lender (answered or not),
/// and the latest such contact after it (a refusal in the app, a letter,
/// the borrower's call).
fn request_and_answer(log: &[ContactEntry]) -> (Option<Date>, Option<Date>) {
    let mut mine = log.iter().filter(|e| !e.channel.is_lenders_call());
    let first = mine.next();
    (first.map(|e| e.at.date()), mine.next_back().map(|e| e.at.date()))
}

/// The entries oldest first, in log order at the same minute. An insertion
/// sort: logs are short and mostly in order, and it costs less code than
/// the standard library's sort.
fn by_time(mut log: Vec<ContactEntry>) -> Vec<ContactEntry> {
    for i in 1..log.len() {
        let mut j = i;
        while j > 0 && log[j - 1].at > log[j].at {
            log.swap(j - 1, j);
            j -= 1;
        }
    }
    log
}

/// The statement; `None` while the budget is invalid.
fn statement(s: &Scenario, ev: &Evaluation, kit: &KitOutput, start: Option<Date>) -> Option<Statement> {
    let b = &ev.budget;
    let figures = b.figures.as_ref()?;
    let forecast = match (&s.budget.forecast, &b.forecast_surplus) {
        (Some(income), Some(surplus)) if surplus.len() == 12 => {
            Some(Forecast { start, income: *income, available: std::array::from_fn(|k| surplus[k].0) })
        }
        _ => None,
    };
    Some(Statement {
        income: b.income,
        forecast,
        expenses: b.expenses,
        expense_items: s.budget.expense_items,
        other_obligations: b.other_obligations,
        buffer_percent: b.buffer_percent,
        buffer: figures.buffer,
        available: figures.disposable,
        months: kit.months?,
    })
}

/// One analysed loan as the documents show it, dated `today`.
fn account(s: &Scenario, ev: &Evaluation, k: &KitLoan, today: Option<Date>) -> Option<Account> {
    let i = s.loans.iter().position(|l| l.id == k.id)?;
    let (entry, out) = (&s.loans[i], &ev.loans[i]);
    // What can be missing first: nothing is copied for a loan left out
    // (and no code drops the copies on the way out).
    let (owed_now, contract_payment) = (out.overdue_cost.as_ref()?.owed_now, out.schedule.as_ref()?.first_payment);
    let share = k.share.clone()?;
    let asked = k.ask.as_ref();
    // A first payment before the letter's date is no date a lender can
    // agree to (review w14 R15): the letter leaves it, and every date
    // counted from it, blank to fill in by hand — the page flags it at its
    // field. Rolling it on would print a plan the borrower did not choose.
    let first = asked.and_then(|a| a.first_payment_date);
    let past = first.zip(today).is_some_and(|(f, t)| f < t);
    let figures = |plan: Option<&AskedPlan>| {
        let p = plan?;
        let mut parts = p.parts.clone();
        if past {
            parts.iter_mut().for_each(|part| part.starts = None);
        }
        let first = first.filter(|_| !past);
        match p.proposal(&ev.proposals) {
            Some(proposal) => AskFigures::of(proposal, first, parts),
            None if p.proposal.is_none() && p.plan.is_none() => Some(AskFigures::hold(first, parts)),
            None => None,
        }
    };
    // Collected, not pushed: `Vec<ContactEntry>::push` is the stored drafts'
    // reader's (`read`), and the kit calling it too put it in a chunk both
    // fetch (the returning visit's critical path).
    let log = by_time(s.contact_log.iter().filter(|e| e.loan_id == entry.id).cloned().collect());
    let (first_request, answered) = request_and_answer(&log);
    let ask = figures(asked.and_then(|a| a.asked.as_ref()));
    Some(Account {
        id: entry.id.clone(),
        lender: entry.lender,
        name: entry.name.clone(),
        contract_no: entry.contract_no.clone(),
        principal_owed: k.principal_owed,
        owed_now,
        arrears: k.arrears,
        overdue: entry.overdue(),
        contract_payment,
        share,
        lump_sum: entry.settlement_offer,
        // Asked, but not among what the evaluation offers now.
        ask_stale: entry.ask.is_some() && ask.is_none(),
        ask,
        fallback: figures(asked.and_then(|a| a.fallback.as_ref())),
        first_request,
        answered,
        log,
        offer_basis: basis(entry, out, k),
    })
}

/// The documents' input for `s`, evaluated as `ev`, dated `today`; `None`
/// while the budget is invalid (the statement has no figures to show).
/// Loans the engine refused are left out, as the evaluation leaves them
/// out of the proposals; an ask the evaluation does not offer is left
/// blank (the evaluation's `kit` says why, at its field).
pub fn build(s: &Scenario, ev: &Evaluation, today: Option<Date>) -> Option<LetterInput> {
    build_with(s, ev, &ev.kit, today)
}

/// [`build`] with the kit's figures `kit` computed apart (the page's
/// evaluation leaves its `kit` empty: [`Evaluation::core_on`]).
pub fn build_with(s: &Scenario, ev: &Evaluation, kit: &KitOutput, today: Option<Date>) -> Option<LetterInput> {
    let start = s.loans.iter().filter_map(|l| l.ask?.first_payment_date).min();
    let statement = statement(s, ev, kit, start)?;
    // A loop, not `collect::<Option<Vec<_>>>`: its adapter is code of its own.
    let mut accounts = Vec::with_capacity(kit.loans.len());
    for k in &kit.loans {
        accounts.push(account(s, ev, k, today)?);
    }
    Some(LetterInput {
        date: today,
        profile: s.profile.clone(),
        hardship: s.hardship.clone(),
        statement,
        accounts,
        total_owed: kit.total_owed,
        total_contract: kit.total_contract_payments,
    })
}

/// What the counter-offer check compares an offer of loan `loan_id` with,
/// from the evaluation.
pub fn offer_basis(s: &Scenario, ev: &Evaluation, loan_id: &str) -> Option<OfferBasis> {
    offer_basis_with(s, ev, &ev.kit, loan_id)
}

/// [`offer_basis`] with the kit's figures `kit` computed apart.
pub fn offer_basis_with(s: &Scenario, ev: &Evaluation, kit: &KitOutput, loan_id: &str) -> Option<OfferBasis> {
    let i = s.loans.iter().position(|l| l.id == loan_id)?;
    basis(&s.loans[i], &ev.loans[i], kit.loan(loan_id)?)
}

/// The counter-offer basis of one loan, its output and its kit figures.
fn basis(entry: &LoanEntry, out: &LoanOutput, k: &KitLoan) -> Option<OfferBasis> {
    let cost = out.overdue_cost.as_ref()?;
    Some(OfferBasis {
        owed_now: cost.owed_now,
        contract_total_paid: k.contract_total_paid,
        owed_after_year: cost.horizons.last()?.owed,
        contract_monthly_rate: entry.rate.quoted().monthly_fraction(),
        is_credit_card: entry.lender == Lender::CreditCard,
    })
}

impl Account {
    /// What the borrower can pay this lender, for the counter-offer check.
    pub fn means(&self) -> Means {
        Means {
            budget: self.share.budget(),
            cash: self.lump_sum.unwrap_or_default(),
            ask_total_paid: self.ask.as_ref().and_then(|a| Some(a.figures.as_ref()?.total_paid)),
        }
    }
}
