//! The parser against serde_json's strict reading (the one it replaced, kept
//! here): the same acceptance, the same value and the same message, on
//! random JSON, broken JSON, token soup, numbers, escapes, nesting and
//! every fixture with single-character faults.

use super::*;
use proptest::prelude::*;
use proptest::sample::select;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::path::Path;

/// serde_json's reading with repeated keys refused: what `strict_json` was.
fn serde_strict(text: &str) -> Result<Value, Refusal> {
    let mut de = serde_json::Deserializer::from_str(text);
    let fail = |e: serde_json::Error| match e.classify() {
        serde_json::error::Category::Data => Refusal::Duplicate(e.to_string()),
        _ => Refusal::Syntax(e.to_string()),
    };
    let Strict(value) = Strict::deserialize(&mut de).map_err(fail)?;
    de.end().map_err(fail)?;
    Ok(value.into())
}

struct Strict(serde_json::Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(serde_json::Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            object.insert(key, v);
        }
        Ok(serde_json::Value::Object(object))
    }
}

/// Both readings of `text`, compared through `Debug` (so `-0.0` is not `0.0`).
fn both(text: &str) -> (String, String) {
    (format!("{:?}", parse(text)), format!("{:?}", serde_strict(text)))
}

fn assert_same(text: &str) {
    let (ours, serde) = both(text);
    assert_eq!(ours, serde, "{text:?}");
}

#[test]
fn errors_stand_where_serde_json_puts_them() {
    for text in [
        "", " ", "x", "[", "[1,", "[1,]", "[1 2]", "{", "{\"a\"", "{\"a\":", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{1:2}", "{\"a\" 1}",
        "tru", "trux", "nul", "-", "-x", "01", "1.", "1.e5", "1e", "1e+", "1ex", "1e999", "-1e999", "1e-999", "1e99999999999", "0e99999999999",
        "1x", "[1] 2", "\"abc", "\"a\\", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\udc00\"", "\"\\ud800\"", "\"\\ud800x\"", "\"\\ud800\\x\"",
        "\"\\ud800\\u0041\"", "\"\\ud800\\udc00\"", "\"\u{1}\"", "\"a\nb\"", "\n\n  [1,\n  ]", "{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2 }",
        "{\"a\":1,\"a\":2 ,\"b\":3}", "{\"a\":1,\"a\":[}", "[{\"é\":1,\"é\":{}}\n]", "-0", "-0.0", "18446744073709551615", "18446744073709551616",
        "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890.5e-3", "0.1234567890123456789012345", "1.5", "2.5e-308",
        "4.9e-324", "1.7976931348623157e308", "1.8e308", "[1,2,{\"b\":[true,false,null]}]",
    ] {
        assert_same(text);
    }
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    for depth in [125, 126, 127, 128, 129, 200] {
        assert_same(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        assert_same(&format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
    }
}

#[test]
fn an_object_of_too_many_keys_is_refused() {
    let keys = |n: usize| (0..n).map(|i| format!("\"k{i}\":{i}")).collect::<Vec<_>>().join(",");
    assert!(parse(&format!("{{{}}}", keys(MAX_KEYS))).is_ok());
    let Err(Refusal::Syntax(m)) = parse(&format!("{{{}}}", keys(MAX_KEYS + 1))) else { panic!("read") };
    assert!(m.starts_with("more than 1000 keys in one object at line 1 column"), "{m}");
}

/// Every JSON document the tests hold: the evaluator's fixtures and the
/// browser tests' cases (the reader's and the writer's tests walk them all).
pub(crate) fn fixture_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    walk(&root.join("fixtures"), &mut files);
    walk(&root.join("e2e/cases"), &mut files);
    files
}

/// Every fixture as it is, and the inputs with a character taken out,
/// replaced or added every few places.
#[test]
fn every_fixture_and_its_faults_read_as_serde_json_reads_them() {
    let files = fixture_files();
    assert!(files.len() > 40);
    const SUBS: [char; 10] = ['"', '1', '{', '}', ',', ' ', '-', '\\', '[', ':'];
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_same(&text);
        if text.len() > 20_000 {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        for i in (0..chars.len()).step_by(3) {
            let mut m = chars.clone();
            match i % 3 {
                0 => drop(m.remove(i)),
                1 => m[i] = SUBS[i % SUBS.len()],
                _ => m.insert(i, SUBS[i % SUBS.len()]),
            }
            assert_same(&m.into_iter().collect::<String>());
        }
    }
}

/// Any JSON value, with keys from a small set (so repeats are common once broken).
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        "(.|[\"\\\\\\x00-\\x1f])*".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map("[ab]|[a-z]{1,6}|.{0,3}", inner, 0..5).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Pieces of JSON, good and bad, to be put together at random.
const PIECES: &[&str] = &[
    "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r", "\"a\"", "\"b\"", "\"a", "\"", "1", "-", "0", "01", "1.", ".5", "1e", "1e+", "e-5",
    "E5", "1e309", "-0", "18446744073709551616", "9223372036854775808", "-9223372036854775809", "2.2250738585072014e-308", "true", "tru",
    "null", "nul", "false", "\\", "\"\\u", "\"\\ud800\\udc00\"", "\"\\ud800\"", "\"\\udbff\\udfff\"", "\"\\ud800\\u0041\"", "\"\\x\"",
    "\"\u{1}\"", "\"é\"", "\"网\"", "\"\\/\\b\\f\\n\\r\\t\"", "1E-400", "123456789012345678901234567890", "0.000000000000000000001e-300",
    "x", "\u{feff}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn any_json_reads_the_same(v in any_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let (ours, serde) = both(&text);
        prop_assert_eq!(ours, serde);
    }

    #[test]
    fn broken_json_is_refused_the_same(v in any_json(), at in any::<usize>(), op in 0..4u8, piece in select(PIECES)) {
        let mut text: Vec<char> = serde_json::to_string_pretty(&v).unwrap().chars().collect();
        let i = at % (text.len() + 1);
        match op {
            0 if i < text.len() => drop(text.remove(i)),
            1 if i < text.len() => { text.splice(i..=i, piece.chars()); }
            2 => text.truncate(i),
            _ => { text.splice(i..i, piece.chars()); }
        }
        let text: String = text.into_iter().collect();
        let (ours, serde) = both(&text);
        prop_assert_eq!(ours, serde, "{:?}", text);
    }

    #[test]
    fn token_soup_reads_the_same(pieces in proptest::collection::vec(select(PIECES), 0..24)) {
        let text = pieces.concat();
        let (ours, serde) = both(&text);
        prop_assert_eq!(ours, serde, "{:?}", text);
    }

    #[test]
    fn numbers_read_the_same(text in "-?(0|[0-9]{1,25})(\\.[0-9]{0,25})?([eE][+-]?[0-9]{0,12})?[,x ]?") {
        let (ours, serde) = both(&text);
        prop_assert_eq!(ours, serde, "{:?}", text);
    }

    #[test]
    fn strings_read_the_same(text in "\"(\\\\(u[0-9a-fA-FdD]{0,4}|.)|[^\"\\\\]|[\\x00-\\x1f]){0,8}\"?") {
        let (ours, serde) = both(&text);
        prop_assert_eq!(ours, serde, "{:?}", text);
    }
}
