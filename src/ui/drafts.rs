//! The drafts panel (草稿) and the autosave behind it.
//!
//! Decisions live in `crate::store` (pure, tested natively); this file wires
//! them to the page: a debounced autosave, the `storage` event from other
//! tabs, file export/import, and the panel itself.

use super::download::download_text;
use super::model::Model;
use super::use_lang;
use crate::i18n::{clock, file_size, fill, Lang};
use crate::scenario::Scenario;
use crate::store::browser::{self, AnyBackend};
use crate::store::{
    self, import_name, unique_name, Deleted, DraftMeta, Fault, ImportError, LoadError, Notice, QuarantineItem,
    SaveError, PREFIX,
};
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// How long typing may pause before the draft is written.
const DEBOUNCE_MS: u64 = 300;

/// The save state shown next to the heading.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Saved(u64),
    Saving,
    NotYet,
    /// Storage is blocked: drafts live only as long as the page.
    Blocked,
    Failed(Fault),
    /// Another tab saved a newer revision of the open draft.
    Conflict(DraftMeta),
    /// A newer version of the app owns the index.
    Newer,
    Erased,
}

impl Status {
    fn state(&self) -> &'static str {
        match self {
            Self::Saved(_) => "saved",
            Self::Saving => "saving",
            Self::NotYet => "not-yet",
            Self::Blocked => "blocked",
            Self::Failed(Fault::Full) => "full",
            Self::Failed(_) => "failed",
            Self::Conflict(_) => "conflict",
            Self::Newer => "newer",
            Self::Erased => "erased",
        }
    }

    fn is_problem(&self) -> bool {
        matches!(self, Self::Blocked | Self::Failed(_) | Self::Conflict(_) | Self::Newer)
    }
}

/// A message in the panel, worded when shown (so it follows the language).
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Store(Notice),
    Import(ImportError),
    Imported(String),
    Synced,
    RemovedElsewhere,
    Unsaved,
    OpenFailed(Fault),
    EraseFailed(Fault),
    ExportFailed(String),
}

impl Message {
    fn kind(&self) -> &'static str {
        match self {
            Self::Store(Notice::Quarantined { .. } | Notice::Stuck { .. }) => "quarantine",
            Self::Store(Notice::Migrated { .. }) => "migrated",
            Self::Store(_) => "store",
            Self::Import(_) => "import-error",
            Self::Imported(_) => "imported",
            Self::Synced => "synced",
            Self::RemovedElsewhere => "removed-elsewhere",
            Self::Unsaved => "unsaved",
            Self::OpenFailed(_) | Self::EraseFailed(_) | Self::ExportFailed(_) => "error",
        }
    }

    fn is_warning(&self) -> bool {
        !matches!(self, Self::Imported(_) | Self::Synced | Self::Store(Notice::Migrated { .. } | Notice::Recovered { .. }))
    }

    fn text(&self, lang: Lang) -> String {
        let t = lang.drafts();
        match self {
            Self::Store(n) => lang.notice(n),
            Self::Import(e) => lang.import_error(e),
            Self::Imported(name) => fill(t.imported, &[name]),
            Self::Synced => t.synced.to_owned(),
            Self::RemovedElsewhere => t.removed_elsewhere.to_owned(),
            Self::Unsaved => t.unsaved_block.to_owned(),
            Self::OpenFailed(f) => fill(t.open_failed, &[&lang.fault(f)]),
            Self::EraseFailed(f) => fill(t.erase_failed, &[&lang.fault(f)]),
            Self::ExportFailed(s) => fill(t.export_failed, &[s]),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Undo {
    deleted: Deleted,
    /// The empty draft made because the deleted one was the last.
    placeholder: Option<String>,
}

/// What storage held at startup, before the page exists.
pub struct Boot {
    pub lang: Lang,
    store: store::Drafts<AnyBackend>,
    startup: store::Startup,
}

impl Boot {
    pub fn load() -> Self {
        let (lang, store, startup) = browser::boot();
        Self { lang, store, startup }
    }

    /// The scenario the page opens with.
    pub fn scenario(&self) -> Scenario {
        self.startup.scenario.clone()
    }

    /// Starts autosave and cross-tab sync for the page's `model`.
    pub fn start(self, model: Model, current: Memo<Option<Scenario>>, last_valid: Memo<Scenario>, lang: RwSignal<Lang>) -> Drafts {
        let Boot { store, startup, .. } = self;
        let persistent = store.persistent();
        let status = if !persistent {
            Status::Blocked
        } else if let Some(f) = startup.fault.clone() {
            Status::Failed(f)
        } else {
            Status::Saved(startup.open.updated_at)
        };
        let page_json = model.scenario().map(|s| s.to_json()).unwrap_or_else(|| startup.scenario.to_json());
        let drafts = Drafts {
            list: RwSignal::new(store.list().to_vec()),
            quarantine: RwSignal::new(store.quarantined()),
            store: StoredValue::new(store),
            persistent,
            model,
            current,
            last_valid,
            lang,
            open: RwSignal::new(startup.open),
            status: RwSignal::new(status),
            messages: RwSignal::new(startup.notices.into_iter().map(Message::Store).collect()),
            undo: RwSignal::new(None),
            saved_json: StoredValue::new(page_json),
            generation: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        };
        drafts.install();
        drafts
    }
}

/// The drafts behind the page. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Drafts {
    store: StoredValue<store::Drafts<AnyBackend>>,
    persistent: bool,
    model: Model,
    current: Memo<Option<Scenario>>,
    last_valid: Memo<Scenario>,
    lang: RwSignal<Lang>,
    list: RwSignal<Vec<DraftMeta>>,
    quarantine: RwSignal<Vec<QuarantineItem>>,
    open: RwSignal<DraftMeta>,
    status: RwSignal<Status>,
    messages: RwSignal<Vec<Message>>,
    undo: RwSignal<Option<Undo>>,
    /// The open draft's content as last written or read (what storage holds).
    saved_json: StoredValue<String>,
    /// Bumped to cancel a pending debounced save.
    generation: StoredValue<u64>,
    /// The page's owner: forms made when a draft opens belong to it, not to
    /// the (short-lived) view whose button was clicked.
    owner: StoredValue<Option<Owner>>,
}

/// 14:03, or 11-28 14:03 when not today, in local time.
fn when(ms: u64) -> String {
    let (month, day, hour, minute, today) = browser::local_time(ms);
    clock(month, day, hour, minute, today)
}

impl Drafts {
    fn install(self) {
        // Autosave: any change of the (valid) page content schedules a write.
        Effect::new(move |_| {
            let Some(json) = self.current.with(|c| c.as_ref().map(Scenario::to_json)) else { return };
            if self.saved_json.with_value(|s| *s != json) {
                self.schedule();
            }
        });
        // Leaving the page writes what is pending at once.
        window_event_listener(ev::pagehide, move |_| self.flush());
        window_event_listener(ev::visibilitychange, move |_| {
            let hidden = web_sys::window().and_then(|w| w.document()).map(|d| d.hidden()).unwrap_or(false);
            if hidden {
                self.flush();
            }
        });
        // Another tab changed storage.
        window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            if e.key().is_none_or(|k| k.starts_with(PREFIX)) {
                self.external_change();
            }
        });
        // A file dropped outside the drop zone must not navigate away.
        let has_files = |e: &web_sys::DragEvent| {
            e.data_transfer().is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0))
        };
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

    fn page_json(self) -> String {
        self.current
            .get_untracked()
            .map(|s| s.to_json())
            .unwrap_or_else(|| self.last_valid.get_untracked().to_json())
    }

    fn dirty(self) -> bool {
        let json = self.page_json();
        self.saved_json.with_value(|s| *s != json)
    }

    fn idle_status(self, meta: &DraftMeta) -> Status {
        if !self.persistent {
            Status::Blocked
        } else if meta.revision == 0 {
            Status::NotYet
        } else {
            Status::Saved(meta.updated_at)
        }
    }

    fn schedule(self) {
        let g = self.generation.get_value() + 1;
        self.generation.set_value(g);
        if matches!(self.status.get_untracked(), Status::Saved(_) | Status::NotYet | Status::Erased | Status::Failed(_)) {
            self.status.set(Status::Saving);
        }
        set_timeout(
            move || {
                if self.generation.get_value() == g {
                    self.save_now();
                }
            },
            Duration::from_millis(DEBOUNCE_MS),
        );
    }

    /// Writes the page now if it differs from storage.
    pub fn flush(self) {
        if self.dirty() {
            self.save_now();
        }
    }

    fn save_now(self) {
        self.generation.update_value(|g| *g += 1);
        let Some(json) = self.current.get_untracked().map(|s| s.to_json()) else { return };
        if self.saved_json.with_value(|s| *s == json) {
            if self.status.get_untracked() == Status::Saving {
                self.status.set(self.idle_status(&self.open.get_untracked()));
            }
            return;
        }
        let meta = self.open.get_untracked();
        let result = self.store.try_update_value(|s| s.save(&meta, &json, browser::now_ms()));
        match result {
            Some(Ok(saved)) => {
                if meta.revision == 0 {
                    // First write of a new draft (e.g. after erasing): remember it is open.
                    self.store.update_value(|s| {
                        let _ = s.set_open(&saved.id);
                    });
                }
                self.saved_json.set_value(json);
                self.status.set(self.idle_status(&saved));
                self.open.set(saved);
            }
            Some(Err(e)) => self.status.set(self.save_error(e)),
            None => {}
        }
        self.sync();
    }

    fn save_error(self, e: SaveError) -> Status {
        match e {
            SaveError::Conflict(theirs) => Status::Conflict(theirs),
            SaveError::Newer => Status::Newer,
            SaveError::Fault(_) if !self.persistent => Status::Blocked,
            SaveError::Fault(f) => Status::Failed(f),
        }
    }

    /// Copies the store's list, shelf and notices into signals.
    fn sync(self) {
        let snapshot = self.store.try_update_value(|s| (s.list().to_vec(), s.quarantined(), s.take_notices()));
        if let Some((list, shelf, notices)) = snapshot {
            self.list.set(list);
            self.quarantine.set(shelf);
            for n in notices {
                self.say(Message::Store(n));
            }
        }
    }

    fn say(self, m: Message) {
        self.messages.update(|ms| {
            ms.retain(|x| *x != m);
            ms.push(m);
        });
    }

    fn dismiss(self, i: usize) {
        self.messages.update(|ms| {
            if i < ms.len() {
                ms.remove(i);
            }
        });
    }

    /// Starts an action that changes drafts: the undo offer ends here.
    fn begin(self) {
        self.undo.set(None);
        self.messages.update(|ms| ms.retain(|m| !matches!(m, Message::Imported(_) | Message::Synced | Message::Unsaved)));
    }

    /// Saves before the page shows another draft; `false` (and says why)
    /// when the open draft's changes could not be saved.
    fn leave_ok(self) -> bool {
        self.flush();
        if self.dirty() {
            self.say(Message::Unsaved);
            return false;
        }
        true
    }

    /// Puts `scenario` on the page, under the page's owner.
    fn load_model(self, scenario: &Scenario) {
        match self.owner.get_value() {
            Some(owner) => owner.with(|| self.model.load(scenario)),
            None => self.model.load(scenario),
        }
    }

    fn show(self, meta: DraftMeta, scenario: &Scenario) {
        self.generation.update_value(|g| *g += 1);
        self.load_model(scenario);
        let json = self.model.scenario().map(|s| s.to_json()).unwrap_or_else(|| scenario.to_json());
        self.saved_json.set_value(json);
        let id = meta.id.clone();
        self.status.set(self.idle_status(&meta));
        self.open.set(meta);
        self.store.update_value(|s| {
            let _ = s.set_open(&id);
        });
    }

    /// Makes a new draft holding `scenario`, stores it and opens it.
    fn create_and_open(self, name: String, scenario: &Scenario) -> String {
        let now = browser::now_ms();
        let json = scenario.to_json();
        let result = self.store.try_update_value(|s| {
            let meta = s.new_meta(name, now, browser::salt());
            let saved = s.save(&meta, &json, now);
            (meta, saved)
        });
        let Some((meta, saved)) = result else { return String::new() };
        let id = meta.id.clone();
        match saved {
            Ok(m) => self.show(m, scenario),
            Err(e) => {
                self.show(meta, scenario);
                self.status.set(self.save_error(e));
            }
        }
        self.sync();
        id
    }

    fn open_stored(self, id: &str) {
        let r = self.store.try_update_value(|s| s.load(id, browser::now_ms()));
        match r {
            Some(Ok((meta, scenario))) => self.show(meta, &scenario),
            Some(Err(LoadError::Unreadable(n))) => self.say(Message::Store(n)),
            Some(Err(LoadError::Missing)) => self.say(Message::OpenFailed(Fault::Other("missing".into()))),
            Some(Err(LoadError::Fault(f))) => self.say(Message::OpenFailed(f)),
            None => {}
        }
        self.sync();
    }

    pub fn new_draft(self) {
        if !self.leave_ok() {
            return;
        }
        self.begin();
        let t = self.lang.get_untracked().drafts();
        let name = self.list.with_untracked(|l| store::next_default_name(t.default_name, l));
        self.create_and_open(name, &Scenario::example());
    }

    pub fn duplicate(self) {
        if !self.leave_ok() {
            return;
        }
        self.begin();
        let t = self.lang.get_untracked().drafts();
        let base = fill(t.copy_name, &[&self.open.get_untracked().name]);
        let name = self.list.with_untracked(|l| unique_name(&store::clean_name(&base, &base), l));
        let scenario = self.current.get_untracked().unwrap_or_else(|| self.last_valid.get_untracked());
        self.create_and_open(name, &scenario);
    }

    pub fn rename(self, name: String) {
        self.begin();
        let open = self.open.get_untracked();
        let name = store::clean_name(&name, &open.name);
        if name == open.name {
            self.open.update(|o| o.name = name);
            return;
        }
        self.open.update(|o| o.name = name.clone());
        let r = self.store.try_update_value(|s| s.rename(&open.id, &name, browser::now_ms()));
        if let Some(Err(e)) = r {
            self.status.set(self.save_error(e));
        }
        self.sync();
    }

    pub fn switch(self, id: String) {
        if self.open.with_untracked(|o| o.id == id) {
            return;
        }
        if !self.leave_ok() {
            return;
        }
        self.begin();
        self.open_stored(&id);
    }

    pub fn delete(self) {
        self.begin();
        let meta = self.open.get_untracked();
        let page = self.page_json();
        let r = self.store.try_update_value(|s| s.delete(&meta, Some(&page), browser::now_ms()));
        match r {
            Some(Ok(deleted)) => {
                self.saved_json.set_value(String::new());
                let next = self.store.with_value(|s| s.list().iter().max_by_key(|m| m.updated_at).cloned());
                let placeholder = match next {
                    Some(m) => {
                        self.open_stored(&m.id);
                        None
                    }
                    None => {
                        let t = self.lang.get_untracked().drafts();
                        let name = store::next_default_name(t.default_name, &[]);
                        Some(self.create_and_open(name, &Scenario::example()))
                    }
                };
                self.undo.set(Some(Undo { deleted, placeholder }));
            }
            Some(Err(e)) => self.status.set(self.save_error(e)),
            None => {}
        }
        self.sync();
    }

    pub fn undo(self) {
        let Some(u) = self.undo.get_untracked() else { return };
        self.flush();
        let now = browser::now_ms();
        let r = self.store.try_update_value(|s| s.restore(&u.deleted, now));
        match r {
            Some(Ok(meta)) => {
                self.undo.set(None);
                // The empty draft made in its place goes again if untouched.
                let open = self.open.get_untracked();
                if u.placeholder.as_deref() == Some(open.id.as_str()) && open.revision <= 1 && !self.dirty() {
                    self.store.update_value(|s| {
                        let _ = s.delete(&open, None, now);
                    });
                }
                self.open_stored(&meta.id);
            }
            Some(Err(e)) => self.status.set(self.save_error(e)),
            None => {}
        }
        self.sync();
    }

    pub fn erase_all(self) {
        self.begin();
        self.generation.update_value(|g| *g += 1);
        let r = self.store.try_update_value(|s| s.erase_all());
        match r {
            Some(Ok(_)) => {
                self.messages.set(Vec::new());
                let t = self.lang.get_untracked().drafts();
                let meta = self.store.with_value(|s| {
                    s.new_meta(store::next_default_name(t.default_name, &[]), browser::now_ms(), browser::salt())
                });
                // Show a fresh page; nothing is written until the next change.
                self.load_model(&Scenario::example());
                let json = self.model.scenario().map(|s| s.to_json()).unwrap_or_default();
                self.saved_json.set_value(json);
                self.open.set(meta);
                self.status.set(if self.persistent { Status::Erased } else { Status::Blocked });
            }
            Some(Err(f)) => self.say(Message::EraseFailed(f)),
            None => {}
        }
        self.sync();
    }

    pub fn export(self) {
        let name = self.open.get_untracked().name;
        let json = self.page_json();
        if let Err(e) = download_text(&store::export_file_name(&name), "application/json", &json) {
            self.say(Message::ExportFailed(e.as_string().unwrap_or_else(|| "download".into())));
        }
    }

    pub fn download_quarantined(self, item: &QuarantineItem) {
        let Some(text) = self.store.with_value(|s| s.quarantine_text(&item.key)) else { return };
        let file = format!("xieshang-unreadable-{}.json", item.key.trim_start_matches(store::QUARANTINE_PREFIX));
        if let Err(e) = download_text(&file, "application/json", &text) {
            self.say(Message::ExportFailed(e.as_string().unwrap_or_else(|| "download".into())));
        }
    }

    pub fn discard_quarantined(self, key: &str) {
        self.begin();
        self.store.update_value(|s| {
            let _ = s.discard(key);
        });
        self.sync();
    }

    /// Reads a chosen or dropped file and imports it as a new draft.
    pub fn import_file(self, file: web_sys::File) {
        if let Err(e) = store::check_import_size(file.size().max(0.0) as u64) {
            self.say(Message::Import(e));
            return;
        }
        let name = file.name();
        let ok: Closure<dyn FnMut(JsValue)> = Closure::once(move |v: JsValue| match v.as_string() {
            Some(text) => self.import_text(&name, &text),
            None => self.say(Message::Import(ImportError::Unreadable)),
        });
        let fail: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| self.say(Message::Import(ImportError::Unreadable)));
        let _ = file.text().then2(&ok, &fail);
        ok.forget();
        fail.forget();
    }

    fn import_text(self, file_name: &str, text: &str) {
        self.messages.update(|ms| ms.retain(|m| !matches!(m, Message::Import(_))));
        match store::parse_import(text) {
            Err(e) => self.say(Message::Import(e)),
            Ok(scenario) => {
                if !self.leave_ok() {
                    return;
                }
                self.begin();
                let t = self.lang.get_untracked().drafts();
                let name = self.list.with_untracked(|l| unique_name(&import_name(file_name, t.imported_name), l));
                self.create_and_open(name.clone(), &scenario);
                self.say(Message::Imported(name));
            }
        }
    }

    /// Another tab wrote: follow it, or report a conflict.
    fn external_change(self) {
        let now = browser::now_ms();
        let Some(list) = self.store.try_update_value(|s| s.refresh(now).to_vec()) else { return };
        let open = self.open.get_untracked();
        match list.iter().find(|m| m.id == open.id).cloned() {
            Some(theirs) if theirs.revision > open.revision => {
                if self.dirty() {
                    self.status.set(Status::Conflict(theirs));
                } else {
                    self.open_stored(&theirs.id);
                    self.say(Message::Synced);
                }
            }
            Some(theirs) => {
                if theirs.name != open.name {
                    self.open.update(|o| o.name = theirs.name);
                }
            }
            None if open.revision > 0 => {
                // Deleted elsewhere: the page keeps it; the next change saves it again.
                self.saved_json.set_value(String::new());
                self.open.update(|o| o.revision = 0);
                self.status.set(self.idle_status(&self.open.get_untracked()));
                self.say(Message::RemovedElsewhere);
            }
            None => {}
        }
        self.sync();
    }

    pub fn conflict_load(self) {
        self.begin();
        let id = self.open.get_untracked().id;
        self.open_stored(&id);
    }

    pub fn conflict_keep(self) {
        self.begin();
        let t = self.lang.get_untracked().drafts();
        let base = fill(t.conflict_keep_name, &[&self.open.get_untracked().name]);
        let name = self.list.with_untracked(|l| unique_name(&store::clean_name(&base, &base), l));
        let scenario = self.current.get_untracked().unwrap_or_else(|| self.last_valid.get_untracked());
        self.create_and_open(name, &scenario);
    }

    /// The drafts to list: the stored ones, plus the open one if not stored.
    fn shown(self) -> Vec<DraftMeta> {
        let mut list = self.list.get();
        let open = self.open.get();
        if !list.iter().any(|m| m.id == open.id) {
            list.push(open);
        }
        list
    }
}

#[component]
pub fn DraftsPanel(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().drafts();
    view! {
        <section class="card drafts" aria-labelledby="drafts-h" data-testid="drafts-panel">
            <div class="drafts-head">
                <h2 id="drafts-h">{move || t().heading}</h2>
                <SaveStatus drafts=drafts />
            </div>
            <p class="drafts-intro">{move || t().intro}</p>
            <StorageWarning drafts=drafts />
            <Messages drafts=drafts />
            <UndoBar drafts=drafts />
            <div class="field draft-name">
                <label for="draft-name">{move || t().name_label}</label>
                <input
                    id="draft-name"
                    type="text"
                    maxlength="80"
                    autocomplete="off"
                    data-testid="draft-name"
                    prop:value=move || drafts.open.with(|o| o.name.clone())
                    on:change=move |ev| drafts.rename(event_target_value(&ev))
                />
            </div>
            <div class="draft-actions">
                <button type="button" data-testid="new-draft" on:click=move |_| drafts.new_draft()>
                    {move || t().new_draft}
                </button>
                <button type="button" data-testid="duplicate-draft" on:click=move |_| drafts.duplicate()>
                    {move || t().duplicate}
                </button>
                <button type="button" data-testid="export-draft" on:click=move |_| drafts.export()>
                    {move || t().export}
                </button>
                <button type="button" class="danger" data-testid="delete-draft" on:click=move |_| drafts.delete()>
                    {move || t().delete}
                </button>
            </div>
            <p class="drafts-hint">{move || t().export_hint}</p>
            <DropZone drafts=drafts />
            <DraftList drafts=drafts />
            <QuarantineShelf drafts=drafts />
            <EraseAll drafts=drafts />
        </section>
    }
}

#[component]
fn SaveStatus(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    let text = move || {
        let t = lang.get().drafts();
        match drafts.status.get() {
            Status::Saved(ms) => fill(t.saved_at, &[&when(ms)]),
            Status::Saving => t.saving.to_owned(),
            Status::NotYet | Status::Erased => t.not_saved_yet.to_owned(),
            _ => t.not_saved.to_owned(),
        }
    };
    view! {
        <p
            class="save-status"
            class:problem=move || drafts.status.with(Status::is_problem)
            class:ok=move || matches!(drafts.status.get(), Status::Saved(_))
            role="status"
            data-testid="save-status"
            data-state=move || drafts.status.with(|s| s.state())
        >
            {text}
        </p>
    }
}

#[component]
fn StorageWarning(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    move || {
        let t = lang.get().drafts();
        let status = drafts.status.get();
        let text = match &status {
            Status::Blocked => t.blocked.to_owned(),
            Status::Failed(Fault::Full) => t.full.to_owned(),
            Status::Failed(Fault::Locked) => t.locked.to_owned(),
            Status::Failed(f) => fill(t.failed, &[&lang.get().fault(f)]),
            Status::Newer => t.newer_app.to_owned(),
            Status::Conflict(theirs) => fill(t.conflict, &[&when(theirs.updated_at)]),
            Status::Erased => t.erased.to_owned(),
            _ => return None,
        };
        let conflict = matches!(status, Status::Conflict(_));
        let class = if status == Status::Erased { "drafts-note" } else { "drafts-alert" };
        Some(view! {
            <div class=class role="alert" data-testid="storage-warning" data-state=status.state()>
                <p>{text}</p>
                {conflict
                    .then(|| {
                        view! {
                            <div class="draft-actions">
                                <button type="button" data-testid="conflict-load" on:click=move |_| drafts.conflict_load()>
                                    {t.conflict_load}
                                </button>
                                <button type="button" data-testid="conflict-keep" on:click=move |_| drafts.conflict_keep()>
                                    {t.conflict_keep}
                                </button>
                            </div>
                        }
                    })}
            </div>
        })
    }
}

#[component]
fn Messages(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    move || {
        let ms = drafts.messages.get();
        let l = lang.get();
        (!ms.is_empty()).then(|| {
            view! {
                <ul class="drafts-messages" aria-live="polite">
                    {ms
                        .into_iter()
                        .enumerate()
                        .map(|(i, m)| {
                            view! {
                                <li
                                    class=if m.is_warning() { "drafts-alert" } else { "drafts-note" }
                                    role=if m.is_warning() { "alert" } else { "status" }
                                    data-testid="drafts-message"
                                    data-kind=m.kind()
                                >
                                    <p>{m.text(l)}</p>
                                    <button type="button" class="quiet" data-testid="dismiss-message" on:click=move |_| drafts.dismiss(i)>
                                        {l.drafts().dismiss}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}

#[component]
fn UndoBar(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    move || {
        let u = drafts.undo.get()?;
        let t = lang.get().drafts();
        Some(view! {
            <div class="drafts-note undo-bar" role="status" data-testid="undo-bar">
                <p>{fill(t.deleted, &[&u.deleted.meta.name])}</p>
                <button type="button" data-testid="undo-delete" on:click=move |_| drafts.undo()>
                    {t.undo}
                </button>
            </div>
        })
    }
}

#[component]
fn DropZone(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().drafts();
    let dragging = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <div
            class="drop-zone"
            class:dragging=dragging
            data-testid="drop-zone"
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    drafts.import_file(file);
                }
            }
        >
            <button
                type="button"
                data-testid="import-draft"
                on:click=move |_| {
                    if let Some(el) = input.get() {
                        el.click();
                    }
                }
            >
                {move || t().import}
            </button>
            <input
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                tabindex="-1"
                aria-label=move || t().import_label
                data-testid="import-file"
                node_ref=input
                on:change=move |ev| {
                    let el: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = el.files().and_then(|f| f.get(0)) {
                        drafts.import_file(file);
                    }
                    el.set_value("");
                }
            />
            <p class="drafts-hint">{move || t().drop_hint}</p>
        </div>
    }
}

#[component]
fn DraftList(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h3 class="drafts-sub">{move || lang.get().drafts().list_heading}</h3>
        <ul class="draft-list" data-testid="draft-list">
            {move || {
                let t = lang.get().drafts();
                let open_id = drafts.open.with(|o| o.id.clone());
                drafts
                    .shown()
                    .into_iter()
                    .map(|m| {
                        let is_open = m.id == open_id;
                        let id = m.id.clone();
                        let updated = if m.revision > 0 { fill(t.updated, &[&when(m.updated_at)]) } else { t.not_saved_yet.to_owned() };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="draft-item"
                                    class:open=is_open
                                    data-testid="draft-item"
                                    data-id=m.id.clone()
                                    aria-current=is_open.then_some("true")
                                    on:click=move |_| drafts.switch(id.clone())
                                >
                                    <span class="draft-item-name">{m.name.clone()}</span>
                                    <span class="draft-item-meta">
                                        {updated}
                                        {is_open.then(|| format!(" · {}", t.current))}
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

#[component]
fn QuarantineShelf(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(None::<String>);
    move || {
        let items = drafts.quarantine.get();
        if items.is_empty() {
            return None;
        }
        let t = lang.get().drafts();
        Some(view! {
            <div class="quarantine" data-testid="quarantine-list">
                <h3 class="drafts-sub">{t.quarantine_heading}</h3>
                <p class="drafts-hint">{t.quarantine_intro}</p>
                <ul>
                    {items
                        .into_iter()
                        .map(|item| {
                            let key = item.key.clone();
                            let key2 = item.key.clone();
                            let is_confirming = {
                                let key = item.key.clone();
                                move || confirming.with(|c| c.as_deref() == Some(key.as_str()))
                            };
                            let label = fill(t.quarantine_item, &[&when(item.at), &file_size(item.bytes as u64)]);
                            let item2 = item.clone();
                            view! {
                                <li data-testid="quarantine-item" data-key=item.key.clone()>
                                    <span>{label}</span>
                                    <span class="quarantine-actions">
                                        <button type="button" data-testid="download-quarantine" on:click=move |_| drafts.download_quarantined(&item2)>
                                            {t.download}
                                        </button>
                                        <button
                                            type="button"
                                            class="danger"
                                            data-testid="discard-quarantine"
                                            on:click=move |_| {
                                                if confirming.with_untracked(|c| c.as_deref() == Some(key.as_str())) {
                                                    confirming.set(None);
                                                    drafts.discard_quarantined(&key);
                                                } else {
                                                    confirming.set(Some(key2.clone()));
                                                }
                                            }
                                        >
                                            {move || if is_confirming() { t.discard_confirm } else { t.discard }}
                                        </button>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        })
    }
}

#[component]
fn EraseAll(drafts: Drafts) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().drafts();
    let asking = RwSignal::new(false);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = cancel_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <div class="erase">
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button type="button" class="danger quiet" data-testid="erase-all" on:click=move |_| asking.set(true)>
                            {move || t().erase}
                        </button>
                    }
                }
            >
                <div class="drafts-alert" role="alertdialog" aria-labelledby="erase-warning" data-testid="erase-dialog">
                    <p id="erase-warning">
                        {move || fill(t().erase_warning, &[&drafts.list.with(|l| l.len()).to_string()])}
                    </p>
                    <div class="draft-actions">
                        <button
                            type="button"
                            class="danger solid"
                            data-testid="erase-confirm"
                            on:click=move |_| {
                                asking.set(false);
                                drafts.erase_all();
                            }
                        >
                            {move || t().erase_confirm}
                        </button>
                        <button type="button" node_ref=cancel_ref data-testid="erase-cancel" on:click=move |_| asking.set(false)>
                            {move || t().cancel}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
