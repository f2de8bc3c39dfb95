//! A measurement hook: `window.wasmBindings.bench_evaluate` times
//! `Scenario::evaluate` inside the real page, in the real browser, so the
//! performance figures in the README come from the code users run. Compiled
//! only with the `bench` feature, into the bundle `tests/bench-browser.mjs`
//! builds for itself; `dist/` never ships it (about 1.5 KB of wasm and JS glue).
//! It reads nothing and stores nothing.

use crate::scenario::Scenario;
use wasm_bindgen::prelude::*;

/// Evaluates `scenario_json` `runs` times; returns each run's milliseconds.
#[wasm_bindgen]
pub fn bench_evaluate(scenario_json: &str, runs: u32) -> Result<Vec<f64>, JsValue> {
    let scenario = Scenario::from_json(scenario_json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no performance clock"))?;
    let mut times = Vec::with_capacity(runs as usize);
    for _ in 0..runs.clamp(1, 10_000) {
        let start = performance.now();
        let evaluation = scenario.evaluate();
        // Keep the optimiser from dropping the work.
        if evaluation.loans.is_empty() && !scenario.loans.is_empty() {
            return Err(JsValue::from_str("empty evaluation"));
        }
        times.push(performance.now() - start);
    }
    Ok(times)
}
