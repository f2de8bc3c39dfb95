//! The contact log: add, edit and remove entries (with undo), newest first,
//! for every lender or one; beside each entry the collection-conduct rules
//! it breaks and, once its date has passed, that its follow-up is due.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::use_lang;
use super::widgets::{Picker, TextArea};
use super::{kw, use_kit, use_kit_input};
use crate::form::Place;
use crate::i18n::kit::{date, date_time};
use crate::i18n::{Lang, DOT};
use crate::present::LoanTitle;
use crate::scenario::field::Value;
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
/// minute), of one loan or all (`filter` empty).
fn shown(s: &Scenario, filter: &str) -> Vec<usize> {
    let log = &s.contact_log;
    let mut order: Vec<usize> = (0..log.len()).filter(|&i| filter.is_empty() || log[i].loan_id == filter).collect();
    order.sort_by(|&a, &b| (log[b].at, b).cmp(&(log[a].at, a)));
    order
}

#[component]
pub fn ContactLog() -> impl IntoView {
    let (t, lang, page) = (use_kit(), use_lang(), use_page());
    let filter = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<usize>);
    let removed = RwSignal::new(None::<(usize, ContactEntry)>);
    let order = Memo::new(move |_| filter.with(|f| page.with(|form| shown(form.document(), f))));
    // Once for the whole log: the allowance of calls counts across entries.
    let today = use_kit_input().today;
    let reviews = Memo::new(move |_| page.with(|f| review(f.document(), today)));
    let loans = Memo::new(move |_| {
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
            <Picker id="log-filter" label=Signal::derive(move || t().lender.to_owned()) options=filter_options picked=filter on_pick=Callback::new(move |v| filter.set(v)) />
        </div>
        <button type="button" data-testid="log-add" on:click=add>{kw(|t| t.add_entry)}</button>
        {move || removed.with(Option::is_some).then(|| view! {
            <p role="status" class="undo-bar" data-testid="log-undo-bar">
                {kw(|t| t.removed)}
                <button type="button" data-testid="log-undo" on:click=undo>{kw(|t| t.undo)}</button>
            </p>
        })}
        {move || editing.get().map(|i| view! { <EntryEditor i=i loans=loans on_done=Callback::new(move |_| editing.set(None)) /> })}
        <Show when=move || order.with(Vec::is_empty)>
            <p class="hint" data-testid="log-empty">{kw(|t| t.log_empty)}</p>
        </Show>
        <ol class="kit-log" data-testid="kit-log">
            {move || order.get().into_iter().map(|i| view! { <Entry i=i reviews=reviews editing=editing remove=remove /> }).collect_view()}
        </ol>
    }
}

/// One entry as a line: when, which loan, how, who; what was said and
/// promised; the rules it breaks; its follow-up, marked when due.
#[component]
fn Entry(i: usize, reviews: Memo<Vec<EntryReview>>, editing: RwSignal<Option<usize>>, remove: Callback<usize>) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let entry = Memo::new(move |_| page.with(|f| f.document().contact_log.get(i).cloned()));
    let reviewed = Memo::new(move |_| reviews.with(|r| r.get(i).cloned().unwrap_or_default()));
    let loan = Memo::new(move |_| {
        let l = lang.get();
        page.with(|f| entry.with(|e| e.as_ref().map(|e| loan_name(f.document(), &e.loan_id, l)).unwrap_or_default()))
    });
    let head = move || {
        let l = lang.get();
        entry.with(|e| e.as_ref().map(|e| [date_time(e.at, l), loan.get(), l.channel(e.channel).to_owned(), e.who.clone(), e.ticket.clone()]))
            .map(|parts| parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(DOT))
    };
    let text = move |pick: fn(&ContactEntry) -> &String| move || entry.with(|e| e.as_ref().map(|e| pick(e).clone()).filter(|s| !s.is_empty()));
    let due = move || reviewed.with(|r| r.follow_up_due);
    view! {
        <li class="kit-entry" class:due=due data-testid="log-entry" data-due=move || due().to_string()>
            <p class="kit-entry-head">{head}</p>
            {move || text(|e| &e.summary)().map(|s| view! { <p>{s}</p> })}
            {move || text(|e| &e.promise)().map(|s| view! { <p>{kw(|t| t.promised)}{s}</p> })}
            {move || reviewed.get().breaches.into_iter().map(|r| view! {
                <p class="flag" data-testid="conduct-flag">{move || lang.get().conduct_rule(r)}</p>
            }).collect_view()}
            {move || entry.with(|e| e.as_ref().and_then(|e| e.follow_up)).map(|d| view! {
                <p class:flag=due data-testid="follow-up">
                    {kw(|t| t.follow_up_on)}{move || date(d, lang.get())}
                    {move || due().then(|| format!("{DOT}{}", lang.get().follow_up_due()))}
                </p>
            })}
            <div class="kit-actions">
                <button type="button" data-testid="log-edit" on:click=move |_| editing.set(Some(i))>{kw(|t| t.edit)}</button>
                <button type="button" data-testid="log-remove" on:click=move |_| remove.run(i)>{kw(|t| t.remove)}</button>
            </div>
        </li>
    }
}

/// The inputs of entry `i`, through the field contract.
#[component]
fn EntryEditor(i: usize, loans: Memo<Vec<(String, String)>>, on_done: Callback<()>) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let at = move |f| Place::item(f, i);
    let loan = page.value(at(Field::ContactLoanId));
    let picked = Signal::derive(move || match loan.get() {
        Some(Value::Text(id)) => id,
        _ => String::new(),
    });
    let pick_loan = Callback::new(move |id: String| page.set(at(Field::ContactLoanId), Value::Text(id)));
    view! {
        <fieldset class="kit-editor" data-testid="log-editor">
            <legend>{kw(|t| t.edit)}</legend>
            <div class="grid">
                <FieldInput place=at(Field::ContactAt) />
                <Picker id="contact-loan" label=Signal::derive(move || lang.get().label(Field::ContactLoanId, 0)) options=loans picked=picked on_pick=pick_loan />
                <FieldInput place=at(Field::ContactChannel) />
                <FieldInput place=at(Field::ContactWho) />
                <FieldInput place=at(Field::ContactTicket) />
                <FieldInput place=at(Field::ContactFollowUp) />
                <TextArea place=at(Field::ContactSummary) id="contact-summary".to_owned() testid="contact-summary" />
                <TextArea place=at(Field::ContactPromise) id="contact-promise".to_owned() testid="contact-promise" />
                <FieldInput place=at(Field::ContactThirdParty) />
                <FieldInput place=at(Field::ContactThreats) />
            </div>
            <button type="button" data-testid="log-done" on:click=move |_| on_done.run(())>{kw(|t| t.done)}</button>
        </fieldset>
    }
}
