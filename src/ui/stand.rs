//! "Where you stand": what doing nothing costs, the typical consequences
//! timeline, and the rate detective — per loan.

use super::fields::Fact;
use super::{use_lang, use_text};
use crate::i18n::{money, percent, rate_percent, Lang};
use crate::scenario::Evaluation;
use leptos::prelude::*;

#[component]
pub fn StandSection(evaluation: Memo<Evaluation>) -> impl IntoView {
    let t = use_text();
    let count = Memo::new(move |_| evaluation.with(|e| e.loans.len()));
    view! {
        <section class="card" aria-labelledby="stand-h" data-testid="stand">
            <h2 id="stand-h">{move || t().stand_heading}</h2>
            {move || (0..count.get()).map(|index| view! { <LoanStand evaluation=evaluation index=index /> }).collect_view()}
        </section>
    }
}

#[component]
fn LoanStand(evaluation: Memo<Evaluation>, index: usize) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let loan = Memo::new(move |_| evaluation.with(|e| e.loans.get(index).cloned()));
    let several = move || evaluation.with(|e| e.loans.len() > 1);
    move || {
        let l = loan.get()?;
        let cost = l.overdue_cost.clone()?;
        let heading = several().then(|| format!("{} {} · {}", t().loan_label, index + 1, lang.get().lender(l.lender)));
        let rate_check = l.rate_check.clone();
        Some(view! {
            <div class="stand" data-testid="loan-stand" data-loan=l.id.clone()>
                {heading.map(|h| view! { <h3>{h}</h3> })}
                <dl class="facts">
                    <Fact label=|t| t.owed_now explain=|t| t.explain_owed_now value=money(cost.owed_now) testid="owed-now" />
                    <Fact
                        label=|t| t.overdue_days
                        explain=|t| t.explain_days_overdue
                        value=cost.days_overdue.to_string()
                        testid="days-overdue"
                    />
                    <Fact
                        label=|t| t.penalty_rate
                        explain=|t| t.explain_penalty_rate
                        value=format!(
                            "{} (≈ {} / {})",
                            rate_percent(cost.penalty_daily_percent),
                            percent(cost.penalty_annual_percent),
                            lang.get().rate_forms()[2],
                        )
                        testid="penalty-rate"
                    />
                    <Fact
                        label=|t| t.penalty_so_far
                        explain=|t| t.explain_penalty_so_far
                        value=money(cost.penalty_so_far_estimate)
                        testid="penalty-so-far"
                    />
                </dl>
                <div class="table-wrap short">
                    <table data-testid="horizons">
                        <caption class="visually-hidden">{t().explain_owed_after}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t().horizon_days}</th>
                                <th scope="col">{t().owed_after}</th>
                                <th scope="col">{t().increase}</th>
                                <th scope="col">{t().penalty_col}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {cost
                                .horizons
                                .iter()
                                .map(|h| {
                                    view! {
                                        <tr data-days=h.days.to_string()>
                                            <td>{h.days}</td>
                                            <td>{money(h.owed)}</td>
                                            <td>{format!("+{}", money(h.increase))}</td>
                                            <td>{money(h.penalty_interest)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="explain">{t().explain_owed_after}</p>
                {cost.above_court_guideline.then(|| view! { <p class="note" data-testid="court-note">{t().court_note}</p> })}
                <h4>{t().timeline_heading}</h4>
                <ol class="timeline" data-testid="timeline">
                    {cost
                        .timeline
                        .iter()
                        .map(|e| {
                            let when = match (lang.get(), e.reached) {
                                (Lang::Zh, true) => format!("逾期第 {} 天 · 已到", e.day),
                                (Lang::Zh, false) => format!("逾期第 {} 天 · {} 天后", e.day, e.in_days),
                                (Lang::En, true) => format!("Day {} · reached", e.day),
                                (Lang::En, false) => format!("Day {} · in {} days", e.day, e.in_days),
                            };
                            view! {
                                <li class:reached=e.reached>
                                    <span class="when">{when}</span>
                                    {if lang.get() == Lang::Zh { "：" } else { ": " }}
                                    <span>{lang.get().timeline_event(e.key)}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                {rate_check.map(|rc| {
                    let warn = rc.hidden_fees_likely;
                    view! {
                        <div class="rate-check" data-testid="rate-check" data-warning=warn.to_string()>
                            <h4>{t().rate_check_heading}</h4>
                            <p>
                                {t().quoted_rate} " " {percent(rc.quoted_annual_percent)} " · " {t().true_rate} " "
                                <strong data-testid="rate-check-apr">{percent(rc.apr_nominal_percent)}</strong>
                                " · " {t().extra_total} " " {money(rc.extra_total)}
                            </p>
                            <p class=if warn { "warning" } else { "ok" }>
                                {if warn { t().rate_check_warning } else { t().rate_check_ok }}
                            </p>
                        </div>
                    }
                })}
            </div>
        })
    }
}
