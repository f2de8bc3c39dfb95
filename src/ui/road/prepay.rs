//! Prepayments per loan: one-off prepayments (added, changed, removed),
//! a monthly extra and the lender's fee, through the field contract's
//! inputs (problems show at the field), and both effects side by side.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::{loan_at, use_lang};
use super::{clicked, markup, use_words};
use crate::form::{LoanKey, Place};
use crate::present::LoanTitle;
use crate::scenario::Field;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// One loan's prepayment inputs and what they change; its add and remove
/// buttons are read by one delegated handler.
#[component]
pub fn LoanPrepay(index: usize) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let key = move || page.loans.with(|k| k.get(index).copied());
    let (loan, _) = loan_at(index);
    let id = move || loan.with(|l| l.as_ref().map(|l| l.id.clone()));
    let title = move || loan.with(|l| l.as_ref().map(|l| lang.get().loan_title(LoanTitle { number: index + 1, lender: l.lender })));
    // The loan's one-off prepayments (rows drawn again when one comes or goes).
    let count = move |k| page.with(|f| f.index(k).map_or(0, |i| f.document().loans[i].prepayments.len()));
    // The loan's prepaid figures, computed only while the road is open (issue 13).
    let road = Memo::new(move |_| page.last_valid.with(|s| crate::scenario::evaluate::loan_road_on(s, index).0));
    let effects = move || {
        let lang = lang.get();
        loan.with(Option::is_some).then(|| road.with(|r| markup::add_and_effects(lang, r.prepaid_by_effect.as_ref(), r.prepaid.as_ref())))
    };
    let act = move |ev: MouseEvent| {
        let (Some(button), Some(k)) = (clicked(&ev, "button[data-action]"), untrack(key)) else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("add") => page.edit(|f| {
                f.add_prepayment(k);
            }),
            Some("remove") => {
                if let Some(item) = button.get_attribute("data-item").and_then(|i| i.parse().ok()) {
                    page.edit(|f| f.remove_prepayment(k, item));
                }
            }
            _ => {}
        }
    };
    view! {
        <fieldset class="loan-prepay" data-testid="loan-prepay" data-loan=id on:click=act>
            <legend>{title}</legend>
            {move || key().map(|k| {
                let rows = Memo::new(move |_| count(k));
                view! {
                {move || (0..rows.get()).map(|item| view! { <PrepaymentRow loan=k item=item as u16 /> }).collect_view()}
                <div class="grid">
                    <FieldInput place=Place::loan(Field::ExtraMonthly, k) />
                    <FieldInput place=Place::loan(Field::PrepaymentFeePercent, k) />
                </div>
                }
            })}
            <div inner_html=effects></div>
        </fieldset>
    }
}

#[component]
fn PrepaymentRow(loan: LoanKey, item: u16) -> impl IntoView {
    let w = use_words();
    let at = |field| Place { field, loan: Some(loan), item };
    view! {
        <div class="prepayment grid" data-testid="prepayment">
            <FieldInput place=at(Field::PrepaymentMonth) />
            <FieldInput place=at(Field::PrepaymentAmount) />
            <FieldInput place=at(Field::PrepaymentEffect) />
            <div inner_html=move || markup::remove_button(w(), item)></div>
        </div>
    }
}
