//! Engine timings with plain `std::time::Instant` (no criterion: nothing to
//! compile, nothing to download).
//!
//! `cargo bench --bench engine` measures (release profile: opt-level "z",
//! LTO, the settings the shipped wasm bundle uses) and prints:
//! * one full `Scenario::evaluate()` of 5 loans × 360 months, four methods:
//!   median and min over many runs (this includes the overdue cost, every
//!   proposal kind and the allocation the evaluator now computes);
//! * `Loan::figures` of the same five loans (schedules, totals, APR only);
//! * one `monthly_irr` on a 360-month payment stream: median and min per call.
//!
//! Built in test mode (`cargo test --all-targets` runs it without `--bench`)
//! it does one iteration of each, checks the results and exits: a smoke test
//! that keeps the benchmark compiling and correct.

use std::hint::black_box;
use std::time::{Duration, Instant};
use xieshang::engine::apr::monthly_irr;
use xieshang::engine::{Decimal, Method, Schedule};
use xieshang::scenario::Scenario;

/// Five 30-year loans, every method, every rate unit, both day bases.
const SCENARIO: &str = r#"{
  "version": 1,
  "loans": [
    {"id": "mortgage", "lender": "bank_credit", "principal": "1000000.00",
     "rate": {"value": "4.9", "unit": "annual_percent"}, "method": "equal_installment", "months": 360},
    {"id": "business", "lender": "mybank", "principal": "500000.00",
     "rate": {"value": "0.04", "unit": "daily_percent"}, "method": "equal_principal", "months": 360},
    {"id": "card", "lender": "credit_card", "principal": "80000.00",
     "rate": {"value": "0.05", "unit": "daily_percent", "day_basis": 365}, "method": "equal_installment", "months": 360, "upfront_fee": "800"},
    {"id": "family", "principal": "200000.00",
     "rate": {"value": "1", "unit": "monthly_percent"}, "method": "interest_only", "months": 360},
    {"id": "friend", "principal": "100000.00",
     "rate": {"value": "6", "unit": "annual_percent"}, "method": "bullet", "months": 360}
  ],
  "budget": {"income": "30000", "expenses": "12000", "other_obligations": "2000", "buffer_percent": "10"}
}"#;

struct Stats {
    median: Duration,
    min: Duration,
    mean: Duration,
    runs: usize,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let runs = samples.len();
    let total: Duration = samples.iter().sum();
    Stats { median: samples[runs / 2], min: samples[0], mean: total / runs as u32, runs }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let scenario = Scenario::from_json(SCENARIO).expect("the bench scenario is valid");

    // --- Scenario::evaluate --------------------------------------------------
    let check = scenario.evaluate();
    assert!(check.loans.iter().all(|l| l.errors.is_empty() && l.figures.as_ref().unwrap().schedule.len() == 360));
    let (warmup, runs) = if benching { (20, 300) } else { (0, 1) };
    for _ in 0..warmup {
        black_box(black_box(&scenario).evaluate());
    }
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(black_box(&scenario).evaluate());
            t.elapsed()
        })
        .collect();
    let eval = stats(samples);

    // --- the same five loans' schedules and APRs alone ------------------------
    // `evaluate` also prices the cost of doing nothing, every proposal kind
    // and the allocation; this isolates the core money engine.
    let loans: Vec<_> = scenario.loans.iter().map(|e| e.loan()).collect();
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            for l in black_box(&loans) {
                black_box(l.figures().unwrap());
            }
            t.elapsed()
        })
        .collect();
    let figures = stats(samples);

    // --- monthly_irr on a 360-month schedule ----------------------------------
    // The mortgage's payment stream with a 1 % fee held back, so the root is
    // not the quoted rate the guess starts from.
    let schedule = Schedule::build(Decimal::from(1_000_000), Decimal::new(49, 1) / Decimal::from(1200), 360, Method::EqualInstallment)
        .unwrap();
    let payments = schedule.payments();
    let held = Decimal::from(990_000);
    let guess = Decimal::new(49, 1) / Decimal::from(1200);
    let r = monthly_irr(held, &payments, guess).unwrap();
    assert!(r > guess && r < Decimal::new(5, 3), "IRR {r}");
    let (batches, per_batch) = if benching { (200, 200) } else { (1, 1) };
    let samples: Vec<Duration> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                black_box(monthly_irr(black_box(held), black_box(&payments), black_box(guess)).unwrap());
            }
            t.elapsed() / per_batch
        })
        .collect();
    let irr = stats(samples);

    if !benching {
        println!("engine bench: smoke run ok (evaluate {:.0} µs, monthly_irr {:.1} µs, unoptimised); run `cargo bench --bench engine` to measure",
            micros(eval.min), micros(irr.min));
        return;
    }
    println!("Scenario::evaluate, 5 loans × 360 months (4 methods):");
    println!("  median {:>9.1} µs   min {:>9.1} µs   mean {:>9.1} µs   ({} runs)", micros(eval.median), micros(eval.min), micros(eval.mean), eval.runs);
    println!("Loan::figures of the same 5 loans (schedules, totals, APR only):");
    println!("  median {:>9.1} µs   min {:>9.1} µs   mean {:>9.1} µs   ({} runs)", micros(figures.median), micros(figures.min), micros(figures.mean), figures.runs);
    println!("monthly_irr, one 360-month schedule (¥1,000,000 at 4.9 %, ¥10,000 fee):");
    println!("  median {:>9.2} µs   min {:>9.2} µs   mean {:>9.2} µs   ({} batches × {per_batch} calls)", micros(irr.median), micros(irr.min), micros(irr.mean), irr.runs);
    println!("  IRR = {r} a month = {}% a year nominal", r * Decimal::from(1200));
}
