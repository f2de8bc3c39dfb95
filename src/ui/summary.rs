//! The summary at the top of the page (issue 9): what the borrower can pay
//! a month, what waiting costs, the plan across lenders (the two labelled
//! plans side by side), and the way to the letter. Its first line is the
//! page's only live region: a screen reader hears one sentence per change.

use super::page::use_page;
use super::use_lang;
use super::widgets::Card;
use super::markup::{draw, element};
use super::widgets::escape_html as esc;
use crate::i18n::{money, Lang, SPACE};
use crate::engine::Goal;
use crate::present::{can_pay, waiting_cost, Code, PlanLine};
use crate::scenario::Evaluation;
use leptos::html::{Div, P};
use crate::ui::widgets::say;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn SummarySection() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let (live, lines) = (NodeRef::<P>::new(), NodeRef::<Div>::new());
    draw(live, move |out| {
        let (pay, fits) = page.evaluation.with(|e| (can_pay(e), e.budget.figures.map(|b| b.fits)));
        let lang = lang.get();
        out.push_str(&esc(&lang.live_line(&pay.map(|p| lang.plan_payment(p)).unwrap_or_default(), fits)));
    });
    draw(lines, move |out| page.evaluation.with(|e| lines_html(out, lang.get(), e)));
    view! {
        <Card id="summary" heading_id="summary-h" heading=|t| t.results_heading page_heading=|p| p.summary_heading class="summary" testid="summary">
            <p class="visually-hidden" aria-live="polite" data-testid="live-summary" node_ref=live></p>
            <div node_ref=lines></div>
            <Plans />
            <a class="to-letter" href="#kit" data-testid="to-letter">{say(|l| l.page().to_letter)}</a>
        </Card>
    }
}

/// What the borrower can pay a month, and what waiting adds per 30 days
/// (when a loan is overdue).
fn lines_html(out: &mut String, lang: Lang, e: &Evaluation) {
    let p = lang.page();
    let pay = can_pay(e).map(|p| lang.plan_payment(p)).unwrap_or_default();
    let _ = write!(out, r#"<p class="can-pay">{}{SPACE}<strong data-testid="can-pay">{}</strong></p>"#, esc(p.can_pay), esc(&pay));
    if let Some(w) = waiting_cost(e) {
        let _ = write!(
            out,
            r#"<p class="waiting">{}{SPACE}<strong data-testid="waiting-cost">{}</strong>{}</p>"#,
            esc(p.waiting_adds),
            money(w),
            esc(p.per_30_days)
        );
    }
}

/// The two labelled plans across lenders, side by side: each lender's
/// amount a month and from when, what each is asked, and whether every
/// month fits or exactly which months fail. A plan's box is drawn again
/// only when which plans there are (or whether they fit) changes; its
/// text follows the evaluation.
#[component]
fn Plans() -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let plans = Memo::new(move |_| page.evaluation.with(PlanLine::all));
    let boxes = Memo::new(move |_| plans.with(|ps| ps.iter().map(|p| (p.goal, p.fits)).collect::<Vec<_>>()));
    let pending = NodeRef::<Div>::new();
    draw(pending, move |out| {
        if plans.with(Vec::is_empty) {
            let _ = write!(out, r#"<p class="explain" data-testid="plans-pending">{}</p>"#, esc(lang.get().page().plan_pending));
        }
    });
    view! {
        <div node_ref=pending></div>
        {move || {
            let boxes = boxes.get();
            (!boxes.is_empty()).then(|| view! {
                <div class="plans">
                    {boxes.into_iter().enumerate().map(|(i, (goal, fits))| plan_box(plans, i, goal, fits)).collect_view()}
                </div>
            })
        }}
    }
}

/// One plan: its name, each lender's part, what it asks, whether every
/// month fits; the kit's "use this plan" button between. Read-only parts
/// are HTML text (`ui::markup::draw`).
fn plan_box(plans: Memo<Vec<PlanLine>>, i: usize, goal: Goal, fits: bool) -> impl IntoView {
    let lang = use_lang();
    let (head, tail) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    let part = move |html: fn(&mut String, Lang, &PlanLine)| {
        move |out: &mut String| plans.with(|ps| ps.get(i).map_or((), |p| html(out, lang.get(), p)))
    };
    draw(head, part(plan_head));
    draw(tail, part(plan_tail));
    view! {
        <div class="plan" data-testid="plan" data-goal=goal.code() data-fits=fits.to_string()>
            <div node_ref=head></div>
            <super::kit::UsePlan goal=goal />
            <div node_ref=tail></div>
        </div>
    }
}

fn plan_head(out: &mut String, lang: Lang, plan: &PlanLine) {
    let p = lang.page();
    element(out, "h3", "", if plan.goal == Goal::Acceptance { p.plan_acceptance } else { p.plan_lowest_cost });
    let _ = write!(out, r#"<p class="plan-line" data-testid="plan-line"><strong>{}</strong></p>"#, esc(&lang.plan_line(plan)));
    element(out, "p", "explain", &lang.plan_asks(plan));
}

fn plan_tail(out: &mut String, lang: Lang, plan: &PlanLine) {
    let p = lang.page();
    if plan.fits {
        let _ = write!(out, r#"<p class="fits" data-testid="plan-fits">{}</p>"#, esc(p.plan_fits));
        return;
    }
    element(out, "p", "short", p.plan_short);
    out.push_str(r#"<ul data-testid="plan-failing">"#);
    for f in &plan.failing {
        element(out, "li", "", &lang.failing_line(f));
    }
    out.push_str("</ul>");
}
