//! xieshang (协商还款计算器): a private repayment-negotiation calculator.
//!
//! Modules depend one way (each arrow points to what a module uses): `ui` →
//! `store`, `share`, `letter`, `csv`, `chart`, `form`, `present`, `i18n`;
//! `letter` and `csv` → `i18n` → `form`, `present`, `share`, `ics`; `store`,
//! `share`, `form` and `present` → `scenario` → `versioned`, `input`,
//! `engine`; `chart`, `ics` and `input` → `engine`. Everything but `ui` and the
//! localStorage backend of `store` is pure and tested natively; those two
//! are the only code that touches the browser. The README's architecture
//! table has one line per module.

pub mod chart;
pub mod csv;
pub mod engine;
pub mod form;
pub mod i18n;
pub mod ics;
pub mod input;
pub mod letter;
pub mod present;
pub mod scenario;
pub mod share;
pub mod versioned;

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
