//! Live results: payments, totals, true APR, budget fit and the schedule.

use super::facts::{words, Figure};
use super::page::use_page;
use super::schedule::ScheduleTable;
use super::{use_lang, use_text};
use crate::i18n::{money, percent, wan, DOT, SPACE};
use crate::present::{LoanPayments, LoanTitle, Verdict};
use crate::scenario::evaluate::{FiguresOutput, LoanOutput};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Results() -> impl IntoView {
    let t = use_text();
    let page = use_page();
    let count = Memo::new(move |_| page.evaluation.with(|e| e.loans.len()));
    let stale = Memo::new(move |_| page.valid.with(Option::is_none));
    view! {
        <section class="card results" aria-labelledby="results-h" aria-live="polite">
            <h2 id="results-h">{move || t().results_heading}</h2>
            <Show when=move || stale.get()>
                <p class="stale" data-testid="stale-note">{move || t().stale_results}</p>
            </Show>
            {move || (0..count.get()).map(|index| view! { <LoanResult index=index /> }).collect_view()}
            <BudgetResult />
        </section>
    }
}

/// Payments, totals, true APR and schedule of one loan.
#[component]
fn LoanResult(index: usize) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let loan = Memo::new(move |_| page.evaluation.with(|e| e.loans.get(index).cloned()));
    let title = Memo::new(move |_| page.evaluation.with(|e| LoanTitle::among(e, index)));
    let rows = Signal::derive(move || loan.with(|l| l.as_ref().and_then(|l| l.figures.as_ref()).map(|f| f.schedule.clone())).unwrap_or_default());
    let file_stem = Signal::derive(move || {
        let lender = loan.with(|l| l.as_ref().map(|l| lang.get().lender(l.lender))).unwrap_or_default();
        lang.get().schedule_file_stem(lender)
    });
    view! {
        <div class="loan-result" data-testid="loan-result" data-loan=move || loan.with(|l| l.as_ref().map(|l| l.id.clone()))>
            {move || title.get().map(|tt| view! { <h3>{lang.get().loan_title(tt)}</h3> })}
            <dl class="figures">
                <Payments loan=loan />
                <Totals loan=loan />
            </dl>
            <ScheduleTable rows=rows file_stem=file_stem />
        </div>
    }
}

/// The headline payment (and the second one where instalments differ).
#[component]
fn Payments(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let payments = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| Some(LoanPayments::of(l.method, l.figures.as_ref()?)))));
    let label = move |second: bool| {
        payments.with(|p| {
            let p = p.as_ref()?;
            let payment = if second { p.second? } else { p.headline };
            Some((lang.get().payment_label(payment.label), money(payment.amount)))
        })
    };
    view! {
        <div class="figure headline">
            <dt>{move || label(false).map(|l| l.0)}</dt>
            <dd><span class="value" data-testid="result-payment">{move || label(false).map(|l| l.1)}</span></dd>
            <p class="explain">{move || t().explain_contract_payment}</p>
        </div>
        {move || label(true).map(|(name, value)| view! {
            <div class="figure">
                <dt>{name}</dt>
                <dd><span class="value" data-testid="result-last-payment">{value}</span></dd>
            </div>
        })}
    }
}

/// Total interest, total repaid and the true APR both ways.
#[component]
fn Totals(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let lang = use_lang();
    let figures = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| l.figures.clone())));
    let pick = move |f: fn(&FiguresOutput) -> Decimal, show: fn(Decimal) -> String| {
        Signal::derive(move || figures.with(|o| o.as_ref().map(f).map(show)).unwrap_or_default())
    };
    let pick_wan = move |f: fn(&FiguresOutput) -> Decimal| Signal::derive(move || figures.with(|o| o.as_ref().and_then(|o| wan(f(o), lang.get()))));
    view! {
        <Figure
            testid="result-total-interest"
            label=words(|t| t.total_interest)
            explain=|t| t.explain_contract_interest
            value=pick(|o| o.total_interest, money)
            sub=pick_wan(|o| o.total_interest)
        />
        <Figure
            testid="result-total-paid"
            label=words(|t| t.total_paid)
            explain=|t| t.explain_contract_total
            value=pick(|o| o.total_paid, money)
            sub=pick_wan(|o| o.total_paid)
        />
        <Figure testid="result-apr-nominal" label=words(|t| t.apr_nominal) value=pick(|o| o.apr_nominal_percent, percent) explain=|t| t.apr_explain />
        <Figure
            testid="result-apr-effective"
            label=words(|t| t.apr_effective)
            value=pick(|o| o.apr_effective_percent, percent)
            explain=|t| t.explain_apr_effective
        />
    }
}

/// What the budget leaves for debt, debt-to-income, and whether it fits.
#[component]
fn BudgetResult() -> impl IntoView {
    let t = use_text();
    let page = use_page();
    let budget = Memo::new(move |_| page.evaluation.with(|e| e.budget.figures));
    let several = Memo::new(move |_| page.evaluation.with(|e| e.loans.len() > 1));
    let figure = move |f: fn(&crate::engine::BudgetFigures) -> Decimal| {
        Signal::derive(move || budget.with(|b| b.as_ref().map(|b| money(f(b)))).unwrap_or_default())
    };
    let dti = Signal::derive(move || budget.with(|b| b.map(|b| b.dti_percent.map(percent).unwrap_or_else(|| t().no_income.to_owned()))).unwrap_or_default());
    let dti_over = move || budget.with(|b| b.is_some_and(|b| b.dti_over_limit));
    view! {
        <div class="budget-result">
            <Show when=move || several.get()>
                <h3>{move || t().all_loans}</h3>
            </Show>
            <dl class="figures">
                <Show when=move || several.get()>
                    <Figure testid="result-debt-payments" label=words(|t| t.monthly_payment) value=figure(|b| b.debt_payments) />
                </Show>
                <Figure testid="result-disposable" label=words(|t| t.disposable) value=figure(|b| b.disposable) explain=|t| t.disposable_explain />
                <Figure testid="result-dti" label=words(|t| t.dti) value=dti explain=|t| t.dti_explain />
            </dl>
            <Show when=dti_over>
                <p class="warning" role="alert" data-testid="dti-warning">{move || t().dti_warning}</p>
            </Show>
            {move || budget.get().map(|b| view! { <VerdictLine verdict=Verdict::of(&b) /> })}
        </div>
    }
}

#[component]
fn VerdictLine(verdict: Verdict) -> impl IntoView {
    let t = use_text();
    let (class, says, amount_is): (_, fn(&crate::i18n::Text) -> &'static str, fn(&crate::i18n::Text) -> &'static str) = if verdict.fits {
        ("verdict fits", |t| t.fits, |t| t.margin)
    } else {
        ("verdict no-fit", |t| t.does_not_fit, |t| t.shortfall)
    };
    view! {
        <p class=class data-testid="fit-verdict" data-fits=verdict.fits.to_string()>
            <strong>{move || says(t())}</strong>
            {DOT}
            {move || amount_is(t())}
            {SPACE}
            <span data-testid="fit-margin">{money(verdict.amount)}</span>
        </p>
    }
}
