//! Red-team findings: output.
