//! Day-count modes: the default 30/360 (every month bears the monthly rate,
//! like spreadsheets and standard calculators) and "actual days" (interest
//! accrues daily on the balance between real due dates, the way online
//! lenders accrue — the top cause of "does not match my bank" reports).
//!
//! Both modes keep the rounding rules of [`Schedule`]: interest to the fen
//! once per instalment, the last instalment absorbing every remainder.

use super::dates::{days_in_month, Date, MAX_YEAR, MIN_YEAR};
use super::exact::{mul_ratio_fen, mul_round, Ratio};
use super::schedule::{annuity_payment, check_bounds, equal_principal, interest_only, level_rows_into};
use super::{fen, EngineError, Method, QuotedRate, Row, Schedule};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The scenario's day-count setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DayCount {
    /// 30/360: interest = balance × monthly rate (default).
    #[default]
    #[serde(rename = "30_360")]
    Thirty360,
    /// Actual days: interest = balance × daily rate × days since the previous due date.
    #[serde(rename = "actual")]
    Actual,
}

/// How much interest each period bears, so one schedule builder serves both
/// modes. Periods are numbered from 1: period 1 ends on the first due date.
/// Rates are exact [`Ratio`]s, so interest rounds exactly to the fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accrual {
    /// 30/360 at this monthly rate.
    Monthly { monthly: Ratio },
    /// Actual days at this daily rate. Period 1 runs from `first_start` to
    /// `first_due` (a month unless the loan says otherwise: a short or long
    /// first period); period k ≥ 2 from `first_due` + (k−2) months to
    /// `first_due` + (k−1) months, both clamped to month ends from the anchor
    /// day. `monthly` sets the level instalment of 等额本息 (the lender's
    /// nominal monthly rate). `month_rates` caches daily × 28…31 (build with
    /// [`Accrual::daily`]).
    Daily { daily: Ratio, monthly: Ratio, first_start: Date, first_due: Date, month_rates: [Ratio; 4] },
}

impl Accrual {
    /// The accrual of `rate`: actual days from `first_due` when given
    /// (the caller passes the next due date only in actual-days mode), 30/360
    /// otherwise.
    pub fn of(rate: &QuotedRate, first_due: Option<Date>) -> Self {
        match first_due {
            None => Self::Monthly { monthly: rate.monthly_ratio() },
            Some(first_due) => Self::daily(rate.daily_ratio(), rate.monthly_ratio(), first_due),
        }
    }

    /// Actual days at `daily` from `first_due` (fractions, not percent),
    /// the first period a whole month.
    pub fn daily(daily: impl Into<Ratio>, monthly: impl Into<Ratio>, first_due: Date) -> Self {
        let daily = daily.into();
        let month_rates = [28u32, 29, 30, 31].map(|days| daily.times(Decimal::from(days)));
        let first_start = first_due.add_months(-1).unwrap_or(first_due);
        Self::Daily { daily, monthly: monthly.into(), first_start, first_due, month_rates }
    }

    /// The same accrual with the first period starting on `start` (the
    /// payout or the last paid due date: `loans[].period_start`), when
    /// given and before the first due date. Interest of period 1 then
    /// accrues for the real days, 11 from 2024-01-20 to 2024-01-31 rather
    /// than 31. 30/360 accruals have no dates and are returned unchanged.
    pub fn with_period_start(self, start: Option<Date>) -> Self {
        match (self, start) {
            (Self::Daily { daily, monthly, first_due, month_rates, .. }, Some(s)) if s < first_due => {
                Self::Daily { daily, monthly, first_start: s, first_due, month_rates }
            }
            (acc, _) => acc,
        }
    }

    /// A 30/360 accrual at `monthly` (used for renegotiated rates such as 0 %).
    pub fn monthly(monthly: impl Into<Ratio>) -> Self {
        Self::Monthly { monthly: monthly.into() }
    }

    /// The nominal monthly rate, which sets level instalments (approximate).
    pub fn nominal_monthly(&self) -> Decimal {
        match self {
            Self::Monthly { monthly } | Self::Daily { monthly, .. } => monthly.approx(),
        }
    }

    /// Due date of period `k` (1-based), when dated.
    pub fn due_date(&self, k: u32) -> Option<Date> {
        match self {
            Self::Monthly { .. } => None,
            Self::Daily { first_due, .. } => first_due.add_months(i32::try_from(k).ok()? - 1),
        }
    }

    /// Days in period `k` (1-based): 30 in 30/360 mode; in actual mode the
    /// days from the previous due date to this one, counting the first and
    /// not the last (算头不算尾). Falls back to 30 past the calendar's range.
    pub fn days(&self, k: u32) -> u32 {
        match self {
            Self::Monthly { .. } => 30,
            Self::Daily { first_start, first_due, .. } if k <= 1 => u32::try_from(first_start.days_until(*first_due)).unwrap_or(30),
            Self::Daily { first_due, .. } => month_step_days(*first_due, k - 2).unwrap_or(30),
        }
    }

    /// The exact interest rate of period `k` (1-based).
    pub fn period_ratio(&self, k: u32) -> Ratio {
        match self {
            Self::Monthly { monthly } => *monthly,
            Self::Daily { .. } => self.ratio_for_days(self.days(k)),
        }
    }

    /// The interest rate of period `k` (1-based) as a decimal fraction
    /// (approximate: for discounting, not for interest).
    pub fn period_rate(&self, k: u32) -> Decimal {
        self.period_ratio(k).approx()
    }

    /// Interest of period `k` on `balance`, rounded to the fen exactly.
    pub fn interest(&self, k: u32, balance: Decimal) -> Decimal {
        mul_ratio_fen(balance, self.period_ratio(k))
    }

    /// The rate of a period of `days` days (actual mode; 30/360 ignores `days`).
    pub(crate) fn ratio_for_days(&self, days: u32) -> Ratio {
        match self {
            Self::Monthly { monthly } => *monthly,
            Self::Daily { daily, month_rates, .. } => match days {
                28..=31 => month_rates[(days - 28) as usize],
                d => daily.times(Decimal::from(d)),
            },
        }
    }

    /// Interest rate over periods `from..=to` without compounding (simple).
    fn simple_ratio(&self, from: u32, to: u32) -> Ratio {
        match self {
            Self::Monthly { monthly } => monthly.times(Decimal::from(to + 1 - from)),
            Self::Daily { daily, .. } => daily.times(Decimal::from((from..=to).map(|k| self.days(k)).sum::<u32>())),
        }
    }
}

/// Days from `anchor` + `m` months to `anchor` + (`m` + 1) months, both
/// clamped to their month's end: the rest of the first month after the
/// (clamped) anchor day, plus the (clamped) day in the next. The same as
/// subtracting day numbers, with no calendar conversion (this runs for
/// every row of every schedule in actual days). `None` outside the
/// calendar's years.
fn month_step_days(anchor: Date, m: u32) -> Option<u32> {
    let index = i64::from(anchor.year()) * 12 + i64::from(anchor.month()) - 1 + i64::from(m);
    let year_month = |i: i64| -> Option<(i32, u32)> {
        let year = i32::try_from(i.div_euclid(12)).ok()?;
        (MIN_YEAR..=MAX_YEAR).contains(&year).then_some((year, i.rem_euclid(12) as u32 + 1))
    };
    let ((y0, m0), (y1, m1)) = (year_month(index)?, year_month(index + 1)?);
    let (len0, len1) = (days_in_month(y0, m0), days_in_month(y1, m1));
    Some(len0 - anchor.day().min(len0) + anchor.day().min(len1))
}

fn check(principal: Decimal, acc: &Accrual, months: u32) -> Result<(), EngineError> {
    let rate = match acc {
        Accrual::Monthly { monthly } => monthly.approx(),
        Accrual::Daily { daily, monthly, .. } => daily.approx().max(monthly.approx()),
    };
    check_bounds(principal, months, rate)?;
    // The longest (31-day) period's rate must stay within the same bound.
    if matches!(acc, Accrual::Daily { month_rates, .. } if month_rates[3].approx() > Decimal::ONE) {
        return Err(EngineError::RateTooHigh);
    }
    Ok(())
}

/// The schedule of `principal` over `months` in either day-count mode. In
/// 30/360 mode this is exactly [`Schedule::build`].
pub fn build_schedule(principal: Decimal, acc: &Accrual, months: u32, method: Method) -> Result<Schedule, EngineError> {
    if let Accrual::Monthly { monthly } = acc {
        return Schedule::build(principal, *monthly, months, method);
    }
    check(principal, acc, months)?;
    let p = fen(principal);
    let rows = match method {
        Method::EqualInstallment => annuity_rows(p, acc, 1, months),
        Method::EqualPrincipal => equal_principal(p, |k| acc.period_ratio(k), months),
        Method::InterestOnly => interest_only(p, |k| acc.period_ratio(k), months),
        Method::Bullet => {
            let zero = Decimal::ZERO;
            let mut rows: Vec<Row> = (1..months)
                .map(|period| Row::new(period, zero, zero, zero, p))
                .collect();
            let interest = mul_ratio_fen(p, acc.simple_ratio(1, months));
            rows.push(Row::new(months, p + interest, interest, p, zero));
            rows
        }
    };
    Ok(Schedule { rows })
}

/// The exact level payment of `principal` over periods `start..start+n`:
/// the annuity formula at 30/360; with actual days, the payment that clears
/// the balance when each period bears its own rate,
/// P / Σₖ Πⱼ≤ₖ 1/(1 + rⱼ) — so the last instalment differs from the others
/// only by rounding, as a lender's daily-accrual schedule does.
pub fn level_payment(principal: Decimal, acc: &Accrual, start: u32, n: u32) -> Decimal {
    if let Accrual::Monthly { monthly } = acc {
        return annuity_payment(principal, monthly.approx(), n);
    }
    // Periods last 28–31 days: four discount factors, then products
    // rounded to 24 decimals on the fast exact path (a relative error below
    // 1e-21 a period, invisible in a payment rounded to the fen).
    let mut factors = [Decimal::ONE; 4];
    for (slot, rate) in factors.iter_mut().zip((28u32..=31).map(|d| acc.ratio_for_days(d).approx())) {
        match Decimal::ONE.checked_div(Decimal::ONE + rate) {
            Some(v) => *slot = v,
            None => return annuity_payment(principal, acc.nominal_monthly(), n),
        }
    }
    let mut discount = Decimal::ONE;
    let mut sum = Decimal::ZERO;
    for k in start..start.saturating_add(n) {
        let days = acc.days(k);
        let v = match days {
            28..=31 => factors[(days - 28) as usize],
            _ => match Decimal::ONE.checked_div(Decimal::ONE + acc.period_rate(k)) {
                Some(v) => v,
                None => return annuity_payment(principal, acc.nominal_monthly(), n),
            },
        };
        discount = mul_round(discount, v, 24);
        sum += discount;
    }
    principal.checked_div(sum).unwrap_or_else(|| annuity_payment(principal, acc.nominal_monthly(), n))
}

/// Level instalments (等额本息) of `principal` (already in fen) over `n`
/// periods starting at period `start` of `acc`: the payment is the
/// [`level_payment`], each period's interest follows its own rate,
/// the last instalment absorbs the remainder. Rows are numbered from
/// `start`. Never fails: degenerate inputs clamp instead (the principal
/// parts still sum to `principal` and no balance goes negative).
pub(crate) fn annuity_rows(principal: Decimal, acc: &Accrual, start: u32, n: u32) -> Vec<Row> {
    let mut rows = Vec::new();
    annuity_rows_into(&mut rows, principal, acc, start, n);
    rows
}

/// [`annuity_rows`] appended to `out`, after the months already there.
pub(crate) fn annuity_rows_into(out: &mut Vec<Row>, principal: Decimal, acc: &Accrual, start: u32, n: u32) {
    let n = n.max(1);
    level_rows_into(out, principal, |p| acc.period_ratio(p), start, n, level_payment(principal, acc, start, n));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RateUnit;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn daily(first_due: &str) -> Accrual {
        Accrual::of(&QuotedRate::new(d("0.05"), RateUnit::DailyPercent), Date::parse(first_due))
    }

    #[test]
    fn monthly_mode_is_the_standard_schedule() {
        let acc = Accrual::monthly(d("0.015"));
        for m in Method::ALL {
            assert_eq!(build_schedule(d("100000"), &acc, 12, m), Schedule::build(d("100000"), d("0.015"), 12, m));
        }
        // Level-instalment rows from the generic builder equal the standard ones.
        assert_eq!(annuity_rows(d("100000"), &acc, 1, 12), Schedule::build(d("100000"), d("0.015"), 12, Method::EqualInstallment).unwrap().rows);
    }

    #[test]
    fn month_steps_equal_day_number_differences() {
        // Against Date arithmetic for every anchor day of four years and 30 steps.
        let mut anchor = Date::parse("2023-01-01").unwrap();
        for _ in 0..4 * 366 {
            for m in 0..30 {
                let (a, b) = (anchor.add_months(m).unwrap(), anchor.add_months(m + 1).unwrap());
                assert_eq!(month_step_days(anchor, m as u32), Some(a.days_until(b) as u32), "{anchor} + {m}");
            }
            anchor = anchor.add_days(1).unwrap();
        }
        assert_eq!(month_step_days(Date::parse("2199-12-31").unwrap(), 0), None);
    }

    #[test]
    fn period_days_follow_the_calendar() {
        // First due 2024-01-31: periods end Jan 31, Feb 29, Mar 31, Apr 30.
        let acc = daily("2024-01-31");
        let days: Vec<u32> = (1..=4).map(|k| acc.days(k)).collect();
        assert_eq!(days, vec![31, 29, 31, 30]);
        assert_eq!(acc.due_date(2), Date::parse("2024-02-29"));
        assert_eq!(acc.due_date(3), Date::parse("2024-03-31"));
    }

    #[test]
    fn a_short_first_period_accrues_its_real_days() {
        // Paid out 2024-01-20, first due 2024-01-31: 11 days, not 31.
        // ¥10,000 先息后本 at 0.05 %/day: 10000 × 0.0005 × 11 = 55.00, then
        // 29 days to 2024-02-29 (145.00) and 31 to 2024-03-31 (155.00).
        let acc = daily("2024-01-31").with_period_start(Date::parse("2024-01-20"));
        assert_eq!((acc.days(1), acc.days(2), acc.days(3)), (11, 29, 31));
        let s = build_schedule(d("10000"), &acc, 3, Method::InterestOnly).unwrap();
        let interest: Vec<Decimal> = s.rows.iter().map(|r| r.interest).collect();
        assert_eq!(interest, vec![d("55.00"), d("145.00"), d("155.00")]);
        // Bullet: simple interest over 11 + 29 + 31 = 71 days = 355.00.
        assert_eq!(build_schedule(d("10000"), &acc, 3, Method::Bullet).unwrap().last_payment(), d("10355.00"));
        // Level instalments price the short period too: the payment is lower
        // than with a whole first month and the last still only absorbs rounding.
        let short = build_schedule(d("10000"), &acc, 12, Method::EqualInstallment).unwrap();
        let whole = build_schedule(d("10000"), &daily("2024-01-31"), 12, Method::EqualInstallment).unwrap();
        assert!(short.first_payment() < whole.first_payment());
        assert!((short.first_payment() - short.last_payment()).abs() <= d("0.05"));
        assert_eq!(short.rows[0].interest, d("55.00"));
        // A start on or after the due date, and 30/360, change nothing.
        assert_eq!(daily("2024-01-31").with_period_start(Date::parse("2024-01-31")), daily("2024-01-31"));
        let monthly = Accrual::monthly(d("0.015"));
        assert_eq!(monthly.with_period_start(Date::parse("2024-01-20")), monthly);
    }

    #[test]
    fn actual_days_annuity_hand_checked() {
        // ¥10,000 at 0.05 %/day over 3 periods, first due 2024-02-15
        // (periods of 31, 29, 31 days: rates 1.55 %, 1.45 %, 1.55 %). Hand
        // check with python3 fractions:
        //   A = 10000 / (v1 + v1·v2 + v1·v2·v3), vk = 1/(1+rk) = 3434.9566 → 3434.96
        //   k1: 10000·0.0155 = 155.00, principal 3279.96, balance 6720.04
        //   k2: 6720.04·0.0145 = 97.44058 → 97.44, balance 3382.52
        //   k3: 3382.52·0.0155 = 52.42906 → 52.43, payment 3434.95
        let s = build_schedule(d("10000"), &daily("2024-02-15"), 3, Method::EqualInstallment).unwrap();
        let got: Vec<(Decimal, Decimal, Decimal)> = s.rows.iter().map(|r| (r.payment, r.interest, r.balance)).collect();
        assert_eq!(
            got,
            vec![
                (d("3434.96"), d("155.00"), d("6720.04")),
                (d("3434.96"), d("97.44"), d("3382.52")),
                (d("3434.95"), d("52.43"), d("0.00")),
            ]
        );
        assert_eq!(s.total_principal(), d("10000"));
    }

    #[test]
    fn actual_days_all_methods_repay_exactly() {
        for m in Method::ALL {
            for due in ["2024-01-31", "2023-02-28", "2025-12-31"] {
                let s = build_schedule(d("12345.67"), &daily(due), 37, m).unwrap();
                assert_eq!(s.total_principal(), d("12345.67"), "{m:?} {due}");
                assert_eq!(s.rows.last().unwrap().balance, Decimal::ZERO);
                assert!(s.rows.iter().all(|r| r.balance >= Decimal::ZERO && r.principal >= Decimal::ZERO));
            }
        }
        // Bullet: simple interest over the real days. 2024-01-31 back to
        // 2023-12-31 then 3 periods to 2024-03-31 = 91 days; 10000·0.0005·91 = 455.
        let s = build_schedule(d("10000"), &daily("2024-01-31"), 3, Method::Bullet).unwrap();
        assert_eq!(s.last_payment(), d("10455.00"));
    }

    #[test]
    fn actual_mode_refuses_what_the_standard_mode_refuses() {
        let acc = daily("2024-01-31");
        assert_eq!(build_schedule(d("0"), &acc, 3, Method::Bullet), Err(EngineError::PrincipalNotPositive));
        assert_eq!(build_schedule(d("1"), &acc, 0, Method::Bullet), Err(EngineError::MonthsOutOfRange));
        let crazy = Accrual::daily(d("0.5"), d("15"), Date::parse("2024-01-31").unwrap());
        assert_eq!(build_schedule(d("1"), &crazy, 3, Method::Bullet), Err(EngineError::RateTooHigh));
    }

    #[test]
    fn serde_names() {
        assert_eq!(serde_json::to_string(&DayCount::Thirty360).unwrap(), "\"30_360\"");
        assert_eq!(serde_json::from_str::<DayCount>("\"actual\"").unwrap(), DayCount::Actual);
    }
}
