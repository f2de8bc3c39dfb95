//! The kit's forms as HTML text: a form is a list of places of the field
//! contract, drawn by one function in the page's field markup (the ids, test
//! ids, labels, hints and problems `ui::inputs::FieldInput` gives) and set
//! with `inner_html`; what is typed or picked goes to the page through two
//! delegated handlers, and one effect keeps each input's value and problem
//! in step with the page. Why not a `view!` per input: every reactive
//! element of a `view!` is monomorphised render code, and issue 10 allows
//! the whole kit 20 KB brotli. The form is redrawn only when the language
//! (or the list of loans it offers) changes, never while typing.

use super::super::page::use_page;
use super::super::use_lang;
use crate::form::{Form, Place};
use crate::i18n::Lang;
use crate::scenario::field::{Choice, Kind, Unit, Value};
use crate::scenario::kit::figures::KitOutput;
use crate::scenario::{Field, Rule};
use super::widgets::{prop, set_prop};
use crate::ui::widgets::escape_html as esc;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// How a place is drawn.
#[derive(Clone, Copy, PartialEq)]
enum Look {
    /// A text box: its `type` and `inputmode`.
    Line(&'static str, &'static str),
    /// A text area, for long free text (over 200 characters).
    Area,
    /// A `<select>` of the kind's options.
    Select(Kind),
    Check,
    /// Check boxes for a set of choices.
    Checks(&'static [Choice]),
    /// A `<select>` of the document's loans (an entry's loan).
    Loans,
}

fn look(field: Field) -> Look {
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

/// The test id of a place: its field's id; an entry's loan is `contact-loan`.
fn id_of(field: Field) -> &'static str {
    if field == Field::ContactLoanId { "contact-loan" } else { field.spec().id }
}

/// The element id of a place, as `FieldInput` gives it: the test id,
/// prefixed with its loan's id (`a-ask-months`).
fn element_id(f: &Form, place: Place) -> String {
    match place.loan.and_then(|k| f.loan_id(k)) {
        Some(loan) => format!("{loan}-{}", id_of(place.field)),
        None => id_of(place.field).to_owned(),
    }
}

/// How an option of a list is called (as `FieldInput` calls it).
fn option_name(lang: Lang, v: &Value) -> String {
    match v {
        Value::Choice(c) => lang.choice(*c).to_owned(),
        Value::Count(n) => lang.count(Unit::Months, *n),
        _ => String::new(),
    }
}

/// `(value, name)` options (which is selected, the effect sets).
fn options_html(out: &mut String, options: impl Iterator<Item = (String, String)>) {
    for (v, name) in options {
        let _ = write!(out, r#"<option value="{}">{}</option>"#, esc(&v), esc(&name));
    }
}

/// Place `k` of a form as HTML text, as `FieldInput` draws it (its problem
/// goes into the empty `<div>` at its end; an ask's finding into the one
/// after it).
fn field_html(out: &mut String, lang: Lang, k: usize, s: &Shown, loans: &[(String, String)], noted: bool) {
    let (place, id, testid) = (s.place, s.id.as_str(), id_of(s.place.field));
    let field = place.field;
    if noted {
        out.push_str(r#"<div class="ask-field">"#);
    }
    let label = esc(&lang.label(field, 0));
    let hint = lang.hint(field).map(|h| format!(r#"<p class="hint" id="{id}-hint">{}</p>"#, esc(h))).unwrap_or_default();
    let head = |out: &mut String, class: &str| {
        let _ = write!(out, r#"<div class="{class}" data-k="{k}"><label for="{id}">{label}</label>"#);
    };
    match look(field) {
        Look::Line(kind, mode) => {
            head(out, "field");
            let _ = write!(out, r#"<input id="{id}" type="{kind}" inputmode="{mode}" autocomplete="off" data-testid="{testid}" aria-invalid="false">{hint}<div></div></div>"#);
        }
        Look::Area => {
            head(out, "field wide");
            let _ = write!(out, r#"<textarea id="{id}" rows="3" data-testid="{testid}" aria-invalid="false"></textarea>{hint}<div></div></div>"#);
        }
        Look::Select(kind) => {
            head(out, "field");
            let _ = write!(out, r#"<select id="{id}" data-testid="{testid}">"#);
            options_html(out, kind.options().iter().enumerate().map(|(i, v)| (i.to_string(), option_name(lang, v))));
            out.push_str("</select></div>");
        }
        Look::Loans => {
            head(out, "field");
            let _ = write!(out, r#"<select id="{id}" data-testid="{testid}">"#);
            options_html(out, loans.iter().cloned());
            out.push_str("</select></div>");
        }
        Look::Check => {
            let _ = write!(out, r#"<div class="field check" data-k="{k}"><input id="{id}" type="checkbox" data-testid="{testid}"><label for="{id}">{label}</label></div>"#);
        }
        Look::Checks(options) => {
            let _ = write!(out, r#"<fieldset class="checks wide" data-testid="{testid}" data-k="{k}"><legend>{label}</legend>"#);
            for c in options {
                let _ = write!(out, r#"<label class="check"><input type="checkbox">{}</label>"#, esc(lang.choice(*c)));
            }
            out.push_str("</fieldset>");
        }
    }
    if noted {
        out.push_str("<div></div></div>");
    }
}

/// What one place shows, read from the page (memos made once per form).
#[derive(Clone)]
struct Shown {
    place: Place,
    id: String,
    text: Memo<String>,
    value: Memo<Option<Value>>,
    problem: Memo<Option<Rule>>,
}

/// An element property (`firstElementChild`, `parentElement`…).
fn elem(el: &JsValue, name: &str) -> Option<Element> {
    prop(el, name).dyn_into().ok()
}

/// Place `k`'s element: its `<div class="field">` or `<fieldset>`.
fn field_of(root: &Element, k: usize) -> Option<Element> {
    root.query_selector(&format!("[data-k=\"{k}\"]")).ok().flatten()
}

/// The inputs (`input`, `select`, `textarea`) of place `k`, in order:
/// its element's children, and the check box in each of its `<label>`s.
fn inputs(field: &Element) -> Vec<Element> {
    let mut out = Vec::new();
    let mut next = field.first_element_child();
    while let Some(el) = next {
        match prop(&el, "tagName").as_string().as_deref() {
            Some("INPUT" | "SELECT" | "TEXTAREA") => out.push(el.clone()),
            Some("LABEL") => out.extend(el.first_element_child()),
            _ => {}
        }
        next = elem(&el, "nextElementSibling");
    }
    out
}

/// Brings place `k`'s inputs and problem in step with the page.
fn sync(field: &Element, lang: Lang, s: &Shown) {
    let els = inputs(field);
    let Some(first) = els.first() else { return };
    let value = s.value.get();
    match look(s.place.field) {
        Look::Line(..) | Look::Area => {
            let text = s.text.get();
            if prop(first, "value").as_string().as_deref() != Some(&text) {
                set_prop(first, "value", text.into());
            }
            problem(field, first, lang, s);
        }
        Look::Select(kind) => {
            if let Some(i) = kind.options().iter().position(|v| value.as_ref() == Some(v)) {
                set_prop(first, "selectedIndex", (i as f64).into());
            }
        }
        Look::Loans => set_prop(first, "value", if let Some(Value::Text(id)) = value { id.into() } else { JsValue::from_str("") }),
        Look::Check => set_prop(first, "checked", (value == Some(Value::Flag(true))).into()),
        Look::Checks(options) => {
            let picked = match value {
                Some(Value::Set(p)) => p,
                _ => Vec::new(),
            };
            for (el, c) in els.iter().zip(options) {
                set_prop(el, "checked", picked.contains(c).into());
            }
        }
    }
}

/// A text box's problem: under it, in its `aria-*` and its field's class.
fn problem(field: &Element, input: &Element, lang: Lang, s: &Shown) {
    let id = &s.id;
    let testid = id_of(s.place.field);
    let rule = s.problem.get();
    let error_id = format!("{id}-error");
    let hint = lang.hint(s.place.field).map(|_| format!("{id}-hint"));
    let described: Vec<String> = hint.into_iter().chain(rule.map(|_| error_id.clone())).collect();
    let _ = input.set_attribute("aria-invalid", if rule.is_some() { "true" } else { "false" });
    let _ = if described.is_empty() { input.remove_attribute("aria-describedby") } else { input.set_attribute("aria-describedby", &described.join(" ")) };
    let class = if look(s.place.field) == Look::Area { "field wide" } else { "field" };
    let _ = field.set_attribute("class", &if rule.is_some() { format!("{class} invalid") } else { class.to_owned() });
    let html = rule.map(|r| super::widgets::error_html(&error_id, &format!("{testid}-error"), Some(lang.problem(s.place.field, r)))).unwrap_or_default();
    if let Some(slot) = field.query_selector(":scope > div").ok().flatten() {
        set_html(&slot, &html);
    }
}

/// What place `k`'s inputs now say, for the page.
fn typed(field: &Element, place: Place, change: bool) {
    let page = use_page();
    let els = inputs(field);
    let Some(first) = els.first() else { return };
    let value = || prop(first, "value").as_string().unwrap_or_default();
    match (look(place.field), change) {
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

/// Sets `el`'s HTML unless it is already that (a problem's `role="alert"`
/// is announced only when it changes).
pub(super) fn set_html(el: &Element, html: &str) {
    if prop(el, "innerHTML").as_string().as_deref() != Some(html) {
        el.set_inner_html(html);
    }
}

/// The place of the input an event came from, by its `data-k`.
fn event_place(ev: &web_sys::Event) -> Option<usize> {
    let el = ev.target()?.dyn_into::<Element>().ok()?.closest("[data-k]").ok()??;
    el.get_attribute("data-k")?.parse().ok()
}

/// What an ask's form adds: which of its places apply now (the others are
/// hidden), and the evaluation's finding at a place (why an ask is not
/// offered), shown under its input. The hardship's and the expenses' forms
/// use it too: their fields apply while their switch is on, with no finding.
pub struct Ask {
    pub applies: fn(&Form, Place) -> bool,
    pub finding: fn(&Form, &KitOutput, Lang, Place) -> Option<String>,
}

/// An ask's form: its rules, and the kit's figures its findings are read from.
type AskForm = (&'static Ask, Memo<KitOutput>);

/// An ask's place `k`: shown while it applies, with its finding.
fn sync_ask(field: &Element, lang: Lang, s: &Shown, (ask, figures): AskForm) {
    let Some(boxed) = elem(field, "parentElement") else { return };
    let page = use_page();
    let (applies, finding) = page.with(|f| ((ask.applies)(f, s.place), figures.with(|k| (ask.finding)(f, k, lang, s.place))));
    let _ = if applies { boxed.remove_attribute("hidden") } else { boxed.set_attribute("hidden", "") };
    let html = finding.map(|m| format!(r#"<p class="field-error" role="alert" data-testid="ask-finding">{}</p>"#, esc(&m))).unwrap_or_default();
    if let Some(slot) = boxed.query_selector(":scope > div:last-child").ok().flatten() {
        set_html(&slot, &html);
    }
}

/// What a form last drew: in which language, with which loans to pick.
type Drawn = Option<(Lang, Vec<(String, String)>)>;

/// A form of `places` (`class` on its element); `loans` are the options of
/// an entry's loan, if the form has one; `ask` for an ask's form.
pub fn form(class: &'static str, places: Vec<Place>, loans: Option<Signal<Vec<(String, String)>>>, ask: Option<AskForm>) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let shown: Vec<Shown> = places
        .iter()
        .map(|&place| Shown { place, id: page.peek(|f| element_id(f, place)), text: page.text(place), value: page.value(place), problem: page.problem(place) })
        .collect();
    let root = NodeRef::<Div>::new();
    // Its state: the language and loans drawn (`None` until drawn).
    Effect::new(move |drawn: Option<Drawn>| {
        let now = (lang.get(), loans.map(|s| s.get()).unwrap_or_default());
        let el = root.get()?;
        if drawn.flatten().as_ref() != Some(&now) {
            let mut html = String::new();
            for (k, s) in shown.iter().enumerate() {
                field_html(&mut html, now.0, k, s, &now.1, ask.is_some());
            }
            el.set_inner_html(&html);
        }
        for (k, s) in shown.iter().enumerate() {
            let Some(field) = field_of(&el, k) else { continue };
            sync(&field, now.0, s);
            if let Some(ask) = ask {
                sync_ask(&field, now.0, s, ask);
            }
        }
        Some(now)
    });
    let on = move |ev: web_sys::Event, change: bool| {
        let k = event_place(&ev);
        if let (Some(k), Some(el)) = (k, root.get_untracked()) {
            if let (Some(p), Some(field)) = (places.get(k), field_of(&el, k)) {
                typed(&field, *p, change);
            }
        }
    };
    let on_change = on.clone();
    view! { <div class=class node_ref=root on:input=move |ev| on(ev, false) on:change=move |ev| on_change(ev, true)></div> }
}
