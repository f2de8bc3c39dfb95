//! The plan part of the road, below the budget field, as one HTML block:
//! what the budget is when empty, the strategies side by side (a radio
//! button picks one), the custom order (up/down buttons), the picked plan's
//! chart, legend and table, and its calendar download. One delegated
//! handler reads the radio buttons, one every button.

use super::super::download::download_text;
use super::super::page::{use_page, Page};
use super::super::use_lang;
use super::{clicked, markup, refocus};
use crate::engine::PayoffKind;
use crate::i18n::{fill, Lang, NoCalendar};
use crate::present::road::{code, DefaultBudget, RoadMonths, StrategyFigures, KINDS};
use crate::present::LoanTitle;
use crate::scenario::road::Road;
use crate::scenario::Evaluation;
use leptos::ev::{Event, MouseEvent};
use leptos::prelude::*;

/// A loan's title on the page, by its id (the id when it has none).
fn title(lang: Lang, e: &Evaluation, id: &str) -> String {
    LoanTitle::of(e, id).map_or_else(|| id.to_owned(), |t| lang.loan_title(t))
}

/// The whole block's text, from the document and its evaluation.
fn html(lang: Lang, page: Page, road: Memo<Road>, table_open: bool) -> String {
    let (months, default, undated) = page.last_valid.with(|s| {
        let undated: Vec<usize> = (0..s.loans.len()).filter(|&i| s.loans[i].next_due_date.is_none()).collect();
        (RoadMonths::of(s, crate::ui::page::today()), DefaultBudget::of(s), undated)
    });
    let (picked, kept) = page.with(|f| (f.document().payoff_kind(), f.document().payoff_strategy.as_ref().is_some_and(|p| !p.order.is_empty())));
    let ids = page.with(|f| f.payoff_order());
    road.with(|road| page.evaluation.with(|e| {
        // The custom order: shown when custom is picked or an order is kept.
        let order = (picked == PayoffKind::Custom || kept).then(|| ids.into_iter().map(|id| { let t = title(lang, e, &id); (id, t) }).collect::<Vec<_>>());
        let plan = road.picked();
        let titles: Vec<String> = plan.map(|p| p.loans.iter().map(|l| title(lang, e, &l.id)).collect()).unwrap_or_default();
        let all_undated = undated.len() == e.loans.len();
        let undated: Vec<String> = undated.iter().filter_map(|&i| e.loans.get(i)).map(|l| title(lang, e, &l.id)).collect();
        let mut out = markup::budget_hint(lang.road(), default);
        out.push_str(&markup::strategies(lang, &StrategyFigures::all(road), months, picked, order.as_deref()));
        out.push_str(&markup::chart_part(lang, plan.map(|p| (p, titles.as_slice())), months, table_open));
        out.push_str(&markup::calendar(lang, &undated, all_undated));
        out
    }))
}

/// The picked plan's calendar, downloaded; what to tell the user.
fn download_calendar(lang: Lang, page: Page, road: Memo<Road>) -> String {
    let plan = road.with_untracked(|r| r.picked().cloned());
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let made = plan.ok_or(NoCalendar::NothingDue).and_then(|p| page.last_valid.with_untracked(|s| lang.plan_calendar(s, &p, crate::ui::page::today(), now)));
    let w = lang.road();
    match made {
        Ok(c) => match download_text(w.calendar_file, "text/calendar;charset=utf-8", &c.ics) {
            Ok(()) => fill(w.calendar_done, &[&c.events.to_string()]),
            Err(_) => w.calendar_failed.to_owned(),
        },
        Err(e) => lang.no_calendar(e).to_owned(),
    }
}

#[component]
pub fn PlanPart(road: Memo<Road>) -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    let table_open = RwSignal::new(false);
    // What the last calendar download said (a live region outside the block).
    let said = RwSignal::new(String::new());
    let text = Memo::new(move |_| html(lang.get(), page, road, table_open.get()));
    let pick = move |ev: Event| {
        let value = event_target_value(&ev);
        if let Some(kind) = KINDS.into_iter().find(|k| code(*k) == value) {
            page.edit(|f| f.pick_payoff(kind));
            refocus(vec![format!("strategy-{value}")]);
        }
    };
    let act = move |ev: MouseEvent| {
        let Some(el) = clicked(&ev, "[data-action]") else { return };
        match el.get_attribute("data-action").as_deref() {
            Some("ics") => said.set(download_calendar(lang.get_untracked(), page, road)),
            // The table's <details> is drawn from `table_open`, so it stays open while figures change.
            Some("table") => {
                ev.prevent_default();
                table_open.update(|o| *o = !*o);
            }
            Some(dir @ ("up" | "down")) => {
                let Some(id) = el.get_attribute("data-loan") else { return };
                page.edit(|f| f.move_in_order(&id, dir == "up"));
                let other = if dir == "up" { "down" } else { "up" };
                refocus(vec![format!("order-{id}-{dir}"), format!("order-{id}-{other}")]);
            }
            _ => {}
        }
    };
    view! {
        <div class="road-plan" on:change=pick on:click=act inner_html=text></div>
        <p role="status" data-testid="calendar-status">{move || said.get()}</p>
    }
}
