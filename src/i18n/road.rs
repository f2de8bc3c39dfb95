//! Words of the road to debt-free (issue 12): the strategies' and the
//! prepayment effects' names, and the calendar of the chosen plan's due
//! dates (`.ics`, RFC 5545 via [`crate::ics`]) with its event texts in the
//! page's language.
//!
//! The calendar: one event per payment of the plan on its due date — loan
//! j's month-k payment falls on its `next_due_date` + (k − 1) months
//! ([`PayoffPlan::dues`]) — with the amount and the lender, and a reminder
//! the day before. A loan without `next_due_date` has no dates: it is left
//! out and named in [`PlanCalendar::undated`]; when no payment has a date
//! the answer is [`NoCalendar::NoDueDate`].

mod words;
pub use words::*;

use super::{fill, money, Lang};
use crate::engine::payoff::PayoffPlan;
use crate::engine::{Date, PayoffKind, PrepayEffect};
use crate::ics::{calendar, IcsEvent};
use crate::present::LoanTitle;
use crate::scenario::evaluate::FigureReason;
use crate::scenario::{LoanEntry, Scenario};
use rust_decimal::Decimal;

/// Why a plan has no calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoCalendar {
    /// No loan the plan pays has a next due date.
    NoDueDate,
    /// The plan pays nothing (nothing is owed).
    NothingDue,
}

/// The `.ics` of a plan's due dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCalendar {
    /// The file's text (CRLF lines, UTF-8).
    pub ics: String,
    pub events: usize,
    /// Ids of loans the plan pays that have no next due date (not in the file).
    pub undated: Vec<String>,
}

impl RoadText {
    /// A strategy against the cheapest: "最省" / "Cheapest" for itself, else
    /// what it costs more ("+¥1,234.56").
    pub fn against_cheapest(&self, more: Decimal) -> String {
        if more.is_zero() {
            self.cheapest.to_owned()
        } else {
            self.lang.increase(more)
        }
    }

    /// The loans left out of the calendar, listed ("A、B" / "A, B").
    pub fn undated_list(&self, titles: &[String]) -> String {
        fill(self.calendar_undated, &[&titles.join(self.lang.pick(["、", ", "]))])
    }

    /// Why the road leaves a loan out, as a sentence.
    pub fn left_out_reason(&self, reason: FigureReason) -> &'static str {
        match reason {
            FigureReason::Overflow => self.left_out_overflow,
            FigureReason::Input => self.left_out_input,
            FigureReason::NoRateOfReturn | FigureReason::RateCheckImplausible => self.left_out_uncomputable,
        }
    }

    /// Why there is no calendar, as a sentence.
    pub fn no_calendar(&self, e: NoCalendar) -> &'static str {
        match e {
            NoCalendar::NoDueDate => self.no_due_date,
            NoCalendar::NothingDue => self.nothing_due,
        }
    }

    /// The `.ics` file of `plan`'s due dates, in these words, for the loans of `s`, whose
    /// next due dates (by position) are `next_due` — as the page dates them,
    /// [`Scenario::next_due_dates_on`] — stamped `now_unix_seconds` (UTC).
    pub fn plan_calendar(&self, s: &Scenario, plan: &PayoffPlan, next_due: &[Option<Date>], now_unix_seconds: i64) -> Result<PlanCalendar, NoCalendar> {
        let entries: Vec<Option<(usize, &LoanEntry)>> =
            plan.loans.iter().map(|l| s.loans.iter().enumerate().find(|(_, e)| e.id == l.id)).collect();
        // Pushed, not collected: a collect of `Option<Date>`s is the road's
        // `Vec::reserve` too, a chunk the two would share.
        let mut first_due = Vec::with_capacity(entries.len());
        for e in &entries {
            first_due.push(e.and_then(|(i, _)| next_due.get(i).copied().flatten()));
        }
        let paid = |j: usize| plan.timeline.iter().any(|m| m.loans.get(j).is_some_and(|l| l.paid > Decimal::ZERO));
        let paying: Vec<usize> = (0..plan.loans.len()).filter(|&j| paid(j)).collect();
        if paying.is_empty() {
            return Err(NoCalendar::NothingDue);
        }
        let undated = paying.iter().filter(|&&j| first_due[j].is_none()).map(|&j| plan.loans[j].id.clone()).collect();
        let events: Vec<IcsEvent> = plan
            .dues(&first_due)
            .into_iter()
            .filter_map(|due| {
                let label = self.lang.calendar_label(s, entries[due.loan]?);
                let amount = money(due.amount);
                Some(IcsEvent {
                    loan_id: plan.loans[due.loan].id.clone(),
                    date: due.date,
                    summary: super::fill(self.event_summary, &[&label, &amount]),
                    description: super::fill(self.event_description, &[&label, &due.month.to_string(), &amount, self.lang.payoff_kind(plan.strategy)]),
                })
            })
            .collect();
        if events.is_empty() {
            return Err(NoCalendar::NoDueDate);
        }
        Ok(PlanCalendar { ics: calendar(self.calendar_name, &events, now_unix_seconds), events: events.len(), undated })
    }
}

impl Lang {
    /// In each language's `Names` (the main wasm draws them).
    pub fn payoff_kind(self, k: PayoffKind) -> &'static str {
        self.words().names.payoff_kind[k as usize]
    }

    pub fn prepay_effect(self, e: PrepayEffect) -> &'static str {
        self.pick(match e {
            PrepayEffect::ShortenTerm => ["月供不变，缩短期限", "Keep the payment, shorten the term"],
            PrepayEffect::LowerPayment => ["期限不变，减少月供", "Keep the term, lower the payment"],
        })
    }

    /// A loan as the calendar names it: its label, else its lender, with
    /// its number when there are several loans ("借款 2 · 借呗").
    fn calendar_label(self, s: &Scenario, (i, l): (usize, &LoanEntry)) -> String {
        match (l.name.is_empty(), s.loans.len()) {
            (false, _) => l.name.clone(),
            (true, 1) => self.lender(l.lender).to_owned(),
            (true, _) => self.loan_title(LoanTitle::new(i, l.lender, "")),
        }
    }
}

#[cfg(test)]
mod tests;
