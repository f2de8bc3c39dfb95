//! The kit's small inputs the page's `FieldInput` does not have: a text
//! area for long free text, check boxes for a set, a list of loans; and
//! [`kit_input`], the input of any field of a kit form.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::use_lang;
use crate::form::Place;
use crate::scenario::field::{Choice, Kind, Value};
use crate::ui::widgets::escape_html as esc;
use leptos::prelude::*;

/// A labelled text area for long free text (a field of the contract; its
/// id and test id are the field's): typed text goes to the page's model;
/// its problem shows under it.
#[component]
pub fn TextArea(place: Place) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let (id, testid) = (place.field.spec().id.to_owned(), place.field.spec().id);
    let text = page.text(place);
    let problem = page.problem(place);
    let error_id = format!("{id}-error");
    let hint = lang.get_untracked().hint(place.field).map(|_| format!("{id}-hint"));
    let described_by = {
        let (hint, error_id) = (hint.clone(), error_id.clone());
        move || hint.iter().cloned().chain(problem.with(Option::is_some).then(|| error_id.clone())).collect::<Vec<_>>().join(" ")
    };
    view! {
        <div class="field wide" class:invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>{Signal::derive(move || lang.get().label(place.field, 0))}</label>
            <textarea
                id=id
                rows="3"
                data-testid=testid
                aria-invalid=move || problem.with(Option::is_some).to_string()
                aria-describedby=described_by
                prop:value=move || text.get()
                on:input=move |ev| page.type_text(place, event_target_value(&ev))
            ></textarea>
            {hint.map(|h| view! { <p class="hint" id=h>{Signal::derive(move || lang.get().hint(place.field).unwrap_or_default().to_owned())}</p> })}
            <div inner_html=move || error_html(&error_id, &format!("{testid}-error"), problem.get().map(|rule| lang.get().problem(place.field, rule)))></div>
        </div>
    }
}

/// The input a field of the contract gets in the kit: check boxes for a
/// set, a text area for long text (over 200 characters), else the page's
/// [`FieldInput`] — so a form is a list of fields.
pub fn kit_input(place: Place) -> AnyView {
    match place.field.kind() {
        Kind::Set(_) => view! { <SetInput place=place /> }.into_any(),
        Kind::Text { max_chars } if max_chars > 200 => view! { <TextArea place=place /> }.into_any(),
        _ => view! { <FieldInput place=place /> }.into_any(),
    }
}

/// Check boxes for a field of the contract that holds a set of choices.
#[component]
pub fn SetInput(place: Place) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let testid = place.field.spec().id;
    let value = page.value(place);
    let options: &'static [Choice] = match place.field.kind() {
        Kind::Set(options) => options,
        _ => &[],
    };
    let picked = move || match value.get() {
        Some(Value::Set(p)) => p,
        _ => Vec::new(),
    };
    let toggle = move |c: Choice, on: bool| {
        let was = picked();
        // In the list's order, so the letter lists them the same way each time.
        let now = options.iter().copied().filter(|o| if *o == c { on } else { was.contains(o) }).collect();
        page.set(place, Value::Set(now));
    };
    view! {
        <fieldset class="checks wide" data-testid=testid>
            <legend>{move || lang.get().label(place.field, 0)}</legend>
            {options
                .iter()
                .map(|c| {
                    let c = *c;
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || picked().contains(&c)
                                on:change=move |ev| toggle(c, event_target_checked(&ev))
                            />
                            {Signal::derive(move || lang.get().choice(c))}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A labelled `<select>` over `(value, name)` pairs; `on_pick` gets the
/// value. Its options are HTML text (escaped), redrawn when they change.
#[component]
pub fn Picker(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] picked: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let html = Signal::derive(move || {
        let picked = picked.get();
        options.with(|all| {
            all.iter().fold(String::new(), |out, (v, name)| {
                let on = if *v == picked { " selected" } else { "" };
                out + &format!(r#"<option value="{}"{on}>{}</option>"#, esc(v), esc(name))
            })
        })
    });
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id data-testid=id on:change=move |ev| on_pick.run(event_target_value(&ev)) inner_html=html></select>
        </div>
    }
}

/// A field's problem, as HTML text (`id` for `aria-describedby`); empty without one.
pub fn error_html(id: &str, testid: &str, message: Option<String>) -> String {
    message.map_or_else(String::new, |m| format!(r#"<p class="field-error" id="{id}" role="alert" data-testid="{testid}">{}</p>"#, esc(&m)))
}
