//! Sentence splitting: every line is a unit, and inside a line a sentence ends at
//! ".", "!" or "?" followed by a space and an upper-case letter, a quote or a digit.
//! A hard-wrapped line (one that stops mid-sentence: on a word, with the next line
//! going on in lower case, or on a comma) is joined to the next.

/// Byte spans of the sentences of `text`, trimmed, in order, never empty.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (unit_start, unit) in units(text) {
        let mut start = unit_start;
        for (i, c) in unit.char_indices() {
            if matches!(c, '.' | '!' | '?') {
                let rest = &unit[i + c.len_utf8()..];
                let after_space = rest.trim_start_matches(' ');
                let spaced = after_space.len() < rest.len();
                let next = after_space.chars().next();
                let starts_sentence =
                    next.is_some_and(|n| n.is_uppercase() || n == '"' || n == '“');
                if spaced && starts_sentence && !is_abbreviation(&unit[..i]) {
                    push_trimmed(&mut spans, text, start, unit_start + i + c.len_utf8());
                    start = unit_start + i + c.len_utf8();
                }
            }
        }
        push_trimmed(&mut spans, text, start, unit_start + unit.len());
    }
    spans
}

/// Lines, with hard-wrapped ones joined to the line they continue on: (byte offset,
/// text including the line breaks inside it).
fn units(text: &str) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    let mut before = "";
    for line in text.split_inclusive('\n') {
        let end = line_start + line.len();
        match out.last_mut() {
            Some(last) if continues(before, line) => last.1 = end,
            _ => out.push((line_start, end)),
        }
        before = line;
        line_start = end;
    }
    out.into_iter().map(|(s, e)| (s, &text[s..e])).collect()
}

/// Whether `line` goes on with the sentence of the line `before` it: that line stops
/// mid-sentence (on a word, or on a comma) and this one starts right at the margin,
/// in lower case after a word, with any text after a comma.
fn continues(before: &str, line: &str) -> bool {
    let Some(last) = before.trim_end().chars().next_back() else {
        return false;
    };
    let Some(first) = line.chars().next() else {
        return false;
    };
    match last {
        ',' => first.is_alphanumeric(),
        c if c.is_alphanumeric() => first.is_lowercase(),
        _ => false,
    }
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
    fn hard_wrapped_lines_are_joined() {
        let t = "Dự có đồng\nchí Lê Văn An, Bí thư Huyện\nủy, Chủ tịch HĐND huyện,\nTrưởng ban.\nTiêu đề\nNgày 5/10, họp.";
        assert_eq!(
            texts(t),
            vec![
                "Dự có đồng\nchí Lê Văn An, Bí thư Huyện\nủy, Chủ tịch HĐND huyện,\nTrưởng ban.",
                "Tiêu đề",
                "Ngày 5/10, họp."
            ]
        );
        assert_eq!(texts("Tiêu đề\n\nnội dung"), vec!["Tiêu đề", "nội dung"]);
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
