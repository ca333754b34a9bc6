//! Sentence splitting: every line is a unit, and inside a line a sentence ends at
//! ".", "!" or "?" followed by a space and an upper-case letter, a quote or a digit.
//! A hard-wrapped line (one that stops mid-sentence: on a word, with the next line
//! going on in lower case, or on a comma, or on the first word of a name) is joined
//! to the next.

/// Byte spans of the sentences of `text`, trimmed, in order, never empty.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    split_sentences_with(text, |_| false)
}

/// [`split_sentences`], where a line that ends on a capitalised word for which
/// `opens_name` holds (a family name: "… đ/c Nguyễn" then "Văn Hán, …") goes on into
/// the next line when that line starts with a capital: a name broken by a hard wrap.
pub fn split_sentences_with(text: &str, opens_name: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (unit_start, unit) in units(text, &opens_name) {
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
fn units<'t>(text: &'t str, opens_name: &impl Fn(&str) -> bool) -> Vec<(usize, &'t str)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    let mut before = "";
    for line in text.split_inclusive('\n') {
        let end = line_start + line.len();
        match out.last_mut() {
            Some(last) if continues(before, line, opens_name) => last.1 = end,
            _ => out.push((line_start, end)),
        }
        before = line;
        line_start = end;
    }
    out.into_iter().map(|(s, e)| (s, &text[s..e])).collect()
}

/// Whether `line` goes on with the sentence of the line `before` it: that line stops
/// mid-sentence (on a word, or on a comma) and this one starts right at the margin,
/// in lower case after a word, with any text after a comma, in upper case after a
/// capitalised word that opens a name (`opens_name`).
fn continues(before: &str, line: &str, opens_name: &impl Fn(&str) -> bool) -> bool {
    let before = before.trim_end();
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    let Some(first) = line.chars().next() else {
        return false;
    };
    match last {
        ',' => first.is_alphanumeric(),
        c if c.is_alphanumeric() && first.is_lowercase() => true,
        // The word opens the name only after a word that is not part of it: "đ/c
        // Nguyễn", not the "Nông" of "tỉnh Đắk Nông".
        c if c.is_alphanumeric() && first.is_uppercase() => {
            let mut words = before.rsplit(char::is_whitespace);
            let (word, previous) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            // Written as a name: a capital, then lower case (not the "VI" of "lần thứ VI").
            let title_case = capital(word) && word.chars().skip(1).all(char::is_lowercase);
            title_case && !previous.is_empty() && !capital(previous) && opens_name(word)
        }
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
    fn a_name_broken_by_a_hard_wrap_is_joined() {
        let t = "Dự có đ/c Trần\nVăn Bình, Phó Bí thư.\nTỉnh ủy Hà Trần\nHọp lần thứ VI\nNgày 5/10, họp.";
        let family = |w: &str| w == "Trần" || w == "VI";
        let spans: Vec<&str> = split_sentences_with(t, family)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(
            spans,
            [
                "Dự có đ/c Trần\nVăn Bình, Phó Bí thư.",
                "Tỉnh ủy Hà Trần",
                "Họp lần thứ VI",
                "Ngày 5/10, họp."
            ]
        );
        // Without the name test, the capital starts a new line's sentence.
        assert_eq!(texts(t).len(), 5);
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
