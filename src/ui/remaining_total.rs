//! "I only know the total the app shows" (剩余应还, issue 9): a folded
//! line under a loan's main fields that opens one input for the remaining
//! total; the principal is derived from it (`crate::form` does the work,
//! `crate::i18n` has the words). Mounted by `loans.rs` in each loan card.

use super::page::use_page;
use super::use_lang;
use crate::form::LoanKey;
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn RemainingTotal(loan: LoanKey) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let loan_id = page.peek(|f| f.loan_id(loan).map(str::to_owned)).unwrap_or_default();
    let id = format!("{loan_id}-remaining-total");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let text = Memo::new(move |_| page.with(|f| f.total_text(loan)));
    let problem = Memo::new(move |_| page.with(|f| f.total_problem(loan)));
    let split = Memo::new(move |_| page.with(|f| f.total_split(loan)));
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if problem.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    view! {
        <details class="more remaining-total" data-testid="remaining-total-details">
            <summary>{move || lang.get().total_summary()}</summary>
            <div class="field" class:invalid=move || problem.with(Option::is_some)>
                <label for=id.clone()>{move || lang.get().total_label()}</label>
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
                <p class="hint" id=hint_id>{move || lang.get().total_hint()}</p>
                {move || problem.get().map(|rule| view! {
                    <p class="field-error" id=error_id.clone() role="alert" data-testid="remaining-total-error">
                        {move || lang.get().problem(Field::Principal, rule)}
                    </p>
                })}
                <p class="equivalents" data-testid="remaining-total-split">
                    {move || split.get().map(|s| lang.get().total_split(s))}
                </p>
            </div>
        </details>
    }
}
