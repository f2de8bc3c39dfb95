//! Presentation decisions, made once and tested natively: which payment is
//! a loan's headline, whether a plan's payment is level or a range, how a
//! loan is titled, a proposal's identity on the page, which two proposals
//! are compared, the codes the page's attributes carry, the budget's
//! verdict. The todomvc habit — logic on plain types, the views only ask —
//! so `crate::ui` does no arithmetic. No words here (`crate::i18n`), no DOM
//! (`crate::ui`).

pub mod road;

use crate::engine::allocation::Strategy;
use crate::engine::proposal::Figures;
use crate::engine::{BudgetFigures, HolidayMode, Lender, Method, Proposal, ProposalKind, QuotedRate};
use crate::scenario::evaluate::FiguresOutput;
use crate::scenario::Evaluation;
use rust_decimal::Decimal;

/// What a payment figure is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentLabel {
    /// Every month alike (等额本息).
    Monthly,
    /// The first and largest (等额本金).
    First,
    /// The last and smallest (等额本金).
    Last,
    /// Everything at maturity (到期一次; 先息后本's last).
    Final,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payment {
    pub label: PaymentLabel,
    pub amount: Decimal,
}

/// A loan's payment figures: the headline and, where instalments are not
/// all alike, a second one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanPayments {
    pub headline: Payment,
    pub second: Option<Payment>,
}

impl LoanPayments {
    pub fn of(method: Method, f: &FiguresOutput) -> Self {
        let label = match method {
            Method::EqualPrincipal => PaymentLabel::First,
            Method::Bullet => PaymentLabel::Final,
            Method::EqualInstallment | Method::InterestOnly => PaymentLabel::Monthly,
        };
        // Nothing due before maturity (到期一次 over several months): the
        // payment that matters is the last.
        let amount = if f.schedule.len() > 1 && f.first_payment.is_zero() { f.last_payment } else { f.first_payment };
        let second = match method {
            Method::EqualPrincipal => Some(PaymentLabel::Last),
            Method::InterestOnly => Some(PaymentLabel::Final),
            Method::EqualInstallment | Method::Bullet => None,
        };
        Self { headline: Payment { label, amount }, second: second.map(|label| Payment { label, amount: f.last_payment }) }
    }
}

/// A loan as the page titles it ("借款 2 · 借呗").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanTitle {
    /// 1-based position in the scenario.
    pub number: usize,
    pub lender: Lender,
}

impl LoanTitle {
    /// The title of loan `id` in an evaluation.
    pub fn of(e: &Evaluation, id: &str) -> Option<Self> {
        let i = e.loans.iter().position(|l| l.id == id)?;
        Some(Self { number: i + 1, lender: e.loans[i].lender })
    }

    /// The title of the loan at `index`, when there are several to tell apart.
    pub fn among(e: &Evaluation, index: usize) -> Option<Self> {
        let l = e.loans.get(index).filter(|_| e.loans.len() > 1)?;
        Some(Self { number: index + 1, lender: l.lender })
    }
}

/// What a plan asks each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPayment {
    Level(Decimal),
    /// Instalments that really vary (seasonal plans): lowest to highest.
    Range(Decimal, Decimal),
}

impl PlanPayment {
    /// The last instalment absorbs the cents, so only a variation of more
    /// than ¥1 makes a range.
    pub fn of(f: &Figures) -> Self {
        if f.max_payment - f.min_payment <= Decimal::ONE {
            Self::Level(f.monthly_payment)
        } else {
            Self::Range(f.min_payment, f.max_payment)
        }
    }
}

/// A proposal's identity on the page: its loan, kind and what it asks, so
/// a comparison stays on the same plan while the figures are recomputed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalKey {
    loan_id: String,
    kind: ProposalKind,
    term_months: Option<u32>,
    holiday_months: Option<u32>,
    holiday_mode: Option<HolidayMode>,
}

impl ProposalKey {
    pub fn of(p: &Proposal) -> Self {
        Self {
            loan_id: p.loan_id.clone(),
            kind: p.kind,
            term_months: p.params.term_months,
            holiday_months: p.params.holiday_months,
            holiday_mode: p.params.holiday_mode,
        }
    }
}

/// The (at most two) proposals ticked for comparison, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared(Vec<ProposalKey>);

impl Compared {
    /// Ticks or unticks; a third tick replaces the oldest.
    pub fn toggle(&mut self, key: ProposalKey) {
        if let Some(i) = self.0.iter().position(|k| *k == key) {
            self.0.remove(i);
        } else {
            self.0.push(key);
            if self.0.len() > 2 {
                self.0.remove(0);
            }
        }
    }

    pub fn contains(&self, key: &ProposalKey) -> bool {
        self.0.contains(key)
    }

    /// The ticked proposals that still have figures, in ticking order.
    pub fn chosen<'a>(&self, proposals: &'a [Proposal]) -> Vec<&'a Proposal> {
        self.0
            .iter()
            .filter_map(|k| proposals.iter().find(|p| p.figures.is_some() && ProposalKey::of(p) == *k))
            .collect()
    }
}

/// The stable code a page attribute carries: the format's snake_case name.
pub trait Code {
    fn code(&self) -> &'static str;
}

impl Code for ProposalKind {
    fn code(&self) -> &'static str {
        match self {
            Self::TermExtension => "term_extension",
            Self::FrozenInstalments => "frozen_instalments",
            Self::PenaltyWaiver => "penalty_waiver",
            Self::PaymentHoliday => "payment_holiday",
            Self::Settlement => "settlement",
            Self::CashFlowPlan => "cash_flow_plan",
        }
    }
}

impl Code for Strategy {
    fn code(&self) -> &'static str {
        match self {
            Self::ProRata => "pro_rata",
            Self::Avalanche => "avalanche",
            Self::Snowball => "snowball",
        }
    }
}

/// Whether the payments fit the budget, and the room left or the shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub fits: bool,
    /// Left each month when it fits, short each month when not (≥ 0).
    pub amount: Decimal,
}

impl Verdict {
    pub fn of(b: &BudgetFigures) -> Self {
        Self { fits: b.fits, amount: b.margin.abs() }
    }
}

/// A quoted rate as a daily, monthly and annual percentage.
pub fn rate_forms(rate: &QuotedRate) -> [Decimal; 3] {
    [rate.daily_percent(), rate.monthly_percent(), rate.annual_percent()]
}

#[cfg(test)]
mod tests;
