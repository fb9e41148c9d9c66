//! Red-team findings: serve.
