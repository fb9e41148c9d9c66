//! The conductor: load every notice, check, schedule, render.
