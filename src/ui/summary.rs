//! The summary at the top of the page (issue 9): what the borrower can pay
//! a month, what waiting costs, the plan across lenders (the two labelled
//! plans side by side), and the way to the letter. Its first line is the
//! page's only live region: a screen reader hears one sentence per change.

use super::page::use_page;
use super::use_lang;
use super::widgets::Card;
use super::markup::element;
use super::widgets::escape_html as esc;
use crate::i18n::{money, Lang, SPACE};
use crate::engine::Goal;
use crate::present::{can_pay, waiting_cost, Code, PlanLine};
use crate::ui::widgets::say;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn SummarySection() -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let pay = Memo::new(move |_| page.evaluation.with(can_pay));
    let waiting = Memo::new(move |_| page.evaluation.with(waiting_cost));
    let fits = Memo::new(move |_| page.evaluation.with(|e| e.budget.figures.map(|b| b.fits)));
    let pay_text = move || pay.get().map(|p| lang.get().plan_payment(p)).unwrap_or_default();
    view! {
        <Card id="summary" heading_id="summary-h" heading=|t| t.results_heading page_heading=|p| p.summary_heading class="summary" testid="summary">
            <p class="visually-hidden" aria-live="polite" data-testid="live-summary">{move || lang.get().live_line(&pay_text(), fits.get())}</p>
            <p class="can-pay">
                {say(|l| l.page().can_pay)}
                {SPACE}
                <strong data-testid="can-pay">{pay_text}</strong>
            </p>
            {move || waiting.get().map(|w| view! {
                <p class="waiting">
                    {say(|l| l.page().waiting_adds)}
                    {SPACE}
                    <strong data-testid="waiting-cost">{money(w)}</strong>
                    {say(|l| l.page().per_30_days)}
                </p>
            })}
            <Plans />
            <a class="to-letter" href="#kit" data-testid="to-letter">{say(|l| l.page().to_letter)}</a>
        </Card>
    }
}

/// The two labelled plans across lenders, side by side: each lender's
/// amount a month and from when, what each is asked, and whether every
/// month fits or exactly which months fail.
#[component]
fn Plans() -> impl IntoView {
    let page = use_page();
    let plans = Memo::new(move |_| page.evaluation.with(PlanLine::all));
    move || {
        let plans = plans.get();
        if plans.is_empty() {
            return view! { <p class="explain" data-testid="plans-pending">{say(|l| l.page().plan_pending)}</p> }.into_any();
        }
        view! {
            <div class="plans">
                {plans.into_iter().map(|plan| view! { <PlanBox plan=plan /> }).collect_view()}
            </div>
        }
        .into_any()
    }
}

/// One plan: its name, each lender's part, what it asks, whether every
/// month fits; the kit's "use this plan" button between. Read-only parts
/// are HTML text (`ui::markup`).
#[component]
fn PlanBox(plan: PlanLine) -> impl IntoView {
    let lang = use_lang();
    let goal = plan.goal;
    let fits = plan.fits;
    let head = {
        let plan = plan.clone();
        move || plan_head(lang.get(), &plan)
    };
    let tail = move || plan_tail(lang.get(), &plan);
    view! {
        <div class="plan" data-testid="plan" data-goal=goal.code() data-fits=fits.to_string()>
            <div inner_html=head></div>
            <super::kit::UsePlan goal=goal />
            <div inner_html=tail></div>
        </div>
    }
}

fn plan_head(lang: Lang, plan: &PlanLine) -> String {
    let p = lang.page();
    let mut out = String::new();
    element(&mut out, "h3", "", if plan.goal == Goal::Acceptance { p.plan_acceptance } else { p.plan_lowest_cost });
    let _ = write!(out, r#"<p class="plan-line" data-testid="plan-line"><strong>{}</strong></p>"#, esc(&lang.plan_line(plan)));
    element(&mut out, "p", "explain", &lang.plan_asks(plan));
    out
}

fn plan_tail(lang: Lang, plan: &PlanLine) -> String {
    let p = lang.page();
    if plan.fits {
        return format!(r#"<p class="fits" data-testid="plan-fits">{}</p>"#, esc(p.plan_fits));
    }
    let mut out = String::new();
    element(&mut out, "p", "short", p.plan_short);
    out.push_str(r#"<ul data-testid="plan-failing">"#);
    for f in &plan.failing {
        element(&mut out, "li", "", &lang.failing_line(f));
    }
    out.push_str("</ul>");
    out
}
