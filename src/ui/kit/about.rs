//! The facts the letters need: who the borrower is, the hardship and the
//! essential expenses by category, all through the field contract (each
//! problem at its field). Each form is a list of fields ([`kit_input`]).

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::form::form;
use super::kw;
use crate::form::Place;
use crate::i18n::money;
use crate::scenario::field::Value;
use crate::scenario::Field;
use leptos::prelude::*;

const PROFILE: [Field; 3] = [Field::ProfileName, Field::ProfilePhone, Field::ProfileCity];
const HARDSHIP: [Field; 5] = [Field::HardshipReason, Field::HardshipSince, Field::HardshipDetails, Field::HardshipTemporary, Field::HardshipEvidence];
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

/// A heading, the switch that starts its part of the document (if any),
/// and the part's fields while it is there.
struct Part {
    heading: fn(&crate::i18n::kit::KitText) -> &'static str,
    switch: Option<Field>,
    fields: &'static [Field],
}

const PARTS: [Part; 3] = [
    Part { heading: |t| t.about_heading, switch: None, fields: &PROFILE },
    Part { heading: |t| t.hardship_heading, switch: Some(Field::Hardship), fields: &HARDSHIP },
    Part { heading: |t| t.expenses_heading, switch: Some(Field::ExpenseItems), fields: &EXPENSES },
];

#[component]
pub fn About() -> impl IntoView {
    PARTS.iter().map(|p| view! { <PartForm part=p /> }).collect_view()
}

#[component]
fn PartForm(part: &'static Part) -> impl IntoView {
    let page = use_page();
    let on = part.switch.map(|f| page.value(Place::of(f)));
    let shown = move || on.is_none_or(|v| v.get() == Some(Value::Flag(true)));
    // The expenses' sum, under their categories.
    let total = (part.switch == Some(Field::ExpenseItems)).then(|| {
        let (label, value) = (kw(|t| t.expenses_total), Signal::derive(move || page.with(|f| money(f.document().budget.expenses))));
        view! { <dl class="facts" hidden=move || !shown()><div class="kit-fact"><dt>{label}</dt><dd data-testid="expenses-total">{value}</dd></div></dl> }
    });
    view! {
        <h3>{kw(part.heading)}</h3>
        {part.switch.map(|f| view! { <FieldInput place=Place::of(f) /> })}
        // Hidden rather than rebuilt: a `Show` is code of its own.
        <div hidden=move || !shown()>{form("grid", part.fields.iter().map(|f| Place::of(*f)).collect(), None, None)}</div>
        {total}
    }
}
