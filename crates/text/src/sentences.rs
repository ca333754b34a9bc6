//! Sentence splitting: every line is a unit, and inside a line a sentence ends at
//! ".", "!" or "?" followed by a space and an upper-case letter, a quote or a digit.

/// Byte spans of the sentences of `text`, trimmed, in order, never empty.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut start = line_start;
        let bytes = line.as_bytes();
        for (i, c) in line.char_indices() {
            if matches!(c, '.' | '!' | '?') {
                let rest = &line[i + c.len_utf8()..];
                let after_space = rest.trim_start_matches(' ');
                let spaced = after_space.len() < rest.len();
                let next = after_space.chars().next();
                let starts_sentence =
                    next.is_some_and(|n| n.is_uppercase() || n == '"' || n == '“');
                if spaced && starts_sentence && !is_abbreviation(&line[..i]) {
                    push_trimmed(&mut spans, text, start, line_start + i + c.len_utf8());
                    start = line_start + i + c.len_utf8();
                }
            }
        }
        push_trimmed(&mut spans, text, start, line_start + bytes.len());
        line_start += bytes.len();
    }
    spans
}

/// Whether the text before a full stop ends with an abbreviation ("TP.", "Th.S").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    matches!(
        word,
        "TP" | "Tp" | "tp" | "ThS" | "TS" | "PGS" | "GS" | "Th.S" | "St"
    )
}

fn push_trimmed(spans: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        spans.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn lines_and_full_stops() {
        let t = "Tiêu đề\n\nNgày 5/10, Huyện ủy họp. Đồng chí A dự.\nHết";
        assert_eq!(
            texts(t),
            vec![
                "Tiêu đề",
                "Ngày 5/10, Huyện ủy họp.",
                "Đồng chí A dự.",
                "Hết"
            ]
        );
    }

    #[test]
    fn abbreviations_and_numbers_do_not_split() {
        let t = "Thành ủy TP. Hồ Chí Minh đạt 8.155 tỷ đồng. Xong.";
        assert_eq!(
            texts(t),
            vec!["Thành ủy TP. Hồ Chí Minh đạt 8.155 tỷ đồng.", "Xong."]
        );
    }
}
