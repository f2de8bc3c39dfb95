//! A document dated in the past (its `as_of`, which the page has no field
//! for: a file or link made earlier) is evaluated as of that date, so its
//! dates and overdue days are from then. Say so above the summary, with a
//! way to count from today instead (the page then dates the loans from
//! today and rolls past due dates forward, see `crate::engine::due`).

use super::page::{today, use_page};
use super::use_lang;
use crate::i18n::fill;
use crate::scenario::field::Value;
use crate::scenario::Field;
use crate::form::Place;
use super::markup::{clicked, draw};
use super::widgets::escape_html as esc;
use leptos::ev::MouseEvent;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn AsOfNote() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let today = today();
    let note = NodeRef::<Div>::new();
    // The document's date and the days since, when it is before today.
    draw(note, move |out| {
        let Some(as_of) = page.with(|f| f.document().as_of) else { return };
        let days = today.map_or(0, |t| as_of.days_until(t));
        if days > 0 {
            let p = lang.get().page();
            let _ = write!(
                out,
                r#"<div class="banner update" role="note" data-testid="as-of-note"><p>{}</p><button type="button" data-testid="as-of-today">{}</button></div>"#,
                esc(&fill(p.as_of_note, &[&as_of.to_string(), &days.to_string()])),
                esc(p.as_of_today)
            );
        }
    });
    let clear = move |ev: MouseEvent| {
        if clicked(&ev).as_deref() == Some("as-of-today") {
            page.set(Place::of(Field::AsOf), Value::Date(None));
        }
    };
    view! { <div node_ref=note on:click=clear></div> }
}
