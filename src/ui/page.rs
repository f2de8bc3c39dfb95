//! The page's model in signals: [`crate::form::Form`] (the whole document
//! and what is being typed) in one signal, and what is derived from it —
//! problems, the valid document, the last valid one, the evaluation — as
//! memos. Shared by [`use_page`]; the forms (`super::inputs`, drawn as
//! HTML text) read the form and its problems and send what the user typed.

use crate::form::{Form, LoanKey, Place};
use crate::scenario::field::{Group, Value};
use crate::scenario::evaluate::Analysed;
use crate::scenario::{Evaluation, Rule, Scenario};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Page {
    form: RwSignal<Form>,
    problems: Memo<Vec<(Place, Rule)>>,
    /// The document when every input is valid.
    pub valid: Memo<Option<Scenario>>,
    /// The last valid document: results keep showing it while a field is
    /// fixed. It is the document of `evaluation`: it follows the form one
    /// task after a change ([`coalesced`]).
    pub last_valid: Memo<Scenario>,
    /// What the page shows of the last valid document: its evaluation
    /// without the road and the kit ([`Evaluation::core_on`]), which their
    /// sections compute while open ([`Page::analysed`]).
    pub evaluation: Memo<Evaluation>,
    /// The debts `evaluation` analysed, from the same run.
    analysed: StoredValue<Analysed>,
    pub loans: Memo<Vec<LoanKey>>,
    follow: Follow,
}

thread_local! {
    /// The page of this window, set by [`Page::new`]: read without a
    /// context lookup and its panic message for the type (issue 13).
    static PAGE: std::cell::Cell<Option<Page>> = const { std::cell::Cell::new(None) };
}

/// The page of this window ([`Page::new`] runs before anything is drawn).
pub fn use_page() -> Page {
    PAGE.get().expect("the page")
}

impl Page {
    pub fn new(doc: Scenario) -> Self {
        let form = RwSignal::new(Form::new(doc));
        let problems = Memo::new(move |_| form.with(Form::problems));
        let valid = Memo::new(move |_| form.with(Form::valid));
        // The newest settled document: while a value is retyped, the
        // document from before its edit (issue 9); else the valid one, as
        // `valid` has it (not validated and cloned again per keystroke).
        let latest = Memo::new(move |prev: Option<&Scenario>| {
            let settled = if form.with(Form::is_retyping) { form.with(Form::settled) } else { valid.get() };
            settled.or_else(|| prev.cloned()).unwrap_or_else(|| form.with_untracked(|f| f.document().clone()))
        });
        let follow = Follow { due: Trigger::new(), pending: StoredValue::new(false), slow: StoredValue::new(false) };
        // Equal documents do not evaluate again (a retyped, unchanged value).
        let last_valid = Memo::new(move |_| {
            follow.due.track();
            latest.get_untracked()
        });
        // Today dates loans the document gives no date for (issue 9).
        let today = today();
        let analysed = StoredValue::new(Analysed::default());
        // What the evaluation reads of it: a change the evaluation does not
        // read (the kit's and the road's fields) evaluates nothing again.
        let evaluated = Memo::new(move |_| last_valid.with(crate::form::evaluated_part));
        // Equal parts are not evaluated again (the memo above), so a new
        // evaluation is a new one: its readers follow it without comparing
        // two evaluations (91 decimals, 5.8 KB of wasm, issue 13).
        let evaluation = Memo::new_owning(move |_| {
            let start = js_sys::Date::now();
            let (e, debts) = evaluated.with(|s| Evaluation::analysed_on(s, today));
            analysed.set_value(debts);
            follow.slow.set_value(js_sys::Date::now() - start > SLOW_MS);
            (e, true)
        });
        let loans = Memo::new(move |_| form.with(|f| f.loans().to_vec()));
        let page = Self { form, problems, valid, last_valid, evaluation, analysed, loans, follow };
        PAGE.set(Some(page));
        page
    }

    /// `f` of the last valid document, its evaluation and the debts that
    /// analysed (tracked): what the road's and the kit's figures are
    /// computed from, in their sections' own memos while they are open
    /// ([`crate::scenario::evaluate::road_on`], [`crate::scenario::evaluate::kit_on`]).
    pub fn analysed<T>(&self, f: impl FnOnce(&Scenario, &Evaluation, &Analysed) -> T) -> T {
        let analysed = self.analysed;
        // The evaluation first: reading it brings it (and the debts) up to date.
        self.last_valid.with(|s| self.evaluation.with(|ev| analysed.with_value(|a| f(s, ev, a))))
    }

    /// Reads the form (tracked: call inside reactive closures).
    pub fn with<T>(&self, f: impl FnOnce(&Form) -> T) -> T {
        self.form.with(f)
    }

    /// Reads the form once, without tracking (event handlers, set-up).
    pub fn peek<T>(&self, f: impl FnOnce(&Form) -> T) -> T {
        self.form.with_untracked(f)
    }

    /// The form through a read guard (tracked): for lazily loaded chunks,
    /// where each `with` closure is a copy of the read's code in the chunk.
    pub fn form(&self) -> impl std::ops::Deref<Target = Form> {
        self.form.read()
    }

    /// [`Page::form`] without tracking (event handlers).
    pub fn form_untracked(&self) -> impl std::ops::Deref<Target = Form> {
        self.form.read_untracked()
    }

    /// Every input's problem through a read guard (tracked), as [`Page::form`].
    pub fn problems_read(&self) -> impl std::ops::Deref<Target = Vec<(Place, Rule)>> {
        self.problems.read()
    }

    /// The debts the evaluation analysed, through a read guard (read the
    /// evaluation first: that brings them up to date), as [`Page::form`].
    pub fn analysed_read(&self) -> impl std::ops::Deref<Target = Analysed> {
        self.analysed.read_value()
    }

    /// Reads every input's problem (tracked): the kit's forms, drawn as text.
    pub fn problems<T>(&self, f: impl FnOnce(&[(Place, Rule)]) -> T) -> T {
        self.problems.with(|ps| f(ps))
    }

    /// Whether any input of `loan` breaks a rule (its form stays open).
    pub fn loan_has_problem(&self, loan: LoanKey) -> Memo<bool> {
        let problems = self.problems;
        Memo::new(move |_| problems.with(|ps| ps.iter().any(|(p, _)| p.loan == Some(loan))))
    }

    /// Whether a field of `group` of loan `loan` has a problem (tracked; its
    /// closed part opens to show it: review w14 R14). No memo of its own:
    /// read where the card is drawn, which follows the problems anyway.
    pub fn group_has_problem(&self, loan: LoanKey, group: Group) -> bool {
        self.problems.with(|ps| ps.iter().any(|(p, _)| p.loan == Some(loan) && p.field.group() == group))
    }

    /// A change that is not a keystroke (a choice, a button, leaving a
    /// field): the results follow at once, as they did before coalescing.
    /// Not generic: one copy of the signal's update for every change
    /// (issue 13: a copy per call site was code of its own).
    fn change(&self, change: &mut dyn FnMut(&mut Form)) {
        self.form.update(change);
        self.follow.now();
    }

    /// A keystroke's change: the results follow as [`Follow::keystroke`]
    /// says. (The same update as [`Page::change`]'s.)
    fn keystroke(&self, change: &mut dyn FnMut(&mut Form)) {
        self.form.update(change);
        self.follow.keystroke();
    }

    pub fn type_text(&self, place: Place, mut text: String) {
        self.keystroke(&mut |f| f.type_text(place, std::mem::take(&mut text)));
    }

    /// The input being typed into was left: a retyped value counts now.
    pub fn commit(&self) {
        if self.peek(Form::is_editing) {
            self.change(&mut Form::commit);
        }
    }

    /// The user typed a loan's remaining total (剩余应还).
    pub fn type_total(&self, loan: LoanKey, mut text: String) {
        self.keystroke(&mut |f| f.type_total(loan, std::mem::take(&mut text)));
    }

    pub fn set(&self, place: Place, v: Value) {
        let mut v = Some(v);
        self.change(&mut |f| {
            if let Some(v) = v.take() {
                f.set(place, v);
            }
        });
    }

    pub fn add_loan(&self) {
        self.change(&mut |f| {
            f.add_loan(crate::engine::Lender::Other);
        });
    }

    pub fn remove_loan(&self, loan: LoanKey) {
        self.change(&mut |f| f.remove_loan(loan));
    }

    /// Puts a contact into the log at `i`; false when the log is full.
    pub fn insert_contact(&self, i: usize, e: crate::scenario::kit::ContactEntry) -> bool {
        let done = self.form.try_update(|f| f.insert_contact(i, e)).unwrap_or(false);
        self.follow.now();
        done
    }

    pub fn remove_contact(&self, i: usize) -> Option<crate::scenario::kit::ContactEntry> {
        let gone = self.form.try_update(|f| f.remove_contact(i)).flatten();
        self.follow.now();
        gone
    }

    /// Changes the form by one of its own operations (a list's item added or moved).
    pub fn edit(&self, change: impl FnOnce(&mut Form)) {
        let mut change = Some(change);
        self.change(&mut |f| {
            if let Some(change) = change.take() {
                change(f);
            }
        });
    }

    /// Replaces everything on the page (another draft opened).
    pub fn load(&self, doc: Scenario) {
        let mut doc = Some(doc);
        self.change(&mut |f| {
            if let Some(doc) = doc.take() {
                f.load(doc);
            }
        });
    }
}

/// An evaluation slower than a frame makes the next keystrokes wait for a
/// task of their own.
const SLOW_MS: f64 = 16.0;

/// How the results (`last_valid`, and so `evaluation`) follow the form
/// (issue 13). Any change but a keystroke is taken up at once, and so is a
/// keystroke while evaluations are quick. Once one took longer than a
/// frame, a keystroke is taken up in a task of its own, after the
/// keystrokes already waiting: however fast the typing, only the newest
/// document is evaluated and at most one evaluation is pending. Results
/// and what is read with them (the kit, the road) see one document and its
/// evaluation, never a mix.
#[derive(Clone, Copy)]
struct Follow {
    due: Trigger,
    pending: StoredValue<bool>,
    /// The last evaluation took longer than [`SLOW_MS`].
    slow: StoredValue<bool>,
}

impl Follow {
    fn now(self) {
        self.due.notify();
    }

    fn keystroke(self) {
        if !self.slow.get_value() {
            return self.now();
        }
        if !self.pending.get_value() {
            self.pending.set_value(true);
            set_timeout(
                move || {
                    self.pending.set_value(false);
                    self.now();
                },
                std::time::Duration::ZERO,
            );
        }
    }
}

/// Today on this device's calendar.
pub fn today() -> Option<crate::engine::Date> {
    let now = js_sys::Date::new_0();
    crate::engine::Date::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}
