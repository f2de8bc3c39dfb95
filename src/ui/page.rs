//! The page's model in signals: [`crate::form::Form`] (the whole document
//! and what is being typed) in one signal, and what is derived from it —
//! problems, the valid document, the last valid one, the evaluation — as
//! memos. Shared through context; components read a place's text or value
//! and send what the user typed.

use crate::form::{Form, LoanKey, Place};
use crate::scenario::field::Value;
use crate::scenario::{Evaluation, Rule, Scenario};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Page {
    form: RwSignal<Form>,
    problems: Memo<Vec<(Place, Rule)>>,
    /// The document when every input is valid.
    pub valid: Memo<Option<Scenario>>,
    /// The last valid document: results keep showing it while a field is fixed.
    pub last_valid: Memo<Scenario>,
    pub evaluation: Memo<Evaluation>,
    pub loans: Memo<Vec<LoanKey>>,
}

pub fn use_page() -> Page {
    expect_context::<Page>()
}

impl Page {
    pub fn new(doc: Scenario) -> Self {
        let form = RwSignal::new(Form::new(doc));
        let problems = Memo::new(move |_| form.with(Form::problems));
        let valid = Memo::new(move |_| form.with(Form::valid));
        let last_valid = Memo::new(move |prev: Option<&Scenario>| {
            valid.get().or_else(|| prev.cloned()).unwrap_or_else(|| form.with_untracked(|f| f.document().clone()))
        });
        let evaluation = Memo::new(move |_| last_valid.with(Scenario::evaluate));
        let loans = Memo::new(move |_| form.with(|f| f.loans().to_vec()));
        Self { form, problems, valid, last_valid, evaluation, loans }
    }

    /// Reads the form (tracked: call inside reactive closures).
    pub fn with<T>(&self, f: impl FnOnce(&Form) -> T) -> T {
        self.form.with(f)
    }

    /// Reads the form once, without tracking (event handlers, set-up).
    pub fn peek<T>(&self, f: impl FnOnce(&Form) -> T) -> T {
        self.form.with_untracked(f)
    }

    /// What a text input shows, as a memo (its DOM updates only on change).
    pub fn text(&self, place: Place) -> Memo<String> {
        let form = self.form;
        Memo::new(move |_| form.with(|f| f.text(place)))
    }

    pub fn value(&self, place: Place) -> Memo<Option<Value>> {
        let form = self.form;
        Memo::new(move |_| form.with(|f| f.value(place)))
    }

    /// The rule an input breaks, if any.
    pub fn problem(&self, place: Place) -> Memo<Option<Rule>> {
        let problems = self.problems;
        Memo::new(move |_| problems.with(|ps| ps.iter().find(|(p, _)| *p == place).map(|(_, r)| *r)))
    }

    pub fn type_text(&self, place: Place, text: String) {
        self.form.update(|f| f.type_text(place, text));
    }

    pub fn set(&self, place: Place, v: Value) {
        self.form.update(|f| f.set(place, v));
    }

    pub fn add_loan(&self) {
        self.form.update(|f| {
            f.add_loan(crate::engine::Lender::Other);
        });
    }

    pub fn remove_loan(&self, loan: LoanKey) {
        self.form.update(|f| f.remove_loan(loan));
    }

    /// Changes the form by one of its own operations (a list's item added or moved).
    pub fn edit(&self, change: impl FnOnce(&mut Form)) {
        self.form.update(change);
    }

    /// Replaces everything on the page (another draft opened).
    pub fn load(&self, doc: Scenario) {
        self.form.update(|f| f.load(doc));
    }
}
