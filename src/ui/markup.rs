//! Read-only parts of the page as HTML text, set with `inner_html` (issue
//! 13): where you stand, the allocation across lenders. Why text, not
//! `view!`: every reactive element of a `view!` is its own monomorphised
//! render function, and these parts are redrawn whole anyway. Every text
//! from the document or the evaluation goes through [`esc`] (the one
//! escape function, `widgets::escape_html`); glossary links are opened by
//! one delegated handler ([`super::glossary::follow_term`]).

use super::glossary::Term;
use super::widgets::escape_html as esc;
use leptos::html::{Div, ElementType};
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// A figure's name: a link to its glossary entry, or plain text. A tab
/// stop like any link (review w14 S13: at tabindex −1 a keyboard user could
/// not reach a figure's explanation where the figure is); following it
/// moves the focus to the entry ([`super::glossary::follow_term`]).
pub fn name(out: &mut String, label: &str, term: Option<Term>) {
    match term {
        Some(term) => {
            let _ = write!(out, r##"<a class="term" href="#{}">{}</a>"##, term.anchor(), esc(label));
        }
        None => out.push_str(&esc(label)),
    }
}

/// One small figure with its name.
pub fn fact(out: &mut String, label: &str, term: Option<Term>, testid: &str, value: &str) {
    out.push_str(r#"<div class="fact"><dt>"#);
    name(out, label, term);
    let _ = write!(out, r#"</dt><dd data-testid="{testid}">{}</dd></div>"#, esc(value));
}

/// `<tag class="…">text</tag>`, the text escaped (no class when empty).
pub fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    let _ = match class {
        "" => write!(out, "<{tag}>{}</{tag}>", esc(text)),
        _ => write!(out, r#"<{tag} class="{class}">{}</{tag}>"#, esc(text)),
    };
}

/// A table's header row, one column heading per label.
pub fn header_row(out: &mut String, labels: &[&str]) {
    out.push_str("<thead><tr>");
    for label in labels {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(label));
    }
    out.push_str("</tr></thead>");
}

/// One headline figure with its name (and a second form of its value, the
/// 万 form of an amount, when there is one).
pub fn figure(out: &mut String, label: &str, term: Option<Term>, testid: &str, value: &str, sub: Option<&str>) {
    out.push_str(r#"<div class="figure"><dt>"#);
    name(out, label, term);
    let _ = write!(out, r#"</dt><dd><span class="value" data-testid="{testid}">{}</span>"#, esc(value));
    if let Some(sub) = sub {
        let _ = write!(out, r#"<span class="sub">{}</span>"#, esc(sub));
    }
    out.push_str("</dd></div>");
}

/// Draws `html`'s text into the element `root` once it is in the page, and
/// again only when the text changes. Every part drawn this way shares one
/// effect (its closure is not generic: the element and the text come boxed),
/// where each `inner_html=move || …` or `Memo` was code of its own (issue 13).
pub fn draw<E>(root: NodeRef<E>, html: impl Fn(&mut String) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
{
    draw_then(root, html, |_| ());
}

/// [`draw`], and `after` each time the text was drawn (to put the focus
/// back where a redrawn button was).
pub fn draw_then<E>(root: NodeRef<E>, html: impl Fn(&mut String) + 'static, after: impl Fn(&web_sys::Element) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
{
    draw_at(element_of(root), Box::new(move |p: &mut Part| html(&mut p.shape)), Box::new(after));
}

/// Draws `build`'s [`Part`] into `root`: its shape when it changed (then
/// every value), else only the values that changed, set in place. What
/// holds state (a fold, a focused button) stays while the shape does.
pub fn part<E>(root: NodeRef<E>, build: impl Fn(&mut Part) + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
{
    draw_at(element_of(root), Box::new(build), Box::new(|_| ()));
}

/// A `node_ref` for an element of any tag, filling a `NodeRef<Div>`: the
/// parts read only its `web_sys::Element` (the cast is JavaScript's, no
/// check), so every tag shares the one element type's code — per element
/// type, `NodeRef::load` and [`element_of`]'s closure were ~1.5 KB raw
/// (issue 13). `<summary node_ref=Spot(line)>`, then `draw(line, …)`.
#[derive(Clone, Copy)]
pub struct Spot(pub NodeRef<Div>);

impl<E: ElementType> NodeRefContainer<E> for Spot {
    fn load(self, el: &web_sys::Element) {
        NodeRefContainer::<Div>::load(self.0, el);
    }
}

/// `root`'s element once it is in the page (one closure per element type,
/// shared by [`draw`] and [`part`]).
fn element_of<E>(root: NodeRef<E>) -> Box<dyn Fn() -> Option<web_sys::Element>>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
{
    Box::new(move || root.get().map(Into::into))
}

/// How a [`Part`]'s value shows in its element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// The element's text.
    Text,
    /// The element's content, as HTML text (escaped by whoever wrote it).
    Html,
    /// An attribute.
    Attr(&'static str),
    /// A text field's value (set when the part's value changes, not while
    /// the reader types).
    Value,
    /// A tick box's state ("true"/"false"), compared with the box itself
    /// (a click ticks it before the page hears of it).
    Checked,
}

/// A part of the page as HTML text: its shape (the elements, parsed again
/// only when it changes) and its values, each at the element a CSS
/// selector finds in it ("" is the part's own element, ".." its parent).
/// A keystroke usually changes values only: it writes no more to the page
/// than reactive text nodes would.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    pub shape: String,
    values: Vec<(String, Put, String)>,
}

impl Part {
    /// A value at the element `at` (a CSS selector).
    pub fn set(&mut self, at: impl Into<String>, how: Put, value: impl Into<String>) {
        self.values.push((at.into(), how, value.into()));
    }

    /// A value at the element with this test id.
    pub fn at_testid(&mut self, testid: &str, how: Put, value: impl Into<String>) {
        self.set(testid_selector(testid), how, value);
    }

    /// A figure with its name, as [`fact`] draws it, its value set in place.
    pub fn fact(&mut self, label: &str, term: Option<Term>, testid: &str, value: String) {
        fact(&mut self.shape, label, term, testid, "");
        self.at_testid(testid, Put::Text, value);
    }

    /// A value in running text.
    pub fn value(&mut self, testid: &str, value: String) {
        let _ = write!(self.shape, r#"<span data-testid="{testid}"></span>"#);
        self.at_testid(testid, Put::Text, value);
    }
}

/// `[data-testid="…"]`.
pub fn testid_selector(testid: &str) -> String {
    [r#"[data-testid=""#, testid, r#""]"#].concat()
}

type Drawn = Option<(web_sys::Element, Part)>;

fn draw_at(el: Box<dyn Fn() -> Option<web_sys::Element>>, build: Box<dyn Fn(&mut Part)>, after: Box<dyn Fn(&web_sys::Element)>) {
    // What was drawn, and where (a part drawn again in a new element, a
    // fold shown again, draws its shape there even when it is the same).
    Effect::new(move |drawn: Option<Drawn>| {
        let mut now = Part::default();
        build(&mut now);
        let el = el()?;
        let drawn = drawn.flatten().filter(|(was, _)| *was == el).map(|(_, part)| part);
        if apply(&el, drawn.as_ref(), &now) {
            after(&el);
        }
        Some((el, now))
    });
}

/// Sets the shape when it changed (then every value), else the values that
/// changed; whether anything was written.
fn apply(el: &web_sys::Element, drawn: Option<&Part>, now: &Part) -> bool {
    let same = drawn.filter(|d| d.shape == now.shape);
    let mut wrote = same.is_none();
    if wrote {
        el.set_inner_html(&now.shape);
    }
    for (i, (at, how, value)) in now.values.iter().enumerate() {
        let was = same.and_then(|d| d.values.get(i)).filter(|(a, h, _)| a == at && h == how);
        if *how != Put::Checked && was.is_some_and(|(_, _, v)| v == value) {
            continue;
        }
        let target = match at.as_str() {
            "" => Some(el.clone()),
            ".." => el.parent_element(),
            _ => el.query_selector(at).ok().flatten(),
        };
        if let Some(target) = target {
            wrote |= set(&target, *how, value);
        }
    }
    wrote
}

fn set(target: &web_sys::Element, how: Put, value: &str) -> bool {
    match how {
        Put::Text => target.set_text_content(Some(value)),
        Put::Html => target.set_inner_html(value),
        Put::Attr(name) => {
            let _ = target.set_attribute(name, value);
        }
        Put::Value => {
            let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() else { return false };
            input.set_value(value);
        }
        Put::Checked => {
            let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() else { return false };
            let checked = value == "true";
            if input.checked() == checked {
                return false;
            }
            input.set_checked(checked);
        }
    }
    true
}

/// The first element in `el` with this test id (and, when given, this
/// `data-key`).
pub fn find(el: &web_sys::Element, testid: &str, key: Option<&str>) -> Option<web_sys::HtmlElement> {
    let mut selector = format!(r#"[data-testid="{testid}"]"#);
    if let Some(key) = key {
        if key.contains(['"', '\\']) {
            return None;
        }
        let _ = write!(selector, r#"[data-key="{key}"]"#);
    }
    el.query_selector(&selector).ok()??.dyn_into().ok()
}

/// The test id of the button (or other element with one) an event
/// happened in: the parts drawn as HTML text read their clicks by it.
pub fn clicked(ev: &web_sys::Event) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-testid]").ok()??.get_attribute("data-testid")
}

/// A list of views kept by key in `root` (instead of `<For>`, issue 13: its
/// keyed diff and per-item owners were ~5 KB of code, for lists of a few
/// items). One effect: a key that stays keeps its view (its folds, its
/// focus, its own reactive state); a new key's view is built once, in a
/// reactive owner of its own under the list's; a key that goes is
/// unmounted and its owner dropped. The views move only when the order of
/// the keys that stay changed. Each item's view should be one element
/// (the next item's is where a new one is put before). An item is never
/// rebuilt, so its view is not erased (`AnyView` would compile a rebuild
/// per view type): its built state is kept as a `dyn Mountable`.
pub fn keyed<E, K, V>(root: NodeRef<E>, keys: impl Fn() -> Vec<K> + 'static, each: impl Fn(&K) -> V + 'static)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + Into<web_sys::Element> + 'static,
    K: PartialEq + 'static,
    V: Render,
    V::State: 'static,
{
    let (el, owner) = (element_of(root), Owner::current().unwrap_or_else(Owner::new));
    Effect::new(move |was: Option<(Vec<K>, Vec<Kept>)>| {
        let (old, kept) = was.unwrap_or_default();
        let now = keys();
        let Some(el) = el() else { return (old, kept) };
        let from: Vec<Option<usize>> = now.iter().map(|k| old.iter().position(|o| o == k)).collect();
        let kept = keep(&el, kept, &from, &owner, &|i| Box::new(each(&now[i]).build()));
        (now, kept)
    });
}

/// A kept item: its mounted view, then its owner (dropped in this order:
/// the view's state before the owner's cleanups).
struct Kept {
    view: Box<dyn Mountable>,
    _owner: Owner,
}

/// The items for the new keys, in order: `from[i]` is where the i-th key
/// was in `kept` (None: new, built by `build(i)`). Not generic: one copy
/// for every list.
fn keep(el: &web_sys::Element, kept: Vec<Kept>, from: &[Option<usize>], owner: &Owner, build: &dyn Fn(usize) -> Box<dyn Mountable>) -> Vec<Kept> {
    let moved = !from.iter().flatten().is_sorted();
    let mut old: Vec<Option<Kept>> = kept.into_iter().map(Some).collect();
    let mut now = Vec::with_capacity(from.len());
    for (i, at) in from.iter().enumerate() {
        match at.and_then(|at| old.get_mut(at)?.take()) {
            Some(item) => now.push((item, moved)),
            None => {
                let child = owner.child();
                let view = child.with(|| untrack(|| build(i)));
                now.push((Kept { view, _owner: child }, true));
            }
        }
    }
    for mut gone in old.into_iter().flatten() {
        gone.view.unmount();
    }
    // From the last: each put before the next one's element (read only
    // for an item that is put: nothing is read when nothing moved).
    for i in (0..now.len()).rev() {
        if now[i].1 {
            let next: Option<web_sys::Node> = now.get(i + 1).and_then(|(n, _)| n.view.elements().into_iter().next()).map(Into::into);
            now[i].0.view.mount(el, next.as_ref());
        }
    }
    now.into_iter().map(|(item, _)| item).collect()
}
