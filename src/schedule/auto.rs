//! The automatic scheduler (`timetable: auto`).
