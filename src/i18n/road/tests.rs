use super::*;
use crate::scenario::Scenario;

/// Two loans at 0 %: 网商贷 ¥2,000 over 2 months due from 2026-01-31, 借呗
/// ¥500 in one month without a due date; ¥1,500 a month, snowball. Month 1
/// pays both minimums (1000 + 500 = the budget), month 2 the last 1000.
const TWO_LOANS: &str = r#"{
  "version": 1,
  "loans": [
    {"id": "a", "lender": "mybank", "principal": "2000", "rate": {"value": "0", "unit": "monthly_percent"},
     "method": "equal_installment", "months": 2, "next_due_date": "2026-01-31"},
    {"id": "b", "lender": "jiebei", "principal": "500", "rate": {"value": "0", "unit": "monthly_percent"},
     "method": "equal_installment", "months": 1}
  ],
  "payoff_strategy": {"kind": "snowball", "monthly_budget": "1500"}
}"#;

/// python3: datetime(2025, 1, 10, 8, 30, tzinfo=timezone.utc).timestamp() == 1736497800
const NOW: i64 = 1_736_497_800;

fn calendar_of(text: &str, w: &RoadText) -> Result<PlanCalendar, NoCalendar> {
    let s = Scenario::from_json(text).unwrap();
    let e = s.evaluate();
    w.plan_calendar(&s, e.road.picked().unwrap(), &s.next_due_dates_on(None), NOW)
}

/// Against `tests/ics/road-snowball.expected.ics`, written by a separate
/// 20-line Python script (its own escaping and folding at 75 octets, no
/// code shared with `crate::ics`) from the texts above: two events on
/// 2026-01-31 and 2026-02-28 (the month end clamped), the summary with the
/// amount and the loan, the description with the month of the plan and the
/// strategy, each DESCRIPTION folded between characters.
#[test]
fn the_picked_plan_becomes_the_hand_checked_calendar() {
    let expected = include_str!("../../../tests/ics/road-snowball.expected.ics");
    let c = calendar_of(TWO_LOANS, &ROAD_ZH).unwrap();
    assert_eq!(c.ics, expected);
    assert_eq!((c.events, c.undated), (2, vec!["b".to_owned()]), "借呗 has no due date");
}

#[test]
fn english_words_and_a_single_loan_named_by_its_lender() {
    let c = calendar_of(TWO_LOANS, &ROAD_EN).unwrap();
    let unfolded = c.ics.replace("\r\n ", "");
    assert!(unfolded.contains("X-WR-CALNAME:Repayment reminders\r\n"));
    assert!(unfolded.contains("SUMMARY:Repay Loan 1 · MYbank (网商贷) ¥1\\,000.00\r\n"), "{unfolded}");
    assert!(unfolded.contains("month 2 of the road to debt-free\\, ¥1\\,000.00 due.\\nPlan: Smallest balance first (snowball)."));
    // One loan: its lender alone (month 1 now pays 1000 + the 500 left
    // over); a label wins over the lender.
    let mut s = Scenario::from_json(TWO_LOANS).unwrap();
    s.loans.truncate(1);
    let plan = s.evaluate().road.picked().cloned().unwrap();
    assert!(ROAD_ZH.plan_calendar(&s, &plan, &s.next_due_dates_on(None), NOW).unwrap().ics.contains("SUMMARY:还款：网商贷 ¥1\\,500.00\r\n"));
    s.loans[0].name = "网商贷 2025".into();
    assert!(ROAD_ZH.plan_calendar(&s, &plan, &s.next_due_dates_on(None), NOW).unwrap().ics.contains("SUMMARY:还款：网商贷 2025 ¥1\\,500.00\r\n"));
}

#[test]
fn without_due_dates_or_payments_there_is_no_calendar() {
    let undated = TWO_LOANS.replacen(", \"next_due_date\": \"2026-01-31\"", "", 1);
    assert_eq!(calendar_of(&undated, &ROAD_ZH), Err(NoCalendar::NoDueDate));
    // A plan that pays nothing: no budget at all (every month short).
    let nothing = TWO_LOANS.replacen("\"monthly_budget\": \"1500\"", "\"monthly_budget\": \"0\"", 1);
    assert_eq!(calendar_of(&nothing, &ROAD_ZH), Err(NoCalendar::NothingDue));
    for e in [NoCalendar::NoDueDate, NoCalendar::NothingDue] {
        assert_ne!(ROAD_ZH.no_calendar(e), ROAD_EN.no_calendar(e));
    }
    assert!(ROAD_ZH.no_calendar(NoCalendar::NoDueDate).contains("下次还款日"));
}

#[test]
fn every_strategy_and_effect_has_a_name_in_both_languages() {
    use crate::engine::{PayoffKind, PrepayEffect};
    for k in [PayoffKind::Avalanche, PayoffKind::Snowball, PayoffKind::ProRata, PayoffKind::Custom] {
        assert!(!Lang::Zh.payoff_kind(k).is_empty() && Lang::Zh.payoff_kind(k) != Lang::En.payoff_kind(k));
    }
    for e in [PrepayEffect::ShortenTerm, PrepayEffect::LowerPayment] {
        assert!(!Lang::Zh.prepay_effect(e).is_empty() && Lang::Zh.prepay_effect(e) != Lang::En.prepay_effect(e));
    }
}

/// Due from 2026-01-31, seen on 2026-03-05 without an as_of: the reminders
/// start on the next due date after today (03-31, then 04-30), never in the past.
#[test]
fn a_past_next_due_date_rolls_forward_past_today() {
    let s = Scenario::from_json(TWO_LOANS).unwrap();
    let plan = s.evaluate().road.picked().cloned().unwrap();
    let today = Date::new(2026, 3, 5);
    let ics = ROAD_ZH.plan_calendar(&s, &plan, &s.next_due_dates_on(today), NOW).unwrap().ics;
    assert!(ics.contains("DTSTART;VALUE=DATE:20260331\r\n") && ics.contains("DTSTART;VALUE=DATE:20260430\r\n"), "{ics}");
    assert!(!ics.contains("DTSTART;VALUE=DATE:202601") && !ics.contains("DTSTART;VALUE=DATE:202602"));
    // With the document's own as_of nothing rolls.
    let mut dated = s.clone();
    dated.as_of = Date::new(2026, 1, 10);
    assert!(ROAD_ZH.plan_calendar(&dated, &plan, &dated.next_due_dates_on(today), NOW).unwrap().ics.contains("DTSTART;VALUE=DATE:20260131\r\n"));
}

/// The open section speaks the language of the words it was handed, and
/// fetches the page's when they differ (`ui::road::draw`): by this field.
#[test]
fn each_languages_words_say_which_language_they_are_in() {
    assert_eq!((ROAD_ZH.lang, ROAD_EN.lang), (Lang::Zh, Lang::En));
    assert!(ROAD_ZH.left_out_reason(FigureReason::Input).contains("1 万亿元"));
    assert!(ROAD_EN.left_out_reason(FigureReason::Input).contains("¥1 trillion"));
    assert_ne!(ROAD_ZH.left_out_reason(FigureReason::Overflow), ROAD_ZH.left_out_reason(FigureReason::NoRateOfReturn));
}

#[test]
fn a_strategy_against_the_cheapest_is_worded_in_each_language() {
    let more: Decimal = "1234.5".parse().unwrap();
    assert_eq!(ROAD_ZH.against_cheapest(Decimal::ZERO), "最省");
    assert_eq!(ROAD_EN.against_cheapest(Decimal::ZERO), "Cheapest");
    assert_eq!(ROAD_ZH.against_cheapest(more), "+¥1,234.50");
    assert_eq!(ROAD_EN.against_cheapest(more), "+¥1,234.50");
}

#[test]
fn the_loans_left_out_of_the_calendar_are_listed_in_each_languages_way() {
    let titles = ["借款1 · 网商贷".to_owned(), "借款2 · 借呗".to_owned()];
    assert_eq!(ROAD_ZH.undated_list(&titles), "没有填写下次还款日，不在日历中：借款1 · 网商贷、借款2 · 借呗");
    let titles = ["Loan 1 · MYbank".to_owned(), "Loan 2 · Jiebei".to_owned()];
    assert_eq!(ROAD_EN.undated_list(&titles), "Not in the calendar (no next due date): Loan 1 · MYbank, Loan 2 · Jiebei");
}

#[test]
fn payoff_orders_in_their_enums_order() {
    // Each language's `Names` holds them at the variant's index.
    use crate::engine::payoff::PayoffKind;
    assert_eq!(Lang::Zh.payoff_kind(PayoffKind::Avalanche), "先还利率最高的（雪崩法）");
    assert_eq!(Lang::En.payoff_kind(PayoffKind::ProRata), "Pro rata to balance");
    assert_eq!(Lang::En.payoff_kind(PayoffKind::Custom), "In my own order");
}
