//! The page's state: one form per loan plus the budget, convertible to and
//! from a [`Scenario`] (the document drafts, files and links carry).

use super::budget_card::BudgetForm;
use super::loan_card::LoanForm;
use crate::engine::{DayCount, Lender};
use crate::scenario::{free_loan_id, LoanEntry, Scenario, CURRENT_VERSION, MAX_LOANS};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A loan card: its stable id in the scenario and its form.
#[derive(Clone, Copy)]
pub struct LoanSlot {
    pub id: StoredValue<String>,
    pub form: LoanForm,
}

#[derive(Clone, Copy)]
pub struct Model {
    pub loans: RwSignal<Vec<LoanSlot>>,
    pub budget: BudgetForm,
    /// How interest accrues for every loan: 30/360 or actual days.
    pub day_count: RwSignal<DayCount>,
    /// The page's owner. Forms made later (a click on "add a loan") belong
    /// to it rather than to whatever view ran the handler, so they are not
    /// disposed when that view re-renders (e.g. the add button's `<Show>`
    /// hiding at the 20th loan).
    owner: StoredValue<Option<Owner>>,
}

fn slot(entry: &LoanEntry) -> LoanSlot {
    LoanSlot { id: StoredValue::new(entry.id.clone()), form: LoanForm::new(entry) }
}

impl Model {
    pub fn new(s: &Scenario) -> Self {
        Self {
            loans: RwSignal::new(s.loans.iter().map(slot).collect()),
            budget: BudgetForm::new(&s.budget),
            day_count: RwSignal::new(s.day_count),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Replaces everything on the page with `s`.
    pub fn load(&self, s: &Scenario) {
        self.loans.set(s.loans.iter().map(slot).collect());
        self.budget.fill(&s.budget);
        self.day_count.set(s.day_count);
    }

    pub fn can_add(&self) -> bool {
        self.loans.with(|l| l.len() < MAX_LOANS)
    }

    /// Adds a loan with the typical terms of `lender`.
    pub fn add_loan(&self, lender: Lender) {
        if !self.can_add() {
            return;
        }
        let used: Vec<String> = self.loans.with_untracked(|l| l.iter().map(|s| s.id.get_value()).collect());
        let entry = LoanEntry::from_preset(free_loan_id(&used), lender, Decimal::from(50_000), 12);
        let new = match self.owner.get_value() {
            Some(owner) => owner.with(|| slot(&entry)),
            None => slot(&entry),
        };
        self.loans.update(|l| l.push(new));
    }

    pub fn remove_loan(&self, id: &str) {
        self.loans.update(|l| {
            if l.len() > 1 {
                l.retain(|s| s.id.get_value() != id);
            }
        });
    }

    /// The scenario on the page, if every field is valid.
    pub fn scenario(&self) -> Option<Scenario> {
        let day_count = self.day_count.get();
        let loans =
            self.loans.with(|l| l.iter().map(|s| s.form.entry(&s.id.get_value(), day_count)).collect::<Option<Vec<_>>>())?;
        Some(Scenario { version: CURRENT_VERSION, day_count, as_of: None, loans, budget: self.budget.entry()? })
    }
}
