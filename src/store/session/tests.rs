use super::*;
use crate::store::Reader;
use crate::store::tests::{Shared, NAMES};
use crate::store::{draft_key, parse_index, stored_lang, MemoryBackend, INDEX_KEY, LANG_KEY, OPEN_KEY};
use std::cell::Cell;
use std::rc::Rc;

const T0: u64 = 1_764_000_000_000;

/// A clock the test moves by hand; salts count up.
#[derive(Clone)]
struct TestClock(Rc<Cell<u64>>, Rc<Cell<u32>>);

impl TestClock {
    fn new() -> Self {
        Self(Rc::new(Cell::new(T0)), Rc::new(Cell::new(1)))
    }
    fn pass(&self, ms: u64) {
        self.0.set(self.0.get() + ms);
    }
}

impl Clock for TestClock {
    fn now(&self) -> u64 {
        self.0.get()
    }
    fn salt(&self) -> u32 {
        self.1.set(self.1.get() + 1);
        self.1.get()
    }
}

type Tab = Session<Shared, TestClock>;

fn tab(b: &Shared, clock: &TestClock) -> (Tab, Scenario) {
    Session::start(b.clone(), clock.clone(), &NAMES)
}

fn with_income(n: i64) -> Scenario {
    let mut s = Scenario::example();
    s.budget.income = n.into();
    s
}

/// Edits the page and lets the pause pass: what the page does.
fn type_and_pause(t: &mut Tab, s: &Scenario) {
    if let Some(ticket) = t.page_changed(Some(s.clone()), s.clone()) {
        t.autosave(ticket);
    }
}

fn stored_open(b: &Shared) -> Scenario {
    let id = b.get(OPEN_KEY).unwrap();
    Scenario::from_json(&b.get(&draft_key(&id)).unwrap()).unwrap()
}

#[test]
fn typing_saves_once_after_the_pause() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, first) = tab(&b, &clock);
    assert_eq!(first, Scenario::example());
    assert_eq!(t.status(), &Status::Saved(T0));
    assert_eq!(t.page_changed(Some(first.clone()), first.clone()), None, "nothing changed");
    let early = t.page_changed(Some(with_income(1)), with_income(1)).unwrap();
    assert_eq!(t.status(), &Status::Saving);
    let late = t.page_changed(Some(with_income(12)), with_income(12)).unwrap();
    t.autosave(early);
    assert_eq!(stored_open(&b), Scenario::example(), "a later keystroke voids the earlier ticket");
    clock.pass(300);
    t.autosave(late);
    assert_eq!(stored_open(&b), with_income(12));
    assert_eq!(t.status(), &Status::Saved(T0 + 300));
    assert_eq!(t.open().revision, 2);
    assert!(!t.must_warn_before_leaving());
}

#[test]
fn an_invalid_page_is_not_saved_and_exports_the_last_valid() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    type_and_pause(&mut t, &with_income(5));
    assert_eq!(t.page_changed(None, with_income(5)), None);
    let (name, json) = t.export();
    assert_eq!(name, "草稿 1.json");
    assert_eq!(Scenario::from_json(&json).unwrap(), with_income(5));
}

#[test]
fn leaving_the_page_writes_what_is_pending() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    t.page_changed(Some(with_income(7)), with_income(7)).unwrap();
    t.flush();
    assert_eq!(stored_open(&b), with_income(7));
    let (_, reopened) = tab(&b, &clock);
    assert_eq!(reopened, with_income(7));
}

#[test]
fn other_tabs_are_followed_and_never_overwritten() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut a, _) = tab(&b, &clock);
    let (mut other, _) = tab(&b, &clock);
    type_and_pause(&mut a, &with_income(20001));
    // The other tab hears of it and follows.
    assert_eq!(other.external_change(), Some(with_income(20001)));
    assert_eq!(other.messages(), &[Message::Synced]);
    // Then misses a change and edits: a conflict, nothing overwritten.
    type_and_pause(&mut a, &with_income(20003));
    type_and_pause(&mut other, &with_income(99999));
    assert!(matches!(other.status(), Status::Conflict(_)));
    assert!(other.must_warn_before_leaving());
    assert_eq!(stored_open(&b), with_income(20003));
    // It keeps its version as a new draft, named by the page.
    assert_eq!(other.conflict_keep("草稿 1（此页）"), Some(with_income(99999)));
    assert_eq!(other.open().name, "草稿 1（此页）");
    assert_eq!(stored_open(&b), with_income(99999));
    assert_eq!(other.list().len(), 2);
    assert!(!other.must_warn_before_leaving());
}

#[test]
fn a_conflicting_tab_can_take_the_other_version() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut a, _) = tab(&b, &clock);
    let (mut other, _) = tab(&b, &clock);
    type_and_pause(&mut a, &with_income(30003));
    type_and_pause(&mut other, &with_income(1));
    assert!(matches!(other.status(), Status::Conflict(_)));
    assert_eq!(other.conflict_load(), Some(with_income(30003)));
    assert!(matches!(other.status(), Status::Saved(_)));
}

#[test]
fn a_draft_deleted_elsewhere_stays_on_the_page_and_is_saved_again() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut a, _) = tab(&b, &clock);
    let (mut other, _) = tab(&b, &clock);
    other.delete("草稿");
    assert_eq!(a.external_change(), None);
    assert_eq!(a.messages(), &[Message::RemovedElsewhere]);
    assert_eq!(a.status(), &Status::NotYet);
    type_and_pause(&mut a, &with_income(3));
    assert!(parse_index(&b.get(INDEX_KEY).unwrap()).unwrap().iter().any(|m| m.id == a.open().id));
}

#[test]
fn new_duplicate_rename_switch() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    let first = t.open().id.clone();
    type_and_pause(&mut t, &with_income(30000));
    t.rename("  网商贷\u{202e} 协商 ");
    assert_eq!(t.open().name, "网商贷 协商");
    assert_eq!(t.new_draft("草稿"), Some(Scenario::example()));
    assert_eq!(t.open().name, "草稿 1");
    assert_eq!(t.switch(&first), Some(with_income(30000)));
    assert_eq!(t.switch(&first), None, "already open");
    assert_eq!(t.duplicate("网商贷 协商 副本"), Some(with_income(30000)));
    assert_eq!(t.duplicate("网商贷 协商 副本"), Some(with_income(30000)));
    let names: Vec<String> = t.shown().into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["网商贷 协商", "草稿 1", "网商贷 协商 副本", "网商贷 协商 副本 (2)"]);
}

#[test]
fn delete_offers_undo_until_the_next_action() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    type_and_pause(&mut t, &with_income(777));
    // Deleting the last draft opens a fresh one; undo brings it back and drops that.
    assert_eq!(t.delete("草稿"), Some(Scenario::example()));
    assert_eq!(t.undo_offer().map(|m| m.name.as_str()), Some("草稿 1"));
    assert_eq!(t.list().len(), 1);
    assert_eq!(t.undo(), Some(with_income(777)));
    assert_eq!(t.list().len(), 1);
    assert_eq!(t.undo_offer(), None);
    // Undo lasts until the next action.
    t.new_draft("草稿");
    t.delete("草稿");
    assert!(t.undo_offer().is_some());
    t.new_draft("草稿");
    assert_eq!(t.undo_offer(), None);
}

#[test]
fn when_storage_is_full_the_page_says_so_and_keeps_the_draft_open() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    b.0.borrow_mut().quota = Some(10);
    type_and_pause(&mut t, &with_income(14000));
    assert_eq!(t.status(), &Status::Failed(crate::store::Fault::Full));
    assert_eq!(t.status().code(), "full");
    assert!(t.must_warn_before_leaving());
    // Switching away would lose it: refused, and said why.
    assert_eq!(t.new_draft("草稿"), None);
    assert_eq!(t.messages(), &[Message::Unsaved]);
    assert_eq!(Scenario::from_json(&t.export().1).unwrap(), with_income(14000));
    b.0.borrow_mut().quota = None;
    type_and_pause(&mut t, &with_income(14001));
    assert!(!t.must_warn_before_leaving());
}

#[test]
fn blocked_storage_works_for_the_page_and_warns_before_leaving() {
    let clock = TestClock::new();
    let (mut t, _) = Session::start(MemoryBackend::volatile(), clock, &NAMES);
    assert_eq!(t.status(), &Status::Blocked);
    assert!(!t.must_warn_before_leaving(), "nothing typed yet");
    if let Some(ticket) = t.page_changed(Some(with_income(5)), with_income(5)) {
        t.autosave(ticket);
    }
    assert_eq!(t.status(), &Status::Blocked);
    assert!(t.must_warn_before_leaving());
    t.new_draft("草稿");
    assert_eq!(t.list().len(), 2, "drafts work within the page");
}

#[test]
fn a_newer_index_opens_read_only() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    type_and_pause(&mut t, &with_income(5));
    let newer = b.get(INDEX_KEY).unwrap().replace("\"version\":1", "\"version\":3");
    b.put(INDEX_KEY, &newer);
    let snapshot = b.0.borrow().map.clone();
    let (mut t, page) = tab(&b, &clock);
    assert_eq!(page, Scenario::example());
    assert_eq!(t.status(), &Status::Newer);
    assert_eq!(t.messages(), &[Message::Store(crate::store::Notice::NewerIndex)]);
    type_and_pause(&mut t, &with_income(6));
    t.flush();
    t.save_lang("en");
    assert_eq!(b.0.borrow().map, snapshot, "nothing written");
    assert!(t.must_warn_before_leaving());
}

#[test]
fn imports_become_new_drafts_and_bad_files_change_nothing() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    let snapshot = b.0.borrow().map.clone();
    assert_eq!(t.import("plan.json", "hello", "导入的草稿"), None);
    assert_eq!(t.messages()[0].kind(), "import-error");
    assert!(!t.import_size_ok(2 * 1024 * 1024));
    assert_eq!(b.0.borrow().map, snapshot);
    let text = format!("\u{feff}{}", with_income(8).to_json());
    assert_eq!(t.import("网商贷导入.json", &text, "导入的草稿"), Some(with_income(8)));
    assert_eq!(t.open().name, "网商贷导入");
    assert!(t.messages().contains(&Message::Imported("网商贷导入".into())));
    t.import("网商贷导入.json", &text, "导入的草稿");
    assert_eq!(t.open().name, "网商贷导入 (2)");
    // F16a: a bad file after a good one: its error alone, not beside "imported".
    assert_eq!(t.import("plan.json", "hello", "导入的草稿"), None);
    assert!(!t.messages().iter().any(|m| matches!(m, Message::Imported(_))), "{:?}", t.messages());
    assert!(!t.import_size_ok(2 * 1024 * 1024));
    assert_eq!(t.messages().iter().filter(|m| m.kind() == "import-error").count(), 1);
}

/// Review w14 S1: a share link opened as a draft is remembered (its key in
/// the index, kept through saves and by another tab); the draft it became
/// is found again, unchanged, while other drafts are not links.
#[test]
fn a_draft_opened_from_a_link_remembers_the_link() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    assert!(t.link_draft("0123456789abcdef").is_none());
    let text = with_income(8).to_json();
    assert_eq!(t.import_link("来自链接 12-01 04:19", &text, "0123456789abcdef", "导入的草稿"), Some(with_income(8)));
    let id = t.open().id.clone();
    assert_eq!(t.link_draft("0123456789abcdef").map(|m| m.id.clone()), Some(id.clone()));
    assert!(t.link_draft("fedcba9876543210").is_none());
    // Edited and saved, it is still the link's draft; a plain import is not a link's.
    type_and_pause(&mut t, &with_income(9));
    t.import("plan.json", &text, "导入的草稿");
    assert_eq!(t.link_draft("0123456789abcdef").map(|m| m.id.clone()), Some(id.clone()));
    let index = parse_index(&b.0.borrow().map[INDEX_KEY]).unwrap();
    assert_eq!(index.iter().filter(|m| m.link.is_some()).map(|m| m.id.clone()).collect::<Vec<_>>(), vec![id.clone()]);
    assert!(b.0.borrow().map[INDEX_KEY].contains(r#""link":"0123456789abcdef""#));
    // Another tab reads the index and finds the same draft, also at start,
    // before it settles (a link is read then).
    let (other, _) = Session::start_unstored(b.clone(), clock.clone(), Reader::NATIVE, &NAMES);
    assert_eq!(other.link_draft("0123456789abcdef").map(|m| m.id.clone()), Some(id.clone()));
    // Switching to it opens it as it was saved, not the link's figures again.
    assert_eq!(t.switch(&id), Some(with_income(9)));
}

#[test]
fn erase_all_shows_a_fresh_page_and_writes_nothing_until_a_change() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    type_and_pause(&mut t, &with_income(44444));
    t.save_lang("en");
    assert_eq!(t.erase_all("草稿"), Some(Scenario::example()));
    assert_eq!(t.status(), &Status::Erased);
    assert!(b.keys().is_empty());
    type_and_pause(&mut t, &with_income(15000));
    assert_eq!(stored_open(&b), with_income(15000));
}

#[test]
fn the_language_has_one_path_through_the_store() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    assert_eq!(stored_lang(&b), None);
    t.save_lang("en");
    assert_eq!(b.get(LANG_KEY).as_deref(), Some("en"));
    assert_eq!(stored_lang(&b).as_deref(), Some("en"));
}

#[test]
fn quarantined_items_download_and_discard() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (t, _) = tab(&b, &clock);
    let id = t.open().id.clone();
    b.put(&draft_key(&id), "{oops");
    let (mut t, _) = tab(&b, &clock);
    let [item] = t.shelf() else { panic!("{:?}", t.shelf()) };
    let key = item.key.clone();
    let (name, text) = t.quarantine_file(&key).unwrap();
    assert_eq!((name.as_str(), text.as_str()), (format!("xieshang-unreadable-{T0}-0.json").as_str(), "{oops"));
    assert_eq!(t.messages()[0].kind(), "quarantine");
    t.discard(&key);
    assert!(t.shelf().is_empty());
}

/// Starts a tab as the page does: nothing stored until it settles.
fn unstored_tab(b: &Shared, clock: &TestClock) -> (Tab, Scenario) {
    Session::start_unstored(b.clone(), clock.clone(), crate::store::Reader::NATIVE, &NAMES)
}

#[test]
fn a_first_visit_writes_nothing_until_the_page_settles() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, first) = unstored_tab(&b, &clock);
    assert_eq!(first, Scenario::example());
    assert!(b.keys().is_empty(), "nothing written at start");
    assert_eq!(t.status(), &Status::NotYet);
    // Closed before it settles: nothing was entered, nothing is lost, nothing written.
    assert!(!t.must_warn_before_leaving());
    t.flush();
    assert!(b.keys().is_empty());
    clock.pass(50);
    t.settle();
    // Settled, it is what `start` gives at once.
    let (eager, _) = tab(&Shared::new(), &TestClock::new());
    assert_eq!(t.status(), &Status::Saved(T0 + 50));
    assert_eq!((t.open().name.as_str(), t.open().revision), (eager.open().name.as_str(), eager.open().revision));
    assert_eq!(stored_open(&b), Scenario::example());
    assert_eq!(t.list(), std::slice::from_ref(t.open()));
    assert_eq!(b.get(OPEN_KEY).as_deref(), Some(t.open().id.as_str()));
    // The first change saves a second revision, as after `start`.
    type_and_pause(&mut t, &with_income(9));
    assert_eq!((stored_open(&b), t.open().revision), (with_income(9), 2));
}

#[test]
fn a_returning_visit_writes_nothing_at_start() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = tab(&b, &clock);
    type_and_pause(&mut t, &with_income(31));
    let snapshot = b.0.borrow().map.clone();
    let (mut again, page) = unstored_tab(&b, &clock);
    assert_eq!(page, with_income(31));
    assert_eq!(again.status(), &Status::Saved(T0));
    again.settle();
    assert_eq!(again.list().len(), 1);
    assert_eq!(b.0.borrow().map, snapshot, "the open draft is remembered already");
}

#[test]
fn another_tabs_drafts_written_before_the_page_settles_are_kept() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut late, _) = unstored_tab(&b, &clock);
    // Another tab, opened meanwhile, makes and edits its own first draft.
    let (mut other, _) = tab(&b, &clock);
    type_and_pause(&mut other, &with_income(77));
    late.settle();
    let index = parse_index(&b.get(INDEX_KEY).unwrap()).unwrap();
    assert_eq!(index.len(), 2);
    assert_ne!(late.open().id, other.open().id);
    assert_eq!(Scenario::from_json(&b.get(&draft_key(&other.open().id)).unwrap()).unwrap(), with_income(77));
    assert_eq!(stored_open(&b), Scenario::example(), "the settled page is the open one here");
}

#[test]
fn a_draft_opened_before_the_page_settles_replaces_the_unstored_one() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = unstored_tab(&b, &clock);
    // A share link opened at once (it is imported as a new draft).
    assert_eq!(t.import("link", &with_income(5).to_json(), "导入的草稿"), Some(with_income(5)));
    t.settle();
    let index = parse_index(&b.get(INDEX_KEY).unwrap()).unwrap();
    assert_eq!(index.len(), 1, "the example no one edited is not stored");
    assert_eq!(stored_open(&b), with_income(5));
}

#[test]
fn settling_writes_nothing_where_storage_refuses() {
    // A newer version's drafts: read-only, nothing written.
    let (b, clock) = (Shared::new(), TestClock::new());
    b.put(INDEX_KEY, r#"{"version":3,"drafts":[]}"#);
    let snapshot = b.0.borrow().map.clone();
    let (mut t, _) = unstored_tab(&b, &clock);
    t.settle();
    assert_eq!((t.status(), &b.0.borrow().map), (&Status::Newer, &snapshot));
    // Full storage: said as `start` says it.
    let b = Shared::new();
    b.0.borrow_mut().quota = Some(10);
    let (mut t, _) = unstored_tab(&b, &clock);
    t.settle();
    assert_eq!(t.status(), &Status::Failed(crate::store::Fault::Full));
    assert!(!t.must_warn_before_leaving(), "nothing was entered");
    // Blocked storage: the page's own map.
    let (mut t, _) = Session::start_unstored(MemoryBackend::volatile(), clock, crate::store::Reader::NATIVE, &NAMES);
    t.settle();
    assert_eq!((t.status(), t.list().len()), (&Status::Blocked, 1));
}

thread_local! {
    /// Whether [`LAZY`]'s reading code is "loaded", and how often it read.
    static LOADED: Cell<bool> = const { Cell::new(false) };
    static READS: Cell<u32> = const { Cell::new(0) };
}

/// The page's reader in the browser: nothing until its chunk is loaded.
const LAZY: Reader = Reader {
    ready: || LOADED.get(),
    draft: |t| LOADED.get().then(|| {
        READS.set(READS.get() + 1);
        crate::store::read_draft(t)
    }),
    index: |t| LOADED.get().then(|| {
        READS.set(READS.get() + 1);
        parse_index(t)
    }),
    salvage: |t| LOADED.get().then(|| crate::store::salvage_names(t)),
};

fn lazy_tab(b: &Shared, clock: &TestClock, loaded: bool) -> (Tab, Scenario) {
    LOADED.set(loaded);
    Session::start_unstored(b.clone(), clock.clone(), LAZY, &NAMES)
}

/// Storage with two drafts (one in the pre-release format), one index
/// entry lost and one unreadable draft: every kind of repair a start does.
fn stored_with_repairs(clock: &TestClock) -> Shared {
    let b = Shared::new();
    let (mut t, _) = tab(&b, clock);
    type_and_pause(&mut t, &with_income(15_000));
    t.new_draft("草稿");
    let index = b.get(INDEX_KEY).unwrap();
    let open = b.get(OPEN_KEY).unwrap();
    b.put(&draft_key(&open), include_str!("../../../tests/fixtures/migration/v0-mybank.json"));
    b.put(&draft_key("lost-1"), &with_income(9_000).to_json());
    b.put(&draft_key("bad-1"), "{oops");
    b.put(INDEX_KEY, &index);
    b
}

#[test]
fn drafts_the_reading_code_could_not_read_are_never_touched() {
    let clock = TestClock::new();
    let b = stored_with_repairs(&clock);
    let before = b.0.borrow().map.clone();
    let (mut t, shown) = lazy_tab(&b, &clock, false);
    // The page opens the example, read-only, and says why.
    assert_eq!(shown, Scenario::example());
    assert!(t.unread());
    assert_eq!(t.status(), &Status::Unread);
    assert!(t.status().is_problem());
    // Settling, typing, leaving and every action write nothing.
    t.settle();
    type_and_pause(&mut t, &with_income(20_000));
    t.flush();
    assert_eq!(t.status(), &Status::Unread);
    assert!(t.must_warn_before_leaving());
    t.new_draft("草稿");
    t.duplicate("副本");
    t.rename("新名字");
    t.delete("草稿");
    t.undo();
    assert_eq!(t.import("a.json", &with_income(1).to_json(), "导入"), None);
    t.external_change();
    t.save_lang("en");
    assert_eq!(t.status(), &Status::Unread);
    assert_eq!(b.0.borrow().map, before, "nothing stored changed");
    // Once the code is there, the next page reads and repairs as ever.
    let (mut t, shown) = lazy_tab(&b, &clock, true);
    t.settle();
    assert!(!t.unread());
    assert_eq!(t.status().code(), "saved");
    assert_ne!(shown, Scenario::example());
    assert!(t.messages().iter().any(|m| m.kind() == "migrated"));
    assert!(t.messages().iter().any(|m| m.kind() == "quarantine"));
    assert!(t.list().iter().any(|m| m.id == "lost-1"));
}

#[test]
fn a_first_visit_saves_without_the_reading_code() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, shown) = lazy_tab(&b, &clock, false);
    assert_eq!(shown, Scenario::example());
    assert!(!t.unread());
    t.settle();
    assert_eq!(t.status().code(), "saved");
    // Its own index is known by its text: saving reads nothing back.
    for n in 1..4 {
        clock.pass(1000);
        type_and_pause(&mut t, &with_income(10_000 + n));
        assert_eq!(t.status().code(), "saved");
        assert_eq!(stored_open(&b), with_income(10_000 + n));
    }
    t.new_draft("草稿");
    t.rename("改名");
    assert_eq!(t.list().len(), 2);
    assert_eq!(READS.get(), 0, "nothing was read");
}

#[test]
fn another_tabs_index_is_not_written_over_before_the_reading_code_comes() {
    let (b, clock) = (Shared::new(), TestClock::new());
    let (mut t, _) = lazy_tab(&b, &clock, false);
    t.settle();
    // Another tab (with the code) adds a draft and edits ours.
    let (mut other, _) = tab(&b, &clock);
    clock.pass(1000);
    type_and_pause(&mut other, &with_income(30_000));
    other.new_draft("草稿");
    let theirs = b.0.borrow().map.clone();
    // This tab's save cannot read the changed index: it writes nothing.
    clock.pass(1000);
    type_and_pause(&mut t, &with_income(40_000));
    assert_eq!(t.status().code(), "failed");
    assert_eq!(b.0.borrow().map, theirs);
    // The code comes (the page fetches it for the other tab's event): it follows.
    LOADED.set(true);
    t.external_change();
    assert_eq!(t.list().len(), 2);
    assert!(matches!(t.status(), Status::Conflict(_)));
}
