//! The facts the letters need: who the borrower is, the hardship and the
//! essential expenses by category, all through the field contract (each
//! problem at its field). Each form is a list of fields ([`forms`]).

use crate::letter::Words;
use super::widgets::put;
use super::form;
use crate::form::{Form, Place};
use crate::i18n::money;
use crate::scenario::field::Value;
use crate::scenario::Field;

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
/// and the part's fields, shown while it is on.
struct Part {
    heading: fn(&crate::i18n::kit::KitWords) -> &'static str,
    places: fn() -> Vec<Place>,
}

/// The switch first, then the fields.
fn places(switch: Option<Field>, fields: &[Field]) -> Vec<Place> {
    switch.into_iter().chain(fields.iter().copied()).map(Place::of).collect()
}

const PARTS: [Part; 3] = [
    Part { heading: |t| t.about_heading, places: || places(None, &PROFILE) },
    Part { heading: |t| t.hardship_heading, places: || places(Some(Field::Hardship), &HARDSHIP) },
    Part { heading: |t| t.expenses_heading, places: || places(Some(Field::ExpenseItems), &EXPENSES) },
];

/// A field of the hardship or the expenses applies while its switch is on.
fn applies(f: &Form, place: Place) -> bool {
    let switch = match place.field {
        Field::Hardship | Field::ExpenseItems => return true,
        f if HARDSHIP.contains(&f) => Field::Hardship,
        f if EXPENSES.contains(&f) => Field::ExpenseItems,
        _ => return true,
    };
    f.value(Place::of(switch)) == Some(Value::Flag(true))
}

const SWITCHED: form::Ask = form::Ask { applies, finding: |_, _, _, _| None };

/// The facts' forms, in the order of [`PARTS`] (the kit's forms 0 to 2).
pub fn forms() -> Vec<form::Spec> {
    PARTS.iter().map(|p| form::Spec { places: (p.places)(), ask: Some(&SWITCHED) }).collect()
}

/// The facts' headings and forms, as HTML text.
pub fn html(f: &Form, lang: &'static Words, forms: &[form::Spec]) -> String {
    let mut out = String::new();
    for (n, (p, spec)) in PARTS.iter().zip(forms).enumerate() {
        put(&mut out, "<h3>{}</h3>", &[(p.heading)(&lang.kit)]);
        form::html(&mut out, f, lang, n, spec, &[]);
    }
    out
}

/// The expenses' sum, under their categories, while they are given.
pub fn total(lang: &'static Words, f: &Form) -> String {
    let mut out = String::new();
    if f.value(Place::of(Field::ExpenseItems)) == Some(Value::Flag(true)) {
        let total = money(f.document().budget.expenses);
        put(&mut out, r#"<dl class="facts"><div class="kit-fact"><dt>{}</dt><dd data-testid="expenses-total">{}</dd></div></dl>"#, &[&lang.kit.expenses_total, &total]);
    }
    out
}
