//! Multi-word phrase tables matched over folded word keys.
//!
//! Lexicon entries are phrases of several words ("phó bí thư thường trực"). Text is
//! tokenised into folded word keys by the extractor; a [`PhraseTable`] finds the
//! longest entry starting at a given word in time proportional to the candidates that
//! share the first word. Keys are hashed with FxHash: the tables are looked up at
//! every token, and the keys are short trusted lexicon words.

use rustc_hash::FxHashMap;

use cadre_text::fold_key;

/// A table of phrases, each a sequence of folded words, with a payload.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: FxHashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        Self {
            by_first: FxHashMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds a phrase; its words are split on whitespace and folded with [`fold_key`].
    /// Punctuation attached to words (",", "-") becomes words of its own, as in the
    /// extractor's tokens.
    pub fn insert(&mut self, phrase: &str, payload: T) {
        let words = split_words(&fold_key(phrase));
        if words.is_empty() {
            return;
        }
        let bucket = self.by_first.entry(words[0].clone()).or_default();
        bucket.push((words, payload));
        bucket.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase that starts at `keys[0]`: its length in words and payload.
    pub fn longest_at<S: AsRef<str>>(&self, keys: &[S]) -> Option<(usize, &T)> {
        let first = keys.first()?.as_ref();
        let bucket = self.by_first.get(first)?;
        bucket.iter().find_map(|(words, payload)| {
            let matches =
                words.len() <= keys.len() && words.iter().zip(keys).all(|(w, k)| w == k.as_ref());
            matches.then_some((words.len(), payload))
        })
    }

    /// Whether the table has no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// Splits folded text into words the way the extractor tokenises: runs of letters and
/// digits are words, every other non-space character is a word of its own.
pub fn split_words(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
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
    }

    #[test]
    fn punctuation_is_its_own_word() {
        assert_eq!(
            split_words("sở văn hóa, thể thao"),
            vec!["sở", "văn", "hóa", ",", "thể", "thao"]
        );
    }
}
