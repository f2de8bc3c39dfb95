//! When instalments fall due: the date of every row of a loan's remaining
//! schedule, of its proposals and of a plan, and the budget month each
//! falls in.
//!
//! The first due date comes from, in order:
//! 1. the loan's `next_due_date` — on the page (no `as_of`, today known) a
//!    date already past is rolled forward by whole months to the first one
//!    on or after today: the borrower entered it some time ago, and a plan
//!    "from" a past date is an ask no lender can accept. With `as_of` the
//!    document's own date rules and nothing is rolled;
//! 2. the evaluation date `as_of` + the days to the next instalment
//!    ([`DueCalendar::offset`]`(1)`: 30, or what is left of the current
//!    30-day cycle when the loan is overdue — the rule the cost of doing
//!    nothing already uses);
//! 3. "today" + the same days. Today is not part of the document: only the
//!    page passes it ([`crate::scenario::Scenario::evaluate_on`]); the
//!    evaluator passes none, so a file evaluates identically everywhere.
//!
//! Without any of them rows keep their period numbers only, and the
//! evaluation says so (`dated: false`). Instalment k falls due on the first
//! due date + (k − 1) months, the day clamped to the end of shorter months
//! from the anchor, never chained: Jan 31 → Feb 29 → Mar 31.
//!
//! Budget months (month 1 is this month): instalment k falls in the calendar
//! month of its due date when both `as_of` and `next_due_date` are known —
//! one already past due counting in month 1 — else in month k. Today never
//! moves a month or changes an amount, only the dates printed, so
//! `evaluate_on(Some(today))` equals `evaluate()` but for dates.

use super::dates::{days_in_month, Date, MAX_YEAR, MIN_YEAR};
use super::overdue::DueCalendar;
use super::Row;
use serde::Serialize;

/// Where a loan's first due date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The loan's `next_due_date`.
    NextDueDate,
    /// `as_of` + the days to the next instalment.
    AsOf,
    /// Today (the page's clock) + the days to the next instalment.
    Today,
}

/// The due dates and budget months of one loan's instalments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueDates {
    /// Due date of instalment 1, when known.
    pub first: Option<Date>,
    /// Where `first` comes from.
    pub source: Option<DateSource>,
    /// The date instalments are counted from (`first` but for a rolled
    /// `next_due_date`, whose day of month stays the anchor: Jan 31 rolled
    /// into February is Feb 28, and March is the 31st again).
    anchor: Option<Date>,
    /// Months from `anchor` to `first`.
    shift: i32,
    /// Budget month of instalment 1 before months before this one are
    /// counted as month 1 (0 or less when the next due date has passed).
    first_month: i64,
}

/// A loan's next due date as the page dates it (rule 1 above): rolled
/// forward past `today` when the document has no `as_of`.
pub fn next_due_on(next: Date, as_of: Option<Date>, today: Option<Date>) -> Option<Date> {
    match (as_of, today) {
        (None, Some(today)) => next.add_months(months_to_reach(next, today)),
        _ => Some(next),
    }
}

/// The whole months to add to `date` (from it as the anchor) to reach the
/// first date on or after `today`; 0 when it is not past.
fn months_to_reach(date: Date, today: Date) -> i32 {
    let months = i32::try_from(month_index(today) - month_index(date)).unwrap_or(0).max(0);
    match date.add_months(months) {
        Some(d) if d < today => months + 1,
        _ => months,
    }
}

/// Months since year 0, for month differences.
fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month())
}

impl DueDates {
    /// The dates of a loan with this calendar; `today` only for the page.
    pub fn of(calendar: &DueCalendar, today: Option<Date>) -> Self {
        let after = |d: Date| d.add_days(i64::from(calendar.offset(1)));
        let (first, source) = match (calendar.next_due, calendar.as_of, today) {
            (Some(next), _, _) => (Some(next), Some(DateSource::NextDueDate)),
            (None, Some(as_of), _) => (after(as_of), Some(DateSource::AsOf)),
            (None, None, Some(today)) => (after(today), Some(DateSource::Today)),
            (None, None, None) => (None, None),
        };
        let first_month = match (calendar.as_of, calendar.next_due) {
            (Some(as_of), Some(next)) => month_index(next) - month_index(as_of) + 1,
            _ => 1,
        };
        let shift = match (source, calendar.as_of, first, today) {
            (Some(DateSource::NextDueDate), None, Some(next), Some(today)) => months_to_reach(next, today),
            _ => 0,
        };
        let rolled = first.and_then(|d| d.add_months(shift));
        Self { first: rolled, source: rolled.and(source), anchor: rolled.and(first), shift, first_month }
    }

    /// Due date of instalment `k` (1-based), when known and within the calendar.
    pub fn date(&self, k: u32) -> Option<Date> {
        self.anchor?.add_months(i32::try_from(k).ok()?.checked_sub(1)?.checked_add(self.shift)?)
    }

    /// Budget month (1 = this month) of instalment `k` (1-based).
    #[inline(always)]
    pub fn month(&self, k: u32) -> u32 {
        let m = (self.first_month + i64::from(k) - 1).max(1);
        u32::try_from(m).unwrap_or(u32::MAX)
    }

    /// The first instalment that falls after the budget's 12 months (all
    /// later ones do too).
    pub fn first_after(&self, months: u32) -> u32 {
        let k = i64::from(months) + 2 - self.first_month;
        u32::try_from(k.max(1)).unwrap_or(u32::MAX)
    }

    /// Dates every row by its period.
    pub fn mark(&self, rows: &mut [Row]) {
        let Some(first) = self.anchor else {
            return;
        };
        // The same as `self.date(period)`, walking month by month through
        // consecutive periods (a schedule's) without a division, and
        // clamping only anchor days past the 28th.
        let anchor = month_index(first) - 1 + i64::from(self.shift);
        let day = first.day();
        let mut at: Option<(u32, i32, u32)> = None;
        for r in rows.iter_mut() {
            let (year, month) = match at {
                Some((period, y, m)) if r.period == period + 1 => if m == 12 { (y + 1, 1) } else { (y, m + 1) },
                _ => {
                    let index = anchor + i64::from(r.period) - 1;
                    (i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX), index.rem_euclid(12) as u32 + 1)
                }
            };
            at = Some((r.period, year, month));
            r.date = match (year, day) {
                (MIN_YEAR..=MAX_YEAR, 1..=28) => Some(Date::from_checked(year, month, day)),
                (MIN_YEAR..=MAX_YEAR, _) => Some(Date::from_checked(year, month, day.min(days_in_month(year, month)))),
                _ => None,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn calendar(as_of: Option<&str>, next: Option<&str>, days_overdue: u32) -> DueCalendar {
        DueCalendar { as_of: as_of.map(date), next_due: next.map(date), days_overdue }
    }

    #[test]
    fn first_due_date_by_source() {
        let next = DueDates::of(&calendar(Some("2025-03-10"), Some("2025-04-05"), 0), Some(date("2030-01-01")));
        assert_eq!((next.first, next.source), (Some(date("2025-04-05")), Some(DateSource::NextDueDate)));
        // as_of + 30 days; 45 days overdue: the next 30-day cycle ends in 15 days.
        let as_of = DueDates::of(&calendar(Some("2025-03-10"), None, 0), None);
        assert_eq!((as_of.first, as_of.source), (Some(date("2025-04-09")), Some(DateSource::AsOf)));
        let overdue = DueDates::of(&calendar(Some("2025-03-10"), None, 45), None);
        assert_eq!(overdue.first, Some(date("2025-03-25")));
        // Today only when the document has no date at all.
        let today = DueDates::of(&calendar(None, None, 0), Some(date("2025-01-31")));
        assert_eq!((today.first, today.source), (Some(date("2025-03-02")), Some(DateSource::Today)));
        let none = DueDates::of(&calendar(None, None, 0), None);
        assert_eq!((none.first, none.source, none.date(1)), (None, None, None));
    }

    #[test]
    fn a_past_next_due_date_rolls_forward_past_today_on_the_page_only() {
        // Entered on 2026-11-05, seen on 2026-11-30: the next one is 12-05.
        let page = DueDates::of(&calendar(None, Some("2026-11-05"), 0), Some(date("2026-11-30")));
        assert_eq!((page.first, page.date(2), page.source), (Some(date("2026-12-05")), Some(date("2027-01-05")), Some(DateSource::NextDueDate)));
        // Due today stays today; a future date is never moved.
        assert_eq!(DueDates::of(&calendar(None, Some("2026-11-30"), 0), Some(date("2026-11-30"))).first, Some(date("2026-11-30")));
        assert_eq!(DueDates::of(&calendar(None, Some("2027-02-01"), 0), Some(date("2026-11-30"))).first, Some(date("2027-02-01")));
        // The 31st rolled into February is the 28th, and the 31st again in March.
        let end = DueDates::of(&calendar(None, Some("2025-10-31"), 0), Some(date("2026-02-10")));
        assert_eq!((end.first, end.date(2)), (Some(date("2026-02-28")), Some(date("2026-03-31"))));
        let mut rows: Vec<Row> = (1..=3).map(|k| Row::new(k, Decimal::ONE, Decimal::ZERO, Decimal::ONE, Decimal::ZERO)).collect();
        end.mark(&mut rows);
        assert!(rows.iter().all(|r| r.date == end.date(r.period)), "marking equals date()");
        // With as_of the document's date rules: nothing rolls; without today
        // (the evaluator) neither.
        let doc = DueDates::of(&calendar(Some("2025-03-10"), Some("2025-03-18"), 0), Some(date("2026-11-30")));
        assert_eq!(doc.first, Some(date("2025-03-18")));
        assert_eq!(DueDates::of(&calendar(None, Some("2025-03-18"), 0), None).first, Some(date("2025-03-18")));
        // Budget months do not move (today changes dates printed, not amounts).
        assert_eq!((page.month(1), page.first_after(12)), (1, 13));
    }

    #[test]
    fn dates_clamp_to_month_ends_from_the_anchor() {
        let d = DueDates::of(&calendar(None, Some("2024-01-31"), 0), None);
        let got: Vec<Option<Date>> = (1..=4).map(|k| d.date(k)).collect();
        assert_eq!(got, ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"].map(|s| Some(date(s))).to_vec());
        let mut rows: Vec<Row> = (1..=40).map(|k| Row::new(k, Decimal::ONE, Decimal::ZERO, Decimal::ONE, Decimal::ZERO)).collect();
        d.mark(&mut rows);
        assert!(rows.iter().all(|r| r.date == d.date(r.period)), "marking equals add_months");
        assert_eq!(rows[13].date, Some(date("2025-02-28")));
        // Beyond 2199 a row has no date rather than a wrong one.
        let late = DueDates::of(&calendar(None, Some("2199-11-30"), 0), None);
        let mut rows = vec![Row::new(3, Decimal::ONE, Decimal::ZERO, Decimal::ONE, Decimal::ZERO)];
        late.mark(&mut rows);
        assert_eq!((rows[0].date, late.date(3)), (None, None));
    }

    #[test]
    fn budget_months_follow_the_calendar_when_both_dates_are_known() {
        // Seen on 2025-03-10, next due 2025-04-05: instalment 1 in month 2.
        let d = DueDates::of(&calendar(Some("2025-03-10"), Some("2025-04-05"), 0), None);
        assert_eq!((d.month(1), d.month(2), d.first_after(12)), (2, 3, 12));
        // Due 2025-01-20, already past on 2025-03-10: months 1, 1, 1, 2.
        let past = DueDates::of(&calendar(Some("2025-03-10"), Some("2025-01-20"), 0), None);
        assert_eq!((1..=4).map(|k| past.month(k)).collect::<Vec<_>>(), vec![1, 1, 1, 2]);
        assert_eq!(past.first_after(12), 15);
        // Without as_of, or without next_due_date: instalment k in month k,
        // whatever today is.
        for d in [
            DueDates::of(&calendar(None, Some("2025-04-05"), 0), Some(date("2025-03-10"))),
            DueDates::of(&calendar(Some("2025-03-10"), None, 0), None),
        ] {
            assert_eq!((d.month(1), d.month(12), d.first_after(12)), (1, 12, 13));
        }
        // The budget's own month rule agrees.
        let cal = calendar(Some("2025-03-10"), Some("2025-01-20"), 0);
        assert!((1..=30).all(|k| cal.month_of(k) == DueDates::of(&cal, None).month(k)));
    }
}
