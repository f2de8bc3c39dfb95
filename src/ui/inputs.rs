//! The page's forms: a list of places of the field contract drawn as HTML
//! text by the one field writer (`super::field_markup`) into one element,
//! kept in step with the page by one effect, and read by one delegated
//! `input`/`change` listener. Issue 13: one render function and one effect
//! type for every form of the page, where each input was a `view!` tree
//! with a dozen reactive parts of its own.
//!
//! A form is drawn again only when the language changes (labels, hints,
//! options) or its element is new; a keystroke sets what changed in place:
//! a value that says something else (never the box being typed in: it says
//! what was typed already, so its caret and focus stay), a problem.

use super::field_markup::{self as fm, Now};
use super::page::{use_page, Page};
use super::use_lang;
use crate::form::Place;
use crate::i18n::Lang;
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::Element;

/// What a form last drew and synced.
pub struct Synced {
    el: Element,
    lang: Lang,
    ids: Vec<String>,
    now: Vec<Now>,
}

/// The places `places` as a form in a `<div class=class>` (with a test id
/// when given). A place whose field pairs with the one before it
/// (`Field::pairs_with_previous`: the rate and its unit) shares its cell.
pub fn fields(places: Vec<Place>, class: &'static str, testid: Option<&'static str>) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let root = NodeRef::<Div>::new();
    let places: Rc<[Place]> = places.into();
    let mine = places.clone();
    Effect::new(move |drawn: Option<Option<Synced>>| {
        let lang = lang.get();
        let el: Element = root.get()?.into();
        Some(keep(page, &el, lang, &mine, drawn.flatten()))
    });
    let on = move |ev: &web_sys::Event, change: bool| typed(page, ev, &places, change);
    let on_change = on.clone();
    view! { <div class=class data-testid=testid node_ref=root on:input=move |ev| on(&ev, false) on:change=move |ev| on_change(&ev, true)></div> }
}

/// Keeps the form of `places` in `el` in step with the page (tracked):
/// draws it when `el` is new or the language changed, then sets what
/// changed since `drawn` (a form drawn by another part: a loan's card).
pub fn keep(page: Page, el: &Element, lang: Lang, places: &[Place], drawn: Option<Synced>) -> Synced {
    let now: Vec<Now> = page.with(|f| page.problems(|ps| places.iter().map(|p| Now::of(f, ps, *p)).collect()));
    let drawn = drawn.filter(|d| d.el == *el && d.lang == lang);
    let ids = match &drawn {
        Some(d) => d.ids.clone(),
        None => draw(page, el, lang, places),
    };
    for (k, (place, now)) in places.iter().zip(&now).enumerate() {
        if drawn.as_ref().and_then(|d| d.now.get(k)) == Some(now) {
            continue;
        }
        if let (Some(field), Some(id)) = (fm::field_at(el, k), ids.get(k)) {
            fm::sync(&field, lang, *place, id, now);
        }
    }
    Synced { el: el.clone(), lang, ids, now }
}

/// What was typed or picked in a form of `places` (an `input` event, or
/// `change`), sent to the page.
pub fn typed(page: Page, ev: &web_sys::Event, places: &[Place], change: bool) {
    if let Some((field, k)) = fm::event_field(ev) {
        if let Some(place) = places.get(k) {
            fm::typed(page, &field, *place, change);
        }
    }
}

/// Draws the form into `el`; the element id of each place.
fn draw(page: Page, el: &Element, lang: Lang, places: &[Place]) -> Vec<String> {
    let ids: Vec<String> = page.peek(|f| places.iter().map(|p| fm::element_id(f, *p)).collect());
    let mut out = String::new();
    for (k, (place, id)) in places.iter().zip(&ids).enumerate() {
        let paired = |k: usize| places.get(k).is_some_and(|p| p.field.pairs_with_previous());
        if paired(k + 1) {
            out.push_str(r#"<div class="rate-pair">"#);
        }
        fm::field_html(&mut out, lang, k, *place, id, &[]);
        if paired(k) {
            out.push_str("</div>");
        }
    }
    el.set_inner_html(&out);
    ids
}

/// One field as a form of its own (the road's solver).
#[component]
pub fn FieldInput(place: Place) -> impl IntoView {
    fields(vec![place], "", None)
}
