//! The road's read-only parts as HTML text, set with `inner_html`: the
//! strategies side by side, the custom order, the stacked chart with its
//! legend, the chart's table and the effects table. Why text, not `view!`:
//! every reactive element of a `view!` is its own monomorphised render
//! function, and these parts are many small elements redrawn together
//! anyway — as text they cost the bundle a fraction (issue 12 allows
//! 12 KB brotli). Each piece is written by [`put`], a template whose `{}`
//! take values it escapes: one place escapes, and call sites stay small
//! (no `format!`). The controls in them (radio buttons, order buttons) are
//! read by one delegated click handler, from their `value` or `data-`
//! attributes.

use crate::engine::payoff::{PayoffPlan, ShortMonth};
use crate::engine::{Prepaid, PrepayEffect, SolveError, Solved};
use crate::i18n::{amount, fill, money, RoadPageText, RoadText, DOT};
use crate::present::road::{balances_with_total, code, DefaultBudget, RoadMonths, StackChart, StrategyFigures, CHART_H, CHART_W, KINDS, PLOT_BOTTOM, PLOT_RIGHT, PLOT_TOP};
use crate::scenario::field::Unit;
use crate::scenario::road::PrepaidByEffect;
use crate::engine::PayoffKind;

/// Colours the stylesheet defines (`layer-0` …); more lenders repeat them.
const COLOURS: usize = 6;

pub use crate::ui::widgets::escape_html as esc;

/// `template` onto `out`, each `{}` taking the next of `values`, escaped
/// (markup is only ever in templates, never in values).
pub fn put(out: &mut String, template: &str, values: &[&str]) {
    let mut values = values.iter();
    for (i, piece) in template.split("{}").enumerate() {
        if i > 0 {
            out.push_str(&esc(values.next().copied().unwrap_or_default()));
        }
        out.push_str(piece);
    }
}

/// `" attr"` when `on`, else nothing (`checked`, `disabled`, `open`).
fn flag(on: bool, attr: &'static str) -> &'static str {
    if on { attr } else { "" }
}

/// Month `k` of the road: its date, or "month k".
fn month_name(w: &RoadText, months: RoadMonths, k: u32) -> String {
    months.label(k).unwrap_or_else(|| fill(w.debt_free_month, &[&k.to_string()]))
}

/// The introduction, the strategies side by side, each with its radio
/// button (value: its code), and the custom order when it is shown.
pub fn strategies(w: &RoadText, figures: &[StrategyFigures], months: RoadMonths, picked: PayoffKind, order: Option<&[(String, String)]>) -> String {
    let mut out = String::new();
    put(&mut out, r#"<p class="explain">{}</p><fieldset class="strategies" data-testid="strategies"><legend>{}</legend><div class="strategy-grid">"#, &[w.intro, w.strategies_legend]);
    for kind in KINDS {
        let (c, on) = (code(kind), kind == picked);
        put(
            &mut out,
            r#"<div class="strategy{}" data-testid="strategy" data-kind="{}" data-picked="{}"><div class="strategy-pick"><input type="radio" id="strategy-{}" name="payoff-kind" value="{}" data-testid="strategy-pick" data-action="pick"{}><label for="strategy-{}">{}</label>"#,
            &[flag(on, " picked"), c, if on { "true" } else { "false" }, c, c, flag(on, " checked"), c, w.lang.payoff_kind(kind)],
        );
        if on {
            put(&mut out, r#"<span class="badge" data-testid="strategy-picked">{}</span>"#, &[w.picked]);
        }
        out.push_str("</div>");
        match figures.iter().find(|f| f.kind == kind) {
            Some(f) => strategy_figures(&mut out, w, f, months),
            None => put(&mut out, r#"<p class="explain">{}</p>"#, &[w.custom_unset]),
        }
        out.push_str("</div>");
    }
    out.push_str("</div></fieldset>");
    if let Some(loans) = order {
        push_order(&mut out, w, loans);
    }
    out
}

/// A `<dt>`/`<dd>` pair of a strategy's figures.
fn pair(out: &mut String, label: &str, testid: &str, value: &str) {
    put(out, r#"<dt>{}</dt><dd data-testid="{}">{}</dd>"#, &[label, testid, value]);
}

fn strategy_figures(out: &mut String, w: &RoadText, f: &StrategyFigures, months: RoadMonths) {
    let month = f.debt_free_month;
    let free = month.map_or_else(|| w.never.to_owned(), |m| month_name(w, months, m));
    let number = month.map(|m| m.to_string()).unwrap_or_default();
    put(out, r#"<dl class="strategy-figures"><dt>{}</dt><dd data-testid="strategy-debt-free" data-month="{}">{}</dd>"#, &[w.debt_free, &number, &free]);
    match (month, f.owed_after) {
        // Never ends: what is still owed, not totals of the months simulated (review w14 S5).
        (None, Some(owed)) => pair(out, w.owed_after, "strategy-owed-after", &money(owed)),
        _ => {
            pair(out, w.months, "strategy-months", &month.map(|m| w.lang.count(Unit::Months, m)).unwrap_or_default());
            pair(out, w.total_interest, "strategy-interest", &money(f.total_interest));
            let over = f.over_best.map(|o| w.against_cheapest(o));
            pair(out, w.over_best, "strategy-over-best", &over.unwrap_or_default());
            pair(out, w.total_paid, "strategy-paid", &money(f.total_paid));
        }
    }
    let short = f.first_short.map_or_else(|| w.no_short.to_owned(), |s| fill(w.short_value, &[&s.month.to_string(), &money(s.shortfall)]));
    pair(out, w.first_short, "strategy-short", &short);
    out.push_str("</dl>");
}

/// The custom order: each loan (id, title) with its two buttons
/// (`data-loan`, `data-action` up or down); ids `order-{loan}-up` / `-down` for focus.
fn push_order(out: &mut String, w: &RoadText, loans: &[(String, String)]) {
    put(out, r#"<div class="order" data-testid="payoff-order"><h3 id="order-h">{}</h3><p class="hint">{}</p><ol aria-labelledby="order-h">"#, &[w.order_heading, w.order_hint]);
    let last = loans.len().saturating_sub(1);
    for (i, (id, title)) in loans.iter().enumerate() {
        put(out, r#"<li data-testid="order-item" data-loan="{}"><span class="order-name">{}</span>"#, &[id, title]);
        for (dir, short, label, end) in [("up", w.move_up_short, w.move_up, i == 0), ("down", w.move_down_short, w.move_down, i == last)] {
            put(
                out,
                r#"<button type="button" id="order-{}-{}" data-testid="order-{}" data-loan="{}" data-action="{}" aria-label="{}"{}>{}</button>"#,
                &[id, dir, dir, id, dir, &fill(label, &[title]), flag(end, " disabled"), short],
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></div>");
}

/// What the budget is when left empty (under its field).
pub fn budget_hint(w: &RoadText, default: DefaultBudget) -> String {
    let budget = match default {
        DefaultBudget::Flat(d) => fill(w.budget_default_flat, &[&money(d)]),
        DefaultBudget::Range(lo, hi) => fill(w.budget_default_range, &[&money(lo), &money(hi)]),
    };
    let mut out = String::new();
    put(&mut out, r#"<p class="hint" data-testid="budget-default">{}</p>"#, &[&budget]);
    out
}

/// The loans the road leaves out (id, title, why), each by name, before
/// the strategies: their debt-free dates do not cover these.
pub fn left_out(w: &RoadText, loans: &[(&str, String, &str)]) -> String {
    let mut out = String::new();
    if loans.is_empty() {
        return out;
    }
    put(&mut out, r#"<div class="note left-out" data-testid="road-left-out"><p>{}</p><ul>"#, &[w.left_out_intro]);
    for (id, title, why) in loans {
        put(&mut out, r#"<li data-testid="left-out" data-loan="{}">{}</li>"#, &[id, &fill(w.left_out_item, &[title, why])]);
    }
    out.push_str("</ul></div>");
    out
}

/// The picked plan's chart and legend, and its table (rows only when
/// `table_open`: up to 600).
pub fn chart_part(w: &RoadText, picked: Option<(&PayoffPlan, &[String])>, months: RoadMonths, table_open: bool) -> String {
    let mut out = String::new();
    if let Some((plan, titles)) = picked {
        chart(&mut out, w, plan, months, titles);
        put(&mut out, r#"<details class="schedule" data-testid="road-table"{}><summary data-action="table">{}</summary>"#, &[flag(table_open, " open"), w.table_toggle]);
        if table_open {
            out.push_str(r#"<div class="table-wrap"><table data-testid="road-table-rows">"#);
            chart_table(&mut out, w, plan, months, titles);
            out.push_str("</table></div>");
        }
        out.push_str("</details>");
    }
    out
}

/// The picked plan's stacked chart (`titles`: one per debt of the plan),
/// then its legend with the month each lender is paid off.
fn chart(out: &mut String, w: &RoadText, plan: &PayoffPlan, months: RoadMonths, titles: &[String]) {
    let c = StackChart::of(plan);
    // The box, the plot's edges, and where tick labels sit beside them.
    let [width, height, left, right, top, bottom, y_label, x_tick, x_label] =
        [CHART_W, CHART_H, c.left, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM, c.left - 8, PLOT_BOTTOM + 6, PLOT_BOTTOM + 34].map(|n| n.to_string());
    let name = w.lang.payoff_kind(plan.strategy);
    let label = match plan.debt_free_month {
        Some(m) => fill(w.chart_label, &[name, &m.to_string()]),
        None => fill(w.chart_never, &[name]),
    };
    // Eight digits and more ("¥40,000,000"): smaller labels on a phone (style/road.css).
    let long = flag(c.y_ticks.last().is_some_and(|t| t.value >= 10_000_000), " long");
    put(out, r#"<h3>{}</h3><svg class="stack-chart{}" viewBox="0 0 {} {}" role="img" aria-label="{}" data-testid="stack-chart">"#, &[w.chart_heading, long, &width, &height, &label]);
    for t in &c.y_ticks {
        let (at, money) = (t.at.text(), money(t.value.into()));
        put(
            out,
            r#"<line class="gridline" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
            &[&left, &right, &at, &at, &y_label, &t.label_at().text(), money.trim_end_matches(".00")],
        );
    }
    for (j, points) in c.layers.iter().enumerate() {
        put(out, r#"<polygon class="layer layer-{}" points="{}"/>"#, &[&(j % COLOURS).to_string(), points]);
    }
    put(out, r#"<line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/><line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/>"#, &[&left, &right, &bottom, &bottom, &left, &left, &top, &bottom]);
    for t in &c.x_ticks {
        let at = t.at.text();
        let name = months.label(t.value).unwrap_or_else(|| fill(w.month_tick, &[&t.value.to_string()]));
        put(out, r#"<line class="axis" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>"#, &[&at, &at, &bottom, &x_tick, &at, &x_label, &name]);
    }
    out.push_str("</svg>");
    legend(out, w, plan, months, titles);
}

fn legend(out: &mut String, w: &RoadText, plan: &PayoffPlan, months: RoadMonths, titles: &[String]) {
    put(out, r#"<h4>{}</h4><ul class="legend" data-testid="legend">"#, &[w.paid_off_heading]);
    for (j, l) in plan.loans.iter().enumerate() {
        let month = l.paid_off_month.map(|m| m.to_string()).unwrap_or_default();
        let when = match l.paid_off_month {
            Some(0) => w.nothing_owed.to_owned(),
            Some(m) => {
                let text = fill(w.paid_off_in, &[&month]);
                months.label(m).map_or_else(|| text.clone(), |d| [text.as_str(), DOT, &d].concat())
            }
            None => w.paid_off_never.to_owned(),
        };
        put(
            out,
            r#"<li data-testid="paid-off" data-loan="{}" data-month="{}"><span class="swatch layer-{}" aria-hidden="true"></span><span>{}{}{}</span></li>"#,
            &[&l.id, &month, &(j % COLOURS).to_string(), titles.get(j).unwrap_or(&l.id), DOT, &when],
        );
    }
    out.push_str("</ul>");
}

/// The chart's figures as table rows: month, date, each lender, total.
fn chart_table(out: &mut String, w: &RoadText, plan: &PayoffPlan, months: RoadMonths, titles: &[String]) {
    put(out, r#"<thead><tr><th scope="col">{}</th><th scope="col">{}</th>"#, &[w.month_col, w.date_col]);
    for t in titles {
        put(out, r#"<th scope="col">{}</th>"#, &[t]);
    }
    put(out, r#"<th scope="col">{}</th></tr></thead><tbody>"#, &[w.total_col]);
    for (k, row) in balances_with_total(plan).into_iter().enumerate() {
        let (month, date) = if k == 0 { (w.now.to_owned(), String::new()) } else { (k.to_string(), months.label(k as u32).unwrap_or_default()) };
        put(out, r#"<tr><th scope="row">{}</th><td>{}</td>"#, &[&month, &date]);
        for b in &row {
            put(out, "<td>{}</td>", &[&amount(*b)]);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody>");
}

/// A row of the effects table: its label and the figure of one effect.
struct EffectRow {
    testid: &'static str,
    label: fn(&RoadText) -> &'static str,
    value: fn(&Prepaid) -> String,
}

const EFFECT_ROWS: [EffectRow; 5] = [
    EffectRow { testid: "effect-months", label: |w| w.effect_months, value: |p| p.months.to_string() },
    EffectRow { testid: "effect-interest", label: |w| w.effect_interest, value: |p| money(p.total_interest) },
    EffectRow { testid: "effect-saved", label: |w| w.effect_saved, value: |p| money(p.interest_saved) },
    EffectRow { testid: "effect-months-saved", label: |w| w.effect_months_saved, value: |p| p.months_saved.to_string() },
    EffectRow { testid: "effect-fees", label: |w| w.effect_fees, value: |p| money(p.fees) },
];

/// Both effects of a loan's prepayments side by side.
fn effects(out: &mut String, w: &RoadText, both: &PrepaidByEffect) {
    put(
        out,
        r#"<table class="effects" data-testid="effects"><caption>{}</caption><thead><tr><td></td><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        &[w.effects_caption, w.lang.prepay_effect(PrepayEffect::ShortenTerm), w.lang.prepay_effect(PrepayEffect::LowerPayment)],
    );
    for r in &EFFECT_ROWS {
        put(
            out,
            r#"<tr><th scope="row">{}</th><td data-testid="{}" data-effect="shorten_term">{}</td><td data-testid="{}" data-effect="lower_payment">{}</td></tr>"#,
            &[(r.label)(w), r.testid, &(r.value)(&both.shorten_term), r.testid, &(r.value)(&both.lower_payment)],
        );
    }
    out.push_str("</tbody></table>");
}

/// Both effects of a loan's prepayments side by side, or what a monthly
/// extra alone saves.
pub fn effects_or_saved(w: &RoadText, both: Option<&PrepaidByEffect>, prepaid: Option<&Prepaid>) -> String {
    let mut out = String::new();
    match (both, prepaid) {
        (Some(both), _) => effects(&mut out, w, both),
        (None, Some(p)) => {
            let saved = fill(w.prepaid_summary, &[&p.months.to_string(), &money(p.interest_saved)]);
            put(&mut out, r#"<p data-testid="prepaid-summary">{}</p>"#, &[&saved]);
        }
        (None, None) => {}
    }
    out
}

/// The button removing prepayment `item` (0-based; `data-action="remove"`)
/// of the loan `loan` (its id: the button's is `{loan}-remove-{item + 1}`).
pub fn remove_button(w: &RoadText, loan: &str, item: u16) -> String {
    let mut out = String::new();
    let (index, number) = (item.to_string(), (item + 1).to_string());
    put(
        &mut out,
        r#"<div><button type="button" class="remove" id="{}-remove-{}" data-testid="remove-prepayment" data-action="remove" data-item="{}" aria-label="{}">{}</button></div>"#,
        &[loan, &number, &index, &fill(w.remove_prepayment, &[&number]), w.remove],
    );
    out
}

/// The calendar part: its words, the loans left out, a warning when the
/// plan's budget falls short (the calendar then leaves payments out), and
/// the download button (`data-action="ics"`, disabled when no loan has a
/// due date).
pub fn calendar(w: &RoadText, undated: &[String], all_undated: bool, short: Option<ShortMonth>) -> String {
    let note = match (all_undated, undated.is_empty()) {
        (true, _) => w.no_calendar(crate::i18n::NoCalendar::NoDueDate).to_owned(),
        (false, false) => w.undated_list(undated),
        (false, true) => String::new(),
    };
    let mut out = String::new();
    put(
        &mut out,
        r#"<h3>{}</h3><p class="explain">{}</p><p class="hint" data-testid="calendar-undated">{}</p><button type="button" class="ics" data-testid="download-ics" data-action="ics"{}>{}</button>"#,
        &[w.calendar_heading, w.calendar_intro, &note, flag(all_undated, " disabled"), w.calendar_button],
    );
    if let Some(s) = short.filter(|_| !all_undated) {
        let month = fill(w.short_value, &[&s.month.to_string(), &money(s.shortfall)]);
        put(&mut out, r#"<p class="note" data-testid="calendar-short">{}</p>"#, &[&fill(w.calendar_short, &[&month])]);
    }
    out
}

/// The solver's answer: the months and the last instalment, or why not.
/// (It sits in the main wasm, in each loan's results: `format!` there
/// costs the first load less than [`put`] would.)
pub fn solver_answer(w: &RoadPageText, answer: Option<Result<Solved, SolveError>>) -> String {
    let Some(answer) = answer else { return String::new() };
    let (months, text) = match answer {
        Ok(s) => (s.months.to_string(), fill(w.solver_months, &[&s.months.to_string(), &money(s.last_payment), &money(s.total_interest)])),
        Err(SolveError::BelowInterest { interest }) => (String::new(), fill(w.solver_below, &[&money(interest)])),
        Err(SolveError::BeyondMaxMonths) => (String::new(), w.solver_beyond.to_owned()),
        Err(SolveError::Contract(_) | SolveError::Payment(_)) => (String::new(), w.solver_invalid.to_owned()),
    };
    let refused = months.is_empty();
    format!(
        r#"<p class="solver-answer{}" data-testid="solver-answer" data-months="{months}" data-refused="{refused}">{}</p>"#,
        if refused { " refused" } else { "" },
        esc(&text)
    )
}
