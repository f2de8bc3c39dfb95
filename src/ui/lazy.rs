//! Sections fetched on first open (issue 13: first load ≤ 150 KB brotli).
//!
//! A section's body is a function marked `#[wasm_split(name, …, fallible)]`:
//! the release and debug builds cut everything only it reaches out of the
//! main wasm into a chunk of its own (`.ci/wasm-split.mjs`, run by the
//! post-build hook), fetched the first time the section is opened. Until it
//! arrives the section says so; if it cannot be fetched (offline before the
//! service worker cached it) it says that and offers to try again — never a
//! panic. Once fetched, a chunk stays: later opens build at once.
//!
//! [`lazy`] takes the split's `preload` function (fetch only) and its body
//! (fetch, then build): see `kit::KitSection` for the pattern.
//!
//! A chunk never calls another split directly: a split's body is an export,
//! kept in every binary that links the library, and a loader called from it
//! would leave the wasm tests an import nothing resolves (they could not
//! start). The main wasm hands such a call over as a plain function in
//! context instead (`road::plan::Calendar`; generally [`hand`] and
//! [`handed`]: a schedule opened in a proposal card, which is chunk code).

use crate::i18n::Lang;
use crate::ui::widgets::say;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

/// A split function's result: its view, or why its chunk did not come.
pub type Chunk = Result<AnyView, SplitLoaderError>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fetch {
    Loading,
    Ready,
    Failed,
}

/// `fut`'s value if it is ready at its first poll (a loaded chunk's
/// functions are), else `Err(fut)` to be awaited.
fn poll_once<F: Future + Unpin>(mut fut: F) -> Result<F::Output, F> {
    match Pin::new(&mut fut).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Ok(out),
        Poll::Pending => Err(fut),
    }
}

/// The body of a lazily fetched section: `preload` fetches its chunk,
/// `body` builds it (in the reactive owner of this component, like any
/// child). Shows a short status while fetching, and a message with a retry
/// button if the fetch failed. Generic only to box its two functions: the
/// status, the retry and the build are one copy for every section (issue
/// 13: they were one copy per section).
pub fn lazy<P, PF, B, BF>(preload: P, body: B) -> impl IntoView
where
    P: Fn() -> PF + Copy + Send + Sync + 'static,
    PF: Future<Output = Result<(), SplitLoaderError>> + 'static,
    B: Fn() -> BF + Copy + Send + Sync + 'static,
    BF: Future<Output = Chunk> + 'static,
{
    boxed(Arc::new(move || Box::pin(preload()) as Fetching<_>), Arc::new(move || Box::pin(body()) as Fetching<_>))
}

/// A split function's future, boxed.
type Fetching<T> = Pin<Box<dyn Future<Output = T>>>;

/// A boxed function starting a fetch.
type Start<T> = Arc<dyn Fn() -> Fetching<T> + Send + Sync>;

fn boxed(preload: Start<Result<(), SplitLoaderError>>, body: Start<Chunk>) -> impl IntoView {
    let state = RwSignal::new(Fetch::Loading);
    let fetch: Arc<dyn Fn() + Send + Sync> = Arc::new(move || match poll_once(preload()) {
        Ok(done) => state.set(if done.is_ok() { Fetch::Ready } else { Fetch::Failed }),
        Err(pending) => {
            state.set(Fetch::Loading);
            leptos::task::spawn_local(async move {
                let done = pending.await;
                state.set(if done.is_ok() { Fetch::Ready } else { Fetch::Failed });
            });
        }
    });
    fetch();
    // One status element for "loading" and "failed" (its role, test id and
    // words follow the state; the retry button only when failed): one erased
    // view type where there were two (issue 13: each `AnyView` type is code
    // of its own). Still an `AnyView` (the body is one): an `Either` of the
    // status and the body was a render effect state type of its own, +4.3 KB
    // raw in the main wasm.
    move || match state.get() {
        // Loaded, so the body's own fetch is ready at once.
        Fetch::Ready => poll_once(body()).ok().and_then(Result::ok).unwrap_or_else(|| status(true, fetch.clone())),
        now => status(now == Fetch::Failed, fetch.clone()),
    }
}

/// A lazily loaded part that chunk code mounts: the main wasm's function
/// that calls its loader, in context (keyed by the part's arguments `A`).
pub struct Handed<A: 'static>(fn(A) -> AnyView);

impl<A> Clone for Handed<A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<A> Copy for Handed<A> {}

/// Fetches a section's words (one chunk per language, the kit's and the
/// road's) into `words`, kept as they are if the fetch fails: the section
/// stays in the language it was in.
pub fn fetch_words<T: Sync + 'static>(words: RwSignal<Option<&'static T>>, fetch: impl Future<Output = Result<&'static T, SplitLoaderError>> + 'static) {
    leptos::task::spawn_local(async move {
        if let Ok(w) = fetch.await {
            words.set(Some(w));
        }
    });
}

/// Hands `mount` to chunk code. Called by the main wasm (`ui::App`), so
/// only the main wasm reaches the loader `mount` calls.
pub fn hand<A: 'static>(mount: fn(A) -> AnyView) {
    provide_context(Handed(mount));
}

/// The part that was handed over for `A`, mounted with `args` (the failure
/// message if none was: a page that forgot to [`hand`] it).
pub fn handed<A: 'static>(args: A) -> AnyView {
    match use_context::<Handed<A>>() {
        Some(Handed(mount)) => mount(args),
        None => status(true, Arc::new(|| ())),
    }
}

/// The section's status: its chunk is on its way (`role="status"`), or it
/// did not come (`role="alert"`, with a button to try again).
fn status(failed: bool, retry: Arc<dyn Fn() + Send + Sync>) -> AnyView {
    let words: fn(Lang) -> &'static str = if failed { |l| l.page().lazy_failed } else { |l| l.page().lazy_loading };
    view! {
        <div
            class="lazy-status"
            role=if failed { "alert" } else { "status" }
            data-testid=if failed { "lazy-failed" } else { "lazy-loading" }
        >
            <p>{say(words)}</p>
            {failed.then(|| view! { <button type="button" on:click=move |_| retry()>{say(|l| l.page().lazy_retry)}</button> })}
        </div>
    }
    .into_any()
}
