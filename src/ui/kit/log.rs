//! The contact log: add, edit and remove entries (with undo), newest first,
//! for every lender or one; beside each entry the collection-conduct rules
//! it breaks and, once its date has passed, that its follow-up is due.

use super::super::page::use_page;
use super::super::use_lang;
use super::form::form;
use super::widgets::Picker;
use super::{kw, markup, use_kit, Kit};
use crate::form::Place;
use crate::i18n::Lang;
use crate::present::LoanTitle;
use crate::scenario::kit::conduct::EntryReview;
use crate::scenario::kit::figures::review;
use crate::scenario::kit::{Channel, ContactEntry, DateTime};
use crate::scenario::{Field, Scenario};
use leptos::prelude::*;

/// Now, to the minute, in local time.
fn now() -> Option<DateTime> {
    let d = js_sys::Date::new_0();
    let day = crate::engine::Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())?;
    DateTime::new(day, d.get_hours(), d.get_minutes())
}

/// The loan's title as the page shows it ("借款 2 · 借呗").
fn loan_name(s: &Scenario, id: &str, lang: Lang) -> String {
    let i = s.loans.iter().position(|l| l.id == id);
    i.map(|i| lang.loan_title(LoanTitle { number: i + 1, lender: s.loans[i].lender })).unwrap_or_default()
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

#[component]
pub fn ContactLog(kit: Kit) -> impl IntoView {
    let (t, lang, page) = (use_kit(), use_lang(), use_page());
    let filter = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<usize>);
    let removed = RwSignal::new(None::<(usize, ContactEntry)>);
    let order = Signal::derive(move || filter.with(|f| page.with(|form| shown(form.document(), f))));
    let loans = Signal::derive(move || {
        let l = lang.get();
        page.with(|f| f.document().loans.iter().map(|x| (x.id.clone(), loan_name(f.document(), &x.id, l))).collect::<Vec<_>>())
    });
    let filter_options = Signal::derive(move || std::iter::once((String::new(), t().all_lenders.to_owned())).chain(loans.get()).collect::<Vec<_>>());
    let add = move |_| {
        let loan = filter.get_untracked();
        let loan = if loan.is_empty() { loans.with_untracked(|l| l.first().map(|l| l.0.clone())).unwrap_or_default() } else { loan };
        let (Some(at), end) = (now(), page.peek(|f| f.document().contact_log.len())) else { return };
        if page.insert_contact(end, ContactEntry::new(at, loan, Channel::AppChat)) {
            editing.set(Some(end));
            removed.set(None);
        }
    };
    let remove = Callback::new(move |i: usize| {
        editing.set(None);
        removed.set(page.remove_contact(i).map(|e| (i, e)));
    });
    let undo = move |_| {
        if let Some((i, e)) = removed.get_untracked() {
            page.insert_contact(i, e);
            removed.set(None);
        }
    };
    view! {
        <h3>{kw(|t| t.log_heading)}</h3>
        <p class="explain">{kw(|t| t.log_intro)}</p>
        <div class="grid">
            <Picker id="log-filter" label=|t| t.lender options=filter_options picked=filter on_pick=Callback::new(move |v| filter.set(v)) />
        </div>
        <button type="button" data-testid="log-add" on:click=add>{kw(|t| t.add_entry)}</button>
        <p role="status" class="undo-bar" data-testid="log-undo-bar" hidden=move || removed.with(Option::is_none)>
            {kw(|t| t.removed)}
            <button type="button" data-testid="log-undo" on:click=undo>{kw(|t| t.undo)}</button>
        </p>
        {move || editing.get().map(|i| view! { <EntryEditor i=i loans=loans on_done=Callback::new(move |_| editing.set(None)) /> })}
        <p class="hint" data-testid="log-empty" hidden=move || order.with(|o| !o.is_empty())>{kw(|t| t.log_empty)}</p>
        <Entries order=order editing=editing remove=remove today=kit.today />
    }
}

/// The entries `order` names, newest first, as HTML text; one handler for
/// every entry's buttons.
#[component]
fn Entries(order: Signal<Vec<usize>>, editing: RwSignal<Option<usize>>, remove: Callback<usize>, today: Option<crate::engine::Date>) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let entries = move || {
        let l = lang.get();
        page.with(|f| {
            let s = f.document();
            // Once for the whole log: the allowance of calls counts across entries.
            order.with(|order| entries_html(s, &review(s, today), order, l))
        })
    };
    let act = move |ev: leptos::ev::MouseEvent| match clicked(&ev) {
        Some(("edit", i)) => editing.set(Some(i)),
        Some(("remove", i)) => remove.run(i),
        _ => {}
    };
    view! { <ol class="kit-log" data-testid="kit-log" on:click=act inner_html=entries></ol> }
}

/// The entry button a click landed on: what it does and the entry's index.
fn clicked(ev: &leptos::ev::MouseEvent) -> Option<(&'static str, usize)> {
    use wasm_bindgen::JsCast;
    let b = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("[data-act]").ok()??;
    let i = b.get_attribute("data-i")?.parse().ok()?;
    let act = match b.get_attribute("data-act")?.as_str() {
        "edit" => "edit",
        "remove" => "remove",
        _ => return None,
    };
    Some((act, i))
}

/// The entries `order` names, as HTML text ([`markup::log_entry`]).
fn entries_html(s: &Scenario, reviews: &[EntryReview], order: &[usize], lang: Lang) -> String {
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

/// The inputs of entry `i`, through the field contract ([`form`]).
#[component]
fn EntryEditor(i: usize, loans: Signal<Vec<(String, String)>>, on_done: Callback<()>) -> impl IntoView {
    let places = ENTRY.into_iter().map(|f| Place::item(f, i)).collect();
    view! {
        <fieldset class="kit-editor" data-testid="log-editor">
            <legend>{kw(|t| t.edit)}</legend>
            {form("grid", places, Some(loans), None)}
            <button type="button" data-testid="log-done" on:click=move |_| on_done.run(())>{kw(|t| t.done)}</button>
        </fieldset>
    }
}
