//! Unicode normalisation for Vietnamese text.
//!
//! Articles mix NFC and NFD, old ("uỷ", "hoà") and new ("ủy", "hòa") tone-mark
//! placement, non-breaking spaces and zero-width characters. [`normalize_text`] makes a
//! text canonical for extraction while keeping its meaning; [`fold_key`] makes a
//! comparison key (case-folded, tone placement unified) for lexicon look-ups.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::chars::is_alphabetic;
use crate::syllable::is_syllable;

/// Old-style tone placement on the glide (`uỷ`, `hoà`) and the new-style equivalent
/// (`ủy`, `hòa`). Party texts use the new style, so keys are folded towards it.
pub const TONE_MOVES: [(&str, &str); 15] = [
    ("uỷ", "ủy"),
    ("uý", "úy"),
    ("uỳ", "ùy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
];

/// Canonical text for extraction: NFC, tone marks in the new placement (case kept),
/// non-breaking and exotic spaces turned into plain spaces, zero-width characters and
/// carriage returns removed.
pub fn normalize_text(input: &str) -> String {
    // Characters are removed or replaced before composing, so that a combining mark
    // behind a removed one still composes with its letter.
    // Runs of characters kept as they are are copied whole.
    let mut cleaned = String::with_capacity(input.len());
    let mut copied = 0;
    for (i, &byte) in input.as_bytes().iter().enumerate() {
        // Every character replaced below starts with one of these bytes, which never
        // continue a character: the others need no decoding.
        if !matches!(byte, b'\r' | b'\t' | 0xC2 | 0xE2 | 0xE3 | 0xEF) {
            continue;
        }
        let Some(c) = input[i..].chars().next() else {
            continue;
        };
        let replacement = match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' | '\r' => "",
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
            '\t' => " ",
            _ => continue,
        };
        cleaned.push_str(&input[copied..i]);
        cleaned.push_str(replacement);
        copied = i + c.len_utf8();
    }
    cleaned.push_str(&input[copied..]);
    // Most articles are NFC already: the quick check proves it without composing, and
    // for text of precomposed Latin letters alone it needs no table at all.
    let nfc = if cleaned.chars().all(composed_latin)
        || is_nfc_quick(cleaned.chars()) == IsNormalized::Yes
    {
        cleaned
    } else {
        cleaned.chars().nfc().collect()
    };
    move_tones(&nfc)
}

/// Whether `c` is a character that is NFC wherever it stands, with no combining class:
/// everything below the combining diacritics (U+0300) and the precomposed letters of
/// Latin Extended Additional, where Vietnamese keeps its toned vowels.
fn composed_latin(c: char) -> bool {
    c < '\u{0300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Rewrites old-style tone placement to the new style, keeping letter case.
fn move_tones(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // `s[copied..]` is not in `out` yet.
    let mut copied = 0;
    let mut previous: Option<char> = None;
    let mut chars = s.char_indices();
    while let Some((i, first)) = chars.next() {
        // Only a glide opens a pair (`swap_pair`): the rest need no look-ahead.
        if !matches!(first, 'o' | 'u' | 'O' | 'U') {
            previous = Some(first);
            continue;
        }
        let mut rest = s[i + first.len_utf8()..].chars();
        if let Some((second, (a, b))) = rest
            .next()
            .and_then(|second| Some((second, swap_pair(first, second)?)))
        {
            // Only at the end of a syllable ("uỷ" in "thuỷ", not in "khuỷu"), and
            // not after "q", where "u" belongs to the consonant ("quý").
            // A combining mark behind the pair (one NFC could not compose) would
            // compose with the moved-away vowel and break NFC: leave it alone.
            let at_end = rest.next().is_none_or(|c| {
                !is_alphabetic(c) && !unicode_normalization::char::is_combining_mark(c)
            });
            let after_q = matches!(previous, Some('q' | 'Q'));
            if at_end && !after_q {
                out.push_str(&s[copied..i]);
                out.push(a);
                out.push(b);
                chars.next();
                copied = i + first.len_utf8() + second.len_utf8();
                previous = Some(second);
                continue;
            }
        }
        previous = Some(first);
    }
    out.push_str(&s[copied..]);
    out
}

fn is_old_tone_carrier(c: char) -> bool {
    matches!(
        c,
        'ỷ' | 'ý'
            | 'ỳ'
            | 'ỹ'
            | 'ỵ'
            | 'à'
            | 'á'
            | 'ả'
            | 'ã'
            | 'ạ'
            | 'è'
            | 'é'
            | 'ẻ'
            | 'ẽ'
            | 'ẹ'
            | 'Ỷ'
            | 'Ý'
            | 'Ỳ'
            | 'Ỹ'
            | 'Ỵ'
            | 'À'
            | 'Á'
            | 'Ả'
            | 'Ã'
            | 'Ạ'
            | 'È'
            | 'É'
            | 'Ẻ'
            | 'Ẽ'
            | 'Ẹ'
    )
}

/// For a glide + toned vowel pair in old placement, the pair in new placement.
fn swap_pair(first: char, second: char) -> Option<(char, char)> {
    // Only a glide and a tone carrier can form a pair (see the test
    // `only_glides_and_carriers_lower_into_pairs`): skip the look-up for the rest.
    if !matches!(first, 'o' | 'u' | 'O' | 'U') || !is_old_tone_carrier(second) {
        return None;
    }
    let lower_first = first.to_lowercase().next()?;
    let lower_second = second.to_lowercase().next()?;
    let pair: String = [lower_first, lower_second].iter().collect();
    let (_, new) = TONE_MOVES.iter().find(|(old, _)| *old == pair)?;
    let mut new_chars = new.chars();
    let (a, b) = (new_chars.next()?, new_chars.next()?);
    let a = if first.is_uppercase() {
        a.to_uppercase().next()?
    } else {
        a
    };
    let b = if second.is_uppercase() {
        b.to_uppercase().next()?
    } else {
        b
    };
    Some((a, b))
}

/// Comparison key: normalised, lower-cased, inner whitespace collapsed, trimmed.
/// `"Thành Uỷ  Viên"` and `"thành ủy viên"` share one key.
pub fn fold_key(input: &str) -> String {
    fold_normalized(&normalize_text(input))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_latin_characters_pass_the_nfc_quick_check_anywhere() {
        use unicode_normalization::char::canonical_combining_class;
        let chars = (0..0x0300)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32);
        for c in chars {
            assert!(composed_latin(c), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            // Before and after any other such character, as in running text.
            for pair in [[c, 'a'], ['ệ', c]] {
                assert_eq!(is_nfc_quick(pair.into_iter()), IsNormalized::Yes, "{c:?}");
            }
        }
        assert!(!composed_latin('\u{0301}'));
    }

    #[test]
    fn nfd_becomes_nfc() {
        let nfd = "Bi\u{0301}\u{0302} thu\u{031B}";
        assert_eq!(normalize_text("Thanh Tri\u{0300}"), "Thanh Trì");
        assert!(normalize_text(nfd).chars().count() < nfd.chars().count());
    }

    #[test]
    fn old_tone_placement_is_moved() {
        assert_eq!(normalize_text("Thành uỷ viên"), "Thành ủy viên");
        assert_eq!(normalize_text("hoà bình, Khánh Hoà"), "hòa bình, Khánh Hòa");
        assert_eq!(normalize_text("THÀNH UỶ"), "THÀNH ỦY");
    }

    #[test]
    fn glide_inside_a_syllable_is_left_alone() {
        assert_eq!(normalize_text("khuỷu"), "khuỷu");
        assert_eq!(normalize_text("hoàn thành"), "hoàn thành");
        assert_eq!(normalize_text("quý"), "quý");
    }

    #[test]
    fn spaces_and_invisible_characters() {
        assert_eq!(
            normalize_text("Lê\u{00A0}Tiến\u{200B} Nhật\r\n"),
            "Lê Tiến Nhật\n"
        );
    }

    #[test]
    fn every_replaced_character_is_found_by_its_first_byte() {
        let raw = "a\u{00A0}b\u{00AD}c\u{2003}d\u{200B}e\u{202F}f\u{205F}g\u{3000}h\u{FEFF}i\r\tj “ủy” – Hoà";
        assert_eq!(normalize_text(raw), "a bc de f g hi j “ủy” – Hòa");
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        // Found by the `normalize` fuzz target: a stray combining mark behind an
        // old-style pair, or behind a removed zero-width character.
        for s in [
            "uỵ\u{323}",
            "Huyeuỵ\u{323}\u{302}n",
            "a\u{200B}\u{301}",
            "o\r\u{300}",
        ] {
            let once = normalize_text(s);
            assert_eq!(normalize_text(&once), once, "{s:?}");
            assert!(unicode_normalization::is_nfc(&once), "{s:?}");
        }
        assert_eq!(normalize_text("a\u{200B}\u{301}"), "á");
    }

    #[test]
    fn fold_normalized_agrees_with_fold_key_on_normalised_text() {
        for s in ["Thành Uỷ  Viên ", "Huyện ủy Thanh Trì", "TP.HCM", "Quận 8"] {
            assert_eq!(fold_normalized(&normalize_text(s)), fold_key(s));
        }
    }

    #[test]
    fn only_glides_and_carriers_lower_into_pairs() {
        let firsts: Vec<char> = TONE_MOVES
            .iter()
            .filter_map(|(old, _)| old.chars().next())
            .collect();
        let seconds: Vec<char> = TONE_MOVES
            .iter()
            .filter_map(|(old, _)| old.chars().nth(1))
            .collect();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            if firsts.contains(&lower) {
                assert!(matches!(c, 'o' | 'u' | 'O' | 'U'), "{c:?}");
            }
            if seconds.contains(&lower) {
                assert!(is_old_tone_carrier(c), "{c:?}");
            }
        }
    }

    #[test]
    fn fold_key_unifies_case_tone_and_space() {
        assert_eq!(fold_key("Thành Uỷ  Viên "), fold_key("thành ủy viên"));
        assert_eq!(fold_key("Khánh Hoà"), "khánh hòa");
    }
}

/// [`fold_key`] for text that has already been through [`normalize_text`] (the
/// article text the extractor works on): lower case and whitespace collapsed only,
/// without normalising again. The extractor's hot path.
pub fn fold_normalized(normalized: &str) -> String {
    let mut out = String::with_capacity(normalized.len());
    for word in normalized.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            crate::chars::push_lowercase(&mut out, c);
        }
    }
    out
}

/// ASCII slug for identifiers: diacritics removed (đ → d), lower case, every run of
/// other characters turned into one "-". `"Huyện ủy Thanh Trì"` → `"huyen-uy-thanh-tri"`.
pub fn ascii_slug(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut dash = false;
    for c in normalize_text(input).nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod slug_tests {
    use super::ascii_slug;

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(ascii_slug("Huyện ủy Thanh Trì"), "huyen-uy-thanh-tri");
        assert_eq!(ascii_slug("Đặng Bá Cường"), "dang-ba-cuong");
        assert_eq!(ascii_slug("14-NQ/QU"), "14-nq-qu");
        assert_eq!(ascii_slug("  Quận 8 "), "quan-8");
    }
}

/// A run of letters of `text` (byte span), as [`join_broken_words`] reads words.
fn letter_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_alphabetic(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, text.len()));
    }
    runs
}

/// Whether two words may be the halves of one word cut by a space: both are in
/// capitals ("THÀ NH"), or the right one goes on in lower case after a left one not
/// all in capitals ("Thà nh", not the initial or numeral of "Văn T ăn", "khóa X ứng").
fn cases_join(left: &str, right: &str) -> bool {
    let all_caps = |w: &str| w.chars().all(|c| !c.is_lowercase());
    if all_caps(left) {
        all_caps(right)
    } else {
        right.chars().next().is_some_and(char::is_lowercase)
    }
}

/// Repairs words broken by a stray space inside a syllable ("Thà nh ủy", "Chủ tị ch"):
/// two words one space apart are joined when one of them is not a Vietnamese syllable
/// ([`crate::syllable::is_syllable`]), the two together are one, and their cases fit.
/// Words touching digits or apostrophes ("m2", "K'"), acronyms, initials, numerals and a word
/// that ends the text (cut off by the page) stay as
/// they are. Joining only removes spaces: the text stays normalised, and offsets into
/// the result are offsets into the text the extractor reads.
pub fn join_broken_words(text: &str) -> String {
    let runs = letter_runs(text);
    let bounded = |(s, e): (usize, usize)| {
        let touches = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || "'’".contains(c));
        // A word the text ends with may be cut off by the page ("tổ chức bộ m").
        e < text.len()
            && !touches(text[..s].chars().next_back())
            && !touches(text[e..].chars().next())
    };
    // Byte offsets of the spaces to drop.
    let mut dropped = Vec::new();
    let mut word = runs.first().copied();
    for &next in runs.iter().skip(1) {
        let Some(current) = word else { break };
        let joinable = current.1 + 1 == next.0
            && &text[current.1..next.0] == " "
            && bounded(current)
            && bounded(next)
            && {
                let (left, right) = (&text[current.0..current.1], &text[next.0..next.1]);
                // The joined word is only built for a pair with a fragment in it.
                cases_join(left, right)
                    && (!is_syllable(left) || !is_syllable(right))
                    && is_syllable(&text[current.0..next.1].replacen(' ', "", 1))
            };
        word = if joinable {
            dropped.push(current.1);
            Some((current.0, next.1))
        } else {
            Some(next)
        };
    }
    if dropped.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in dropped {
        out.push_str(&text[copied..at]);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod repair_tests {
    use super::{join_broken_words, normalize_text};

    #[test]
    fn fragments_join_their_neighbour() {
        assert_eq!(
            join_broken_words("Bí thư Thà nh ủy, Chủ tị ch UBND huyệ n Đông Anh"),
            "Bí thư Thành ủy, Chủ tịch UBND huyện Đông Anh"
        );
        assert_eq!(join_broken_words("TỈNH ỦY NGHỆ A N."), "TỈNH ỦY NGHỆ AN.");
        assert_eq!(
            join_broken_words("đồng chí Ng uyễn Văn Tâm"),
            "đồng chí Nguyễn Văn Tâm"
        );
    }

    #[test]
    fn words_acronyms_and_units_stay() {
        for s in [
            "Bí thư Tỉnh ủy Nghệ An",
            "ông Nguyễn Văn T và ông Trần A",
            "UBND TP Hà Nội, HĐND tỉnh",
            "dài 12 km đường, 300 m2 đất",
            "xã Ia H' Drai",
            "Đảng bộ khóa XIV",
            "ông Ksor Phước, anh Y Ngọc",
            "hội nghị online trực tuyến",
            "Nguyễn Văn T ăn",
            "Quốc hội khóa X ứng cử",
            "đổi mới bộ m",
        ] {
            assert_eq!(join_broken_words(s), s);
        }
    }

    #[test]
    fn the_repair_is_stable() {
        let once = join_broken_words(&normalize_text("Thà nh uỷ viên, Huyệ n ủy"));
        assert_eq!(once, "Thành ủy viên, Huyện ủy");
        assert_eq!(join_broken_words(&once), once);
        assert_eq!(normalize_text(&once), once);
    }
}
