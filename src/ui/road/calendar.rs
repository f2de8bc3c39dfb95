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
    // What the last click said: reminders made, or why none.
    let said = RwSignal::new(String::new());
    // The loans without a next due date, and whether that is all of them.
    let undated = Memo::new(move |_| {
        page.last_valid.with(|s| {
            let titles = s.loans.iter().enumerate().filter(|(_, l)| l.next_due_date.is_none());
            let titles: Vec<LoanTitle> = titles.map(|(i, l)| LoanTitle { number: i + 1, lender: l.lender }).collect();
            (titles.len() == s.loans.len(), titles)
        })
    });
    let make = move |_| {
        let lang = lang.get_untracked();
        let plan = page.evaluation.with_untracked(|e| e.road.picked().cloned());
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let made = plan.ok_or(NoCalendar::NothingDue).and_then(|p| page.last_valid.with_untracked(|s| lang.plan_calendar(s, &p, now)));
        let w = lang.road();
        said.set(match made {
            Ok(c) => match download_text(w.calendar_file, "text/calendar;charset=utf-8", &c.ics) {
                Ok(()) => fill(w.calendar_done, &[&c.events.to_string()]),
                Err(_) => w.calendar_failed.to_owned(),
            },
            Err(e) => lang.no_calendar(e).to_owned(),
        });
    };
    let note = move || {
        let lang = lang.get();
        undated.with(|(all, titles)| match (all, titles.is_empty()) {
            (true, _) => lang.no_calendar(NoCalendar::NoDueDate).to_owned(),
            (false, false) => fill(w().calendar_undated, &[&titles.iter().map(|t| lang.loan_title(*t)).collect::<Vec<_>>().join("、")]),
            (false, true) => String::new(),
        })
    };
    view! {
        <div class="calendar" data-testid="calendar">
            <h3>{move || w().calendar_heading}</h3>
            <p class="explain">{move || w().calendar_intro}</p>
            <p class="hint" data-testid="calendar-undated">{note}</p>
            <button type="button" data-testid="download-ics" disabled=move || undated.with(|u| u.0) on:click=make>
                {move || w().calendar_button}
            </button>
            <p role="status" data-testid="calendar-status">{move || said.get()}</p>
        </div>
    }
}
