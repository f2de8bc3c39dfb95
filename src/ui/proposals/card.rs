//! One proposal: its title and what it asks, then its figures and
//! schedule, or why it cannot work.

use super::super::facts::{words, Fact};
use super::super::schedule::ScheduleTable;
use super::super::{use_lang, use_text};
use crate::engine::proposal::Figures;
use crate::engine::{Infeasible, Proposal};
use crate::i18n::{money, percent, DOT, SPACE};
use crate::present::{Code, PlanPayment};
use leptos::prelude::*;

#[component]
pub fn ProposalCard(proposal: Proposal, #[prop(into)] compared: Signal<bool>, on_compare: Callback<()>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let p = proposal;
    let kind = p.kind;
    let title = {
        let p = p.clone();
        Signal::derive(move || lang.get().proposal_title(&p))
    };
    let body = match (p.figures.clone(), p.infeasible) {
        (Some(f), _) => view! { <PlanFigures figures=f title=title /> }.into_any(),
        (None, reason) => view! { <WhyNot reason=reason /> }.into_any(),
    };
    let can_compare = p.figures.is_some();
    view! {
        <li class="proposal" data-testid="proposal" data-kind=kind.code() data-rank=p.rank.to_string()>
            <div class="proposal-head">
                <h4>{title}</h4>
                {can_compare.then(|| view! {
                    <label class="compare-toggle">
                        <input type="checkbox" data-testid="compare" prop:checked=move || compared.get() on:change=move |_| on_compare.run(()) />
                        {move || t().compare}
                    </label>
                })}
            </div>
            <p class="explain">{move || lang.get().proposal_explain(kind)}</p>
            {body}
            <super::super::kit::UseAsAsk proposal=p.clone() />
        </li>
    }
}

#[component]
fn WhyNot(reason: Option<Infeasible>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    view! {
        <p class="verdict no-fit" data-testid="infeasible">
            <strong>{move || t().why_not}</strong>
            {DOT}
            {move || reason.as_ref().map(|r| lang.get().infeasible(r)).unwrap_or_default()}
        </p>
    }
}

/// A workable plan: whether it fits, its figures, its schedule.
#[component]
fn PlanFigures(figures: Figures, title: Signal<String>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let f = figures;
    let fits = f.fits_budget;
    let rows = f.schedule.clone();
    view! {
        <p class=if fits { "badge fits" } else { "badge no-fit" } data-testid="fits" data-fits=fits.to_string()>
            {move || if fits { t().fits_budget } else { t().over_budget }}
            {DOT}
            {move || t().monthly_margin}
            {SPACE}
            {money(f.margin)}
        </p>
        <dl class="facts">
            <Fact label=words(|t| t.monthly_payment) explain=|t| t.explain_payment value=lang.get_untracked().plan_payment(PlanPayment::of(&f)) testid="p-payment" />
            <Fact label=words(|t| t.months_label) explain=|t| t.explain_months value=f.months.to_string() testid="p-months" />
            <Fact label=words(|t| t.total_paid) explain=|t| t.explain_total_paid value=money(f.total_paid) testid="p-total-paid" />
            <Fact label=words(|t| t.total_interest_fees) explain=|t| t.explain_total_interest value=money(f.total_interest) testid="p-total-interest" />
            <Fact label=words(|t| t.apr_nominal) explain=|t| t.explain_apr value=lang.get_untracked().maybe_percent(f.apr_nominal_percent) testid="p-apr" />
            <Fact label=words(|t| t.saving_vs_contract) explain=|t| t.explain_saving_contract value=money(f.saving_vs_contract) testid="p-saving-contract" />
            <Fact label=words(|t| t.saving_vs_nothing) explain=|t| t.explain_saving_nothing value=money(f.saving_vs_nothing) testid="p-saving-nothing" />
            <Fact label=words(|t| t.principal_recovered) explain=|t| t.explain_recovered value=percent(f.principal_recovered_percent) testid="p-recovered" />
            <Fact label=words(|t| t.lender_pv) explain=|t| t.explain_pv value=lang.get_untracked().amount_and_share(f.lender_pv, Some(f.lender_pv_percent)) testid="p-pv" />
            {f.discount.map(|d| view! {
                <Fact label=words(|t| t.discount) explain=|t| t.explain_discount value=lang.get_untracked().amount_and_share(d, f.discount_percent) testid="p-discount" />
            })}
        </dl>
        <ScheduleTable rows=Signal::derive(move || rows.clone()) file_stem=title />
    }
}
