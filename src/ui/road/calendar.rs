//! The picked plan's due dates as an `.ics` file (made on the device, on
//! click: a long plan has thousands of events), and which loans cannot be
//! in it because they have no next due date.

use super::super::download::download_text;
use super::super::page::use_page;
use super::super::use_lang;
use super::{clicked, markup};
use crate::i18n::{fill, Lang, NoCalendar};
use crate::present::LoanTitle;
use crate::scenario::Scenario;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// The titles of the loans without a next due date, and whether that is all of them.
fn undated(lang: Lang, s: &Scenario) -> (Vec<String>, bool) {
    let titles = s.loans.iter().enumerate().filter(|(_, l)| l.next_due_date.is_none());
    let titles: Vec<String> = titles.map(|(i, l)| lang.loan_title(LoanTitle { number: i + 1, lender: l.lender })).collect();
    let all = titles.len() == s.loans.len();
    (titles, all)
}

#[component]
pub fn Calendar() -> impl IntoView {
    let (lang, page) = (use_lang(), use_page());
    // What the last click said: reminders made, or why none.
    let said = RwSignal::new(String::new());
    let html = move || {
        let lang = lang.get();
        let (titles, all) = page.last_valid.with(|s| undated(lang, s));
        markup::calendar(lang, &titles, all)
    };
    let make = move |ev: MouseEvent| {
        if clicked(&ev, "button[data-action=ics]").is_none() {
            return;
        }
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
    view! {
        <div class="calendar" data-testid="calendar" on:click=make inner_html=html></div>
        <p role="status" data-testid="calendar-status">{move || said.get()}</p>
    }
}
