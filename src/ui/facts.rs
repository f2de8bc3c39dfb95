//! Figures with their words: a headline figure with its explanation, and a
//! fact that explains itself on tap.

use super::use_text;
use crate::i18n::{Text, EXPLAIN_MARK};
use leptos::prelude::*;

/// One headline figure with its plain-language explanation.
#[component]
pub fn Figure(
    testid: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    /// A second form of the value (the 万 form of an amount), when there is one.
    #[prop(optional, into)] sub: Signal<Option<String>>,
    #[prop(optional)] explain: Option<fn(&Text) -> &'static str>,
) -> impl IntoView {
    let t = use_text();
    view! {
        <div class="figure">
            <dt>{label}</dt>
            <dd>
                <span class="value" data-testid=testid>{value}</span>
                {move || sub.get().map(|s| view! { <span class="sub">{s}</span> })}
            </dd>
            {explain.map(|e| view! { <p class="explain">{move || e(t())}</p> })}
        </div>
    }
}

/// A label of the current language, as a signal.
pub fn words(pick: fn(&Text) -> &'static str) -> Signal<String> {
    let t = use_text();
    Signal::derive(move || pick(t()).to_owned())
}

/// One figure with its label and a tap-to-explain line (hover shows it too).
#[component]
pub fn Fact(
    #[prop(into)] label: Signal<String>,
    explain: fn(&Text) -> &'static str,
    #[prop(into)] value: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    let t = use_text();
    let lang = super::use_lang();
    let (open, set_open) = signal(false);
    view! {
        <div class="fact">
            <dt>
                {label}
                <button
                    type="button"
                    class="explain-toggle"
                    aria-expanded=move || open.get().to_string()
                    title=move || explain(t())
                    aria-label=move || lang.get().explain_button(&label.get())
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    {EXPLAIN_MARK}
                </button>
            </dt>
            <dd data-testid=testid>{value}</dd>
            <Show when=move || open.get()>
                <p class="explain">{move || explain(t())}</p>
            </Show>
        </div>
    }
}
