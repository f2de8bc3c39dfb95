//! Figures with their words: a small fact, named by a link to its
//! glossary entry (no "?" button per figure). Headline figures are drawn
//! as HTML text (`ui::markup::figure`).

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
