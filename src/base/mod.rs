//! Small value types that several stages share.

pub mod money;
