//! Officials and their posts.
//!
//! Grammar: `post := [nguyên|quyền] ROLE [BODY [PLACE]]`; a name is two to five
//! capitalised syllables starting with a known family name (or after "đồng chí").
//! Posts attach to a name after it ("X - Thành ủy viên, Bí thư Huyện ủy", joined by
//! ",", "-", "kiêm", "và") or right before it ("Bí thư Quận ủy Thanh Xuân Bùi Huyền
//! Mai"); a post directly followed by a name belongs to that name.

use cadre_lexicon::places::Gazetteer;

use crate::article::Doc;
use crate::model::{BodyRef, Person, Position};
use crate::tokens::adjacent;

/// A post read in a sentence: tokens `start..end`.
#[derive(Debug, Clone)]
struct PostSpan {
    start: usize,
    end: usize,
    role: String,
    body: BodyRef,
    former: bool,
    acting: bool,
}

/// A name read in a sentence: tokens `start..end`.
#[derive(Debug, Clone)]
struct NameSpan {
    start: usize,
    end: usize,
    honorific: bool,
}

/// Separators inside a chain of posts.
const CHAIN_SEPARATORS: [&str; 5] = [",", "-", "–", "kiêm", "và"];
/// Separators between a name and the posts after it.
const APPOSITION: [&str; 5] = ["-", "–", ",", "(", ":"];

impl Doc {
    /// Every named official of the article with their posts, merged by name.
    pub fn persons(&self) -> Vec<Person> {
        let mut persons: Vec<Person> = Vec::new();
        for s in 0..self.tokens.len() {
            let posts = self.posts_in(s);
            let names = self.names_in(s, &posts);
            let toks = &self.tokens[s];
            let mut claimed = vec![false; posts.len()];
            for name in &names {
                let mut mine: Vec<usize> = Vec::new();
                // Posts before the name, ending right at it (honorific allowed between).
                let mut j = name.start;
                if self.honorific_ending_at(s, j).is_some() {
                    j -= self.honorific_ending_at(s, j).unwrap_or(0);
                }
                while let Some(p) = posts.iter().position(|p| p.end == j) {
                    if claimed[p] {
                        break;
                    }
                    mine.push(p);
                    claimed[p] = true;
                    j = posts[p].start;
                    match j.checked_sub(1).map(|k| toks[k].key.as_str()) {
                        Some(sep) if CHAIN_SEPARATORS.contains(&sep) => j -= 1,
                        _ => break,
                    }
                }
                // Posts after the name.
                let mut j = name.end;
                if toks
                    .get(j)
                    .is_some_and(|t| APPOSITION.contains(&t.key.as_str()))
                {
                    j += 1;
                }
                while let Some(p) = posts.iter().position(|p| p.start == j) {
                    let binds_next = names.iter().any(|n| {
                        n.start == posts[p].end
                            && adjacent(&self.text, &toks[posts[p].end - 1], &toks[n.start])
                    });
                    if claimed[p] || binds_next {
                        break;
                    }
                    mine.push(p);
                    claimed[p] = true;
                    j = posts[p].end;
                    match toks.get(j).map(|t| t.key.as_str()) {
                        Some(sep) if CHAIN_SEPARATORS.contains(&sep) => j += 1,
                        _ => break,
                    }
                }
                if mine.is_empty() && !name.honorific {
                    continue;
                }
                let text = &self.text[toks[name.start].start..toks[name.end - 1].end];
                let evidence = self.evidence(s, toks[name.start].start, toks[name.end - 1].end);
                let positions = mine.iter().map(|&p| {
                    let post = &posts[p];
                    Position {
                        role: post.role.clone(),
                        body: post.body.clone(),
                        former: post.former,
                        acting: post.acting,
                        evidence: self.evidence(s, toks[post.start].start, toks[post.end - 1].end),
                    }
                });
                let key = cadre_text::fold_key(text);
                let idx = match persons
                    .iter()
                    .position(|p| cadre_text::fold_key(&p.name) == key)
                {
                    Some(i) => i,
                    None => {
                        persons.push(Person {
                            name: text.to_string(),
                            positions: Vec::new(),
                            mentions: Vec::new(),
                        });
                        persons.len() - 1
                    }
                };
                let person = &mut persons[idx];
                person.mentions.push(evidence);
                for pos in positions {
                    let known = person.positions.iter().any(|q| {
                        q.role == pos.role && q.body == pos.body && q.former == pos.former
                    });
                    if !known {
                        person.positions.push(pos);
                    }
                }
            }
        }
        persons
    }

    /// The length of an honorific ("đồng chí") that ends at token `end`, if any.
    fn honorific_ending_at(&self, s: usize, end: usize) -> Option<usize> {
        (1..=2).find(|&len| {
            end >= len
                && self
                    .vocab
                    .cues
                    .honorific
                    .longest_at(self.keys(s, end - len))
                    .is_some_and(|(l, _)| l == len)
        })
    }

    /// Non-overlapping posts of sentence `s`, left to right.
    fn posts_in(&self, s: usize) -> Vec<PostSpan> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens[s].len() {
            match self.post_at(s, i) {
                Some(p) => {
                    i = p.end;
                    out.push(p);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Parses `[nguyên|quyền] ROLE [BODY [PLACE]]` at token `i` of sentence `s`.
    fn post_at(&self, s: usize, i: usize) -> Option<PostSpan> {
        let v = self.vocab;
        let mut j = i;
        let mut former = false;
        let mut acting = false;
        loop {
            let keys = self.keys(s, j);
            if let Some((len, _)) = v.cues.former.longest_at(keys) {
                former = true;
                j += len;
            } else if let Some((len, _)) = v.cues.acting.longest_at(keys) {
                acting = true;
                j += len;
            } else {
                break;
            }
        }
        let keys = self.keys(s, j);
        let (rlen, role) = v.roles.longest_at(keys)?;
        let role_end = j + rlen;
        let (body, blen) = match &role.implied_org {
            Some(org) => (self.implied_body(org), 0),
            None => {
                let shared = self.tokens[s][role_end - 1].key.as_str();
                let shared = matches!(shared, "ban" | "đoàn").then_some(shared);
                self.body_at(s, role_end, shared)?
            }
        };
        let role_name = match (role.role.as_str(), body.org.as_str()) {
            // "Ủy viên" of a committee's standing board is the standing-committee post.
            ("Ủy viên", org) if org.starts_with("Ban Thường vụ ") => {
                return Some(PostSpan {
                    start: i,
                    end: role_end + blen,
                    role: "Ủy viên Ban Thường vụ".into(),
                    body: BodyRef {
                        org: org["Ban Thường vụ ".len()..].to_string(),
                        ..body
                    },
                    former,
                    acting,
                })
            }
            (r, _) => r.to_string(),
        };
        Some(PostSpan {
            start: i,
            end: role_end + blen,
            role: role_name,
            body,
            former,
            acting,
        })
    }

    /// Person names in sentence `s`, outside posts.
    fn names_in(&self, s: usize, posts: &[PostSpan]) -> Vec<NameSpan> {
        let toks = &self.tokens[s];
        let in_post = |i: usize| posts.iter().any(|p| p.start <= i && i < p.end);
        let honorific_seen = |i: usize| {
            (0..i).any(|k| {
                self.vocab
                    .cues
                    .honorific
                    .longest_at(self.keys(s, k))
                    .is_some_and(|(l, _)| k + l <= i)
            })
        };
        let gaz = Gazetteer::global();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let direct_honorific = self.honorific_ending_at(s, i).is_some();
            let starts = t.is_word
                && t.is_capitalised
                && !in_post(i)
                && (self.vocab.is_family_name(&t.key) || direct_honorific)
                && !t.key.chars().all(|c| c.is_ascii_digit());
            if !starts {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < toks.len()
                && end - i < 5
                && toks[end].is_word
                && toks[end].is_capitalised
                && !in_post(end)
                && adjacent(&self.text, &toks[end - 1], &toks[end])
                && self.vocab.roles.longest_at(self.keys(s, end)).is_none()
                && self.vocab.bodies.longest_at(self.keys(s, end)).is_none()
            {
                end += 1;
            }
            let text = &self.text[t.start..toks[end - 1].end];
            let is_place = !gaz.find(text).is_empty();
            let blocked = (1..=3).any(|len| {
                i >= len
                    && self
                        .vocab
                        .name_blockers
                        .longest_at(self.keys(s, i - len))
                        .is_some_and(|(l, _)| l == len)
            });
            let upper_run = text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if end - i >= 2 && !is_place && !blocked && !upper_run {
                out.push(NameSpan {
                    start: i,
                    end,
                    honorific: direct_honorific || honorific_seen(i),
                });
            }
            i = end;
        }
        out
    }
}
