//! The picked plan over time: what each lender is owed, stacked (SVG, one
//! colour per lender, axes with amounts and months), a legend with the
//! month each is paid off, and the same figures as a table (drawn when
//! opened: up to 600 rows).

use super::super::page::use_page;
use super::super::use_lang;
use super::{is_open, markup, use_words};
use crate::engine::payoff::PayoffPlan;
use crate::i18n::Lang;
use crate::present::road::RoadMonths;
use crate::present::LoanTitle;
use crate::scenario::Evaluation;
use leptos::prelude::*;

/// The title of each debt of the picked plan, and the plan.
fn picked(lang: Lang, e: &Evaluation) -> Option<(PayoffPlan, Vec<String>)> {
    let plan = e.road.picked()?.clone();
    let titles = plan.loans.iter().map(|l| LoanTitle::of(e, &l.id).map_or_else(|| l.id.clone(), |t| lang.loan_title(t))).collect();
    Some((plan, titles))
}

#[component]
pub fn RoadChart() -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    let plan = Memo::new(move |_| page.evaluation.with(|e| picked(lang.get(), e)));
    let months = Memo::new(move |_| page.last_valid.with(RoadMonths::of));
    let chart = move || plan.with(|p| p.as_ref().map(|(p, titles)| markup::chart(lang.get(), p, months.get(), titles))).unwrap_or_default();
    let open = RwSignal::new(false);
    let table = move || {
        let rows = open.get().then(|| plan.with(|p| p.as_ref().map(|(p, titles)| markup::chart_table(w(), p, months.get(), titles))));
        rows.flatten().unwrap_or_default()
    };
    view! {
        <div class="road-chart" data-testid="road-chart" inner_html=chart></div>
        <details class="schedule" data-testid="road-table" on:toggle=move |ev| open.set(is_open(&ev))>
            <summary>{move || w().table_toggle}</summary>
            <div class="table-wrap">
                <table data-testid="road-table-rows" inner_html=table></table>
            </div>
        </details>
    }
}
