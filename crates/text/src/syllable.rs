//! Whether a written word can be one Vietnamese syllable, from the phonotactics in
//! `data/text/syllables.tsv`: an onset, a rhyme, at most one tone mark, and the tone
//! and spelling rules between them. Used to tell a word from a fragment of one that a
//! stray space cut off ("Thà nh ủy").

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// Onsets and rhymes, without tone marks.
struct Phonotactics {
    onsets: Vec<String>,
    rhymes: HashSet<String>,
}

fn phonotactics() -> &'static Phonotactics {
    static TABLES: OnceLock<Phonotactics> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut onsets = Vec::new();
        let mut rhymes = HashSet::new();
        for line in include_str!("../../../data/text/syllables.tsv").lines() {
            let Some((kind, spellings)) = line.split_once('\t') else {
                continue;
            };
            match kind {
                "onset" => onsets.push(spellings.trim().to_string()),
                "rhyme" => rhymes.extend(spellings.split_whitespace().map(str::to_string)),
                _ => {}
            }
        }
        Phonotactics { onsets, rhymes }
    })
}

/// The tone marks (combining, as in NFD): grave, acute, tilde, hook above, dot below.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A word without its tone mark (lower case, NFC, vowel marks kept) and its tone
/// (`None` for the level tone); `None` when it has two tone marks or a letter that
/// is not Vietnamese.
fn split_tone(word: &str) -> Option<(String, Option<char>)> {
    let mut base = String::with_capacity(word.len());
    let mut tone = None;
    for c in word.to_lowercase().nfd() {
        if TONES.contains(&c) {
            if tone.replace(c).is_some() {
                return None;
            }
        } else if c.is_ascii_lowercase() || matches!(c, 'đ' | '\u{302}' | '\u{306}' | '\u{31B}') {
            base.push(c);
        } else {
            return None;
        }
    }
    Some((base.nfc().collect(), tone))
}

/// How many words [`is_syllable`] remembers per thread before it starts afresh: a
/// language has a few thousand syllables, and the bound keeps foreign words and
/// noise from growing the memo without end.
const MEMO_WORDS: usize = 1 << 16;

thread_local! {
    /// The answers of [`is_syllable`] so far on this thread: the repair asks about
    /// every word of every article, and articles repeat their words.
    static MEMO: RefCell<FxHashMap<Box<str>, bool>> = RefCell::new(FxHashMap::default());
}

/// Whether `word` (letters only, any case) is spelt as one Vietnamese syllable:
/// "thành", "Chủ", "nghiêng", "quốc", "gì" are; "nh", "ch", "Huyệ", "tịt" with a
/// grave tone, "ci", "kha" are not. Answers are remembered per thread.
pub fn is_syllable(word: &str) -> bool {
    MEMO.with_borrow_mut(|memo| {
        if let Some(&known) = memo.get(word) {
            return known;
        }
        let answer = spelt_as_syllable(word);
        if memo.len() >= MEMO_WORDS {
            memo.clear();
        }
        memo.insert(word.into(), answer);
        answer
    })
}

/// [`is_syllable`] without the memo: the onset, rhyme and tone rules.
fn spelt_as_syllable(word: &str) -> bool {
    let Some((base, tone)) = split_tone(word) else {
        return false;
    };
    let p = phonotactics();
    let with_onset = p
        .onsets
        .iter()
        .filter_map(|o| Some((o.as_str(), base.strip_prefix(o.as_str())?)));
    std::iter::once(("", base.as_str()))
        .chain(with_onset)
        .any(|(onset, rhyme)| rhyme_fits(p, onset, rhyme, tone))
}

/// Whether `rhyme` is a rhyme that may follow `onset` and carry `tone`.
fn rhyme_fits(p: &Phonotactics, onset: &str, rhyme: &str, tone: Option<char>) -> bool {
    // "qu" spells the onset with its glide: "quynh" is q + uynh, "quốc" qu + ôc.
    let known =
        p.rhymes.contains(rhyme) || (onset == "qu" && p.rhymes.contains(&format!("u{rhyme}")));
    if !known {
        return false;
    }
    let front = rhyme.starts_with(['i', 'e', 'ê', 'y']);
    let spelling = match onset {
        "c" | "ng" => !front,
        "g" => !rhyme.starts_with(['e', 'ê', 'y']),
        "k" | "gh" | "ngh" => front,
        _ => true,
    };
    // A stop ending takes only the acute or the dot-below tone.
    let stop = rhyme.ends_with(['c', 'p', 't']) || rhyme.ends_with("ch");
    let tone_fits = !stop || matches!(tone, Some('\u{301}' | '\u{323}'));
    spelling && tone_fits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_syllables() {
        for w in [
            "Thành", "ủy", "Chủ", "tịch", "nghiêng", "quốc", "Quỳnh", "gì", "giữ", "khuya",
            "Nguyễn", "HUYỆN", "ĐẢNG", "kỳ", "thuở", "xoong", "a", "y", "yêu", "khuếch",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn fragments_are_not() {
        for w in [
            "nh", "ch", "Th", "Huyệ", "Nguyê", "tìt", "ci", "ka", "ngê", "ghô", "UBND", "Covid",
            "hoàan", "áà", "x2",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn remembered_answers_are_the_rules_answers() {
        let words = ["Thành", "nh", "THÀ", "NH", "thà", "Huyệ", "quốc", "Covid"];
        let first: Vec<bool> = words.iter().map(|w| is_syllable(w)).collect();
        let again: Vec<bool> = words.iter().map(|w| is_syllable(w)).collect();
        let rules: Vec<bool> = words.iter().map(|w| spelt_as_syllable(w)).collect();
        assert_eq!(
            first,
            vec![true, false, true, false, true, false, true, false]
        );
        assert_eq!(again, first);
        assert_eq!(rules, first);
    }
}
