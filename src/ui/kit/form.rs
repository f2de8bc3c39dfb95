//! The kit's forms as HTML text: a form is a list of places of the field
//! contract, drawn by the page's one field writer (`ui::field_markup`: the
//! ids, test ids, labels, hints and problems of every form) and set
//! with `inner_html` by the kit's one effect; what is typed or picked goes
//! to the page through the kit's delegated handlers ([`on_event`]), and the
//! same effect keeps each input's value and problem in step with the page
//! ([`sync_all`]). Why not a `view!` per input: every reactive element of a
//! `view!` is monomorphised render code, and issue 10 allows the whole kit
//! 20 KB brotli. A form is redrawn only when its text changes (the language,
//! the loans it offers), never while typing.

use crate::letter::{LetterInput, Words};
use super::super::field_markup::{self as fm, Now};
use super::super::page::Page;
use super::widgets::{html as html_of, put};
use crate::form::{Form, LoanKey, Place};
use crate::scenario::Field;
use crate::scenario::kit::figures::KitOutput;
use web_sys::Element;

pub(super) use fm::set_html;

/// Place `k` of a form as HTML text, by the page's one field writer (an
/// ask's finding goes into the empty `<div>` after it).
fn field_html(out: &mut String, lang: &'static Words, k: usize, place: Place, id: &str, loans: &[(String, String)], noted: bool) {
    if noted {
        out.push_str(r#"<div class="ask-field">"#);
    }
    fm::field_html(out, lang.lang, k, place, id, loans);
    if noted {
        out.push_str("<div></div></div>");
    }
}

/// What an ask's form adds: which of its places apply now (the others are
/// hidden), and the evaluation's finding at a place (why an ask is not
/// offered), shown under its input. The hardship's and the expenses' forms
/// use it too: their fields apply while their switch is on, with no finding.
pub struct Ask {
    pub applies: fn(&Form, Place) -> bool,
    pub finding: fn(&Form, &KitOutput, Option<&LetterInput>, &'static Words, Place) -> Option<String>,
}

/// An ask's place: shown while it applies, with its finding, tied to its
/// input as the loans' problems are (`{id}-finding` in its
/// `aria-describedby`, `aria-invalid`: review w15 R7).
#[allow(clippy::too_many_arguments)]
fn sync_ask(field: &Element, id: &str, lang: &'static Words, place: Place, ask: &Ask, f: &Form, figures: &KitOutput, input: Option<&LetterInput>) {
    let Some(boxed) = fm::elem(field, "parentElement") else { return };
    let _ = if (ask.applies)(f, place) { boxed.remove_attribute("hidden") } else { boxed.set_attribute("hidden", "") };
    let finding = (ask.finding)(f, figures, input, lang, place);
    let finding_id = [id, "-finding"].concat();
    let html = finding.as_ref().map(|m| html_of(r#"<p class="field-error" role="alert" id="{}" data-testid="ask-finding">{}</p>"#, &[&finding_id, m])).unwrap_or_default();
    if let Some(slot) = boxed.query_selector(":scope > div:last-child").ok().flatten() {
        set_html(&slot, &html);
    }
    let Some(el) = field.query_selector("input,select,textarea").ok().flatten() else { return };
    // The hint and a typed problem are the field writer's (`fm::sync`, just before): kept.
    let old = el.get_attribute("aria-describedby").unwrap_or_default();
    let mut ids: Vec<&str> = old.split(' ').filter(|t| !t.is_empty() && *t != finding_id).collect();
    if finding.is_some() {
        ids.push(&finding_id);
        let _ = el.set_attribute("aria-invalid", "true");
    } else if !matches!(fm::look(place.field), fm::Look::Line(..) | fm::Look::Area) {
        let _ = el.set_attribute("aria-invalid", "false");
    }
    let _ = if ids.is_empty() { el.remove_attribute("aria-describedby") } else { el.set_attribute("aria-describedby", &ids.join(" ")) };
}

/// A form of the kit: its places, and the rules of an ask's form. Drawn as
/// HTML text ([`html`]) in an element `data-form="n"` (`n` its index in the
/// kit's list of forms), found again by that selector to bring it in step
/// ([`sync_all`]) and to read what is typed into it ([`on_event`]).
#[derive(Clone, Default)]
pub struct Spec {
    pub places: Vec<Place>,
    pub ask: Option<&'static Ask>,
}

impl Spec {
    /// A form of `fields`, each of loan `loan` and item `item`: one loop
    /// for every form (an iterator chain each was code of its own).
    pub fn of(fields: &[Field], loan: Option<LoanKey>, item: usize, ask: Option<&'static Ask>) -> Self {
        let item = item.try_into().unwrap_or(u16::MAX);
        let mut places = Vec::with_capacity(fields.len());
        for &field in fields {
            places.push(Place { field, loan, item });
        }
        Self { places, ask }
    }
}

/// Form `n` as HTML text; `loans` are the options of an entry's loan.
pub fn html(out: &mut String, f: &Form, lang: &'static Words, n: usize, spec: &Spec, loans: &[(String, String)]) {
    put(out, r#"<div class="grid" data-form="{}">"#, &[&n.to_string()]);
    for (k, &place) in spec.places.iter().enumerate() {
        field_html(out, lang, k, place, &fm::element_id(f, place), loans, spec.ask.is_some());
    }
    out.push_str("</div>");
}

/// Brings every form under `root` in step with the page: each input's
/// value and problem, and an ask's places that apply and their findings.
pub fn sync_all(root: &Element, specs: &[Spec], seen: &super::Seen) {
    let (lang, f, figures) = (seen.lang, seen.form, &seen.docs.figures);
    for (n, spec) in specs.iter().enumerate() {
        let Some(el) = root.query_selector(&["[data-form=\"", &n.to_string(), "\"]"].concat()).ok().flatten() else { continue };
        for (k, &place) in spec.places.iter().enumerate() {
            let Some(field) = fm::field_at(&el, k) else { continue };
            let id = fm::element_id(f, place);
            fm::sync(&field, lang.lang, place, &id, &Now::of(f, seen.problems, place));
            if let Some(ask) = spec.ask {
                sync_ask(&field, &id, lang, place, ask, f, figures, seen.docs.input.as_ref());
            }
        }
    }
}

/// What was typed or picked in a form (`change`: the `change` event, else
/// `input`), for the page; `false` if the event did not come from a form.
pub fn on_event(page: Page, specs: &[Spec], ev: &web_sys::Event, change: bool) -> bool {
    let Some((field, k)) = fm::event_field(ev) else { return false };
    let form = field.closest("[data-form]").ok().flatten();
    let n = form.and_then(|form| form.get_attribute("data-form")?.parse::<usize>().ok());
    if let Some(place) = n.and_then(|n| specs.get(n)?.places.get(k).copied()) {
        fm::typed(page, &field, place, change);
    }
    true
}
