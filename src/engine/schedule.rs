//! Repayment schedules for the four methods Chinese lenders use.
//!
//! Rounding (DOMAIN.md): each interest amount and each instalment is rounded to
//! the fen, half away from zero; the last instalment absorbs the remainder, so
//! the principal parts sum exactly to the principal and the final balance is
//! exactly 0.00. Interest is computed in 30/360 mode: balance × monthly rate,
//! the rate an exact [`Ratio`] (4.9 %/yr is 4.9 / 1200, not 0.0040833…3), so
//! a product that lands on half a fen rounds away from zero as it should.
//!
//! Level instalments (等额本息, and every proposal re-amortised at a rate):
//! the payment is the exact level payment rounded to the fen and the last
//! instalment absorbs the remainder — what lenders print — whenever that
//! last instalment stays within [`level_tolerance`] of the payment (¥1, or
//! a tenth of the payment when more). Where it does not — a fen a month
//! compounds to s_n = ((1+i)^n − 1)/i fen by the end, hundreds of yuan on
//! decades at credit-card rates, and a tiny loan over many months cannot
//! repay in equal fen — each month's payment is re-solved: the level
//! payment of the balance over the months left, rounded to the fen
//! (`resolved_rows`). The payments then differ by a fen or two, never a
//! balloon. Either way a schedule of n months pays in each of its n months
//! (given a principal of at least a fen a month): no month of ¥0.00, so
//! the months a proposal states are the months it pays.

use super::dates::Date;
use super::exact::{mul_ratio_fen, Ratio, RatioU64};
use super::fen_amount::{self, FenAmount};
use super::{checked, decimal_str, fen, fen_down, EngineError, MAX_AMOUNT, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the loan is repaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// 等额本息: equal instalments (annuity).
    EqualInstallment,
    /// 等额本金: equal principal parts, falling instalments.
    EqualPrincipal,
    /// 先息后本: interest monthly, all principal at the end.
    InterestOnly,
    /// 到期一次还本付息: principal and simple interest at maturity.
    Bullet,
}

impl Method {
    pub const ALL: [Method; 4] =
        [Self::EqualInstallment, Self::EqualPrincipal, Self::InterestOnly, Self::Bullet];
}

/// One instalment. Every amount is a whole number of fen below 2^61 fen
/// (at most two places, its scale and sign kept as computed): a row is
/// made by [`Row::new`] only (the private field), so the figures read
/// rows in whole fen ([`FenAmount`]) with no `Decimal` path beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Month number, 1-based.
    pub period: u32,
    #[serde(with = "decimal_str")]
    pub payment: Decimal,
    #[serde(with = "decimal_str")]
    pub interest: Decimal,
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    /// Principal still owed after this instalment.
    #[serde(with = "decimal_str")]
    pub balance: Decimal,
    /// Due date, when the loan's dates are known ([`crate::engine::due`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip)]
    in_fen: InFenOnly,
}

/// What makes [`Row`]s outside this module by [`Row::new`] only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct InFenOnly;

/// (2^61 − 1) fen, the largest amount a row holds ([`FenAmount`]'s limit).
const ROW_CAP: Decimal = Decimal::from_parts(u32::MAX, (1 << 29) - 1, 0, false, 2);

/// `d` when it has two places at most and a mantissa below 2^54 (so below
/// 2^61 fen), read from its bytes without a comparison of decimals (scale
/// in byte 2; the mantissa's 96 bits in bytes 4–15); else `d` rounded to
/// the fen and capped at 2^61 fen.
#[inline(always)]
fn whole_fen(d: Decimal) -> Decimal {
    let b = d.serialize();
    match b[2] <= 2 && b[10] < 0x40 && b[11..16] == [0; 5] {
        true => d,
        false => fen(d).clamp(-ROW_CAP, ROW_CAP),
    }
}

impl Row {
    /// An undated row; [`crate::engine::due::DueDates::mark`] dates it.
    /// Each amount is kept as it is — every amount the engine computes is
    /// rounded to the fen and below ¥10^16 (a principal of at most ¥10^12
    /// with at most 600 months of interest at under 100 % a month) — or,
    /// were one not, rounded to the fen and capped at 2^61 fen.
    pub fn new(period: u32, payment: Decimal, interest: Decimal, principal: Decimal, balance: Decimal) -> Self {
        Self { period, payment: whole_fen(payment), interest: whole_fen(interest), principal: whole_fen(principal), balance: whole_fen(balance), date: None, in_fen: InFenOnly }
    }

    /// A row of amounts in whole fen already.
    #[inline(always)]
    fn of_fen(period: u32, payment: FenAmount, interest: FenAmount, principal: FenAmount, balance: FenAmount) -> Self {
        Self { period, payment: payment.decimal(), interest: interest.decimal(), principal: principal.decimal(), balance: balance.decimal(), date: None, in_fen: InFenOnly }
    }

    /// The payment in whole fen: always there (see [`Row`]), `None` only
    /// were a row's field overwritten with an amount of more places.
    #[inline(always)]
    pub(crate) fn payment_fen(&self) -> Option<FenAmount> {
        FenAmount::of(self.payment)
    }

    /// The principal part in whole fen (as [`Row::payment_fen`]).
    #[inline(always)]
    pub(crate) fn principal_fen(&self) -> Option<FenAmount> {
        FenAmount::of(self.principal)
    }
}

/// A full repayment schedule, one row per month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Schedule {
    pub rows: Vec<Row>,
}

impl Schedule {
    /// Builds the schedule of `principal` at `monthly_rate` (a fraction:
    /// 0.015 for 1.5 %, or an exact [`Ratio`] such as 4.9 / 1200) over
    /// `months` months.
    pub fn build(
        principal: Decimal,
        monthly_rate: impl Into<Ratio>,
        months: u32,
        method: Method,
    ) -> Result<Self, EngineError> {
        let rate: Ratio = monthly_rate.into();
        check_bounds(principal, months, rate.approx())?;
        let principal = fen(principal);
        let rows = match method {
            Method::EqualInstallment => equal_installment(principal, rate, months),
            Method::EqualPrincipal => equal_principal(principal, |_| rate, months),
            Method::InterestOnly => interest_only(principal, |_| rate, months),
            Method::Bullet => bullet(principal, rate, months),
        };
        Ok(Self { rows })
    }

    pub fn months(&self) -> u32 {
        self.rows.len() as u32
    }

    /// The months until the balance is cleared: all of them, unless a
    /// level payment finishes early (see [`level_rows`]), when the rows
    /// after that have nothing due.
    pub fn paying_months(&self) -> u32 {
        self.rows.iter().position(|r| r.balance.is_zero()).map_or(self.months(), |k| k as u32 + 1)
    }

    pub fn total_paid(&self) -> Decimal {
        self.total(|r| r.payment)
    }

    pub fn total_interest(&self) -> Decimal {
        self.total(|r| r.interest)
    }

    pub fn total_principal(&self) -> Decimal {
        self.total(|r| r.principal)
    }

    /// The sum of one amount of every row, in whole fen when every amount
    /// has two places at most (the same value and scale as summing `Decimal`s).
    fn total(&self, amount: fn(&Row) -> Decimal) -> Decimal {
        let amounts = || self.rows.iter().map(amount);
        fen_amount::sum(amounts()).unwrap_or_else(|| amounts().sum())
    }

    pub fn first_payment(&self) -> Decimal {
        self.rows.first().map_or(Decimal::ZERO, |r| r.payment)
    }

    pub fn last_payment(&self) -> Decimal {
        self.rows.last().map_or(Decimal::ZERO, |r| r.payment)
    }

    /// Largest single instalment (the balloon of 先息后本 and 到期一次).
    pub fn max_payment(&self) -> Decimal {
        self.rows.iter().map(|r| r.payment).max().unwrap_or(Decimal::ZERO)
    }

    /// The payment stream, month 1 first, for IRR.
    pub fn payments(&self) -> Vec<Decimal> {
        self.rows.iter().map(|r| r.payment).collect()
    }
}

/// The bounds every schedule shares, in both day-count modes: principal in
/// (0, [`MAX_AMOUNT`]], months in 1..=[`MAX_MONTHS`], and a per-period `rate`
/// in 0..=1. 1000 % a year is 0.8333… a month; anything above is refused
/// upstream, this guard keeps the arithmetic bounded if a caller skips
/// validation.
pub(crate) fn check_bounds(principal: Decimal, months: u32, rate: Decimal) -> Result<(), EngineError> {
    if principal <= Decimal::ZERO {
        return Err(EngineError::PrincipalNotPositive);
    }
    if principal > MAX_AMOUNT {
        return Err(EngineError::PrincipalTooLarge);
    }
    if months == 0 || months > MAX_MONTHS {
        return Err(EngineError::MonthsOutOfRange);
    }
    if rate < Decimal::ZERO {
        return Err(EngineError::RateNegative);
    }
    if rate > Decimal::ONE {
        return Err(EngineError::RateTooHigh);
    }
    Ok(())
}

/// `base^n` by squaring; every product is an exact-as-possible 28-digit decimal.
pub(crate) fn pow(base: Decimal, mut n: u32) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    let mut b = base;
    while n > 0 {
        if n & 1 == 1 {
            result = checked::mul(result, b)?;
        }
        n >>= 1;
        if n > 0 {
            b = checked::mul(b, b)?;
        }
    }
    Some(result)
}

/// The exact (unrounded) annuity payment P·i / (1 − (1+i)^−n), or P/n at 0 %.
/// Written with the discount factor so it cannot overflow for any valid input:
/// (1+i)^−n only shrinks towards 0.
pub fn annuity_payment(principal: Decimal, monthly_rate: Decimal, months: u32) -> Decimal {
    let n = Decimal::from(months.max(1));
    if monthly_rate.is_zero() {
        return principal / n;
    }
    let v = Decimal::ONE / (Decimal::ONE + monthly_rate);
    let vn = pow(v, months).unwrap_or(Decimal::ZERO);
    // A rate so small that (1+i)^−n rounds to 1 behaves as 0 %.
    (principal * monthly_rate).checked_div(Decimal::ONE - vn).unwrap_or(principal / n)
}

pub(crate) const FEN: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

fn equal_installment(principal: Decimal, i: Ratio, n: u32) -> Vec<Row> {
    level_rows(principal, |_| i, 1, n, annuity_payment(principal, i.approx(), n))
}

/// Level instalments of `principal` over periods `start..start + n`, period
/// `p` bearing interest at `rate_of(p)`: the payment is `exact_payment`
/// rounded to the fen and the last instalment absorbs the remainder — the
/// lenders' rule — whenever that keeps every instalment within
/// [`level_tolerance`] of the level one (see [`resolved_rows`] otherwise).
/// Shared by the 30/360 schedules (a constant rate) and the actual-days ones.
pub(crate) fn level_rows(
    principal: Decimal,
    rate_of: impl Fn(u32) -> Ratio + Copy,
    start: u32,
    n: u32,
    exact_payment: Decimal,
) -> Vec<Row> {
    let mut rows = Vec::new();
    level_rows_into(&mut rows, principal, rate_of, start, n, exact_payment);
    rows
}

/// [`level_rows`] appended to `out`, after the rows already there (a
/// holiday's or a deferral's first months): built in place when the
/// rounded payment works, as it nearly always does, instead of in a
/// vector of their own copied over.
pub(crate) fn level_rows_into(
    out: &mut Vec<Row>,
    principal: Decimal,
    rate_of: impl Fn(u32) -> Ratio + Copy,
    start: u32,
    n: u32,
    exact_payment: Decimal,
) {
    let n = n.max(1);
    let rounded = fen(exact_payment);
    let kept = out.len();
    out.reserve(n as usize);
    // `amortize` without clamping, its whole-fen loop writing into `out`.
    let tried = match amortize_fen(principal, &rate_of, start, n, rounded, out) {
        InFen::Rows if ends_level(&out[kept..], rounded) => return,
        InFen::Rows | InFen::Refused => None,
        InFen::Unsure => {
            out.truncate(kept);
            amortize_decimal(principal, &rate_of, start, n, rounded, false).filter(|rows| ends_level(rows, rounded))
        }
    };
    out.truncate(kept);
    match tried {
        Some(rows) => out.extend(rows),
        None => resolved_rows(out, principal, &rate_of, start, n),
    }
}

/// How far the last instalment of a level schedule may stray from the
/// level `payment`: ¥1, or a tenth of the payment when that is more. The
/// lenders' rounding stays well inside it wherever lenders lend (a 30-year
/// mortgage at 6 % strays by ¥5 at most on a payment of ¥60 or more;
/// five years at 36 % by ¥0.82); beyond, half a fen a month compounds
/// into a balloon ([`resolved_rows`]).
pub(crate) fn level_tolerance(payment: Decimal) -> Decimal {
    (payment / Decimal::TEN).max(Decimal::ONE)
}

/// Whether the lenders' rows at the level `payment` end within
/// [`level_tolerance`] of it (every other row pays exactly `payment`), and
/// above zero: ¥0.12 over 5 months at 0.03 is repaid in month 4.
fn ends_level(rows: &[Row], payment: Decimal) -> bool {
    let Some(last) = rows.last() else { return false };
    // In whole fen when both have two places at most: |d| ≤ max(¥1, p/10) ⇔ 10·|d| ≤ max(1000 fen, p).
    if let (Some(l), Some(p)) = (FenAmount::of(last.payment), FenAmount::of(payment)) {
        return l.fen > 0 && (l.fen - p.fen).unsigned_abs().saturating_mul(10) <= p.fen.max(1000).unsigned_abs();
    }
    last.payment > Decimal::ZERO && (last.payment - payment).abs() <= level_tolerance(payment)
}

/// Level instalments re-solved every period: period `k` pays the level
/// payment of the balance over the periods left, rounded to the fen, so a
/// rounding that would compound into a balloon or an early finish is
/// corrected a fen at a time as it arises. Every period of the term pays
/// (a schedule of n months pays in n months), the payments stay within a
/// few fen of each other, and the last absorbs what is left. Used when
/// the lenders' single rounded payment does not work: a fen a month grows
/// by s_n = ((1+i)^n − 1)/i — ≈ ¥975 for 280 months at 2.88 %/month, where
/// 54.83 ended in a last instalment of 997.46 and 54.84 repaid in month
/// 279 — or a tiny loan over many months (¥603 over 600 at 0 %: 1.01
/// repays in month 598, 1.00 leaves 4.00 for the last).
///
/// The level payment of balance B over periods k..=end is B / S_k, with
/// S_k = Σ_{j=k..end} Π_{l=k..j} 1/(1 + r_l), summed backwards once. A
/// payment never falls below its month's interest: with actual days, a loan
/// so long and dear that it barely amortises has a level payment below a
/// 31-day month's interest, and those months pay their interest.
fn resolved_rows(out: &mut Vec<Row>, principal: Decimal, rate_of: &dyn Fn(u32) -> Ratio, start: u32, n: u32) {
    let last = start + n - 1;
    let mut sums = vec![Decimal::ZERO; n as usize];
    let mut next = Decimal::ZERO;
    for (slot, period) in sums.iter_mut().zip(start..last + 1).rev() {
        let v = Decimal::ONE.checked_div(Decimal::ONE + rate_of(period).approx()).unwrap_or(Decimal::ZERO);
        next = super::exact::mul_round(v, Decimal::ONE + next, 24);
        *slot = next;
    }
    let mut balance = principal;
    for (period, sum) in (start..last).zip(sums) {
        let interest = mul_ratio_fen(balance, rate_of(period));
        let payment = balance.checked_div(sum).map_or(balance + interest, fen);
        let part = (payment - interest).clamp(Decimal::ZERO, balance);
        balance -= part;
        out.push(Row::new(period, part + interest, interest, part, balance));
    }
    out.push(final_row(last, balance, mul_ratio_fen(balance, rate_of(last))));
}

/// Pays `payment` each period and the remainder in the last. Returns `None`
/// if a non-final instalment would repay more than is owed or less than its
/// interest, unless `clamp`, which keeps each principal part within
/// `0..=balance`. One copy for every caller's rates (`dyn`): the loops
/// are long, a call a row costs nothing next to them, and the wasm stays small.
/// Only the tests call it (against [`amortize_decimal`]).
#[cfg(test)]
fn amortize(
    principal: Decimal,
    rate_of: &dyn Fn(u32) -> Ratio,
    start: u32,
    n: u32,
    payment: Decimal,
    clamp: bool,
) -> Option<Vec<Row>> {
    let mut rows = Vec::with_capacity(n as usize);
    match amortize_fen(principal, rate_of, start, n, payment, &mut rows) {
        InFen::Rows => return Some(rows),
        InFen::Refused if !clamp => return None,
        InFen::Refused | InFen::Unsure => {}
    }
    amortize_decimal(principal, rate_of, start, n, payment, clamp)
}

/// [`amortize`] in `Decimal`s: every case the whole-fen loop leaves.
fn amortize_decimal(
    principal: Decimal,
    rate_of: &dyn Fn(u32) -> Ratio,
    start: u32,
    n: u32,
    payment: Decimal,
    clamp: bool,
) -> Option<Vec<Row>> {
    let mut rows = Vec::with_capacity(n as usize);
    let mut balance = principal;
    let last = start + n - 1;
    for period in start..last {
        let interest = mul_ratio_fen(balance, rate_of(period));
        let mut part = payment - interest;
        if part > balance || part < Decimal::ZERO {
            if !clamp {
                return None;
            }
            part = part.clamp(Decimal::ZERO, balance);
        }
        balance -= part;
        rows.push(Row::new(period, part + interest, interest, part, balance));
    }
    rows.push(final_row(last, balance, mul_ratio_fen(balance, rate_of(last))));
    Some(rows)
}

/// What [`amortize_fen`] found.
enum InFen {
    /// The rows, exactly as the decimal loop builds them, are written.
    Rows,
    /// An instalment would repay more than is owed or less than its interest.
    Refused,
    /// Not computable in whole fen: the decimal loop decides.
    Unsure,
}

/// Interest on whole fen, rounded half away from zero to the fen
/// ([`RatioU64`]), the rate prepared once and again only when a period's
/// rate differs from the last one's (30/360: never; actual days: when the
/// month's length changes).
struct FenInterest {
    last: Option<([u8; 16], u32, RatioU64)>,
}

impl FenInterest {
    /// Interest on `balance` (≥ 0) at `rate` (≥ 0); `None` when it does not fit.
    fn on(&mut self, balance: FenAmount, rate: Ratio) -> Option<FenAmount> {
        let key = (rate.num.serialize(), rate.den);
        let prepared = match self.last {
            Some((num, den, p)) if (num, den) == key => p,
            _ if rate.num.is_sign_negative() => return None,
            _ => {
                let p = RatioU64::new(2, rate, 2)?;
                self.last = Some((key.0, key.1, p));
                p
            }
        };
        let q = prepared.apply(u64::try_from(balance.fen).ok()?)?;
        FenAmount::two_places(i64::try_from(q).ok()?)
    }
}

/// [`amortize`] without clamping, in whole fen ([`FenAmount`]): one 64-bit
/// division and a few integer operations a row instead of a dozen
/// `Decimal` ones (every proposal builds hundreds of rows per keystroke).
/// The rows are the decimal loop's, value and scale, appended to `rows`
/// (which keeps what was written when it refuses: the caller truncates).
/// `Unsure` when an amount has more than two places, a product does not
/// fit, or a row would need clamping.
fn amortize_fen(principal: Decimal, rate_of: &dyn Fn(u32) -> Ratio, start: u32, n: u32, payment: Decimal, rows: &mut Vec<Row>) -> InFen {
    let (Some(mut balance), Some(pay)) = (FenAmount::of(principal), FenAmount::of(payment)) else {
        return InFen::Unsure;
    };
    let mut rate = FenInterest { last: None };
    let last = start + n - 1;
    for period in start..last {
        let Some((interest, part)) = rate.on(balance, rate_of(period)).and_then(|i| Some((i, pay.sub(i)?))) else {
            return InFen::Unsure;
        };
        if part.fen > balance.fen || part.fen < 0 {
            return InFen::Refused;
        }
        let (Some(left), Some(paid)) = (balance.sub(part), part.add(interest)) else {
            return InFen::Unsure;
        };
        balance = left;
        rows.push(Row::of_fen(period, paid, interest, part, balance));
    }
    let Some((interest, due)) = rate.on(balance, rate_of(last)).and_then(|i| Some((i, balance.add(i)?))) else {
        return InFen::Unsure;
    };
    rows.push(Row::of_fen(last, due, interest, balance, FenAmount { fen: 0, scale: 0 }));
    InFen::Rows
}

fn final_row(period: u32, balance: Decimal, interest: Decimal) -> Row {
    Row::new(period, balance + interest, interest, balance, Decimal::ZERO)
}

/// 等额本金 rows, period `p` bearing interest at `rate_of(p)`; shared by the
/// 30/360 and actual-day schedules.
pub(crate) fn equal_principal(principal: Decimal, rate_of: impl Fn(u32) -> Ratio, n: u32) -> Vec<Row> {
    let parts = principal_parts(principal, n);
    let mut rows = Vec::with_capacity(n as usize);
    let mut balance = principal;
    for (idx, part) in parts.into_iter().enumerate() {
        let period = idx as u32 + 1;
        let interest = mul_ratio_fen(balance, rate_of(period));
        let part = if period == n { balance } else { part.min(balance) };
        balance -= part;
        rows.push(Row::new(period, part + interest, interest, part, balance));
    }
    rows
}

/// Principal parts for 等额本金 as bank schedules print them: P/n rounded
/// to the fen half away from zero (四舍五入) in every month but the last,
/// which absorbs the remainder — ¥100,000 over 12 months is 8,333.33 × 11
/// and 8,333.37. So the instalments fall every month except, by at most the
/// absorbed remainder, the last. When rounding up would leave the last part
/// negative (a principal of a few yuan over hundreds of months), the spare
/// fen go to the earliest months instead and the parts never increase.
pub(crate) fn principal_parts(principal: Decimal, n: u32) -> Vec<Decimal> {
    let count = Decimal::from(n);
    let part = fen(principal / count);
    if part * (count - Decimal::ONE) <= principal {
        let mut parts = vec![part; n as usize];
        if let Some(last) = parts.last_mut() {
            *last = principal - part * (count - Decimal::ONE);
        }
        return parts;
    }
    let down = fen_down(principal / count);
    let spare_fen = ((principal - down * count) / FEN).trunc();
    let spare = usize::try_from(spare_fen.mantissa()).unwrap_or(0);
    (0..n as usize).map(|k| if k < spare { down + FEN } else { down }).collect()
}

/// 先息后本 rows, period `p` bearing interest at `rate_of(p)`; shared by the
/// 30/360 and actual-day schedules.
pub(crate) fn interest_only(principal: Decimal, rate_of: impl Fn(u32) -> Ratio, n: u32) -> Vec<Row> {
    let mut rows: Vec<Row> = (1..n)
        .map(|period| {
            let interest = mul_ratio_fen(principal, rate_of(period));
            Row::new(period, interest, interest, Decimal::ZERO, principal)
        })
        .collect();
    rows.push(final_row(n, principal, mul_ratio_fen(principal, rate_of(n))));
    rows
}

fn bullet(principal: Decimal, i: Ratio, n: u32) -> Vec<Row> {
    let zero = Decimal::ZERO;
    let mut rows: Vec<Row> = (1..n)
        .map(|period| Row::new(period, zero, zero, zero, principal))
        .collect();
    // Simple interest for the whole term, charged once at maturity.
    rows.push(final_row(n, principal, mul_ratio_fen(principal, i.times(Decimal::from(n)))));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Every field of every row, scale included (`Decimal`'s `==` ignores it,
    /// the printed output does not).
    fn printed(rows: &Option<Vec<Row>>) -> Option<Vec<String>> {
        rows.as_ref().map(|rows| rows.iter().map(|r| format!("{} {} {} {} {}", r.period, r.payment, r.interest, r.principal, r.balance)).collect())
    }

    proptest::proptest! {
        /// The whole-fen loop gives exactly the decimal loop's rows (or
        /// refusal) on random loans: principals from a fen to ¥10^12 with
        /// 0–3 places, exact rates of every shape (28-digit ones take the
        /// decimal path), payments around the level one and far off it,
        /// both ways of clamping.
        #[test]
        fn whole_fen_loop_equals_decimal_loop(
            m in proptest::prop_oneof![1i64..10_000, 1i64..100_000_000_000_000],
            scale in 0u32..=3,
            rate_m in proptest::prop_oneof![0i64..100, 0i64..1_000_000_000],
            rate_scale in 0u32..=8,
            den in proptest::prop_oneof![proptest::strategy::Just(1u32), proptest::strategy::Just(1200u32), 1u32..100_000],
            long_rate: bool,
            n in 1u32..=600,
            start in 1u32..=7,
            offset in -200i64..200,
            clamp: bool,
        ) {
            let principal = Decimal::new(m, scale);
            let rate = if long_rate { Ratio::from(Decimal::new(rate_m, rate_scale) / Decimal::from(den)) } else { Ratio::new(Decimal::new(rate_m, rate_scale), den) };
            let rate_of = |_| rate;
            let payment = fen(annuity_payment(principal, rate.approx().min(Decimal::ONE), n)) + Decimal::new(offset, 2);
            let fast = amortize(principal, &rate_of, start, n, payment, clamp);
            let slow = amortize_decimal(principal, &rate_of, start, n, payment, clamp);
            proptest::prop_assert_eq!(printed(&fast), printed(&slow));
        }
    }

    #[test]
    fn annuity_matches_spreadsheet_pmt() {
        // PMT(1.5%, 12, -100000) = 9167.999... → 9168.00
        let s = Schedule::build(d("100000"), d("0.015"), 12, Method::EqualInstallment).unwrap();
        assert_eq!(s.rows[0].payment, d("9168.00"));
        assert_eq!(s.rows[0].interest, d("1500.00"));
        assert_eq!(s.rows[0].principal, d("7668.00"));
        assert_eq!(s.rows[0].balance, d("92332.00"));
        assert!(s.rows[..11].iter().all(|r| r.payment == d("9168.00")));
        assert_eq!(s.rows[11].balance, Decimal::ZERO);
        assert_eq!(s.total_principal(), d("100000"));
        // 12 × 9168 = 110016; the last instalment absorbs the cents.
        assert_eq!(s.total_interest(), s.total_paid() - d("100000"));
        assert!((s.total_interest() - d("10016.00")).abs() <= d("0.05"), "{}", s.total_interest());
    }

    #[test]
    fn thirty_year_mortgage_known_value() {
        // 1,000,000 at 4.9 % a year over 360 months: 5307.27 a month (every
        // Chinese mortgage calculator shows this figure).
        let s = Schedule::build(d("1000000"), d("4.9") / d("1200"), 360, Method::EqualInstallment).unwrap();
        assert_eq!(s.first_payment(), d("5307.27"));
        assert_eq!(s.rows.last().unwrap().balance, Decimal::ZERO);
        assert_eq!(s.total_principal(), d("1000000"));
    }

    #[test]
    fn equal_principal_known_values() {
        // 120000 over 12 at 1 % a month: principal 10000, interest falls by 100.
        let s = Schedule::build(d("120000"), d("0.01"), 12, Method::EqualPrincipal).unwrap();
        assert_eq!(s.first_payment(), d("11200.00"));
        assert_eq!(s.rows[1].payment, d("11100.00"));
        assert_eq!(s.last_payment(), d("10100.00"));
        assert_eq!(s.total_interest(), d("7800.00"));
        // Interest of month 1 is on the full balance, not shifted by a month.
        assert_eq!(s.rows[0].interest, d("1200.00"));
    }

    #[test]
    fn equal_principal_rounds_half_away_and_the_last_part_absorbs() {
        // Bank schedules: 100000 / 12 = 8333.333… → 8333.33 × 11, last
        // 100000 − 91666.63 = 8333.37 (was 8333.34 × 11 and 8333.26).
        let s = Schedule::build(d("100000"), d("0.01"), 12, Method::EqualPrincipal).unwrap();
        assert!(s.rows[..11].iter().all(|r| r.principal == d("8333.33")));
        assert_eq!(s.rows[11].principal, d("8333.37"));
        let s = Schedule::build(d("100"), Decimal::ZERO, 3, Method::EqualPrincipal).unwrap();
        let parts: Vec<_> = s.rows.iter().map(|r| r.principal).collect();
        assert_eq!(parts, vec![d("33.33"), d("33.33"), d("33.34")]);
        // 0.25 over 10: 0.025 → 0.03 × 9 = 0.27 > 0.25, so the spare fen go first.
        let s = Schedule::build(d("0.25"), Decimal::ZERO, 10, Method::EqualPrincipal).unwrap();
        let parts: Vec<_> = s.rows.iter().map(|r| r.principal).collect();
        assert_eq!(parts, [vec![d("0.03"); 5], vec![d("0.02"); 5]].concat());
    }

    #[test]
    fn zero_rate_annuity_is_principal_over_n() {
        let s = Schedule::build(d("100"), Decimal::ZERO, 3, Method::EqualInstallment).unwrap();
        let pays: Vec<_> = s.rows.iter().map(|r| r.payment).collect();
        assert_eq!(pays, vec![d("33.33"), d("33.33"), d("33.34")]);
        assert_eq!(s.total_interest(), Decimal::ZERO);
    }

    #[test]
    fn tiny_long_loans_never_overshoot() {
        let s = Schedule::build(d("603"), Decimal::ZERO, 600, Method::EqualInstallment).unwrap();
        assert!(s.rows.iter().all(|r| r.balance >= Decimal::ZERO && r.principal >= Decimal::ZERO));
        assert_eq!(s.total_principal(), d("603"));
        let s = Schedule::build(d("100"), Decimal::ZERO, 600, Method::EqualPrincipal).unwrap();
        assert_eq!(s.total_principal(), d("100"));
        assert!(s.rows.windows(2).all(|w| w[0].payment >= w[1].payment));
    }

    /// ¥1,906.23 at 2.8758 %/month over 280 months: the exact annuity is
    /// 54.8389…, and a fen a month grows by s_n ≈ 97,500 fen here, so no
    /// single rounded payment works: 54.83 left a last instalment of 997.46
    /// and 54.84 repaid in month 279, month 280 paying ¥0.00 (found by the
    /// payoff helper). Re-solved a fen at a time, all 280 months pay
    /// 54.83 or 54.84, the last 54.83.
    #[test]
    fn a_long_high_rate_loan_has_no_balloon_and_no_empty_month() {
        let s = Schedule::build(d("1906.23"), d("0.028758"), 280, Method::EqualInstallment).unwrap();
        assert_eq!((s.months(), s.paying_months()), (280, 280));
        assert_eq!(s.first_payment(), d("54.84"));
        assert!(s.rows.iter().all(|r| r.payment == d("54.83") || r.payment == d("54.84")), "{:?}", s.rows.iter().map(|r| r.payment).max());
        assert_eq!(s.last_payment(), d("54.83"));
        assert_eq!(s.total_principal(), d("1906.23"));
        assert!(s.rows.iter().all(|r| r.balance >= Decimal::ZERO && r.principal >= Decimal::ZERO && r.payment >= r.interest));
        assert_eq!(s.rows[279].balance, Decimal::ZERO);
    }

    /// The other cases the property tests found: a ¥0.00 last month
    /// (¥14,703.14 at 2.4224 %/month over 335 months repaid in 334 at
    /// 356.29), and the tiny long loan (¥603 over 600 months at 0 %: 1.01
    /// repays in month 598, 1.00 leaves 4.00 for the last).
    #[test]
    fn every_month_of_the_term_pays() {
        let s = Schedule::build(d("14703.14"), d("0.024224"), 335, Method::EqualInstallment).unwrap();
        assert_eq!(s.paying_months(), 335);
        assert!(s.rows.iter().all(|r| r.payment == d("356.28") || r.payment == d("356.29")));
        let s = Schedule::build(d("603"), Decimal::ZERO, 600, Method::EqualInstallment).unwrap();
        assert!(s.rows.iter().all(|r| r.payment == d("1.00") || r.payment == d("1.01")));
        assert_eq!(s.paying_months(), 600);
        // Where the lenders' rule works it is kept: 12 × 9,168.00 with the last absorbing.
        let s = Schedule::build(d("100000"), d("0.015"), 12, Method::EqualInstallment).unwrap();
        assert!(s.rows[..11].iter().all(|r| r.payment == d("9168.00")));
        assert_eq!(s.last_payment(), d("9167.99"));
    }

    #[test]
    fn the_tolerance_is_a_yuan_or_a_tenth() {
        assert_eq!(level_tolerance(d("5.31")), Decimal::ONE);
        assert_eq!(level_tolerance(d("5307.27")), d("530.727"));
    }

    #[test]
    fn vanishingly_small_rates_act_as_zero() {
        let i = Decimal::new(1, 28);
        let s = Schedule::build(d("1000"), i, 12, Method::EqualInstallment).unwrap();
        assert_eq!(s.total_principal(), d("1000"));
        assert_eq!(s.first_payment(), d("83.33"));
    }

    #[test]
    fn interest_only_and_bullet() {
        let s = Schedule::build(d("50000"), d("0.01"), 6, Method::InterestOnly).unwrap();
        assert_eq!(s.first_payment(), d("500.00"));
        assert_eq!(s.last_payment(), d("50500.00"));
        assert_eq!(s.total_interest(), d("3000.00"));
        let b = Schedule::build(d("50000"), d("0.01"), 6, Method::Bullet).unwrap();
        assert_eq!(b.first_payment(), Decimal::ZERO);
        assert_eq!(b.last_payment(), d("53000.00"));
        assert_eq!(b.rows.len(), 6);
    }

    #[test]
    fn one_month_loans() {
        for m in Method::ALL {
            let s = Schedule::build(d("1000"), d("0.015"), 1, m).unwrap();
            assert_eq!(s.rows.len(), 1);
            assert_eq!(s.first_payment(), d("1015.00"), "{m:?}");
        }
    }

    #[test]
    fn absurd_inputs_are_errors_not_panics() {
        let big = d("100000000000000000000");
        assert_eq!(Schedule::build(big, d("0.01"), 12, Method::EqualInstallment), Err(EngineError::PrincipalTooLarge));
        assert_eq!(Schedule::build(Decimal::ZERO, d("0.01"), 12, Method::EqualInstallment), Err(EngineError::PrincipalNotPositive));
        assert_eq!(Schedule::build(d("-5"), d("0.01"), 12, Method::Bullet), Err(EngineError::PrincipalNotPositive));
        assert_eq!(Schedule::build(d("100"), d("0.01"), 0, Method::EqualPrincipal), Err(EngineError::MonthsOutOfRange));
        assert_eq!(Schedule::build(d("100"), d("0.01"), 10_000, Method::EqualPrincipal), Err(EngineError::MonthsOutOfRange));
        assert_eq!(Schedule::build(d("100"), d("-0.01"), 12, Method::EqualPrincipal), Err(EngineError::RateNegative));
        assert_eq!(Schedule::build(d("100"), d("2"), 12, Method::EqualPrincipal), Err(EngineError::RateTooHigh));
        // 1000 % a year over 600 months at the largest principal: a result.
        let i = d("1000") / d("1200");
        for m in Method::ALL {
            let s = Schedule::build(MAX_AMOUNT, i, 600, m).unwrap();
            assert_eq!(s.total_principal(), MAX_AMOUNT);
            assert!(s.rows.iter().all(|r| r.balance >= Decimal::ZERO));
        }
    }
}
