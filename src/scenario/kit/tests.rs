use super::figures::AskReason;
use super::*;
use crate::engine::proposal::Params;
use crate::engine::Infeasible;
use crate::i18n::Lang;
use crate::scenario::field::tests::EVERY_FIELD;
use crate::scenario::field::Value;
use crate::scenario::{Field, Problem, Rule, Scenario, ScenarioError};
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A one-loan document with `extra` members merged in at the top level
/// (`loan` into the loan, `budget` into the budget).
fn doc(loan: &str, budget: &str, extra: &str) -> String {
    format!(
        r#"{{"version":1,"as_of":"2025-03-10","loans":[{{"id":"a","lender":"mybank","principal":"40000.00",
            "rate":{{"value":"0.05","unit":"daily_percent"}},"method":"equal_installment","months":12,
            "overdue":{{"days":15,"principal":"4000.00","interest":"300.00"}}{loan}}}],
            "budget":{{"income":"12000","expenses":"6000"{budget}}}{extra}}}"#
    )
}

fn read(text: &str) -> Scenario {
    Scenario::from_json(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The problem a document is refused with, and its message in both languages.
fn refused(text: &str) -> (Problem, String, String) {
    match Scenario::from_json(text) {
        Err(e @ ScenarioError::Invalid(p)) => (p, Lang::En.scenario_error(&e), Lang::Zh.scenario_error(&e)),
        other => panic!("not refused by a rule: {other:?}"),
    }
}

/// The path a document is refused at by the reader (a wrong or missing member).
fn unreadable(text: &str) -> String {
    match Scenario::from_json(text) {
        Err(ScenarioError::Read(e)) => format!("{} | {}", e.path, e.message),
        other => panic!("not refused by the reader: {other:?}"),
    }
}

#[test]
fn a_document_with_every_kit_field_round_trips() {
    let s = read(EVERY_FIELD);
    assert_eq!(s.profile.name, "王丽");
    assert_eq!(s.hardship.as_ref().map(|h| h.evidence.clone()), Some(vec![Evidence::BankStatements, Evidence::BusinessRecords]));
    let ask = s.loans[0].ask.unwrap();
    assert_eq!((ask.choice.kind, ask.choice.months, ask.choice.mode()), (ProposalKind::PaymentHoliday, Some(4), HolidayMode::Capitalised));
    assert_eq!(ask.fallback.map(|f| f.holiday_mode), Some(Some(HolidayMode::InterestOnly)), "an explicit default stays explicit");
    assert_eq!(s.budget.expense_items.map(|i| i.total()), Some(d("6000")));
    assert_eq!(s.contact_log[0].at.to_string(), "2026-11-18T22:15");
    // Written back, every member is there as the file has it.
    let file: serde_json::Value = serde_json::from_str(EVERY_FIELD).unwrap();
    let written: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(written, file);
    assert_eq!(read(&s.to_json()), s);
}

#[test]
fn files_without_the_kit_read_as_before() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut read_some = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".expected.json") || name.starts_with("kit-") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let s = read(&text);
        assert!(s.profile.is_empty() && s.hardship.is_none() && s.contact_log.is_empty(), "{name}");
        assert!(s.budget.expense_items.is_none() && s.loans.iter().all(|l| l.contract_no.is_empty() && l.ask.is_none()), "{name}");
        let json = s.to_json();
        for key in ["profile", "hardship", "contact_log", "contract_no", "\"ask\"", "expense_items"] {
            assert!(!json.contains(key), "{name} writes {key}");
        }
        assert!(!s.evaluate().to_json().contains("\"kit\""), "{name}: the evaluation prints no kit");
        read_some += 1;
    }
    assert!(read_some >= 10);
    // The pre-release v0 format migrates to a document without the kit too.
    let v0 = std::fs::read_to_string(dir.join("migration/v0-mybank.json")).unwrap();
    assert_eq!(read(&v0).hardship, None);
}

#[test]
fn free_text_is_cleaned_as_it_is_read() {
    let text = doc(
        r#","contract_no":" WSD\u202e001\t ""#,
        "",
        r#","profile":{"name":"张\u202e三\u0007","city":" 杭州 "},
           "hardship":{"reason":"illness","since":"2025-01-05","details":"第一行\r\n第二行\u2066"},
           "contact_log":[{"at":"2025-03-01T09:00","loan_id":"a","channel":"sms","summary":"催款\n短信"}]"#,
    );
    let s = read(&text);
    assert_eq!((s.profile.name.as_str(), s.profile.city.as_str()), ("张三", "杭州"));
    assert_eq!(s.loans[0].contract_no, "WSD001");
    assert_eq!(s.hardship.unwrap().details, "第一行 第二行");
    assert_eq!(s.contact_log[0].summary, "催款 短信");
    // Typed text follows the same rule.
    let mut t = read(&doc("", "", ""));
    Field::ProfileName.at(0).set_text(&mut t, " 李\u{202a}强\n").unwrap();
    assert_eq!(t.profile.name, "李强");
}

#[test]
fn length_limits_are_problems_at_their_field_in_both_languages() {
    let cases: [(Field, &str, usize, &str); 8] = [
        (Field::ProfileName, "profile.name", NAME_MAX, "最多 40 个字"),
        (Field::ProfilePhone, "profile.phone", PHONE_MAX, "最多 30 个字"),
        (Field::ProfileCity, "profile.city", CITY_MAX, "最多 40 个字"),
        (Field::ContractNo, "loans[0].contract_no", CONTRACT_NO_MAX, "最多 64 个字"),
        (Field::HardshipDetails, "hardship.details", DETAILS_MAX, "最多 1000 个字"),
        (Field::ContactWho, "contact_log[0].who", WHO_MAX, "最多 60 个字"),
        (Field::ContactSummary, "contact_log[0].summary", SUMMARY_MAX, "最多 500 个字"),
        (Field::ContactPromise, "contact_log[0].promise", PROMISE_MAX, "最多 300 个字"),
    ];
    let base = read(EVERY_FIELD);
    for (field, path, max, zh) in cases {
        let at = field.at(0);
        let mut s = base.clone();
        at.set(&mut s, Value::Text("字".repeat(max)));
        assert_eq!(s.validate(), Ok(()), "{path} at its limit");
        at.set(&mut s, Value::Text("字".repeat(max + 1)));
        let e = Scenario::from_json(&s.to_json()).unwrap_err();
        assert_eq!(e, ScenarioError::Invalid(Problem { at, rule: Rule::TooLong }));
        assert_eq!(e.to_string(), format!("{path}: at most {max} characters"));
        assert_eq!(Lang::Zh.scenario_error(&e), format!("{path}: {zh}"));
    }
}

#[test]
fn expenses_are_the_sum_of_the_items() {
    let items = r#","expense_items":{"housing":"2500","food":"1500.50","other":"1999.50"}"#;
    // Items alone: the expenses are their sum.
    let text = doc("", "", "").replace(r#""expenses":"6000""#, &items[1..]);
    let s = read(&text);
    assert_eq!(s.budget.expenses, d("6000.00"));
    assert_eq!(s.evaluate().budget.expenses, d("6000.00"));
    // Both, agreeing: fine; disagreeing: refused at budget.expenses.
    read(&doc("", items, ""));
    let (p, en, zh) = refused(&doc("", items, "").replace(r#""expenses":"6000""#, r#""expenses":"5000""#));
    assert_eq!(p, Problem { at: Field::Expenses.at(0), rule: Rule::ExpensesDisagree });
    assert_eq!(en, "budget.expenses: must equal the sum of budget.expense_items");
    assert_eq!(zh, "budget.expenses: 须等于各类必要开支之和");
    // An item that is not money is named by the reader, not summed.
    assert!(unreadable(&text.replace("\"1500.50\"", "\"abc\"")).starts_with("budget.expense_items.food"));
    let (p, _, _) = refused(&doc("", &items.replace("1500.50", "1500.505"), ""));
    assert_eq!(p, Problem { at: Field::ExpenseFood.at(0), rule: Rule::NotInFen });
    assert!(unreadable(&doc("", r#","expense_items":{"rent":"1"}"#, "")).contains("unknown field `rent`"));
}

#[test]
fn expense_categories_through_the_contract() {
    let mut s = read(&doc("", "", ""));
    assert_eq!(Field::ExpenseHousing.places(&s).count(), 0, "no categories, no places");
    Field::ExpenseItems.at(0).set(&mut s, Value::Flag(true));
    assert_eq!(s.budget.expense_items.map(|i| (i.other, i.total())), Some((d("6000"), d("6000"))), "the total stays");
    assert_eq!(Field::ExpenseHousing.places(&s).count(), 1);
    Field::ExpenseHousing.at(0).set_text(&mut s, "2,000").unwrap();
    Field::ExpenseOther.at(0).set_text(&mut s, "3500").unwrap();
    assert_eq!(s.budget.expenses, d("5500"), "the expenses follow the categories");
    assert_eq!(s.validate(), Ok(()));
    Field::ExpenseItems.at(0).set(&mut s, Value::Flag(false));
    assert_eq!((s.budget.expense_items, s.budget.expenses), (None, d("5500")));
}

#[test]
fn hardship_rules_and_defaults() {
    let s = read(&doc("", "", r#","hardship":{"reason":"job_loss","since":"2025-02-01"}"#));
    let h = s.hardship.unwrap();
    assert!(!h.temporary && h.details.is_empty() && h.evidence.is_empty());
    let (p, en, zh) = refused(&doc("", "", r#","hardship":{"reason":"job_loss"}"#));
    assert_eq!(p, Problem { at: Field::HardshipSince.at(0), rule: Rule::Required });
    assert_eq!((en.as_str(), zh.as_str()), ("hardship.since: required", "hardship.since: 请填写"));
    let (p, en, _) = refused(&doc("", "", r#","hardship":{"reason":"other","since":"2025-02-01","evidence":["id_card","medical","id_card"]}"#));
    assert_eq!(p, Problem { at: Field::HardshipEvidence.at(0), rule: Rule::UsedTwice });
    assert_eq!(en, "hardship.evidence: lists a value twice");
    assert!(unreadable(&doc("", "", r#","hardship":{"reason":"bankrupt","since":"2025-02-01"}"#)).starts_with("hardship.reason | unknown variant `bankrupt`"));
    assert!(unreadable(&doc("", "", r#","hardship":{"since":"2025-02-01"}"#)).contains("missing field `reason`"));
    // The switch starts an empty hardship (a problem until its date is given) and drops it.
    let mut s = read(&doc("", "", ""));
    Field::Hardship.at(0).set(&mut s, Value::Flag(true));
    assert_eq!(s.problems(), vec![Problem { at: Field::HardshipSince.at(0), rule: Rule::Required }]);
    Field::HardshipSince.at(0).set_text(&mut s, "2025/01/05").unwrap();
    Field::HardshipEvidence.at(0).set(&mut s, Value::Set(vec![crate::scenario::field::Choice::Evidence(Evidence::Medical)]));
    assert_eq!(s.hardship.as_ref().map(|h| (h.since, h.evidence.clone())), Some((Some(date("2025-01-05")), vec![Evidence::Medical])));
    Field::Hardship.at(0).set(&mut s, Value::Flag(false));
    assert_eq!(s.hardship, None);
}

#[test]
fn ask_rules_name_the_field() {
    let ask = |a: &str| doc(&format!(r#","ask":{{{a}}}"#), "", "");
    let s = read(&ask(r#""kind":"cash_flow_plan","first_payment_date":"2025-03-25","fallback":{"kind":"frozen_instalments"}"#));
    let a = s.loans[0].ask.unwrap();
    assert_eq!((a.choice, a.fallback), (ProposalChoice::of_kind(ProposalKind::CashFlowPlan), Some(ProposalChoice::of_kind(ProposalKind::FrozenInstalments))));
    let cases = [
        (r#""kind":"settlement","months":3,"first_payment_date":"2025-03-25""#, Field::AskMonths, Rule::NotApplicable, "a settlement has no months"),
        (r#""kind":"term_extension","holiday_mode":"capitalised","first_payment_date":"2025-03-25""#, Field::AskHolidayMode, Rule::NotApplicable, "only a payment_holiday has this"),
        (r#""kind":"term_extension","holiday_maturity":"kept","first_payment_date":"2025-03-25""#, Field::AskHolidayMaturity, Rule::NotApplicable, "only a payment_holiday has this"),
        (r#""kind":"term_extension","months":0,"first_payment_date":"2025-03-25""#, Field::AskMonths, Rule::OutOfRange, "must be from 1 to 600 months"),
        (r#""kind":"term_extension""#, Field::AskFirstPaymentDate, Rule::Required, "required"),
        (r#""kind":"term_extension","months":24,"first_payment_date":"2025-03-25","fallback":{"kind":"term_extension","months":24}"#, Field::FallbackKind, Rule::SameAsAsk, "is the same as the ask"),
        (r#""kind":"payment_holiday","first_payment_date":"2025-03-25","fallback":{"kind":"payment_holiday","holiday_mode":"interest_only"}"#, Field::FallbackKind, Rule::SameAsAsk, "is the same as the ask"),
        (r#""kind":"frozen_instalments","first_payment_date":"2025-03-25","fallback":{"kind":"settlement","months":1}"#, Field::FallbackMonths, Rule::NotApplicable, "a settlement has no months"),
    ];
    for (a, field, rule, words) in cases {
        let (p, en, zh) = refused(&ask(a));
        assert_eq!(p, Problem { at: field.at(0), rule }, "{a}");
        assert_eq!(en, format!("{}: {words}", field.at(0).path()));
        assert!(zh.starts_with(&format!("{}: ", field.at(0).path())) && zh != en, "{zh}");
    }
    // A holiday of another mode is another proposal.
    read(&ask(r#""kind":"payment_holiday","first_payment_date":"2025-03-25","fallback":{"kind":"payment_holiday","holiday_mode":"capitalised"}"#));
    assert!(unreadable(&ask(r#""kind":"stop_interest","first_payment_date":"2025-03-25""#)).starts_with("loans[0].ask.kind | unknown variant `stop_interest`"));
    assert!(unreadable(&ask(r#""kind":"settlement","first_payment_date":"2025-03-25","monthz":1"#)).contains("unknown field `monthz`"));
}

#[test]
fn the_ask_through_the_contract() {
    let mut s = read(&doc(r#","next_due_date":"2025-03-25""#, "", ""));
    Field::Ask.at(0).set(&mut s, Value::Flag(true));
    let a = s.loans[0].ask.unwrap();
    assert_eq!((a.choice, a.first_payment_date), (ProposalChoice::of_kind(ProposalKind::TermExtension), Some(date("2025-03-25"))));
    Field::AskMonths.at(0).set_text(&mut s, "2年").unwrap();
    assert_eq!(s.loans[0].ask.unwrap().choice.months, Some(24));
    // Another kind: the months of the old one no longer apply.
    Field::AskKind.at(0).set(&mut s, Value::Choice(crate::scenario::field::Choice::ProposalKind(ProposalKind::PaymentHoliday)));
    assert_eq!(s.loans[0].ask.unwrap().choice, ProposalChoice::of_kind(ProposalKind::PaymentHoliday));
    Field::Fallback.at(0).set(&mut s, Value::Flag(true));
    assert_eq!(s.loans[0].ask.unwrap().fallback, Some(ProposalChoice::of_kind(ProposalKind::FrozenInstalments)));
    assert_eq!(Field::FallbackKind.places(&s).count(), 1);
    assert_eq!(s.validate(), Ok(()));
    Field::Ask.at(0).set(&mut s, Value::Flag(false));
    assert_eq!((s.loans[0].ask, Field::AskKind.places(&s).count()), (None, 0));
}

#[test]
fn an_ask_given_its_fallback_swaps_with_it() {
    // Review w14 R9: picking the fallback's kind as the ask was refused at
    // the fallback's field (not the one edited) and the letter kept the old ask.
    let kind = |k| Value::Choice(crate::scenario::field::Choice::ProposalKind(k));
    let ask = |a: &str| doc(&format!(r#","ask":{{{a}}}"#), "", "");
    let mut s = read(&ask(r#""kind":"frozen_instalments","months":60,"first_payment_date":"2025-03-25","fallback":{"kind":"term_extension","months":24}"#));
    Field::AskKind.at(0).set(&mut s, kind(ProposalKind::TermExtension));
    let a = s.loans[0].ask.unwrap();
    let frozen = ProposalChoice { months: Some(60), ..ProposalChoice::of_kind(ProposalKind::FrozenInstalments) };
    assert_eq!((a.choice, a.fallback), (ProposalChoice { months: Some(24), ..ProposalChoice::of_kind(ProposalKind::TermExtension) }, Some(frozen)));
    assert_eq!(s.validate(), Ok(()));
    // Months that make the ask its fallback: the old ask becomes the fallback.
    Field::AskMonths.at(0).set_text(&mut s, "60").unwrap();
    Field::AskKind.at(0).set(&mut s, kind(ProposalKind::FrozenInstalments));
    let a = s.loans[0].ask.unwrap();
    assert_eq!((a.choice, a.fallback.map(|f| (f.kind, f.months))), (frozen, Some((ProposalKind::TermExtension, Some(60)))));
    assert_eq!(s.validate(), Ok(()));
    // A fallback made the ask stays refused, at the fallback's own field.
    Field::FallbackKind.at(0).set(&mut s, kind(ProposalKind::FrozenInstalments));
    Field::FallbackMonths.at(0).set_text(&mut s, "60").unwrap();
    assert_eq!(s.problems(), vec![Problem { at: Field::FallbackKind.at(0), rule: Rule::SameAsAsk }]);
    assert_eq!(s.loans[0].ask.unwrap().choice, frozen);
}

#[test]
fn contact_log_rules() {
    let entry = |e: &str| doc("", "", &format!(r#","contact_log":[{{"at":"2025-03-01T09:00","loan_id":"a","channel":"phone_in"}},{{{e}}}]"#));
    let s = read(&entry(r#""at":"2025-03-10T22:15","loan_id":"a","channel":"visit","third_party_contacted":true"#));
    assert_eq!(s.contact_log[1].channel, Channel::Visit);
    assert!(s.contact_log[1].third_party_contacted && !s.contact_log[1].threats && s.contact_log[1].follow_up.is_none());
    let (p, en, zh) = refused(&entry(r#""at":"2025-03-10T22:15","loan_id":"b","channel":"sms""#));
    assert_eq!(p, Problem { at: Field::ContactLoanId.at(1), rule: Rule::UnknownLoan });
    assert_eq!((en.as_str(), zh.as_str()), ("contact_log[1].loan_id: names no loan of this document", "contact_log[1].loan_id: 没有这笔借款"));
    let (p, _, _) = refused(&entry(r#""at":"2025-03-10T22:15","loan_id":" ","channel":"sms""#));
    assert_eq!(p, Problem { at: Field::ContactLoanId.at(1), rule: Rule::Required });
    assert!(unreadable(&entry(r#""at":"2025-03-10 22:15","loan_id":"a","channel":"sms""#)).starts_with("contact_log[1].at | \"2025-03-10 22:15\" is not a date and time"));
    assert!(unreadable(&entry(r#""at":"2025-03-10T22:15","loan_id":"a","channel":"wechat""#)).contains("unknown variant `wechat`"));
    let mut s = read(&entry(r#""at":"2025-03-10T22:15","loan_id":"a","channel":"sms""#));
    s.contact_log = vec![s.contact_log[0].clone(); LOG_MAX];
    assert_eq!(s.validate(), Ok(()));
    s.contact_log.push(s.contact_log[0].clone());
    let e = Scenario::from_json(&s.to_json()).unwrap_err();
    assert_eq!(e, ScenarioError::Invalid(Problem { at: Field::ContactLog.at(0), rule: Rule::TooMany }));
    assert_eq!(e.to_string(), "contact_log: at most 500 items");
    // Typed: a date and a time.
    let mut s = read(&entry(r#""at":"2025-03-10T22:15","loan_id":"a","channel":"sms""#));
    let at = Field::ContactAt.at(1);
    assert_eq!(at.set_text(&mut s, "2025-03-10 22:15"), Err(Rule::NotADate));
    assert_eq!(at.set_text(&mut s, ""), Err(Rule::Required));
    at.set_text(&mut s, "2025-03-11T08:00").unwrap();
    assert_eq!(s.contact_log[1].at.to_string(), "2025-03-11T08:00");
    assert_eq!(Lang::En.rule(Field::ContactAt, Rule::NotADate), "enter a date and time like 2026-03-10T21:30");
}

fn proposal(kind: ProposalKind, params: Params) -> Proposal {
    Proposal { kind, loan_id: "a".into(), rank: 0, params, figures: None, infeasible: None, in_plans: Vec::new() }
}

#[test]
fn a_choice_names_one_proposal() {
    use HolidayMaturity::*;
    use HolidayMode::*;
    let ext = |m: u32, shortest: bool| proposal(ProposalKind::TermExtension, Params { term_months: Some(m), shortest_fit: shortest, ..Params::default() });
    let hol = |mode, maturity| {
        proposal(ProposalKind::PaymentHoliday, Params { holiday_months: Some(3), holiday_mode: Some(mode), holiday_maturity: Some(maturity), ..Params::default() })
    };
    let c = |kind, months, holiday_mode, holiday_maturity| ProposalChoice { kind, months, holiday_mode, holiday_maturity, deferred_months: None };
    assert!(c(ProposalKind::TermExtension, Some(24), None, None).matches(&ext(24, false)));
    assert!(!c(ProposalKind::TermExtension, Some(24), None, None).matches(&ext(36, false)));
    assert!(c(ProposalKind::TermExtension, None, None, None).matches(&ext(17, true)));
    assert!(!c(ProposalKind::TermExtension, None, None, None).matches(&ext(24, false)));
    assert!(c(ProposalKind::PaymentHoliday, Some(3), None, None).matches(&hol(InterestOnly, Kept)));
    assert!(!c(ProposalKind::PaymentHoliday, Some(3), None, None).matches(&hol(Capitalised, Kept)));
    assert!(!c(ProposalKind::PaymentHoliday, None, None, None).matches(&hol(InterestOnly, Extended)));
    assert!(c(ProposalKind::PaymentHoliday, None, Some(Capitalised), Some(Extended)).matches(&hol(Capitalised, Extended)));
    let waiver = proposal(ProposalKind::PenaltyWaiver, Params { catch_up_months: Some(4), ..Params::default() });
    assert!(c(ProposalKind::PenaltyWaiver, Some(4), None, None).matches(&waiver));
    assert!(!c(ProposalKind::PenaltyWaiver, Some(5), None, None).matches(&waiver));
    // What "use this proposal" stores: months only where the kind lists several.
    assert_eq!(ProposalChoice::of(&ext(24, false)).months, Some(24));
    assert_eq!(ProposalChoice::of(&ext(17, true)).months, None);
    assert_eq!(ProposalChoice::of(&hol(Capitalised, Kept)), c(ProposalKind::PaymentHoliday, None, Some(Capitalised), None));
    assert_eq!(ProposalChoice::of(&waiver), ProposalChoice::of_kind(ProposalKind::PenaltyWaiver));
}

/// Each finding of `s`'s evaluation: its path and reason.
fn findings(s: &Scenario) -> Vec<(String, AskReason)> {
    let ev = s.evaluate();
    ev.kit.loans.iter().flat_map(|l| l.ask.iter().flat_map(|a| a.findings.iter().map(|f| (f.at.path(), f.reason.clone())))).collect()
}

#[test]
fn an_ask_that_no_longer_exists_is_a_finding_at_its_field() {
    let ask = |a: &str| read(&doc(&format!(r#","ask":{{{a},"first_payment_date":"2025-03-25"}}"#), "", ""));
    // 12 months remain: extensions of 24, 36 and 60 months are listed.
    let mut s = ask(r#""kind":"term_extension","months":24,"fallback":{"kind":"frozen_instalments"}"#);
    assert_eq!(findings(&s), vec![]);
    let ev = s.evaluate();
    let plan = ev.kit.loans[0].ask.as_ref().unwrap().asked.as_ref().unwrap();
    assert_eq!(plan.proposal(&ev.proposals).unwrap().params.term_months, Some(24));
    // An edit: 30 months remain, so 24 is no extension any more. Not replaced: reported.
    s.loans[0].months = 30;
    assert_eq!(s.validate(), Ok(()), "the document stays valid");
    let got = findings(&s);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "loans[0].ask.months");
    assert!(matches!(&got[0].1, AskReason::MonthsNotOffered { offered } if offered.contains(&36) && !offered.contains(&24)), "{got:?}");
    let ev = s.evaluate();
    let out = ev.kit.loans[0].ask.as_ref().unwrap();
    assert!(out.asked.is_none() && out.fallback.is_some(), "the fallback still stands");
    let json = ev.to_json();
    assert!(json.contains(r#""path": "loans[0].ask.months""#) && json.contains(r#""reason": "months_not_offered""#), "{json}");
    // A kind the loan no longer has: no lump sum, no settlement.
    assert_eq!(findings(&ask(r#""kind":"settlement""#)), vec![("loans[0].ask.kind".into(), AskReason::NotListed)]);
    // A holiday that keeps the maturity needs a month after it.
    let mut s = ask(r#""kind":"payment_holiday","fallback":{"kind":"payment_holiday","holiday_mode":"capitalised"}"#);
    s.loans[0].months = 3;
    let got = findings(&s);
    assert_eq!(got, vec![("loans[0].ask.holiday_maturity".into(), AskReason::HolidayNotOffered), ("loans[0].ask.fallback.holiday_maturity".into(), AskReason::HolidayNotOffered)]);
    // Nothing left to pay with: the engine's reason.
    let mut s = ask(r#""kind":"frozen_instalments""#);
    s.budget.income = d("6000");
    let got = findings(&s);
    assert!(matches!(&got[..], [(p, AskReason::Infeasible { why: Infeasible::NoBudget { .. } })] if p == "loans[0].ask.kind"), "{got:?}");
    // Unpinned, the ask follows the evaluation: no finding when its term changes.
    let mut s = ask(r#""kind":"frozen_instalments""#);
    let months = |s: &Scenario| {
        let ev = s.evaluate();
        let k = ev.kit.loans[0].ask.as_ref().unwrap().asked.as_ref().unwrap().proposal.unwrap();
        ev.proposals[k].params.term_months
    };
    let before = months(&s);
    s.budget.income = d("9000");
    assert!(findings(&s).is_empty() && months(&s) > before, "{before:?} → {:?}", months(&s));
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
}

#[test]
fn an_ask_can_name_a_plans_pick_and_is_reported_when_the_plan_moves_on() {
    let ask = |a: &str| read(&doc(&format!(r#","ask":{{{a},"first_payment_date":"2025-03-25"}}"#), "", ""));
    // The plan's pick, named exactly: found among the plan's picks when no card asks it.
    let base = ask(r#""kind":"frozen_instalments""#);
    let ev = base.evaluate();
    let pick = &ev.plans[0].picks[0];
    let mut s = base.clone();
    s.loans[0].ask = Some(Ask::new(ProposalChoice::of_pick(pick), Some(date("2025-03-25"))));
    let written = s.to_json();
    assert_eq!(read(&written), s, "the pick's ask reads back: {written}");
    assert_eq!(findings(&s), vec![]);
    let ev = s.evaluate();
    let asked = ev.kit.loans[0].ask.as_ref().unwrap().asked.clone().unwrap();
    let p = asked.proposal(&ev.proposals).unwrap();
    assert_eq!(p.figures.as_ref().map(|f| (&f.schedule, f.total_paid)), Some((&pick.schedule, pick.total_paid)));
    assert!(asked.proposal.is_some() || asked.plan == Some(ev.plans[0].goal));
    // An edit that moves the plan on: the ask stays, and says so at its field.
    let mut moved = s.clone();
    moved.budget.income = d("30000");
    let now = moved.evaluate();
    let still = now.plans.iter().any(|plan| plan.picks.iter().any(|p| s.loans[0].ask.unwrap().choice.names_pick(p)));
    let got = findings(&moved);
    assert_eq!(got.is_empty(), still || now.kit.loans[0].ask.as_ref().unwrap().asked.is_some(), "{got:?}");
    assert_eq!(moved.loans[0].ask, s.loans[0].ask, "never replaced");
    // The contract kept is a kind of the file; this loan is overdue, so no plan keeps it.
    let kept = ask(r#""kind":"contract""#);
    assert_eq!(findings(&kept), vec![("loans[0].ask.kind".into(), AskReason::NotListed)]);
    // Months for the contract, a deferral for another kind than frozen instalments: at the months.
    for bad in [r#""kind":"contract","months":12"#, r#""kind":"term_extension","months":24,"deferred_months":1"#] {
        let (p, _, _) = refused(&doc(&format!(r#","ask":{{{bad},"first_payment_date":"2025-03-25"}}"#), "", ""));
        assert_eq!((p.at.path(), p.rule), ("loans[0].ask.months".into(), Rule::NotApplicable), "{bad}");
    }
    let deferred = ask(r#""kind":"frozen_instalments","months":13,"deferred_months":1"#);
    assert_eq!(deferred.loans[0].ask.unwrap().choice.deferred_months, Some(1));
}

/// The page reviews the log with the browser's date; a scenario dated by
/// `as_of` (as every other figure of the page is) has its follow-ups due by
/// that date instead.
#[test]
fn follow_ups_are_due_by_the_scenarios_date_and_only_without_one_by_today() {
    let log = r#","contact_log":[{"at":"2025-03-01T09:00","loan_id":"a","channel":"sms","follow_up":"2025-03-05"},
        {"at":"2025-03-02T09:00","loan_id":"a","channel":"sms","follow_up":"2025-03-20"}]"#;
    let dated = read(&doc("", "", log));
    assert_eq!(dated.as_of, Some(date("2025-03-10")));
    let due = |s: &Scenario, today: &str| super::figures::review(s, Some(date(today))).iter().map(|r| r.follow_up_due).collect::<Vec<_>>();
    assert_eq!(due(&dated, "2026-01-01"), vec![true, false], "due by as_of, not by the browser's date");
    assert_eq!(due(&dated, "2025-03-01"), vec![true, false]);
    let mut undated = dated.clone();
    undated.as_of = None;
    assert_eq!(due(&undated, "2026-01-01"), vec![true, true]);
    assert_eq!(due(&undated, "2025-03-06"), vec![true, false]);
    assert_eq!(super::figures::review(&undated, None).iter().filter(|r| r.follow_up_due).count(), 0);
    // The evaluation's own review (the evaluator's output) says the same as the page's.
    assert_eq!(dated.evaluate().kit.contact_log, super::figures::review(&dated, Some(date("2026-01-01"))));
}
