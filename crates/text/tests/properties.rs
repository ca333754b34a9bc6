//! Property tests of the text layer on generated Vietnamese-like text: precomposed and
//! decomposed letters, old and new tone placement, non-breaking and zero-width spaces,
//! carriage returns, punctuation, digits and date expressions. The same invariants are
//! checked on arbitrary input by the fuzz targets in `fuzz/`.

use cadre_text::{
    ascii_slug, decode, find_dates, fold_key, fold_normalized, normalize_text, parse_roman,
    split_sentences, to_roman,
};
use proptest::prelude::*;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Words and phrases of political news, some in old tone placement.
const WORDS: &[&str] = &[
    "Bí thư",
    "Phó Bí thư",
    "Huyện ủy",
    "Huyện uỷ",
    "Thành uỷ viên",
    "Tỉnh ủy",
    "Đảng bộ",
    "HĐND",
    "UBND",
    "Chủ tịch",
    "hoà bình",
    "Khánh Hoà",
    "THÀNH UỶ",
    "quý",
    "khuỷu",
    "thuỷ",
    "Thanh Trì",
    "Quận 8",
    "TP. Hồ Chí Minh",
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Nghị quyết số 14-NQ/HU",
    "khóa XXIV",
    "nhiệm kỳ 2020 - 2025",
    "đồng chí",
    "Sáng",
    "Chiều",
    "ngày",
    "tháng",
    "năm",
];

/// Separators, invisible characters and punctuation articles carry.
const SEPARATORS: &[&str] = &[
    " ", "  ", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{AD}", "\t", "\r\n", "\n", "\n\n", ". ", ", ",
    "; ", ": ", "! ", "? ", " - ", "(", ")", "\"", "“", "”", "…",
];

/// One word, in NFC, in NFD, or upper-cased.
fn word() -> impl Strategy<Value = String> {
    (prop::sample::select(WORDS), 0..3u8).prop_map(|(w, form)| match form {
        0 => w.to_string(),
        1 => w.nfd().collect(),
        _ => w.to_uppercase(),
    })
}

/// A date expression, valid or not: "5/3/2024", "ngày 5 tháng 3 năm 2024", "14-12".
fn date_fragment() -> impl Strategy<Value = String> {
    (0..40u32, 0..15u32, 1900..2110i32, 0..5u8).prop_map(|(d, m, y, form)| match form {
        0 => format!("ngày {d}/{m}/{y}"),
        1 => format!("ngày {d} tháng {m} năm {y}"),
        2 => format!("Chiều {d}-{m}"),
        3 => format!("{d:02}.{m:02}.{y}"),
        _ => format!("10:34 {d}/{m}/{y}"),
    })
}

/// Any fragment: words, separators, dates, digits, single characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => word(),
        3 => prop::sample::select(SEPARATORS).prop_map(str::to_string),
        2 => date_fragment(),
        1 => (0..100_000u32).prop_map(|n| n.to_string()),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ\u{300}\u{301}\u{303}\u{309}\u{323}]{1,6}",
    ]
}

/// Vietnamese-like text: a few dozen fragments.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|f| f.concat())
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

proptest! {
    #[test]
    fn normalize_is_idempotent_and_nfc(s in text()) {
        let n = normalize_text(&s);
        prop_assert_eq!(normalize_text(&n), n.clone());
        prop_assert!(is_nfc(&n));
        let removed = ['\r', '\t', '\u{A0}', '\u{200B}', '\u{FEFF}', '\u{AD}'];
        prop_assert!(!n.contains(removed), "{:?}", n);
    }

    #[test]
    fn normalize_ignores_the_input_normal_form(s in text()) {
        let nfd: String = s.nfd().collect();
        let nfc: String = s.nfc().collect();
        prop_assert_eq!(normalize_text(&nfd), normalize_text(&s));
        prop_assert_eq!(normalize_text(&nfc), normalize_text(&s));
    }

    #[test]
    fn old_and_new_tone_placement_fold_alike(
        onset in "(th|h|kh|x|Th|TH|)",
        (old, new) in prop::sample::select(&cadre_text::normalize::TONE_MOVES[..]),
        tail in "( |, |\\.|\n|)",
    ) {
        let old_word = format!("{onset}{old}{tail}");
        let new_word = format!("{onset}{new}{tail}");
        prop_assert_eq!(normalize_text(&old_word), new_word.clone());
        prop_assert_eq!(fold_key(&old_word), fold_key(&new_word));
    }

    #[test]
    fn fold_key_is_idempotent_and_case_blind(s in text()) {
        let key = fold_key(&s);
        prop_assert_eq!(fold_key(&key), key.clone());
        prop_assert_eq!(fold_normalized(&normalize_text(&s)), key.clone());
        // Case-blind wherever case maps round-trip (all Vietnamese letters do; "µ" does
        // not: its upper case is Greek "Μ").
        if s.to_uppercase().to_lowercase() == s.to_lowercase() {
            prop_assert_eq!(fold_key(&s.to_uppercase()), key.clone());
        }
        prop_assert_eq!(key.trim(), key.as_str());
        prop_assert!(!key.contains("  "));
        prop_assert_eq!(key.to_lowercase(), key.clone());
    }

    #[test]
    fn slugs_are_ascii_stable_and_form_blind(s in text()) {
        let slug = ascii_slug(&s);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        prop_assert_eq!(ascii_slug(&slug), slug.clone());
        prop_assert_eq!(ascii_slug(&s.nfd().collect::<String>()), slug);
    }

    #[test]
    fn decode_round_trips_utf8_and_utf16(s in text()) {
        prop_assume!(!s.contains('\0') && !s.starts_with('\u{FEFF}'));
        prop_assert_eq!(decode(s.as_bytes()), Ok(s.clone()));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        prop_assert_eq!(decode(&bom), Ok(s.clone()));
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        prop_assert_eq!(decode(&le), Ok(s.clone()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        prop_assert_eq!(decode(&be), Ok(s));
    }

    #[test]
    fn decode_refuses_truncated_utf8(s in text(), cut in 0..4usize) {
        // Dropping the last byte of a multi-byte character leaves invalid UTF-8; what
        // comes back is either a refusal or (Windows-1258) text without C1 controls.
        let Some((i, c)) = s.char_indices().rev().find(|(_, c)| c.len_utf8() > 1) else {
            return Ok(());
        };
        let mut bytes = s.as_bytes()[..i + c.len_utf8() - 1].to_vec();
        bytes.extend_from_slice(&b"abc"[..cut.min(3)]);
        prop_assume!(!bytes.contains(&0) && !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF]));
        match decode(&bytes) {
            Ok(t) => prop_assert!(!t.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)), "{:?}", t),
            Err(e) => prop_assert!(matches!(e, cadre_text::DecodeError::NotUtf8 { .. }), "{:?}", e),
        }
    }

    #[test]
    fn found_dates_are_calendar_dates(s in text()) {
        let mut last = 0;
        for d in find_dates(&s) {
            prop_assert!(last <= d.start && d.start < d.end && d.end <= s.len());
            prop_assert!(s.is_char_boundary(d.start) && s.is_char_boundary(d.end));
            last = d.end;
            let y = d.year.unwrap_or(2024);
            prop_assert!((1930..=2100).contains(&y));
            prop_assert!(d.day >= 1 && d.day <= days_in_month(y, d.month), "{:?}", d);
            let expected = format!("{y:04}-{:02}-{:02}", d.month, d.day);
            prop_assert_eq!(d.iso(Some(2024)), Some(expected));
        }
    }

    #[test]
    fn written_dates_are_read_back(
        d in 0..40u32, m in 0..15u32, y in 1900..2110i32,
        verbal in any::<bool>(),
        before in "(Sáng|Chiều|Hôm qua,|Huyện ủy họp) ",
        after in "(, Huyện ủy họp\\.|\\.| tại Hà Nội|)",
    ) {
        let date = if verbal {
            format!("ngày {d} tháng {m} năm {y}")
        } else {
            format!("ngày {d}/{m}/{y}")
        };
        let s = format!("{before}{date}{after}");
        let found = find_dates(&s);
        let valid = (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
            && (1930..=2100).contains(&y);
        if valid {
            prop_assert_eq!(found.len(), 1, "{}", s);
            let f = &found[0];
            prop_assert_eq!((f.year, f.month, f.day), (Some(y), m, d));
            let expected_span = if verbal { date.as_str() } else { &date["ngày ".len()..] };
            prop_assert_eq!(&s[f.start..f.end], expected_span);
        } else {
            prop_assert!(found.is_empty(), "{} → {:?}", s, found);
        }
    }

    #[test]
    fn day_month_dates_need_a_cue(d in 1..29u32, m in 1..13u32, cue in any::<bool>()) {
        let s = if cue { format!("Chiều {d}-{m}, Tỉnh ủy họp.") } else { format!("đạt {d}-{m}, Tỉnh ủy họp.") };
        let found = find_dates(&s);
        if cue {
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!((found[0].year, found[0].month, found[0].day), (None, m, d));
        } else {
            prop_assert!(found.is_empty());
        }
    }

    #[test]
    fn sentences_cover_the_text(s in text()) {
        let n = normalize_text(&s);
        let spans = split_sentences(&n);
        let mut last = 0;
        let mut covered = String::new();
        for &(start, end) in &spans {
            prop_assert!(last <= start && start < end && end <= n.len());
            prop_assert!(n.is_char_boundary(start) && n.is_char_boundary(end));
            let sentence = &n[start..end];
            prop_assert_eq!(sentence.trim(), sentence);
            // A line break inside a sentence is a hard wrap: the next line goes on in
            // lower case, or the line before ended on a comma.
            for (k, _) in sentence.match_indices('\n') {
                let next = sentence[k + 1..].chars().next();
                let comma = sentence[..k].trim_end().ends_with(',');
                prop_assert!(comma || next.is_some_and(char::is_lowercase));
            }
            covered.push_str(sentence);
            last = end;
        }
        // Only whitespace falls between sentences.
        let strip = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(strip(&covered), strip(&n));
    }

    #[test]
    fn roman_numerals_round_trip(n in 1..4000u32) {
        let roman = to_roman(n);
        prop_assert_eq!(parse_roman(&roman), Some(n));
        prop_assert_eq!(parse_roman(&roman.to_lowercase()), Some(n));
    }
}
