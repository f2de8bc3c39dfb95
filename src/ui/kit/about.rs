//! The facts the letters need: who the borrower is, the hardship and the
//! essential expenses by category, all through the field contract (each
//! problem at its field).

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::{kw, use_kit};
use super::widgets::{Line, SetInput, TextArea};
use crate::form::Place;
use crate::i18n::money;
use crate::scenario::field::Value;
use crate::scenario::Field;
use leptos::prelude::*;

const EXPENSES: [Field; 9] = [
    Field::ExpenseHousing,
    Field::ExpenseUtilities,
    Field::ExpenseFood,
    Field::ExpenseTransport,
    Field::ExpenseChildren,
    Field::ExpenseMedical,
    Field::ExpenseInsurance,
    Field::ExpenseCommunication,
    Field::ExpenseOther,
];

/// Whether a switch of the document is on.
fn switched_on(field: Field) -> Memo<bool> {
    let value = use_page().value(Place::of(field));
    Memo::new(move |_| value.get() == Some(Value::Flag(true)))
}

#[component]
pub fn About() -> impl IntoView {
    let t = use_kit();
    let page = use_page();
    let hardship = switched_on(Field::Hardship);
    let items = switched_on(Field::ExpenseItems);
    let total = Memo::new(move |_| page.with(|f| money(f.document().budget.expenses)));
    view! {
        <h3>{kw(|t| t.about_heading)}</h3>
        <div class="grid">
            <FieldInput place=Place::of(Field::ProfileName) />
            <FieldInput place=Place::of(Field::ProfilePhone) />
            <FieldInput place=Place::of(Field::ProfileCity) />
        </div>
        <h3>{kw(|t| t.hardship_heading)}</h3>
        <FieldInput place=Place::of(Field::Hardship) />
        <Show when=move || hardship.get()>
            <div class="grid">
                <FieldInput place=Place::of(Field::HardshipReason) />
                <FieldInput place=Place::of(Field::HardshipSince) />
                <TextArea place=Place::of(Field::HardshipDetails) id="hardship-details".to_owned() testid="hardship-details" />
                <FieldInput place=Place::of(Field::HardshipTemporary) />
                <SetInput place=Place::of(Field::HardshipEvidence) testid="hardship-evidence" />
            </div>
        </Show>
        <h3>{kw(|t| t.expenses_heading)}</h3>
        <FieldInput place=Place::of(Field::ExpenseItems) />
        <Show when=move || items.get()>
            <div class="grid">
                {EXPENSES.into_iter().map(|f| view! { <FieldInput place=Place::of(f) /> }).collect_view()}
            </div>
            <dl class="facts">
                <Line label=Signal::derive(move || t().expenses_total.to_owned()) value=total testid="expenses-total" />
            </dl>
        </Show>
    }
}
