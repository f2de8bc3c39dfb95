//! Collection-conduct flags for the contact log (DOMAIN.md "Collection
//! conduct": the 2026 industry guideline for personal consumer loans,
//! aligned with a 2025 national standard — labelled "verify" there).
//!
//! Rules checked, each entry on its own:
//! * **Night calls**: a call from the lender (`phone_in`, `phone_missed`)
//!   at 22:00 or later, or before 08:00 (21:59 and 08:00 are fine).
//! * **Too many calls**: the 7th and every later unanswered call
//!   (`phone_missed`) from the same creditor on one calendar day — the
//!   guideline allows 6 unanswered calls a day; answered calls are not
//!   counted (review w14 S2). Calls are counted in time order; two at the
//!   same minute in log order.
//! * **Third parties** contacted and **threats or impersonation**: as the
//!   borrower recorded them.
//!
//! A follow-up is **due** once its date has passed: `follow_up < today`.
//! Complaints go to the financial regulator's consumer hotline
//! [`COMPLAINT_HOTLINE`].

use crate::engine::Date;
use super::{Channel, ContactEntry};
use serde::Serialize;

/// The financial regulator's consumer complaint hotline.
pub const COMPLAINT_HOTLINE: &str = "12378";
/// No calls from this hour…
pub const QUIET_FROM_HOUR: u32 = 22;
/// …until this hour.
pub const QUIET_UNTIL_HOUR: u32 = 8;
/// Unanswered calls a day to the same person the guideline allows.
pub const MAX_CALLS_A_DAY: usize = 6;

/// A guideline rule an entry breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConductRule {
    NightCall,
    TooManyCalls,
    ThirdParty,
    ThreatsOrImpersonation,
}

/// What the log says about one entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct EntryReview {
    /// The rules the entry breaks, in [`ConductRule`] order.
    pub breaches: Vec<ConductRule>,
    /// Its follow-up date has passed.
    pub follow_up_due: bool,
}

fn is_night(e: &ContactEntry) -> bool {
    !(QUIET_UNTIL_HOUR..QUIET_FROM_HOUR).contains(&e.at.hour())
}

/// For each `phone_missed` entry, whether it is beyond the day's allowance:
/// [`MAX_CALLS_A_DAY`] or more unanswered calls from the same creditor that day come
/// before it (by the clock, then in log order). `creditor` maps a loan id to
/// who calls about it (the lender), so two loans of one lender count
/// together. Quadratic in the calls of the log (at most 500 entries), which
/// costs less code than a sort.
fn beyond_allowance(log: &[ContactEntry], creditor: &dyn Fn(&str) -> String) -> Vec<bool> {
    let keys: Vec<Option<String>> = log.iter().map(|e| (e.channel == Channel::PhoneMissed).then(|| creditor(&e.loan_id))).collect();
    let earlier = |i: usize, j: usize| (log[j].at, j) < (log[i].at, i) && log[j].at.date() == log[i].at.date() && keys[j] == keys[i];
    (0..log.len()).map(|i| keys[i].is_some() && (0..log.len()).filter(|&j| earlier(i, j)).count() >= MAX_CALLS_A_DAY).collect()
}

/// Reviews every entry of `log` (one result per entry, same order).
/// `today` decides which follow-ups are due (none without it).
pub fn review_log(log: &[ContactEntry], today: Option<Date>, creditor: &dyn Fn(&str) -> String) -> Vec<EntryReview> {
    let over = beyond_allowance(log, creditor);
    log.iter()
        .zip(over)
        .map(|(e, over)| {
            let call = e.channel.is_lenders_call();
            let breaches = [
                (call && is_night(e), ConductRule::NightCall),
                (over, ConductRule::TooManyCalls),
                (e.third_party_contacted, ConductRule::ThirdParty),
                (e.threats, ConductRule::ThreatsOrImpersonation),
            ]
            .into_iter()
            .filter_map(|(hit, rule)| hit.then_some(rule))
            .collect();
            // A follow-up before its contact is a slip the field flags, not a due date.
            let follow_up_due = matches!((e.follow_up, today), (Some(f), Some(t)) if f < t && f >= e.at.date());
            EntryReview { breaches, follow_up_due }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::kit::DateTime;

    fn entry(at: &str, loan: &str, channel: Channel) -> ContactEntry {
        ContactEntry::new(DateTime::parse(at).unwrap(), loan, channel)
    }

    fn by_loan(id: &str) -> String {
        id.to_owned()
    }

    fn breaches(log: &[ContactEntry]) -> Vec<Vec<ConductRule>> {
        review_log(log, None, &by_loan).into_iter().map(|r| r.breaches).collect()
    }

    #[test]
    fn night_calls_at_the_boundaries() {
        let at = |t: &str| entry(&format!("2026-03-10T{t}"), "a", Channel::PhoneIn);
        let log = [at("21:59"), at("22:00"), at("23:59"), at("00:00"), at("07:59"), at("08:00"), at("12:00")];
        let night = |r: &Vec<ConductRule>| r.contains(&ConductRule::NightCall);
        let got: Vec<bool> = breaches(&log).iter().map(night).collect();
        assert_eq!(got, vec![false, true, true, true, true, false, false]);
        // An unanswered call at night is a night call too.
        assert_eq!(breaches(&[entry("2026-03-10T23:00", "a", Channel::PhoneMissed)]), vec![vec![ConductRule::NightCall]]);
        // The borrower's own late call, a night SMS or app message are not calls from the lender.
        let mine = [
            entry("2026-03-10T23:00", "a", Channel::PhoneOut),
            entry("2026-03-10T23:00", "a", Channel::Sms),
            entry("2026-03-10T23:00", "a", Channel::AppChat),
        ];
        assert!(breaches(&mine).iter().all(|b| b.is_empty()));
    }

    #[test]
    fn the_sixth_unanswered_call_of_a_day_is_fine_the_seventh_is_not() {
        // Logged out of order: counting follows the clock, not the log.
        let times = ["09:00", "15:00", "10:00", "11:00", "12:00", "13:00", "14:00", "14:30"];
        let log: Vec<ContactEntry> = times.iter().map(|t| entry(&format!("2026-03-10T{t}"), "a", Channel::PhoneMissed)).collect();
        let many: Vec<bool> = breaches(&log).iter().map(|b| b.contains(&ConductRule::TooManyCalls)).collect();
        // Sorted: 09,10,11,12,13,14 (6th), 14:30 (7th), 15:00 (8th).
        assert_eq!(many, vec![false, true, false, false, false, false, false, true]);
        // Six exactly: nothing flagged.
        let six: Vec<ContactEntry> = log.iter().filter(|e| e.at.hour() < 14 || e.at.minute() == 0 && e.at.hour() == 14).cloned().collect();
        assert_eq!(six.len(), 6);
        assert!(breaches(&six).iter().all(|b| b.is_empty()));
        // Answered calls are not what the guideline limits (review w14 S2):
        // eight answered calls flag nothing, and do not count towards the missed ones.
        let answered: Vec<ContactEntry> = log.iter().map(|e| ContactEntry { channel: Channel::PhoneIn, ..e.clone() }).collect();
        assert!(breaches(&answered).iter().all(|b| b.is_empty()));
        let mut mixed = answered.clone();
        mixed.extend(six.iter().cloned());
        mixed.push(entry("2026-03-10T16:00", "a", Channel::PhoneMissed));
        let flagged: Vec<usize> = breaches(&mixed).iter().enumerate().filter(|(_, b)| b.contains(&ConductRule::TooManyCalls)).map(|(i, _)| i).collect();
        assert_eq!(flagged, vec![mixed.len() - 1]);
    }

    #[test]
    fn calls_count_per_creditor_per_day() {
        let mut log: Vec<ContactEntry> = (0..6).map(|h| entry(&format!("2026-03-10T1{h}:00"), "a", Channel::PhoneMissed)).collect();
        // Another lender, another day, and the borrower's own calls do not add up.
        log.push(entry("2026-03-10T17:00", "b", Channel::PhoneMissed));
        log.push(entry("2026-03-11T09:00", "a", Channel::PhoneMissed));
        log.push(entry("2026-03-10T18:00", "a", Channel::PhoneOut));
        assert!(breaches(&log).iter().all(|b| b.is_empty()));
        // Two loans of one lender do.
        let same_lender = |id: &str| if id == "b" { "a".to_owned() } else { id.to_owned() };
        let r = review_log(&log, None, &same_lender);
        assert_eq!(r[6].breaches, vec![ConductRule::TooManyCalls]);
        // Same minute: log order decides which is the 7th.
        let mut tie: Vec<ContactEntry> = (0..7).map(|_| entry("2026-03-10T10:00", "a", Channel::PhoneMissed)).collect();
        tie[0].summary = "first".into();
        let r = breaches(&tie);
        assert!(r[..6].iter().all(|b| b.is_empty()) && r[6] == vec![ConductRule::TooManyCalls]);
    }

    #[test]
    fn recorded_conduct_is_flagged_on_any_channel() {
        let mut e = entry("2026-03-10T23:30", "a", Channel::PhoneIn);
        e.third_party_contacted = true;
        e.threats = true;
        assert_eq!(breaches(&[e.clone()])[0], vec![ConductRule::NightCall, ConductRule::ThirdParty, ConductRule::ThreatsOrImpersonation]);
        e.channel = Channel::Visit;
        assert_eq!(breaches(&[e])[0], vec![ConductRule::ThirdParty, ConductRule::ThreatsOrImpersonation]);
    }

    #[test]
    fn a_follow_up_is_due_once_its_date_has_passed() {
        let mut e = entry("2026-03-10T10:00", "a", Channel::AppChat);
        e.follow_up = Date::parse("2026-03-17");
        let due = |today: &str| review_log(&[e.clone()], Date::parse(today), &by_loan)[0].follow_up_due;
        assert!(!due("2026-03-16"));
        assert!(!due("2026-03-17"));
        assert!(due("2026-03-18"));
        assert!(!review_log(&[e.clone()], None, &by_loan)[0].follow_up_due);
        // F16c: a follow-up before its contact is a slip, never due.
        e.follow_up = Date::parse("2026-03-08");
        assert!(!review_log(&[e.clone()], Date::parse("2026-03-18"), &by_loan)[0].follow_up_due);
        e.follow_up = None;
        assert!(!review_log(&[e], Date::parse("2030-01-01"), &by_loan)[0].follow_up_due);
    }
}
