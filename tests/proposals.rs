//! Proposals, cost of doing nothing, allocation and day counts over random
//! scenarios: no panics, and the invariants every figure the page shows
//! relies on (see the definitions in `src/engine/proposal.rs`).

use proptest::prelude::*;
use serde_json::{json, Value};
use std::str::FromStr;
use xieshang::engine::allocation::{allocate, pro_rata, Strategy};
use xieshang::engine::dates::Date;
use xieshang::engine::proposal::{BudgetBasis, ProposalKind};
use xieshang::engine::{build_schedule, rate_check, Accrual, AllocationDebt, Decimal, Method, QuotedRate, RateUnit};
use xieshang::scenario::{Evaluation, Scenario};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn money(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

prop_compose! {
    fn arb_date()(y in 2020i32..2030, m in 1u32..=12, day in 1u32..=31) -> Date {
        Date::new(y, m, day).or_else(|| Date::new(y, m, 28)).unwrap()
    }
}

prop_compose! {
    fn arb_loan()(
        principal in 100u64..2_000_000_000,
        unit in 0usize..3,
        rate_milli in 0u32..1000,
        method in 0usize..4,
        months in prop_oneof![1u32..=36, 37u32..=360],
        overdue in prop::option::of((0u32..400, 0u64..50_000_000, 0u64..5_000_000)),
        penalty in prop::option::of((0u32..=30, any::<bool>(), any::<bool>())),
        app in prop::option::of(1u64..100_000_000),
        due in prop::option::of(arb_date()),
        lump in prop::option::of(1u64..2_000_000_000),
        lender in 0usize..6,
    ) -> Value {
        // Rates inside the engine's limits: ≤ 0.25 %/day, ≤ 7 %/month, ≤ 90 %/yr.
        let (unit, value) = match unit {
            0 => ("daily_percent", format!("0.{:04}", rate_milli % 250 + 1)),
            1 => ("monthly_percent", format!("{}.{}", rate_milli % 7, rate_milli % 10)),
            _ => ("annual_percent", format!("{}.{}", rate_milli % 90, rate_milli % 10)),
        };
        let lender = ["mybank", "jiebei", "weilidai", "bank_credit", "credit_card", "other"][lender];
        let method = ["equal_installment", "equal_principal", "interest_only", "bullet"][method];
        let mut loan = json!({
            "id": "x",
            "lender": lender,
            "principal": money(principal),
            "rate": {"value": value, "unit": unit},
            "method": method,
            "months": months,
        });
        if let Some((days, p, int)) = overdue {
            loan["overdue"] = json!({"days": days, "principal": money(p), "interest": money(int)});
        }
        if let Some((m, compound, pi)) = penalty {
            loan["penalty"] = json!({"multiplier": format!("{}.{}", m / 10, m % 10), "compound": compound,
                "base": if pi { "principal_and_interest" } else { "principal" }});
        }
        if let Some(a) = app { loan["app_payment"] = json!(money(a)); }
        if let Some(due) = due { loan["next_due_date"] = json!(due.to_string()); }
        if let Some(l) = lump { loan["settlement_offer"] = json!(money(l)); }
        loan
    }
}

prop_compose! {
    fn arb_scenario()(
        loans in prop::collection::vec(arb_loan(), 1..=4),
        income in 0u64..10_000_000,
        expenses in 0u64..6_000_000,
        forecast in prop::option::of(prop::collection::vec(-2_000_000i64..10_000_000, 12)),
        actual in any::<bool>(),
        as_of in prop::option::of(arb_date()),
    ) -> Value {
        let mut loans = loans;
        for (i, l) in loans.iter_mut().enumerate() {
            l["id"] = json!(format!("l{i}"));
        }
        if actual {
            for l in loans.iter_mut() {
                if l.get("next_due_date").is_none() { l["next_due_date"] = json!("2025-01-31"); }
            }
        }
        let mut doc = json!({"version": 1, "loans": loans,
            "budget": {"income": money(income), "expenses": money(expenses)}});
        if actual { doc["day_count"] = json!("actual"); }
        if let Some(a) = as_of { doc["as_of"] = json!(a.to_string()); }
        if let Some(f) = forecast {
            doc["budget"]["forecast"] = json!(f.iter().map(|c| {
                let s = money(c.unsigned_abs());
                if *c < 0 { format!("-{s}") } else { s }
            }).collect::<Vec<_>>());
        }
        doc
    }
}

fn evaluate(doc: &Value) -> (Scenario, Evaluation) {
    let s = Scenario::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    let e = s.evaluate();
    (s, e)
}

/// Every invariant of one evaluation.
fn check(e: &Evaluation) {
    let disposable = e.budget.figures.as_ref().map(|f| f.disposable);
    for p in &e.proposals {
        let Some(f) = &p.figures else {
            assert!(p.infeasible.is_some(), "{:?} has neither figures nor a reason", p.kind);
            continue;
        };
        assert!(p.infeasible.is_none());
        let rows = &f.schedule;
        assert_eq!(f.months as usize, rows.len());
        assert!(!rows.is_empty());
        // Schedules repay exactly.
        let principal: Decimal = rows.iter().map(|r| r.principal).sum();
        assert_eq!(principal, f.financed, "{:?}", p.kind);
        assert_eq!(rows.last().unwrap().balance, Decimal::ZERO, "{:?}", p.kind);
        assert!(rows.iter().all(|r| r.balance >= Decimal::ZERO && r.payment >= Decimal::ZERO), "{:?}", p.kind);
        assert!(rows.iter().all(|r| r.payment == r.interest + r.principal));
        assert_eq!(f.total_paid, rows.iter().map(|r| r.payment).sum::<Decimal>());
        assert_eq!(f.total_paid - f.total_interest, f.financed);
        assert_eq!(f.monthly_payment, rows[0].payment);
        assert_eq!(f.max_payment, rows.iter().map(|r| r.payment).max().unwrap());
        assert_eq!(f.min_payment, rows.iter().map(|r| r.payment).min().unwrap());
        // fits_budget ⇔ the largest instalment fits the budget of its basis.
        if f.budget_basis == BudgetBasis::Flat {
            assert_eq!(f.fits_budget, f.max_payment <= f.monthly_budget, "{:?}", p.kind);
            assert_eq!(f.margin, f.monthly_budget - f.max_payment);
        }
        if e.loans.len() == 1 {
            assert_eq!(Some(f.monthly_budget), disposable);
        }
        if p.kind == ProposalKind::FrozenInstalments {
            assert_eq!(f.total_interest, Decimal::ZERO);
            assert_eq!(f.apr_nominal_percent, Some(Decimal::ZERO));
        }
        if p.kind == ProposalKind::Settlement {
            assert_eq!(f.apr_nominal_percent, None);
        }
        assert!(f.principal_recovered_percent <= d("100"));
    }
    // Ranking: within each loan, keys never decrease and ranks count from 1.
    for l in &e.loans {
        let mine: Vec<_> = e.proposals.iter().filter(|p| p.loan_id == l.id).collect();
        assert!(mine.windows(2).all(|w| w[0].rank_key() <= w[1].rank_key()));
        assert!(mine.iter().enumerate().all(|(i, p)| p.rank as usize == i + 1));
    }
    // Allocation: exact to the fen, minimums on every debt.
    if let Some(a) = &e.allocation {
        for s in &a.strategies {
            let sum: Decimal = s.shares.iter().map(|x| x.payment).sum();
            if s.feasible {
                assert_eq!(sum + s.unallocated, a.surplus, "{:?}", s.strategy);
            }
            if s.strategy != Strategy::ProRata {
                assert!(s.shares.iter().all(|x| x.payment >= x.minimum && x.extra >= Decimal::ZERO));
                // The extra goes to one target at a time: at most one debt is
                // partly paid beyond its minimum.
            }
        }
        assert_eq!(a.token.is_some(), a.surplus <= Decimal::ZERO);
    }
    // Doing nothing only ever costs more.
    for l in &e.loans {
        if let Some(c) = &l.overdue_cost {
            assert!(c.horizons.windows(2).all(|w| w[0].owed <= w[1].owed));
            assert!(c.horizons.iter().all(|h| h.owed >= c.owed_now));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_scenarios_evaluate_with_every_invariant(doc in arb_scenario()) {
        let (s, e) = evaluate(&doc);
        check(&e);
        // A valid budget always yields proposals for every loan.
        prop_assert!(e.loans.iter().all(|l| e.proposals.iter().any(|p| p.loan_id == l.id)));
        // The JSON the evaluator prints, and the scenario round trip.
        prop_assert!(e.to_json().contains("\"proposals\""));
        prop_assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }

    /// With the same rate, a longer term costs more interest than the contract.
    #[test]
    fn longer_extension_costs_more_interest(principal in 100_000u64..1_000_000_000, rate in 1u32..200, months in 1u32..=48, extra in 1u32..=24) {
        let doc = json!({"version": 1, "loans": [{"id": "a", "principal": money(principal),
            "rate": {"value": format!("{}.{:02}", rate / 100, rate % 100), "unit": "monthly_percent"},
            "method": "equal_installment", "months": months}],
            "budget": {"income": "1000000", "expenses": "0"}});
        let s = Scenario::from_json(&doc.to_string()).unwrap();
        let debt = s.loans[0].debt(s.day_count, s.as_of);
        let an = debt.analyse().unwrap();
        let budget = xieshang::engine::LoanBudget { available: d("1000000"), forecast: None };
        let longer = xieshang::engine::proposal::term_extension(&debt, &an, &budget, Some(months + extra));
        let f = longer.figures.unwrap();
        prop_assert!(f.total_interest >= an.contract.total_interest(), "{} < {}", f.total_interest, an.contract.total_interest());
        prop_assert!(f.saving_vs_contract <= Decimal::ZERO);
    }

    #[test]
    fn pro_rata_sums_exactly(amount in 0u64..10_000_000_000, weights in prop::collection::vec(0u64..1_000_000_000, 1..8)) {
        let w: Vec<Decimal> = weights.iter().map(|x| Decimal::new(*x as i64, 2)).collect();
        let parts = pro_rata(Decimal::new(amount as i64, 2), &w);
        prop_assert_eq!(parts.iter().sum::<Decimal>(), Decimal::new(amount as i64, 2));
        prop_assert!(parts.iter().all(|p| *p >= Decimal::ZERO));
    }

    #[test]
    fn allocations_keep_minimums_and_sum_to_the_surplus(
        debts in prop::collection::vec((1u64..100_000_000, 0u32..3600, 0u64..5_000_000), 2..6),
        surplus in -1_000_000i64..20_000_000,
    ) {
        let debts: Vec<AllocationDebt> = debts.iter().enumerate().map(|(i, (b, r, m))| AllocationDebt {
            id: format!("d{i}"), balance: Decimal::new(*b as i64, 2), annual_rate_percent: Decimal::new(*r as i64, 2),
            minimum: Decimal::new(*m as i64, 2),
        }).collect();
        let plan = allocate(&debts, Decimal::new(surplus, 2));
        for s in &plan.strategies {
            let sum: Decimal = s.shares.iter().map(|x| x.payment).sum();
            if s.feasible {
                prop_assert_eq!(sum + s.unallocated, plan.surplus);
            }
            for (x, debt) in s.shares.iter().zip(&debts) {
                prop_assert!(x.payment <= debt.balance);
                if s.strategy != Strategy::ProRata {
                    prop_assert_eq!(x.minimum, debt.minimum.min(debt.balance));
                }
            }
        }
    }

    #[test]
    fn actual_day_schedules_repay_exactly(principal in 1u64..10_000_000_000, daily in 1u32..250, months in 1u32..=120, due in arb_date(), method in 0usize..4) {
        let rate = QuotedRate::new(Decimal::new(daily as i64, 4), RateUnit::DailyPercent);
        let acc = Accrual::of(&rate, Some(due));
        let s = build_schedule(Decimal::new(principal as i64, 2), &acc, months, Method::ALL[method]).unwrap();
        prop_assert_eq!(s.total_principal(), Decimal::new(principal as i64, 2));
        prop_assert_eq!(s.rows.last().unwrap().balance, Decimal::ZERO);
        prop_assert!(s.rows.iter().all(|r| r.balance >= Decimal::ZERO && r.principal >= Decimal::ZERO));
    }

    #[test]
    fn dates_step_consistently(a in arb_date(), months in -240i32..240, days in -5000i64..5000) {
        let b = a.add_days(days).unwrap();
        prop_assert_eq!(a.days_until(b), days);
        let m = a.add_months(months).unwrap();
        prop_assert!(m.day() <= a.day());
        prop_assert_eq!(Date::parse(&m.to_string()), Some(m));
    }

    #[test]
    fn rate_check_never_panics(held in 1u64..1_000_000_000, months in 1u32..=600, pay in 1u64..1_000_000_000) {
        let q = QuotedRate::new(d("0.05"), RateUnit::DailyPercent);
        let _ = rate_check(Decimal::new(held as i64, 2), months, &q, Decimal::new(pay as i64, 2));
    }
}

/// The golden fixtures, read as documents: the figures a case officer would check.
fn fixture(name: &str) -> Evaluation {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    Scenario::from_json(&text).unwrap().evaluate()
}

#[test]
fn overdue_mybank_yields_every_kind_with_figures() {
    let e = fixture("proposals-mybank-overdue");
    check(&e);
    for kind in [
        ProposalKind::TermExtension,
        ProposalKind::FrozenInstalments,
        ProposalKind::PenaltyWaiver,
        ProposalKind::PaymentHoliday,
        ProposalKind::Settlement,
        ProposalKind::CashFlowPlan,
    ] {
        assert!(e.proposals.iter().any(|p| p.kind == kind && p.figures.is_some()), "{kind:?}");
    }
    let loan = &e.loans[0];
    // PMT(1.5 %, 12, 40000) = 3667.20; the app shows 3720.00 → IRR 20.76 % > 18 % + 0.5.
    let rc = loan.rate_check.unwrap();
    assert_eq!(rc.expected_payment, d("3667.20"));
    assert!(rc.hidden_fees_likely);
    // Owed now: 40000 + 4000 + 300.
    let c = loan.overdue_cost.as_ref().unwrap();
    assert_eq!(c.owed_now, d("44300.00"));
    // Penalty so far: (4000 + 300) × 0.05 % × 1.5 × 15 days = 48.375 → 48.38.
    assert_eq!(c.penalty_so_far_estimate, d("48.38"));
    // Settlement: 32000 of 44300 → discount 12300 = 27.77 %.
    let s = e.proposals.iter().find(|p| p.kind == ProposalKind::Settlement).unwrap().figures.as_ref().unwrap();
    assert_eq!((s.discount, s.discount_percent), (Some(d("12300.00")), Some(d("27.77"))));
    // The first proposal fits.
    assert!(e.proposals[0].fits());
}

#[test]
fn three_lenders_split_the_surplus() {
    let e = fixture("proposals-three-lenders");
    check(&e);
    let a = e.allocation.as_ref().unwrap();
    // Disposable 16000 − 7000 − 500 − 1600 = 6900; owed 54550 + 20000 + 8520 = 83070.
    assert_eq!((a.surplus, a.total_owed), (d("6900"), d("83070.00")));
    let fair: Vec<Decimal> = a.strategies[0].shares.iter().map(|s| s.payment).collect();
    // 6900 × 54550 / 83070 = 4531.0581… ; × 20000 / 83070 = 1661.2495… ; × 8520 / 83070 = 707.6923…
    assert_eq!(fair, vec![d("4531.06"), d("1661.25"), d("707.69")]);
    // Minimums 4584.00 + 1782.59 + 399.39 = 6765.98; extra 134.02 to the
    // highest rate (网商贷 18 %, first of the two at 18 %) or the smallest balance (card).
    let av = &a.strategies[1];
    assert_eq!(av.shares[0].extra, d("134.02"));
    let sb = &a.strategies[2];
    assert_eq!(sb.shares[2].extra, d("134.02"));
}

#[test]
fn a_loan_that_cannot_fit_says_why() {
    let e = fixture("proposals-cannot-fit");
    check(&e);
    assert!(e.proposals.iter().all(|p| !p.fits()));
    let json: Value = serde_json::from_str(&e.to_json()).unwrap();
    let reasons: Vec<&str> = json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["infeasible"]["reason"].as_str())
        .collect();
    for r in ["above_budget_at_cap", "contract_above_budget", "no_surplus_in_forecast"] {
        assert!(reasons.contains(&r), "{r} missing from {reasons:?}");
    }
    // 330400 owed / 60 months at 0 % = 5506.67 against 900 disposable.
    let frozen = json["proposals"].as_array().unwrap().iter().find(|p| p["kind"] == "frozen_instalments").unwrap();
    assert_eq!(frozen["infeasible"]["payment_at_cap"], "5506.67");
    assert_eq!(frozen["infeasible"]["available"], "900.00");
    assert!(frozen.get("schedule").is_none());
}

#[test]
fn actual_days_fixture_accrues_by_the_calendar() {
    let e = fixture("proposals-actual-days");
    check(&e);
    let f = e.loans[0].figures.as_ref().unwrap();
    // Period 1 runs 2023-12-31 → 2024-01-31 (31 days): 30000 × 0.04 % × 31 = 372.00;
    // period 2 to 2024-02-29 (29 days).
    assert_eq!(f.schedule[0].interest, d("372.00"));
    let b1 = f.schedule[0].balance;
    assert_eq!(f.schedule[1].interest, (b1 * d("0.0004") * d("29")).round_dp(2));
    // Level instalments: the last differs only by rounding.
    assert!((f.first_payment - f.last_payment).abs() <= d("0.05"));
}

/// The largest everything the format accepts: figures or reasons, never a panic.
#[test]
fn extreme_inputs_do_not_panic() {
    for (unit, value) in [("annual_percent", "1000"), ("daily_percent", "2.7777"), ("monthly_percent", "0")] {
        for method in ["equal_installment", "equal_principal", "interest_only", "bullet"] {
            for day_count in ["30_360", "actual"] {
                let doc = json!({"version": 1, "day_count": day_count, "as_of": "2199-01-01", "loans": [
                    {"id": "a", "principal": "1000000000000", "rate": {"value": value, "unit": unit}, "method": method, "months": 600,
                     "overdue": {"days": 3650, "principal": "1000000000000", "interest": "1000000000000"},
                     "penalty": {"multiplier": "10", "compound": true, "base": "principal_and_interest"},
                     "app_payment": "1000000000000", "next_due_date": "2199-12-31", "settlement_offer": "1000000000000"},
                    {"id": "b", "principal": "0.01", "rate": {"value": value, "unit": unit}, "method": method, "months": 1,
                     "next_due_date": "1900-01-31", "settlement_offer": "0.01"}],
                    "budget": {"income": "1000000000000", "expenses": "0", "buffer_percent": "0",
                               "forecast": ["1000000000000", "-1000000000000", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0.01"]}});
                let (_, e) = evaluate(&doc);
                check(&e);
                let _ = e.to_json();
            }
        }
    }
}

#[test]
fn new_fields_are_validated_with_their_path() {
    let base = json!({"version": 1, "loans": [{"id": "a", "principal": "1000", "rate": {"value": "1", "unit": "monthly_percent"},
        "method": "equal_installment", "months": 12}]});
    let cases: Vec<(Value, &str)> = vec![
        (json!({"overdue": {"days": 4000}}), "loans[0].overdue.days"),
        (json!({"overdue": {"principal": "-1"}}), "loans[0].overdue.principal"),
        (json!({"overdue": {"dayz": 1}}), "loans[0].overdue.dayz"),
        (json!({"penalty": {"multiplier": "11", "compound": false, "base": "principal"}}), "loans[0].penalty.multiplier"),
        (json!({"penalty": {"multiplier": "1.5", "compound": false, "base": "interest"}}), "loans[0].penalty.base"),
        (json!({"penalty": {"multiplier": "1.5"}}), "loans[0].penalty"),
        (json!({"app_payment": "0"}), "loans[0].app_payment"),
        (json!({"settlement_offer": "-5"}), "loans[0].settlement_offer"),
        (json!({"next_due_date": "2025-02-30"}), "loans[0].next_due_date"),
    ];
    for (extra, path) in cases {
        let mut doc = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            doc["loans"][0][k] = v.clone();
        }
        let err = Scenario::from_json(&doc.to_string()).unwrap_err();
        assert_eq!(err.path(), path, "{err}");
    }
    let mut doc = base.clone();
    doc["day_count"] = json!("actual");
    assert_eq!(Scenario::from_json(&doc.to_string()).unwrap_err().path(), "loans[0].next_due_date");
    doc["day_count"] = json!("365");
    assert_eq!(Scenario::from_json(&doc.to_string()).unwrap_err().path(), "day_count");
    let mut doc = base.clone();
    doc["as_of"] = json!("today");
    assert_eq!(Scenario::from_json(&doc.to_string()).unwrap_err().path(), "as_of");
    let mut doc = base.clone();
    doc["budget"] = json!({"forecast": ["1", "2"]});
    let err = Scenario::from_json(&doc.to_string()).unwrap_err();
    assert_eq!(err.path(), "budget.forecast");
    assert!(err.to_string().contains("12"), "{err}");
    doc["budget"] = json!({"forecast": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", 12]});
    assert_eq!(Scenario::from_json(&doc.to_string()).unwrap_err().path(), "budget.forecast[11]");
    // Every new field optional: the base document stays valid and round-trips unchanged.
    let s = Scenario::from_json(&base.to_string()).unwrap();
    assert!(!s.to_json().contains("overdue") && !s.to_json().contains("day_count"));
}
