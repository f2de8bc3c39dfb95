//! Timing of the whole evaluation with every proposal kind, plain
//! `std::time::Instant` (no criterion).
//!
//! `cargo bench --bench proposals` (release profile: opt-level "z", LTO, as
//! shipped) prints median and min of `Scenario::evaluate()` for five overdue
//! 360-month loans with a 12-month forecast and a settlement offer each, so
//! every proposal kind, the two combined plans, the cost of doing nothing,
//! the rate detective and the allocation are all computed; then the page's
//! own evaluation of it (`Evaluation::analysed_on`, what `bench_evaluate`
//! times in the browser: no road, no kit); then the same in actual-days mode. Built in test mode (`cargo test
//! --all-targets`) it runs once and checks the result: a smoke test.

use std::hint::black_box;
use std::time::{Duration, Instant};
use xieshang::scenario::{Evaluation, Scenario};

/// Five overdue 30-year loans, all methods and rate units, every optional field.
pub const SCENARIO: &str = r#"{
  "version": 1,
  "as_of": "2025-03-10",
  "loans": [
    {"id": "mortgage", "lender": "bank_credit", "principal": "1000000.00",
     "rate": {"value": "4.9", "unit": "annual_percent"}, "method": "equal_installment", "months": 360,
     "overdue": {"days": 45, "principal": "4000", "interest": "8200"}, "app_payment": "5400",
     "next_due_date": "2025-03-25", "settlement_offer": "800000"},
    {"id": "business", "lender": "mybank", "principal": "500000.00",
     "rate": {"value": "0.04", "unit": "daily_percent"}, "method": "equal_principal", "months": 360,
     "overdue": {"days": 20, "principal": "1389", "interest": "6000"}, "next_due_date": "2025-03-20", "settlement_offer": "300000"},
    {"id": "card", "lender": "credit_card", "principal": "80000.00",
     "rate": {"value": "0.05", "unit": "daily_percent", "day_basis": 365}, "method": "equal_installment", "months": 360,
     "upfront_fee": "800", "overdue": {"days": 95, "principal": "300", "interest": "3600"}, "settlement_offer": "40000"},
    {"id": "family", "principal": "200000.00",
     "rate": {"value": "1", "unit": "monthly_percent"}, "method": "interest_only", "months": 360,
     "overdue": {"days": 10, "interest": "2000"}, "settlement_offer": "150000",
     "penalty": {"multiplier": "1.3", "compound": true, "base": "principal_and_interest"}},
    {"id": "friend", "principal": "100000.00",
     "rate": {"value": "6", "unit": "annual_percent"}, "method": "bullet", "months": 360, "settlement_offer": "90000"}
  ],
  "budget": {"income": "30000", "expenses": "12000", "other_obligations": "2000", "buffer_percent": "10",
             "forecast": ["20000", "25000", "30000", "45000", "30000", "10000", "-5000", "30000", "35000", "40000", "30000", "60000"]}
}"#;

/// The same loans accruing by actual days between real due dates.
fn actual_days() -> String {
    let mut doc: serde_json::Value = serde_json::from_str(SCENARIO).unwrap();
    doc["day_count"] = "actual".into();
    for loan in doc["loans"].as_array_mut().unwrap() {
        if loan.get("next_due_date").is_none() {
            loan["next_due_date"] = "2025-03-31".into();
        }
    }
    doc.to_string()
}

/// The five loans four times over: the 20 loans a scenario may hold.
fn twenty_loans() -> String {
    let mut doc: serde_json::Value = serde_json::from_str(SCENARIO).unwrap();
    let five = doc["loans"].as_array().unwrap().clone();
    let loans: Vec<serde_json::Value> = (0..4)
        .flat_map(|n| five.iter().cloned().map(move |mut l| {
            l["id"] = format!("{}{n}", l["id"].as_str().unwrap()).into();
            l
        }))
        .collect();
    doc["loans"] = loans.into();
    doc.to_string()
}

fn time(scenario: &Scenario, warmup: usize, runs: usize) -> (Duration, Duration) {
    time_with(scenario, warmup, runs, Scenario::evaluate)
}

/// Median and min of `evaluate(scenario)` over `runs` runs after `warmup`.
fn time_with(scenario: &Scenario, warmup: usize, runs: usize, evaluate: fn(&Scenario) -> Evaluation) -> (Duration, Duration) {
    for _ in 0..warmup {
        black_box(evaluate(black_box(scenario)));
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(evaluate(black_box(scenario)));
            t.elapsed()
        })
        .collect();
    samples.sort();
    (samples[samples.len() / 2], samples[0])
}

/// What the page evaluates on every change (the road and the kit only
/// while their sections are open): what `bench_evaluate` times in the browser.
fn page_evaluation(s: &Scenario) -> Evaluation {
    Evaluation::analysed_on(s, None).0
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let scenario = Scenario::from_json(SCENARIO).expect("the bench scenario is valid");
    let check = scenario.evaluate();
    assert!(check.loans.iter().all(|l| l.errors.is_empty() && l.overdue_cost.is_some()));
    assert!(check.allocation.is_some());
    assert_eq!(check.plans.len(), 2, "both combined plans");
    assert!(check.plans.iter().all(|p| p.picks.len() == 5));
    let kinds: std::collections::BTreeSet<String> =
        check.proposals.iter().map(|p| serde_json::to_value(p.kind).unwrap().as_str().unwrap().to_string()).collect();
    assert_eq!(kinds.len(), 6, "every proposal kind: {kinds:?}");
    let (warmup, runs) = if benching { (20, 300) } else { (0, 1) };
    let (median, min) = time(&scenario, warmup, runs);
    let (p_median, p_min) = time_with(&scenario, warmup, runs, page_evaluation);
    let actual = Scenario::from_json(&actual_days()).expect("the actual-days variant is valid");
    assert!(actual.evaluate().proposals.len() >= check.proposals.len() - 1);
    let (a_median, a_min) = time(&actual, warmup, runs);
    let twenty = Scenario::from_json(&twenty_loans()).expect("twenty loans are valid");
    assert_eq!(twenty.evaluate().plans[0].picks.len(), 20);
    let (t_median, t_min) = time(&twenty, warmup / 4, (runs / 10).max(1));
    let n = check.proposals.len();
    let rows: usize = check.proposals.iter().filter_map(|p| p.figures.as_ref()).map(|f| f.schedule.len()).sum();
    if !benching {
        println!("proposals bench: smoke run ok ({n} proposals, {rows} rows, {:.0} µs / {:.0} µs actual days / {:.0} µs twenty loans, unoptimised); run `cargo bench --bench proposals`", micros(min), micros(a_min), micros(t_min));
        return;
    }
    println!("Scenario::evaluate with all proposals, 5 overdue loans × 360 months ({n} proposals, {rows} schedule rows):");
    println!("  median {:>9.1} µs   min {:>9.1} µs   ({runs} runs)", micros(median), micros(min));
    println!("The same as the page evaluates it (Evaluation::analysed_on: no road, no kit):");
    println!("  median {:>9.1} µs   min {:>9.1} µs   ({runs} runs)", micros(p_median), micros(p_min));
    println!("The same in actual-days mode:");
    println!("  median {:>9.1} µs   min {:>9.1} µs   ({runs} runs)", micros(a_median), micros(a_min));
    println!("Twenty loans (the five four times), 30/360:");
    println!("  median {:>9.1} µs   min {:>9.1} µs   ({} runs)", micros(t_median), micros(t_min), (runs / 10).max(1));
}
