//! "I only know the total the app shows" (剩余应还, issue 9): a folded
//! line under a loan's main fields that opens one input for the remaining
//! total; the principal is derived from it (`crate::form` does the work,
//! `crate::i18n` has the words). Mounted by `loans.rs` in each loan card.

use super::page::use_page;
use super::use_lang;
use crate::form::LoanKey;
use crate::scenario::Field;
use super::markup::{draw, part, Put};
use super::widgets::{escape_html as esc, say};
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn RemainingTotal(loan: LoanKey) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let loan_id = page.peek(|f| f.loan_id(loan).map(str::to_owned)).unwrap_or_default();
    let id = format!("{loan_id}-remaining-total");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let text = Memo::new(move |_| page.with(|f| f.total_text(loan)));
    let problem = Memo::new(move |_| page.with(|f| f.total_problem(loan)));
    // The error (an alert, drawn when it appears) and the split: HTML text.
    let (error, split) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    let error_id_at = esc(&error_id);
    draw(error, move |out| {
        if let Some(rule) = problem.get() {
            let _ = write!(
                out,
                r#"<p class="field-error" id="{error_id_at}" role="alert" data-testid="remaining-total-error">{}</p>"#,
                esc(&lang.get().problem(Field::Principal, rule))
            );
        }
    });
    part(split, move |out| {
        out.shape.push_str(r#"<p class="equivalents" data-testid="remaining-total-split"></p>"#);
        out.set("p", Put::Text, page.with(|f| f.total_split(loan)).map(|s| lang.get().total_split(s)).unwrap_or_default());
    });
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if problem.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    view! {
        <details class="more remaining-total" data-testid="remaining-total-details">
            <summary>{say(|l| l.total_summary())}</summary>
            <div class="field" class:invalid=move || problem.with(Option::is_some)>
                <label for=id.clone()>{say(|l| l.total_label())}</label>
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid="remaining-total"
                    aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described_by
                    prop:value=move || text.get()
                    on:input=move |ev| page.type_total(loan, event_target_value(&ev))
                />
                <p class="hint" id=hint_id>{say(|l| l.total_hint())}</p>
                <div node_ref=error></div>
                <div node_ref=split></div>
            </div>
        </details>
    }
}
