//! Typed reading of a JSON value by hand: a document's reader lists each
//! object's members ([`object`]: key, required or not, place) and reads
//! each value with a reader function (`fn(Value, &At) -> Read<T>`), so an
//! error names its place (`loans[1].principal`) and says what serde would
//! have said.
//!
//! Why by hand: a serde `Deserialize` derive is monomorphised against the
//! deserializer and its visitors, and a document of a dozen structs cost
//! ~80 KB of wasm that way; these readers are plain functions over the
//! [`Value`]s of [`super::json`].
//!
//! Places: an error takes the place of the innermost value it came out of —
//! a bad value its field, an unknown key that key, a missing field the
//! object missing it, an array item `[i]`. Messages are serde's wording
//! (`invalid type: string "x", expected u32`, ``unknown field `monthz`,
//! expected one of …``, ``missing field `id` ``), word for word as
//! serde_json's error type writes them (tests compare).

use super::json::{Number, Value};
use super::{ErrorKind, ReadError};
use std::fmt;

/// What a reader gives: the value, or the fault and its place.
pub type Read<T> = Result<T, ReadError>;

/// A place in the document: the keys and indices from the root.
#[derive(Clone, Copy)]
pub enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// `loans[1].principal`; the root is empty.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.render(&mut path);
        path
    }

    fn render(&self, path: &mut String) {
        match *self {
            At::Root => {}
            At::Key(parent, key) => {
                parent.render(path);
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            At::Index(parent, index) => {
                parent.render(path);
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }

    /// A field fault at this place in words of its own.
    pub fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError::new(ErrorKind::Field, self.path(), message)
    }

    /// "invalid type: …, expected `expected`" for `value` here.
    pub fn wrong_kind(&self, value: &Value, expected: &str) -> ReadError {
        self.error(format!("invalid type: {}, expected {expected}", Unexpected(value)))
    }

    /// "invalid value: integer `n`, expected `expected`".
    fn out_of_range(&self, n: impl fmt::Display, expected: &str) -> ReadError {
        self.error(format!("invalid value: integer `{n}`, expected {expected}"))
    }
}

/// What a value is, in an "invalid type" message (as serde_json says it).
pub struct Unexpected<'a>(pub &'a Value);

impl fmt::Display for Unexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "boolean `{b}`"),
            Value::Number(Number::Float(x)) => write!(f, "floating point `{}`", zmij::Buffer::new().format(*x)),
            Value::Number(n) => write!(f, "integer `{n}`"),
            Value::String(s) => write!(f, "string {s:?}"),
            Value::Array(_) => f.write_str("sequence"),
            Value::Object(_) => f.write_str("map"),
        }
    }
}

/// serde's list of the names expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of `{}`", names.join("`, `")),
    }
}

/// "unknown field `k`, expected …" (or variant), as serde says it.
fn unknown(what: &str, name: &str, names: &[&str]) -> String {
    match names {
        [] => format!("unknown {what} `{name}`, there are no {what}s"),
        _ => format!("unknown {what} `{name}`, expected {}", one_of(names)),
    }
}

/// How an object's member is taken.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Take {
    Req,
    Or,
    Opt,
}

/// A place a member's value is read into: [`Put`] or [`PutSome`].
pub trait Slot {
    fn fill(&mut self, value: Value, at: &At) -> Read<()>;
}

/// A member's place, and the reader of its value.
pub struct Put<'a, T>(pub &'a mut T, pub fn(Value, &At) -> Read<T>);

impl<T> Slot for Put<'_, T> {
    fn fill(&mut self, value: Value, at: &At) -> Read<()> {
        *self.0 = (self.1)(value, at)?;
        Ok(())
    }
}

/// An optional member's place (none until read), and the reader of its value.
pub struct PutSome<'a, T>(pub &'a mut Option<T>, pub fn(Value, &At) -> Read<T>);

impl<T> Slot for PutSome<'_, T> {
    fn fill(&mut self, value: Value, at: &At) -> Read<()> {
        *self.0 = Some((self.1)(value, at)?);
        Ok(())
    }
}

/// A member of an object: its key, how it is taken and where its value goes.
pub struct Member<'a> {
    key: &'static str,
    take: Take,
    slot: &'a mut dyn Slot,
}

/// A required member.
pub fn req<'a>(key: &'static str, slot: &'a mut dyn Slot) -> Member<'a> {
    Member { key, take: Take::Req, slot }
}

/// A member with a default: absent, its place keeps its value (`null` is
/// not absent: it is read, and refused).
pub fn or<'a>(key: &'static str, slot: &'a mut dyn Slot) -> Member<'a> {
    Member { key, take: Take::Or, slot }
}

/// An optional member: absent or `null`, its place stays none.
pub fn opt<'a>(key: &'static str, slot: &'a mut dyn Slot) -> Member<'a> {
    Member { key, take: Take::Opt, slot }
}

/// Reads `value` at `at` as the object `what` ("struct LoanEntry") of
/// `members` (in declaration order, the order serde lists them in "expected
/// one of"), each into its place. A key that is none of them is named first
/// (the first in key order); then the first member at fault, missing or its
/// value refused, in members' order. One function for every object: a
/// member costs its table entry, not code of its own.
pub fn object(value: Value, at: &At, what: &str, members: &mut [Member]) -> Read<()> {
    let mut entries = match value {
        Value::Object(entries) => entries,
        other => return Err(at.wrong_kind(&other, what)),
    };
    if let Some(key) = entries.keys().find(|k| !members.iter().any(|m| m.key == k.as_str())) {
        let names: Vec<&str> = members.iter().map(|m| m.key).collect();
        return Err(At::Key(at, key).error(unknown("field", key, &names)));
    }
    for m in members {
        match entries.remove(m.key) {
            None if m.take == Take::Req => return Err(at.error(format!("missing field `{}`", m.key))),
            Some(v) if !(m.take == Take::Opt && v.is_null()) => m.slot.fill(v, &At::Key(at, m.key))?,
            _ => {}
        }
    }
    Ok(())
}

/// A string.
pub fn string(value: Value, at: &At) -> Read<String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(at.wrong_kind(&other, "a string")),
    }
}

/// `true` or `false`.
pub fn boolean(value: Value, at: &At) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(b),
        other => Err(at.wrong_kind(&other, "a boolean")),
    }
}

/// A whole number up to `max`, named `what` ("u32") in errors, as serde
/// reads one from a JSON number: negative and too large are invalid
/// values, fractions and non-numbers invalid types.
fn whole(value: Value, at: &At, max: u64, what: &'static str) -> Read<u64> {
    let n = match &value {
        Value::Number(n) => n,
        other => return Err(at.wrong_kind(other, what)),
    };
    match *n {
        Number::PosInt(u) if u <= max => Ok(u),
        Number::PosInt(u) => Err(at.out_of_range(u, what)),
        Number::NegInt(i) => Err(at.out_of_range(i, what)),
        Number::Float(_) => Err(at.wrong_kind(&value, what)),
    }
}

pub fn u32(value: Value, at: &At) -> Read<u32> {
    whole(value, at, u32::MAX.into(), "u32").map(|n| n as u32)
}

pub fn u64(value: Value, at: &At) -> Read<u64> {
    whole(value, at, u64::MAX, "u64")
}

/// An array, each item read by `read` at `[i]`.
pub fn items<T>(value: Value, at: &At, read: fn(Value, &At) -> Read<T>) -> Read<Vec<T>> {
    let items = match value {
        Value::Array(items) => items,
        other => return Err(at.wrong_kind(&other, "a sequence")),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        out.push(read(item, &At::Index(at, i))?);
    }
    Ok(out)
}

/// The names of an enum's variants as the document spells them, and the
/// variants in the same order.
pub struct Variants<T: 'static> {
    names: &'static [&'static str],
    values: &'static [T],
}

impl<T: Copy> Variants<T> {
    /// Panics at compile time (a `const` item) unless each name has its variant.
    pub const fn new(names: &'static [&'static str], values: &'static [T]) -> Self {
        assert!(names.len() == values.len());
        Self { names, values }
    }

    /// The variant `value` names: `"name"`, or `{"name": null}` as serde
    /// also reads a unit variant.
    pub fn read(&self, value: Value, at: &At) -> Read<T> {
        let i = variant(value, at, self.names)?;
        self.values.get(i).copied().ok_or_else(|| at.error("unknown variant"))
    }

    /// The name `value` is written as.
    pub fn name(&self, value: T) -> &'static str
    where
        T: PartialEq,
    {
        self.values.iter().position(|v| *v == value).and_then(|i| self.names.get(i)).copied().unwrap_or_default()
    }

    /// The names, in order.
    pub fn names(&self) -> &'static [&'static str] {
        self.names
    }

    /// The variants, in order.
    pub fn values(&self) -> &'static [T] {
        self.values
    }
}

/// Which of `names` `value` names (see [`Variants::read`]).
fn variant(value: Value, at: &At, names: &'static [&'static str]) -> Read<usize> {
    let name = match value {
        Value::String(name) => name,
        Value::Object(entries) => {
            let mut entries = entries.into_iter();
            let (Some((name, content)), None) = (entries.next(), entries.next()) else {
                return Err(at.error("invalid value: map, expected map with a single key"));
            };
            let i = index(&name, at, names)?;
            return match content {
                Value::Null => Ok(i),
                other => Err(At::Key(at, &name).wrong_kind(&other, "unit")),
            };
        }
        other => return Err(at.wrong_kind(&other, "string or map")),
    };
    index(&name, at, names)
}

fn index(name: &str, at: &At, names: &'static [&'static str]) -> Read<usize> {
    names.iter().position(|n| *n == name).ok_or_else(|| at.error(unknown("variant", name, names)))
}

#[cfg(test)]
mod tests;
