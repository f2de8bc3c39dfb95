//! The draft index (`xieshang.drafts`): which drafts exist, their names,
//! when they last changed and their revision. Versioned like the scenario.

use super::files::{valid_id, MAX_NAME_CHARS};
use crate::scenario::{ErrorKind, ScenarioError};
use serde::{Deserialize, Serialize};

/// The index format this build writes.
pub const INDEX_VERSION: u32 = 1;

/// One draft in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970 (UTC) of the last saved change.
    pub updated_at: u64,
    /// Increases by one with every saved change of the content; 0 = never saved.
    pub revision: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexDoc {
    version: u32,
    drafts: Vec<DraftMeta>,
}

fn err(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> ScenarioError {
    ScenarioError { kind, path: path.into(), message: message.into() }
}

/// Reads an index; errors use the scenario's error type (kind, field path).
pub fn parse_index(text: &str) -> Result<Vec<DraftMeta>, ScenarioError> {
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| err(ErrorKind::Syntax, "", format!("not valid JSON: {e}")))?;
    let version = doc
        .get("version")
        .ok_or_else(|| err(ErrorKind::Version, "version", "missing"))?
        .as_u64()
        .ok_or_else(|| err(ErrorKind::Version, "version", "must be a whole number"))?;
    if version > INDEX_VERSION as u64 {
        return Err(err(ErrorKind::NewerVersion, "version", format!("index version {version} is newer than {INDEX_VERSION}")));
    }
    if version < INDEX_VERSION as u64 {
        return Err(err(ErrorKind::Version, "version", format!("index version {version} was never written")));
    }
    let doc: IndexDoc = serde_path_to_error::deserialize(doc).map_err(|e| {
        let path = e.path().to_string();
        err(ErrorKind::Field, if path == "." { String::new() } else { path }, e.into_inner().to_string())
    })?;
    for (i, d) in doc.drafts.iter().enumerate() {
        if !valid_id(&d.id) {
            return Err(err(ErrorKind::Invalid, format!("drafts[{i}].id"), "not a draft id"));
        }
        if doc.drafts[..i].iter().any(|o| o.id == d.id) {
            return Err(err(ErrorKind::Invalid, format!("drafts[{i}].id"), "used twice"));
        }
        if d.name.chars().count() > MAX_NAME_CHARS {
            return Err(err(ErrorKind::Invalid, format!("drafts[{i}].name"), "too long"));
        }
    }
    Ok(doc.drafts)
}

/// The index as stored.
pub fn index_json(drafts: &[DraftMeta]) -> String {
    let doc = IndexDoc { version: INDEX_VERSION, drafts: drafts.to_vec() };
    serde_json::to_string(&doc).unwrap_or_default()
}
