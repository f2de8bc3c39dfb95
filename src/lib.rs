//! xieshang (协商还款计算器): a private repayment-negotiation calculator.
//!
//! Modules depend one way: `ui` → `store`, `scenario`, `i18n`, `input` →
//! `engine`. Everything but `ui` and `store` is pure and tested natively;
//! those two are the only code that touches the browser.

pub mod chart;
pub mod csv;
pub mod engine;
pub mod i18n;
pub mod input;
pub mod letter;
pub mod scenario;

#[cfg(target_arch = "wasm32")]
pub mod bench;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
