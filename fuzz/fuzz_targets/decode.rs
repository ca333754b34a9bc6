//! Arbitrary bytes → `cadre_text::decode`. On success the text must re-decode to
//! itself from its UTF-8 bytes (when it neither starts with a BOM nor holds NUL), equal
//! the input when the input was plain UTF-8, and survive normalisation idempotently.
#![no_main]

use cadre_text::{decode, normalize_text, DecodeError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match decode(bytes) {
        Ok(text) => {
            let has_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF])
                || bytes.starts_with(&[0xFF, 0xFE])
                || bytes.starts_with(&[0xFE, 0xFF]);
            if !has_bom {
                if let Ok(plain) = std::str::from_utf8(bytes) {
                    assert_eq!(text, plain, "plain UTF-8 must come back unchanged");
                }
            }
            if !text.starts_with('\u{FEFF}') && !text.contains('\0') {
                assert_eq!(decode(text.as_bytes()).as_deref(), Ok(text.as_str()));
            }
            let norm = normalize_text(&text);
            assert_eq!(normalize_text(&norm), norm, "normalisation not idempotent");
        }
        Err(DecodeError::NotUtf8 { offset }) => {
            assert!(offset < bytes.len());
            assert!(std::str::from_utf8(bytes).is_err());
        }
        Err(DecodeError::Binary) => assert!(bytes.contains(&0)),
        Err(DecodeError::BadUtf16) => {
            assert!(bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]))
        }
    }
});
