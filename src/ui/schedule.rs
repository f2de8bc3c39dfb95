//! A schedule, collapsed until opened so long schedules cost nothing while
//! the user is typing: balance chart, CSV export, the table (fetched as a
//! chunk of their own when a schedule is first opened, `ui::lazy`). Its
//! rows are read only while it is open; closed, it shows their number.

use super::chart::BalanceChart;
use super::download::download_text;
use super::widgets::HeaderRow;
use super::use_lang;
use crate::chart::start_balance;
use crate::csv::{file_name, schedule_csv};
use crate::engine::Row;
use crate::i18n::amount;
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn ScheduleTable(
    #[prop(into)] rows: Signal<Vec<Row>>,
    /// How many rows there are (the fold's summary).
    #[prop(into)]
    months: Signal<usize>,
    #[prop(into)] file_stem: Signal<String>,
    /// Figures shown above the chart when the fold is open (kept in the
    /// document while it is closed).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let (open, set_open) = signal(false);
    let toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            set_open.set(d.open());
        }
    };
    view! {
        <details class="schedule" data-testid="schedule" on:toggle=toggle>
            <summary>{move || lang.get().schedule_summary(months.get())}</summary>
            {children.map(|c| c())}
            {move || open.get().then(|| super::lazy::handed((rows, file_stem)))}
        </details>
    }
}

/// The open schedule's chunk, fetched on first open: handed to the tables
/// by the main wasm (`ui::App`), since a proposal card's table is chunk
/// code (`ui::lazy::handed`).
pub fn open_schedule((rows, file_stem): (Signal<Vec<Row>>, Signal<String>)) -> AnyView {
    super::lazy::lazy(load_schedule, move || schedule_body(rows, file_stem)).into_any()
}

/// The open schedule: chart, CSV export, table. Its own chunk, fetched
/// when a schedule is first opened (`ui::lazy`).
#[leptos::wasm_split::wasm_split(schedule, wasm_split_path = ::leptos::wasm_split, preload(load_schedule), fallible)]
fn schedule_body(rows: Signal<Vec<Row>>, file_stem: Signal<String>) -> super::lazy::Chunk {
    let lang = use_lang();
    let export_csv = move |_| {
        let text = rows.with_untracked(|r| schedule_csv(r, lang.get_untracked()));
        let _ = download_text(&file_name(&file_stem.get_untracked(), "csv"), "text/csv;charset=utf-8", &text);
    };
    let chart_label = Signal::derive(move || rows.with(|r| lang.get().chart_label(start_balance(r), r.len())));
    Ok(view! {
        <BalanceChart series=Signal::derive(move || vec![rows.get()]) label=chart_label />
        <button type="button" class="secondary" data-testid="export-csv" on:click=export_csv>
            {say(|l| l.text().export_csv)}
        </button>
        <Table rows=rows name=file_stem />
    }
    .into_any())
}

#[component]
fn Table(rows: Signal<Vec<Row>>, name: Signal<String>) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || name.get()>
            <table data-testid="schedule-table">
                <HeaderRow columns=vec![|l| l.text().col_period, |l| l.text().col_payment, |l| l.text().col_interest, |l| l.text().col_principal, |l| l.text().col_balance] />
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <td data-date=r.date.map(|d| d.to_string())>{r.period}</td>
                                        <td>{amount(r.payment)}</td>
                                        <td>{amount(r.interest)}</td>
                                        <td>{amount(r.principal)}</td>
                                        <td>{amount(r.balance)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
