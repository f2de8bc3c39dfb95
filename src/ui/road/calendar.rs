//! The picked plan's due dates as an `.ics` file (made on the device, on
//! click: a long plan has thousands of events), and which loans cannot be
//! in it because they have no next due date.

use super::super::download::download_text;
use super::super::page::use_page;
use super::super::use_lang;
use super::use_words;
use crate::i18n::{fill, NoCalendar};
use crate::present::LoanTitle;
use leptos::prelude::*;

#[component]
pub fn Calendar() -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    // What the last click said (reminders made, or why none).
    let said = RwSignal::new(None::<Result<usize, Option<NoCalendar>>>);
    let undated = Memo::new(move |_| {
        page.last_valid.with(|s| {
            let titles = s.loans.iter().enumerate().filter(|(_, l)| l.next_due_date.is_none());
            titles.map(|(i, l)| LoanTitle { number: i + 1, lender: l.lender }).collect::<Vec<_>>()
        })
    });
    let all_undated = Memo::new(move |_| page.last_valid.with(|s| s.loans.iter().all(|l| l.next_due_date.is_none())));
    let make = move |_| {
        let lang = lang.get_untracked();
        let plan = page.evaluation.with_untracked(|e| e.road.picked().cloned());
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let made = plan.ok_or(NoCalendar::NothingDue).and_then(|p| page.last_valid.with_untracked(|s| lang.plan_calendar(s, &p, now)));
        said.set(Some(match made {
            Ok(c) => download_text(lang.road().calendar_file, "text/calendar;charset=utf-8", &c.ics).map(|_| c.events).map_err(|_| None),
            Err(e) => Err(Some(e)),
        }));
    };
    let undated_line = move || {
        let titles = undated.get();
        (!titles.is_empty() && !all_undated.get()).then(|| {
            let names: Vec<String> = titles.into_iter().map(|t| lang.get().loan_title(t)).collect();
            fill(w().calendar_undated, &[&names.join("、")])
        })
    };
    let result = move || {
        said.get().map(|r| match r {
            Ok(n) => fill(w().calendar_done, &[&n.to_string()]),
            Err(Some(e)) => lang.get().no_calendar(e).to_owned(),
            Err(None) => w().calendar_failed.to_owned(),
        })
    };
    view! {
        <div class="calendar" data-testid="calendar">
            <h3>{move || w().calendar_heading}</h3>
            <p class="explain">{move || w().calendar_intro}</p>
            <Show when=move || all_undated.get()>
                <p class="hint" data-testid="calendar-needs-date">{move || lang.get().no_calendar(NoCalendar::NoDueDate)}</p>
            </Show>
            <p class="hint" data-testid="calendar-undated">{undated_line}</p>
            <button type="button" data-testid="download-ics" disabled=move || all_undated.get() on:click=make>
                {move || w().calendar_button}
            </button>
            <p role="status" data-testid="calendar-status">{result}</p>
        </div>
    }
}
