//! The scenario: the one document format of the product.
//!
//! A scenario is what the borrower typed — loans and budget — as versioned
//! JSON. The same format is used for localStorage drafts, exported files,
//! share links and `examples/evaluate`. Money and rates are JSON strings
//! holding exact decimals. Unknown fields are refused (a typo must not be
//! silently ignored); optional fields have documented defaults.
//!
//! Reading ([`crate::versioned`]) goes JSON → version check → migrations →
//! typed (`read`, one hand-written reader per type), so a file from a newer
//! app is reported as such instead of as "unknown field"; then every field
//! is checked against its rule
//! ([`field`], the field contract: one row per input of the document).
//!
//! Optional fields (all absent by default, so every earlier file stays valid
//! and version 1 is unchanged): top level `day_count` (`"30_360"` default,
//! or `"actual"`, which needs every loan's `next_due_date`) and `as_of`
//! (`"YYYY-MM-DD"`); per loan `overdue` `{days, principal, interest}` (each
//! default 0; amounts *in addition to* `principal`), `penalty`
//! `{multiplier, compound, base}` (default: the lender preset's rule),
//! `app_payment`, `next_due_date`, `period_start`, `settlement_offer`,
//! `holiday_months`; in `budget`, `forecast`: exactly 12 monthly net
//! incomes as strings. The road to debt-free (issue 12): per loan
//! `prepayments` `[{month, amount, effect}]`, `extra_monthly`,
//! `prepayment_fee_percent` (default 0) and `target_payment`; top level
//! `payoff_strategy` `{kind, order, monthly_budget}` (default: avalanche on
//! the amount available for debt). The negotiation kit's members (`profile`,
//! `hardship`, `contact_log`, `loans[].contract_no`, `loans[].ask`,
//! `budget.expense_items`) are described in [`kit`].

pub mod evaluate;
pub mod field;
pub mod kit;
mod read;
pub mod road;
mod write;

pub use evaluate::{BudgetOutput, Evaluation, LoanOutput};
pub use field::{At, Field, Problem, Rule};
pub use crate::versioned::{ErrorKind, ReadError};
pub use kit::{Ask, ContactEntry, ExpenseItems, Hardship, Profile, ProposalChoice};

use crate::engine::{
    decimal_str, Accrual, Budget, Date, DayBasis, DayCount, Debt, DueCalendar, Lender, Loan, Method, Overdue, PayoffKind, PenaltyBase,
    PenaltyRule, PrepayPlan, Prepayment, QuotedRate, RateUnit,
};
use crate::engine::proposal::LISTED_HOLIDAYS;
use crate::versioned::{self, Format};
use rust_decimal::Decimal;
use serde::Serialize;

/// The version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 1;
/// Most loans one scenario may hold.
pub const MAX_LOANS: usize = 20;
/// Longest first period `period_start` may open (a year).
pub const MAX_FIRST_PERIOD_DAYS: i64 = 366;
/// Months in the income forecast.
pub const FORECAST_MONTHS: usize = 12;
/// Most one-off prepayments one loan may hold.
pub const MAX_PREPAYMENTS: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub version: u32,
    /// How interest accrues: `"30_360"` (default) or `"actual"` (daily
    /// between real due dates; every loan then needs `next_due_date`).
    #[serde(skip_serializing_if = "is_default_day_count")]
    pub day_count: DayCount,
    /// The evaluation date, `"YYYY-MM-DD"`; default none (instalments are
    /// then assumed 30 days apart when projecting the cost of doing nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub loans: Vec<LoanEntry>,
    pub budget: BudgetEntry,
    /// The road to debt-free: the strategy the borrower picked; default
    /// none (avalanche on the amount available for debt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payoff_strategy: Option<PayoffStrategyEntry>,
    // The negotiation kit (see `kit`); each absent by default.
    #[serde(skip_serializing_if = "Profile::is_empty")]
    pub profile: Profile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hardship: Option<Hardship>,
    /// At most [`kit::LOG_MAX`] contacts, in the order entered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contact_log: Vec<ContactEntry>,
}

/// How the borrower wants to pay all lenders off (`payoff_strategy`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayoffStrategyEntry {
    /// `avalanche`, `snowball`, `pro_rata` or `custom`.
    pub kind: PayoffKind,
    /// Loan ids, first target first: required for `custom`, each id once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
    /// Money for all debts each month; default the amount available for
    /// debt (each forecast month's surplus when there is a forecast).
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub monthly_budget: Option<Decimal>,
}

impl Default for PayoffStrategyEntry {
    fn default() -> Self {
        Self { kind: PayoffKind::Avalanche, order: Vec::new(), monthly_budget: None }
    }
}

fn is_default_day_count(d: &DayCount) -> bool {
    *d == DayCount::default()
}

/// One loan as entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoanEntry {
    /// Stable identifier within the scenario (non-empty, unique).
    pub id: String,
    /// Lender preset; default `other`.
    pub lender: Lender,
    /// Free label ("网商贷 2023"); default empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Outstanding principal.
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    pub rate: RateEntry,
    pub method: Method,
    /// Remaining months, 1–600.
    pub months: u32,
    /// Fee deducted up front; default "0".
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub upfront_fee: Decimal,
    /// What is already past due, *in addition to* `principal` (which is the
    /// principal of the remaining schedule); default none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<OverdueEntry>,
    /// Penalty rule; default the lender preset's ([`Lender::penalty`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty: Option<PenaltyEntry>,
    /// The monthly payment the lender's app shows (等额本息), for the rate
    /// detective; default none.
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub app_payment: Option<Decimal>,
    /// Due date of the next instalment, `"YYYY-MM-DD"`; default none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_due_date: Option<Date>,
    /// The day interest starts for the first period, `"YYYY-MM-DD"`: the
    /// payout or the last paid due date, before `next_due_date`. Actual-days
    /// mode only (30/360 counts every period as a month); default: one
    /// month before `next_due_date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_start: Option<Date>,
    /// A lump sum the borrower can raise for a settlement; default none.
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub settlement_offer: Option<Decimal>,
    /// Months of payment holiday to propose, 1–6; default 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_months: Option<u32>,
    /// One-off prepayments, each paid with instalment `month`; default none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prepayments: Vec<Prepayment>,
    /// Extra principal paid with every instalment from month 1; default none.
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub extra_monthly: Option<Decimal>,
    /// The lender's fee on prepaid principal, percent; default 0.
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub prepayment_fee_percent: Decimal,
    /// "I can pay this much a month", for the solver; default none.
    #[serde(with = "decimal_str::option", skip_serializing_if = "Option::is_none")]
    pub target_payment: Option<Decimal>,
    /// The contract or IOU number (合同编号/借据号); default empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contract_no: String,
    /// What the borrower asks this lender for; default none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<Ask>,
}

/// Overdue state as entered. Every field defaults to 0.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct OverdueEntry {
    /// Days since the first missed due date.
    pub days: u32,
    /// Principal of missed instalments.
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    /// Contract interest of missed instalments (penalty interest excluded).
    #[serde(with = "decimal_str")]
    pub interest: Decimal,
}

/// A penalty rule as entered; all three fields are required when present.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PenaltyEntry {
    /// Penalty rate = contract rate × multiplier, e.g. "1.5"; 0–10.
    #[serde(with = "decimal_str")]
    pub multiplier: Decimal,
    /// Unpaid interest bears penalty interest too (复利).
    pub compound: bool,
    /// `"principal"` or `"principal_and_interest"`.
    pub base: PenaltyBase,
}

impl PenaltyEntry {
    pub fn rule(&self) -> PenaltyRule {
        PenaltyRule { multiplier: self.multiplier, compound: self.compound, base: self.base }
    }

    pub fn of(rule: PenaltyRule) -> Self {
        Self { multiplier: rule.multiplier, compound: rule.compound, base: rule.base }
    }
}

/// A rate as the lender quotes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RateEntry {
    /// In percent: "0.05" with unit daily_percent means 0.05 % a day.
    #[serde(with = "decimal_str")]
    pub value: Decimal,
    pub unit: RateUnit,
    /// 360 (default) or 365 days a year for daily rates.
    #[serde(skip_serializing_if = "is_default_basis")]
    pub day_basis: DayBasis,
}

fn is_default_basis(b: &DayBasis) -> bool {
    *b == DayBasis::default()
}

/// The monthly budget as entered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BudgetEntry {
    #[serde(with = "decimal_str")]
    pub income: Decimal,
    #[serde(with = "decimal_str")]
    pub expenses: Decimal,
    /// Default "0".
    #[serde(with = "decimal_str")]
    pub other_obligations: Decimal,
    /// Default "10".
    #[serde(with = "decimal_str")]
    pub buffer_percent: Decimal,
    /// Net income of each of the next 12 months (strings, may be negative),
    /// for the cash-flow plan; default none. Each month's surplus is its
    /// income − expenses − other obligations − the buffer on its income.
    #[serde(serialize_with = "decimal_str::months::serialize", skip_serializing_if = "Option::is_none")]
    pub forecast: Option<[Decimal; FORECAST_MONTHS]>,
    /// Whether every year is like the forecast (a shop's seasons): months
    /// 13+ then repeat it; otherwise they are the ordinary month (`income`).
    /// Default false: the borrower told us only 12 months. Only with a
    /// forecast (the reader and [`BudgetEntry::set_forecast`] keep it so).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub forecast_repeats: bool,
    /// Essential expenses by category; `expenses` is then their sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expense_items: Option<ExpenseItems>,
}

fn default_buffer() -> Decimal {
    Decimal::TEN
}

impl Default for BudgetEntry {
    fn default() -> Self {
        Self {
            income: Decimal::ZERO,
            expenses: Decimal::ZERO,
            other_obligations: Decimal::ZERO,
            buffer_percent: default_buffer(),
            forecast: None,
            forecast_repeats: false,
            expense_items: None,
        }
    }
}

impl RateEntry {
    pub fn quoted(&self) -> QuotedRate {
        QuotedRate { value: self.value, unit: self.unit, day_basis: self.day_basis }
    }
}

impl LoanEntry {
    /// A new loan with the typical terms of `lender`.
    pub fn from_preset(id: impl Into<String>, lender: Lender, principal: Decimal, months: u32) -> Self {
        let p = lender.preset();
        let rate = RateEntry { value: p.typical_rate, unit: p.rate_unit, day_basis: DayBasis::default() };
        Self::with_terms(id.into(), lender, principal, rate, p.method, months)
    }

    /// A loan with these terms and none of the optional ones (no overdue,
    /// fee, prepayment, ask…): the one place their defaults are written (the
    /// reader starts each loan from it too).
    pub(crate) fn with_terms(id: String, lender: Lender, principal: Decimal, rate: RateEntry, method: Method, months: u32) -> Self {
        Self {
            id,
            lender,
            name: String::new(),
            principal,
            rate,
            method,
            months,
            upfront_fee: Decimal::ZERO,
            overdue: None,
            penalty: None,
            app_payment: None,
            next_due_date: None,
            period_start: None,
            settlement_offer: None,
            holiday_months: None,
            prepayments: Vec::new(),
            extra_monthly: None,
            prepayment_fee_percent: Decimal::ZERO,
            target_payment: None,
            contract_no: String::new(),
            ask: None,
        }
    }

    /// What is prepaid on this loan (empty when nothing is).
    pub fn prepay_plan(&self) -> PrepayPlan {
        PrepayPlan {
            prepayments: self.prepayments.clone(),
            extra_monthly: self.extra_monthly.unwrap_or_default(),
            fee_percent: self.prepayment_fee_percent,
        }
    }

    /// The penalty rule in force: as entered, else the lender's typical one.
    pub fn penalty_rule(&self) -> PenaltyRule {
        self.penalty.map_or_else(|| self.lender.penalty(), |p| p.rule())
    }

    pub fn overdue(&self) -> Overdue {
        self.overdue.map_or_else(Overdue::default, |o| Overdue { days: o.days, principal: o.principal, interest: o.interest })
    }

    /// The loan with its overdue state, day count and dates, for the
    /// cost of doing nothing and the proposals.
    pub fn debt(&self, day_count: DayCount, as_of: Option<Date>) -> Debt {
        let loan = self.loan();
        let overdue = self.overdue();
        let first_due = if day_count == DayCount::Actual { self.next_due_date } else { None };
        Debt {
            id: self.id.clone(),
            accrual: Accrual::of(&loan.rate, first_due).with_period_start(self.period_start),
            loan,
            overdue,
            penalty: self.penalty_rule(),
            calendar: DueCalendar { as_of, next_due: self.next_due_date, days_overdue: overdue.days },
            settlement_offer: self.settlement_offer,
            holiday_months: self.holiday_months.unwrap_or(LISTED_HOLIDAYS[0]),
        }
    }

    pub fn loan(&self) -> Loan {
        Loan {
            principal: self.principal,
            rate: self.rate.quoted(),
            method: self.method,
            months: self.months,
            upfront_fee: self.upfront_fee,
        }
    }
}

impl BudgetEntry {
    pub fn budget(&self) -> Budget {
        Budget {
            income: self.income,
            expenses: self.expenses,
            other_obligations: self.other_obligations,
            buffer_percent: self.buffer_percent,
        }
    }
}

impl LoanEntry {
    /// Another lender: its typical rate, unit and method, and its penalty
    /// rule (the user can change them after). The same lender changes nothing.
    pub fn switch_lender(&mut self, lender: Lender) {
        if lender == self.lender {
            return;
        }
        let p = lender.preset();
        self.lender = lender;
        self.rate.value = p.typical_rate;
        self.rate.unit = p.rate_unit;
        self.method = p.method;
        self.penalty = None;
    }

    /// Changes the overdue state; all zero is stored as none.
    pub fn edit_overdue(&mut self, change: impl FnOnce(&mut OverdueEntry)) {
        let mut o = self.overdue.unwrap_or_default();
        change(&mut o);
        self.overdue = (o != OverdueEntry::default()).then_some(o);
    }

    /// Changes the penalty rule; the lender's typical rule is stored as none.
    pub fn edit_penalty(&mut self, change: impl FnOnce(&mut PenaltyEntry)) {
        let mut p = PenaltyEntry::of(self.penalty_rule());
        change(&mut p);
        self.penalty = (p.rule() != self.lender.penalty()).then_some(p);
    }
}

impl BudgetEntry {
    /// Starts a 12-month forecast (each month at the current income) or drops it.
    pub fn set_forecast(&mut self, on: bool) {
        self.forecast = match (on, self.forecast) {
            (true, Some(f)) => Some(f),
            (true, None) => Some([self.income; FORECAST_MONTHS]),
            (false, _) => None,
        };
        self.forecast_repeats &= self.forecast.is_some();
    }
}

impl Scenario {
    /// The strategy picked for the road to debt-free (avalanche unless chosen).
    pub fn payoff_kind(&self) -> PayoffKind {
        self.payoff_strategy.as_ref().map_or(PayoffKind::Avalanche, |p| p.kind)
    }

    /// Changes the payoff strategy; the default one is stored as none.
    pub fn edit_payoff(&mut self, change: impl FnOnce(&mut PayoffStrategyEntry)) {
        let mut p = self.payoff_strategy.take().unwrap_or_default();
        change(&mut p);
        self.payoff_strategy = (p != PayoffStrategyEntry::default()).then_some(p);
    }
}

/// The first loan id of the form `a`…`z`, then `loan27`…, not in `used`.
pub fn free_loan_id(used: &[String]) -> String {
    (b'a'..=b'z')
        .map(|c| (c as char).to_string())
        .chain((27..).map(|n| format!("loan{n}")))
        .find(|id| !used.contains(id))
        .unwrap_or_default()
}

/// Why a document could not be read or is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// Not JSON, no usable version, or a wrong, missing, unknown or
    /// repeated field ([`ReadError`] names its JSON location).
    Read(ReadError),
    /// A field's value breaks its rule.
    Invalid(Problem),
}

impl ScenarioError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Read(e) => e.kind,
            Self::Invalid(_) => ErrorKind::Invalid,
        }
    }

    /// The JSON location (`loans[0].principal`); empty for whole-document faults.
    pub fn path(&self) -> String {
        match self {
            Self::Read(e) => e.path.clone(),
            Self::Invalid(p) => p.at.path(),
        }
    }
}

impl From<ReadError> for ScenarioError {
    fn from(e: ReadError) -> Self {
        Self::Read(e)
    }
}

impl std::error::Error for ScenarioError {}

mod v0;

/// Migrations: each version that is not current gets one arm that rewrites
/// it to the next version, then migrates on. Version 1 is the first
/// published format; version 0 is the pre-release format (see `v0.rs` and
/// `tests/fixtures/migration/`). A v2 adds `1 => migrate(v1_to_v2(doc)?, 2)`
/// and a fixture test.
fn migrate(doc: versioned::json::Value, from: u64) -> Result<versioned::json::Value, ReadError> {
    match from {
        0 => migrate(v0::to_v1(doc)?, 1),
        v if v == CURRENT_VERSION as u64 => Ok(doc),
        v => Err(versioned::unknown_version(v)),
    }
}

/// The scenario as a versioned document.
pub const FORMAT: Format = Format { name: "xieshang scenario", current: CURRENT_VERSION as u64, migrate };

impl Scenario {
    /// An empty scenario with one typical 网商贷 loan, what a new draft shows.
    pub fn example() -> Self {
        Self {
            version: CURRENT_VERSION,
            day_count: DayCount::default(),
            as_of: None,
            loans: vec![Self::new_loan("a", Lender::Mybank)],
            budget: BudgetEntry {
                income: Decimal::from(12_000),
                expenses: Decimal::from(6_000),
                ..BudgetEntry::default()
            },
            payoff_strategy: None,
            profile: Profile::default(),
            hardship: None,
            contact_log: Vec::new(),
        }
    }

    /// A loan with the typical terms of `lender`: the one set of defaults
    /// for the example and for every loan added on the page.
    pub fn new_loan(id: impl Into<String>, lender: Lender) -> LoanEntry {
        LoanEntry::from_preset(id, lender, Decimal::from(100_000), 12)
    }

    /// Reads, migrates and checks a document.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        let mut doc = versioned::read_value(text, &FORMAT)?;
        kit::fill_expenses(&mut doc);
        let scenario = read::scenario(doc)?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Pretty JSON in the current version.
    pub fn to_json(&self) -> String {
        // The bytes `Serialize` writes (tests compare), without serde in the wasm.
        write::scenario(self, true)
    }

    /// The same JSON without its layout (what a share link carries).
    pub fn to_compact_json(&self) -> String {
        write::scenario(self, false)
    }

    /// The first rule the document breaks (see [`Scenario::problems`]).
    pub fn validate(&self) -> Result<(), ScenarioError> {
        match self.problems().into_iter().next() {
            Some(p) => Err(ScenarioError::Invalid(p)),
            None => Ok(()),
        }
    }

    /// Every computed figure; see [`Evaluation`].
    pub fn evaluate(&self) -> Evaluation {
        Evaluation::of(self)
    }

    /// Every loan's next due date as the page dates it (none when not
    /// entered): a date already past is rolled forward past `today` when
    /// the document has no `as_of` (see [`crate::engine::due`]).
    pub fn next_due_dates_on(&self, today: Option<Date>) -> Vec<Option<Date>> {
        self.loans.iter().map(|l| l.next_due_date.and_then(|d| crate::engine::due::next_due_on(d, self.as_of, today))).collect()
    }

    /// [`Scenario::evaluate`] with the page's `today`, which dates loans the
    /// document gives no date for and changes nothing else.
    pub fn evaluate_on(&self, today: Option<Date>) -> Evaluation {
        Evaluation::on(self, today)
    }
}

#[cfg(test)]
mod tests;
