//! The picked plan over time: what each lender is owed, stacked (SVG, one
//! colour per lender, axes with amounts and months), a legend with the
//! month each is paid off, and the same figures as a table.

use super::super::page::use_page;
use super::super::use_lang;
use super::use_words;
use crate::engine::payoff::PayoffPlan;
use crate::i18n::{amount, fill, money, Lang, RoadText, DOT};
use crate::present::road::{balances, RoadMonths, StackChart, CHART_H, CHART_W, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT, PLOT_TOP};
use crate::present::LoanTitle;
use leptos::prelude::*;

/// Colours the stylesheet defines (`layer-0` …); more lenders repeat them.
const COLOURS: usize = 6;

#[component]
pub fn RoadChart() -> impl IntoView {
    let (w, page) = (use_words(), use_page());
    let plan = Memo::new(move |_| page.evaluation.with(|e| e.road.picked().cloned()));
    let months = Memo::new(move |_| page.last_valid.with(RoadMonths::of));
    let names: Names = Memo::new(move |_| {
        page.evaluation.with(|e| e.loans.iter().enumerate().map(|(i, l)| (l.id.clone(), LoanTitle { number: i + 1, lender: l.lender })).collect())
    });
    view! {
        <div class="road-chart" data-testid="road-chart">
            <h3>{move || w().chart_heading}</h3>
            {move || plan.get().map(|p| {
                let plan = StoredValue::new(p);
                view! {
                    <StackSvg plan=plan months=months />
                    <Legend plan=plan months=months names=names />
                    <BalanceTable plan=plan months=months names=names />
                }
            })}
        </div>
    }
}

/// Every loan's id and title, in the evaluation's order.
type Names = Memo<Vec<(String, LoanTitle)>>;

/// Title of the j-th debt of a plan (its id when the page has no title for it).
fn title_of(lang: Lang, names: &[(String, LoanTitle)], plan: &PayoffPlan, j: usize) -> String {
    let id = plan.loans.get(j).map(|l| l.id.as_str()).unwrap_or_default();
    names.iter().find(|(i, _)| i == id).map(|(_, t)| lang.loan_title(*t)).unwrap_or_else(|| id.to_owned())
}

/// A month on the axis: its date, or its number.
fn month_label(w: &RoadText, months: RoadMonths, k: u32) -> String {
    months.label(k).unwrap_or_else(|| fill(w.month_tick, &[&k.to_string()]))
}

/// Axis amounts: whole yuan.
fn axis_amount(v: rust_decimal::Decimal) -> String {
    money(v).trim_end_matches(".00").to_owned()
}

#[component]
fn StackSvg(plan: StoredValue<PayoffPlan>, months: Memo<RoadMonths>) -> impl IntoView {
    let (w, lang) = (use_words(), use_lang());
    let chart = plan.with_value(StackChart::of);
    let (kind, end) = plan.with_value(|p| (p.strategy, p.debt_free_month));
    let label = move || {
        let name = lang.get().payoff_kind(kind);
        match end {
            Some(m) => fill(w().chart_label, &[name, &m.to_string()]),
            None => fill(w().chart_never, &[name]),
        }
    };
    let (left, right, top, bottom) = (PLOT_LEFT.to_string(), PLOT_RIGHT.to_string(), PLOT_TOP.to_string(), PLOT_BOTTOM.to_string());
    let y_ticks = chart.y_ticks.iter().map(|t| {
        let y = t.at.to_string();
        let text_y = (t.at + rust_decimal::Decimal::from(7)).to_string();
        view! {
            <line class="gridline" x1=left.clone() x2=right.clone() y1=y.clone() y2=y />
            <text class="tick" x=(PLOT_LEFT - 8).to_string() y=text_y text-anchor="end">{axis_amount(t.value)}</text>
        }
    }).collect_view();
    let x_ticks = chart.x_ticks.iter().map(|t| {
        let (x, m) = (t.at.to_string(), t.value);
        view! {
            <line class="axis" x1=x.clone() x2=x.clone() y1=bottom.clone() y2=(PLOT_BOTTOM + 6).to_string() />
            <text class="tick" x=x y=(PLOT_BOTTOM + 28).to_string() text-anchor="middle">{move || month_label(w(), months.get(), m)}</text>
        }
    }).collect_view();
    let layers = chart.layers.iter().enumerate().map(|(j, points)| {
        view! { <polygon class=format!("layer layer-{}", j % COLOURS) points=points.clone() /> }
    }).collect_view();
    view! {
        <svg class="stack-chart" viewBox=format!("0 0 {CHART_W} {CHART_H}") role="img" aria-label=label data-testid="stack-chart">
            {y_ticks}
            {layers}
            <line class="axis" x1=left.clone() x2=right y1=bottom.clone() y2=bottom.clone() />
            <line class="axis" x1=left.clone() x2=left y1=top y2=bottom />
            {x_ticks}
        </svg>
    }
}

/// Each lender's colour and the month it is paid off.
#[component]
fn Legend(plan: StoredValue<PayoffPlan>, months: Memo<RoadMonths>, names: Names) -> impl IntoView {
    let (w, lang) = (use_words(), use_lang());
    let loans = plan.with_value(|p| p.loans.clone());
    view! {
        <h4>{move || w().paid_off_heading}</h4>
        <ul class="legend" data-testid="legend">
            {loans.into_iter().enumerate().map(|(j, l)| {
                let month = l.paid_off_month;
                let when = move || match month {
                    Some(0) => w().nothing_owed.to_owned(),
                    Some(m) => {
                        let text = fill(w().paid_off_in, &[&m.to_string()]);
                        months.get().label(m).map(|d| format!("{text}{DOT}{d}")).unwrap_or(text)
                    }
                    None => w().paid_off_never.to_owned(),
                };
                let name = move || plan.with_value(|p| title_of(lang.get(), &names.get(), p, j));
                view! {
                    <li data-testid="paid-off" data-loan=l.id.clone() data-month=month.map(|m| m.to_string()).unwrap_or_default()>
                        <span class=format!("swatch layer-{}", j % COLOURS) aria-hidden="true"></span>
                        <span class="legend-name">{name}</span>
                        {DOT}
                        <span>{when}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The chart's figures as a table (drawn when opened: up to 600 rows).
#[component]
fn BalanceTable(plan: StoredValue<PayoffPlan>, months: Memo<RoadMonths>, names: Names) -> impl IntoView {
    let (w, lang) = (use_words(), use_lang());
    let open = RwSignal::new(false);
    let toggle = move |ev: leptos::ev::Event| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
    let head = move || {
        let n = plan.with_value(|p| p.loans.len());
        let titles: Vec<String> = (0..n).map(|j| plan.with_value(|p| title_of(lang.get(), &names.get(), p, j))).collect();
        view! {
            <tr>
                <th scope="col">{w().month_col}</th>
                <th scope="col">{w().date_col}</th>
                {titles.into_iter().map(|t| view! { <th scope="col">{t}</th> }).collect_view()}
                <th scope="col">{w().total_col}</th>
            </tr>
        }
    };
    let rows = move || {
        let all = plan.with_value(balances);
        let (words, months) = (w(), months.get());
        all.into_iter().enumerate().map(|(k, row)| {
            let total: rust_decimal::Decimal = row.iter().sum();
            let (month, date) = if k == 0 { (words.now.to_owned(), String::new()) } else { (k.to_string(), months.label(k as u32).unwrap_or_default()) };
            view! {
                <tr>
                    <th scope="row">{month}</th>
                    <td>{date}</td>
                    {row.into_iter().map(|b| view! { <td>{amount(b)}</td> }).collect_view()}
                    <td>{amount(total)}</td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <details class="schedule" data-testid="road-table" on:toggle=toggle>
            <summary>{move || w().table_toggle}</summary>
            <Show when=move || open.get()>
                <div class="table-wrap">
                    <table data-testid="road-table-rows">
                        <thead>{head}</thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}
