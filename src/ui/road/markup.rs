//! The road's read-only parts as HTML text, set with `inner_html`: the
//! strategies side by side, the custom order, the stacked chart with its
//! legend, the chart's table and the effects table. Why text, not `view!`:
//! every reactive element of a `view!` is its own monomorphised render
//! function, and these parts are many small elements redrawn together
//! anyway — as text they cost the bundle a fraction (issue 12 allows
//! 12 KB brotli). Every value from the document is escaped ([`esc`]); the
//! controls in them (radio buttons, order buttons) are read by one
//! delegated handler each, from their `value` or `data-` attributes.

use crate::engine::payoff::PayoffPlan;
use crate::engine::{Prepaid, PrepayEffect, SolveError, Solved};
use crate::i18n::{amount, fill, money, Lang, RoadText, DOT};
use crate::present::road::{balances, code, DefaultBudget, RoadMonths, StackChart, StrategyFigures, CHART_H, CHART_W, KINDS, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT, PLOT_TOP};
use crate::scenario::field::Unit;
use crate::scenario::road::PrepaidByEffect;
use crate::engine::PayoffKind;
use std::fmt::Write;

/// Colours the stylesheet defines (`layer-0` …); more lenders repeat them.
const COLOURS: usize = 6;

pub use crate::ui::widgets::escape_html as esc;

/// A `<dt>`/`<dd>` pair; `value` is already escaped.
fn pair(out: &mut String, label: &str, testid: &str, value: &str) {
    let _ = write!(out, r#"<dt>{}</dt><dd data-testid="{testid}">{value}</dd>"#, esc(label));
}

/// Month `k` of the road: its date, or "month k".
fn month_name(w: &RoadText, months: RoadMonths, k: u32) -> String {
    months.label(k).unwrap_or_else(|| fill(w.debt_free_month, &[&k.to_string()]))
}

/// The section's heading (inside its `<summary>`).
pub fn heading(w: &RoadText) -> String {
    format!("<h2>{}</h2>", esc(w.heading))
}

/// The introduction, the strategies side by side, each with its radio
/// button (value: its code), and the custom order when it is shown.
pub fn strategies(lang: Lang, figures: &[StrategyFigures], months: RoadMonths, picked: PayoffKind, order: Option<&[(String, String)]>) -> String {
    let w = lang.road();
    let mut out = format!(
        r#"<p class="explain">{}</p><fieldset class="strategies" data-testid="strategies"><legend>{}</legend><div class="strategy-grid">"#,
        esc(w.intro),
        esc(w.strategies_legend)
    );
    for kind in KINDS {
        let (c, on) = (code(kind), kind == picked);
        let _ = write!(
            out,
            r#"<div class="strategy{}" data-testid="strategy" data-kind="{c}" data-picked="{on}"><div class="strategy-pick"><input type="radio" id="strategy-{c}" name="payoff-kind" value="{c}" data-testid="strategy-pick"{}><label for="strategy-{c}">{}</label>"#,
            if on { " picked" } else { "" },
            if on { " checked" } else { "" },
            esc(lang.payoff_kind(kind)),
        );
        if on {
            let _ = write!(out, r#"<span class="badge" data-testid="strategy-picked">{}</span>"#, esc(w.picked));
        }
        out.push_str("</div>");
        match figures.iter().find(|f| f.kind == kind) {
            Some(f) => strategy_figures(&mut out, lang, f, months),
            None => {
                let _ = write!(out, r#"<p class="explain">{}</p>"#, esc(w.custom_unset));
            }
        }
        out.push_str("</div>");
    }
    out.push_str("</div></fieldset>");
    if let Some(loans) = order {
        push_order(&mut out, w, loans);
    }
    out
}

fn strategy_figures(out: &mut String, lang: Lang, f: &StrategyFigures, months: RoadMonths) {
    let w = lang.road();
    let month = f.debt_free_month;
    let free = month.map_or_else(|| w.never.to_owned(), |m| month_name(w, months, m));
    let _ = write!(
        out,
        r#"<dl class="strategy-figures"><dt>{}</dt><dd data-testid="strategy-debt-free" data-month="{}">{}</dd>"#,
        esc(w.debt_free),
        month.map(|m| m.to_string()).unwrap_or_default(),
        esc(&free),
    );
    pair(out, w.months, "strategy-months", &month.map(|m| lang.count(Unit::Months, m)).unwrap_or_default());
    pair(out, w.total_interest, "strategy-interest", &money(f.total_interest));
    let over = f.over_best.map(|o| if o.is_zero() { w.cheapest.to_owned() } else { format!("+{}", money(o)) });
    pair(out, w.over_best, "strategy-over-best", &esc(&over.unwrap_or_default()));
    pair(out, w.total_paid, "strategy-paid", &money(f.total_paid));
    let short = f.first_short.map_or_else(|| w.no_short.to_owned(), |s| fill(w.short_value, &[&s.month.to_string(), &money(s.shortfall)]));
    pair(out, w.first_short, "strategy-short", &esc(&short));
    out.push_str("</dl>");
}

/// The custom order: each loan (id, title) with its two buttons
/// (`data-loan`, `data-action` up or down); ids `order-{loan}-up` / `-down` for focus.
fn push_order(out: &mut String, w: &RoadText, loans: &[(String, String)]) {
    let _ = write!(
        out,
        r#"<div class="order" data-testid="payoff-order"><h3 id="order-h">{}</h3><p class="hint">{}</p><ol aria-labelledby="order-h">"#,
        esc(w.order_heading),
        esc(w.order_hint)
    );
    let last = loans.len().saturating_sub(1);
    for (i, (id, title)) in loans.iter().enumerate() {
        let id = esc(id);
        let _ = write!(out, r#"<li data-testid="order-item" data-loan="{id}"><span class="order-name">{}</span>"#, esc(title));
        for (dir, short, label, end) in [("up", w.move_up_short, w.move_up, i == 0), ("down", w.move_down_short, w.move_down, i == last)] {
            let _ = write!(
                out,
                r#"<button type="button" id="order-{id}-{dir}" data-testid="order-{dir}" data-loan="{id}" data-action="{dir}" aria-label="{}"{}>{}</button>"#,
                esc(&fill(label, &[title])),
                if end { " disabled" } else { "" },
                esc(short),
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
    format!(r#"<p class="hint" data-testid="budget-default">{}</p>"#, esc(&budget))
}

/// The picked plan's chart and legend, and its table (rows only when
/// `table_open`: up to 600).
pub fn chart_part(lang: Lang, picked: Option<(&PayoffPlan, &[String])>, months: RoadMonths, table_open: bool) -> String {
    let w = lang.road();
    let mut out = String::new();
    if let Some((plan, titles)) = picked {
        out.push_str(&chart(lang, plan, months, titles));
        let _ = write!(
            out,
            r#"<details class="schedule" data-testid="road-table"{}><summary data-action="table">{}</summary>"#,
            if table_open { " open" } else { "" },
            esc(w.table_toggle)
        );
        if table_open {
            let _ = write!(out, r#"<div class="table-wrap"><table data-testid="road-table-rows">{}</table></div>"#, chart_table(w, plan, months, titles));
        }
        out.push_str("</details>");
    }
    out
}

/// The heading of the prepayments.
pub fn prepay_heading(w: &RoadText) -> String {
    format!(r#"<h3>{}</h3><p class="explain">{}</p>"#, esc(w.prepay_heading), esc(w.prepay_intro))
}

/// A month on the chart's axis: its date, or its number.
fn tick_name(w: &RoadText, months: RoadMonths, k: u32) -> String {
    months.label(k).unwrap_or_else(|| fill(w.month_tick, &[&k.to_string()]))
}

/// The picked plan's stacked chart (`titles`: one per debt of the plan),
/// then its legend with the month each lender is paid off.
fn chart(lang: Lang, plan: &PayoffPlan, months: RoadMonths, titles: &[String]) -> String {
    let w = lang.road();
    let c = StackChart::of(plan);
    let name = lang.payoff_kind(plan.strategy);
    let label = match plan.debt_free_month {
        Some(m) => fill(w.chart_label, &[name, &m.to_string()]),
        None => fill(w.chart_never, &[name]),
    };
    let mut out = format!(
        r#"<h3>{}</h3><svg class="stack-chart" viewBox="0 0 {CHART_W} {CHART_H}" role="img" aria-label="{}" data-testid="stack-chart">"#,
        esc(w.chart_heading),
        esc(&label)
    );
    for t in &c.y_ticks {
        let amount = money(t.value);
        let _ = write!(
            out,
            r#"<line class="gridline" x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{0}" y2="{0}"/><text class="tick" x="{1}" y="{2}" text-anchor="end">{3}</text>"#,
            t.at,
            PLOT_LEFT - 8,
            t.label_at(),
            amount.trim_end_matches(".00"),
        );
    }
    for (j, points) in c.layers.iter().enumerate() {
        let _ = write!(out, r#"<polygon class="layer layer-{}" points="{points}"/>"#, j % COLOURS);
    }
    let _ = write!(
        out,
        r#"<line class="axis" x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{PLOT_BOTTOM}" y2="{PLOT_BOTTOM}"/><line class="axis" x1="{PLOT_LEFT}" x2="{PLOT_LEFT}" y1="{PLOT_TOP}" y2="{PLOT_BOTTOM}"/>"#
    );
    for t in &c.x_ticks {
        let _ = write!(
            out,
            r#"<line class="axis" x1="{0}" x2="{0}" y1="{PLOT_BOTTOM}" y2="{1}"/><text class="tick" x="{0}" y="{2}" text-anchor="middle">{3}</text>"#,
            t.at,
            PLOT_BOTTOM + 6,
            PLOT_BOTTOM + 34,
            esc(&tick_name(w, months, t.value)),
        );
    }
    out.push_str("</svg>");
    legend(&mut out, w, plan, months, titles);
    out
}

fn legend(out: &mut String, w: &RoadText, plan: &PayoffPlan, months: RoadMonths, titles: &[String]) {
    let _ = write!(out, r#"<h4>{}</h4><ul class="legend" data-testid="legend">"#, esc(w.paid_off_heading));
    for (j, l) in plan.loans.iter().enumerate() {
        let when = match l.paid_off_month {
            Some(0) => w.nothing_owed.to_owned(),
            Some(m) => {
                let text = fill(w.paid_off_in, &[&m.to_string()]);
                months.label(m).map_or(text.clone(), |d| format!("{text}{DOT}{d}"))
            }
            None => w.paid_off_never.to_owned(),
        };
        let _ = write!(
            out,
            r#"<li data-testid="paid-off" data-loan="{}" data-month="{}"><span class="swatch layer-{}" aria-hidden="true"></span><span>{}{DOT}{}</span></li>"#,
            esc(&l.id),
            l.paid_off_month.map(|m| m.to_string()).unwrap_or_default(),
            j % COLOURS,
            esc(titles.get(j).map_or(&l.id, |t| t)),
            esc(&when),
        );
    }
    out.push_str("</ul>");
}

/// The chart's figures as table rows: month, date, each lender, total.
fn chart_table(w: &RoadText, plan: &PayoffPlan, months: RoadMonths, titles: &[String]) -> String {
    let mut out = format!(r#"<thead><tr><th scope="col">{}</th><th scope="col">{}</th>"#, esc(w.month_col), esc(w.date_col));
    for t in titles {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(t));
    }
    let _ = write!(out, r#"<th scope="col">{}</th></tr></thead><tbody>"#, esc(w.total_col));
    for (k, row) in balances(plan).into_iter().enumerate() {
        let (month, date) = if k == 0 { (esc(w.now), String::new()) } else { (k.to_string(), months.label(k as u32).unwrap_or_default()) };
        let _ = write!(out, r#"<tr><th scope="row">{month}</th><td>{date}</td>"#);
        for b in &row {
            let _ = write!(out, "<td>{}</td>", amount(*b));
        }
        let _ = write!(out, "<td>{}</td></tr>", amount(row.iter().sum()));
    }
    out.push_str("</tbody>");
    out
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
fn effects(lang: Lang, both: &PrepaidByEffect) -> String {
    let w = lang.road();
    let mut out = format!(
        r#"<table class="effects" data-testid="effects"><caption>{}</caption><thead><tr><td></td><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        esc(w.effects_caption),
        esc(lang.prepay_effect(PrepayEffect::ShortenTerm)),
        esc(lang.prepay_effect(PrepayEffect::LowerPayment)),
    );
    for r in &EFFECT_ROWS {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{}</th><td data-testid="{1}" data-effect="shorten_term">{2}</td><td data-testid="{1}" data-effect="lower_payment">{3}</td></tr>"#,
            esc((r.label)(w)),
            r.testid,
            (r.value)(&both.shorten_term),
            (r.value)(&both.lower_payment),
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// The button adding a one-off prepayment (`data-action="add"`), then both
/// effects side by side, or what a monthly extra alone saves.
pub fn add_and_effects(lang: Lang, both: Option<&PrepaidByEffect>, prepaid: Option<&Prepaid>) -> String {
    let w = lang.road();
    let mut out = format!(r#"<button type="button" class="add" data-testid="add-prepayment" data-action="add">{}</button>"#, esc(w.add_prepayment));
    match (both, prepaid) {
        (Some(both), _) => out.push_str(&effects(lang, both)),
        (None, Some(p)) => {
            let saved = fill(w.prepaid_summary, &[&p.months.to_string(), &money(p.interest_saved)]);
            let _ = write!(out, r#"<p data-testid="prepaid-summary">{}</p>"#, esc(&saved));
        }
        (None, None) => {}
    }
    out
}

/// The button removing prepayment `item` (0-based; `data-action="remove"`).
pub fn remove_button(w: &RoadText, item: u16) -> String {
    format!(
        r#"<button type="button" class="remove" data-testid="remove-prepayment" data-action="remove" data-item="{item}" aria-label="{}">{}</button>"#,
        esc(&fill(w.remove_prepayment, &[&(item + 1).to_string()])),
        esc(w.remove)
    )
}

/// The calendar part: its words, the loans left out, and the download
/// button (`data-action="ics"`, disabled when no loan has a due date).
pub fn calendar(lang: Lang, undated: &[String], all_undated: bool) -> String {
    let w = lang.road();
    let note = match (all_undated, undated.is_empty()) {
        (true, _) => lang.no_calendar(crate::i18n::NoCalendar::NoDueDate).to_owned(),
        (false, false) => fill(w.calendar_undated, &[&undated.join("、")]),
        (false, true) => String::new(),
    };
    format!(
        r#"<h3>{}</h3><p class="explain">{}</p><p class="hint" data-testid="calendar-undated">{}</p><button type="button" class="ics" data-testid="download-ics" data-action="ics"{}>{}</button>"#,
        esc(w.calendar_heading),
        esc(w.calendar_intro),
        esc(&note),
        if all_undated { " disabled" } else { "" },
        esc(w.calendar_button)
    )
}

/// The solver's answer: the months and the last instalment, or why not.
pub fn solver_answer(w: &RoadText, answer: Option<Result<Solved, SolveError>>) -> String {
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
