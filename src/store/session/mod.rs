//! The draft session: everything the drafts panel decides, as a plain type
//! over [`DraftStore`] with an injected [`Clock`], tested natively like the
//! store itself.
//!
//! The page tells the session when its document changes
//! ([`Session::page_changed`]); the session answers with a [`Ticket`] when
//! a save is due — the page waits [`DEBOUNCE_MS`] and hands it back
//! ([`Session::autosave`]), so typing saves once, after the last keystroke.
//! Saves check revisions (an older tab never overwrites newer data), other
//! tabs' writes are followed ([`Session::external_change`]), and every
//! button of the panel is a method (`actions.rs`). An action that opens a
//! draft returns the scenario the page must show.

mod actions;

use super::{Backend, Deleted, DraftMeta, DraftStore, Fault, ImportError, Names, Notice, QuarantineItem, Reader, SaveError};
use crate::scenario::Scenario;

/// How long typing may pause before the draft is written.
pub const DEBOUNCE_MS: u64 = 300;

/// The time and random numbers, injected so tests can fix them.
pub trait Clock {
    /// Milliseconds since 1970.
    fn now(&self) -> u64;
    /// A random number for fresh draft ids.
    fn salt(&self) -> u32;
}

/// The save state shown next to the panel's heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Saved(u64),
    Saving,
    NotYet,
    /// Storage is blocked: drafts live only as long as the page.
    Blocked,
    Failed(Fault),
    /// Another tab saved a newer revision of the open draft.
    Conflict(DraftMeta),
    /// A newer version of the app owns the drafts: nothing is saved.
    Newer,
    /// The code that reads the stored drafts could not be loaded: they are
    /// kept as they are, and nothing is saved.
    Unread,
    Erased,
}

impl Status {
    /// A stable code for the page (`data-state`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Saved(_) => "saved",
            Self::Saving => "saving",
            Self::NotYet => "not-yet",
            Self::Blocked => "blocked",
            Self::Failed(Fault::Full) => "full",
            Self::Failed(_) => "failed",
            Self::Conflict(_) => "conflict",
            Self::Newer => "newer",
            Self::Unread => "unread",
            Self::Erased => "erased",
        }
    }

    /// Edits are not reaching storage.
    pub fn is_problem(&self) -> bool {
        matches!(self, Self::Blocked | Self::Failed(_) | Self::Conflict(_) | Self::Newer | Self::Unread)
    }
}

/// A message in the panel (worded by `crate::i18n` when shown).
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The code that reads drafts could not be loaded: the action did nothing.
    Unread,
}

impl Message {
    /// A stable code for the page (`data-kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Store(Notice::Quarantined { .. } | Notice::Stuck { .. }) => "quarantine",
            Self::Store(Notice::Migrated { .. }) => "migrated",
            Self::Store(Notice::NewerIndex) => "newer",
            Self::Store(_) => "store",
            Self::Import(_) => "import-error",
            Self::Imported(_) => "imported",
            Self::Synced => "synced",
            Self::RemovedElsewhere => "removed-elsewhere",
            Self::Unsaved => "unsaved",
            Self::OpenFailed(_) | Self::EraseFailed(_) | Self::ExportFailed(_) | Self::Unread => "error",
        }
    }

    pub fn is_warning(&self) -> bool {
        !matches!(self, Self::Imported(_) | Self::Synced | Self::Store(Notice::Migrated { .. } | Notice::Recovered { .. }))
    }
}

/// A deleted draft, kept until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub deleted: Deleted,
    /// The empty draft made because the deleted one was the last.
    placeholder: Option<String>,
}

/// A save that falls due when typing pauses: valid until the next edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

/// The page's document: the valid one (`None` while an input is wrong),
/// its JSON, and the last valid one.
struct Page {
    current: Option<Scenario>,
    json: Option<String>,
    last_valid: Scenario,
}

pub struct Session<B: Backend, C: Clock> {
    store: DraftStore<B>,
    clock: C,
    open: DraftMeta,
    status: Status,
    messages: Vec<Message>,
    undo: Option<Undo>,
    /// The stored drafts and the quarantine shelf, as last read.
    list: Vec<DraftMeta>,
    shelf: Vec<QuarantineItem>,
    /// The open draft's content as last written or read (what storage holds).
    saved_json: String,
    page: Page,
    /// Bumped by every edit and save: older tickets are void.
    generation: u64,
    /// The page changed since it opened (for the warning before leaving).
    edited: bool,
    /// The open draft is the new one made at start, not yet stored
    /// ([`Session::settle`] stores it).
    unstored: bool,
}

impl<B: Backend, C: Clock> Session<B, C> {
    /// Opens the drafts stored in `backend`; the scenario the page starts
    /// with. A new draft (a first visit) is stored at once.
    pub fn start(backend: B, clock: C, names: &Names) -> (Self, Scenario) {
        let (mut me, scenario) = Self::start_unstored(backend, clock, Reader::NATIVE, names);
        me.settle();
        (me, scenario)
    }

    /// [`Session::start`] without writing anything a first visit does not
    /// need yet (issue 13: the page's first task): the new draft is stored,
    /// and the list and the shelf read, by [`Session::settle`]. Until then
    /// the session holds the page it started with, as stored. Stored text
    /// is read with `read` (see [`DraftStore::start_unstored`]).
    pub fn start_unstored(backend: B, clock: C, read: Reader, names: &Names) -> (Self, Scenario) {
        let (store, startup) = DraftStore::start_unstored(backend, read, clock.now(), clock.salt(), names);
        let json = startup.scenario.to_json();
        let page = Page { current: Some(startup.scenario.clone()), json: Some(json.clone()), last_valid: startup.scenario.clone() };
        let mut me = Self {
            list: Vec::new(),
            shelf: Vec::new(),
            status: Status::NotYet,
            store,
            clock,
            open: startup.open,
            messages: startup.notices.into_iter().map(Message::Store).collect(),
            undo: None,
            saved_json: json,
            page,
            generation: 0,
            edited: false,
            unstored: startup.created && !startup.read_only,
        };
        me.status = me.idle_status(&me.open);
        (me, startup.scenario)
    }

    /// The page is drawn: stores the new draft [`Session::start_unstored`]
    /// made (unless another was opened since), and reads the list and the
    /// shelf the drafts panel shows.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.unstored) {
            let (open, fault) = self.store.store_new(&self.open, &self.saved_json, self.clock.now());
            self.status = match fault {
                Some(_) if !self.store.persistent() => Status::Blocked,
                Some(f) => Status::Failed(f),
                None => self.idle_status(&open),
            };
            self.open = open;
        }
        self.sync();
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn open(&self) -> &DraftMeta {
        &self.open
    }

    /// The deleted draft that can still come back.
    pub fn undo_offer(&self) -> Option<&DraftMeta> {
        self.undo.as_ref().map(|u| &u.deleted.meta)
    }

    /// The stored drafts.
    pub fn list(&self) -> &[DraftMeta] {
        &self.list
    }

    /// The drafts to list: the stored ones, plus the open one if not stored.
    pub fn shown(&self) -> Vec<DraftMeta> {
        let mut list = self.list.clone();
        if !list.iter().any(|m| m.id == self.open.id) {
            list.push(self.open.clone());
        }
        list
    }

    pub fn shelf(&self) -> &[QuarantineItem] {
        &self.shelf
    }

    /// Closing the page now would lose edits that could not be saved.
    pub fn must_warn_before_leaving(&self) -> bool {
        match self.status {
            Status::Blocked | Status::Newer | Status::Unread => self.edited,
            Status::Failed(_) | Status::Conflict(_) => self.dirty(),
            _ => false,
        }
    }

    /// The page's document changed: `current` is it when every input is
    /// valid. A ticket when a save is due.
    pub fn page_changed(&mut self, current: Option<Scenario>, last_valid: Scenario) -> Option<Ticket> {
        let json = current.as_ref().map(Scenario::to_json);
        let changed = json.as_ref().is_some_and(|j| *j != self.saved_json);
        self.page = Page { current, json, last_valid };
        if !changed {
            return None;
        }
        self.edited = true;
        self.generation += 1;
        if matches!(self.status, Status::Saved(_) | Status::NotYet | Status::Erased | Status::Failed(_)) {
            self.status = Status::Saving;
        }
        Some(Ticket(self.generation))
    }

    /// Typing paused: saves, unless the page changed again since `ticket`.
    pub fn autosave(&mut self, ticket: Ticket) {
        if ticket.0 == self.generation {
            self.save_now();
        }
    }

    /// Writes the page now if it differs from storage (leaving the page).
    pub fn flush(&mut self) {
        if self.dirty() {
            self.save_now();
        }
    }

    /// What the page shows, as JSON: the valid document, else the last valid.
    fn page_json(&self) -> String {
        self.page.json.clone().unwrap_or_else(|| self.page.last_valid.to_json())
    }

    fn page_scenario(&self) -> Scenario {
        self.page.current.clone().unwrap_or_else(|| self.page.last_valid.clone())
    }

    fn dirty(&self) -> bool {
        self.page_json() != self.saved_json
    }

    fn idle_status(&self, meta: &DraftMeta) -> Status {
        if self.store.unread() {
            Status::Unread
        } else if self.store.read_only() {
            Status::Newer
        } else if !self.store.persistent() {
            Status::Blocked
        } else if meta.revision == 0 {
            Status::NotYet
        } else {
            Status::Saved(meta.updated_at)
        }
    }

    fn save_now(&mut self) {
        self.generation += 1;
        let Some(json) = self.page.json.clone() else { return };
        if json == self.saved_json {
            if self.status == Status::Saving {
                self.status = self.idle_status(&self.open);
            }
            return;
        }
        let meta = self.open.clone();
        match self.store.save(&meta, &json, self.clock.now()) {
            Ok(saved) => {
                if meta.revision == 0 {
                    // First write of a new draft (e.g. after erasing): remember it is open.
                    let _ = self.store.set_open(&saved.id);
                }
                self.saved_json = json;
                self.status = self.idle_status(&saved);
                self.open = saved;
            }
            Err(e) => self.status = self.save_error(e),
        }
        self.sync();
    }

    fn save_error(&self, e: SaveError) -> Status {
        if self.store.unread() {
            return Status::Unread;
        }
        match e {
            SaveError::Conflict(theirs) => Status::Conflict(theirs),
            SaveError::Newer => Status::Newer,
            SaveError::Fault(_) if !self.store.persistent() => Status::Blocked,
            SaveError::Fault(f) => Status::Failed(f),
        }
    }

    /// Reads the store's list, shelf and notices.
    fn sync(&mut self) {
        self.list = self.store.list().to_vec();
        self.shelf = self.store.quarantined();
        for n in self.store.take_notices() {
            self.say(Message::Store(n));
        }
    }

    fn say(&mut self, m: Message) {
        self.messages.retain(|x| *x != m);
        self.messages.push(m);
    }

    /// An action waited for the code that reads drafts, which could not be
    /// loaded: it did nothing.
    pub fn unread_action(&mut self) {
        self.say(Message::Unread);
    }

    /// Whether storage holds drafts this page could not read (their
    /// reading code could not be loaded): it saves nothing.
    pub fn unread(&self) -> bool {
        self.store.unread()
    }

    pub fn dismiss(&mut self, i: usize) {
        if i < self.messages.len() {
            self.messages.remove(i);
        }
    }

    /// Starts an action that changes drafts: the undo offer ends here.
    fn begin(&mut self) {
        self.undo = None;
        self.messages.retain(|m| !matches!(m, Message::Imported(_) | Message::Synced | Message::Unsaved));
    }

    /// Saves before the page shows another draft; `false` (and says why)
    /// when the open draft's changes could not be saved.
    fn leave_ok(&mut self) -> bool {
        self.flush();
        if self.dirty() {
            self.say(Message::Unsaved);
            return false;
        }
        true
    }

    /// Makes `meta` the open draft showing `scenario`; the page loads it.
    fn show(&mut self, meta: DraftMeta, scenario: Scenario) -> Option<Scenario> {
        self.generation += 1;
        self.unstored = false;
        self.saved_json = scenario.to_json();
        self.page = Page { current: Some(scenario.clone()), json: Some(self.saved_json.clone()), last_valid: scenario.clone() };
        self.status = self.idle_status(&meta);
        // A draft not yet stored is remembered as open by its first save.
        if meta.revision > 0 {
            let _ = self.store.set_open(&meta.id);
        }
        self.open = meta;
        Some(scenario)
    }
}

#[cfg(test)]
mod tests;
