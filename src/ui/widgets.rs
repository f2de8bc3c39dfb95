//! Small building blocks every part of the page uses: a section card with
//! its heading, a button whose label follows the language, a table's
//! header row.

use crate::i18n::{Lang, PageText, Text};
use leptos::prelude::*;

/// A section of the page with its heading (`heading_id` labels it). Its
/// children keep their own type (no `AnyView`: type-erasing them was code
/// of its own for every section, issue 13); the heading is one type for all.
#[component]
pub fn Card<C: IntoView + 'static>(
    heading_id: &'static str,
    heading: fn(&Text) -> &'static str,
    /// The section's anchor (the section list links to it).
    #[prop(optional)] id: Option<&'static str>,
    /// A heading from the guided page's words instead of `heading`.
    #[prop(optional)] page_heading: Option<fn(&PageText) -> &'static str>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] testid: Option<&'static str>,
    /// Announce changes politely to screen readers (live results).
    #[prop(optional)] live: bool,
    children: TypedChildren<C>,
) -> impl IntoView {
    let class = class.map_or_else(|| "card".to_owned(), |c| format!("card {c}"));
    view! {
        <section id=id class=class aria-labelledby=heading_id data-testid=testid aria-live=live.then_some("polite")>
            {card_heading(heading_id, heading, page_heading)}
            {children.into_inner()()}
        </section>
    }
}

fn card_heading(heading_id: &'static str, heading: fn(&Text) -> &'static str, page_heading: Option<fn(&PageText) -> &'static str>) -> impl IntoView {
    let lang = super::use_lang();
    let words = move || match page_heading {
        Some(h) => h(lang.get().page()),
        None => heading(lang.get().text()),
    };
    view! { <h2 id=heading_id>{words}</h2> }
}

/// A table's header row: one column heading per label, each read from the
/// words of the current language.
#[component]
pub fn HeaderRow(columns: Vec<fn(Lang) -> &'static str>) -> impl IntoView {
    let lang = super::use_lang();
    view! {
        <thead>
            <tr>{columns.into_iter().map(|c| view! { <th scope="col">{move || c(lang.get())}</th> }).collect_view()}</tr>
        </thead>
    }
}

/// Text made safe for HTML content and quoted attribute values: the parts
/// drawn as HTML text (sharing, the road) put every document value through it.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A word of the current language, read where it is shown. Every word
/// drawn this way is the same closure type, so the page has one render
/// function for all of them instead of one per string (issue 13).
pub fn say(pick: fn(Lang) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = super::use_lang();
    move || pick(lang.get())
}
