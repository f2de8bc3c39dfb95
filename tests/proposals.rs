//! Proposals, cost of doing nothing, allocation and day counts over random
//! scenarios: no panics, and the invariants every figure the page shows
//! relies on (see the definitions in `src/engine/proposal.rs`).

mod oracle;

use oracle::{cases, check, civil_days, d, money, month_later};
use proptest::prelude::*;
use serde_json::{json, Value};
use rust_decimal::prelude::ToPrimitive;
use xieshang::engine::allocation::{allocate, pro_rata, Strategy as Split};
use xieshang::engine::dates::Date;
use xieshang::engine::proposal::ProposalKind;
use xieshang::engine::{build_schedule, rate_check, Accrual, AllocationDebt, Decimal, Loan, Method, QuotedRate, RateUnit};
use xieshang::scenario::{Evaluation, Scenario};


prop_compose! {
    fn arb_date()(y in 2020i32..2030, m in 1u32..=12, day in 1u32..=31) -> Date {
        Date::new(y, m, day).or_else(|| Date::new(y, m, 28)).unwrap()
    }
}

/// A decimal with `scale` decimals from its mantissa, as the scenario writes it.
fn dec(mantissa: u64, scale: u32) -> String {
    Decimal::new(mantissa as i64, scale).to_string()
}

/// A quoted rate: the unit first, then a value drawn for that unit on its
/// own — realistic (daily 0.02–0.05 %, with the 0.04–0.05 % of 网商贷 and
/// 借呗 drawn often; monthly 0.3–2 %; annual 3–36 %), extreme (anything up
/// to the engine's 1000 % a year in that unit and day basis), or zero.
fn arb_rate() -> impl Strategy<Value = Value> {
    let daily = |max: u64| {
        prop_oneof![
            3 => (200u64..=500).prop_map(|m| dec(m, 4)),
            3 => (4000u64..=5000).prop_map(|m| dec(m, 5)),
            2 => (1u64..=max).prop_map(|m| dec(m, 4)),
            1 => Just("0".to_string()),
        ]
    };
    let monthly = prop_oneof![4 => (30u64..=200).prop_map(|m| dec(m, 2)), 2 => (1u64..=8333).prop_map(|m| dec(m, 2)), 1 => Just("0".to_string())];
    let annual = prop_oneof![4 => (300u64..=3600).prop_map(|m| dec(m, 2)), 2 => (1u64..=100_000).prop_map(|m| dec(m, 2)), 1 => Just("0".to_string())];
    prop_oneof![
        // 1000 %/yr is 2.7777… %/day at 360 days and 2.7397… % at 365.
        2 => daily(27_777).prop_map(|v| json!({"value": v, "unit": "daily_percent"})),
        1 => daily(27_397).prop_map(|v| json!({"value": v, "unit": "daily_percent", "day_basis": 365})),
        2 => monthly.prop_map(|v| json!({"value": v, "unit": "monthly_percent"})),
        2 => annual.prop_map(|v| json!({"value": v, "unit": "annual_percent"})),
    ]
}

prop_compose! {
    fn arb_loan()(
        principal in prop_oneof![4 => 100u64..2_000_000_000, 1 => 100u64..=100_000_000_000_000],
        rate in arb_rate(),
        method in 0usize..4,
        months in prop_oneof![2 => 1u32..=36, 2 => 37u32..=360, 1 => 361u32..=600],
        fee_share in prop::option::of(1u64..=50),
        overdue in prop::option::of((0u32..=1000, 0u64..50_000_000, 0u64..5_000_000)),
        penalty in prop::option::of((0u32..=100, any::<bool>(), any::<bool>())),
        app in prop::option::of(1u64..100_000_000),
        due in prop::option::of((arb_date(), prop::option::of(1i64..=45))),
        lump in prop::option::of(1u64..2_000_000_000),
        lender in 0usize..6,
    ) -> Value {
        let lender = ["mybank", "jiebei", "weilidai", "bank_credit", "credit_card", "other"][lender];
        let method = ["equal_installment", "equal_principal", "interest_only", "bullet"][method];
        let mut loan = json!({
            "id": "x",
            "lender": lender,
            "principal": money(principal),
            "rate": rate,
            "method": method,
            "months": months,
        });
        if let Some(share) = fee_share {
            loan["upfront_fee"] = json!(money(principal * share / 100));
        }
        if let Some((days, p, int)) = overdue {
            loan["overdue"] = json!({"days": days, "principal": money(p), "interest": money(int)});
        }
        // Multipliers 0–10 with compounding: penalties of up to 10 000 %/yr
        // compounding monthly over 1,000 days overdue.
        if let Some((m, compound, pi)) = penalty {
            loan["penalty"] = json!({"multiplier": format!("{}.{}", m / 10, m % 10), "compound": compound,
                "base": if pi { "principal_and_interest" } else { "principal" }});
        }
        if let Some(a) = app { loan["app_payment"] = json!(money(a)); }
        if let Some((due, start)) = due {
            loan["next_due_date"] = json!(due.to_string());
            if let Some(days) = start {
                loan["period_start"] = json!(due.add_days(-days).unwrap().to_string());
            }
        }
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
        repeats in any::<bool>(),
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
            if repeats { doc["budget"]["forecast_repeats"] = json!(true); }
        }
        doc
    }
}

fn evaluate(doc: &Value) -> (Scenario, Evaluation) {
    let s = Scenario::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    let e = s.evaluate();
    (s, e)
}

/// Without `as_of`, instalment k falls due in budget month k: the dues are
/// the loans' first twelve instalments, plus all arrears in month 1.
fn check_dues(s: &Scenario, e: &Evaluation) {
    let Some(b) = &e.budget.figures else { return };
    if s.as_of.is_some() {
        return;
    }
    let arrears: Decimal = e.loans.iter().filter_map(|l| l.overdue_cost.as_ref().map(|c| c.owed_now - l.principal)).sum();
    let instalment = |m: usize| -> Decimal {
        e.loans.iter().filter_map(|l| l.schedule.as_ref()).filter_map(|s| s.schedule.get(m).map(|r| r.payment)).sum()
    };
    assert_eq!(b.months[0].due, arrears + instalment(0));
    assert!((1..12).all(|m| b.months[m].due == instalment(m)));
}

proptest! {
    #![proptest_config(cases(96))]

    #[test]
    fn random_scenarios_evaluate_with_every_invariant(doc in arb_scenario()) {
        let (s, e) = evaluate(&doc);
        check(&s, &e);
        check_dues(&s, &e);
        // A valid budget always yields proposals for every loan it could analyse.
        prop_assert!(e.loans.iter().filter(|l| l.overdue_cost.is_some()).all(|l| e.proposals.iter().any(|p| p.loan_id == l.id)));
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
        let budget = xieshang::engine::LoanBudget { available: d("1000000"), forecast: None, repeats: false };
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
                if s.strategy != Split::ProRata {
                    prop_assert_eq!(x.minimum, debt.minimum.min(debt.balance));
                }
            }
            // Targets in order (highest rate, or smallest balance, first;
            // ties in input order): each gets all its room until the extra
            // runs out, so at most one is partly paid and all after it get 0.
            let mut order: Vec<usize> = (0..debts.len()).collect();
            match s.strategy {
                Split::ProRata => continue,
                Split::Avalanche => order.sort_by(|&a, &b| debts[b].annual_rate_percent.cmp(&debts[a].annual_rate_percent).then(a.cmp(&b))),
                Split::Snowball => order.sort_by(|&a, &b| debts[a].balance.cmp(&debts[b].balance).then(a.cmp(&b))),
            }
            let mut spent = false;
            for i in order {
                let (x, room) = (&s.shares[i], (debts[i].balance - s.shares[i].minimum).max(Decimal::ZERO));
                if spent {
                    prop_assert_eq!(x.extra, Decimal::ZERO, "{:?}: extra after a partial target", s.strategy);
                } else if x.extra < room {
                    spent = true;
                }
            }
        }
    }

    /// Actual days: every schedule repays exactly; each period's interest is
    /// balance × daily rate × its days (counted here with an own calendar);
    /// 等额本息's payment is P / Σₖ Πⱼ≤ₖ 1/(1 + rⱼ) rounded to the fen.
    #[test]
    fn actual_day_schedules_repay_exactly(principal in 1u64..10_000_000_000, daily in 1u32..=500, months in 1u32..=120, due in arb_date(), method in 0usize..4) {
        let rate = QuotedRate::new(Decimal::new(daily as i64, 4), RateUnit::DailyPercent);
        let acc = Accrual::of(&rate, Some(due));
        let p = Decimal::new(principal as i64, 2);
        let s = build_schedule(p, &acc, months, Method::ALL[method]).unwrap();
        prop_assert_eq!(s.total_principal(), p);
        prop_assert_eq!(s.rows.last().unwrap().balance, Decimal::ZERO);
        prop_assert!(s.rows.iter().all(|r| r.balance >= Decimal::ZERO && r.principal >= Decimal::ZERO));
        let days: Vec<i64> = (1..=months as i64).map(|k| civil_days(month_later(due, k - 1)) - civil_days(month_later(due, k - 2))).collect();
        if Method::ALL[method] != Method::Bullet {
            let mut before = p;
            for (r, d) in s.rows.iter().zip(&days) {
                // fen × daily (mantissa/10^4 %) × days: exact in integers, half away from zero.
                let x = (before * Decimal::ONE_HUNDRED).to_i128().unwrap() * i128::from(daily) * i128::from(*d as u32);
                let den = 1_000_000i128;
                prop_assert_eq!(r.interest, Decimal::from_i128_with_scale((2 * x + den) / (2 * den), 2), "period {}", r.period);
                before = r.balance;
            }
        }
        if Method::ALL[method] == Method::EqualInstallment && months > 1 {
            let (mut discount, mut sum) = (1.0f64, 0.0f64);
            for d in &days {
                discount /= 1.0 + f64::from(daily) / 1e6 * *d as f64;
                sum += discount;
            }
            let level = principal as f64 / 100.0 / sum;
            let tolerance = level * 1e-12 + 1e-9;
            let fen = |x: f64| Decimal::try_from(x).unwrap().round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            let a = s.rows[0].payment;
            // A few fen less only where the rounded payment would repay too fast (tiny loans).
            prop_assert!(a == fen(level - tolerance) || a == fen(level + tolerance) || (a < fen(level) && p < d("100")),
                "payment {} vs level {}", a, level);
        }
    }

    #[test]
    fn dates_step_consistently(a in arb_date(), months in -240i32..240, days in -5000i64..5000) {
        let b = a.add_days(days).unwrap();
        prop_assert_eq!(a.days_until(b), days);
        let m = a.add_months(months).unwrap();
        prop_assert!(m.day() <= a.day());
        prop_assert_eq!(Date::parse(&m.to_string()), Some(m));
    }

    /// Any loan and any app payment: a plausible rate (0–1000 %/yr) or an
    /// error, never a panic; an honest payment is never flagged.
    #[test]
    fn rate_check_never_panics(principal in 100u64..1_000_000_000, months in 1u32..=600, pay in 1u64..1_000_000_000, method in 0usize..4, daily in 0u32..=500) {
        let rate = QuotedRate::new(Decimal::new(daily as i64, 4), RateUnit::DailyPercent);
        let loan = Loan { principal: Decimal::new(principal as i64, 2), rate, method: Method::ALL[method], months, upfront_fee: Decimal::ZERO };
        let contract = loan.schedule().unwrap();
        if let Ok(r) = rate_check(&loan, &contract, Decimal::new(pay as i64, 2)) {
            prop_assert!(r.implied_rate_percent >= Decimal::ZERO && r.implied_rate_percent <= d("1000"));
            prop_assert!(r.apr_nominal_percent >= Decimal::ZERO && r.apr_nominal_percent <= d("1000"));
        }
        let honest = if loan.method == Method::Bullet { contract.last_payment() } else { contract.first_payment() };
        if let Ok(r) = rate_check(&loan, &contract, honest) {
            prop_assert!(!r.hidden_fees_likely && r.gap_points == Decimal::ZERO, "{:?}", r);
        }
    }
}

/// The golden fixtures, read as documents: the figures a case officer would check.
fn fixture(name: &str) -> Evaluation {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let s = Scenario::from_json(&text).unwrap();
    let e = s.evaluate();
    check(&s, &e);
    e
}

#[test]
fn overdue_mybank_yields_every_kind_with_figures() {
    let e = fixture("proposals-mybank-overdue");
    // Months 6 and 7 of the forecast are deficits (6,000 and 4,000 of
    // income against 6,000 of expenses): every level instalment meets
    // them, so the extension sized to fit, frozen instalments and the
    // waiver say why instead of showing figures that do not fit (issue 9:
    // they used to be sized on the flat budget alone).
    for kind in [ProposalKind::TermExtension, ProposalKind::PaymentHoliday, ProposalKind::Settlement, ProposalKind::CashFlowPlan] {
        assert!(e.proposals.iter().any(|p| p.kind == kind && p.figures.is_some()), "{kind:?}");
    }
    let reason = |kind: ProposalKind| serde_json::to_value(e.proposals.iter().find(|p| p.kind == kind && p.infeasible.is_some()).unwrap().infeasible).unwrap();
    assert_eq!(reason(ProposalKind::FrozenInstalments), json!({"reason": "no_budget", "available": "-2400.00", "month": 7}));
    assert_eq!(reason(ProposalKind::PenaltyWaiver), json!({"reason": "contract_above_budget", "contract_payment": "3667.20", "available": "-600.00", "month": 6}));
    // No level plan fits; the cash-flow plan does (it pays each month's
    // surplus, nothing in months 6 and 7, at the contract rate), so it is
    // both plans' pick — after every level kind in the acceptance order.
    for plan in &e.plans {
        assert!(plan.fits && plan.failing.is_empty(), "{:?}", plan.goal);
        let pick = &plan.picks[0];
        assert_eq!((pick.kind, pick.months, pick.total_paid), (ProposalKind::CashFlowPlan, 12, d("49192.46")));
        let pays: Vec<Decimal> = pick.schedule.iter().map(|r| r.payment).collect();
        assert_eq!(pays[..8], [d("1200"), d("2100"), d("4800"), d("7500"), d("4800"), Decimal::ZERO, Decimal::ZERO, d("4800")]);
        // The unpaid interest of months 6–7 joins the balance, and it says so.
        assert!(pick.balance_rises);
    }
    assert_eq!(e.plans[0].months[6].date, Date::parse("2025-09-25"));
    // The cash-flow card asks the same: it is marked as the plans' pick.
    let card = e.proposals.iter().find(|p| p.kind == ProposalKind::CashFlowPlan).unwrap();
    assert_eq!(card.in_plans.len(), 2);
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
    let a = e.allocation.as_ref().unwrap();
    // Disposable 16000 − 7000 − 500 − 1600 = 6900; owed 54550 + 20000 + 8520 = 83070.
    assert_eq!((a.surplus, a.total_owed), (d("6900"), d("83070.00")));
    let fair: Vec<Decimal> = a.strategies[0].shares.iter().map(|s| s.payment).collect();
    // 6900 × 54550 / 83070 = 4531.0581… ; × 20000 / 83070 = 1661.2495… ; × 8520 / 83070 = 707.6923…
    assert_eq!(fair, vec![d("4531.06"), d("1661.25"), d("707.69")]);
    // Minimums include the arrears: 4584.00 + 4550.00 (网商贷), 1782.59
    // (借呗), 399.39 + 520.00 (card) = 11835.98, 4935.98 more than the
    // 6900 available: avalanche and snowball cannot keep every loan current.
    // (Without the arrears they used to look feasible with 134.02 to spare.)
    let av = &a.strategies[1];
    let minimums: Vec<Decimal> = av.shares.iter().map(|s| s.minimum).collect();
    assert_eq!(minimums, vec![d("9134.00"), d("1782.59"), d("919.39")]);
    assert_eq!((av.feasible, av.shortfall, a.total_minimums), (false, d("4935.98"), d("11835.98")));
    assert!(!a.strategies[2].feasible);
}

#[test]
fn a_loan_that_cannot_fit_says_why() {
    let e = fixture("proposals-cannot-fit");
    assert!(e.proposals.iter().all(|p| !p.fits()));
    let json: Value = serde_json::from_str(&e.to_json()).unwrap();
    let reasons: Vec<&str> = json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["infeasible"]["reason"].as_str())
        .collect();
    for r in ["no_budget", "contract_above_budget", "no_surplus_in_forecast"] {
        assert!(reasons.contains(&r), "{r} missing from {reasons:?}");
    }
    // Every forecast month is 50 short (5000 − 4500 − 300 − 5 % of 5000):
    // instalments are sized on what the borrower really has, not on the
    // flat 900 (issue 9), and month 1 already has nothing.
    let frozen = json["proposals"].as_array().unwrap().iter().find(|p| p["kind"] == "frozen_instalments").unwrap();
    assert_eq!(frozen["infeasible"], json!({"reason": "no_budget", "available": "-50.00", "month": 1}));
    assert!(frozen.get("schedule").is_none());
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(format!("{}/tests/fixtures/proposals-cannot-fit.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap();
    // The same year not repeating: from month 13 the ordinary month's 900
    // (6000 − 4500 − 300 − 300), which does not clear 330,400 in 120 months.
    doc["budget"].as_object_mut().unwrap().remove("forecast_repeats");
    let (s, once) = evaluate(&doc);
    check(&s, &once);
    let cash = once.proposals.iter().find(|p| p.kind == ProposalKind::CashFlowPlan).unwrap();
    assert_eq!(serde_json::to_value(cash.infeasible).unwrap(), json!({"reason": "not_cleared_within_cap", "cap_months": 120}));
    // Without the forecast: 330400 owed / 60 months at 0 % = 5506.67 against 900.
    doc["budget"].as_object_mut().unwrap().remove("forecast");
    let (s, flat) = evaluate(&doc);
    check(&s, &flat);
    let frozen = flat.proposals.iter().find(|p| p.kind == ProposalKind::FrozenInstalments).unwrap();
    assert_eq!(serde_json::to_value(frozen.infeasible).unwrap(), json!({"reason": "above_budget_at_cap", "cap_months": 60, "payment_at_cap": "5506.67", "available": "900.00"}));
}

#[test]
fn actual_days_fixture_accrues_by_the_calendar() {
    let e = fixture("proposals-actual-days");
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
                let (s, e) = evaluate(&doc);
                check(&s, &e);
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
        (json!({"next_due_date": "2025-02-10", "period_start": "2025-02-10"}), "loans[0].period_start"),
        (json!({"next_due_date": "2025-02-10", "period_start": "2024-01-01"}), "loans[0].period_start"),
        (json!({"period_start": "2025-02-30"}), "loans[0].period_start"),
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

/// `loans[].period_start` (issue 7, item 11): a loan paid out on 2024-01-20
/// with its first due date 2024-01-31 accrues 11 days in its first period,
/// not 31. ¥12,000 at 0.05 %/day 先息后本: 12000 × 0.0005 × 11 = 66.00, then
/// 29 days (174.00) to 2024-02-29. Without the field the first period is the
/// month from 2023-12-31 (186.00). In 30/360 mode the field changes nothing.
#[test]
fn period_start_gives_a_short_first_period_in_actual_days() {
    let doc = |start: Option<&str>, day_count: &str| {
        let mut loan = json!({"id": "a", "principal": "12000", "rate": {"value": "0.05", "unit": "daily_percent"},
            "method": "interest_only", "months": 3, "next_due_date": "2024-01-31"});
        if let Some(s) = start {
            loan["period_start"] = json!(s);
        }
        json!({"version": 1, "day_count": day_count, "loans": [loan], "budget": {"income": "9000", "expenses": "1000"}})
    };
    let interest = |e: &Evaluation| -> Vec<Decimal> {
        e.loans[0].figures.as_ref().unwrap().schedule.iter().map(|r| r.interest).collect()
    };
    let (s, short) = evaluate(&doc(Some("2024-01-20"), "actual"));
    assert_eq!(s.loans[0].period_start, Date::parse("2024-01-20"));
    assert_eq!(interest(&short), vec![d("66.00"), d("174.00"), d("186.00")]);
    let (_, whole) = evaluate(&doc(None, "actual"));
    assert_eq!(interest(&whole), vec![d("186.00"), d("174.00"), d("186.00")]);
    let (_, monthly) = evaluate(&doc(Some("2024-01-20"), "30_360"));
    assert_eq!(interest(&monthly), vec![d("180.00"); 3]);
    // The field round-trips, written as the date it was given.
    assert!(s.to_json().contains("\"period_start\": \"2024-01-20\""));
}

/// The 24 %/yr court note (issue 7, item 8) weighs fees too: a 12 %/yr loan
/// with a ¥1,000 fee deducted from ¥10,000 costs a true 32.3 %/yr (IRR of
/// 888.49 a month on ¥9,000 held), while its penalty rate is 18 %/yr. The
/// note is due, and it says the APR is what is above.
#[test]
fn the_court_note_counts_fees() {
    let doc = json!({"version": 1, "loans": [{"id": "a", "principal": "10000", "upfront_fee": "1000",
        "rate": {"value": "12", "unit": "annual_percent"}, "method": "equal_installment", "months": 12}]});
    let (_, e) = evaluate(&doc);
    let c = e.loans[0].overdue_cost.as_ref().unwrap();
    assert!(c.above_court_guideline);
    let g = c.court_guideline;
    assert!(g.true_apr_above && !g.penalty_rate_above);
    assert_eq!(Some(g.true_apr_percent.unwrap()), e.loans[0].figures.as_ref().map(|f| f.apr_nominal_percent));
    assert!(g.true_apr_percent.unwrap() > d("32") && g.true_apr_percent.unwrap() < d("33"));
}

/// The budget looks at every amount due in the next 12 months (issue 7,
/// item 4). A ¥100,000 bullet at 1 %/month over 3 months is ¥103,000 due in
/// month 3: DTI 0 % and "fits" before, now month 3 does not fit and DTI is
/// 103000 / 12000 = 858.33 %.
#[test]
fn the_budget_sees_balloons_and_arrears() {
    let doc = json!({"version": 1, "loans": [{"id": "a", "principal": "100000", "rate": {"value": "1", "unit": "monthly_percent"},
        "method": "bullet", "months": 3}], "budget": {"income": "12000", "expenses": "4000"}});
    let (_, e) = evaluate(&doc);
    let b = e.budget.figures.unwrap();
    assert_eq!((b.fits, b.peak_month, b.peak_due, b.dti_percent), (false, 3, d("103000.00"), Some(d("858.33"))));
    assert_eq!((b.months[0].due, b.months[2].due, b.months[3].due), (d("0"), d("103000.00"), d("0")));
    let json: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!((json["budget"]["peak_month"].clone(), json["budget"]["peak_due"].clone()), (json!(3), json!("103000.00")));
    assert_eq!(json["budget"]["months"].as_array().unwrap().len(), 12);

    // 75 days behind with ¥10,500 of arrears on a ¥1,000-a-month loan: the
    // arrears are due now, so month 1 (11,000) does not fit 6,800.
    let doc = json!({"version": 1, "loans": [{"id": "a", "principal": "12000", "rate": {"value": "0", "unit": "annual_percent"},
        "method": "equal_installment", "months": 12, "overdue": {"days": 75, "principal": "10000", "interest": "500"}}],
        "budget": {"income": "12000", "expenses": "4000"}});
    let (_, e) = evaluate(&doc);
    let b = e.budget.figures.unwrap();
    assert_eq!((b.fits, b.peak_month, b.peak_due, b.margin), (false, 1, d("11500.00"), d("-4700.00")));
    assert!(b.months[1..].iter().all(|m| m.fits && m.due == d("1000.00")));

    // With today and the next due date known, instalments fall in their
    // calendar month: next due 2025-04-05 seen on 2025-03-10 is month 2.
    let doc = json!({"version": 1, "as_of": "2025-03-10", "loans": [{"id": "a", "principal": "1200", "rate": {"value": "0", "unit": "annual_percent"},
        "method": "equal_installment", "months": 12, "next_due_date": "2025-04-05"}], "budget": {"income": "1000"}});
    let (_, e) = evaluate(&doc);
    let b = e.budget.figures.unwrap();
    assert_eq!((b.months[0].due, b.months[1].due, b.months[11].due), (d("0"), d("100.00"), d("100.00")));
}

/// Avalanche and snowball keep each debt's minimum including its arrears,
/// and rank an overdue debt by the penalty rate it accrues (issue 7, item 4):
/// "b" at 15 %/yr, overdue, accrues 15 × 1.5 = 22.5 % and takes the extra
/// before "a" at 18 %.
#[test]
fn allocation_counts_arrears_and_the_penalty_rate() {
    let doc = json!({"version": 1, "loans": [
        {"id": "a", "principal": "12000", "rate": {"value": "18", "unit": "annual_percent"}, "method": "equal_installment", "months": 12},
        {"id": "b", "principal": "12000", "rate": {"value": "15", "unit": "annual_percent"}, "method": "equal_installment", "months": 12,
         "overdue": {"days": 40, "principal": "900", "interest": "150"}}],
        "budget": {"income": "20000", "expenses": "10000", "buffer_percent": "0"}});
    let (_, e) = evaluate(&doc);
    let a = e.allocation.as_ref().unwrap();
    let av = &a.strategies[1];
    // Minimums: PMT(1.5 %, 12, 12000) = 1100.16; PMT(1.25 %, 12, 12000) = 1083.10 + 1050 arrears.
    assert_eq!((av.shares[0].minimum, av.shares[1].minimum), (d("1100.16"), d("2133.10")));
    assert_eq!(av.shares[0].extra, d("0"));
    assert_eq!(av.shares[1].extra, d("10000") - d("1100.16") - d("2133.10"));
    assert_eq!(a.total_minimums, d("3233.26"));
}

/// Where a level payment rounded once fails (decades at credit-card rates:
/// a fen a month compounds to hundreds of yuan), each month's payment is
/// re-solved (`schedule`'s module docs). Every proposal that states a term
/// pays in each month of it: its level months all pay, within ¥1 or a tenth
/// of their first payment of each other (unless a month's interest alone is
/// more than a payment), and the term it states is its months (a card said
/// 335 months while its schedule paid in 334).
fn check_stated_terms(e: &Evaluation) -> Result<(), TestCaseError> {
    for p in &e.proposals {
        let (Some(f), Some(term)) = (&p.figures, p.params.term_months) else { continue };
        prop_assert_eq!(f.months, term, "{:?} states {} months", p.kind, term);
        // The months before the level ones: a holiday's, or a deferral's.
        let before = match p.kind {
            ProposalKind::PaymentHoliday => p.params.holiday_months.unwrap_or(0),
            ProposalKind::FrozenInstalments => p.params.deferred_months.unwrap_or(0),
            _ => 0,
        } as usize;
        let level = &f.schedule[before.min(f.schedule.len())..];
        let Some(first) = level.first() else { continue };
        // A fen a month at least (else equal fen payments cannot repay).
        if first.balance + first.principal < Decimal::new(level.len() as i64, 2) {
            continue;
        }
        let tolerance = (first.payment / Decimal::TEN).max(Decimal::ONE);
        prop_assert!(level.iter().all(|r| r.payment > Decimal::ZERO), "{:?}: a month of ¥0.00", p.kind);
        // In actual days a loan that barely amortises has a level payment
        // below a 31-day month's interest: those months pay their interest.
        let (low, high) = level.iter().fold((Decimal::MAX, Decimal::ZERO), |(l, h), r| (l.min(r.payment), h.max(r.interest)));
        if high > low {
            continue;
        }
        prop_assert!(level.iter().all(|r| (r.payment - first.payment).abs() <= tolerance), "{:?}: beyond {} of {}", p.kind, tolerance, first.payment);
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(64))]

    /// Long loans at high monthly rates, budgets tight enough that the
    /// shortest extension runs to hundreds of months.
    #[test]
    fn stated_terms_are_the_months_paid(
        principal in 100_000u64..10_000_000,
        rate in 150u64..=300,
        months in 200u32..=560,
        overdue in prop::option::of(0u64..500_000),
        income in 0u64..2_000_000,
        actual in any::<bool>(),
    ) {
        let mut loan = json!({"id": "l0", "lender": "other", "principal": money(principal),
            "rate": {"value": dec(rate, 2), "unit": "monthly_percent"}, "method": "equal_installment", "months": months});
        if let Some(o) = overdue {
            loan["overdue"] = json!({"days": 40, "principal": money(o), "interest": money(o / 50)});
        }
        let mut doc = json!({"version": 1, "loans": [loan], "budget": {"income": money(income), "expenses": "0"}});
        if actual {
            doc["day_count"] = json!("actual");
            doc["loans"][0]["next_due_date"] = json!("2025-01-31");
        }
        let (_, e) = evaluate(&doc);
        check_stated_terms(&e)?;
    }
}
