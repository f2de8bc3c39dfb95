use super::*;
use crate::engine::{PayoffKind, PrepayEffect, Prepayment};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// ¥100,000 网商贷 at 1.5 % a month over 12 (9,168.00 a month), and ¥20,000
/// at 1 % a month over 6 (PMT = 3,450.97), on a budget of 12,000 − 6,000 − 1,200.
fn two_loans() -> Scenario {
    let mut s = Scenario::example();
    s.loans[0].rate.value = d("0.05");
    let mut b = Scenario::new_loan("b", crate::engine::Lender::Other);
    b.principal = d("20000");
    b.rate = super::super::RateEntry { value: d("1"), unit: crate::engine::RateUnit::MonthlyPercent, day_basis: Default::default() };
    b.months = 6;
    b.method = crate::engine::Method::EqualInstallment;
    s.loans.push(b);
    s
}

fn kinds(e: &super::super::Evaluation) -> Vec<PayoffKind> {
    e.road.payoff.as_ref().unwrap().iter().map(|p| p.strategy).collect()
}

#[test]
fn nothing_entered_prints_only_the_payoff() {
    let e = Scenario::example().evaluate();
    assert_eq!(e.loans[0].road, LoanRoad::default());
    assert_eq!(kinds(&e), [PayoffKind::Avalanche, PayoffKind::Snowball, PayoffKind::ProRata]);
    assert_eq!(e.road.payoff_pick, Some(PayoffKind::Avalanche));
    let json = e.to_json();
    assert!(json.contains("\"payoff_pick\": \"avalanche\""));
    for key in ["prepaid", "solve"] {
        assert!(!json.contains(&format!("\"{key}\"")), "{key}");
    }
    // No loans: no road at all.
    let mut none = Scenario::example();
    none.loans.clear();
    let e = none.evaluate();
    assert_eq!(e.road, Road::default());
    assert!(!e.to_json().contains("payoff"));
}

#[test]
fn custom_is_played_whenever_an_order_is_given_and_the_pick_is_found() {
    let mut s = two_loans();
    s.edit_payoff(|p| p.order = vec!["b".into()]);
    let e = s.evaluate();
    assert_eq!(kinds(&e), [PayoffKind::Avalanche, PayoffKind::Snowball, PayoffKind::ProRata, PayoffKind::Custom]);
    assert_eq!(e.road.picked().map(|p| p.strategy), Some(PayoffKind::Avalanche), "the order alone picks nothing");
    s.edit_payoff(|p| p.kind = PayoffKind::Custom);
    let e = s.evaluate();
    let custom = e.road.picked().unwrap();
    assert_eq!(custom.strategy, PayoffKind::Custom);
    // b first: b is paid off before a, unlike the avalanche (a costs 1.5 %).
    let month = |id: &str| custom.loans.iter().find(|l| l.id == id).and_then(|l| l.paid_off_month);
    assert!(month("b") < month("a"), "{:?}", custom.loans);
}

#[test]
fn the_budget_is_the_strategy_s_or_the_forecast_month_s_or_the_disposable() {
    let mut s = two_loans();
    // Disposable 12000 − 6000 − 1200 = 4800: short of the minimums 9168 + 3450.97 by 7818.97.
    let e = s.evaluate();
    let p = &e.road.payoff.as_ref().unwrap()[0];
    assert_eq!((p.timeline[0].paid, p.short_months[0].shortfall), (d("4800.00"), d("7818.97")));
    // A forecast: months 1–12 spend their surplus; month 1's is
    // 30000 − 6000 − 3000 = 21000, month 2's 0 (income below expenses).
    // After them the ordinary month's 4800, unless the year repeats.
    let mut forecast = [d("3000"); 12];
    forecast[0] = d("30000");
    s.budget.forecast = Some(forecast);
    let e = s.evaluate();
    let p = &e.road.payoff.as_ref().unwrap()[0];
    assert_eq!((p.timeline[0].paid, p.timeline[1].paid), (d("21000.00"), d("0.00")));
    assert_eq!(p.timeline[12].paid, d("4800.00"), "month 13 is the ordinary month");
    s.budget.forecast_repeats = true;
    let e = s.evaluate();
    let p = &e.road.payoff.as_ref().unwrap()[0];
    assert_eq!((p.timeline[12].paid, p.timeline[13].paid), (d("21000.00"), d("0.00")), "the year repeats: month 13 is month 1 again");
    s.budget.forecast_repeats = false;
    // The strategy's own budget wins over both.
    s.edit_payoff(|p| p.monthly_budget = Some(d("20000")));
    let e = s.evaluate();
    let p = &e.road.payoff.as_ref().unwrap()[0];
    assert!(p.short_months.is_empty() && p.timeline[1].paid == d("20000.00"), "{:?}", p.timeline[1]);
}

#[test]
fn the_solver_runs_on_what_is_owed_now() {
    let mut s = Scenario::example();
    s.loans[0].rate.value = d("0.05");
    s.loans[0].target_payment = Some(d("9168"));
    let e = s.evaluate();
    // The contract payment gives the contract term.
    let expect = crate::engine::solve_months(d("100000"), d("0.015"), d("9168")).unwrap();
    assert_eq!(e.loans[0].road.solve, Some(SolveOutput::Solved(expect)));
    assert_eq!(expect.months, 12);
    // Overdue: 5,000 principal and 800 interest owed on top, penalty left out.
    s.loans[0].edit_overdue(|o| {
        o.days = 40;
        o.principal = d("5000");
        o.interest = d("800");
    });
    let e = s.evaluate();
    let expect = crate::engine::solve_months(d("105800"), d("0.015"), d("9168")).unwrap();
    assert_eq!(e.loans[0].road.solve, Some(SolveOutput::Solved(expect)));
    assert_eq!(expect.months, 13);
    // Below the first month's interest: 105800 × 1.5 % = 1587.00.
    s.loans[0].target_payment = Some(d("1500"));
    let e = s.evaluate();
    let want = SolveOutput::Refused { error: "target_payment: must be more than the first month's interest (1587.00)".into() };
    assert_eq!(e.loans[0].road.solve, Some(want));
}

#[test]
fn prepaid_follows_the_prepayments_in_30_360_whatever_the_day_count() {
    let mut s = Scenario::example();
    s.loans[0].rate.value = d("0.05");
    s.loans[0].extra_monthly = Some(d("1000"));
    let e = s.evaluate();
    let road = &e.loans[0].road;
    assert!(road.prepaid.as_ref().is_some_and(|p| p.months_saved == 1) && road.prepaid_by_effect.is_none(), "an extra alone: no effect to pick");
    s.loans[0].prepayments = vec![Prepayment { month: 2, amount: d("30000"), effect: PrepayEffect::LowerPayment }];
    s.loans[0].prepayment_fee_percent = d("2");
    s.day_count = crate::engine::DayCount::Actual;
    s.loans[0].next_due_date = crate::engine::Date::new(2026, 1, 15);
    let e = s.evaluate();
    let road = &e.loans[0].road;
    let plan = s.loans[0].prepay_plan();
    let run = |plan: &crate::engine::PrepayPlan| crate::engine::prepay(d("100000"), d("0.015"), 12, crate::engine::Method::EqualInstallment, plan).unwrap();
    assert_eq!(road.prepaid.as_ref(), Some(&run(&plan)));
    let both = road.prepaid_by_effect.as_ref().unwrap();
    assert_eq!((&both.shorten_term, &both.lower_payment), (&run(&plan.with_effect(PrepayEffect::ShortenTerm)), &run(&plan)));
    assert!(both.shorten_term.months < both.lower_payment.months);
    assert!(both.shorten_term.interest_saved > both.lower_payment.interest_saved);
    // Fee: 2 % of 1000 + 30000 prepaid in month 2.
    assert_eq!(both.lower_payment.schedule[1].fee, d("620.00"));
}

#[test]
fn a_loan_the_payoff_cannot_take_is_left_out_with_its_reason() {
    let mut s = two_loans();
    // ¥1 trillion plus ¥1 overdue: more than the payoff's largest amount.
    s.loans[0].principal = crate::engine::MAX_AMOUNT;
    s.loans[0].edit_overdue(|o| o.principal = Decimal::ONE);
    s.edit_payoff(|p| {
        p.kind = PayoffKind::Custom;
        p.order = vec!["a".into(), "b".into()];
    });
    assert_eq!(s.validate(), Ok(()));
    let e = s.evaluate();
    let plans = e.road.payoff.as_ref().unwrap();
    assert_eq!(plans.len(), 4);
    assert!(plans.iter().all(|p| p.loans.len() == 1 && p.loans[0].id == "b"));
    let errors: Vec<(&str, &str)> = e.loans[0].errors.iter().map(|f| (f.path.as_str(), f.code)).collect();
    assert_eq!(errors, [("loans[0].payoff", "amount_too_large")]);
    assert!(e.loans[1].errors.is_empty());
}
