//! Red-team findings: input.
