//! The negotiation kit's part of the document (协商材料): who the borrower
//! is, why they cannot pay, what they spend, what they ask each lender for,
//! and the record of every contact with a lender.
//!
//! These types are read and written with the scenario (every field optional,
//! so older files stay valid) and checked by small pure rules that name the
//! field path and the rule broken, for the field contract to reuse.
//!
//! Free text is cleaned when read: control characters and the bidirectional
//! overrides U+202A–U+202E and U+2066–U+2069 (which can make a sentence read
//! differently from what it says) are removed; single-line fields turn line
//! breaks and tabs into spaces. Lengths are counted in characters (Unicode
//! scalar values) after cleaning. The limits, chosen so a letter stays one
//! page and a draft stays small:
//!
//! | field | limit |
//! |---|---|
//! | `profile.name`, `profile.city` | 40 |
//! | `profile.phone` | 30 |
//! | `loans[].contract_no`, `contact_log[].ticket`, `contact_log[].loan_id` | 64 |
//! | `hardship.details` | 1,000 (line breaks kept) |
//! | `contact_log[].who` | 60 |
//! | `contact_log[].summary` | 500 (line breaks kept) |
//! | `contact_log[].promise` | 300 (line breaks kept) |
//! | `contact_log` | 500 entries |

use super::{ErrorKind, ScenarioError};
use crate::engine::proposal::{CASH_FLOW_CAP_MONTHS, CATCH_UP_CAP_MONTHS, FROZEN_CAP_MONTHS, MAX_HOLIDAY_MONTHS};
use crate::engine::{decimal_str, fen, Date, HolidayMode, Proposal, ProposalKind, MAX_AMOUNT, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub const NAME_MAX: usize = 40;
pub const PHONE_MAX: usize = 30;
pub const CITY_MAX: usize = 40;
pub const CONTRACT_NO_MAX: usize = 64;
pub const DETAILS_MAX: usize = 1000;
pub const LOAN_ID_MAX: usize = 64;
pub const WHO_MAX: usize = 60;
pub const TICKET_MAX: usize = 64;
pub const SUMMARY_MAX: usize = 500;
pub const PROMISE_MAX: usize = 300;
/// Most entries the contact log holds.
pub const LOG_MAX: usize = 500;

// ---------------------------------------------------------------- free text

/// Bidirectional embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text: line breaks and tabs become spaces, other control and
/// bidirectional-override characters are removed, ends trimmed.
pub fn clean_line(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    kept.trim().to_owned()
}

/// A block of text: as [`clean_line`], but line breaks are kept (CR LF and
/// CR become LF).
pub fn clean_block(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    kept.trim().to_owned()
}

/// Serde helpers that clean free text as it is read.
mod text {
    use super::*;

    pub fn line<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        String::deserialize(d).map(|s| clean_line(&s))
    }

    pub fn block<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        String::deserialize(d).map(|s| clean_block(&s))
    }
}

// -------------------------------------------------------------- the rules

/// A rule a kit field breaks. Messages: [`KitRule::message`] (English, for
/// the evaluator) and `Lang::kit_rule` (the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitRule {
    /// Longer than `max` characters.
    TooLong { max: usize },
    Empty,
    Negative,
    TooLarge,
    /// More than two decimals: money is counted in fen.
    NotInFen,
    /// `budget.expenses` differs from the sum of `budget.expense_items`.
    ExpensesDisagree { items_total: Decimal, expenses: Decimal },
    /// More than `max` entries.
    TooMany { max: usize },
    /// Listed twice.
    Duplicate,
    MonthsOutOfRange { min: u32, max: u32 },
    /// A settlement has no term.
    MonthsNotApplicable,
    /// `holiday_mode` belongs to a payment holiday only.
    ModeNotApplicable,
    /// The fallback is the ask itself.
    SameAsAsk,
    /// No loan with this id.
    UnknownLoan,
    /// The evaluation no longer offers this kind with these months.
    NotOffered,
}

impl KitRule {
    /// What is wrong, in English, without the field path.
    pub fn message(&self) -> String {
        match self {
            Self::TooLong { max } => format!("must be at most {max} characters"),
            Self::Empty => "must not be empty".into(),
            Self::Negative => "must not be negative".into(),
            Self::TooLarge => "must be at most 1000000000000".into(),
            Self::NotInFen => "must have at most two decimals (fen)".into(),
            Self::ExpensesDisagree { items_total, expenses } => {
                format!("is {expenses} but the expense items add up to {items_total}; they must agree")
            }
            Self::TooMany { max } => format!("at most {max} entries"),
            Self::Duplicate => "is listed twice".into(),
            Self::MonthsOutOfRange { min, max } => format!("must be {min} to {max} months"),
            Self::MonthsNotApplicable => "a settlement has no months".into(),
            Self::ModeNotApplicable => "only a payment_holiday has a holiday_mode".into(),
            Self::SameAsAsk => "is the same as the ask".into(),
            Self::UnknownLoan => "names no loan of this scenario".into(),
            Self::NotOffered => "this proposal is not offered for the loan any more; choose again".into(),
        }
    }
}

/// A kit field that breaks a rule, with its path (`hardship.details`,
/// `contact_log[3].summary`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitError {
    pub path: String,
    pub rule: KitRule,
}

impl KitError {
    pub fn new(path: impl Into<String>, rule: KitRule) -> Self {
        Self { path: path.into(), rule }
    }

    /// The same fault as the scenario reader reports it.
    pub fn to_scenario_error(&self) -> ScenarioError {
        ScenarioError { kind: ErrorKind::Invalid, path: self.path.clone(), message: self.rule.message() }
    }
}

impl fmt::Display for KitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.rule.message())
    }
}

impl std::error::Error for KitError {}

/// Text of at most `max` characters.
pub fn check_text(s: &str, max: usize) -> Result<(), KitRule> {
    if s.chars().count() > max {
        return Err(KitRule::TooLong { max });
    }
    Ok(())
}

/// A monthly amount: 0 to ¥1 trillion, whole fen.
pub fn check_money(v: Decimal) -> Result<(), KitRule> {
    if v.is_sign_negative() && !v.is_zero() {
        return Err(KitRule::Negative);
    }
    if v > MAX_AMOUNT {
        return Err(KitRule::TooLarge);
    }
    if fen(v) != v {
        return Err(KitRule::NotInFen);
    }
    Ok(())
}

/// A loan's contract or IOU number (合同编号/借据号), `loans[].contract_no`:
/// free single-line text, default empty, at most [`CONTRACT_NO_MAX`] characters.
pub fn check_contract_no(s: &str) -> Result<(), KitRule> {
    check_text(s, CONTRACT_NO_MAX)
}

/// `path.field`, or `field` at the top level.
fn at_path(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

/// Maps a rule to an error at `path.field`.
fn at(path: &str, field: &str) -> impl Fn(KitRule) -> KitError {
    let p = at_path(path, field);
    move |rule| KitError::new(p.clone(), rule)
}

// ---------------------------------------------------------------- profile

/// Who the borrower is (`profile`); every field optional and short. A
/// missing one is a blank to fill in by hand on the printed letter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, deserialize_with = "text::line", skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, deserialize_with = "text::line", skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, deserialize_with = "text::line", skip_serializing_if = "String::is_empty")]
    pub city: String,
}

impl Profile {
    pub fn validate(&self, path: &str) -> Result<(), KitError> {
        check_text(&self.name, NAME_MAX).map_err(at(path, "name"))?;
        check_text(&self.phone, PHONE_MAX).map_err(at(path, "phone"))?;
        check_text(&self.city, CITY_MAX).map_err(at(path, "city"))
    }
}

// --------------------------------------------------------------- hardship

/// Why the borrower cannot keep up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HardshipReason {
    JobLoss,
    IncomeDrop,
    BusinessLoss,
    Illness,
    Family,
    Other,
}

impl HardshipReason {
    pub const ALL: [Self; 6] = [Self::JobLoss, Self::IncomeDrop, Self::BusinessLoss, Self::Illness, Self::Family, Self::Other];
}

/// A document the borrower can attach (DOMAIN.md "What a lender usually asks for").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    IdCard,
    Contract,
    IncomeProof,
    BankStatements,
    Medical,
    Unemployment,
    BusinessRecords,
    CreditReport,
    Other,
}

impl Evidence {
    pub const ALL: [Self; 9] = [
        Self::IdCard,
        Self::Contract,
        Self::IncomeProof,
        Self::BankStatements,
        Self::Medical,
        Self::Unemployment,
        Self::BusinessRecords,
        Self::CreditReport,
        Self::Other,
    ];
}

/// The cause (`hardship`): what changed and when, whether it is temporary,
/// and the proof attached. `reason` and `since` are required when present;
/// `details` default empty, `temporary` default false, `evidence` default none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hardship {
    pub reason: HardshipReason,
    pub since: Date,
    #[serde(default, deserialize_with = "text::block", skip_serializing_if = "String::is_empty")]
    pub details: String,
    #[serde(default)]
    pub temporary: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Hardship {
    pub fn validate(&self, path: &str) -> Result<(), KitError> {
        check_text(&self.details, DETAILS_MAX).map_err(at(path, "details"))?;
        for (i, e) in self.evidence.iter().enumerate() {
            if self.evidence[..i].contains(e) {
                return Err(KitError::new(format!("{}[{i}]", at_path(path, "evidence")), KitRule::Duplicate));
            }
        }
        Ok(())
    }
}

// --------------------------------------------------------------- expenses

/// Essential monthly expenses by category (`budget.expense_items`), each
/// default "0". When present, `budget.expenses` is their sum; a file
/// giving both must agree ([`ExpenseItems::check_against`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenseItems {
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub housing: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub utilities: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub food: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub transport: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub children: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub medical: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub insurance: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub communication: Decimal,
    #[serde(with = "decimal_str", default, skip_serializing_if = "Decimal::is_zero")]
    pub other: Decimal,
}

/// An expense category, in the order of the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpenseCategory {
    Housing,
    Utilities,
    Food,
    Transport,
    Children,
    Medical,
    Insurance,
    Communication,
    Other,
}

impl ExpenseItems {
    /// Every category with its amount, in statement order; the names are
    /// the JSON field names.
    pub fn items(&self) -> [(ExpenseCategory, &'static str, Decimal); 9] {
        use ExpenseCategory::*;
        [
            (Housing, "housing", self.housing),
            (Utilities, "utilities", self.utilities),
            (Food, "food", self.food),
            (Transport, "transport", self.transport),
            (Children, "children", self.children),
            (Medical, "medical", self.medical),
            (Insurance, "insurance", self.insurance),
            (Communication, "communication", self.communication),
            (Other, "other", self.other),
        ]
    }

    /// The monthly essential expenses: the sum of the categories.
    pub fn total(&self) -> Decimal {
        self.items().iter().map(|(_, _, v)| *v).sum()
    }

    pub fn validate(&self, path: &str) -> Result<(), KitError> {
        for (_, name, v) in self.items() {
            check_money(v).map_err(at(path, name))?;
        }
        Ok(())
    }

    /// `expenses` (at `path`) must equal the items' sum.
    pub fn check_against(&self, expenses: Decimal, path: &str) -> Result<(), KitError> {
        let items_total = self.total();
        if items_total != expenses {
            return Err(KitError::new(path, KitRule::ExpensesDisagree { items_total, expenses }));
        }
        Ok(())
    }
}

// -------------------------------------------------------------------- ask

/// The names proposal kinds have in the evaluator's output and in `ask.kind`.
pub const KIND_NAMES: [(ProposalKind, &str); 6] = [
    (ProposalKind::TermExtension, "term_extension"),
    (ProposalKind::FrozenInstalments, "frozen_instalments"),
    (ProposalKind::PenaltyWaiver, "penalty_waiver"),
    (ProposalKind::PaymentHoliday, "payment_holiday"),
    (ProposalKind::Settlement, "settlement"),
    (ProposalKind::CashFlowPlan, "cash_flow_plan"),
];
const KIND_LIST: &[&str] = &["term_extension", "frozen_instalments", "penalty_waiver", "payment_holiday", "settlement", "cash_flow_plan"];
pub const MODE_NAMES: [(HolidayMode, &str); 2] = [(HolidayMode::InterestOnly, "interest_only"), (HolidayMode::Capitalised, "capitalised")];
const MODE_LIST: &[&str] = &["interest_only", "capitalised"];

/// Serde for the engine's enums, which only serialise: read by name from
/// the tables above (a test checks them against the evaluator's output).
mod by_name {
    use super::*;

    pub fn find<'de, T: Copy, D: Deserializer<'de>>(d: D, table: &[(T, &str)], list: &'static [&'static str]) -> Result<T, D::Error> {
        let s = String::deserialize(d)?;
        table.iter().find(|(_, n)| *n == s).map(|(k, _)| *k).ok_or_else(|| de::Error::unknown_variant(&s, list))
    }

    pub mod kind {
        use super::*;
        pub fn serialize<S: Serializer>(k: &ProposalKind, s: S) -> Result<S::Ok, S::Error> {
            k.serialize(s)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ProposalKind, D::Error> {
            find(d, &KIND_NAMES, KIND_LIST)
        }
    }

    pub mod mode {
        use super::*;
        pub fn serialize<S: Serializer>(m: &Option<HolidayMode>, s: S) -> Result<S::Ok, S::Error> {
            m.serialize(s)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<HolidayMode>, D::Error> {
            find(d, &MODE_NAMES, MODE_LIST).map(Some)
        }
    }
}

/// A proposal chosen from the evaluation: its kind, and what tells it apart
/// from the other proposals of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    #[serde(with = "by_name::kind")]
    pub kind: ProposalKind,
    /// The term (term_extension, frozen_instalments, cash_flow_plan), the
    /// catch-up months (penalty_waiver) or the holiday months
    /// (payment_holiday); absent for a settlement, or for "the one the
    /// evaluation offers" (the shortest that fits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// payment_holiday only: `"interest_only"` (default) or `"capitalised"`.
    #[serde(default, with = "by_name::mode", skip_serializing_if = "Option::is_none")]
    pub holiday_mode: Option<HolidayMode>,
}

/// What the borrower asks one lender for (`loans[].ask`): a choice, the
/// first payment date, and one fallback choice. The choice's fields are
/// spelled out again because serde cannot flatten a struct that denies
/// unknown fields; [`Ask::choice`] gives them back as a [`Choice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    #[serde(with = "by_name::kind")]
    pub kind: ProposalKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    #[serde(default, with = "by_name::mode", skip_serializing_if = "Option::is_none")]
    pub holiday_mode: Option<HolidayMode>,
    pub first_payment_date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Choice>,
}

/// The months a kind may ask for.
pub fn months_range(kind: ProposalKind) -> Option<(u32, u32)> {
    match kind {
        ProposalKind::TermExtension => Some((1, MAX_MONTHS)),
        ProposalKind::FrozenInstalments => Some((1, FROZEN_CAP_MONTHS)),
        ProposalKind::PenaltyWaiver => Some((1, CATCH_UP_CAP_MONTHS)),
        ProposalKind::PaymentHoliday => Some((1, MAX_HOLIDAY_MONTHS)),
        ProposalKind::Settlement => None,
        ProposalKind::CashFlowPlan => Some((1, CASH_FLOW_CAP_MONTHS)),
    }
}

impl Choice {
    pub fn validate(&self, path: &str) -> Result<(), KitError> {
        match (months_range(self.kind), self.months) {
            (None, Some(_)) => return Err(KitError::new(at_path(path, "months"), KitRule::MonthsNotApplicable)),
            (Some((min, max)), Some(m)) if m < min || m > max => {
                return Err(KitError::new(at_path(path, "months"), KitRule::MonthsOutOfRange { min, max }))
            }
            _ => {}
        }
        if self.holiday_mode.is_some() && self.kind != ProposalKind::PaymentHoliday {
            return Err(KitError::new(at_path(path, "holiday_mode"), KitRule::ModeNotApplicable));
        }
        Ok(())
    }

    /// The holiday mode in force: interest-only unless capitalised is chosen.
    pub fn mode(&self) -> Option<HolidayMode> {
        (self.kind == ProposalKind::PaymentHoliday).then(|| self.holiday_mode.unwrap_or(HolidayMode::InterestOnly))
    }

    /// Whether `p` is the proposal this choice names. Without `months`, the
    /// shortest-fit proposal of the kind (or the only one) is meant.
    pub fn matches(&self, p: &Proposal) -> bool {
        if p.kind != self.kind || p.params.holiday_mode != self.mode() {
            return false;
        }
        let months = match self.kind {
            ProposalKind::PenaltyWaiver => p.params.catch_up_months,
            ProposalKind::PaymentHoliday => p.params.holiday_months,
            ProposalKind::Settlement => None,
            _ => p.params.term_months,
        };
        match self.months {
            Some(m) => months == Some(m),
            None => self.kind != ProposalKind::TermExtension || p.params.shortest_fit,
        }
    }

    /// The first workable proposal of `proposals` (one loan's) this choice
    /// names; [`KitRule::NotOffered`] at `path` when none is left.
    pub fn find<'a>(&self, proposals: &'a [Proposal], path: &str) -> Result<&'a Proposal, KitError> {
        proposals
            .iter()
            .find(|p| p.figures.is_some() && self.matches(p))
            .ok_or_else(|| KitError::new(at_path(path, "kind"), KitRule::NotOffered))
    }
}

impl Ask {
    pub fn choice(&self) -> Choice {
        Choice { kind: self.kind, months: self.months, holiday_mode: self.holiday_mode }
    }

    pub fn validate(&self, path: &str) -> Result<(), KitError> {
        self.choice().validate(path)?;
        if let Some(f) = &self.fallback {
            let fpath = at_path(path, "fallback");
            f.validate(&fpath)?;
            if f.kind == self.kind && f.months == self.months && f.mode() == self.choice().mode() {
                return Err(KitError::new(fpath, KitRule::SameAsAsk));
            }
        }
        Ok(())
    }
}

// ------------------------------------------------------------ contact log

/// A date and a time to the minute, `"YYYY-MM-DDTHH:MM"` (what
/// `<input type=datetime-local>` gives), local time. No clock: it only
/// ever comes from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    date: Date,
    /// Minutes since midnight, 0–1439.
    minutes: u16,
}

impl DateTime {
    pub fn new(date: Date, hour: u32, minute: u32) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| Self { date, minutes: (hour * 60 + minute) as u16 })
    }

    pub fn date(self) -> Date {
        self.date
    }

    pub fn hour(self) -> u32 {
        u32::from(self.minutes / 60)
    }

    pub fn minute(self) -> u32 {
        u32::from(self.minutes % 60)
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM`.
    pub fn parse(s: &str) -> Option<Self> {
        let (date, time) = s.split_once('T')?;
        let b = time.as_bytes();
        if b.len() != 5 || b[2] != b':' || !time.bytes().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) {
            return None;
        }
        Self::new(Date::parse(date)?, time[..2].parse().ok()?, time[3..].parse().ok()?)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour(), self.minute())
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse(&s).ok_or_else(|| de::Error::custom(format!("\"{s}\" is not a date and time: write YYYY-MM-DDTHH:MM")))
    }
}

/// How a contact took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In-app customer service chat.
    AppChat,
    /// The lender (or a collector) called the borrower.
    PhoneIn,
    /// The borrower called the lender.
    PhoneOut,
    Sms,
    Letter,
    Visit,
    Email,
}

impl Channel {
    pub const ALL: [Self; 7] = [Self::AppChat, Self::PhoneIn, Self::PhoneOut, Self::Sms, Self::Letter, Self::Visit, Self::Email];
}

/// One contact with a lender (`contact_log[]`). `at`, `loan_id` and
/// `channel` are required; texts default empty, flags false, no follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactEntry {
    pub at: DateTime,
    /// The loan (`loans[].id`) the contact was about.
    #[serde(deserialize_with = "text::line")]
    pub loan_id: String,
    pub channel: Channel,
    /// Who: department, name or staff number (部门/姓名/工号).
    #[serde(default, deserialize_with = "text::line", skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// Ticket or case number (工单号).
    #[serde(default, deserialize_with = "text::line", skip_serializing_if = "String::is_empty")]
    pub ticket: String,
    /// What was said.
    #[serde(default, deserialize_with = "text::block", skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// What the lender promised (and by when).
    #[serde(default, deserialize_with = "text::block", skip_serializing_if = "String::is_empty")]
    pub promise: String,
    /// When to follow up if nothing happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Date>,
    /// The caller contacted family, friends, an employer or other third parties.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub third_party_contacted: bool,
    /// Threats, insults, or impersonating officials (police, courts, lawyers).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub threats: bool,
}

impl ContactEntry {
    /// Checks entry `path` (`contact_log[3]`); `loan_ids` are the scenario's.
    pub fn validate(&self, path: &str, loan_ids: &[&str]) -> Result<(), KitError> {
        let id = at(path, "loan_id");
        if self.loan_id.is_empty() {
            return Err(id(KitRule::Empty));
        }
        check_text(&self.loan_id, LOAN_ID_MAX).map_err(&id)?;
        if !loan_ids.contains(&self.loan_id.as_str()) {
            return Err(id(KitRule::UnknownLoan));
        }
        check_text(&self.who, WHO_MAX).map_err(at(path, "who"))?;
        check_text(&self.ticket, TICKET_MAX).map_err(at(path, "ticket"))?;
        check_text(&self.summary, SUMMARY_MAX).map_err(at(path, "summary"))?;
        check_text(&self.promise, PROMISE_MAX).map_err(at(path, "promise"))
    }
}

/// Checks the whole log at `path` (`contact_log`).
pub fn validate_log(log: &[ContactEntry], path: &str, loan_ids: &[&str]) -> Result<(), KitError> {
    if log.len() > LOG_MAX {
        return Err(KitError::new(path, KitRule::TooMany { max: LOG_MAX }));
    }
    log.iter().enumerate().try_for_each(|(i, e)| e.validate(&format!("{path}[{i}]"), loan_ids))
}

pub mod conduct;

#[cfg(test)]
mod tests;
