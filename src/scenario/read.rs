//! The scenario's typed reading: a current-version JSON document (after
//! [`crate::versioned::read_value`] and its migrations) becomes a
//! [`Scenario`], or the first wrong, missing or unknown field is named.
//!
//! One reader per type of the document, each listing its object's members
//! in declaration order ([`object`]); the defaults are the types' own
//! (`Default`, or what the module docs list). Values are only read here:
//! their rules are the field contract's ([`super::field`]), checked after.
//! Free text is cleaned as it is read ([`super::field::clean_text`]).
//! Enum names are the ones `Serialize` writes (tests check each table
//! against it).

use super::kit::{Ask, Channel, ContactEntry, DateTime, Evidence, ExpenseItems, Hardship, HardshipReason, Profile, ProposalChoice};
use super::{field::clean_text, BudgetEntry, LoanEntry, OverdueEntry, PayoffStrategyEntry, PenaltyEntry, RateEntry, Scenario, FORECAST_MONTHS};
use crate::engine::dates::{MAX_YEAR, MIN_YEAR};
use crate::engine::{
    decimal_str, Date, DayBasis, DayCount, HolidayMaturity, HolidayMode, Lender, Method, PayoffKind, PenaltyBase, PrepayEffect, Prepayment,
    ProposalKind, RateUnit,
};
use crate::versioned::fields::{boolean, items, object, opt, or, req, string, u32, At, Put, PutSome, Read, Variants};
use rust_decimal::Decimal;
use crate::versioned::json::Value;

/// The scenario in `doc` (a current-version document).
pub(super) fn scenario(doc: Value) -> Read<Scenario> {
    let mut s = Scenario {
        version: 0,
        day_count: DayCount::default(),
        as_of: None,
        loans: Vec::new(),
        budget: BudgetEntry::default(),
        payoff_strategy: None,
        profile: Profile::default(),
        hardship: None,
        contact_log: Vec::new(),
    };
    object(doc, &At::Root, "struct Scenario", &mut [
        req("version", &mut Put(&mut s.version, u32)),
        or("day_count", &mut Put(&mut s.day_count, |v, at| DAY_COUNTS.read(v, at))),
        opt("as_of", &mut PutSome(&mut s.as_of, date)),
        req("loans", &mut Put(&mut s.loans, |v, at| items(v, at, loan))),
        or("budget", &mut Put(&mut s.budget, budget)),
        opt("payoff_strategy", &mut PutSome(&mut s.payoff_strategy, payoff_strategy)),
        or("profile", &mut Put(&mut s.profile, profile)),
        opt("hardship", &mut PutSome(&mut s.hardship, hardship)),
        or("contact_log", &mut Put(&mut s.contact_log, |v, at| items(v, at, contact))),
    ])?;
    Ok(s)
}

fn loan(v: Value, at: &At) -> Read<LoanEntry> {
    let rate = RateEntry { value: Decimal::ZERO, unit: RateUnit::DailyPercent, day_basis: DayBasis::default() };
    let mut l = LoanEntry::with_terms(String::new(), Lender::default(), Decimal::ZERO, rate, Method::EqualInstallment, 0);
    object(v, at, "struct LoanEntry", &mut [
        req("id", &mut Put(&mut l.id, string)),
        or("lender", &mut Put(&mut l.lender, |v, at| LENDERS.read(v, at))),
        or("name", &mut Put(&mut l.name, string)),
        req("principal", &mut Put(&mut l.principal, decimal)),
        req("rate", &mut Put(&mut l.rate, rate_entry)),
        req("method", &mut Put(&mut l.method, |v, at| METHODS.read(v, at))),
        req("months", &mut Put(&mut l.months, u32)),
        or("upfront_fee", &mut Put(&mut l.upfront_fee, decimal)),
        opt("overdue", &mut PutSome(&mut l.overdue, overdue)),
        opt("penalty", &mut PutSome(&mut l.penalty, penalty)),
        opt("app_payment", &mut PutSome(&mut l.app_payment, decimal)),
        opt("next_due_date", &mut PutSome(&mut l.next_due_date, date)),
        opt("period_start", &mut PutSome(&mut l.period_start, date)),
        opt("settlement_offer", &mut PutSome(&mut l.settlement_offer, decimal)),
        opt("holiday_months", &mut PutSome(&mut l.holiday_months, u32)),
        or("prepayments", &mut Put(&mut l.prepayments, |v, at| items(v, at, prepayment))),
        opt("extra_monthly", &mut PutSome(&mut l.extra_monthly, decimal)),
        or("prepayment_fee_percent", &mut Put(&mut l.prepayment_fee_percent, decimal)),
        opt("target_payment", &mut PutSome(&mut l.target_payment, decimal)),
        or("contract_no", &mut Put(&mut l.contract_no, text)),
        opt("ask", &mut PutSome(&mut l.ask, ask)),
    ])?;
    Ok(l)
}

fn rate_entry(v: Value, at: &At) -> Read<RateEntry> {
    let mut r = RateEntry { value: Decimal::ZERO, unit: RateUnit::DailyPercent, day_basis: DayBasis::default() };
    object(v, at, "struct RateEntry", &mut [
        req("value", &mut Put(&mut r.value, decimal)),
        req("unit", &mut Put(&mut r.unit, |v, at| RATE_UNITS.read(v, at))),
        or("day_basis", &mut Put(&mut r.day_basis, day_basis)),
    ])?;
    Ok(r)
}

/// 360 or 365, as a number.
fn day_basis(v: Value, at: &At) -> Read<DayBasis> {
    match u32(v, at)? {
        360 => Ok(DayBasis::D360),
        365 => Ok(DayBasis::D365),
        other => Err(at.error(format!("day_basis must be 360 or 365, not {other}"))),
    }
}

fn overdue(v: Value, at: &At) -> Read<OverdueEntry> {
    let mut o = OverdueEntry::default();
    object(v, at, "struct OverdueEntry", &mut [
        or("days", &mut Put(&mut o.days, u32)),
        or("principal", &mut Put(&mut o.principal, decimal)),
        or("interest", &mut Put(&mut o.interest, decimal)),
    ])?;
    Ok(o)
}

fn penalty(v: Value, at: &At) -> Read<PenaltyEntry> {
    let mut p = PenaltyEntry { multiplier: Decimal::ZERO, compound: false, base: PenaltyBase::Principal };
    object(v, at, "struct PenaltyEntry", &mut [
        req("multiplier", &mut Put(&mut p.multiplier, decimal)),
        req("compound", &mut Put(&mut p.compound, boolean)),
        req("base", &mut Put(&mut p.base, |v, at| PENALTY_BASES.read(v, at))),
    ])?;
    Ok(p)
}

fn prepayment(v: Value, at: &At) -> Read<Prepayment> {
    let mut p = Prepayment { month: 0, amount: Decimal::ZERO, effect: PrepayEffect::ShortenTerm };
    object(v, at, "struct Prepayment", &mut [
        req("month", &mut Put(&mut p.month, u32)),
        req("amount", &mut Put(&mut p.amount, decimal)),
        req("effect", &mut Put(&mut p.effect, |v, at| PREPAY_EFFECTS.read(v, at))),
    ])?;
    Ok(p)
}

fn budget(v: Value, at: &At) -> Read<BudgetEntry> {
    let mut b = BudgetEntry::default();
    object(v, at, "struct BudgetEntry", &mut [
        or("income", &mut Put(&mut b.income, decimal)),
        or("expenses", &mut Put(&mut b.expenses, decimal)),
        or("other_obligations", &mut Put(&mut b.other_obligations, decimal)),
        or("buffer_percent", &mut Put(&mut b.buffer_percent, decimal)),
        opt("forecast", &mut PutSome(&mut b.forecast, forecast)),
        or("forecast_repeats", &mut Put(&mut b.forecast_repeats, boolean)),
        opt("expense_items", &mut PutSome(&mut b.expense_items, expense_items)),
    ])?;
    // The year repeats only a forecast there is.
    b.forecast_repeats &= b.forecast.is_some();
    Ok(b)
}

/// Exactly 12 monthly incomes.
fn forecast(v: Value, at: &At) -> Read<[Decimal; FORECAST_MONTHS]> {
    let months = items(v, at, decimal)?;
    let n = months.len();
    months.try_into().map_err(|_| at.error(format!("must hold exactly 12 monthly incomes, not {n}")))
}

fn expense_items(v: Value, at: &At) -> Read<ExpenseItems> {
    let mut e = ExpenseItems::default();
    object(v, at, "struct ExpenseItems", &mut [
        or("housing", &mut Put(&mut e.housing, decimal)),
        or("utilities", &mut Put(&mut e.utilities, decimal)),
        or("food", &mut Put(&mut e.food, decimal)),
        or("transport", &mut Put(&mut e.transport, decimal)),
        or("children", &mut Put(&mut e.children, decimal)),
        or("medical", &mut Put(&mut e.medical, decimal)),
        or("insurance", &mut Put(&mut e.insurance, decimal)),
        or("communication", &mut Put(&mut e.communication, decimal)),
        or("other", &mut Put(&mut e.other, decimal)),
    ])?;
    Ok(e)
}

fn payoff_strategy(v: Value, at: &At) -> Read<PayoffStrategyEntry> {
    let mut p = PayoffStrategyEntry { kind: PayoffKind::Avalanche, order: Vec::new(), monthly_budget: None };
    object(v, at, "struct PayoffStrategyEntry", &mut [
        req("kind", &mut Put(&mut p.kind, |v, at| PAYOFF_KINDS.read(v, at))),
        or("order", &mut Put(&mut p.order, |v, at| items(v, at, string))),
        opt("monthly_budget", &mut PutSome(&mut p.monthly_budget, decimal)),
    ])?;
    Ok(p)
}

fn profile(v: Value, at: &At) -> Read<Profile> {
    let mut p = Profile::default();
    object(v, at, "struct Profile", &mut [
        or("name", &mut Put(&mut p.name, text)),
        or("phone", &mut Put(&mut p.phone, text)),
        or("city", &mut Put(&mut p.city, text)),
    ])?;
    Ok(p)
}

fn hardship(v: Value, at: &At) -> Read<Hardship> {
    let mut h = Hardship { reason: HardshipReason::Other, since: None, details: String::new(), temporary: false, evidence: Vec::new() };
    object(v, at, "struct Hardship", &mut [
        req("reason", &mut Put(&mut h.reason, |v, at| HARDSHIP_REASONS.read(v, at))),
        opt("since", &mut PutSome(&mut h.since, date)),
        or("details", &mut Put(&mut h.details, text)),
        or("temporary", &mut Put(&mut h.temporary, boolean)),
        or("evidence", &mut Put(&mut h.evidence, |v, at| items(v, at, |v, at| EVIDENCE.read(v, at)))),
    ])?;
    Ok(h)
}

/// Reads `$v` as the object `$what`: the members of the proposal choice
/// `$c`, then any `$more` (an ask is a choice with a date and a fallback).
macro_rules! choice_object {
    ($v:expr, $at:expr, $what:expr, $c:expr $(, $more:expr)*) => {
        object($v, $at, $what, &mut [
            req("kind", &mut Put(&mut $c.kind, |v, at| PROPOSAL_KINDS.read(v, at))),
            opt("months", &mut PutSome(&mut $c.months, u32)),
            opt("holiday_mode", &mut PutSome(&mut $c.holiday_mode, |v, at| HOLIDAY_MODES.read(v, at))),
            opt("holiday_maturity", &mut PutSome(&mut $c.holiday_maturity, |v, at| HOLIDAY_MATURITIES.read(v, at))),
            opt("deferred_months", &mut PutSome(&mut $c.deferred_months, u32)),
            $($more),*
        ])
    };
}

fn no_choice() -> ProposalChoice {
    ProposalChoice { kind: ProposalKind::TermExtension, months: None, holiday_mode: None, holiday_maturity: None, deferred_months: None }
}

/// A loan's ask: the choice's members beside the date and the fallback.
fn ask(v: Value, at: &At) -> Read<Ask> {
    let (mut choice, mut first_payment_date, mut fallback) = (no_choice(), None, None);
    choice_object!(
        v,
        at,
        "struct AskFile",
        choice,
        opt("first_payment_date", &mut PutSome(&mut first_payment_date, date)),
        opt("fallback", &mut PutSome(&mut fallback, proposal_choice))
    )?;
    Ok(Ask { choice, first_payment_date, fallback })
}

fn proposal_choice(v: Value, at: &At) -> Read<ProposalChoice> {
    let mut c = no_choice();
    choice_object!(v, at, "struct ProposalChoice", c)?;
    Ok(c)
}

fn contact(v: Value, at: &At) -> Read<ContactEntry> {
    // A time has no stand-in value: once read, a missing one was reported.
    let mut when = None;
    let mut c = (String::new(), Channel::AppChat, String::new(), String::new(), String::new(), String::new(), None, false, false);
    object(v, at, "struct ContactEntry", &mut [
        req("at", &mut PutSome(&mut when, date_time)),
        req("loan_id", &mut Put(&mut c.0, text)),
        req("channel", &mut Put(&mut c.1, |v, at| CHANNELS.read(v, at))),
        or("who", &mut Put(&mut c.2, text)),
        or("ticket", &mut Put(&mut c.3, text)),
        or("summary", &mut Put(&mut c.4, text)),
        or("promise", &mut Put(&mut c.5, text)),
        opt("follow_up", &mut PutSome(&mut c.6, date)),
        or("third_party_contacted", &mut Put(&mut c.7, boolean)),
        or("threats", &mut Put(&mut c.8, boolean)),
    ])?;
    let Some(when) = when else { return Err(at.error("missing field `at`")) };
    let (loan_id, channel, who, ticket, summary, promise, follow_up, third_party_contacted, threats) = c;
    Ok(ContactEntry { at: when, loan_id, channel, who, ticket, summary, promise, follow_up, third_party_contacted, threats })
}

// ------------------------------------------------------------------ values

/// An exact decimal written as a plain string (`"100000.00"`).
fn decimal(v: Value, at: &At) -> Read<Decimal> {
    match v {
        Value::String(s) => decimal_str::parse_plain(&s).ok_or_else(|| at.error(format!("\"{s}\" is not a plain decimal number like \"100000.00\""))),
        other => Err(at.wrong_kind(&other, "a decimal number written as a string, like \"100000.00\"")),
    }
}

/// `"YYYY-MM-DD"`, a real day.
fn date(v: Value, at: &At) -> Read<Date> {
    let s = string(v, at)?;
    Date::parse(&s).ok_or_else(|| at.error(format!("\"{s}\" is not a date: write YYYY-MM-DD, a real day between {MIN_YEAR} and {MAX_YEAR}")))
}

/// `"YYYY-MM-DDTHH:MM"`.
fn date_time(v: Value, at: &At) -> Read<DateTime> {
    let s = string(v, at)?;
    DateTime::parse(&s).ok_or_else(|| at.error(format!("\"{s}\" is not a date and time: write YYYY-MM-DDTHH:MM")))
}

/// Free text, cleaned and trimmed as typed text is.
fn text(v: Value, at: &At) -> Read<String> {
    string(v, at).map(|s| clean_text(&s).trim().to_owned())
}

// ------------------------------------------------------------------- enums

pub(super) const DAY_COUNTS: Variants<DayCount> = Variants::new(&["30_360", "actual"], &[DayCount::Thirty360, DayCount::Actual]);
pub(super) const LENDERS: Variants<Lender> =
    Variants::new(&["mybank", "jiebei", "weilidai", "bank_credit", "credit_card", "other"], &Lender::ALL);
pub(super) const METHODS: Variants<Method> = Variants::new(&["equal_installment", "equal_principal", "interest_only", "bullet"], &Method::ALL);
pub(super) const RATE_UNITS: Variants<RateUnit> = Variants::new(
    &["daily_percent", "monthly_percent", "annual_percent"],
    &[RateUnit::DailyPercent, RateUnit::MonthlyPercent, RateUnit::AnnualPercent],
);
pub(super) const PENALTY_BASES: Variants<PenaltyBase> =
    Variants::new(&["principal", "principal_and_interest"], &[PenaltyBase::Principal, PenaltyBase::PrincipalAndInterest]);
pub(super) const PREPAY_EFFECTS: Variants<PrepayEffect> =
    Variants::new(&["shorten_term", "lower_payment"], &[PrepayEffect::ShortenTerm, PrepayEffect::LowerPayment]);
pub(super) const PAYOFF_KINDS: Variants<PayoffKind> = Variants::new(
    &["avalanche", "snowball", "pro_rata", "custom"],
    &[PayoffKind::Avalanche, PayoffKind::Snowball, PayoffKind::ProRata, PayoffKind::Custom],
);
pub(super) const PROPOSAL_KINDS: Variants<ProposalKind> = Variants::new(
    &["term_extension", "frozen_instalments", "penalty_waiver", "payment_holiday", "settlement", "cash_flow_plan", "contract", "hold"],
    &[
        ProposalKind::TermExtension,
        ProposalKind::FrozenInstalments,
        ProposalKind::PenaltyWaiver,
        ProposalKind::PaymentHoliday,
        ProposalKind::Settlement,
        ProposalKind::CashFlowPlan,
        ProposalKind::Contract,
        ProposalKind::Hold,
    ],
);
pub(super) const HOLIDAY_MODES: Variants<HolidayMode> =
    Variants::new(&["interest_only", "capitalised"], &[HolidayMode::InterestOnly, HolidayMode::Capitalised]);
pub(super) const HOLIDAY_MATURITIES: Variants<HolidayMaturity> =
    Variants::new(&["kept", "extended"], &[HolidayMaturity::Kept, HolidayMaturity::Extended]);
pub(super) const HARDSHIP_REASONS: Variants<HardshipReason> =
    Variants::new(&["job_loss", "income_drop", "business_loss", "illness", "family", "other"], &HardshipReason::ALL);
pub(super) const EVIDENCE: Variants<Evidence> = Variants::new(
    &["id_card", "contract", "income_proof", "bank_statements", "medical", "unemployment", "business_records", "credit_report", "other"],
    &Evidence::ALL,
);
pub(super) const CHANNELS: Variants<Channel> =
    Variants::new(&["app_chat", "phone_in", "phone_out", "sms", "letter", "visit", "email", "phone_missed"], &Channel::ALL);


#[cfg(test)]
pub(super) mod tests;
