//! Several lenders: fair share, avalanche and snowball splits of the
//! surplus. Read-only, so drawn as HTML text (`ui::markup`), redrawn only
//! when its text changes.

use super::super::markup::element;
use super::super::page::use_page;
use super::super::use_lang;
use super::super::widgets::escape_html as esc;
use crate::engine::allocation::{Allocation, Strategy};
use crate::i18n::{money, Lang, SPACE};
use crate::present::{Code, LoanTitle};
use crate::scenario::Evaluation;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn AllocationView() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let html = Memo::new(move |_| page.evaluation.with(|e| allocation_html(lang.get(), e)).unwrap_or_default());
    view! { <div class="allocation-wrap" inner_html=html></div> }
}

/// The splits, when there are several lenders.
fn allocation_html(lang: Lang, e: &Evaluation) -> Option<String> {
    let plan = e.allocation.as_ref()?;
    let t = lang.text();
    let (fair, others): (Vec<&Allocation>, Vec<&Allocation>) = plan.strategies.iter().partition(|a| a.strategy == Strategy::ProRata);
    // A split that only repeats the contract minimums adds nothing.
    let others: Vec<&Allocation> = others.into_iter().filter(|a| !a.feasible || a.shares.iter().any(|s| !s.extra.is_zero())).collect();
    let mut out = String::from(r#"<div class="allocation" data-testid="allocation">"#);
    element(&mut out, "h3", "", t.allocation_heading);
    element(&mut out, "p", "explain", t.allocation_intro);
    let _ = write!(out, "<p>{}{SPACE}<strong>{}</strong></p>", esc(t.disposable), money(plan.surplus));
    if let Some(tok) = &plan.token {
        out.push_str(r#"<div class="note" data-testid="token-plan">"#);
        element(&mut out, "h4", "", t.token_heading);
        element(&mut out, "p", "", &lang.token_line(tok.per_lender, tok.review_months));
        out.push_str("</div>");
    }
    for a in fair {
        split(&mut out, lang, e, a);
    }
    out.push_str(r#"<ul class="shares" data-testid="loan-shares">"#);
    for s in &e.loan_budgets {
        let _ = write!(out, r#"<li data-loan="{}">{}</li>"#, esc(&s.loan_id), esc(&lang.loan_share(s.share, s.of, s.percent)));
    }
    out.push_str("</ul>");
    if !others.is_empty() {
        let p = lang.page();
        out.push_str(r#"<details class="more">"#);
        element(&mut out, "summary", "", p.more_strategies);
        element(&mut out, "p", "explain", p.share_minimum);
        for a in others {
            split(&mut out, lang, e, a);
        }
        out.push_str("</details>");
    }
    out.push_str("</div>");
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
