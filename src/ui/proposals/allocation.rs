//! Several lenders: fair share, avalanche and snowball splits of the
//! surplus. Read-only, so it is HTML text (`ui::markup::Part`), redrawn
//! only where it changes; the section and its fold stay.

use super::super::markup::{self, element, Part, Put};
use super::super::page::use_page;
use super::super::use_lang;
use super::super::widgets::escape_html as esc;
use crate::engine::allocation::{Allocation, Strategy};
use crate::engine::AllocationPlan;
use crate::i18n::{money, percent, Lang, SPACE};
use crate::present::{split_adds_something, Code, LoanTitle};
use crate::scenario::evaluate::allocation_on;
use crate::scenario::Evaluation;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn AllocationView() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let root = NodeRef::<Div>::new();
    // Computed here, not in the page's evaluation: the allocation's code
    // comes with this section's chunk, after the page answers (issue 13).
    markup::part(root, move |out| page.analysed(|_, e, debts| allocation_html(out, lang.get(), e, allocation_on(debts, e).as_ref())));
    view! { <div node_ref=root></div> }
}

/// While there are several lenders: the section and, when the other
/// strategies add something, their fold. Its words and figures are set in
/// place: a keystroke or the language redraws their text, not the folds
/// (which keep their state): the notes on how it is split (a fold: the
/// page at 375 px, w15) and the other splits.
fn allocation_html(out: &mut Part, lang: Lang, e: &Evaluation, plan: Option<&AllocationPlan>) {
    let Some(plan) = plan else { return };
    let (t, b) = (lang.text(), lang.below());
    let others = others_html(lang, e, plan);
    out.shape.push_str(r#"<div class="allocation" data-testid="allocation"><div class="allocation-head"></div><details class="more note-fold" data-testid="allocation-how"><summary></summary><p class="explain"></p>"#);
    let mut head = String::new();
    element(&mut head, "h3", "", b.allocation_heading);
    let _ = write!(head, "<p>{}{SPACE}<strong>{}</strong></p>", esc(t.disposable), money(plan.surplus));
    out.set(".allocation-head", Put::Html, head);
    out.set(".allocation > .note-fold > summary", Put::Text, b.allocation_how);
    out.set(".allocation > .note-fold > p", Put::Text, b.allocation_intro);
    if e.budget.forecast_surplus.as_ref().is_some_and(|m| !m.is_empty()) {
        out.shape.push_str(r#"<p class="explain" data-testid="allocation-flat"></p>"#);
        out.at_testid("allocation-flat", Put::Text, b.allocation_flat);
    }
    out.shape.push_str(r#"</details><div class="allocation-main"></div>"#);
    out.set(".allocation-main", Put::Html, main_html(lang, e, plan));
    if !others.is_empty() {
        out.shape.push_str(r#"<details class="more others"><summary></summary><p class="explain"></p><div></div></details>"#);
        out.set(".allocation > .others > summary", Put::Text, b.more_strategies);
        out.set(".allocation > .others > p", Put::Text, b.share_minimum);
        out.set(".allocation > .others > div", Put::Html, others);
    }
    out.shape.push_str("</div>");
}

/// The token plan and the fair split, each loan's row with its share.
fn main_html(lang: Lang, e: &Evaluation, plan: &AllocationPlan) -> String {
    let b = lang.below();
    let mut out = String::new();
    if let Some(tok) = &plan.token {
        out.push_str(r#"<div class="note" data-testid="token-plan">"#);
        element(&mut out, "h4", "", b.token_heading);
        element(&mut out, "p", "", &lang.token_line(tok.per_lender, tok.review_months));
        out.push_str("</div>");
    }
    for a in plan.strategies.iter().filter(|a| a.strategy == Strategy::ProRata) {
        split(&mut out, lang, e, a);
    }
    out
}

/// The other strategies' splits; empty when each only repeats the
/// contract minimums (it adds nothing).
fn others_html(lang: Lang, e: &Evaluation, plan: &AllocationPlan) -> String {
    let mut out = String::new();
    let others = plan.strategies.iter().filter(|a| a.strategy != Strategy::ProRata);
    for a in others.filter(|a| split_adds_something(a)) {
        split(&mut out, lang, e, a);
    }
    out
}

/// One strategy's split: each lender's monthly payment.
fn split(out: &mut String, lang: Lang, e: &Evaluation, a: &Allocation) {
    let shortfall = (!a.feasible).then_some(a.shortfall);
    let _ = write!(out, r#"<div class="table-wrap short"><table data-testid="allocation-table" data-strategy="{}">"#, a.strategy.code());
    element(out, "caption", "", &lang.allocation_caption(a.strategy, shortfall));
    out.push_str("<tbody>");
    for s in &a.shares {
        let title = LoanTitle::of(e, &s.id).map_or_else(|| s.id.clone(), |tt| lang.loan_title(tt));
        let _ = write!(out, r#"<tr data-loan="{}"><th scope="row">{}"#, esc(&s.id), esc(&title));
        // The fair split's rows carry each loan's share of the money (they
        // were a list under the table saying the same amounts again).
        let share = e.loan_budgets.iter().find(|b| b.loan_id == s.id && a.strategy == Strategy::ProRata && b.share == s.payment);
        if let Some(b) = share {
            let _ = write!(out, r#" <span class="share" data-testid="loan-share">{}</span>"#, percent(b.percent));
        }
        let _ = write!(out, r#"</th><td>{}</td></tr>"#, money(s.payment));
    }
    out.push_str("</tbody></table></div>");
}
