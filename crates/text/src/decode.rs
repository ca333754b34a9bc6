//! Decoding the bytes of an input file into text.
//!
//! Articles arrive as UTF-8 (with or without a byte-order mark), sometimes as UTF-16
//! with a byte-order mark, and from old archives as Windows-1258 (Vietnamese with
//! combining tone marks), which is converted when the result reads as Vietnamese.
//! Anything else (TCVN3, VNI, other single-byte code pages) is refused with a reason
//! instead of being guessed into mojibake.

use thiserror::Error;

/// Why bytes could not be decoded as an article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1258
    /// Vietnamese.
    #[error("not UTF-8 text (invalid byte at offset {offset}); not Windows-1258 Vietnamese either (a TCVN3 or VNI file? convert it to UTF-8 first)")]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// NUL bytes outside UTF-16: a binary file (PDF, image, archive).
    #[error("binary file, not text")]
    Binary,
    /// UTF-16 with an odd number of bytes or unpaired surrogates.
    #[error("invalid UTF-16 text")]
    BadUtf16,
}

/// Decodes an input file's bytes: UTF-8 (BOM stripped) or UTF-16 LE/BE with a BOM.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    String::from_utf8(bytes.to_vec()).or_else(|e| {
        let offset = e.utf8_error().valid_up_to();
        windows_1258(bytes).ok_or(DecodeError::NotUtf8 { offset })
    })
}

/// Windows-1258 text, when it reads as Vietnamese: after composition every non-ASCII
/// letter is a Vietnamese one, at least one letter in forty is a letter only
/// Vietnamese uses (ă, ơ, ư, đ, a dot below, a hook above, …), and no C1 control or
/// undefined byte appears.
fn windows_1258(bytes: &[u8]) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let (text, had_errors) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    if had_errors || text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)) {
        return None;
    }
    let text: String = text.nfc().collect();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let foreign = text
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && !is_vietnamese_letter(c));
    let only_vietnamese = text
        .chars()
        .filter(|c| is_vietnamese_letter(*c) && *c > 'ÿ')
        .count();
    (!foreign && only_vietnamese * 40 >= letters && only_vietnamese > 0).then_some(text)
}

/// Letters with diacritics that Vietnamese uses (precomposed, lower or upper case).
fn is_vietnamese_letter(c: char) -> bool {
    const SET: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
    c.to_lowercase().all(|l| SET.contains(l))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::BadUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| DecodeError::BadUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Huyện ủy".as_bytes()).unwrap(), "Huyện ủy");
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Đảng".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&bytes).unwrap(), "Đảng");
    }

    #[test]
    fn windows_1258_vietnamese_is_converted() {
        // "Đảng ủy Thành phố" in Windows-1258: tone marks are combining bytes (0xD2 = hook).
        let bytes = b"\xD0a\xD2ng u\xD2y Th\xE0nh ph\xF4\xECi";
        let text = decode(bytes).unwrap();
        assert!(text.starts_with("Đảng ủy Thành"), "{text}");
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b"ab\x81cd"), Err(DecodeError::NotUtf8 { offset: 2 }));
        // Latin-1 French is not Vietnamese.
        assert_eq!(
            decode(b"caf\xE9 cr\xE8me br\xFBl\xE9e et g\xE2teau fran\xE7ais pour tout le monde"),
            Err(DecodeError::NotUtf8 { offset: 3 })
        );
        assert_eq!(decode(b"%PDF-1.4\x00\x01"), Err(DecodeError::Binary));
    }
}
