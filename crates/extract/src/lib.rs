//! Extraction: one Vietnamese political news article → typed records (officials and
//! their posts, bodies, terms, documents, meetings), each with the sentence and the
//! character span it was read from. Pure functions: no I/O, no global state beyond
//! the embedded lexicons, so articles can be processed in parallel.
//!
//! The rules are a small grammar over word tokens:
//! `post := [nguyên|quyền] ROLE [BODY] [PLACE]`, officials are names (family-name
//! lexicon, capitalised syllables) joined to posts by apposition ("X - post, post")
//! or by preceding titles ("Bí thư Huyện ủy X"); implied places come from the
//! article's home district and province.

mod article;
mod dating;
pub mod eval;
mod events;
mod model;
mod persons;
mod places;
mod published;
mod tokens;
mod url;
mod variants;

pub use article::{extract, ArticleInput};
pub use dating::{best_date, date_in_url, ArticleDate, DateInputs, DateSource, Precision};
pub use model::*;
