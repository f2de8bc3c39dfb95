//! One proposal: its title and three figures — the monthly payment (or its
//! range), the months, more or less than the contract in plain words —
//! with the rest behind "details" and the lender's figures in their own
//! fold; or, when it cannot work, one line saying why.

use super::super::facts::{page_words, words, Fact};
use super::super::glossary::Term;
use super::super::schedule::ScheduleTable;
use super::super::{use_lang, use_text};
use crate::engine::proposal::Figures;
use crate::engine::{HolidayMaturity, Infeasible, Proposal};
use crate::i18n::{money, percent, DOT, SPACE};
use crate::present::{Code, PlanPayment};
use leptos::prelude::*;

#[component]
pub fn ProposalCard(
    proposal: Proposal,
    #[prop(into)] compared: Signal<bool>,
    on_compare: Callback<()>,
    /// Under a loan's heading (several loans): the title is one level lower.
    nested: bool,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let p = proposal;
    let kind = p.kind;
    let title = {
        let p = p.clone();
        Signal::derive(move || lang.get().proposal_title(&p))
    };
    // The schedule's name (its CSV file, its region's label) names the loan too.
    let page = super::super::page::use_page();
    let loan_id = p.loan_id.clone();
    let loan = Memo::new(move |_| page.evaluation.with(|e| crate::present::LoanTitle::of(e, &loan_id)));
    let stem = Signal::derive(move || match loan.get() {
        Some(l) => format!("{}-{}", lang.get().loan_title(l), title.get()),
        None => title.get(),
    });
    let maturity = p.params.holiday_maturity;
    let waived = p.params.penalty_waived;
    let body = match (p.figures.clone(), p.infeasible) {
        (Some(f), _) => view! { <PlanFigures figures=f title=stem maturity=maturity waived=waived kind=kind /> }.into_any(),
        (None, reason) => view! { <WhyNot reason=reason /> }.into_any(),
    };
    let can_compare = p.figures.is_some();
    view! {
        <li class="proposal" class:cannot=!can_compare data-testid="proposal" data-kind=kind.code() data-rank=p.rank.to_string()>
            <div class="proposal-head">
                {if nested { view! { <h4>{title}</h4> }.into_any() } else { view! { <h3>{title}</h3> }.into_any() }}
                {can_compare.then(|| view! {
                    <label class="compare-toggle">
                        <input type="checkbox" data-testid="compare" prop:checked=move || compared.get() on:change=move |_| on_compare.run(()) />
                        {move || t().compare}
                    </label>
                })}
            </div>
            {body}
            <super::super::kit::UseAsAsk proposal=p.clone() />
        </li>
    }
}

/// Why a proposal cannot work, in one line.
#[component]
fn WhyNot(reason: Option<Infeasible>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    view! {
        <p class="why-not" data-testid="infeasible">
            <strong>{move || t().why_not}</strong>
            {DOT}
            {move || reason.as_ref().map(|r| lang.get().infeasible(r)).unwrap_or_default()}
        </p>
    }
}

/// A workable plan: whether it fits, three figures, and the rest folded.
#[component]
fn PlanFigures(
    figures: Figures,
    title: Signal<String>,
    maturity: Option<HolidayMaturity>,
    waived: rust_decimal::Decimal,
    kind: crate::engine::ProposalKind,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let f = figures;
    let fits = f.fits_budget;
    let rows = f.schedule.clone();
    let payment = PlanPayment::of(&f);
    let saving = f.saving_vs_contract;
    let apr = f.apr_nominal_percent;
    let within = move || lang.get().page().within_12_months;
    view! {
        <p class=if fits { "badge fits" } else { "badge no-fit" } data-testid="fits" data-fits=fits.to_string()>
            {move || if fits { t().fits_budget } else { t().over_budget }}
            {DOT}
            {move || t().monthly_margin}
            {SPACE}
            {money(f.margin)}
        </p>
        <dl class="facts three">
            <Fact label=words(|t| t.monthly_payment) term=Term::Payment value=Signal::derive(move || lang.get().plan_payment(payment)) testid="p-payment" />
            <Fact label=words(|t| t.months_label) term=Term::Months value=f.months.to_string() testid="p-months" />
            <Fact label=page_words(|p| p.vs_contract) term=Term::VsContract value=Signal::derive(move || lang.get().vs_contract(saving)) testid="p-saving-contract" />
        </dl>
        <details class="more card-details" data-testid="proposal-details">
            <summary>{move || lang.get().page().details}</summary>
            <p class="explain">{move || lang.get().proposal_explain(kind)}</p>
            <dl class="facts">
                <Fact label=words(|t| t.total_paid) term=Term::TotalPaid value=money(f.total_paid) testid="p-total-paid" />
                <Fact label=words(|t| t.total_interest_fees) term=Term::TotalInterest value=money(f.total_interest) testid="p-total-interest" />
                <Fact label=words(|t| t.apr_nominal) term=Term::Apr value=Signal::derive(move || apr.map(percent).unwrap_or_else(|| lang.get().page().cannot_compute.to_owned())) testid="p-apr" />
                <Fact
                    label=Signal::derive(move || format!("{}{}", t().saving_vs_nothing, within()))
                    term=Term::SavingNothing
                    value=money(f.saving_vs_nothing)
                    testid="p-saving-nothing"
                />
                {(!waived.is_zero()).then(|| view! { <Fact label=page_words(|p| p.penalty_waived) value=money(waived) testid="p-penalty-waived" /> })}
                {maturity.map(|m| view! {
                    <Fact
                        label=words(|t| t.holiday_label)
                        value=Signal::derive(move || match m {
                            HolidayMaturity::Kept => lang.get().page().maturity_kept.to_owned(),
                            HolidayMaturity::Extended => lang.get().page().maturity_extended.to_owned(),
                        })
                        testid="p-holiday-maturity"
                    />
                })}
            </dl>
            <details class="more lender">
                <summary>{move || lang.get().page().for_lender}</summary>
                <dl class="facts">
                    <Fact label=words(|t| t.principal_recovered) term=Term::Recovered value=percent(f.principal_recovered_percent) testid="p-recovered" />
                    <Fact label=words(|t| t.lender_pv) term=Term::LenderPv value=lang.get_untracked().amount_and_share(f.lender_pv, Some(f.lender_pv_percent)) testid="p-pv" />
                    {f.discount.map(|d| view! {
                        <Fact label=words(|t| t.discount) term=Term::Discount value=lang.get_untracked().amount_and_share(d, f.discount_percent) testid="p-discount" />
                    })}
                </dl>
                <p class="explain">{move || lang.get().page().pv_explained}</p>
            </details>
            <ScheduleTable rows=Signal::derive(move || rows.clone()) file_stem=title />
        </details>
    }
}
