use super::*;
use serde_json::json;

/// The tests write documents with serde_json's `json!`.
fn value(v: serde_json::Value) -> Value {
    v.into()
}

#[derive(Debug, PartialEq)]
struct Doc {
    items: Vec<Item>,
    kind: Option<Kind>,
}

#[derive(Debug, PartialEq)]
struct Item {
    n: u32,
    on: Option<crate::engine::Date>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Plain,
}

const KINDS: Variants<Kind> = Variants::new(&["plain"], &[Kind::Plain]);

fn doc(v: serde_json::Value) -> Read<Doc> {
    let mut doc = Doc { items: Vec::new(), kind: None };
    object(value(v), &At::Root, "struct Doc", &mut [
        req("items", &mut Put(&mut doc.items, |v, at| items(v, at, item))),
        opt("kind", &mut PutSome(&mut doc.kind, |v, at| KINDS.read(v, at))),
    ])?;
    Ok(doc)
}

fn item(v: Value, at: &At) -> Read<Item> {
    let mut item = Item { n: 0, on: None };
    object(v, at, "struct Item", &mut [
        req("n", &mut Put(&mut item.n, u32)),
        opt(
            "on",
            &mut PutSome(&mut item.on, |v, at| {
                let s = string(v, at)?;
                crate::engine::Date::parse(&s).ok_or_else(|| at.error("not a date"))
            }),
        ),
    ])?;
    Ok(item)
}

fn fault(v: serde_json::Value) -> (String, String) {
    let e = doc(v).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Field);
    (e.path, e.message)
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
fn unknown_keys_are_named_before_anything_else_with_the_keys_known() {
    assert_eq!(fault(json!({"items": [{"nn": 2}]})), ("items[0].nn".into(), "unknown field `nn`, expected `n` or `on`".into()));
    assert_eq!(fault(json!({"items": [], "x": 1})).1, "unknown field `x`, expected `items` or `kind`");
}

#[test]
fn enums_and_arrays_say_what_serde_json_says() {
    assert_eq!(fault(json!({"items": [], "kind": 5})), ("kind".into(), "invalid type: integer `5`, expected string or map".into()));
    assert_eq!(fault(json!({"items": [], "kind": {"plain": 1}})), ("kind.plain".into(), "invalid type: integer `1`, expected unit".into()));
    assert_eq!(fault(json!({"items": [], "kind": {"plain": null, "x": 1}})).1, "invalid value: map, expected map with a single key");
    assert_eq!(fault(json!({"items": [], "kind": "odd"})).1, "unknown variant `odd`, expected `plain`");
    assert_eq!(fault(json!({"items": {}})), ("items".into(), "invalid type: map, expected a sequence".into()));
    // An object is read from an object only (serde would also take an array, by position).
    assert_eq!(fault(json!({"items": [[1, null]]})), ("items[0]".into(), "invalid type: sequence, expected struct Item".into()));
    assert_eq!(doc(json!({"items": [{"n": 1}], "kind": {"plain": null}})).unwrap().kind, Some(Kind::Plain));
    assert_eq!(doc(json!({"items": [], "kind": null})).unwrap().kind, None);
}

#[test]
fn numbers_are_whole_and_in_range() {
    let n = |v: serde_json::Value| fault(json!({"items": [{"n": v}]})).1;
    assert_eq!(n(json!(-1)), "invalid value: integer `-1`, expected u32");
    assert_eq!(n(json!(5_000_000_000u64)), "invalid value: integer `5000000000`, expected u32");
    assert_eq!(n(json!(1.5)), "invalid type: floating point `1.5`, expected u32");
    assert_eq!(n(json!(null)), "invalid type: null, expected u32");
    assert_eq!(n(json!(true)), "invalid type: boolean `true`, expected u32");
    assert_eq!(u32(value(json!(4_294_967_295u64)), &At::Root), Ok(u32::MAX));
    assert_eq!(u64(value(json!(u64::MAX)), &At::Root), Ok(u64::MAX));
}
