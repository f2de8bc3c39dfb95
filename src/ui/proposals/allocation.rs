//! Several lenders: fair share, avalanche and snowball splits of the
//! surplus. Read-only, so its text is HTML (`ui::markup`), redrawn only
//! when it changes; the section and its fold stay.

use super::super::markup::element;
use super::super::page::use_page;
use super::super::use_lang;
use super::super::widgets::escape_html as esc;
use crate::engine::allocation::{Allocation, Strategy};
use crate::i18n::{money, Lang, SPACE};
use crate::present::{split_adds_something, Code, LoanTitle};
use crate::scenario::Evaluation;
use crate::ui::widgets::say;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn AllocationView() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    // The section and its fold stay while there are several lenders: a
    // keystroke redraws their text, not them (the fold keeps its state).
    let shown = Memo::new(move |_| page.evaluation.with(|e| e.allocation.is_some()));
    let main = Memo::new(move |_| page.evaluation.with(|e| main_html(lang.get(), e)).unwrap_or_default());
    let others = Memo::new(move |_| page.evaluation.with(|e| others_html(lang.get(), e)).unwrap_or_default());
    move || {
        shown.get().then(|| {
            view! {
                <div class="allocation" data-testid="allocation">
                    <div inner_html=main></div>
                    <Show when=move || others.with(|o| !o.is_empty())>
                        <details class="more">
                            <summary>{say(|l| l.page().more_strategies)}</summary>
                            <p class="explain">{say(|l| l.page().share_minimum)}</p>
                            <div inner_html=others></div>
                        </details>
                    </Show>
                </div>
            }
        })
    }
}

/// The surplus, the token plan, the fair split and each loan's share.
fn main_html(lang: Lang, e: &Evaluation) -> Option<String> {
    let plan = e.allocation.as_ref()?;
    let t = lang.text();
    let mut out = String::new();
    element(&mut out, "h3", "", t.allocation_heading);
    element(&mut out, "p", "explain", t.allocation_intro);
    let _ = write!(out, "<p>{}{SPACE}<strong>{}</strong></p>", esc(t.disposable), money(plan.surplus));
    if let Some(tok) = &plan.token {
        out.push_str(r#"<div class="note" data-testid="token-plan">"#);
        element(&mut out, "h4", "", t.token_heading);
        element(&mut out, "p", "", &lang.token_line(tok.per_lender, tok.review_months));
        out.push_str("</div>");
    }
    for a in plan.strategies.iter().filter(|a| a.strategy == Strategy::ProRata) {
        split(&mut out, lang, e, a);
    }
    out.push_str(r#"<ul class="shares" data-testid="loan-shares">"#);
    for s in &e.loan_budgets {
        let _ = write!(out, r#"<li data-loan="{}">{}</li>"#, esc(&s.loan_id), esc(&lang.loan_share(s.share, s.of, s.percent)));
    }
    out.push_str("</ul>");
    Some(out)
}

/// The other strategies' splits; empty when each only repeats the
/// contract minimums (it adds nothing).
fn others_html(lang: Lang, e: &Evaluation) -> Option<String> {
    let plan = e.allocation.as_ref()?;
    let mut out = String::new();
    let others = plan.strategies.iter().filter(|a| a.strategy != Strategy::ProRata);
    for a in others.filter(|a| split_adds_something(a)) {
        split(&mut out, lang, e, a);
    }
    Some(out)
}

/// One strategy's split: each lender's monthly payment.
fn split(out: &mut String, lang: Lang, e: &Evaluation, a: &Allocation) {
    let shortfall = (!a.feasible).then_some(a.shortfall);
    let _ = write!(out, r#"<div class="table-wrap short"><table data-testid="allocation-table" data-strategy="{}">"#, a.strategy.code());
    element(out, "caption", "", &lang.allocation_caption(a.strategy, shortfall));
    out.push_str("<tbody>");
    for s in &a.shares {
        let title = LoanTitle::of(e, &s.id).map_or_else(|| s.id.clone(), |tt| lang.loan_title(tt));
        let _ = write!(out, r#"<tr><th scope="row">{}</th><td>{}</td></tr>"#, esc(&title), money(s.payment));
    }
    out.push_str("</tbody></table></div>");
}
