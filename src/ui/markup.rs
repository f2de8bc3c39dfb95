//! Read-only parts of the page as HTML text, set with `inner_html` (issue
//! 13): where you stand, the allocation across lenders. Why text, not
//! `view!`: every reactive element of a `view!` is its own monomorphised
//! render function, and these parts are redrawn whole anyway. Every text
//! from the document or the evaluation goes through [`esc`] (the one
//! escape function, `widgets::escape_html`); glossary links are opened by
//! one delegated handler ([`super::glossary::follow_term`]).

use super::glossary::Term;
use super::widgets::escape_html as esc;
use leptos::html::ElementType;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// A figure's name: a link to its glossary entry (not a tab stop, as
/// `glossary::TermLink`), or plain text.
pub fn name(out: &mut String, label: &str, term: Option<Term>) {
    match term {
        Some(term) => {
            let _ = write!(out, r##"<a class="term" href="#{}" tabindex="-1">{}</a>"##, term.anchor(), esc(label));
        }
        None => out.push_str(&esc(label)),
    }
}

/// One small figure with its name, as `facts::Fact` draws it.
pub fn fact(out: &mut String, label: &str, term: Option<Term>, testid: &str, value: &str) {
    out.push_str(r#"<div class="fact"><dt>"#);
    name(out, label, term);
    let _ = write!(out, r#"</dt><dd data-testid="{testid}">{}</dd></div>"#, esc(value));
}

/// `<tag class="…">text</tag>`, the text escaped (no class when empty).
pub fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    let _ = match class {
        "" => write!(out, "<{tag}>{}</{tag}>", esc(text)),
        _ => write!(out, r#"<{tag} class="{class}">{}</{tag}>"#, esc(text)),
    };
}

/// A table's header row, one column heading per label.
pub fn header_row(out: &mut String, labels: &[&str]) {
    out.push_str("<thead><tr>");
    for label in labels {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(label));
    }
    out.push_str("</tr></thead>");
}

/// One headline figure with its name (and a second form of its value, the
/// 万 form of an amount, when there is one), as `facts::Figure` draws it.
pub fn figure(out: &mut String, label: &str, term: Option<Term>, testid: &str, value: &str, sub: Option<&str>) {
    out.push_str(r#"<div class="figure"><dt>"#);
    name(out, label, term);
    let _ = write!(out, r#"</dt><dd><span class="value" data-testid="{testid}">{}</span>"#, esc(value));
    if let Some(sub) = sub {
        let _ = write!(out, r#"<span class="sub">{}</span>"#, esc(sub));
    }
    out.push_str("</dd></div>");
}

/// Draws `html`'s text into the element `root` once it is in the page, and
/// again only when the text changes. Every part drawn this way shares one
/// effect (its closure is not generic: the element and the text come boxed),
/// where each `inner_html=move || …` or `Memo` was code of its own (issue 13).
pub fn draw<E>(root: NodeRef<E>, html: impl Fn(&mut String) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
{
    draw_then(root, html, |_| ());
}

/// [`draw`], and `after` each time the text was drawn (to put the focus
/// back where a redrawn button was).
pub fn draw_then<E>(root: NodeRef<E>, html: impl Fn(&mut String) + 'static, after: impl Fn(&web_sys::Element) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
{
    draw_at(Box::new(move || root.get().map(Into::into)), Box::new(html), Box::new(after));
}

type Drawn = Option<(web_sys::Element, String)>;

fn draw_at(el: Box<dyn Fn() -> Option<web_sys::Element>>, html: Box<dyn Fn(&mut String)>, after: Box<dyn Fn(&web_sys::Element)>) {
    // What was drawn, and where (a part drawn again in a new element, a
    // fold shown again, draws its text there even when it is the same).
    Effect::new(move |drawn: Option<Drawn>| {
        let mut now = String::new();
        html(&mut now);
        let el = el()?;
        let same = drawn.flatten().is_some_and(|(was, text)| was == el && text == now);
        if !same {
            el.set_inner_html(&now);
            after(&el);
        }
        Some((el, now))
    });
}

/// The first element in `el` with this test id (and, when given, this
/// `data-key`).
pub fn find(el: &web_sys::Element, testid: &str, key: Option<&str>) -> Option<web_sys::HtmlElement> {
    let mut selector = format!(r#"[data-testid="{testid}"]"#);
    if let Some(key) = key {
        if key.contains(['"', '\\']) {
            return None;
        }
        let _ = write!(selector, r#"[data-key="{key}"]"#);
    }
    el.query_selector(&selector).ok()??.dyn_into().ok()
}

/// The test id of the button (or other element with one) an event
/// happened in: the parts drawn as HTML text read their clicks by it.
pub fn clicked(ev: &web_sys::Event) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-testid]").ok()??.get_attribute("data-testid")
}
