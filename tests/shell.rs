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
    assert!(shell.contains(&format!(">{}</button>", t.share_open)), "share button");
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

/// The `data-en` words of an element whose Chinese text is `zh` (shell-lang.js
/// shows them to someone who chose English last time).
fn english_of(zh: &str) -> Option<&'static str> {
    let shell = shell();
    let end = shell.find(&format!(">{zh}<"))?;
    let tag = &shell[shell[..end].rfind('<')?..end];
    let start = tag.find("data-en=\"")? + "data-en=\"".len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

#[test]
fn the_shell_has_the_apps_english_words_for_who_chose_english() {
    let (zh, en) = (Lang::Zh.text(), Lang::En.text());
    for (zh, en) in [
        (zh.app_title, en.app_title),
        (zh.tagline, en.tagline),
        (zh.privacy_note, en.privacy_note),
        (zh.switch_language, en.switch_language),
        (zh.share_open, en.share_open),
    ] {
        assert_eq!(english_of(zh), Some(en), "the English of {zh:?}");
    }
    for (zh, en) in Lang::Zh.page().nav.iter().zip(Lang::En.page().nav) {
        assert_eq!(english_of(zh), Some(en), "the English of the section {zh:?}");
    }
    assert!(shell().contains(&format!("data-en-label=\"{}\"", Lang::En.page().nav_label)));
    assert!(INDEX.contains("<script data-trunk src=\"shell-lang.js\"></script>"), "shell-lang.js is loaded, without defer");
    let script = include_str!("../shell-lang.js");
    assert!(script.contains(&format!("'{}'", xieshang::store::LANG_KEY)), "shell-lang.js reads the app's language key");
    assert!(script.contains(&format!("'{}'", xieshang::store::DRAFTS_STEM)), "shell-lang.js asks for drafts as store::holds_drafts does");
}
