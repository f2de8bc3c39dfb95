//! The kit's forms as HTML text: a form is a list of places of the field
//! contract, drawn by one function in the page's field markup (the ids, test
//! ids, labels, hints and problems `ui::inputs::FieldInput` gives) and set
//! with `inner_html` by the kit's one effect; what is typed or picked goes
//! to the page through the kit's delegated handlers ([`on_event`]), and the
//! same effect keeps each input's value and problem in step with the page
//! ([`sync_all`]). Why not a `view!` per input: every reactive element of a
//! `view!` is monomorphised render code, and issue 10 allows the whole kit
//! 20 KB brotli. A form is redrawn only when its text changes (the language,
//! the loans it offers), never while typing.

use super::super::page::Page;
use crate::form::{Form, Place};
use crate::i18n::Lang;
use crate::scenario::field::{Choice, Kind, Unit, Value};
use crate::scenario::kit::figures::KitOutput;
use crate::scenario::{Field, Rule};
use super::widgets::{html as html_of, options_html, prop, put, set_prop};
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
        Some(loan) => [loan, "-", id_of(place.field)].concat(),
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

/// Place `k` of a form as HTML text, as `FieldInput` draws it (its problem
/// goes into the empty `<div>` at its end; an ask's finding into the one
/// after it).
fn field_html(out: &mut String, lang: Lang, k: usize, place: Place, id: &str, loans: &[(String, String)], noted: bool) {
    let (field, testid) = (place.field, id_of(place.field));
    if noted {
        out.push_str(r#"<div class="ask-field">"#);
    }
    let (label, k) = (lang.label(field, 0), k.to_string());
    let hint = lang.hint(field).map(|h| html_of(r#"<p class="hint" id="{}-hint">{}</p>"#, &[id, h])).unwrap_or_default();
    let head = |out: &mut String, class: &str| put(out, r#"<div class="{}" data-k="{}"><label for="{}">{}</label>"#, &[class, &k, id, &label]);
    match look(field) {
        Look::Line(kind, mode) => {
            head(out, "field");
            put(out, r#"<input id="{}" type="{}" inputmode="{}" autocomplete="off" data-testid="{}" aria-invalid="false">"#, &[id, kind, mode, testid]);
            push_end(out, &hint);
        }
        Look::Area => {
            head(out, "field wide");
            put(out, r#"<textarea id="{}" rows="3" data-testid="{}" aria-invalid="false"></textarea>"#, &[id, testid]);
            push_end(out, &hint);
        }
        Look::Select(kind) => {
            head(out, "field");
            put(out, r#"<select id="{}" data-testid="{}">"#, &[id, testid]);
            for (i, v) in kind.options().iter().enumerate() {
                put(out, r#"<option value="{}">{}</option>"#, &[&i.to_string(), &option_name(lang, v)]);
            }
            out.push_str("</select></div>");
        }
        Look::Loans => {
            head(out, "field");
            put(out, r#"<select id="{}" data-testid="{}">"#, &[id, testid]);
            options_html(out, loans);
            out.push_str("</select></div>");
        }
        Look::Check => {
            put(out, r#"<div class="field check" data-k="{}"><input id="{}" type="checkbox" data-testid="{}"><label for="{}">{}</label></div>"#, &[&k, id, testid, id, &label]);
        }
        Look::Checks(options) => {
            put(out, r#"<fieldset class="checks wide" data-testid="{}" data-k="{}"><legend>{}</legend>"#, &[testid, &k, &label]);
            for c in options {
                put(out, r#"<label class="check"><input type="checkbox">{}</label>"#, &[lang.choice(*c)]);
            }
            out.push_str("</fieldset>");
        }
    }
    if noted {
        out.push_str("<div></div></div>");
    }
}

/// A text box's end: its hint (HTML text), and the `<div>` its problem goes in.
fn push_end(out: &mut String, hint: &str) {
    out.push_str(hint);
    out.push_str("<div></div></div>");
}

/// An element property (`firstElementChild`, `parentElement`…).
fn elem(el: &JsValue, name: &str) -> Option<Element> {
    prop(el, name).dyn_into().ok()
}

/// Place `k`'s element: its `<div class="field">` or `<fieldset>`.
fn field_of(root: &Element, k: usize) -> Option<Element> {
    root.query_selector(&["[data-k=\"", &k.to_string(), "\"]"].concat()).ok().flatten()
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

/// What the page says of a place now: its text, value and problem.
struct Now {
    text: String,
    value: Option<Value>,
    problem: Option<Rule>,
}

/// Brings a place's inputs and problem in step with the page.
fn sync(field: &Element, lang: Lang, place: Place, id: &str, now: Now) {
    let els = inputs(field);
    let Some(first) = els.first() else { return };
    match look(place.field) {
        Look::Line(..) | Look::Area => {
            if prop(first, "value").as_string().as_deref() != Some(&now.text) {
                set_prop(first, "value", now.text.into());
            }
            problem(field, first, lang, place, id, now.problem);
        }
        Look::Select(kind) => {
            if let Some(i) = kind.options().iter().position(|v| now.value.as_ref() == Some(v)) {
                set_prop(first, "selectedIndex", (i as f64).into());
            }
        }
        Look::Loans => set_prop(first, "value", if let Some(Value::Text(id)) = now.value { id.into() } else { JsValue::from_str("") }),
        Look::Check => set_prop(first, "checked", (now.value == Some(Value::Flag(true))).into()),
        Look::Checks(options) => {
            let picked = match now.value {
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
fn problem(field: &Element, input: &Element, lang: Lang, place: Place, id: &str, rule: Option<Rule>) {
    let testid = id_of(place.field);
    let error_id = [id, "-error"].concat();
    let described = match (lang.hint(place.field).is_some(), rule.is_some()) {
        (true, true) => [id, "-hint ", &error_id].concat(),
        (true, false) => [id, "-hint"].concat(),
        (false, true) => error_id.clone(),
        (false, false) => String::new(),
    };
    let _ = input.set_attribute("aria-invalid", if rule.is_some() { "true" } else { "false" });
    let _ = if described.is_empty() { input.remove_attribute("aria-describedby") } else { input.set_attribute("aria-describedby", &described) };
    let class = if look(place.field) == Look::Area { "field wide" } else { "field" };
    let _ = field.set_attribute("class", &if rule.is_some() { [class, " invalid"].concat() } else { class.to_owned() });
    let html = super::widgets::error_html(&error_id, &[testid, "-error"].concat(), rule.map(|r| lang.problem(place.field, r)));
    if let Some(slot) = field.query_selector(":scope > div").ok().flatten() {
        set_html(&slot, &html);
    }
}

/// What a place's inputs now say, for the page (`change`: the `change`
/// event, else `input`).
fn typed(page: Page, field: &Element, place: Place, change: bool) {
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

/// What an ask's form adds: which of its places apply now (the others are
/// hidden), and the evaluation's finding at a place (why an ask is not
/// offered), shown under its input. The hardship's and the expenses' forms
/// use it too: their fields apply while their switch is on, with no finding.
pub struct Ask {
    pub applies: fn(&Form, Place) -> bool,
    pub finding: fn(&Form, &KitOutput, Lang, Place) -> Option<String>,
}

/// An ask's place: shown while it applies, with its finding.
fn sync_ask(field: &Element, lang: Lang, place: Place, ask: &Ask, f: &Form, figures: &KitOutput) {
    let Some(boxed) = elem(field, "parentElement") else { return };
    let _ = if (ask.applies)(f, place) { boxed.remove_attribute("hidden") } else { boxed.set_attribute("hidden", "") };
    let finding = (ask.finding)(f, figures, lang, place);
    let html = finding.map(|m| html_of(r#"<p class="field-error" role="alert" data-testid="ask-finding">{}</p>"#, &[&m])).unwrap_or_default();
    if let Some(slot) = boxed.query_selector(":scope > div:last-child").ok().flatten() {
        set_html(&slot, &html);
    }
}

/// A form of the kit: its places, and the rules of an ask's form. Drawn as
/// HTML text ([`html`]) in an element `data-form="n"` (`n` its index in the
/// kit's list of forms), found again by that selector to bring it in step
/// ([`sync_all`]) and to read what is typed into it ([`on_event`]).
#[derive(Clone, Default)]
pub struct Spec {
    pub places: Vec<Place>,
    pub ask: Option<&'static Ask>,
}

/// Form `n` as HTML text; `loans` are the options of an entry's loan.
pub fn html(out: &mut String, f: &Form, lang: Lang, n: usize, spec: &Spec, loans: &[(String, String)]) {
    put(out, r#"<div class="grid" data-form="{}">"#, &[&n.to_string()]);
    for (k, &place) in spec.places.iter().enumerate() {
        field_html(out, lang, k, place, &element_id(f, place), loans, spec.ask.is_some());
    }
    out.push_str("</div>");
}

/// Brings every form under `root` in step with the page: each input's
/// value and problem, and an ask's places that apply and their findings.
pub fn sync_all(root: &Element, specs: &[Spec], seen: &super::Seen) {
    let (lang, f, figures) = (seen.lang, seen.form, &seen.docs.figures);
    for (n, spec) in specs.iter().enumerate() {
        let Some(el) = root.query_selector(&["[data-form=\"", &n.to_string(), "\"]"].concat()).ok().flatten() else { continue };
        for (k, &place) in spec.places.iter().enumerate() {
            let Some(field) = field_of(&el, k) else { continue };
            let problem = seen.problems.iter().find(|(p, _)| *p == place).map(|(_, r)| *r);
            sync(&field, lang, place, &element_id(f, place), Now { text: f.text(place), value: f.value(place), problem });
            if let Some(ask) = spec.ask {
                sync_ask(&field, lang, place, ask, f, figures);
            }
        }
    }
}

/// What was typed or picked in a form (`change`: the `change` event, else
/// `input`), for the page; `false` if the event did not come from a form.
pub fn on_event(page: Page, specs: &[Spec], ev: &web_sys::Event, change: bool) -> bool {
    let at = |el: &Element, attr: &str| el.get_attribute(attr).and_then(|v| v.parse::<usize>().ok());
    let field = super::widgets::target(ev).and_then(|t| t.closest("[data-k]").ok().flatten());
    let Some(field) = field else { return false };
    let form = field.closest("[data-form]").ok().flatten();
    let place = form.and_then(|form| specs.get(at(&form, "data-form")?)?.places.get(at(&field, "data-k")?).copied());
    if let Some(place) = place {
        typed(page, &field, place, change);
    }
    true
}
