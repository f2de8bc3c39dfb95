//! index.html's static first paint (issue 13) shows the page's header and its
//! list of sections in Chinese before the wasm arrives: its words must be
//! src/i18n's, or the page would change under the reader when the app mounts.

use xieshang::i18n::Lang;

const INDEX: &str = include_str!("../index.html");

/// The static shell: from `<div id="shell"` to the `<noscript>` after it.
fn shell() -> &'static str {
    let start = INDEX.find("<div id=\"shell\"").expect("index.html has no #shell");
    let end = INDEX[start..].find("<noscript>").expect("no <noscript> after #shell");
    &INDEX[start..start + end]
}

#[test]
fn the_shell_header_is_the_apps_in_chinese() {
    let t = Lang::Zh.text();
    let shell = shell();
    for (what, words) in [("title", t.app_title), ("tagline", t.tagline), ("privacy note", t.privacy_note)] {
        assert!(shell.contains(&format!(">{words}<")), "the shell's {what} is not src/i18n's {words:?}");
    }
    assert!(shell.contains(&format!(">{}</button>", Lang::Zh.share().open_dialog)), "share button");
    assert!(shell.contains(&format!(">{}</button>", t.switch_language)), "language button");
}

#[test]
fn the_shell_lists_the_apps_sections_in_chinese() {
    let page = Lang::Zh.page();
    let shell = shell();
    assert!(shell.contains(&format!("aria-label=\"{}\"", page.nav_label)));
    let links: Vec<&str> = shell.split("<li><a href=\"#").skip(1).collect();
    assert_eq!(links.len(), page.nav.len(), "one link per section");
    for (link, name) in links.iter().zip(page.nav) {
        assert!(link.contains(&format!(">{name}</a>")), "link {link:?} is not named {name:?}");
    }
}
