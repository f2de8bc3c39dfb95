//! Figures with their words: a headline figure and a small fact, each
//! named by a link to its glossary entry (no "?" button per figure).

use super::glossary::{Term, TermLink};
use super::use_text;
use crate::i18n::Text;
use leptos::prelude::*;

/// A figure's name: a glossary link when the glossary explains it.
fn name(label: Signal<String>, term: Option<Term>) -> AnyView {
    match term {
        Some(term) => view! { <TermLink term=term label=label /> }.into_any(),
        None => label.into_any(),
    }
}

/// One headline figure.
#[component]
pub fn Figure(
    testid: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    /// A second form of the value (the 万 form of an amount), when there is one.
    #[prop(optional, into)] sub: Signal<Option<String>>,
    #[prop(optional)] term: Option<Term>,
) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{name(label, term)}</dt>
            <dd>
                <span class="value" data-testid=testid>{value}</span>
                {move || sub.get().map(|s| view! { <span class="sub">{s}</span> })}
            </dd>
        </div>
    }
}

/// A label of the current language, as a signal.
pub fn words(pick: fn(&Text) -> &'static str) -> Signal<String> {
    let t = use_text();
    Signal::derive(move || pick(t()).to_owned())
}

/// A label of the guided page's words, as a signal.
pub fn page_words(pick: fn(&crate::i18n::PageText) -> &'static str) -> Signal<String> {
    let lang = super::use_lang();
    Signal::derive(move || pick(lang.get().page()).to_owned())
}

/// One small figure with its name.
#[component]
pub fn Fact(
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] term: Option<Term>,
    #[prop(into)] value: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{name(label, term)}</dt>
            <dd data-testid=testid>{value}</dd>
        </div>
    }
}
