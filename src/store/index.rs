//! The draft index (`xieshang.drafts`): which drafts exist, their names,
//! when they last changed and their revision. Versioned like the scenario,
//! and read by the same reader ([`crate::versioned`]).

use super::files::{valid_id, MAX_NAME_CHARS};
use crate::versioned::fields::{items, object, opt, req, string, u64, At, Put, PutSome, Read};
use crate::versioned::write::JsonWriter;
use crate::versioned::{self, ErrorKind, Format, ReadError};
use serde::Serialize;
use crate::versioned::json::Value;

/// The index format this build writes.
pub const INDEX_VERSION: u32 = 1;

/// One draft in the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftMeta {
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970 (UTC) of the last saved change.
    pub updated_at: u64,
    /// Increases by one with every saved change of the content; 0 = never saved.
    pub revision: u64,
    /// The share link this draft was opened from ([`crate::share::link_key`]):
    /// the same link opened again switches to it instead of making a
    /// second, identical draft (review w14 S1). Absent for other drafts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Serialize)]
struct IndexDoc {
    version: u32,
    drafts: Vec<DraftMeta>,
}

/// The index has had one version: nothing older to migrate.
const FORMAT: Format = Format { name: "drafts index", current: INDEX_VERSION as u64, migrate: |_, v| Err(versioned::unknown_version(v)) };

/// Reads an index with the shared versioned reader, then checks its entries.
pub fn parse_index(text: &str) -> Result<Vec<DraftMeta>, ReadError> {
    let doc = versioned::read(text, &FORMAT, index_doc)?;
    let invalid = |i: usize, field: &str, message: &str| Err(ReadError::new(ErrorKind::Invalid, format!("drafts[{i}].{field}"), message));
    for (i, d) in doc.drafts.iter().enumerate() {
        if !valid_id(&d.id) {
            return invalid(i, "id", "not a draft id");
        }
        if doc.drafts[..i].iter().any(|o| o.id == d.id) {
            return invalid(i, "id", "used twice");
        }
        if d.name.chars().count() > MAX_NAME_CHARS {
            return invalid(i, "name", "too long");
        }
    }
    Ok(doc.drafts)
}

fn index_doc(v: Value, at: &At) -> Read<IndexDoc> {
    let mut doc = IndexDoc { version: 0, drafts: Vec::new() };
    object(v, at, "struct IndexDoc", &mut [
        req("version", &mut Put(&mut doc.version, versioned::fields::u32)),
        req("drafts", &mut Put(&mut doc.drafts, |v, at| items(v, at, draft_meta))),
    ])?;
    Ok(doc)
}

fn draft_meta(v: Value, at: &At) -> Read<DraftMeta> {
    let mut m = DraftMeta { id: String::new(), name: String::new(), updated_at: 0, revision: 0, link: None };
    object(v, at, "struct DraftMeta", &mut [
        req("id", &mut Put(&mut m.id, string)),
        req("name", &mut Put(&mut m.name, string)),
        req("updated_at", &mut Put(&mut m.updated_at, u64)),
        req("revision", &mut Put(&mut m.revision, u64)),
        opt("link", &mut PutSome(&mut m.link, string)),
    ])?;
    Ok(m)
}

/// The index as stored.
pub fn index_json(drafts: &[DraftMeta]) -> String {
    let mut w = JsonWriter::new(false);
    w.open('{');
    w.key("version");
    w.raw(INDEX_VERSION);
    w.key("drafts");
    w.open('[');
    for d in drafts {
        w.item();
        w.open('{');
        w.key("id");
        w.string(&d.id);
        w.key("name");
        w.string(&d.name);
        w.key("updated_at");
        w.raw(d.updated_at);
        w.key("revision");
        w.raw(d.revision);
        if let Some(link) = &d.link {
            w.key("link");
            w.string(link);
        }
        w.close('}');
    }
    w.close(']');
    w.close('}');
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Any text, and often quotes, backslashes and control characters.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "[\\x00-\\x20\"\\\\网a]{0,8}"]
    }

    fn meta() -> impl Strategy<Value = DraftMeta> {
        (text(), text(), any::<u64>(), any::<u64>(), proptest::option::of(text()))
            .prop_map(|(id, name, updated_at, revision, link)| DraftMeta { id, name, updated_at, revision, link })
    }

    proptest! {
        /// The hand-written index is what serde_json wrote before it.
        #[test]
        fn index_json_is_what_serde_writes(drafts in proptest::collection::vec(meta(), 0..4)) {
            let doc = IndexDoc { version: INDEX_VERSION, drafts: drafts.clone() };
            prop_assert_eq!(index_json(&drafts), serde_json::to_string(&doc).unwrap());
        }
    }
}
