//! "I only know the total the app shows" (剩余应还, issue 9): a folded
//! line under a loan's main fields that opens one input for the remaining
//! total; the principal is derived from it (`crate::form` does the work,
//! `crate::i18n` has the words). Drawn by `loans.rs` as part of each loan
//! card's HTML text (issue 13): [`shape`] is its elements, which never
//! change, so the fold, the box's focus and its caret stay; [`values`] are
//! its words, the box's value, its problem and the split, which the card
//! sets in place, each only when it changed (the box's value only when the
//! page's text says something else than the one last set).

use super::markup::Put;
use super::page::Page;
use super::widgets::escape_html as esc;
use crate::form::LoanKey;
use crate::i18n::Lang;
use crate::scenario::Field;
use std::fmt::Write;

/// The part's elements (`id`: its input's element id, escaped).
pub fn shape(out: &mut String, id: &str) {
    let _ = write!(
        out,
        r#"<details class="more remaining-total" data-testid="remaining-total-details"><summary></summary><div class="field"><label for="{id}"></label><input id="{id}" type="text" inputmode="decimal" autocomplete="off" data-testid="remaining-total"><p class="hint" id="{id}-hint"></p><div></div><div><p class="equivalents" data-testid="remaining-total-split"></p></div></div></details>"#
    );
}

/// The part's words and what the page says of the loan's total now (tracked),
/// each at the element a selector finds in the card.
pub fn values(out: &mut Vec<(&'static str, Put, String)>, page: Page, loan: LoanKey, lang: Lang, id: &str) {
    let (text, problem, split) = page.with(|f| (f.total_text(loan), f.total_problem(loan), f.total_split(loan)));
    let mut error = String::new();
    if let Some(rule) = problem {
        let _ = write!(
            error,
            r#"<p class="field-error" id="{id}-error" role="alert" data-testid="remaining-total-error">{}</p>"#,
            esc(&lang.problem(Field::Principal, rule))
        );
    }
    let bad = problem.is_some();
    out.extend([
        (".remaining-total > summary", Put::Text, lang.total_summary().to_owned()),
        (".remaining-total label", Put::Text, lang.total_label().to_owned()),
        (".remaining-total .hint", Put::Text, lang.total_hint().to_owned()),
        (".remaining-total .field", Put::Attr("class"), if bad { "field invalid" } else { "field" }.to_owned()),
        (r#"[data-testid="remaining-total"]"#, Put::Attr("aria-invalid"), bad.to_string()),
        (r#"[data-testid="remaining-total"]"#, Put::Attr("aria-describedby"), if bad { format!("{id}-hint {id}-error") } else { format!("{id}-hint") }),
        (r#"[data-testid="remaining-total"]"#, Put::Value, text),
        (".remaining-total .field > div", Put::Html, error),
        (r#"[data-testid="remaining-total-split"]"#, Put::Text, split.map(|s| lang.total_split(s)).unwrap_or_default()),
    ]);
}
