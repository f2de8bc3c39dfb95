//! What goes into a link: by default only the numbers (loans, budget,
//! forecast, asks). Each kind of personal data has its own checkbox, off by
//! default.
//!
//! Which fields are personal is the field contract's `personal` flag, one
//! place ([`crate::scenario::field`]); [`Personal::of`] puts each in a
//! checkbox — its own for the phone, contract numbers, the hardship story
//! and the contact log, "names" for every other (the borrower's and the
//! loans' names, the city, and any personal field added later, which is
//! thus left out of a link until that box is ticked). The filter clears
//! those fields in a copy of the scenario through the field contract's own
//! setters, and the link holds that copy's JSON: no second serialiser (a
//! `serde_json::Value` filtered by path cost 2 KB of wasm). A test walks a
//! fully filled scenario and fails on any free-text field that no checkbox
//! covers.

use crate::scenario::field::{Each, Value};
use crate::scenario::{Field, Scenario};

/// One kind of personal data, with its own checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Personal {
    /// The labels of loans ("网商贷 2023") and the borrower's name.
    Names,
    Phone,
    ContractNumbers,
    /// The hardship story (illness, job loss…).
    Hardship,
    /// Dated notes of every call and message with lenders.
    ContactLog,
}

impl Personal {
    /// In the order the dialog lists them.
    pub const ALL: [Personal; 5] = [Self::Names, Self::Phone, Self::ContractNumbers, Self::Hardship, Self::ContactLog];

    /// The checkbox that covers a personal field (see the module docs).
    pub fn of(field: Field) -> Self {
        match field {
            Field::ProfilePhone => Self::Phone,
            Field::ContractNo => Self::ContractNumbers,
            Field::HardshipDetails => Self::Hardship,
            f if f == Field::ContactLog || f.spec().each == Each::Contact => Self::ContactLog,
            _ => Self::Names,
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Which kinds of personal data a link includes. The default includes none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection(u8);

impl Selection {
    /// Only the numbers: what a link holds unless the user ticks more.
    pub const NUMBERS_ONLY: Selection = Selection(0);

    pub fn everything() -> Self {
        Personal::ALL.iter().fold(Self::NUMBERS_ONLY, |s, &p| s.with(p, true))
    }

    pub fn includes(self, p: Personal) -> bool {
        self.0 & p.bit() != 0
    }

    /// This selection with `p` ticked (`true`) or not.
    #[must_use]
    pub fn with(self, p: Personal, included: bool) -> Self {
        Self(if included { self.0 | p.bit() } else { self.0 & !p.bit() })
    }

    /// Clears in `s` every personal field of a kind not included: free
    /// text becomes empty (which the JSON leaves out), the contact log goes
    /// whole.
    pub fn apply(self, s: &mut Scenario) {
        for field in Field::ALL.into_iter().filter(|&f| f.is_personal() && !self.includes(Personal::of(f))) {
            if field == Field::ContactLog {
                s.contact_log.clear();
                continue;
            }
            let places: Vec<_> = field.places(s).collect();
            places.into_iter().for_each(|at| at.set(s, Value::Text(String::new())));
        }
    }
}
