//! "Where you stand": per loan, one line — owed now and what 30 more days
//! add — and behind its fold what doing nothing costs, the typical
//! consequences timeline and the rate detective.

use super::facts::{words, Fact};
use super::glossary::Term;
use super::widgets::{Card, HeaderRow};
use super::{loan_at, use_lang, use_text, EachLoan};
use crate::engine::{OverdueCost, RateCheck};
use crate::i18n::{money, percent, DOT, SPACE};
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn StandSection() -> impl IntoView {
    view! {
        <Card id="stand" heading_id="stand-h" heading=|t| t.stand_heading testid="stand">
            <EachLoan each=|index| view! { <LoanStand index=index /> }.into_any() />
        </Card>
    }
}

#[component]
fn LoanStand(index: usize) -> impl IntoView {
    let lang = use_lang();
    let t = use_text();
    let (loan, title) = loan_at(index);
    move || {
        let l = loan.get()?;
        let cost = l.overdue_cost.clone()?;
        let adds = cost.horizons.iter().find(|h| h.days == 30).map_or(rust_decimal::Decimal::ZERO, |h| h.increase);
        let owed = cost.owed_now;
        let overdue = cost.days_overdue;
        Some(view! {
            <details class="stand more" data-testid="loan-stand" data-loan=l.id.clone()>
                <summary>
                    <span>
                        {title.get().map(|tt| view! { <strong>{lang.get().loan_title(tt)}</strong> {DOT} })}
                        {move || lang.get().stand_line(owed, adds)}
                        {(overdue > 0).then(|| view! { {DOT} {move || crate::i18n::fill(lang.get().page().overdue_days_line, &[&overdue.to_string()])} })}
                    </span>
                </summary>
                <p class="explain">{move || t().explain_owed_after}</p>
                <StandFacts cost=cost.clone() />
                <Horizons cost=cost.clone() />
                <Timeline cost=cost />
                {l.rate_check.map(|rc| view! { <RateDetective check=rc /> })}
            </details>
        })
    }
}

#[component]
fn StandFacts(cost: OverdueCost) -> impl IntoView {
    let lang = use_lang();
    let days_label = Signal::derive(move || lang.get().label(Field::OverdueDays, 0));
    let penalty = Signal::derive(move || lang.get().penalty_rate(cost.penalty_daily_percent, cost.penalty_annual_percent));
    view! {
        <dl class="facts">
            <Fact label=words(|t| t.owed_now) term=Term::OwedNow value=money(cost.owed_now) testid="owed-now" />
            <Fact label=days_label term=Term::DaysOverdue value=cost.days_overdue.to_string() testid="days-overdue" />
            <Fact label=words(|t| t.penalty_rate) term=Term::PenaltyRate value=penalty testid="penalty-rate" />
            <Fact label=words(|t| t.penalty_so_far) term=Term::PenaltySoFar value=money(cost.penalty_so_far_estimate) testid="penalty-so-far" />
        </dl>
    }
}

/// What would be owed after 30, 90, 180 and 360 more days, and what
/// waiting adds from today (issue 7: the penalty so far is not in it).
#[component]
fn Horizons(cost: OverdueCost) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let p = move || lang.get().page();
    let court = cost.court_guideline;
    view! {
        <table class="stack" data-testid="horizons">
            <caption class="visually-hidden">{move || t().explain_owed_after}</caption>
            <HeaderRow columns=vec![|l| l.text().horizon_days, |l| l.text().owed_after, |l| l.page().increase_from_today, |l| l.page().penalty_since_today] />
            <tbody>
                {cost
                    .horizons
                    .iter()
                    .map(|h| {
                        view! {
                            <tr data-days=h.days.to_string()>
                                <th scope="row">{h.days}</th>
                                <td data-label=move || t().owed_after>{money(h.owed)}</td>
                                <td data-label=move || p().increase_from_today>{lang.get_untracked().increase(h.increase)}</td>
                                <td data-label=move || p().penalty_since_today>{money(h.penalty_since_today)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {cost.above_court_guideline.then(|| view! {
            <p class="note" data-testid="court-note">
                {court.penalty_rate_above.then(|| view! { {move || p().court_penalty_above} {SPACE} })}
                {court.true_apr_above.then(|| view! { {move || p().court_apr_above} {SPACE} })}
                {move || t().court_note}
            </p>
        })}
    }
}

/// The typical consequences, marked where already reached.
#[component]
fn Timeline(cost: OverdueCost) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    view! {
        <h3>{move || t().timeline_heading}</h3>
        <ol class="timeline" data-testid="timeline">
            {cost
                .timeline
                .into_iter()
                .map(|e| {
                    view! {
                        <li class:reached=e.reached>
                            <span class="when">{move || lang.get().timeline_when(&e)}</span>
                            <span>{move || lang.get().timeline_event(e.key)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// The app's instalment against the contract's for the loan's method, and
/// the rates they imply (issue 7).
#[component]
fn RateDetective(check: RateCheck) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let p = move || lang.get().page();
    let warn = check.hidden_fees_likely;
    view! {
        <div class="rate-check" data-testid="rate-check" data-warning=warn.to_string()>
            <h3>{move || t().rate_check_heading}</h3>
            <p>
                {move || p().app_shows}
                {SPACE}
                {money(check.app_payment)}
                {DOT}
                {move || p().contract_expects}
                {SPACE}
                {money(check.expected_payment)}
            </p>
            <p>
                {move || p().implied_rate}
                {SPACE}
                <strong data-testid="rate-check-implied">{percent(check.implied_rate_percent)}</strong>
                {DOT}
                {move || p().expected_rate}
                {SPACE}
                {percent(check.expected_rate_percent)}
            </p>
            <p>
                {move || t().quoted_rate}
                {SPACE}
                {percent(check.quoted_annual_percent)}
                {DOT}
                {move || t().true_rate}
                {SPACE}
                <strong data-testid="rate-check-apr">{percent(check.apr_nominal_percent)}</strong>
                {DOT}
                {move || t().extra_total}
                {SPACE}
                {money(check.extra_total)}
            </p>
            <p class=if warn { "warning" } else { "ok" }>{move || if warn { t().rate_check_warning } else { t().rate_check_ok }}</p>
        </div>
    }
}
