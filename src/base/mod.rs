//! The bottom layer: dates, clock times, money and names as every stage reads and writes them. It depends
//! on no stage, and every stage may use it.

pub mod dates;
pub mod money;
pub mod slug;
pub mod spans;
pub mod time;
