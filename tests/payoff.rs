//! Property tests of the plan over time: prepayments
//! (`engine::prepay`), the term from a target payment (`engine::solve`) and
//! the payoff across lenders (`engine::payoff`).
//!
//! Each property restates a rule of the module docs and checks it against
//! the output alone (balances, payments, minimums), not against a second
//! copy of the algorithm. `PROPTEST_CASES=N` overrides the case counts.

// Amounts are written in fen: 100_00 is ¥100.00.
#![allow(clippy::inconsistent_digit_grouping)]

use proptest::prelude::*;
use std::str::FromStr;
use xieshang::engine::payoff::{LoanMonth, PayoffMonth};
use xieshang::engine::{
    payoff, prepay, solve_months, Debt, Decimal, Lender, Loan, Method, Overdue, PayoffBudget, PayoffDebt, PayoffKind,
    PayoffPlan, PayoffStrategy, PrepayEffect, PrepayPlan, Prepayment, QuotedRate, RateUnit, Schedule, SolveError,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    // Some properties assume away part of the input space (short months).
    ProptestConfig { cases, failure_persistence: None, max_global_rejects: cases.max(1024), ..ProptestConfig::default() }
}

fn fen_amount(lo: i64, hi: i64) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(|c| Decimal::new(c, 2))
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

/// A monthly rate as a fraction, 0–3 % with up to six decimals of a percent
/// (so long expansions such as 4.9 %/12 are covered by `rate_of_annual`).
fn monthly_rate() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        1 => Just(Decimal::ZERO),
        4 => (1i64..=30_000).prop_map(|m| Decimal::new(m, 6)),
        2 => (1i64..=3600).prop_map(|a| Decimal::new(a, 2) / Decimal::from(1200)),
    ]
}

// ---------------------------------------------------------------------------
// Prepayments
// ---------------------------------------------------------------------------

fn effect() -> impl Strategy<Value = PrepayEffect> {
    prop_oneof![Just(PrepayEffect::ShortenTerm), Just(PrepayEffect::LowerPayment)]
}

prop_compose! {
    fn loan_and_plan()(principal in fen_amount(100_00, 5_000_000_00), i in monthly_rate(), months in 1u32..=360, m in method())
        (prepayments in prop::collection::vec((1..=months, fen_amount(0, principal.mantissa() as i64), effect()), 0..4),
         extra in prop_oneof![3 => Just(Decimal::ZERO), 1 => fen_amount(0, 5_000_00)],
         fee in prop_oneof![Just(Decimal::ZERO), Just(d("1")), Just(d("2.5"))],
         principal in Just(principal), i in Just(i), months in Just(months), m in Just(m))
        -> (Decimal, Decimal, u32, Method, PrepayPlan) {
        let prepayments = prepayments.into_iter().map(|(month, amount, effect)| Prepayment { month, amount, effect }).collect();
        (principal, i, months, m, PrepayPlan { prepayments, extra_monthly: extra, fee_percent: fee })
    }
}

proptest! {
    #![proptest_config(cases(300))]

    /// The principal parts sum exactly to the principal, the last balance is
    /// 0.00, no balance is negative, everything paid is principal +
    /// interest + fees, the term never grows, and no interest is added.
    #[test]
    fn prepaid_schedules_repay_exactly((p, i, n, m, plan) in loan_and_plan()) {
        let out = prepay(p, i, n, m, &plan).unwrap();
        let rows = out.rows();
        prop_assert_eq!(rows.iter().map(|r| r.principal).sum::<Decimal>(), p);
        prop_assert_eq!(rows.last().unwrap().balance, Decimal::ZERO);
        prop_assert!(rows.iter().all(|r| r.balance >= Decimal::ZERO && r.principal >= Decimal::ZERO && r.interest >= Decimal::ZERO));
        prop_assert!(rows.iter().enumerate().all(|(k, r)| r.period == k as u32 + 1));
        prop_assert_eq!(out.total_paid(), p + out.total_interest + out.fees);
        // Saved months are counted against the months the contract really pays:
        // a rounded-up level payment can clear the balance before month n.
        let paying = Schedule::build(p, i, n, m).unwrap().paying_months();
        prop_assert!(out.months <= paying && out.months_saved == paying - out.months, "{} of {} ({} paying)", out.months, n, paying);
        let fee_rate = plan.fee_percent / Decimal::ONE_HUNDRED;
        prop_assert!(out.schedule.iter().all(|r| r.fee == xieshang::engine::fen(r.prepaid * fee_rate)));
        // Paying principal earlier never adds interest (a fen of rounding per prepaid month aside).
        let prepaid_months = out.schedule.iter().filter(|r| !r.prepaid.is_zero()).count();
        prop_assert!(out.interest_saved >= -Decimal::new(prepaid_months as i64, 2), "saved {}", out.interest_saved);
    }

    /// Nothing prepaid: the contract schedule, row for row, until the
    /// contract clears its balance (a level payment that finishes early
    /// owes nothing after that), and nothing saved.
    #[test]
    fn no_prepayment_is_the_contract(p in fen_amount(1, 10_000_000_00), i in monthly_rate(), n in 1u32..=600, m in method()) {
        let out = prepay(p, i, n, m, &PrepayPlan::default()).unwrap();
        let contract = Schedule::build(p, i, n, m).unwrap();
        let paying = contract.paying_months() as usize;
        prop_assert!(contract.rows[paying..].iter().all(|r| r.payment.is_zero()));
        prop_assert_eq!(out.rows(), &contract.rows[..paying]);
        prop_assert_eq!((out.months_saved, out.interest_saved), (0, Decimal::ZERO));
    }

    /// For one prepayment, shortening the term costs no more interest than
    /// lowering the payment, and lowering the payment keeps the maturity
    /// (the contract's own, which may end before month n) unless the
    /// prepayment clears the loan or the lowered level payment,
    /// rounded, clears it early (found by this test: ¥12,708.97 at 2.8283 %
    /// a month over 301 months, ¥9,688.21 prepaid in month 50 → 300 months).
    ///
    /// Not for a 等额本息 contract whose last instalment exceeds the level
    /// one by more than ¥1: on long high-rate loans the rounded payment would repay too
    /// early, so the schedule pays a fen less and its last instalment
    /// absorbs the shortfall compounded (¥1,906.23 at 2.8758 % a month over
    /// 280 months, found by this test). Keeping that short instalment then
    /// costs more than a fresh re-amortisation.
    #[test]
    fn shorten_term_saves_at_least_as_much(p in fen_amount(1000_00, 1_000_000_00), i in monthly_rate(), n in 2u32..=360, m in method(), at in 0.0f64..1.0, share in 0.01f64..0.9) {
        let month = 1 + ((n - 1) as f64 * at) as u32;
        let amount = xieshang::engine::fen(p * Decimal::from_f64_retain(share).unwrap());
        let plan = |effect| PrepayPlan { prepayments: vec![Prepayment { month, amount, effect }], ..PrepayPlan::default() };
        let contract = Schedule::build(p, i, n, m).unwrap();
        prop_assume!(m != Method::EqualInstallment || contract.last_payment() <= contract.first_payment() + Decimal::ONE);
        let s = prepay(p, i, n, m, &plan(PrepayEffect::ShortenTerm)).unwrap();
        let l = prepay(p, i, n, m, &plan(PrepayEffect::LowerPayment)).unwrap();
        prop_assert!(s.total_interest <= l.total_interest + d("0.01"), "shorten {} lower {}", s.total_interest, l.total_interest);
        let after = l.schedule[month as usize - 1].row.balance;
        // The re-amortised rest's rounded payment may itself clear early
        // (`Schedule::paying_months`, as the contract's may).
        let rest_ends = || month < n && l.months == month + Schedule::build(after, i, n - month, m).unwrap().paying_months();
        // The maturity kept is the contract's own: a rounded-up level payment
        // can clear the contract before month n (found in CI: ¥26,353.03 at
        // 2.7124 % a month over 341 months ends in month 340, and so does
        // lowering the payment after 1 % prepaid in month 1).
        prop_assert!(after.is_zero() || l.months == n || l.months == contract.paying_months() || rest_ends(), "{} months", l.months);
        if m == Method::Bullet {
            prop_assert_eq!(s.rows(), l.rows());
        }
    }
}

// ---------------------------------------------------------------------------
// Solver
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(300))]

    /// Paying the contract's 等额本息 instalment gives back its term (one
    /// more month when the contract's last instalment absorbed more than
    /// the instalment), and the months agree with the closed-form NPER.
    #[test]
    fn solver_inverts_the_annuity(p in fen_amount(100_00, 10_000_000_00), i in monthly_rate(), n in 1u32..=360) {
        let s = Schedule::build(p, i, n, Method::EqualInstallment).unwrap();
        let a = s.first_payment();
        match solve_months(p, i, a) {
            Ok(got) => {
                // The contract's payment is its rounded annuity, its last
                // instalment absorbing the remainder; where that last would
                // stray beyond the level tolerance (long high-rate loans,
                // tiny long ones), the contract's payments are re-solved a
                // fen at a time (`schedule`'s module docs) and paying its
                // first payment every month clears it a little sooner or
                // later (¥14,703.14 at 2.4224 % a month over 335 months pays
                // 356.29 or 356.28 each month; 356.29 flat clears in 334
                // months, ¥235.75 last): only the bounds below hold then.
                let paying: Vec<_> = s.rows.iter().filter(|r| r.payment > Decimal::ZERO).collect();
                let level = s.rows.iter().rev().skip(1).all(|r| r.payment == a);
                if !level {
                } else if s.last_payment() <= a {
                    prop_assert_eq!(got.months as usize, paying.len());
                    prop_assert_eq!(Some(got.last_payment), paying.last().map(|r| r.payment));
                } else {
                    prop_assert!(got.months > n);
                }
                prop_assert!(got.last_payment > Decimal::ZERO && got.last_payment <= a);
                let paid = a * Decimal::from(got.months - 1) + got.last_payment;
                prop_assert_eq!(paid, xieshang::engine::fen(p) + got.total_interest);
                // NPER = −ln(1 − P·i/A) / ln(1 + i), in floating point: within
                // a month of it for a payment half a fen either side — each
                // month's interest is rounded to the fen, which moves the
                // term by months when A barely exceeds P·i (¥46.46 against
                // ¥46.45 of interest: 325 months, NPER 323.0; found by this test).
                let (pf, fi, af): (f64, f64, f64) = (p.try_into().unwrap(), i.try_into().unwrap(), a.try_into().unwrap());
                let nper = |af: f64| {
                    let m = if fi == 0.0 { pf / af } else { -(1.0 - pf * fi / af).ln() / (1.0 + fi).ln() };
                    if m.is_finite() { m } else { f64::INFINITY }
                };
                let (fewest, most) = (nper(af + 0.005).ceil() - 1.0, nper(af - 0.005).ceil() + 1.0);
                let months = f64::from(got.months);
                prop_assert!(months >= fewest && months <= most, "months {} between {fewest} and {most}", got.months);
            }
            // A one-month loan's instalment is principal + interest: fine. A
            // refusal is only possible for instalments at the interest.
            Err(e) => prop_assert!(matches!(e, SolveError::BelowInterest { .. } | SolveError::BeyondMaxMonths), "{e}"),
        }
    }

    /// Paying more never takes longer.
    #[test]
    fn solver_is_monotone(p in fen_amount(100_00, 1_000_000_00), i in monthly_rate(), a in fen_amount(1, 100_000_00), more in fen_amount(1, 10_000_00)) {
        if let (Ok(x), Ok(y)) = (solve_months(p, i, a), solve_months(p, i, a + more)) {
            prop_assert!(y.months <= x.months);
        }
    }
}

// ---------------------------------------------------------------------------
// Payoff across lenders
// ---------------------------------------------------------------------------

prop_compose! {
    /// A debt from a real contract schedule of one of `methods`, sometimes overdue.
    fn arb_debt(methods: Vec<Method>)(principal in fen_amount(100_00, 500_000_00), i in monthly_rate(), months in 1u32..=120, m in prop::sample::select(methods),
                  overdue in prop::option::of((fen_amount(0, 20_000_00), fen_amount(0, 2_000_00))), multiplier in 10i64..=20)
        -> PayoffDebt {
        let schedule = Schedule::build(principal, i, months, m).unwrap();
        let (op, oi) = overdue.unwrap_or_default();
        PayoffDebt {
            id: String::new(),
            principal: principal + op,
            interest: oi,
            monthly_rate: i.into(),
            penalty_rate: i * Decimal::new(multiplier, 1),
            instalments: schedule.payments(),
            overdue_due_now: op + oi,
        }
    }
}

fn debts(max: usize) -> impl Strategy<Value = Vec<PayoffDebt>> {
    debts_of(max, Method::ALL.to_vec())
}

fn debts_of(max: usize, methods: Vec<Method>) -> impl Strategy<Value = Vec<PayoffDebt>> {
    prop::collection::vec(arb_debt(methods), 1..=max).prop_map(|mut v| {
        for (k, d) in v.iter_mut().enumerate() {
            d.id = format!("loan{k}");
        }
        v
    })
}

fn strategy() -> impl Strategy<Value = PayoffStrategy> {
    prop_oneof![
        Just(PayoffStrategy::Avalanche),
        Just(PayoffStrategy::Snowball),
        Just(PayoffStrategy::ProRata),
        Just(PayoffStrategy::Custom(vec!["loan2".into(), "loan0".into()])),
    ]
}

/// A budget around the first month's minimums (sometimes short, sometimes far above).
fn budget_for(debts: &[PayoffDebt], factor: u32) -> Decimal {
    let first: Decimal = debts.iter().map(|d| d.instalments[0] + d.overdue_due_now).sum();
    xieshang::engine::fen(first * Decimal::new(i64::from(factor), 2)) + Decimal::from(factor)
}

fn run(debts: &[PayoffDebt], budget: Decimal, s: &PayoffStrategy) -> PayoffPlan {
    let debts: Vec<PayoffDebt> = debts.to_vec();
    let s = match s {
        PayoffStrategy::Custom(ids) => PayoffStrategy::Custom(ids.iter().filter(|id| debts.iter().any(|d| &d.id == *id)).cloned().collect()),
        other => other.clone(),
    };
    payoff(&debts, &PayoffBudget::Flat(budget), &s).unwrap()
}

/// The minimum each debt owed in `month`, restated from the rule: its
/// contract instalment plus arrears, or all it owes after the month's
/// interest when smaller; everything from the contract's last month on.
fn expected_due(debt: &PayoffDebt, month: &PayoffMonth, lm: &LoanMonth, arrears: Decimal) -> Decimal {
    let owed = lm.balance + lm.paid;
    match debt.instalments.get(month.month as usize - 1) {
        Some(inst) if (month.month as usize) < debt.instalments.len() => owed.min(*inst + arrears),
        _ => owed,
    }
}

proptest! {
    #![proptest_config(cases(200))]

    /// Every loan reaches 0.00 exactly; total paid = what was owed +
    /// interest − what is still owed; the timeline adds up; debt-free month,
    /// paid-off months and the 600-month stop agree with the balances.
    #[test]
    fn payoff_repays_exactly(debts in debts(6), factor in 50u32..400, s in strategy()) {
        let budget = budget_for(&debts, factor);
        let plan = run(&debts, budget, &s);
        let owed: Decimal = debts.iter().map(|d| d.owed()).sum();
        let last = plan.timeline.last().unwrap();
        prop_assert_eq!(plan.total_paid, owed + plan.total_interest - last.balance);
        prop_assert_eq!(plan.timeline.iter().map(|m| m.paid).sum::<Decimal>(), plan.total_paid);
        for m in &plan.timeline {
            prop_assert_eq!(m.loans.iter().map(|l| l.paid).sum::<Decimal>(), m.paid);
            prop_assert_eq!(m.loans.iter().map(|l| l.balance).sum::<Decimal>(), m.balance);
            prop_assert!(m.loans.iter().all(|l| l.balance >= Decimal::ZERO && l.paid >= Decimal::ZERO));
            prop_assert!(m.paid <= budget);
        }
        match plan.debt_free_month {
            Some(k) => {
                prop_assert_eq!(plan.timeline.len(), k as usize);
                prop_assert_eq!(last.balance, Decimal::ZERO);
                prop_assert_eq!(last.balance.to_string(), "0.00");
            }
            None => {
                prop_assert_eq!(plan.timeline.len(), 600);
                prop_assert!(last.balance > Decimal::ZERO);
            }
        }
        for (j, l) in plan.loans.iter().enumerate() {
            let first_zero = plan.timeline.iter().position(|m| m.loans[j].balance.is_zero()).map(|k| k as u32 + 1);
            prop_assert_eq!(l.paid_off_month, first_zero);
            if let Some(k) = first_zero {
                prop_assert!(plan.timeline[k as usize..].iter().all(|m| m.loans[j].balance.is_zero() && m.loans[j].paid.is_zero()));
            }
        }
    }

    /// Minimums follow the rule and are never diverted: in a month that
    /// fits, every debt gets at least its minimum; a month whose budget is
    /// below the minimums is reported with the exact shortfall, spends the
    /// whole budget on minimums only, and every other month fits.
    #[test]
    fn minimums_are_never_diverted(debts in debts(6), factor in 50u32..250, s in strategy()) {
        let budget = budget_for(&debts, factor);
        let plan = run(&debts, budget, &s);
        let mut arrears: Vec<Decimal> = debts.iter().map(|d| d.overdue_due_now).collect();
        for m in &plan.timeline {
            let dues: Decimal = m.loans.iter().map(|l| l.due).sum();
            let short = plan.short_months.iter().find(|x| x.month == m.month);
            prop_assert_eq!(short.is_some(), budget < dues, "month {}", m.month);
            for (j, lm) in m.loans.iter().enumerate() {
                prop_assert_eq!(lm.due, expected_due(&debts[j], m, lm, arrears[j]), "month {} loan {}", m.month, j);
                if short.is_some() {
                    prop_assert!(lm.paid <= lm.due);
                } else {
                    prop_assert!(lm.paid >= lm.due);
                }
                arrears[j] = (lm.due - lm.paid).max(Decimal::ZERO);
            }
            if let Some(x) = short {
                prop_assert_eq!(x.shortfall, dues - budget);
                prop_assert_eq!(m.paid, budget);
            }
        }
    }

    /// Pro rata: each fitting month's surplus is split to the fen — the
    /// extras sum exactly to the surplus (or to everything still owed) —
    /// and where no share was capped each is within a fen of its exact
    /// share by the balance at the start of the month.
    #[test]
    fn pro_rata_sums_to_the_fen(debts in debts(6), factor in 100u32..400) {
        let budget = budget_for(&debts, factor);
        let plan = run(&debts, budget, &PayoffStrategy::ProRata);
        let mut start: Vec<Decimal> = debts.iter().map(|d| d.owed()).collect();
        for m in plan.timeline.iter().filter(|m| !plan.short_months.iter().any(|x| x.month == m.month)) {
            let dues: Decimal = m.loans.iter().map(|l| l.due).sum();
            let surplus = budget - dues;
            let extras: Vec<Decimal> = m.loans.iter().map(|l| l.paid - l.due).collect();
            let room: Decimal = m.loans.iter().map(|l| l.balance + l.paid - l.due).sum();
            prop_assert_eq!(extras.iter().sum::<Decimal>(), surplus.min(room));
            let capped = m.loans.iter().zip(&start).any(|(l, s)| l.balance.is_zero() && !s.is_zero());
            let weight: Decimal = start.iter().sum();
            if !capped && !weight.is_zero() {
                for (j, extra) in extras.iter().enumerate() {
                    let exact = surplus * start[j] / weight;
                    prop_assert!((*extra - exact).abs() < d("0.01"), "month {} loan {j}: {extra} vs {exact}", m.month);
                }
            }
            start = m.loans.iter().map(|l| l.balance).collect();
        }
    }

    /// Avalanche never costs more interest than snowball when neither has
    /// a short month and every minimum covers its month's interest (so no
    /// interest waits unpaid) — beyond rounding: each month's interest is
    /// rounded to the fen per debt, so where two rates are almost equal
    /// (0.018892 and 0.0188916… a month, found by this test) the paths may
    /// differ by a fen or two either way; a fen per month is allowed.
    ///
    /// 到期一次 loans are left out on purpose: their simple interest waits
    /// until maturity without bearing interest, free credit that a strategy
    /// can happen to use more of, so at equal or nearly equal rates the
    /// snowball can come out cheaper (this test found ¥60 on ¥438,000 at
    /// 2.1625 % a month for both loans). The avalanche still ranks that
    /// accrued interest last. And
    /// the avalanche sends every extra yuan in order of true cost: a debt
    /// gets more than its minimum only when every debt of a higher rate has
    /// repaid its principal (accrued interest bears none, so it comes last).
    #[test]
    fn avalanche_never_costs_more_than_snowball(debts in debts_of(5, vec![Method::EqualInstallment, Method::EqualPrincipal, Method::InterestOnly]), factor in 110u32..400) {
        let budget = budget_for(&debts, factor);
        let a = run(&debts, budget, &PayoffStrategy::Avalanche);
        let s = run(&debts, budget, &PayoffStrategy::Snowball);
        prop_assume!(a.short_months.is_empty() && s.short_months.is_empty());
        let rounding = Decimal::new(a.timeline.len().max(s.timeline.len()) as i64, 2);
        prop_assert!(a.total_interest <= s.total_interest + rounding, "avalanche {} snowball {}", a.total_interest, s.total_interest);
        for m in &a.timeline {
            for (j, lm) in m.loans.iter().enumerate() {
                if lm.paid > lm.due {
                    let ahead = (0..debts.len()).filter(|&h| debts[h].monthly_rate.approx() > debts[j].monthly_rate.approx() || (debts[h].monthly_rate == debts[j].monthly_rate && h < j));
                    for h in ahead {
                        let principal = m.loans[h].balance - m.loans[h].interest;
                        prop_assert!(principal.is_zero(), "month {}: loan {j} got extra before loan {h}", m.month);
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(200))]

    /// Interest is each month's rate on the principal owed at its start,
    /// rounded to the fen (simple: unpaid interest bears none), restated
    /// from the timeline alone; the total is the sum of the months'.
    #[test]
    fn interest_is_rounded_to_the_fen_each_month(debts in debts(5), factor in 50u32..400, s in strategy()) {
        let plan = run(&debts, budget_for(&debts, factor), &s);
        let (mut principal, mut interest): (Vec<Decimal>, Vec<Decimal>) = debts.iter().map(|d| (d.principal, d.interest)).unzip();
        let mut total = Decimal::ZERO;
        for m in &plan.timeline {
            for (j, lm) in m.loans.iter().enumerate() {
                let accrued = lm.balance + lm.paid - principal[j] - interest[j];
                let expected = xieshang::engine::exact::mul_ratio_fen(principal[j], debts[j].monthly_rate);
                prop_assert_eq!(accrued, expected, "month {} loan {}", m.month, j);
                total += accrued;
                (principal[j], interest[j]) = (lm.balance - lm.interest, lm.interest);
                prop_assert!(principal[j] >= Decimal::ZERO && interest[j] >= Decimal::ZERO);
            }
        }
        prop_assert_eq!(plan.total_interest, total);
    }

    /// The roll-over: no money waits while anything is owed. Each month
    /// pays the whole budget, or everything owed after its interest when
    /// that is less, so a paid-off loan's minimum goes on working for the
    /// others; and the surplus reaches a debt only when every debt ahead of
    /// it in the strategy's order (snowball: smallest owed at the start of
    /// the month; custom: the user's order) has nothing left to take.
    #[test]
    fn the_budget_rolls_over_to_the_targets_in_order(debts in debts(6), factor in 50u32..400, s in strategy()) {
        let budget = budget_for(&debts, factor);
        let plan = run(&debts, budget, &s);
        let mut start: Vec<Decimal> = debts.iter().map(|d| d.owed()).collect();
        let custom: Vec<usize> = match &s {
            PayoffStrategy::Custom(ids) => {
                let mut o: Vec<usize> = ids.iter().filter_map(|id| debts.iter().position(|d| &d.id == id)).collect();
                let rest: Vec<usize> = (0..debts.len()).filter(|j| !o.contains(j)).collect();
                o.extend(rest);
                o
            }
            _ => Vec::new(),
        };
        for m in &plan.timeline {
            let owed: Decimal = m.loans.iter().map(|l| l.balance + l.paid).sum();
            prop_assert_eq!(m.paid, budget.min(owed), "month {}", m.month);
            let order: Vec<usize> = match &s {
                PayoffStrategy::Snowball => {
                    let mut o: Vec<usize> = (0..debts.len()).collect();
                    o.sort_by_key(|&j| (start[j], j));
                    o
                }
                PayoffStrategy::Custom(_) => custom.clone(),
                _ => Vec::new(),
            };
            for (pos, &j) in order.iter().enumerate() {
                if m.loans[j].paid > m.loans[j].due {
                    for &h in &order[..pos] {
                        prop_assert!(m.loans[h].balance.is_zero(), "month {}: loan {} got extra before loan {}", m.month, j, h);
                    }
                }
            }
            start = m.loans.iter().map(|l| l.balance).collect();
        }
    }
}

#[test]
fn a_budget_that_never_covers_the_interest_stops_at_600_months() {
    // ¥100,000 at 2 % a month (2,000 of interest) on a budget of 1,500:
    // never debt-free, every month short.
    let debt = PayoffDebt {
        id: "a".into(),
        principal: d("100000"),
        interest: Decimal::ZERO,
        monthly_rate: d("0.02").into(),
        penalty_rate: d("0.03"),
        instalments: Schedule::build(d("100000"), d("0.02"), 24, Method::EqualInstallment).unwrap().payments(),
        overdue_due_now: Decimal::ZERO,
    };
    for s in [PayoffStrategy::Avalanche, PayoffStrategy::Snowball, PayoffStrategy::ProRata] {
        let p = payoff(std::slice::from_ref(&debt), &PayoffBudget::Flat(d("1500")), &s).unwrap();
        assert_eq!((p.debt_free_month, p.timeline.len(), p.short_months.len()), (None, 600, 600));
        assert_eq!(p.total_paid, d("900000.00"));
        // No compounding: interest stays on the principal, which never falls.
        assert_eq!(p.total_interest, d("1200000.00"));
        assert_eq!(p.timeline[599].balance, d("400000.00"));
    }
}

#[test]
fn a_loan_becomes_a_payoff_debt() {
    // ¥12,000 等额本金 at 1 % over 12, overdue 1,000 principal + 120 interest,
    // penalty 1.5 × contract.
    let rate = QuotedRate::new(d("1"), RateUnit::MonthlyPercent);
    let loan = Loan { principal: d("12000"), rate, method: Method::EqualPrincipal, months: 12, upfront_fee: Decimal::ZERO };
    let debt = Debt {
        id: "wsd".into(),
        loan,
        overdue: Overdue { days: 20, principal: d("1000"), interest: d("120") },
        penalty: Lender::Mybank.penalty(),
        accrual: xieshang::engine::Accrual::monthly(d("0.01")),
        calendar: Default::default(),
        settlement_offer: None,
        holiday_months: 3,
    };
    let p = PayoffDebt::of(&debt).unwrap();
    // The analysis's 30/360 contract is reused, and an actual-days one is not.
    assert_eq!(PayoffDebt::of_analysed(&debt, &debt.analyse().unwrap()), Ok(p.clone()));
    let dated = Debt { accrual: xieshang::engine::Accrual::of(&rate, xieshang::engine::Date::new(2025, 2, 28)), ..debt.clone() };
    let an = dated.analyse().unwrap();
    assert_ne!(an.contract.payments(), p.instalments, "February's 28 days");
    assert_eq!(PayoffDebt::of_analysed(&dated, &an), Ok(p.clone()));
    assert_eq!((p.principal, p.interest, p.owed(), p.overdue_due_now), (d("13000"), d("120"), d("13120"), d("1120")));
    assert_eq!(p.monthly_rate.approx(), d("0.01"));
    assert_eq!(p.penalty_rate, d("0.01") * Lender::Mybank.penalty().multiplier);
    assert_eq!(p.instalments[..2], [d("1120.00"), d("1110.00")]);
    // Month 1 owes the instalment and the arrears: 1120 + 1120.
    let plan = payoff(&[p], &PayoffBudget::Flat(d("5000")), &PayoffStrategy::Avalanche).unwrap();
    assert_eq!(plan.timeline[0].loans[0].due, d("2240.00"));
    assert_eq!(plan.strategy, PayoffKind::Avalanche);
}

#[test]
fn extreme_inputs_are_results_not_panics() {
    // The largest amounts at 100 % a month, 100 debts, 600 months, budgets
    // from 0 to the largest decimal: every sum must stay in range.
    let max = xieshang::engine::MAX_AMOUNT;
    let debt = |k: usize| PayoffDebt {
        id: format!("d{k}"),
        principal: max,
        interest: max,
        monthly_rate: Decimal::ONE.into(),
        penalty_rate: Decimal::TEN,
        instalments: vec![max; 600],
        overdue_due_now: max,
    };
    let debts: Vec<PayoffDebt> = (0..xieshang::engine::payoff::MAX_DEBTS).map(debt).collect();
    for budget in [Decimal::ZERO, d("0.01"), max, Decimal::MAX, Decimal::MIN] {
        let plans = xieshang::engine::payoff_plans(&debts, &PayoffBudget::Flat(budget), Some(&["d7".to_string()])).unwrap();
        assert!(plans.iter().all(|p| p.timeline.len() <= 600 && p.total_interest >= Decimal::ZERO));
    }
    // A forecast of absurd values, and prepayments and the solver at the limits.
    let months = [Decimal::MAX, Decimal::MIN, max, Decimal::ZERO, d("-1"), d("0.001"), max, max, max, max, max, max];
    for (ordinary, repeats) in [(Decimal::MIN, false), (Decimal::MAX, false), (Decimal::ZERO, true)] {
        let f = PayoffBudget::Forecast { months, ordinary, repeats };
        assert!(payoff(&debts[..3], &f, &PayoffStrategy::ProRata).is_ok());
    }
    let plan = PrepayPlan { prepayments: vec![Prepayment { month: 1, amount: max, effect: PrepayEffect::LowerPayment }], extra_monthly: max, fee_percent: Decimal::ONE_HUNDRED };
    for m in Method::ALL {
        let rate = d("1000") / d("1200");
        let p = prepay(max, rate, 600, m, &plan).unwrap();
        assert_eq!(p.months, 1);
        assert!(prepay(max, rate, 600, m, &PrepayPlan { extra_monthly: d("0.01"), ..PrepayPlan::default() }).is_ok());
    }
    // ¥1e12 at 80 % a month paying ¥1e12: interest 8e11, 6.4e11 (balance
    // 8e11, then 4.4e11), then 3.52e11 with the last 4.4e11 + 3.52e11.
    let solved = xieshang::engine::Solved { months: 3, last_payment: d("792000000000.00"), total_interest: d("1792000000000.00") };
    assert_eq!(solve_months(max, d("0.8"), max), Ok(solved));
}

/// A level payment rounded up on a long high-rate loan used to clear the
/// balance before the contract's last month, leaving months of ¥0.00; the
/// payments are now re-solved a fen at a time (`schedule`'s module docs)
/// and every month pays. With nothing prepaid nothing is saved (found by
/// `prepaid_schedules_repay_exactly` in CI).
#[test]
fn a_contract_re_solved_a_fen_at_a_time_saves_no_months_by_itself() {
    let (p, i, n) = (d("3087.64"), d("0.024074"), 335);
    let contract = Schedule::build(p, i, n, Method::EqualInstallment).unwrap();
    assert!(contract.rows.iter().all(|r| r.payment > Decimal::ZERO));
    assert_eq!(contract.paying_months(), n);
    let out = prepay(p, i, n, Method::EqualInstallment, &PrepayPlan::default()).unwrap();
    assert_eq!((out.months, out.months_saved), (n, 0));
    assert_eq!(out.rows(), contract.rows);
}

/// Lowering the payment keeps the contract's own maturity, month 341 of
/// 341 (it cleared in month 340 before every month paid; found by
/// `shorten_term_saves_at_least_as_much` in CI).
#[test]
fn lowering_the_payment_keeps_the_contract_maturity() {
    let (p, i, n) = (d("26353.03"), d("0.027124"), 341);
    let contract = Schedule::build(p, i, n, Method::EqualInstallment).unwrap();
    let plan = PrepayPlan { prepayments: vec![Prepayment { month: 1, amount: d("263.53"), effect: PrepayEffect::LowerPayment }], ..PrepayPlan::default() };
    let l = prepay(p, i, n, Method::EqualInstallment, &plan).unwrap();
    assert_eq!((contract.paying_months(), l.months), (341, 341));
}

/// The two inputs `solver_inverts_the_annuity` found (see its comments):
/// a contract repaid a month early by its rounded-up payment, and a payment
/// a cent above the interest, whose fen-rounded interest stretches the term
/// two months past the closed-form NPER.
#[test]
fn solver_on_the_cases_the_property_found() {
    // The contract re-solved a fen at a time: 356.29 or 356.28 in all 335 months.
    let early = Schedule::build(d("14703.14"), d("0.024224"), 335, Method::EqualInstallment).unwrap();
    assert_eq!((early.first_payment(), early.last_payment(), early.paying_months()), (d("356.29"), d("356.28"), 335));
    let got = solve_months(d("14703.14"), d("0.024224"), d("356.29")).unwrap();
    assert_eq!((got.months, got.last_payment), (334, d("235.75")));
    let slow = solve_months(d("1814.61"), d("0.025596"), d("46.46")).unwrap();
    assert_eq!((slow.months, slow.last_payment, slow.total_interest), (325, d("4.71"), d("13243.14")));
}
