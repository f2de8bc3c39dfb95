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
//!   `vs_contract` compares the proposal's total paid with the contract's
//!   total + the penalty the proposal asks to waive (`params.penalty_waived`:
//!   the estimate so far, and for the penalty waiver also what the arrears
//!   would accrue while caught up): `{"direction": "more" | "less" | "same",
//!   "amount"}`, the amount never negative — the page writes "多付 ¥20,542"
//!   or "少付 ¥X", never a negative saving.
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
//!   `lender_pv_percent` = lender_pv / amount owed now. The lender's
//!   argument, not the sort key.
//! * **APR** = IRR of (amount owed now, the payments), both forms; `None`
//!   for a settlement, where no credit is extended.
//! * **Shape**: `monthly_payment` is the first payment asked for (the first
//!   instalment above zero, due on `first_payment_date` when dates are
//!   known); `min_payment`/`max_payment` the range; `level` says every
//!   instalment is the same (and above zero) but the last, which absorbs
//!   the rounding; `balance_rises` marks negative amortisation — a month
//!   that pays less than its interest. Such a proposal is never
//!   recommended, unless it is a payment holiday that says it capitalises.
//! * **Budget** ([`LoanBudget`]): every instalment is compared with the
//!   money of its month. Without a forecast that is the flat monthly amount
//!   (`budget_basis: "flat"`); with one, months 1–12 have their forecast
//!   month's share and later months the flat amount (`"forecast"`; the
//!   instalment's month is its budget month, [`crate::engine::due`]), or
//!   when the borrower says every year is like it, the forecast share again
//!   year after year (`"forecast_repeated"`) — the one rule of
//!   [`crate::engine::budget::month_money`], the cash-flow plan's too; a settlement is a lump sum the borrower says
//!   they can raise, so it fits by definition (`"lump_sum"`). A month with
//!   nothing (or a deficit) fits only an instalment of 0. Terms are sized
//!   the same way: the shortest term whose instalments fit every month, not
//!   the flat amount alone; when the first months cannot carry frozen
//!   instalments, their first payment is deferred (up to 6 months, nothing
//!   accrues at 0 %). `margin` = the smallest room left in a month
//!   (flat: budget − largest instalment).
//!
//! Ranking ([`rank`]): first what fits and may be recommended, then what
//! fits but lets the balance rise, then what does not fit, then what cannot
//! work; within each group a pick of a combined plan ([`crate::engine::plan`])
//! first, then by the total the borrower pays, lowest first; ties kept in
//! generation order.
//!
//! API: [`Debt::analyse`] (or [`Debt::analyse_on`] with the page's today)
//! computes what every proposal shares, dates included; each kind has
//! its own function taking the debt, that analysis and a [`LoanBudget`]
//! ([`term_extension`], [`frozen_instalments`], [`penalty_waiver`],
//! [`payment_holiday`], [`settlement`], [`cash_flow_plan`]); [`Ask`] is
//! one fully specified request (kind and every parameter) with its exact
//! rows, what the combined plan chooses among; [`proposals_for`] lists
//! every kind for one debt and ranks them. [`Debt::dues_by_month`] gives
//! the contract's dues for the budget, [`crate::engine::AllocationDebt::of`]
//! the debt as the allocation sees it.

mod figures;
mod kinds;
#[cfg(test)]
pub(crate) mod tests;

pub use figures::present_value;
pub(crate) use figures::{present_value_of, share_percent, summary};
pub use kinds::{
    cash_flow_plan, extension_cap, extension_terms, frozen_instalments, payment_holiday, penalty_waiver, settlement, term_extension,
    Ask,
};

use super::apr::{monthly_irr_of_schedule, Apr};
use super::budget::BUDGET_MONTHS;
use super::daycount::{build_schedule, Accrual};
use super::dates::Date;
use super::due::DueDates;
use super::overdue::{overdue_cost, DueCalendar, Overdue, OverdueCost, PenaltyRule};
use super::plan::Goal;
use super::{decimal_str, EngineError, Loan, Row, Schedule};
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
/// Longest payment holiday offered (and longest deferral of a first payment).
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
    /// The remaining schedule under the current contract (in the day-count
    /// mode), rows dated when the dates are known.
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
    /// When instalment k of the contract and of every proposal falls due,
    /// and in which budget month.
    pub dates: DueDates,
}

impl Debt {
    /// The contract schedule, the cost of doing nothing and the reference
    /// totals; dates from the document only.
    pub fn analyse(&self) -> Result<DebtAnalysis, EngineError> {
        self.analyse_on(None)
    }

    /// [`Debt::analyse`] with the page's `today` as the last source of a
    /// first due date ([`DueDates::of`]); it changes dates only.
    pub fn analyse_on(&self, today: Option<Date>) -> Result<DebtAnalysis, EngineError> {
        self.loan.validate()?;
        self.overdue.validate()?;
        self.penalty.validate()?;
        let mut contract = build_schedule(self.loan.principal, &self.accrual, self.loan.months, self.loan.method)?;
        let dates = DueDates::of(&self.calendar, today);
        dates.mark(&mut contract.rows);
        let held = self.loan.principal - self.loan.upfront_fee;
        let apr = monthly_irr_of_schedule(held, &contract.rows, self.accrual.nominal_monthly()).and_then(Apr::from_monthly);
        let true_apr = apr.as_ref().ok().map(|a| a.nominal_percent);
        // The cost of waiting counts the days from today to each due date
        // (rolled on or after today, as the plans date them) also when only
        // the page knows today: else a loan due in 15 days would be shown
        // falling overdue in 31 (30-day steps).
        let calendar = match (self.calendar.as_of, self.calendar.next_due, today) {
            (None, Some(_), Some(t)) => DueCalendar { as_of: Some(t), next_due: dates.first, ..self.calendar },
            _ => self.calendar,
        };
        let overdue_cost = overdue_cost(&self.loan.rate, &contract, &self.overdue, &self.penalty, &calendar, true_apr)?;
        let principal_owed = contract.total_principal() + self.overdue.principal;
        Ok(DebtAnalysis {
            contract_total_paid: contract.total_paid() + self.overdue.amount(),
            owed_now: overdue_cost.owed_now,
            principal_owed,
            contract,
            apr,
            overdue_cost,
            dates,
        })
    }

    /// What falls due in each of the next [`BUDGET_MONTHS`] months under the
    /// contract: the arrears now (month 1) and each instalment of the
    /// remaining schedule in its budget month ([`DueDates::month`]).
    pub fn dues_by_month(&self, an: &DebtAnalysis) -> [Decimal; BUDGET_MONTHS] {
        let mut dues = [Decimal::ZERO; BUDGET_MONTHS];
        dues[0] = self.overdue.amount();
        // Months never decrease with k: stop at the first beyond the window.
        for (k, row) in (1u32..).zip(&an.contract.rows) {
            match an.dates.month(k) as usize {
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
    /// This debt's share of each forecast month's surplus (may be
    /// negative), entry 0 for budget month 1.
    pub forecast: Option<[Decimal; 12]>,
    /// The forecast's year repeats after the 12th month (else later months
    /// have `available`).
    pub repeats: bool,
}

impl LoanBudget {
    /// The money of budget month `month` (1 = this month), by the one rule
    /// ([`crate::engine::budget::month_money`]).
    #[inline(always)]
    pub fn in_month(&self, month: u32) -> Decimal {
        crate::engine::budget::month_money(self.forecast.as_ref(), self.repeats, self.available, month)
    }

    /// Months after the 12th differ from one another (a repeating forecast).
    pub fn later_varies(&self) -> bool {
        self.repeats && self.forecast.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    /// 延期/展期: the amount owed re-amortised (等额本息) at the contract
    /// rate over more months than remain.
    TermExtension,
    /// 停息分期: the amount owed in equal instalments at 0 %, penalties
    /// waived; the first instalment deferred when the first months cannot
    /// carry one.
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
    /// The contract as it is: a plan's pick for a loan that needs no
    /// change (never a card; an ask of it names the plan's pick).
    Contract,
    /// 暂缓催收: nothing is left over, so a token payment
    /// ([`crate::engine::allocation::TOKEN_PAYMENT`]) while the lender holds
    /// action and freezes interest, reviewed after 3–12 months (DOMAIN.md).
    /// An ask only: never a card nor a plan's pick.
    Hold,
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

/// What each instalment is compared with (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetBasis {
    /// The flat monthly amount, every month.
    Flat,
    /// Months 1–12 their forecast share, later months the flat amount.
    Forecast,
    /// The forecast shares, repeated every 12 months (the year repeats).
    ForecastRepeated,
    /// A lump sum raised apart from the monthly budget.
    LumpSum,
}

/// What the proposal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Params {
    /// The term asked for (extension options, holiday plans and deferred
    /// instalments: the total term, pause included).
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
    /// Frozen instalments: months before the first instalment (nothing is
    /// paid and, at 0 %, nothing accrues).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deferred_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catch_up_months: Option<u32>,
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub lump_sum: Option<Decimal>,
    /// Simple annual rate the plan charges, percent (0 for frozen interest).
    #[serde(with = "decimal_str")]
    pub annual_rate_percent: Decimal,
    /// Penalty interest the proposal asks to waive: the estimate so far,
    /// plus, for the penalty waiver, what the arrears would accrue while
    /// they are caught up. Counted in `vs_contract`.
    #[serde(with = "decimal_str")]
    pub penalty_waived: Decimal,
}

/// Why a proposal cannot work, instead of misleading numbers. `month` names
/// the budget month that fails when it is one of the forecast's 12 (absent
/// for the flat monthly amount).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Infeasible {
    /// Nothing is left for this debt in a month every term must pay in.
    NoBudget {
        #[serde(with = "decimal_str")]
        available: Decimal,
        #[serde(skip_serializing_if = "Option::is_none")]
        month: Option<u32>,
    },
    /// Even at the longest term allowed an instalment exceeds its month's budget.
    AboveBudgetAtCap {
        cap_months: u32,
        #[serde(with = "decimal_str")]
        payment_at_cap: Decimal,
        #[serde(with = "decimal_str")]
        available: Decimal,
        #[serde(skip_serializing_if = "Option::is_none")]
        month: Option<u32>,
    },
    /// The contract instalments alone already exceed the budget.
    ContractAboveBudget {
        #[serde(with = "decimal_str")]
        contract_payment: Decimal,
        #[serde(with = "decimal_str")]
        available: Decimal,
        #[serde(skip_serializing_if = "Option::is_none")]
        month: Option<u32>,
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

/// Whether a proposal costs the borrower more or less than the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 多付: the proposal costs more than the contract.
    More,
    /// 少付: it costs less.
    Less,
    /// Exactly the same.
    Same,
}

/// A proposal's cost against the contract as a direction and an amount ≥ 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VsContract {
    pub direction: Direction,
    #[serde(with = "decimal_str")]
    pub amount: Decimal,
}

impl VsContract {
    /// `paid` against `reference` (the contract's total + the penalty waived).
    pub fn of(paid: Decimal, reference: Decimal) -> Self {
        let direction = match paid.cmp(&reference) {
            std::cmp::Ordering::Greater => Direction::More,
            std::cmp::Ordering::Less => Direction::Less,
            std::cmp::Ordering::Equal => Direction::Same,
        };
        Self { direction, amount: (paid - reference).abs() }
    }
}

/// Everything computed for a workable proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    #[serde(with = "decimal_str")]
    pub financed: Decimal,
    pub months: u32,
    /// The first payment asked for: the first instalment above zero.
    #[serde(with = "decimal_str")]
    pub monthly_payment: Decimal,
    /// When that payment is due, when the dates are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_payment_date: Option<Date>,
    #[serde(with = "decimal_str")]
    pub min_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub max_payment: Decimal,
    /// Every instalment the same but the last, which absorbs the rounding.
    pub level: bool,
    /// Some month pays less than its interest: the balance rises.
    pub balance_rises: bool,
    #[serde(with = "decimal_str")]
    pub total_paid: Decimal,
    /// Interest and fees: total paid − financed.
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
    #[serde(with = "decimal_str::option")]
    pub apr_nominal_percent: Option<Decimal>,
    #[serde(with = "decimal_str::option")]
    pub apr_effective_percent: Option<Decimal>,
    /// More or less than the contract, in plain words.
    pub vs_contract: VsContract,
    /// The same as a signed saving (contract + penalty waived − total
    /// paid); not printed: the page writes `vs_contract`.
    #[serde(skip)]
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
    /// The combined plans that pick exactly this proposal.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub in_plans: Vec<Goal>,
    #[serde(flatten)]
    pub figures: Option<Figures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infeasible: Option<Infeasible>,
}

impl Proposal {
    pub fn fits(&self) -> bool {
        self.figures.as_ref().is_some_and(|f| f.fits_budget)
    }

    /// May be recommended: the balance never rises, unless it is a payment
    /// holiday that says it capitalises the interest.
    pub fn recommendable(&self) -> bool {
        let capitalises = self.kind == ProposalKind::PaymentHoliday && self.params.holiday_mode == Some(HolidayMode::Capitalised);
        self.figures.as_ref().is_some_and(|f| !f.balance_rises || capitalises)
    }

    /// Sort key: (group, not a plan pick, total paid) — see the module docs.
    pub fn rank_key(&self) -> (u8, bool, Decimal) {
        let picked = !self.in_plans.is_empty();
        match &self.figures {
            Some(f) if f.fits_budget && self.recommendable() => (0, !picked, f.total_paid),
            Some(f) if f.fits_budget => (1, !picked, f.total_paid),
            Some(f) => (2, !picked, f.total_paid),
            None => (3, !picked, Decimal::ZERO),
        }
    }
}

/// Orders proposals by [`Proposal::rank_key`] (stable) and numbers them from 1.
pub fn rank(proposals: &mut [Proposal]) {
    crate::engine::small_sort::sort_by_cached_key(proposals, Proposal::rank_key);
    for (i, p) in proposals.iter_mut().enumerate() {
        p.rank = i as u32 + 1;
    }
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
