use super::*;

const EXAMPLE: &str = r#"{"version":1,"loans":[{"id":"a","lender":"mybank","principal":"100000.00","rate":{"value":"0.05","unit":"daily_percent"},"method":"equal_installment","months":12}],"budget":{"income":"12000","expenses":"6000","other_obligations":"0","buffer_percent":"10"}}"#;

#[test]
fn the_issue_example_reads() {
    let s = Scenario::from_json(EXAMPLE).unwrap();
    assert_eq!(s.loans[0].principal, Decimal::new(10_000_000, 2));
    assert_eq!(s.loans[0].rate.unit, RateUnit::DailyPercent);
    assert_eq!(s.loans[0].rate.day_basis, DayBasis::D360);
    assert_eq!(s.budget.buffer_percent, Decimal::TEN);
}

#[test]
fn round_trip_is_lossless() {
    let s = Scenario::from_json(EXAMPLE).unwrap();
    let again = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(s, again);
    // Money stays a string in the output.
    assert!(s.to_json().contains(r#""principal": "100000.00""#));
}

#[test]
fn defaults_fill_missing_optional_fields() {
    let s = Scenario::from_json(
        r#"{"version":1,"loans":[{"id":"x","principal":"5000","rate":{"value":"12","unit":"annual_percent"},"method":"bullet","months":6}]}"#,
    )
    .unwrap();
    assert_eq!(s.loans[0].lender, Lender::Other);
    assert_eq!(s.loans[0].upfront_fee, Decimal::ZERO);
    assert_eq!(s.budget, BudgetEntry::default());
}

fn error_of(text: &str) -> ScenarioError {
    Scenario::from_json(text).unwrap_err()
}

#[test]
fn unknown_fields_are_named() {
    let e = error_of(&EXAMPLE.replace(r#""months":12"#, r#""months":12,"monthz":3"#));
    assert_eq!(e.kind(), ErrorKind::Field);
    assert_eq!(e.path(), "loans[0].monthz");
    assert!(e.to_string().contains("unknown field `monthz`"), "{e}");
    let e = error_of(&EXAMPLE.replace(r#""version":1,"#, r#""version":1,"extra":true,"#));
    assert!(e.to_string().contains("unknown field `extra`"), "{e}");
}

#[test]
fn wrong_fields_are_named() {
    let e = error_of(&EXAMPLE.replace(r#""100000.00""#, "100000"));
    assert_eq!(e.path(), "loans[0].principal");
    assert!(e.to_string().contains("string"), "{e}");
    let e = error_of(&EXAMPLE.replace("daily_percent", "weekly_percent"));
    assert_eq!(e.path(), "loans[0].rate.unit");
    let e = error_of(&EXAMPLE.replace(r#""months":12"#, r#""months":-1"#));
    assert_eq!(e.path(), "loans[0].months");
    let e = error_of(&EXAMPLE.replace(r#""months":12"#, r#""months":10000"#));
    assert_eq!((e.kind(), e.path().as_str()), (ErrorKind::Invalid, "loans[0].months"));
    let e = error_of(&EXAMPLE.replace(r#""100000.00""#, r#""0""#));
    assert_eq!(e.to_string(), "loans[0].principal: must be more than 0");
    let e = error_of(&EXAMPLE.replace(r#""income":"12000""#, r#""income":"-1""#));
    assert_eq!(e.path(), "budget.income");
    let e = error_of(&EXAMPLE.replace(r#""id":"a""#, r#""id":"""#));
    assert_eq!(e.path(), "loans[0].id");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut s = Scenario::from_json(EXAMPLE).unwrap();
    s.loans.push(s.loans[0].clone());
    assert_eq!(Scenario::from_json(&s.to_json()).unwrap_err().path(), "loans[1].id");
}

#[test]
fn versions() {
    let e = error_of(r#"{"loans":[]}"#);
    assert_eq!(e.kind(), ErrorKind::Version);
    let e = error_of(&EXAMPLE.replace(r#""version":1"#, r#""version":2"#));
    assert_eq!(e.kind(), ErrorKind::NewerVersion);
    let e = error_of(&EXAMPLE.replace(r#""version":1"#, r#""version":"1""#));
    assert_eq!(e.kind(), ErrorKind::Version);
    let e = error_of(&EXAMPLE.replace(r#""version":1"#, r#""version":0"#));
    assert_eq!(e.kind(), ErrorKind::Version);
}

#[test]
fn not_json() {
    assert_eq!(error_of("{").kind(), ErrorKind::Syntax);
    assert_eq!(error_of("").kind(), ErrorKind::Syntax);
    assert_eq!(error_of("[1,2]").kind(), ErrorKind::Version);
}

#[test]
fn evaluation_of_the_example() {
    let e = Scenario::from_json(EXAMPLE).unwrap().evaluate();
    let loan = &e.loans[0];
    let f = loan.figures.as_ref().unwrap();
    assert_eq!(f.first_payment, Decimal::new(916_800, 2));
    assert_eq!(f.apr_nominal_percent, Decimal::new(1800, 2));
    assert_eq!(loan.annual_rate_percent, Decimal::from(18));
    let b = e.budget.figures.unwrap();
    assert_eq!(b.debt_payments, Decimal::new(916_800, 2));
    assert!(!b.fits);
    let json = e.to_json();
    for key in ["\"schedule\"", "\"total_interest\"", "\"apr_nominal_percent\"", "\"apr_effective_percent\"", "\"dti_percent\"", "\"disposable\""] {
        assert!(json.contains(key), "{key} missing");
    }
}

#[test]
fn free_loan_ids_fill_gaps_in_order() {
    assert_eq!(free_loan_id(&[]), "a");
    assert_eq!(free_loan_id(&["a".into(), "c".into()]), "b");
    let all: Vec<String> = (b'a'..=b'z').map(|c| (c as char).to_string()).collect();
    assert_eq!(free_loan_id(&all), "loan27");
}

#[test]
fn a_byte_order_mark_is_read_normally() {
    let s = Scenario::from_json(&format!("\u{feff}{EXAMPLE}")).unwrap();
    assert_eq!(s, Scenario::from_json(EXAMPLE).unwrap());
}

#[test]
fn a_key_written_twice_is_refused_naming_it() {
    let e = error_of(&EXAMPLE.replace(r#""months":12"#, r#""months":12,"months":24"#));
    assert_eq!(e.kind(), ErrorKind::Field);
    assert!(e.to_string().starts_with("duplicate key `months` at line 1 column"), "{e}");
    let e = error_of(&EXAMPLE.replace(r#""income":"12000""#, r#""income":"12000","income":"1""#));
    assert!(e.to_string().contains("duplicate key `income`"), "{e}");
    // The same key in different objects is fine.
    assert!(Scenario::from_json(EXAMPLE).is_ok());
}

#[test]
fn the_example_and_added_loans_share_their_defaults() {
    let example = Scenario::example();
    let added = Scenario::new_loan("a", Lender::Mybank);
    assert_eq!(example.loans[0], added);
    assert_eq!(Scenario::new_loan("b", Lender::Other).principal, added.principal);
}

/// Days overdue alone (review w14 R16): one instalment for each 30 days
/// begun, at most the schedule's, with the contract's principal and interest.
#[test]
fn missed_instalments_from_days_overdue() {
    let s = Scenario::from_json(
        r#"{"version":1,"loans":[{"id":"a","lender":"mybank","principal":"100000","rate":{"value":"0.05","unit":"daily_percent"},"method":"equal_installment","months":12,"overdue":{"days":75}}]}"#,
    )
    .unwrap();
    let out = &s.evaluate().loans[0];
    let rows = &out.schedule.as_ref().unwrap().schedule;
    let sum = |n: usize, f: fn(&crate::engine::Row) -> Decimal| rows[..n].iter().map(f).sum::<Decimal>();
    assert_eq!(out.missed_instalments(75), Some((3, sum(3, |r| r.principal), sum(3, |r| r.interest))));
    assert_eq!(out.missed_instalments(30).map(|m| m.0), Some(1));
    assert_eq!(out.missed_instalments(31).map(|m| m.0), Some(2));
    assert_eq!(out.missed_instalments(0), None);
    // Never more instalments than the schedule has.
    assert_eq!(out.missed_instalments(1000), Some((12, sum(12, |r| r.principal), sum(12, |r| r.interest))));
    assert_eq!(sum(12, |r| r.principal), Decimal::from(100_000));
}
