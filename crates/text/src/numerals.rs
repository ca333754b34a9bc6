//! Ordinals as Vietnamese texts write them: Roman numerals ("khóa XXIV"), digits
//! ("lần thứ 11") and words for small numbers ("lần thứ Nhất", "lần thứ hai").

use crate::normalize::fold_key;

/// Value of an upper- or lower-case Roman numeral, strictly formed, 1..=3999.
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u32>> = upper.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    // Only canonical spellings ("IIII" and "IC" are not numerals but words).
    (to_roman(total) == upper).then_some(total)
}

/// Canonical upper-case Roman numeral of `n` (1..=3999); empty for 0.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// An ordinal written as digits, a Roman numeral or Vietnamese number words: one word
/// ("Nhất", "hai", "mười") or a compound up to 99 ("mười hai", "mười lăm", "hai mươi",
/// "hai mươi mốt", "ba mươi tư"), words separated by spaces.
pub fn parse_ordinal(word: &str) -> Option<u32> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.parse().ok().filter(|n| *n > 0 && *n < 10_000);
    }
    if let Some(n) = parse_roman(word) {
        return Some(n);
    }
    let folded = fold_key(word);
    let words: Vec<&str> = folded.split_whitespace().collect();
    match words.as_slice() {
        ["nhất"] => Some(1),
        ["mười"] => Some(10),
        [unit] => digit_word(unit, false),
        ["mười", unit] => {
            Some(10 + digit_word(unit, true).filter(|u| *u != 1 || *unit == "một")?)
        }
        [tens, "mươi"] => Some(10 * digit_word(tens, false).filter(|t| *t >= 2)?),
        [tens, "mươi", unit] => {
            Some(10 * digit_word(tens, false).filter(|t| *t >= 2)? + digit_word(unit, true)?)
        }
        _ => None,
    }
}

/// The value of a folded word for a digit 1..=9. After "mười"/"mươi" (`after_tens`)
/// the units take their compound forms: "mốt" (1), "lăm" (5), and "năm" is the
/// word for year there ("kỳ họp thứ mười năm 2023"), not five.
fn digit_word(word: &str, after_tens: bool) -> Option<u32> {
    match word {
        "một" => Some(1),
        "mốt" if after_tens => Some(1),
        "hai" => Some(2),
        "ba" => Some(3),
        "tư" | "bốn" => Some(4),
        "năm" if !after_tens => Some(5),
        "lăm" if after_tens => Some(5),
        "sáu" => Some(6),
        "bảy" => Some(7),
        "tám" => Some(8),
        "chín" => Some(9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(parse_roman("XXIV"), Some(24));
        assert_eq!(parse_roman("xiii"), Some(13));
        assert_eq!(parse_roman("XIX"), Some(19));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("MIX"), Some(1009));
        assert_eq!(parse_roman("Mai"), None);
        assert_eq!(to_roman(24), "XXIV");
        assert_eq!(to_roman(6), "VI");
    }

    #[test]
    fn ordinals_in_three_spellings() {
        assert_eq!(parse_ordinal("11"), Some(11));
        assert_eq!(parse_ordinal("VIII"), Some(8));
        assert_eq!(parse_ordinal("Nhất"), Some(1));
        assert_eq!(parse_ordinal("hai"), Some(2));
        assert_eq!(parse_ordinal("0"), None);
        assert_eq!(parse_ordinal("thứ"), None);
    }

    #[test]
    fn compound_number_words() {
        assert_eq!(parse_ordinal("mười hai"), Some(12));
        assert_eq!(parse_ordinal("Mười lăm"), Some(15));
        assert_eq!(parse_ordinal("mười một"), Some(11));
        assert_eq!(parse_ordinal("hai mươi"), Some(20));
        assert_eq!(parse_ordinal("hai mươi mốt"), Some(21));
        assert_eq!(parse_ordinal("ba mươi tư"), Some(34));
        assert_eq!(parse_ordinal("mười mốt"), None);
        assert_eq!(parse_ordinal("một mươi"), None);
        assert_eq!(parse_ordinal("mốt"), None);
        assert_eq!(parse_ordinal("hai ba"), None);
        assert_eq!(parse_ordinal("mười năm"), None);
    }
}
