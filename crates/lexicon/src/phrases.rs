//! Multi-word phrase tables matched over folded word keys.
//!
//! Lexicon entries are phrases of several words ("phó bí thư thường trực"). Text is
//! tokenised into folded word keys by the extractor; a [`PhraseTable`] is a trie of
//! words and finds the longest entry starting at a given word with one hash look-up
//! per word read. Keys are hashed with FxHash: the tables are looked up at every
//! token, and the keys are short trusted lexicon words.

use rustc_hash::FxHashMap;

use cadre_text::chars::is_alphanumeric;
use cadre_text::fold_key;

/// A table of phrases, each a sequence of folded words, with a payload.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    /// Trie nodes; the root is node 0.
    nodes: Vec<Node>,
    payloads: Vec<T>,
    /// A bit per [`first_word_bit`] of the words that start a phrase: most tokens
    /// start none, and the bit rules them out without hashing the word.
    first_words: Vec<u64>,
}

/// Bits of the first-word filter of a [`PhraseTable`].
const FILTER_BITS: usize = 4096;

/// The filter bit of a word: from its length and its first and last bytes.
fn first_word_bit(word: &str) -> usize {
    let bytes = word.as_bytes();
    let first = usize::from(bytes.first().copied().unwrap_or(0));
    let last = usize::from(bytes.last().copied().unwrap_or(0));
    (first * 31 + last * 7 + bytes.len() * 131) % FILTER_BITS
}

/// A trie node: the next words, and the phrase ending here (an index into `payloads`).
#[derive(Debug, Clone, Default)]
struct Node {
    next: FxHashMap<Box<str>, usize>,
    payload: Option<usize>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        Self {
            nodes: vec![Node::default()],
            payloads: Vec::new(),
            first_words: vec![0; FILTER_BITS / 64],
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds a phrase; its words are split on whitespace and folded with [`fold_key`].
    /// Punctuation attached to words (",", "-") becomes words of its own, as in the
    /// extractor's tokens. A phrase inserted again keeps its first payload.
    pub fn insert(&mut self, phrase: &str, payload: T) {
        let words = split_words(&fold_key(phrase));
        if words.is_empty() {
            return;
        }
        let bit = first_word_bit(&words[0]);
        self.first_words[bit / 64] |= 1 << (bit % 64);
        let mut node = 0;
        for word in words {
            node = match self.nodes[node].next.get(word.as_str()) {
                Some(&child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].next.insert(word.into_boxed_str(), child);
                    child
                }
            };
        }
        if self.nodes[node].payload.is_none() {
            self.nodes[node].payload = Some(self.payloads.len());
            self.payloads.push(payload);
        }
    }

    /// The longest phrase that starts at `keys[0]`: its length in words and payload.
    pub fn longest_at<S: AsRef<str>>(&self, keys: &[S]) -> Option<(usize, &T)> {
        let bit = first_word_bit(keys.first()?.as_ref());
        if self.first_words[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mut node = 0;
        let mut found = None;
        for (len, key) in keys.iter().enumerate() {
            let Some(&child) = self.nodes[node].next.get(key.as_ref()) else {
                break;
            };
            node = child;
            if let Some(p) = self.nodes[node].payload {
                found = Some((len + 1, &self.payloads[p]));
            }
        }
        found
    }

    /// Whether a phrase of at most `max_len` words, read as [`Self::longest_at`] reads
    /// it, ends right before `keys[end]`: the honorific before a name, the verb before a
    /// meeting, the title before a body.
    pub fn ends_at<S: AsRef<str>>(&self, keys: &[S], end: usize, max_len: usize) -> bool {
        (1..=max_len.min(end)).any(|len| {
            self.longest_at(&keys[end - len..])
                .is_some_and(|(l, _)| l == len)
        })
    }

    /// Whether the table has no phrase.
    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }
}

/// Splits folded text into words the way the extractor tokenises: runs of letters and
/// digits are words, every other non-space character is a word of its own.
pub fn split_words(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if is_alphanumeric(c) {
            word.push(c);
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let mut t = PhraseTable::default();
        t.insert("Bí thư", 1);
        t.insert("bí thư trung ương đảng", 2);
        let keys = split_words("bí thư trung ương đảng, bí thư tỉnh ủy");
        assert_eq!(t.longest_at(&keys), Some((5, &2)));
        assert_eq!(t.longest_at(&keys[6..]), Some((2, &1)));
        assert_eq!(t.longest_at(&keys[5..]), None);
        assert_eq!(t.longest_at(&keys[..1]), None);
    }

    #[test]
    fn a_phrase_ends_right_before_a_word() {
        let mut t = PhraseTable::default();
        t.insert("chủ trì", ());
        t.insert("chủ trì và điều hành", ());
        let keys = split_words("đồng chí A chủ trì hội nghị");
        assert!(t.ends_at(&keys, 5, 3));
        assert!(!t.ends_at(&keys, 5, 1));
        assert!(!t.ends_at(&keys, 4, 3));
        // Read the way longest_at reads: from the start the longer phrase wins, so the
        // short one does not end at word 2.
        let keys = split_words("chủ trì và điều hành hội nghị");
        assert!(t.ends_at(&keys, 5, 5));
        assert!(!t.ends_at(&keys, 2, 2));
        assert!(!t.ends_at(&keys, 0, 3));
    }

    #[test]
    fn a_repeated_phrase_keeps_its_first_payload() {
        let mut t = PhraseTable::default();
        assert!(t.is_empty());
        t.insert("ủy viên", 1);
        t.insert("Ủy  viên", 2);
        assert_eq!(t.longest_at(&split_words("ủy viên ban")), Some((2, &1)));
        assert!(!t.is_empty());
    }

    #[test]
    fn punctuation_is_its_own_word() {
        assert_eq!(
            split_words("sở văn hóa, thể thao"),
            vec!["sở", "văn", "hóa", ",", "thể", "thao"]
        );
    }
}
