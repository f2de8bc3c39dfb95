//! Live results: payments, totals, true APR, budget fit and the schedule.

use super::facts::{words, Figure};
use super::widgets::Card;
use super::{loan_at, EachLoan};
use super::page::use_page;
use super::schedule::ScheduleTable;
use super::{use_lang, use_text};
use crate::i18n::{money, percent, wan, Text, DOT, SPACE};
use crate::present::{LoanPayments, Verdict};
use crate::scenario::evaluate::{FiguresOutput, LoanOutput};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Results() -> impl IntoView {
    let t = use_text();
    let page = use_page();
    let stale = Memo::new(move |_| page.valid.with(Option::is_none));
    view! {
        <Card heading_id="results-h" heading=|t| t.results_heading class="results" live=true>
            <Show when=move || stale.get()>
                <p class="stale" data-testid="stale-note">{move || t().stale_results}</p>
            </Show>
            <EachLoan each=|index| view! { <LoanResult index=index /> }.into_any() />
            <BudgetResult />
        </Card>
    }
}

/// Payments, totals, true APR and schedule of one loan.
#[component]
fn LoanResult(index: usize) -> impl IntoView {
    let lang = use_lang();
    let (loan, title) = loan_at(index);
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
            <super::road::Solver index=index />
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

/// A loan's figure: test id, label, explanation, value; amounts (not
/// percentages) also show their 万 form.
struct Total {
    testid: &'static str,
    label: fn(&Text) -> &'static str,
    explain: fn(&Text) -> &'static str,
    value: fn(&FiguresOutput) -> Decimal,
    amount: bool,
}

const TOTALS: [Total; 4] = [
    Total { testid: "result-total-interest", label: |t| t.total_interest, explain: |t| t.explain_contract_interest, value: |o| o.total_interest, amount: true },
    Total { testid: "result-total-paid", label: |t| t.total_paid, explain: |t| t.explain_contract_total, value: |o| o.total_paid, amount: true },
    Total { testid: "result-apr-nominal", label: |t| t.apr_nominal, explain: |t| t.apr_explain, value: |o| o.apr_nominal_percent, amount: false },
    Total {
        testid: "result-apr-effective",
        label: |t| t.apr_effective,
        explain: |t| t.explain_apr_effective,
        value: |o| o.apr_effective_percent,
        amount: false,
    },
];

/// Total interest, total repaid and the true APR both ways.
#[component]
fn Totals(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let lang = use_lang();
    let figures = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| l.figures.clone())));
    TOTALS
        .map(|total| {
            let (pick, amount) = (total.value, total.amount);
            let show = if amount { money } else { percent };
            let value = Signal::derive(move || figures.with(|o| o.as_ref().map(pick).map(show)).unwrap_or_default());
            let sub = Signal::derive(move || figures.with(|o| o.as_ref().filter(|_| amount).and_then(|o| wan(pick(o), lang.get()))));
            view! { <Figure testid=total.testid label=words(total.label) explain=total.explain value=value sub=sub /> }
        })
        .into_iter()
        .collect_view()
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

/// Picks a word of the current language.
type Words = fn(&Text) -> &'static str;

#[component]
fn VerdictLine(verdict: Verdict) -> impl IntoView {
    let t = use_text();
    let (class, says, amount_is): (_, Words, Words) = if verdict.fits {
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
