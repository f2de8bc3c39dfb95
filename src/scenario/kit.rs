//! The negotiation kit's part of the document (协商材料): who the borrower
//! is, why they cannot pay, what they spend, what they ask each lender for,
//! and the record of every contact with a lender.
//!
//! Every member is optional, so every earlier file stays valid: top level
//! `profile`, `hardship` and `contact_log`; per loan `contract_no` and
//! `ask`; in the budget `expense_items`. The rules they follow are rows of
//! the field contract ([`super::field`]); a broken one is a
//! [`super::Problem`] at its field, like any other.
//!
//! Free text is cleaned as it is read, from a file or typed: control
//! characters and the bidirectional overrides U+202A–U+202E and
//! U+2066–U+2069 (which can make a sentence read differently from what it
//! says) are removed, line breaks and tabs become spaces
//! ([`super::field::clean_text`]). Lengths are counted in characters after
//! cleaning; the limits keep a letter to one page and a draft small:
//!
//! | field | limit |
//! |---|---|
//! | `profile.name`, `profile.city` | 40 |
//! | `profile.phone` | 30 |
//! | `loans[].contract_no`, `contact_log[].ticket` | 64 |
//! | `hardship.details` | 1,000 |
//! | `contact_log[].who` | 60 |
//! | `contact_log[].summary` | 500 |
//! | `contact_log[].promise` | 300 |
//! | `contact_log` | 500 entries |

use crate::engine::allocation::{TOKEN_REVIEW_MAX_MONTHS, TOKEN_REVIEW_MONTHS};
use crate::engine::{decimal_str, Date, HolidayMaturity, HolidayMode, Pick, Proposal, ProposalKind};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;

pub const NAME_MAX: usize = 40;
pub const PHONE_MAX: usize = 30;
pub const CITY_MAX: usize = 40;
pub const CONTRACT_NO_MAX: usize = 64;
pub const DETAILS_MAX: usize = 1000;
pub const WHO_MAX: usize = 60;
pub const TICKET_MAX: usize = 64;
pub const SUMMARY_MAX: usize = 500;
pub const PROMISE_MAX: usize = 300;
/// Most entries the contact log holds.
pub const LOG_MAX: usize = 500;

// ---------------------------------------------------------------- profile

/// Who the borrower is (`profile`); every field optional and short. A
/// missing one prints as a blank to fill in by hand.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Profile {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

// --------------------------------------------------------------- hardship

/// Why the borrower cannot keep up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
/// and the proof attached. `reason` is required when the object is there,
/// and so is `since` (a missing one is a problem at `hardship.since`, so a
/// half-filled form keeps what it has); `details` default empty,
/// `temporary` default false, `evidence` default none, each key once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hardship {
    pub reason: HardshipReason,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub details: String,
    pub temporary: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Hardship {
    /// What a newly ticked "I have a hardship" starts from.
    pub fn new() -> Self {
        Self { reason: HardshipReason::Other, since: None, details: String::new(), temporary: false, evidence: Vec::new() }
    }
}

impl Default for Hardship {
    fn default() -> Self {
        Self::new()
    }
}

// --------------------------------------------------------------- expenses

/// An essential-expense category, in the order of the statement.
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

impl ExpenseCategory {
    pub const ALL: [Self; 9] = [
        Self::Housing,
        Self::Utilities,
        Self::Food,
        Self::Transport,
        Self::Children,
        Self::Medical,
        Self::Insurance,
        Self::Communication,
        Self::Other,
    ];
}

/// Essential monthly expenses by category (`budget.expense_items`), each
/// default "0". When present, `budget.expenses` is their sum: a file may
/// leave `expenses` out, and one giving both must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ExpenseItems {
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub housing: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub utilities: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub food: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub transport: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub children: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub medical: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub insurance: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub communication: Decimal,
    #[serde(with = "decimal_str", skip_serializing_if = "Decimal::is_zero")]
    pub other: Decimal,
}

impl ExpenseItems {
    /// The amount of one category.
    pub fn get(&self, c: ExpenseCategory) -> Decimal {
        let mut copy = *self;
        *copy.slot(c)
    }

    pub fn set(&mut self, c: ExpenseCategory, amount: Decimal) {
        *self.slot(c) = amount;
    }

    fn slot(&mut self, c: ExpenseCategory) -> &mut Decimal {
        use ExpenseCategory::*;
        match c {
            Housing => &mut self.housing,
            Utilities => &mut self.utilities,
            Food => &mut self.food,
            Transport => &mut self.transport,
            Children => &mut self.children,
            Medical => &mut self.medical,
            Insurance => &mut self.insurance,
            Communication => &mut self.communication,
            Other => &mut self.other,
        }
    }

    /// The monthly essential expenses: the sum of the categories.
    pub fn total(&self) -> Decimal {
        ExpenseCategory::ALL.iter().map(|c| self.get(*c)).sum()
    }
}

/// A file giving `budget.expense_items` without `budget.expenses` gets
/// their sum written in before it is typed (the sum of valid amounts; an
/// item that is not one is left for the typed reading to name).
pub(crate) fn fill_expenses(doc: &mut crate::versioned::json::Value) {
    let Some(budget) = doc.get_mut("budget").and_then(|b| b.as_object_mut()) else { return };
    if budget.contains_key("expenses") {
        return;
    }
    let Some(items) = budget.get("expense_items").and_then(|i| i.as_object()) else { return };
    let amounts: Option<Vec<Decimal>> = items.values().map(|v| v.as_str().and_then(crate::engine::decimal_str::parse_plain)).collect();
    if let Some(sum) = amounts.and_then(|a| a.into_iter().try_fold(Decimal::ZERO, crate::engine::checked::add)) {
        budget.insert("expenses".into(), crate::versioned::json::Value::String(sum.to_string()));
    }
}

// -------------------------------------------------------------------- ask

/// A proposal of the evaluation, named by what it asks: its kind, and what
/// tells it apart from the other proposals of that kind.
///
/// `months` pins the term (term_extension, frozen_instalments,
/// cash_flow_plan), the catch-up months (penalty_waiver), the holiday
/// months (payment_holiday) or the months held before the review (hold,
/// 3–12, default 3: [`ProposalChoice::hold_months`]); a settlement has none.
/// A hold is no proposal of the evaluation: it asks for the token payment
/// when nothing is left over, and its figures are its own. Without it the
/// proposal of that kind the evaluation offers is meant — the shortest
/// extension that fits — and it follows the evaluation as the figures
/// change. `holiday_mode` (default `interest_only`) and `holiday_maturity`
/// (default `kept`) belong to a payment holiday only; `deferred_months`
/// (months before the first instalment) to frozen instalments only.
///
/// A combined plan's pick ([`Pick`]) may ask what no card asks — the
/// contract kept (`contract`), a catch-up, holiday or term of its own,
/// frozen instalments deferred by its months: [`ProposalChoice::of_pick`]
/// names it exactly, and the evaluation finds it among the plans' picks
/// when no card matches (`scenario::kit::figures`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProposalChoice {
    pub kind: ProposalKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_mode: Option<HolidayMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_maturity: Option<HolidayMaturity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deferred_months: Option<u32>,
}

impl ProposalChoice {
    /// The proposal of this kind the evaluation offers.
    pub fn of_kind(kind: ProposalKind) -> Self {
        Self { kind, months: None, holiday_mode: None, holiday_maturity: None, deferred_months: None }
    }

    /// The choice naming a plan's pick exactly: its months (the catch-up's,
    /// the holiday's or the whole term, pause included) and, for frozen
    /// instalments, the months deferred (0 included). Defaults stay unwritten.
    pub fn of_pick(p: &Pick) -> Self {
        let q = &p.params;
        let months = match p.kind {
            ProposalKind::PenaltyWaiver => q.catch_up_months,
            ProposalKind::PaymentHoliday => q.holiday_months,
            ProposalKind::Contract | ProposalKind::Settlement => None,
            _ => q.term_months,
        };
        Self {
            kind: p.kind,
            months,
            holiday_mode: q.holiday_mode.filter(|m| *m != HolidayMode::InterestOnly),
            holiday_maturity: q.holiday_maturity.filter(|m| *m != HolidayMaturity::Kept),
            deferred_months: (p.kind == ProposalKind::FrozenInstalments).then(|| q.deferred_months.unwrap_or(0)),
        }
    }

    /// Whether this choice names the plan's pick `p`: its months exactly
    /// (a choice without them means a card, never a pick), and its deferral
    /// when it gives one.
    pub fn names_pick(&self, p: &Pick) -> bool {
        let exact = Self::of_pick(p);
        self.kind == exact.kind
            && self.months == exact.months
            && (!self.is_holiday() || (self.mode(), self.maturity()) == (exact.mode(), exact.maturity()))
            && self.deferred_months.is_none_or(|d| exact.deferred_months == Some(d))
    }

    /// The choice naming `p` (what "use this proposal" on a card stores):
    /// months only where the kind lists several (extensions other than the
    /// shortest that fits), the holiday's mode and maturity when not the default.
    pub fn of(p: &Proposal) -> Self {
        let pinned = p.kind == ProposalKind::TermExtension && !p.params.shortest_fit;
        Self {
            kind: p.kind,
            months: if pinned { p.params.term_months } else { None },
            holiday_mode: p.params.holiday_mode.filter(|m| *m != HolidayMode::InterestOnly),
            holiday_maturity: p.params.holiday_maturity.filter(|m| *m != HolidayMaturity::Kept),
            deferred_months: None,
        }
    }

    pub fn is_holiday(&self) -> bool {
        self.kind == ProposalKind::PaymentHoliday
    }

    /// The months a hold asks for before its review: those given, else
    /// [`TOKEN_REVIEW_MONTHS`] (the field contract keeps them 3–12).
    pub fn hold_months(&self) -> u32 {
        self.months.unwrap_or(TOKEN_REVIEW_MONTHS)
    }

    /// The holiday mode in force: interest-only unless capitalised is chosen.
    pub fn mode(&self) -> HolidayMode {
        self.holiday_mode.unwrap_or(HolidayMode::InterestOnly)
    }

    /// The holiday maturity in force: kept unless extended is chosen.
    pub fn maturity(&self) -> HolidayMaturity {
        self.holiday_maturity.unwrap_or(HolidayMaturity::Kept)
    }

    /// The months a proposal of this kind is told apart by.
    pub fn months_of(p: &Proposal) -> Option<u32> {
        match p.kind {
            ProposalKind::PenaltyWaiver => p.params.catch_up_months,
            ProposalKind::PaymentHoliday => p.params.holiday_months,
            ProposalKind::Settlement => None,
            _ => p.params.term_months,
        }
    }

    /// `p` is of this kind and, for a holiday, of this mode and maturity.
    pub fn alike(&self, p: &Proposal) -> bool {
        p.kind == self.kind
            && (!self.is_holiday() || (p.params.holiday_mode == Some(self.mode()) && p.params.holiday_maturity == Some(self.maturity())))
    }

    /// Whether `p` is the proposal this choice names.
    pub fn matches(&self, p: &Proposal) -> bool {
        self.alike(p)
            && self.deferred_months.is_none_or(|d| p.params.deferred_months.unwrap_or(0) == d)
            && match self.months {
                Some(m) => Self::months_of(p) == Some(m),
                None => self.kind != ProposalKind::TermExtension || p.params.shortest_fit,
            }
    }

    /// Another kind: what told the old kind's proposals apart no longer applies.
    pub fn set_kind(&mut self, kind: ProposalKind) {
        if kind != self.kind {
            *self = Self::of_kind(kind);
        }
    }
}

/// What the borrower asks one lender for (`loans[].ask`): a proposal, the
/// date of its first payment, and one fallback. In the file the choice's
/// members stand beside the date: `{"kind", "months"?, "holiday_mode"?,
/// "holiday_maturity"?, "deferred_months"?, "first_payment_date", "fallback"?}`;
/// `first_payment_date` is required (a missing one is a problem at its
/// field), the fallback is a [`ProposalChoice`] other than the ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(into = "AskFile")]
pub struct Ask {
    pub choice: ProposalChoice,
    pub first_payment_date: Option<Date>,
    pub fallback: Option<ProposalChoice>,
}

/// The ask as the file spells it: the choice's members beside the date
/// (`scenario::read` reads it back).
#[derive(Clone, Copy, Serialize)]
struct AskFile {
    kind: ProposalKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    holiday_mode: Option<HolidayMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    holiday_maturity: Option<HolidayMaturity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deferred_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_payment_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fallback: Option<ProposalChoice>,
}

impl From<Ask> for AskFile {
    fn from(a: Ask) -> Self {
        let c = a.choice;
        Self {
            kind: c.kind,
            months: c.months,
            holiday_mode: c.holiday_mode,
            holiday_maturity: c.holiday_maturity,
            deferred_months: c.deferred_months,
            first_payment_date: a.first_payment_date,
            fallback: a.fallback,
        }
    }
}

impl Ask {
    /// An ask for `choice`, its first payment on `first` (the loan's next
    /// due date, typically).
    pub fn new(choice: ProposalChoice, first: Option<Date>) -> Self {
        Self { choice, first_payment_date: first, fallback: None }
    }

    /// A fallback that is not the ask itself: instalments, or an extension
    /// when the ask is instalments.
    pub fn default_fallback(&self) -> ProposalChoice {
        let kind = if self.choice.kind == ProposalKind::FrozenInstalments { ProposalKind::TermExtension } else { ProposalKind::FrozenInstalments };
        ProposalChoice::of_kind(kind)
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

/// How a contact took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    /// A call from the lender (or a collector) the borrower did not answer:
    /// the guideline's daily limit counts these (review w14 S2).
    PhoneMissed,
}

impl Channel {
    pub const ALL: [Self; 8] = [Self::AppChat, Self::PhoneIn, Self::PhoneOut, Self::Sms, Self::Letter, Self::Visit, Self::Email, Self::PhoneMissed];

    /// A call from the lender, answered or not.
    pub fn is_lenders_call(self) -> bool {
        matches!(self, Self::PhoneIn | Self::PhoneMissed)
    }
}

/// One contact with a lender (`contact_log[]`). `at`, `loan_id` (a loan of
/// the document) and `channel` are required; texts default empty, flags
/// false, no follow-up date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactEntry {
    pub at: DateTime,
    /// The loan (`loans[].id`) the contact was about.
    pub loan_id: String,
    pub channel: Channel,
    /// Who: department, name or staff number (部门/姓名/工号).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// Ticket or case number (工单号).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ticket: String,
    /// What was said.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// What the lender promised (and by when).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub promise: String,
    /// When to follow up if nothing happens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<Date>,
    /// The caller contacted family, friends, an employer or other third parties.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub third_party_contacted: bool,
    /// Threats, insults, or impersonating officials (police, courts, lawyers).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub threats: bool,
}

impl ContactEntry {
    /// The lender or a collector called the borrower, answered or not: her
    /// follow-ups do not count it as hers (review w15 R5).
    pub fn is_call_in(&self) -> bool {
        self.channel.is_lenders_call()
    }

    /// A contact about `loan_id` at `at`, nothing else recorded yet.
    pub fn new(at: DateTime, loan_id: impl Into<String>, channel: Channel) -> Self {
        Self {
            at,
            loan_id: loan_id.into(),
            channel,
            who: String::new(),
            ticket: String::new(),
            summary: String::new(),
            promise: String::new(),
            follow_up: None,
            third_party_contacted: false,
            threats: false,
        }
    }
}

// ------------------------------------------------ switches of the page

impl super::Scenario {
    /// Starts a hardship ([`Hardship::new`]) or drops it.
    pub fn set_hardship(&mut self, on: bool) {
        match (on, &self.hardship) {
            (true, None) => self.hardship = Some(Hardship::new()),
            (false, _) => self.hardship = None,
            (true, Some(_)) => {}
        }
    }
}

impl super::LoanEntry {
    /// Starts an ask (first payment on the next due date) or drops it: the
    /// shortest extension that fits, or a hold when `nothing_left` (review
    /// w14 R17: no instalment can be offered from nothing).
    pub fn set_ask(&mut self, on: bool, nothing_left: bool) {
        let kind = if nothing_left { ProposalKind::Hold } else { ProposalKind::TermExtension };
        self.ask = match (on, self.ask) {
            (true, Some(a)) => Some(a),
            (true, None) => Some(Ask::new(ProposalChoice::of_kind(kind), self.next_due_date)),
            (false, _) => None,
        };
    }
}

/// The months a hold may ask for: 3–12 (DOMAIN.md "When nothing is left over").
pub const HOLD_MONTHS: std::ops::RangeInclusive<u32> = TOKEN_REVIEW_MONTHS..=TOKEN_REVIEW_MAX_MONTHS;

impl Ask {
    /// Starts a fallback ([`Ask::default_fallback`]) or drops it.
    pub fn set_fallback(&mut self, on: bool) {
        self.fallback = match (on, self.fallback) {
            (true, Some(f)) => Some(f),
            (true, None) => Some(self.default_fallback()),
            (false, _) => None,
        };
    }
}

impl super::BudgetEntry {
    /// Nothing is left over for debts in any month: the flat amount and
    /// every forecast month's surplus are 0 or less.
    pub fn nothing_left(&self) -> bool {
        let b = self.budget();
        let months = self.forecast.map(|f| crate::engine::allocation::forecast_surplus(&b, &f));
        b.disposable() <= Decimal::ZERO && months.is_none_or(|m| m.iter().all(|d| *d <= Decimal::ZERO))
    }

    /// Starts expenses by category — today's `expenses` all under "other",
    /// so the total stays — or drops them (`expenses` keeps their sum).
    pub fn set_expense_items(&mut self, on: bool) {
        self.expense_items = match (on, self.expense_items) {
            (true, Some(items)) => Some(items),
            (true, None) => Some(ExpenseItems { other: self.expenses, ..ExpenseItems::default() }),
            (false, _) => None,
        };
    }

    /// Keeps the total `carried` while categories are typed: "other" holds
    /// what the others do not, never below 0 (review R19).
    pub fn carry_expenses(&mut self, carried: Decimal) {
        if let Some(items) = &mut self.expense_items {
            let rest = items.total() - items.other;
            items.other = (carried - rest).max(Decimal::ZERO);
            self.expenses = items.total();
        }
    }

    /// Sets one category; `expenses` follows as the sum.
    pub fn set_expense_item(&mut self, c: ExpenseCategory, amount: Decimal) {
        if let Some(items) = &mut self.expense_items {
            items.set(c, amount);
            self.expenses = items.total();
        }
    }
}

pub mod conduct;
pub mod figures;

#[cfg(test)]
mod tests;
