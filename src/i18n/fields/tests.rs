use super::*;
use crate::scenario::{At, Problem};

const RULES: [Rule; 25] = [
    Rule::Required,
    Rule::NotANumber,
    Rule::AmbiguousComma,
    Rule::NotWholeMonths,
    Rule::NotADate,
    Rule::Negative,
    Rule::NotPositive,
    Rule::NotInFen,
    Rule::TooLarge,
    Rule::OutOfRange,
    Rule::TooLong,
    Rule::TooMany,
    Rule::RateTooHigh,
    Rule::FeeNotBelowPrincipal,
    Rule::RequiredForActualDays,
    Rule::FirstPeriodOutOfRange,
    Rule::UsedTwice,
    Rule::AfterLastMonth,
    Rule::UnknownLoan,
    Rule::RequiredForCustom,
    Rule::ExpensesDisagree,
    Rule::NotApplicable,
    Rule::SameAsAsk,
    Rule::HoldMonths,
    Rule::BeforeContact,
];

#[test]
fn one_row_per_field_in_order() {
    for (i, w) in FIELD_WORDS.iter().enumerate() {
        assert_eq!(w.field as usize, i, "{:?}", w.field);
    }
}

#[test]
fn every_field_has_a_label_in_both_languages() {
    for f in Field::ALL {
        let (zh, en) = (Lang::Zh.label(f, 2), Lang::En.label(f, 2));
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{f:?}");
        assert!(!zh.contains("{}") && !en.contains("{}"), "{f:?}");
        assert_eq!(Lang::Zh.hint(f).is_some(), Lang::En.hint(f).is_some(), "{f:?}");
    }
    assert_eq!(Lang::Zh.label(Field::ForecastMonth, 0), "第1个月");
    assert_eq!(Lang::En.label(Field::ForecastMonth, 11), "Month 12");
}

#[test]
fn every_rule_at_every_field_has_words_in_both_languages() {
    for f in Field::ALL {
        for rule in RULES {
            let (zh, en) = (Lang::Zh.rule(f, rule), Lang::En.rule(f, rule));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{f:?} {rule:?}");
            assert!(!zh.contains("{}") && !en.contains("{}"), "{f:?} {rule:?}: {zh} / {en}");
            assert!(!en.starts_with(char::is_uppercase), "{f:?} {rule:?}: {en} follows a path");
            assert!(Lang::En.problem(f, rule).starts_with(char::is_uppercase), "{f:?} {rule:?}");
        }
    }
}

#[test]
fn messages_the_page_and_the_evaluator_rely_on() {
    let zh = |f: Field, r: Rule| Lang::Zh.rule(f, r);
    let en = |f: Field, r: Rule| Lang::En.rule(f, r);
    assert_eq!(en(Field::Principal, Rule::NotPositive), "must be more than 0");
    assert!(zh(Field::Principal, Rule::NotANumber).contains("请输入数字"));
    assert!(zh(Field::UpfrontFee, Rule::FeeNotBelowPrincipal).contains("小于本金"));
    assert!(en(Field::UpfrontFee, Rule::FeeNotBelowPrincipal).contains("less than the principal"));
    assert!(zh(Field::RateValue, Rule::RateTooHigh).contains("1000%"));
    assert_eq!(zh(Field::Months, Rule::OutOfRange), "须在 1 到 600 个月之间");
    assert_eq!(en(Field::Months, Rule::OutOfRange), "must be from 1 to 600 months");
    assert_eq!(zh(Field::BufferPercent, Rule::OutOfRange), "须在 0 到 100 之间");
    assert_eq!(en(Field::BufferPercent, Rule::OutOfRange), "must be from 0 to 100");
    assert_eq!(en(Field::HolidayMonths, Rule::OutOfRange), "must be from 1 to 6 months");
    assert_eq!(zh(Field::OverdueDays, Rule::OutOfRange), "须在 0 到 3650 天之间");
    assert!(en(Field::LoanId, Rule::UsedTwice).contains("used twice"));
    assert_eq!(en(Field::StrategyOrderLoan, Rule::UsedTwice), "is in the order twice");
    assert_eq!(zh(Field::PrepaymentMonth, Rule::AfterLastMonth), "须在剩余期数之内");
    assert_eq!(en(Field::StrategyOrderLoan, Rule::UnknownLoan), "names no loan of this document");
    assert_eq!(zh(Field::StrategyOrder, Rule::RequiredForCustom), "选择自定义顺序时必填");
    assert_eq!(en(Field::PrepaymentFeePercent, Rule::OutOfRange), "must be from 0 to 100");
    assert_eq!(en(Field::Loans, Rule::TooMany), "at most 20 items");
    assert_eq!(zh(Field::LoanName, Rule::TooLong), "最多 80 个字");
    assert_eq!(zh(Field::Principal, Rule::TooLarge), "金额不能超过 1 万亿");
    assert_eq!(zh(Field::BufferPercent, Rule::TooLarge), "须在 0 到 100 之间");
    assert_eq!(zh(Field::RateValue, Rule::TooLarge), "数字太大，请检查");
}

#[test]
fn errors_name_the_path_then_the_rule() {
    let e = ScenarioError::Invalid(Problem { at: At { field: Field::Principal, idx: [2, 0] }, rule: Rule::NotPositive });
    assert_eq!(e.to_string(), "loans[2].principal: must be more than 0");
    assert_eq!(Lang::Zh.scenario_error(&e), "loans[2].principal: 须大于 0");
    assert_eq!(Lang::En.problem(Field::Income, Rule::Negative), "Must not be negative");
    assert_eq!(Lang::Zh.problem(Field::Income, Rule::Negative), "不能为负数");
}

#[test]
fn choices_and_counts_have_names() {
    use crate::scenario::field::{Choice, Unit, Value};
    for f in Field::ALL {
        for v in f.kind().options() {
            let name = |l: Lang| match v {
                Value::Choice(c) => l.choice(c).to_owned(),
                Value::Count(n) => l.count(Unit::Months, n),
                _ => String::new(),
            };
            assert!(!name(Lang::Zh).is_empty() && name(Lang::Zh) != name(Lang::En), "{f:?} {v:?}");
        }
    }
    assert_eq!(Lang::Zh.count(Unit::Months, 3), "3 个月");
    assert_eq!(Lang::En.count(Unit::Months, 1), "1 month");
    assert_eq!(Lang::En.choice(Choice::DayBasis(crate::engine::DayBasis::D365)), "365 days");
}
