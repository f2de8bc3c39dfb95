//! What the app keeps on this device, via gloo-storage (localStorage).
//!
//! Storage can be blocked, full or hold data from another version; every
//! call here reports failure instead of panicking, and the calculator keeps
//! working without it.

use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

/// Every key this app writes starts with this prefix.
pub const PREFIX: &str = "xieshang.";
const LANG_KEY: &str = "xieshang.lang";

/// The language chosen last time, if storage is readable and holds one.
pub fn load_lang() -> Option<Lang> {
    let tag: String = LocalStorage::get(LANG_KEY).ok()?;
    Lang::from_tag(&tag)
}

/// Remembers the language; `false` when storage refused it.
pub fn save_lang(lang: Lang) -> bool {
    LocalStorage::set(LANG_KEY, lang.tag()).is_ok()
}
