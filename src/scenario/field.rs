//! The field contract: every input of the scenario document, in one table.
//!
//! A [`Field`] knows where it lives in the JSON document (`loans[].principal`),
//! its element and test id on the page, how typed text is read (its [`Kind`]:
//! the forgiving rules of `crate::input`) and written back, the rule its value
//! follows, where the page shows it, whether it is personal data, and how to
//! get and set it in a [`Scenario`]. A fault anywhere — a file, a keystroke —
//! is a [`Problem`]: a field at a place ([`At`]) and a typed [`Rule`];
//! `crate::i18n` words it, once, in both languages.
//!
//! **Adding a field** is one place: its variant in [`Field`] (before the
//! last, or move [`Field::COUNT`]) and its row in [`SPECS`], here, after the
//! member in the document type; the compiler then asks for its label in
//! `crate::i18n` (a table of the same length). The negotiation kit's fields
//! come after the core document's, in the enum and in their own table
//! ([`kit`]), joined into [`SPECS`]. Checking, the page's inputs,
//! restoring a draft and exporting it pick the row up: nothing else lists
//! fields.
//!
//! Conventions: every money field follows one rule ([`Kind::Money`]): not
//! negative (or more than 0), at most [`MAX_AMOUNT`], whole fen. A place
//! has up to two indices, filled into the path's `[]` in order (a loan,
//! then an item inside it).

use super::kit::{Channel, DateTime, Evidence, HardshipReason};
use super::{LoanEntry, Scenario, MAX_LOANS, MAX_PREPAYMENTS};
use crate::engine::dates::Date;
use crate::engine::overdue::{MAX_OVERDUE_DAYS, MAX_PENALTY_MULTIPLIER};
use crate::engine::proposal::{LISTED_HOLIDAYS, MAX_HOLIDAY_MONTHS};
use crate::engine::{
    fen, DayBasis, DayCount, EngineError, HolidayMaturity, HolidayMode, Lender, Method, PayoffKind, PenaltyBase, PrepayEffect, Prepayment,
    ProposalKind, RateUnit, MAX_AMOUNT, MAX_MONTHS,
};
use crate::input::{self, InputError};
use rust_decimal::Decimal;

/// Every input the document has, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    DayCount,
    AsOf,
    Loans,
    LoanId,
    Lender,
    LoanName,
    Principal,
    RateValue,
    RateUnit,
    DayBasis,
    Method,
    Months,
    UpfrontFee,
    OverdueDays,
    OverduePrincipal,
    OverdueInterest,
    PenaltyMultiplier,
    PenaltyBase,
    PenaltyCompound,
    AppPayment,
    NextDueDate,
    PeriodStart,
    SettlementOffer,
    HolidayMonths,
    Prepayments,
    PrepaymentMonth,
    PrepaymentAmount,
    PrepaymentEffect,
    ExtraMonthly,
    PrepaymentFeePercent,
    TargetPayment,
    Income,
    Expenses,
    OtherObligations,
    BufferPercent,
    Forecast,
    ForecastMonth,
    /// Whether the forecast's year repeats (only with a forecast).
    ForecastRepeats,
    StrategyKind,
    StrategyOrder,
    StrategyOrderLoan,
    StrategyBudget,
    // The negotiation kit (`kit.rs`), in document order.
    ProfileName,
    ProfilePhone,
    ProfileCity,
    Hardship,
    HardshipReason,
    HardshipSince,
    HardshipDetails,
    HardshipTemporary,
    HardshipEvidence,
    ContractNo,
    Ask,
    AskKind,
    AskMonths,
    AskHolidayMode,
    AskHolidayMaturity,
    AskFirstPaymentDate,
    Fallback,
    FallbackKind,
    FallbackMonths,
    FallbackHolidayMode,
    FallbackHolidayMaturity,
    ExpenseItems,
    ExpenseHousing,
    ExpenseUtilities,
    ExpenseFood,
    ExpenseTransport,
    ExpenseChildren,
    ExpenseMedical,
    ExpenseInsurance,
    ExpenseCommunication,
    ExpenseOther,
    ContactLog,
    ContactAt,
    ContactLoanId,
    ContactChannel,
    ContactWho,
    ContactTicket,
    ContactSummary,
    ContactPromise,
    ContactFollowUp,
    ContactThirdParty,
    ContactThreats,
}

/// Which part of the document a field repeats over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Each {
    /// Once, at the top.
    Top,
    /// Once per loan (`loans[i]`).
    Loan,
    /// Once, in the budget.
    Budget,
    /// Once per forecast month (`budget.forecast[k]`), when there is a forecast.
    Month,
    /// Once per prepayment of each loan (`loans[i].prepayments[j]`).
    Prepayment,
    /// Once, in the payoff strategy.
    Strategy,
    /// Once per loan id of the custom order (`payoff_strategy.order[k]`).
    Order,
    /// Once, when there is a `hardship`.
    Hardship,
    /// Once per loan with an `ask` (`loans[i].ask`).
    Ask,
    /// Once per loan whose ask has a `fallback`.
    Fallback,
    /// Once, when there are `budget.expense_items`.
    Expense,
    /// Once per contact (`contact_log[i]`).
    Contact,
}

impl Each {
    /// Repeats over the loans (its place's first index is a loan).
    pub fn per_loan(self) -> bool {
        matches!(self, Self::Loan | Self::Prepayment | Self::Ask | Self::Fallback)
    }
}

/// Where the page shows a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Kept in the document, not shown as an input (set by the app or by a file).
    Hidden,
    /// Under the loans: settings for all of them.
    Settings,
    /// A loan card's main grid.
    Loan,
    /// A loan card's "overdue and penalty" section.
    Overdue,
    /// A loan card's "more" section.
    More,
    Budget,
    /// The 12-month income forecast: its switch, then its months.
    Forecast,
    /// A loan's prepayments and "what I can pay" (the road to debt-free).
    Prepay,
    /// The road to debt-free: the strategy picked, its order and budget.
    Road,
    /// The negotiation kit's section (profile, hardship, asks, expense
    /// categories, contact log), drawn by the page on its own.
    Kit,
}

/// How many months or days a count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Months,
    Days,
}

/// What a field holds, how typed text is read, and its own rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Money in ¥: not negative (more than 0 when `positive`), at most
    /// [`MAX_AMOUNT`], whole fen. `optional`: empty means "not given".
    Money { positive: bool, optional: bool },
    /// Money that may be negative (a month of loss): the same rule on its size.
    SignedMoney,
    /// A percentage or multiplier from 0 to `max` (`None`: a field rule caps it).
    Percent { max: Option<Decimal> },
    /// A whole number of months or days from `min` to `max`; `select`: the
    /// page offers each value rather than a text box.
    Count { unit: Unit, min: u32, max: u32, select: bool },
    Date { optional: bool },
    /// Free text, at most `max_chars` characters; control and bidirectional
    /// control characters are dropped as it is typed.
    Text { max_chars: usize },
    /// One of the listed values.
    Choice(&'static [Choice]),
    Flag,
    /// An identifier the app sets: not empty.
    Id,
    /// A list of at most `max` items.
    List { max: usize },
    /// A date and a time to the minute, `YYYY-MM-DDTHH:MM`.
    DateTime,
    /// Any of the listed values, each at most once (check boxes).
    Set(&'static [Choice]),
    /// A whole number from `min` to `max` that may be left out (empty text).
    OptionalCount { unit: Unit, min: u32, max: u32 },
}

/// A field's value, whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Money, percentages; `None`: not given.
    Number(Option<Decimal>),
    Count(u32),
    Date(Option<Date>),
    Text(String),
    Choice(Choice),
    Flag(bool),
    DateTime(DateTime),
    Set(Vec<Choice>),
    OptionalCount(Option<u32>),
}

/// A value picked from a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    DayCount(DayCount),
    Lender(Lender),
    RateUnit(RateUnit),
    DayBasis(DayBasis),
    Method(Method),
    PenaltyBase(PenaltyBase),
    PrepayEffect(PrepayEffect),
    Payoff(PayoffKind),
    HardshipReason(HardshipReason),
    Evidence(Evidence),
    ProposalKind(ProposalKind),
    HolidayMode(HolidayMode),
    HolidayMaturity(HolidayMaturity),
    Channel(Channel),
}

/// The rule a value breaks (or the reason its text could not be read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Empty where a value is needed.
    Required,
    NotANumber,
    NotWholeMonths,
    NotADate,
    /// A comma that may be a decimal comma (`0,04`): the page asks which.
    AmbiguousComma,
    Negative,
    /// Zero or less where more than 0 is needed.
    NotPositive,
    /// More than two decimals in money.
    NotInFen,
    /// Above the largest amount (or a number too large to read).
    TooLarge,
    /// Outside the field's range (see [`Kind::range`]).
    OutOfRange,
    TooLong,
    /// More items than the list allows.
    TooMany,
    /// A rate above 1000 % a year in the unit given.
    RateTooHigh,
    FeeNotBelowPrincipal,
    RequiredForActualDays,
    /// `period_start` not 1–366 days before `next_due_date`.
    FirstPeriodOutOfRange,
    UsedTwice,
    /// A prepayment month after the loan's last month.
    AfterLastMonth,
    /// The custom strategy without an order.
    RequiredForCustom,
    /// `budget.expenses` is not the sum of `budget.expense_items`.
    ExpensesDisagree,
    /// Given where it has no meaning (months of a settlement, a holiday's
    /// mode for another kind).
    NotApplicable,
    /// The fallback is the ask itself.
    SameAsAsk,
    /// A hold's months outside 3–12 ([`crate::scenario::kit::HOLD_MONTHS`]).
    HoldMonths,
    /// A loan id that no loan has (in the payoff order, in a contact).
    UnknownLoan,
    /// A contact's follow-up date before the contact itself (the page's
    /// form says so at the input; a document with one still reads).
    BeforeContact,
}

impl From<InputError> for Rule {
    fn from(e: InputError) -> Self {
        match e {
            InputError::Empty => Self::Required,
            InputError::NotANumber => Self::NotANumber,
            InputError::Negative => Self::Negative,
            InputError::TooPrecise => Self::NotInFen,
            InputError::TooLarge => Self::TooLarge,
            InputError::NotWholeMonths => Self::NotWholeMonths,
            InputError::NotADate => Self::NotADate,
            InputError::AmbiguousComma => Self::AmbiguousComma,
        }
    }
}

/// A place of a field: up to two indices (a loan, an item in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    pub field: Field,
    pub idx: [u16; 2],
}

/// A field at a place whose value breaks a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Problem {
    pub at: At,
    pub rule: Rule,
}

/// One row of the contract.
#[derive(Clone, Copy)]
pub struct Spec {
    pub field: Field,
    /// JSON path; each `[]` takes the next index of the place.
    pub path: &'static str,
    /// Element id and test id (a loan's fields are prefixed with its id).
    pub id: &'static str,
    pub each: Each,
    pub kind: Kind,
    pub group: Group,
    /// Personal data (names, contacts, free text) that a shared link may leave out.
    pub personal: bool,
    /// The value at a place; `None` when the place does not exist.
    pub get: fn(&Scenario, At) -> Option<Value>,
    /// Sets the value (ignored when the place or the value's kind does not fit).
    pub set: fn(&mut Scenario, At, Value),
    /// A rule that reads other fields too, checked after the kind's own.
    pub also: Option<fn(&Scenario, At) -> Option<Rule>>,
}

const LENDERS: &[Choice] = &[
    Choice::Lender(Lender::Mybank),
    Choice::Lender(Lender::Jiebei),
    Choice::Lender(Lender::Weilidai),
    Choice::Lender(Lender::BankCredit),
    Choice::Lender(Lender::CreditCard),
    Choice::Lender(Lender::Other),
];
const METHODS: &[Choice] = &[
    Choice::Method(Method::EqualInstallment),
    Choice::Method(Method::EqualPrincipal),
    Choice::Method(Method::InterestOnly),
    Choice::Method(Method::Bullet),
];
const RATE_UNITS: &[Choice] =
    &[Choice::RateUnit(RateUnit::DailyPercent), Choice::RateUnit(RateUnit::MonthlyPercent), Choice::RateUnit(RateUnit::AnnualPercent)];
const DAY_BASES: &[Choice] = &[Choice::DayBasis(DayBasis::D360), Choice::DayBasis(DayBasis::D365)];
const PENALTY_BASES: &[Choice] = &[Choice::PenaltyBase(PenaltyBase::Principal), Choice::PenaltyBase(PenaltyBase::PrincipalAndInterest)];
const DAY_COUNTS: &[Choice] = &[Choice::DayCount(DayCount::Thirty360), Choice::DayCount(DayCount::Actual)];
const EFFECTS: &[Choice] = &[Choice::PrepayEffect(PrepayEffect::ShortenTerm), Choice::PrepayEffect(PrepayEffect::LowerPayment)];
const PAYOFF_KINDS: &[Choice] = &[
    Choice::Payoff(PayoffKind::Avalanche),
    Choice::Payoff(PayoffKind::Snowball),
    Choice::Payoff(PayoffKind::ProRata),
    Choice::Payoff(PayoffKind::Custom),
];

const MONEY: Kind = Kind::Money { positive: false, optional: false };
const POSITIVE_MONEY: Kind = Kind::Money { positive: true, optional: false };
const OPTIONAL_POSITIVE_MONEY: Kind = Kind::Money { positive: true, optional: true };
const OPTIONAL_MONEY: Kind = Kind::Money { positive: false, optional: true };
const OPTIONAL_DATE: Kind = Kind::Date { optional: true };
/// Longest loan label kept, in characters.
pub const MAX_LABEL_CHARS: usize = 80;

/// Two tables as one, in a constant: the core document's rows, then the kit's.
pub const fn join<T: Copy, const A: usize, const B: usize, const N: usize>(a: [T; A], b: [T; B]) -> [T; N] {
    assert!(A + B == N && A > 0);
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < A { a[i] } else { b[i - A] };
        i += 1;
    }
    out
}

fn loan(s: &Scenario, at: At) -> Option<&LoanEntry> {
    s.loans.get(at.idx[0] as usize)
}

fn loan_mut(s: &mut Scenario, at: At) -> Option<&mut LoanEntry> {
    s.loans.get_mut(at.idx[0] as usize)
}

fn prepayment(s: &Scenario, at: At) -> Option<&Prepayment> {
    loan(s, at)?.prepayments.get(at.idx[1] as usize)
}

fn prepayment_mut(s: &mut Scenario, at: At) -> Option<&mut Prepayment> {
    loan_mut(s, at)?.prepayments.get_mut(at.idx[1] as usize)
}

fn order(s: &Scenario) -> &[String] {
    s.payoff_strategy.as_ref().map_or(&[], |p| &p.order)
}

fn count(n: usize) -> Option<Value> {
    Some(Value::Count(n.try_into().unwrap_or(u32::MAX)))
}

fn number(d: Decimal) -> Option<Value> {
    Some(Value::Number(Some(d)))
}

fn no_set(_: &mut Scenario, _: At, _: Value) {}

/// The contract, one row per [`Field`], in the enum's order: the core
/// document's rows, then the negotiation kit's ([`kit::SPECS`]).
pub const SPECS: [Spec; Field::COUNT] = join(CORE_SPECS, kit::SPECS);

/// Rows of the fields up to [`Field::StrategyBudget`] (the core document and the road to debt-free).
pub const CORE_COUNT: usize = Field::StrategyBudget as usize + 1;

const CORE_SPECS: [Spec; CORE_COUNT] = [
    Spec {
        field: Field::DayCount, path: "day_count", id: "day-count", each: Each::Top, kind: Kind::Choice(DAY_COUNTS),
        group: Group::Settings, personal: false,
        get: |s, _| Some(Value::Choice(Choice::DayCount(s.day_count))),
        set: |s, _, v| if let Value::Choice(Choice::DayCount(d)) = v { s.day_count = d },
        also: None,
    },
    Spec {
        field: Field::AsOf, path: "as_of", id: "as-of", each: Each::Top, kind: OPTIONAL_DATE, group: Group::Hidden, personal: false,
        get: |s, _| Some(Value::Date(s.as_of)),
        set: |s, _, v| if let Value::Date(d) = v { s.as_of = d },
        also: None,
    },
    Spec {
        field: Field::Loans, path: "loans", id: "loans", each: Each::Top, kind: Kind::List { max: MAX_LOANS },
        group: Group::Hidden, personal: false,
        get: |s, _| Some(Value::Count(s.loans.len().try_into().unwrap_or(u32::MAX))),
        set: no_set,
        also: None,
    },
    Spec {
        field: Field::LoanId, path: "loans[].id", id: "id", each: Each::Loan, kind: Kind::Id, group: Group::Hidden, personal: false,
        get: |s, at| Some(Value::Text(loan(s, at)?.id.clone())),
        set: |s, at, v| if let (Some(l), Value::Text(t)) = (loan_mut(s, at), v) { l.id = t },
        also: Some(|s, at| {
            let i = at.idx[0] as usize;
            let id = &loan(s, at)?.id;
            s.loans[..i.min(s.loans.len())].iter().any(|o| o.id == *id).then_some(Rule::UsedTwice)
        }),
    },
    Spec {
        field: Field::Lender, path: "loans[].lender", id: "lender", each: Each::Loan, kind: Kind::Choice(LENDERS),
        group: Group::Loan, personal: false,
        get: |s, at| Some(Value::Choice(Choice::Lender(loan(s, at)?.lender))),
        set: |s, at, v| if let (Some(l), Value::Choice(Choice::Lender(x))) = (loan_mut(s, at), v) { l.switch_lender(x) },
        also: None,
    },
    Spec {
        // In "more": a bank's or a card's letters need the institution's
        // name (review F7: "致：信用卡 客户服务…", "________" for other).
        field: Field::LoanName, path: "loans[].name", id: "name", each: Each::Loan, kind: Kind::Text { max_chars: MAX_LABEL_CHARS },
        group: Group::More, personal: true,
        get: |s, at| Some(Value::Text(loan(s, at)?.name.clone())),
        set: |s, at, v| if let (Some(l), Value::Text(t)) = (loan_mut(s, at), v) { l.name = t },
        also: None,
    },
    Spec {
        field: Field::Principal, path: "loans[].principal", id: "principal", each: Each::Loan, kind: POSITIVE_MONEY,
        group: Group::Loan, personal: false,
        get: |s, at| number(loan(s, at)?.principal),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.principal = d },
        also: None,
    },
    Spec {
        field: Field::RateValue, path: "loans[].rate.value", id: "rate", each: Each::Loan, kind: Kind::Percent { max: None },
        group: Group::Loan, personal: false,
        get: |s, at| number(loan(s, at)?.rate.value),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.rate.value = d },
        also: Some(|s, at| (loan(s, at)?.rate.quoted().validate() == Err(EngineError::RateTooHigh)).then_some(Rule::RateTooHigh)),
    },
    Spec {
        field: Field::RateUnit, path: "loans[].rate.unit", id: "rate-unit", each: Each::Loan, kind: Kind::Choice(RATE_UNITS),
        group: Group::Loan, personal: false,
        get: |s, at| Some(Value::Choice(Choice::RateUnit(loan(s, at)?.rate.unit))),
        set: |s, at, v| if let (Some(l), Value::Choice(Choice::RateUnit(u))) = (loan_mut(s, at), v) { l.rate.unit = u },
        also: None,
    },
    Spec {
        field: Field::DayBasis, path: "loans[].rate.day_basis", id: "day-basis", each: Each::Loan, kind: Kind::Choice(DAY_BASES),
        group: Group::Loan, personal: false,
        get: |s, at| Some(Value::Choice(Choice::DayBasis(loan(s, at)?.rate.day_basis))),
        set: |s, at, v| if let (Some(l), Value::Choice(Choice::DayBasis(b))) = (loan_mut(s, at), v) { l.rate.day_basis = b },
        also: None,
    },
    Spec {
        field: Field::Method, path: "loans[].method", id: "method", each: Each::Loan, kind: Kind::Choice(METHODS),
        group: Group::Loan, personal: false,
        get: |s, at| Some(Value::Choice(Choice::Method(loan(s, at)?.method))),
        set: |s, at, v| if let (Some(l), Value::Choice(Choice::Method(m))) = (loan_mut(s, at), v) { l.method = m },
        also: None,
    },
    Spec {
        field: Field::Months, path: "loans[].months", id: "months", each: Each::Loan,
        kind: Kind::Count { unit: Unit::Months, min: 1, max: MAX_MONTHS, select: false }, group: Group::Loan, personal: false,
        get: |s, at| Some(Value::Count(loan(s, at)?.months)),
        set: |s, at, v| if let (Some(l), Value::Count(n)) = (loan_mut(s, at), v) { l.months = n },
        also: None,
    },
    Spec {
        field: Field::UpfrontFee, path: "loans[].upfront_fee", id: "upfront-fee", each: Each::Loan, kind: MONEY,
        group: Group::Loan, personal: false,
        get: |s, at| number(loan(s, at)?.upfront_fee),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.upfront_fee = d },
        also: Some(|s, at| {
            let l = loan(s, at)?;
            (l.upfront_fee >= l.principal && l.principal > Decimal::ZERO).then_some(Rule::FeeNotBelowPrincipal)
        }),
    },
    Spec {
        field: Field::OverdueDays, path: "loans[].overdue.days", id: "overdue-days", each: Each::Loan,
        kind: Kind::Count { unit: Unit::Days, min: 0, max: MAX_OVERDUE_DAYS, select: false }, group: Group::Overdue, personal: false,
        get: |s, at| Some(Value::Count(loan(s, at)?.overdue.unwrap_or_default().days)),
        set: |s, at, v| if let (Some(l), Value::Count(n)) = (loan_mut(s, at), v) { l.edit_overdue(|o| o.days = n) },
        also: None,
    },
    Spec {
        field: Field::OverduePrincipal, path: "loans[].overdue.principal", id: "overdue-principal", each: Each::Loan, kind: MONEY,
        group: Group::Overdue, personal: false,
        get: |s, at| number(loan(s, at)?.overdue.unwrap_or_default().principal),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.edit_overdue(|o| o.principal = d) },
        also: None,
    },
    Spec {
        field: Field::OverdueInterest, path: "loans[].overdue.interest", id: "overdue-interest", each: Each::Loan, kind: MONEY,
        group: Group::Overdue, personal: false,
        get: |s, at| number(loan(s, at)?.overdue.unwrap_or_default().interest),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.edit_overdue(|o| o.interest = d) },
        also: None,
    },
    Spec {
        field: Field::PenaltyMultiplier, path: "loans[].penalty.multiplier", id: "penalty-multiplier", each: Each::Loan,
        kind: Kind::Percent { max: Some(MAX_PENALTY_MULTIPLIER) }, group: Group::Overdue, personal: false,
        get: |s, at| number(loan(s, at)?.penalty_rule().multiplier),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.edit_penalty(|p| p.multiplier = d) },
        also: None,
    },
    Spec {
        field: Field::PenaltyBase, path: "loans[].penalty.base", id: "penalty-base", each: Each::Loan, kind: Kind::Choice(PENALTY_BASES),
        group: Group::Overdue, personal: false,
        get: |s, at| Some(Value::Choice(Choice::PenaltyBase(loan(s, at)?.penalty_rule().base))),
        set: |s, at, v| if let (Some(l), Value::Choice(Choice::PenaltyBase(b))) = (loan_mut(s, at), v) { l.edit_penalty(|p| p.base = b) },
        also: None,
    },
    Spec {
        field: Field::PenaltyCompound, path: "loans[].penalty.compound", id: "penalty-compound", each: Each::Loan, kind: Kind::Flag,
        group: Group::Overdue, personal: false,
        get: |s, at| Some(Value::Flag(loan(s, at)?.penalty_rule().compound)),
        set: |s, at, v| if let (Some(l), Value::Flag(c)) = (loan_mut(s, at), v) { l.edit_penalty(|p| p.compound = c) },
        also: None,
    },
    Spec {
        field: Field::AppPayment, path: "loans[].app_payment", id: "app-payment", each: Each::Loan, kind: OPTIONAL_POSITIVE_MONEY,
        group: Group::More, personal: false,
        get: |s, at| Some(Value::Number(loan(s, at)?.app_payment)),
        set: |s, at, v| if let (Some(l), Value::Number(d)) = (loan_mut(s, at), v) { l.app_payment = d },
        also: None,
    },
    Spec {
        field: Field::NextDueDate, path: "loans[].next_due_date", id: "next-due-date", each: Each::Loan, kind: OPTIONAL_DATE,
        group: Group::More, personal: false,
        get: |s, at| Some(Value::Date(loan(s, at)?.next_due_date)),
        set: |s, at, v| if let (Some(l), Value::Date(d)) = (loan_mut(s, at), v) { l.next_due_date = d },
        also: Some(|s, at| {
            (s.day_count == DayCount::Actual && loan(s, at)?.next_due_date.is_none()).then_some(Rule::RequiredForActualDays)
        }),
    },
    Spec {
        field: Field::PeriodStart, path: "loans[].period_start", id: "period-start", each: Each::Loan, kind: OPTIONAL_DATE,
        group: Group::More, personal: false,
        get: |s, at| Some(Value::Date(loan(s, at)?.period_start)),
        set: |s, at, v| if let (Some(l), Value::Date(d)) = (loan_mut(s, at), v) { l.period_start = d },
        // A first period of 1 day to a year, ending at the next due date.
        also: Some(|s, at| {
            let l = loan(s, at)?;
            let days = l.period_start?.days_until(l.next_due_date?);
            (!(1..=super::MAX_FIRST_PERIOD_DAYS).contains(&days)).then_some(Rule::FirstPeriodOutOfRange)
        }),
    },
    Spec {
        field: Field::SettlementOffer, path: "loans[].settlement_offer", id: "settlement-offer", each: Each::Loan,
        kind: OPTIONAL_POSITIVE_MONEY, group: Group::More, personal: false,
        get: |s, at| Some(Value::Number(loan(s, at)?.settlement_offer)),
        set: |s, at, v| if let (Some(l), Value::Number(d)) = (loan_mut(s, at), v) { l.settlement_offer = d },
        also: None,
    },
    Spec {
        field: Field::HolidayMonths, path: "loans[].holiday_months", id: "holiday-months", each: Each::Loan,
        kind: Kind::Count { unit: Unit::Months, min: 1, max: MAX_HOLIDAY_MONTHS, select: true }, group: Group::More, personal: false,
        get: |s, at| Some(Value::Count(loan(s, at)?.holiday_months.unwrap_or(LISTED_HOLIDAYS[0]))),
        set: |s, at, v| {
            if let (Some(l), Value::Count(n)) = (loan_mut(s, at), v) {
                // The default is not written: the file stays minimal.
                l.holiday_months = Some(n).filter(|n| *n != LISTED_HOLIDAYS[0]);
            }
        },
        also: None,
    },
    Spec {
        field: Field::Prepayments, path: "loans[].prepayments", id: "prepayments", each: Each::Loan,
        kind: Kind::List { max: MAX_PREPAYMENTS }, group: Group::Prepay, personal: false,
        get: |s, at| count(loan(s, at)?.prepayments.len()),
        set: no_set,
        also: None,
    },
    Spec {
        field: Field::PrepaymentMonth, path: "loans[].prepayments[].month", id: "prepayment-month", each: Each::Prepayment,
        kind: Kind::Count { unit: Unit::Months, min: 1, max: MAX_MONTHS, select: false }, group: Group::Prepay, personal: false,
        get: |s, at| Some(Value::Count(prepayment(s, at)?.month)),
        set: |s, at, v| if let (Some(p), Value::Count(n)) = (prepayment_mut(s, at), v) { p.month = n },
        also: Some(|s, at| (prepayment(s, at)?.month > loan(s, at)?.months).then_some(Rule::AfterLastMonth)),
    },
    Spec {
        field: Field::PrepaymentAmount, path: "loans[].prepayments[].amount", id: "prepayment-amount", each: Each::Prepayment,
        kind: POSITIVE_MONEY, group: Group::Prepay, personal: false,
        get: |s, at| number(prepayment(s, at)?.amount),
        set: |s, at, v| if let (Some(p), Value::Number(Some(d))) = (prepayment_mut(s, at), v) { p.amount = d },
        also: None,
    },
    Spec {
        field: Field::PrepaymentEffect, path: "loans[].prepayments[].effect", id: "prepayment-effect", each: Each::Prepayment,
        kind: Kind::Choice(EFFECTS), group: Group::Prepay, personal: false,
        get: |s, at| Some(Value::Choice(Choice::PrepayEffect(prepayment(s, at)?.effect))),
        set: |s, at, v| if let (Some(p), Value::Choice(Choice::PrepayEffect(e))) = (prepayment_mut(s, at), v) { p.effect = e },
        also: None,
    },
    Spec {
        field: Field::ExtraMonthly, path: "loans[].extra_monthly", id: "extra-monthly", each: Each::Loan, kind: OPTIONAL_MONEY,
        group: Group::Prepay, personal: false,
        get: |s, at| Some(Value::Number(loan(s, at)?.extra_monthly)),
        set: |s, at, v| if let (Some(l), Value::Number(d)) = (loan_mut(s, at), v) { l.extra_monthly = d },
        also: None,
    },
    Spec {
        field: Field::PrepaymentFeePercent, path: "loans[].prepayment_fee_percent", id: "prepayment-fee-percent", each: Each::Loan,
        kind: Kind::Percent { max: Some(Decimal::ONE_HUNDRED) }, group: Group::Prepay, personal: false,
        get: |s, at| number(loan(s, at)?.prepayment_fee_percent),
        set: |s, at, v| if let (Some(l), Value::Number(Some(d))) = (loan_mut(s, at), v) { l.prepayment_fee_percent = d },
        also: None,
    },
    Spec {
        field: Field::TargetPayment, path: "loans[].target_payment", id: "target-payment", each: Each::Loan,
        kind: OPTIONAL_POSITIVE_MONEY, group: Group::Prepay, personal: false,
        get: |s, at| Some(Value::Number(loan(s, at)?.target_payment)),
        set: |s, at, v| if let (Some(l), Value::Number(d)) = (loan_mut(s, at), v) { l.target_payment = d },
        also: None,
    },
    Spec {
        field: Field::Income, path: "budget.income", id: "income", each: Each::Budget, kind: MONEY, group: Group::Budget, personal: false,
        get: |s, _| number(s.budget.income),
        set: |s, _, v| if let Value::Number(Some(d)) = v { s.budget.income = d },
        also: None,
    },
    Spec {
        field: Field::Expenses, path: "budget.expenses", id: "expenses", each: Each::Budget, kind: MONEY, group: Group::Budget,
        personal: false,
        get: |s, _| number(s.budget.expenses),
        set: |s, _, v| if let Value::Number(Some(d)) = v { s.budget.expenses = d },
        also: Some(|s, _| (s.budget.expense_items?.total() != s.budget.expenses).then_some(Rule::ExpensesDisagree)),
    },
    Spec {
        field: Field::OtherObligations, path: "budget.other_obligations", id: "other-obligations", each: Each::Budget, kind: MONEY,
        group: Group::Budget, personal: false,
        get: |s, _| number(s.budget.other_obligations),
        set: |s, _, v| if let Value::Number(Some(d)) = v { s.budget.other_obligations = d },
        also: None,
    },
    Spec {
        field: Field::BufferPercent, path: "budget.buffer_percent", id: "buffer-percent", each: Each::Budget,
        kind: Kind::Percent { max: Some(Decimal::ONE_HUNDRED) }, group: Group::Budget, personal: false,
        get: |s, _| number(s.budget.buffer_percent),
        set: |s, _, v| if let Value::Number(Some(d)) = v { s.budget.buffer_percent = d },
        also: None,
    },
    Spec {
        field: Field::Forecast, path: "budget.forecast", id: "use-forecast", each: Each::Budget, kind: Kind::Flag,
        group: Group::Forecast, personal: false,
        get: |s, _| Some(Value::Flag(s.budget.forecast.is_some())),
        set: |s, _, v| if let Value::Flag(on) = v { s.budget.set_forecast(on) },
        also: None,
    },
    Spec {
        field: Field::ForecastMonth, path: "budget.forecast[]", id: "forecast", each: Each::Month, kind: Kind::SignedMoney,
        group: Group::Forecast, personal: false,
        get: |s, at| number(*s.budget.forecast.as_ref()?.get(at.idx[0] as usize)?),
        set: |s, at, v| {
            if let (Some(f), Value::Number(Some(d))) = (s.budget.forecast.as_mut(), v) {
                if let Some(m) = f.get_mut(at.idx[0] as usize) {
                    *m = d;
                }
            }
        },
        also: None,
    },
    Spec {
        field: Field::ForecastRepeats, path: "budget.forecast_repeats", id: "forecast-repeats", each: Each::Budget, kind: Kind::Flag,
        group: Group::Forecast, personal: false,
        get: |s, _| s.budget.forecast.map(|_| Value::Flag(s.budget.forecast_repeats)),
        set: |s, _, v| if let Value::Flag(on) = v { s.budget.forecast_repeats = on && s.budget.forecast.is_some() },
        also: None,
    },
    Spec {
        field: Field::StrategyKind, path: "payoff_strategy.kind", id: "payoff-kind", each: Each::Strategy, kind: Kind::Choice(PAYOFF_KINDS),
        group: Group::Road, personal: false,
        get: |s, _| Some(Value::Choice(Choice::Payoff(s.payoff_kind()))),
        set: |s, _, v| if let Value::Choice(Choice::Payoff(k)) = v { s.edit_payoff(|p| p.kind = k) },
        also: None,
    },
    Spec {
        field: Field::StrategyOrder, path: "payoff_strategy.order", id: "payoff-order", each: Each::Strategy,
        kind: Kind::List { max: MAX_LOANS }, group: Group::Road, personal: false,
        get: |s, _| count(order(s).len()),
        set: no_set,
        also: Some(|s, _| (s.payoff_kind() == PayoffKind::Custom && order(s).is_empty()).then_some(Rule::RequiredForCustom)),
    },
    Spec {
        field: Field::StrategyOrderLoan, path: "payoff_strategy.order[]", id: "payoff-order-loan", each: Each::Order, kind: Kind::Id,
        group: Group::Road, personal: false,
        get: |s, at| Some(Value::Text(order(s).get(at.idx[0] as usize)?.clone())),
        set: |s, at, v| {
            if let (Some(p), Value::Text(t)) = (s.payoff_strategy.as_mut(), v) {
                if let Some(id) = p.order.get_mut(at.idx[0] as usize) {
                    *id = t;
                }
            }
        },
        // Each id names a loan, once.
        also: Some(|s, at| {
            let k = at.idx[0] as usize;
            let id = order(s).get(k)?;
            if !s.loans.iter().any(|l| l.id == *id) {
                return Some(Rule::UnknownLoan);
            }
            order(s)[..k].contains(id).then_some(Rule::UsedTwice)
        }),
    },
    Spec {
        field: Field::StrategyBudget, path: "payoff_strategy.monthly_budget", id: "payoff-budget", each: Each::Strategy,
        kind: OPTIONAL_MONEY, group: Group::Road, personal: false,
        get: |s, _| Some(Value::Number(s.payoff_strategy.as_ref().and_then(|p| p.monthly_budget))),
        set: |s, _, v| if let Value::Number(d) = v { s.edit_payoff(|p| p.monthly_budget = d) },
        also: None,
    },
];

impl Field {
    /// How many fields there are (the tables below and in `crate::i18n` have one row each).
    pub const COUNT: usize = Field::ContactThreats as usize + 1;

    /// Every field, in document order.
    pub const ALL: [Field; Field::COUNT] = {
        let mut all = [Field::DayCount; Field::COUNT];
        let mut i = 0;
        while i < Field::COUNT {
            all[i] = SPECS[i].field;
            i += 1;
        }
        all
    };

    pub fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    pub fn kind(self) -> Kind {
        self.spec().kind
    }

    pub fn group(self) -> Group {
        self.spec().group
    }

    pub fn is_personal(self) -> bool {
        self.spec().personal
    }

    /// Shares a grid cell with the field before it (a rate and its unit).
    pub fn pairs_with_previous(self) -> bool {
        self == Field::RateUnit
    }

    /// The fields a part of the page shows, in order.
    pub fn in_group(group: Group) -> impl Iterator<Item = Field> {
        Self::ALL.into_iter().filter(move |f| f.group() == group)
    }

    /// The place of this field in the loan (or list item) at `index`.
    pub fn at(self, index: usize) -> At {
        self.item(index, 0)
    }

    /// The place of this field in item `item` of the loan at `loan` (a prepayment).
    pub fn item(self, loan: usize, item: usize) -> At {
        let idx = |i: usize| i.try_into().unwrap_or(u16::MAX);
        At { field: self, idx: [idx(loan), idx(item)] }
    }

    /// The places this field has in `s` (a place whose part of the
    /// document is absent — no forecast, no ask — is none).
    pub fn places(self, s: &Scenario) -> impl Iterator<Item = At> + '_ {
        let each = self.spec().each;
        let n = match each {
            Each::Top | Each::Budget | Each::Strategy | Each::Hardship | Each::Expense => 1,
            Each::Loan | Each::Prepayment | Each::Ask | Each::Fallback => s.loans.len(),
            Each::Month => s.budget.forecast.map_or(0, |f| f.len()),
            Each::Order => order(s).len(),
            Each::Contact => s.contact_log.len(),
        };
        (0..n)
            .flat_map(move |i| {
                let items = if each == Each::Prepayment { s.loans[i].prepayments.len() } else { 1 };
                (0..items).map(move |j| if each == Each::Prepayment { self.item(i, j) } else { self.at(i) })
            })
            .filter(move |at| at.get(s).is_some())
    }
}

impl At {
    /// The JSON path: `loans[2].principal`.
    pub fn path(self) -> String {
        let mut out = String::new();
        let mut idx = self.idx.iter();
        for (i, part) in self.field.spec().path.split("[]").enumerate() {
            if i > 0 {
                out.push_str(&format!("[{}]", idx.next().copied().unwrap_or(0)));
            }
            out.push_str(part);
        }
        out
    }

    pub fn get(self, s: &Scenario) -> Option<Value> {
        (self.field.spec().get)(s, self)
    }

    /// Sets the value. Setting the value a field already has changes
    /// nothing (so `100000.00` keeps its two decimals, and an explicit
    /// default stays explicit): the document is only rewritten where it
    /// really changes.
    pub fn set(self, s: &mut Scenario, v: Value) {
        if self.get(s).as_ref() != Some(&v) {
            (self.field.spec().set)(s, self, v)
        }
    }

    /// The value's text, as an input shows it (empty when not given).
    pub fn text(self, s: &Scenario) -> String {
        self.get(s).map(|v| v.text()).unwrap_or_default()
    }

    /// Reads typed text and sets the value; the document is unchanged when
    /// the text cannot be read.
    pub fn set_text(self, s: &mut Scenario, text: &str) -> Result<(), Rule> {
        let r = self.read(s, text)?;
        self.set_reading(s, r);
        Ok(())
    }

    /// The first rule the value at this place breaks.
    pub fn check(self, s: &Scenario) -> Option<Rule> {
        let spec = self.field.spec();
        let v = self.get(s)?;
        spec.kind.check(&v).err().or_else(|| spec.also.and_then(|rule| rule(s, self)))
    }
}

impl Value {
    /// The text an input shows for this value.
    pub fn text(&self) -> String {
        match self {
            Self::Number(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            Self::Count(n) => n.to_string(),
            Self::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
            Self::Text(t) => t.clone(),
            Self::DateTime(t) => t.to_string(),
            Self::OptionalCount(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Self::Choice(_) | Self::Flag(_) | Self::Set(_) => String::new(),
        }
    }
}

/// Drops control and bidirectional control characters (U+202A–U+202E,
/// U+2066–U+2069, which can make a name display as something else); line
/// breaks and tabs become spaces (free text is one paragraph).
pub fn clean_text(raw: &str) -> String {
    raw.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            c if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') => None,
            c => Some(c),
        })
        .collect()
}

impl Kind {
    /// Reads typed text by the forgiving rules of `crate::input`.
    pub fn read(self, text: &str) -> Result<Value, Rule> {
        Ok(match self {
            Self::Money { optional: true, .. } => Value::Number(input::parse_optional_amount(text)?),
            Self::Money { .. } => Value::Number(Some(input::parse_amount(text)?)),
            Self::SignedMoney => Value::Number(Some(input::parse_signed_amount(text)?)),
            Self::Percent { .. } => Value::Number(Some(input::parse_percent(text)?)),
            Self::Count { unit: Unit::Months, .. } => Value::Count(input::parse_months(text)?),
            Self::Count { unit: Unit::Days, .. } => Value::Count(input::parse_days(text)?),
            Self::Date { optional } => match input::parse_optional_date(text)? {
                None if !optional => return Err(Rule::Required),
                d => Value::Date(d),
            },
            Self::Text { .. } | Self::Id => Value::Text(clean_text(text).trim().to_owned()),
            Self::DateTime => match text.trim() {
                "" => return Err(Rule::Required),
                t => Value::DateTime(DateTime::parse(t).ok_or(Rule::NotADate)?),
            },
            Self::OptionalCount { .. } if text.trim().is_empty() => Value::OptionalCount(None),
            Self::OptionalCount { unit: Unit::Months, .. } => Value::OptionalCount(Some(input::parse_months(text)?)),
            Self::OptionalCount { unit: Unit::Days, .. } => Value::OptionalCount(Some(input::parse_days(text)?)),
            Self::Choice(_) | Self::Flag | Self::List { .. } | Self::Set(_) => return Err(Rule::NotANumber),
        })
    }

    /// The kind's own rule.
    pub fn check(self, v: &Value) -> Result<(), Rule> {
        let fail = |broken: bool, rule: Rule| if broken { Err(rule) } else { Ok(()) };
        match (self, v) {
            (Self::Money { optional, .. }, Value::Number(None)) => fail(!optional, Rule::Required),
            (Self::Money { positive, .. }, Value::Number(Some(d))) => {
                fail(positive && *d <= Decimal::ZERO, Rule::NotPositive)?;
                fail(d.is_sign_negative() && !d.is_zero(), Rule::Negative)?;
                check_money_size(d.abs())
            }
            (Self::SignedMoney, Value::Number(Some(d))) => check_money_size(d.abs()),
            (Self::Percent { max }, Value::Number(Some(d))) => {
                fail(d.is_sign_negative() && !d.is_zero(), Rule::Negative)?;
                fail(max.is_some_and(|m| *d > m), Rule::OutOfRange)
            }
            (Self::Count { min, max, .. }, Value::Count(n)) => fail(*n < min || *n > max, Rule::OutOfRange),
            (Self::Date { optional }, Value::Date(d)) => fail(!optional && d.is_none(), Rule::Required),
            (Self::Text { max_chars }, Value::Text(t)) => fail(t.chars().count() > max_chars, Rule::TooLong),
            (Self::Id, Value::Text(t)) => fail(t.trim().is_empty(), Rule::Required),
            (Self::List { max }, Value::Count(n)) => fail(*n as usize > max, Rule::TooMany),
            (Self::Choice(options), Value::Choice(c)) => fail(!options.contains(c), Rule::OutOfRange),
            (Self::Flag, Value::Flag(_)) | (Self::DateTime, Value::DateTime(_)) | (Self::OptionalCount { .. }, Value::OptionalCount(None)) => Ok(()),
            (Self::OptionalCount { min, max, .. }, Value::OptionalCount(Some(n))) => fail(*n < min || *n > max, Rule::OutOfRange),
            (Self::Set(options), Value::Set(picked)) => {
                fail(picked.iter().enumerate().any(|(i, c)| picked[..i].contains(c)), Rule::UsedTwice)?;
                fail(picked.iter().any(|c| !options.contains(c)), Rule::OutOfRange)
            }
            _ => Err(Rule::NotANumber),
        }
    }

    /// The bounds [`Rule::OutOfRange`] refers to.
    pub fn range(self) -> Option<(Decimal, Decimal)> {
        match self {
            Self::Percent { max: Some(m) } => Some((Decimal::ZERO, m)),
            Self::Count { min, max, .. } | Self::OptionalCount { min, max, .. } => Some((min.into(), max.into())),
            _ => None,
        }
    }

    /// The options of a choice, or of a count shown as a list.
    pub fn options(self) -> Vec<Value> {
        match self {
            Self::Choice(options) | Self::Set(options) => options.iter().map(|c| Value::Choice(*c)).collect(),
            Self::Count { min, max, select: true, .. } => (min..=max).map(Value::Count).collect(),
            _ => Vec::new(),
        }
    }
}

/// The one money rule on an amount's size: at most [`MAX_AMOUNT`], whole fen.
fn check_money_size(abs: Decimal) -> Result<(), Rule> {
    if abs > MAX_AMOUNT {
        Err(Rule::TooLarge)
    } else if fen(abs) != abs {
        Err(Rule::NotInFen)
    } else {
        Ok(())
    }
}

impl Scenario {
    /// Every rule the document breaks, in document order: the top and the
    /// hardship, each loan in turn (with its ask, then its prepayments), the
    /// expense categories and the budget, the forecast months, the payoff
    /// strategy and its order, each contact. (A place whose part of the
    /// document is absent has no value, so nothing to check.)
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut scan = |at: At| {
            if let Some(rule) = at.check(self) {
                out.push(Problem { at, rule });
            }
        };
        let fields = |each: &'static [Each]| Field::ALL.into_iter().filter(move |f| each.contains(&f.spec().each));
        fields(&[Each::Top, Each::Hardship]).for_each(|f| scan(f.at(0)));
        for (i, l) in self.loans.iter().enumerate() {
            fields(&[Each::Loan, Each::Ask, Each::Fallback]).for_each(|f| scan(f.at(i)));
            for j in 0..l.prepayments.len() {
                fields(&[Each::Prepayment]).for_each(|f| scan(f.item(i, j)));
            }
        }
        // The categories before the budget's total: the cause before the consequence.
        fields(&[Each::Expense]).for_each(|f| scan(f.at(0)));
        fields(&[Each::Budget]).for_each(|f| scan(f.at(0)));
        Field::ForecastMonth.places(self).for_each(&mut scan);
        fields(&[Each::Strategy]).for_each(|f| f.places(self).for_each(&mut scan));
        fields(&[Each::Order]).for_each(|f| f.places(self).for_each(&mut scan));
        for i in 0..self.contact_log.len() {
            fields(&[Each::Contact]).for_each(|f| scan(f.at(i)));
        }
        out
    }
}

mod kit;
mod read;
pub use read::Reading;

#[cfg(test)]
pub(crate) mod tests;
