//! The contact log: add, edit and remove entries (with undo), newest first,
//! for every lender or one; beside each entry the collection-conduct rules
//! it breaks and, once its date has passed, that its follow-up is due.

use super::form::{self, Spec};
use super::widgets::{by_id, find, hide, option, options_html, put, select_open, set_text, value_of, SELECT_END};
use super::{change, markup, Kit, Seen, Ui};
use web_sys::Element;
use crate::present::LoanTitle;
use crate::scenario::kit::conduct::EntryReview;
use crate::scenario::kit::figures::review;
use crate::scenario::kit::{Channel, ContactEntry, DateTime};
use crate::scenario::{Field, Scenario};
use crate::letter::Words;

/// Now, to the minute, in local time.
fn now() -> Option<DateTime> {
    let d = js_sys::Date::new_0();
    let day = crate::engine::Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())?;
    DateTime::new(day, d.get_hours(), d.get_minutes())
}

/// The loan's title as the page shows it ("借款 2 · 借呗").
fn loan_name(s: &Scenario, id: &str, lang: &'static Words) -> String {
    let i = s.loans.iter().position(|l| l.id == id);
    i.map(|i| lang.loan_title(LoanTitle::new(i, s.loans[i].lender, &s.loans[i].name))).unwrap_or_default()
}

/// The entries to show, newest first (later in the log first at the same
/// minute), of one loan or all (`filter` empty). An insertion sort, as
/// `letter::build` sorts: logs are short and mostly in order, and it costs
/// far less code than the standard library's sort.
fn shown(s: &Scenario, filter: &str) -> Vec<usize> {
    let log = &s.contact_log;
    let mut order: Vec<usize> = (0..log.len()).rev().filter(|&i| filter.is_empty() || log[i].loan_id == filter).collect();
    for i in 1..order.len() {
        let mut j = i;
        // Newer first; the index breaks ties (later first, as `rev` put them).
        while j > 0 && log[order[j - 1]].at < log[order[j]].at {
            order.swap(j - 1, j);
            j -= 1;
        }
    }
    order
}

/// The loans an entry can be about, `(id, title)`, titled by their place
/// (not found again by id).
pub fn loans(f: &crate::form::Form, lang: &'static Words) -> Vec<(String, String)> {
    let title = |(i, x): (usize, &crate::scenario::LoanEntry)| (x.id.clone(), lang.loan_title(LoanTitle::new(i, x.lender, &x.name)));
    f.document().loans.iter().enumerate().map(title).collect()
}

/// The log's controls: its heading, the lender filter, add, and the undo bar.
pub fn html(lang: &'static Words, loans: &[(String, String)]) -> String {
    let t = &lang.kit;
    let mut out = String::new();
    put(&mut out, r#"<h3>{}</h3><p class="explain">{}</p><div class="grid">"#, &[t.log_heading, t.log_intro]);
    select_open(&mut out, "log-filter", t.lender);
    option(&mut out, "", t.all_lenders);
    options_html(&mut out, loans);
    out.push_str(SELECT_END);
    put(
        &mut out,
        r#"</div><button type="button" data-testid="log-add" data-act="add">{}</button><p role="status" class="undo-bar" data-testid="log-undo-bar" hidden>{}<button type="button" data-testid="log-undo" data-act="undo">{}</button></p>"#,
        &[t.add_entry, t.removed, t.undo],
    );
    out
}

/// The filter picked, and the undo bar shown while there is something to undo.
pub fn sync(u: &Ui, el: &Element) {
    set_text(by_id(el, "log-filter"), "value", &u.filter);
    hide(find(el, "[data-testid=log-undo-bar]"), u.removed.is_none());
}

/// The lender picked for the filter.
pub fn picked(kit: Kit, el: &Element) {
    let filter = value_of(el, "log-filter");
    change(kit, |u| u.filter = filter);
}

/// Add (an entry now, about the filtered loan or the first) or undo.
pub fn act(kit: Kit, act: &str) {
    let page = kit.page;
    if act == "undo" {
        if let Some((i, e)) = kit.ui.with_untracked(|u| u.removed.clone()).flatten() {
            page.insert_contact(i, e);
            change(kit, |u| u.removed = None);
        }
        return;
    }
    let loan = kit.ui.with_untracked(|u| u.filter.clone()).unwrap_or_default();
    let loan = if loan.is_empty() { page.peek(|f| f.document().loans.first().map(|l| l.id.clone())).unwrap_or_default() } else { loan };
    let (Some(at), end) = (now(), page.peek(|f| f.document().contact_log.len())) else { return };
    if page.insert_contact(end, ContactEntry::new(at, loan, Channel::AppChat)) {
        change(kit, |u| (u.editing, u.removed) = (Some(end), None));
    }
}

/// Removes entry `i`, kept for undo.
pub fn remove(kit: Kit, i: usize) {
    let removed = kit.page.remove_contact(i).map(|e| (i, e));
    change(kit, |u| (u.editing, u.removed) = (None, removed));
}

/// The entries shown, newest first, as HTML text; the hint while there are none.
pub fn entries(seen: &Seen) -> String {
    let (lang, s) = (seen.lang, seen.form.document());
    let order = shown(s, &seen.ui.filter);
    let mut out = String::new();
    out.push_str(if order.is_empty() { r#"<p class="hint" data-testid="log-empty">"# } else { r#"<p class="hint" data-testid="log-empty" hidden>"# });
    put(&mut out, r#"{}</p><ol class="kit-log" data-testid="kit-log">"#, &[&lang.kit.log_empty]);
    // Once for the whole log: the allowance of calls counts across entries.
    out.push_str(&entries_html(s, &review(s, seen.today), &order, lang));
    out.push_str("</ol>");
    out
}

/// The entries `order` names, as HTML text ([`markup::log_entry`]).
fn entries_html(s: &Scenario, reviews: &[EntryReview], order: &[usize], lang: &'static Words) -> String {
    let mut out = String::new();
    for &i in order {
        if let (Some(e), Some(r)) = (s.contact_log.get(i), reviews.get(i)) {
            markup::log_entry(&mut out, lang, i, e, &loan_name(s, &e.loan_id, lang), r);
        }
    }
    out
}

/// An entry's inputs, in the editor's order.
const ENTRY: [Field; 10] = [
    Field::ContactAt,
    Field::ContactLoanId,
    Field::ContactChannel,
    Field::ContactWho,
    Field::ContactTicket,
    Field::ContactFollowUp,
    Field::ContactSummary,
    Field::ContactPromise,
    Field::ContactThirdParty,
    Field::ContactThreats,
];

/// The editor's index in the kit's list of forms (after the facts' three).
pub(super) const FORM: usize = 3;

/// Entry `i`'s inputs as a form (the kit's form [`FORM`]).
pub fn editor_form(i: usize) -> Spec {
    Spec::of(&ENTRY, None, i, None)
}

/// The editor of the entry being edited (form [`FORM`]), as HTML text; empty
/// while none is.
pub fn editor(f: &crate::form::Form, lang: &'static Words, forms: &[Spec], loans: &[(String, String)]) -> String {
    let t = &lang.kit;
    let mut out = String::new();
    let Some(spec) = forms.get(FORM).filter(|s| !s.places.is_empty()) else { return out };
    put(&mut out, r#"<fieldset class="kit-editor" data-testid="log-editor"><legend>{}</legend>"#, &[t.edit]);
    form::html(&mut out, f, lang, FORM, spec, loans);
    put(&mut out, r#"<button type="button" data-testid="log-done" data-act="done">{}</button></fieldset>"#, &[t.done]);
    out
}
