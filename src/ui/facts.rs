//! Labels as signals, for components that take their words as a prop
//! (`widgets::Button`). Figures and their names are drawn as HTML text
//! (`ui::markup::fact`, `ui::markup::figure`), each name a glossary link.

use super::use_text;
use crate::i18n::Text;
use leptos::prelude::*;

/// A label of the current language, as a signal.
pub fn words(pick: fn(&Text) -> &'static str) -> Signal<String> {
    let t = use_text();
    Signal::derive(move || pick(t()).to_owned())
}
