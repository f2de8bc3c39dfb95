//! Proposals a lender can accept (DOMAIN.md "What lenders can agree to"),
//! each with the figures a case officer and the borrower need.
//!
//! Definitions used by every proposal:
//! * **Amount owed now** = remaining principal + overdue principal + overdue
//!   interest; penalty interest is left out (every proposal asks for it to
//!   be waived).
//! * **Financed** = the amount the proposal's schedule repays as principal:
//!   the principal parts of its schedule sum exactly to it and its final
//!   balance is 0.00.
//! * **Current contract** = arrears paid at once plus the remaining schedule.
//!   `saving_vs_contract` = its total paid + the penalty the proposal asks to
//!   waive (`params.penalty_waived`: the estimate so far, and for the penalty
//!   waiver also what the arrears would accrue while caught up) − the
//!   proposal's total paid (positive: the proposal costs the borrower less,
//!   in nominal yuan).
//! * **Doing nothing**: `saving_vs_nothing` = what is owed after 360 days of
//!   not paying ([`crate::engine::overdue::HorizonCost::owed`] at 360) − (what the proposal pays in
//!   its first 12 instalments + the balance it still owes after them).
//!   Both sides are "the cost of being clear of this debt one year from
//!   now", undiscounted: a 12-month comparison, and `saving_vs_nothing_months`
//!   says so in the output.
//! * **Lender recovery**: `principal_recovered_percent` = min(total paid,
//!   principal owed) / principal owed (principal owed = remaining +
//!   overdue principal); `lender_pv` = present value of the payments at the
//!   contract rate in the contract's day count (instalment k discounted over
//!   periods 1..k, each at its own rate: the monthly rate at 30/360, the
//!   daily rate × its days in actual days; a settlement is paid now), so a
//!   re-amortisation at the contract rate recovers 100.00 %;
//!   `lender_pv_percent` = lender_pv / amount owed now.
//! * **APR** = IRR of (amount owed now, the payments), both forms; `None`
//!   for a settlement, where no credit is extended.
//! * **Budget**: `fits_budget` ⇔ every instalment ≤ the monthly budget of
//!   its basis: the flat `monthly_budget` for most kinds; the forecast
//!   month's surplus share for the cash-flow plan; a settlement is a lump sum
//!   the borrower says they can raise, so it fits by definition.
//!   `margin` = budget − largest instalment (for the cash-flow plan the
//!   smallest monthly room, a deficit month counting as a budget of 0).
//!
//! Ranking ([`rank`]): proposals that fit the budget first, then those that
//! do not, then those that cannot work; within each group by `lender_pv_percent`
//! descending (what the lender recovers in today's money, the borrower's
//! strongest argument), ties kept in generation order.
//!
//! API: [`Debt::analyse`] computes what every proposal shares; each kind has
//! its own function taking the debt, that analysis and a [`LoanBudget`]
//! ([`term_extension`], [`frozen_instalments`], [`penalty_waiver`],
//! [`payment_holiday`], [`settlement`], [`cash_flow_plan`]), so a plan across
//! lenders can ask for one kind with its own budget; [`proposals_for`] lists
//! every kind for one debt and ranks them. [`Debt::dues_by_month`] gives the
//! contract's dues for the budget, [`crate::engine::AllocationDebt::of`] the
//! debt as the allocation sees it.

use super::apr::{monthly_irr, Apr};
use super::exact::{mul_ratio_fen, mul_round};
use super::daycount::{annuity_rows, build_schedule, Accrual};
use super::overdue::{overdue_cost, DueCalendar, Overdue, OverdueCost, PenaltyRule};
use super::schedule::annuity_payment;
use super::budget::BUDGET_MONTHS;
use super::{decimal_str, fen, percent_2dp, EngineError, Loan, Row, Schedule, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Personalised instalments are capped at 5 years (Article 70 of the
/// commercial-bank credit-card rules; lenders apply the same ceiling).
pub const FROZEN_CAP_MONTHS: u32 = 60;
/// Arrears are caught up within a year at most.
pub const CATCH_UP_CAP_MONTHS: u32 = 12;
/// A cash-flow plan that has not cleared the debt in 10 years is not a plan.
pub const CASH_FLOW_CAP_MONTHS: u32 = 120;
/// `saving_vs_nothing` compares the first 12 months (the 360-day horizon).
pub const NOTHING_HORIZON_MONTHS: u32 = 12;
/// Longest payment holiday offered.
pub const MAX_HOLIDAY_MONTHS: u32 = 6;
/// The standard extension terms offered beside the shortest that fits
/// (those longer than the months that remain; see [`extension_terms`]).
pub const STANDARD_TERMS: [u32; 4] = [12, 24, 36, 60];
/// Holiday lengths the evaluation lists (the API takes any 1–6).
pub const LISTED_HOLIDAYS: [u32; 1] = [3];

/// A loan with everything proposals need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debt {
    pub id: String,
    /// The contract; `principal` is the remaining, not yet due principal.
    pub loan: Loan,
    pub overdue: Overdue,
    pub penalty: PenaltyRule,
    /// Day-count mode of the contract and of proposals at the contract rate.
    pub accrual: Accrual,
    pub calendar: DueCalendar,
    /// A lump sum the borrower can raise for a settlement.
    pub settlement_offer: Option<Decimal>,
    /// Length of the payment holiday to propose, 1–[`MAX_HOLIDAY_MONTHS`].
    pub holiday_months: u32,
}

/// Figures of a debt computed once and shared by all its proposals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebtAnalysis {
    /// The remaining schedule under the current contract (in the day-count mode).
    pub contract: Schedule,
    /// Remaining + overdue principal + overdue interest.
    pub owed_now: Decimal,
    /// Remaining + overdue principal.
    pub principal_owed: Decimal,
    /// Arrears paid now plus the remaining schedule.
    pub contract_total_paid: Decimal,
    /// The contract's true APR (IRR on the principal held, fees included),
    /// or why it cannot be computed (a fee of nearly the whole principal).
    pub apr: Result<Apr, EngineError>,
    pub overdue_cost: OverdueCost,
}

impl Debt {
    /// The contract schedule, the cost of doing nothing and the reference totals.
    pub fn analyse(&self) -> Result<DebtAnalysis, EngineError> {
        self.loan.validate()?;
        self.overdue.validate()?;
        self.penalty.validate()?;
        let contract = build_schedule(self.loan.principal, &self.accrual, self.loan.months, self.loan.method)?;
        let held = self.loan.principal - self.loan.upfront_fee;
        let apr = monthly_irr(held, &contract.payments(), self.accrual.nominal_monthly()).and_then(Apr::from_monthly);
        let true_apr = apr.as_ref().ok().map(|a| a.nominal_percent);
        let overdue_cost = overdue_cost(&self.loan.rate, &contract, &self.overdue, &self.penalty, &self.calendar, true_apr)?;
        let principal_owed = contract.total_principal() + self.overdue.principal;
        Ok(DebtAnalysis {
            contract_total_paid: contract.total_paid() + self.overdue.amount(),
            owed_now: overdue_cost.owed_now,
            principal_owed,
            contract,
            apr,
            overdue_cost,
        })
    }
}

impl Debt {
    /// What falls due in each of the next [`BUDGET_MONTHS`] months under the
    /// contract: the arrears now (month 1) and each instalment of the
    /// remaining schedule in its month ([`DueCalendar::month_of`]).
    pub fn dues_by_month(&self, an: &DebtAnalysis) -> [Decimal; BUDGET_MONTHS] {
        let mut dues = [Decimal::ZERO; BUDGET_MONTHS];
        dues[0] = self.overdue.amount();
        // Months never decrease with k: stop at the first beyond the window.
        for (k, row) in (1u32..).zip(&an.contract.rows) {
            match self.calendar.month_of(k) as usize {
                m @ 1..=BUDGET_MONTHS => dues[m - 1] += row.payment,
                _ => break,
            }
        }
        dues
    }
}

/// The monthly money one debt's proposals may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanBudget {
    /// Flat monthly amount (the debt's share of the disposable income).
    pub available: Decimal,
    /// This debt's share of each forecast month's surplus (may be negative),
    /// month 1 of a plan using entry 0, repeating every 12 months.
    pub forecast: Option<[Decimal; 12]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    /// 延期/展期: the amount owed re-amortised (等额本息) at the contract
    /// rate over more months than remain.
    TermExtension,
    /// 停息分期: the amount owed in equal instalments at 0 %, penalties waived.
    FrozenInstalments,
    /// 减免罚息: the contract continues; penalties waived and arrears caught up over k months.
    PenaltyWaiver,
    /// 宽限期: h months interest-only or capitalised, then re-amortised over
    /// the remaining term (maturity kept) or over all of it (maturity
    /// extended by h months).
    PaymentHoliday,
    /// 一次性结清减免: a lump sum below the amount owed.
    Settlement,
    /// 按现金流还款: payments follow the forecast surplus at the contract rate.
    CashFlowPlan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayMode {
    /// Interest paid during the holiday.
    InterestOnly,
    /// Nothing paid; the interest is added to the balance.
    Capitalised,
}

/// What happens to the maturity after a payment holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayMaturity {
    /// The old maturity: the instalments after the holiday repay over the
    /// remaining months minus the holiday.
    Kept,
    /// The maturity moves back by the holiday's length, as the 2020–2023
    /// deferral programmes (延期还本付息) did: the instalments after it
    /// repay over all the months that remained.
    Extended,
}

/// A payment holiday asked for: its length (1–[`MAX_HOLIDAY_MONTHS`]), what
/// is paid meanwhile, and the maturity after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub months: u32,
    pub mode: HolidayMode,
    pub maturity: HolidayMaturity,
}

/// What each instalment is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetBasis {
    Flat,
    Forecast,
    LumpSum,
}

/// What the proposal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Params {
    /// The term asked for (extension options, holiday plans: the total term).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_months: Option<u32>,
    /// This is the shortest term that fits the budget.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub shortest_fit: bool,
    /// The ceiling on the term, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_mode: Option<HolidayMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_maturity: Option<HolidayMaturity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catch_up_months: Option<u32>,
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub lump_sum: Option<Decimal>,
    /// Simple annual rate the plan charges, percent (0 for frozen interest).
    #[serde(with = "decimal_str")]
    pub annual_rate_percent: Decimal,
    /// Penalty interest the proposal asks to waive: the estimate so far,
    /// plus, for the penalty waiver, what the arrears would accrue while
    /// they are caught up. Counted in `saving_vs_contract`.
    #[serde(with = "decimal_str")]
    pub penalty_waived: Decimal,
}

/// Why a proposal cannot work, instead of misleading numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Infeasible {
    /// Nothing is left for this debt each month.
    NoBudget {
        #[serde(with = "decimal_str")]
        available: Decimal,
    },
    /// Even at the longest term allowed the instalment exceeds the budget.
    AboveBudgetAtCap {
        cap_months: u32,
        #[serde(with = "decimal_str")]
        payment_at_cap: Decimal,
        #[serde(with = "decimal_str")]
        available: Decimal,
    },
    /// The contract instalments alone already exceed the budget.
    ContractAboveBudget {
        #[serde(with = "decimal_str")]
        contract_payment: Decimal,
        #[serde(with = "decimal_str")]
        available: Decimal,
    },
    /// The cash-flow plan needs a 12-month forecast.
    NoForecast,
    /// No forecast month leaves a surplus.
    NoSurplusInForecast,
    /// The forecast surplus does not clear the debt within the cap.
    NotClearedWithinCap {
        cap_months: u32,
    },
    /// A parameter outside its range (e.g. a 7-month holiday, a zero lump sum).
    InvalidParameter {
        name: &'static str,
    },
    /// The engine refused the numbers (serialised as its code).
    Engine {
        code: EngineError,
    },
}

/// Everything computed for a workable proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    #[serde(with = "decimal_str")]
    pub financed: Decimal,
    pub months: u32,
    /// First instalment.
    #[serde(with = "decimal_str")]
    pub monthly_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub min_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub max_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub total_paid: Decimal,
    /// Interest and fees: total paid − financed.
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
    #[serde(with = "decimal_str::option")]
    pub apr_nominal_percent: Option<Decimal>,
    #[serde(with = "decimal_str::option")]
    pub apr_effective_percent: Option<Decimal>,
    #[serde(with = "decimal_str")]
    pub saving_vs_contract: Decimal,
    /// Over the next 12 months only (see the module docs): label it so.
    #[serde(with = "decimal_str")]
    pub saving_vs_nothing: Decimal,
    /// The months `saving_vs_nothing` covers: always [`NOTHING_HORIZON_MONTHS`].
    pub saving_vs_nothing_months: u32,
    #[serde(with = "decimal_str")]
    pub principal_recovered_percent: Decimal,
    #[serde(with = "decimal_str")]
    pub lender_pv: Decimal,
    #[serde(with = "decimal_str")]
    pub lender_pv_percent: Decimal,
    /// Settlements: amount owed now − lump sum, and that as a percentage.
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub discount: Option<Decimal>,
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub discount_percent: Option<Decimal>,
    pub budget_basis: BudgetBasis,
    /// The flat monthly budget of this debt.
    #[serde(with = "decimal_str")]
    pub monthly_budget: Decimal,
    pub fits_budget: bool,
    #[serde(with = "decimal_str")]
    pub margin: Decimal,
    pub schedule: Vec<Row>,
}

/// One proposal: figures when it can work, a reason when it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub kind: ProposalKind,
    pub loan_id: String,
    /// 1-based position after [`rank`] (0 before ranking).
    pub rank: u32,
    pub params: Params,
    #[serde(flatten)]
    pub figures: Option<Figures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infeasible: Option<Infeasible>,
}

impl Proposal {
    pub fn fits(&self) -> bool {
        self.figures.as_ref().is_some_and(|f| f.fits_budget)
    }

    /// Sort key: (group, −lender PV %) — see the module docs.
    pub fn rank_key(&self) -> (u8, Decimal) {
        match &self.figures {
            Some(f) if f.fits_budget => (0, -f.lender_pv_percent),
            Some(f) => (1, -f.lender_pv_percent),
            None => (2, Decimal::ZERO),
        }
    }
}

/// Orders proposals by [`Proposal::rank_key`] (stable) and numbers them from 1.
pub fn rank(proposals: &mut [Proposal]) {
    proposals.sort_by_key(|p| p.rank_key());
    for (i, p) in proposals.iter_mut().enumerate() {
        p.rank = i as u32 + 1;
    }
}

struct Ctx<'a> {
    debt: &'a Debt,
    an: &'a DebtAnalysis,
    budget: &'a LoanBudget,
}

impl Ctx<'_> {
    fn contract_rate_percent(&self) -> Decimal {
        self.debt.loan.rate.annual_percent().normalize()
    }

    fn params(&self) -> Params {
        Params {
            annual_rate_percent: self.contract_rate_percent(),
            penalty_waived: self.an.overdue_cost.penalty_so_far_estimate,
            ..Params::default()
        }
    }

    fn infeasible(&self, kind: ProposalKind, params: Params, why: Infeasible) -> Proposal {
        Proposal { kind, loan_id: self.debt.id.clone(), rank: 0, params, figures: None, infeasible: Some(why) }
    }

    /// Builds the figures of a schedule; `basis` says what it is compared with.
    fn finish(&self, kind: ProposalKind, params: Params, rows: Vec<Row>, basis: BudgetBasis) -> Proposal {
        match self.figures(rows, basis, params.penalty_waived) {
            Ok(figures) => Proposal { kind, loan_id: self.debt.id.clone(), rank: 0, params, figures: Some(figures), infeasible: None },
            Err(e) => self.infeasible(kind, params, Infeasible::Engine { code: e }),
        }
    }

    /// Whether `rows` fit the budget of their `basis`, and the margin.
    fn fit(&self, rows: &[Row], basis: BudgetBasis, max_payment: Decimal) -> (bool, Decimal) {
        let available = self.budget.available;
        match basis {
            BudgetBasis::Flat => (max_payment <= available, available - max_payment),
            BudgetBasis::LumpSum => (true, available),
            BudgetBasis::Forecast => {
                let f = self.budget.forecast.unwrap_or([available; 12]);
                // A deficit month asks for nothing, and nothing fits it.
                let margin = rows.iter().enumerate().map(|(k, r)| f[k % 12].max(Decimal::ZERO) - r.payment).min().unwrap_or_default();
                (margin >= Decimal::ZERO, margin)
            }
        }
    }

    fn figures(&self, rows: Vec<Row>, basis: BudgetBasis, penalty_waived: Decimal) -> Result<Figures, EngineError> {
        let an = self.an;
        let i = self.debt.loan.rate.monthly_fraction();
        let mut total_paid = Decimal::ZERO;
        let mut financed = Decimal::ZERO;
        let (mut min_payment, mut max_payment) = (Decimal::MAX, Decimal::MIN);
        let mut paid_12 = Decimal::ZERO;
        for (k, r) in rows.iter().enumerate() {
            total_paid = total_paid.checked_add(r.payment).ok_or(EngineError::Overflow)?;
            financed = financed.checked_add(r.principal).ok_or(EngineError::Overflow)?;
            min_payment = min_payment.min(r.payment);
            max_payment = max_payment.max(r.payment);
            if k < 12 {
                paid_12 += r.payment;
            }
        }
        if rows.is_empty() {
            return Err(EngineError::MonthsOutOfRange);
        }
        let balance_12 = rows.get(11).map_or(Decimal::ZERO, |r| r.balance);
        let lump = basis == BudgetBasis::LumpSum;
        let (apr_nominal, apr_effective) = if lump {
            (None, None)
        } else {
            let payments: Vec<Decimal> = rows.iter().map(|r| r.payment).collect();
            match monthly_irr(an.owed_now, &payments, i).and_then(Apr::from_monthly) {
                Ok(a) => (Some(percent_2dp(a.nominal_percent)), Some(percent_2dp(a.effective_percent))),
                Err(_) => (None, None),
            }
        };
        let lender_pv = if lump { total_paid } else { fen(present_value(&rows, &self.debt.accrual)) };
        let hundred = Decimal::ONE_HUNDRED;
        let share = |part: Decimal, whole: Decimal| {
            if whole.is_zero() {
                Decimal::ZERO
            } else {
                let mut p = percent_2dp(part.checked_div(whole).unwrap_or_default() * hundred);
                p.rescale(2);
                p
            }
        };
        let available = self.budget.available;
        let (fits_budget, margin) = self.fit(&rows, basis, max_payment);
        let discount = lump.then(|| an.owed_now - total_paid);
        Ok(Figures {
            financed,
            months: rows.len() as u32,
            monthly_payment: rows[0].payment,
            min_payment,
            max_payment,
            total_interest: total_paid - financed,
            total_paid,
            apr_nominal_percent: apr_nominal,
            apr_effective_percent: apr_effective,
            saving_vs_contract: an.contract_total_paid + penalty_waived - total_paid,
            saving_vs_nothing: an.overdue_cost.horizons.last().map_or(Decimal::ZERO, |h| h.owed) - (paid_12 + balance_12),
            saving_vs_nothing_months: NOTHING_HORIZON_MONTHS,
            principal_recovered_percent: share(total_paid.min(an.principal_owed), an.principal_owed),
            lender_pv,
            lender_pv_percent: share(lender_pv, an.owed_now),
            discount,
            discount_percent: discount.map(|d| share(d, an.owed_now)),
            budget_basis: basis,
            monthly_budget: available,
            fits_budget,
            margin,
            schedule: rows,
        })
    }
}

/// The present value of `rows` at the contract rate in the schedule's own
/// day count: Σₖ paymentₖ × Πⱼ≤ₖ 1/(1 + rⱼ), rⱼ the rate `acc` gives period
/// j (30/360: the monthly rate; actual days: the daily rate × the period's
/// days). Discounting by the same periods the interest accrues over is what
/// makes a re-amortisation at the contract rate worth exactly what it
/// re-amortises (100.00 %), whatever the calendar.
///
/// By Horner's scheme in integer fixed point, because this runs for every
/// proposal on every keystroke: amounts in micro-yuan (u128), discount
/// factors in units of 2^−60 (relative error below 1e-18), each step rounded
/// to the micro-yuan. The rounding adds at most half a micro-yuan a month
/// (3e-4 yuan over 600 months) and the factors 1e-17 of the total, inside
/// the fen the result is rounded to. Amounts beyond the fixed-point range
/// take the exact decimal path.
fn present_value(rows: &[Row], acc: &Accrual) -> Decimal {
    const ONE: u128 = 1 << 60;
    let fixed = |rate: Decimal| -> Option<u128> {
        Decimal::from(ONE as u64)
            .checked_div(Decimal::ONE + rate)
            .map(|d| d.round().mantissa())
            .and_then(|m| u128::try_from(m).ok())
            .filter(|m| *m <= ONE)
    };
    // Periods of 28–31 days (or every 30/360 month) share four factors.
    let dated = matches!(acc, Accrual::Daily { .. });
    let common: [Option<u128>; 4] = if dated {
        [28u32, 29, 30, 31].map(|days| fixed(acc.ratio_for_days(days).approx()))
    } else {
        [fixed(acc.period_rate(1)); 4]
    };
    let factor = |period: u32| -> Option<u128> {
        if !dated {
            return common[0];
        }
        match acc.days(period) {
            days @ 28..=31 => common[(days - 28) as usize],
            _ => fixed(acc.period_rate(period)),
        }
    };
    let exact = || {
        rows.iter().rev().fold(Decimal::ZERO, |sum, r| {
            let v = Decimal::ONE.checked_div(Decimal::ONE + acc.period_rate(r.period)).unwrap_or(Decimal::ZERO);
            mul_round(sum + r.payment, v, 10)
        })
    };
    let mut sum: u128 = 0;
    for r in rows.iter().rev() {
        // payment in micro-yuan; refuse anything not a whole fen ≥ 0 or too large.
        let p = r.payment;
        let Some(v) = factor(r.period) else {
            return exact();
        };
        if p.is_sign_negative() || p.scale() > 6 {
            return exact();
        }
        let micro = p.mantissa() as u128 * 10u128.pow(6 - p.scale());
        let total = sum + micro;
        if total >= 1 << 64 {
            return exact();
        }
        sum = (total * v + (ONE >> 1)) >> 60;
    }
    Decimal::from_i128_with_scale(sum as i128, 6)
}

/// Level instalments of `principal` over `n` months; the first `n` in
/// `min..=cap` whose largest instalment fits `available`, searched by
/// bisection on the closed-form annuity and confirmed on the schedule.
fn shortest_fit(principal: Decimal, acc: &Accrual, available: Decimal, min: u32, cap: u32) -> Result<Vec<Row>, Infeasible> {
    if available <= Decimal::ZERO {
        return Err(Infeasible::NoBudget { available });
    }
    let at_cap = fen(annuity_payment(principal, acc.nominal_monthly(), cap));
    if at_cap > available {
        return Err(Infeasible::AboveBudgetAtCap { cap_months: cap, payment_at_cap: at_cap, available });
    }
    let (mut lo, mut hi) = (min.clamp(1, cap), cap);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fen(annuity_payment(principal, acc.nominal_monthly(), mid)) <= available {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    // The last instalment absorbs rounding (and, in actual-days mode, the
    // uneven months): step up while it is the one that does not fit.
    let mut n = lo;
    loop {
        let rows = annuity_rows(principal, acc, 1, n);
        let max = rows.iter().map(|r| r.payment).max().unwrap_or_default();
        if max <= available {
            return Ok(rows);
        }
        if n >= cap || n >= lo + 3 {
            return Err(Infeasible::AboveBudgetAtCap { cap_months: cap, payment_at_cap: max, available });
        }
        n += 1;
    }
}

/// The longest term an extension asks for: five years (the ceiling lenders
/// apply to personalised instalments), or three years more than remain for
/// loans with over two years left (the most a long-term loan may be
/// extended under the PBoC's 贷款通则, Article 12); never above [`MAX_MONTHS`].
pub fn extension_cap(remaining_months: u32) -> u32 {
    remaining_months.saturating_add(36).clamp(60, MAX_MONTHS)
}

/// The terms listed beside the shortest fitting extension: the
/// [`STANDARD_TERMS`] longer than what remains, or the cap when none is.
pub fn extension_terms(remaining_months: u32) -> Vec<u32> {
    let longer: Vec<u32> = STANDARD_TERMS.into_iter().filter(|m| *m > remaining_months).collect();
    let cap = extension_cap(remaining_months);
    match longer.is_empty() && cap > remaining_months {
        true => vec![cap],
        false => longer,
    }
}

/// 延期/展期: the amount owed re-amortised at the contract rate over
/// `months`, or (None) over the shortest term that fits the budget. Either
/// way longer than the months that remain — 展期 means a later maturity —
/// and at most [`extension_cap`]; a shorter or equal term is an
/// `InvalidParameter` (catching up on arrears is the penalty waiver's card).
pub fn term_extension(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget, months: Option<u32>) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::TermExtension;
    let remaining = debt.loan.months;
    let cap = extension_cap(remaining);
    let mut params = cx.params();
    match months {
        Some(m) => {
            params.term_months = Some(m);
            if m <= remaining || m > MAX_MONTHS {
                return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "term_months" });
            }
            cx.finish(kind, params, annuity_rows(an.owed_now, &debt.accrual, 1, m), BudgetBasis::Flat)
        }
        None => {
            params.shortest_fit = true;
            params.cap_months = Some(cap);
            if cap <= remaining {
                return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "term_months" });
            }
            match shortest_fit(an.owed_now, &debt.accrual, budget.available, remaining + 1, cap) {
                Ok(rows) => {
                    params.term_months = Some(rows.len() as u32);
                    cx.finish(kind, params, rows, BudgetBasis::Flat)
                }
                Err(why) => cx.infeasible(kind, params, why),
            }
        }
    }
}

/// 停息分期: the amount owed at 0 % over the shortest term that fits, at most 60 months.
pub fn frozen_instalments(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::FrozenInstalments;
    let mut params = Params { shortest_fit: true, cap_months: Some(FROZEN_CAP_MONTHS), annual_rate_percent: Decimal::ZERO, ..cx.params() };
    match shortest_fit(an.owed_now, &Accrual::monthly(Decimal::ZERO), budget.available, 1, FROZEN_CAP_MONTHS) {
        Ok(rows) => {
            params.term_months = Some(rows.len() as u32);
            cx.finish(kind, params, rows, BudgetBasis::Flat)
        }
        Err(why) => cx.infeasible(kind, params, why),
    }
}

/// Arrears instalment `m` (1-based) of `k` equal parts of `amount`, the last absorbing.
fn arrears_part(amount: Decimal, k: u32, m: u32) -> Decimal {
    let part = fen(amount / Decimal::from(k));
    if m < k {
        part
    } else if m == k {
        amount - part * Decimal::from(k - 1)
    } else {
        Decimal::ZERO
    }
}

/// 减免罚息: the contract continues, penalties are waived and the arrears
/// are caught up in equal parts over the smallest k ≤ 12 months that fits.
/// `None` when the loan has no arrears (nothing to waive).
pub fn penalty_waiver(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Option<Proposal> {
    let arrears = debt.overdue.amount();
    if arrears <= Decimal::ZERO {
        return None;
    }
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::PenaltyWaiver;
    let mut params = Params { cap_months: Some(CATCH_UP_CAP_MONTHS), ..cx.params() };
    let contract = &an.contract.rows;
    let available = budget.available;
    // suffix[m] = largest contract payment from month m+1 on.
    let mut suffix = vec![Decimal::ZERO; contract.len() + 1];
    for m in (0..contract.len()).rev() {
        suffix[m] = suffix[m + 1].max(contract[m].payment);
    }
    let max_for = |k: u32| -> Decimal {
        let head = (1..=k)
            .map(|m| contract.get(m as usize - 1).map_or(Decimal::ZERO, |r| r.payment) + arrears_part(arrears, k, m))
            .max()
            .unwrap_or_default();
        head.max(suffix.get(k as usize).copied().unwrap_or_default())
    };
    if available <= Decimal::ZERO {
        return Some(cx.infeasible(kind, params, Infeasible::NoBudget { available }));
    }
    if suffix[0] > available {
        return Some(cx.infeasible(kind, params, Infeasible::ContractAboveBudget { contract_payment: suffix[0], available }));
    }
    let Some(k) = (1..=CATCH_UP_CAP_MONTHS).find(|&k| max_for(k) <= available) else {
        let payment_at_cap = max_for(CATCH_UP_CAP_MONTHS);
        return Some(cx.infeasible(kind, params, Infeasible::AboveBudgetAtCap { cap_months: CATCH_UP_CAP_MONTHS, payment_at_cap, available }));
    };
    params.catch_up_months = Some(k);
    let parts = arrears_parts(&debt.overdue, k);
    params.penalty_waived += catch_up_penalty(debt, &parts);
    let months = (contract.len() as u32).max(k);
    let mut arrears_principal_left = debt.overdue.principal;
    let rows = (1..=months)
        .map(|m| {
            let c = contract.get(m as usize - 1).copied();
            let (a_int, a_pr) = parts.get(m as usize - 1).copied().unwrap_or_default();
            arrears_principal_left -= a_pr;
            let (cp, ci, cpr, cb) = c.map_or((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO), |r| (r.payment, r.interest, r.principal, r.balance));
            Row { period: m, payment: cp + a_int + a_pr, interest: ci + a_int, principal: cpr + a_pr, balance: cb + arrears_principal_left }
        })
        .collect();
    Some(cx.finish(kind, params, rows, BudgetBasis::Flat))
}

/// The arrears in `k` equal monthly parts (the last absorbing), each split
/// into (overdue interest, overdue principal): interest is paid first.
fn arrears_parts(overdue: &Overdue, k: u32) -> Vec<(Decimal, Decimal)> {
    let mut interest_left = overdue.interest;
    (1..=k)
        .map(|m| {
            let a = arrears_part(overdue.amount(), k, m);
            let a_int = a.min(interest_left);
            interest_left -= a_int;
            (a_int, a - a_int)
        })
        .collect()
}

/// The penalty interest the contract would charge while the arrears are
/// caught up in `parts` (part m paid on instalment m's due day): each
/// amount that bears penalty (principal; interest too under a
/// principal-and-interest or compounding rule) accrues the daily penalty
/// rate from today until the day it is paid. Simple interest, so a floor
/// when the contract compounds.
fn catch_up_penalty(debt: &Debt, parts: &[(Decimal, Decimal)]) -> Decimal {
    let interest_bears = debt.penalty.interest_bears();
    let base_days: Decimal = parts
        .iter()
        .zip(1u32..)
        .map(|(&(int, pr), m)| (pr + if interest_bears { int } else { Decimal::ZERO }) * Decimal::from(debt.calendar.offset(m)))
        .sum();
    mul_ratio_fen(base_days, debt.penalty.daily_ratio(&debt.loan.rate))
}

/// 宽限期: `h.months` (1–6) interest-only or capitalised, then level
/// instalments at the contract rate: over the rest of the remaining term
/// (at least one month) when the maturity is kept, over all the months that
/// remained when it is extended by the holiday's length.
pub fn payment_holiday(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget, h: Holiday) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::PaymentHoliday;
    let (holiday, mode) = (h.months, h.mode);
    let after = match h.maturity {
        HolidayMaturity::Kept => debt.loan.months.saturating_sub(holiday).max(1),
        HolidayMaturity::Extended => debt.loan.months,
    };
    let mut params = Params {
        holiday_months: Some(holiday),
        holiday_mode: Some(mode),
        holiday_maturity: Some(h.maturity),
        term_months: Some(holiday + after),
        ..cx.params()
    };
    if holiday == 0 || holiday > MAX_HOLIDAY_MONTHS {
        params.term_months = None;
        return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "holiday_months" });
    }
    let acc = &debt.accrual;
    let mut balance = an.owed_now;
    let mut rows = Vec::with_capacity((holiday + after) as usize);
    for period in 1..=holiday {
        let interest = acc.interest(period, balance);
        let row = match mode {
            HolidayMode::InterestOnly => Row { period, payment: interest, interest, principal: Decimal::ZERO, balance },
            HolidayMode::Capitalised => {
                balance += interest;
                // Nothing paid: the interest joins the balance, a negative principal part.
                Row { period, payment: Decimal::ZERO, interest, principal: -interest, balance }
            }
        };
        rows.push(row);
    }
    rows.extend(annuity_rows(balance, acc, holiday + 1, after));
    cx.finish(kind, params, rows, BudgetBasis::Flat)
}

/// 一次性结清减免: `lump_sum` paid now in full settlement (capped at the amount owed).
pub fn settlement(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget, lump_sum: Decimal) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::Settlement;
    let params = Params { lump_sum: Some(lump_sum), annual_rate_percent: Decimal::ZERO, ..cx.params() };
    if lump_sum <= Decimal::ZERO || lump_sum > super::MAX_AMOUNT {
        return cx.infeasible(kind, params, Infeasible::InvalidParameter { name: "lump_sum" });
    }
    let pay = fen(lump_sum).min(an.owed_now);
    let row = Row { period: 1, payment: pay, interest: Decimal::ZERO, principal: pay, balance: Decimal::ZERO };
    cx.finish(kind, params, vec![row], BudgetBasis::LumpSum)
}

/// 按现金流还款: each month pays this debt's share of that forecast month's
/// surplus (nothing in a deficit month, the interest then joining the
/// balance), at the contract rate, until the amount owed is cleared; at most
/// 120 months.
pub fn cash_flow_plan(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Proposal {
    let cx = Ctx { debt, an, budget };
    let kind = ProposalKind::CashFlowPlan;
    let mut params = Params { cap_months: Some(CASH_FLOW_CAP_MONTHS), ..cx.params() };
    let Some(forecast) = budget.forecast else {
        return cx.infeasible(kind, params, Infeasible::NoForecast);
    };
    if forecast.iter().all(|s| *s <= Decimal::ZERO) {
        return cx.infeasible(kind, params, Infeasible::NoSurplusInForecast);
    }
    let acc = &debt.accrual;
    let mut balance = an.owed_now;
    let limit = an.owed_now * Decimal::TEN;
    let mut rows = Vec::new();
    for period in 1..=CASH_FLOW_CAP_MONTHS {
        let interest = acc.interest(period, balance);
        let due = balance + interest;
        let share = forecast[(period as usize - 1) % 12].max(Decimal::ZERO);
        if share >= due {
            rows.push(Row { period, payment: due, interest, principal: balance, balance: Decimal::ZERO });
            params.term_months = Some(period);
            return cx.finish(kind, params, rows, BudgetBasis::Forecast);
        }
        let part = share - interest;
        balance -= part;
        if balance > limit {
            break;
        }
        rows.push(Row { period, payment: share, interest, principal: part, balance });
    }
    cx.infeasible(kind, params, Infeasible::NotClearedWithinCap { cap_months: CASH_FLOW_CAP_MONTHS })
}

/// Every proposal that makes sense for the debt, ranked: the shortest
/// fitting extension and the standard terms longer than what remains, frozen instalments, the penalty
/// waiver (when overdue), a holiday of `debt.holiday_months` both ways with
/// the maturity kept and extended by its length, the
/// settlement (when a lump sum is offered) and the cash-flow plan.
pub fn proposals_for(debt: &Debt, an: &DebtAnalysis, budget: &LoanBudget) -> Vec<Proposal> {
    let mut out = Vec::with_capacity(16);
    let shortest = term_extension(debt, an, budget, None);
    let shortest_months = shortest.figures.as_ref().map(|f| f.months);
    out.push(shortest);
    for m in extension_terms(debt.loan.months) {
        if Some(m) != shortest_months {
            out.push(term_extension(debt, an, budget, Some(m)));
        }
    }
    out.push(frozen_instalments(debt, an, budget));
    out.extend(penalty_waiver(debt, an, budget));
    for maturity in [HolidayMaturity::Kept, HolidayMaturity::Extended] {
        let months = debt.holiday_months;
        // Keeping the maturity needs at least one month after the holiday.
        if maturity == HolidayMaturity::Extended || months < debt.loan.months {
            for mode in [HolidayMode::InterestOnly, HolidayMode::Capitalised] {
                out.push(payment_holiday(debt, an, budget, Holiday { months, mode, maturity }));
            }
        }
    }
    if let Some(lump) = debt.settlement_offer {
        out.push(settlement(debt, an, budget, lump));
    }
    out.push(cash_flow_plan(debt, an, budget));
    rank(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Date, Lender, Method, QuotedRate, RateUnit};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn debt(principal: &str, monthly_percent: &str, months: u32, overdue: Overdue) -> Debt {
        let rate = QuotedRate::new(d(monthly_percent), RateUnit::MonthlyPercent);
        Debt {
            id: "a".into(),
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
        LoanBudget { available: d(available), forecast: None }
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
            Some(Infeasible::AboveBudgetAtCap { cap_months: 60, payment_at_cap: d("1666.67"), available: d("1000") })
        );
        assert!(p.figures.is_none());
        assert_eq!(frozen_instalments(&b, &an, &flat("-5")).infeasible, Some(Infeasible::NoBudget { available: d("-5") }));
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
            Some(Infeasible::ContractAboveBudget { contract_payment: d("1000.00"), available: d("900") })
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
        assert_eq!(f.monthly_payment, Decimal::ZERO);
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
        let p = cash_flow_plan(&b, &an, &LoanBudget { available: d("100"), forecast: Some(f) });
        let fig = figures(&p);
        let pays: Vec<Decimal> = fig.schedule.iter().map(|r| r.payment).collect();
        assert_eq!(pays, vec![d("300"), d("0"), d("500"), d("200")]);
        assert!(fig.fits_budget && fig.budget_basis == BudgetBasis::Forecast);
        repays_exactly(fig);
        assert_eq!(cash_flow_plan(&b, &an, &flat("100")).infeasible, Some(Infeasible::NoForecast));
        let none = LoanBudget { available: d("100"), forecast: Some([d("-1"); 12]) };
        assert_eq!(cash_flow_plan(&b, &an, &none).infeasible, Some(Infeasible::NoSurplusInForecast));
        // ¥1 a month never clears ¥100,000 at 1.5 %.
        let big = debt("100000", "1.5", 12, Overdue::default());
        let an = big.analyse().unwrap();
        let tiny = LoanBudget { available: d("1"), forecast: Some([d("1"); 12]) };
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
        let keys: Vec<(u8, Decimal)> = all.iter().map(|p| p.rank_key()).collect();
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
}
