//! Tests of the combined plan.
