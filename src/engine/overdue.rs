//! The cost of doing nothing: what an overdue (or about to be missed) loan
//! grows to if nothing more is paid, and the typical consequences timeline.
//!
//! Everything here is *typical* (DOMAIN.md "Overdue costs"): the penalty rule
//! comes from the lender preset or the user, and the page says "check your
//! contract". The model, precisely:
//! * Penalty interest (罚息) accrues daily at the contract daily rate ×
//!   `multiplier` on the overdue base: overdue principal, plus overdue
//!   interest when the base is `principal_and_interest` or when compounding.
//! * Compounding (复利): every 30 days the penalty accrued so far (rounded to
//!   the fen) joins the base.
//! * Each instalment of the remaining contract schedule that falls due
//!   during the horizon becomes overdue on its due day: its principal and
//!   interest join the overdue amounts and bear penalty from that day. An
//!   amount due on day t bears penalty for h − t days by day h (counting the
//!   first day and not the last, 算头不算尾).
//! * Acceleration (the lender calling in the whole loan, 提前到期) and fees
//!   are not modelled, so the figures are a floor, not a ceiling.

use super::dates::Date;
use super::due::DueDates;
use super::exact::{mul_ratio_fen, mul_ratio_round, Ratio};
use super::schedule::pow;
use super::{checked, decimal_str, percent_2dp, EngineError, QuotedRate, Schedule, MAX_AMOUNT};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Most days overdue accepted (ten years).
pub const MAX_OVERDUE_DAYS: u32 = 3650;
/// Highest penalty multiplier accepted.
pub const MAX_PENALTY_MULTIPLIER: Decimal = Decimal::TEN;
/// Horizons of the "cost of doing nothing", in days from today.
pub const HORIZONS: [u32; 4] = [30, 90, 180, 360];
/// Courts tend to reduce overdue charges above this annual rate for
/// financial loans (Supreme People's Court opinion of 2017). Context, not advice.
pub const COURT_GUIDELINE_PERCENT: Decimal = Decimal::from_parts(24, 0, 0, false, 0);

/// What is already past due. These amounts are *in addition* to the loan's
/// `principal`, which is the principal of the remaining (not yet due) schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overdue {
    /// Days since the first missed due date (0 = not overdue).
    pub days: u32,
    /// Principal of missed instalments, unpaid.
    pub principal: Decimal,
    /// Contract interest of missed instalments, unpaid (penalty interest excluded).
    pub interest: Decimal,
}

impl Overdue {
    pub fn is_overdue(&self) -> bool {
        self.days > 0 || !self.principal.is_zero() || !self.interest.is_zero()
    }

    /// Arrears: overdue principal plus overdue interest.
    pub fn amount(&self) -> Decimal {
        self.principal + self.interest
    }

    /// Checks ranges; the error names the field (`overdue.days`, …).
    pub fn validate(&self) -> Result<(), EngineError> {
        if self.days > MAX_OVERDUE_DAYS {
            return Err(EngineError::OutOfRange("overdue.days"));
        }
        for (name, v) in [("overdue.principal", self.principal), ("overdue.interest", self.interest)] {
            if v.is_sign_negative() && !v.is_zero() {
                return Err(EngineError::AmountNegative(name));
            }
            if v > MAX_AMOUNT {
                return Err(EngineError::AmountTooLarge(name));
            }
        }
        Ok(())
    }
}

/// Which overdue amounts bear penalty interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyBase {
    /// Overdue principal only.
    Principal,
    /// Overdue principal and overdue interest.
    PrincipalAndInterest,
}

/// The penalty rule of a contract (typical values: [`crate::engine::Lender::penalty`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenaltyRule {
    /// Penalty rate = contract rate × multiplier (1.5 is the usual figure).
    pub multiplier: Decimal,
    /// Unpaid interest (and penalty) bears penalty interest too (复利).
    pub compound: bool,
    pub base: PenaltyBase,
}

impl PenaltyRule {
    pub fn validate(&self) -> Result<(), EngineError> {
        let negative = self.multiplier.is_sign_negative() && !self.multiplier.is_zero();
        if negative || self.multiplier > MAX_PENALTY_MULTIPLIER {
            return Err(EngineError::OutOfRange("penalty.multiplier"));
        }
        Ok(())
    }

    /// Penalty rate per day as a fraction.
    pub fn daily_fraction(&self, rate: &QuotedRate) -> Decimal {
        rate.daily_fraction() * self.multiplier
    }

    /// Penalty rate per day as an exact ratio (penalty amounts round exactly).
    pub fn daily_ratio(&self, rate: &QuotedRate) -> Ratio {
        rate.daily_ratio().times(self.multiplier)
    }
}

/// When the remaining instalments fall due, counted in days from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueCalendar {
    /// Today (the evaluation date). Without it, or without `next_due`,
    /// instalments are assumed 30 days apart.
    pub as_of: Option<Date>,
    /// Due date of the next (first not yet due) instalment.
    pub next_due: Option<Date>,
    /// Days overdue today: without dates, the next instalment is assumed due
    /// when the current 30-day cycle ends (30 − days mod 30, or 30).
    pub days_overdue: u32,
}

impl DueCalendar {
    /// Days from today until instalment `k` (1-based) of the remaining schedule falls due.
    pub fn offset(&self, k: u32) -> u32 {
        if let (Some(today), Some(next)) = (self.as_of, self.next_due) {
            if let Some(due) = next.add_months(i32::try_from(k).unwrap_or(i32::MAX) - 1) {
                return u32::try_from(today.days_until(due).max(0)).unwrap_or(u32::MAX);
            }
        }
        let first = match self.days_overdue % 30 {
            0 => 30,
            r => 30 - r,
        };
        first.saturating_add(30u32.saturating_mul(k.saturating_sub(1)))
    }
}

impl DueCalendar {
    /// The budget month (1 = this month) in which instalment `k` (1-based)
    /// falls due: by calendar month when today and the next due date are
    /// known (an instalment already past due counts in month 1), else month
    /// k. One rule with the dates of proposals and plans ([`DueDates::month`]).
    pub fn month_of(&self, k: u32) -> u32 {
        DueDates::of(self, None).month(k)
    }
}

/// Amount owed `days` from today if nothing is paid meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HorizonCost {
    /// Days from today.
    pub days: u32,
    /// Days overdue on that day (0 if no instalment has been missed yet).
    pub days_overdue: u32,
    /// Everything due by then: all principal (due or not), contract interest
    /// due, penalty interest.
    #[serde(with = "decimal_str")]
    pub owed: Decimal,
    /// Past-due principal and contract interest on that day (arrears).
    #[serde(with = "decimal_str")]
    pub arrears: Decimal,
    /// Penalty interest accrued by then, including the estimate of what had
    /// accrued before today ([`OverdueCost::penalty_so_far_estimate`]).
    #[serde(with = "decimal_str")]
    pub penalty_interest: Decimal,
    /// Penalty interest that accrues from today until then (no estimate in it).
    #[serde(with = "decimal_str")]
    pub penalty_since_today: Decimal,
    /// Contract interest of instalments that fall due between today and then.
    #[serde(with = "decimal_str")]
    pub contract_interest: Decimal,
    /// What waiting adds from today: `penalty_since_today` +
    /// `contract_interest`. The penalty accrued before today is not in it
    /// (it is owed whether one waits or not).
    #[serde(with = "decimal_str")]
    pub increase: Decimal,
}

/// A typical consequence of staying overdue (serialised as its stable
/// snake_case key; the page words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    PenaltyInterestStarts,
    SpecialMentionCreditReport,
    CollectionIntensifies,
    LawyerLetterSuitLikely,
    SubstandardNonPerforming,
    Doubtful,
    Loss,
}

/// A typical consequence of staying overdue. Labelled typical, not certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// Day overdue on which it typically happens.
    pub day: u32,
    pub key: Milestone,
    /// Already the case today.
    pub reached: bool,
    /// Days from today until it is reached if nothing is paid (0 if reached).
    pub in_days: u32,
}

/// Typical consequences by day overdue (DOMAIN.md timeline; 2023 asset
/// risk-classification rules for the 次级/可疑/损失 steps).
pub const TIMELINE: [(u32, Milestone); 7] = [
    (1, Milestone::PenaltyInterestStarts),
    (1, Milestone::SpecialMentionCreditReport),
    (30, Milestone::CollectionIntensifies),
    (90, Milestone::LawyerLetterSuitLikely),
    (91, Milestone::SubstandardNonPerforming),
    (271, Milestone::Doubtful),
    (361, Milestone::Loss),
];

/// The whole "where you stand" figure set for one loan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueCost {
    /// Remaining principal + overdue principal + overdue interest, penalties excluded.
    #[serde(with = "decimal_str")]
    pub owed_now: Decimal,
    pub days_overdue: u32,
    /// Penalty rate, percent a day, 6 decimals (half away from zero).
    #[serde(with = "decimal_str")]
    pub penalty_daily_percent: Decimal,
    /// Penalty rate, simple percent a year (daily × the rate's day basis).
    #[serde(with = "decimal_str")]
    pub penalty_annual_percent: Decimal,
    /// With monthly compounding when the rule compounds; else equal to the simple rate.
    #[serde(with = "decimal_str")]
    pub penalty_effective_annual_percent: Decimal,
    /// The penalty rate or the true APR of the whole cost runs above 24 % a
    /// year, which courts tend to reduce for financial loans; `court_guideline`
    /// says which. Context, not advice.
    pub above_court_guideline: bool,
    pub court_guideline: CourtGuideline,
    /// Penalty interest that has probably accrued already: today's overdue
    /// base × penalty rate × days overdue. An upper estimate (the base was
    /// smaller earlier on).
    #[serde(with = "decimal_str")]
    pub penalty_so_far_estimate: Decimal,
    pub horizons: Vec<HorizonCost>,
    pub timeline: Vec<TimelineEvent>,
}

/// The 24 %/yr note (Supreme People's Court opinion of 2017 on financial
/// trials): it concerns interest, penalty interest, compound interest,
/// liquidated damages and other fees *together*, so both the penalty rate
/// and the true APR of the whole contract cost (fees included) are compared,
/// and the note says which is above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CourtGuideline {
    /// 24, percent a year.
    #[serde(with = "decimal_str")]
    pub limit_percent: Decimal,
    /// The penalty rate (simple, or effective when it compounds) is above.
    pub penalty_rate_above: bool,
    /// The true APR of the contract (IRR × 12 on the principal held, up-front
    /// fees included), percent, 2 decimals; `None` when it cannot be computed.
    #[serde(with = "decimal_str::option")]
    pub true_apr_percent: Option<Decimal>,
    /// That APR is above the limit.
    pub true_apr_above: bool,
}

impl CourtGuideline {
    /// The note for a penalty rate of `penalty_percent` a year and a true
    /// APR (nominal, percent) of `true_apr_percent`.
    pub fn of(penalty_percent: Decimal, true_apr_percent: Option<Decimal>) -> Self {
        Self {
            limit_percent: COURT_GUIDELINE_PERCENT,
            penalty_rate_above: penalty_percent > COURT_GUIDELINE_PERCENT,
            true_apr_percent: true_apr_percent.map(percent_2dp),
            true_apr_above: true_apr_percent.is_some_and(|p| p > COURT_GUIDELINE_PERCENT),
        }
    }

    pub fn any_above(&self) -> bool {
        self.penalty_rate_above || self.true_apr_above
    }
}

/// The cost of doing nothing for a loan whose remaining schedule is
/// `contract` (the not-yet-due principal at the contract rate).
/// `true_apr_percent` is the contract's true APR (fees included, nominal
/// percent), for the court note; `None` when it cannot be computed.
pub fn overdue_cost(
    rate: &QuotedRate,
    contract: &Schedule,
    overdue: &Overdue,
    rule: &PenaltyRule,
    calendar: &DueCalendar,
    true_apr_percent: Option<Decimal>,
) -> Result<OverdueCost, EngineError> {
    let owed_now = checked::add(contract.total_principal(), overdue.principal)
        .and_then(|v| checked::add(v, overdue.interest))
        .ok_or(EngineError::Overflow)?;
    let pen = rule.daily_ratio(rate);
    let base_now = overdue.principal + if rule.interest_bears() { overdue.interest } else { Decimal::ZERO };
    let so_far = mul_ratio_fen(checked::mul(base_now, Decimal::from(overdue.days)).ok_or(EngineError::Overflow)?, pen);
    let waiting = Waiting { contract, overdue, rule, calendar, pen, so_far, owed_now };
    let simple = rate.annual_percent() * rule.multiplier;
    let effective = if rule.compound {
        let monthly = simple / Decimal::from(1200);
        pow(Decimal::ONE + monthly, 12).map_or(simple, |g| (g - Decimal::ONE) * Decimal::ONE_HUNDRED)
    } else {
        simple
    };
    let court = CourtGuideline::of(simple.max(effective), true_apr_percent);
    Ok(OverdueCost {
        owed_now,
        days_overdue: overdue.days,
        penalty_daily_percent: mul_ratio_round(Decimal::ONE_HUNDRED, pen, 6).normalize(),
        penalty_annual_percent: percent_2dp(simple),
        penalty_effective_annual_percent: percent_2dp(effective),
        above_court_guideline: court.any_above(),
        court_guideline: court,
        penalty_so_far_estimate: so_far,
        horizons: waiting.horizons()?,
        timeline: timeline(overdue.days, calendar.offset(1)),
    })
}

impl PenaltyRule {
    /// Unpaid contract interest bears penalty too: under a
    /// principal-and-interest base, or when the rule compounds.
    pub fn interest_bears(&self) -> bool {
        self.compound || self.base == PenaltyBase::PrincipalAndInterest
    }
}

/// Doing nothing from today: what [`overdue_cost`] projects.
struct Waiting<'a> {
    contract: &'a Schedule,
    overdue: &'a Overdue,
    rule: &'a PenaltyRule,
    calendar: &'a DueCalendar,
    /// The penalty rate per day.
    pen: Ratio,
    so_far: Decimal,
    owed_now: Decimal,
}

impl Waiting<'_> {
    /// The days something happens: an instalment falls due, the penalty is
    /// capitalised (every 30 days when compounding), a horizon is reached;
    /// and the instalments due within the last horizon, (day, row index).
    fn events(&self) -> (Vec<u32>, Vec<(u32, usize)>) {
        let last = HORIZONS[HORIZONS.len() - 1];
        let dues: Vec<(u32, usize)> = (1..=self.contract.months())
            .map(|k| (self.calendar.offset(k), k as usize - 1))
            .take_while(|(t, _)| *t <= last)
            .collect();
        let mut days: Vec<u32> = dues.iter().map(|(t, _)| *t).chain(HORIZONS).collect();
        if self.rule.compound {
            days.extend((1..=last / 30).map(|m| m * 30));
        }
        // The short insertion sort: `sort_unstable` was the main wasm's
        // only quicksort, 3.6 KB for a list of a few dozen days (issue 13).
        super::small_sort::sort_by(&mut days, Ord::cmp);
        days.dedup();
        (days, dues)
    }

    /// What is owed at each horizon, event by event: the overdue base
    /// accrues penalty, instalments fall due, compounding capitalises.
    fn horizons(&self) -> Result<Vec<HorizonCost>, EngineError> {
        let (days, dues) = self.events();
        let (mut op, mut oi, mut new_interest) = (self.overdue.principal, self.overdue.interest, Decimal::ZERO);
        // Σ base × days since today: the penalty accrued is this × the daily
        // penalty rate, rounded once, exactly.
        let mut base_days = Decimal::ZERO;
        let mut capitalised = Decimal::ZERO; // penalty that bears penalty (compound)
        let (mut prev, mut next_due) = (0u32, dues.iter().peekable());
        let mut horizons = Vec::with_capacity(HORIZONS.len());
        for t in days {
            let base = op + if self.rule.interest_bears() { oi } else { Decimal::ZERO } + capitalised;
            base_days = checked::mul(base, Decimal::from(t - prev)).and_then(|x| checked::add(x, base_days)).ok_or(EngineError::Overflow)?;
            prev = t;
            while let Some(&(_, idx)) = next_due.next_if(|(due, _)| *due <= t) {
                let row = &self.contract.rows[idx];
                (op, oi, new_interest) = (op + row.principal, oi + row.interest, new_interest + row.interest);
            }
            let (capitalise, horizon) = (self.rule.compound && t % 30 == 0, HORIZONS.contains(&t));
            if !(capitalise || horizon) {
                continue;
            }
            let accrued = mul_ratio_fen(base_days, self.pen);
            if capitalise {
                capitalised = self.so_far + accrued;
            }
            if horizon {
                let days_overdue = match self.overdue.days {
                    0 => t.saturating_sub(self.calendar.offset(1)),
                    d => d + t,
                };
                horizons.push(HorizonCost {
                    days: t,
                    days_overdue,
                    owed: self.owed_now + new_interest + self.so_far + accrued,
                    arrears: op + oi,
                    penalty_interest: self.so_far + accrued,
                    penalty_since_today: accrued,
                    contract_interest: new_interest,
                    increase: accrued + new_interest,
                });
            }
        }
        Ok(horizons)
    }
}

/// The typical consequences for a loan `days_overdue` days behind whose
/// next instalment falls due in `first_due` days.
fn timeline(days_overdue: u32, first_due: u32) -> Vec<TimelineEvent> {
    TIMELINE
        .iter()
        .map(|&(day, key)| {
            let reached = days_overdue >= day;
            let in_days = if reached {
                0
            } else if days_overdue > 0 {
                day - days_overdue
            } else {
                first_due.saturating_add(day)
            };
            TimelineEvent { day, key, reached, in_days }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Method, RateUnit};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn rule(compound: bool, base: PenaltyBase) -> PenaltyRule {
        PenaltyRule { multiplier: d("1.5"), compound, base }
    }

    #[test]
    fn mybank_overdue_hand_checked() {
        // 网商贷 at 0.05 %/day, 15 days overdue on ¥10,000 principal and
        // ¥450 interest; remaining ¥90,000 over 12 months at 1.5 %/month.
        // Penalty 0.075 %/day on principal + interest (¥10,450):
        //   so far: 10450 × 0.00075 × 15 = 117.5625 → 117.56
        //   next due in 30 − 15 = 15 days: row 1 of the remaining schedule
        //   (payment 8251.20 = interest 1350.00 + principal 6901.20).
        //   by day 30: 10450 × 0.00075 × 15 + (10450 + 8251.20) × 0.00075 × 15
        //     = 117.5625 + 210.3885 = 327.951 → 327.95
        //   owed = 90000 + 10450 + 1350.00 + 117.56 + 327.95 = 102245.51
        let rate = QuotedRate::new(d("0.05"), RateUnit::DailyPercent);
        let contract = Schedule::build(d("90000"), rate.monthly_fraction(), 12, Method::EqualInstallment).unwrap();
        assert_eq!((contract.rows[0].interest, contract.rows[0].principal), (d("1350.00"), d("6901.20")));
        let overdue = Overdue { days: 15, principal: d("10000"), interest: d("450") };
        let cal = DueCalendar { days_overdue: 15, ..DueCalendar::default() };
        let c = overdue_cost(&rate, &contract, &overdue, &rule(false, PenaltyBase::PrincipalAndInterest), &cal, None).unwrap();
        assert_eq!(c.owed_now, d("100450"));
        assert_eq!(c.penalty_so_far_estimate, d("117.56"));
        let h30 = c.horizons[0];
        assert_eq!((h30.days, h30.days_overdue), (30, 45));
        assert_eq!(h30.penalty_interest, d("117.56") + d("327.95"));
        assert_eq!(h30.owed, d("102245.51"));
        assert_eq!(h30.arrears, d("10450") + d("8251.20"));
        // Waiting 30 days adds the new penalty and the interest falling due,
        // not the 117.56 already accrued: 327.95 + 1350.00 = 1677.95.
        assert_eq!((h30.penalty_since_today, h30.increase), (d("327.95"), d("1677.95")));
        assert!(c.horizons.iter().all(|h| h.increase == h.owed - c.owed_now - c.penalty_so_far_estimate));
        assert_eq!(c.penalty_annual_percent, d("27.00"));
        assert!(c.above_court_guideline);
        // Owed only grows with time.
        assert!(c.horizons.windows(2).all(|w| w[0].owed <= w[1].owed));
        // After 360 days all 12 instalments are overdue.
        assert_eq!(c.horizons[3].arrears, d("100450") + contract.total_interest());
    }

    #[test]
    fn principal_only_base_and_compounding() {
        // ¥1,000 overdue principal and ¥100 interest at 12 %/yr (daily
        // 12/360 %), ×1.5: 0.05 %/day. Nothing else due (the one remaining
        // instalment falls due after the horizon is irrelevant here: remaining is ¥0.01 far away).
        let rate = QuotedRate::new(d("12"), RateUnit::AnnualPercent);
        let contract = Schedule::build(d("0.01"), rate.monthly_fraction(), 600, Method::Bullet).unwrap();
        let overdue = Overdue { days: 1, principal: d("1000"), interest: d("100") };
        let cal = DueCalendar { days_overdue: 1, ..DueCalendar::default() };
        // Principal only, simple: 1000 × 0.0005 × 30 = 15.00 by day 30 (+ 0.50 so far).
        let c = overdue_cost(&rate, &contract, &overdue, &rule(false, PenaltyBase::Principal), &cal, None).unwrap();
        assert_eq!(c.horizons[0].penalty_interest, d("15.50"));
        // Compound: base includes interest (1100): 1100 × 0.0005 × 30 = 16.50
        // (+ 0.55 so far) by day 30; from day 30 the 17.05 accrued bears
        // penalty too: day 30–90 = (1100 + 17.05) × 0.0005 × 30 = 16.75575,
        // then (1100 + 17.05 + 16.75575→16.76... ) checked via monotonicity.
        let c = overdue_cost(&rate, &contract, &overdue, &rule(true, PenaltyBase::Principal), &cal, None).unwrap();
        assert_eq!(c.horizons[0].penalty_interest, d("17.05"));
        let simple = overdue_cost(&rate, &contract, &overdue, &rule(false, PenaltyBase::PrincipalAndInterest), &cal, None).unwrap();
        assert!(c.horizons[3].penalty_interest > simple.horizons[3].penalty_interest);
        assert_eq!(c.penalty_annual_percent, d("18.00"));
        // (1 + 0.015)^12 − 1 = 19.56 %
        assert_eq!(c.penalty_effective_annual_percent, d("19.56"));
        assert!(!c.above_court_guideline);
    }

    #[test]
    fn the_court_note_compares_the_true_apr_as_well_as_the_penalty_rate() {
        // 12 %/yr × 1.5 = 18 % penalty (below 24 %), but fees bring the
        // contract's true APR to 30.12 %: the note is due, for the APR.
        let rate = QuotedRate::new(d("12"), RateUnit::AnnualPercent);
        let contract = Schedule::build(d("1000"), rate.monthly_ratio(), 12, Method::EqualInstallment).unwrap();
        let rule = rule(false, PenaltyBase::Principal);
        let c = overdue_cost(&rate, &contract, &Overdue::default(), &rule, &DueCalendar::default(), Some(d("30.1234"))).unwrap();
        assert!(c.above_court_guideline);
        let g = c.court_guideline;
        assert_eq!((g.limit_percent, g.penalty_rate_above, g.true_apr_above, g.true_apr_percent), (d("24"), false, true, Some(d("30.12"))));
        // Penalty above, APR below; and an APR that cannot be computed says nothing.
        let g = CourtGuideline::of(d("27"), Some(d("18")));
        assert!(g.penalty_rate_above && !g.true_apr_above && g.any_above());
        let g = CourtGuideline::of(d("18"), None);
        assert!(!g.any_above() && g.true_apr_percent.is_none());
    }

    #[test]
    fn timeline_from_a_loan_not_yet_overdue() {
        let rate = QuotedRate::new(d("0.05"), RateUnit::DailyPercent);
        let contract = Schedule::build(d("1000"), rate.monthly_fraction(), 3, Method::EqualInstallment).unwrap();
        let cal = DueCalendar {
            as_of: Date::parse("2025-01-10"),
            next_due: Date::parse("2025-01-20"),
            days_overdue: 0,
        };
        let c = overdue_cost(&rate, &contract, &Overdue::default(), &Lender_penalty(), &cal, None).unwrap();
        assert_eq!(c.penalty_so_far_estimate, Decimal::ZERO);
        // The first instalment falls due in 10 days: overdue day 1 comes 11 days from now.
        assert_eq!(c.timeline[0].in_days, 11);
        assert!(c.timeline.iter().all(|e| !e.reached));
        assert_eq!(c.horizons[0].days_overdue, 20);
        assert_eq!(c.horizons[3].owed, contract.total_paid() + c.horizons[3].penalty_interest);
    }

    #[allow(non_snake_case)]
    fn Lender_penalty() -> PenaltyRule {
        crate::engine::Lender::Mybank.penalty()
    }

    #[test]
    fn validation() {
        assert!(Overdue { days: 3651, ..Overdue::default() }.validate().is_err());
        assert_eq!(Overdue { interest: d("-1"), ..Overdue::default() }.validate(), Err(EngineError::AmountNegative("overdue.interest")));
        assert!(PenaltyRule { multiplier: d("11"), compound: false, base: PenaltyBase::Principal }.validate().is_err());
    }
}
