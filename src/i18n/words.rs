//! One language's words, as one value: what the main wasm draws (the page's
//! sentences, the guided page's, the drafts panel's and every field's label
//! and hint). On the page each language's [`Words`] is a chunk of its own
//! (issue 13: a visitor's first load carries only their language): the page
//! fetches its language's before it mounts and the other one's when the
//! language is switched ([`load`]); natively (and in the unsplit test
//! binary) both are at hand.

use super::{BelowText, DraftText, FieldWords, Lang, Names, PageText, Text, DRAFTS_EN, DRAFTS_ZH, EN, FIELD_WORDS, NAMES_EN, NAMES_ZH, PAGE_EN, PAGE_ZH, BELOW_EN, BELOW_ZH, ZH};
use super::fields::phrases::{self, PHRASES};
use crate::scenario::Field;

/// Every word of one language the main wasm draws.
pub struct Words {
    pub text: Text,
    pub page: PageText,
    pub drafts: DraftText,
    /// The names of lenders, methods, proposals and the other kinds.
    pub names: Names,
    /// Each field's label ([`FIELD_WORDS`]' half of this language).
    pub labels: [&'static str; Field::COUNT],
    /// Each field's hint.
    pub hints: [Option<&'static str>; Field::COUNT],
    /// The field contract's sentences (`fields::phrases`).
    pub phrases: [&'static str; PHRASES.len()],
    /// The words below the results ([`Lang::below`]), if they come with
    /// these: the English ones do; the Chinese ones are the `step_below`
    /// chunk's data (only its code reads them), so a first visit, Chinese,
    /// fetches one language's either way and none of them before the page
    /// answers (issue 13).
    pub below: Option<&'static BelowText>,
}

/// This language's half of every field's label, taken at compile time (so
/// only its strings are in the value).
const fn labels(words: [FieldWords; Field::COUNT], lang: usize) -> [&'static str; Field::COUNT] {
    let mut out = [""; Field::COUNT];
    let mut i = 0;
    while i < Field::COUNT {
        out[i] = words[i].label[lang];
        i += 1;
    }
    out
}

const fn hints(words: [FieldWords; Field::COUNT], lang: usize) -> [Option<&'static str>; Field::COUNT] {
    let mut out = [None; Field::COUNT];
    let mut i = 0;
    while i < Field::COUNT {
        out[i] = match words[i].hint {
            Some(h) => Some(h[lang]),
            None => None,
        };
        i += 1;
    }
    out
}

pub const WORDS_ZH: Words = Words {
    text: ZH,
    page: PAGE_ZH,
    drafts: DRAFTS_ZH,
    names: NAMES_ZH,
    labels: labels(FIELD_WORDS, Lang::Zh as usize),
    hints: hints(FIELD_WORDS, Lang::Zh as usize),
    phrases: phrases::column(Lang::Zh as usize),
    below: None,
};

pub const WORDS_EN: Words = Words {
    text: EN,
    page: PAGE_EN,
    drafts: DRAFTS_EN,
    names: NAMES_EN,
    labels: labels(FIELD_WORDS, Lang::En as usize),
    hints: hints(FIELD_WORDS, Lang::En as usize),
    phrases: phrases::column(Lang::En as usize),
    below: Some(&BELOW_EN),
};

impl Lang {
    /// This language's words: on the page, the ones fetched ([`load`];
    /// the page mounts only once its language's are there and switches only
    /// to a language whose words are there).
    pub fn words(self) -> &'static Words {
        of(self)
    }

    pub fn text(self) -> &'static Text {
        &self.words().text
    }

    /// The guided page's words.
    pub fn page(self) -> &'static PageText {
        &self.words().page
    }

    pub fn drafts(self) -> &'static DraftText {
        &self.words().drafts
    }

    /// The words of the sections below the results (read by the
    /// `step_below` chunk's code alone: see [`Words::below`]).
    pub fn below(self) -> &'static BelowText {
        self.words().below.unwrap_or(&BELOW_ZH)
    }
}

#[cfg(all(target_arch = "wasm32", feature = "split"))]
pub use split::load;
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
pub use unsplit::load;

#[cfg(all(target_arch = "wasm32", feature = "split"))]
use split::of;
#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
use unsplit::of;

#[cfg(all(target_arch = "wasm32", feature = "split"))]
mod split {
    use super::{Lang, Words};
    use leptos::wasm_split::SplitLoaderError;
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// Each language's words once fetched (null until then).
    static LOADED: [AtomicPtr<Words>; 2] = [AtomicPtr::new(std::ptr::null_mut()), AtomicPtr::new(std::ptr::null_mut())];

    fn slot(lang: Lang) -> Option<&'static Words> {
        // SAFETY: a slot only ever holds null or a `&'static Words` (set in `load`).
        unsafe { LOADED[lang as usize].load(Ordering::Relaxed).as_ref() }
    }

    /// Whether `lang`'s words are here.
    fn ready(lang: Lang) -> bool {
        slot(lang).is_some()
    }

    /// The words of `lang`, or else the other language's: the page mounts
    /// only with its language's words loaded (`ui::mount`) and switches only
    /// once the other's are, so the fallback is never drawn; it keeps a
    /// call for the other language (a chunk that still holds it) from failing.
    pub(super) fn of(lang: Lang) -> &'static Words {
        match slot(lang).or_else(|| slot(lang.other())) {
            Some(w) => w,
            // Unreachable: nothing draws before `ui::mount` has words.
            None => wasm_bindgen::throw_str("xieshang: no words loaded"),
        }
    }

    /// Fetches `lang`'s words (at once if they are here); `false` if they
    /// could not be fetched (offline before the service worker cached them).
    pub async fn load(lang: Lang) -> bool {
        if !ready(lang) {
            let words = match lang {
                Lang::Zh => words_zh().await,
                Lang::En => words_en().await,
            };
            if let Ok(w) = words {
                LOADED[lang as usize].store((w as *const Words).cast_mut(), Ordering::Relaxed);
            }
        }
        ready(lang)
    }

    #[leptos::wasm_split::wasm_split(words_zh, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn words_zh() -> Result<&'static Words, SplitLoaderError> {
        Ok(&super::WORDS_ZH)
    }

    #[leptos::wasm_split::wasm_split(words_en, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn words_en() -> Result<&'static Words, SplitLoaderError> {
        Ok(&super::WORDS_EN)
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
mod unsplit {
    use super::{Lang, Words, WORDS_EN, WORDS_ZH};

    pub(super) fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Zh => &WORDS_ZH,
            Lang::En => &WORDS_EN,
        }
    }

    pub async fn load(_: Lang) -> bool {
        true
    }
}
