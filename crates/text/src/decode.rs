//! Decoding the bytes of an input file into text.
//!
//! Articles arrive as UTF-8 (with or without a byte-order mark) and sometimes as
//! UTF-16 with a byte-order mark. Anything else is refused with a reason instead of
//! being guessed into mojibake.

use thiserror::Error;

/// Why bytes could not be decoded as an article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are neither UTF-8 nor UTF-16 with a byte-order mark.
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
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
    String::from_utf8(bytes.to_vec()).map_err(|e| DecodeError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
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
    fn refusals() {
        assert_eq!(decode(b"ab\xFFcd"), Err(DecodeError::NotUtf8 { offset: 2 }));
        assert_eq!(decode(b"%PDF-1.4\x00\x01"), Err(DecodeError::Binary));
    }
}
