//! The drafts panel (草稿): small views over `crate::store::Session`, and
//! the wiring the session cannot do itself — timers, the browser's events
//! (leaving the page, other tabs, files), downloads.

mod list;
mod panel;
mod shelf;

pub use panel::DraftsPanel;

use super::download::download_text;
use super::page::Page;
use crate::i18n::{fill, DraftText, Lang};
use crate::scenario::Scenario;
use crate::store::browser::{local_time, AnyBackend, BrowserClock};
use crate::store::session::DEBOUNCE_MS;
use crate::store::{DraftMeta, Message, QuarantineItem, Session, Status};
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

type BrowserSession = Session<AnyBackend, BrowserClock>;

thread_local! {
    /// Actions waiting for the code that reads drafts, in order (`act_read`).
    static WAITING: std::cell::RefCell<Vec<Box<dyn FnOnce(bool)>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The session in a signal, the page it feeds, and the language its names
/// are given in. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct SessionHandle {
    session: RwSignal<BrowserSession>,
    page: Page,
    lang: RwSignal<Lang>,
}

/// What the panel shows of the session: one memo (each memo is code of its
/// own), its parts redrawn when their own text changes. The panel makes it
/// (`panel::DraftsPanel`), so its code is in the panel's chunk, not the
/// main wasm, and it changes only when what it shows does (not on every
/// keystroke, which the session hears of).
#[derive(Clone, PartialEq)]
struct Shown {
    status: Status,
    messages: Vec<Message>,
    /// The name of the draft just deleted, while it can be brought back.
    undo_offer: Option<String>,
    shelf: Vec<QuarantineItem>,
    /// The drafts listed, the open one's id and name, and how many there are.
    list: Vec<DraftMeta>,
    open_id: String,
    open_name: String,
    count: usize,
}

impl Shown {
    fn of(s: &BrowserSession) -> Self {
        Self {
            status: s.status().clone(),
            messages: s.messages().to_vec(),
            undo_offer: s.undo_offer().map(|m| m.name.clone()),
            shelf: s.shelf().to_vec(),
            list: s.shown(),
            open_id: s.open().id.clone(),
            open_name: s.open().name.clone(),
            count: s.list().len(),
        }
    }
}

/// 14:03, or 11-28 14:03 when not today, in local time.
fn when(ms: u64) -> String {
    let (month, day, hour, minute, today) = local_time(ms);
    crate::i18n::clock(month, day, hour, minute, today)
}

impl SessionHandle {
    /// Follows other tabs for `page`, and autosave once `ready` holds (its
    /// first look validates and serialises the document, stores a first
    /// visit's new draft and starts the other listeners: work the page's
    /// first drawing steps need not wait for).
    pub fn start(session: BrowserSession, page: Page, lang: RwSignal<Lang>, ready: Memo<bool>) -> Self {
        let session = RwSignal::new(session);
        let me = Self {
            session,
            page,
            lang,
        };
        me.autosave(ready);
        me.follow_other_tabs();
        me
    }

    /// Reads the session (tracked: inside reactive closures).
    pub(super) fn with<T>(&self, f: impl FnOnce(&BrowserSession) -> T) -> T {
        self.session.with(f)
    }

    /// Runs an action; when it opens a draft, the page shows it.
    pub(super) fn act(&self, action: impl FnOnce(&mut BrowserSession, &'static DraftText) -> Option<Scenario>) {
        let t = self.lang.get_untracked().drafts();
        if let Some(doc) = self.session.try_update(|s| action(s, t)).flatten() {
            self.page.load(doc);
        }
    }

    /// [`SessionHandle::act`], once the code that reads stored drafts is
    /// here: fetched first if not (a first visit's page has not needed it;
    /// actions meanwhile wait in order); if it cannot be, they do nothing
    /// and the panel says so.
    fn act_read(self, action: impl FnOnce(&mut BrowserSession, &'static DraftText) -> Option<Scenario> + 'static) {
        use crate::store::browser::{load_reading, reading_ready};
        if reading_ready() {
            return self.act(action);
        }
        WAITING.with_borrow_mut(|w| w.push(Box::new(move |loaded| match loaded {
            true => self.act(action),
            false => self.session.update(BrowserSession::unread_action),
        })));
        if WAITING.with_borrow(Vec::len) == 1 {
            leptos::task::spawn_local(async {
                let loaded = load_reading().await;
                for action in WAITING.take() {
                    action(loaded);
                }
            });
        }
    }

    /// Every change of the page's document schedules a save after a pause.
    fn autosave(self, ready: Memo<bool>) {
        let (page, session) = (self.page, self.session);
        Effect::new(move |looked: Option<bool>| {
            if !ready.get() {
                return false;
            }
            if looked != Some(true) {
                session.update(BrowserSession::settle);
                self.listen();
            }
            let current = page.valid.get();
            let last_valid = page.last_valid.get();
            let ticket = session.try_update(|s| s.page_changed(current, last_valid)).flatten();
            if let Some(ticket) = ticket {
                set_timeout(move || session.update(|s| s.autosave(ticket)), Duration::from_millis(DEBOUNCE_MS));
            }
            true
        });
    }

    /// Another tab changed storage: from the start, so the page never
    /// shows a draft older than storage holds.
    fn follow_other_tabs(self) {
        window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            if e.key().is_none_or(|k| k.starts_with(crate::store::PREFIX)) {
                self.act_read(|s, _| s.external_change());
            }
        });
    }

    fn listen(self) {
        let session = self.session;
        // Leaving the page writes what is pending at once…
        window_event_listener(ev::pagehide, move |_| session.update(|s| s.flush()));
        window_event_listener(ev::visibilitychange, move |_| {
            if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
                session.update(|s| s.flush());
            }
        });
        // …and asks first when edits cannot be saved.
        window_event_listener(ev::beforeunload, move |e: web_sys::BeforeUnloadEvent| {
            if session.with_untracked(|s| s.must_warn_before_leaving()) {
                e.prevent_default();
                e.set_return_value("unsaved");
            }
        });
        // A file dropped outside the drop zone must not navigate away.
        let has_files = |e: &web_sys::DragEvent| e.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0));
        window_event_listener(ev::dragover, move |e: web_sys::DragEvent| {
            if has_files(&e) {
                e.prevent_default();
            }
        });
        window_event_listener(ev::drop, move |e: web_sys::DragEvent| {
            if has_files(&e) {
                e.prevent_default();
            }
        });
    }

    pub fn save_lang(&self, lang: Lang) {
        self.session.update(|s| s.save_lang(lang.tag()));
    }

    fn new_draft(&self) {
        self.act_read(move |s, t| s.new_draft(t.default_name));
    }

    fn duplicate(&self) {
        self.act_read(|s, t| {
            let name = fill(t.copy_name, &[&s.open().name]);
            s.duplicate(&name)
        });
    }

    fn rename(&self, name: String) {
        self.session.update(|s| s.rename(&name));
    }

    fn switch(&self, id: String) {
        self.act_read(move |s, _| s.switch(&id));
    }

    fn delete(&self) {
        self.act_read(move |s, t| s.delete(t.default_name));
    }

    fn undo(&self) {
        self.act_read(move |s, _| s.undo());
    }

    fn erase_all(&self) {
        self.act_read(move |s, t| s.erase_all(t.default_name));
    }

    fn conflict_load(&self) {
        self.act_read(move |s, _| s.conflict_load());
    }

    fn conflict_keep(&self) {
        self.act_read(|s, t| {
            let name = fill(t.conflict_keep_name, &[&s.open().name]);
            s.conflict_keep(&name)
        });
    }

    fn dismiss(&self, i: usize) {
        self.session.update(|s| s.dismiss(i));
    }

    fn discard(&self, key: &str) {
        self.session.update(|s| s.discard(key));
    }

    /// Downloads a file; a failure is said in the panel.
    fn download(&self, file: Option<(String, String)>) {
        let Some((name, text)) = file else { return };
        if let Err(e) = download_text(&name, "application/json", &text) {
            let detail = e.as_string().unwrap_or_else(|| self.lang.get_untracked().drafts().download_refused.to_owned());
            self.session.update(|s| s.export_failed(detail));
        }
    }

    fn export(&self) {
        self.download(Some(self.session.with_untracked(|s| s.export())));
    }

    fn download_quarantined(&self, key: &str) {
        self.download(self.session.with_untracked(|s| s.quarantine_file(key)));
    }

    /// Reads a chosen or dropped file and imports it as a new draft.
    fn import_file(self, file: web_sys::File) {
        if !self.session.try_update(|s| s.import_size_ok(file.size().max(0.0) as u64)).unwrap_or(false) {
            return;
        }
        let name = file.name();
        let ok: Closure<dyn FnMut(JsValue)> = Closure::once(move |v: JsValue| match v.as_string() {
            Some(text) => self.act_read(move |s, t| s.import(&name, &text, t.imported_name)),
            None => self.session.update(|s| s.import_unreadable()),
        });
        let fail: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| self.session.update(|s| s.import_unreadable()));
        let _ = file.text().then2(&ok, &fail);
        ok.forget();
        fail.forget();
    }
}
