//! What the app keeps on this device: drafts, the open draft, the language.
//!
//! Split in two. Everything that decides — keys, the draft index, revisions
//! and conflicts, quarantining unreadable data, import checks, names — is
//! pure Rust over the [`Backend`] trait and tested natively with
//! [`MemoryBackend`]. The browser side ([`browser`], wasm only) is a thin
//! `Backend` over `window.localStorage` (gloo-storage's handle, reached only
//! after a probe, because `LocalStorage::raw()` throws when storage is
//! blocked) that reports every failure instead of panicking.
//!
//! ## Keys (all start with [`PREFIX`])
//! - `xieshang.drafts` — the index, versioned JSON:
//!   `{"version":1,"drafts":[{"id":"…","name":"…","updated_at":<ms>,"revision":<n>}]}`
//! - `xieshang.draft.<id>` — one draft: exactly the scenario JSON
//!   (`crate::scenario`), so it can be exported as it is.
//! - `xieshang.open` — the id of the open draft.
//! - `xieshang.lang` — `zh-CN` or `en`.
//! - `xieshang.quarantine.<ms>-<n>` — data that could not be read, kept
//!   byte for byte (copied as stored, never through a lossy read); never
//!   overwritten (a new key is chosen if taken).
//!
//! ## Rules
//! - Data that cannot be read is moved to a quarantine key, never overwritten;
//!   if it cannot be moved (storage full), its key is locked for this session.
//! - Every draft write compares the stored revision with the one this tab
//!   loaded: newer data is never overwritten by older.
//! - A draft file without an index entry is recovered into the index, so a
//!   lost index write never drops a draft; its name comes from what is left
//!   of an unreadable index, else from its content.
//! - An index written by a newer version is never moved: the page opens
//!   read-only and says so.
//!
//! [`session`] is the page's draft session over this store (autosave,
//! undo, conflicts, other tabs), with an injected clock.

mod draft_store;
mod files;
mod index;
mod memory;
mod read;
pub mod session;

#[cfg(target_arch = "wasm32")]
pub mod browser;

#[cfg(test)]
mod tests;

pub use draft_store::{Deleted, DraftStore, LoadError, Names, Notice, QuarantineItem, SaveError, Source, Startup};
pub use files::{
    check_import_size, clean_name, export_file_name, fresh_id, import_name, next_default_name, parse_import, read_import,
    salvage_names, unique_name, valid_id, ImportError, MAX_IMPORT_BYTES, MAX_NAME_CHARS,
};
pub use read::{read_draft, Draft, Reader};
pub use session::{Clock, Message, Session, Status, Ticket};
pub use index::{index_json, parse_index, DraftMeta, INDEX_VERSION};
pub use memory::MemoryBackend;

/// Every key this app writes starts with this prefix.
pub const PREFIX: &str = "xieshang.";
pub const INDEX_KEY: &str = "xieshang.drafts";
pub const OPEN_KEY: &str = "xieshang.open";
pub const LANG_KEY: &str = "xieshang.lang";
pub const DRAFT_PREFIX: &str = "xieshang.draft.";
pub const QUARANTINE_PREFIX: &str = "xieshang.quarantine.";

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Whether storage holds drafts (or what is left of them): the index or a
/// draft's key (`xieshang.draft…`). Only then does the page need the code
/// that reads them at start ([`Reader`]); shell-lang.js asks the same of
/// localStorage to hint that code's chunk early.
pub fn holds_drafts(backend: &impl Backend) -> bool {
    backend.keys().is_ok_and(|keys| keys.iter().any(|k| k.starts_with(DRAFTS_STEM)))
}

/// What the index's key and every draft's key start with.
pub const DRAFTS_STEM: &str = "xieshang.draft";

/// The language tag chosen last time (`zh-CN`, `en`), if storage holds one:
/// read here and written by [`Session::save_lang`], the one path.
pub fn stored_lang(backend: &impl Backend) -> Option<String> {
    backend.get(LANG_KEY).ok().flatten()
}

/// Why storage refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// No storage at all (blocked by the browser or its settings).
    Unavailable,
    /// Quota exceeded.
    Full,
    /// The key holds data that could not be read nor set aside; it is never written.
    Locked,
    /// Anything else the browser reported.
    Other(String),
}

/// A key–value store of strings: localStorage in the browser, a map in tests.
pub trait Backend {
    /// The value as a Rust string (lossy where the stored string is not
    /// valid UTF-16: a lone surrogate reads as U+FFFD).
    fn get(&self, key: &str) -> Result<Option<String>, Fault>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), Fault>;
    fn remove(&mut self, key: &str) -> Result<(), Fault>;
    fn keys(&self) -> Result<Vec<String>, Fault>;
    /// Copies a value exactly as stored (never through a lossy read).
    fn copy(&mut self, from: &str, to: &str) -> Result<(), Fault>;
    /// Whether two keys hold exactly the same stored value.
    fn same(&self, a: &str, b: &str) -> Result<bool, Fault>;
    /// `false` when the data will not outlive the page (storage blocked).
    fn persistent(&self) -> bool {
        true
    }
}
