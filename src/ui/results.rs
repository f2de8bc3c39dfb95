//! Live results: each loan's contract payment in one line, its totals,
//! true APR and schedule behind one fold; then all loans against the
//! budget, month by month. Not a live region: the summary announces one
//! line instead (issue 9).

use super::glossary::{follow_term, Term};
use super::markup::{draw, element, figure, header_row, part, Part, Put};
use super::page::use_page;
use super::schedule::ScheduleTable;
use super::widgets::{escape_html as esc, Card};
use super::use_lang;
use crate::engine::BudgetFigures;
use crate::i18n::{fill, money, percent, wan, Lang, Text, DOT, SPACE};
use crate::present::{LoanPayments, LoanTitle, Verdict};
use crate::scenario::evaluate::{FigureReason, LoanOutput};
use crate::scenario::Evaluation;
use leptos::html::Div;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::fmt::Write;

#[component]
pub fn Results() -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let count = Memo::new(move |_| page.evaluation.with(|e| e.loans.len()));
    let stale = NodeRef::<Div>::new();
    draw(stale, move |out| {
        if page.valid.with(Option::is_none) {
            let _ = write!(out, r#"<p class="stale" data-testid="stale-note">{}</p>"#, esc(lang.get().text().stale_results));
        }
    });
    view! {
        <Card id="results" heading_id="results-h" heading=|t| t.results_heading class="results">
            <div node_ref=stale></div>
            // One result per loan of the evaluation, by place (drawn again
            // when the number of loans changes): one view type, not erased.
            {move || (0..count.get()).map(|index| view! { <LoanResult index=index /> }).collect_view()}
            <BudgetResult />
        </Card>
    }
}

/// Payments in one line; totals, true APR and schedule behind the fold.
/// The figures are read-only: HTML text (`ui::markup`), read from the
/// evaluation by the loan's place and redrawn only when their text changes
/// (no memo cloning the loan's output on every keystroke).
#[component]
fn LoanResult(index: usize) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let loan = move |f: &mut dyn FnMut(&LoanOutput, &Evaluation)| page.evaluation.with(|e| e.loans.get(index).map(|l| f(l, e)));
    let rows = Signal::derive(move || page.evaluation.with(|e| schedule_of(e, index).cloned()).unwrap_or_default());
    let months = Memo::new(move |_| page.evaluation.with(|e| schedule_of(e, index).map_or(0, Vec::len)));
    let file_stem = Signal::derive(move || {
        let lender = page.evaluation.with(|e| e.loans.get(index).map(|l| lang.get().lender(l.lender))).unwrap_or_default();
        lang.get().schedule_file_stem(lender)
    });
    let (head, totals) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    part(head, move |out| {
        loan(&mut |l, e| {
            head_html(&mut out.shape, lang.get(), l, LoanTitle::among(e, index));
            // The loan's id on the result itself (set in place: no closure of its own).
            out.set("..", Put::Attr("data-loan"), l.id.clone());
        });
    });
    draw(totals, move |out| {
        loan(&mut |l, _| totals_html(out, lang.get(), l));
    });
    view! {
        <div class="loan-result" data-testid="loan-result">
            <div on:click=follow_term node_ref=head></div>
            <ScheduleTable rows=rows months=months file_stem=file_stem>
                <div on:click=follow_term node_ref=totals></div>
            </ScheduleTable>
            <super::road::Solver index=index />
        </div>
    }
}

/// The schedule of the evaluation's loan at `index`.
fn schedule_of(e: &Evaluation, index: usize) -> Option<&Vec<crate::engine::Row>> {
    e.loans.get(index).and_then(|l| l.schedule.as_ref()).map(|s| &s.schedule)
}

/// The loan's title (when there are several), its headline payment (and
/// the second one where instalments differ), and why a figure could not
/// be computed (issue 7), once per reason.
fn head_html(out: &mut String, lang: Lang, l: &LoanOutput, title: Option<LoanTitle>) {
    if let Some(tt) = title {
        element(out, "h3", "", &lang.loan_title(tt));
    }
    out.push_str(r#"<dl class="figures">"#);
    let payments = l.schedule.as_ref().map(|s| LoanPayments::of_schedule(l.method, s));
    let (label, value) = payments.map_or((String::new(), String::new()), |p| (lang.payment_label(p.headline.label).to_owned(), money(p.headline.amount)));
    figure(out, &label, Some(Term::ContractPayment), "result-payment", &value, None);
    if let Some(second) = payments.and_then(|p| p.second) {
        figure(out, lang.payment_label(second.label), None, "result-last-payment", &money(second.amount), None);
    }
    out.push_str("</dl>");
    let mut reasons: Vec<(&'static str, FigureReason)> = l.errors.iter().map(|e| (e.code, e.reason)).collect();
    reasons.dedup();
    for (code, reason) in reasons {
        let _ = write!(out, r#"<p class="note" data-testid="figure-error" data-code="{code}">{}</p>"#, esc(lang.figure_error(reason)));
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
fn totals_html(out: &mut String, lang: Lang, l: &LoanOutput) {
    out.push_str(r#"<dl class="figures">"#);
    for total in &TOTALS {
        let v = (total.value)(l);
        let value = match v {
            Some(v) if total.amount => money(v),
            Some(v) => percent(v),
            None => lang.page().cannot_compute.to_owned(),
        };
        let sub = v.filter(|_| total.amount).and_then(|v| wan(v, lang));
        figure(out, (total.label)(lang.text()), Some(total.term), total.testid, &value, sub.as_deref());
    }
    out.push_str("</dl>");
}

/// What the budget leaves for debt, debt-to-income, and whether every one
/// of the next 12 months fits: one part of HTML text (`ui::markup::Part`)
/// whose shape never changes (the months' fold keeps its state), each of
/// its four pieces set again only when its text changes — the warning is a
/// piece of its own (an alert is said when it appears, not on every redraw
/// of the figures). One effect and one element for the four, where each
/// was a node and an effect of its own (issue 13).
#[component]
fn BudgetResult() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let root = NodeRef::<Div>::new();
    part(root, move |out| page.evaluation.with(|e| budget_part(out, lang.get(), e)));
    view! { <div class="budget-result" on:click=follow_term node_ref=root></div> }
}

fn budget_part(out: &mut Part, lang: Lang, e: &Evaluation) {
    let b = e.budget.figures.as_ref();
    out.shape.push_str(r#"<div></div><div></div><div></div><details class="more"><summary></summary><div></div></details>"#);
    let mut figures = String::new();
    budget_html(&mut figures, lang, b, e.loans.len() > 1);
    out.set(":scope > div:nth-child(1)", Put::Html, figures);
    for (at, html) in [(":scope > div:nth-child(2)", dti_warning as fn(&mut String, Lang, Option<&BudgetFigures>)), (":scope > div:nth-child(3)", verdict_html)] {
        let mut text = String::new();
        html(&mut text, lang, b);
        out.set(at, Put::Html, text);
    }
    out.set("summary", Put::Text, lang.page().months_table);
    let mut months = String::new();
    months_html(&mut months, lang, b);
    out.set("details > div", Put::Html, months);
}

fn dti_warning(out: &mut String, lang: Lang, b: Option<&BudgetFigures>) {
    if b.is_some_and(|b| b.dti_over_limit) {
        let _ = write!(out, r#"<p class="warning" role="alert" data-testid="dti-warning">{}</p>"#, esc(lang.text().dti_warning));
    }
}

/// The heading (several loans) and the budget's figures.
fn budget_html(out: &mut String, lang: Lang, b: Option<&BudgetFigures>, several: bool) {
    let t = lang.text();
    let money_of = |f: fn(&BudgetFigures) -> Decimal| b.map(|b| money(f(b))).unwrap_or_default();
    if several {
        element(out, "h3", "", t.all_loans);
    }
    out.push_str(r#"<dl class="figures">"#);
    // When the months' dues differ (a 先息后本 loan's last month, arrears
    // due now), the total and the DTI are of the largest month: say so, with
    // its month and the smallest, so a balloon month does not read as monthly.
    let uneven = b.and_then(|b| {
        let least = b.months.iter().map(|m| m.due).min()?;
        let largest = b.months.iter().find(|m| m.due == b.debt_payments)?;
        (least < b.debt_payments).then(|| fill(lang.page().largest_month_sub, &[&largest.month.to_string(), &money(least)]))
    });
    if several {
        let label = if uneven.is_some() { lang.page().largest_month } else { t.monthly_payment };
        figure(out, label, None, "result-debt-payments", &money_of(|b| b.debt_payments), uneven.as_deref());
    }
    figure(out, t.disposable, Some(Term::Disposable), "result-disposable", &money_of(|b| b.disposable), None);
    let dti = b.map(|b| b.dti_percent.map(percent).unwrap_or_else(|| t.no_income.to_owned())).unwrap_or_default();
    figure(out, if uneven.is_some() { lang.page().dti_largest } else { t.dti }, Some(Term::Dti), "result-dti", &dti, None);
    out.push_str("</dl>");
}

/// Whether every month fits (and by how much, or the shortfall), and the
/// months in one line.
fn verdict_html(out: &mut String, lang: Lang, b: Option<&BudgetFigures>) {
    let t = lang.text();
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
}

/// The next 12 months: due, available, margin.
fn months_html(out: &mut String, lang: Lang, b: Option<&BudgetFigures>) {
    let p = lang.page();
    out.push_str(r#"<table class="stack" data-testid="budget-months-table">"#);
    header_row(out, &[p.col_month, p.col_due, p.col_available, p.col_margin]);
    out.push_str("<tbody>");
    for m in b.map_or(&[][..], |b| &b.months) {
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
    out.push_str("</tbody></table>");
}
