//! The summary at the top of the page (issue 9): what the borrower can pay
//! a month, what waiting costs, the plan across lenders (the two labelled
//! plans side by side), and the way to the letter. Its first line is the
//! page's only live region: a screen reader hears one sentence per change.

use super::page::use_page;
use super::use_lang;
use super::widgets::Card;
use crate::i18n::{money, SPACE};
use crate::present::{can_pay, waiting_cost};
use leptos::prelude::*;

#[component]
pub fn SummarySection() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let pay = Memo::new(move |_| page.evaluation.with(can_pay));
    let waiting = Memo::new(move |_| page.evaluation.with(waiting_cost));
    let fits = Memo::new(move |_| page.evaluation.with(|e| e.budget.figures.map(|b| b.fits)));
    let pay_text = move || pay.get().map(|p| lang.get().plan_payment(p)).unwrap_or_default();
    let p = move || lang.get().page();
    view! {
        <Card id="summary" heading_id="summary-h" heading=|t| t.results_heading page_heading=|p| p.summary_heading class="summary" testid="summary">
            <p class="visually-hidden" aria-live="polite" data-testid="live-summary">{move || lang.get().live_line(&pay_text(), fits.get())}</p>
            <p class="can-pay">
                {move || p().can_pay}
                {SPACE}
                <strong data-testid="can-pay">{pay_text}</strong>
            </p>
            {move || waiting.get().map(|w| view! {
                <p class="waiting">
                    {move || p().waiting_adds}
                    {SPACE}
                    <strong data-testid="waiting-cost">{money(w)}</strong>
                    {move || p().per_30_days}
                </p>
            })}
            <Plans />
            <a class="to-letter" href="#kit" data-testid="to-letter">{move || p().to_letter}</a>
        </Card>
    }
}

/// The two labelled plans across lenders, side by side.
#[component]
fn Plans() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="explain" data-testid="plans-pending">{move || lang.get().page().plan_pending}</p> }
}
