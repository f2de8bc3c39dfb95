//! How the store reads stored text: drafts (`Scenario::from_json`, with
//! the migration of older versions), the drafts index and what is left of
//! an unreadable one.
//!
//! The store gets this as a [`Reader`] so that the page can keep the
//! reading code out of its first load (issue 13): a first-time visitor has
//! nothing stored to read, so in the browser these functions are a chunk
//! (`store::browser::READER`, split `read`), fetched before the page mounts
//! only when storage holds drafts, and otherwise when an action first needs
//! it. Until it is there, every function answers `None` ("cannot read
//! now"), and the store then changes nothing: no draft or index is set
//! aside, overwritten or dropped because it could not be read. Natively,
//! [`Reader::NATIVE`] reads at once.

use super::files::salvage_names;
use super::index::{parse_index, DraftMeta};
use crate::scenario::{ReadError, Scenario, ScenarioError, CURRENT_VERSION};

/// A stored draft, read: its scenario, and the older format version it
/// was stored in (to be rewritten in the current one), if older.
pub type Draft = Result<(Scenario, Option<u64>), ScenarioError>;

/// The reading functions; each answers `None` while the reading code is
/// not loaded.
#[derive(Clone, Copy)]
pub struct Reader {
    /// Whether the reading code is here.
    pub ready: fn() -> bool,
    /// A draft's stored text.
    pub draft: fn(&str) -> Option<Draft>,
    /// The drafts index's stored text.
    pub index: fn(&str) -> Option<Result<Vec<DraftMeta>, ReadError>>,
    /// The ids and names still legible in an unreadable index.
    pub salvage: fn(&str) -> Option<Vec<(String, String)>>,
}

impl Reader {
    /// Reads at once (native code and tests).
    pub const NATIVE: Reader = Reader {
        ready: || true,
        draft: |text| Some(read_draft(text)),
        index: |text| Some(parse_index(text)),
        salvage: |text| Some(salvage_names(text)),
    };
}

/// Reads a stored draft (the chunk's code in the browser).
pub fn read_draft(text: &str) -> Draft {
    let scenario = Scenario::from_json(text)?;
    let older = stored_version(text).filter(|v| *v < CURRENT_VERSION as u64);
    Ok((scenario, older))
}

/// The `version` a stored document claims, if any.
fn stored_version(text: &str) -> Option<u64> {
    crate::versioned::strict_json(text).ok()?.get("version")?.as_u64()
}
