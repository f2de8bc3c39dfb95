//! Hand-checked figures of every kind, the ranking and the present value.

use super::*;
use crate::engine::daycount::Accrual;
use crate::engine::{fen, Date, Lender, Method, QuotedRate, RateUnit};
use std::str::FromStr;

pub(crate) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn debt(principal: &str, monthly_percent: &str, months: u32, overdue: Overdue) -> Debt {
    debt_named("a", principal, monthly_percent, months, overdue)
}

/// A 等额本息 loan at a monthly rate in 30/360 with 网商贷's penalty rule, undated.
pub(crate) fn debt_named(id: &str, principal: &str, monthly_percent: &str, months: u32, overdue: Overdue) -> Debt {
    let rate = QuotedRate::new(d(monthly_percent), RateUnit::MonthlyPercent);
    Debt {
        id: id.into(),
        loan: Loan { principal: d(principal), rate, method: Method::EqualInstallment, months, upfront_fee: Decimal::ZERO },
        overdue,
        penalty: Lender::Mybank.penalty(),
        accrual: Accrual::of(&rate, None),
        calendar: DueCalendar { days_overdue: overdue.days, ..DueCalendar::default() },
        settlement_offer: None,
        holiday_months: LISTED_HOLIDAYS[0],
    }
}

fn holiday(months: u32, mode: HolidayMode, maturity: HolidayMaturity) -> Holiday {
    Holiday { months, mode, maturity }
}

fn flat(available: &str) -> LoanBudget {
    LoanBudget { available: d(available), forecast: None, repeats: false }
}

fn figures(p: &Proposal) -> &Figures {
    p.figures.as_ref().unwrap_or_else(|| panic!("{:?} infeasible: {:?}", p.kind, p.infeasible))
}

fn repays_exactly(f: &Figures) {
    let sum: Decimal = f.schedule.iter().map(|r| r.principal).sum();
    assert_eq!(sum, f.financed);
    assert_eq!(f.schedule.last().unwrap().balance, Decimal::ZERO);
    assert!(f.schedule.iter().all(|r| r.balance >= Decimal::ZERO));
    assert_eq!(f.total_paid - f.total_interest, f.financed);
}

#[test]
fn shortest_extension_hand_checked() {
    // ¥100,000 at 1.5 %/month, budget ¥4,800: PMT(1.5 %, 25) = 4826.35 (too
    // much), PMT(1.5 %, 26) = 4673.1960 → 4673.20 (python3 fractions).
    let b = debt("100000", "1.5", 12, Overdue::default());
    let an = b.analyse().unwrap();
    let p = term_extension(&b, &an, &flat("4800"), None);
    let f = figures(&p);
    assert_eq!((f.months, f.monthly_payment), (26, d("4673.20")));
    assert!(f.fits_budget && f.margin == d("126.80"));
    assert_eq!(f.apr_nominal_percent, Some(d("18.00")));
    repays_exactly(f);
    // Longer at the same rate costs more interest than the contract.
    assert!(f.total_interest > an.contract.total_interest());
    assert!(f.saving_vs_contract < Decimal::ZERO);
}

#[test]
fn a_term_extension_always_ends_later() {
    // 24 months left at 1.5 %/month, ¥100,000, a generous budget: the
    // shortest term that fits would be 3 months, but that is not an
    // extension; the shortest extension is 25 months, and the standard
    // terms listed are 36 and 60 (12 and 24 are not later maturities).
    let b = debt("100000", "1.5", 24, Overdue::default());
    let an = b.analyse().unwrap();
    let all = proposals_for(&b, &an, &flat("40000"));
    let terms: Vec<u32> = all.iter().filter(|p| p.kind == ProposalKind::TermExtension).filter_map(|p| p.params.term_months).collect();
    assert!(terms.iter().all(|m| *m > 24), "{terms:?}");
    let mut sorted = terms.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, vec![25, 36, 60]);
    let short = term_extension(&b, &an, &flat("40000"), Some(11));
    assert_eq!(short.infeasible, Some(Infeasible::InvalidParameter { name: "term_months" }));
    // 12 months left replaced by 11 is not offered either; 360 left: three years more.
    assert_eq!(extension_terms(12), vec![24, 36, 60]);
    assert_eq!(extension_terms(360), vec![396]);
    assert_eq!(extension_cap(600), 600);
    let long = debt("100000", "1.5", 600, Overdue::default());
    let p = term_extension(&long, &long.analyse().unwrap(), &flat("40000"), None);
    assert_eq!(p.infeasible, Some(Infeasible::InvalidParameter { name: "term_months" }));
}

#[test]
fn frozen_instalments_and_the_60_month_cap() {
    // ¥9,500 + ¥400 overdue principal + ¥100 overdue interest = ¥10,000
    // owed; ¥1,000 a month at 0 % → 10 instalments of exactly ¥1,000.
    let b = debt("9500", "1.5", 12, Overdue { days: 40, principal: d("400"), interest: d("100") });
    let an = b.analyse().unwrap();
    let p = frozen_instalments(&b, &an, &flat("1000"));
    let f = figures(&p);
    assert_eq!((f.months, f.monthly_payment, f.total_interest), (10, d("1000.00"), Decimal::ZERO));
    assert_eq!(f.apr_nominal_percent, Some(Decimal::ZERO));
    assert_eq!(p.params.annual_rate_percent, Decimal::ZERO);
    repays_exactly(f);
    // ¥100,000 owed on ¥1,000 a month needs 100 months: above the cap,
    // where the instalment would be 100000 / 60 = 1666.67.
    let b = debt("100000", "1.5", 12, Overdue::default());
    let an = b.analyse().unwrap();
    let p = frozen_instalments(&b, &an, &flat("1000"));
    assert_eq!(
        p.infeasible,
        Some(Infeasible::AboveBudgetAtCap { cap_months: 60, payment_at_cap: d("1666.67"), available: d("1000"), month: None })
    );
    assert!(p.figures.is_none());
    assert_eq!(frozen_instalments(&b, &an, &flat("-5")).infeasible, Some(Infeasible::NoBudget { available: d("-5"), month: None }));
}

#[test]
fn penalty_waiver_catch_up_hand_checked() {
    // Contract: ¥12,000 at 0 % over 12 → ¥1,000 a month. Arrears ¥1,000
    // principal + ¥200 interest = ¥1,200. Budget ¥1,500: k = 2 needs
    // 1000 + 600 = 1600 (no), k = 3 needs 1000 + 400 = 1400 (yes).
    let b = debt("12000", "0", 12, Overdue { days: 35, principal: d("1000"), interest: d("200") });
    let an = b.analyse().unwrap();
    let p = penalty_waiver(&b, &an, &flat("1500")).unwrap();
    assert_eq!(p.params.catch_up_months, Some(3));
    let f = figures(&p);
    // Month 1: 400 of arrears, interest first (200), then 200 principal.
    let r = f.schedule[0];
    assert_eq!((r.payment, r.interest, r.principal, r.balance), (d("1400"), d("200"), d("1200"), d("11800")));
    assert_eq!(f.schedule[3].payment, d("1000"));
    assert_eq!(f.financed, d("13000"));
    assert_eq!(f.total_interest, d("200"));
    repays_exactly(f);
    // Not overdue: no waiver to ask for.
    let b = debt("12000", "0", 12, Overdue::default());
    assert!(penalty_waiver(&b, &b.analyse().unwrap(), &flat("1500")).is_none());
    // Contract alone over budget.
    let b = debt("12000", "0", 12, Overdue { days: 35, principal: d("1000"), interest: d("200") });
    let an = b.analyse().unwrap();
    assert_eq!(
        penalty_waiver(&b, &an, &flat("900")).unwrap().infeasible,
        Some(Infeasible::ContractAboveBudget { contract_payment: d("1000.00"), available: d("900"), month: None })
    );
}

#[test]
fn penalty_waiver_saving_counts_the_waived_penalty() {
    // ¥12,000 at 1.5 %/month (0.05 %/day), 35 days behind on ¥1,000
    // principal + ¥200 interest; 网商贷 rule: 0.075 %/day on both.
    // Penalty so far: 1200 × 0.00075 × 35 = 31.50. Budget 1,500 against
    // the contract's 1,100.16: 4 parts of 300 (200 interest + 100
    // principal first). Due in 25, 55, 85, 115 days (30 − 35 mod 30 = 25):
    // the contract would charge 300 × (25 + 55 + 85 + 115) × 0.00075 =
    // 63.00 more while they are caught up. Waived: 94.50 — the saving
    // against the contract (the payments themselves are the contract's).
    let b = debt("12000", "1.5", 12, Overdue { days: 35, principal: d("1000"), interest: d("200") });
    let an = b.analyse().unwrap();
    assert_eq!(an.overdue_cost.penalty_so_far_estimate, d("31.50"));
    let p = penalty_waiver(&b, &an, &flat("1500")).unwrap();
    assert_eq!(p.params.catch_up_months, Some(4));
    assert_eq!(p.params.penalty_waived, d("94.50"));
    let f = figures(&p);
    assert_eq!(f.total_paid, an.contract_total_paid);
    assert_eq!(f.saving_vs_contract, d("94.50"));
    assert_eq!(f.saving_vs_nothing_months, 12);
    // Every other proposal counts the penalty so far in its saving.
    let ext = term_extension(&b, &an, &flat("1500"), Some(24));
    let e = figures(&ext);
    assert_eq!(ext.params.penalty_waived, d("31.50"));
    assert_eq!(e.saving_vs_contract, an.contract_total_paid + d("31.50") - e.total_paid);
}

#[test]
fn holidays_hand_checked() {
    // ¥12,000 at 1 %/month over 12; 3 months holiday.
    let b = debt("12000", "1", 12, Overdue::default());
    let an = b.analyse().unwrap();
    // Interest-only: 120 a month, then PMT(1 %, 9, 12000) = 1400.8844 → 1400.88.
    let p = payment_holiday(&b, &an, &flat("2000"), holiday(3, HolidayMode::InterestOnly, HolidayMaturity::Kept));
    let f = figures(&p);
    assert_eq!((f.monthly_payment, f.schedule[3].payment, f.months), (d("120.00"), d("1400.88"), 12));
    assert_eq!((f.min_payment, f.max_payment >= d("1400.88")), (d("120.00"), true));
    repays_exactly(f);
    // Capitalised: 12000 → 12120.00 → 12241.20 → 12363.61 (122.412 → 122.41).
    let p = payment_holiday(&b, &an, &flat("2000"), holiday(3, HolidayMode::Capitalised, HolidayMaturity::Kept));
    let f = figures(&p);
    assert_eq!(f.schedule[2].balance, d("12363.61"));
    assert_eq!(f.schedule[0].principal, d("-120.00"));
    // Nothing is paid for three months: the first payment asked for is the
    // first instalment after them, PMT(1 %, 9, 12363.61) = 1443.33, and
    // the balance rises meanwhile (the holiday says it capitalises).
    assert_eq!((f.monthly_payment, f.min_payment), (f.schedule[3].payment, Decimal::ZERO));
    assert_eq!(f.monthly_payment, d("1443.33"));
    assert!(f.balance_rises && !f.level && p.recommendable());
    repays_exactly(f);
    assert!(payment_holiday(&b, &an, &flat("2000"), holiday(7, HolidayMode::Capitalised, HolidayMaturity::Kept)).infeasible.is_some());
    // Maturity extended by the holiday (the 2020–2023 deferral
    // programmes): 120 a month for 3 months, then PMT(1 %, 12, 12000) =
    // 1066.1855 → 1066.19 over 12 months, 15 in all; it fits a budget of
    // 1,100 where the kept maturity's 1,400.88 does not.
    let p = payment_holiday(&b, &an, &flat("1100"), holiday(3, HolidayMode::InterestOnly, HolidayMaturity::Extended));
    let f = figures(&p);
    assert_eq!((f.months, f.schedule[3].payment, f.fits_budget), (15, d("1066.19"), true));
    assert_eq!(p.params.term_months, Some(15));
    repays_exactly(f);
    let kept = payment_holiday(&b, &an, &flat("1100"), holiday(3, HolidayMode::InterestOnly, HolidayMaturity::Kept));
    assert!(!kept.fits());
    // Both are listed, each way of paying meanwhile.
    let all = proposals_for(&b, &an, &flat("1100"));
    let listed: Vec<_> = all.iter().filter_map(|p| p.params.holiday_maturity.zip(p.params.holiday_mode)).collect();
    assert_eq!(listed.len(), 4);
}

#[test]
fn settlement_hand_checked() {
    // Owed ¥100,000 (no arrears); lump sum ¥60,000: discount ¥40,000 = 40 %,
    // the lender recovers 60 % of the principal, all of it today.
    let b = debt("100000", "1.5", 12, Overdue::default());
    let an = b.analyse().unwrap();
    let p = settlement(&b, &an, &flat("0"), d("60000"));
    let f = figures(&p);
    assert_eq!((f.discount, f.discount_percent), (Some(d("40000")), Some(d("40.00"))));
    assert_eq!((f.principal_recovered_percent, f.lender_pv), (d("60.00"), d("60000")));
    assert_eq!(f.apr_nominal_percent, None);
    assert!(f.fits_budget);
    // saving_vs_contract = contract total (110015.99) − 60000.
    assert_eq!(f.saving_vs_contract, an.contract.total_paid() - d("60000"));
    // A lump sum above the amount owed pays just the amount owed.
    let f2 = settlement(&b, &an, &flat("0"), d("200000"));
    assert_eq!(figures(&f2).total_paid, d("100000"));
    assert!(settlement(&b, &an, &flat("0"), Decimal::ZERO).infeasible.is_some());
}

#[test]
fn cash_flow_plan_follows_the_forecast() {
    // ¥1,000 owed at 0 %, shares 300, 0, 500, then 300…: 300 → 700, 0 → 700,
    // 500 → 200, month 4 pays the last 200.
    let b = debt("1000", "0", 12, Overdue::default());
    let an = b.analyse().unwrap();
    let mut f = [d("300"); 12];
    f[1] = d("-50");
    f[2] = d("500");
    let p = cash_flow_plan(&b, &an, &LoanBudget { available: d("100"), forecast: Some(f), repeats: true });
    let fig = figures(&p);
    let pays: Vec<Decimal> = fig.schedule.iter().map(|r| r.payment).collect();
    assert_eq!(pays, vec![d("300"), d("0"), d("500"), d("200")]);
    assert!(fig.fits_budget && fig.budget_basis == BudgetBasis::ForecastRepeated);
    // The month of ¥0 pays less than its interest (none at 0 %): the balance stays.
    assert!(!fig.balance_rises && !fig.level);
    repays_exactly(fig);
    assert_eq!(cash_flow_plan(&b, &an, &flat("100")).infeasible, Some(Infeasible::NoForecast));
    let none = LoanBudget { available: d("100"), forecast: Some([d("-1"); 12]), repeats: true };
    assert_eq!(cash_flow_plan(&b, &an, &none).infeasible, Some(Infeasible::NoSurplusInForecast));
    // ¥1 a month never clears ¥100,000 at 1.5 %.
    let big = debt("100000", "1.5", 12, Overdue::default());
    let an = big.analyse().unwrap();
    let tiny = LoanBudget { available: d("1"), forecast: Some([d("1"); 12]), repeats: true };
    assert_eq!(cash_flow_plan(&big, &an, &tiny).infeasible, Some(Infeasible::NotClearedWithinCap { cap_months: 120 }));
}

#[test]
fn saving_vs_nothing_is_defined_on_the_one_year_horizon() {
    let b = debt("100000", "1.5", 12, Overdue::default());
    let an = b.analyse().unwrap();
    let p = term_extension(&b, &an, &flat("4800"), Some(24));
    let f = figures(&p);
    let paid_12: Decimal = f.schedule[..12].iter().map(|r| r.payment).sum();
    let owed_360 = an.overdue_cost.horizons[3].owed;
    assert_eq!(f.saving_vs_nothing, owed_360 - paid_12 - f.schedule[11].balance);
}

#[test]
fn ranking_puts_fitting_proposals_first() {
    let b = debt("100000", "1.5", 12, Overdue { days: 40, principal: d("5000"), interest: d("900") });
    let an = b.analyse().unwrap();
    let mut budget = flat("4000");
    budget.forecast = Some([d("4000"); 12]);
    let all = proposals_for(&b, &an, &budget);
    let keys: Vec<(u8, bool, Decimal)> = all.iter().map(|p| p.rank_key()).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(all.iter().map(|p| p.rank).collect::<Vec<_>>(), (1..=all.len() as u32).collect::<Vec<_>>());
    assert!(all[0].fits());
    for p in &all {
        if let Some(f) = &p.figures {
            repays_exactly(f);
            if f.budget_basis == BudgetBasis::Flat {
                assert_eq!(f.fits_budget, f.max_payment <= budget.available, "{:?}", p.kind);
            }
        }
    }
}

#[test]
fn re_amortising_at_the_contract_rate_recovers_everything_in_actual_days() {
    // ¥50,000 at 0.05 %/day over 12 months from 2024-01-31, re-spread
    // over 24, 36 and 60 months: interest accrues by the calendar's days,
    // and discounting by the same days gives back exactly the amount
    // owed. Discounting at annual/12 made it 100.46 % for 60 months.
    let mut b = debt("50000", "1.5", 12, Overdue::default());
    let rate = QuotedRate::new(d("0.05"), RateUnit::DailyPercent);
    b.loan.rate = rate;
    b.accrual = Accrual::of(&rate, Date::parse("2024-01-31"));
    let an = b.analyse().unwrap();
    for m in [24, 36, 60] {
        let f = term_extension(&b, &an, &flat("100000"), Some(m)).figures.unwrap();
        assert_eq!(f.lender_pv_percent, d("100.00"), "{m} months");
        assert!((f.lender_pv - d("50000")).abs() <= d("0.05"), "{m} months: {}", f.lender_pv);
    }
}

#[test]
fn fixed_point_pv_matches_exact_decimals() {
    // Against the plain decimal Horner sum (28 digits) within 0.001 yuan.
    let i = d("4.9") / d("1200");
    let s = Schedule::build(d("1000000"), i, 360, Method::EqualInstallment).unwrap();
    let v = Decimal::ONE / (Decimal::ONE + i);
    let exact = s.rows.iter().rev().fold(Decimal::ZERO, |acc, r| (acc + r.payment) * v);
    let fast = present_value(&s.rows, &Accrual::monthly(i));
    assert!((exact - fast).abs() < d("0.001"), "{exact} vs {fast}");
    // The PV of an annuity at its own rate is its principal, to the fen (rounding of the payments aside).
    assert!((fen(fast) - d("1000000")).abs() < d("1"));
}

/// Review F6 (wave 13): on the page the document has no `as_of`, only the
/// page's today. A loan due in 15 days falls overdue on day 16, not after a
/// 30-day step; a past due date rolls forward as the plans date it; and its
/// instalment's contract interest counts within the 30-day horizon.
#[test]
fn cost_of_waiting_counts_days_to_the_due_date_from_the_pages_today() {
    let mut debt = debt("45000", "1.5", 12, Overdue::default());
    debt.calendar.next_due = Date::parse("2026-12-15");
    let today = Date::parse("2026-11-30");
    let an = debt.analyse_on(today).unwrap();
    let first = &an.overdue_cost.timeline[0];
    assert_eq!((first.day, first.in_days), (1, 16));
    let h30 = an.overdue_cost.horizons.iter().find(|h| h.days == 30).unwrap();
    assert_eq!(h30.days_overdue, 15);
    assert!(h30.contract_interest > Decimal::ZERO && h30.penalty_since_today > Decimal::ZERO, "{h30:?}");
    // A due date before today rolls to its next occurrence on or after today (12-05).
    debt.calendar.next_due = Date::parse("2026-10-05");
    let an = debt.analyse_on(today).unwrap();
    assert_eq!(an.overdue_cost.timeline[0].in_days, 6);
    // The document's own as_of still rules when it has one (the CLI's fixtures).
    debt.calendar.next_due = Date::parse("2026-12-15");
    debt.calendar.as_of = Date::parse("2026-12-01");
    assert_eq!(debt.analyse_on(today).unwrap().overdue_cost.timeline[0].in_days, 15);
    // Without dates, 30-day steps as before.
    debt.calendar = DueCalendar::default();
    assert_eq!(debt.analyse_on(today).unwrap().overdue_cost.timeline[0].in_days, 31);
}
