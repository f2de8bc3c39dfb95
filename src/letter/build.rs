//! From a scenario and its evaluation to the documents' input: every figure
//! is taken from the [`Evaluation`] the page shows, none is computed again.
//!
//! The kit's own fields (profile, hardship, asks, contact log…) are passed
//! as [`KitFields`] until they join the scenario document; then `build`
//! reads them from there and its callers stop building `KitFields`.

use super::{Account, AskFigures, Forecast, Household, LetterInput, Statement};
use crate::engine::counter_offer::{Means, OfferBasis};
use crate::engine::{loan_budgets, Date, Lender, LoanBudget, Proposal};
use crate::scenario::kit::{Ask, Channel, ContactEntry, ExpenseItems, Hardship, Profile};
use crate::scenario::{Evaluation, Scenario};
use rust_decimal::Decimal;

/// The kit's fields of the document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KitFields {
    pub profile: Profile,
    pub household: Household,
    pub hardship: Option<Hardship>,
    pub expense_items: Option<ExpenseItems>,
    /// Per loan: `(loan id, contract number, ask)`.
    pub loans: Vec<LoanKit>,
    pub contact_log: Vec<ContactEntry>,
}

/// The kit's fields of one loan (`loans[].contract_no`, `loans[].ask`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoanKit {
    pub loan_id: String,
    pub contract_no: String,
    pub ask: Option<Ask>,
}

/// The first request: the earliest contact the borrower made about the loan
/// (any channel but a call from the lender).
fn first_request(log: &[ContactEntry]) -> Option<Date> {
    log.iter().filter(|e| e.channel != Channel::PhoneIn).map(|e| e.at.date()).min()
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

/// The workable proposal of `proposals` an ask's choice names, dated.
fn ask_figures(proposals: &[&Proposal], choice: crate::scenario::kit::Choice, first: Date) -> Option<AskFigures> {
    let p = proposals.iter().find(|p| p.figures.is_some() && choice.matches(p))?;
    AskFigures::of(p, first)
}

fn statement(s: &Scenario, ev: &Evaluation, kit: &KitFields, start: Option<Date>) -> Option<Statement> {
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
        expense_items: kit.expense_items,
        other_obligations: b.other_obligations,
        buffer_percent: b.buffer_percent,
        buffer: figures.buffer,
        available: figures.disposable,
    })
}

/// The documents' input for `s`, evaluated as `ev`, dated `today`; `None`
/// while the budget is invalid (the statement has no figures to show).
/// Loans the engine refused are left out, as the evaluation leaves them
/// out of the proposals.
pub fn build(s: &Scenario, ev: &Evaluation, kit: &KitFields, today: Option<Date>) -> Option<LetterInput> {
    let start = kit.loans.iter().filter_map(|l| l.ask.map(|a| a.first_payment_date)).min();
    let statement = statement(s, ev, kit, start)?;
    // The loans the evaluation analysed, with their amounts owed: the
    // budgets are split over them exactly as the evaluation splits them.
    let analysed: Vec<(usize, Decimal)> =
        ev.loans.iter().enumerate().filter_map(|(i, l)| l.overdue_cost.as_ref().map(|c| (i, c.owed_now))).collect();
    let owed: Vec<Decimal> = analysed.iter().map(|(_, o)| *o).collect();
    let surplus: Option<[Decimal; 12]> = statement.forecast.map(|f| f.available);
    let budgets = loan_budgets(statement.available, surplus.as_ref(), &owed);
    let accounts = analysed.iter().zip(budgets).map(|(&(i, owed_now), budget)| {
        let (entry, out) = (&s.loans[i], &ev.loans[i]);
        let lk = kit.loans.iter().find(|l| l.loan_id == entry.id).cloned().unwrap_or_default();
        let proposals: Vec<&Proposal> = ev.proposals.iter().filter(|p| p.loan_id == entry.id).collect();
        let log = by_time(kit.contact_log.iter().filter(|e| e.loan_id == entry.id).cloned().collect());
        let ask = lk.ask.and_then(|a| ask_figures(&proposals, a.choice(), a.first_payment_date));
        let fallback = lk.ask.and_then(|a| a.fallback.and_then(|f| ask_figures(&proposals, f, a.first_payment_date)));
        let overdue = entry.overdue();
        Account {
            lender: entry.lender,
            name: entry.name.clone(),
            contract_no: lk.contract_no,
            // DebtAnalysis::principal_owed: the remaining schedule repays `principal` exactly.
            principal_owed: entry.principal + overdue.principal,
            owed_now,
            overdue,
            contract_payment: out.figures.as_ref().map_or(Decimal::ZERO, |f| f.first_payment),
            share: budget.available,
            share_forecast: budget.forecast,
            lump_sum: entry.settlement_offer,
            ask,
            fallback,
            first_request: first_request(&log),
            log,
        }
    });
    Some(LetterInput {
        date: today,
        profile: kit.profile.clone(),
        household: kit.household,
        hardship: kit.hardship.clone(),
        statement,
        accounts: accounts.collect(),
    })
}

/// What the counter-offer check compares an offer of loan `loan_id` with,
/// from the evaluation: the fields of the debt's analysis it reports.
pub fn offer_basis(s: &Scenario, ev: &Evaluation, loan_id: &str) -> Option<OfferBasis> {
    let i = s.loans.iter().position(|l| l.id == loan_id)?;
    let (entry, out) = (&s.loans[i], &ev.loans[i]);
    let cost = out.overdue_cost.as_ref()?;
    Some(OfferBasis {
        owed_now: cost.owed_now,
        // DebtAnalysis::contract_total_paid: arrears now plus the remaining schedule.
        contract_total_paid: out.figures.as_ref()?.total_paid + entry.overdue().amount(),
        owed_after_year: cost.horizons.last()?.owed,
        contract_monthly_rate: entry.rate.quoted().monthly_fraction(),
        is_credit_card: entry.lender == Lender::CreditCard,
    })
}

impl Account {
    /// What the borrower can pay this lender, for the counter-offer check.
    pub fn means(&self) -> Means {
        Means {
            budget: LoanBudget { available: self.share, forecast: self.share_forecast },
            cash: self.lump_sum.unwrap_or_default(),
            ask_total_paid: self.ask.as_ref().map(|a| a.figures.total_paid),
        }
    }
}
