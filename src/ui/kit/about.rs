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
/// The switch that starts the hardship's part of the documents, then its fields.
const HARDSHIP: [Field; 6] = [Field::Hardship, Field::HardshipReason, Field::HardshipSince, Field::HardshipDetails, Field::HardshipTemporary, Field::HardshipEvidence];
/// The switch of the expenses by category, then the categories.
const EXPENSES: [Field; 10] = [
    Field::ExpenseItems,
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

/// A heading, and the part's fields: the switch that starts its part of
/// the document (if any) first, the others shown while it is on.
struct Part {
    heading: fn(&crate::i18n::kit::KitWords) -> &'static str,
    fields: &'static [Field],
}

const PARTS: [Part; 3] = [
    Part { heading: |t| t.about_heading, fields: &PROFILE },
    Part { heading: |t| t.hardship_heading, fields: &HARDSHIP },
    Part { heading: |t| t.expenses_heading, fields: &EXPENSES },
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

const SWITCHED: form::Ask = form::Ask { applies, finding: |_, _, _, _, _| None };

/// The facts' forms, in the order of [`PARTS`] (the kit's forms 0 to 2), onto `all`.
pub fn forms(all: &mut Vec<form::Spec>) {
    for p in &PARTS {
        all.push(form::Spec::of(p.fields, None, 0, Some(&SWITCHED)));
    }
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
