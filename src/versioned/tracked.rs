//! serde_json's `Value` deserializer, walking objects and arrays itself to
//! know where it is, so a typed reading's error names its place
//! (`loans[1].principal`).
//!
//! Scalars go to `Value`'s own scalar methods; objects, arrays and enums are
//! walked here as `Value` walks them, and a value of the wrong kind gets the
//! error `Value` gives, so every message is serde_json's. An error takes the
//! place of the innermost value it came out of: a field's bad value its
//! field, an unknown key that key, a missing field the object missing it, an
//! enum's content `enum.variant`.
//!
//! Size: serde_path_to_error, which wraps any deserializer, wraps every
//! visitor, seed and access (about 95 KB of wasm). Here nothing may hand an
//! object or array to `Value`'s own deserializer, not even on a path that
//! never runs: that instantiates a second copy of every `Deserialize` impl.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor};
use serde_json::{Error, Map, Value};
use std::cell::RefCell;

/// Reads `T` from `value`; on an error, also the path of its place (empty
/// for the whole document).
pub(crate) fn from_value<T: de::DeserializeOwned>(value: Value) -> Result<T, (String, Error)> {
    let found = RefCell::new(None);
    T::deserialize(Tracked { value, at: &At::Root, found: &found })
        .map_err(|e| (found.take().unwrap_or_default(), e))
}

/// A place in the document: the keys and indices from the root.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// `loans[1].principal`; the root is empty.
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

    /// Notes this place for `error` unless an inner place already was.
    fn fail(&self, found: &RefCell<Option<String>>, error: Error) -> Error {
        let mut found = found.borrow_mut();
        if found.is_none() {
            let mut path = String::new();
            self.render(&mut path);
            *found = Some(path);
        }
        error
    }
}

/// A value to read, where it is, and the place of the first error.
struct Tracked<'a> {
    value: Value,
    at: &'a At<'a>,
    found: &'a RefCell<Option<String>>,
}

impl<'a> Tracked<'a> {
    /// Reads `seed` from the value at `at`, noting `at` for its error.
    fn read<'de, S: DeserializeSeed<'de>>(seed: S, value: Value, at: &At<'_>, found: &RefCell<Option<String>>) -> Result<S::Value, Error> {
        seed.deserialize(Tracked { value, at, found }).map_err(|e| at.fail(found, e))
    }

    /// An array's items, as `Value` visits them (too few read is an error).
    fn visit_array<'de, V: Visitor<'de>>(self, items: Vec<Value>, visitor: V) -> Result<V::Value, Error> {
        let len = items.len();
        let mut seq = Items { items: items.into_iter(), index: 0, at: self.at, found: self.found };
        let value = visitor.visit_seq(&mut seq)?;
        match seq.items.len() {
            0 => Ok(value),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in array")),
        }
    }

    /// An object's entries, as `Value` visits them (too few read is an error).
    fn visit_object<'de, V: Visitor<'de>>(self, entries: Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
        let len = entries.len();
        let mut map = Entries { entries: entries.into_iter(), next: None, at: self.at, found: self.found };
        let value = visitor.visit_map(&mut map)?;
        match map.entries.len() {
            0 => Ok(value),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in map")),
        }
    }
}

/// The methods `Value` answers without walking into anything (each takes
/// one kind of scalar, else says "invalid type").
macro_rules! by_value {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.value.$method(visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for Tracked<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Error> {
        match std::mem::take(&mut self.value) {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => self.visit_array(items, visitor),
            Value::Object(entries) => self.visit_object(entries, visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(mut self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match std::mem::take(&mut self.value) {
            Value::Array(items) => self.visit_array(items, visitor),
            Value::Object(entries) => self.visit_object(entries, visitor),
            value => Err(wrong_kind(&value, &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Error> {
        match std::mem::take(&mut self.value) {
            Value::Array(items) => self.visit_array(items, visitor),
            value => Err(wrong_kind(&value, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _name: &'static str, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Error> {
        match std::mem::take(&mut self.value) {
            Value::Object(entries) => self.visit_object(entries, visitor),
            value => Err(wrong_kind(&value, &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(mut self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        let (variant, value) = match std::mem::take(&mut self.value) {
            // A unit variant by its name.
            Value::String(variant) => (variant, None),
            Value::Object(entries) => {
                let mut entries = entries.into_iter();
                match (entries.next(), entries.next()) {
                    (Some((variant, value)), None) => (variant, Some(value)),
                    _ => return Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            other => return Err(de::Error::invalid_type(unexpected(&other), &"string or map")),
        };
        visitor.visit_enum(Variant { variant, value, at: self.at, found: self.found })
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.value.deserialize_unit_struct(name, visitor)
    }

    by_value! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_unit
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Error> {
        match std::mem::take(&mut self.value) {
            Value::Array(items) => self.visit_array(items, visitor),
            Value::String(s) => visitor.visit_string(s),
            value => Err(wrong_kind(&value, &visitor)),
        }
    }
}

/// An array being read; `index` is the next item's.
struct Items<'a> {
    items: std::vec::IntoIter<Value>,
    index: usize,
    at: &'a At<'a>,
    found: &'a RefCell<Option<String>>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Error> {
        let Some(value) = self.items.next() else { return Ok(None) };
        let at = At::Index(self.at, self.index);
        self.index += 1;
        Tracked::read(seed, value, &at, self.found).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object being read; `next` is the entry whose key was just read.
struct Entries<'a> {
    entries: serde_json::map::IntoIter,
    next: Option<(String, Value)>,
    at: &'a At<'a>,
    found: &'a RefCell<Option<String>>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, Error> {
        let Some(entry) = self.entries.next() else { return Ok(None) };
        let key = &self.next.insert(entry).0;
        seed.deserialize(name(key)).map(Some).map_err(|e| At::Key(self.at, key).fail(self.found, e))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let Some((key, value)) = self.next.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        Tracked::read(seed, value, &At::Key(self.at, &key), self.found)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum written as `"variant"` (no content) or `{"variant": content}`;
/// its content is at `enum.variant`.
struct Variant<'a> {
    variant: String,
    value: Option<Value>,
    at: &'a At<'a>,
    found: &'a RefCell<Option<String>>,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let read = seed.deserialize(name(&self.variant));
        read.map(|v| (v, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            Some(value) => Tracked::read(std::marker::PhantomData::<()>, value, &At::Key(self.at, &self.variant), self.found),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        match self.value {
            Some(value) => Tracked::read(seed, value, &At::Key(self.at, &self.variant), self.found),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let at = At::Key(self.at, &self.variant);
        let content = Tracked { value: Value::Null, at: &at, found: self.found };
        match self.value {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Value::Array(items)) => content.visit_array(items, visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(&other), &"tuple variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
        .map_err(|e| at.fail(self.found, e))
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        let at = At::Key(self.at, &self.variant);
        let content = Tracked { value: Value::Null, at: &at, found: self.found };
        match self.value {
            Some(Value::Object(entries)) => content.visit_object(entries, visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(&other), &"struct variant")),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
        .map_err(|e| at.fail(self.found, e))
    }
}

/// A key or variant name to read (as `Value` reads one: a string).
fn name(key: &str) -> de::value::StrDeserializer<'_, Error> {
    de::value::StrDeserializer::new(key)
}

/// The "invalid type" error `Value` gives a visitor that cannot take `value`.
fn wrong_kind(value: &Value, expected: &dyn de::Expected) -> Error {
    de::Error::invalid_type(unexpected(value), expected)
}

/// What `value` is, in an "invalid type" message (as serde_json says it).
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
        #[serde(default)]
        on: Option<crate::engine::Date>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
    }

    fn fault(doc: Value) -> (String, String) {
        let (path, e) = from_value::<Doc>(doc).unwrap_err();
        (path, e.to_string())
    }

    #[test]
    fn an_error_names_the_innermost_place_it_came_out_of() {
        let (path, message) = fault(json!({"items": [{"n": 1}, {"n": "2"}]}));
        assert_eq!((path.as_str(), message.as_str()), ("items[1].n", "invalid type: string \"2\", expected u32"));
        // A value refused after it was read (a date's own check) is still its field's.
        assert_eq!(fault(json!({"items": [{"n": 1, "on": "2025-02-30"}]})).0, "items[0].on");
        assert_eq!(fault(json!({"items": [{"n": 1, "nn": 2}]})).0, "items[0].nn");
        assert_eq!(fault(json!({"items": [{}]})), ("items[0]".into(), "missing field `n`".into()));
        assert_eq!(fault(json!({})), (String::new(), "missing field `items`".into()));
    }

    #[test]
    fn enums_and_arrays_say_what_serde_json_says() {
        assert_eq!(fault(json!({"items": [], "kind": 5})), ("kind".into(), "invalid type: integer `5`, expected string or map".into()));
        assert_eq!(fault(json!({"items": [], "kind": {"plain": 1}})), ("kind.plain".into(), "invalid type: integer `1`, expected unit".into()));
        assert_eq!(fault(json!({"items": [], "kind": {"plain": null, "x": 1}})).1, "invalid value: map, expected map with a single key");
        assert!(fault(json!({"items": [], "kind": "odd"})).1.starts_with("unknown variant `odd`"));
        assert_eq!(fault(json!({"items": [[1, null, 3]]})), ("items[0]".into(), "invalid length 3, expected fewer elements in array".into()));
        assert!(from_value::<Doc>(json!({"items": [{"n": 1}], "kind": {"plain": null}})).is_ok());
    }
}
