//! Lexicons and gazetteers of cadre, loaded from `data/` at build time.
//!
//! `places` is the gazetteer of administrative units (both sides of the 2025 reform);
//! `vocab` holds the political vocabulary: post titles, bodies, party boards,
//! departments, document types, issuer codes and family names.

pub mod phrases;
pub mod places;
pub mod vocab;
