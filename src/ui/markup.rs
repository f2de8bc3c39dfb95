//! Read-only parts of the page as HTML text, set with `inner_html` (issue
//! 13): where you stand, the allocation across lenders. Why text, not
//! `view!`: every reactive element of a `view!` is its own monomorphised
//! render function, and these parts are redrawn whole anyway. Every text
//! from the document or the evaluation goes through [`esc`] (the one
//! escape function, `widgets::escape_html`); glossary links are opened by
//! one delegated handler ([`super::glossary::follow_term`]).

use super::glossary::Term;
use super::widgets::escape_html as esc;
use std::fmt::Write;

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
