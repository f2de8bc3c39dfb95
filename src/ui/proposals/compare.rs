//! Two proposals side by side: the key figures in a table and both
//! balance lines on one chart.

use super::super::chart::BalanceChart;
use super::super::page::use_page;
use super::super::use_lang;
use crate::engine::proposal::Figures;
use crate::engine::Proposal;
use crate::i18n::{money, percent, Lang};
use crate::present::{Compared, PlanPayment};
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn Comparison(compared: RwSignal<Compared>) -> impl IntoView {
    let page = use_page();
    let chosen = Memo::new(move |_| {
        compared.with(|c| page.evaluation.with(|e| c.chosen(&e.proposals).into_iter().cloned().collect::<Vec<_>>()))
    });
    view! {
        <div class="comparison" data-testid="comparison">
            <h3>{say(|l| l.text().compare_heading)}</h3>
            {move || {
                if chosen.with(Vec::len) < 2 {
                    return view! { <p class="explain">{say(|l| l.text().compare_hint)}</p> }.into_any();
                }
                super::super::lazy::handed((chosen, compared))
            }}
        </div>
    }
}

/// The side-by-side chunk, fetched when two plans are first ticked: handed
/// to the comparison by the main wasm (`ui::App`), since the proposals
/// section is chunk code (`ui::lazy::handed`).
pub fn side_by_side((chosen, compared): (Memo<Vec<Proposal>>, RwSignal<Compared>)) -> AnyView {
    super::super::lazy::lazy(load_compare, move || compare_body(chosen, compared)).into_any()
}

/// The two plans side by side: a chunk of its own, fetched when two are
/// first ticked (`ui::lazy`). Built again when they or their figures
/// change (the caller tracks `chosen`).
#[leptos::wasm_split::wasm_split(compare, wasm_split_path = ::leptos::wasm_split, preload(load_compare), fallible)]
fn compare_body(chosen: Memo<Vec<Proposal>>, compared: RwSignal<Compared>) -> super::super::lazy::Chunk {
    let proposals = chosen.get_untracked();
    Ok(view! { <SideBySide proposals=proposals on_clear=move || compared.set(Compared::default()) /> }.into_any())
}

/// One row of the table: a label and each plan's figure.
type CompareRow = (fn(Lang) -> &'static str, fn(Lang, &Figures) -> String);

const ROWS: [CompareRow; 9] = [
    (|l| l.text().monthly_payment, |l, f| l.plan_payment(PlanPayment::of(f))),
    (|l| l.text().months_label, |_, f| f.months.to_string()),
    (|l| l.text().total_paid, |_, f| money(f.total_paid)),
    (|l| l.text().total_interest_fees, |_, f| money(f.total_interest)),
    (|l| l.text().apr_nominal, |l, f| l.maybe_percent(f.apr_nominal_percent)),
    // The card's neutral label: the figure says 多付 or 少付 itself (review
    // w14 S12: "比原合同省 | 多付 ¥75,707.12").
    (|l| l.page().vs_contract, |l, f| l.vs_contract(f.saving_vs_contract)),
    (|l| l.text().principal_recovered, |_, f| percent(f.principal_recovered_percent)),
    (|l| l.text().lender_pv, |_, f| money(f.lender_pv)),
    (|l| l.text().fits_budget, |l, f| l.yes_no(f.fits_budget).to_owned()),
];

#[component]
fn SideBySide(proposals: Vec<Proposal>, on_clear: impl Fn() + 'static) -> impl IntoView {
    let lang = use_lang();
    let figures: Vec<Figures> = proposals.iter().filter_map(|p| p.figures.clone()).collect();
    let series: Vec<_> = figures.iter().map(|f| f.schedule.clone()).collect();
    let titles = {
        let ps = proposals.clone();
        Memo::new(move |_| ps.iter().map(|p| lang.get().proposal_title(p)).collect::<Vec<_>>())
    };
    let rows = ROWS.map(|(label, show)| {
        let cells = figures.clone();
        view! {
            <tr>
                <th scope="row">{move || label(lang.get())}</th>
                {move || cells.iter().zip(titles.get()).map(|(f, name)| view! { <td data-label=name>{show(lang.get(), f)}</td> }).collect_view()}
            </tr>
        }
    });
    view! {
        <div>
            <table class="stack" data-testid="comparison-table">
                <thead>
                    <tr>
                        <td></td>
                        {move || titles.get().into_iter().enumerate().map(|(i, n)| view! { <th scope="col" class=format!("series-{i}")>{n}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows.into_iter().collect_view()}</tbody>
            </table>
        </div>
        <BalanceChart
            series=Signal::derive(move || series.clone())
            label=Signal::derive(move || lang.get().compare_chart_label(&titles.get()))
            names=Signal::derive(move || titles.get())
        />
        <button type="button" class="secondary" data-testid="clear-compare" on:click=move |_| on_clear()>
            {say(|l| l.text().clear_compare)}
        </button>
    }
}
