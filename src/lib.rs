//! xieshang (协商还款计算器): a private repayment-negotiation calculator.
//!
//! Modules depend one way: `ui` → `scenario`, `i18n`, `input` → `engine`.
//! Everything but `ui` is pure and tested natively.

pub mod engine;
pub mod input;
pub mod scenario;

#[cfg(target_arch = "wasm32")]
pub mod ui;
