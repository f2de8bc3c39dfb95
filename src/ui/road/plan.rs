//! The plan part of the road, below the budget field, as one HTML block:
//! what the budget is when empty, the strategies side by side (a radio
//! button picks one), the custom order (up/down buttons), the picked plan's
//! chart, legend and table, and its calendar download. One delegated
//! click handler reads the radio buttons and every button.

use super::super::download::download_text;
use super::super::page::Page;
use super::{clicked, edit, markup, refocus, Road, RoadEdit, KEPT};
use crate::engine::PayoffKind;
use crate::i18n::{fill, Lang, NoCalendar, RoadText};
use crate::present::road::{code, DefaultBudget, RoadMonths, RoadShown, StrategyFigures, KINDS};
use crate::present::LoanTitle;
use crate::scenario::Evaluation;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// A loan's title on the page, by its id (the id when it has none).
fn title(lang: Lang, e: &Evaluation, id: &str) -> String {
    LoanTitle::of(e, id).map_or_else(|| id.to_owned(), |t| lang.loan_title(t))
}

/// The plan's text, from the document and its evaluation.
pub(super) fn html(w: &RoadText, page: Page, shown: &RoadShown, table_open: bool) -> String {
    let lang = w.lang;
    // Read guards, not `with` closures: each closure is a copy of the
    // read's code in this chunk, a guard's read is the main wasm's. Plain
    // loops, not iterator chains: each adapter is code of its own here.
    let (picked, kept, ids) = {
        let f = page.form();
        let d = f.document();
        (d.payoff_kind(), d.payoff_strategy.as_ref().is_some_and(|p| !p.order.is_empty()), f.payoff_order())
    };
    let s = page.last_valid.read();
    let e: &Evaluation = &page.evaluation.read();
    let road = &shown.road;
    // The loans without a due date (by title), left out of the calendar.
    let (mut undated, mut dateless) = (Vec::new(), 0);
    for (i, l) in s.loans.iter().enumerate() {
        if l.next_due_date.is_none() {
            dateless += 1;
            if let Some(l) = e.loans.get(i) {
                undated.push(title(lang, e, &l.id));
            }
        }
    }
    let all_undated = dateless == e.loans.len();
    // The custom order: shown when custom is picked or an order is kept.
    let order = (picked == PayoffKind::Custom || kept).then(|| {
        let mut order = Vec::with_capacity(ids.len());
        for id in ids {
            let t = title(lang, e, &id);
            order.push((id, t));
        }
        order
    });
    let plan = road.picked();
    let mut titles = Vec::new();
    for l in plan.map_or(&[][..], |p| &p.loans[..]) {
        titles.push(title(lang, e, &l.id));
    }
    let mut left_out: Vec<(&str, String, &str)> = Vec::new();
    for l in &shown.left_out {
        if let Some(loan) = e.loans.get(l.loan) {
            left_out.push((&loan.id, title(lang, e, &loan.id), w.left_out_reason(l.reason)));
        }
    }
    let mut out = markup::budget_hint(w, DefaultBudget::of(&s));
    out.push_str(&markup::left_out(w, &left_out));
    let months = RoadMonths::of(&s, crate::ui::page::today());
    out.push_str(&markup::strategies(w, &StrategyFigures::all(road), months, picked, order.as_deref()));
    out.push_str(&markup::chart_part(w, plan.map(|p| (p, titles.as_slice())), months, table_open));
    let short = plan.and_then(|p| p.short_months.first().copied());
    out.push_str(&markup::calendar(w, &undated, all_undated, short));
    out
}

/// The picked plan's calendar, downloaded; what to tell the user. The
/// `.ics` writer is a chunk of its own, fetched on the first download
/// (`Err` when it could not be fetched).
#[leptos::wasm_split::wasm_split(ics, wasm_split_path = ::leptos::wasm_split, fallible)]
fn download_calendar(w: &'static RoadText, page: Page) -> Result<String, SplitLoaderError> {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    // Made inside the borrow of the figures drawn: not copied (the plan
    // has up to 600 months), and no drop code of theirs in this chunk.
    let made = KEPT.with(|k| {
        let k = k.borrow();
        match k.figures.as_ref().and_then(|f| f.shown.road.picked()) {
            Some(plan) => w.plan_calendar(&page.last_valid.read_untracked(), plan, &k.next_due, now),
            None => Err(NoCalendar::NothingDue),
        }
    });
    Ok(match made {
        Ok(c) => match download_text(w.calendar_file, "text/calendar;charset=utf-8", &c.ics) {
            Ok(()) => fill(w.calendar_done, &[&c.events.to_string()]),
            Err(_) => w.calendar_failed.to_owned(),
        },
        Err(e) => w.no_calendar(e).to_owned(),
    })
}

/// The calendar download, as the section (main wasm) hands it to this
/// chunk. Called directly from here, the `ics` split's loader would be
/// reachable from this chunk's export in every binary that links the
/// library — the wasm tests (`tests/wasm_share.rs`), which have no split
/// loader to resolve it and could not start.
#[derive(Clone, Copy)]
pub(super) struct Calendar(pub fn(&'static RoadText, Page));

/// Downloads the calendar, saying meanwhile that its chunk is coming, and
/// then what came of it (or that the chunk could not be fetched: clicking
/// again tries again), in the language of the road's words `w`.
pub(super) fn calendar_clicked(w: &'static RoadText, page: Page) {
    let p = w.lang.page();
    say_status(p.lazy_loading);
    leptos::task::spawn_local(async move {
        say_status(&download_calendar(w, page).await.unwrap_or_else(|_| p.lazy_failed.to_owned()));
    });
}

/// What the last calendar download said, in the live region after the
/// block (set directly: it is no figure, and stays until the next one).
fn say_status(text: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("calendar-status")) {
        p.set_text_content(Some(text));
    }
}

/// A click in the section: a radio button (its click comes with the
/// mouse, a label, Space or the arrow keys), the calendar, the chart's
/// table, the custom order's buttons, a loan's add and remove buttons.
pub(super) fn on_click(road: Road, ev: &web_sys::Event) {
    let Some(el) = clicked(ev, "[data-action]") else { return };
    let page = road.page;
    // The loan (its key and id) of a prepayment's button.
    let loan = || {
        let set = el.closest("[data-n]").ok().flatten()?;
        let n: usize = set.get_attribute("data-n")?.parse().ok()?;
        let key = page.form_untracked().loans().get(n).copied();
        Some((key?, set.get_attribute("data-loan")?))
    };
    match el.get_attribute("data-action").as_deref() {
        Some("pick") => {
            let value = el.get_attribute("value").unwrap_or_default();
            let kind = KINDS.into_iter().find(|k| code(*k) == value);
            let picked = page.form_untracked().document().payoff_kind();
            if let Some(kind) = kind.filter(|k| picked != *k) {
                edit(page, RoadEdit::Pick(kind));
                refocus(vec!["strategy-".to_owned() + &value]);
            }
        }
        Some("ics") => {
            if let (Some(Calendar(download)), Some(w)) = (road.calendar, road.words.get_untracked()) {
                // The loans' next due dates as the page dates them (the
                // road's months use them too: not a second copy in the
                // calendar's chunk). `read`, as in `html` (no observer here):
                // `read_untracked` is the calendar chunk's, not shared.
                let next_due = page.last_valid.read().next_due_dates_on(crate::ui::page::today());
                KEPT.with(|k| k.borrow_mut().next_due = next_due);
                download(w, page);
            }
        }
        // The table's <details> is drawn from `table_open`, so it stays open while figures change.
        Some("table") => {
            ev.prevent_default();
            road.table_open.set(!road.table_open.get_untracked());
        }
        Some(dir @ ("up" | "down")) => {
            let Some(id) = el.get_attribute("data-loan") else { return };
            edit(page, RoadEdit::Move(id.clone(), dir == "up"));
            let other = if dir == "up" { "down" } else { "up" };
            let order = |d: &str| ["order-", &id, "-", d].concat();
            refocus(vec![order(dir), order(other)]);
        }
        // The buttons are drawn anew: focus goes back to the same place.
        Some("add") => {
            let Some((key, id)) = loan() else { return };
            edit(page, RoadEdit::AddPrepayment(key));
            refocus(vec![id + "-add-prepayment"]);
        }
        Some("remove") => {
            let (Some((key, id)), Some(item)) = (loan(), el.get_attribute("data-item").and_then(|i| i.parse::<u16>().ok())) else { return };
            edit(page, RoadEdit::RemovePrepayment(key, item));
            refocus(vec![[&id, "-remove-", &(item + 1).to_string()].concat(), id + "-add-prepayment"]);
        }
        _ => {}
    }
}
