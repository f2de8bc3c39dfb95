//! The kit's small pieces of HTML text and the DOM reads and writes of the
//! parts drawn as text (its forms are `form::form`). No `format!`, and no
//! escaping at each site: markup is a template whose `{}`s [`put`] fills,
//! escaping each value (one call and one literal a site).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Pushes `template` with each `{}` replaced by the next of `args`, escaped
/// for HTML (the page's field writer's: the one place markup escapes).
pub use crate::ui::field_markup::put;

/// [`put`] into a new text.
pub fn html(template: &str, args: &[&str]) -> String {
    let mut out = String::new();
    put(&mut out, template, args);
    out
}

/// A labelled `<select>` over `(value, name)` pairs; which is picked, the
/// part's sync sets (a redraw would lose the focus).
pub fn select_html(out: &mut String, id: &str, label: &str, options: &[(String, String)]) {
    select_open(out, id, label);
    options_html(out, options);
    out.push_str(SELECT_END);
}

/// The start of a labelled `<select>`: its options follow ([`option`],
/// [`options_html`], [`indexed_options`]), then [`SELECT_END`] (no list of
/// owned pairs made for the words the page has already).
pub fn select_open(out: &mut String, id: &str, label: &str) {
    put(out, r#"<div class="field"><label for="{}">{}</label><select id="{}" data-testid="{}">"#, &[id, label, id, id]);
}

pub const SELECT_END: &str = "</select></div>";

pub fn option(out: &mut String, value: &str, name: &str) {
    put(out, r#"<option value="{}">{}</option>"#, &[value, name]);
}

/// A list's `(value, name)` options (which is picked, a part's sync sets).
pub fn options_html(out: &mut String, options: &[(String, String)]) {
    for (v, name) in options {
        option(out, v, name);
    }
}

/// Options named `names`, valued by their index.
pub fn indexed_options(out: &mut String, names: &[&str]) {
    for (i, name) in names.iter().enumerate() {
        option(out, &i.to_string(), name);
    }
}

/// A field's problem, as HTML text (`id` for `aria-describedby`); empty without one.
pub fn error_html(id: &str, testid: &str, message: Option<String>) -> String {
    message.map(|m| html(r#"<p class="field-error" id="{}" role="alert" data-testid="{}">{}</p>"#, &[id, testid, &m])).unwrap_or_default()
}

/// A property of an element (read by name: a `web_sys` method the page
/// does not use yet would add its glue to the first load's JS).
pub fn prop(el: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn set_prop(el: &JsValue, name: &str, v: JsValue) {
    let _ = js_sys::Reflect::set(el, &name.into(), &v);
}

/// The element `selector` names under `root`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// The element of id `id` under `root`.
pub fn by_id(root: &Element, id: &str) -> Option<Element> {
    find(root, &["#", id].concat())
}

/// The `value` of the input or list of id `id` under `root`.
pub fn value_of(root: &Element, id: &str) -> String {
    by_id(root, id).and_then(|el| prop(&el, "value").as_string()).unwrap_or_default()
}

/// Sets a text property (`value`, `textContent`) unless it says `v` already
/// (setting it anew would move the caret).
pub fn set_text(el: Option<Element>, name: &str, v: &str) {
    if let Some(el) = el {
        if prop(&el, name).as_string().as_deref() != Some(v) {
            set_prop(&el, name, v.into());
        }
    }
}

/// Shows or hides an element.
pub fn hide(el: Option<Element>, hidden: bool) {
    if let Some(el) = el {
        set_prop(&el, "hidden", hidden.into());
    }
}

/// The element a DOM event happened on.
pub fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}
