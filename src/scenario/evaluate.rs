//! Every figure computed from a scenario, in one serialisable value: what
//! the page shows and what `examples/evaluate` prints.

use super::Scenario;
use crate::engine::allocation::forecast_surplus;
use crate::engine::{
    allocate, decimal_str, loan_budgets, percent_2dp, proposals_for, rate_check, AllocationDebt, AllocationPlan, BudgetFigures,
    DayCount, Debt, DebtAnalysis, Lender, LoanFigures, Method, OverdueCost, PenaltyBase, Proposal, RateCheck, Row,
};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub version: u32,
    pub day_count: DayCount,
    pub loans: Vec<LoanOutput>,
    pub budget: BudgetOutput,
    /// Every loan's proposals, loans in scenario order, each loan's ranked
    /// (see [`crate::engine::proposal`]). Empty when the budget is invalid.
    pub proposals: Vec<Proposal>,
    /// How to split the surplus across lenders; only with two or more loans.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation: Option<AllocationPlan>,
}

/// One loan's figures, or why they could not be computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoanOutput {
    pub id: String,
    pub lender: Lender,
    pub method: Method,
    pub months: u32,
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    /// The quoted rate in all three forms, percent, 4 decimals.
    #[serde(with = "decimal_str")]
    pub daily_rate_percent: Decimal,
    #[serde(with = "decimal_str")]
    pub monthly_rate_percent: Decimal,
    #[serde(with = "decimal_str")]
    pub annual_rate_percent: Decimal,
    #[serde(flatten)]
    pub figures: Option<FiguresOutput>,
    /// The penalty rule assumed (the preset's unless entered).
    pub penalty: PenaltyOutput,
    /// The cost of doing nothing; absent when the loan is invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_cost: Option<OverdueCost>,
    /// The rate detective, when the app's payment is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_check: Option<RateCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PenaltyOutput {
    #[serde(with = "decimal_str")]
    pub multiplier: Decimal,
    pub compound: bool,
    pub base: PenaltyBase,
    /// True when the rule is the lender preset's typical one (check the contract).
    pub from_preset: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiguresOutput {
    #[serde(with = "decimal_str")]
    pub first_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub last_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub total_paid: Decimal,
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
    /// True annualised rate by IRR, percent, 2 decimals.
    #[serde(with = "decimal_str")]
    pub apr_nominal_percent: Decimal,
    #[serde(with = "decimal_str")]
    pub apr_effective_percent: Decimal,
    pub schedule: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetOutput {
    #[serde(with = "decimal_str")]
    pub income: Decimal,
    #[serde(with = "decimal_str")]
    pub expenses: Decimal,
    #[serde(with = "decimal_str")]
    pub other_obligations: Decimal,
    #[serde(with = "decimal_str")]
    pub buffer_percent: Decimal,
    #[serde(flatten)]
    pub figures: Option<BudgetFigures>,
    /// Each forecast month's surplus, when a forecast is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast_surplus: Option<Vec<MoneyOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A money amount serialised as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct MoneyOut(#[serde(with = "decimal_str")] pub Decimal);

fn rate_4dp(p: Decimal) -> Decimal {
    p.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize()
}

impl FiguresOutput {
    fn of(f: LoanFigures) -> Self {
        Self {
            first_payment: f.first_payment(),
            last_payment: f.last_payment(),
            total_paid: f.total_paid,
            total_interest: f.total_interest,
            apr_nominal_percent: percent_2dp(f.apr.nominal_percent),
            apr_effective_percent: percent_2dp(f.apr.effective_percent),
            schedule: f.schedule.rows,
        }
    }
}

/// The loan's figures in the scenario's day-count mode (30/360: exactly
/// [`crate::engine::Loan::figures`]).
fn loan_figures(an: &DebtAnalysis) -> Result<LoanFigures, crate::engine::EngineError> {
    let schedule = an.contract.clone();
    let apr = an.apr?;
    Ok(LoanFigures { total_paid: schedule.total_paid(), total_interest: schedule.total_interest(), schedule, apr })
}

impl Evaluation {
    pub fn of(s: &Scenario) -> Self {
        let mut analysed: Vec<(Debt, DebtAnalysis)> = Vec::new();
        let loans: Vec<LoanOutput> = s
            .loans
            .iter()
            .map(|entry| {
                let loan = entry.loan();
                let debt = entry.debt(s.day_count, s.as_of);
                let rule = debt.penalty;
                let analysis = debt.analyse();
                let figures = analysis.as_ref().map_err(|e| *e).and_then(loan_figures);
                let (figures, error) = match figures {
                    Ok(f) => (Some(FiguresOutput::of(f)), None),
                    Err(e) => (None, Some(e.to_string())),
                };
                let rate_check = entry
                    .app_payment
                    .and_then(|p| rate_check(loan.principal - loan.upfront_fee, loan.months, &loan.rate, p).ok());
                let overdue_cost = analysis.as_ref().ok().map(|an| an.overdue_cost.clone());
                if let Ok(an) = analysis {
                    analysed.push((debt, an));
                }
                LoanOutput {
                    id: entry.id.clone(),
                    lender: entry.lender,
                    method: entry.method,
                    months: entry.months,
                    principal: entry.principal,
                    daily_rate_percent: rate_4dp(loan.rate.daily_percent()),
                    monthly_rate_percent: rate_4dp(loan.rate.monthly_percent()),
                    annual_rate_percent: rate_4dp(loan.rate.annual_percent()),
                    figures,
                    penalty: PenaltyOutput {
                        multiplier: rule.multiplier,
                        compound: rule.compound,
                        base: rule.base,
                        from_preset: entry.penalty.is_none(),
                    },
                    overdue_cost,
                    rate_check,
                    error,
                }
            })
            .collect();
        // A month's debt burden is each loan's first instalment: the largest
        // for 等额本金, the interest for 先息后本, nothing yet for 到期一次.
        let debt_payments = loans.iter().filter_map(|l| l.figures.as_ref()).map(|f| f.schedule[0].payment).sum();
        let b = s.budget;
        let budget = b.budget();
        let surplus = b.forecast.as_ref().map(|f| forecast_surplus(&budget, f));
        let (figures, error) = match budget.figures(debt_payments) {
            Ok(f) => (Some(f), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let mut proposals = Vec::new();
        let mut allocation = None;
        if let Some(f) = &figures {
            let owed: Vec<Decimal> = analysed.iter().map(|(_, an)| an.owed_now).collect();
            let budgets = loan_budgets(f.disposable, surplus.as_ref(), &owed);
            for ((debt, an), lb) in analysed.iter().zip(&budgets) {
                proposals.extend(proposals_for(debt, an, lb));
            }
            if analysed.len() >= 2 {
                let debts: Vec<AllocationDebt> = analysed
                    .iter()
                    .map(|(debt, an)| AllocationDebt {
                        id: debt.id.clone(),
                        balance: an.owed_now,
                        annual_rate_percent: debt.loan.rate.annual_percent(),
                        minimum: an.contract.first_payment(),
                    })
                    .collect();
                allocation = Some(allocate(&debts, f.disposable));
            }
        }
        Self {
            version: s.version,
            day_count: s.day_count,
            loans,
            budget: BudgetOutput {
                income: b.income,
                expenses: b.expenses,
                other_obligations: b.other_obligations,
                buffer_percent: b.buffer_percent,
                figures,
                forecast_surplus: surplus.map(|a| a.iter().map(|d| MoneyOut(*d)).collect()),
                error,
            },
            proposals,
            allocation,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
