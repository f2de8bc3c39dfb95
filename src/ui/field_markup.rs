//! A field of the contract as HTML text, and the DOM reads and writes that
//! keep it in step with the page: the one field writer of every form (the
//! loans, the budget, the kit's forms, the road's inputs). Issue 13: every
//! reactive element of a `view!` is monomorphised render code of its own,
//! dozens per loan; a form drawn as text and synced in place is one
//! function for all of them.
//!
//! A field is `<div class="field" data-k="k">` (`k`: its index in its
//! form's list of places) holding its label, its input, its hint and an
//! empty `<div>` its problem goes in. Labels, hints, options and problems
//! come from `crate::i18n`; every text is escaped ([`put`]). [`sync`] sets
//! an input's value only when it says something else (the box being typed
//! in already says what was typed: its caret stays), and [`typed`] sends
//! what was typed or picked to the page.

use super::page::Page;
use super::widgets::escape_html;
use crate::form::{Form, Place};
use crate::i18n::Lang;
use crate::scenario::field::{Choice, Each, Kind, Unit, Value};
use crate::scenario::{Field, Rule};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Pushes `template` with each `{}` replaced by the next of `args`, escaped
/// for HTML.
pub fn put(out: &mut String, template: &str, args: &[&str]) {
    let mut args = args.iter();
    for (k, piece) in template.split("{}").enumerate() {
        if k > 0 {
            out.push_str(&escape_html(args.next().map_or("", |a| a)));
        }
        out.push_str(piece);
    }
}

/// A property of an element, read by name (a `web_sys` method the page
/// does not use yet would add its glue to the first load's JS).
pub fn prop(el: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn set_prop(el: &JsValue, name: &str, v: JsValue) {
    let _ = js_sys::Reflect::set(el, &name.into(), &v);
}

/// Sets `el`'s HTML unless it is that already (a problem's `role="alert"`
/// is announced only when it changes; a redraw would lose the focus).
pub fn set_html(el: &Element, html: &str) {
    if prop(el, "innerHTML").as_string().as_deref() != Some(html) {
        el.set_inner_html(html);
    }
}

/// How a field is drawn.
#[derive(Clone, Copy, PartialEq)]
pub enum Look {
    /// A text box: its `type` and `inputmode`.
    Line(&'static str, &'static str),
    /// A text area, for long free text (over 200 characters).
    Area,
    /// A `<select>` of the kind's options.
    Select(Kind),
    Check,
    /// Check boxes for a set of choices.
    Checks(&'static [Choice]),
    /// A `<select>` of the document's loans (a contact's loan).
    Loans,
}

pub fn look(field: Field) -> Look {
    if field == Field::ContactLoanId {
        return Look::Loans;
    }
    match field.kind() {
        k @ (Kind::Choice(_) | Kind::Count { select: true, .. }) => Look::Select(k),
        Kind::Set(options) => Look::Checks(options),
        Kind::Flag => Look::Check,
        Kind::Text { max_chars } if max_chars > 200 => Look::Area,
        Kind::Date { .. } => Look::Line("date", "text"),
        Kind::DateTime => Look::Line("datetime-local", "text"),
        Kind::Count { .. } | Kind::OptionalCount { .. } => Look::Line("text", "numeric"),
        Kind::Text { .. } | Kind::Id => Look::Line("text", "text"),
        _ => Look::Line("text", "decimal"),
    }
}

/// A field's test id stem: its id; a contact's loan is `contact-loan`.
fn id_of(field: Field) -> &'static str {
    if field == Field::ContactLoanId { "contact-loan" } else { field.spec().id }
}

/// The test id of a place: its field's id, a forecast month numbered
/// (`forecast-3`); the same in every loan's card.
pub fn test_id(place: Place) -> String {
    match place.field.spec().each {
        Each::Month => [id_of(place.field), "-", &(place.item + 1).to_string()].concat(),
        _ => id_of(place.field).to_owned(),
    }
}

/// The element id of a place: its test id, prefixed with its loan's id
/// (`a-principal`), a prepayment's numbered (`a-prepayment-month-2`).
pub fn element_id(f: &Form, place: Place) -> String {
    let id = id_of(place.field);
    match place.loan.and_then(|k| f.loan_id(k)) {
        Some(loan) if place.field.spec().each == Each::Prepayment => [loan, "-", id, "-", &(place.item + 1).to_string()].concat(),
        Some(loan) => [loan, "-", id].concat(),
        None => test_id(place),
    }
}

/// How an option of a list is called.
fn option_name(lang: Lang, v: &Value) -> String {
    match v {
        Value::Choice(c) => lang.choice(*c).to_owned(),
        Value::Count(n) => lang.count(Unit::Months, *n),
        _ => String::new(),
    }
}

/// Place number `k` of a form as HTML text, with the element id `id`;
/// `loans` are the options of a contact's loan.
pub fn field_html(out: &mut String, lang: Lang, k: usize, place: Place, id: &str, loans: &[(String, String)]) {
    let (field, testid) = (place.field, test_id(place));
    let (label, k) = (lang.label(field, place.item.into()), k.to_string());
    let head = |out: &mut String, class: &str| put(out, r#"<div class="{}" data-k="{}"><label for="{}">{}</label>"#, &[class, &k, id, &label]);
    let look = look(field);
    match look {
        Look::Line(kind, mode) => {
            head(out, "field");
            put(out, r#"<input id="{}" type="{}" inputmode="{}" autocomplete="off" data-testid="{}" aria-invalid="false">"#, &[id, kind, mode, &testid]);
        }
        Look::Area => {
            head(out, "field wide");
            put(out, r#"<textarea id="{}" rows="3" data-testid="{}" aria-invalid="false"></textarea>"#, &[id, &testid]);
        }
        Look::Select(_) | Look::Loans => {
            head(out, "field");
            put(out, r#"<select id="{}" data-testid="{}">"#, &[id, &testid]);
            let options = look_options(lang, look, loans);
            for (v, name) in &options {
                put(out, r#"<option value="{}">{}</option>"#, &[v, name]);
            }
            out.push_str("</select></div>");
            return;
        }
        Look::Check => {
            put(out, r#"<div class="field check" data-k="{}"><input id="{}" type="checkbox" data-testid="{}"><label for="{}">{}</label></div>"#, &[&k, id, &testid, id, &label]);
            return;
        }
        Look::Checks(options) => {
            put(out, r#"<fieldset class="checks wide" data-testid="{}" data-k="{}"><legend>{}</legend>"#, &[&testid, &k, &label]);
            for c in options {
                put(out, r#"<label class="check"><input type="checkbox">{}</label>"#, &[lang.choice(*c)]);
            }
            out.push_str("</fieldset>");
            return;
        }
    }
    if let Some(hint) = lang.hint(field) {
        put(out, r#"<p class="hint" id="{}-hint">{}</p>"#, &[id, hint]);
    }
    out.push_str("<div></div></div>");
}

/// A list's `(value, name)` options: a kind's by index, or the loans given.
fn look_options(lang: Lang, look: Look, loans: &[(String, String)]) -> Vec<(String, String)> {
    match look {
        Look::Select(kind) => kind.options().iter().enumerate().map(|(i, v)| (i.to_string(), option_name(lang, v))).collect(),
        _ => loans.to_vec(),
    }
}

/// Place `k`'s element under `root`: its `<div class="field">` or `<fieldset>`.
pub fn field_at(root: &Element, k: usize) -> Option<Element> {
    root.query_selector(&["[data-k=\"", &k.to_string(), "\"]"].concat()).ok().flatten()
}

/// An element property (`firstElementChild`, `nextElementSibling`…).
pub fn elem(el: &JsValue, name: &str) -> Option<Element> {
    prop(el, name).dyn_into().ok()
}

/// The inputs of a field, in order: its one `input`, `select` or
/// `textarea` (one DOM call: this runs on every keystroke), or the check
/// box in each `<label>` of a set of check boxes.
fn inputs(field: &Element, look: Look) -> Vec<Element> {
    let Look::Checks(_) = look else {
        return field.query_selector("input,select,textarea").ok().flatten().into_iter().collect();
    };
    let mut out = Vec::new();
    let mut next = field.first_element_child();
    while let Some(label) = next {
        out.extend(label.first_element_child().filter(|_| prop(&label, "tagName").as_string().as_deref() == Some("LABEL")));
        next = elem(&label, "nextElementSibling");
    }
    out
}

/// What the page says of a place now: its text (a text box's), its value
/// (a list's, a check box's) and its problem.
#[derive(Clone, PartialEq)]
pub struct Now {
    pub text: String,
    pub value: Option<Value>,
    pub problem: Option<Rule>,
}

impl Now {
    pub fn of(f: &Form, problems: &[(Place, Rule)], place: Place) -> Self {
        let line = matches!(look(place.field), Look::Line(..) | Look::Area);
        Self {
            text: if line { f.text(place) } else { String::new() },
            value: if line { None } else { f.value(place) },
            problem: problems.iter().find(|(p, _)| *p == place).map(|(_, r)| *r),
        }
    }
}

/// Brings a place's inputs and problem in step with the page.
pub fn sync(field: &Element, lang: Lang, place: Place, id: &str, now: &Now) {
    let look = look(place.field);
    let els = inputs(field, look);
    let Some(first) = els.first() else { return };
    match look {
        Look::Line(..) | Look::Area => {
            if prop(first, "value").as_string().as_deref() != Some(&now.text) {
                set_prop(first, "value", now.text.as_str().into());
            }
            problem(field, first, lang, place, id, now.problem);
        }
        Look::Select(kind) => {
            if let Some(i) = kind.options().iter().position(|v| now.value.as_ref() == Some(v)) {
                set_prop(first, "selectedIndex", (i as f64).into());
            }
        }
        Look::Loans => set_prop(first, "value", if let Some(Value::Text(id)) = &now.value { id.as_str().into() } else { JsValue::from_str("") }),
        Look::Check => set_prop(first, "checked", (now.value == Some(Value::Flag(true))).into()),
        Look::Checks(options) => {
            let picked = match &now.value {
                Some(Value::Set(p)) => p.as_slice(),
                _ => &[],
            };
            for (el, c) in els.iter().zip(options) {
                set_prop(el, "checked", picked.contains(c).into());
            }
        }
    }
}

/// A text box's problem: under it, in its `aria-invalid` and
/// `aria-describedby` (the hint, and the error while there is one) and its
/// field's `invalid` class.
fn problem(field: &Element, input: &Element, lang: Lang, place: Place, id: &str, rule: Option<Rule>) {
    let error_id = [id, "-error"].concat();
    let hint = lang.hint(place.field).map(|_| [id, "-hint"].concat());
    let described = hint.into_iter().chain(rule.map(|_| error_id.clone())).collect::<Vec<_>>().join(" ");
    let _ = input.set_attribute("aria-invalid", if rule.is_some() { "true" } else { "false" });
    let _ = if described.is_empty() { input.remove_attribute("aria-describedby") } else { input.set_attribute("aria-describedby", &described) };
    let _ = field.class_list().toggle_with_force("invalid", rule.is_some());
    let mut html = String::new();
    if let Some(rule) = rule {
        let testid = [&test_id(place), "-error"].concat();
        put(&mut html, r#"<p class="field-error" id="{}" role="alert" data-testid="{}">{}</p>"#, &[&error_id, &testid, &lang.problem(place.field, rule)]);
    }
    if let Some(slot) = field.query_selector(":scope > div").ok().flatten() {
        set_html(&slot, &html);
    }
}

/// What a field's inputs now say, for the page (`change`: the `change`
/// event, else `input`).
pub fn typed(page: Page, field: &Element, place: Place, change: bool) {
    let look = look(place.field);
    let els = inputs(field, look);
    let Some(first) = els.first() else { return };
    let value = || prop(first, "value").as_string().unwrap_or_default();
    match (look, change) {
        (Look::Line(..) | Look::Area, false) => page.type_text(place, value()),
        (Look::Line(..) | Look::Area, true) => page.commit(),
        (Look::Select(kind), true) => {
            if let Some(v) = value().parse::<usize>().ok().and_then(|i| kind.options().get(i).cloned()) {
                page.set(place, v);
            }
        }
        (Look::Loans, true) => page.set(place, Value::Text(value())),
        (Look::Check, true) => page.set(place, Value::Flag(prop(first, "checked").is_truthy())),
        (Look::Checks(options), true) => {
            // In the list's order, so the letter lists them the same way each time.
            let on = els.iter().zip(options).filter(|(el, _)| prop(el, "checked").is_truthy()).map(|(_, c)| *c);
            page.set(place, Value::Set(on.collect()));
        }
        _ => {}
    }
}

/// The field an event happened in, and its `data-k`.
pub fn event_field(ev: &web_sys::Event) -> Option<(Element, usize)> {
    let el: Element = ev.target()?.dyn_into().ok()?;
    let field = el.closest("[data-k]").ok()??;
    let k = field.get_attribute("data-k")?.parse().ok()?;
    Some((field, k))
}
