//! Arbitrary text → the normalisation functions of `cadre_text`: `normalize_text` is
//! idempotent and yields NFC without the characters it removes or replaces; `fold_key`
//! is idempotent and agrees with `fold_normalized`; `ascii_slug` is a stable slug;
//! `strip_markup` and `split_sentences` keep to the text they are given.
#![no_main]

use cadre_text::{
    ascii_slug, fold_key, fold_normalized, normalize_text, split_sentences, strip_markup,
};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::is_nfc;

fuzz_target!(|s: &str| {
    let norm = normalize_text(s);
    assert_eq!(normalize_text(&norm), norm, "normalize_text not idempotent");
    assert!(is_nfc(&norm), "normalize_text output not NFC");
    assert!(!norm.contains(['\r', '\t', '\u{A0}', '\u{200B}', '\u{FEFF}', '\u{AD}']));

    let key = fold_key(s);
    // Lower-casing can undo NFC for letters outside Vietnamese ("İ" → i + U+0307 out
    // of canonical order; "H̱" → h + U+0331, which composes to "ẖ"). Every Vietnamese
    // letter has precomposed upper and lower forms, so there the key stays NFC.
    if is_nfc(&key) {
        assert_eq!(fold_key(&key), key, "fold_key not idempotent");
    }
    assert_eq!(key.trim(), key);
    assert!(!key.contains("  "));
    // Final sigma is the one place where str::to_lowercase (fold_key) and
    // char::to_lowercase (fold_normalized) legitimately differ.
    if !norm.contains(['Σ']) {
        assert_eq!(
            fold_normalized(&norm),
            key,
            "fold_normalized disagrees with fold_key"
        );
    }

    let slug = ascii_slug(s);
    assert!(slug
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
    assert_eq!(ascii_slug(&slug), slug, "ascii_slug not idempotent");

    let stripped = strip_markup(s);
    if !s.contains(['<', '&']) {
        assert_eq!(stripped, s);
    }

    let mut last = 0;
    for (start, end) in split_sentences(&norm) {
        assert!(last <= start && start < end && end <= norm.len());
        assert!(norm.is_char_boundary(start) && norm.is_char_boundary(end));
        let sentence = &norm[start..end];
        assert_eq!(sentence.trim(), sentence);
        last = end;
    }
});
