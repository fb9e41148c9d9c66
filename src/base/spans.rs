//! Spans (start, end) of anything ordered: byte ranges, clock times.

/// The spans sorted, those that overlap or touch joined into one.
pub fn merged<T: Ord + Copy>(mut spans: Vec<(T, T)>) -> Vec<(T, T)> {
    spans.sort_unstable();
    let mut out: Vec<(T, T)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn overlapping_and_touching_spans_are_joined() {
        assert_eq!(super::merged(vec![(5, 7), (1, 3), (3, 4), (6, 9), (11, 12)]), vec![(1, 4), (5, 9), (11, 12)]);
    }
}
