//! "Where you stand": what doing nothing costs, the typical consequences
//! timeline, and the rate detective — per loan.

use super::facts::{words, Fact};
use super::widgets::{Card, HeaderRow};
use super::{loan_at, EachLoan};
use super::{use_lang, use_text};
use crate::engine::{OverdueCost, RateCheck};
use crate::i18n::{money, percent, DOT, SPACE};
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn StandSection() -> impl IntoView {
    view! {
        <Card heading_id="stand-h" heading=|t| t.stand_heading testid="stand">
            <EachLoan each=|index| view! { <LoanStand index=index /> }.into_any() />
        </Card>
    }
}

#[component]
fn LoanStand(index: usize) -> impl IntoView {
    let lang = use_lang();
    let (loan, title) = loan_at(index);
    move || {
        let l = loan.get()?;
        let cost = l.overdue_cost.clone()?;
        Some(view! {
            <div class="stand" data-testid="loan-stand" data-loan=l.id.clone()>
                {title.get().map(|tt| view! { <h3>{lang.get().loan_title(tt)}</h3> })}
                <StandFacts cost=cost.clone() />
                <Horizons cost=cost.clone() />
                <Timeline cost=cost />
                {l.rate_check.map(|rc| view! { <RateDetective check=rc /> })}
            </div>
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
            <Fact label=words(|t| t.owed_now) explain=|t| t.explain_owed_now value=money(cost.owed_now) testid="owed-now" />
            <Fact label=days_label explain=|t| t.explain_days_overdue value=cost.days_overdue.to_string() testid="days-overdue" />
            <Fact label=words(|t| t.penalty_rate) explain=|t| t.explain_penalty_rate value=penalty testid="penalty-rate" />
            <Fact
                label=words(|t| t.penalty_so_far)
                explain=|t| t.explain_penalty_so_far
                value=money(cost.penalty_so_far_estimate)
                testid="penalty-so-far"
            />
        </dl>
    }
}

/// What would be owed after 30, 90, 180 and 360 more days.
#[component]
fn Horizons(cost: OverdueCost) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    view! {
        <div class="table-wrap short">
            <table data-testid="horizons">
                <caption class="visually-hidden">{move || t().explain_owed_after}</caption>
                <HeaderRow columns=vec![|t| t.horizon_days, |t| t.owed_after, |t| t.increase, |t| t.penalty_col] />
                <tbody>
                    {cost
                        .horizons
                        .iter()
                        .map(|h| {
                            view! {
                                <tr data-days=h.days.to_string()>
                                    <td>{h.days}</td>
                                    <td>{money(h.owed)}</td>
                                    <td>{lang.get_untracked().increase(h.increase)}</td>
                                    <td>{money(h.penalty_interest)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="explain">{move || t().explain_owed_after}</p>
        {cost.above_court_guideline.then(|| view! { <p class="note" data-testid="court-note">{move || t().court_note}</p> })}
    }
}

/// The typical consequences, marked where already reached.
#[component]
fn Timeline(cost: OverdueCost) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    view! {
        <h4>{move || t().timeline_heading}</h4>
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

/// The true APR implied by the app's payment, against the quoted rate.
#[component]
fn RateDetective(check: RateCheck) -> impl IntoView {
    let t = use_text();
    let warn = check.hidden_fees_likely;
    view! {
        <div class="rate-check" data-testid="rate-check" data-warning=warn.to_string()>
            <h4>{move || t().rate_check_heading}</h4>
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
            <p class=if warn { "warning" } else { "ok" }>
                {move || if warn { t().rate_check_warning } else { t().rate_check_ok }}
            </p>
        </div>
    }
}
