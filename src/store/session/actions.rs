//! The drafts panel's buttons. Each returns the scenario the page must
//! show when it opens another draft. Names come from the page in its
//! language; the session makes them clean and unique.

use super::{Clock, Message, Session, Status, Undo};
use crate::scenario::Scenario;
use crate::store::{
    check_import_size, clean_name, export_file_name, import_name, next_default_name, read_import, unique_name, Backend,
    DraftMeta, Fault, ImportError, LoadError, LANG_KEY, QUARANTINE_PREFIX,
};

impl<B: Backend, C: Clock> Session<B, C> {
    /// Makes a new draft holding `scenario`, stores it and opens it.
    fn create_and_open(&mut self, name: String, scenario: Scenario) -> (String, Option<Scenario>) {
        self.create_and_open_from(name, scenario, None)
    }

    /// [`Self::create_and_open`], remembering the share link it came from.
    fn create_and_open_from(&mut self, name: String, scenario: Scenario, link: Option<String>) -> (String, Option<Scenario>) {
        let now = self.clock.now();
        let meta = DraftMeta { link, ..self.store.new_meta(name, now, self.clock.salt()) };
        let id = meta.id.clone();
        let shown = match self.store.save(&meta, &scenario.to_json(), now) {
            Ok(saved) => self.show(saved, scenario),
            Err(e) => {
                let shown = self.show(meta, scenario);
                self.status = self.save_error(e);
                shown
            }
        };
        self.sync();
        (id, shown)
    }

    fn open_stored(&mut self, id: &str) -> Option<Scenario> {
        let shown = match self.store.load(id, self.clock.now()) {
            Ok((meta, scenario)) => self.show(meta, scenario),
            Err(LoadError::Unreadable(n)) => {
                self.say(Message::Store(*n));
                None
            }
            Err(LoadError::Missing) => {
                self.say(Message::OpenFailed(Fault::Other("missing".into())));
                None
            }
            Err(LoadError::Fault(f)) => {
                self.say(Message::OpenFailed(f));
                None
            }
        };
        self.sync();
        shown
    }

    /// A unique, clean name from `base` ("草稿 1 副本").
    fn fresh_name(&self, base: &str) -> String {
        unique_name(&clean_name(base, base), &self.list)
    }

    /// A new draft from the example, named `prefix` N ("草稿 3").
    pub fn new_draft(&mut self, prefix: &str) -> Option<Scenario> {
        if !self.leave_ok() {
            return None;
        }
        self.begin();
        let name = next_default_name(prefix, &self.list);
        self.create_and_open(name, Scenario::example()).1
    }

    /// A copy of what the page shows, named `name` ("草稿 1 副本").
    pub fn duplicate(&mut self, name: &str) -> Option<Scenario> {
        if !self.leave_ok() {
            return None;
        }
        self.begin();
        let name = self.fresh_name(name);
        self.create_and_open(name, self.page_scenario()).1
    }

    pub fn rename(&mut self, name: &str) {
        self.begin();
        let name = clean_name(name, &self.open.name);
        if name == self.open.name {
            return;
        }
        self.open.name = name.clone();
        let id = self.open.id.clone();
        if let Err(e) = self.store.rename(&id, &name, self.clock.now()) {
            self.status = self.save_error(e);
        }
        self.sync();
    }

    pub fn switch(&mut self, id: &str) -> Option<Scenario> {
        if self.open.id == id || !self.leave_ok() {
            return None;
        }
        self.begin();
        self.open_stored(id)
    }

    /// Deletes the open draft (undo until the next action) and opens the
    /// newest other one, or a new one named `prefix` 1.
    pub fn delete(&mut self, prefix: &str) -> Option<Scenario> {
        self.begin();
        let page = self.page_json();
        let meta = self.open.clone();
        let shown = match self.store.delete(&meta, Some(&page), self.clock.now()) {
            Ok(deleted) => {
                self.saved_json.clear();
                let next = self.store.list().iter().max_by_key(|m| m.updated_at).cloned();
                let (placeholder, shown) = match next {
                    Some(m) => (None, self.open_stored(&m.id)),
                    None => {
                        let (id, shown) = self.create_and_open(next_default_name(prefix, &[]), Scenario::example());
                        (Some(id), shown)
                    }
                };
                self.undo = Some(Undo { deleted, placeholder });
                shown
            }
            Err(e) => {
                self.status = self.save_error(e);
                None
            }
        };
        self.sync();
        shown
    }

    /// Brings the deleted draft back (and drops the empty one made in its place).
    pub fn undo(&mut self) -> Option<Scenario> {
        let u = self.undo.clone()?;
        self.flush();
        let now = self.clock.now();
        let shown = match self.store.restore(&u.deleted, now) {
            Ok(meta) => {
                self.undo = None;
                let open = self.open.clone();
                if u.placeholder.as_deref() == Some(open.id.as_str()) && open.revision <= 1 && !self.dirty() {
                    let _ = self.store.delete(&open, None, now);
                }
                self.open_stored(&meta.id)
            }
            Err(e) => {
                self.status = self.save_error(e);
                None
            }
        };
        self.sync();
        shown
    }

    /// Removes everything this app stored; shows a fresh, unsaved draft.
    pub fn erase_all(&mut self, prefix: &str) -> Option<Scenario> {
        self.begin();
        self.generation += 1;
        let shown = match self.store.erase_all() {
            Ok(_) => {
                self.messages.clear();
                let meta = self.store.new_meta(next_default_name(prefix, &[]), self.clock.now(), self.clock.salt());
                // Nothing is written until the next change.
                let shown = self.show(meta, Scenario::example());
                self.status = if self.store.persistent() { Status::Erased } else { Status::Blocked };
                shown
            }
            Err(f) => {
                self.say(Message::EraseFailed(f));
                None
            }
        };
        self.sync();
        shown
    }

    /// The file to download for the open draft: its name and content.
    pub fn export(&self) -> (String, String) {
        (export_file_name(&self.open.name), self.page_json())
    }

    pub fn export_failed(&mut self, detail: String) {
        self.say(Message::ExportFailed(detail));
    }

    /// A quarantined item as a file: its name and content (as readable).
    pub fn quarantine_file(&self, key: &str) -> Option<(String, String)> {
        let text = self.store.quarantine_text(key)?;
        Some((format!("xieshang-unreadable-{}.json", key.trim_start_matches(QUARANTINE_PREFIX)), text))
    }

    pub fn discard(&mut self, key: &str) {
        self.begin();
        let _ = self.store.discard(key);
        self.sync();
    }

    /// Checks a file's size before it is read; `false` (and says why) when too large.
    pub fn import_size_ok(&mut self, bytes: u64) -> bool {
        match check_import_size(bytes) {
            Ok(()) => true,
            Err(e) => {
                self.say_import(Message::Import(e));
                false
            }
        }
    }

    pub fn import_unreadable(&mut self) {
        self.say_import(Message::Import(ImportError::Unreadable));
    }

    /// What an import says, instead of what the last one said (an error
    /// never stands beside "imported").
    fn say_import(&mut self, m: Message) {
        self.messages.retain(|m| !matches!(m, Message::Import(_) | Message::Imported(_)));
        self.say(m);
    }

    /// Imports a file's text as a new draft named after the file (or `fallback`).
    pub fn import(&mut self, file_name: &str, text: &str, fallback: &str) -> Option<Scenario> {
        self.import_from(file_name, text, fallback, None)
    }

    /// The draft a share link was opened as before (`link`: its
    /// [`crate::share::link_key`]), if it is still there. From the store's
    /// index: a link is read at start, before [`Session::settle`] fills
    /// the panel's list.
    pub fn link_draft(&self, link: &str) -> Option<&DraftMeta> {
        self.store.list().iter().find(|m| m.link.as_deref() == Some(link))
    }

    /// A share link's scenario as a new draft, read as an import is, that
    /// remembers the link (`link`, [`Self::link_draft`]): the same link
    /// opened again switches to it instead (review w14 S1).
    pub fn import_link(&mut self, name: &str, text: &str, link: &str, fallback: &str) -> Option<Scenario> {
        self.import_from(name, text, fallback, Some(link.to_owned()))
    }

    fn import_from(&mut self, file_name: &str, text: &str, fallback: &str, link: Option<String>) -> Option<Scenario> {
        self.messages.retain(|m| !matches!(m, Message::Import(_)));
        let scenario = match read_import(text, self.store.reader()) {
            Ok(s) => s,
            Err(e) => {
                self.say_import(Message::Import(e));
                return None;
            }
        };
        if !self.leave_ok() {
            return None;
        }
        self.begin();
        let name = unique_name(&import_name(file_name, fallback), &self.list);
        let (_, shown) = self.create_and_open_from(name.clone(), scenario, link);
        self.say_import(Message::Imported(name));
        shown
    }

    /// Another tab wrote: follow it, or report a conflict.
    pub fn external_change(&mut self) -> Option<Scenario> {
        let list = self.store.refresh(self.clock.now()).to_vec();
        let mut shown = None;
        match list.iter().find(|m| m.id == self.open.id).cloned() {
            Some(theirs) if theirs.revision > self.open.revision => {
                if self.dirty() {
                    self.status = Status::Conflict(theirs);
                } else {
                    shown = self.open_stored(&theirs.id);
                    self.say(Message::Synced);
                }
            }
            Some(theirs) => self.open.name = theirs.name,
            None if self.open.revision > 0 => {
                // Deleted elsewhere: the page keeps it; the next change saves it again.
                self.saved_json.clear();
                self.open.revision = 0;
                self.status = self.idle_status(&self.open);
                self.say(Message::RemovedElsewhere);
            }
            None => {}
        }
        self.sync();
        shown
    }

    /// In a conflict: show the other tab's version.
    pub fn conflict_load(&mut self) -> Option<Scenario> {
        self.begin();
        let id = self.open.id.clone();
        self.open_stored(&id)
    }

    /// In a conflict: keep this page as a new draft named `name`.
    pub fn conflict_keep(&mut self, name: &str) -> Option<Scenario> {
        self.begin();
        let name = self.fresh_name(name);
        self.create_and_open(name, self.page_scenario()).1
    }

    /// Remembers the language (through the store, like everything else).
    pub fn save_lang(&mut self, tag: &str) {
        let _ = self.store.set_pref(LANG_KEY, tag);
    }
}
