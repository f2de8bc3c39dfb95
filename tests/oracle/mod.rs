//! Invariants of an evaluation, shared by the integration tests: every
//! figure the page shows relies on them (definitions in `src/engine`). The
//! arithmetic here is its own — dates by Howard Hinnant's algorithm written
//! out again, budget months and fits recomputed from the document — so a
//! wrong engine helper cannot make its own check pass.

#![allow(dead_code)]

use std::str::FromStr;
use xieshang::engine::allocation::Strategy as Split;
use xieshang::engine::dates::Date;
use xieshang::engine::proposal::{BudgetBasis, HolidayMaturity, HolidayMode, Proposal, ProposalKind};
use xieshang::engine::{DateSource, Decimal, Direction, Goal, Plan, Row};
use xieshang::scenario::{Evaluation, LoanEntry, LoanOutput, Scenario};

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Cases per property: `default`, unless `PROPTEST_CASES` says otherwise
/// (a soak: `PROPTEST_CASES=5000 cargo test --release --test proposals`).
pub fn cases(default: u32) -> proptest::prelude::ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    proptest::prelude::ProptestConfig { cases, failure_persistence: None, ..proptest::prelude::ProptestConfig::default() }
}

/// An amount of fen as the scenario writes it.
pub fn money(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// Every invariant of one evaluation of `s`.
pub fn check(s: &Scenario, e: &Evaluation) {
    for p in &e.proposals {
        check_proposal(s, e, p);
    }
    check_dates(s, e);
    check_plans(s, e);
    // Ranking: within each loan, keys never decrease and ranks count from 1.
    for l in &e.loans {
        let mine: Vec<_> = e.proposals.iter().filter(|p| p.loan_id == l.id).collect();
        assert!(mine.windows(2).all(|w| w[0].rank_key() <= w[1].rank_key()));
        assert!(mine.iter().enumerate().all(|(i, p)| p.rank as usize == i + 1));
    }
    check_allocation(e);
    check_budget(e);
    for l in &e.loans {
        if let Some(c) = &l.overdue_cost {
            // Doing nothing only ever costs more; waiting adds the new
            // penalty and the interest falling due, not the penalty so far.
            assert!(c.horizons.windows(2).all(|w| w[0].owed <= w[1].owed));
            assert!(c.horizons.iter().all(|h| h.owed >= c.owed_now));
            assert!(c.horizons.iter().all(|h| h.increase == h.penalty_since_today + h.contract_interest
                && h.owed == c.owed_now + c.penalty_so_far_estimate + h.increase));
            assert_eq!(c.above_court_guideline, c.court_guideline.penalty_rate_above || c.court_guideline.true_apr_above);
        }
        if let Some(r) = &l.rate_check {
            // Never a negative or absurd rate.
            assert!(r.implied_rate_percent >= Decimal::ZERO && r.implied_rate_percent <= d("1000"), "{r:?}");
            assert!(r.apr_nominal_percent >= Decimal::ZERO && r.apr_nominal_percent <= d("1000"), "{r:?}");
        }
        assert_eq!(l.schedule.is_some(), l.overdue_cost.is_some());
        assert!(l.errors.iter().all(|x| x.path.starts_with("loans[") && !x.message.is_empty()));
    }
}

pub fn loan_of<'a>(e: &'a Evaluation, id: &str) -> &'a LoanOutput {
    e.loans.iter().find(|l| l.id == id).unwrap()
}

fn check_proposal(s: &Scenario, e: &Evaluation, p: &Proposal) {
    let Some(f) = &p.figures else {
        assert!(p.infeasible.is_some(), "{:?} has neither figures nor a reason", p.kind);
        return;
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
    check_shape(rows, f.monthly_payment, f.first_payment_date, f.min_payment, f.max_payment, f.level, f.balance_rises);
    if e.loans.len() == 1 {
        assert_eq!(Some(f.monthly_budget), e.budget.figures.as_ref().map(|b| b.disposable));
    }
    check_fit(s, e, p);
    let loan = loan_of(e, &p.loan_id);
    let cost = loan.overdue_cost.as_ref().unwrap();
    // The saving counts the penalty waived; the contract = its schedule + arrears.
    let contract_total = loan.schedule.as_ref().unwrap().total_paid + (cost.owed_now - loan.principal);
    assert_eq!(f.saving_vs_contract, contract_total + p.params.penalty_waived - f.total_paid, "{:?}", p.kind);
    check_vs_contract(f.vs_contract.direction, f.vs_contract.amount, f.total_paid, contract_total + p.params.penalty_waived);
    // A card marked as a plan's pick asks the same kind of thing.
    for goal in &p.in_plans {
        let plan = e.plans.iter().find(|x| x.goal == *goal).unwrap();
        assert_eq!(plan.picks.iter().find(|k| k.loan_id == p.loan_id).map(|k| k.kind), Some(p.kind));
    }
    assert!(p.params.penalty_waived >= cost.penalty_so_far_estimate);
    assert_eq!(f.saving_vs_nothing_months, 12);
    match p.kind {
        ProposalKind::FrozenInstalments => {
            assert_eq!(f.total_interest, Decimal::ZERO);
            assert_eq!(f.apr_nominal_percent, Some(Decimal::ZERO));
        }
        ProposalKind::Settlement => assert_eq!(f.apr_nominal_percent, None),
        // 展期 means a later maturity: more months than remain. At the
        // contract rate the lender gets back what is owed, in today's money,
        // up to the interest rounding (half a fen a month).
        ProposalKind::TermExtension => {
            assert!(f.months > loan.months, "a {}-month extension of {} remaining months", f.months, loan.months);
            let rounding = Decimal::new(5, 3) * Decimal::from(f.months) + d("0.01");
            assert!((f.lender_pv - cost.owed_now).abs() <= rounding, "PV {} of {} owed", f.lender_pv, cost.owed_now);
        }
        ProposalKind::PaymentHoliday => {
            let h = p.params.holiday_months.unwrap();
            let want = match p.params.holiday_maturity.unwrap() {
                HolidayMaturity::Extended => loan.months + h,
                HolidayMaturity::Kept => h + loan.months.saturating_sub(h).max(1),
            };
            assert_eq!(f.months, want);
        }
        // The waiver pays the contract and the arrears: it saves exactly the penalty.
        ProposalKind::PenaltyWaiver => assert_eq!(f.saving_vs_contract, p.params.penalty_waived),
        ProposalKind::CashFlowPlan => {}
        ProposalKind::Contract => panic!("the contract is a plan pick, never a card"),
        ProposalKind::Hold => panic!("a hold is an ask only, never a card"),
    }
    assert!(f.principal_recovered_percent <= d("100"));
}

/// Allocation: exact to the fen, minimums on every debt, and the extra goes
/// to one target at a time — at most one debt is partly paid beyond its
/// minimum, the others get all their room or nothing.
fn check_allocation(e: &Evaluation) {
    let Some(a) = &e.allocation else { return };
    for s in &a.strategies {
        let sum: Decimal = s.shares.iter().map(|x| x.payment).sum();
        if s.feasible {
            assert_eq!(sum + s.unallocated, a.surplus, "{:?}", s.strategy);
        }
        if s.strategy == Split::ProRata {
            continue;
        }
        assert!(s.shares.iter().all(|x| x.payment >= x.minimum && x.extra >= Decimal::ZERO));
        let partial = s
            .shares
            .iter()
            .filter(|x| {
                let room = loan_of(e, &x.id).overdue_cost.as_ref().unwrap().owed_now - x.minimum;
                x.extra > Decimal::ZERO && x.extra < room
            })
            .count();
        assert!(partial <= 1, "{:?}: {partial} debts partly paid beyond their minimum", s.strategy);
    }
    assert_eq!(a.token.is_some(), a.surplus <= Decimal::ZERO);
}

/// The budget: twelve months, fits only when each does, the peak is the
/// first that does not (else the largest), DTI on the largest month.
fn check_budget(e: &Evaluation) {
    let Some(b) = &e.budget.figures else { return };
    assert_eq!(b.fits, b.months.iter().all(|m| m.fits));
    assert!(b.months.iter().all(|m| m.margin == m.available - m.due && m.fits == (m.margin >= Decimal::ZERO)));
    let largest = b.months.iter().map(|m| m.due).max().unwrap();
    assert_eq!((b.debt_payments, b.margin), (largest, b.months.iter().map(|m| m.margin).min().unwrap()));
    match b.months.iter().find(|m| !m.fits) {
        Some(m) => assert_eq!((b.peak_month, b.peak_due), (m.month, m.due)),
        None => assert_eq!(b.peak_due, largest),
    }
}


/// The shape figures of a schedule: the first payment above zero and its
/// date, the range, level (every instalment but the last the same, above
/// zero) and whether the balance ever rises.
fn check_shape(rows: &[Row], first: Decimal, date: Option<Date>, min: Decimal, max: Decimal, level: bool, rises: bool) {
    let positive = rows.iter().find(|r| r.payment > Decimal::ZERO);
    assert_eq!(first, positive.map_or(Decimal::ZERO, |r| r.payment));
    assert_eq!(date, positive.and_then(|r| r.date));
    assert_eq!(max, rows.iter().map(|r| r.payment).max().unwrap());
    assert_eq!(min, rows.iter().map(|r| r.payment).min().unwrap());
    let n = rows.len();
    assert_eq!(level, rows[0].payment > Decimal::ZERO && rows[..n - 1].iter().all(|r| r.payment == rows[0].payment));
    assert_eq!(rises, rows.iter().any(|r| r.principal < Decimal::ZERO));
}

/// More or less than the contract: a direction and an amount ≥ 0, never a negative saving.
fn check_vs_contract(direction: Direction, amount: Decimal, paid: Decimal, reference: Decimal) {
    assert!(amount >= Decimal::ZERO);
    assert_eq!(amount, (paid - reference).abs());
    let want = if paid > reference { Direction::More } else if paid < reference { Direction::Less } else { Direction::Same };
    assert_eq!(direction, want);
}

/// Budget month (1 = this month) of instalment `k` of loan `l`: its
/// calendar month when `as_of` and the next due date are known, else k.
pub fn budget_month(s: &Scenario, l: &LoanEntry, k: u32) -> u32 {
    match (s.as_of, l.next_due_date) {
        (Some(a), Some(n)) => {
            let index = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month());
            (index(n) - index(a) + i64::from(k)).max(1) as u32
        }
        _ => k,
    }
}

fn entry<'a>(s: &'a Scenario, id: &str) -> &'a LoanEntry {
    s.loans.iter().find(|l| l.id == id).unwrap()
}

/// The money of budget month `m` for loan `id`'s proposals, from the
/// evaluation's loan budgets: the forecast share in months 1–12; after
/// them the share of forecast month ((m − 1) mod 12) + 1 when the year
/// repeats, else the flat share (README "The forecast").
fn share_in(e: &Evaluation, id: &str, m: u32) -> Decimal {
    let share = e.loan_budgets.iter().find(|b| b.loan_id == id).unwrap();
    match share.months {
        Some(f) if m <= 12 || share.repeats => f[((m - 1) % 12) as usize],
        _ => share.share,
    }
}

/// fits_budget and margin by the basis: each row against its month's money
/// (a month with nothing fits only 0); flat: the largest row.
fn check_fit(s: &Scenario, e: &Evaluation, p: &Proposal) {
    let f = p.figures.as_ref().unwrap();
    let l = entry(s, &p.loan_id);
    let share = e.loan_budgets.iter().find(|b| b.loan_id == p.loan_id).unwrap();
    assert_eq!(f.monthly_budget, share.share);
    let room = || -> Decimal { f.schedule.iter().map(|r| share_in(e, &p.loan_id, budget_month(s, l, r.period)).max(Decimal::ZERO) - r.payment).min().unwrap() };
    let (fits, margin) = match f.budget_basis {
        BudgetBasis::Flat => (f.max_payment <= f.monthly_budget, f.monthly_budget - f.max_payment),
        BudgetBasis::LumpSum => (true, f.monthly_budget),
        BudgetBasis::Forecast | BudgetBasis::ForecastRepeated => (room() >= Decimal::ZERO, room()),
    };
    assert_eq!((f.fits_budget, f.margin), (fits, margin), "{:?}", p.kind);
    if p.kind != ProposalKind::Settlement {
        let basis = match share.months {
            Some(_) if share.repeats => BudgetBasis::ForecastRepeated,
            Some(_) => BudgetBasis::Forecast,
            None => BudgetBasis::Flat,
        };
        assert_eq!(f.budget_basis, basis, "{:?}", p.kind);
    }
}

/// `first` + `k` − 1 months, clamped to the month's end, as a Date.
fn nth_due(first: Date, k: u32) -> Option<Date> {
    let (y, m, day) = month_later(first, i64::from(k) - 1);
    Date::new(i32::try_from(y).ok()?, m as u32, day as u32)
}

/// Dates: the first due date from next_due_date, else as_of + the days to
/// the next instalment (30, or the rest of the 30-day cycle when overdue);
/// every row of the contract, the proposals and the plans on the first +
/// (period − 1) months; none without a date.
fn check_dates(s: &Scenario, e: &Evaluation) {
    let mut all = true;
    for (l, out) in s.loans.iter().zip(&e.loans) {
        let Some(schedule) = &out.schedule else { continue };
        let days = l.overdue.map_or(0, |o| o.days);
        let wait = if days % 30 == 0 { 30 } else { 30 - days % 30 };
        let (first, from) = match (l.next_due_date, s.as_of) {
            (Some(n), _) => (Some(n), Some(DateSource::NextDueDate)),
            (None, Some(a)) => (a.add_days(i64::from(wait)), Some(DateSource::AsOf)),
            (None, None) => (None, None),
        };
        if let (Some(f), Some(a), None) = (first, s.as_of, l.next_due_date) {
            assert_eq!(civil_days((a.year().into(), a.month().into(), a.day().into())) + i64::from(wait), civil_days((f.year().into(), f.month().into(), f.day().into())));
        }
        assert_eq!((out.first_due_date, out.first_due_date_from), (first, from.filter(|_| first.is_some())), "{}", l.id);
        all &= first.is_some();
        let dated = |rows: &[Row]| rows.iter().all(|r| r.date == first.and_then(|f| nth_due(f, r.period)));
        assert!(dated(&schedule.schedule), "{}", l.id);
        for p in e.proposals.iter().filter(|p| p.loan_id == l.id) {
            assert!(p.figures.as_ref().is_none_or(|f| dated(&f.schedule)), "{:?}", p.kind);
        }
        for plan in &e.plans {
            assert!(plan.picks.iter().filter(|k| k.loan_id == l.id).all(|k| dated(&k.schedule)));
        }
    }
    assert_eq!(e.dated, all && e.loans.iter().any(|l| l.schedule.is_some()));
}

/// The combined plans: one pick per analysed loan, each a request lenders
/// grant within its bounds, repaid exactly; the months summed from the
/// picks' rows in their budget months; fits only when every month fits;
/// the balance never rises but for a holiday that says it capitalises.
fn check_plans(s: &Scenario, e: &Evaluation) {
    let Some(b) = &e.budget.figures else {
        assert!(e.plans.is_empty());
        return;
    };
    let analysed: Vec<&LoanOutput> = e.loans.iter().filter(|l| l.overdue_cost.is_some()).collect();
    if analysed.is_empty() {
        assert!(e.plans.is_empty());
        return;
    }
    assert_eq!(e.plans.iter().map(|p| p.goal).collect::<Vec<_>>(), vec![Goal::Acceptance, Goal::LowestCost]);
    // Month m's money: the forecast's in months 1–12, and after them again
    // when its year repeats, else the disposable amount.
    let available = |m: u32| -> Decimal {
        match &e.budget.forecast_surplus {
            Some(f) if m <= 12 || e.budget.forecast_repeats => f[((m - 1) % 12) as usize].0,
            _ => b.disposable,
        }
    };
    for plan in &e.plans {
        assert_eq!(plan.picks.iter().map(|k| k.loan_id.as_str()).collect::<Vec<_>>(), analysed.iter().map(|l| l.id.as_str()).collect::<Vec<_>>());
        let mut dues: Vec<(Decimal, Option<Date>)> = vec![(Decimal::ZERO, None); 13];
        for k in &plan.picks {
            check_pick(s, e, plan, k);
            let l = entry(s, &k.loan_id);
            for r in &k.schedule {
                let m = budget_month(s, l, r.period) as usize;
                if dues.len() < m {
                    dues.resize(m, (Decimal::ZERO, None));
                }
                dues[m - 1].0 += r.payment;
                dues[m - 1].1 = [dues[m - 1].1, r.date].into_iter().flatten().min();
            }
        }
        let fits = |due: Decimal, a: Decimal| due <= a.max(Decimal::ZERO);
        assert_eq!(plan.months.len(), 12);
        for (m, pm) in plan.months.iter().enumerate() {
            let a = available(m as u32 + 1);
            assert_eq!((pm.month, pm.date, pm.due, pm.available, pm.margin, pm.fits), (m as u32 + 1, dues[m].1, dues[m].0, a, a - dues[m].0, fits(dues[m].0, a)));
        }
        // The later month with the least room (the first of equals).
        let room = |m: usize| available(m as u32) - dues[m - 1].0;
        let worst = (13..=dues.len()).fold(13, |w, m| if room(m) < room(w) { m } else { w });
        let later = plan.later;
        assert_eq!((later.month as usize, later.due, later.available, later.fits), (worst, dues[worst - 1].0, available(worst as u32), fits(dues[worst - 1].0, available(worst as u32))));
        // The first 12 months that fail one by one; each run of consecutive
        // later months that fail in one line: the first, the last and how
        // many, with the due of the month short the most.
        let mut failing: Vec<(u32, Option<(u32, u32)>, Decimal)> = plan.months.iter().filter(|m| !m.fits).map(|m| (m.month, None, m.due)).collect();
        let short = |m: usize| dues[m - 1].0 - available(m as u32).max(Decimal::ZERO);
        let mut m = 13;
        while m <= dues.len() {
            if short(m) <= Decimal::ZERO {
                m += 1;
                continue;
            }
            let first = m;
            while m < dues.len() && short(m + 1) > Decimal::ZERO {
                m += 1;
            }
            let most = (first..=m).fold(first, |w, k| if short(k) > short(w) { k } else { w });
            let through = (m > first).then_some((m as u32, (m - first + 1) as u32));
            failing.push((first as u32, through, dues[most - 1].0));
            m += 1;
        }
        let got: Vec<(u32, Option<(u32, u32)>, Decimal)> = plan.failing.iter().map(|f| (f.month, f.through.map(|t| (t.month, t.count)), f.due)).collect();
        assert_eq!(got, failing);
        assert!(plan.failing.iter().all(|f| f.short == f.due - f.available.max(Decimal::ZERO) && f.short > Decimal::ZERO));
        assert_eq!(plan.fits, failing.is_empty());
    }
}

/// One pick: a request within the bounds lenders apply, repaid exactly.
fn check_pick(s: &Scenario, e: &Evaluation, plan: &Plan, k: &xieshang::engine::Pick) {
    let l = entry(s, &k.loan_id);
    let out = loan_of(e, &k.loan_id);
    let cost = out.overdue_cost.as_ref().unwrap();
    let arrears = cost.owed_now - out.principal;
    let rows = &k.schedule;
    assert_eq!(k.months as usize, rows.len());
    check_shape(rows, k.monthly_payment, k.first_payment_date, k.min_payment, k.max_payment, k.level, k.balance_rises);
    assert_eq!(k.total_paid, rows.iter().map(|r| r.payment).sum::<Decimal>());
    let contract_total = out.schedule.as_ref().unwrap().total_paid + arrears;
    check_vs_contract(k.vs_contract.direction, k.vs_contract.amount, k.total_paid, contract_total + k.params.penalty_waived);
    // Exact repayment: from what the request re-spreads down to 0.00.
    let overdue_principal = l.overdue.map_or(Decimal::ZERO, |o| o.principal);
    let financed = match k.kind {
        ProposalKind::Contract => out.principal,
        ProposalKind::PenaltyWaiver => out.principal + overdue_principal,
        _ => cost.owed_now,
    };
    assert_eq!(rows.iter().map(|r| r.principal).sum::<Decimal>(), financed, "{:?}", k.kind);
    let mut balance = financed;
    for r in rows {
        assert_eq!(r.payment, r.interest + r.principal);
        balance -= r.principal;
        assert!(r.balance >= Decimal::ZERO && r.payment >= Decimal::ZERO);
        if !matches!(k.kind, ProposalKind::PenaltyWaiver | ProposalKind::Contract) {
            assert_eq!(r.balance, balance);
        }
    }
    assert_eq!(rows.last().unwrap().balance, Decimal::ZERO);
    // Never a rising balance, but for a holiday that says it capitalises
    // and the cash-flow plan (its dead months pay less than the interest).
    let capitalises = k.kind == ProposalKind::PaymentHoliday && k.params.holiday_mode == Some(HolidayMode::Capitalised);
    assert!(!k.balance_rises || capitalises || k.kind == ProposalKind::CashFlowPlan, "{:?} in the {:?} plan lets the balance rise", k.kind, plan.goal);
    let remaining = out.months;
    match k.kind {
        ProposalKind::Contract => assert_eq!(arrears, Decimal::ZERO),
        ProposalKind::PenaltyWaiver => assert!(arrears > Decimal::ZERO && (1..=12).contains(&k.params.catch_up_months.unwrap())),
        ProposalKind::TermExtension => assert!(k.months > remaining && k.months <= (remaining + 36).clamp(60, 600)),
        ProposalKind::PaymentHoliday => {
            let h = k.params.holiday_months.unwrap();
            let after = match k.params.holiday_maturity.unwrap() {
                HolidayMaturity::Kept => remaining - h,
                HolidayMaturity::Extended => remaining,
            };
            assert!((1..=6).contains(&h) && after >= 1 && k.months == h + after);
        }
        ProposalKind::FrozenInstalments => {
            let deferred = k.params.deferred_months.unwrap_or(0);
            assert!(deferred <= 6 && k.months <= 60 && rows.iter().all(|r| r.interest.is_zero()));
            assert!(rows[..deferred as usize].iter().all(|r| r.payment.is_zero()));
        }
        // Only with a forecast: each month pays the loan's share of its
        // month's money (nothing in a deficit), the last what clears it.
        ProposalKind::CashFlowPlan => {
            assert!(e.loan_budgets.iter().any(|b| b.loan_id == k.loan_id && b.months.is_some()) && k.months <= 120);
            assert_eq!((k.params.term_months, k.params.cap_months), (Some(k.months), Some(120)));
            let (last, body) = rows.split_last().unwrap();
            assert!(body.iter().all(|r| r.payment == share_in(e, &k.loan_id, budget_month(s, l, r.period)).max(Decimal::ZERO)));
            assert!(last.payment <= share_in(e, &k.loan_id, budget_month(s, l, last.period)));
        }
        ProposalKind::Settlement | ProposalKind::Hold => panic!("{:?} is never picked", k.kind),
    }
}

/// Days since 1970-01-01 of a (year, month, day), by Howard Hinnant's
/// algorithm written out again here (the engine has its own).
pub fn civil_days((y, m, d): (i64, i64, i64)) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// `date` + `k` months, the day clamped to the month's end.
pub fn month_later(date: Date, k: i64) -> (i64, i64, i64) {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + k;
    let (y, m) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let last = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) as usize];
    (y, m, i64::from(date.day()).min(last))
}
