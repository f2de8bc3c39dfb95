//! Every figure computed from a scenario, in one serialisable value: what
//! the page shows and what `examples/evaluate` prints.

use super::Scenario;
use crate::engine::{decimal_str, percent_2dp, BudgetFigures, Lender, LoanFigures, Method, Row};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub version: u32,
    pub loans: Vec<LoanOutput>,
    pub budget: BudgetOutput,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

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

impl Evaluation {
    pub fn of(s: &Scenario) -> Self {
        let loans: Vec<LoanOutput> = s
            .loans
            .iter()
            .map(|entry| {
                let loan = entry.loan();
                let (figures, error) = match loan.figures() {
                    Ok(f) => (Some(FiguresOutput::of(f)), None),
                    Err(e) => (None, Some(e.to_string())),
                };
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
                    error,
                }
            })
            .collect();
        // A month's debt burden is each loan's first instalment: the largest
        // for 等额本金, the interest for 先息后本, nothing yet for 到期一次.
        let debt_payments = loans.iter().filter_map(|l| l.figures.as_ref()).map(|f| f.schedule[0].payment).sum();
        let b = s.budget;
        let (figures, error) = match b.budget().figures(debt_payments) {
            Ok(f) => (Some(f), None),
            Err(e) => (None, Some(e.to_string())),
        };
        Self {
            version: s.version,
            loans,
            budget: BudgetOutput {
                income: b.income,
                expenses: b.expenses,
                other_obligations: b.other_obligations,
                buffer_percent: b.buffer_percent,
                figures,
                error,
            },
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
