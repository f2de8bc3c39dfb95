//! The reader against the writer: every document `to_json` writes reads
//! back as the same scenario (every member, every variant, any value, valid
//! or not), and no document — hostile values anywhere in a document with
//! every field — makes it panic.

use super::*;
use crate::scenario::field::tests::EVERY_FIELD;
use crate::scenario::{kit, ErrorKind, ScenarioError, FORMAT};
use crate::versioned::read_value;
use proptest::prelude::*;
use proptest::sample::select;
// Hostile documents are built with serde_json (the reader's own Value is `json::Value`).
use serde_json::Value;

/// The typed reading of what `s` writes, before any rule is checked.
fn typed_again(s: &Scenario) -> Read<Scenario> {
    let mut doc = read_value(&s.to_json(), &FORMAT)?;
    kit::fill_expenses(&mut doc);
    scenario(doc)
}

fn pick<T: Copy + std::fmt::Debug + 'static>(v: &'static Variants<T>) -> impl Strategy<Value = T> {
    select(v.values())
}

fn money() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (0i64..10_000_000_00).prop_map(|n| Decimal::new(n, 2)),
        1 => (any::<i64>(), 0u32..=12).prop_map(|(n, s)| Decimal::new(n, s)),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1990i32..2100, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| Date::new(y, m, d.min(28)).unwrap())
}

/// Text as the page keeps it: cleaned and trimmed.
fn text() -> impl Strategy<Value = String> {
    "[a-z0-9网商贷借呗 ]{0,12}".prop_map(|s| s.trim().to_owned())
}

fn whole() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..700, any::<u32>()]
}

fn choice() -> impl Strategy<Value = ProposalChoice> {
    (pick(&PROPOSAL_KINDS), proptest::option::of(whole()), proptest::option::of(pick(&HOLIDAY_MODES)), proptest::option::of(pick(&HOLIDAY_MATURITIES)), proptest::option::of(whole()))
        .prop_map(|(kind, months, holiday_mode, holiday_maturity, deferred_months)| ProposalChoice { kind, months, holiday_mode, holiday_maturity, deferred_months })
}

fn loan(id: String) -> impl Strategy<Value = LoanEntry> {
    let terms = (pick(&LENDERS), text(), money(), (money(), pick(&RATE_UNITS), select(vec![DayBasis::D360, DayBasis::D365])), pick(&METHODS), whole(), money());
    let overdue = proptest::option::of((whole(), money(), money()).prop_map(|(days, principal, interest)| OverdueEntry { days, principal, interest }));
    let penalty =
        proptest::option::of((money(), any::<bool>(), pick(&PENALTY_BASES)).prop_map(|(multiplier, compound, base)| PenaltyEntry { multiplier, compound, base }));
    let dates = (proptest::option::of(money()), proptest::option::of(date()), proptest::option::of(date()), proptest::option::of(money()), proptest::option::of(whole()));
    let prepay = (
        proptest::collection::vec((whole(), money(), pick(&PREPAY_EFFECTS)).prop_map(|(month, amount, effect)| Prepayment { month, amount, effect }), 0..3),
        proptest::option::of(money()),
        money(),
        proptest::option::of(money()),
    );
    let ask = proptest::option::of((choice(), proptest::option::of(date()), proptest::option::of(choice())).prop_map(|(choice, first_payment_date, fallback)| Ask {
        choice,
        first_payment_date,
        fallback,
    }));
    (terms, overdue, penalty, dates, prepay, (text(), ask)).prop_map(move |(t, overdue, penalty, d, p, (contract_no, ask))| LoanEntry {
        id: id.clone(),
        lender: t.0,
        name: t.1,
        principal: t.2,
        rate: RateEntry { value: t.3 .0, unit: t.3 .1, day_basis: t.3 .2 },
        method: t.4,
        months: t.5,
        upfront_fee: t.6,
        overdue,
        penalty,
        app_payment: d.0,
        next_due_date: d.1,
        period_start: d.2,
        settlement_offer: d.3,
        holiday_months: d.4,
        prepayments: p.0,
        extra_monthly: p.1,
        prepayment_fee_percent: p.2,
        target_payment: p.3,
        contract_no,
        ask,
    })
}

fn budget() -> impl Strategy<Value = BudgetEntry> {
    let items = (money(), money(), money(), money(), money(), money(), money(), money(), money()).prop_map(|m| ExpenseItems {
        housing: m.0,
        utilities: m.1,
        food: m.2,
        transport: m.3,
        children: m.4,
        medical: m.5,
        insurance: m.6,
        communication: m.7,
        other: m.8,
    });
    let forecast = proptest::option::of((proptest::array::uniform12(money()), any::<bool>()));
    (money(), money(), money(), money(), forecast, proptest::option::of(items)).prop_map(
        |(income, expenses, other_obligations, buffer_percent, forecast, expense_items)| BudgetEntry {
            income,
            expenses,
            other_obligations,
            buffer_percent,
            forecast: forecast.map(|f| f.0),
            forecast_repeats: forecast.is_some_and(|f| f.1),
            expense_items,
        },
    )
}

fn kit_parts() -> impl Strategy<Value = (Profile, Option<Hardship>, Vec<ContactEntry>)> {
    let profile = (text(), text(), text()).prop_map(|(name, phone, city)| Profile { name, phone, city });
    let hardship = proptest::option::of(
        (pick(&HARDSHIP_REASONS), proptest::option::of(date()), text(), any::<bool>(), proptest::collection::vec(pick(&EVIDENCE), 0..4))
            .prop_map(|(reason, since, details, temporary, evidence)| Hardship { reason, since, details, temporary, evidence }),
    );
    let at = (date(), 0u32..24, 0u32..60).prop_map(|(d, h, m)| DateTime::new(d, h, m).unwrap());
    let contact = (at, text(), pick(&CHANNELS), (text(), text(), text(), text()), proptest::option::of(date()), any::<bool>(), any::<bool>()).prop_map(
        |(at, loan_id, channel, (who, ticket, summary, promise), follow_up, third_party_contacted, threats)| ContactEntry {
            at,
            loan_id,
            channel,
            who,
            ticket,
            summary,
            promise,
            follow_up,
            third_party_contacted,
            threats,
        },
    );
    (profile, hardship, proptest::collection::vec(contact, 0..3))
}

pub(in crate::scenario) fn any_scenario() -> impl Strategy<Value = Scenario> {
    let loans = (1usize..4).prop_flat_map(|n| (0..n).map(|i| loan(((b'a' + i as u8) as char).to_string())).collect::<Vec<_>>());
    let strategy = proptest::option::of(
        (pick(&PAYOFF_KINDS), proptest::collection::vec(text(), 0..3), proptest::option::of(money()))
            .prop_map(|(kind, order, monthly_budget)| PayoffStrategyEntry { kind, order, monthly_budget }),
    );
    (pick(&DAY_COUNTS), proptest::option::of(date()), loans, budget(), strategy, kit_parts()).prop_map(
        |(day_count, as_of, loans, budget, payoff_strategy, (profile, hardship, contact_log))| Scenario {
            version: crate::scenario::CURRENT_VERSION,
            day_count,
            as_of,
            loans,
            budget,
            payoff_strategy,
            profile,
            hardship,
            contact_log,
        },
    )
}

/// Any JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        select(vec!["1", "-0.5", "2025-02-28", "2025-03-10T09:30", "mybank", "actual", "360"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) => a.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        _ => return,
    };
    for (k, v) in children {
        let p = format!("{at}/{k}");
        out.push(p.clone());
        pointers(v, p, out);
    }
}

// 256 cases; PROPTEST_CASES raises them.
proptest! {
    #[test]
    fn what_is_written_reads_back_the_same(s in any_scenario()) {
        prop_assert_eq!(typed_again(&s), Ok(s.clone()), "{}", s.to_json());
        if s.validate().is_ok() {
            prop_assert_eq!(Scenario::from_json(&s.to_json()), Ok(s));
        }
    }

    #[test]
    fn hostile_values_anywhere_never_panic(at in any::<usize>(), value in json_value(), add in any::<bool>()) {
        let mut doc: Value = serde_json::from_str(EVERY_FIELD).unwrap();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let p = &all[at % all.len()];
        if add {
            let parent = p.rsplit_once('/').map_or("", |(parent, _)| parent);
            if let Some(Value::Object(m)) = doc.pointer_mut(parent) {
                m.insert("zz".into(), value);
            }
        } else if let Some(slot) = doc.pointer_mut(p) {
            *slot = value;
        }
        match Scenario::from_json(&doc.to_string()) {
            Ok(s) => prop_assert_eq!(Scenario::from_json(&s.to_json()), Ok(s)),
            Err(ScenarioError::Read(e)) => {
                // Valid JSON: anything but a syntax error (`version` 2 is a newer one).
                prop_assert!(e.kind != ErrorKind::Syntax, "{e:?}");
                prop_assert!(!e.message.is_empty());
            }
            Err(ScenarioError::Invalid(_)) => {}
        }
    }
}

#[test]
fn every_enum_table_spells_what_serialize_writes() {
    fn check<T: serde::Serialize + Copy>(v: &Variants<T>) {
        for (name, value) in v.names().iter().zip(v.values()) {
            assert_eq!(serde_json::to_value(value).unwrap(), Value::from(*name));
        }
    }
    check(&DAY_COUNTS);
    check(&LENDERS);
    check(&METHODS);
    check(&RATE_UNITS);
    check(&PENALTY_BASES);
    check(&PREPAY_EFFECTS);
    check(&PAYOFF_KINDS);
    check(&PROPOSAL_KINDS);
    check(&HOLIDAY_MODES);
    check(&HOLIDAY_MATURITIES);
    check(&HARDSHIP_REASONS);
    check(&EVIDENCE);
    check(&CHANNELS);
}

/// Fails to compile when a variant is added to an enum whose table lists
/// its variants by hand: add its name there too.
#[allow(dead_code)]
fn every_variant_has_a_name(a: DayCount, b: RateUnit, c: PenaltyBase, d: PrepayEffect, e: PayoffKind, f: ProposalKind, g: HolidayMode, h: HolidayMaturity) {
    use ProposalKind::*;
    match a {
        DayCount::Thirty360 | DayCount::Actual => {}
    }
    match b {
        RateUnit::DailyPercent | RateUnit::MonthlyPercent | RateUnit::AnnualPercent => {}
    }
    match c {
        PenaltyBase::Principal | PenaltyBase::PrincipalAndInterest => {}
    }
    match d {
        PrepayEffect::ShortenTerm | PrepayEffect::LowerPayment => {}
    }
    match e {
        PayoffKind::Avalanche | PayoffKind::Snowball | PayoffKind::ProRata | PayoffKind::Custom => {}
    }
    match f {
        TermExtension | FrozenInstalments | PenaltyWaiver | PaymentHoliday | Settlement | CashFlowPlan | Contract | Hold => {}
    }
    match g {
        HolidayMode::InterestOnly | HolidayMode::Capitalised => {}
    }
    match h {
        HolidayMaturity::Kept | HolidayMaturity::Extended => {}
    }
}
