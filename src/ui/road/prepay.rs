//! Prepayments per loan: one-off prepayments (added, changed, removed),
//! a monthly extra and the lender's fee, through the field contract's
//! inputs (problems show at the field), and both effects side by side.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::{loan_at, use_lang, EachLoan};
use super::{markup, use_words};
use crate::form::{LoanKey, Place};
use crate::i18n::fill;
use crate::present::LoanTitle;
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn Prepayments() -> impl IntoView {
    let w = use_words();
    view! {
        <div class="prepayments" data-testid="prepayments">
            <h3>{move || w().prepay_heading}</h3>
            <p class="explain">{move || w().prepay_intro}</p>
            <EachLoan each=|index| view! { <LoanPrepay index=index /> }.into_any() />
        </div>
    }
}

/// One loan's prepayment inputs and what they change.
#[component]
fn LoanPrepay(index: usize) -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    let key = Memo::new(move |_| page.loans.with(|k| k.get(index).copied()));
    let (loan, _) = loan_at(index);
    let head = Memo::new(move |_| loan.with(|l| l.as_ref().map(|l| (l.id.clone(), LoanTitle { number: index + 1, lender: l.lender }))));
    // Both effects side by side (with a one-off prepayment), else what the monthly extra saves.
    let effects = move || {
        loan.with(|l| {
            let road = &l.as_ref()?.road;
            let lang = lang.get();
            match (&road.prepaid_by_effect, &road.prepaid) {
                (Some(both), _) => Some(markup::effects(lang, both)),
                (None, Some(p)) => Some(markup::prepaid_summary(lang.road(), p)),
                (None, None) => None,
            }
        })
        .unwrap_or_default()
    };
    view! {
        <fieldset class="loan-prepay" data-testid="loan-prepay" data-loan=move || head.with(|h| h.as_ref().map(|h| h.0.clone()))>
            <legend>{move || head.get().map(|h| lang.get().loan_title(h.1))}</legend>
            {move || key.get().map(|k| view! {
                <PrepaymentList loan=k />
                <button type="button" class="add" data-testid="add-prepayment" on:click=move |_| page.edit(|f| { f.add_prepayment(k); })>
                    {move || w().add_prepayment}
                </button>
                <div class="grid">
                    <FieldInput place=Place::loan(Field::ExtraMonthly, k) />
                    <FieldInput place=Place::loan(Field::PrepaymentFeePercent, k) />
                </div>
            })}
            <div inner_html=effects></div>
        </fieldset>
    }
}

/// The loan's one-off prepayments, one row each (drawn again when one comes or goes).
#[component]
fn PrepaymentList(loan: LoanKey) -> impl IntoView {
    let page = use_page();
    let count = Memo::new(move |_| page.with(|f| f.index(loan).map_or(0, |i| f.document().loans[i].prepayments.len())));
    move || (0..count.get()).map(|item| view! { <PrepaymentRow loan=loan item=item as u16 /> }).collect_view()
}

#[component]
fn PrepaymentRow(loan: LoanKey, item: u16) -> impl IntoView {
    let (w, page) = (use_words(), use_page());
    let at = |field| Place { field, loan: Some(loan), item };
    view! {
        <div class="prepayment grid" data-testid="prepayment">
            <FieldInput place=at(Field::PrepaymentMonth) />
            <FieldInput place=at(Field::PrepaymentAmount) />
            <FieldInput place=at(Field::PrepaymentEffect) />
            <button
                type="button"
                class="remove"
                data-testid="remove-prepayment"
                aria-label=move || fill(w().remove_prepayment, &[&(item + 1).to_string()])
                on:click=move |_| page.edit(|f| f.remove_prepayment(loan, item))
            >
                {move || w().remove}
            </button>
        </div>
    }
}
