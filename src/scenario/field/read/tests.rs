use super::*;
use crate::engine::Lender;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn unit(s: &Scenario) -> RateUnit {
    s.loans[0].rate.unit
}

#[test]
fn a_cleared_optional_field_means_none() {
    let mut s = Scenario::example();
    let days = Field::OverdueDays.at(0);
    days.set_text(&mut s, "30").unwrap();
    Field::OverduePrincipal.at(0).set_text(&mut s, "5000").unwrap();
    for f in [Field::OverdueDays, Field::OverduePrincipal, Field::OverdueInterest, Field::UpfrontFee] {
        assert_eq!(f.at(0).set_text(&mut s, ""), Ok(()), "{f:?}");
    }
    assert_eq!(s.loans[0].overdue, None, "no overdue at all");
    assert_eq!(s.loans[0].upfront_fee, Decimal::ZERO);
    for f in [Field::OtherObligations, Field::BufferPercent] {
        f.at(0).set_text(&mut s, " ").unwrap();
        assert_eq!(f.at(0).get(&s), Some(Value::Number(Some(Decimal::ZERO))), "{f:?}");
    }
    assert!(s.validate().is_ok(), "results go on");
}

#[test]
fn a_cleared_penalty_multiplier_is_the_lenders_usual_one() {
    let mut s = Scenario::example();
    let at = Field::PenaltyMultiplier.at(0);
    at.set_text(&mut s, "2").unwrap();
    assert!(s.loans[0].penalty.is_some());
    at.set_text(&mut s, "").unwrap();
    assert_eq!(s.loans[0].penalty, None, "back to the lender's rule");
    assert_eq!(s.loans[0].penalty_rule().multiplier, Lender::Mybank.penalty().multiplier);
}

#[test]
fn required_fields_still_need_a_value() {
    let s = Scenario::example();
    for f in [Field::Principal, Field::RateValue, Field::Months, Field::Income, Field::Expenses] {
        assert_eq!(f.at(0).read(&s, ""), Err(Rule::Required), "{f:?}");
    }
}

#[test]
fn a_rate_in_the_lenders_words() {
    let mut s = Scenario::example();
    let rate = Field::RateValue.at(0);
    rate.set_text(&mut s, "月息1.5%").unwrap();
    assert_eq!((s.loans[0].rate.value, unit(&s)), (d("1.5"), RateUnit::MonthlyPercent), "the named basis is set");
    for typed in ["万4", "万分之四", "日息万四", "日息0.04%", "0.04"] {
        rate.set_text(&mut s, "日息0.05").unwrap();
        let want = s.clone();
        rate.set_text(&mut s, "0.05").unwrap();
        assert_eq!(s, want);
        rate.set_text(&mut s, typed).unwrap();
        assert_eq!(s.loans[0].rate.value, d("0.04"), "{typed:?}");
        assert_eq!(unit(&s), RateUnit::DailyPercent, "{typed:?}");
    }
    // A rate without a basis keeps the loan's unit.
    Field::RateUnit.at(0).set(&mut s, Value::Choice(Choice::RateUnit(RateUnit::AnnualPercent)));
    rate.set_text(&mut s, "18%").unwrap();
    assert_eq!((s.loans[0].rate.value, unit(&s)), (d("18"), RateUnit::AnnualPercent));
}

#[test]
fn an_ambiguous_comma_leaves_the_document_alone() {
    let s = Scenario::example();
    for f in [Field::RateValue, Field::Principal, Field::Months, Field::BufferPercent] {
        let mut t = s.clone();
        assert_eq!(f.at(0).set_text(&mut t, "0,04"), Err(Rule::AmbiguousComma), "{f:?}");
        assert_eq!(t, s, "never read as 4");
    }
    let mut t = s.clone();
    Field::Principal.at(0).set_text(&mut t, "12,000").unwrap();
    assert_eq!(t.loans[0].principal, d("12000"));
}

#[test]
fn chinese_forms_at_their_fields() {
    let mut s = Scenario::example();
    for (f, typed, want) in [
        (Field::Principal, "8万5", "85000"),
        (Field::Principal, "八万", "80000"),
        (Field::Principal, "80k", "80000"),
        (Field::Months, "十二期", "12"),
        (Field::Months, "十期", "10"),
        (Field::Income, "三千五", "3500"),
        (Field::Expenses, "两千", "2000"),
        (Field::OverdueDays, "十五天", "15"),
    ] {
        f.at(0).set_text(&mut s, typed).unwrap();
        assert_eq!(f.at(0).text(&s), want, "{f:?} {typed:?}");
    }
}
