//! Character classes and lower case for the hot loops of tokenising and folding.
//!
//! `char::is_alphabetic`, `char::is_alphanumeric` and `char::to_lowercase` search Unicode tables for every
//! non-ASCII character, and Vietnamese text is full of them. Below [`TABLE_END`]
//! (Latin, its extensions with every Vietnamese letter, combining marks, Greek and
//! Cyrillic) the answers are read from tables built once from those same methods;
//! above it the methods are called directly, so the results never differ.

use std::sync::OnceLock;

/// First code point not covered by the tables.
const TABLE_END: u32 = 0x2000;

struct Tables {
    /// The lower case of each character when it is a single character, else `'\0'`.
    lower: Box<[char]>,
    /// `char::is_alphanumeric` of each character.
    alphanumeric: Box<[bool]>,
    /// `char::is_alphabetic` of each character.
    alphabetic: Box<[bool]>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let chars = || (0..TABLE_END).map(|u| char::from_u32(u).unwrap_or('\0'));
        let lower = chars()
            .map(|c| {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => '\0',
                }
            })
            .collect();
        let alphanumeric = chars().map(char::is_alphanumeric).collect();
        let alphabetic = chars().map(char::is_alphabetic).collect();
        Tables {
            lower,
            alphanumeric,
            alphabetic,
        }
    })
}

/// A character class read from a table below [`TABLE_END`]: `ascii` for ASCII, the
/// table `of` the [`Tables`] up to the end, `full` (the `char` method) above it.
fn classify(
    c: char,
    ascii: impl Fn(&char) -> bool,
    of: impl Fn(&Tables) -> &[bool],
    full: impl Fn(char) -> bool,
) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else if u32::from(c) < TABLE_END {
        of(tables())[c as usize]
    } else {
        full(c)
    }
}

/// `c.is_alphanumeric()`, faster for the characters of Vietnamese text.
pub fn is_alphanumeric(c: char) -> bool {
    classify(
        c,
        char::is_ascii_alphanumeric,
        |t| &t.alphanumeric,
        char::is_alphanumeric,
    )
}

/// `c.is_alphabetic()`, faster for the characters of Vietnamese text.
pub fn is_alphabetic(c: char) -> bool {
    classify(
        c,
        char::is_ascii_alphabetic,
        |t| &t.alphabetic,
        char::is_alphabetic,
    )
}

/// Appends `c.to_lowercase()` to `out`, faster for the characters of Vietnamese text.
pub fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if u32::from(c) < TABLE_END {
        let lower = tables().lower[c as usize];
        if lower != '\0' {
            out.push(lower);
            return;
        }
    }
    out.extend(c.to_lowercase());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_char_methods_everywhere() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            let mut lower = String::new();
            push_lowercase(&mut lower, c);
            assert_eq!(lower, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }
}
