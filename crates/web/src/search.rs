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
    /// Every word start of every key, as (entry, byte offset), sorted by the key's text
    /// from that offset: the entries with a word starting with the query are one range
    /// of it, found by binary search instead of a scan.
    word_starts: Vec<(u32, u32)>,
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
        Self::from_entries(entries)
    }

    /// The index of entries already in rank order (most referred to first).
    fn from_entries(entries: Vec<Entry>) -> Self {
        let mut word_starts: Vec<(u32, u32)> = entries
            .iter()
            .enumerate()
            .flat_map(|(n, e)| {
                let starts = std::iter::once(0).chain(
                    e.key
                        .match_indices(' ')
                        .map(|(k, _)| k + 1)
                        .filter(|&k| k < e.key.len()),
                );
                starts.map(move |k| (n as u32, k as u32))
            })
            .collect();
        let suffix = |&(n, k): &(u32, u32)| &entries[n as usize].key[k as usize..];
        word_starts.sort_unstable_by(|a, b| suffix(a).cmp(suffix(b)).then(a.cmp(b)));
        Self {
            entries,
            word_starts,
        }
    }

    /// The entries whose key contains the folded query, those with a word starting
    /// with it first, each group in rank order; at most `limit`. The first group comes
    /// from the sorted word starts; the keys are scanned only when it falls short.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let suffix = |&(n, k): &(u32, u32)| &self.entries[n as usize].key[k as usize..];
        let from = self
            .word_starts
            .partition_point(|w| suffix(w) < key.as_str());
        let mut starts: Vec<u32> = self.word_starts[from..]
            .iter()
            .take_while(|w| suffix(w).starts_with(&key))
            .map(|&(n, _)| n)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts.truncate(limit);
        let mut found: Vec<&Entry> = starts.iter().map(|&n| &self.entries[n as usize]).collect();
        if found.len() < limit {
            let inside = self
                .entries
                .iter()
                .enumerate()
                .filter(|(n, e)| {
                    e.key.contains(&key) && starts.binary_search(&(*n as u32)).is_err()
                })
                .map(|(_, e)| e)
                .take(limit - found.len());
            found.extend(inside);
        }
        found
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

    fn entry(label: &str) -> Entry {
        Entry {
            key: fold(label),
            label: label.to_string(),
            iri: String::new(),
            kind: "person".into(),
            weight: 0,
        }
    }

    #[test]
    fn word_starts_come_first_in_rank_order_then_matches_inside_a_word() {
        let index = Index::from_entries(
            [
                "Nguyễn Thanh Hà",
                "Huyện ủy Thanh Trì",
                "Trần Văn Thanh",
                "Lê Thị Hà Thanh",
                "Phạm Văn Chánh",
                "Bí thư Huyện ủy Thanh Trì",
            ]
            .map(entry)
            .into(),
        );
        let labels = |q: &str, limit: usize| -> Vec<String> {
            index
                .find(q, limit)
                .iter()
                .map(|e| e.label.clone())
                .collect()
        };
        assert_eq!(
            labels("thanh", 10),
            [
                "Nguyễn Thanh Hà",
                "Huyện ủy Thanh Trì",
                "Trần Văn Thanh",
                "Lê Thị Hà Thanh",
                "Bí thư Huyện ủy Thanh Trì"
            ]
        );
        assert_eq!(
            labels("huyen uy thanh t", 10),
            ["Huyện ủy Thanh Trì", "Bí thư Huyện ủy Thanh Trì"]
        );
        // "hanh" starts no word: only the scan finds it, after the word starts.
        assert_eq!(
            labels("hanh", 10),
            [
                "Nguyễn Thanh Hà",
                "Huyện ủy Thanh Trì",
                "Trần Văn Thanh",
                "Lê Thị Hà Thanh",
                "Phạm Văn Chánh",
                "Bí thư Huyện ủy Thanh Trì"
            ]
        );
        assert_eq!(
            labels("ha", 3),
            ["Nguyễn Thanh Hà", "Lê Thị Hà Thanh", "Huyện ủy Thanh Trì"]
        );
        assert_eq!(labels("Chánh", 1), ["Phạm Văn Chánh"]);
        assert!(labels("xyz", 10).is_empty() && labels(" ", 10).is_empty());
    }
}
