//! Native tests of the link format. miniz_oxide (a dev-dependency) stands in
//! for the browser's `CompressionStream("deflate")`: both write and read the
//! zlib format of RFC 1950, so a link made by one opens with the other.

use super::*;
use crate::engine::{
    Date, DayBasis, DayCount, Decimal, HolidayMode, Lender, Method, PayoffKind, PenaltyBase, PrepayEffect, Prepayment, ProposalKind, RateUnit,
};
use crate::scenario::kit::{Channel, DateTime, Evidence, HardshipReason};
use crate::scenario::{
    Ask, BudgetEntry, ContactEntry, ErrorKind, ExpenseItems, Hardship, LoanEntry, OverdueEntry, PayoffStrategyEntry, PenaltyEntry, Profile,
    ProposalChoice, RateEntry, CURRENT_VERSION,
};
use miniz_oxide::inflate::TINFLStatus;
use proptest::prelude::*;
use serde_json::Value;

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

/// What `browser::inflate` does: stop beyond the cap, refuse bad data.
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_JSON_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge { limit: MAX_JSON_BYTES },
        _ => ShareError::Damaged,
    })
}

fn make(s: &Scenario, selection: Selection) -> String {
    Link::Plain(deflate(&payload(s, selection))).fragment()
}

/// Opens a plain link the way the page does.
fn open(fragment: &str) -> Result<Scenario, ShareError> {
    match Link::parse(fragment)? {
        Some(Link::Plain(deflated)) => read_payload(&inflate(&deflated)?),
        Some(Link::Sealed(_)) => Err(ShareError::NeedsPassword),
        None => panic!("not a link: {fragment}"),
    }
}

fn plain(json: &str) -> String {
    format!("#s1={}", base64url::encode(&deflate(json.as_bytes())))
}

fn money() -> impl Strategy<Value = Decimal> {
    // Up to 1e12 in fen, and sometimes whole yuan (a different scale).
    prop_oneof![(1i64..100_000_000_000_000).prop_map(|f| Decimal::new(f, 2)), (1i64..1_000_000_000_000).prop_map(Decimal::from)]
}

fn date() -> impl Strategy<Value = Date> {
    (2000i32..2100, 1u32..=12, 1u32..=28).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d))
}

fn rate() -> impl Strategy<Value = RateEntry> {
    (0usize..3, 0i64..=2500, any::<bool>()).prop_map(|(unit, v, d365)| {
        // Inside the engine's limits: ≤ 0.25 %/day, ≤ 2.5 %/month, ≤ 25 %/yr.
        let (unit, value) = match unit {
            0 => (RateUnit::DailyPercent, Decimal::new(v, 4)),
            1 => (RateUnit::MonthlyPercent, Decimal::new(v, 3)),
            _ => (RateUnit::AnnualPercent, Decimal::new(v, 2)),
        };
        RateEntry { value, unit, day_basis: if d365 { DayBasis::D365 } else { DayBasis::D360 } }
    })
}

prop_compose! {
    fn loan()(
        lender in prop::sample::select(Lender::ALL.to_vec()),
        method in prop::sample::select(Method::ALL.to_vec()),
        name in ".{0,24}",
        principal in money(),
        rate in rate(),
        months in 1u32..=600,
        fee_share in 0i64..100,
        overdue in prop::option::of((0u32..=3650, 0i64..1_000_000_000, 0i64..1_000_000_000)),
        penalty in prop::option::of((0i64..=100, any::<bool>(), any::<bool>())),
        app_payment in prop::option::of(money()),
        next_due_date in prop::option::of(date()),
        settlement_offer in prop::option::of(money()),
        holiday_months in prop::option::of(1u32..=6),
    ) -> LoanEntry {
        LoanEntry {
            name,
            rate,
            method,
            upfront_fee: (principal * Decimal::new(fee_share, 2)).round_dp(2),
            overdue: overdue.map(|(days, p, i)| OverdueEntry { days, principal: Decimal::new(p, 2), interest: Decimal::new(i, 2) }),
            penalty: penalty.map(|(m, compound, pi)| PenaltyEntry {
                multiplier: Decimal::new(m, 1),
                compound,
                base: if pi { PenaltyBase::PrincipalAndInterest } else { PenaltyBase::Principal },
            }),
            app_payment,
            next_due_date,
            settlement_offer,
            holiday_months,
            ..LoanEntry::from_preset("x", lender, principal, months)
        }
    }
}

prop_compose! {
    fn scenario()(
        loans in prop::collection::vec(loan(), 0..=4),
        actual in any::<bool>(),
        as_of in prop::option::of(date()),
        budget in (money(), money(), money(), 0i64..=100),
        forecast in prop::option::of(prop::array::uniform12(-100_000_000i64..100_000_000)),
    ) -> Scenario {
        let mut loans = loans;
        for (i, l) in loans.iter_mut().enumerate() {
            l.id = format!("l{i}");
            if actual && l.next_due_date.is_none() {
                l.next_due_date = Date::new(2026, 1, 31);
            }
        }
        Scenario {
            version: CURRENT_VERSION,
            day_count: if actual { DayCount::Actual } else { DayCount::Thirty360 },
            as_of,
            loans,
            budget: BudgetEntry {
                income: budget.0,
                expenses: budget.1,
                other_obligations: budget.2,
                buffer_percent: Decimal::from(budget.3),
                forecast: forecast.map(|f| f.map(|c| Decimal::new(c, 2))),
                // Some forecasts repeat: the flag crosses a link with them.
                forecast_repeats: forecast.is_some_and(|f| f[0] % 2 == 0),
                expense_items: None,
            },
            payoff_strategy: None,
            profile: Profile::default(),
            hardship: None,
            contact_log: Vec::new(),
        }
    }
}

fn without_names(mut s: Scenario) -> Scenario {
    s.loans.iter_mut().for_each(|l| l.name.clear());
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_plain_link_opens_as_the_same_scenario(s in scenario()) {
        prop_assert_eq!(s.validate(), Ok(()));
        let fragment = make(&s, Selection::everything());
        prop_assert!(fragment.starts_with("s1="));
        prop_assert_eq!(open(&fragment), Ok(s.clone()));
        // Numbers only (the default): the same figures, no loan names.
        prop_assert_eq!(open(&make(&s, Selection::default())), Ok(without_names(s)));
    }

    #[test]
    fn a_sealed_link_reads_back_its_parts(
        salt in prop::array::uniform16(any::<u8>()),
        iv in prop::array::uniform12(any::<u8>()),
        ciphertext in prop::collection::vec(any::<u8>(), TAG_BYTES + 1..300),
    ) {
        let link = Link::Sealed(Sealed { salt, iv, ciphertext });
        let fragment = link.fragment();
        prop_assert!(fragment.starts_with("e2=") && fragment.matches('.').count() == 3);
        prop_assert_eq!(Link::parse(&format!("#{fragment}")), Ok(Some(link.clone())));
        // Cut anywhere after its salt and IV, it says it is incomplete
        // before any password is asked for (review w14 S14).
        let head = fragment.len() - base64url::encoded_len(link_ciphertext(&link).len());
        for cut in head..fragment.len() {
            prop_assert_eq!(Link::parse(&fragment[..cut]), Err(ShareError::Truncated), "{}", &fragment[..cut]);
        }
        // Earlier builds' links, without the length, still read.
        let (salt, iv, ct) = (base64url::encode(&salt), base64url::encode(&iv), base64url::encode(link_ciphertext(&link)));
        prop_assert_eq!(Link::parse(&format!("e1={salt}.{iv}.{ct}")), Ok(Some(link)));
    }

    #[test]
    fn any_fragment_is_refused_or_read_without_panic(text in "#?[se]?[0-9]{0,2}=?[A-Za-z0-9_.=-]{0,60}") {
        if let Ok(Some(Link::Plain(d))) = Link::parse(&text) {
            let _ = inflate(&d).map(|json| read_payload(&json));
        }
    }

    #[test]
    fn arbitrary_bytes_as_payload_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = open(&format!("s1={}", base64url::encode(&bytes)));
        let _ = read_payload(&bytes);
    }
}

#[test]
fn every_cut_of_a_link_is_refused() {
    let s = Scenario::example();
    let fragment = make(&s, Selection::everything());
    for end in 0..fragment.len() {
        let cut = &fragment[..end];
        if !is_link_fragment(cut) {
            continue;
        }
        let e = open(cut).expect_err(cut);
        assert!(matches!(e, ShareError::Truncated | ShareError::Damaged), "{cut}: {e:?}");
    }
}

#[test]
fn every_changed_character_is_refused_or_changes_nothing() {
    // The Adler-32 checksum of the zlib format catches what DEFLATE alone
    // would read as different figures.
    let s = Scenario::example();
    let fragment = make(&s, Selection::everything());
    for at in 3..fragment.len() {
        for c in ['A', 'g', '0', '-', '_'] {
            let mut changed = fragment.clone().into_bytes();
            changed[at] = c as u8;
            let changed = String::from_utf8(changed).unwrap();
            match open(&changed) {
                Ok(opened) => assert_eq!(opened, s, "{changed}"),
                Err(e) => assert!(matches!(e, ShareError::Damaged | ShareError::Truncated | ShareError::Scenario(_)), "{e:?}"),
            }
        }
    }
}

#[test]
fn the_payload_is_compact_json() {
    let s = Scenario::example();
    let json = String::from_utf8(payload(&s, Selection::everything())).unwrap();
    assert!(!json.contains('\n') && !json.contains(": "), "{json}");
    assert!(json.len() < s.to_json().len());
    assert_eq!(Scenario::from_json(&json), Ok(s.clone()));
    // Spaces, quotes and backslashes inside a text stay as they were.
    let mut quoted = s;
    quoted.loans[0].name = r#"A "b":  c \" d\ {"#.into();
    let json = String::from_utf8(payload(&quoted, Selection::everything())).unwrap();
    assert!(json.contains(r#""A \"b\":  c \\\" d\\ {""#), "{json}");
    assert_eq!(Scenario::from_json(&json), Ok(quoted));
}

#[test]
fn the_link_goes_in_the_fragment_of_this_page() {
    assert_eq!(link_url("https://x.org/app/", "s1=AA"), "https://x.org/app/#s1=AA");
    assert_eq!(link_url("https://x.org/app/?q=1#loans", "s1=AA"), "https://x.org/app/?q=1#s1=AA");
    assert!(!is_long(&"x".repeat(LONG_LINK_CHARS)));
    assert!(is_long(&"x".repeat(LONG_LINK_CHARS + 1)));
}

// ---- versions and shapes ----

#[test]
fn other_fragments_are_not_links() {
    for f in ["", "#", "#loans", "#section", "#s=abc", "#x1=abc", "#s1", "#1s=ab", "#S1=abc", "#sx1=abc", "#e=a.b.c"] {
        assert_eq!(Link::parse(f), Ok(None), "{f}");
        assert!(!is_link_fragment(f), "{f}");
    }
    assert!(is_link_fragment("#s1=") && is_link_fragment("e2=x"));
}

#[test]
fn a_newer_link_format_says_so() {
    assert_eq!(Link::parse("#s2=AAAA"), Err(ShareError::NewerVersion(2)));
    assert_eq!(Link::parse("#e7=a.b.c"), Err(ShareError::NewerVersion(7)));
    assert_eq!(Link::parse("#s123456789012=x"), Err(ShareError::NewerVersion(u32::MAX)));
    assert_eq!(Link::parse("#s0=AAAA"), Err(ShareError::Damaged));
}

#[test]
fn a_newer_scenario_inside_a_current_link_says_so() {
    let e = open(&plain(r#"{"version":99,"loans":[]}"#)).unwrap_err();
    assert!(matches!(&e, ShareError::Scenario(e) if e.kind() == ErrorKind::NewerVersion), "{e:?}");
    let e = open(&plain(r#"{"version":1,"loans":[{"id":"a"}]}"#)).unwrap_err();
    assert!(matches!(&e, ShareError::Scenario(e) if e.kind() == ErrorKind::Field && e.path() == "loans[0]"), "{e:?}");
    assert_eq!(open(&plain(r#"{"version":1,"loans":[]}"#)).map(|s| s.loans.len()), Ok(0));
}

#[test]
fn hostile_fragments_get_their_own_error() {
    let sealed = Link::Sealed(Sealed { salt: [7; SALT_BYTES], iv: [9; IV_BYTES], ciphertext: vec![1; 40] }).fragment();
    let mut parts = sealed["e2=".len()..].split('.');
    let (salt, iv, length, ct) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
    assert_eq!(length, "40");
    for (fragment, expected) in [
        ("#s1=", ShareError::Truncated),
        ("#s1=abc!", ShareError::NotBase64),
        ("#s1=ab%20cd", ShareError::NotBase64),
        ("#s1=abcd=", ShareError::NotBase64),
        ("#s1=abcde", ShareError::Truncated),
        ("#s1=AAAA", ShareError::Damaged),
        ("#s1=Zh", ShareError::Damaged),
        (&format!("#e1={salt}.{iv}"), ShareError::Truncated),
        (&format!("#e1={salt}"), ShareError::Truncated),
        (&format!("#e1={}.{iv}.{ct}", &salt[1..]), ShareError::Truncated),
        (&format!("#e1={salt}A.{iv}.{ct}"), ShareError::Damaged),
        (&format!("#e1={salt}.{iv}.{}", &ct[..20]), ShareError::Truncated),
        (&format!("#e1={salt}.{iv}.{ct}.x"), ShareError::NotBase64),
        (&format!("#e1={salt}.{iv}!.{ct}"), ShareError::Damaged),
        (&format!("#e1={salt}.{}!.{ct}", &iv[1..]), ShareError::NotBase64),
        // The counted format: cut in its length or its ciphertext, it is
        // incomplete; a ciphertext longer than its length is not.
        (&format!("#e2={salt}.{iv}.{length}.{}", &ct[..ct.len() - 4]), ShareError::Truncated),
        (&format!("#e2={salt}.{iv}.{length}.{}", &ct[..ct.len() - 2]), ShareError::Truncated),
        (&format!("#e2={salt}.{iv}.{length}."), ShareError::Truncated),
        (&format!("#e2={salt}.{iv}.{length}"), ShareError::Truncated),
        (&format!("#e2={salt}.{iv}.4"), ShareError::Truncated),
        (&format!("#e2={salt}.{iv}.20.{ct}"), ShareError::Damaged),
        (&format!("#e2={salt}.{iv}.4x.{ct}"), ShareError::NotBase64),
        (&format!("#e2={salt}.{iv}.99999999999999999999999.{ct}"), ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES }),
        (&format!("#e3={salt}.{iv}.{length}.{ct}"), ShareError::NewerVersion(3)),
        ("#s2=AAAA", ShareError::NewerVersion(2)),
        ("#e0=AAAA", ShareError::Damaged),
    ] {
        assert_eq!(open(fragment).map(|_| ()), Err(expected), "{fragment}");
    }
    assert!(Link::parse(&format!("#{sealed}")).unwrap().unwrap().needs_password());
}

// ---- limits ----

#[test]
fn an_oversized_payload_is_refused_before_decoding() {
    let limit = base64url::encoded_len(MAX_PAYLOAD_BYTES);
    // Not even base64, but too long is reported first: nothing is decoded.
    let huge = format!("s1={}", "!".repeat(limit + 1));
    assert_eq!(Link::parse(&huge), Err(ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES }));
    let huge = format!("e1={}.{}.{}", "A".repeat(22), "A".repeat(16), "!".repeat(limit + 1));
    assert_eq!(Link::parse(&huge), Err(ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES }));
    // Exactly at the limit is read (and then fails to inflate).
    let full = format!("s1={}", base64url::encode(&vec![0; MAX_PAYLOAD_BYTES]));
    assert!(matches!(Link::parse(&full), Ok(Some(Link::Plain(b))) if b.len() == MAX_PAYLOAD_BYTES));
    assert_eq!(open(&full), Err(ShareError::Damaged));
}

#[test]
fn a_small_link_that_inflates_too_far_is_stopped() {
    // 2 MB of spaces compresses to a few KB: a "zip bomb" in miniature.
    let bomb = format!("{{\"version\":1,\"loans\":[]{}}}", " ".repeat(2 * MAX_JSON_BYTES));
    let fragment = plain(&bomb);
    assert!(fragment.len() < 10_000, "{}", fragment.len());
    assert_eq!(open(&fragment), Err(ShareError::TooLarge { limit: MAX_JSON_BYTES }));
    assert_eq!(read_payload(bomb.as_bytes()), Err(ShareError::TooLarge { limit: MAX_JSON_BYTES }));
    // Just under the cap is read.
    let fits = format!("{{\"version\":1,\"loans\":[]{}}}", " ".repeat(MAX_JSON_BYTES - 30));
    assert_eq!(open(&plain(&fits)).map(|s| s.loans.len()), Ok(0));
}

#[test]
fn not_utf8_is_damaged() {
    assert_eq!(read_payload(&[0xff, 0xfe, b'{']), Err(ShareError::Damaged));
}

// ---- privacy ----

/// A scenario with every field filled, every personal one included (the
/// struct literals stop compiling when a field is added, so it gets filled).
fn full_scenario() -> Scenario {
    let loan = LoanEntry {
        id: "a".into(),
        lender: Lender::Mybank,
        name: "张三的 网商贷".into(),
        principal: Decimal::from(1000),
        rate: RateEntry { value: Decimal::new(5, 2), unit: RateUnit::DailyPercent, day_basis: DayBasis::D365 },
        method: Method::EqualInstallment,
        months: 12,
        upfront_fee: Decimal::from(10),
        overdue: Some(OverdueEntry { days: 3, principal: Decimal::ONE, interest: Decimal::ONE }),
        penalty: Some(PenaltyEntry { multiplier: Decimal::ONE, compound: true, base: PenaltyBase::Principal }),
        app_payment: Some(Decimal::from(90)),
        next_due_date: Date::new(2026, 1, 31),
        period_start: Date::new(2026, 1, 1),
        settlement_offer: Some(Decimal::from(500)),
        holiday_months: Some(2),
        prepayments: vec![Prepayment { month: 3, amount: Decimal::from(100), effect: PrepayEffect::LowerPayment }],
        extra_monthly: Some(Decimal::from(10)),
        prepayment_fee_percent: Decimal::ONE,
        target_payment: Some(Decimal::from(120)),
        contract_no: "合同 HT-001".into(),
        ask: Some(Ask {
            choice: ProposalChoice { kind: ProposalKind::PaymentHoliday, months: Some(2), holiday_mode: Some(HolidayMode::Capitalised), holiday_maturity: None, deferred_months: None },
            first_payment_date: Date::new(2026, 1, 31),
            fallback: Some(ProposalChoice::of_kind(ProposalKind::FrozenInstalments)),
        }),
    };
    let second = LoanEntry { id: "b".into(), name: "花呗".into(), contract_no: "借据 88".into(), ask: None, ..loan.clone() };
    let mut call = ContactEntry::new(DateTime::parse("2026-01-02T22:15").unwrap(), "a", Channel::PhoneIn);
    (call.who, call.ticket, call.summary, call.promise) = ("催收 8812".into(), "WS 01".into(), "要求今天还清".into(), "不再夜间来电".into());
    (call.follow_up, call.third_party_contacted, call.threats) = (Date::new(2026, 1, 9), true, true);
    let quiet = ContactEntry::new(DateTime::parse("2026-01-05T09:00").unwrap(), "b", Channel::Sms);
    let s = Scenario {
        version: CURRENT_VERSION,
        day_count: DayCount::Actual,
        as_of: Date::new(2026, 1, 1),
        loans: vec![loan, second],
        budget: BudgetEntry {
            income: Decimal::ONE,
            expenses: Decimal::from(9),
            other_obligations: Decimal::ONE,
            buffer_percent: Decimal::ONE,
            forecast: Some([Decimal::ONE; 12]),
            forecast_repeats: true,
            expense_items: Some(ExpenseItems { housing: Decimal::from(8), food: Decimal::ONE, ..ExpenseItems::default() }),
        },
        payoff_strategy: Some(PayoffStrategyEntry { kind: PayoffKind::Custom, order: vec!["a".into(), "b".into()], monthly_budget: Some(Decimal::ONE) }),
        profile: Profile { name: "张三".into(), phone: "138 0000 0000".into(), city: "杭州".into() },
        hardship: Some(Hardship {
            reason: HardshipReason::Illness,
            since: Date::new(2025, 12, 1),
            details: "生病住院三个月".into(),
            temporary: true,
            evidence: vec![Evidence::Medical],
        }),
        contact_log: vec![call, quiet],
    };
    assert_eq!(s.validate(), Ok(()));
    s
}

/// The personal data of each checkbox in `s`, as written: what the box
/// puts into a link. Written out by hand, apart from the filter.
fn personal_data(s: &Scenario, p: Personal) -> Vec<String> {
    match p {
        Personal::Names => [s.profile.name.clone(), s.profile.city.clone()].into_iter().chain(s.loans.iter().map(|l| l.name.clone())).collect(),
        Personal::Phone => vec![s.profile.phone.clone()],
        Personal::ContractNumbers => s.loans.iter().map(|l| l.contract_no.clone()).collect(),
        Personal::Hardship => s.hardship.iter().map(|h| h.details.clone()).collect(),
        Personal::ContactLog => s.contact_log.iter().map(|c| format!("{c:?}")).collect(),
    }
}

/// `s` without any personal data, by hand: what every link holds.
fn numbers_only(mut s: Scenario) -> Scenario {
    s.profile = Profile::default();
    s.loans.iter_mut().for_each(|l| (l.name, l.contract_no) = (String::new(), String::new()));
    s.hardship.iter_mut().for_each(|h| h.details.clear());
    s.contact_log.clear();
    s
}

#[test]
fn by_default_a_link_holds_only_the_numbers() {
    assert_eq!(Selection::default(), Selection::NUMBERS_ONLY);
    assert!(Personal::ALL.iter().all(|&p| !Selection::default().includes(p)));
    let full = full_scenario();
    let opened = open(&make(&full, Selection::default())).unwrap();
    assert_eq!(opened, numbers_only(full.clone()));
    // Not even as empty fields: the JSON has no member for any of them.
    let json = String::from_utf8(payload(&full, Selection::default())).unwrap();
    for member in ["\"profile\"", "\"name\"", "\"phone\"", "\"city\"", "\"contract_no\"", "\"details\"", "\"contact_log\"", "\"who\""] {
        assert!(!json.contains(member), "{member} in {json}");
    }
    // Everything ticked: the link opens as the very scenario.
    assert_eq!(open(&make(&full, Selection::everything())), Ok(full));
}

/// Each box alone puts its own fields into the link, and only those; the
/// numbers are the same whatever is ticked.
#[test]
fn each_checkbox_adds_exactly_its_own_fields() {
    let full = full_scenario();
    for p in Personal::ALL {
        assert!(personal_data(&full, p).iter().all(|t| !t.is_empty()), "{p:?} has data to share");
        let opened = open(&make(&full, Selection::default().with(p, true))).unwrap();
        for q in Personal::ALL {
            let data = personal_data(&opened, q);
            if q == p {
                assert_eq!(data, personal_data(&full, q), "{p:?} keeps its own");
            } else {
                assert!(data.iter().all(String::is_empty), "{p:?} leaves out {q:?}: {data:?}");
            }
        }
        assert_eq!(numbers_only(opened), numbers_only(full.clone()), "{p:?}: the same numbers");
        // Ticking it and unticking it again is the default.
        assert_eq!(Selection::default().with(p, true).with(p, false), Selection::default());
    }
}

/// All 32 combinations of the five boxes: the ticked ones' fields arrive,
/// the others' do not, and the numbers never change.
#[test]
fn every_combination_of_boxes_brings_exactly_the_ticked_ones() {
    let full = full_scenario();
    let numbers = numbers_only(full.clone());
    for bits in 0u8..32 {
        let selection = Personal::ALL.into_iter().enumerate().fold(Selection::default(), |s, (i, p)| s.with(p, bits & (1 << i) != 0));
        let opened = open(&make(&full, selection)).unwrap();
        for p in Personal::ALL {
            let expected = if selection.includes(p) { personal_data(&full, p) } else { personal_data(&numbers, p) };
            assert_eq!(personal_data(&opened, p), expected, "boxes {bits:05b}: {p:?}");
        }
        assert_eq!(numbers_only(opened), numbers, "boxes {bits:05b}: the same numbers");
    }
}

/// Every free-text string in a fully filled scenario is covered by a
/// checkbox: a new personal field without one fails here.
#[test]
fn no_free_text_leaves_without_a_checkbox() {
    let s = full_scenario();
    let doc: Value = serde_json::from_slice(&payload(&s, Selection::default())).unwrap();
    let mut leaks = Vec::new();
    strings(&doc, String::new(), &mut leaks);
    assert_eq!(leaks, Vec::<String>::new(), "free text in a numbers-only link");
    // And the text really was there to remove.
    let everything = String::from_utf8(payload(&s, Selection::everything())).unwrap();
    for text in ["张三的 网商贷", "张三", "杭州", "138 0000 0000", "合同 HT-001", "生病住院三个月", "催收 8812", "不再夜间来电"] {
        assert!(everything.contains(text), "{text}");
    }
    // The numbers the kit adds stay: the ask, the hardship's date and evidence, the expense categories.
    for kept in ["/loans/0/ask/kind", "/hardship/since", "/hardship/evidence", "/budget/expense_items/housing"] {
        assert!(doc.pointer(kept).is_some(), "{kept}");
    }
    assert!(doc.get("contact_log").is_none());
}

/// Paths of string leaves that are not a number, a date or an identifier.
fn strings(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            let tame = s.parse::<Decimal>().is_ok()
                || Date::parse(s).is_some()
                || s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !tame {
                out.push(format!("{path} = {s}"));
            }
        }
        Value::Array(items) => items.iter().for_each(|i| strings(i, format!("{path}[]"), out)),
        Value::Object(map) => map.iter().for_each(|(k, i)| strings(i, format!("{path}.{k}"), out)),
        _ => {}
    }
}

// ---- QR code ----

#[test]
fn qr_codes_grow_with_the_link_and_stay_scannable() {
    // Capacities in bytes of byte mode at ECC Low (ISO/IEC 18004 table 7):
    // version 1 holds 17, version 2 32, version 10 271, version 40 2953.
    for (len, version) in [(1, 1), (17, 1), (18, 2), (32, 2), (271, 10), (272, 11), (2953, 40)] {
        let qr = qr_code(&"a".repeat(len)).unwrap();
        assert_eq!((qr.version, qr.size), (version, 17 + 4 * version as i32), "{len} bytes");
    }
    assert_eq!(qr_code(&"a".repeat(2954)), Err(QrError::TooLong));
    // Room to spare is spent on error correction: 7 bytes fit version 1 at High.
    assert_eq!(qr_code("https:/").unwrap().ecc, qr::Ecc::High);
    assert_eq!(qr_code(&"a".repeat(17)).unwrap().ecc, qr::Ecc::Low);
    assert!(qr_code(&"a".repeat(2001)).unwrap().long);
    assert!(!qr_code(&"a".repeat(2000)).unwrap().long);
}

#[test]
fn the_qr_svg_is_plain_rects_and_one_path_with_a_quiet_zone() {
    let link = format!("https://example.org/app/#{}", make(&Scenario::example(), Selection::default()));
    let qr = qr_code(&link).unwrap();
    let side = qr.size + 2 * QR_QUIET_ZONE;
    let svg = &qr.svg;
    assert!(svg.starts_with(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\"")), "{svg}");
    assert!(svg.ends_with("\"/></svg>"));
    // Only these elements, each once.
    let tags: Vec<&str> = svg.split('<').skip(1).map(|t| t.split([' ', '>', '/']).next().unwrap_or("")).collect();
    assert_eq!(tags, ["svg", "rect", "path", ""]);
    assert_eq!(qr_code(&link).unwrap().svg, *svg, "deterministic");
    // Every dark run lies inside the quiet zone's frame.
    let d = svg.split(" d=\"").nth(1).unwrap().trim_end_matches("\"/></svg>");
    let mut dark = 0;
    for run in d.split('M').skip(1) {
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (i32, i32) = (x.parse().unwrap(), y.parse().unwrap());
        let w: i32 = rest.split('v').next().unwrap().parse().unwrap();
        assert!(x >= QR_QUIET_ZONE && y >= QR_QUIET_ZONE && x + w <= side - QR_QUIET_ZONE && y < side - QR_QUIET_ZONE, "{run}");
        dark += w;
    }
    // The three finder patterns alone are 3 × 33 dark modules.
    assert!(dark > 99 && dark < qr.size * qr.size, "{dark}");
}

/// The dark modules drawn by the SVG's path, quiet zone removed.
fn modules(qr: &Qr) -> Vec<String> {
    let n = qr.size as usize;
    let mut grid = vec![vec!['0'; n]; n];
    let d = qr.svg.split(" d=\"").nth(1).unwrap().trim_end_matches("\"/></svg>");
    for run in d.split('M').skip(1) {
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y) = (x.parse::<usize>().unwrap() - 4, y.parse::<usize>().unwrap() - 4);
        let w: usize = rest.split('v').next().unwrap().parse().unwrap();
        grid[y][x..x + w].iter_mut().for_each(|c| *c = '1');
    }
    grid.into_iter().map(|r| r.into_iter().collect()).collect()
}

#[test]
fn the_qr_code_matches_an_independent_encoder() {
    // qr_reference.txt: python-qrcode 8.2, QRCode(version=4,
    // error_correction=M, mask_pattern=7, border=0) over QRData(LINK bytes,
    // MODE_8BIT_BYTE), .get_matrix(). Version 4 at M is what boosting from L
    // gives for 59 bytes, and segno 1.6.6 picks mask 7 too; zxing-cpp 3.1
    // decodes the matrix back to LINK.
    const LINK: &str = "https://example.org/app/#s1=eJyrVipLLSrOzM9TslIy1DPQM1SqBQA";
    let qr = qr_code(LINK).unwrap();
    assert_eq!((qr.version, qr.ecc), (4, qr::Ecc::Medium));
    let reference: Vec<String> = include_str!("qr_reference.txt").lines().map(str::to_owned).collect();
    assert_eq!(modules(&qr), reference);
}

/// `qrcodegen`'s matrix of `link` (byte mode, Low boosted, automatic mask):
/// what our encoder replaced, row by row as in [`modules`].
fn qrcodegen_modules(link: &str) -> Option<(u8, Vec<String>)> {
    let code = qrcodegen::QrCode::encode_binary(link.as_bytes(), qrcodegen::QrCodeEcc::Low).ok()?;
    let n = code.size();
    let rows = (0..n).map(|y| (0..n).map(|x| if code.get_module(x, y) { '1' } else { '0' }).collect()).collect();
    Some((code.version().value(), rows))
}

fn assert_same_as_qrcodegen(link: &str) {
    let ours = qr_code(link).ok().map(|qr| (qr.version, modules(&qr)));
    assert_eq!(ours, qrcodegen_modules(link), "{} bytes", link.len());
}

#[test]
fn the_qr_code_is_qrcodegens_at_every_version_and_level_boundary() {
    // The longest link of each version and level (and one byte more), so
    // every version, every block layout and every boosted level is drawn.
    let mut lengths = vec![0, 1, 2952, 2953, 2954];
    for version in 1..=40u8 {
        for level in [qrcodegen::QrCodeEcc::Low, qrcodegen::QrCodeEcc::Medium, qrcodegen::QrCodeEcc::Quartile, qrcodegen::QrCodeEcc::High] {
            let v = qrcodegen::Version::new(version);
            let longest = (0..=2953).rev().find(|&n| {
                let seg = qrcodegen::QrSegment::make_bytes(&vec![b'a'; n]);
                qrcodegen::QrCode::encode_segments_advanced(&[seg], level, v, v, None, false).is_ok()
            });
            lengths.extend(longest.into_iter().flat_map(|n| [n, n + 1]));
        }
    }
    lengths.sort_unstable();
    lengths.dedup();
    for n in lengths {
        // Varied bytes, so the masks score differently.
        let link: String = (0..n).map(|i| char::from(b"https://x.org/#s1=AZaz09-_"[(i * 7 + n) % 26])).collect();
        assert_same_as_qrcodegen(&link);
    }
}

/// The 15 format bits read from the matrix's first and second copies.
fn format_bits(rows: &[String]) -> (u32, u32) {
    let dark = |x: usize, y: usize| u32::from(rows[y].as_bytes()[x] == b'1');
    let n = rows.len();
    let first: [(usize, usize); 15] = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)];
    let second = (0..15).map(|i| if i < 8 { (n - 1 - i, 8) } else { (8, n - 15 + i) });
    let read = |at: &mut dyn Iterator<Item = (usize, usize)>| at.enumerate().fold(0, |bits, (i, (x, y))| bits | dark(x, y) << i);
    (read(&mut first.into_iter()), read(&mut { second }))
}

/// Remainder of `word` divided by `generator` over GF(2) (long division,
/// independent of the encoder's own loop).
fn gf2_remainder(mut word: u32, generator: u32) -> u32 {
    let degree = 31 - generator.leading_zeros();
    while word != 0 && 31 - word.leading_zeros() >= degree {
        word ^= generator << (31 - word.leading_zeros() - degree);
    }
    word
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_links_encode_as_qrcodegen_does(link in "[ -~]{0,2000}|[a-zA-Z0-9_-]{2000,2953}|\\PC{0,300}") {
        assert_same_as_qrcodegen(&link);
    }

    #[test]
    fn format_and_version_information_are_valid_bch_codes(link in "[a-zA-Z0-9_-]{0,1200}") {
        let qr = qr_code(&link).unwrap();
        let rows = modules(&qr);
        let (first, second) = format_bits(&rows);
        prop_assert_eq!(first, second, "both copies of the format information");
        let format = first ^ 0x5412;
        prop_assert_eq!(gf2_remainder(format, 0x537), 0, "BCH(15,5)");
        let level = [qr::Ecc::Medium, qr::Ecc::Low, qr::Ecc::High, qr::Ecc::Quartile][(format >> 13) as usize];
        prop_assert_eq!(level, qr.ecc);
        // The dark module beside the lower-left format bits.
        prop_assert_eq!(rows[qr.size as usize - 8].as_bytes()[8], b'1');
        if qr.version >= 7 {
            let n = qr.size as usize;
            let bit = |x: usize, y: usize| u32::from(rows[y].as_bytes()[x] == b'1');
            let upper_right = (0..18).fold(0, |v, i| v | bit(n - 11 + i % 3, i / 3) << i);
            let lower_left = (0..18).fold(0, |v, i| v | bit(i / 3, n - 11 + i % 3) << i);
            prop_assert_eq!(upper_right, lower_left, "both copies of the version information");
            prop_assert_eq!(upper_right >> 12, u32::from(qr.version));
            prop_assert_eq!(gf2_remainder(upper_right, 0x1F25), 0, "BCH(18,6)");
        }
    }
}

#[test]
fn version_and_format_information_match_the_standards_tables() {
    // ISO/IEC 18004 annex D: version 7's information is 0x07C94, version
    // 40's 0x28C69 (150 and 2,953 bytes need those versions at Low).
    for (len, info) in [(150, 0x07C94), (2953, 0x28C69)] {
        let qr = qr_code(&"a".repeat(len)).unwrap();
        let rows = modules(&qr);
        let n = qr.size as usize;
        let read = (0..18).fold(0, |v, i| v | u32::from(rows[i / 3].as_bytes()[n - 11 + i % 3] == b'1') << i);
        assert_eq!(read, info, "{len} bytes");
    }
    let rows = modules(&qr_code(&"a".repeat(2953)).unwrap());
    let (format, _) = format_bits(&rows);
    // Stored XOR 0x5412; level L's code is 01.
    assert_eq!((format ^ 0x5412) >> 13, 0b01, "level L at version 40");
}

/// The ciphertext of a sealed link.
fn link_ciphertext(link: &Link) -> &[u8] {
    match link {
        Link::Sealed(s) => &s.ciphertext,
        Link::Plain(d) => d,
    }
}

/// Review w14 S1: the key a draft keeps of the link it came from is the
/// same for the same link and differs for another.
#[test]
fn a_link_key_is_the_same_for_the_same_link_only() {
    let one = Link::Sealed(Sealed { salt: [7; SALT_BYTES], iv: [9; IV_BYTES], ciphertext: vec![1; 40] });
    let other = Link::Sealed(Sealed { salt: [7; SALT_BYTES], iv: [9; IV_BYTES], ciphertext: vec![2; 40] });
    let plain = Link::Plain(vec![1; 40]);
    let again = Link::parse(&one.fragment()).unwrap().unwrap();
    assert_eq!(link_key(&one), link_key(&again));
    assert_eq!(link_key(&one).len(), 16);
    assert!(link_key(&one).bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(link_key(&one), link_key(&other));
    assert_ne!(link_key(&one), link_key(&plain));
}
