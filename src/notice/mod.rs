//! Reading notices: walk `content/`, split front matter from body, parse into the typed model.

pub mod model;
pub mod parse;
pub mod read;
pub mod split;
pub mod yaml;
