//! Word tokens with byte spans, the unit of every extraction rule.

use cadre_text::chars::{is_alphanumeric, push_lowercase};

/// A token: a run of letters and digits, or one punctuation character.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset in the article text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// Folded form (lower case, tone placement unified) for lexicon look-ups.
    pub key: String,
    /// A word (letters or digits) rather than punctuation.
    pub is_word: bool,
    /// Starts with an upper-case letter.
    pub is_capitalised: bool,
}

/// Lexicon tables match tokens by their folded key.
impl AsRef<str> for Token {
    fn as_ref(&self) -> &str {
        &self.key
    }
}

/// Tokenises `text[start..end]` of a normalised text, keeping offsets relative to the
/// whole text.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let slice = &text[start..end];
    let mut word_start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_alphanumeric(c) {
            word_start.get_or_insert(i);
            continue;
        }
        // An apostrophe between letters is part of the word ("K'đăm", "Ê'Đê").
        let inner_apostrophe = matches!(c, '\'' | '’')
            && word_start.is_some()
            && chars.peek().is_some_and(|&(_, n)| is_alphanumeric(n));
        if inner_apostrophe {
            continue;
        }
        if let Some(ws) = word_start.take() {
            out.push(word(text, start + ws, start + i));
        }
        if !c.is_whitespace() {
            let s = start + i;
            out.push(Token {
                start: s,
                end: s + c.len_utf8(),
                key: c.to_string(),
                is_word: false,
                is_capitalised: false,
            });
        }
    }
    if let Some(ws) = word_start {
        out.push(word(text, start + ws, end));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Token {
    let s = &text[start..end];
    // `fold_normalized` of a word: it holds no whitespace, so only its lower case.
    let mut key = String::with_capacity(s.len());
    for c in s.chars() {
        push_lowercase(&mut key, c);
    }
    Token {
        start,
        end,
        key,
        is_word: true,
        is_capitalised: s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Writes into `out` the folded text (`cadre_text::fold_normalized`) that `toks`,
/// consecutive tokens of one sentence, cover, without slicing and folding the text
/// again: only whitespace lies between tokens, so each gap is one space.
pub fn fold_tokens(toks: &[Token], out: &mut String) {
    out.clear();
    let mut previous_end = None;
    for t in toks {
        if previous_end.is_some_and(|end| end < t.start) {
            out.push(' ');
        }
        if t.is_word {
            out.push_str(&t.key);
        } else {
            for c in t.key.chars() {
                push_lowercase(out, c);
            }
        }
        previous_end = Some(t.end);
    }
}

/// Whether only spaces separate two tokens (no punctuation); one line break counts as
/// a space, since a sentence only spans the breaks of a hard-wrapped paragraph.
pub fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    gap.chars().all(|c| matches!(c, ' ' | '\n' | '\r')) && gap.matches('\n').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punctuation() {
        let t = cadre_text::normalize_text("Đồng chí Lê Tiến Nhật - Thành uỷ viên, Bí thư");
        let toks = tokenize(&t, 0, t.len());
        let keys: Vec<_> = toks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "đồng", "chí", "lê", "tiến", "nhật", "-", "thành", "ủy", "viên", ",", "bí", "thư"
            ]
        );
        assert!(toks[2].is_capitalised && !toks[1].is_capitalised);
        assert_eq!(&t[toks[4].start..toks[4].end], "Nhật");
    }

    #[test]
    fn folded_tokens_are_the_folded_text() {
        let t = cadre_text::normalize_text(
            "Ông Y Thanh Hà Niê K'đăm  (TP.HCM) -\nBÀ RỊA – Vũng Tàu, Quận 8 ΣΑ İx ⅫIV",
        );
        let toks = tokenize(&t, 0, t.len());
        let mut out = String::new();
        for i in 0..toks.len() {
            for j in i + 1..=toks.len() {
                fold_tokens(&toks[i..j], &mut out);
                let span = &t[toks[i].start..toks[j - 1].end];
                assert_eq!(out, cadre_text::fold_normalized(span), "{span:?}");
            }
        }
    }
}
