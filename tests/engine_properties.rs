//! Property tests and hand-checked values for the money engine, the input
//! parser and the scenario reader.
//!
//! Layout:
//! 1. strategies (random loans, rates, budgets, messy text);
//! 2. schedule properties (every method, every rate unit, both day bases);
//! 3. APR properties (nominal = quoted, fees raise it, the IRR is a root);
//! 4. rate conversions;
//! 5. budget;
//! 6. input parsing (round trips, no panics);
//! 7. no panics on arbitrary engine input and arbitrary / mutated scenarios;
//! 8. known values computed independently (python3, exact fractions);
//! 9. regression tests for the bugs these tests found (fixed).
//!
//! Case counts: `PROPTEST_CASES=N` overrides every property's count (e.g. a
//! long soak: `PROPTEST_CASES=100000 cargo test --release --test engine_properties`).
//! Failures are not persisted to files; proptest prints the minimal input.

use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::prelude::ToPrimitive;
use std::str::FromStr;
use xieshang::engine::apr::monthly_irr;
use xieshang::engine::{
    apr_of_payments, fen, percent_2dp, Budget, DayBasis, Decimal, EngineError, Loan, LoanFigures, Method,
    QuotedRate, RateUnit, Schedule, MAX_AMOUNT,
};
use xieshang::input::{parse_amount, parse_months, parse_percent, InputError};
use xieshang::scenario::{ErrorKind, Scenario};

// ---------------------------------------------------------------------------
// 1. Strategies
// ---------------------------------------------------------------------------

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Cases per property: `default`, unless `PROPTEST_CASES` says otherwise.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    // Room for assumed-away inputs grows with the cases (a 10,000-case sweep ran out of the default 1,024).
    ProptestConfig { cases, failure_persistence: None, max_global_rejects: cases.max(1024), ..ProptestConfig::default() }
}

/// A fen amount between `lo_fen` and `hi_fen` (both in fen).
fn fen_amount(lo_fen: i64, hi_fen: i64) -> impl Strategy<Value = Decimal> {
    (lo_fen..=hi_fen).prop_map(|c| Decimal::new(c, 2))
}

fn basis() -> impl Strategy<Value = DayBasis> {
    prop_oneof![Just(DayBasis::D360), Just(DayBasis::D365)]
}

fn unit() -> impl Strategy<Value = RateUnit> {
    select(vec![RateUnit::DailyPercent, RateUnit::MonthlyPercent, RateUnit::AnnualPercent])
}

fn method() -> impl Strategy<Value = Method> {
    select(Method::ALL.to_vec())
}

/// Rates lenders actually print: LPR-based and bank rates, online lenders'
/// daily rates (0.02 %–0.05 %, 日息万四 = 0.04 %), card rates. Round figures
/// matter: their monthly rate (4 % / 12) has no finite decimal, so exact
/// half-fen products occur in one balance in a few hundred.
fn round_rate() -> impl Strategy<Value = (Decimal, RateUnit)> {
    prop_oneof![
        select(vec!["3.45", "3.85", "4", "4.35", "4.9", "5.6", "6", "7.2", "8.5", "10.8", "12", "15.4", "18", "18.25", "24", "36"])
            .prop_map(|v| (d(v), RateUnit::AnnualPercent)),
        select(vec!["0.5", "0.6", "0.75", "0.8", "1", "1.25", "1.5", "2"]).prop_map(|v| (d(v), RateUnit::MonthlyPercent)),
        select(vec!["0.02", "0.025", "0.03", "0.035", "0.04", "0.045", "0.05", "0.0575"]).prop_map(|v| (d(v), RateUnit::DailyPercent)),
    ]
}

/// A quoted rate as lenders print it, 4 decimals of a percent: daily
/// 0–0.2 %, monthly 0–5 %, annual 0–36 %, the round figures of
/// [`round_rate`], and 0 % now and then.
fn rate() -> impl Strategy<Value = QuotedRate> {
    let value_and_unit = prop_oneof![
        1 => unit().prop_map(|u| (Decimal::ZERO, u)),
        3 => (0i64..=2_000).prop_map(|m| (Decimal::new(m, 4), RateUnit::DailyPercent)),
        3 => (0i64..=50_000).prop_map(|m| (Decimal::new(m, 4), RateUnit::MonthlyPercent)),
        3 => (0i64..=360_000).prop_map(|m| (Decimal::new(m, 4), RateUnit::AnnualPercent)),
        4 => round_rate(),
    ];
    (value_and_unit, basis()).prop_map(|((value, unit), day_basis)| QuotedRate { value, unit, day_basis })
}

fn months() -> impl Strategy<Value = u32> {
    prop_oneof![4 => 1u32..=360, 1 => 361u32..=600]
}

/// Ordinary loans: ¥1,000.00 – ¥10,000,000.00, to the fen.
fn normal_loan(methods: Vec<Method>) -> impl Strategy<Value = Loan> {
    (fen_amount(100_000, 1_000_000_000), rate(), select(methods), months()).prop_map(
        |(principal, rate, method, months)| Loan { principal, rate, method, months, upfront_fee: Decimal::ZERO },
    )
}

/// Small and odd principals (¥0.01 – ¥5,000) over mostly long terms, where a
/// fen is a large share of each instalment and rounding is hardest.
fn small_loan(methods: Vec<Method>) -> impl Strategy<Value = Loan> {
    let principal = prop_oneof![
        1 => fen_amount(1, 100),
        2 => fen_amount(1, 500_000),
        1 => select(vec![d("0.01"), d("0.99"), d("1.01"), d("6.03"), d("603"), d("1000.01"), d("3333.33"), d("4999.99")]),
    ];
    let months = prop_oneof![1 => 1u32..=60, 3 => 120u32..=600, 1 => Just(600u32)];
    (principal, rate(), select(methods), months).prop_map(|(principal, rate, method, months)| Loan {
        principal,
        rate,
        method,
        months,
        upfront_fee: Decimal::ZERO,
    })
}

fn any_loan() -> impl Strategy<Value = Loan> {
    prop_oneof![2 => normal_loan(Method::ALL.to_vec()), 1 => small_loan(Method::ALL.to_vec())]
}

/// An up-front fee from one fen to half the principal (always less than it).
fn with_fee(loan: impl Strategy<Value = Loan>) -> impl Strategy<Value = (Loan, Decimal)> {
    let fen1 = Decimal::new(1, 2);
    (
        loan.prop_filter("a fee needs a principal of at least 2 fen", move |l| l.principal >= fen1 + fen1),
        prop_oneof![1 => 1i64..=100, 2 => 1i64..=1_000_000_000],
        1u32..=50,
    )
        .prop_map(move |(loan, fee_fen, share)| {
            let most = fen(loan.principal * Decimal::from(share) / Decimal::ONE_HUNDRED).min(loan.principal - fen1).max(fen1);
            (loan, Decimal::new(fee_fen, 2).min(most))
        })
}

/// Any `Decimal` at all: random 96-bit mantissas and scales, the extremes,
/// and ordinary values.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (-1_000_000_000_000i64..=1_000_000_000_000).prop_map(|c| Decimal::new(c, 2)),
        select(vec![
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ZERO,
            Decimal::from_parts(0, 0, 0, true, 0), // −0
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(1, 28),
            d("100000000000000000000"), // 1e20
            MAX_AMOUNT,
            MAX_AMOUNT + Decimal::new(1, 2),
            d("1000"),
            d("1000.0000000000000000000001"),
        ]),
    ]
}

fn any_months() -> impl Strategy<Value = u32> {
    prop_oneof![any::<u32>(), 0u32..=700, select(vec![0, 1, 600, 601, 10_000, u32::MAX])]
}

/// Half away from zero to `dp` decimals, straight from `rust_decimal` (the
/// oracles here do not borrow the engine's rounding helpers).
fn round_half_away(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

fn f64_of(x: Decimal) -> f64 {
    x.to_f64().unwrap()
}

// ---------------------------------------------------------------------------
// 2. Schedules
// ---------------------------------------------------------------------------

/// Structural invariants every schedule of a fen-precise principal has.
fn check_structure(loan: &Loan, f: &LoanFigures) -> Result<(), TestCaseError> {
    let rows = &f.schedule.rows;
    let p = loan.principal;
    prop_assert_eq!(rows.len(), loan.months as usize, "one row per month");
    let mut balance = p;
    let mut parts = Decimal::ZERO;
    for (k, r) in rows.iter().enumerate() {
        prop_assert_eq!(r.period, k as u32 + 1, "periods run 1..=n");
        prop_assert_eq!(r.payment, r.interest + r.principal, "payment = interest + principal in {:?}", r);
        prop_assert_eq!(r.balance, balance - r.principal, "balance_k = balance_(k-1) − principal_k in {:?}", r);
        for (name, x) in [("payment", r.payment), ("interest", r.interest), ("principal", r.principal), ("balance", r.balance)] {
            prop_assert!(!x.is_sign_negative() || x.is_zero(), "negative {} in {:?}", name, r);
            prop_assert_eq!(x, x.round_dp(2), "{} has more than 2 decimals in {:?}", name, r);
            // The JSON output prints the scale: "1.230" would be a fault too.
            prop_assert!(x.scale() <= 2, "{} is written with {} decimals in {:?}", name, x.scale(), r);
        }
        balance = r.balance;
        parts += r.principal;
    }
    prop_assert_eq!(parts, p, "principal parts sum to the principal");
    prop_assert!(balance.is_zero() && balance.scale() <= 2, "final balance is {}", balance);
    prop_assert_eq!(f.total_paid, rows.iter().map(|r| r.payment).sum::<Decimal>());
    prop_assert_eq!(f.total_interest, rows.iter().map(|r| r.interest).sum::<Decimal>());
    prop_assert_eq!(f.total_paid - f.total_interest, p);
    Ok(())
}

/// The monthly rate of `rate` exactly, as whole numbers (num, den), from the
/// quoted figure alone (DOMAIN.md: annual = daily × days in the year,
/// monthly = annual / 12, percent / 100). The oracles below do not borrow
/// the engine's conversions or rounding.
fn monthly_rate_exact(rate: &QuotedRate) -> (i128, i128) {
    let (m, scale) = (rate.value.mantissa(), 10i128.pow(rate.value.scale()));
    let days = if rate.day_basis == DayBasis::D365 { 365 } else { 360 };
    match rate.unit {
        RateUnit::DailyPercent => (m * days, scale * 1200),
        RateUnit::MonthlyPercent => (m, scale * 100),
        RateUnit::AnnualPercent => (m, scale * 1200),
    }
}

/// round_half_away(amount × times × num / den) to the fen, exactly in
/// integers, for a non-negative amount of at most two decimals.
fn fen_of_product(amount: Decimal, times: i128, (num, den): (i128, i128)) -> Decimal {
    assert!(amount.scale() <= 2 && !amount.is_sign_negative());
    let fen = amount.mantissa() * 10i128.pow(2 - amount.scale());
    let x = fen.checked_mul(num * times).expect("oracle overflow");
    Decimal::from_i128_with_scale((2 * x + den) / (2 * den), 2)
}

/// interest_k = round_half_away(balance_(k−1) × i) for 等额本息, 等额本金 and
/// 先息后本; 到期一次还本付息 charges round(P × i × n) once, at maturity.
fn check_interest_rule(loan: &Loan, f: &LoanFigures) -> Result<(), TestCaseError> {
    let i = monthly_rate_exact(&loan.rate);
    let rows = &f.schedule.rows;
    let mut before = loan.principal;
    for r in rows {
        let want = match loan.method {
            Method::Bullet if r.period < loan.months => Decimal::ZERO,
            Method::Bullet => fen_of_product(loan.principal, i128::from(loan.months), i),
            _ => fen_of_product(before, 1, i),
        };
        prop_assert_eq!(r.interest, want, "interest of {:?} on balance {} at {:?}", r, before, i);
        before = r.balance;
    }
    match loan.method {
        Method::InterestOnly | Method::Bullet => {
            for r in &rows[..rows.len() - 1] {
                prop_assert!(r.principal.is_zero(), "principal only at maturity: {:?}", r);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The exact annuity P·i / (1 − (1+i)^−n) in f64 (P/n at 0 %), with the
/// rate from [`monthly_rate_exact`]; relative error about 1e-13.
fn annuity_f64(principal: Decimal, (num, den): (i128, i128), n: u32) -> f64 {
    let (p, i) = (f64_of(principal), num as f64 / den as f64);
    if i == 0.0 {
        return p / f64::from(n);
    }
    let vn = (-f64::from(n) * i.ln_1p()).exp();
    if 1.0 - vn == 0.0 { p / f64::from(n) } else { p * i / (1.0 - vn) }
}

/// The lenders' schedule at level payment `a` (interest by the exact rule):
/// its last instalment, or `None` when a non-final principal part would
/// leave 0..=balance (the payment repays too fast, or not at all).
fn lenders_last(loan: &Loan, a: Decimal) -> Option<Decimal> {
    let i = monthly_rate_exact(&loan.rate);
    let mut balance = loan.principal;
    for _ in 1..loan.months {
        let part = a - fen_of_product(balance, 1, i);
        if part < Decimal::ZERO || part > balance {
            return None;
        }
        balance -= part;
    }
    Some(balance + fen_of_product(balance, 1, i))
}

/// ¥1, or a tenth of the level payment when that is more (the engine's
/// `level_tolerance`, restated).
fn tolerance_of(a: Decimal) -> Decimal {
    (a / Decimal::TEN).max(Decimal::ONE)
}

/// 等额本息 (`schedule`'s module docs): the lenders' schedule — the annuity
/// rounded to the fen (四舍五入), every instalment but the last that
/// payment, the last absorbing — wherever its last instalment is within
/// the tolerance of the payment; otherwise every month's payment re-solved
/// (the level payment of the balance over the months left, to the fen),
/// within a few fen of the first. Either way every month of the term pays
/// (a principal of at least a fen a month), so the months are the months
/// paid, and no instalment strays from the first by more than the tolerance.
///
/// The lenders' last instalment is also bounded by the rounding rule. Let A
/// be the exact annuity, a the rounded payment and δ = a − A. Month k's
/// interest is B_(k−1)·i + ε_k with |ε_k| ≤ 0.005 (one rounding to the
/// fen), so B_k = B_(k−1)(1+i) + ε_k − a, while the exact balance obeys
/// B*_k = B*_(k−1)(1+i) − A and B*_(n−1)(1+i) = A. The last instalment is
/// L = B_(n−1)(1+i) + ε_n; subtracting and unrolling,
///     L − a = Σ_(j=1..n) (ε_j − δ)(1+i)^(n−j),
/// hence |L − a| ≤ (0.005 + |δ|) · s_n with s_n = ((1+i)^n − 1)/i (n at 0 %):
/// ¥0.12 for 12 months at 1.5 %/month, ¥0.51 for 36 months at 2 %, ¥6.98 for
/// a 30-year mortgage at 4.9 %/year — inside the tolerance — but hundreds of
/// yuan where (1+i)^n is huge (decades at credit-card rates): there the
/// payments are re-solved.
fn check_equal_installment(loan: &Loan, f: &LoanFigures) -> Result<(), TestCaseError> {
    let rows = &f.schedule.rows;
    let n = rows.len();
    prop_assert_eq!(n as u32, loan.months);
    let a = rows[0].payment;
    let tolerance = tolerance_of(a);
    prop_assert!(rows.iter().all(|r| (r.payment - a).abs() <= tolerance), "an instalment strays beyond {} from {}", tolerance, a);
    // Less than a fen a month cannot be repaid in equal fen: only the bounds above.
    if loan.principal < Decimal::new(i64::from(loan.months), 2) {
        return Ok(());
    }
    prop_assert!(rows.iter().all(|r| r.payment > Decimal::ZERO), "a month pays nothing");
    prop_assert_eq!(f.schedule.paying_months(), loan.months);
    let exact = annuity_f64(loan.principal, monthly_rate_exact(&loan.rate), loan.months);
    // fen(A), allowing either side only where A lies within the f64 error
    // of a half fen.
    let err = exact.abs() * 1e-12 + 1e-9;
    let rounded = |x: f64| round_half_away(Decimal::try_from(x).unwrap(), 2);
    let (low, high) = (rounded(exact - err), rounded(exact + err));
    let lenders = [low, high].map(|p| lenders_last(loan, p).filter(|last| *last > Decimal::ZERO && (*last - p).abs() <= tolerance_of(p)).map(|last| (p, last)));
    let level = rows[..n - 1].iter().all(|r| r.payment == a);
    if !level {
        // Re-solved: only where neither rounding of the annuity works, and
        // within a few fen (at rates up to 5 % a month; the tolerance above beyond).
        // (Unless the annuity lies on a half fen within the f64 error: the
        // engine's exact rounding is then the one that counts.)
        prop_assert!(low != high || lenders.iter().all(Option::is_none), "re-solved although the lenders' rule works: {:?}", lenders);
        let i = { let (num, den) = monthly_rate_exact(&loan.rate); num as f64 / den as f64 };
        let spread = rows.iter().map(|r| (r.payment - a).abs()).max().unwrap_or_default();
        prop_assert!(i > 0.05 || spread <= d("0.05"), "re-solved payments spread {} from {}", spread, a);
        return Ok(());
    }
    prop_assert!(lenders.iter().flatten().any(|&(p, last)| p == a && last == rows[n - 1].payment), "{} / {} is not the lenders' schedule ({:?})", a, rows[n - 1].payment, lenders);
    let i = { let (num, den) = monthly_rate_exact(&loan.rate); num as f64 / den as f64 };
    let delta = (f64_of(a) - exact).abs();
    let s_n = if i == 0.0 { n as f64 } else { ((1.0 + i).powi(n as i32) - 1.0) / i };
    let bound = (0.005 + delta) * s_n * (1.0 + 1e-9) + 1e-9;
    let gap = (f64_of(rows[n - 1].payment) - f64_of(a)).abs();
    prop_assert!(gap <= bound, "last {} vs {}: gap {} > bound {} (δ = {}, s_n = {})", rows[n - 1].payment, a, gap, bound, delta, s_n);
    Ok(())
}

/// 等额本金 as banks print it: every principal part but the last is P/n
/// rounded half away from zero, the last absorbs the remainder; so the
/// instalments never rise except the last, and that by at most what it
/// absorbed. Where rounding up would overshoot (tiny principals), the parts
/// are P/n rounded down plus one fen in the first months: never rising.
fn check_equal_principal(loan: &Loan, f: &LoanFigures) -> Result<(), TestCaseError> {
    let rows = &f.schedule.rows;
    let n = rows.len();
    let count = Decimal::from(n as u64);
    let part = round_half_away(loan.principal / count, 2);
    let banks = part * (count - Decimal::ONE) <= loan.principal;
    for (k, w) in rows.windows(2).enumerate() {
        if !(banks && k + 2 == n) {
            prop_assert!(w[0].payment >= w[1].payment, "等额本金 instalment rises: {:?} → {:?}", w[0], w[1]);
        }
    }
    if banks {
        prop_assert!(rows[..n - 1].iter().all(|r| r.principal == part), "parts are not {} each", part);
        let last = rows[n - 1];
        prop_assert_eq!(last.principal, loan.principal - part * (count - Decimal::ONE));
        if n >= 2 {
            prop_assert!(last.payment <= rows[n - 2].payment + (last.principal - part), "last {:?} rises beyond its remainder", last);
        }
    } else {
        let fen1 = Decimal::new(1, 2);
        prop_assert!(rows.iter().all(|r| (r.principal - loan.principal / count).abs() < fen1));
    }
    Ok(())
}

fn check_all(loan: &Loan) -> Result<(), TestCaseError> {
    let f = loan.figures().map_err(|e| TestCaseError::fail(format!("valid loan {loan:?} refused: {e}")))?;
    check_structure(loan, &f)?;
    check_interest_rule(loan, &f)?;
    match loan.method {
        Method::EqualInstallment => check_equal_installment(loan, &f)?,
        Method::EqualPrincipal => check_equal_principal(loan, &f)?,
        _ => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(1500))]

    #[test]
    fn schedules_of_ordinary_loans(loan in normal_loan(Method::ALL.to_vec())) {
        check_all(&loan)?;
    }

    #[test]
    fn schedules_of_small_odd_loans(loan in small_loan(Method::ALL.to_vec())) {
        check_all(&loan)?;
    }
}

// ---------------------------------------------------------------------------
// 3. APR
// ---------------------------------------------------------------------------

/// Exact decimal NPV of `payments` (month 1 first) at monthly rate `r`, minus `held`.
fn npv(held: Decimal, payments: &[Decimal], r: Decimal) -> Decimal {
    let v = Decimal::ONE / (Decimal::ONE + r);
    let mut vk = Decimal::ONE;
    let mut total = -held;
    for p in payments {
        vk *= v;
        total += *p * vk;
    }
    total
}

proptest! {
    #![proptest_config(cases(800))]

    /// No fee, interest charged monthly on the balance: the IRR is the quoted
    /// rate up to interest rounding. Each month's interest is off by at most
    /// half a fen, i.e. the monthly rate by ≤ 0.005/B on a balance B; summed
    /// over the IRR's weights that is ≤ 0.005·n/Σ B_k ≤ 0.01/P a month for
    /// 等额本金 (Σ B_k ≈ nP/2), ×1200 = 12/P percentage points, ≤ 0.012 pp
    /// at P = ¥1,000 in the worst case where every rounding goes one way;
    /// random roundings cancel, so 0.01 pp holds. Small loans are excluded:
    /// ¥0.50 at 1 % a month pays fen(0.005) = ¥0.01, twice the rate.
    #[test]
    fn apr_of_a_no_fee_loan_is_the_nominal_rate(
        loan in normal_loan(vec![Method::EqualInstallment, Method::EqualPrincipal, Method::InterestOnly])
    ) {
        let f = loan.figures().unwrap();
        let quoted = loan.rate.annual_percent();
        let diff = (f.apr.nominal_percent - quoted).abs();
        prop_assert!(diff <= d("0.01"), "APR {} vs quoted {} for {:?}", f.apr.nominal_percent, quoted, loan);
        // The displayed figure agrees to the hundredth (or to rounding of it).
        prop_assert!((percent_2dp(f.apr.nominal_percent) - percent_2dp(quoted)).abs() <= d("0.01"));
    }

    /// A fee paid up front lowers the principal actually held, so the same
    /// payments cost strictly more; every method, every principal.
    #[test]
    fn an_upfront_fee_strictly_raises_the_apr((loan, fee) in with_fee(any_loan())) {
        let without = loan.figures().unwrap().apr;
        let with = Loan { upfront_fee: fee, ..loan }.figures().unwrap().apr;
        prop_assert!(with.monthly_irr > without.monthly_irr, "fee {} on {:?}: {} vs {}", fee, loan, with.monthly_irr, without.monthly_irr);
        prop_assert!(with.nominal_percent > without.nominal_percent);
        prop_assert!(with.effective_percent > without.effective_percent);
    }

    /// The solved rate is a root: the exact decimal NPV of the payments at the
    /// monthly IRR, minus the principal held, is within 1e-9 of the principal
    /// held. Also: nominal = 12 × IRR, effective = (1 + IRR)^12 − 1.
    #[test]
    fn the_apr_is_a_root_of_the_npv((loan, fee) in with_fee(any_loan()), charge_fee in any::<bool>()) {
        let loan = Loan { upfront_fee: if charge_fee { fee } else { Decimal::ZERO }, ..loan };
        let f = loan.figures().unwrap();
        let held = loan.principal - loan.upfront_fee;
        let r = f.apr.monthly_irr;
        let residual = npv(held, &f.schedule.payments(), r);
        prop_assert!(residual.abs() <= held * d("0.000000001"), "NPV at {} is {} for held {}", r, residual, held);
        prop_assert_eq!(f.apr.nominal_percent, r * Decimal::from(1200));
        let growth = (0..12).fold(Decimal::ONE, |g, _| g * (Decimal::ONE + r));
        prop_assert!((f.apr.effective_percent - (growth - Decimal::ONE) * Decimal::ONE_HUNDRED).abs() < d("0.000000001"));
        // The same root from the free function, with a bad guess.
        let again = monthly_irr(held, &f.schedule.payments(), d("0.9")).unwrap();
        prop_assert!((again - r).abs() <= d("0.000000000002"), "{} vs {}", again, r);
    }
}

// ---------------------------------------------------------------------------
// 4. Rate conversions
// ---------------------------------------------------------------------------

/// `k` ten-thousandths of a percent, often a multiple of 3, 9 or 73 so that
/// the divisions by 12, 360 and 365 are exact.
fn rate_mantissa() -> impl Strategy<Value = i64> {
    (0i64..=400_000, select(vec![1i64, 1, 3, 9, 73, 219, 657])).prop_map(|(k, m)| k * m)
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn rate_conversions(k in rate_mantissa(), basis in basis()) {
        let value = Decimal::new(k, 4);
        let days = basis.days();
        let twelve = Decimal::from(12);
        let hundred = Decimal::ONE_HUNDRED;
        let tiny = Decimal::new(1, 22);

        // Daily: annual = daily × basis; monthly = annual / 12.
        let daily = QuotedRate { value, unit: RateUnit::DailyPercent, day_basis: basis };
        prop_assert_eq!(daily.annual_percent(), value * days);
        prop_assert_eq!(daily.daily_percent(), value);
        prop_assert_eq!(daily.monthly_percent(), value * days / twelve);
        // monthly_fraction is monthly_percent / 100 to 28 digits: × 100 gives it back
        // up to the last digit.
        prop_assert!((daily.monthly_fraction() * hundred - daily.monthly_percent()).abs() <= tiny);
        prop_assert_eq!(daily.daily_fraction() * hundred, value);
        if basis == DayBasis::D360 {
            prop_assert_eq!(daily.monthly_percent(), value * Decimal::from(30), "daily × 30 at 360 days");
        }
        // Round trip daily → annual → daily is exact (value × days / days).
        let as_annual = QuotedRate { value: daily.annual_percent(), unit: RateUnit::AnnualPercent, day_basis: basis };
        prop_assert_eq!(as_annual.daily_percent(), value);
        prop_assert_eq!(as_annual.monthly_percent(), daily.monthly_percent());

        // Monthly: annual = monthly × 12; round trip monthly → annual → monthly exact.
        let monthly = QuotedRate { value, unit: RateUnit::MonthlyPercent, day_basis: basis };
        prop_assert_eq!(monthly.annual_percent(), value * twelve);
        prop_assert_eq!(monthly.monthly_percent(), value);
        let back = QuotedRate { value: monthly.annual_percent(), unit: RateUnit::AnnualPercent, day_basis: basis };
        prop_assert_eq!(back.monthly_percent(), value);

        // Annual → monthly → annual: exact when k/12 terminates (3 | k),
        // else within the 28-digit precision.
        let annual = QuotedRate { value, unit: RateUnit::AnnualPercent, day_basis: basis };
        prop_assert_eq!(annual.annual_percent(), value);
        let via_monthly = QuotedRate { value: annual.monthly_percent(), unit: RateUnit::MonthlyPercent, day_basis: basis };
        if k % 3 == 0 {
            prop_assert_eq!(via_monthly.annual_percent(), value);
        } else {
            prop_assert!((via_monthly.annual_percent() - value).abs() <= tiny);
        }
        // Annual → daily → annual: exact when k/360 (9 | k) or k/365 (73 | k) terminates.
        let via_daily = QuotedRate { value: annual.daily_percent(), unit: RateUnit::DailyPercent, day_basis: basis };
        let exact = match basis { DayBasis::D360 => k % 9 == 0, DayBasis::D365 => k % 73 == 0 };
        if exact {
            prop_assert_eq!(via_daily.annual_percent(), value);
        } else {
            prop_assert!((via_daily.annual_percent() - value).abs() <= tiny);
        }
        // The three forms agree with each other.
        for r in [daily, monthly, annual] {
            prop_assert!((r.daily_percent() * days - r.annual_percent()).abs() <= tiny);
            prop_assert!((r.monthly_percent() * twelve - r.annual_percent()).abs() <= tiny);
        }
    }
}

// ---------------------------------------------------------------------------
// 5. Budget
// ---------------------------------------------------------------------------

fn budget() -> impl Strategy<Value = Budget> {
    let amount = prop_oneof![1 => Just(Decimal::ZERO), 6 => fen_amount(0, 10_000_000), 1 => fen_amount(0, 100_000_000_000_000)];
    let buffer = prop_oneof![1 => Just(Decimal::TEN), 1 => Just(Decimal::ZERO), 1 => Just(Decimal::ONE_HUNDRED), 4 => (0i64..=10_000).prop_map(|m| Decimal::new(m, 2))];
    (amount.clone(), amount.clone(), amount, buffer).prop_map(|(income, expenses, other_obligations, buffer_percent)| Budget {
        income,
        expenses,
        other_obligations,
        buffer_percent,
    })
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn budget_figures(b in budget(), debt in prop_oneof![fen_amount(0, 10_000_000), fen_amount(0, 4_000_000_000_000_000)]) {
        let f = b.figures(debt).unwrap();
        let buffer = fen(b.income * b.buffer_percent / Decimal::ONE_HUNDRED);
        prop_assert_eq!(f.buffer, buffer);
        prop_assert_eq!(f.disposable, b.income - b.expenses - b.other_obligations - buffer);
        prop_assert_eq!(f.debt_payments, debt);
        prop_assert_eq!(f.margin, f.disposable - debt);
        prop_assert_eq!(f.fits, debt <= f.disposable, "fits ⇔ debt ≤ disposable");
        match f.dti_percent {
            None => {
                prop_assert!(b.income.is_zero());
                prop_assert_eq!(f.dti_over_limit, debt > Decimal::ZERO);
            }
            Some(p) => {
                let exact = debt / b.income * Decimal::ONE_HUNDRED;
                // Within half a hundredth; the rounding direction at exact
                // midpoints is pinned by `bug_dti_rounds_half_to_even` below.
                prop_assert!((p - exact).abs() <= d("0.005"), "dti {} vs {}", p, exact);
                prop_assert!(p.scale() <= 2);
                prop_assert_eq!(f.dti_over_limit, p > Decimal::from(50));
            }
        }
    }

    /// Any value in any budget field and any debt: a result or an error,
    /// never a panic (sub-fen incomes such as 1e-25 once overflowed the DTI
    /// division: `sub_fen_income_is_not_a_panic`).
    #[test]
    fn budget_never_panics(income in any_decimal(), expenses in any_decimal(), other in any_decimal(), buffer in any_decimal(),
                           debt in prop_oneof![fen_amount(-4_000_000_000_000_000, 4_000_000_000_000_000), any_decimal()]) {
        let b = Budget { income, expenses, other_obligations: other, buffer_percent: buffer };
        match b.figures(debt) {
            Ok(f) => prop_assert_eq!(f.fits, debt <= f.disposable),
            Err(e) => prop_assert!(["income", "expenses", "other_obligations", "buffer_percent", "result"].contains(&e.field()), "{:?}", e),
        }
    }
}

// ---------------------------------------------------------------------------
// 6. Input parsing
// ---------------------------------------------------------------------------

const FULL_WIDTH: [char; 10] = ['０', '１', '２', '３', '４', '５', '６', '７', '８', '９'];

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => FULL_WIDTH[(c as u8 - b'0') as usize],
            '.' => '．',
            c => c,
        })
        .collect()
}

/// Groups the integer digits of a plain decimal in threes with `sep`.
fn grouped(plain: &str, sep: &str) -> String {
    let (int, frac) = plain.split_once('.').map_or((plain, None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (k, c) in digits.iter().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(*c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// How a person might write `amount`.
fn written_amount(amount: Decimal, style: u8, sep: &str, wide: bool, prefix: &str, suffix: &str) -> String {
    let body = match style {
        0 => amount.to_string(),
        1 => grouped(&amount.to_string(), sep),
        2 => format!("{}万", (amount / Decimal::from(10_000)).normalize()),
        3 => format!("{}亿", (amount / Decimal::from(100_000_000)).normalize()),
        _ => format!("{}w", (amount / Decimal::from(10_000)).normalize()),
    };
    let body = if wide { full_width(&body) } else { body };
    format!("{prefix}{body}{suffix}")
}

/// Text drawn from the characters the parsers treat specially, so that the
/// interesting branches are reached far more often than by random unicode.
fn messy_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９.．。,，、'_ \\-－−¥￥元万亿wW%％年个月期eE+]{0,24}",
        "[-]?[0-9]{1,40}([.][0-9]{0,30})?(万|亿|w|元|%|年|个月|期)?",
    ]
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn amounts_round_trip(
        amount in prop_oneof![fen_amount(0, 100_000_000), fen_amount(0, 100_000_000_000_000)],
        style in 0u8..5,
        sep in select(vec![",", "，", " ", "'", "_"]),
        wide in any::<bool>(),
        prefix in select(vec!["", "¥", "￥", " ", "¥ "]),
        suffix in select(vec!["", "元", " "]),
    ) {
        // 元 after 万 is "1.5万元"; after 亿 likewise; both are accepted.
        let text = written_amount(amount, style, sep, wide, prefix, suffix);
        prop_assert_eq!(parse_amount(&text), Ok(amount), "{:?}", text);
    }

    #[test]
    fn percents_round_trip(k in 0i64..=100_000_000, scale in 0u32..=6, wide in any::<bool>(), sign in select(vec!["", "%", "％", " %"])) {
        let v = Decimal::new(k, scale);
        let body = if wide { full_width(&v.to_string()) } else { v.to_string() };
        let text = format!("{body}{sign}");
        // Above a million percent the parser calls it a typo.
        let want = if v <= Decimal::from(1_000_000) { Ok(v) } else { Err(InputError::TooLarge) };
        prop_assert_eq!(parse_percent(&text), want, "{:?}", text);
    }

    #[test]
    fn months_round_trip(n in 0u32..=100_000, style in 0u8..5, wide in any::<bool>()) {
        let text = match style {
            0 => n.to_string(),
            1 => format!("{n}个月"),
            2 => format!("{n}期"),
            3 => format!("{n}月"),
            _ => format!("{}年", (Decimal::from(n) / Decimal::from(12)).normalize()),
        };
        let text = if wide { full_width(&text) } else { text };
        // n/12 written as a decimal only comes back whole when it terminates.
        let exact = style != 4 || (Decimal::from(n) / Decimal::from(12)).scale() <= 2;
        if exact {
            prop_assert_eq!(parse_months(&text), Ok(n), "{:?}", text);
        }
    }

    /// Never a panic, whatever is typed; what is accepted is in range.
    #[test]
    fn parsers_never_panic(text in messy_text()) {
        if let Ok(v) = parse_amount(&text) {
            prop_assert!(v >= Decimal::ZERO && v <= MAX_AMOUNT && v.scale() <= 2, "{:?} → {}", text, v);
        }
        if let Ok(v) = parse_percent(&text) {
            prop_assert!(v >= Decimal::ZERO, "{:?} → {}", text, v);
        }
        // A year count too large for Decimal × 12 used to panic (regression:
        // `huge_year_counts_are_too_large_not_a_panic`).
        let _ = parse_months(&text);
    }
}

// ---------------------------------------------------------------------------
// 7. No panics on arbitrary engine input, arbitrary and mutated scenarios
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(3000))]

    /// Any principal, rate value, unit, basis, month count and fee: a result
    /// or an error, never a panic; and a result is a well-formed schedule.
    #[test]
    fn loans_never_panic(
        principal in any_decimal(),
        value in prop_oneof![any_decimal(), (0i64..=100_000).prop_map(|m| Decimal::new(m, 2))],
        unit in unit(),
        day_basis in basis(),
        method in method(),
        months in any_months(),
        fee in prop_oneof![Just(Decimal::ZERO), any_decimal()],
    ) {
        // Cap the work: 600 months is the engine's limit anyway.
        let loan = Loan { principal, rate: QuotedRate { value, unit, day_basis }, method, months, upfront_fee: fee };
        match loan.figures() {
            Ok(f) => {
                prop_assert_eq!(f.schedule.rows.len(), months as usize);
                prop_assert_eq!(f.schedule.total_principal(), fen(principal));
                prop_assert!(f.schedule.rows.iter().all(|r| !r.balance.is_sign_negative() || r.balance.is_zero()));
                prop_assert!(f.schedule.rows.last().unwrap().balance.is_zero());
            }
            Err(e) => prop_assert!(["principal", "rate", "months", "fee", "result"].contains(&e.field()), "{:?}", e),
        }
        // The lower-level builder too, on the raw monthly fraction.
        let _ = Schedule::build(principal, value / Decimal::ONE_HUNDRED, months, method);
    }
}

/// A valid scenario that uses every field (30/360 mode).
const BASE_SCENARIO: &str = r#"{
  "version": 1,
  "as_of": "2024-02-29",
  "loans": [
    {"id": "a", "lender": "mybank", "name": "网商贷", "principal": "100000.00",
     "rate": {"value": "0.05", "unit": "daily_percent", "day_basis": 365},
     "method": "equal_installment", "months": 12, "upfront_fee": "300",
     "overdue": {"days": 45, "principal": "8000", "interest": "1500"},
     "penalty": {"multiplier": "1.5", "compound": true, "base": "principal_and_interest"},
     "app_payment": "9180.00", "settlement_offer": "60000"},
    {"id": "b", "lender": "bank_credit", "principal": "50000",
     "rate": {"value": "6", "unit": "annual_percent"}, "method": "equal_principal", "months": 36,
     "overdue": {"days": 10}},
    {"id": "c", "principal": "8000", "rate": {"value": "1.5", "unit": "monthly_percent"},
     "method": "interest_only", "months": 6, "next_due_date": "2024-03-15"}
  ],
  "budget": {"income": "12000", "expenses": "6000", "other_obligations": "500", "buffer_percent": "10",
             "forecast": ["12000", "9000", "-500", "0", "15000", "12000", "12000", "3000", "12000", "12000", "20000", "12000"]}
}"#;

/// A valid scenario in actual-days mode (every loan has its next due date).
const BASE_ACTUAL: &str = r#"{
  "version": 1,
  "day_count": "actual",
  "as_of": "2024-01-31",
  "loans": [
    {"id": "a", "lender": "jiebei", "principal": "20000", "rate": {"value": "0.04", "unit": "daily_percent"},
     "method": "equal_installment", "months": 12, "next_due_date": "2024-01-31", "period_start": "2024-01-20"},
    {"id": "b", "lender": "weilidai", "principal": "9000", "rate": {"value": "0.05", "unit": "daily_percent"},
     "method": "bullet", "months": 3, "next_due_date": "2024-02-29", "overdue": {"days": 100, "principal": "3000"}}
  ],
  "budget": {"income": "8000", "expenses": "5000"}
}"#;

/// Every JSON pointer in a document.
fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, child) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (k, child) in a.iter().enumerate() {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        _ => {}
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    prop_oneof![
        any_decimal().prop_map(|x| Value::String(x.to_string())),
        fen_amount(-1_000_000, 200_000_000_000_000).prop_map(|x| Value::String(x.to_string())),
        any::<i64>().prop_map(|x| json!(x)),
        any::<u64>().prop_map(|x| json!(x)),
        (-1e30f64..1e30).prop_map(|x| json!(x)),
        select(vec![0u64, 1, 2, 12, 360, 365, 600, 601, 10_000, u32::MAX as u64, u32::MAX as u64 + 1]).prop_map(|x| json!(x)),
        select(vec![
            "daily_percent", "monthly_percent", "annual_percent", "weekly_percent",
            "equal_installment", "equal_principal", "interest_only", "bullet", "balloon",
            "mybank", "jiebei", "weilidai", "bank_credit", "credit_card", "other", "nobody",
            "actual", "30_360", "30/360", "principal", "principal_and_interest",
            "2024-02-29", "2023-02-29", "1900-01-01", "1899-12-31", "2199-12-31", "2200-01-01",
            "2024-13-01", "2024-00-10", "0000-00-00", "2024-1-5", "20240105",
            "", " ", "a", "b", "1e5", "1,000", "10万", "-0", "0.00", "NaN",
        ]).prop_map(|s| json!(s)),
        prop::collection::vec(any_decimal().prop_map(|x| x.to_string()), 0..14).prop_map(|v| json!(v)),
        (any::<u32>(), any_decimal(), any_decimal())
            .prop_map(|(days, p, i)| json!({"days": days, "principal": p.to_string(), "interest": i.to_string()})),
        (any_decimal(), any::<bool>(), select(vec!["principal", "principal_and_interest", "both"]))
            .prop_map(|(m, c, b)| json!({"multiplier": m.to_string(), "compound": c, "base": b})),
        any::<String>().prop_map(Value::String),
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"value": "1", "unit": "annual_percent"})),
    ]
}

/// Replacement values of every type, for a type-preserving tweak.
#[derive(Debug, Clone)]
struct Tweak {
    decimal: Decimal,
    number: u64,
    date: String,
    flag: bool,
}

fn tweak() -> impl Strategy<Value = Tweak> {
    let decimal = prop_oneof![
        2 => any_decimal(),
        3 => fen_amount(0, 100_000_000),
        1 => (0i64..=100_000).prop_map(|m| Decimal::new(m, 4)),
    ];
    let number = prop_oneof![0u64..=40, 0u64..=700, any::<u32>().prop_map(u64::from), Just(u32::MAX as u64 + 1)];
    let date = prop_oneof![
        (1890i32..=2210, 0u32..=13, 0u32..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (2020i32..=2030, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ];
    (decimal, number, date, any::<bool>()).prop_map(|(decimal, number, date, flag)| Tweak { decimal, number, date, flag })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Same JSON type, new value: most such documents stay readable, so
    /// `evaluate` runs on odd but valid inputs.
    Tweak(usize, Tweak),
    Set(usize, serde_json::Value),
    Remove(usize),
    AddKey(usize, String, serde_json::Value),
    CopyLoan(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        8 => (any::<usize>(), tweak()).prop_map(|(at, t)| Mutation::Tweak(at, t)),
        3 => (any::<usize>(), json_value()).prop_map(|(at, v)| Mutation::Set(at, v)),
        2 => any::<usize>().prop_map(Mutation::Remove),
        1 => (any::<usize>(), select(vec![
            "extra", "monthz", "id", "version", "day_basis", "day_count", "as_of", "overdue", "penalty",
            "app_payment", "next_due_date", "period_start", "settlement_offer", "forecast",
        ]).prop_map(String::from), json_value())
            .prop_map(|(at, k, v)| Mutation::AddKey(at, k, v)),
        1 => any::<usize>().prop_map(Mutation::CopyLoan),
    ]
}

fn mutate(doc: &mut serde_json::Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let pick = |at: usize| all[at % all.len()].clone();
    match m {
        Mutation::Tweak(at, t) => {
            if let Some(slot) = doc.pointer_mut(&pick(*at)) {
                use serde_json::Value;
                let new = match &*slot {
                    Value::String(s) if s.len() == 10 && s.as_bytes()[4] == b'-' => Value::String(t.date.clone()),
                    Value::String(s) if Decimal::from_str(s).is_ok() => Value::String(t.decimal.to_string()),
                    Value::Number(_) => Value::from(t.number),
                    Value::Bool(_) => Value::Bool(t.flag),
                    other => other.clone(),
                };
                *slot = new;
            }
        }
        Mutation::Set(at, v) => {
            if let Some(slot) = doc.pointer_mut(&pick(*at)) {
                *slot = v.clone();
            }
        }
        Mutation::Remove(at) => {
            let p = pick(*at);
            let (parent, key) = p.rsplit_once('/').unwrap();
            match doc.pointer_mut(parent) {
                Some(serde_json::Value::Object(m)) => {
                    m.remove(key);
                }
                Some(serde_json::Value::Array(a)) => {
                    let k: usize = key.parse().unwrap();
                    if k < a.len() {
                        a.remove(k);
                    }
                }
                _ => {}
            }
        }
        Mutation::AddKey(at, k, v) => {
            let p = pick(*at);
            let parent = p.rsplit_once('/').unwrap().0;
            if let Some(serde_json::Value::Object(m)) = doc.pointer_mut(parent) {
                m.insert(k.clone(), v.clone());
            }
        }
        Mutation::CopyLoan(k) => {
            if let Some(serde_json::Value::Array(a)) = doc.pointer_mut("/loans") {
                if !a.is_empty() {
                    let copy = a[k % a.len()].clone();
                    a.push(copy);
                }
            }
        }
    }
}

/// What a successfully read scenario must satisfy.
fn check_read(s: &Scenario) -> Result<(), TestCaseError> {
    // Writing and reading again gives the same scenario.
    let again = Scenario::from_json(&s.to_json());
    prop_assert_eq!(again.as_ref(), Ok(s), "{}", s.to_json());
    let e = s.evaluate();
    prop_assert_eq!(e.loans.len(), s.loans.len());
    let json: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
    prop_assert!(json["budget"].is_object());
    Ok(())
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn scenarios_from_arbitrary_text_never_panic(text in prop_oneof![
        any::<String>(),
        "\\{\"version\": ?[0-9-]{0,3}(, ?\"loans\": ?\\[[^\\]]{0,40}\\])?\\}",
    ]) {
        if let Ok(s) = Scenario::from_json(&text) {
            check_read(&s)?;
        }
    }

}

proptest! {
    // Each readable mutant is evaluated in full (proposals included): ~3 ms
    // in debug, so fewer cases here; soak with PROPTEST_CASES in release.
    #![proptest_config(cases(300))]

    #[test]
    fn mutated_scenarios_never_panic(
        base in select(vec![BASE_SCENARIO, BASE_ACTUAL]),
        muts in prop::collection::vec(mutation(), 1..4),
        cut in prop::option::weighted(0.15, (any::<usize>(), any::<char>())),
    ) {
        let mut doc: serde_json::Value = serde_json::from_str(base).unwrap();
        for m in &muts {
            mutate(&mut doc, m);
        }
        let mut text = doc.to_string();
        // Now and then damage the text itself: a character in place of another.
        if let Some((at, c)) = cut {
            let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let i = idx[at % idx.len()];
            let end = text[i..].chars().next().map_or(i, |ch| i + ch.len_utf8());
            text.replace_range(i..end, &c.to_string());
        }
        match Scenario::from_json(&text) {
            Ok(s) => check_read(&s)?,
            Err(e) => {
                // Errors name a field, except for whole-document faults.
                prop_assert!(!e.path().is_empty() || matches!(e.kind(), ErrorKind::Syntax | ErrorKind::Field), "{:?}", e);
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}


#[test]
fn base_scenarios_are_valid() {
    for (base, n) in [(BASE_SCENARIO, 3), (BASE_ACTUAL, 2)] {
        let s = Scenario::from_json(base).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.loans.len(), n);
        assert!(s.evaluate().loans.iter().all(|l| l.errors.is_empty()));
    }
}

// ---------------------------------------------------------------------------
// 8. Known values, computed independently
// ---------------------------------------------------------------------------
//
// Every expected figure below was computed outside this crate with python3:
// exact `fractions.Fraction` arithmetic, a hand-written round-half-away-from-
// zero to the fen, the schedule rules of DOMAIN.md, and the IRR found with
// `mpmath.findroot` at 50 digits. Closed forms (spreadsheet PMT, simple
// interest) are quoted where they give the same figure.

fn loan(principal: &str, value: &str, unit: RateUnit, method: Method, months: u32) -> Loan {
    Loan { principal: d(principal), rate: QuotedRate::new(d(value), unit), method, months, upfront_fee: Decimal::ZERO }
}

/// 等额本息 ¥200,000 at 0.035 %/day (360 basis) over 24 months.
/// Monthly rate = 0.035 × 30 = 1.05 %. PMT(1.05%, 24, −200000) =
/// 9470.8313725895… → ¥9,470.83. Month 1: interest 200000 × 1.05 % = 2100.00,
/// principal 7370.83, balance 192629.17. Fraction replay of the 24 months:
/// month 23 leaves 9372.47, month 24 = 9372.47 + fen(98.410935) = 9470.88;
/// total interest 27299.97. IRR × 12 = 12.600005…% (quoted 12.6 %),
/// (1 + IRR)^12 − 1 = 13.353735…%.
#[test]
fn known_equal_installment_daily_rate() {
    let f = loan("200000", "0.035", RateUnit::DailyPercent, Method::EqualInstallment, 24).figures().unwrap();
    let r = &f.schedule.rows;
    assert_eq!((r[0].payment, r[0].interest, r[0].principal, r[0].balance), (d("9470.83"), d("2100.00"), d("7370.83"), d("192629.17")));
    assert!(r[..23].iter().all(|x| x.payment == d("9470.83")));
    assert_eq!(r[22].balance, d("9372.47"));
    assert_eq!((r[23].payment, r[23].interest, r[23].principal), (d("9470.88"), d("98.41"), d("9372.47")));
    assert_eq!(f.total_interest, d("27299.97"));
    assert_eq!(f.total_paid, d("227299.97"));
    assert_eq!(percent_2dp(f.apr.nominal_percent), d("12.60"));
    assert_eq!(percent_2dp(f.apr.effective_percent), d("13.35"));
}

/// 等额本金 ¥50,000 at 6 %/year (0.5 %/month) over 36 months.
/// Principal part 50000/36 = 1388.888… → 1388.89 (35 times), last part
/// 50000 − 35 × 1388.89 = 1388.85. First = 1388.89 + 250.00 = 1638.89;
/// second = 1388.89 + fen(48611.11 × 0.005 = 243.05555) = 1631.95; last =
/// 1388.85 + fen(6.94425) = 1395.79. Total interest: the closed form
/// i·P·(n+1)/2 = 0.005 × 50000 × 37 / 2 = 4625 for unrounded parts; the
/// fraction replay with rounded parts and rounded interest gives 4625.00 too.
#[test]
fn known_equal_principal() {
    let f = loan("50000", "6", RateUnit::AnnualPercent, Method::EqualPrincipal, 36).figures().unwrap();
    let r = &f.schedule.rows;
    assert_eq!(f.first_payment(), d("1638.89"));
    assert_eq!(r[1].payment, d("1631.95"));
    assert_eq!(f.last_payment(), d("1395.79"));
    assert_eq!(r[35].principal, d("1388.85"));
    assert!(r[..35].iter().all(|x| x.principal == d("1388.89")));
    assert_eq!(f.total_interest, d("4625.00"));
    assert_eq!(percent_2dp(f.apr.nominal_percent), d("6.00"));
}

/// 先息后本 and 到期一次还本付息, ¥30,000 at 1.2 %/month over 12 months.
/// 先息后本: 30000 × 1.2 % = 360.00 a month, last 30360.00, total 4320.00;
/// APR = 14.40 % exactly (IRR is the monthly rate, interest paid monthly).
/// 到期一次: simple interest 30000 × 1.2 % × 12 = 4320.00 at maturity, one
/// payment of 34320.00 after eleven zero months. (1 + IRR)^12 = 34320/30000 =
/// 1.144 exactly, so the effective APR is 14.40 % and the nominal
/// 12 × (1.144^(1/12) − 1) = 13.528782…%.
#[test]
fn known_interest_only_and_bullet() {
    let io = loan("30000", "1.2", RateUnit::MonthlyPercent, Method::InterestOnly, 12).figures().unwrap();
    assert!(io.schedule.rows[..11].iter().all(|r| r.payment == d("360.00") && r.principal.is_zero()));
    assert_eq!(io.last_payment(), d("30360.00"));
    assert_eq!(io.total_interest, d("4320.00"));
    assert_eq!(percent_2dp(io.apr.nominal_percent), d("14.40"));

    let b = loan("30000", "1.2", RateUnit::MonthlyPercent, Method::Bullet, 12).figures().unwrap();
    assert!(b.schedule.rows[..11].iter().all(|r| r.payment.is_zero() && r.balance == d("30000")));
    assert_eq!(b.last_payment(), d("34320.00"));
    assert_eq!(b.total_interest, d("4320.00"));
    assert_eq!(percent_2dp(b.apr.effective_percent), d("14.40"));
    assert_eq!(percent_2dp(b.apr.nominal_percent), d("13.53"));
}

/// APR with a fee: 等额本息 ¥20,000 at 0.03 %/day (0.9 %/month, 10.8 % a
/// year) over 12 months, ¥600 deducted up front. PMT = 1765.77 (last
/// 1765.75, total interest 1189.22). Borrower holds 19,400: the IRR of
/// (−19400; 11 × 1765.77, 1765.75) × 12 = 16.608353…% (spreadsheet:
/// RATE(12, …) × 12 gives the same), effective 17.932791…%; without the fee
/// 10.800054…%.
#[test]
fn known_apr_with_fee() {
    let base = loan("20000", "0.03", RateUnit::DailyPercent, Method::EqualInstallment, 12);
    let f = base.figures().unwrap();
    assert_eq!(f.first_payment(), d("1765.77"));
    assert_eq!(f.last_payment(), d("1765.75"));
    assert_eq!(f.total_interest, d("1189.22"));
    assert_eq!(percent_2dp(f.apr.nominal_percent), d("10.80"));
    let with_fee = Loan { upfront_fee: d("600"), ..base }.figures().unwrap();
    assert_eq!(percent_2dp(with_fee.apr.nominal_percent), d("16.61"));
    assert_eq!(percent_2dp(with_fee.apr.effective_percent), d("17.93"));
    // To more places: 16.608353649… and 17.932791153…
    assert!((with_fee.apr.nominal_percent - d("16.608353649")).abs() < d("0.000001"));
    assert!((with_fee.apr.effective_percent - d("17.932791153")).abs() < d("0.000001"));
    // The free function on the same payments agrees.
    let apr = apr_of_payments(d("19400"), &f.schedule.payments(), Decimal::ZERO).unwrap();
    assert_eq!(apr, with_fee.apr);
}

/// 365-day basis: 0.05 %/day × 365 = 18.25 %/year, monthly 1.5208333…%.
/// 等额本息 ¥100,000 over 12 months: PMT = 9179.901327… → 9179.90, last
/// 9179.92, total interest 10158.82; APR 18.25 %. (With 360 days the same
/// loan pays 9168.00: a ¥11.90 a month difference — the "doesn't match my
/// bank" complaint of DOMAIN.md.)
#[test]
fn known_365_day_basis() {
    let mut l = loan("100000", "0.05", RateUnit::DailyPercent, Method::EqualInstallment, 12);
    l.rate.day_basis = DayBasis::D365;
    assert_eq!(l.rate.annual_percent(), d("18.25"));
    let f = l.figures().unwrap();
    assert_eq!(f.first_payment(), d("9179.90"));
    assert_eq!(f.last_payment(), d("9179.92"));
    assert_eq!(f.total_interest, d("10158.82"));
    assert_eq!(percent_2dp(f.apr.nominal_percent), d("18.25"));
    l.rate.day_basis = DayBasis::D360;
    assert_eq!(l.figures().unwrap().first_payment(), d("9168.00"));
}

#[test]
fn known_zero_rate_and_one_month() {
    // 0 %: ¥1,000 over 7 months = 142.857… → 142.86 × 6, last 1000 − 857.16 = 142.84.
    let f = loan("1000", "0", RateUnit::AnnualPercent, Method::EqualInstallment, 7).figures().unwrap();
    assert_eq!(f.first_payment(), d("142.86"));
    assert_eq!(f.last_payment(), d("142.84"));
    assert_eq!(f.apr.nominal_percent, Decimal::ZERO);
    // One month at 0.05 %/day: 1000 × 1.5 % = 15.00 for every method.
    for m in Method::ALL {
        let f = loan("1000", "0.05", RateUnit::DailyPercent, m, 1).figures().unwrap();
        assert_eq!(f.first_payment(), d("1015.00"), "{m:?}");
        assert_eq!(percent_2dp(f.apr.nominal_percent), d("18.00"));
    }
}

// ---------------------------------------------------------------------------
// 9. Regression tests for bugs these tests found (all fixed)
// ---------------------------------------------------------------------------

/// Regression (found at f4d9388, where it panicked: `v * Decimal::from(per)`
/// in src/input.rs). "9999999999999999999999999999年" (28 nines) fits a
/// Decimal, × 12 does not: the page's months field must say TooLarge.
#[test]
fn huge_year_counts_are_too_large_not_a_panic() {
    assert_eq!(parse_months("9999999999999999999999999999年"), Err(InputError::TooLarge));
    assert_eq!(parse_months("79228162514264337593543950335年"), Err(InputError::TooLarge));
    assert_eq!(parse_months("６６０２３４６８７６２２０２８１３１２８６２４９５８６１年"), Err(InputError::TooLarge));
}

/// Regression (found at f4d9388, where it panicked with "Division
/// overflowed" at src/engine/budget.rs:81). A positive sub-fen income is a
/// valid budget field (0 ≤ income ≤ 1e12), and the DTI division by it
/// overflowed.
#[test]
fn sub_fen_income_is_not_a_panic() {
    let b = Budget { income: d("0.0000000000000000000000001"), expenses: d("0"), other_obligations: d("0"), buffer_percent: d("10") };
    let r = std::panic::catch_unwind(|| b.figures(d("9168.00")));
    assert!(r.is_ok(), "Budget::figures panicked");
}

/// The same through the scenario reader: at f4d9388 a scenario whose budget
/// income is "0.0000000000000000000000001" passed `Scenario::from_json` and
/// `evaluate()` panicked, so `examples/evaluate` died instead of answering.
/// Now either the reader refuses it at `budget.income` or evaluate answers.
#[test]
fn evaluate_with_sub_fen_income_is_not_a_panic() {
    let text = BASE_SCENARIO.replace(r#""income": "12000""#, r#""income": "0.0000000000000000000000001""#);
    match Scenario::from_json(&text) {
        Err(e) => assert_eq!(e.path(), "budget.income"),
        Ok(s) => {
            let r = std::panic::catch_unwind(|| s.evaluate());
            assert!(r.is_ok(), "evaluate panicked");
        }
    }
}

/// DTI is rounded with `round_dp(2)`, which is banker's rounding (half to
/// even), while every other output percentage uses `percent_2dp` (half away
/// from zero, "the one rounding rule" of DOMAIN.md). Input: income 800, debt
/// 1 → DTI exactly 0.125 %: expected 0.13, actual 0.12. Debt 5 → 0.625 %:
/// expected 0.63, actual 0.62. (Debts 3 and 7 give 0.375 and 0.875, where
/// both rules agree on 0.38 and 0.88.)
#[test]
fn bug_dti_rounds_half_to_even() {
    let b = Budget { income: d("800"), expenses: d("0"), other_obligations: d("0"), buffer_percent: d("10") };
    assert_eq!(b.figures(d("1")).unwrap().dti_percent, Some(d("0.13")));
    assert_eq!(b.figures(d("5")).unwrap().dti_percent, Some(d("0.63")));
    // Checks the rule rather than the two figures:
    for debt in ["1", "3", "5", "7"] {
        let exact = d(debt) / d("800") * Decimal::ONE_HUNDRED;
        assert_eq!(b.figures(d(debt)).unwrap().dti_percent, Some(percent_2dp(exact)), "debt {debt}");
    }
}

/// Loans accept principals with more than two decimals and silently round
/// them: principal 100.005 (accepted by `Loan::validate` and by the scenario
/// reader, although `input::parse_amount` refuses it as TooPrecise) gives a
/// schedule whose principal parts sum to 100.01, so total_paid −
/// total_interest ≠ principal and the evaluator prints "principal":
/// "100.005" above a schedule repaying 100.01; the APR is then computed on
/// 100.005 held. Expected (DOMAIN: "the principal parts sum exactly to P"):
/// either an error naming `principal` or a schedule of exactly P.
#[test]
fn bug_sub_fen_principal_is_silently_rounded() {
    let l = loan("100.005", "0.05", RateUnit::DailyPercent, Method::EqualInstallment, 12);
    match l.figures() {
        Err(e) => assert_eq!(e.field(), "principal"),
        Ok(f) => assert_eq!(f.schedule.total_principal(), l.principal),
    }
}

/// Sanity: the property checks above are able to fail (guards against a
/// vacuous helper).
#[test]
fn property_helpers_detect_a_broken_schedule() {
    let l = loan("1000", "1", RateUnit::MonthlyPercent, Method::EqualInstallment, 6);
    let mut f = l.figures().unwrap();
    assert!(check_structure(&l, &f).is_ok() && check_interest_rule(&l, &f).is_ok() && check_equal_installment(&l, &f).is_ok());
    f.schedule.rows[2].interest += Decimal::new(1, 2);
    assert!(check_structure(&l, &f).is_err());
    assert!(check_interest_rule(&l, &f).is_err());
    let mut f = l.figures().unwrap();
    f.schedule.rows[5].payment += d("5");
    f.schedule.rows[5].interest += d("5");
    assert!(check_equal_installment(&l, &f).is_err());
    assert_eq!(EngineError::MonthsOutOfRange.field(), "months");
}

/// `Apr::from_monthly` checks `(1 + irr)^12` for overflow but then multiplies
/// `(growth − 1) × 100` with the panicking `*` (src/engine/apr.rs:35). So a
/// monthly IRR with 1 + irr between ≈174.4 (100 × that^12 > Decimal::MAX)
/// and ≈255.9 (where the checked power gives up) panics instead of
/// returning Err(Overflow). Present since the first engine commit.
/// Input: ¥1,000 at 0 %, one month, 到期一次, up-front fee ¥994.50 (valid:
/// less than the principal) → held ¥5.50, IRR = 1000/5.5 − 1 = 180.8.
/// Expected: Ok (nominal 216,981.82 %) or Err(Overflow). Actual: panic
/// "Multiplication overflowed". Fee ¥995 (IRR 199) panics too; ¥994 works.
#[test]
fn bug_apr_panics_for_a_huge_but_finite_irr() {
    let l = Loan { upfront_fee: d("994.50"), ..loan("1000", "0", RateUnit::AnnualPercent, Method::Bullet, 1) };
    let r = std::panic::catch_unwind(|| l.figures().map(|f| f.apr));
    assert!(matches!(r, Ok(Ok(_)) | Ok(Err(EngineError::Overflow))), "Loan::figures panicked");
    let r = std::panic::catch_unwind(|| apr_of_payments(d("5"), &[d("1000")], Decimal::ZERO));
    assert!(r.is_ok(), "apr_of_payments panicked");
    let r = std::panic::catch_unwind(|| xieshang::engine::Apr::from_monthly(d("180")));
    assert!(matches!(r, Ok(Ok(_)) | Ok(Err(EngineError::Overflow))), "Apr::from_monthly(180) panicked");
}

proptest! {
    #![proptest_config(cases(1000))]

    /// Fees close to the principal give huge IRRs; the APR must still be a
    /// result or an error. Fails today: see `bug_apr_panics_for_a_huge_but_finite_irr`.
    #[test]
    fn bug_loans_with_fees_near_the_principal_never_panic(loan in any_loan(), held_fen in 1i64..=2_000) {
        let held = Decimal::new(held_fen, 2);
        prop_assume!(loan.principal > held);
        let loan = Loan { upfront_fee: loan.principal - held, ..loan };
        let _ = loan.figures();
    }
}
