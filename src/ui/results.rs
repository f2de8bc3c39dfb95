//! Live results: payments, totals, true APR, budget fit and the schedule.

use super::{use_lang, use_text};
use crate::engine::{Method, Row};
use crate::i18n::{amount, money, percent, wan, Text};
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
pub fn Results(evaluation: Memo<Option<Evaluation>>, #[prop(into)] stale: Signal<bool>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    // The single loan's output (this page has one loan card).
    let loan = Memo::new(move |_| evaluation.get().and_then(|e| e.loans.into_iter().next()));
    let figures = Memo::new(move |_| loan.get().and_then(|l| l.figures));
    let method = move || loan.get().map(|l| l.method);
    let budget = Memo::new(move |_| evaluation.get().and_then(|e| e.budget.figures));

    let pick = move |f: fn(&crate::scenario::evaluate::FiguresOutput) -> Decimal| {
        Signal::derive(move || figures.with(|o| o.as_ref().map(f).map(money).unwrap_or_default()))
    };
    let pick_wan = move |f: fn(&crate::scenario::evaluate::FiguresOutput) -> Decimal| {
        Signal::derive(move || figures.with(|o| o.as_ref().and_then(|o| wan(f(o), lang.get()))))
    };
    let payment_label = move || match method() {
        Some(Method::EqualPrincipal) => t().first_payment,
        Some(Method::Bullet) => t().final_payment,
        _ => t().monthly_payment,
    };
    let headline = Signal::derive(move || {
        figures.with(|o| {
            o.as_ref()
                .map(|o| if method() == Some(Method::Bullet) { o.last_payment } else { o.first_payment })
                .map(money)
                .unwrap_or_default()
        })
    });
    // A second payment figure where the instalments are not all alike.
    let second = move || {
        let m = method()?;
        let (label, value) = match m {
            Method::EqualPrincipal => (t().last_payment, figures.with(|o| o.as_ref().map(|o| o.last_payment))?),
            Method::InterestOnly => (t().final_payment, figures.with(|o| o.as_ref().map(|o| o.last_payment))?),
            _ => return None,
        };
        Some(view! {
            <div class="figure">
                <dt>{label}</dt>
                <dd><span class="value" data-testid="result-last-payment">{money(value)}</span></dd>
            </div>
        })
    };

    let dti_text = Signal::derive(move || {
        budget.with(|b| match b {
            Some(b) => b.dti_percent.map(percent).unwrap_or_else(|| t().no_income.to_string()),
            None => String::new(),
        })
    });
    let dti_over = move || budget.with(|b| b.as_ref().is_some_and(|b| b.dti_over_limit));
    let fits = move || budget.with(|b| b.as_ref().map(|b| b.fits));

    view! {
        <section class="card results" aria-labelledby="results-h" aria-live="polite">
            <h2 id="results-h">{move || t().results_heading}</h2>
            <Show when=move || stale.get()>
                <p class="stale" data-testid="stale-note">{move || t().stale_results}</p>
            </Show>
            <dl class="figures">
                <div class="figure headline">
                    <dt>{payment_label}</dt>
                    <dd><span class="value" data-testid="result-payment">{headline}</span></dd>
                </div>
                {second}
                <Figure
                    testid="result-total-interest"
                    label=|t| t.total_interest
                    value=pick(|o| o.total_interest)
                    sub=pick_wan(|o| o.total_interest)
                />
                <Figure
                    testid="result-total-paid"
                    label=|t| t.total_paid
                    value=pick(|o| o.total_paid)
                    sub=pick_wan(|o| o.total_paid)
                />
                <Figure
                    testid="result-apr-nominal"
                    label=|t| t.apr_nominal
                    value=Signal::derive(move || figures.with(|o| o.as_ref().map(|o| percent(o.apr_nominal_percent)).unwrap_or_default()))
                    explain=|t| t.apr_explain
                />
                <Figure
                    testid="result-apr-effective"
                    label=|t| t.apr_effective
                    value=Signal::derive(move || figures.with(|o| o.as_ref().map(|o| percent(o.apr_effective_percent)).unwrap_or_default()))
                />
            </dl>
            <dl class="figures budget-figures">
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
                let ok = fits()?;
                let (class, verdict, margin_label) = if ok {
                    ("verdict fits", t().fits, t().margin)
                } else {
                    ("verdict no-fit", t().does_not_fit, t().shortfall)
                };
                Some(view! {
                    <p class=class data-testid="fit-verdict" data-fits=ok.to_string()>
                        <strong>{verdict}</strong>
                        " · "
                        {margin_label}
                        " "
                        <span data-testid="fit-margin">{money(b.margin.abs())}</span>
                    </p>
                })
            }}
            <ScheduleTable rows=Signal::derive(move || figures.with(|o| o.as_ref().map(|o| o.schedule.clone()).unwrap_or_default())) />
        </section>
    }
}

/// The full schedule, collapsed until opened so long schedules cost nothing
/// while the user is typing.
#[component]
fn ScheduleTable(#[prop(into)] rows: Signal<Vec<Row>>) -> impl IntoView {
    let t = use_text();
    let (open, set_open) = signal(false);
    view! {
        <details class="schedule" data-testid="schedule" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                set_open.set(d.open());
            }
        }>
            <summary>{move || t().schedule_heading} " (" {move || rows.with(|r| r.len())} " " {move || t().months_unit} ")"</summary>
            <Show when=move || open.get()>
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
