//! The scenario's typed reading: a current-version JSON document (after
//! [`crate::versioned::read_value`] and its migrations) becomes a
//! [`Scenario`], or the first wrong, missing or unknown field is named.
//!
//! One reader per type of the document, each taking its object's keys in
//! declaration order ([`Fields`]); the defaults are the types' own
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
use crate::versioned::fields::{boolean, items, string, u32, At, Fields, Read, Variants};
use rust_decimal::Decimal;
use crate::versioned::json::Value;

/// The scenario in `doc` (a current-version document).
pub(super) fn scenario(doc: Value) -> Read<Scenario> {
    const KEYS: &[&str] = &["version", "day_count", "as_of", "loans", "budget", "payoff_strategy", "profile", "hardship", "contact_log"];
    let mut f = Fields::new(doc, &At::Root, "struct Scenario", KEYS)?;
    let scenario = Scenario {
        version: f.req("version", u32, 0),
        day_count: f.or("day_count", |v, at| DAY_COUNTS.read(v, at), DayCount::default()),
        as_of: f.opt("as_of", date),
        loans: f.req("loans", |v, at| items(v, at, loan), Vec::new()),
        budget: f.or("budget", budget, BudgetEntry::default()),
        payoff_strategy: f.opt("payoff_strategy", payoff_strategy),
        profile: f.or("profile", profile, Profile::default()),
        hardship: f.opt("hardship", hardship),
        contact_log: f.or("contact_log", |v, at| items(v, at, contact), Vec::new()),
    };
    f.done(scenario)
}

fn loan(v: Value, at: &At) -> Read<LoanEntry> {
    const KEYS: &[&str] = &[
        "id", "lender", "name", "principal", "rate", "method", "months", "upfront_fee", "overdue", "penalty", "app_payment", "next_due_date",
        "period_start", "settlement_offer", "holiday_months", "prepayments", "extra_monthly", "prepayment_fee_percent", "target_payment",
        "contract_no", "ask",
    ];
    let mut f = Fields::new(v, at, "struct LoanEntry", KEYS)?;
    let rate_stand_in = RateEntry { value: Decimal::ZERO, unit: RateUnit::DailyPercent, day_basis: DayBasis::default() };
    let loan = LoanEntry {
        id: f.req("id", string, String::new()),
        lender: f.or("lender", |v, at| LENDERS.read(v, at), Lender::default()),
        name: f.or("name", string, String::new()),
        principal: f.req("principal", decimal, Decimal::ZERO),
        rate: f.req("rate", rate, rate_stand_in),
        method: f.req("method", |v, at| METHODS.read(v, at), Method::EqualInstallment),
        months: f.req("months", u32, 0),
        upfront_fee: f.or("upfront_fee", decimal, Decimal::ZERO),
        overdue: f.opt("overdue", overdue),
        penalty: f.opt("penalty", penalty),
        app_payment: f.opt("app_payment", decimal),
        next_due_date: f.opt("next_due_date", date),
        period_start: f.opt("period_start", date),
        settlement_offer: f.opt("settlement_offer", decimal),
        holiday_months: f.opt("holiday_months", u32),
        prepayments: f.or("prepayments", |v, at| items(v, at, prepayment), Vec::new()),
        extra_monthly: f.opt("extra_monthly", decimal),
        prepayment_fee_percent: f.or("prepayment_fee_percent", decimal, Decimal::ZERO),
        target_payment: f.opt("target_payment", decimal),
        contract_no: f.or("contract_no", text, String::new()),
        ask: f.opt("ask", ask),
    };
    f.done(loan)
}

fn rate(v: Value, at: &At) -> Read<RateEntry> {
    let mut f = Fields::new(v, at, "struct RateEntry", &["value", "unit", "day_basis"])?;
    let rate = RateEntry {
        value: f.req("value", decimal, Decimal::ZERO),
        unit: f.req("unit", |v, at| RATE_UNITS.read(v, at), RateUnit::DailyPercent),
        day_basis: f.or("day_basis", day_basis, DayBasis::default()),
    };
    f.done(rate)
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
    let mut f = Fields::new(v, at, "struct OverdueEntry", &["days", "principal", "interest"])?;
    let d = OverdueEntry::default();
    let overdue = OverdueEntry {
        days: f.or("days", u32, d.days),
        principal: f.or("principal", decimal, d.principal),
        interest: f.or("interest", decimal, d.interest),
    };
    f.done(overdue)
}

fn penalty(v: Value, at: &At) -> Read<PenaltyEntry> {
    let mut f = Fields::new(v, at, "struct PenaltyEntry", &["multiplier", "compound", "base"])?;
    let penalty = PenaltyEntry {
        multiplier: f.req("multiplier", decimal, Decimal::ZERO),
        compound: f.req("compound", boolean, false),
        base: f.req("base", |v, at| PENALTY_BASES.read(v, at), PenaltyBase::Principal),
    };
    f.done(penalty)
}

fn prepayment(v: Value, at: &At) -> Read<Prepayment> {
    let mut f = Fields::new(v, at, "struct Prepayment", &["month", "amount", "effect"])?;
    let prepayment = Prepayment {
        month: f.req("month", u32, 0),
        amount: f.req("amount", decimal, Decimal::ZERO),
        effect: f.req("effect", |v, at| PREPAY_EFFECTS.read(v, at), PrepayEffect::ShortenTerm),
    };
    f.done(prepayment)
}

fn budget(v: Value, at: &At) -> Read<BudgetEntry> {
    const KEYS: &[&str] = &["income", "expenses", "other_obligations", "buffer_percent", "forecast", "expense_items"];
    let mut f = Fields::new(v, at, "struct BudgetEntry", KEYS)?;
    let d = BudgetEntry::default();
    let budget = BudgetEntry {
        income: f.or("income", decimal, d.income),
        expenses: f.or("expenses", decimal, d.expenses),
        other_obligations: f.or("other_obligations", decimal, d.other_obligations),
        buffer_percent: f.or("buffer_percent", decimal, d.buffer_percent),
        forecast: f.opt("forecast", forecast),
        expense_items: f.opt("expense_items", expense_items),
    };
    f.done(budget)
}

/// Exactly 12 monthly incomes.
fn forecast(v: Value, at: &At) -> Read<[Decimal; FORECAST_MONTHS]> {
    let months = items(v, at, decimal)?;
    let n = months.len();
    months.try_into().map_err(|_| at.error(format!("must hold exactly 12 monthly incomes, not {n}")))
}

fn expense_items(v: Value, at: &At) -> Read<ExpenseItems> {
    const KEYS: &[&str] = &["housing", "utilities", "food", "transport", "children", "medical", "insurance", "communication", "other"];
    let mut f = Fields::new(v, at, "struct ExpenseItems", KEYS)?;
    let mut items = ExpenseItems::default();
    for (key, slot) in KEYS.iter().zip([
        &mut items.housing,
        &mut items.utilities,
        &mut items.food,
        &mut items.transport,
        &mut items.children,
        &mut items.medical,
        &mut items.insurance,
        &mut items.communication,
        &mut items.other,
    ]) {
        *slot = f.or(key, decimal, *slot);
    }
    f.done(items)
}

fn payoff_strategy(v: Value, at: &At) -> Read<PayoffStrategyEntry> {
    let mut f = Fields::new(v, at, "struct PayoffStrategyEntry", &["kind", "order", "monthly_budget"])?;
    let strategy = PayoffStrategyEntry {
        kind: f.req("kind", |v, at| PAYOFF_KINDS.read(v, at), PayoffKind::Avalanche),
        order: f.or("order", |v, at| items(v, at, string), Vec::new()),
        monthly_budget: f.opt("monthly_budget", decimal),
    };
    f.done(strategy)
}

fn profile(v: Value, at: &At) -> Read<Profile> {
    let mut f = Fields::new(v, at, "struct Profile", &["name", "phone", "city"])?;
    let profile = Profile { name: f.or("name", text, String::new()), phone: f.or("phone", text, String::new()), city: f.or("city", text, String::new()) };
    f.done(profile)
}

fn hardship(v: Value, at: &At) -> Read<Hardship> {
    let mut f = Fields::new(v, at, "struct Hardship", &["reason", "since", "details", "temporary", "evidence"])?;
    let hardship = Hardship {
        reason: f.req("reason", |v, at| HARDSHIP_REASONS.read(v, at), HardshipReason::Other),
        since: f.opt("since", date),
        details: f.or("details", text, String::new()),
        temporary: f.or("temporary", boolean, false),
        evidence: f.or("evidence", |v, at| items(v, at, |v, at| EVIDENCE.read(v, at)), Vec::new()),
    };
    f.done(hardship)
}

/// A loan's ask: the choice's members beside the date and the fallback.
fn ask(v: Value, at: &At) -> Read<Ask> {
    const KEYS: &[&str] = &["kind", "months", "holiday_mode", "holiday_maturity", "deferred_months", "first_payment_date", "fallback"];
    let mut f = Fields::new(v, at, "struct AskFile", KEYS)?;
    let ask = Ask { choice: choice_of(&mut f), first_payment_date: f.opt("first_payment_date", date), fallback: f.opt("fallback", proposal_choice) };
    f.done(ask)
}

fn proposal_choice(v: Value, at: &At) -> Read<ProposalChoice> {
    const KEYS: &[&str] = &["kind", "months", "holiday_mode", "holiday_maturity", "deferred_months"];
    let mut f = Fields::new(v, at, "struct ProposalChoice", KEYS)?;
    let choice = choice_of(&mut f);
    f.done(choice)
}

/// The members of a [`ProposalChoice`], in an ask or on their own.
fn choice_of(f: &mut Fields) -> ProposalChoice {
    ProposalChoice {
        kind: f.req("kind", |v, at| PROPOSAL_KINDS.read(v, at), ProposalKind::TermExtension),
        months: f.opt("months", u32),
        holiday_mode: f.opt("holiday_mode", |v, at| HOLIDAY_MODES.read(v, at)),
        holiday_maturity: f.opt("holiday_maturity", |v, at| HOLIDAY_MATURITIES.read(v, at)),
        deferred_months: f.opt("deferred_months", u32),
    }
}

fn contact(v: Value, at: &At) -> Read<ContactEntry> {
    const KEYS: &[&str] =
        &["at", "loan_id", "channel", "who", "ticket", "summary", "promise", "follow_up", "third_party_contacted", "threats"];
    let mut f = Fields::new(v, at, "struct ContactEntry", KEYS)?;
    // A time has no stand-in value: once `done`, a missing one was reported.
    let when = f.req("at", |v, at| date_time(v, at).map(Some), None);
    let loan_id = f.req("loan_id", text, String::new());
    let channel = f.req("channel", |v, at| CHANNELS.read(v, at), Channel::AppChat);
    let (who, ticket) = (f.or("who", text, String::new()), f.or("ticket", text, String::new()));
    let (summary, promise) = (f.or("summary", text, String::new()), f.or("promise", text, String::new()));
    let follow_up = f.opt("follow_up", date);
    let third_party_contacted = f.or("third_party_contacted", boolean, false);
    let threats = f.or("threats", boolean, false);
    let Some(when) = f.done(when)? else { return Err(at.error("missing field `at`")) };
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
    &["term_extension", "frozen_instalments", "penalty_waiver", "payment_holiday", "settlement", "cash_flow_plan", "contract"],
    &[
        ProposalKind::TermExtension,
        ProposalKind::FrozenInstalments,
        ProposalKind::PenaltyWaiver,
        ProposalKind::PaymentHoliday,
        ProposalKind::Settlement,
        ProposalKind::CashFlowPlan,
        ProposalKind::Contract,
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
    Variants::new(&["app_chat", "phone_in", "phone_out", "sms", "letter", "visit", "email"], &Channel::ALL);


#[cfg(test)]
pub(super) mod tests;
