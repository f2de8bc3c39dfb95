use super::*;
use crate::engine::proposal::Params;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn text_is_cleaned_of_controls_and_bidi_overrides() {
    assert_eq!(clean_line("  张\u{202E}三\u{2066}\u{0007} \n先生\t "), "张三  先生");
    assert_eq!(clean_block("第一行\r\n第二行\r第三\u{202A}行\u{0000}\n\n"), "第一行\n第二行\n第三行");
    for c in ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
        assert_eq!(clean_line(&format!("a{c}b")), "ab", "{:X}", c as u32);
    }
    // Neighbours of the ranges are ordinary text.
    assert_eq!(clean_line("a\u{2029}\u{2065}b").chars().count(), 4);
}

#[test]
fn length_limits_count_characters_not_bytes() {
    assert_eq!(check_text(&"字".repeat(40), NAME_MAX), Ok(()));
    assert_eq!(check_text(&"字".repeat(41), NAME_MAX), Err(KitRule::TooLong { max: 40 }));
    let p = Profile { name: "字".repeat(41), ..Profile::default() };
    let e = p.validate("profile").unwrap_err();
    assert_eq!(e.to_string(), "profile.name: must be at most 40 characters");
    let p = Profile { phone: "1".repeat(31), ..Profile::default() };
    assert_eq!(p.validate("profile").unwrap_err().path, "profile.phone");
    assert_eq!(check_contract_no(&"A".repeat(64)), Ok(()));
    assert_eq!(check_contract_no(&"A".repeat(65)), Err(KitRule::TooLong { max: 64 }));
}

#[test]
fn profile_round_trips_and_defaults_to_empty() {
    let p: Profile = serde_json::from_str(r#"{"name":"张三\u202e","city":"杭州"}"#).unwrap();
    assert_eq!(p, Profile { name: "张三".into(), phone: String::new(), city: "杭州".into() });
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(json, r#"{"name":"张三","city":"杭州"}"#);
    assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), p);
    let e = serde_json::from_str::<Profile>(r#"{"nmae":"x"}"#).unwrap_err().to_string();
    assert!(e.contains("unknown field `nmae`"), "{e}");
}

#[test]
fn hardship_round_trip_and_rules() {
    let json = r#"{"reason":"business_loss","since":"2025-01-01","details":"客流减少\r\n营业额下降","temporary":true,"evidence":["bank_statements","business_records"]}"#;
    let h: Hardship = serde_json::from_str(json).unwrap();
    assert_eq!(h.details, "客流减少\n营业额下降");
    assert_eq!(h.evidence, vec![Evidence::BankStatements, Evidence::BusinessRecords]);
    let again: Hardship = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
    assert_eq!(again, h);
    // Defaults.
    let h: Hardship = serde_json::from_str(r#"{"reason":"illness","since":"2025-02-03"}"#).unwrap();
    assert!(!h.temporary && h.details.is_empty() && h.evidence.is_empty());
    // Errors with paths.
    let bad: Hardship = serde_json::from_str(&format!(r#"{{"reason":"other","since":"2025-02-03","details":"{}"}}"#, "x".repeat(1001))).unwrap();
    assert_eq!(bad.validate("hardship").unwrap_err().to_string(), "hardship.details: must be at most 1000 characters");
    let ok: Hardship = serde_json::from_str(&format!(r#"{{"reason":"other","since":"2025-02-03","details":"{}"}}"#, "x".repeat(1000))).unwrap();
    assert_eq!(ok.validate("hardship"), Ok(()));
    let dup = Hardship { evidence: vec![Evidence::IdCard, Evidence::Medical, Evidence::IdCard], ..ok };
    assert_eq!(dup.validate("hardship").unwrap_err(), KitError::new("hardship.evidence[2]", KitRule::Duplicate));
    let e = serde_json::from_str::<Hardship>(r#"{"reason":"bankrupt","since":"2025-02-03"}"#).unwrap_err().to_string();
    assert!(e.contains("unknown variant `bankrupt`"), "{e}");
    assert!(serde_json::from_str::<Hardship>(r#"{"reason":"other"}"#).unwrap_err().to_string().contains("since"));
}

#[test]
fn expense_items_sum_and_must_agree() {
    let items: ExpenseItems = serde_json::from_str(r#"{"housing":"2000","food":"1500.50","communication":"99.50"}"#).unwrap();
    assert_eq!(items.total(), d("3600.00"));
    assert_eq!(items.check_against(d("3600"), "budget.expenses"), Ok(()));
    let e = items.check_against(d("3500"), "budget.expenses").unwrap_err();
    assert_eq!(e.path, "budget.expenses");
    assert_eq!(e.rule, KitRule::ExpensesDisagree { items_total: d("3600.00"), expenses: d("3500") });
    assert!(e.to_string().contains("3600.00"), "{e}");
    assert_eq!(serde_json::to_string(&items).unwrap(), r#"{"housing":"2000","food":"1500.50","communication":"99.50"}"#);
    let neg = ExpenseItems { medical: d("-1"), ..items };
    assert_eq!(neg.validate("budget.expense_items").unwrap_err().to_string(), "budget.expense_items.medical: must not be negative");
    let sub_fen = ExpenseItems { other: d("0.001"), ..items };
    assert_eq!(sub_fen.validate("budget.expense_items").unwrap_err().rule, KitRule::NotInFen);
    let e = serde_json::from_str::<ExpenseItems>(r#"{"rent":"1"}"#).unwrap_err().to_string();
    assert!(e.contains("unknown field `rent`"), "{e}");
}

#[test]
fn ask_names_are_the_evaluators() {
    for (kind, name) in KIND_NAMES {
        assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::Value::String(name.into()));
        assert!(KIND_LIST.contains(&name));
    }
    for (mode, name) in MODE_NAMES {
        assert_eq!(serde_json::to_value(mode).unwrap(), serde_json::Value::String(name.into()));
    }
    assert_eq!(KIND_LIST.len(), KIND_NAMES.len());
}

#[test]
fn ask_round_trip_and_rules() {
    let json = r#"{"kind":"payment_holiday","months":3,"holiday_mode":"capitalised","first_payment_date":"2025-04-15","fallback":{"kind":"term_extension","months":24}}"#;
    let ask: Ask = serde_json::from_str(json).unwrap();
    assert_eq!(ask.kind, ProposalKind::PaymentHoliday);
    assert_eq!(ask.choice().mode(), Some(HolidayMode::Capitalised));
    assert_eq!(serde_json::to_string(&ask).unwrap(), json);
    assert_eq!(ask.validate("loans[0].ask"), Ok(()));
    let e = serde_json::from_str::<Ask>(r#"{"kind":"stop_interest","first_payment_date":"2025-04-15"}"#).unwrap_err().to_string();
    assert!(e.contains("unknown variant `stop_interest`") && e.contains("frozen_instalments"), "{e}");
    let base = Ask { kind: ProposalKind::PaymentHoliday, months: Some(7), holiday_mode: None, first_payment_date: date("2025-04-15"), fallback: None };
    assert_eq!(base.validate("loans[1].ask").unwrap_err().to_string(), "loans[1].ask.months: must be 1 to 6 months");
    let settle = Ask { kind: ProposalKind::Settlement, months: Some(1), ..base };
    assert_eq!(settle.validate("a").unwrap_err(), KitError::new("a.months", KitRule::MonthsNotApplicable));
    let frozen = Ask { kind: ProposalKind::FrozenInstalments, months: Some(61), ..base };
    assert_eq!(frozen.validate("a").unwrap_err().rule, KitRule::MonthsOutOfRange { min: 1, max: 60 });
    let moded = Ask { kind: ProposalKind::TermExtension, months: Some(24), holiday_mode: Some(HolidayMode::Capitalised), ..base };
    assert_eq!(moded.validate("a").unwrap_err().path, "a.holiday_mode");
    let same = Ask { kind: ProposalKind::TermExtension, months: Some(24), fallback: Some(Choice { kind: ProposalKind::TermExtension, months: Some(24), holiday_mode: None }), ..base };
    assert_eq!(same.validate("a").unwrap_err(), KitError::new("a.fallback", KitRule::SameAsAsk));
    let bad_fallback = Ask { fallback: Some(Choice { kind: ProposalKind::PenaltyWaiver, months: Some(13), holiday_mode: None }), ..same };
    assert_eq!(bad_fallback.validate("a").unwrap_err().path, "a.fallback.months");
}

fn proposal(kind: ProposalKind, params: Params) -> Proposal {
    Proposal { kind, loan_id: "a".into(), rank: 0, params, figures: None, infeasible: None }
}

#[test]
fn a_choice_finds_its_proposal() {
    let ext = |m: u32, shortest: bool| proposal(ProposalKind::TermExtension, Params { term_months: Some(m), shortest_fit: shortest, ..Params::default() });
    let hol = |mode| proposal(ProposalKind::PaymentHoliday, Params { holiday_months: Some(3), holiday_mode: Some(mode), ..Params::default() });
    let c = |kind, months, holiday_mode| Choice { kind, months, holiday_mode };
    assert!(c(ProposalKind::TermExtension, Some(24), None).matches(&ext(24, false)));
    assert!(!c(ProposalKind::TermExtension, Some(24), None).matches(&ext(36, false)));
    assert!(c(ProposalKind::TermExtension, None, None).matches(&ext(17, true)));
    assert!(!c(ProposalKind::TermExtension, None, None).matches(&ext(24, false)));
    assert!(c(ProposalKind::PaymentHoliday, Some(3), None).matches(&hol(HolidayMode::InterestOnly)));
    assert!(!c(ProposalKind::PaymentHoliday, Some(3), None).matches(&hol(HolidayMode::Capitalised)));
    assert!(c(ProposalKind::PaymentHoliday, Some(3), Some(HolidayMode::Capitalised)).matches(&hol(HolidayMode::Capitalised)));
    let waiver = proposal(ProposalKind::PenaltyWaiver, Params { catch_up_months: Some(4), ..Params::default() });
    assert!(c(ProposalKind::PenaltyWaiver, Some(4), None).matches(&waiver));
    assert!(!c(ProposalKind::PenaltyWaiver, Some(5), None).matches(&waiver));
    // find() skips proposals that cannot work and names the field.
    let e = c(ProposalKind::TermExtension, Some(24), None).find(&[ext(24, false)], "loans[0].ask").unwrap_err();
    assert_eq!(e, KitError::new("loans[0].ask.kind", KitRule::NotOffered));
}

#[test]
fn date_times_parse_to_the_minute() {
    let t = DateTime::parse("2025-03-10T21:59").unwrap();
    assert_eq!((t.date(), t.hour(), t.minute()), (date("2025-03-10"), 21, 59));
    assert_eq!(t.to_string(), "2025-03-10T21:59");
    assert!(DateTime::parse("2025-03-10T00:00").unwrap() < DateTime::parse("2025-03-10T00:01").unwrap());
    assert!(DateTime::parse("2025-03-09T23:59").unwrap() < DateTime::parse("2025-03-10T00:00").unwrap());
    for bad in ["2025-03-10T24:00", "2025-03-10T12:60", "2025-03-10 12:00", "2025-03-10T1:00", "2025-03-10T12:00:00", "2025-02-30T12:00", "2025-03-10T+1:00", "2025-03-10T12", ""] {
        assert_eq!(DateTime::parse(bad), None, "{bad}");
    }
    assert_eq!(serde_json::to_string(&t).unwrap(), "\"2025-03-10T21:59\"");
    let e = serde_json::from_str::<DateTime>("\"2025-03-10 21:59\"").unwrap_err().to_string();
    assert!(e.contains("YYYY-MM-DDTHH:MM"), "{e}");
}

#[test]
fn contact_entries_round_trip_and_check_paths() {
    let json = r#"{"at":"2025-03-10T22:15","loan_id":"mybank","channel":"phone_in","who":"催收 工号 8812","summary":"要求今天还清\n否则上门","follow_up":"2025-03-17","third_party_contacted":true}"#;
    let e: ContactEntry = serde_json::from_str(json).unwrap();
    assert_eq!(e.channel, Channel::PhoneIn);
    assert!(e.third_party_contacted && !e.threats && e.ticket.is_empty());
    assert_eq!(serde_json::to_string(&e).unwrap(), json);
    assert_eq!(e.validate("contact_log[0]", &["mybank"]), Ok(()));
    assert_eq!(e.validate("contact_log[0]", &["card"]).unwrap_err(), KitError::new("contact_log[0].loan_id", KitRule::UnknownLoan));
    let long = ContactEntry { summary: "字".repeat(501), ..e.clone() };
    assert_eq!(long.validate("contact_log[4]", &["mybank"]).unwrap_err().to_string(), "contact_log[4].summary: must be at most 500 characters");
    let promise = ContactEntry { promise: "字".repeat(301), ..e.clone() };
    assert_eq!(promise.validate("c", &["mybank"]).unwrap_err().path, "c.promise");
    let empty = ContactEntry { loan_id: String::new(), ..e.clone() };
    assert_eq!(empty.validate("c", &[""]).unwrap_err().rule, KitRule::Empty);
    let log = vec![e.clone(); LOG_MAX];
    assert_eq!(validate_log(&log, "contact_log", &["mybank"]), Ok(()));
    let log = vec![e; LOG_MAX + 1];
    assert_eq!(validate_log(&log, "contact_log", &["mybank"]).unwrap_err().rule, KitRule::TooMany { max: 500 });
    let err = serde_json::from_str::<ContactEntry>(r#"{"at":"2025-03-10T22:15","loan_id":"a","channel":"wechat"}"#).unwrap_err().to_string();
    assert!(err.contains("unknown variant `wechat`"), "{err}");
}

#[test]
fn kit_errors_read_like_scenario_errors() {
    let e = KitError::new("hardship.details", KitRule::TooLong { max: 1000 }).to_scenario_error();
    assert_eq!((e.kind, e.path.as_str()), (ErrorKind::Invalid, "hardship.details"));
    assert_eq!(e.to_string(), "hardship.details: must be at most 1000 characters");
}
