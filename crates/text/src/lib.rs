//! Text layer of cadre: everything that turns raw bytes of a Vietnamese news page into
//! clean, comparable text. Pure functions only; no I/O.

pub mod chars;
pub mod dates;
pub mod decode;
pub mod markup;
pub mod normalize;
pub mod numerals;
pub mod sentences;
pub mod spreadsheet;
pub mod syllable;

pub use dates::{find_dates, unglue_dates, DateMatch};
pub use decode::{decode, DecodeError};
pub use markup::strip_markup;
pub use normalize::{ascii_slug, fold_key, fold_normalized, join_broken_words, normalize_text};
pub use numerals::{parse_ordinal, parse_roman, to_roman};
pub use sentences::{split_sentences, split_sentences_with};
pub use spreadsheet::spreadsheet_text;
