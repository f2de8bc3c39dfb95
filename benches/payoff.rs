//! Timing of the road to debt-free, plain `std::time::Instant` (no criterion).
//!
//! `cargo bench --bench payoff` (release profile: opt-level "z", LTO, as
//! shipped) prints median and min of `payoff_plans` — avalanche, snowball,
//! pro rata and a custom order, all four, as the page recomputes them on
//! every keystroke — for:
//! * five everyday loans (网商贷, 借呗, card, 微粒贷, family; every method)
//!   debt-free in about two years;
//! * five 30-year loans on a budget just above their minimums (~30 years);
//! * five loans on a budget that never clears them (the full 600 months);
//! * twenty loans × 600 months, the worst case the scenario allows;
//!
//! then one `prepay` of a 360-month loan with a monthly extra and three
//! one-off prepayments, and one `solve_months` of a 30-year term.
//! Built in test mode (`cargo test --all-targets`) it runs each once and
//! checks the results: a smoke test.

use std::hint::black_box;
use std::time::{Duration, Instant};
use xieshang::engine::{
    payoff_plans, prepay, solve_months, Decimal, Method, PayoffBudget, PayoffDebt, PayoffPlan, PrepayEffect, PrepayPlan,
    Prepayment, Schedule,
};

fn d(v: i64, scale: u32) -> Decimal {
    Decimal::new(v, scale)
}

/// A current (not overdue) debt with its 30/360 contract instalments.
fn debt(id: &str, principal: i64, monthly_rate: Decimal, months: u32, method: Method) -> PayoffDebt {
    let p = Decimal::from(principal);
    let schedule = Schedule::build(p, monthly_rate, months, method).expect("valid bench loan");
    PayoffDebt {
        id: id.into(),
        principal: p,
        interest: Decimal::ZERO,
        monthly_rate: monthly_rate.into(),
        penalty_rate: monthly_rate * d(15, 1),
        instalments: schedule.payments(),
        overdue_due_now: Decimal::ZERO,
    }
}

fn everyday() -> Vec<PayoffDebt> {
    vec![
        debt("mybank", 100_000, d(15, 3), 12, Method::EqualInstallment),
        debt("jiebei", 50_000, d(12, 3), 12, Method::InterestOnly),
        debt("card", 30_000, d(15, 3), 24, Method::EqualInstallment),
        debt("weilidai", 20_000, d(15, 3), 20, Method::EqualPrincipal),
        debt("family", 80_000, d(5, 3), 36, Method::Bullet),
    ]
}

fn thirty_years() -> Vec<PayoffDebt> {
    vec![
        debt("mortgage", 1_000_000, d(49, 1) / Decimal::from(1200), 360, Method::EqualInstallment),
        debt("business", 500_000, d(12, 3), 360, Method::EqualPrincipal),
        debt("card", 80_000, d(15, 3), 360, Method::EqualInstallment),
        debt("family", 200_000, d(1, 2), 360, Method::InterestOnly),
        debt("friend", 100_000, d(5, 3), 360, Method::Bullet),
    ]
}

fn twenty() -> Vec<PayoffDebt> {
    (0..20).map(|k| debt(&format!("loan{k}"), 50_000 + 10_000 * k, d(10 + k, 3), 60, Method::ALL[k as usize % 4])).collect()
}

struct Case {
    name: &'static str,
    debts: Vec<PayoffDebt>,
    budget: Decimal,
    check: fn(&[PayoffPlan]),
}

fn cases() -> Vec<Case> {
    vec![
        Case { name: "5 everyday loans, debt-free in ~2 years", debts: everyday(), budget: Decimal::from(16_000), check: |p| {
            assert!(p.iter().all(|s| s.debt_free_month.is_some_and(|m| m <= 36)), "{:?}", p.iter().map(|s| s.debt_free_month).collect::<Vec<_>>());
        } },
        Case { name: "5 loans × 360 months, budget just above the minimums", debts: thirty_years(), budget: Decimal::from(16_500), check: |p| {
            assert!(p.iter().all(|s| s.short_months.len() <= 1 && s.timeline.len() > 200), "{:?}", p.iter().map(|s| s.timeline.len()).collect::<Vec<_>>());
        } },
        Case { name: "5 loans, never debt-free (600 months)", debts: thirty_years(), budget: Decimal::from(6_000), check: |p| {
            assert!(p.iter().all(|s| s.debt_free_month.is_none() && s.timeline.len() == 600));
        } },
        Case { name: "20 loans × 600 months, never debt-free", debts: twenty(), budget: Decimal::from(20_000), check: |p| {
            assert!(p.iter().all(|s| s.debt_free_month.is_none() && s.timeline.len() == 600));
        } },
    ]
}

struct Stats {
    median: Duration,
    min: Duration,
}

fn time(runs: usize, mut f: impl FnMut()) -> Stats {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    samples.sort();
    Stats { median: samples[runs / 2], min: samples[0] }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let runs = if benching { 200 } else { 1 };
    if benching {
        println!("payoff_plans: avalanche + snowball + pro rata + custom, all four:");
    }
    for case in cases() {
        let order: Vec<String> = case.debts.iter().rev().map(|d| d.id.clone()).collect();
        let budget = PayoffBudget::Flat(case.budget);
        let plans = payoff_plans(&case.debts, &budget, Some(&order)).expect("valid bench debts");
        (case.check)(&plans);
        let s = time(runs, || {
            black_box(payoff_plans(black_box(&case.debts), black_box(&budget), Some(&order)).unwrap());
        });
        if benching {
            println!("  {:<55} median {:>8.1} µs   min {:>8.1} µs", case.name, micros(s.median), micros(s.min));
        }
    }

    let plan = PrepayPlan {
        prepayments: vec![
            Prepayment { month: 12, amount: Decimal::from(50_000), effect: PrepayEffect::ShortenTerm },
            Prepayment { month: 60, amount: Decimal::from(100_000), effect: PrepayEffect::LowerPayment },
            Prepayment { month: 120, amount: Decimal::from(100_000), effect: PrepayEffect::ShortenTerm },
        ],
        extra_monthly: Decimal::from(500),
        fee_percent: Decimal::ONE,
    };
    let rate = d(49, 1) / Decimal::from(1200);
    let p = prepay(Decimal::from(1_000_000), rate, 360, Method::EqualInstallment, &plan).unwrap();
    assert!(p.months < 360 && p.interest_saved > Decimal::ZERO);
    let pre = time(runs, || {
        black_box(prepay(black_box(Decimal::from(1_000_000)), rate, 360, Method::EqualInstallment, black_box(&plan)).unwrap());
    });
    let s = solve_months(Decimal::from(1_000_000), rate, Decimal::from(5_400)).unwrap();
    assert!(s.months > 300 && s.months <= 360, "{s:?}");
    let solve = time(runs, || {
        black_box(solve_months(black_box(Decimal::from(1_000_000)), rate, black_box(Decimal::from(5_400))).unwrap());
    });
    if !benching {
        println!("payoff bench: smoke run ok; run `cargo bench --bench payoff` to measure");
        return;
    }
    println!("prepay, ¥1,000,000 over 360 months, extra ¥500 a month + 3 one-offs:");
    println!("  median {:>8.1} µs   min {:>8.1} µs   ({} months, saves {})", micros(pre.median), micros(pre.min), p.months, p.interest_saved);
    println!("solve_months, ¥1,000,000 at 4.9 % paying ¥5,400 a month:");
    println!("  median {:>8.1} µs   min {:>8.1} µs   ({} months)", micros(solve.median), micros(solve.min), s.months);
}
