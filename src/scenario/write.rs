//! The scenario's writing: the pretty JSON `Serialize` would write (same
//! keys, order, omissions and bytes: tests compare the two), by hand so the
//! wasm carries no serde serializer for it. Keys in declaration order;
//! a member at its default is left out where the `Serialize` derive says so.

use super::kit::{Ask, ContactEntry, ExpenseItems, Hardship, Profile, ProposalChoice};
use super::read::{
    CHANNELS, DAY_COUNTS, EVIDENCE, HARDSHIP_REASONS, HOLIDAY_MATURITIES, HOLIDAY_MODES, LENDERS, METHODS, PAYOFF_KINDS, PENALTY_BASES,
    PREPAY_EFFECTS, PROPOSAL_KINDS, RATE_UNITS,
};
use super::{BudgetEntry, LoanEntry, PayoffStrategyEntry, RateEntry, Scenario};
use crate::engine::{Date, DayBasis, DayCount};
use crate::versioned::write::JsonWriter;
use rust_decimal::Decimal;
use std::fmt::Display;

/// `s` as pretty JSON (`to_string_pretty`), or compact (`to_string`).
pub(super) fn scenario(s: &Scenario, pretty: bool) -> String {
    let mut w = JsonWriter::new(pretty);
    w.open('{');
    w.key("version");
    w.raw(s.version);
    if s.day_count != DayCount::default() {
        str_field(&mut w, "day_count", DAY_COUNTS.name(s.day_count));
    }
    opt(&mut w, "as_of", s.as_of);
    list(&mut w, "loans", &s.loans, loan);
    w.key("budget");
    budget(&mut w, &s.budget);
    if let Some(p) = &s.payoff_strategy {
        w.key("payoff_strategy");
        payoff_strategy(&mut w, p);
    }
    if !s.profile.is_empty() {
        w.key("profile");
        profile(&mut w, &s.profile);
    }
    if let Some(h) = &s.hardship {
        w.key("hardship");
        hardship(&mut w, h);
    }
    if !s.contact_log.is_empty() {
        list(&mut w, "contact_log", &s.contact_log, contact);
    }
    w.close('}');
    w.finish()
}

fn loan(w: &mut JsonWriter, l: &LoanEntry) {
    w.open('{');
    str_field(w, "id", &l.id);
    str_field(w, "lender", LENDERS.name(l.lender));
    text(w, "name", &l.name);
    opt(w, "principal", Some(l.principal));
    w.key("rate");
    rate(w, &l.rate);
    str_field(w, "method", METHODS.name(l.method));
    w.key("months");
    w.raw(l.months);
    amount(w, "upfront_fee", l.upfront_fee);
    if let Some(o) = &l.overdue {
        w.key("overdue");
        w.open('{');
        w.key("days");
        w.raw(o.days);
        opt(w, "principal", Some(o.principal));
        opt(w, "interest", Some(o.interest));
        w.close('}');
    }
    if let Some(p) = &l.penalty {
        w.key("penalty");
        w.open('{');
        opt(w, "multiplier", Some(p.multiplier));
        w.key("compound");
        w.raw(p.compound);
        str_field(w, "base", PENALTY_BASES.name(p.base));
        w.close('}');
    }
    opt(w, "app_payment", l.app_payment);
    opt(w, "next_due_date", l.next_due_date);
    opt(w, "period_start", l.period_start);
    opt(w, "settlement_offer", l.settlement_offer);
    number(w, "holiday_months", l.holiday_months);
    if !l.prepayments.is_empty() {
        list(w, "prepayments", &l.prepayments, |w, p| {
            w.open('{');
            w.key("month");
            w.raw(p.month);
            opt(w, "amount", Some(p.amount));
            str_field(w, "effect", PREPAY_EFFECTS.name(p.effect));
            w.close('}');
        });
    }
    opt(w, "extra_monthly", l.extra_monthly);
    amount(w, "prepayment_fee_percent", l.prepayment_fee_percent);
    opt(w, "target_payment", l.target_payment);
    text(w, "contract_no", &l.contract_no);
    if let Some(a) = &l.ask {
        w.key("ask");
        ask(w, a);
    }
    w.close('}');
}

fn rate(w: &mut JsonWriter, r: &RateEntry) {
    w.open('{');
    opt(w, "value", Some(r.value));
    str_field(w, "unit", RATE_UNITS.name(r.unit));
    if r.day_basis != DayBasis::default() {
        w.key("day_basis");
        w.raw(if r.day_basis == DayBasis::D365 { 365 } else { 360 });
    }
    w.close('}');
}

fn budget(w: &mut JsonWriter, b: &BudgetEntry) {
    w.open('{');
    opt(w, "income", Some(b.income));
    opt(w, "expenses", Some(b.expenses));
    opt(w, "other_obligations", Some(b.other_obligations));
    opt(w, "buffer_percent", Some(b.buffer_percent));
    if let Some(months) = &b.forecast {
        list(w, "forecast", months, |w, m| w.display(m));
    }
    flag(w, "forecast_repeats", b.forecast_repeats);
    if let Some(items) = &b.expense_items {
        w.key("expense_items");
        expense_items(w, items);
    }
    w.close('}');
}

fn expense_items(w: &mut JsonWriter, e: &ExpenseItems) {
    const KEYS: [&str; 9] = ["housing", "utilities", "food", "transport", "children", "medical", "insurance", "communication", "other"];
    w.open('{');
    let values = [e.housing, e.utilities, e.food, e.transport, e.children, e.medical, e.insurance, e.communication, e.other];
    for (key, value) in KEYS.into_iter().zip(values) {
        amount(w, key, value);
    }
    w.close('}');
}

fn payoff_strategy(w: &mut JsonWriter, p: &PayoffStrategyEntry) {
    w.open('{');
    str_field(w, "kind", PAYOFF_KINDS.name(p.kind));
    if !p.order.is_empty() {
        list(w, "order", &p.order, |w, id| w.string(id));
    }
    opt(w, "monthly_budget", p.monthly_budget);
    w.close('}');
}

fn profile(w: &mut JsonWriter, p: &Profile) {
    w.open('{');
    text(w, "name", &p.name);
    text(w, "phone", &p.phone);
    text(w, "city", &p.city);
    w.close('}');
}

fn hardship(w: &mut JsonWriter, h: &Hardship) {
    w.open('{');
    str_field(w, "reason", HARDSHIP_REASONS.name(h.reason));
    opt(w, "since", h.since);
    text(w, "details", &h.details);
    w.key("temporary");
    w.raw(h.temporary);
    if !h.evidence.is_empty() {
        list(w, "evidence", &h.evidence, |w, e| w.string(EVIDENCE.name(*e)));
    }
    w.close('}');
}

/// The ask as the file spells it: the choice's members beside the date.
fn ask(w: &mut JsonWriter, a: &Ask) {
    w.open('{');
    choice_members(w, &a.choice);
    opt(w, "first_payment_date", a.first_payment_date);
    if let Some(f) = &a.fallback {
        w.key("fallback");
        w.open('{');
        choice_members(w, f);
        w.close('}');
    }
    w.close('}');
}

fn choice_members(w: &mut JsonWriter, c: &ProposalChoice) {
    str_field(w, "kind", PROPOSAL_KINDS.name(c.kind));
    number(w, "months", c.months);
    opt(w, "holiday_mode", c.holiday_mode.map(|m| HOLIDAY_MODES.name(m)));
    opt(w, "holiday_maturity", c.holiday_maturity.map(|m| HOLIDAY_MATURITIES.name(m)));
    number(w, "deferred_months", c.deferred_months);
}

fn contact(w: &mut JsonWriter, c: &ContactEntry) {
    w.open('{');
    opt(w, "at", Some(c.at));
    str_field(w, "loan_id", &c.loan_id);
    str_field(w, "channel", CHANNELS.name(c.channel));
    text(w, "who", &c.who);
    text(w, "ticket", &c.ticket);
    text(w, "summary", &c.summary);
    text(w, "promise", &c.promise);
    opt::<Date>(w, "follow_up", c.follow_up);
    flag(w, "third_party_contacted", c.third_party_contacted);
    flag(w, "threats", c.threats);
    w.close('}');
}

// ----------------------------------------------------------------- members

/// `key` and an array of `items`, each written by `each` (a plain `fn`, so
/// one copy per item type, not per call site).
fn list<T>(w: &mut JsonWriter, key: &str, items: &[T], each: fn(&mut JsonWriter, &T)) {
    w.key(key);
    w.open('[');
    for item in items {
        w.item();
        each(w, item);
    }
    w.close(']');
}

fn str_field(w: &mut JsonWriter, key: &str, value: &str) {
    w.key(key);
    w.string(value);
}

/// Free text, left out when empty.
fn text(w: &mut JsonWriter, key: &str, value: &str) {
    if !value.is_empty() {
        str_field(w, key, value);
    }
}

/// A value written as a string (decimal, date, name), left out when none.
fn opt<T: Display>(w: &mut JsonWriter, key: &str, value: Option<T>) {
    if let Some(v) = value {
        w.key(key);
        w.display(v);
    }
}

/// A decimal left out when zero.
fn amount(w: &mut JsonWriter, key: &str, value: Decimal) {
    opt(w, key, (!value.is_zero()).then_some(value));
}

fn number(w: &mut JsonWriter, key: &str, value: Option<u32>) {
    if let Some(n) = value {
        w.key(key);
        w.raw(n);
    }
}

fn flag(w: &mut JsonWriter, key: &str, value: bool) {
    if value {
        w.key(key);
        w.raw(true);
    }
}

#[cfg(test)]
mod tests;
