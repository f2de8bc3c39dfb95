//! The road's inputs as HTML text: the budget, and each loan's one-off
//! prepayments, monthly extra and fee. Drawn by the page's one field writer
//! (`ui::field_markup`: ids, test ids, labels, hints, problems), each in an element
//! `data-k="k"` (`k` its index in [`places`]); the section's one effect
//! keeps each input's value and problem in step with the page ([`sync_all`]),
//! and its delegated handlers send what is typed or picked ([`typed`]).
//! Why not a `FieldInput` per field: every `view!` tree is render code of
//! its own type, and issue 12 allows the road 12 KB brotli.

use super::super::field_markup::{self as fm, Now};
use super::super::page::Page;
use crate::form::{Form, Place};
use crate::i18n::Lang;
use crate::scenario::Field;
use web_sys::Element;

/// A loan's fields after its prepayments (each prepayment: [`ITEM`]).
pub const LOAN: [Field; 2] = [Field::ExtraMonthly, Field::PrepaymentFeePercent];
/// A one-off prepayment's fields.
pub const ITEM: [Field; 3] = [Field::PrepaymentMonth, Field::PrepaymentAmount, Field::PrepaymentEffect];

/// Every input of the road, in the page's order: the budget, then each
/// loan's prepayments' fields and its own.
pub fn places(f: &Form) -> Vec<Place> {
    let mut out = vec![Place { field: Field::StrategyBudget, loan: None, item: 0 }];
    for (i, &key) in f.loans().iter().enumerate() {
        let items = f.document().loans.get(i).map_or(0, |l| l.prepayments.len());
        for item in 0..items as u16 {
            out.extend(ITEM.map(|field| Place { field, loan: Some(key), item }));
        }
        out.extend(LOAN.map(|field| Place { field, loan: Some(key), item: 0 }));
    }
    out
}

pub use fm::element_id;

/// Place number `k` as HTML text (the page's one field writer): its label,
/// its input (a text box or a list) and its hint; its problem goes into
/// the empty `<div>` at its end.
pub fn field_html(out: &mut String, lang: Lang, k: usize, place: Place, id: &str) {
    fm::field_html(out, lang, k, place, id, &[]);
}

/// Brings every input under `root` in step with the page: its value or
/// pick, and its problem.
pub fn sync_all(root: &Element, lang: Lang, page: Page) {
    let (problems, f) = (page.problems_read(), page.form());
    for (k, place) in places(&f).into_iter().enumerate() {
        if let Some(field) = fm::field_at(root, k) {
            fm::sync(&field, lang, place, &element_id(&f, place), &Now::of(&f, &problems, place));
        }
    }
}

/// What was typed or picked in an input of the road (`change`: the
/// `change` event, else `input`), for the page.
pub fn typed(page: Page, ev: &web_sys::Event, change: bool) {
    let Some((field, k)) = fm::event_field(ev) else { return };
    let place = places(&page.form_untracked()).get(k).copied();
    if let Some(place) = place {
        fm::typed(page, &field, place, change);
    }
}
