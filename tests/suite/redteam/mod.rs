//! The red-team suite: each finding of a hostile or careless use becomes a test that keeps it
//! fixed. One file an area: the output folder, the preview server, hostile input, names and scale.

mod input;
mod names;
mod output;
mod serve;
