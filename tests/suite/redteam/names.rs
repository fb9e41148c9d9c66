//! Red-team findings: names.
