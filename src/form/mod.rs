//! The page's model: the whole scenario document, and what is being typed.
//!
//! Excalidraw's habit ("restore from the default document"): the page holds
//! the document itself, not a copy rebuilt from its inputs, so a field the
//! page does not show — a loan's `name`, `as_of`, anything a later version
//! adds — is never dropped from a draft or an export. Inputs are views on
//! the document through the field contract (`crate::scenario::field`):
//! typed text that reads is written into the document at once; text that
//! does not read is kept beside it, with its [`Rule`], until it reads — or
//! until the value under it changes by another way (a lender preset, a
//! draft loaded), when the input shows the document again.
//!
//! While a value is retyped from scratch — its text emptied or unreadable
//! on the way — results keep the document as it was before the edit began
//! ([`Form::settled`]): "8" on the way to "80000" is not a loan to show
//! figures for. The edit ends when the input is left ([`Form::commit`]) or
//! another input is used.
//!
//! A loan's remaining total (剩余应还) may be typed instead of its
//! principal ([`Form::type_total`]): the principal is derived from it.
//!
//! Loans get stable [`LoanKey`]s so an input keeps its place while loans
//! are added and removed. Pure: tested natively; `crate::ui` wraps it in a
//! signal.

use crate::engine::Lender;
use crate::scenario::field::{Each, Value};
use crate::scenario::kit::{Ask, ContactEntry, ExpenseItems, Hardship, LOG_MAX};
use crate::scenario::{free_loan_id, At, BudgetEntry, Field, LoanEntry, Rule, Scenario, MAX_LOANS};
use rust_decimal::Decimal;

/// A loan's identity on the page (stable while others come and go).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LoanKey(u32);

/// An input on the page: a field, its loan (for a loan's fields) and item
/// (a forecast month, a loan's prepayment, a place in the payoff order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub field: Field,
    pub loan: Option<LoanKey>,
    pub item: u16,
}

impl Place {
    /// A field of the document or the budget.
    pub fn of(field: Field) -> Self {
        Self { field, loan: None, item: 0 }
    }

    pub fn loan(field: Field, loan: LoanKey) -> Self {
        Self { field, loan: Some(loan), item: 0 }
    }

    /// Item `item` of a list field (a forecast month).
    pub fn item(field: Field, item: usize) -> Self {
        Self { field, loan: None, item: item.try_into().unwrap_or(u16::MAX) }
    }
}

/// Text typed into an input.
#[derive(Debug, Clone, PartialEq)]
struct Edit {
    text: String,
    /// The document's text for the field when this was typed: when the
    /// document moves on, the edit lapses.
    base: String,
    /// Why the text could not be read, if it could not.
    error: Option<Rule>,
}

/// An input being typed into, from its first keystroke until it is left.
#[derive(Debug, Clone, PartialEq)]
struct Session {
    place: Place,
    /// The document before the first keystroke.
    before: Scenario,
    /// The text has not read at some point: the value is being retyped,
    /// and what reads on the way ("8" of "80000") is half-typed.
    retyping: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    doc: Scenario,
    /// The loans' keys, in the document's order.
    keys: Vec<LoanKey>,
    next_key: u32,
    /// Typed text kept beside the document (a few at a time: a list is enough).
    edits: Vec<(Place, Edit)>,
    session: Option<Box<Session>>,
    /// Remaining totals typed for loans ([`total`]).
    totals: Vec<total::TotalEdit>,
    /// The loan removed last, kept for undo with everything that went with it.
    removed: Option<Box<RemovedLoan>>,
    /// Parts switched off, with what was typed in them, by their box.
    parked: Vec<(Place, Parked)>,
    /// The expenses total carried under "other" when categories started,
    /// until "other" is typed ([`BudgetEntry::carry_expenses`]).
    carried: Option<Decimal>,
}

/// A part switched off by its box, as it was (review R20: a box hides a
/// part, it does not delete it). Kept on the page, not in the document:
/// a part that is off is not in the document the evaluation, the letters
/// and a file read, so the format stays as documented.
#[derive(Debug, Clone, PartialEq)]
enum Parked {
    /// The months and whether they repeat every year.
    Forecast([Decimal; crate::scenario::FORECAST_MONTHS], bool),
    Expenses(ExpenseItems),
    Hardship(Box<Hardship>),
    Ask(Ask),
}

/// A removed loan and what went with it, each with its place, so undo puts
/// back exactly what was there (review R12: its contacts are the borrower's
/// evidence).
#[derive(Debug, Clone, PartialEq)]
struct RemovedLoan {
    at: usize,
    loan: LoanEntry,
    /// Its contacts, each with its index in the log before the removal.
    contacts: Vec<(usize, ContactEntry)>,
    /// Its place in the payoff order, if it had one.
    order_at: Option<usize>,
}

impl Form {
    pub fn new(doc: Scenario) -> Self {
        let mut form = Self { doc: Scenario::example(), keys: Vec::new(), next_key: 0, edits: Vec::new(), session: None, totals: Vec::new(), removed: None, parked: Vec::new(), carried: None };
        form.load(doc);
        form
    }

    /// Replaces everything on the page with `doc`.
    pub fn load(&mut self, doc: Scenario) {
        self.keys = (0..doc.loans.len()).map(|_| self.fresh_key()).collect();
        self.doc = doc;
        self.edits.clear();
        self.session = None;
        self.totals.clear();
        self.removed = None;
        self.parked.clear();
        self.carried = None;
    }

    fn fresh_key(&mut self) -> LoanKey {
        self.next_key += 1;
        LoanKey(self.next_key)
    }

    /// The document as it stands, every field included (valid or not).
    pub fn document(&self) -> &Scenario {
        &self.doc
    }

    /// The document, if every input reads and every rule holds.
    pub fn valid(&self) -> Option<Scenario> {
        let unread = self.edits.iter().any(|(p, e)| e.error.is_some() && self.is_live(*p, e));
        (!unread && self.doc.validate().is_ok()).then(|| self.doc.clone())
    }

    /// The document results show: [`Form::valid`], except while an input
    /// is retyped, when it is the document from before that edit began
    /// (if every other input reads and it was valid).
    pub fn settled(&self) -> Option<Scenario> {
        let Some(s) = self.session.as_ref().filter(|s| s.retyping) else { return self.valid() };
        let unread = self.edits.iter().any(|(p, e)| *p != s.place && e.error.is_some() && self.is_live(*p, e));
        (!unread && s.before.validate().is_ok()).then(|| s.before.clone())
    }

    /// An input is being retyped (its results wait until it is left).
    pub fn is_retyping(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.retyping)
    }

    /// An input is being typed into.
    pub fn is_editing(&self) -> bool {
        self.session.is_some()
    }

    /// The input being typed into was left (its `change` event): the edit ends.
    pub fn commit(&mut self) {
        self.session = None;
    }

    pub fn loans(&self) -> &[LoanKey] {
        &self.keys
    }

    /// The loan's position (0-based) in the document.
    pub fn index(&self, loan: LoanKey) -> Option<usize> {
        self.keys.iter().position(|k| *k == loan)
    }

    /// The loan's id in the document (prefixes its inputs' element ids).
    pub fn loan_id(&self, loan: LoanKey) -> Option<&str> {
        self.doc.loans.get(self.index(loan)?).map(|l| l.id.as_str())
    }

    /// Where an input's value lives in the document now.
    pub fn at(&self, p: Place) -> Option<At> {
        let idx = match (p.field.spec().each, p.loan) {
            (each, Some(loan)) if each.per_loan() => [u16::try_from(self.index(loan)?).ok()?, p.item],
            (each, None) if each.per_loan() => return None,
            (_, Some(_)) => return None,
            (_, None) => [p.item, 0],
        };
        Some(At { field: p.field, idx })
    }

    /// The input at a place of the document.
    pub fn place(&self, at: At) -> Place {
        match at.field.spec().each {
            each if each.per_loan() => Place { field: at.field, loan: self.keys.get(at.idx[0] as usize).copied(), item: at.idx[1] },
            _ => Place { field: at.field, loan: None, item: at.idx[0] },
        }
    }

    fn edit(&self, p: Place) -> Option<&Edit> {
        self.edits.iter().find(|(q, _)| *q == p).map(|(_, e)| e)
    }

    fn is_live(&self, p: Place, e: &Edit) -> bool {
        self.at(p).is_some_and(|at| at.text(&self.doc) == e.base)
    }

    /// What a text input shows: what was typed, or the document's value.
    pub fn text(&self, p: Place) -> String {
        match self.edit(p) {
            Some(e) if self.is_live(p, e) => e.text.clone(),
            _ => self.at(p).map(|at| at.text(&self.doc)).unwrap_or_default(),
        }
    }

    /// The value a list or a check box shows.
    pub fn value(&self, p: Place) -> Option<Value> {
        self.at(p)?.get(&self.doc)
    }

    /// The user typed `text` into an input.
    pub fn type_text(&mut self, p: Place, text: String) {
        let Some(at) = self.at(p) else { return };
        if self.session.as_ref().is_none_or(|s| s.place != p) {
            self.session = Some(Box::new(Session { place: p, before: self.doc.clone(), retyping: false }));
        }
        let error = at.set_text(&mut self.doc, &text).err();
        if let Some(s) = self.session.as_mut() {
            s.retyping |= error.is_some();
        }
        if error.is_none() {
            self.carry(p);
        }
        let base = at.text(&self.doc);
        self.edits.retain(|(q, _)| *q != p);
        if error.is_some() || text != base {
            self.edits.push((p, Edit { text, base, error }));
        }
        self.derive_principals();
    }

    /// The user picked a value from a list or ticked a box.
    /// Unticking a part's box keeps what it held; ticking it again brings
    /// that back.
    pub fn set(&mut self, p: Place, v: Value) {
        let Some(at) = self.at(p) else { return };
        self.session = None;
        let (on, off) = (matches!(v, Value::Flag(true)), matches!(v, Value::Flag(false)));
        if let Some(part) = self.part(p).filter(|_| off) {
            self.parked.retain(|(q, _)| *q != p);
            self.parked.push((p, part));
        }
        at.set(&mut self.doc, v);
        if p.field == Field::ExpenseItems {
            // Started: today's total is under "other" and stays the total.
            self.carried = on.then_some(self.doc.budget.expenses);
        }
        if let Some(i) = self.parked.iter().position(|(q, _)| *q == p).filter(|_| on) {
            let (_, part) = self.parked.remove(i);
            self.unpark(p, part);
        }
        self.carry(p);
        self.derive_principals();
    }

    /// The part box `p` switches, while it is on.
    fn part(&self, p: Place) -> Option<Parked> {
        let d = &self.doc;
        match p.field {
            Field::Forecast => d.budget.forecast.map(|f| Parked::Forecast(f, d.budget.forecast_repeats)),
            Field::ExpenseItems => d.budget.expense_items.map(Parked::Expenses),
            Field::Hardship => d.hardship.clone().map(|h| Parked::Hardship(Box::new(h))),
            Field::Ask => d.loans.get(self.index(p.loan?)?)?.ask.map(Parked::Ask),
            _ => None,
        }
    }

    /// Puts a parked part back. Expenses typed since the categories went
    /// off stay the total ("other" takes the difference, as when they start).
    fn unpark(&mut self, p: Place, part: Parked) {
        match part {
            Parked::Forecast(f, repeats) => {
                self.doc.budget.forecast = Some(f);
                self.doc.budget.forecast_repeats = repeats;
            }
            Parked::Expenses(items) => {
                let b = &mut self.doc.budget;
                self.carried = (items.total() != b.expenses).then_some(b.expenses);
                b.expense_items = Some(items);
                b.expenses = items.total();
            }
            Parked::Hardship(h) => self.doc.hardship = Some(*h),
            Parked::Ask(a) => {
                if let Some(l) = p.loan.and_then(|k| self.index(k)).and_then(|i| self.doc.loans.get_mut(i)) {
                    l.ask = Some(a);
                }
            }
        }
    }

    /// While the total carried into the categories holds, a category typed
    /// comes out of "other" (review R19: itemising must not add to the
    /// expenses); "other" typed ends it.
    fn carry(&mut self, p: Place) {
        if p.field == Field::ExpenseOther {
            self.carried = None;
        } else if let Some(total) = self.carried.filter(|_| p.field == Field::ExpenseItems || p.field.spec().each == Each::Expense) {
            self.doc.budget.carry_expenses(total);
        }
    }

    /// Every input with a problem and the rule it breaks: text that cannot
    /// be read, then the document's broken rules (in document order) at
    /// the other inputs.
    pub fn problems(&self) -> Vec<(Place, Rule)> {
        let mut all: Vec<(Place, Rule)> =
            self.edits.iter().filter(|(p, e)| self.is_live(*p, e)).filter_map(|(p, e)| Some((*p, e.error?))).collect();
        let unread = all.len();
        for pr in self.doc.problems() {
            let p = self.place(pr.at);
            if !all[..unread].iter().any(|(q, _)| *q == p) {
                all.push((p, pr.rule));
            }
        }
        // A follow-up before its contact, flagged at its input only: a file with one still reads.
        for (i, _) in self.doc.contact_log.iter().enumerate().filter(|(_, e)| e.follow_up.is_some_and(|f| f < e.at.date())) {
            all.push((self.place(Field::ContactFollowUp.at(i)), Rule::BeforeContact));
        }
        all
    }

    pub fn can_add(&self) -> bool {
        self.doc.loans.len() < MAX_LOANS
    }

    /// Adds a loan with the typical terms of `lender`; its key.
    pub fn add_loan(&mut self, lender: Lender) -> Option<LoanKey> {
        if !self.can_add() {
            return None;
        }
        let used: Vec<String> = self.doc.loans.iter().map(|l| l.id.clone()).collect();
        self.session = None;
        self.doc.loans.push(Scenario::new_loan(free_loan_id(&used), lender));
        let key = self.fresh_key();
        self.keys.push(key);
        Some(key)
    }

    /// Removes a loan, unless it is the only one, with the contacts about
    /// it (a contact must name a loan of the document) and its id in the
    /// payoff order (which must name existing loans); all of it is kept
    /// until the next removal or load, for [`Form::undo_remove`].
    pub fn remove_loan(&mut self, loan: LoanKey) {
        let Some(i) = self.index(loan) else { return };
        if self.doc.loans.len() > 1 {
            self.session = None;
            let gone = self.doc.loans.remove(i);
            let log = std::mem::take(&mut self.doc.contact_log);
            let (contacts, kept): (Vec<_>, Vec<_>) = log.into_iter().enumerate().partition(|(_, e)| e.loan_id == gone.id);
            self.doc.contact_log = kept.into_iter().map(|(_, e)| e).collect();
            self.keys.remove(i);
            self.edits.retain(|(p, _)| p.loan != Some(loan));
            self.totals.retain(|t| t.loan != loan);
            let order_at = self.doc.payoff_strategy.as_ref().and_then(|p| p.order.iter().position(|id| *id == gone.id));
            if order_at.is_some() {
                self.doc.edit_payoff(|p| p.order.retain(|id| *id != gone.id));
            }
            self.removed = Some(Box::new(RemovedLoan { at: i, loan: gone, contacts, order_at }));
        }
    }

    /// The loan removed last, while undo can bring it back: where it was
    /// (0-based), the loan, and how many contacts went with it.
    pub fn removed_loan(&self) -> Option<(usize, &LoanEntry, usize)> {
        self.removed.as_ref().map(|r| (r.at, &r.loan, r.contacts.len()))
    }

    /// Brings the loan removed last back at its place, with its ask, its
    /// contacts at their places in the log and its place in the payoff
    /// order. Its id, if a loan added since took it, becomes a free one
    /// (its contacts and order follow). False when there is nothing to
    /// undo, or no room (the loans or the log are full: kept for later).
    pub fn undo_remove(&mut self) -> bool {
        let Some(r) = self.removed.take() else { return false };
        if !self.can_add() || self.doc.contact_log.len() + r.contacts.len() > LOG_MAX {
            self.removed = Some(r);
            return false;
        }
        let RemovedLoan { at, mut loan, contacts, order_at } = *r;
        if self.doc.loans.iter().any(|l| l.id == loan.id) {
            let used: Vec<String> = self.doc.loans.iter().map(|l| l.id.clone()).collect();
            loan.id = free_loan_id(&used);
        }
        self.session = None;
        let at = at.min(self.doc.loans.len());
        for (j, mut e) in contacts {
            e.loan_id.clone_from(&loan.id);
            let log = &mut self.doc.contact_log;
            log.insert(j.min(log.len()), e);
        }
        if let Some(o) = order_at {
            let id = loan.id.clone();
            self.doc.edit_payoff(|p| p.order.insert(o.min(p.order.len()), id));
        }
        self.doc.loans.insert(at, loan);
        let key = self.fresh_key();
        self.keys.insert(at, key);
        // The log's places now name other entries.
        self.edits.retain(|(p, _)| p.field.spec().each != Each::Contact);
        true
    }

    /// Puts a contact into the log at `i` (at most the end); false when
    /// the log is full. Typed text of the log's inputs lapses (its places
    /// now name other entries).
    pub fn insert_contact(&mut self, i: usize, e: ContactEntry) -> bool {
        let log = &mut self.doc.contact_log;
        if log.len() >= LOG_MAX {
            return false;
        }
        log.insert(i.min(log.len()), e);
        self.edits.retain(|(p, _)| p.field.spec().each != Each::Contact);
        true
    }

    /// Sets loan `loan`'s ask whole (a combined plan's pick made its ask);
    /// typed text of its ask's inputs lapses.
    pub fn set_ask(&mut self, loan: LoanKey, ask: Ask) {
        let Some(i) = self.index(loan) else { return };
        self.session = None;
        self.doc.loans[i].ask = Some(ask);
        self.edits.retain(|(p, _)| p.loan != Some(loan) || !matches!(p.field.spec().each, Each::Ask | Each::Fallback));
    }

    /// Removes contact `i`, returned for undo.
    pub fn remove_contact(&mut self, i: usize) -> Option<ContactEntry> {
        let e = (i < self.doc.contact_log.len()).then(|| self.doc.contact_log.remove(i))?;
        self.edits.retain(|(p, _)| p.field.spec().each != Each::Contact);
        Some(e)
    }
}

/// The part of a document the page's evaluation reads
/// ([`crate::scenario::Evaluation::core_on`]): the document without what
/// only the kit reads (the profile, the hardship, the contact log, each
/// loan's contract number and ask), what only the road reads (the
/// payoff strategy, each loan's prepayments, extra, prepayment fee and
/// target payment) and the budget's expense items (`expenses` is their
/// sum). Documents with equal parts have equal evaluations, so the page
/// evaluates again only when this part changes, and then shows every
/// figure anew, with no need to compare evaluations (issue 13). Each
/// loan's name stays: the page titles loans by it (review w15 R2), so
/// typing a name evaluates once per keystroke, as any other field does.
pub fn evaluated_part(s: &Scenario) -> Scenario {
    // Every field named: one a later version adds must be put on a side.
    let Scenario { version, day_count, as_of, loans, budget, payoff_strategy: _, profile: _, hardship: _, contact_log: _ } = s;
    let loans = loans
        .iter()
        .map(|l| {
            #[rustfmt::skip]
            let LoanEntry {
                id, lender, principal, rate, method, months, upfront_fee, overdue, penalty, app_payment, next_due_date,
                period_start, settlement_offer, holiday_months, name,
                prepayments: _, extra_monthly: _, prepayment_fee_percent: _, target_payment: _, contract_no: _, ask: _,
            } = l;
            LoanEntry {
                id: id.clone(),
                lender: *lender,
                principal: *principal,
                rate: *rate,
                method: *method,
                months: *months,
                upfront_fee: *upfront_fee,
                overdue: *overdue,
                penalty: *penalty,
                app_payment: *app_payment,
                next_due_date: *next_due_date,
                period_start: *period_start,
                settlement_offer: *settlement_offer,
                holiday_months: *holiday_months,
                name: name.clone(),
                prepayments: Vec::new(),
                extra_monthly: None,
                prepayment_fee_percent: Decimal::ZERO,
                target_payment: None,
                contract_no: String::new(),
                ask: None,
            }
        })
        .collect();
    Scenario {
        version: *version,
        day_count: *day_count,
        as_of: *as_of,
        loans,
        budget: BudgetEntry { expense_items: None, ..*budget },
        payoff_strategy: None,
        profile: Default::default(),
        hardship: None,
        contact_log: Vec::new(),
    }
}

mod road;
#[cfg(test)]
mod tests;

mod total;
pub use total::TotalSplit;

#[cfg(test)]
mod retype_tests;
