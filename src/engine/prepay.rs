//! Prepayments on one loan (提前还款), 30/360: one-off amounts paid with a
//! given instalment, a recurring monthly extra, and the fee some lenders
//! charge on prepaid principal.
//!
//! Rules (issue 12; the README states them):
//! * A prepayment `{month N, amount, effect}` is paid together with
//!   instalment N (1-based): after instalment N the balance drops by the
//!   amount, capped at the balance. `extra_monthly` is a prepayment of that
//!   amount with every instalment from month 1, with the effect
//!   `shorten_term`. Several prepayments of one month apply in the order
//!   given, after that month's extra. Amounts are always principal.
//! * **`shorten_term`** keeps the instalment and the last one absorbs (the
//!   loan ends when the balance is cleared): 等额本息 keeps its level payment;
//!   等额本金 keeps its principal part (its instalments still fall with the
//!   interest, as banks do); 先息后本 keeps paying the interest instalment it
//!   paid before, the part above the now lower interest repaying principal,
//!   and what is left is due at maturity.
//! * **`lower_payment`** keeps the maturity the loan has at that moment (the
//!   month the current instalments would clear the balance before this
//!   prepayment, without later extras) and re-amortises the new balance over
//!   the months left with the method's own rule — literally
//!   [`Schedule::build`] of the balance over those months.
//! * **到期一次还本付息** is paid interest with principal (利随本清): prepaid
//!   principal X in month N pays its simple interest X × i × N with it, and
//!   the rest is due at maturity as in the contract. Nothing is due in
//!   between, so both effects give the same schedule.
//! * The **fee** is `prepayment_fee_percent` of the principal prepaid that
//!   month (one-offs and the extra alike), rounded to the fen and added to
//!   that month's payment; it is not interest.
//!
//! Rounding follows [`Schedule`]: interest to the fen once per month, the
//! last instalment absorbing the remainder, so the principal parts sum
//! exactly to the principal. With no prepayment the schedule equals the
//! contract's row for row (a 等额本息 contract whose payments were re-solved a
//! fen at a time, `schedule`'s module docs, keeps each month's own payment). Savings are measured against that contract
//! schedule: `interest_saved` = contract interest − interest (fees not
//! included: they are reported apart), `months_saved` = contract months −
//! months.

use super::exact::{mul_ratio_fen, Ratio};
use super::{decimal_str, fen, EngineError, Method, Row, Schedule, MAX_AMOUNT};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a prepayment does to the rest of the loan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrepayEffect {
    /// Keep the instalment; the loan ends sooner (月供不变，期限缩短).
    ShortenTerm,
    /// Keep the maturity; the instalments fall (期限不变，月供减少).
    LowerPayment,
}

/// One one-off prepayment, as the scenario writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prepayment {
    /// Paid together with instalment `month` (1-based).
    pub month: u32,
    /// Principal prepaid (capped at the balance).
    #[serde(with = "decimal_str")]
    pub amount: Decimal,
    pub effect: PrepayEffect,
}

/// Everything prepaid on one loan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrepayPlan {
    pub prepayments: Vec<Prepayment>,
    /// Extra principal paid with every instalment from month 1 (shortens the term).
    pub extra_monthly: Decimal,
    /// Fee on prepaid principal, percent (0–100).
    pub fee_percent: Decimal,
}

impl PrepayPlan {
    /// True when nothing is prepaid (the schedule is the contract's).
    pub fn is_empty(&self) -> bool {
        self.extra_monthly.is_zero() && self.prepayments.iter().all(|p| p.amount.is_zero())
    }

    /// The same plan with every one-off prepayment given `effect`: the page
    /// shows both effects side by side.
    pub fn with_effect(&self, effect: PrepayEffect) -> Self {
        let prepayments = self.prepayments.iter().map(|p| Prepayment { effect, ..*p }).collect();
        Self { prepayments, extra_monthly: self.extra_monthly, fee_percent: self.fee_percent }
    }

    /// Checks every field against a contract of `months` months.
    pub fn validate(&self, months: u32) -> Result<(), PrepayError> {
        for (index, p) in self.prepayments.iter().enumerate() {
            if p.month == 0 || p.month > months {
                return Err(PrepayError::MonthOutOfRange { index, months });
            }
            money_ok(p.amount, "amount").map_err(|error| PrepayError::Amount { index, error })?;
        }
        money_ok(self.extra_monthly, "extra_monthly").map_err(PrepayError::ExtraMonthly)?;
        if self.fee_percent < Decimal::ZERO || self.fee_percent > Decimal::ONE_HUNDRED {
            return Err(PrepayError::FeePercentOutOfRange);
        }
        Ok(())
    }
}

/// A money input: not negative, in fen, at most [`MAX_AMOUNT`].
pub(crate) fn money_ok(v: Decimal, field: &'static str) -> Result<(), EngineError> {
    if v < Decimal::ZERO {
        return Err(EngineError::AmountNegative(field));
    }
    if v > MAX_AMOUNT {
        return Err(EngineError::AmountTooLarge(field));
    }
    if fen(v) != v {
        return Err(EngineError::NotInFen(field));
    }
    Ok(())
}

/// Why a prepayment plan was refused; [`PrepayError::path`] names the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrepayError {
    /// The loan itself (principal, rate, months) is invalid.
    Contract(EngineError),
    /// `prepayments[index].month` is not within 1..=`months`.
    MonthOutOfRange { index: usize, months: u32 },
    /// `prepayments[index].amount` is negative, not in fen or too large.
    Amount { index: usize, error: EngineError },
    ExtraMonthly(EngineError),
    /// `prepayment_fee_percent` is not within 0–100.
    FeePercentOutOfRange,
}

impl PrepayError {
    /// Path of the field at fault, relative to the loan.
    pub fn path(&self) -> String {
        match self {
            Self::Contract(e) => e.field().to_string(),
            Self::MonthOutOfRange { index, .. } => format!("prepayments[{index}].month"),
            Self::Amount { index, .. } => format!("prepayments[{index}].amount"),
            Self::ExtraMonthly(_) => "extra_monthly".into(),
            Self::FeePercentOutOfRange => "prepayment_fee_percent".into(),
        }
    }

    /// Stable machine-readable key for translation.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Contract(e) | Self::Amount { error: e, .. } | Self::ExtraMonthly(e) => e.code(),
            Self::MonthOutOfRange { .. } => "prepayment_month_out_of_range",
            Self::FeePercentOutOfRange => "fee_percent_out_of_range",
        }
    }
}

impl fmt::Display for PrepayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Contract(e) | Self::Amount { error: e, .. } | Self::ExtraMonthly(e) => {
                write!(f, "{}: {}", self.path(), e.message())
            }
            Self::MonthOutOfRange { months, .. } => write!(f, "{}: must be a month from 1 to {months}", self.path()),
            Self::FeePercentOutOfRange => write!(f, "{}: must be a percentage from 0 to 100", self.path()),
        }
    }
}

impl std::error::Error for PrepayError {}

/// One month of a prepaid schedule: the instalment [`Row`] (its `principal`
/// and `payment` include the prepaid principal, its `payment` the fee) and
/// what of it was prepaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PrepaidRow {
    #[serde(flatten)]
    pub row: Row,
    /// Principal prepaid this month (one-offs and the extra).
    #[serde(with = "decimal_str")]
    pub prepaid: Decimal,
    /// Prepayment fee paid this month.
    #[serde(with = "decimal_str")]
    pub fee: Decimal,
}

/// A loan with its prepayments, compared with its contract. Serialises to
/// the evaluator's `prepaid` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prepaid {
    pub schedule: Vec<PrepaidRow>,
    pub months: u32,
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
    /// Contract interest − this schedule's interest (fees not deducted).
    #[serde(with = "decimal_str")]
    pub interest_saved: Decimal,
    pub months_saved: u32,
    /// Prepayment fees, in total.
    #[serde(with = "decimal_str")]
    pub fees: Decimal,
}

impl Prepaid {
    /// Everything paid: principal + interest + fees.
    pub fn total_paid(&self) -> Decimal {
        self.schedule.iter().map(|r| r.row.payment).sum()
    }

    /// The instalment rows alone, for tables, charts and CSV.
    pub fn rows(&self) -> Vec<Row> {
        self.schedule.iter().map(|r| r.row).collect()
    }
}

/// `v` written with two decimals ("0.00", not "0").
pub(crate) fn in_fen(mut v: Decimal) -> Decimal {
    v.rescale(2);
    v
}

/// How the coming instalments are set: the method's rule as it now stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Terms {
    /// 等额本息 and 先息后本: a level payment, principal = payment − interest.
    Level(Decimal),
    /// 等额本息 whose payments were re-solved a fen at a time
    /// ([`crate::engine::schedule`]): each month's own payment from `start`.
    Payments { start: u32, payments: Vec<Decimal> },
    /// 等额本金: the principal part of each month from `start`.
    Parts { start: u32, parts: Vec<Decimal> },
    /// 到期一次: nothing until maturity.
    Bullet,
}

impl Terms {
    /// The terms of `schedule`, whose first row is month `start`.
    fn of(schedule: &Schedule, start: u32, method: Method) -> Self {
        match method {
            Method::EqualInstallment if !is_level(schedule) => Self::Payments { start, payments: schedule.payments() },
            Method::EqualInstallment | Method::InterestOnly => Self::Level(schedule.first_payment()),
            Method::EqualPrincipal => Self::Parts { start, parts: schedule.rows.iter().map(|r| r.principal).collect() },
            Method::Bullet => Self::Bullet,
        }
    }

    /// (interest, principal) of month `k` on `balance`; month `maturity`
    /// (or the month the instalment would overpay) pays everything left.
    pub(crate) fn instalment(&self, k: u32, balance: Decimal, i: Ratio, maturity: u32) -> (Decimal, Decimal) {
        match self {
            Self::Bullet if k >= maturity => (mul_ratio_fen(balance * Decimal::from(maturity), i), balance),
            Self::Bullet => (Decimal::ZERO, Decimal::ZERO),
            Self::Level(payment) => level_instalment(*payment, k, balance, i, maturity),
            Self::Payments { start, payments } => {
                let payment = payments.get(k.saturating_sub(*start) as usize).copied().unwrap_or(Decimal::ZERO);
                level_instalment(payment, k, balance, i, maturity)
            }
            Self::Parts { start, parts } => {
                let interest = mul_ratio_fen(balance, i);
                let part = match parts.get(k.saturating_sub(*start) as usize) {
                    Some(p) if k < maturity => (*p).min(balance),
                    _ => balance,
                };
                (interest, part)
            }
        }
    }

    /// The month these terms clear `balance` (owed after month `from` − 1)
    /// without further prepayments: the loan's maturity as it now stands.
    fn projected_end(&self, from: u32, balance: Decimal, i: Ratio, maturity: u32) -> u32 {
        let mut b = balance;
        for k in from..maturity {
            let (interest, part) = self.instalment(k, b, i, maturity);
            if part >= b {
                return k;
            }
            // A level payment that only covers the interest never clears.
            if part.is_zero() && !interest.is_zero() && matches!(self, Self::Level(_) | Self::Payments { .. }) {
                return maturity;
            }
            b -= part;
        }
        maturity
    }
}

/// Whether every instalment of `schedule` but the last is its first.
fn is_level(schedule: &Schedule) -> bool {
    let first = schedule.first_payment();
    schedule.rows.iter().rev().skip(1).all(|r| r.payment == first)
}

/// (interest, principal) of month `k` paying `payment`: principal =
/// payment − interest within 0..=balance, and everything at `maturity`.
fn level_instalment(payment: Decimal, k: u32, balance: Decimal, i: Ratio, maturity: u32) -> (Decimal, Decimal) {
    let interest = mul_ratio_fen(balance, i);
    let part = if k >= maturity { balance } else { (payment - interest).clamp(Decimal::ZERO, balance) };
    (interest, part)
}

/// The schedule of `principal` at `monthly_rate` (a fraction, or an exact
/// [`Ratio`] such as 4.9 / 1200) over `months` under `method` (the
/// contract, exactly [`Schedule::build`]) with `plan`'s prepayments, and
/// what they save.
pub fn prepay(
    principal: Decimal,
    monthly_rate: impl Into<Ratio>,
    months: u32,
    method: Method,
    plan: &PrepayPlan,
) -> Result<Prepaid, PrepayError> {
    let monthly_rate: Ratio = monthly_rate.into();
    let contract = Schedule::build(principal, monthly_rate, months, method).map_err(PrepayError::Contract)?;
    plan.validate(months)?;
    let schedule = run(&contract, monthly_rate, method, plan).map_err(PrepayError::Contract)?;
    let months_paid = schedule.len() as u32;
    let total_interest: Decimal = schedule.iter().map(|r| r.row.interest).sum();
    Ok(Prepaid {
        months: months_paid,
        interest_saved: contract.total_interest() - total_interest,
        months_saved: contract.paying_months().saturating_sub(months_paid),
        fees: schedule.iter().map(|r| r.fee).sum(),
        total_interest,
        schedule,
    })
}

/// Month by month from the contract's terms until the balance is cleared.
fn run(contract: &Schedule, i: Ratio, method: Method, plan: &PrepayPlan) -> Result<Vec<PrepaidRow>, EngineError> {
    let mut events: Vec<&Prepayment> = plan.prepayments.iter().collect();
    super::small_sort::sort_by_key(&mut events, |p| p.month); // stable: a month's prepayments keep their order
    let mut events = events.into_iter().peekable();
    let fee_rate = Ratio::new(plan.fee_percent, 100);
    let mut terms = Terms::of(contract, 1, method);
    let mut maturity = contract.months();
    let mut balance = contract.total_principal();
    let mut rows = Vec::with_capacity(contract.rows.len());
    let mut k = 1;
    while balance > Decimal::ZERO && k <= maturity {
        let (mut interest, part) = terms.instalment(k, balance, i, maturity);
        balance -= part;
        let mut prepaid = plan.extra_monthly.min(balance);
        balance -= prepaid;
        while let Some(p) = events.next_if(|p| p.month == k) {
            let amount = p.amount.min(balance);
            if p.effect == PrepayEffect::LowerPayment && amount > Decimal::ZERO && amount < balance {
                let end = terms.projected_end(k + 1, balance, i, maturity);
                let rest = Schedule::build(balance - amount, i, end.saturating_sub(k).max(1), method)?;
                terms = Terms::of(&rest, k + 1, method);
                maturity = end;
            }
            balance -= amount;
            prepaid += amount;
        }
        if method == Method::Bullet && !prepaid.is_zero() {
            interest += mul_ratio_fen(prepaid * Decimal::from(k), i); // 利随本清
        }
        let fee = in_fen(mul_ratio_fen(prepaid, fee_rate));
        let prepaid = in_fen(prepaid);
        let row = Row::new(k, part + interest + prepaid + fee, interest, part + prepaid, balance);
        rows.push(PrepaidRow { row, prepaid, fee });
        k += 1;
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn one(month: u32, amount: &str, effect: PrepayEffect) -> PrepayPlan {
        PrepayPlan { prepayments: vec![Prepayment { month, amount: d(amount), effect }], ..PrepayPlan::default() }
    }

    fn payments(p: &Prepaid) -> Vec<Decimal> {
        p.schedule.iter().map(|r| r.row.payment).collect()
    }

    fn repays_exactly(p: &Prepaid, principal: &str) {
        let sum: Decimal = p.schedule.iter().map(|r| r.row.principal).sum();
        assert_eq!(sum, d(principal));
        assert_eq!(p.schedule.last().unwrap().row.balance, Decimal::ZERO);
        assert_eq!(p.total_paid(), d(principal) + p.total_interest + p.fees);
    }

    #[test]
    fn no_prepayment_is_the_contract() {
        for m in Method::ALL {
            let c = Schedule::build(d("100000"), d("0.015"), 12, m).unwrap();
            let p = prepay(d("100000"), d("0.015"), 12, m, &PrepayPlan::default()).unwrap();
            assert_eq!(p.rows(), c.rows, "{m:?}");
            assert_eq!((p.interest_saved, p.months_saved, p.fees), (Decimal::ZERO, 0, Decimal::ZERO));
        }
    }

    #[test]
    fn equal_installment_both_effects_hand_checked() {
        // ¥12,000 at 1 %/month over 12. Every figure below was computed with
        // python3 fractions, rounding each interest half away from zero:
        // PMT = 1066.1855 → 1066.19; month 1 interest 120.00, principal
        // 946.19, balance 11053.81; ¥5,000 prepaid with it → 6053.81.
        let s = prepay(d("12000"), d("0.01"), 12, Method::EqualInstallment, &one(1, "5000", PrepayEffect::ShortenTerm)).unwrap();
        assert_eq!(s.schedule[0].row.payment, d("6066.19"));
        assert_eq!(s.schedule[0].row.balance, d("6053.81"));
        // Shorten keeps 1066.19: balances 5048.16, 4032.45, 3006.58, 1970.46,
        // 923.97, then month 7 pays 923.97 + 9.24 = 933.21.
        assert_eq!((s.months, s.months_saved), (7, 5));
        let balances: Vec<Decimal> = s.schedule[1..6].iter().map(|r| r.row.balance).collect();
        assert_eq!(balances, ["5048.16", "4032.45", "3006.58", "1970.46", "923.97"].map(d));
        assert!(s.schedule[1..6].iter().all(|r| r.row.payment == d("1066.19")));
        assert_eq!(s.schedule[6].row.payment, d("933.21"));
        // Contract interest 794.23 (its last instalment 1066.14); this 330.35.
        assert_eq!((s.total_interest, s.interest_saved), (d("330.35"), d("463.88")));
        repays_exactly(&s, "12000");
        // Lower: 6053.81 over the 11 months left, PMT(1 %, 11) = 583.9146 →
        // 583.91, the last 583.96; interest 489.25.
        let l = prepay(d("12000"), d("0.01"), 12, Method::EqualInstallment, &one(1, "5000", PrepayEffect::LowerPayment)).unwrap();
        assert_eq!((l.months, l.months_saved), (12, 0));
        assert_eq!((l.schedule[1].row.payment, l.schedule[11].row.payment), (d("583.91"), d("583.96")));
        assert_eq!((l.total_interest, l.interest_saved), (d("489.25"), d("304.98")));
        let rest = Schedule::build(d("6053.81"), d("0.01"), 11, Method::EqualInstallment).unwrap();
        assert_eq!(l.schedule[1..].iter().map(|r| r.row.payment).collect::<Vec<_>>(), rest.payments());
        repays_exactly(&l, "12000");
    }

    #[test]
    fn equal_principal_both_effects_hand_checked() {
        // ¥12,000 at 1 % over 12: principal 1000 a month. Month 2 prepays 4000
        // (balance 10000 − 4000 = 6000).
        let s = prepay(d("12000"), d("0.01"), 12, Method::EqualPrincipal, &one(2, "4000", PrepayEffect::ShortenTerm)).unwrap();
        // Shorten keeps 1000 of principal a month: 6 more months (3..=8).
        assert_eq!((s.months, s.months_saved), (8, 4));
        assert_eq!(s.schedule[1].row.payment, d("1000") + d("110.00") + d("4000"));
        // Month 3 interest on 6000 = 60.00; month 8 on 1000 = 10.00.
        assert_eq!(s.schedule[2].row.payment, d("1060.00"));
        assert_eq!(s.schedule[7].row.payment, d("1010.00"));
        repays_exactly(&s, "12000");
        // Lower: 6000 over the 10 months left: 600 a month, interest 60, 54, …
        let l = prepay(d("12000"), d("0.01"), 12, Method::EqualPrincipal, &one(2, "4000", PrepayEffect::LowerPayment)).unwrap();
        assert_eq!((l.months, l.months_saved), (12, 0));
        assert_eq!(l.schedule[2].row.payment, d("660.00"));
        assert_eq!(l.schedule[3].row.payment, d("654.00"));
        assert_eq!(l.schedule[11].row.payment, d("606.00"));
        repays_exactly(&l, "12000");
        // Interest: contract 780; shorten 10+20+… hand sums: 120+110+60+50+40+30+20+10 = 440;
        // lower 120+110+60+54+48+42+36+30+24+18+12+6 = 560.
        assert_eq!((s.total_interest, l.total_interest), (d("440.00"), d("560.00")));
        assert_eq!((s.interest_saved, l.interest_saved), (d("340.00"), d("220.00")));
    }

    #[test]
    fn interest_only_both_effects_hand_checked() {
        // ¥100,000 at 1 % over 12: 1000 a month, 101,000 at the end. Half prepaid in month 3.
        let l = prepay(d("100000"), d("0.01"), 12, Method::InterestOnly, &one(3, "50000", PrepayEffect::LowerPayment)).unwrap();
        let mut expect = vec![d("1000.00"), d("1000.00"), d("51000.00")];
        expect.extend([d("500.00"); 8]);
        expect.push(d("50500.00"));
        assert_eq!(payments(&l), expect);
        assert_eq!((l.total_interest, l.interest_saved, l.months_saved), (d("7500.00"), d("4500.00"), 0));
        repays_exactly(&l, "100000");
        // Shorten keeps paying 1000: month 4 interest 500.00, principal 500 →
        // 49500; month 5 interest 495.00, principal 505 → 48995; …
        let s = prepay(d("100000"), d("0.01"), 12, Method::InterestOnly, &one(3, "50000", PrepayEffect::ShortenTerm)).unwrap();
        assert_eq!(s.schedule[3].row.principal, d("500.00"));
        assert_eq!(s.schedule[4].row.balance, d("48995.00"));
        assert!(s.schedule[3..11].iter().all(|r| r.row.payment == d("1000.00")));
        assert_eq!(s.months, 12);
        assert!(s.total_interest < l.total_interest);
        repays_exactly(&s, "100000");
    }

    #[test]
    fn bullet_pays_interest_with_principal() {
        // ¥100,000 at 1 % over 12, bullet: 112,000 at the end. 40,000 prepaid
        // in month 3 pays its interest 40000 × 1 % × 3 = 1200 with it; the
        // 60,000 left bears 60000 × 1 % × 12 = 7200 at maturity.
        for effect in [PrepayEffect::ShortenTerm, PrepayEffect::LowerPayment] {
            let b = prepay(d("100000"), d("0.01"), 12, Method::Bullet, &one(3, "40000", effect)).unwrap();
            assert_eq!(b.schedule[2].row.payment, d("41200.00"));
            assert_eq!(b.schedule[2].row.interest, d("1200.00"));
            assert_eq!(b.schedule[11].row.payment, d("67200.00"));
            assert_eq!((b.total_interest, b.interest_saved), (d("8400.00"), d("3600.00")));
            repays_exactly(&b, "100000");
        }
        // Everything prepaid in month 5: 100,000 + 5000 interest, then done.
        let all = prepay(d("100000"), d("0.01"), 12, Method::Bullet, &one(5, "999999", PrepayEffect::ShortenTerm)).unwrap();
        assert_eq!((all.months, all.months_saved), (5, 7));
        assert_eq!(all.schedule[4].row.payment, d("105000.00"));
    }

    #[test]
    fn extra_monthly_and_fee() {
        // ¥12,000 at 0 % over 12 (1000 a month) with 1000 extra and a 2 % fee:
        // 2000 of principal a month → 6 months, fee 20 each.
        let plan = PrepayPlan { extra_monthly: d("1000"), fee_percent: d("2"), ..PrepayPlan::default() };
        let p = prepay(d("12000"), Decimal::ZERO, 12, Method::EqualInstallment, &plan).unwrap();
        assert_eq!((p.months, p.months_saved, p.fees), (6, 6, d("120.00")));
        assert!(payments(&p).iter().all(|x| *x == d("2020.00")));
        assert_eq!(p.schedule[0].prepaid, d("1000"));
        repays_exactly(&p, "12000");
    }

    #[test]
    fn amounts_are_capped_and_a_later_lower_payment_keeps_the_shortened_maturity() {
        // A prepayment above the balance pays the balance.
        let p = prepay(d("1000"), d("0.01"), 12, Method::EqualInstallment, &one(2, "5000", PrepayEffect::LowerPayment)).unwrap();
        assert_eq!(p.months, 2);
        repays_exactly(&p, "1000");
        // ¥12,000 at 0 %, 1000 a month: month 1 prepays 5000 shortening the
        // term (6000 left at 1000 a month → the loan now ends in month 7);
        // month 2 prepays 1000 lowering the payment: 4000 over months 3–7.
        let plan = PrepayPlan {
            prepayments: vec![
                Prepayment { month: 1, amount: d("5000"), effect: PrepayEffect::ShortenTerm },
                Prepayment { month: 2, amount: d("1000"), effect: PrepayEffect::LowerPayment },
            ],
            ..PrepayPlan::default()
        };
        let p = prepay(d("12000"), Decimal::ZERO, 12, Method::EqualInstallment, &plan).unwrap();
        assert_eq!(payments(&p), vec![d("6000"), d("2000"), d("800"), d("800"), d("800"), d("800"), d("800")]);
    }

    #[test]
    fn rates_are_exact_ratios() {
        // ¥3,001.50 at 4 %/yr: 3001.50 × 4 / 1200 = 10.005 exactly → 10.01
        // (the decimal 0.0033333… would give 10.00), as in the contract.
        let i = Ratio::new(d("4"), 1200);
        let p = prepay(d("3001.50"), i, 1, Method::EqualInstallment, &PrepayPlan::default()).unwrap();
        assert_eq!(p.schedule[0].row.interest, d("10.01"));
        assert_eq!(p.rows(), Schedule::build(d("3001.50"), i, 1, Method::EqualInstallment).unwrap().rows);
        let solved = crate::engine::solve_months(d("3001.50"), i, d("3011.51")).unwrap();
        assert_eq!((solved.months, solved.total_interest), (1, d("10.01")));
    }

    #[test]
    fn refusals_name_the_field() {
        let m = Method::EqualInstallment;
        let e = prepay(d("1000"), d("0.01"), 12, m, &one(13, "1", PrepayEffect::ShortenTerm)).unwrap_err();
        assert_eq!((e.path().as_str(), e.code()), ("prepayments[0].month", "prepayment_month_out_of_range"));
        let e = prepay(d("1000"), d("0.01"), 12, m, &one(1, "1.001", PrepayEffect::ShortenTerm)).unwrap_err();
        assert_eq!(e, PrepayError::Amount { index: 0, error: EngineError::NotInFen("amount") });
        let e = prepay(d("1000"), d("0.01"), 12, m, &PrepayPlan { extra_monthly: d("-1"), ..PrepayPlan::default() }).unwrap_err();
        assert_eq!(e.to_string(), "extra_monthly: must not be negative");
        let e = prepay(d("1000"), d("0.01"), 12, m, &PrepayPlan { fee_percent: d("101"), ..PrepayPlan::default() }).unwrap_err();
        assert_eq!(e.path(), "prepayment_fee_percent");
        assert_eq!(prepay(d("0"), d("0.01"), 12, m, &PrepayPlan::default()).unwrap_err(), PrepayError::Contract(EngineError::PrincipalNotPositive));
    }

    #[test]
    fn serde_names() {
        let p: Prepayment = serde_json::from_str(r#"{"month": 3, "amount": "5000.00", "effect": "lower_payment"}"#).unwrap();
        assert_eq!(p, Prepayment { month: 3, amount: d("5000.00"), effect: PrepayEffect::LowerPayment });
        assert!(serde_json::from_str::<Prepayment>(r#"{"month": 3, "amount": "1", "effect": "x"}"#).is_err());
        // ¥1,000.00 at 1 % over 2: PMT 507.5124 → 507.51; interest 10.00, then 5.02.
        let out = prepay(d("1000.00"), d("0.01"), 2, Method::EqualInstallment, &PrepayPlan::default()).unwrap();
        let json = serde_json::to_string(&out).unwrap();
        assert!(json.starts_with(r#"{"schedule":[{"period":1,"payment":"507.51","interest":"10.00","principal":"497.51","balance":"502.49","prepaid":"0.00","fee":"0.00"}"#), "{json}");
        assert!(json.ends_with(r#"],"months":2,"total_interest":"15.02","interest_saved":"0.00","months_saved":0,"fees":"0.00"}"#), "{json}");
    }
}
