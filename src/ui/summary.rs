//! The summary at the top of the page (issue 9): what the borrower can pay
//! a month, what waiting costs, the plan across lenders (the two labelled
//! plans side by side), and the way to the letter. Its first line is the
//! page's only live region: a screen reader hears one sentence per change.

use super::page::use_page;
use super::use_lang;
use super::widgets::Card;
use super::kit::{self, plan_pressed, use_plan};
use super::markup::{self, element, part, Part, Put};
use super::widgets::escape_html as esc;
use crate::i18n::{fill, money, Lang, SPACE};
use crate::engine::Goal;
use crate::present::{can_pay, waiting_cost, Code, PlanLine};
use crate::scenario::Evaluation;
use leptos::ev::MouseEvent;
use leptos::html::Div;
use crate::ui::widgets::say;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

#[component]
pub fn SummarySection() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let top = NodeRef::<Div>::new();
    // The live region stays (the part's shape never changes): its sentence
    // is set in place, and the lines below it only when their text changes.
    part(top, move |out| {
        let lang = lang.get();
        page.evaluation.with(|e| {
            // The verdict is the recommended plan's, what the page shows
            // under it (review w14 R7: "over budget", of the contract's
            // instalments, was heard under a plan that fits).
            let fits = e.plans.first().map(|p| p.fits);
            let pay = can_pay(e);
            out.shape.push_str(r#"<p class="visually-hidden" aria-live="polite" data-testid="live-summary"></p><div></div>"#);
            out.set("p", Put::Text, lang.live_line(&pay.map(|p| lang.plan_payment(p)).unwrap_or_default(), fits));
            let mut lines = String::new();
            lines_html(&mut lines, lang, e);
            out.set("div", Put::Html, lines);
        });
    });
    view! {
        <Card id="summary" heading_id="summary-h" heading=|t| t.results_heading page_heading=|p| p.summary_heading class="summary" testid="summary">
            <div node_ref=top></div>
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
            r#"<p class="waiting">{}{SPACE}<strong data-testid="waiting-cost">{}</strong>{}<span data-testid="waiting-penalty">{}</span></p>"#,
            esc(p.waiting_adds),
            money(w.adds),
            esc(p.per_30_days),
            esc(&fill(p.waiting_penalty, &[&money(w.penalty)]))
        );
    }
}

/// The two labelled plans across lenders, side by side: each lender's
/// amount a month and from when, what each is asked, and whether every
/// month fits or exactly which months fail; the kit's "use this plan"
/// button between. One part of HTML text (`ui::markup::Part`): a plan's
/// box is drawn again only when which plans there are (or whether they
/// fit) changes; its text and its button's state are set in place (the
/// button keeps the focus). The buttons' clicks are read here, by test id.
#[component]
fn Plans() -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let root = NodeRef::<Div>::new();
    markup::part(root, move |out| {
        let plans = page.evaluation.with(PlanLine::all);
        let pressed: Vec<bool> = plans.iter().map(|p| plan_pressed(page, p.goal)).collect();
        plans_html(out, lang.get(), &plans, &pressed);
    });
    let clicked = move |ev: MouseEvent| {
        if markup::clicked(&ev).as_deref() != Some("use-plan") {
            return;
        }
        let at = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("[data-goal]").ok().flatten());
        let code = at.and_then(|e| e.get_attribute("data-goal"));
        if let Some(goal) = [Goal::Acceptance, Goal::LowestCost].into_iter().find(|g| code.as_deref() == Some(g.code())) {
            use_plan(page, goal);
        }
    };
    view! { <div node_ref=root on:click=clicked></div> }
}

// The plans' buttons' words are the kit's (`KitText`), taken into each
// language's `Names` when compiling (`plan_button`): the main wasm reads no
// `lang.kit()` here, which would bring every word of the kit (its chunk's
// strings) into the main wasm, and only the page language's are fetched.

/// The plans' boxes (or the line saying they are still to come): each its
/// head, its button and its tail, set in place.
fn plans_html(out: &mut Part, lang: Lang, plans: &[PlanLine], pressed: &[bool]) {
    if plans.is_empty() {
        let _ = write!(out.shape, r#"<p class="explain" data-testid="plans-pending">{}</p>"#, esc(lang.page().plan_pending));
        return;
    }
    out.shape.push_str(r#"<div class="plans">"#);
    for (plan, pressed) in plans.iter().zip(pressed) {
        let [scope, head_at, tail_at] = selectors(plan.goal);
        let _ = write!(out.shape, r#"<div class="plan" data-testid="plan" data-goal="{}" data-fits="{}"><div></div>"#, plan.goal.code(), plan.fits);
        let words = lang.words().names.plan_button[*pressed as usize];
        kit::pressed(out, scope, "use-plan", *pressed, words);
        out.shape.push_str("<div></div></div>");
        let (mut head, mut tail) = (String::new(), String::new());
        plan_head(&mut head, lang, plan);
        plan_tail(&mut tail, lang, plan);
        out.set(head_at, Put::Html, head);
        out.set(tail_at, Put::Html, tail);
    }
    out.shape.push_str("</div>");
}

/// A plan's box, its head and its tail, as selectors (the box's
/// `data-goal` is `Goal::code`): static, where a `format!` per plan was
/// code and a string per keystroke.
fn selectors(goal: Goal) -> [&'static str; 3] {
    match goal {
        Goal::Acceptance => [r#"[data-goal="acceptance"]"#, r#"[data-goal="acceptance"] > div:first-child"#, r#"[data-goal="acceptance"] > div:last-child"#],
        Goal::LowestCost => [r#"[data-goal="lowest_cost"]"#, r#"[data-goal="lowest_cost"] > div:first-child"#, r#"[data-goal="lowest_cost"] > div:last-child"#],
    }
}

fn plan_head(out: &mut String, lang: Lang, plan: &PlanLine) {
    let p = lang.page();
    let heading = match (plan.both, plan.goal) {
        _ if !plan.fits => p.plan_closest,
        (true, _) => p.plan_both,
        (false, Goal::Acceptance) => p.plan_acceptance,
        (false, Goal::LowestCost) => p.plan_lowest_cost,
    };
    element(out, "h3", "", heading);
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
    element(out, "p", "explain", p.plan_closest_note);
}
