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
use leptos::prelude::*;

#[component]
pub fn AsOfNote() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let today = today();
    // The document's date and the days since, when it is before today.
    let past = Memo::new(move |_| {
        let as_of = page.with(|f| f.document().as_of)?;
        let days = as_of.days_until(today?);
        (days > 0).then_some((as_of, days))
    });
    let clear = move |_| page.set(Place::of(Field::AsOf), Value::Date(None));
    move || {
        past.get().map(|(as_of, days)| {
            let p = lang.get().page();
            view! {
                <div class="banner update" role="note" data-testid="as-of-note">
                    <p>{fill(p.as_of_note, &[&as_of.to_string(), &days.to_string()])}</p>
                    <button type="button" data-testid="as-of-today" on:click=clear>{p.as_of_today}</button>
                </div>
            }
        })
    }
}
