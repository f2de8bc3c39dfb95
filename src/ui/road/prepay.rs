//! Prepayments per loan: one-off prepayments (added, changed, removed),
//! a monthly extra and the lender's fee, through the field contract's
//! inputs (problems show at the field), and both effects side by side.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::{loan_at, use_lang};
use super::{clicked, edit, html_text, markup, use_words, RoadEdit};
use crate::form::{LoanKey, Place};
use crate::present::LoanTitle;
use crate::scenario::Field;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// One loan's prepayment inputs and what they change, drawn again only
/// when another loan comes to this place (an import): its id and inputs
/// follow the loan's key.
#[component]
pub fn LoanPrepay(index: usize) -> impl IntoView {
    let page = use_page();
    move || page.loans.with(|k| k.get(index).copied()).map(|k| loan_prepay(index, k).into_any())
}

/// The loan at `index` (key `k`); its add and remove buttons are read by
/// one delegated handler.
fn loan_prepay(index: usize, k: LoanKey) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let (loan, _) = loan_at(index);
    let id = loan.with_untracked(|l| l.as_ref().map(|l| l.id.clone()));
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
        let Some(button) = clicked(&ev, "button[data-action]") else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("add") => edit(page, RoadEdit::AddPrepayment(k)),
            Some("remove") => {
                if let Some(item) = button.get_attribute("data-item").and_then(|i| i.parse().ok()) {
                    edit(page, RoadEdit::RemovePrepayment(k, item));
                }
            }
            _ => {}
        }
    };
    let rows = Memo::new(move |_| count(k));
    view! {
        <fieldset class="loan-prepay" data-testid="loan-prepay" data-loan=id on:click=act>
            <legend inner_html=html_text(move || markup::esc(&title().unwrap_or_default()))></legend>
            {move || (0..rows.get()).map(|item| prepayment_row(k, item as u16)).collect_view()}
            <div class="grid">
                <FieldInput place=Place::loan(Field::ExtraMonthly, k) />
                <FieldInput place=Place::loan(Field::PrepaymentFeePercent, k) />
            </div>
            <div inner_html=html_text(move || effects().unwrap_or_default())></div>
        </fieldset>
    }
}

/// One one-off prepayment's inputs and its remove button (as any view:
/// the list of them is then the page's one list-of-views type).
fn prepayment_row(loan: LoanKey, item: u16) -> AnyView {
    let w = use_words();
    let at = |field| Place { field, loan: Some(loan), item };
    view! {
        <div class="prepayment grid" data-testid="prepayment">
            <FieldInput place=at(Field::PrepaymentMonth) />
            <FieldInput place=at(Field::PrepaymentAmount) />
            <FieldInput place=at(Field::PrepaymentEffect) />
            <div inner_html=html_text(move || markup::remove_button(w(), item))></div>
        </div>
    }
    .into_any()
}
