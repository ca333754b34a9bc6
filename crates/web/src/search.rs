//! The search index: names of persons, posts, bodies and places folded with
//! [`cadre_text::ascii_slug`], so a query matches with or without diacritics and in
//! either tone-mark style ("nguyen van hung", "Thanh Tri", "uỷ" = "ủy").

use cadre_text::{ascii_slug, fold_key};
use serde::Serialize;

use crate::model::{kind, Graph};

/// The kinds of node a search finds.
const KINDS: &[&str] = &["person", "post", "body", "place"];

/// One searchable node.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The folded key: lower-case ASCII words separated by spaces.
    pub key: String,
    /// The name as written, with diacritics.
    pub label: String,
    /// The node IRI.
    #[serde(skip)]
    pub iri: String,
    /// The node kind (`person`, …).
    pub kind: String,
    /// How often the node is referred to (ranks the results).
    #[serde(skip)]
    pub weight: usize,
}

/// The in-memory index, built once from the graph.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
}

/// A query or a name folded for matching: no diacritics, lower case, words split by
/// one space.
pub fn fold(text: &str) -> String {
    ascii_slug(&fold_key(text)).replace('-', " ")
}

impl Index {
    /// Indexes every person, post, body and place of `graph`, most referred to first.
    pub fn build(graph: &Graph) -> Self {
        let mut entries: Vec<Entry> = graph
            .nodes()
            .into_iter()
            .filter(|iri| KINDS.contains(&kind(iri)))
            .map(|iri| {
                let label = graph.label(iri).to_string();
                Entry {
                    key: fold(&label),
                    label,
                    iri: iri.to_string(),
                    kind: kind(iri).to_string(),
                    weight: graph.incoming(iri).len(),
                }
            })
            .collect();
        entries.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.label.cmp(&b.label)));
        Self { entries }
    }

    /// The entries whose key contains the folded query, those starting with it first;
    /// at most `limit`.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let word = format!(" {key}");
        let (mut starts, mut inside): (Vec<&Entry>, Vec<&Entry>) = self
            .entries
            .iter()
            .filter(|e| e.key.contains(&key))
            .partition(|e| e.key.starts_with(&key) || e.key.contains(&word));
        starts.append(&mut inside);
        starts.truncate(limit);
        starts
    }

    /// Every entry, most referred to first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tone_mark_styles_and_no_diacritics_fold_alike() {
        assert_eq!(fold("Huyện uỷ Thanh Trì"), "huyen uy thanh tri");
        assert_eq!(fold("Huyện ủy  Thanh Trì"), "huyen uy thanh tri");
        assert_eq!(fold("nguyen van HUNG"), "nguyen van hung");
        assert_eq!(fold("Đỗ Thị Minh Hằng"), "do thi minh hang");
    }
}
