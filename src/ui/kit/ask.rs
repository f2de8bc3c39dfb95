//! What the borrower asks each lender: a proposal card's "use this plan"
//! button, and per loan the ask's inputs (through the field contract), its
//! figures from the evaluation, and — at the field — why an ask is no longer
//! offered (it is never replaced by another).

use super::super::page::Page;
use super::form::set_html;
use super::widgets::{find, hide, prop, put};
use super::{form, markup, today, Seen};
use crate::ui::markup::{Part, Put};
use std::fmt::Write;
use crate::engine::{Date, Proposal};
use crate::form::{Form, LoanKey, Place};
use crate::i18n::Lang;
use crate::present::LoanTitle;
use crate::scenario::kit::figures::KitOutput;
use crate::scenario::{Ask, Evaluation, Field, ProposalChoice};
use crate::letter::{LetterInput, Words};
use crate::i18n::money;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The first payment of an ask: the date already chosen while it is still
/// to come (today or later), else the loan's next due date moved on by
/// whole months until it is — the rule of the plans' dates
/// (`engine::due`) — else a month from today.
pub fn first_date(chosen: Option<Date>, due: Option<Date>, today: Option<Date>) -> Option<Date> {
    let Some(today) = today else { return chosen.or(due) };
    if let Some(d) = chosen.filter(|d| *d >= today) {
        return Some(d);
    }
    match due {
        Some(due) => (0..=600).find_map(|k| due.add_months(k).filter(|d| *d >= today)),
        None => today.add_months(1),
    }
}

/// The fallback beside ask `c` of loan `loan_id`: the best-ranked other
/// proposal of the loan that fits the budget (none when there is no other:
/// a letter never offers what the borrower cannot pay).
pub(super) fn best_other(ev: &Evaluation, loan_id: &str, c: &ProposalChoice) -> Option<ProposalChoice> {
    let others = ev.proposals.iter().filter(|q| q.loan_id == loan_id && q.fits() && !c.matches(q));
    others.filter(|q| ProposalChoice::of(q) != *c).min_by_key(|q| q.rank).map(ProposalChoice::of)
}

/// Whether `pick` (a plan's, for a fallback) fits the budget: its proposal
/// fits every month, or with no proposal of it, its highest payment is
/// within the loan's share.
pub(super) fn pick_fits(ev: &Evaluation, pick: &crate::engine::Pick, c: &ProposalChoice) -> bool {
    let mut own = ev.proposals.iter().filter(|q| q.loan_id == pick.loan_id);
    match own.clone().find(|q| c.matches(q)) {
        Some(q) => q.fits(),
        None => own.find_map(|q| q.figures.as_ref()).is_some_and(|f| pick.max_payment <= f.monthly_budget),
    }
}

/// Makes `p` its loan's ask: its kind and months, the first payment date
/// ([`first_date`]) and [`best_other`] as the fallback.
pub fn ask_for(page: Page, p: &Proposal) {
    let found = page.peek(|f| {
        let i = f.document().loans.iter().position(|l| l.id == p.loan_id)?;
        let l = &f.document().loans[i];
        Some((*f.loans().get(i)?, l.next_due_date, l.ask.and_then(|a| a.first_payment_date)))
    });
    let Some((key, due, chosen)) = found else { return };
    let choice = ProposalChoice::of(p);
    let fallback = page.evaluation.with_untracked(|ev| best_other(ev, &p.loan_id, &choice));
    let ask = Ask { choice, first_payment_date: first_date(chosen, due, today()), fallback };
    page.edit(|f| f.set_ask(key, ask));
}

/// "Use this plan to negotiate" on a workable proposal's card, as HTML text
/// (`ui::markup::Part`): the button (its clicks are the card's, by its test
/// id: [`ask_for`]), its words and whether it is pressed set in place, so
/// it keeps the focus when pressed. Says so once it is the loan's ask.
pub fn use_as_ask(out: &mut Part, page: Page, lang: Lang, p: &Proposal) {
    if p.figures.is_none() {
        return;
    }
    let is_ask = page.with(|f| f.document().loans.iter().find(|l| l.id == p.loan_id).and_then(|l| l.ask).is_some_and(|a| a.choice.matches(p)));
    pressed(out, "", "use-as-ask", is_ask, if is_ask { lang.kit().is_ask } else { lang.kit().use_as_ask });
}

/// A "use this plan" button (`testid`, inside the element `scope` selects,
/// "" for none) of a [`Part`]: pressed or not, with its words.
pub fn pressed(out: &mut Part, scope: &str, testid: &str, pressed: bool, words: &str) {
    let _ = write!(out.shape, r#"<button type="button" class="use-as-ask" data-testid="{testid}"></button>"#);
    let at = [scope, " ", &crate::ui::markup::testid_selector(testid)].concat();
    out.set(at.trim_start(), Put::Attr("aria-pressed"), if pressed { "true" } else { "false" });
    out.set(at.trim_start(), Put::Text, words);
}

/// Loan `key`'s ask as a form ([`ASK`]).
pub fn form(key: LoanKey) -> form::Spec {
    form::Spec::of(&ASK, Some(key), 0, Some(&ASK_FORM))
}

/// Every loan's ask, as HTML text: the kit's intro, the heading, the hint
/// shown while no loan has an ask, and a block per loan with its title
/// ("借款 2 · 借呗", the legend of its `<fieldset>`), its form (`forms[FIRST..]`, in the loans' order) and
/// its figures (set by [`sync`]).
pub fn html(f: &Form, lang: &'static Words, forms: &[form::Spec]) -> String {
    let t = &lang.kit;
    let mut out = String::new();
    put(&mut out, r#"<p class="explain">{}</p><h3>{}</h3><p class="hint" data-testid="no-ask">{}</p>"#, &[t.intro, t.asks_heading, t.no_ask]);
    put(
        &mut out,
        r#"<div class="field-error" data-testid="asks-changed" hidden><p>{}</p><button type="button" data-act="replan" data-testid="replan">{}</button></div>"#,
        &[t.asks_changed, t.replan],
    );
    for (n, l) in f.document().loans.iter().enumerate() {
        let title = lang.loan_title(LoanTitle::new(n, l.lender, &l.name));
        // A group named by its lender: each lender's controls have the same
        // labels, and a screen reader says whose they are (review w15 R7).
        put(&mut out, r#"<fieldset class="kit-loan" data-testid="kit-loan"><legend>{}</legend>"#, &[&title]);
        if let Some(spec) = forms.get(FIRST + n) {
            form::html(&mut out, f, lang, FIRST + n, spec, &[]);
        }
        out.push_str("<div></div></fieldset>");
    }
    out
}

/// The index of the first ask's form in the kit's list (after the facts'
/// three and the entry's editor).
pub(super) const FIRST: usize = super::log::FORM + 1;

/// The hint while no loan has an ask, and each block's ask's figures, from
/// the evaluation the proposal cards show (as text: [`markup::ask_figures`]).
pub fn sync(s: &Seen, root: &Element) {
    let loans = &s.form.document().loans;
    hide(find(root, "[data-testid=no-ask]"), loans.iter().any(|l| l.ask.is_some()));
    hide(find(root, "[data-testid=asks-changed]"), !asks_changed(s));
    let mut block = find(root, ".kit-loan");
    for l in loans {
        let Some(b) = block else { break };
        let asked = s.docs.input.as_ref().and_then(|i| i.accounts.iter().find(|a| a.id == l.id)?.ask.as_ref());
        let figures = asked.map(|f| markup::ask_figures(s.lang, f));
        if let Some(slot) = find(&b, ":scope > div:last-child") {
            set_html(&slot, &figures.unwrap_or_default());
        }
        block = prop(&b, "nextElementSibling").dyn_into::<Element>().ok().filter(|e| prop(e, "className").as_string().as_deref() == Some("kit-loan"));
    }
}

/// The inputs of one loan's ask that apply: the ask's and, when there is
/// one, the fallback's; a holiday's mode and maturity only for a holiday.
fn applies(f: &Form, place: Place) -> bool {
    let ask = place.loan.and_then(|k| f.document().loans.get(f.index(k)?)?.ask);
    let holiday = |c: Option<ProposalChoice>| c.is_some_and(|c| c.is_holiday());
    match place.field {
        Field::ContractNo | Field::Ask => true,
        Field::AskKind | Field::AskMonths | Field::AskFirstPaymentDate | Field::Fallback => ask.is_some(),
        Field::AskHolidayMode | Field::AskHolidayMaturity => holiday(ask.map(|a| a.choice)),
        Field::FallbackKind | Field::FallbackMonths => ask.is_some_and(|a| a.fallback.is_some()),
        Field::FallbackHolidayMode | Field::FallbackHolidayMaturity => holiday(ask.and_then(|a| a.fallback)),
        _ => false,
    }
}

/// The evaluation's finding at an ask's input: why it is not offered.
fn finding(f: &Form, kit: &KitOutput, input: Option<&LetterInput>, lang: &'static Words, place: Place) -> Option<String> {
    let at = f.at(place)?;
    // A list has no problem line of its own (`ui::field_markup`): a fallback
    // made the same as the ask is refused here, at the list that was set.
    if let Some(rule) = at.check(f.document()).filter(|_| place.field == Field::FallbackKind) {
        return Some(lang.lang.problem(place.field, rule));
    }
    // A first payment already past (the borrower came back later, review
    // w14 R15): the letters leave it blank until it is moved on.
    if place.field == Field::AskFirstPaymentDate {
        let first = f.document().loans.get(f.index(place.loan?)?)?.ask?.first_payment_date;
        return first.zip(today()).filter(|(d, t)| d < t).map(|_| lang.kit.past_date.to_owned());
    }
    // Loops, not `filter_map().flat_map().find()`: each adapter is code of its own.
    for ask in kit.loans.iter().filter_map(|l| l.ask.as_ref()) {
        for fd in &ask.findings {
            if fd.at == at {
                return Some(lang.ask_reason(&fd.reason));
            }
        }
    }
    // Listed, but over budget (review w15 R3): at the kind, whatever the months.
    if place.field != Field::AskKind {
        return None;
    }
    let id = &f.document().loans.get(f.index(place.loan?)?)?.id;
    let input = input?;
    let o = input.over_budget(input.accounts.iter().find(|a| a.id == *id)?)?;
    Some(crate::i18n::fill(lang.kit.over_budget, &[&money(o.pays), &money(o.share), &money(o.need), &money(o.available)]))
}

/// Whether some ask is over budget or no longer offered: the note above
/// the asks says so, with the button that re-makes them from the plan.
fn asks_changed(s: &Seen) -> bool {
    let Some(input) = s.docs.input.as_ref() else { return false };
    input.accounts.iter().any(|a| a.ask_stale || input.over_budget(a).is_some())
}

/// Every input an ask can have, in the form's order ([`applies`] hides
/// those that do not apply, so an input stays while others come and go).
const ASK: [Field; 12] = [
    Field::ContractNo,
    Field::Ask,
    Field::AskKind,
    Field::AskMonths,
    Field::AskHolidayMode,
    Field::AskHolidayMaturity,
    Field::AskFirstPaymentDate,
    Field::Fallback,
    Field::FallbackKind,
    Field::FallbackMonths,
    Field::FallbackHolidayMode,
    Field::FallbackHolidayMaturity,
];

const ASK_FORM: form::Ask = form::Ask { applies, finding };
