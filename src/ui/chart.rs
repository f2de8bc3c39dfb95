//! Balance over time as plain SVG, one or two lines on a shared scale, with
//! its axes' values and a legend in HTML around it (the SVG stretches, text
//! inside it would too) and a text equivalent for screen readers.

use super::use_lang;
use crate::chart::{Scale, Series, HEIGHT, WIDTH};
use crate::engine::Row;
use crate::i18n::money;
use leptos::prelude::*;

/// Draws up to two schedules' balances. `label` is the accessible summary;
/// `names` the legend (one per line; empty: "balance").
#[component]
pub fn BalanceChart(
    #[prop(into)] series: Signal<Vec<Vec<Row>>>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] names: Signal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let all = Memo::new(move |_| series.with(|s| s.iter().map(|rows| Series::of(rows)).collect::<Vec<Series>>()));
    let scale = Memo::new(move |_| all.with(|a| Scale::fit(a)));
    let lines = move || {
        let scale = scale.get();
        all.with(|all| {
            all.iter()
                .enumerate()
                .map(|(i, s)| view! { <polyline class=format!("line line-{i}") points=scale.points(s) /> })
                .collect_view()
        })
    };
    let legend = move || {
        let mut names = names.get();
        if names.is_empty() {
            names.push(lang.get().page().chart_legend_balance.to_owned());
        }
        names.into_iter().enumerate().map(|(i, n)| view! { <li class=format!("key key-{i}")>{n}</li> }).collect_view()
    };
    let months = move || scale.get().months;
    view! {
        <figure class="chart">
            <div class="chart-body">
                <div class="y-axis" aria-hidden="true">
                    <span>{move || money(scale.get().max_balance)}</span>
                    <span>"0"</span>
                </div>
                <svg
                    class="balance-chart"
                    viewBox=format!("-2 -4 {} {}", WIDTH + 4, HEIGHT + 8)
                    preserveAspectRatio="none"
                    role="img"
                    aria-label=move || label.get()
                    data-testid="balance-chart"
                >
                    <line class="axis" x1="0" y1=HEIGHT.to_string() x2=WIDTH.to_string() y2=HEIGHT.to_string() />
                    <line class="axis" x1="0" y1="0" x2="0" y2=HEIGHT.to_string() />
                    {lines}
                </svg>
            </div>
            <div class="x-axis" aria-hidden="true">
                <span>{move || x_label(lang.get(), &series.get(), 0)}</span>
                <span>{move || x_label(lang.get(), &series.get(), months() / 2)}</span>
                <span>{move || x_label(lang.get(), &series.get(), months())}</span>
            </div>
            <figcaption>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

/// The month axis at `month` (0 = today): the month number, or the due
/// date of that row when the schedule is dated — and then "now" at 0, not
/// "第 0 月" before the dates (review, wave 13).
fn x_label(lang: crate::i18n::Lang, series: &[Vec<Row>], month: usize) -> String {
    let row = |rows: &Vec<Row>, i: usize| rows.get(i).and_then(row_date);
    let dated = series.iter().find_map(|rows| month.checked_sub(1).and_then(|i| row(rows, i)));
    match (dated, month) {
        (Some(d), _) => d,
        (None, 0) if series.iter().any(|rows| row(rows, 0).is_some()) => lang.page().chart_now.to_owned(),
        (None, _) => lang.month_n(month as u32),
    }
}

/// A row's due date, when the engine gives one.
fn row_date(row: &Row) -> Option<String> {
    row.date.map(|d| d.to_string())
}
