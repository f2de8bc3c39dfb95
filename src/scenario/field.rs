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
//! `crate::i18n` (a table of the same length). Checking, the page's inputs,
//! restoring a draft and exporting it pick the row up: nothing else lists
//! fields.
//!
//! Conventions: every money field follows one rule ([`Kind::Money`]): not
//! negative (or more than 0), at most [`MAX_AMOUNT`], whole fen. A place
//! has up to two indices, filled into the path's `[]` in order (a loan,
//! then an item inside it).

use super::{LoanEntry, Scenario, MAX_LOANS};
use crate::engine::dates::Date;
use crate::engine::overdue::{MAX_OVERDUE_DAYS, MAX_PENALTY_MULTIPLIER};
use crate::engine::proposal::{LISTED_HOLIDAYS, MAX_HOLIDAY_MONTHS};
use crate::engine::{fen, DayBasis, DayCount, EngineError, Lender, Method, PenaltyBase, RateUnit, MAX_AMOUNT, MAX_MONTHS};
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
    Income,
    Expenses,
    OtherObligations,
    BufferPercent,
    Forecast,
    ForecastMonth,
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

const MONEY: Kind = Kind::Money { positive: false, optional: false };
const POSITIVE_MONEY: Kind = Kind::Money { positive: true, optional: false };
const OPTIONAL_POSITIVE_MONEY: Kind = Kind::Money { positive: true, optional: true };
const OPTIONAL_DATE: Kind = Kind::Date { optional: true };
/// Longest loan label kept, in characters.
pub const MAX_LABEL_CHARS: usize = 80;

fn loan(s: &Scenario, at: At) -> Option<&LoanEntry> {
    s.loans.get(at.idx[0] as usize)
}

fn loan_mut(s: &mut Scenario, at: At) -> Option<&mut LoanEntry> {
    s.loans.get_mut(at.idx[0] as usize)
}

fn number(d: Decimal) -> Option<Value> {
    Some(Value::Number(Some(d)))
}

fn no_set(_: &mut Scenario, _: At, _: Value) {}

/// The contract, one row per [`Field`], in the enum's order.
pub const SPECS: [Spec; Field::COUNT] = [
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
        field: Field::LoanName, path: "loans[].name", id: "name", each: Each::Loan, kind: Kind::Text { max_chars: MAX_LABEL_CHARS },
        group: Group::Hidden, personal: true,
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
        also: None,
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
];

impl Field {
    /// How many fields there are (the tables below and in `crate::i18n` have one row each).
    pub const COUNT: usize = Field::ForecastMonth as usize + 1;

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
        At { field: self, idx: [index.try_into().unwrap_or(u16::MAX), 0] }
    }

    /// The places this field has in `s`.
    pub fn places(self, s: &Scenario) -> impl Iterator<Item = At> {
        let n = match self.spec().each {
            Each::Top | Each::Budget => 1,
            Each::Loan => s.loans.len(),
            Each::Month => s.budget.forecast.map_or(0, |f| f.len()),
        };
        (0..n).map(move |i| self.at(i))
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
            Self::Choice(_) | Self::Flag(_) => String::new(),
        }
    }
}

/// Drops control and bidirectional control characters (U+202A–U+202E,
/// U+2066–U+2069, which can make a name display as something else).
pub fn clean_text(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_control() && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')).collect()
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
            Self::Choice(_) | Self::Flag | Self::List { .. } => return Err(Rule::NotANumber),
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
            (Self::Flag, Value::Flag(_)) => Ok(()),
            _ => Err(Rule::NotANumber),
        }
    }

    /// The bounds [`Rule::OutOfRange`] refers to.
    pub fn range(self) -> Option<(Decimal, Decimal)> {
        match self {
            Self::Percent { max: Some(m) } => Some((Decimal::ZERO, m)),
            Self::Count { min, max, .. } => Some((min.into(), max.into())),
            _ => None,
        }
    }

    /// The options of a choice, or of a count shown as a list.
    pub fn options(self) -> Vec<Value> {
        match self {
            Self::Choice(options) => options.iter().map(|c| Value::Choice(*c)).collect(),
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
    /// Every rule the document breaks, in document order: the top, each
    /// loan in turn, the budget, the forecast months.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut scan = |at: At| {
            if let Some(rule) = at.check(self) {
                out.push(Problem { at, rule });
            }
        };
        let fields = |each: Each| Field::ALL.into_iter().filter(move |f| f.spec().each == each);
        fields(Each::Top).for_each(|f| f.places(self).for_each(&mut scan));
        for i in 0..self.loans.len() {
            fields(Each::Loan).for_each(|f| scan(f.at(i)));
        }
        fields(Each::Budget).for_each(|f| f.places(self).for_each(&mut scan));
        Field::ForecastMonth.places(self).for_each(&mut scan);
        out
    }
}

mod read;
pub use read::Reading;

#[cfg(test)]
pub(crate) mod tests;
