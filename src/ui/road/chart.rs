//! Below the budget: what it is when left empty, then the picked plan over
//! time — what each lender is owed, stacked (SVG, one colour per lender,
//! axes with amounts and months), a legend with the month each is paid
//! off, and the same figures as a table (drawn only when opened).

use super::super::page::use_page;
use super::super::use_lang;
use super::{clicked, markup};
use crate::engine::payoff::PayoffPlan;
use crate::i18n::Lang;
use crate::present::road::{DefaultBudget, RoadMonths};
use crate::present::LoanTitle;
use crate::scenario::Evaluation;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// The title of each debt of `plan`.
fn titles(lang: Lang, e: &Evaluation, plan: &PayoffPlan) -> Vec<String> {
    plan.loans.iter().map(|l| LoanTitle::of(e, &l.id).map_or_else(|| l.id.clone(), |t| lang.loan_title(t))).collect()
}

#[component]
pub fn RoadChart() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let table_open = RwSignal::new(false);
    let html = Memo::new(move |_| {
        let (lang, open) = (lang.get(), table_open.get());
        let (months, default) = page.last_valid.with(|s| (RoadMonths::of(s), DefaultBudget::of(s)));
        page.evaluation.with(|e| {
            let plan = e.road.picked();
            let titles = plan.map(|p| titles(lang, e, p)).unwrap_or_default();
            markup::chart_part(lang, default, plan.map(|p| (p, titles.as_slice())), months, open)
        })
    });
    // The table's <details> is drawn from `table_open`, so it stays open while the figures change.
    let toggle = move |ev: MouseEvent| {
        if clicked(&ev, "summary[data-action=table]").is_some() {
            ev.prevent_default();
            table_open.update(|o| *o = !*o);
        }
    };
    view! { <div class="road-chart" data-testid="road-chart" on:click=toggle inner_html=html></div> }
}
