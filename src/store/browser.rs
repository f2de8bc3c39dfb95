//! The browser side: `window.localStorage` as a [`Backend`]. Every call
//! looks storage up afresh and turns exceptions (blocked storage, quota
//! exceeded) into [`Fault`]s; nothing here panics.

use super::{Backend, Clock, Fault, MemoryBackend};
use web_sys::js_sys;
use web_sys::wasm_bindgen::{JsCast, JsValue};

/// localStorage through gloo-storage, after a probe: gloo's
/// `LocalStorage::raw()` throws a JS exception (which would kill the page)
/// when storage is blocked, so it is only reached once web-sys has shown
/// that `window.localStorage` answers.
fn storage() -> Result<web_sys::Storage, Fault> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw()),
        _ => Err(Fault::Unavailable),
    }
}

fn fault(e: JsValue) -> Fault {
    let name = js_sys::Reflect::get(&e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => Fault::Full,
        "SecurityError" => Fault::Unavailable,
        _ => Fault::Other(if name.is_empty() { "storage error".into() } else { name }),
    }
}

/// Calls a Storage method with JS values, so strings stay JS strings (a
/// Rust `String` cannot hold a lone surrogate).
fn call(storage: &web_sys::Storage, method: &str, args: &[&JsValue]) -> Result<JsValue, Fault> {
    let f: js_sys::Function = js_sys::Reflect::get(storage, &JsValue::from_str(method))
        .map_err(fault)?
        .dyn_into()
        .map_err(|_| Fault::Other(method.into()))?;
    let args: js_sys::Array = args.iter().copied().collect();
    f.apply(storage, &args).map_err(fault)
}

/// localStorage, looked up on every call.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalBackend;

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        storage()?.get_item(key).map_err(fault)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        storage()?.set_item(key, value).map_err(fault)
    }

    fn remove(&mut self, key: &str) -> Result<(), Fault> {
        storage()?.remove_item(key).map_err(fault)
    }

    fn keys(&self) -> Result<Vec<String>, Fault> {
        let s = storage()?;
        let n = s.length().map_err(fault)?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), Fault> {
        let s = storage()?;
        let value = call(&s, "getItem", &[&JsValue::from_str(from)])?;
        if value.is_null() {
            return Err(Fault::Other("nothing to copy".into()));
        }
        call(&s, "setItem", &[&JsValue::from_str(to), &value]).map(|_| ())
    }

    fn same(&self, a: &str, b: &str) -> Result<bool, Fault> {
        let s = storage()?;
        // `===` on JS strings compares every UTF-16 unit.
        Ok(call(&s, "getItem", &[&JsValue::from_str(a)])? == call(&s, "getItem", &[&JsValue::from_str(b)])?)
    }
}

/// localStorage when the browser allows it; otherwise a map that lives as
/// long as the page (and says it is not persistent).
#[derive(Debug, Clone)]
pub enum AnyBackend {
    Local(LocalBackend),
    Memory(MemoryBackend),
}

impl AnyBackend {
    pub fn detect() -> Self {
        match LocalBackend.keys() {
            Ok(_) => Self::Local(LocalBackend),
            Err(_) => Self::Memory(MemoryBackend::volatile()),
        }
    }
}

impl Backend for AnyBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        match self {
            Self::Local(b) => b.get(key),
            Self::Memory(b) => b.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        match self {
            Self::Local(b) => b.set(key, value),
            Self::Memory(b) => b.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), Fault> {
        match self {
            Self::Local(b) => b.remove(key),
            Self::Memory(b) => b.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, Fault> {
        match self {
            Self::Local(b) => b.keys(),
            Self::Memory(b) => b.keys(),
        }
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<(), Fault> {
        match self {
            Self::Local(b) => b.copy(from, to),
            Self::Memory(b) => b.copy(from, to),
        }
    }
    fn same(&self, a: &str, b: &str) -> Result<bool, Fault> {
        match self {
            Self::Local(x) => x.same(a, b),
            Self::Memory(x) => x.same(a, b),
        }
    }
    fn persistent(&self) -> bool {
        matches!(self, Self::Local(_))
    }
}

/// The browser's clock and random numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> u64 {
        js_sys::Date::now().max(0.0) as u64
    }

    fn salt(&self) -> u32 {
        (js_sys::Math::random() * u32::MAX as f64) as u32
    }
}

/// Local date and time parts of a timestamp: (month, day, hour, minute, is today).
pub fn local_time(ms: u64) -> (u32, u32, u32, u32, bool) {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let now = js_sys::Date::new_0();
    let today = d.get_full_year() == now.get_full_year() && d.get_month() == now.get_month() && d.get_date() == now.get_date();
    (d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes(), today)
}

// Reading stored drafts is the split `read` of the app (feature `split`,
// on by default). tests/wasm_share.rs links this crate into a test binary
// that no post-build hook splits: there a split's loader would stay an
// unresolved import and the test page could not start, so without the
// feature the page reads at once, as native code does (`Reader::NATIVE`).
#[cfg(feature = "split")]
pub use split::{load_reading, reading_ready, READER};
#[cfg(not(feature = "split"))]
pub use unsplit::{load_reading, reading_ready, READER};

#[cfg(feature = "split")]
mod split {
    use crate::store::{Draft, DraftMeta, Reader};
    use leptos::wasm_split::SplitLoaderError;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Whether the chunk that reads stored drafts is loaded.
    static READING: AtomicBool = AtomicBool::new(false);

    /// The page's [`Reader`]: the reading code is the chunk `read` (issue
    /// 13: a first visit has nothing stored to read), fetched by
    /// [`load_reading`]; until it is there each function answers `None`.
    pub const READER: Reader = Reader {
        ready: reading_ready,
        draft: |text| now(read_draft(text.to_owned())),
        index: |text| now(read_index(text.to_owned())),
        salvage: |text| now(read_salvage(text.to_owned())),
    };

    pub fn reading_ready() -> bool {
        READING.load(Ordering::Relaxed)
    }

    /// Fetches the reading chunk (at once if it is there); `false` if it
    /// could not be fetched (offline before the service worker cached it).
    /// Each split function has a loader of its own: each learns that the
    /// chunk is there, so each is ready at its first poll.
    pub async fn load_reading() -> bool {
        if !reading_ready() && load_read().await.is_ok() && load_read_index().await.is_ok() && load_read_salvage().await.is_ok() {
            READING.store(true, Ordering::Relaxed);
        }
        reading_ready()
    }

    /// A split function's result, if its chunk is loaded (its call is then
    /// ready at the first poll).
    fn now<T>(call: impl std::future::Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
        use std::task::{Context, Poll, Waker};
        if !reading_ready() {
            return None;
        }
        match std::pin::pin!(call).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(value)) => Some(value),
            _ => None,
        }
    }

    #[leptos::wasm_split::wasm_split(read, wasm_split_path = ::leptos::wasm_split, preload(load_read), fallible)]
    fn read_draft(text: String) -> Result<Draft, SplitLoaderError> {
        Ok(crate::store::read_draft(&text))
    }

    #[leptos::wasm_split::wasm_split(read, wasm_split_path = ::leptos::wasm_split, preload(load_read_index), fallible)]
    fn read_index(text: String) -> Result<Result<Vec<DraftMeta>, crate::versioned::ReadError>, SplitLoaderError> {
        Ok(crate::store::parse_index(&text))
    }

    #[leptos::wasm_split::wasm_split(read, wasm_split_path = ::leptos::wasm_split, preload(load_read_salvage), fallible)]
    fn read_salvage(text: String) -> Result<Vec<(String, String)>, SplitLoaderError> {
        Ok(crate::store::salvage_names(&text))
    }
}

#[cfg(not(feature = "split"))]
mod unsplit {
    use crate::store::Reader;

    pub const READER: Reader = Reader::NATIVE;

    pub fn reading_ready() -> bool {
        true
    }

    pub async fn load_reading() -> bool {
        true
    }
}
