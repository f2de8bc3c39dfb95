//! The scenario: the one document format of the product.
//!
//! A scenario is what the borrower typed — loans and budget — as versioned
//! JSON. The same format is used for localStorage drafts, exported files,
//! share links and `examples/evaluate`. Money and rates are JSON strings
//! holding exact decimals. Unknown fields are refused (a typo must not be
//! silently ignored); optional fields have documented defaults.
//!
//! Reading goes JSON → version check → migrations → typed → validation, so a
//! file from a newer app is reported as such instead of as "unknown field".
//!
//! Optional fields (all absent by default, so every earlier file stays valid
//! and version 1 is unchanged): top level `day_count` (`"30_360"` default,
//! or `"actual"`, which needs every loan's `next_due_date`) and `as_of`
//! (`"YYYY-MM-DD"`); per loan `overdue` `{days, principal, interest}` (each
//! default 0; amounts *in addition to* `principal`), `penalty`
//! `{multiplier, compound, base}` (default: the lender preset's rule),
//! `app_payment`, `next_due_date`, `period_start` (the day interest starts
//! for the first period, actual-days mode), `settlement_offer`; in `budget`,
//! `forecast`: exactly 12 monthly net incomes as strings.

pub mod evaluate;

pub use evaluate::{BudgetOutput, Evaluation, LoanOutput};

use crate::engine::{
    decimal_str, Accrual, Budget, Date, DayBasis, DayCount, Debt, DueCalendar, Lender, Loan, Method, Overdue, PenaltyBase,
    PenaltyRule, QuotedRate, RateUnit, MAX_AMOUNT,
};
use crate::engine::proposal::{LISTED_HOLIDAYS, MAX_HOLIDAY_MONTHS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 1;
/// Most loans one scenario may hold.
pub const MAX_LOANS: usize = 20;
/// Longest first period `period_start` may open (a year).
pub const MAX_FIRST_PERIOD_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    /// How interest accrues: `"30_360"` (default) or `"actual"` (daily
    /// between real due dates; every loan then needs `next_due_date`).
    #[serde(default, skip_serializing_if = "is_default_day_count")]
    pub day_count: DayCount,
    /// The evaluation date, `"YYYY-MM-DD"`; default none (instalments are
    /// then assumed 30 days apart when projecting the cost of doing nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    pub loans: Vec<LoanEntry>,
    #[serde(default)]
    pub budget: BudgetEntry,
}

fn is_default_day_count(d: &DayCount) -> bool {
    *d == DayCount::default()
}

/// One loan as entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoanEntry {
    /// Stable identifier within the scenario (non-empty, unique).
    pub id: String,
    /// Lender preset; default `other`.
    #[serde(default)]
    pub lender: Lender,
    /// Free label ("网商贷 2023"); default empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Outstanding principal.
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    pub rate: RateEntry,
    pub method: Method,
    /// Remaining months, 1–600.
    pub months: u32,
    /// Fee deducted up front; default "0".
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub upfront_fee: Decimal,
    /// What is already past due, *in addition to* `principal` (which is the
    /// principal of the remaining schedule); default none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue: Option<OverdueEntry>,
    /// Penalty rule; default the lender preset's ([`Lender::penalty`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<PenaltyEntry>,
    /// The monthly payment the lender's app shows (等额本息), for the rate
    /// detective; default none.
    #[serde(with = "decimal_str::option", default, skip_serializing_if = "Option::is_none")]
    pub app_payment: Option<Decimal>,
    /// Due date of the next instalment, `"YYYY-MM-DD"`; default none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due_date: Option<Date>,
    /// The day interest starts for the first period, `"YYYY-MM-DD"`: the
    /// payout or the last paid due date, before `next_due_date`. Actual-days
    /// mode only (30/360 counts every period as a month); default: one
    /// month before `next_due_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<Date>,
    /// A lump sum the borrower can raise for a settlement; default none.
    #[serde(with = "decimal_str::option", default, skip_serializing_if = "Option::is_none")]
    pub settlement_offer: Option<Decimal>,
    /// Months of payment holiday to propose, 1–6; default 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holiday_months: Option<u32>,
}

/// Overdue state as entered. Every field defaults to 0.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverdueEntry {
    /// Days since the first missed due date.
    #[serde(default)]
    pub days: u32,
    /// Principal of missed instalments.
    #[serde(with = "decimal_str", default)]
    pub principal: Decimal,
    /// Contract interest of missed instalments (penalty interest excluded).
    #[serde(with = "decimal_str", default)]
    pub interest: Decimal,
}

/// A penalty rule as entered; all three fields are required when present.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateEntry {
    /// In percent: "0.05" with unit daily_percent means 0.05 % a day.
    #[serde(with = "decimal_str")]
    pub value: Decimal,
    pub unit: RateUnit,
    /// 360 (default) or 365 days a year for daily rates.
    #[serde(default, skip_serializing_if = "is_default_basis")]
    pub day_basis: DayBasis,
}

fn is_default_basis(b: &DayBasis) -> bool {
    *b == DayBasis::default()
}

/// The monthly budget as entered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetEntry {
    #[serde(with = "decimal_str", default)]
    pub income: Decimal,
    #[serde(with = "decimal_str", default)]
    pub expenses: Decimal,
    /// Default "0".
    #[serde(with = "decimal_str", default)]
    pub other_obligations: Decimal,
    /// Default "10".
    #[serde(with = "decimal_str", default = "default_buffer")]
    pub buffer_percent: Decimal,
    /// Net income of each of the next 12 months (strings, may be negative),
    /// for the cash-flow plan; default none. Each month's surplus is its
    /// income − expenses − other obligations − the buffer on its income.
    #[serde(with = "forecast_str", default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<[Decimal; 12]>,
}

/// Serde for the optional 12-month forecast: an array of 12 decimal strings.
mod forecast_str {
    use crate::engine::decimal_str;
    use rust_decimal::Decimal;
    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Money(#[serde(with = "decimal_str")] Decimal);

    pub fn serialize<S: Serializer>(v: &Option<[Decimal; 12]>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(a) => a.iter().map(|d| Money(*d)).collect::<Vec<_>>().serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[Decimal; 12]>, D::Error> {
        let Some(v) = Option::<Vec<Money>>::deserialize(d)? else {
            return Ok(None);
        };
        let n = v.len();
        let a: [Money; 12] = v
            .try_into()
            .map_err(|_| de::Error::custom(format!("must hold exactly 12 monthly incomes, not {n}")))?;
        Ok(Some(a.map(|m| m.0)))
    }
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
        Self {
            id: id.into(),
            lender,
            name: String::new(),
            principal,
            rate: RateEntry { value: p.typical_rate, unit: p.rate_unit, day_basis: DayBasis::default() },
            method: p.method,
            months,
            upfront_fee: Decimal::ZERO,
            overdue: None,
            penalty: None,
            app_payment: None,
            next_due_date: None,
            period_start: None,
            settlement_offer: None,
            holiday_months: None,
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
    /// Checks the optional fields of loan `i` (issue 3), naming the field.
    pub fn validate_extras(&self, i: usize, day_count: DayCount) -> Result<(), ScenarioError> {
        let at = |f: &str| format!("loans[{i}].{f}");
        self.overdue().validate().map_err(|(f, m)| err(ErrorKind::Invalid, at(&format!("overdue.{f}")), m))?;
        self.penalty_rule().validate().map_err(|(f, m)| err(ErrorKind::Invalid, at(&format!("penalty.{f}")), m))?;
        for (name, v) in [("app_payment", self.app_payment), ("settlement_offer", self.settlement_offer)] {
            if let Some(v) = v {
                if v <= Decimal::ZERO {
                    return Err(err(ErrorKind::Invalid, at(name), "must be more than 0"));
                }
                if v > MAX_AMOUNT {
                    return Err(err(ErrorKind::Invalid, at(name), "must be at most 1000000000000"));
                }
            }
        }
        if self.holiday_months.is_some_and(|h| h == 0 || h > MAX_HOLIDAY_MONTHS) {
            return Err(err(ErrorKind::Invalid, at("holiday_months"), format!("must be 1 to {MAX_HOLIDAY_MONTHS} months")));
        }
        if day_count == DayCount::Actual && self.next_due_date.is_none() {
            return Err(err(ErrorKind::Invalid, at("next_due_date"), "required when day_count is \"actual\""));
        }
        if let (Some(start), Some(due)) = (self.period_start, self.next_due_date) {
            if !(1..=MAX_FIRST_PERIOD_DAYS).contains(&start.days_until(due)) {
                return Err(err(ErrorKind::Invalid, at("period_start"), format!("must be 1 to {MAX_FIRST_PERIOD_DAYS} days before next_due_date")));
            }
        }
        Ok(())
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

/// Why a document could not be read. `path` names the field
/// (`loans[0].principal`); it is empty for whole-document faults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    pub kind: ErrorKind,
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON at all.
    Syntax,
    /// No usable `version`, or one this build cannot read.
    Version,
    /// Newer than this build: keep it, do not overwrite it.
    NewerVersion,
    /// Well-formed JSON with a wrong, missing or unknown field.
    Field,
    /// Fields of the right type whose values are not allowed.
    Invalid,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

fn err(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> ScenarioError {
    ScenarioError { kind, path: path.into(), message: message.into() }
}

mod v0;

/// Migrations: each version that is not current gets one arm that rewrites
/// it to the next version, then migrates on. Version 1 is the first
/// published format; version 0 is the pre-release format (see `v0.rs` and
/// `tests/fixtures/migration/`). A v2 adds `1 => migrate(v1_to_v2(doc)?, 2)`
/// and a fixture test.
fn migrate(doc: serde_json::Value, from: u64) -> Result<serde_json::Value, ScenarioError> {
    match from {
        0 => migrate(v0::to_v1(doc)?, 1),
        v if v == CURRENT_VERSION as u64 => Ok(doc),
        v => Err(err(ErrorKind::Version, "version", format!("version {v} is not a format this app ever wrote"))),
    }
}

impl Scenario {
    /// An empty scenario with one typical 网商贷 loan, what a new draft shows.
    pub fn example() -> Self {
        Self {
            version: CURRENT_VERSION,
            day_count: DayCount::default(),
            as_of: None,
            loans: vec![LoanEntry::from_preset("a", Lender::Mybank, Decimal::from(100_000), 12)],
            budget: BudgetEntry {
                income: Decimal::from(12_000),
                expenses: Decimal::from(6_000),
                ..BudgetEntry::default()
            },
        }
    }

    /// Reads, migrates and validates a document.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        let doc: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| err(ErrorKind::Syntax, "", format!("not valid JSON: {e}")))?;
        let version = doc
            .get("version")
            .ok_or_else(|| err(ErrorKind::Version, "version", "missing; this is not a xieshang scenario"))?
            .as_u64()
            .ok_or_else(|| err(ErrorKind::Version, "version", "must be a whole number"))?;
        if version > CURRENT_VERSION as u64 {
            return Err(err(
                ErrorKind::NewerVersion,
                "version",
                format!("version {version} was written by a newer xieshang; this one reads up to {CURRENT_VERSION}"),
            ));
        }
        let doc = migrate(doc, version)?;
        let scenario: Scenario = serde_path_to_error::deserialize(doc).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            err(ErrorKind::Field, path, e.into_inner().to_string())
        })?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Pretty JSON in the current version.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks values the types cannot: unique ids, engine limits.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.loans.len() > MAX_LOANS {
            return Err(err(ErrorKind::Invalid, "loans", format!("at most {MAX_LOANS} loans")));
        }
        for (i, loan) in self.loans.iter().enumerate() {
            if loan.id.trim().is_empty() {
                return Err(err(ErrorKind::Invalid, format!("loans[{i}].id"), "must not be empty"));
            }
            if self.loans[..i].iter().any(|other| other.id == loan.id) {
                return Err(err(ErrorKind::Invalid, format!("loans[{i}].id"), format!("\"{}\" is used twice", loan.id)));
            }
            loan.loan().validate().map_err(|e| {
                let field = match e.field() {
                    "rate" => "rate.value",
                    "fee" => "upfront_fee",
                    f => f,
                };
                err(ErrorKind::Invalid, format!("loans[{i}].{field}"), e.message())
            })?;
            loan.validate_extras(i, self.day_count)?;
        }
        self.budget.budget().validate().map_err(|e| {
            err(ErrorKind::Invalid, format!("budget.{}", e.field()), e.message())
        })?;
        if let Some(f) = &self.budget.forecast {
            for (k, v) in f.iter().enumerate() {
                if v.abs() > MAX_AMOUNT {
                    return Err(err(ErrorKind::Invalid, format!("budget.forecast[{k}]"), "must be between -1000000000000 and 1000000000000"));
                }
            }
        }
        Ok(())
    }

    /// Every computed figure; see [`Evaluation`].
    pub fn evaluate(&self) -> Evaluation {
        Evaluation::of(self)
    }

    /// [`Scenario::evaluate`] with the page's `today`, which dates loans the
    /// document gives no date for and changes nothing else.
    pub fn evaluate_on(&self, today: Option<Date>) -> Evaluation {
        Evaluation::on(self, today)
    }
}

#[cfg(test)]
mod tests;
