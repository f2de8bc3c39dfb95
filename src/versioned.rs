//! Versioned JSON documents, read strictly: the one reader of the scenario
//! and of the drafts index.
//!
//! Reading goes text → JSON → `version` → migrations → typed value:
//! * a leading UTF-8 byte-order mark (Windows Notepad writes one) is skipped;
//! * a key written twice in one object is refused, naming the key (a plain
//!   JSON parser keeps the last one silently, so a typo would win unseen);
//! * `version` must be a whole number this build knows: a missing one says
//!   "this is not a … document", a newer one is reported as newer (so the
//!   caller keeps it rather than overwriting it), an older one is migrated;
//! * the typed reading ([`fields`]) names the path of any wrong, missing or
//!   unknown field.
//!
//! Errors are [`ReadError`]s: a kind, the JSON location (which may name a
//! key that is no field at all, such as a typo) and a technical message in
//! English. Values that read well but break a rule are the field contract's
//! business (`crate::scenario::field`).

use std::fmt;

pub mod fields;
pub mod json;
pub mod write;

use json::{Refusal, Value};

use fields::{At, Read};

/// What kind of fault stopped the reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON at all.
    Syntax,
    /// No usable `version`, or one this build never wrote.
    Version,
    /// Newer than this build: keep it, do not overwrite it.
    NewerVersion,
    /// Well-formed JSON with a wrong, missing, unknown or repeated field.
    Field,
    /// Fields of the right type whose values are not allowed.
    Invalid,
}

/// Why a document could not be read; `path` is the JSON location
/// (`loans[0].monthz`), empty for whole-document faults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub kind: ErrorKind,
    pub path: String,
    pub message: String,
}

impl ReadError {
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { kind, path: path.into(), message: message.into() }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ReadError {}

/// A document format: what it is called, the version this build writes and
/// how older versions become it.
pub struct Format {
    /// "xieshang scenario", for "missing; this is not a …".
    pub name: &'static str,
    pub current: u64,
    /// Rewrites a document of an older `version` as the current one.
    pub migrate: fn(Value, u64) -> Result<Value, ReadError>,
}

/// The refusal for a version no migration knows.
pub fn unknown_version(v: u64) -> ReadError {
    ReadError::new(ErrorKind::Version, "version", format!("version {v} is not a format this app ever wrote"))
}

/// Reads `text` as a document of `format`, migrating older versions, and
/// types it with `typed` (a reader of [`fields`], given the document's root).
pub fn read<T>(text: &str, format: &Format, typed: fn(Value, &At) -> Read<T>) -> Result<T, ReadError> {
    typed(read_value(text, format)?, &At::Root)
}

/// Reads `text` as JSON of `format` in its current version, not yet typed
/// (for a reader that completes the document first).
pub fn read_value(text: &str, format: &Format) -> Result<Value, ReadError> {
    let doc = strict_json(text)?;
    let version = doc
        .get("version")
        .ok_or_else(|| ReadError::new(ErrorKind::Version, "version", format!("missing; this is not a {}", format.name)))?
        .as_u64()
        .ok_or_else(|| ReadError::new(ErrorKind::Version, "version", "must be a whole number"))?;
    if version > format.current {
        let message = format!("version {version} was written by a newer xieshang; this one reads up to {}", format.current);
        return Err(ReadError::new(ErrorKind::NewerVersion, "version", message));
    }
    if version == format.current {
        Ok(doc)
    } else {
        (format.migrate)(doc, version)
    }
}

/// Parses JSON text (after any byte-order mark), refusing repeated keys.
pub fn strict_json(text: &str) -> Result<Value, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A repeated key is a data error (its message names the key and where
    // it stands); anything else is a syntax error.
    json::parse(text).map_err(|refusal| match refusal {
        Refusal::Duplicate(message) => ReadError::new(ErrorKind::Field, "", message),
        Refusal::Syntax(message) => ReadError::new(ErrorKind::Syntax, "", format!("not valid JSON: {message}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Doc {
        version: u32,
        items: Vec<Item>,
    }

    #[derive(Debug, PartialEq)]
    struct Item {
        n: u32,
    }

    fn doc(v: Value, at: &At) -> Read<Doc> {
        let mut doc = Doc { version: 0, items: Vec::new() };
        fields::object(v, at, "struct Doc", &mut [
            fields::req("version", &mut fields::Put(&mut doc.version, fields::u32)),
            fields::req("items", &mut fields::Put(&mut doc.items, |v, at| fields::items(v, at, item))),
        ])?;
        Ok(doc)
    }

    fn item(v: Value, at: &At) -> Read<Item> {
        let mut item = Item { n: 0 };
        fields::object(v, at, "struct Item", &mut [fields::req("n", &mut fields::Put(&mut item.n, fields::u32))])?;
        Ok(item)
    }

    fn migrate(mut doc: Value, from: u64) -> Result<Value, ReadError> {
        match from {
            1 => {
                doc.as_object_mut().map(|d| d.insert("version".into(), Value::from(2)));
                Ok(doc)
            }
            v => Err(unknown_version(v)),
        }
    }

    const FORMAT: Format = Format { name: "test document", current: 2, migrate };

    fn read_doc(text: &str) -> Result<Doc, ReadError> {
        read(text, &FORMAT, doc)
    }

    #[test]
    fn reads_current_and_migrates_older() {
        assert_eq!(read_doc(r#"{"version":2,"items":[{"n":1}]}"#).unwrap(), Doc { version: 2, items: vec![Item { n: 1 }] });
        assert_eq!(read_doc(r#"{"version":1,"items":[]}"#).unwrap().version, 2);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(read_doc("\u{feff}{\"version\":2,\"items\":[]}").unwrap().version, 2);
    }

    #[test]
    fn repeated_keys_are_refused_naming_the_key() {
        let e = read_doc(r#"{"version":2,"items":[{"n":1,"n":2}]}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Field);
        assert!(e.message.contains("duplicate key `n`"), "{e}");
        assert!(e.message.contains("line 1 column"), "{e}");
        let e = read_doc(r#"{"version":2,"version":2,"items":[]}"#).unwrap_err();
        assert!(e.message.contains("duplicate key `version`"), "{e}");
    }

    #[test]
    fn versions_and_syntax() {
        let kind = |t: &str| read_doc(t).unwrap_err().kind;
        assert_eq!(kind("{"), ErrorKind::Syntax);
        assert_eq!(kind(r#"{"version":2,"items":[]} x"#), ErrorKind::Syntax);
        assert_eq!(kind("[]"), ErrorKind::Version);
        assert_eq!(kind(r#"{"items":[]}"#), ErrorKind::Version);
        assert_eq!(kind(r#"{"version":"2"}"#), ErrorKind::Version);
        assert_eq!(kind(r#"{"version":0}"#), ErrorKind::Version);
        assert_eq!(kind(r#"{"version":3}"#), ErrorKind::NewerVersion);
        let e = read_doc(r#"{"version":2,"items":[{"m":1}]}"#).unwrap_err();
        assert_eq!((e.kind, e.path.as_str()), (ErrorKind::Field, "items[0].m"));
        assert!(read_doc(r#"{"items":[]}"#).unwrap_err().message.contains("test document"));
    }
}
