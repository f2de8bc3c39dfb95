//! The negotiation kit's rows of the field contract (`crate::scenario::kit`):
//! the profile, the hardship, each loan's contract number and ask, the
//! expense categories and the contact log. Free text is personal data;
//! the switches (`hardship`, `loans[].ask`, `loans[].ask.fallback`,
//! `budget.expense_items`) start or drop their part of the document, whose
//! fields have places only while it is there.

use super::*;
use crate::scenario::kit::*;

const REASONS: &[Choice] = &[
    Choice::HardshipReason(HardshipReason::JobLoss),
    Choice::HardshipReason(HardshipReason::IncomeDrop),
    Choice::HardshipReason(HardshipReason::BusinessLoss),
    Choice::HardshipReason(HardshipReason::Illness),
    Choice::HardshipReason(HardshipReason::Family),
    Choice::HardshipReason(HardshipReason::Other),
];
const EVIDENCE: &[Choice] = &[
    Choice::Evidence(Evidence::IdCard),
    Choice::Evidence(Evidence::Contract),
    Choice::Evidence(Evidence::IncomeProof),
    Choice::Evidence(Evidence::BankStatements),
    Choice::Evidence(Evidence::Medical),
    Choice::Evidence(Evidence::Unemployment),
    Choice::Evidence(Evidence::BusinessRecords),
    Choice::Evidence(Evidence::CreditReport),
    Choice::Evidence(Evidence::Other),
];
const KINDS: &[Choice] = &[
    Choice::ProposalKind(ProposalKind::Contract),
    Choice::ProposalKind(ProposalKind::TermExtension),
    Choice::ProposalKind(ProposalKind::FrozenInstalments),
    Choice::ProposalKind(ProposalKind::PenaltyWaiver),
    Choice::ProposalKind(ProposalKind::PaymentHoliday),
    Choice::ProposalKind(ProposalKind::Settlement),
    Choice::ProposalKind(ProposalKind::CashFlowPlan),
    Choice::ProposalKind(ProposalKind::Hold),
];
const MODES: &[Choice] = &[Choice::HolidayMode(HolidayMode::InterestOnly), Choice::HolidayMode(HolidayMode::Capitalised)];
const MATURITIES: &[Choice] = &[Choice::HolidayMaturity(HolidayMaturity::Kept), Choice::HolidayMaturity(HolidayMaturity::Extended)];
const CHANNELS: &[Choice] = &[
    Choice::Channel(Channel::AppChat),
    Choice::Channel(Channel::PhoneIn),
    Choice::Channel(Channel::PhoneMissed),
    Choice::Channel(Channel::PhoneOut),
    Choice::Channel(Channel::Sms),
    Choice::Channel(Channel::Letter),
    Choice::Channel(Channel::Visit),
    Choice::Channel(Channel::Email),
];
const ASK_MONTHS: Kind = Kind::OptionalCount { unit: Unit::Months, min: 1, max: MAX_MONTHS };

fn text(t: &str) -> Option<Value> {
    Some(Value::Text(t.to_owned()))
}

fn hardship(s: &Scenario) -> Option<&Hardship> {
    s.hardship.as_ref()
}

fn ask(s: &Scenario, at: At) -> Option<&Ask> {
    loan(s, at)?.ask.as_ref()
}

fn ask_mut(s: &mut Scenario, at: At) -> Option<&mut Ask> {
    loan_mut(s, at)?.ask.as_mut()
}

/// The ask's choice, or (`fallback`) its fallback.
fn choice(s: &Scenario, at: At, fallback: bool) -> Option<&ProposalChoice> {
    let a = ask(s, at)?;
    if fallback { a.fallback.as_ref() } else { Some(&a.choice) }
}

/// Changes the ask's choice or (`fallback`) its fallback. The user's last
/// choice wins: an ask edited into its fallback's proposal takes its place,
/// and the old ask becomes the fallback (none if it was the same too) — a
/// refusal would belong to the fallback's field, not the one edited. A
/// fallback edited into the ask stays refused at its own field
/// ([`same_as_ask`]).
fn edit_choice(s: &mut Scenario, at: At, fallback: bool, change: impl FnOnce(&mut ProposalChoice)) {
    let Some(a) = ask_mut(s, at) else { return };
    if fallback {
        if let Some(c) = a.fallback.as_mut() {
            change(c);
        }
        return;
    }
    let before = a.choice;
    change(&mut a.choice);
    if a.fallback.is_some_and(|f| same_proposal(&f, &a.choice)) {
        a.fallback = Some(before).filter(|b| !same_proposal(b, &a.choice));
    }
}

/// Another kind; an ask given its fallback's kind takes the fallback
/// whole (its months and mode), the two swap ([`edit_choice`]).
fn set_kind(s: &mut Scenario, at: At, fallback: bool, v: Value) {
    if let Value::Choice(Choice::ProposalKind(k)) = v {
        let theirs = if fallback { None } else { ask(s, at).and_then(|a| a.fallback).filter(|f| f.kind == k) };
        edit_choice(s, at, fallback, |c| match theirs {
            Some(f) if c.kind != k => *c = f,
            _ => c.set_kind(k),
        });
    }
}

fn set_months(s: &mut Scenario, at: At, fallback: bool, v: Value) {
    if let Value::OptionalCount(n) = v {
        // Other months: a plan's deferral no longer applies to them.
        edit_choice(s, at, fallback, |c| {
            c.months = n;
            c.deferred_months = None;
        });
    }
}

/// Months of a settlement or of the contract kept: nothing to tell them
/// apart by; a deferral (it stands with the months) of another kind than
/// frozen instalments; a hold's months outside 3–12 ([`HOLD_MONTHS`]).
fn months_apply(s: &Scenario, at: At, fallback: bool) -> Option<Rule> {
    let c = choice(s, at, fallback)?;
    let no_months = matches!(c.kind, ProposalKind::Settlement | ProposalKind::Contract) && c.months.is_some();
    let deferred = c.kind != ProposalKind::FrozenInstalments && c.deferred_months.is_some();
    if c.kind == ProposalKind::Hold && !HOLD_MONTHS.contains(&c.hold_months()) {
        return Some(Rule::HoldMonths);
    }
    (no_months || deferred).then_some(Rule::NotApplicable)
}

fn set_mode(s: &mut Scenario, at: At, fallback: bool, v: Value) {
    if let Value::Choice(Choice::HolidayMode(m)) = v {
        // The default is not written: the file stays minimal.
        edit_choice(s, at, fallback, |c| c.holiday_mode = Some(m).filter(|m| *m != HolidayMode::InterestOnly));
    }
}

fn set_maturity(s: &mut Scenario, at: At, fallback: bool, v: Value) {
    if let Value::Choice(Choice::HolidayMaturity(m)) = v {
        edit_choice(s, at, fallback, |c| c.holiday_maturity = Some(m).filter(|m| *m != HolidayMaturity::Kept));
    }
}

/// A holiday's mode (or, `maturity`, its maturity) given for another kind.
fn holiday_only(s: &Scenario, at: At, fallback: bool, maturity: bool) -> Option<Rule> {
    let c = choice(s, at, fallback)?;
    let given = if maturity { c.holiday_maturity.is_some() } else { c.holiday_mode.is_some() };
    (!c.is_holiday() && given).then_some(Rule::NotApplicable)
}

/// Two choices name the same proposal (a holiday's mode and maturity
/// count only for a holiday).
fn same_proposal(a: &ProposalChoice, b: &ProposalChoice) -> bool {
    let key = |c: &ProposalChoice| (c.kind, c.months, c.is_holiday().then(|| (c.mode(), c.maturity())), c.deferred_months);
    key(a) == key(b)
}

/// The fallback names the same proposal as the ask.
fn same_as_ask(s: &Scenario, at: At) -> Option<Rule> {
    let a = ask(s, at)?;
    same_proposal(&a.fallback?, &a.choice).then_some(Rule::SameAsAsk)
}

fn expense(s: &Scenario, c: ExpenseCategory) -> Option<Value> {
    number(s.budget.expense_items?.get(c))
}

fn set_expense(s: &mut Scenario, c: ExpenseCategory, v: Value) {
    if let Value::Number(Some(d)) = v {
        s.budget.set_expense_item(c, d);
    }
}

fn entry(s: &Scenario, at: At) -> Option<&ContactEntry> {
    s.contact_log.get(at.idx[0] as usize)
}

fn edit_entry(s: &mut Scenario, at: At, change: impl FnOnce(&mut ContactEntry)) {
    if let Some(e) = s.contact_log.get_mut(at.idx[0] as usize) {
        change(e);
    }
}

fn set_entry_text(s: &mut Scenario, at: At, v: Value, field: fn(&mut ContactEntry) -> &mut String) {
    if let Value::Text(t) = v {
        edit_entry(s, at, |e| *field(e) = t);
    }
}

/// A row of the kit's section; the rest is filled in per row.
const fn row(field: Field, path: &'static str, id: &'static str, each: Each, kind: Kind) -> Spec {
    Spec { field, path, id, each, kind, group: Group::Kit, personal: false, get: |_, _| None, set: no_set, also: None }
}

/// A row of free text (personal data).
const fn free_text(field: Field, path: &'static str, id: &'static str, each: Each, max_chars: usize) -> Spec {
    Spec { personal: true, ..row(field, path, id, each, Kind::Text { max_chars }) }
}

const MONEY: Kind = Kind::Money { positive: false, optional: false };

/// The kit's rows, in the order of [`Field`] after [`Field::ForecastMonth`].
pub(super) const SPECS: [Spec; Field::COUNT - CORE_COUNT] = [
    Spec {
        get: |s, _| text(&s.profile.name),
        set: |s, _, v| if let Value::Text(t) = v { s.profile.name = t },
        ..free_text(Field::ProfileName, "profile.name", "profile-name", Each::Top, NAME_MAX)
    },
    Spec {
        get: |s, _| text(&s.profile.phone),
        set: |s, _, v| if let Value::Text(t) = v { s.profile.phone = t },
        ..free_text(Field::ProfilePhone, "profile.phone", "profile-phone", Each::Top, PHONE_MAX)
    },
    Spec {
        get: |s, _| text(&s.profile.city),
        set: |s, _, v| if let Value::Text(t) = v { s.profile.city = t },
        ..free_text(Field::ProfileCity, "profile.city", "profile-city", Each::Top, CITY_MAX)
    },
    Spec {
        get: |s, _| Some(Value::Flag(s.hardship.is_some())),
        set: |s, _, v| if let Value::Flag(on) = v { s.set_hardship(on) },
        ..row(Field::Hardship, "hardship", "hardship", Each::Top, Kind::Flag)
    },
    Spec {
        get: |s, _| Some(Value::Choice(Choice::HardshipReason(hardship(s)?.reason))),
        set: |s, _, v| if let (Some(h), Value::Choice(Choice::HardshipReason(r))) = (s.hardship.as_mut(), v) { h.reason = r },
        ..row(Field::HardshipReason, "hardship.reason", "hardship-reason", Each::Hardship, Kind::Choice(REASONS))
    },
    Spec {
        get: |s, _| Some(Value::Date(hardship(s)?.since)),
        set: |s, _, v| if let (Some(h), Value::Date(d)) = (s.hardship.as_mut(), v) { h.since = d },
        ..row(Field::HardshipSince, "hardship.since", "hardship-since", Each::Hardship, Kind::Date { optional: false })
    },
    Spec {
        get: |s, _| text(&hardship(s)?.details),
        set: |s, _, v| if let (Some(h), Value::Text(t)) = (s.hardship.as_mut(), v) { h.details = t },
        ..free_text(Field::HardshipDetails, "hardship.details", "hardship-details", Each::Hardship, DETAILS_MAX)
    },
    Spec {
        get: |s, _| Some(Value::Flag(hardship(s)?.temporary)),
        set: |s, _, v| if let (Some(h), Value::Flag(t)) = (s.hardship.as_mut(), v) { h.temporary = t },
        ..row(Field::HardshipTemporary, "hardship.temporary", "hardship-temporary", Each::Hardship, Kind::Flag)
    },
    Spec {
        get: |s, _| Some(Value::Set(hardship(s)?.evidence.iter().map(|e| Choice::Evidence(*e)).collect())),
        set: |s, _, v| {
            if let (Some(h), Value::Set(picked)) = (s.hardship.as_mut(), v) {
                h.evidence = picked.into_iter().filter_map(|c| if let Choice::Evidence(e) = c { Some(e) } else { None }).collect();
            }
        },
        ..row(Field::HardshipEvidence, "hardship.evidence", "hardship-evidence", Each::Hardship, Kind::Set(EVIDENCE))
    },
    Spec {
        get: |s, at| text(&loan(s, at)?.contract_no),
        set: |s, at, v| if let (Some(l), Value::Text(t)) = (loan_mut(s, at), v) { l.contract_no = t },
        ..free_text(Field::ContractNo, "loans[].contract_no", "contract-no", Each::Loan, CONTRACT_NO_MAX)
    },
    Spec {
        get: |s, at| Some(Value::Flag(loan(s, at)?.ask.is_some())),
        set: |s, at, v| {
            let nothing_left = s.budget.nothing_left();
            if let (Some(l), Value::Flag(on)) = (loan_mut(s, at), v) {
                l.set_ask(on, nothing_left)
            }
        },
        ..row(Field::Ask, "loans[].ask", "ask", Each::Loan, Kind::Flag)
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::ProposalKind(choice(s, at, false)?.kind))),
        set: |s, at, v| set_kind(s, at, false, v),
        ..row(Field::AskKind, "loans[].ask.kind", "ask-kind", Each::Ask, Kind::Choice(KINDS))
    },
    Spec {
        get: |s, at| Some(Value::OptionalCount(choice(s, at, false)?.months)),
        set: |s, at, v| set_months(s, at, false, v),
        also: Some(|s, at| months_apply(s, at, false)),
        ..row(Field::AskMonths, "loans[].ask.months", "ask-months", Each::Ask, ASK_MONTHS)
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::HolidayMode(choice(s, at, false)?.mode()))),
        set: |s, at, v| set_mode(s, at, false, v),
        also: Some(|s, at| holiday_only(s, at, false, false)),
        ..row(Field::AskHolidayMode, "loans[].ask.holiday_mode", "ask-holiday-mode", Each::Ask, Kind::Choice(MODES))
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::HolidayMaturity(choice(s, at, false)?.maturity()))),
        set: |s, at, v| set_maturity(s, at, false, v),
        also: Some(|s, at| holiday_only(s, at, false, true)),
        ..row(Field::AskHolidayMaturity, "loans[].ask.holiday_maturity", "ask-holiday-maturity", Each::Ask, Kind::Choice(MATURITIES))
    },
    Spec {
        get: |s, at| Some(Value::Date(ask(s, at)?.first_payment_date)),
        set: |s, at, v| if let (Some(a), Value::Date(d)) = (ask_mut(s, at), v) { a.first_payment_date = d },
        ..row(Field::AskFirstPaymentDate, "loans[].ask.first_payment_date", "ask-first-payment-date", Each::Ask, Kind::Date { optional: false })
    },
    Spec {
        get: |s, at| Some(Value::Flag(ask(s, at)?.fallback.is_some())),
        set: |s, at, v| if let (Some(a), Value::Flag(on)) = (ask_mut(s, at), v) { a.set_fallback(on) },
        ..row(Field::Fallback, "loans[].ask.fallback", "ask-fallback", Each::Ask, Kind::Flag)
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::ProposalKind(choice(s, at, true)?.kind))),
        set: |s, at, v| set_kind(s, at, true, v),
        also: Some(same_as_ask),
        ..row(Field::FallbackKind, "loans[].ask.fallback.kind", "fallback-kind", Each::Fallback, Kind::Choice(KINDS))
    },
    Spec {
        get: |s, at| Some(Value::OptionalCount(choice(s, at, true)?.months)),
        set: |s, at, v| set_months(s, at, true, v),
        also: Some(|s, at| months_apply(s, at, true)),
        ..row(Field::FallbackMonths, "loans[].ask.fallback.months", "fallback-months", Each::Fallback, ASK_MONTHS)
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::HolidayMode(choice(s, at, true)?.mode()))),
        set: |s, at, v| set_mode(s, at, true, v),
        also: Some(|s, at| holiday_only(s, at, true, false)),
        ..row(Field::FallbackHolidayMode, "loans[].ask.fallback.holiday_mode", "fallback-holiday-mode", Each::Fallback, Kind::Choice(MODES))
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::HolidayMaturity(choice(s, at, true)?.maturity()))),
        set: |s, at, v| set_maturity(s, at, true, v),
        also: Some(|s, at| holiday_only(s, at, true, true)),
        ..row(
            Field::FallbackHolidayMaturity,
            "loans[].ask.fallback.holiday_maturity",
            "fallback-holiday-maturity",
            Each::Fallback,
            Kind::Choice(MATURITIES),
        )
    },
    Spec {
        get: |s, _| Some(Value::Flag(s.budget.expense_items.is_some())),
        set: |s, _, v| if let Value::Flag(on) = v { s.budget.set_expense_items(on) },
        ..row(Field::ExpenseItems, "budget.expense_items", "expense-items", Each::Budget, Kind::Flag)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Housing),
        set: |s, _, v| set_expense(s, ExpenseCategory::Housing, v),
        ..row(Field::ExpenseHousing, "budget.expense_items.housing", "expense-housing", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Utilities),
        set: |s, _, v| set_expense(s, ExpenseCategory::Utilities, v),
        ..row(Field::ExpenseUtilities, "budget.expense_items.utilities", "expense-utilities", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Food),
        set: |s, _, v| set_expense(s, ExpenseCategory::Food, v),
        ..row(Field::ExpenseFood, "budget.expense_items.food", "expense-food", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Transport),
        set: |s, _, v| set_expense(s, ExpenseCategory::Transport, v),
        ..row(Field::ExpenseTransport, "budget.expense_items.transport", "expense-transport", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Children),
        set: |s, _, v| set_expense(s, ExpenseCategory::Children, v),
        ..row(Field::ExpenseChildren, "budget.expense_items.children", "expense-children", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Medical),
        set: |s, _, v| set_expense(s, ExpenseCategory::Medical, v),
        ..row(Field::ExpenseMedical, "budget.expense_items.medical", "expense-medical", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Insurance),
        set: |s, _, v| set_expense(s, ExpenseCategory::Insurance, v),
        ..row(Field::ExpenseInsurance, "budget.expense_items.insurance", "expense-insurance", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Communication),
        set: |s, _, v| set_expense(s, ExpenseCategory::Communication, v),
        ..row(Field::ExpenseCommunication, "budget.expense_items.communication", "expense-communication", Each::Expense, MONEY)
    },
    Spec {
        get: |s, _| expense(s, ExpenseCategory::Other),
        set: |s, _, v| set_expense(s, ExpenseCategory::Other, v),
        ..row(Field::ExpenseOther, "budget.expense_items.other", "expense-other", Each::Expense, MONEY)
    },
    Spec {
        // The whole log is personal: a link without it leaves every entry out.
        personal: true,
        get: |s, _| Some(Value::Count(s.contact_log.len().try_into().unwrap_or(u32::MAX))),
        ..row(Field::ContactLog, "contact_log", "contact-log", Each::Top, Kind::List { max: LOG_MAX })
    },
    Spec {
        get: |s, at| Some(Value::DateTime(entry(s, at)?.at)),
        set: |s, at, v| if let Value::DateTime(t) = v { edit_entry(s, at, |e| e.at = t) },
        ..row(Field::ContactAt, "contact_log[].at", "contact-at", Each::Contact, Kind::DateTime)
    },
    Spec {
        get: |s, at| text(&entry(s, at)?.loan_id),
        set: |s, at, v| set_entry_text(s, at, v, |e| &mut e.loan_id),
        also: Some(|s, at| {
            let id = &entry(s, at)?.loan_id;
            (!id.is_empty() && !s.loans.iter().any(|l| l.id == *id)).then_some(Rule::UnknownLoan)
        }),
        ..row(Field::ContactLoanId, "contact_log[].loan_id", "contact-loan-id", Each::Contact, Kind::Id)
    },
    Spec {
        get: |s, at| Some(Value::Choice(Choice::Channel(entry(s, at)?.channel))),
        set: |s, at, v| if let Value::Choice(Choice::Channel(c)) = v { edit_entry(s, at, |e| e.channel = c) },
        ..row(Field::ContactChannel, "contact_log[].channel", "contact-channel", Each::Contact, Kind::Choice(CHANNELS))
    },
    Spec {
        get: |s, at| text(&entry(s, at)?.who),
        set: |s, at, v| set_entry_text(s, at, v, |e| &mut e.who),
        ..free_text(Field::ContactWho, "contact_log[].who", "contact-who", Each::Contact, WHO_MAX)
    },
    Spec {
        get: |s, at| text(&entry(s, at)?.ticket),
        set: |s, at, v| set_entry_text(s, at, v, |e| &mut e.ticket),
        ..free_text(Field::ContactTicket, "contact_log[].ticket", "contact-ticket", Each::Contact, TICKET_MAX)
    },
    Spec {
        get: |s, at| text(&entry(s, at)?.summary),
        set: |s, at, v| set_entry_text(s, at, v, |e| &mut e.summary),
        ..free_text(Field::ContactSummary, "contact_log[].summary", "contact-summary", Each::Contact, SUMMARY_MAX)
    },
    Spec {
        get: |s, at| text(&entry(s, at)?.promise),
        set: |s, at, v| set_entry_text(s, at, v, |e| &mut e.promise),
        ..free_text(Field::ContactPromise, "contact_log[].promise", "contact-promise", Each::Contact, PROMISE_MAX)
    },
    Spec {
        get: |s, at| Some(Value::Date(entry(s, at)?.follow_up)),
        set: |s, at, v| if let Value::Date(d) = v { edit_entry(s, at, |e| e.follow_up = d) },
        ..row(Field::ContactFollowUp, "contact_log[].follow_up", "contact-follow-up", Each::Contact, Kind::Date { optional: true })
    },
    Spec {
        get: |s, at| Some(Value::Flag(entry(s, at)?.third_party_contacted)),
        set: |s, at, v| if let Value::Flag(f) = v { edit_entry(s, at, |e| e.third_party_contacted = f) },
        ..row(Field::ContactThirdParty, "contact_log[].third_party_contacted", "contact-third-party", Each::Contact, Kind::Flag)
    },
    Spec {
        get: |s, at| Some(Value::Flag(entry(s, at)?.threats)),
        set: |s, at, v| if let Value::Flag(f) = v { edit_entry(s, at, |e| e.threats = f) },
        ..row(Field::ContactThreats, "contact_log[].threats", "contact-threats", Each::Contact, Kind::Flag)
    },
];
