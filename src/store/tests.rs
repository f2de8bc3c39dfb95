use super::*;
use crate::scenario::{ErrorKind, Scenario, CURRENT_VERSION};
use std::cell::RefCell;
use std::rc::Rc;

/// Two tabs share one localStorage.
#[derive(Clone, Default)]
pub(super) struct Shared(pub(super) Rc<RefCell<MemoryBackend>>);

impl Shared {
    pub(super) fn new() -> Self {
        Self(Rc::new(RefCell::new(MemoryBackend::new())))
    }
    pub(super) fn put(&self, k: &str, v: &str) {
        self.0.borrow_mut().map.insert(k.into(), v.into());
    }
    pub(super) fn get(&self, k: &str) -> Option<String> {
        self.0.borrow().map.get(k).cloned()
    }
    pub(super) fn keys(&self) -> Vec<String> {
        self.0.borrow().map.keys().cloned().collect()
    }
}

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), Fault> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, Fault> {
        self.0.borrow().keys()
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<(), Fault> {
        self.0.borrow_mut().copy(from, to)
    }
    fn same(&self, a: &str, b: &str) -> Result<bool, Fault> {
        self.0.borrow().same(a, b)
    }
    fn persistent(&self) -> bool {
        self.0.borrow().persistent()
    }
}

const T0: u64 = 1_764_000_000_000;

pub(super) fn no_description(_: &Scenario) -> String {
    String::new()
}

pub(super) const NAMES: Names = Names { draft: "草稿", recovered: "恢复的草稿", describe: &no_description };

fn start(b: &Shared, now: u64) -> (DraftStore<Shared>, Startup) {
    DraftStore::start(b.clone(), now, 7, &NAMES)
}

fn changed() -> Scenario {
    let mut s = Scenario::example();
    s.budget.income = 15_000.into();
    s
}

#[test]
fn first_start_creates_and_stores_a_draft() {
    let b = Shared::new();
    let (d, st) = start(&b, T0);
    assert!(st.created && st.notices.is_empty() && st.fault.is_none());
    assert_eq!(st.open.name, "草稿 1");
    assert_eq!(st.open.revision, 1);
    assert_eq!(st.scenario, Scenario::example());
    // The draft key holds exactly the scenario format, exportable as is.
    let stored = b.get(&draft_key(&st.open.id)).unwrap();
    assert_eq!(Scenario::from_json(&stored).unwrap(), Scenario::example());
    assert_eq!(parse_index(&b.get(INDEX_KEY).unwrap()).unwrap(), vec![st.open.clone()]);
    assert_eq!(b.get(OPEN_KEY).as_deref(), Some(st.open.id.as_str()));
    assert_eq!(d.list().len(), 1);
    assert!(valid_id(&st.open.id));
}

#[test]
fn restart_restores_the_open_draft_exactly() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    let saved = d.save(&st.open, &changed().to_json(), T0 + 1000).unwrap();
    assert_eq!(saved.revision, 2);
    let second = d.new_meta("B".into(), T0 + 2000, 1);
    let second = d.save(&second, &Scenario::example().to_json(), T0 + 2000).unwrap();
    d.set_open(&st.open.id).unwrap();
    let (d2, st2) = start(&b, T0 + 5000);
    assert!(!st2.created && st2.notices.is_empty());
    assert_eq!(st2.open, saved);
    assert_eq!(st2.scenario, changed());
    assert_eq!(d2.list(), &[saved, second]);
}

#[test]
fn opens_the_newest_when_the_open_key_is_stale() {
    let b = Shared::new();
    let (mut d, _) = start(&b, T0);
    let m = d.new_meta("B".into(), T0 + 10, 3);
    let newest = d.save(&m, &changed().to_json(), T0 + 10).unwrap();
    b.put(OPEN_KEY, "gone-1");
    let (_, st) = start(&b, T0 + 20);
    assert_eq!(st.open.id, newest.id);
}

#[test]
fn two_tabs_never_overwrite_newer_data() {
    let b = Shared::new();
    let (mut tab1, st) = start(&b, T0);
    let (mut tab2, st2) = start(&b, T0 + 1);
    assert_eq!(st.open, st2.open);
    let saved1 = tab1.save(&st.open, &changed().to_json(), T0 + 100).unwrap();
    // Tab 2 still holds revision 1: its write is refused and reported.
    let e = tab2.save(&st2.open, &Scenario::example().to_json(), T0 + 200).unwrap_err();
    assert_eq!(e, SaveError::Conflict(saved1.clone()));
    assert_eq!(Scenario::from_json(&b.get(&draft_key(&st.open.id)).unwrap()).unwrap(), changed());
    // After loading the newer revision, tab 2 can save again.
    let (meta, s) = tab2.load(&st.open.id, T0 + 300).unwrap();
    assert_eq!((meta.revision, s), (2, changed()));
    assert_eq!(tab2.save(&meta, &Scenario::example().to_json(), T0 + 400).unwrap().revision, 3);
    assert_eq!(tab1.refresh(T0 + 500)[0].revision, 3);
}

#[test]
fn a_draft_deleted_in_another_tab_is_saved_again_not_lost() {
    let b = Shared::new();
    let (mut tab1, st) = start(&b, T0);
    let (mut tab2, _) = start(&b, T0);
    tab2.delete(&st.open, None, T0 + 1).unwrap();
    let again = tab1.save(&st.open, &changed().to_json(), T0 + 2).unwrap();
    assert_eq!(again.id, st.open.id);
    assert_eq!(tab1.list().len(), 1);
}

fn quarantine_keys(b: &Shared) -> Vec<String> {
    b.keys().into_iter().filter(|k| k.starts_with(QUARANTINE_PREFIX)).collect()
}

fn with_bad_draft(raw: &str) -> (Shared, String) {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    let m = d.new_meta("坏的".into(), T0 + 1, 99);
    d.save(&m, &Scenario::example().to_json(), T0 + 1).unwrap();
    d.set_open(&m.id).unwrap();
    b.put(&draft_key(&m.id), raw);
    let _ = st;
    (b, m.id)
}

fn assert_set_aside(raw: &str, kind: ErrorKind, path: &str) {
    let (b, id) = with_bad_draft(raw);
    let (d, st) = start(&b, T0 + 1000);
    // The app starts normally on another draft…
    assert!(!st.created);
    assert_ne!(st.open.id, id);
    assert!(d.list().iter().all(|m| m.id != id));
    // …says so, naming the problem…
    let [Notice::Quarantined { source, key, error }] = st.notices.as_slice() else { panic!("{:?}", st.notices) };
    assert_eq!(*source, Source::Draft { id: id.clone(), name: Some("坏的".into()) });
    assert_eq!((error.kind(), error.path().as_str()), (kind, path));
    // …and the data is kept byte for byte under a quarantine key, the original key gone.
    assert_eq!(b.get(key).as_deref(), Some(raw));
    assert_eq!(b.get(&draft_key(&id)), None);
    assert_eq!(d.quarantine_text(key).as_deref(), Some(raw));
    let items = d.quarantined();
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].at, items[0].bytes), (T0 + 1000, raw.len()));
}

#[test]
fn not_json_is_set_aside() {
    assert_set_aside("{\"version\":1, oops", ErrorKind::Syntax, "");
}

#[test]
fn a_newer_version_is_set_aside() {
    let raw = Scenario::example().to_json().replacen("\"version\": 1", "\"version\": 9", 1);
    assert_set_aside(&raw, ErrorKind::NewerVersion, "version");
}

#[test]
fn an_unknown_version_is_set_aside() {
    assert_set_aside(r#"{"loans":[]}"#, ErrorKind::Version, "version");
}

#[test]
fn invalid_values_are_set_aside_with_their_path() {
    let raw = Scenario::example().to_json().replacen("\"months\": 12", "\"months\": 0", 1);
    assert_set_aside(&raw, ErrorKind::Invalid, "loans[0].months");
}

#[test]
fn quarantine_never_overwrites_earlier_quarantine() {
    let (b, _) = with_bad_draft("one");
    b.put(&format!("{QUARANTINE_PREFIX}{}-0", T0 + 1000), "earlier");
    let (_, st) = start(&b, T0 + 1000);
    let [Notice::Quarantined { key, .. }] = st.notices.as_slice() else { panic!() };
    assert_eq!(key, &format!("{QUARANTINE_PREFIX}{}-1", T0 + 1000));
    assert_eq!(b.get(&format!("{QUARANTINE_PREFIX}{}-0", T0 + 1000)).as_deref(), Some("earlier"));
    assert_eq!(b.get(key).as_deref(), Some("one"));
}

#[test]
fn an_unreadable_index_is_set_aside_and_drafts_recovered() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    d.save(&st.open, &changed().to_json(), T0 + 1).unwrap();
    b.put(INDEX_KEY, "not an index");
    let (d2, st2) = start(&b, T0 + 50);
    assert!(matches!(&st2.notices[0], Notice::Quarantined { source: Source::Index, .. }));
    assert_eq!(st2.notices[1], Notice::Recovered { name: "恢复的草稿".into() });
    assert_eq!(st2.open.id, st.open.id);
    assert_eq!(st2.scenario, changed());
    assert_eq!(d2.list().len(), 1);
    assert_eq!(quarantine_keys(&b).len(), 1);
    assert_eq!(b.get(&quarantine_keys(&b)[0]).as_deref(), Some("not an index"));
    // The rebuilt index is written.
    assert_eq!(parse_index(&b.get(INDEX_KEY).unwrap()).unwrap().len(), 1);
}

#[test]
fn a_newer_index_is_left_in_place_and_the_page_opens_read_only() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    d.save(&st.open, &changed().to_json(), T0 + 1).unwrap();
    let newer = b.get(INDEX_KEY).unwrap().replace("\"version\":1", "\"version\":2");
    b.put(INDEX_KEY, &newer);
    let before = b.0.borrow().map.clone();
    let (mut d, st) = start(&b, T0 + 2);
    assert!(st.read_only && d.read_only());
    assert_eq!(st.notices, vec![Notice::NewerIndex]);
    assert_eq!(st.scenario, Scenario::example());
    assert!(quarantine_keys(&b).is_empty(), "nothing is moved aside");
    // Nothing is written: not the open key, not a draft, not the index.
    assert_eq!(d.save(&st.open, &changed().to_json(), T0 + 3), Err(SaveError::Newer));
    let _ = d.set_open(&st.open.id);
    assert_eq!(b.0.borrow().map, before);
}

#[test]
fn mid_session_a_newer_index_stops_writes() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    let newer = b.get(INDEX_KEY).unwrap().replace("\"version\":1", "\"version\":2");
    b.put(INDEX_KEY, &newer);
    assert_eq!(d.save(&st.open, &changed().to_json(), T0 + 1), Err(SaveError::Newer));
    assert_eq!(b.get(INDEX_KEY).as_deref(), Some(newer.as_str()));
    assert_eq!(Scenario::from_json(&b.get(&draft_key(&st.open.id)).unwrap()).unwrap(), Scenario::example());
}

#[test]
fn when_storage_is_full_unreadable_data_stays_and_is_never_written() {
    let (b, id) = with_bad_draft("garbage");
    let used: usize = b.0.borrow().map.iter().map(|(k, v)| k.len() + v.len()).sum();
    b.0.borrow_mut().quota = Some(used);
    let (mut d, st) = start(&b, T0 + 1000);
    let [Notice::Stuck { fault: Fault::Full, error, .. }] = st.notices.as_slice() else { panic!("{:?}", st.notices) };
    assert_eq!(error.kind(), ErrorKind::Syntax);
    assert_eq!(b.get(&draft_key(&id)).as_deref(), Some("garbage"));
    // Even with room again, that key is never written this session.
    b.0.borrow_mut().quota = None;
    let fake = DraftMeta { id: id.clone(), name: "x".into(), updated_at: T0, revision: 99, link: None };
    assert_eq!(d.save(&fake, "{}", T0 + 2000), Err(SaveError::Fault(Fault::Locked)));
    assert_eq!(b.get(&draft_key(&id)).as_deref(), Some("garbage"));
}

#[test]
fn quota_exceeded_is_reported_and_nothing_is_half_lost() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    b.0.borrow_mut().quota = Some(10);
    let e = d.save(&st.open, &changed().to_json(), T0 + 1).unwrap_err();
    assert_eq!(e, SaveError::Fault(Fault::Full));
    assert_eq!(Scenario::from_json(&b.get(&draft_key(&st.open.id)).unwrap()).unwrap(), Scenario::example());
    b.0.borrow_mut().quota = None;
    assert_eq!(d.save(&st.open, &changed().to_json(), T0 + 2).unwrap().revision, 2);
}

#[test]
fn blocked_storage_still_gives_a_working_draft() {
    let mut m = MemoryBackend::new();
    m.broken = Some(Fault::Unavailable);
    let (d, st) = DraftStore::start(m, T0, 1, &NAMES);
    assert!(st.created);
    assert_eq!(st.fault, Some(Fault::Unavailable));
    assert_eq!(st.scenario, Scenario::example());
    assert!(d.quarantined().is_empty());
    // The stand-in the browser uses instead works and says it is not persistent.
    let (d, st) = DraftStore::start(MemoryBackend::volatile(), T0, 1, &NAMES);
    assert!(st.fault.is_none() && !d.persistent());
}

#[test]
fn older_versions_are_migrated_and_rewritten() {
    let b = Shared::new();
    let (mut d, _) = start(&b, T0);
    let m = d.new_meta("旧".into(), T0 + 1, 5);
    d.save(&m, &Scenario::example().to_json(), T0 + 1).unwrap();
    let v0 = include_str!("../../tests/fixtures/migration/v0-mybank.json");
    b.put(&draft_key(&m.id), v0);
    let (mut d, st) = start(&b, T0 + 2);
    assert_eq!(st.notices, vec![Notice::Migrated { name: "旧".into(), from: 0 }]);
    let stored = b.get(&draft_key(&m.id)).unwrap();
    assert!(stored.contains(&format!("\"version\": {CURRENT_VERSION}")));
    let expected = include_str!("../../tests/fixtures/migration/v0-mybank.expected.json");
    assert_eq!(d.load(&m.id, T0 + 3).unwrap().1, Scenario::from_json(expected).unwrap());
}

#[test]
fn delete_and_undo() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    let page = changed().to_json();
    let deleted = d.delete(&st.open, Some(&page), T0 + 1).unwrap();
    assert!(d.list().is_empty());
    assert_eq!(b.get(&draft_key(&st.open.id)), None);
    let back = d.restore(&deleted, T0 + 2).unwrap();
    assert_eq!(back.id, st.open.id);
    assert_eq!(d.load(&st.open.id, T0 + 3).unwrap().1, changed());
    // Undo twice does not duplicate.
    d.restore(&deleted, T0 + 4).unwrap();
    assert_eq!(d.list().len(), 1);
}

#[test]
fn rename_and_duplicate_names() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    let r = d.rename(&st.open.id, "网商贷 2025", T0 + 1).unwrap().unwrap();
    assert_eq!(r.name, "网商贷 2025");
    assert_eq!(d.rename("nope", "x", T0).unwrap(), None);
    // A save keeps the stored name.
    assert_eq!(d.save(&st.open, &changed().to_json(), T0 + 2).unwrap().name, "网商贷 2025");
    assert_eq!(unique_name("网商贷 2025", d.list()), "网商贷 2025 (2)");
    assert_eq!(next_default_name("草稿", d.list()), "草稿 1");
}

#[test]
fn erase_all_removes_only_this_apps_keys() {
    let b = Shared::new();
    let (mut d, _) = start(&b, T0);
    b.put(LANG_KEY, "en");
    b.put(&format!("{QUARANTINE_PREFIX}1-0"), "x");
    b.put("other.app", "keep");
    let n = d.erase_all().unwrap();
    assert_eq!(n, 5);
    assert_eq!(b.keys(), vec!["other.app".to_owned()]);
    assert!(d.list().is_empty());
}

#[test]
fn discard_touches_only_quarantine_keys() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    assert!(d.discard(&draft_key(&st.open.id)).is_err());
    assert!(d.quarantine_text(INDEX_KEY).is_none());
    b.put(&format!("{QUARANTINE_PREFIX}5-0"), "x");
    d.discard(&format!("{QUARANTINE_PREFIX}5-0")).unwrap();
    assert!(quarantine_keys(&b).is_empty());
}

#[test]
fn a_missing_draft_is_reported_and_dropped() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    let m = d.new_meta("B".into(), T0, 2);
    d.save(&m, &Scenario::example().to_json(), T0).unwrap();
    b.0.borrow_mut().map.remove(&draft_key(&m.id));
    let (d, st2) = start(&b, T0 + 1);
    assert_eq!(st2.notices, vec![Notice::Missing { name: "B".into() }]);
    assert_eq!(d.list().len(), 1);
    assert_eq!(st2.open.id, st.open.id);
}

#[test]
fn index_format() {
    let m = DraftMeta { id: "abc-1".into(), name: "草稿 1".into(), updated_at: T0, revision: 3, link: None };
    let text = index_json(std::slice::from_ref(&m));
    assert_eq!(text, format!(r#"{{"version":1,"drafts":[{{"id":"abc-1","name":"草稿 1","updated_at":{T0},"revision":3}}]}}"#));
    assert_eq!(parse_index(&text).unwrap(), vec![m.clone()]);
    let dup = index_json(&[m.clone(), m.clone()]);
    assert_eq!(parse_index(&dup).unwrap_err().path, "drafts[1].id");
    let bad = text.replace("abc-1", "../x");
    assert_eq!(parse_index(&bad).unwrap_err().kind, ErrorKind::Invalid);
    assert_eq!(parse_index(&text.replace("\"revision\":3", "\"revision\":\"3\"")).unwrap_err().path, "drafts[0].revision");
    assert_eq!(parse_index("[]").unwrap_err().kind, ErrorKind::Version);
    assert_eq!(parse_index(r#"{"version":0,"drafts":[]}"#).unwrap_err().kind, ErrorKind::Version);
}

#[test]
fn import_checks() {
    assert_eq!(check_import_size(MAX_IMPORT_BYTES), Ok(()));
    assert_eq!(check_import_size(MAX_IMPORT_BYTES + 1), Err(ImportError::TooLarge(MAX_IMPORT_BYTES + 1)));
    let big = format!("{}{}", Scenario::example().to_json(), " ".repeat(MAX_IMPORT_BYTES as usize));
    assert!(matches!(parse_import(&big), Err(ImportError::TooLarge(_))));
    let Err(ImportError::Scenario(e)) = parse_import("hello") else { panic!() };
    assert_eq!(e.kind(), ErrorKind::Syntax);
    let bad = Scenario::example().to_json().replacen("\"100000\"", "100000", 1);
    let Err(ImportError::Scenario(e)) = parse_import(&bad) else { panic!("{bad}") };
    assert_eq!(e.path(), "loans[0].principal");
    let with_bom = format!("\u{feff}{}", Scenario::example().to_json());
    assert_eq!(parse_import(&with_bom).unwrap(), Scenario::example());
    let v0 = include_str!("../../tests/fixtures/migration/v0-mybank.json");
    assert!(parse_import(v0).is_ok());
}

#[test]
fn file_names() {
    assert_eq!(import_name("网商贷.json", "导入"), "网商贷");
    assert_eq!(import_name("C:\\tmp\\plan.JSON", "导入"), "plan");
    assert_eq!(import_name(".json", "导入"), "导入");
    assert_eq!(import_name("a\u{7}b.txt", "导入"), "ab.txt");
    assert_eq!(import_name(&"长".repeat(200), "x").chars().count(), MAX_NAME_CHARS);
    assert_eq!(export_file_name("草稿 1"), "草稿 1.json");
    assert_eq!(export_file_name("a/b:c"), "a_b_c.json");
    assert_eq!(export_file_name("  ..  "), "xieshang-draft.json");
}

#[test]
fn ids_are_fresh_and_safe() {
    let a = fresh_id(T0, 0, |_| false);
    assert!(valid_id(&a));
    let b = fresh_id(T0, 0, |id| id == a);
    assert_ne!(a, b);
    assert!(valid_id(&b));
    assert!(!valid_id("") && !valid_id("A") && !valid_id("a.b"));
}

#[test]
fn random_garbage_never_panics() {
    for raw in ["", "null", "[]", "{}", "{\"version\":1}", "{\"version\":-1}", "{\"version\":1e400}", "\u{0}", "{\"version\":1,\"loans\":[{}]}"] {
        let b = Shared::new();
        b.put(INDEX_KEY, raw);
        b.put(&draft_key("x-1"), raw);
        b.put(OPEN_KEY, raw);
        let (_, st) = start(&b, T0);
        assert!(st.created, "{raw:?}");
    }
}

/// localStorage keeps UTF-16 strings, which a Rust string cannot always
/// hold: this backend stores UTF-16 units and reads them as the browser
/// binding does (a lone surrogate becomes U+FFFD).
#[derive(Default)]
struct Utf16 {
    map: std::collections::BTreeMap<String, Vec<u16>>,
    /// Copies go through a lossy read, as a naive backend would.
    lossy_copy: bool,
}

impl Backend for Utf16 {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        Ok(self.map.get(key).map(|u| String::from_utf16_lossy(u)))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        self.map.insert(key.into(), value.encode_utf16().collect());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), Fault> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, Fault> {
        Ok(self.map.keys().cloned().collect())
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<(), Fault> {
        if self.lossy_copy {
            let v = self.get(from)?.unwrap_or_default();
            return self.set(to, &v);
        }
        let units = self.map.get(from).cloned().ok_or(Fault::Other("gone".into()))?;
        self.map.insert(to.into(), units);
        Ok(())
    }
    fn same(&self, a: &str, b: &str) -> Result<bool, Fault> {
        Ok(self.map.get(a) == self.map.get(b))
    }
}

/// A stored draft holding a lone surrogate (not valid UTF-16).
fn with_lone_surrogate(lossy_copy: bool) -> (Utf16, Vec<u16>) {
    let mut b = Utf16 { lossy_copy, ..Utf16::default() };
    let (d, st) = DraftStore::start(std::mem::take(&mut b), T0, 3, &NAMES);
    let mut b = Utf16 { map: d.backend().map.clone(), lossy_copy };
    let mut raw: Vec<u16> = "{\"version\":1,\"x\":\"".encode_utf16().collect();
    raw.push(0xD800);
    raw.extend("\"}".encode_utf16());
    b.map.insert(draft_key(&st.open.id), raw.clone());
    (b, raw)
}

#[test]
fn quarantine_is_byte_for_byte_even_for_invalid_utf16() {
    let (b, raw) = with_lone_surrogate(false);
    let (d, st) = DraftStore::start(b, T0 + 10, 3, &NAMES);
    let [Notice::Quarantined { key, .. }] = st.notices.as_slice() else { panic!("{:?}", st.notices) };
    assert_eq!(d.backend().map.get(key), Some(&raw), "the lone surrogate survives");
    assert!(d.backend().map.values().filter(|v| **v == raw).count() == 1, "moved, not copied");
}

#[test]
fn a_lossy_copy_leaves_the_original_in_place() {
    let (b, raw) = with_lone_surrogate(true);
    let original = b.map.iter().find(|(_, v)| **v == raw).map(|(k, _)| k.clone()).unwrap();
    let (d, st) = DraftStore::start(b, T0 + 10, 3, &NAMES);
    assert!(matches!(st.notices.as_slice(), [Notice::Stuck { .. }]), "{:?}", st.notices);
    assert_eq!(d.backend().map.get(&original), Some(&raw));
    assert!(!d.backend().map.keys().any(|k| k.starts_with(QUARANTINE_PREFIX)), "no half copy is left behind");
}

#[test]
fn recovered_drafts_keep_their_names_where_the_index_still_says() {
    let b = Shared::new();
    let (mut d, st) = start(&b, T0);
    d.rename(&st.open.id, "网商贷 协商", T0 + 1).unwrap();
    let m = d.new_meta("借呗".into(), T0 + 2, 9);
    let second = d.save(&m, &Scenario::example().to_json(), T0 + 2).unwrap();
    let third = d.new_meta("信用卡".into(), T0 + 3, 11);
    let third = d.save(&third, &changed().to_json(), T0 + 3).unwrap();
    // The index is cut short in the middle of the third entry.
    let full = b.get(INDEX_KEY).unwrap();
    let cut = &full[..full.find(&third.id).unwrap() + 3];
    b.put(INDEX_KEY, cut);
    let describe = |s: &Scenario| format!("{} 笔借款", s.loans.len());
    let names = Names { describe: &describe, ..NAMES };
    let (d, st) = DraftStore::start(b.clone(), T0 + 5, 7, &names);
    let mut got: Vec<(String, String)> = d.list().iter().map(|m| (m.id.clone(), m.name.clone())).collect();
    got.sort();
    let mut want = vec![
        (st.open.id.clone(), "网商贷 协商".to_owned()),
        (second.id.clone(), "借呗".to_owned()),
        (third.id.clone(), "1 笔借款".to_owned()),
    ];
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn names_salvaged_from_a_broken_index() {
    let text = r#"{"version":1,"drafts":[{"id":"a-1","name":"网商贷","updated_at":1,"revision":2},{"id":"b-2","name":"借"#;
    assert_eq!(salvage_names(text), vec![("a-1".to_owned(), "网商贷".to_owned())]);
    assert_eq!(salvage_names("not an index"), vec![]);
    assert_eq!(salvage_names(r#"{"id":"../x","name":"y"}"#), vec![], "ids are checked");
}

#[test]
fn bidirectional_controls_are_stripped_from_names() {
    assert_eq!(clean_name("\u{202e}gpj.exe\u{202c}", "x"), "gpj.exe");
    assert_eq!(clean_name("a\u{2066}b\u{2069}", "x"), "ab");
    assert_eq!(import_name("\u{202e}plan.json", "x"), "plan");
    assert_eq!(clean_name("\u{202e}", "后备"), "后备");
}

#[test]
fn salvaged_names_keep_escapes_and_survive_any_cut() {
    let text = r#"{"version":1,"drafts":[{"id":"a-1","name":"说 \"借呗\" \\ 2","updated_at":1,"revision":2}]}"#;
    assert_eq!(salvage_names(text), vec![("a-1".to_owned(), "说 \"借呗\" \\ 2".to_owned())]);
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            let got = salvage_names(&text[..cut]);
            assert!(got.is_empty() || got[0].1 == "说 \"借呗\" \\ 2", "{cut}: {got:?}");
        }
    }
}

#[test]
fn an_unstored_start_sets_unreadable_data_aside_at_once_and_stores_the_new_draft_when_asked() {
    let b = Shared::new();
    b.put(&draft_key("x1-abcd"), "{oops");
    b.put(INDEX_KEY, r#"{"version":1,"drafts":[{"id":"x1-abcd","name":"坏的","updated_at":1,"revision":1}]}"#);
    let (mut d, st) = DraftStore::start_unstored(b.clone(), Reader::NATIVE, T0, 7, &NAMES);
    // The repair is written at once: the data moved, byte for byte, the index without it…
    assert_eq!(quarantine_keys(&b).len(), 1);
    assert_eq!(b.get(&draft_key("x1-abcd")), None);
    assert!(parse_index(&b.get(INDEX_KEY).unwrap()).unwrap().is_empty());
    // …the new draft is not, until asked.
    assert!(st.created && st.open.revision == 0);
    assert_eq!(b.get(&draft_key(&st.open.id)), None);
    assert_eq!(b.get(OPEN_KEY), None);
    let (open, fault) = d.store_new(&st.open, &st.scenario.to_json(), T0 + 5);
    assert_eq!((open.revision, fault), (1, None));
    assert_eq!(parse_index(&b.get(INDEX_KEY).unwrap()).unwrap(), vec![open.clone()]);
    assert_eq!(b.get(OPEN_KEY), Some(open.id));
}
