//! One input per field of the contract, chosen by its kind: a text box
//! that forgives what people type and shows its problem in place, a list,
//! or a check box. Labels, hints and messages come from `crate::i18n`.

use super::page::use_page;
use super::use_lang;
use crate::form::Place;
use crate::i18n::Lang;
use super::widgets::escape_html;
use crate::scenario::field::{Kind, Unit, Value};
use crate::scenario::{Field, Rule};
use leptos::prelude::*;
use std::fmt::Write;

/// The element and test id of an input: the field's id, prefixed with its
/// loan's id (`a-principal`), or numbered for an item (`forecast-3`).
fn element_id(place: Place) -> String {
    let id = place.field.spec().id;
    match place.loan {
        Some(loan) => {
            let loan_id = use_page().peek(|f| f.loan_id(loan).map(str::to_owned)).unwrap_or_default();
            match place.field.spec().each {
                // A loan's prepayments each need their own id.
                crate::scenario::field::Each::Prepayment => format!("{loan_id}-{id}-{}", place.item + 1),
                _ => format!("{loan_id}-{id}"),
            }
        }
        None if place.field.spec().each == crate::scenario::field::Each::Month => format!("{id}-{}", place.item + 1),
        None => id.to_owned(),
    }
}

/// The test id: the field's id (items numbered), the same in every card.
fn test_id(place: Place) -> String {
    match place.field.spec().each {
        crate::scenario::field::Each::Month => format!("{}-{}", place.field.spec().id, place.item + 1),
        _ => place.field.spec().id.to_owned(),
    }
}

/// An input's element id and test id.
#[derive(Clone)]
struct Ids {
    id: String,
    testid: String,
}

/// The input a field's kind calls for.
#[component]
pub fn FieldInput(place: Place) -> impl IntoView {
    let ids = Ids { id: element_id(place), testid: test_id(place) };
    match place.field.kind() {
        Kind::Choice(_) | Kind::Count { select: true, .. } => view! { <SelectInput place=place ids=ids /> }.into_any(),
        Kind::Flag => view! { <CheckInput place=place ids=ids /> }.into_any(),
        _ => view! { <TextInput place=place ids=ids /> }.into_any(),
    }
}

#[component]
fn Label(place: Place, #[prop(into)] target: String) -> impl IntoView {
    let lang = use_lang();
    view! { <label for=target>{move || lang.get().label(place.field, place.item.into())}</label> }
}

/// A labelled text box. Typed text goes to the page's model as it is
/// typed; a problem shows under the box.
#[component]
fn TextInput(place: Place, ids: Ids) -> impl IntoView {
    let Ids { id, testid } = ids;
    let (page, lang) = (use_page(), use_lang());
    let text = page.text(place);
    let problem = page.problem(place);
    let (input_type, inputmode) = match place.field.kind() {
        Kind::Date { .. } => ("date", "text"),
        Kind::DateTime => ("datetime-local", "text"),
        Kind::Count { .. } => ("text", "numeric"),
        Kind::Text { .. } | Kind::Id => ("text", "text"),
        _ => ("text", "decimal"),
    };
    let hint = lang.get_untracked().hint(place.field).map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let marks = Marks { problem, hint: hint.clone(), error_id: error_id.clone() };
    view! {
        <div class="field">
            <Label place=place target=id.clone() />
            <input
                id=id
                type=input_type
                inputmode=inputmode
                autocomplete="off"
                data-testid=testid.clone()
                use:mark_problem=marks
                prop:value=move || text.get()
                on:input=move |ev| page.type_text(place, event_target_value(&ev))
                on:change=move |_| page.commit()
            />
            {hint.map(|hint_id| view! { <p class="hint" id=hint_id>{move || lang.get().hint(place.field)}</p> })}
            {move || problem.get().map(|rule| view! {
                <p class="field-error" id=error_id.clone() role="alert" data-testid=format!("{testid}-error")>
                    {move || lang.get().problem(place.field, rule)}
                </p>
            })}
        </div>
    }
}

/// What a text box's problem changes: its field's `invalid` class, its
/// `aria-invalid`, and its `aria-describedby` (the hint, and the error
/// while there is one).
#[derive(Clone)]
struct Marks {
    problem: Memo<Option<Rule>>,
    hint: Option<String>,
    error_id: String,
}

/// Sets a text box's [`Marks`] from its problem, in one effect (issue 13:
/// one reactive part for the three, not one each). It first runs once the
/// box is in its field.
fn mark_problem(input: web_sys::Element, marks: Marks) {
    Effect::new(move |_| {
        let bad = marks.problem.with(Option::is_some);
        let error = bad.then_some(marks.error_id.as_str());
        let described = marks.hint.as_deref().into_iter().chain(error).collect::<Vec<_>>().join(" ");
        let _ = input.set_attribute("aria-invalid", if bad { "true" } else { "false" });
        let _ = match described.is_empty() {
            true => input.remove_attribute("aria-describedby"),
            false => input.set_attribute("aria-describedby", &described),
        };
        if let Some(field) = input.parent_element() {
            let _ = field.class_list().toggle_with_force("invalid", bad);
        }
    });
}

/// How an option of a list is called.
fn option_name(lang: Lang, v: &Value) -> String {
    match v {
        Value::Choice(c) => lang.choice(*c).to_owned(),
        Value::Count(n) => lang.count(Unit::Months, *n),
        _ => String::new(),
    }
}

/// A labelled `<select>` over the field's options. The options are HTML
/// text (`markup`, issue 13: one redraw, not two reactive parts per
/// option), the picked one `selected`, redrawn whole when the language or
/// the value changes.
#[component]
fn SelectInput(place: Place, ids: Ids) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let value = page.value(place);
    let pick = move |ev| {
        let i = event_target_value(&ev).parse::<usize>().ok();
        if let Some(v) = i.and_then(|i| place.field.kind().options().get(i).cloned()) {
            page.set(place, v);
        }
    };
    let options = move || value.with(|v| options_html(lang.get(), place.field, v.as_ref()));
    view! {
        <div class="field">
            <Label place=place target=ids.id.clone() />
            <select id=ids.id data-testid=ids.testid on:change=pick inner_html=options></select>
        </div>
    }
}

/// A list's options, `value` the index, the picked one `selected`.
fn options_html(lang: Lang, field: Field, picked: Option<&Value>) -> String {
    let mut out = String::new();
    for (i, option) in field.kind().options().iter().enumerate() {
        let selected = if picked == Some(option) { " selected" } else { "" };
        let _ = write!(out, r#"<option value="{i}"{selected}>{}</option>"#, escape_html(&option_name(lang, option)));
    }
    out
}

/// A labelled check box.
#[component]
fn CheckInput(place: Place, ids: Ids) -> impl IntoView {
    let page = use_page();
    let value = page.value(place);
    view! {
        <div class="field check">
            <input
                id=ids.id.clone()
                type="checkbox"
                data-testid=ids.testid
                prop:checked=move || value.with(|v| *v == Some(Value::Flag(true)))
                on:change=move |ev| page.set(place, Value::Flag(event_target_checked(&ev)))
            />
            <Label place=place target=ids.id />
        </div>
    }
}
