//! Measurement hooks, compiled only with the `bench` feature into the
//! bundle `tests/bench-browser.mjs` builds for itself; `dist/` never ships
//! them (about 2 KB of wasm and JS glue). They read nothing and store nothing.
//!
//! * `window.wasmBindings.bench_evaluate` times what the page evaluates on
//!   every change, `Evaluation::analysed_on` (the evaluation without the
//!   road and the kit, which their sections compute only while open),
//!   inside the real page, in the real browser, so the performance figures
//!   in the README come from the code users run; `bench_evaluate_full`
//!   times the whole `Evaluation::on` (what `examples/evaluate` prints).
//! * `window.wasmBindings.bench_heap` says how many bytes the Rust heap holds
//!   live, how many allocations, and the most it ever held: a counting
//!   wrapper around the system allocator (dlmalloc in wasm). Wasm memory
//!   only grows; these tell a leak (live bytes grow) from a heap that grew
//!   once to a peak and is reused (live bytes flat).

use crate::scenario::{Evaluation, Scenario};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use wasm_bindgen::prelude::*;

/// Evaluates `scenario_json` `runs` times as the page does on a change;
/// returns each run's milliseconds.
#[wasm_bindgen]
pub fn bench_evaluate(scenario_json: &str, runs: u32) -> Result<Vec<f64>, JsValue> {
    time_runs(scenario_json, runs, |s| Evaluation::analysed_on(s, None).0)
}

/// Evaluates `scenario_json` `runs` times with every figure, the road and
/// the kit included; returns each run's milliseconds.
#[wasm_bindgen]
pub fn bench_evaluate_full(scenario_json: &str, runs: u32) -> Result<Vec<f64>, JsValue> {
    time_runs(scenario_json, runs, |s| Evaluation::on(s, None))
}

fn time_runs(scenario_json: &str, runs: u32, evaluate: fn(&Scenario) -> Evaluation) -> Result<Vec<f64>, JsValue> {
    let scenario = Scenario::from_json(scenario_json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no performance clock"))?;
    let mut times = Vec::with_capacity(runs as usize);
    for _ in 0..runs.clamp(1, 10_000) {
        let start = performance.now();
        let evaluation = evaluate(&scenario);
        // Keep the optimiser from dropping the work.
        if evaluation.loans.is_empty() && !scenario.loans.is_empty() {
            return Err(JsValue::from_str("empty evaluation"));
        }
        times.push(performance.now() - start);
    }
    Ok(times)
}

/// [live bytes, live allocations, peak live bytes] of the Rust heap.
#[wasm_bindgen]
pub fn bench_heap() -> Vec<f64> {
    [LIVE_BYTES.load(Relaxed), LIVE_BLOCKS.load(Relaxed), PEAK_BYTES.load(Relaxed)].map(|n| n as f64).to_vec()
}

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE_BLOCKS: AtomicUsize = AtomicUsize::new(0);
static PEAK_BYTES: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting.
struct Counting;

#[global_allocator]
static COUNTING: Counting = Counting;

fn grew(bytes: usize) {
    let live = LIVE_BYTES.fetch_add(bytes, Relaxed) + bytes;
    PEAK_BYTES.fetch_max(live, Relaxed);
}

fn shrank(bytes: usize) {
    LIVE_BYTES.fetch_sub(bytes, Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; only counters change.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
            LIVE_BLOCKS.fetch_add(1, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
        LIVE_BLOCKS.fetch_sub(1, Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        p
    }
}
