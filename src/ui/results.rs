//! Live results: each loan's contract payment in one line, its totals,
//! true APR and schedule behind one fold; then all loans against the
//! budget, month by month. Not a live region: the summary announces one
//! line instead (issue 9).

use super::facts::{words, Figure};
use super::glossary::Term;
use super::page::use_page;
use super::schedule::ScheduleTable;
use super::widgets::{Card, HeaderRow};
use super::{loan_at, use_lang, use_text, EachLoan};
use crate::i18n::{money, percent, wan, Text, DOT, SPACE};
use crate::present::{LoanPayments, Verdict};
use crate::scenario::evaluate::LoanOutput;
use crate::ui::widgets::say;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Results() -> impl IntoView {
    let page = use_page();
    let stale = Memo::new(move |_| page.valid.with(Option::is_none));
    view! {
        <Card id="results" heading_id="results-h" heading=|t| t.results_heading class="results">
            <Show when=move || stale.get()>
                <p class="stale" data-testid="stale-note">{say(|l| l.text().stale_results)}</p>
            </Show>
            <EachLoan each=|index| view! { <LoanResult index=index /> }.into_any() />
            <BudgetResult />
        </Card>
    }
}

/// Payments in one line; totals, true APR and schedule behind the fold.
#[component]
fn LoanResult(index: usize) -> impl IntoView {
    let lang = use_lang();
    let (loan, title) = loan_at(index);
    let rows = Signal::derive(move || loan.with(|l| l.as_ref().and_then(|l| l.schedule.as_ref()).map(|s| s.schedule.clone())).unwrap_or_default());
    let months = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| l.schedule.as_ref()).map_or(0, |s| s.schedule.len())));
    let file_stem = Signal::derive(move || {
        let lender = loan.with(|l| l.as_ref().map(|l| lang.get().lender(l.lender))).unwrap_or_default();
        lang.get().schedule_file_stem(lender)
    });
    view! {
        <div class="loan-result" data-testid="loan-result" data-loan=move || loan.with(|l| l.as_ref().map(|l| l.id.clone()))>
            {move || title.get().map(|tt| view! { <h3>{lang.get().loan_title(tt)}</h3> })}
            <dl class="figures">
                <Payments loan=loan />
            </dl>
            <FigureErrors loan=loan />
            <ScheduleTable rows=rows months=months file_stem=file_stem>
                <dl class="figures">
                    <Totals loan=loan />
                </dl>
            </ScheduleTable>
            <super::road::Solver index=index />
        </div>
    }
}

/// Why a figure of the loan could not be computed (issue 7), once per reason.
#[component]
fn FigureErrors(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let lang = use_lang();
    let codes = Memo::new(move |_| {
        let mut codes: Vec<&'static str> = loan.with(|l| l.iter().flat_map(|l| l.errors.iter().map(|e| e.code)).collect());
        codes.dedup();
        codes
    });
    move || {
        codes
            .get()
            .into_iter()
            .map(|code| view! { <p class="note" data-testid="figure-error" data-code=code>{move || lang.get().figure_error(code)}</p> })
            .collect_view()
    }
}

/// The headline payment (and the second one where instalments differ).
#[component]
fn Payments(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let lang = use_lang();
    let payments = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| Some(LoanPayments::of_schedule(l.method, l.schedule.as_ref()?)))));
    let label = move |second: bool| {
        payments.with(|p| {
            let p = p.as_ref()?;
            let payment = if second { p.second? } else { p.headline };
            Some((lang.get().payment_label(payment.label), money(payment.amount)))
        })
    };
    let headline = Signal::derive(move || label(false).map(|l| l.0.to_owned()).unwrap_or_default());
    let value = Signal::derive(move || label(false).map(|l| l.1).unwrap_or_default());
    view! {
        <Figure testid="result-payment" label=headline value=value term=Term::ContractPayment />
        {move || label(true).map(|(name, value)| view! {
            <div class="figure">
                <dt>{name}</dt>
                <dd><span class="value" data-testid="result-last-payment">{value}</span></dd>
            </div>
        })}
    }
}

/// A loan's total: test id, label, term, value (none when it could not be
/// computed); amounts (not percentages) also show their 万 form.
struct Total {
    testid: &'static str,
    label: fn(&Text) -> &'static str,
    term: Term,
    value: fn(&LoanOutput) -> Option<Decimal>,
    amount: bool,
}

const TOTALS: [Total; 4] = [
    Total {
        testid: "result-total-interest",
        label: |t| t.total_interest,
        term: Term::ContractInterest,
        value: |o| o.schedule.as_ref().map(|s| s.total_interest),
        amount: true,
    },
    Total { testid: "result-total-paid", label: |t| t.total_paid, term: Term::ContractTotal, value: |o| o.schedule.as_ref().map(|s| s.total_paid), amount: true },
    Total { testid: "result-apr-nominal", label: |t| t.apr_nominal, term: Term::Apr, value: |o| o.apr_nominal_percent, amount: false },
    Total { testid: "result-apr-effective", label: |t| t.apr_effective, term: Term::AprEffective, value: |o| o.apr_effective_percent, amount: false },
];

/// Total interest, total repaid and the true APR both ways; a figure that
/// could not be computed says so.
#[component]
fn Totals(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let lang = use_lang();
    TOTALS
        .map(|total| {
            let (pick, amount) = (total.value, total.amount);
            let show = if amount { money } else { percent };
            let value = Signal::derive(move || {
                loan.with(|l| l.as_ref().map(|l| pick(l).map(show).unwrap_or_else(|| lang.get().page().cannot_compute.to_owned()))).unwrap_or_default()
            });
            let sub = Signal::derive(move || loan.with(|l| l.as_ref().and_then(pick).filter(|_| amount).and_then(|v| wan(v, lang.get()))));
            view! { <Figure testid=total.testid label=words(total.label) term=total.term value=value sub=sub /> }
        })
        .into_iter()
        .collect_view()
}

/// What the budget leaves for debt, debt-to-income, and whether every one
/// of the next 12 months fits.
#[component]
fn BudgetResult() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let page = use_page();
    let budget = Memo::new(move |_| page.evaluation.with(|e| e.budget.figures));
    let several = Memo::new(move |_| page.evaluation.with(|e| e.loans.len() > 1));
    let figure = move |f: fn(&crate::engine::BudgetFigures) -> Decimal| {
        Signal::derive(move || budget.with(|b| b.as_ref().map(|b| money(f(b)))).unwrap_or_default())
    };
    let dti = Signal::derive(move || budget.with(|b| b.map(|b| b.dti_percent.map(percent).unwrap_or_else(|| t().no_income.to_owned()))).unwrap_or_default());
    let dti_over = move || budget.with(|b| b.is_some_and(|b| b.dti_over_limit));
    let months_line = move || budget.with(|b| b.map(|b| lang.get().budget_months(b.fits, b.peak_month, b.peak_due)));
    view! {
        <div class="budget-result">
            <Show when=move || several.get()>
                <h3>{say(|l| l.text().all_loans)}</h3>
            </Show>
            <dl class="figures">
                <Show when=move || several.get()>
                    <Figure testid="result-debt-payments" label=words(|t| t.monthly_payment) value=figure(|b| b.debt_payments) />
                </Show>
                <Figure testid="result-disposable" label=words(|t| t.disposable) value=figure(|b| b.disposable) term=Term::Disposable />
                <Figure testid="result-dti" label=words(|t| t.dti) value=dti term=Term::Dti />
            </dl>
            <Show when=dti_over>
                <p class="warning" role="alert" data-testid="dti-warning">{say(|l| l.text().dti_warning)}</p>
            </Show>
            {move || budget.get().map(|b| view! { <VerdictLine verdict=Verdict::of(&b) /> })}
            <p class="months-line" data-testid="budget-months">{months_line}</p>
            <BudgetMonths budget=budget />
        </div>
    }
}

/// The next 12 months: due, available, margin (a fold).
#[component]
fn BudgetMonths(budget: Memo<Option<crate::engine::BudgetFigures>>) -> impl IntoView {
    let lang = use_lang();
    let p = move || lang.get().page();
    view! {
        <details class="more">
            <summary>{say(|l| l.page().months_table)}</summary>
            <table class="stack" data-testid="budget-months-table">
                <HeaderRow columns=vec![|l| l.page().col_month, |l| l.page().col_due, |l| l.page().col_available, |l| l.page().col_margin] />
                <tbody>
                    {move || budget.get().map(|b| b.months.map(|m| view! {
                        <tr class:short=!m.fits>
                            <th scope="row">{lang.get().month_n(m.month)}</th>
                            <td data-label=p().col_due>{money(m.due)}</td>
                            <td data-label=p().col_available>{money(m.available)}</td>
                            <td data-label=p().col_margin>{money(m.margin)}</td>
                        </tr>
                    }).into_iter().collect_view())}
                </tbody>
            </table>
        </details>
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
