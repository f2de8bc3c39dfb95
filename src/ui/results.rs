//! Live results: payments, totals, true APR, budget fit and the schedule.

use super::{use_lang, use_text};
use crate::engine::{Method, Row};
use crate::i18n::{amount, money, percent, wan, Text};
use super::chart::BalanceChart;
use super::download::download_text;
use crate::csv::{file_name, schedule_csv};
use crate::scenario::evaluate::FiguresOutput;
use crate::scenario::Evaluation;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// One headline figure with its plain-language explanation.
#[component]
fn Figure(
    testid: &'static str,
    label: fn(&Text) -> &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(optional, into)] sub: Option<Signal<Option<String>>>,
    #[prop(optional)] explain: Option<fn(&Text) -> &'static str>,
) -> impl IntoView {
    let t = use_text();
    view! {
        <div class="figure">
            <dt>{move || label(t())}</dt>
            <dd>
                <span class="value" data-testid=testid>{value}</span>
                {sub.map(|s| view! { <span class="sub">{move || s.get()}</span> })}
            </dd>
            {explain.map(|e| view! { <p class="explain">{move || e(t())}</p> })}
        </div>
    }
}

#[component]
pub fn Results(evaluation: Memo<Evaluation>, #[prop(into)] stale: Signal<bool>) -> impl IntoView {
    let t = use_text();
    let count = Memo::new(move |_| evaluation.with(|e| e.loans.len()));
    view! {
        <section class="card results" aria-labelledby="results-h" aria-live="polite">
            <h2 id="results-h">{move || t().results_heading}</h2>
            <Show when=move || stale.get()>
                <p class="stale" data-testid="stale-note">{move || t().stale_results}</p>
            </Show>
            {move || (0..count.get()).map(|index| view! { <LoanResult evaluation=evaluation index=index /> }).collect_view()}
            <BudgetResult evaluation=evaluation />
        </section>
    }
}

/// Payments, totals, true APR and schedule of one loan.
#[component]
fn LoanResult(evaluation: Memo<Evaluation>, index: usize) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let loan = Memo::new(move |_| evaluation.with(|e| e.loans.get(index).cloned()));
    let figures = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| l.figures.clone())));
    let method = move || loan.with(|l| l.as_ref().map(|l| l.method));
    let several = move || evaluation.with(|e| e.loans.len() > 1);

    let pick = move |f: fn(&FiguresOutput) -> Decimal| {
        Signal::derive(move || figures.with(|o| o.as_ref().map(f).map(money).unwrap_or_default()))
    };
    let pick_wan = move |f: fn(&FiguresOutput) -> Decimal| {
        Signal::derive(move || figures.with(|o| o.as_ref().and_then(|o| wan(f(o), lang.get()))))
    };
    let pick_percent = move |f: fn(&FiguresOutput) -> Decimal| {
        Signal::derive(move || figures.with(|o| o.as_ref().map(f).map(percent).unwrap_or_default()))
    };
    let payment_label = move || match method() {
        Some(Method::EqualPrincipal) => t().first_payment,
        Some(Method::Bullet) => t().final_payment,
        _ => t().monthly_payment,
    };
    let headline = pick(|o| if o.schedule.len() > 1 && o.first_payment.is_zero() { o.last_payment } else { o.first_payment });
    // A second payment figure where the instalments are not all alike.
    let second = move || {
        let label = match method()? {
            Method::EqualPrincipal => t().last_payment,
            Method::InterestOnly => t().final_payment,
            _ => return None,
        };
        let value = figures.with(|o| o.as_ref().map(|o| o.last_payment))?;
        Some(view! {
            <div class="figure">
                <dt>{label}</dt>
                <dd><span class="value" data-testid="result-last-payment">{money(value)}</span></dd>
            </div>
        })
    };
    let rows = Signal::derive(move || figures.with(|o| o.as_ref().map(|o| o.schedule.clone()).unwrap_or_default()));
    let file_stem = Signal::derive(move || {
        let name = loan.with(|l| l.as_ref().map(|l| lang.get().lender(l.lender)).unwrap_or_default());
        format!("{}-{}", t().schedule_heading, name)
    });
    let heading = move || {
        let l = loan.get()?;
        several().then(|| format!("{} {} · {}", t().loan_label, index + 1, lang.get().lender(l.lender)))
    };
    view! {
        <div class="loan-result" data-testid="loan-result" data-loan=move || loan.with(|l| l.as_ref().map(|l| l.id.clone()))>
            {move || heading().map(|h| view! { <h3>{h}</h3> })}
            <dl class="figures">
                <div class="figure headline">
                    <dt>{payment_label}</dt>
                    <dd><span class="value" data-testid="result-payment">{headline}</span></dd>
                    <p class="explain">{move || t().explain_contract_payment}</p>
                </div>
                {second}
                <Figure
                    testid="result-total-interest"
                    label=|t| t.total_interest
                    explain=|t| t.explain_contract_interest
                    value=pick(|o| o.total_interest)
                    sub=pick_wan(|o| o.total_interest)
                />
                <Figure
                    testid="result-total-paid"
                    label=|t| t.total_paid
                    explain=|t| t.explain_contract_total
                    value=pick(|o| o.total_paid)
                    sub=pick_wan(|o| o.total_paid)
                />
                <Figure
                    testid="result-apr-nominal"
                    label=|t| t.apr_nominal
                    value=pick_percent(|o| o.apr_nominal_percent)
                    explain=|t| t.apr_explain
                />
                <Figure
                    testid="result-apr-effective"
                    label=|t| t.apr_effective
                    value=pick_percent(|o| o.apr_effective_percent)
                    explain=|t| t.explain_apr_effective
                />
            </dl>
            <ScheduleTable rows=rows file_stem=file_stem />
        </div>
    }
}

/// What the budget leaves for debt, debt-to-income, and whether it fits.
#[component]
fn BudgetResult(evaluation: Memo<Evaluation>) -> impl IntoView {
    let t = use_text();
    let budget = Memo::new(move |_| evaluation.with(|e| e.budget.figures));
    let several = move || evaluation.with(|e| e.loans.len() > 1);
    let dti_text = Signal::derive(move || {
        budget.with(|b| match b {
            Some(b) => b.dti_percent.map(percent).unwrap_or_else(|| t().no_income.to_string()),
            None => String::new(),
        })
    });
    let dti_over = move || budget.with(|b| b.as_ref().is_some_and(|b| b.dti_over_limit));
    view! {
        <div class="budget-result">
            <Show when=several>
                <h3>{move || t().all_loans}</h3>
            </Show>
            <dl class="figures">
                <Show when=several>
                    <Figure
                        testid="result-debt-payments"
                        label=|t| t.monthly_payment
                        value=Signal::derive(move || budget.with(|b| b.as_ref().map(|b| money(b.debt_payments)).unwrap_or_default()))
                    />
                </Show>
                <Figure
                    testid="result-disposable"
                    label=|t| t.disposable
                    value=Signal::derive(move || budget.with(|b| b.as_ref().map(|b| money(b.disposable)).unwrap_or_default()))
                    explain=|t| t.disposable_explain
                />
                <Figure testid="result-dti" label=|t| t.dti value=dti_text explain=|t| t.dti_explain />
            </dl>
            <Show when=dti_over>
                <p class="warning" role="alert" data-testid="dti-warning">{move || t().dti_warning}</p>
            </Show>
            {move || {
                let b = budget.get()?;
                let (class, verdict, margin_label) = if b.fits {
                    ("verdict fits", t().fits, t().margin)
                } else {
                    ("verdict no-fit", t().does_not_fit, t().shortfall)
                };
                Some(view! {
                    <p class=class data-testid="fit-verdict" data-fits=b.fits.to_string()>
                        <strong>{verdict}</strong>
                        " · "
                        {margin_label}
                        " "
                        <span data-testid="fit-margin">{money(b.margin.abs())}</span>
                    </p>
                })
            }}
        </div>
    }
}

/// The full schedule, collapsed until opened so long schedules cost nothing
/// while the user is typing.
#[component]
pub fn ScheduleTable(#[prop(into)] rows: Signal<Vec<Row>>, #[prop(into)] file_stem: Signal<String>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let (open, set_open) = signal(false);
    let export_csv = move |_| {
        let text = rows.with(|r| schedule_csv(r, lang.get_untracked()));
        let _ = download_text(&file_name(&file_stem.get_untracked(), "csv"), "text/csv;charset=utf-8", &text);
    };
    let chart_label = Signal::derive(move || {
        rows.with(|r| {
            let start = r.first().map(|f| f.balance + f.principal).unwrap_or_default();
            format!("{}: {} → ¥0.00, {} {}", t().chart_label, money(start), r.len(), t().months_unit)
        })
    });
    view! {
        <details class="schedule" data-testid="schedule" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                set_open.set(d.open());
            }
        }>
            <summary>{move || t().schedule_heading} " (" {move || rows.with(|r| r.len())} " " {move || t().months_unit} ")"</summary>
            <Show when=move || open.get()>
                <BalanceChart series=Signal::derive(move || vec![rows.get()]) label=chart_label />
                <button type="button" class="secondary" data-testid="export-csv" on:click=export_csv>
                    {move || t().export_csv}
                </button>
                <div class="table-wrap">
                    <table data-testid="schedule-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || t().col_period}</th>
                                <th scope="col">{move || t().col_payment}</th>
                                <th scope="col">{move || t().col_interest}</th>
                                <th scope="col">{move || t().col_principal}</th>
                                <th scope="col">{move || t().col_balance}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows.get()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <td>{r.period}</td>
                                                <td>{amount(r.payment)}</td>
                                                <td>{amount(r.interest)}</td>
                                                <td>{amount(r.principal)}</td>
                                                <td>{amount(r.balance)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}
