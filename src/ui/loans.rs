//! "My loans": one card per loan, each rendered from the field contract's
//! loan groups; the settings for all loans; the button that adds one.

use super::facts::words;
use super::inputs::FieldInput;
use super::widgets::{Button, Card};
use super::page::use_page;
use super::{use_lang, use_text};
use crate::form::{LoanKey, Place};
use crate::present::{rate_forms, LoanTitle};
use crate::scenario::field::{Group, Value};
use crate::scenario::{Field, Rule};
use leptos::prelude::*;

#[component]
pub fn LoansSection() -> impl IntoView {
    let page = use_page();
    let several = Memo::new(move |_| page.loans.with(|l| l.len() > 1));
    let can_add = Memo::new(move |_| page.with(|f| f.can_add()));
    view! {
        <Card heading_id="loans-h" heading=|t| t.loans_heading>
            // Drawn again only when loans come or go (the list of keys changes).
            {move || page.loans.get().into_iter().map(|loan| view! { <LoanCard loan=loan several=several /> }).collect_view()}
            <div class="grid day-count">
                {Field::in_group(Group::Settings).map(|f| view! { <FieldInput place=Place::of(f) /> }).collect_view()}
            </div>
            <Show when=move || can_add.get()>
                <Button testid="add-loan" class="add-loan" label=words(|t| t.add_loan) on_click=move |_| page.add_loan() />
            </Show>
        </Card>
    }
}

/// A group of a loan's fields as grid cells; a field that pairs with the
/// one before it shares its cell.
#[component]
fn LoanFields(loan: LoanKey, group: Group) -> impl IntoView {
    let mut cells: Vec<Vec<Field>> = Vec::new();
    for f in Field::in_group(group) {
        match cells.last_mut() {
            Some(cell) if f.pairs_with_previous() => cell.push(f),
            _ => cells.push(vec![f]),
        }
    }
    let input = move |f: Field| view! { <FieldInput place=Place::loan(f, loan) /> };
    view! {
        <div class="grid">
            {cells
                .into_iter()
                .map(|cell| match cell.as_slice() {
                    [one] => input(*one).into_any(),
                    pair => view! { <div class="rate-pair">{pair.iter().map(|f| input(*f)).collect_view()}</div> }.into_any(),
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn LoanCard(loan: LoanKey, several: Memo<bool>) -> impl IntoView {
    let t = use_text();
    let page = use_page();
    let id = page.peek(|f| f.loan_id(loan).map(str::to_owned)).unwrap_or_default();
    // A loan already overdue opens its overdue section.
    let overdue_open = page.peek(|f| f.value(Place::loan(Field::OverdueDays, loan))).is_some_and(|v| v != Value::Count(0));
    view! {
        <div class="loan" data-testid="loan-card" data-loan=id>
            <LoanHead loan=loan several=several />
            <LoanFields loan=loan group=Group::Loan />
            <super::remaining_total::RemainingTotal loan=loan />
            <RateLine loan=loan />
            <p class="preset-note">{move || t().preset_note}</p>
            <details class="more" open=overdue_open data-testid="overdue-details">
                <summary>{move || t().overdue_heading}</summary>
                <LoanFields loan=loan group=Group::Overdue />
                <p class="preset-note">{move || t().preset_note}</p>
            </details>
            <details class="more" data-testid="more-details">
                <summary>{move || t().more_heading}</summary>
                <LoanFields loan=loan group=Group::More />
            </details>
        </div>
    }
}

/// "借款 2 · 借呗", and the button that removes the loan (not the only one).
#[component]
fn LoanHead(loan: LoanKey, several: Memo<bool>) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let title = Memo::new(move |_| {
        page.with(|f| Some(LoanTitle { number: f.index(loan)? + 1, lender: f.document().loans.get(f.index(loan)?)?.lender }))
    });
    view! {
        <div class="loan-head">
            <h3>{move || title.get().map(|tt| lang.get().loan_title(tt))}</h3>
            <Show when=move || several.get()>
                <Button testid="remove-loan" class="link-button" label=words(|t| t.remove_loan) on_click=move |_| page.remove_loan(loan) />
            </Show>
        </div>
    }
}

/// "Equals 0.05 % a day · 1.5 % a month · 18 % a year" under the rate,
/// while the rate reads.
#[component]
fn RateLine(loan: LoanKey) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let problem = page.problem(Place::loan(Field::RateValue, loan));
    let forms = Memo::new(move |_| {
        // A rate above the limit still has its equivalents; text that does not read has none.
        let reads = problem.with(|p| matches!(p, None | Some(Rule::RateTooHigh)));
        page.with(|f| Some(rate_forms(&f.document().loans.get(f.index(loan)?)?.rate.quoted()))).filter(|_| reads)
    });
    view! {
        <p class="equivalents" data-testid="rate-equivalents">
            {move || forms.get().map(|forms| lang.get().rate_equivalents(forms))}
        </p>
    }
}
