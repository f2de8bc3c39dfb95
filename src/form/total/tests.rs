use super::*;
use crate::engine::{Lender, Method};
use crate::form::Place;
use crate::scenario::field::Choice;
use crate::scenario::Scenario;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn principal(form: &Form) -> Decimal {
    form.document().loans[0].principal
}

/// The example loan: 网商贷, 0.05 % a day, 12 months, 等额本息; ¥100,000
/// of principal comes to ¥110,015.99 in all (the hand-checked figure).
fn example() -> (Form, LoanKey) {
    let mut form = Form::new(Scenario::example());
    let loan = form.loans()[0];
    form.type_text(Place::loan(Field::RateValue, loan), "日息0.05%".into());
    form.set(Place::loan(Field::Method, loan), Value::Choice(Choice::Method(Method::EqualInstallment)));
    form.type_text(Place::loan(Field::Months, loan), "12".into());
    form.type_text(Place::loan(Field::Principal, loan), "100000".into());
    (form, loan)
}

#[test]
fn the_total_the_app_shows_gives_the_principal() {
    let (mut form, loan) = example();
    form.type_total(loan, String::new());
    assert_eq!(principal(&form), d("100000"), "nothing typed: nothing changes");
    form.type_text(Place::loan(Field::Principal, loan), "1".into());
    form.type_total(loan, "110,015.99".into());
    assert_eq!(principal(&form), d("100000"));
    assert_eq!(form.total_split(loan), Some(TotalSplit { principal: d("100000"), interest: d("10015.99"), off: None }));
    assert_eq!(form.total_text(loan), "110,015.99");
    assert_eq!(form.text(Place::loan(Field::Principal, loan)), "100000", "the principal input shows what the total gave");
    assert!(form.valid().is_some());
}

#[test]
fn the_principal_follows_the_terms_while_it_is_the_totals() {
    let (mut form, loan) = example();
    form.type_total(loan, "11万".into());
    let twelve = principal(&form);
    form.type_text(Place::loan(Field::Months, loan), "24".into());
    let twenty_four = principal(&form);
    assert!(twenty_four < twelve, "more months of interest in the same total: less principal");
    let split = form.total_split(loan).unwrap();
    assert_eq!(split.principal + split.interest, split.off.map_or(d("110000"), |(total, _)| total), "{split:?}");
    form.set(Place::loan(Field::Method, loan), Value::Choice(Choice::Method(Method::Bullet)));
    assert_ne!(principal(&form), twenty_four, "the method counts too");
    // A principal typed over the total's ends it.
    form.type_text(Place::loan(Field::Principal, loan), "5万".into());
    assert_eq!(principal(&form), d("50000"));
    assert_eq!((form.total_text(loan), form.total_split(loan)), (String::new(), None));
    form.type_text(Place::loan(Field::Months, loan), "12".into());
    assert_eq!(principal(&form), d("50000"), "and the terms no longer move it");
}

#[test]
fn a_total_no_principal_gives_exactly_says_how_far_it_is() {
    let (mut form, loan) = example();
    let mut off = None;
    // Each fen of principal moves the total by more than a fen somewhere here.
    for fen in 0..200 {
        form.type_total(loan, (d("110015.99") + Decimal::new(fen, 2)).to_string());
        if let Some(s) = form.total_split(loan).filter(|s| s.off.is_some()) {
            off = Some(s);
            break;
        }
    }
    let s = off.expect("some total in ¥2 has no exact principal");
    let (total, diff) = s.off.unwrap();
    assert_eq!(s.principal + s.interest, total);
    assert!(diff > Decimal::ZERO && diff < d("0.10"), "{s:?}");
}

#[test]
fn a_total_that_does_not_read_is_said_and_changes_nothing() {
    let (mut form, loan) = example();
    for (typed, rule) in [("abc", Rule::NotANumber), ("0", Rule::NotPositive), ("0,5", Rule::AmbiguousComma), ("1.001", Rule::NotInFen)] {
        form.type_total(loan, typed.into());
        assert_eq!(form.total_problem(loan), Some(rule), "{typed:?}");
        assert_eq!(form.total_text(loan), typed);
        assert_eq!(principal(&form), d("100000"));
    }
    form.type_total(loan, " ".into());
    assert_eq!(form.total_problem(loan), None);
}

#[test]
fn each_loan_has_its_own_total_and_it_goes_with_its_loan() {
    let (mut form, a) = example();
    let b = form.add_loan(Lender::Jiebei).unwrap();
    form.type_total(b, "5万".into());
    assert_eq!(principal(&form), d("100000"), "loan a is untouched");
    assert!(form.document().loans[1].principal < d("50000"));
    assert_eq!(form.total_text(a), "");
    form.remove_loan(b);
    assert!(form.totals.is_empty());
    form.type_total(a, "5万".into());
    form.load(Scenario::example());
    assert_eq!(form.total_text(form.loans()[0]), "", "a draft opened starts without totals");
}
