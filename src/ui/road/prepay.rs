//! Prepayments per loan: one-off prepayments (added, changed, removed),
//! a monthly extra and the lender's fee, through the field contract's
//! inputs (problems show at the field, [`super::fields`]), and both effects
//! side by side. Each loan is a `<fieldset data-n="i">` (i its position)
//! whose effects go into its `<div data-effects>`, drawn apart from its
//! inputs: figures change while the borrower types, the inputs stay.

use super::fields::{element_id, field_html, places, ITEM, LOAN};
use super::markup::{self, put};
use crate::form::Form;
use crate::i18n::{Lang, RoadText};
use crate::present::LoanTitle;
use crate::engine::Prepaid;
use crate::scenario::road::PrepaidByEffect;
use crate::scenario::Field;

/// Every loan's prepayment inputs as HTML text (redrawn only when this
/// text changes: another language, a loan or a prepayment added or removed).
pub fn html(w: &RoadText, f: &Form) -> String {
    let lang = w.lang;
    let places = places(f);
    let mut out = String::new();
    let mut k = 1; // places[0] is the budget
    for (n, loan) in f.document().loans.iter().enumerate() {
        let title = lang.loan_title(LoanTitle::new(n, loan.lender, &loan.name));
        put(&mut out, r#"<fieldset class="loan-prepay" data-testid="loan-prepay" data-loan="{}" data-n="{}"><legend>{}</legend>"#, &[&loan.id, &n.to_string(), &title]);
        for item in 0..loan.prepayments.len() as u16 {
            out.push_str(r#"<div class="prepayment grid" data-testid="prepayment">"#);
            for _ in ITEM {
                field(&mut out, lang, f, &places, &mut k);
            }
            out.push_str(&markup::remove_button(w, &loan.id, item));
            out.push_str("</div>");
        }
        out.push_str(r#"<div class="grid">"#);
        for _ in LOAN {
            field(&mut out, lang, f, &places, &mut k);
        }
        put(&mut out, r#"</div><button type="button" class="add" id="{}-add-prepayment" data-testid="add-prepayment" data-action="add">{}</button><div data-effects></div></fieldset>"#, &[&loan.id, w.add_prepayment]);
    }
    out
}

/// The next place's input (`k` its number).
fn field(out: &mut String, lang: Lang, f: &Form, places: &[crate::form::Place], k: &mut usize) {
    if let Some(&place) = places.get(*k) {
        field_html(out, lang, *k, place, &element_id(f, place));
    }
    *k += 1;
}

/// Loan `n`'s effects: both side by side, or what a monthly extra alone
/// saves (nothing while it has neither).
pub fn effects(w: &RoadText, prepaid: Option<&(Option<Prepaid>, Option<PrepaidByEffect>)>) -> String {
    prepaid.map(|(p, both)| markup::effects_or_saved(w, both.as_ref(), p.as_ref())).unwrap_or_default()
}

/// The budget's input (place 0).
pub fn budget(lang: Lang, f: &Form) -> String {
    let mut out = String::new();
    if let Some(&place) = places(f).first() {
        debug_assert_eq!(place.field, Field::StrategyBudget);
        field_html(&mut out, lang, 0, place, &element_id(f, place));
    }
    out
}
