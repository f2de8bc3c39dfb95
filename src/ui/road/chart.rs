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

/// The picked plan and the title of each of its debts.
fn picked(lang: Lang, e: &Evaluation) -> Option<(PayoffPlan, Vec<String>)> {
    let plan = e.road.picked()?.clone();
    let titles = plan.loans.iter().map(|l| LoanTitle::of(e, &l.id).map_or_else(|| l.id.clone(), |t| lang.loan_title(t))).collect();
    Some((plan, titles))
}

#[component]
pub fn RoadChart() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let table_open = RwSignal::new(false);
    let plan = Memo::new(move |_| page.evaluation.with(|e| picked(lang.get(), e)));
    let html = move || {
        let (months, default) = page.last_valid.with(|s| (RoadMonths::of(s), DefaultBudget::of(s)));
        plan.with(|p| markup::chart_part(lang.get(), default, p.as_ref().map(|(p, t)| (p, t.as_slice())), months, table_open.get()))
    };
    // The table's <details> is drawn from `table_open`, so it stays open while the figures change.
    let toggle = move |ev: MouseEvent| {
        if clicked(&ev, "summary[data-action=table]").is_some() {
            ev.prevent_default();
            table_open.update(|o| *o = !*o);
        }
    };
    view! { <div class="road-chart" data-testid="road-chart" on:click=toggle inner_html=html></div> }
}
