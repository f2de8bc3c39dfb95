//! Live results: each loan's contract payment in one line, its totals,
//! true APR and schedule behind one fold; then all loans against the
//! budget, month by month. Not a live region: the summary announces one
//! line instead (issue 9).

use super::glossary::{follow_term, Term};
use super::markup::{element, figure};
use super::page::use_page;
use super::schedule::ScheduleTable;
use super::widgets::{escape_html as esc, Card, HeaderRow};
use super::{loan_at, use_lang, EachLoan};
use crate::engine::BudgetFigures;
use crate::i18n::{money, percent, wan, Lang, Text, DOT, SPACE};
use crate::present::{LoanPayments, LoanTitle, Verdict};
use crate::scenario::evaluate::{FigureReason, LoanOutput};
use crate::ui::widgets::say;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::fmt::Write;

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
/// The figures are read-only: HTML text (`ui::markup`), redrawn only when
/// their text changes.
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
    let head = Memo::new(move |_| loan.with(|l| l.as_ref().map(|l| head_html(lang.get(), l, title.get()))).unwrap_or_default());
    let totals = Memo::new(move |_| loan.with(|l| l.as_ref().map(|l| totals_html(lang.get(), l))).unwrap_or_default());
    view! {
        <div class="loan-result" data-testid="loan-result" data-loan=move || loan.with(|l| l.as_ref().map(|l| l.id.clone()))>
            <div on:click=follow_term inner_html=head></div>
            <ScheduleTable rows=rows months=months file_stem=file_stem>
                <dl class="figures" on:click=follow_term inner_html=totals></dl>
            </ScheduleTable>
            <super::road::Solver index=index />
        </div>
    }
}

/// The loan's title (when there are several), its headline payment (and
/// the second one where instalments differ), and why a figure could not
/// be computed (issue 7), once per reason.
fn head_html(lang: Lang, l: &LoanOutput, title: Option<LoanTitle>) -> String {
    let mut out = String::new();
    if let Some(tt) = title {
        element(&mut out, "h3", "", &lang.loan_title(tt));
    }
    out.push_str(r#"<dl class="figures">"#);
    let payments = l.schedule.as_ref().map(|s| LoanPayments::of_schedule(l.method, s));
    let (label, value) = payments.map_or((String::new(), String::new()), |p| (lang.payment_label(p.headline.label).to_owned(), money(p.headline.amount)));
    figure(&mut out, &label, Some(Term::ContractPayment), "result-payment", &value, None);
    if let Some(second) = payments.and_then(|p| p.second) {
        figure(&mut out, lang.payment_label(second.label), None, "result-last-payment", &money(second.amount), None);
    }
    out.push_str("</dl>");
    let mut reasons: Vec<(&'static str, FigureReason)> = l.errors.iter().map(|e| (e.code, e.reason)).collect();
    reasons.dedup();
    for (code, reason) in reasons {
        let _ = write!(out, r#"<p class="note" data-testid="figure-error" data-code="{code}">{}</p>"#, esc(lang.figure_error(reason)));
    }
    out
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
fn totals_html(lang: Lang, l: &LoanOutput) -> String {
    let mut out = String::new();
    for total in &TOTALS {
        let v = (total.value)(l);
        let value = match v {
            Some(v) if total.amount => money(v),
            Some(v) => percent(v),
            None => lang.page().cannot_compute.to_owned(),
        };
        let sub = v.filter(|_| total.amount).and_then(|v| wan(v, lang));
        figure(&mut out, (total.label)(lang.text()), Some(total.term), total.testid, &value, sub.as_deref());
    }
    out
}

/// What the budget leaves for debt, debt-to-income, and whether every one
/// of the next 12 months fits. The figures, the verdict and the months are
/// HTML text; the warning stays an element of its own (an alert is said
/// when it appears, not on every redraw).
#[component]
fn BudgetResult() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let budget = Memo::new(move |_| page.evaluation.with(|e| e.budget.figures));
    let several = Memo::new(move |_| page.evaluation.with(|e| e.loans.len() > 1));
    let dti_over = move || budget.with(|b| b.is_some_and(|b| b.dti_over_limit));
    let figures = Memo::new(move |_| budget_html(lang.get(), budget.get().as_ref(), several.get()));
    let verdict = Memo::new(move |_| verdict_html(lang.get(), budget.get().as_ref()));
    let months = Memo::new(move |_| budget.with(|b| b.as_ref().map(|b| months_html(lang.get(), b))).unwrap_or_default());
    view! {
        <div class="budget-result">
            <div on:click=follow_term inner_html=figures></div>
            <Show when=dti_over>
                <p class="warning" role="alert" data-testid="dti-warning">{say(|l| l.text().dti_warning)}</p>
            </Show>
            <div inner_html=verdict></div>
            <details class="more">
                <summary>{say(|l| l.page().months_table)}</summary>
                <table class="stack" data-testid="budget-months-table">
                    <HeaderRow columns=vec![|l| l.page().col_month, |l| l.page().col_due, |l| l.page().col_available, |l| l.page().col_margin] />
                    <tbody inner_html=months></tbody>
                </table>
            </details>
        </div>
    }
}

/// The heading (several loans) and the budget's figures.
fn budget_html(lang: Lang, b: Option<&BudgetFigures>, several: bool) -> String {
    let t = lang.text();
    let money_of = |f: fn(&BudgetFigures) -> Decimal| b.map(|b| money(f(b))).unwrap_or_default();
    let mut out = String::new();
    if several {
        element(&mut out, "h3", "", t.all_loans);
    }
    out.push_str(r#"<dl class="figures">"#);
    if several {
        figure(&mut out, t.monthly_payment, None, "result-debt-payments", &money_of(|b| b.debt_payments), None);
    }
    figure(&mut out, t.disposable, Some(Term::Disposable), "result-disposable", &money_of(|b| b.disposable), None);
    let dti = b.map(|b| b.dti_percent.map(percent).unwrap_or_else(|| t.no_income.to_owned())).unwrap_or_default();
    figure(&mut out, t.dti, Some(Term::Dti), "result-dti", &dti, None);
    out.push_str("</dl>");
    out
}

/// Whether every month fits (and by how much, or the shortfall), and the
/// months in one line.
fn verdict_html(lang: Lang, b: Option<&BudgetFigures>) -> String {
    let t = lang.text();
    let mut out = String::new();
    if let Some(b) = b {
        let v = Verdict::of(b);
        let (class, says, amount_is) = if v.fits { ("verdict fits", t.fits, t.margin) } else { ("verdict no-fit", t.does_not_fit, t.shortfall) };
        let _ = write!(
            out,
            r#"<p class="{class}" data-testid="fit-verdict" data-fits="{}"><strong>{}</strong>{DOT}{}{SPACE}<span data-testid="fit-margin">{}</span></p>"#,
            v.fits,
            esc(says),
            esc(amount_is),
            money(v.amount)
        );
    }
    let line = b.map(|b| lang.budget_months(b.fits, b.peak_month, b.peak_due)).unwrap_or_default();
    let _ = write!(out, r#"<p class="months-line" data-testid="budget-months">{}</p>"#, esc(&line));
    out
}

/// The next 12 months: due, available, margin.
fn months_html(lang: Lang, b: &BudgetFigures) -> String {
    let p = lang.page();
    let mut out = String::new();
    for m in &b.months {
        let _ = write!(
            out,
            r#"<tr{}><th scope="row">{}</th><td data-label="{}">{}</td><td data-label="{}">{}</td><td data-label="{}">{}</td></tr>"#,
            if m.fits { "" } else { r#" class="short""# },
            esc(&lang.month_n(m.month)),
            esc(p.col_due),
            money(m.due),
            esc(p.col_available),
            money(m.available),
            esc(p.col_margin),
            money(m.margin)
        );
    }
    out
}
