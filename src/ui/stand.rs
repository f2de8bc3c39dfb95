//! "Where you stand": per loan, one line — owed now and what 30 more days
//! add — and behind its fold what doing nothing costs, the typical
//! consequences timeline and the rate detective. Read-only, so the folds,
//! their lines and bodies are HTML text (`ui::markup::Part`): a line or
//! body redrawn only when its text changes, the folds kept.

use super::glossary::{follow_term, Term};
use super::markup::{self, element, fact, header_row, Part, Put};
use super::widgets::{escape_html as esc, Card};
use super::page::use_page;
use super::use_lang;
use crate::engine::{OverdueCost, RateCheck};
use crate::i18n::{fill, money, percent, Lang, DOT, SPACE};
use crate::present::{adds_in_30_days, LoanTitle};
use crate::form::Place;
use crate::scenario::field::Value;
use crate::scenario::{Evaluation, Field, LoanOutput};
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;

/// Every overdue loan's fold, as one part of HTML text
/// (`ui::markup::Part`): its shape is only the folds, drawn again when
/// which loans are overdue changes; a keystroke (or the language) sets
/// each fold's line and body in place, and the folds stay open or closed.
#[component]
pub fn StandSection() -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let root = NodeRef::<Div>::new();
    markup::part(root, move |out| page.evaluation.with(|e| stands_html(out, lang.get(), e)));
    view! {
        <Card id="stand" heading_id="stand-h" heading=|t| t.stand_heading testid="stand">
            <div on:click=move |ev| click(page, ev) node_ref=root></div>
        </Card>
    }
}

/// A glossary term, or "fill in this estimate": the overdue amounts of the
/// fold's loan become the estimate its body shows (review w14 R16).
fn click(page: super::page::Page, ev: leptos::ev::MouseEvent) {
    if markup::clicked(&ev).as_deref() != Some("fill-arrears") {
        return follow_term(ev);
    }
    let fold = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).and_then(|t| t.closest("[data-loan]").ok().flatten());
    let Some(id) = fold.and_then(|f| f.get_attribute("data-loan")) else { return };
    let found = page.evaluation.with_untracked(|e| {
        let l = e.loans.iter().find(|l| l.id == id)?;
        l.missed_instalments(l.overdue_cost.as_ref()?.days_overdue)
    });
    let Some((_, principal, interest)) = found else { return };
    page.edit(|f| {
        let Some(key) = f.document().loans.iter().position(|l| l.id == id).and_then(|i| f.loans().get(i).copied()) else { return };
        f.set(Place::loan(Field::OverduePrincipal, key), Value::Number(Some(principal)));
        f.set(Place::loan(Field::OverdueInterest, key), Value::Number(Some(interest)));
    });
}

fn stands_html(out: &mut Part, lang: Lang, e: &Evaluation) {
    let overdue = e.loans.iter().enumerate().filter(|(_, l)| l.overdue_cost.is_some());
    for (k, (index, l)) in overdue.enumerate() {
        let _ = write!(out.shape, r#"<details class="stand more" data-testid="loan-stand" data-loan="{}"><summary></summary><div></div></details>"#, esc(&l.id));
        let (mut line, mut body) = (String::new(), String::new());
        line_html(&mut line, lang, l, LoanTitle::among(e, index));
        body_html(&mut body, lang, l);
        let at = format!(":scope > details:nth-of-type({})", k + 1);
        out.set(format!("{at} > summary"), Put::Html, line);
        out.set(format!("{at} > div"), Put::Html, body);
    }
}

/// The fold's line: the loan (when there are several), owed now and what
/// 30 more days add, the days overdue.
fn line_html(out: &mut String, lang: Lang, l: &LoanOutput, title: Option<LoanTitle>) {
    let Some(cost) = l.overdue_cost.as_ref() else { return };
    let adds = adds_in_30_days(cost).unwrap_or_default();
    out.push_str("<span>");
    if let Some(tt) = title {
        let _ = write!(out, "<strong>{}</strong>{DOT}", esc(&lang.loan_title(tt)));
    }
    out.push_str(&esc(&lang.stand_line(cost.owed_now, adds)));
    if cost.days_overdue > 0 {
        let _ = write!(out, "{DOT}{}", esc(&fill(lang.page().overdue_days_line, &[&cost.days_overdue.to_string()])));
    }
    out.push_str("</span>");
}

/// Behind the fold: what doing nothing costs, the timeline, the rate
/// detective.
fn body_html(out: &mut String, lang: Lang, l: &LoanOutput) {
    let Some(cost) = l.overdue_cost.as_ref() else { return };
    // Behind with a penalty rate, yet no penalty so far: no overdue amount
    // was entered, so every penalty figure below is understated.
    if cost.days_overdue > 0 && cost.penalty_so_far_estimate.is_zero() && !cost.penalty_daily_percent.is_zero() {
        let _ = write!(out, r#"<p class="warning" data-testid="no-arrears">{}</p>"#, esc(&fill(lang.below().no_arrears, &[&cost.days_overdue.to_string()])));
        if let Some((n, principal, interest)) = l.missed_instalments(cost.days_overdue) {
            let says = fill(lang.below().arrears_estimate, &[&n.to_string(), &money(principal), &money(interest)]);
            let _ = write!(
                out,
                r#"<p class="hint" data-testid="arrears-estimate">{} <button type="button" class="link-button" data-testid="fill-arrears">{}</button></p>"#,
                esc(&says),
                esc(lang.below().fill_arrears)
            );
        }
    }
    element(out, "p", "explain", lang.below().explain_owed_after);
    facts(out, lang, cost);
    horizons(out, lang, cost);
    timeline(out, lang, cost);
    if let Some(rc) = &l.rate_check {
        rate_detective(out, lang, rc);
    }
}

fn facts(out: &mut String, lang: Lang, cost: &OverdueCost) {
    let t = lang.text();
    out.push_str(r#"<dl class="facts">"#);
    fact(out, t.owed_now, Some(Term::OwedNow), "owed-now", &money(cost.owed_now));
    fact(out, &lang.label(Field::OverdueDays, 0), Some(Term::DaysOverdue), "days-overdue", &cost.days_overdue.to_string());
    fact(out, t.penalty_rate, Some(Term::PenaltyRate), "penalty-rate", &lang.penalty_rate(cost.penalty_daily_percent, cost.penalty_annual_percent));
    fact(out, t.penalty_so_far, Some(Term::PenaltySoFar), "penalty-so-far", &money(cost.penalty_so_far_estimate));
    out.push_str("</dl>");
}

/// What would be owed after 30, 90, 180 and 360 more days, and what
/// waiting adds from today (issue 7: the penalty so far is not in it).
fn horizons(out: &mut String, lang: Lang, cost: &OverdueCost) {
    let (t, p, b) = (lang.text(), lang.page(), lang.below());
    out.push_str(r#"<table class="stack" data-testid="horizons">"#);
    element(out, "caption", "visually-hidden", b.explain_owed_after);
    header_row(out, &[b.horizon_days, t.owed_after, b.increase_from_today, p.penalty_since_today]);
    out.push_str("<tbody>");
    for h in &cost.horizons {
        let _ = write!(
            out,
            r#"<tr data-days="{d}"><th scope="row">{d}</th><td data-label="{}">{}</td><td data-label="{}">{}</td><td data-label="{}">{}</td></tr>"#,
            esc(t.owed_after),
            money(h.owed),
            esc(b.increase_from_today),
            esc(&lang.increase(h.increase)),
            esc(p.penalty_since_today),
            money(h.penalty_since_today),
            d = h.days,
        );
    }
    out.push_str("</tbody></table>");
    if cost.above_court_guideline {
        let court = &cost.court_guideline;
        out.push_str(r#"<p class="note" data-testid="court-note">"#);
        for (above, words) in [(court.penalty_rate_above, b.court_penalty_above), (court.true_apr_above, b.court_apr_above)] {
            if above {
                let _ = write!(out, "{}{SPACE}", esc(words));
            }
        }
        let _ = write!(out, "{}</p>", esc(b.court_note));
    }
}

/// The typical consequences, marked where already reached.
fn timeline(out: &mut String, lang: Lang, cost: &OverdueCost) {
    element(out, "h3", "", lang.below().timeline_heading);
    out.push_str(r#"<ol class="timeline" data-testid="timeline">"#);
    for e in &cost.timeline {
        let _ = write!(
            out,
            r#"<li{}><span class="when">{}</span><span>{}</span></li>"#,
            if e.reached { r#" class="reached""# } else { "" },
            esc(&lang.timeline_when(e)),
            esc(lang.timeline_event(e.key))
        );
    }
    out.push_str("</ol>");
}

/// The app's instalment against the contract's for the loan's method, and
/// the rates they imply (issue 7).
fn rate_detective(out: &mut String, lang: Lang, c: &RateCheck) {
    let (t, b) = (lang.text(), lang.below());
    let warn = c.hidden_fees_likely;
    let _ = write!(out, r#"<div class="rate-check" data-testid="rate-check" data-warning="{warn}">"#);
    element(out, "h3", "", b.rate_check_heading);
    line(out, &[(b.app_shows, money(c.app_payment), None), (b.contract_expects, money(c.expected_payment), None)]);
    line(
        out,
        &[(b.implied_rate, percent(c.implied_rate_percent), Some("rate-check-implied")), (b.expected_rate, percent(c.expected_rate_percent), None)],
    );
    line(
        out,
        &[
            (b.quoted_rate, percent(c.quoted_annual_percent), None),
            (b.true_rate, percent(c.apr_nominal_percent), Some("rate-check-apr")),
            (t.extra_total, money(c.extra_total), None),
        ],
    );
    element(out, "p", if warn { "warning" } else { "ok" }, if warn { b.rate_check_warning } else { b.rate_check_ok });
    out.push_str("</div>");
}

/// One paragraph of "label value" pairs joined by a dot; a value with a
/// test id is strong.
fn line(out: &mut String, pairs: &[(&str, String, Option<&str>)]) {
    out.push_str("<p>");
    for (i, (label, value, testid)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(DOT);
        }
        let _ = write!(out, "{}{SPACE}", esc(label));
        match testid {
            Some(id) => {
                let _ = write!(out, r#"<strong data-testid="{id}">{value}</strong>"#);
            }
            None => out.push_str(value),
        }
    }
    out.push_str("</p>");
}
