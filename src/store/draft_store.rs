//! The drafts on this device, over any [`Backend`]: startup (with
//! quarantine, migration and recovery), save with revision checks, create,
//! rename, delete and undo, erase, and the quarantine shelf.

use super::files::{fresh_id, next_default_name, unique_name, valid_id};
use super::index::{index_json, DraftMeta};
use super::read::Reader;
use super::{draft_key, holds_drafts, Backend, Fault, DRAFT_PREFIX, INDEX_KEY, OPEN_KEY, PREFIX, QUARANTINE_PREFIX};
use crate::scenario::{ErrorKind, Scenario, ScenarioError};

/// What a piece of unreadable data was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The list of drafts.
    Index,
    /// One draft; its name when the index still knew it.
    Draft { id: String, name: Option<String> },
}

/// Something the user should be told about stored data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The drafts were saved by a newer version of the app: they are left
    /// in place and this page saves nothing.
    NewerIndex,
    /// Unreadable data was moved, untouched, to `key`.
    Quarantined { source: Source, key: String, error: ScenarioError },
    /// Unreadable data could not be moved (storage refused); it stays where
    /// it is and is never written over.
    Stuck { source: Source, error: ScenarioError, fault: Fault },
    /// A draft in an older format was brought up to date.
    Migrated { name: String, from: u64 },
    /// A draft the index had lost was put back in the list.
    Recovered { name: String },
    /// The index listed a draft whose data is gone.
    Missing { name: String },
}

/// What the page opens with.
#[derive(Debug, Clone)]
pub struct Startup {
    pub open: DraftMeta,
    pub scenario: Scenario,
    /// No draft existed: a new one was made from the example.
    pub created: bool,
    pub notices: Vec<Notice>,
    /// Why the open draft could not be written at startup, if it could not.
    pub fault: Option<Fault>,
    /// A newer version owns the stored drafts: nothing is written.
    pub read_only: bool,
}

/// The names startup gives drafts it makes or recovers (in the page's language).
pub struct Names<'a> {
    /// "草稿": a new draft is "草稿 1".
    pub draft: &'a str,
    /// "找回的草稿": a recovered draft whose name is lost and says nothing.
    pub recovered: &'a str,
    /// A name from a draft's content ("网商贷、借呗"), or empty.
    pub describe: &'a dyn Fn(&Scenario) -> String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved a newer revision of this draft; nothing was written.
    Conflict(DraftMeta),
    /// The index was written by a newer version of the app; nothing was written.
    Newer,
    Fault(Fault),
}

impl From<Fault> for SaveError {
    fn from(f: Fault) -> Self {
        Self::Fault(f)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Missing,
    /// Set aside; the notice says where (boxed: it is large, and rare).
    Unreadable(Box<Notice>),
    Fault(Fault),
}

/// A deleted draft, kept for undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub meta: DraftMeta,
    pub json: String,
}

/// Data on the quarantine shelf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantineItem {
    pub key: String,
    /// When it was set aside (ms since 1970).
    pub at: u64,
    pub bytes: usize,
}

pub struct DraftStore<B: Backend> {
    backend: B,
    read: Reader,
    index: Vec<DraftMeta>,
    /// The index's stored text as last read or written, with its list: a
    /// write reads the index again only when another tab changed it.
    seen: Option<(String, Vec<DraftMeta>)>,
    /// Keys holding unreadable data that could not be moved: never written.
    locked: Vec<String>,
    notices: Vec<Notice>,
    /// The index belongs to a newer version: write nothing.
    read_only: bool,
    /// Storage holds drafts the reading code (not loaded) could not read:
    /// write nothing (also `read_only`).
    unread: bool,
}

/// The reading code is not loaded (a fault: nothing is written).
fn unread() -> Fault {
    Fault::Other("the code that reads drafts is not loaded".into())
}

impl<B: Backend> DraftStore<B> {
    /// Reads everything stored, sets aside what cannot be read, migrates what
    /// is old, recovers drafts missing from the index, and opens the draft
    /// opened last (or the newest, or a new one from the example, stored at
    /// once). An index written by a newer version is left as it is: the page
    /// opens read-only.
    pub fn start(backend: B, now: u64, salt: u32, names: &Names) -> (Self, Startup) {
        let (mut me, mut startup) = Self::start_unstored(backend, Reader::NATIVE, now, salt, names);
        if startup.created && !startup.read_only {
            (startup.open, startup.fault) = me.store_new(&startup.open, &startup.scenario.to_json(), now);
        }
        (me, startup)
    }

    /// [`DraftStore::start`], except that a new draft made from the example
    /// is not written (its revision is 0): a first visit writes nothing
    /// until [`DraftStore::store_new`] (issue 13: the page's first task).
    /// Repairs (quarantine, migration, recovery) are written as in `start`.
    /// Stored text is read with `read`; if its code is not loaded and
    /// storage holds drafts, nothing is read nor written: the page opens
    /// the example, read-only ([`DraftStore::unread`]).
    pub fn start_unstored(backend: B, read: Reader, now: u64, salt: u32, names: &Names) -> (Self, Startup) {
        let mut me =
            Self { backend, read, index: Vec::new(), seen: None, locked: Vec::new(), notices: Vec::new(), read_only: false, unread: false };
        if !(read.ready)() && holds_drafts(&me.backend) {
            me.unread = true;
            return me.start_read_only(now, salt, names, Vec::new());
        }
        let mut dirty = false;
        let mut salvaged = Vec::new();
        if let Ok(Some(text)) = me.backend.get(INDEX_KEY) {
            match (read.index)(&text) {
                None => {
                    me.unread = true;
                    return me.start_read_only(now, salt, names, Vec::new());
                }
                Some(Ok(list)) => {
                    me.seen = Some((text, list.clone()));
                    me.index = list;
                }
                Some(Err(error)) if error.kind == ErrorKind::NewerVersion => return me.start_read_only(now, salt, names, vec![Notice::NewerIndex]),
                Some(Err(error)) => {
                    salvaged = (read.salvage)(&text).unwrap_or_default();
                    let n = me.set_aside(INDEX_KEY, Source::Index, error.into(), now);
                    me.notices.push(n);
                    dirty = true;
                }
            }
        }
        let listed = std::mem::take(&mut me.index);
        for meta in listed {
            if me.check_draft(&meta, now) {
                me.index.push(meta);
            } else {
                dirty = true;
            }
        }
        dirty |= me.recover_unlisted(now, &salvaged, names);
        if dirty && !me.is_locked(INDEX_KEY) {
            let json = index_json(&me.index);
            if me.backend.set(INDEX_KEY, &json).is_ok() {
                me.seen = Some((json, me.index.clone()));
            }
        }
        me.open_at_start(now, salt, names)
    }

    /// A newer version's drafts, or drafts the reading code (not loaded)
    /// cannot read: leave them, show the example, save nothing.
    fn start_read_only(mut self, now: u64, salt: u32, names: &Names, notices: Vec<Notice>) -> (Self, Startup) {
        self.read_only = true;
        let open = self.new_meta(next_default_name(names.draft, &[]), now, salt);
        let startup = Startup { open, scenario: Scenario::example(), created: true, notices, fault: None, read_only: true };
        (self, startup)
    }

    /// Drafts whose data exists but the index forgot: put them back, named
    /// as the lost index named them if its text still says, else by their
    /// content. `true` when any came back.
    fn recover_unlisted(&mut self, now: u64, salvaged: &[(String, String)], names: &Names) -> bool {
        let mut keys = self.backend.keys().unwrap_or_default();
        crate::engine::small_sort::sort_by(&mut keys, Ord::cmp);
        let mut any = false;
        for key in keys {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else { continue };
            if !valid_id(id) || self.index.iter().any(|m| m.id == id) || self.is_locked(&key) {
                continue;
            }
            let text = self.backend.get(&key).ok().flatten().unwrap_or_default();
            let described = match (self.read.draft)(&text) {
                // Not loaded: left as it is, unlisted, for a page that can read it.
                None => continue,
                Some(read) => read.map(|(s, _)| (names.describe)(&s)).unwrap_or_default(),
            };
            let base = salvaged
                .iter()
                .find(|(i, _)| i == id)
                .map(|(_, n)| super::clean_name(n, names.recovered))
                .or_else(|| (!described.is_empty()).then(|| super::clean_name(&described, names.recovered)))
                .unwrap_or_else(|| names.recovered.to_owned());
            let meta = DraftMeta { id: id.to_owned(), name: unique_name(&base, &self.index), updated_at: now, revision: 1, link: None };
            if self.check_draft(&meta, now) {
                self.notices.push(Notice::Recovered { name: meta.name.clone() });
                self.index.push(meta);
                any = true;
            }
        }
        any
    }

    /// Opens the draft opened last (or the newest), else a new one.
    fn open_at_start(mut self, now: u64, salt: u32, names: &Names) -> (Self, Startup) {
        let wanted = self.backend.get(OPEN_KEY).ok().flatten();
        let chosen = wanted
            .as_ref()
            .and_then(|id| self.index.iter().find(|m| m.id == *id).cloned())
            .or_else(|| self.index.iter().max_by_key(|m| m.updated_at).cloned());
        if let Some(meta) = chosen {
            let text = self.backend.get(&draft_key(&meta.id)).ok().flatten();
            if let Some((scenario, _)) = text.and_then(|t| (self.read.draft)(&t)).and_then(Result::ok) {
                if wanted.as_deref() != Some(meta.id.as_str()) {
                    let _ = self.backend.set(OPEN_KEY, &meta.id);
                }
                let notices = std::mem::take(&mut self.notices);
                return (self, Startup { open: meta, scenario, created: false, notices, fault: None, read_only: false });
            }
        }
        let open = self.new_meta(next_default_name(names.draft, &self.index), now, salt);
        let notices = std::mem::take(&mut self.notices);
        (self, Startup { open, scenario: Scenario::example(), created: true, notices, fault: None, read_only: false })
    }

    /// Writes the new draft [`DraftStore::start_unstored`] made and
    /// remembers it as open: its stored meta, or `meta` and why it could
    /// not be written.
    pub fn store_new(&mut self, meta: &DraftMeta, json: &str, now: u64) -> (DraftMeta, Option<Fault>) {
        let (open, fault) = match self.save(meta, json, now) {
            Ok(saved) => (saved, None),
            Err(SaveError::Fault(f)) => (meta.clone(), Some(f)),
            Err(_) => (meta.clone(), Some(Fault::Other("could not save".into()))),
        };
        let _ = self.backend.set(OPEN_KEY, &open.id);
        (open, fault)
    }

    /// `true` when the draft is readable (migrated and rewritten if old);
    /// unreadable data is set aside.
    fn check_draft(&mut self, meta: &DraftMeta, now: u64) -> bool {
        let key = draft_key(&meta.id);
        match self.backend.get(&key) {
            Err(_) => true,
            Ok(None) => {
                self.notices.push(Notice::Missing { name: meta.name.clone() });
                false
            }
            Ok(Some(text)) => match (self.read.draft)(&text) {
                // Not loaded: kept as it is.
                None => true,
                Some(Ok((s, older))) => {
                    if let Some(from) = older {
                        let _ = self.put(&key, &s.to_json());
                        self.notices.push(Notice::Migrated { name: meta.name.clone(), from });
                    }
                    true
                }
                Some(Err(error)) => {
                    let source = Source::Draft { id: meta.id.clone(), name: Some(meta.name.clone()) };
                    let n = self.set_aside(&key, source, error, now);
                    self.notices.push(n);
                    false
                }
            },
        }
    }

    fn is_locked(&self, key: &str) -> bool {
        self.locked.iter().any(|k| k == key)
    }

    /// Writes, unless the key holds data this app could not read (or a
    /// newer version owns the drafts).
    fn put(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        if self.is_locked(key) || self.read_only {
            return Err(Fault::Locked);
        }
        self.backend.set(key, value)
    }

    /// Moves the data at `from` to a new quarantine key, byte for byte: the
    /// backend copies it as stored (a string that is not valid UTF-16 reads
    /// lossily, so it is never read and written back) and the original goes
    /// only when the copy is identical.
    fn quarantine(&mut self, from: &str, now: u64) -> Result<String, Fault> {
        let mut n = 0u32;
        let key = loop {
            let k = format!("{QUARANTINE_PREFIX}{now}-{n}");
            if self.backend.get(&k)?.is_none() {
                break k;
            }
            n += 1;
        };
        self.backend.copy(from, &key)?;
        if !self.backend.same(from, &key)? {
            let _ = self.backend.remove(&key);
            return Err(Fault::Other("the copy differs".into()));
        }
        if self.backend.remove(from).is_err() {
            self.locked.push(from.to_owned());
        }
        Ok(key)
    }

    fn set_aside(&mut self, from: &str, source: Source, error: ScenarioError, now: u64) -> Notice {
        match self.quarantine(from, now) {
            Ok(key) => Notice::Quarantined { source, key, error },
            Err(fault) => {
                self.locked.push(from.to_owned());
                Notice::Stuck { source, error, fault }
            }
        }
    }

    /// The index as stored now (another tab may have changed it).
    fn fresh_index(&mut self, now: u64) -> Result<Vec<DraftMeta>, SaveError> {
        if self.is_locked(INDEX_KEY) {
            return Err(SaveError::Fault(Fault::Locked));
        }
        match self.backend.get(INDEX_KEY)? {
            None => Ok(Vec::new()),
            Some(text) => match self.seen.as_ref().filter(|(seen, _)| *seen == text) {
                Some((_, list)) => Ok(list.clone()),
                None => self.read_index(text, now),
            },
        }
    }

    /// Reads the index's stored text (another tab changed it, or it was
    /// never read); unreadable text is set aside.
    fn read_index(&mut self, text: String, now: u64) -> Result<Vec<DraftMeta>, SaveError> {
        match (self.read.index)(&text) {
            None => Err(SaveError::Fault(unread())),
            Some(read) => match read {
                Ok(list) => {
                    self.seen = Some((text, list.clone()));
                    Ok(list)
                }
                Err(e) if e.kind == ErrorKind::NewerVersion => Err(SaveError::Newer),
                Err(e) => {
                    let n = self.set_aside(INDEX_KEY, Source::Index, e.into(), now);
                    self.notices.push(n);
                    if self.is_locked(INDEX_KEY) {
                        return Err(SaveError::Fault(Fault::Locked));
                    }
                    Ok(self.index.clone())
                }
            },
        }
    }

    fn write_index(&mut self, list: Vec<DraftMeta>) -> Result<(), SaveError> {
        let json = index_json(&list);
        self.put(INDEX_KEY, &json)?;
        self.seen = Some((json, list.clone()));
        self.index = list;
        Ok(())
    }

    /// The drafts as last read or written.
    pub fn list(&self) -> &[DraftMeta] {
        &self.index
    }

    /// Whether drafts outlive the page.
    pub fn persistent(&self) -> bool {
        self.backend.persistent()
    }

    /// Notices gathered since last asked.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// Re-reads the index after another tab changed storage.
    pub fn refresh(&mut self, now: u64) -> &[DraftMeta] {
        if let Ok(list) = self.fresh_index(now) {
            self.index = list;
        }
        &self.index
    }

    /// A new, not yet saved draft (revision 0) with a fresh id.
    pub fn new_meta(&self, name: String, now: u64, salt: u32) -> DraftMeta {
        let id = fresh_id(now, salt, |id| {
            self.index.iter().any(|m| m.id == id) || matches!(self.backend.get(&draft_key(id)), Ok(Some(_)))
        });
        DraftMeta { id, name, updated_at: now, revision: 0, link: None }
    }

    /// Saves a draft's content. `meta.revision` is the revision the page
    /// loaded; if storage holds a newer one, nothing is written.
    pub fn save(&mut self, meta: &DraftMeta, json: &str, now: u64) -> Result<DraftMeta, SaveError> {
        let mut list = self.fresh_index(now)?;
        let stored = list.iter().position(|m| m.id == meta.id);
        if let Some(p) = stored {
            if list[p].revision > meta.revision {
                let theirs = list[p].clone();
                self.index = list;
                return Err(SaveError::Conflict(theirs));
            }
        }
        self.put(&draft_key(&meta.id), json)?;
        let saved = match stored {
            Some(p) => DraftMeta {
                id: meta.id.clone(),
                name: list[p].name.clone(),
                updated_at: now.max(list[p].updated_at),
                revision: list[p].revision.max(meta.revision) + 1,
                link: list[p].link.clone(),
            },
            None => DraftMeta { id: meta.id.clone(), name: meta.name.clone(), updated_at: now, revision: meta.revision + 1, link: meta.link.clone() },
        };
        match stored {
            Some(p) => list[p] = saved.clone(),
            None => list.push(saved.clone()),
        }
        self.write_index(list)?;
        Ok(saved)
    }

    /// Renames a stored draft; `None` when the draft is not stored.
    pub fn rename(&mut self, id: &str, name: &str, now: u64) -> Result<Option<DraftMeta>, SaveError> {
        let mut list = self.fresh_index(now)?;
        let Some(m) = list.iter_mut().find(|m| m.id == id) else { return Ok(None) };
        m.name = name.to_owned();
        let renamed = m.clone();
        self.write_index(list)?;
        Ok(Some(renamed))
    }

    /// Removes a draft, returning what undo needs. `page_json` is the
    /// content on the page when this is the open draft (it may be newer
    /// than what was stored).
    pub fn delete(&mut self, meta: &DraftMeta, page_json: Option<&str>, now: u64) -> Result<Deleted, SaveError> {
        let mut list = self.fresh_index(now)?;
        let key = draft_key(&meta.id);
        let stored = self.backend.get(&key)?;
        let json = match (page_json, stored) {
            (Some(p), _) => p.to_owned(),
            (None, Some(s)) => s,
            (None, None) => return Err(SaveError::Fault(Fault::Other("nothing stored".into()))),
        };
        let kept = list.iter().find(|m| m.id == meta.id).cloned().unwrap_or_else(|| meta.clone());
        list.retain(|m| m.id != meta.id);
        self.write_index(list)?;
        let _ = self.backend.remove(&key);
        Ok(Deleted { meta: kept, json })
    }

    /// Puts a deleted draft back.
    pub fn restore(&mut self, deleted: &Deleted, now: u64) -> Result<DraftMeta, SaveError> {
        let mut list = self.fresh_index(now)?;
        if let Some(m) = list.iter().find(|m| m.id == deleted.meta.id) {
            return Ok(m.clone());
        }
        self.put(&draft_key(&deleted.meta.id), &deleted.json)?;
        list.push(deleted.meta.clone());
        self.write_index(list)?;
        Ok(deleted.meta.clone())
    }

    /// Reads a draft. Unreadable data is set aside and dropped from the list.
    pub fn load(&mut self, id: &str, now: u64) -> Result<(DraftMeta, Scenario), LoadError> {
        let list = match self.fresh_index(now) {
            Ok(l) => l,
            Err(SaveError::Fault(f)) if f != Fault::Locked => return Err(LoadError::Fault(f)),
            Err(_) => self.index.clone(),
        };
        let meta = list.iter().find(|m| m.id == id).cloned().ok_or(LoadError::Missing)?;
        self.index = list;
        let key = draft_key(id);
        let text = self.backend.get(&key).map_err(LoadError::Fault)?.ok_or(LoadError::Missing)?;
        match (self.read.draft)(&text).ok_or_else(|| LoadError::Fault(unread()))? {
            Ok((s, older)) => {
                if let Some(from) = older {
                    let _ = self.put(&key, &s.to_json());
                    self.notices.push(Notice::Migrated { name: meta.name.clone(), from });
                }
                Ok((meta, s))
            }
            Err(error) => {
                let source = Source::Draft { id: id.to_owned(), name: Some(meta.name.clone()) };
                let notice = self.set_aside(&key, source, error, now);
                let mut list = self.index.clone();
                list.retain(|m| m.id != id);
                let _ = self.write_index(list);
                Err(LoadError::Unreadable(Box::new(notice)))
            }
        }
    }

    /// The stored text of a draft, as it is.
    pub fn raw(&self, id: &str) -> Option<String> {
        self.backend.get(&draft_key(id)).ok().flatten()
    }

    pub fn set_open(&mut self, id: &str) -> Result<(), Fault> {
        self.put(OPEN_KEY, id)
    }

    /// A newer version owns the drafts, or they could not be read
    /// ([`DraftStore::unread`]): nothing is written.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Storage holds drafts that were not read because the reading code
    /// could not be loaded: nothing is written.
    pub fn unread(&self) -> bool {
        self.unread
    }

    /// How this store reads stored text.
    pub fn reader(&self) -> Reader {
        self.read
    }

    /// A preference (such as the language) as stored.
    pub fn pref(&self, key: &str) -> Option<String> {
        self.backend.get(key).ok().flatten()
    }

    pub fn set_pref(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        self.put(key, value)
    }

    /// Removes every key this app wrote (all with the `xieshang.` prefix),
    /// unreadable and quarantined data included. Returns how many went.
    pub fn erase_all(&mut self) -> Result<usize, Fault> {
        let keys = self.backend.keys()?;
        let mut removed = 0;
        let mut failed = None;
        for key in keys.iter().filter(|k| k.starts_with(PREFIX)) {
            match self.backend.remove(key) {
                Ok(()) => removed += 1,
                Err(f) => failed = Some(f),
            }
        }
        self.index.clear();
        self.locked.clear();
        self.notices.clear();
        match failed {
            Some(f) => Err(f),
            None => Ok(removed),
        }
    }

    /// Everything on the quarantine shelf, oldest first.
    pub fn quarantined(&self) -> Vec<QuarantineItem> {
        let mut items: Vec<QuarantineItem> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|key| {
                let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
                let at = rest.split('-').next()?.parse().ok()?;
                let bytes = self.backend.get(&key).ok().flatten()?.len();
                Some(QuarantineItem { key, at, bytes })
            })
            .collect();
        crate::engine::small_sort::sort_by(&mut items, |a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
        items
    }

    pub fn quarantine_text(&self, key: &str) -> Option<String> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return None;
        }
        self.backend.get(key).ok().flatten()
    }

    /// Deletes one item from the quarantine shelf (the user chose to).
    pub fn discard(&mut self, key: &str) -> Result<(), Fault> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return Err(Fault::Other("not a quarantine key".into()));
        }
        self.backend.remove(key)
    }

    /// The backend, for tests and the browser layer.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }
}
