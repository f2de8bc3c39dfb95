//! Balance over time as plain SVG, one or two lines on a shared scale, with
//! a text equivalent for screen readers.

use crate::chart::{Scale, Series, HEIGHT, WIDTH};
use crate::engine::Row;
use leptos::prelude::*;

/// Draws up to two schedules' balances. `label` is the accessible summary.
#[component]
pub fn BalanceChart(#[prop(into)] series: Signal<Vec<Vec<Row>>>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let lines = move || {
        let all: Vec<Series> = series.with(|s| s.iter().map(|rows| Series::of(rows)).collect());
        let scale = Scale::fit(&all);
        all.iter()
            .enumerate()
            .map(|(i, s)| view! { <polyline class=format!("line line-{i}") points=scale.points(s) /> })
            .collect_view()
    };
    view! {
        <svg
            class="balance-chart"
            viewBox=format!("-2 -4 {} {}", WIDTH + 4, HEIGHT + 8)
            preserveAspectRatio="none"
            role="img"
            aria-label=move || label.get()
            data-testid="balance-chart"
        >
            <title>{move || label.get()}</title>
            <line class="axis" x1="0" y1=HEIGHT.to_string() x2=WIDTH.to_string() y2=HEIGHT.to_string() />
            <line class="axis" x1="0" y1="0" x2="0" y2=HEIGHT.to_string() />
            {lines}
        </svg>
    }
}
