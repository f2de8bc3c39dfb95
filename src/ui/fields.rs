//! Labelled inputs that forgive what people type and show errors in place.

use super::{use_lang, use_text};
use crate::engine::EngineError;
use crate::i18n::{Lang, Text};
use crate::input::InputError;
use leptos::prelude::*;

/// A text input with its parsed value and the last value that parsed, so the
/// rest of the page keeps working while this field is being fixed.
#[derive(Clone, Copy)]
pub struct TextInput<T: Send + Sync + 'static> {
    pub text: RwSignal<String>,
    pub parsed: Memo<Result<T, InputError>>,
}

impl<T: Clone + PartialEq + Send + Sync + 'static> TextInput<T> {
    pub fn new(initial: String, parse: fn(&str) -> Result<T, InputError>) -> Self {
        let text = RwSignal::new(initial);
        let parsed = Memo::new(move |_| text.with(|s| parse(s)));
        Self { text, parsed }
    }

    /// The current value, or `None` while the text does not parse.
    pub fn value(&self) -> Option<T> {
        self.parsed.get().ok()
    }
}

/// A rule broken when a field's value is combined with others.
#[derive(Clone, Copy, PartialEq)]
pub enum FieldProblem {
    Engine(EngineError),
    /// Any other rule, with its message in Chinese and in English.
    Rule([&'static str; 2]),
}

/// What is wrong with a field: its own text, or a rule.
#[derive(Clone, Copy, PartialEq)]
enum FieldError {
    Input(InputError),
    Problem(FieldProblem),
}

impl FieldError {
    fn message(self, lang: Lang) -> &'static str {
        match self {
            Self::Input(e) => lang.input_error(e),
            Self::Problem(FieldProblem::Engine(e)) => lang.engine_error(e),
            Self::Problem(FieldProblem::Rule([zh, en])) => match lang {
                Lang::Zh => zh,
                Lang::En => en,
            },
        }
    }
}

/// A labelled text field. `engine_error` carries rule violations found when
/// the value is combined with others (e.g. a fee above the principal).
#[component]
pub fn TextField<T: Clone + PartialEq + Send + Sync + 'static>(
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Stable name for tests (unique within its card).
    testid: &'static str,
    label: fn(&Text) -> &'static str,
    input: TextInput<T>,
    #[prop(optional)] hint: Option<fn(&Text) -> &'static str>,
    #[prop(default = "decimal")] inputmode: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional, into)] problem: Option<Signal<Option<FieldProblem>>>,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let error = Memo::new(move |_| match input.parsed.get() {
        Err(e) => Some(FieldError::Input(e)),
        Ok(_) => problem.and_then(|s| s.get()).map(FieldError::Problem),
    });
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let label_for = id.clone();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=label_for>{move || label(t())}</label>
            <input
                id=id
                type=input_type
                inputmode=inputmode
                autocomplete="off"
                data-testid=testid
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=move || input.text.get()
                on:input=move |ev| input.text.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h(t())}</p> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" id=error_id.clone() role="alert" data-testid=format!("{testid}-error")>
                                {e.message(lang.get())}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A labelled `<select>` over a fixed list of values.
#[component]
pub fn SelectField<T: Copy + PartialEq + Send + Sync + 'static>(
    #[prop(into)]
    id: String,
    testid: &'static str,
    label: fn(&Text) -> &'static str,
    value: RwSignal<T>,
    options: Vec<T>,
    /// Display name of an option in a language.
    name: fn(Lang, T) -> &'static str,
    /// Called after the user picks a value.
    #[prop(optional)] on_pick: Option<Callback<T>>,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let opts = options.clone();
    let label_for = id.clone();
    view! {
        <div class="field">
            <label for=label_for>{move || label(t())}</label>
            <select
                id=id
                data-testid=testid
                on:change=move |ev| {
                    let picked = event_target_value(&ev).parse::<usize>().ok().and_then(|i| opts.get(i).copied());
                    if let Some(v) = picked {
                        value.set(v);
                        if let Some(cb) = on_pick {
                            cb.run(v);
                        }
                    }
                }
            >
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, opt)| {
                        view! {
                            <option value=i.to_string() prop:selected=move || value.get() == opt>
                                {move || name(lang.get(), opt)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(
    #[prop(into)]
    id: String,
    testid: &'static str,
    label: fn(&Text) -> &'static str,
    value: RwSignal<bool>,
) -> impl IntoView {
    let t = use_text();
    let label_for = id.clone();
    view! {
        <div class="field check">
            <input
                id=id
                type="checkbox"
                data-testid=testid
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=label_for>{move || label(t())}</label>
        </div>
    }
}

/// One figure with its label and a tap-to-explain line (hover shows it too).
#[component]
pub fn Fact(label: fn(&Text) -> &'static str, explain: fn(&Text) -> &'static str, value: String, testid: &'static str) -> impl IntoView {
    let t = use_text();
    let (open, set_open) = signal(false);
    view! {
        <div class="fact">
            <dt>
                {move || label(t())}
                <button
                    type="button"
                    class="explain-toggle"
                    aria-expanded=move || open.get().to_string()
                    title=move || explain(t())
                    aria-label=move || format!("{}: {}", t().show_explanation, label(t()))
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    "?"
                </button>
            </dt>
            <dd data-testid=testid>{value}</dd>
            <Show when=move || open.get()>
                <p class="explain">{move || explain(t())}</p>
            </Show>
        </div>
    }
}

