//! The hand-written writer against `Serialize`: the same string for every
//! fixture and any scenario, free text with quotes, control characters and
//! non-ASCII included.

use super::super::read::tests::any_scenario;
use super::super::Scenario;
use proptest::prelude::*;

fn serde_writes(s: &Scenario) -> String {
    serde_json::to_string_pretty(s).unwrap()
}

#[test]
fn every_fixture_is_written_as_serde_writes_it() {
    let mut read = 0;
    for path in crate::versioned::json::tests::fixture_files() {
        let Ok(s) = Scenario::from_json(&std::fs::read_to_string(&path).unwrap()) else { continue };
        assert_eq!(s.to_json(), serde_writes(&s), "{}", path.display());
        assert_eq!(s.to_compact_json(), serde_json::to_string(&s).unwrap(), "{}", path.display());
        read += 1;
    }
    assert!(read >= 20, "only {read} fixtures read");
}

/// Free text of any characters: control characters, quotes, backslashes, CJK.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\\x00-\\x20\"\\\\/网a\\x7f\u{2028}]{0,8}"]
}

// 256 cases; PROPTEST_CASES raises them.
proptest! {
    #[test]
    fn any_scenario_is_written_as_serde_writes_it(mut s in any_scenario(), texts in proptest::collection::vec(any_text(), 8)) {
        prop_assert_eq!(s.to_json(), serde_writes(&s));
        let mut texts = texts.into_iter();
        let mut next = || texts.next().unwrap_or_default();
        s.profile.name = next();
        s.profile.city = next();
        if let Some(l) = s.loans.first_mut() {
            l.id = next();
            l.name = next();
            l.contract_no = next();
        }
        if let Some(h) = &mut s.hardship {
            h.details = next();
        }
        if let Some(c) = s.contact_log.first_mut() {
            c.summary = next();
            c.loan_id = next();
        }
        prop_assert_eq!(s.to_json(), serde_writes(&s));
        prop_assert_eq!(s.to_compact_json(), serde_json::to_string(&s).unwrap());
    }
}
