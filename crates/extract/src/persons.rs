//! Officials and their posts.
//!
//! Grammar: `post := [nguyên|quyền] ROLE [BODY [PLACE]]`; a name is two to five
//! capitalised syllables starting with a known family name (or after "đồng chí").
//! Posts attach to a name after it ("X - Thành ủy viên, Bí thư Huyện ủy", joined by
//! ",", "-", "kiêm", "và") or right before it ("Bí thư Quận ủy Thanh Xuân Bùi Huyền
//! Mai"); a post directly followed by a name belongs to that name.

use std::collections::HashMap;

use cadre_lexicon::places::{Gazetteer, Level, PlaceKind};

use crate::article::Doc;
use crate::model::{BodyRef, Person, PlaceRef, Position};
use crate::places::{level_word_at, place_at, place_ref};
use crate::tokens::adjacent;
use cadre_lexicon::vocab::{BodyKind, BodyLevel};

/// A post read in a sentence: tokens `start..end`.
#[derive(Debug, Clone)]
struct PostSpan {
    start: usize,
    end: usize,
    role: String,
    body: BodyRef,
    former: bool,
    acting: bool,
    /// The place was written after the body, not implied by context.
    explicit: bool,
    /// A committee title written without its committee ("Ủy viên BTV, Chủ nhiệm
    /// UBKT Tỉnh ủy"): the body comes from the next post of the chain.
    needs_body: bool,
}

/// A name read in a sentence: tokens `start..end`.
#[derive(Debug, Clone)]
struct NameSpan {
    start: usize,
    end: usize,
    honorific: bool,
}

/// Separators inside a chain of posts.
const CHAIN_SEPARATORS: [&str; 6] = [",", "-", "–", "kiêm", "và", "("];
/// Separators between a name and the posts after it.
const APPOSITION: [&str; 5] = ["-", "–", ",", "(", ":"];

/// A post "of the Đảng bộ tỉnh" is a post of its committee (Tỉnh ủy): the party
/// organisation's committee takes its name from the level of the place.
fn committee_of_organisation(body: BodyRef) -> BodyRef {
    use cadre_lexicon::places::PlaceKind as K;
    if body.org != "Đảng bộ" {
        return body;
    }
    let Some(place) = &body.place else {
        return body;
    };
    let Some(id) = Gazetteer::global().by_code(&place.code) else {
        return body;
    };
    let org = match Gazetteer::global().place(id).kind {
        K::Province => "Tỉnh ủy",
        K::CentralCity | K::ProvincialCity => "Thành ủy",
        K::RuralDistrict => "Huyện ủy",
        K::UrbanDistrict => "Quận ủy",
        K::Town => "Thị ủy",
        _ => "Đảng ủy",
    };
    BodyRef {
        org: org.into(),
        kind: BodyKind::PartyCommittee.as_str().into(),
        ..body
    }
}

impl Doc {
    /// Every named official of the article with their posts, merged by name.
    pub fn persons(&self) -> Vec<Person> {
        let mut persons: Vec<Person> = Vec::new();
        // Folded names of `persons`, index for index.
        let mut keys: Vec<String> = Vec::new();
        for s in 0..self.tokens.len() {
            let mut posts = self.posts_in(s);
            self.share_written_places(s, &mut posts);
            let names = self.names_in(s, &posts);
            posts.extend(self.membership_posts(s, &posts));
            let toks = &self.tokens[s];
            let mut claimed = vec![false; posts.len()];
            // For each name: (post index, former) pairs.
            let mut held: Vec<Vec<(usize, bool)>> = vec![Vec::new(); names.len()];
            for (n, name) in names.iter().enumerate() {
                // Posts before the name, ending right at it (honorific allowed between).
                let mut j = name.start - self.honorific_ending_at(s, name.start).unwrap_or(0);
                while let Some(p) = posts.iter().position(|p| p.end == j) {
                    if claimed[p] {
                        break;
                    }
                    held[n].push((p, posts[p].former));
                    claimed[p] = true;
                    j = posts[p].start;
                    match j.checked_sub(1).map(|k| toks[k].key.as_str()) {
                        Some(sep) if CHAIN_SEPARATORS.contains(&sep) => j -= 1,
                        _ => break,
                    }
                }
                // Posts after the name, past a parenthesis ("X (sinh năm 1981), …").
                let mut j = name.end;
                if toks.get(j).is_some_and(|t| t.key == "(") {
                    if let Some(close) = toks[j..].iter().take(12).position(|t| t.key == ")") {
                        j += close + 1;
                    }
                }
                if toks
                    .get(j)
                    .is_some_and(|t| APPOSITION.contains(&t.key.as_str()))
                {
                    j += 1;
                }
                let chain = self.chain_from(s, j, &posts, &names, &claimed);
                for &p in &chain {
                    claimed[p] = true;
                    held[n].push((p, posts[p].former));
                }
            }
            let mut replaced: HashMap<usize, usize> = HashMap::new();
            self.assign_by_verb(
                s,
                &mut posts,
                &names,
                &mut claimed,
                &mut held,
                &mut replaced,
            );
            let name_text = |n: &NameSpan| &self.text[toks[n.start].start..toks[n.end - 1].end];
            for (n, name) in names.iter().enumerate() {
                if held[n].is_empty() && !name.honorific {
                    continue;
                }
                let positions = held[n].iter().map(|&(p, former)| {
                    let post = &posts[p];
                    Position {
                        role: post.role.clone(),
                        body: post.body.clone(),
                        former,
                        acting: post.acting,
                        replaces: replaced
                            .get(&p)
                            .filter(|_| !former)
                            .map(|&r| name_text(&names[r]).to_string()),
                        evidence: self.evidence(s, toks[post.start].start, toks[post.end - 1].end),
                    }
                });
                let text = &self.text[toks[name.start].start..toks[name.end - 1].end];
                let evidence = self.evidence(s, toks[name.start].start, toks[name.end - 1].end);
                let key = cadre_text::fold_normalized(text);
                let idx = match keys.iter().position(|k| *k == key) {
                    Some(i) => i,
                    None => {
                        keys.push(key);
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
                    let known = person.positions.iter_mut().find(|q| {
                        q.role == pos.role && q.body == pos.body && q.former == pos.former
                    });
                    match known {
                        Some(q) => {
                            if q.replaces.is_none() {
                                q.replaces = pos.replaces;
                            }
                        }
                        None => person.positions.push(pos),
                    }
                }
            }
        }
        persons
    }

    /// In a chain of posts the written place of a later post also places the earlier
    /// ones of the same level: "Bí thư Huyện ủy, Chủ tịch HĐND huyện Hải Hà" → both in
    /// Hải Hà.
    fn share_written_places(&self, s: usize, posts: &mut [PostSpan]) {
        let toks = &self.tokens[s];
        for k in (0..posts.len().saturating_sub(1)).rev() {
            let joined = posts[k].end + 1 == posts[k + 1].start
                && CHAIN_SEPARATORS.contains(&toks[posts[k].end].key.as_str())
                || posts[k].end == posts[k + 1].start;
            if !joined || posts[k].explicit {
                continue;
            }
            let Some(place) = posts[k + 1].body.place.clone() else {
                continue;
            };
            if self.place_fits(&posts[k].body.org, &place) {
                posts[k].body.place = Some(place);
                posts[k].explicit = posts[k + 1].explicit;
            }
        }
    }

    /// Whether a place is at the level of the org ("Huyện ủy" → a district).
    fn place_fits(&self, org: &str, place: &PlaceRef) -> bool {
        let gaz = Gazetteer::global();
        let Some(id) = gaz.by_code(&place.code) else {
            return false;
        };
        match self.org_level(org) {
            BodyLevel::Any => true,
            BodyLevel::National => false,
            BodyLevel::Province => gaz.place(id).level() == Level::Province,
            BodyLevel::City => matches!(
                gaz.place(id).kind,
                PlaceKind::CentralCity | PlaceKind::ProvincialCity
            ),
            BodyLevel::District => gaz.place(id).level() == Level::District,
            BodyLevel::Commune => gaz.place(id).level() == Level::Commune,
        }
    }

    /// The level of an org, from the body that ends its name ("Ban Tổ chức Tỉnh ủy" →
    /// province).
    fn org_level(&self, org: &str) -> BodyLevel {
        let words = cadre_lexicon::phrases::split_words(&cadre_text::fold_key(org));
        if self.vocab.departments.longest_at(&words).is_some() {
            return BodyLevel::Province;
        }
        (0..words.len())
            .find_map(|k| {
                let (len, entry) = self.vocab.bodies.longest_at(&words[k..])?;
                (k + len == words.len()).then_some(entry.level)
            })
            .unwrap_or(BodyLevel::Any)
    }

    /// Unclaimed posts chained from token `j` by ",", "-", "kiêm", "và"; stops at a
    /// post that is directly followed by a name (it belongs to that name).
    fn chain_from(
        &self,
        s: usize,
        mut j: usize,
        posts: &[PostSpan],
        names: &[NameSpan],
        claimed: &[bool],
    ) -> Vec<usize> {
        let toks = &self.tokens[s];
        let mut chain = Vec::new();
        while let Some(p) = posts.iter().position(|p| p.start == j) {
            let binds_next = names.iter().any(|n| {
                n.start == posts[p].end
                    && adjacent(&self.text, &toks[posts[p].end - 1], &toks[n.start])
            });
            if claimed[p] || binds_next {
                break;
            }
            chain.push(p);
            j = posts[p].end;
            match toks.get(j).map(|t| t.key.as_str()) {
                Some(sep) if CHAIN_SEPARATORS.contains(&sep) => j += 1,
                _ => break,
            }
        }
        chain
    }

    /// Posts introduced by an appointment verb ("được bầu giữ chức", "giữ chức vụ",
    /// "làm", "tham gia") go to the subject: the nearest name before the verb and the
    /// names listed with it. A person replaced in the same breath ("thay ông X") held
    /// those posts before: X gets them as former posts when X has none of their own.
    fn assign_by_verb(
        &self,
        s: usize,
        posts: &mut [PostSpan],
        names: &[NameSpan],
        claimed: &mut [bool],
        held: &mut [Vec<(usize, bool)>],
        replaced: &mut HashMap<usize, usize>,
    ) {
        let toks = &self.tokens[s];
        let cues = &self.vocab.cues;
        for i in 0..toks.len() {
            let Some((len, _)) = cues.assign.longest_at(self.keys(s, i)) else {
                continue;
            };
            // "từng giữ các chức vụ: …" lists former posts.
            let mut start = i + len;
            if toks.get(start).is_some_and(|t| t.key == ":") {
                start += 1;
            }
            let once = (i.saturating_sub(3)..i).any(|k| toks[k].key == "từng");
            let chain = self.chain_from(s, start, posts, names, claimed);
            if chain.is_empty() {
                continue;
            }
            // "miễn nhiệm chức danh Chủ tịch UBND huyện đối với đồng chí X": the subject
            // follows the post.
            let after_chain = posts[*chain.last().expect("non-empty")].end;
            let named_after = (toks.get(after_chain).map(|t| t.key.as_str()) == Some("đối")
                && toks.get(after_chain + 1).map(|t| t.key.as_str()) == Some("với"))
            .then(|| {
                let j = after_chain + 2;
                let j = j + self.honorific_at(s, j);
                names.iter().position(|n| n.start == j)
            })
            .flatten();
            let subjects = match named_after {
                Some(n) => vec![n],
                None => self.subjects_before(s, i, names, posts, held),
            };
            if subjects.is_empty() {
                continue;
            }
            for &p in &chain {
                claimed[p] = true;
                // "X - Phó Bí thư Tỉnh ủy Thanh Hóa được bầu giữ chức Chủ tịch UBND tỉnh":
                // an implied place is the subject's own written place at that level.
                if !posts[p].explicit {
                    let own = held[subjects[0]]
                        .iter()
                        .map(|&(q, _)| &posts[q])
                        .filter(|q| q.explicit)
                        .filter_map(|q| q.body.place.clone())
                        .find(|place| self.place_fits(&posts[p].body.org, place));
                    if let Some(place) = own {
                        posts[p].body.place = Some(place);
                    }
                }
                for &n in &subjects {
                    held[n].push((p, posts[p].former || once));
                }
            }
            // "… [nhiệm kỳ 2020-2025 | khóa XII], thay (thế) (ông|bà|đồng chí) X"
            let mut j = posts[*chain.last().expect("non-empty")].end;
            if toks
                .get(j)
                .is_some_and(|t| t.key == "nhiệm" || t.key == "khóa")
            {
                let comma = toks[j..].iter().take(8).position(|t| t.key == ",");
                j += comma.unwrap_or(0);
            }
            if toks.get(j).is_some_and(|t| t.key == ",") {
                j += 1;
            }
            let Some((rlen, _)) = cues.replace.longest_at(self.keys(s, j)) else {
                continue;
            };
            j += rlen;
            j += self.honorific_at(s, j);
            if let Some(n) = names.iter().position(|n| n.start == j) {
                if held[n].is_empty() {
                    held[n].extend(chain.iter().map(|&p| (p, true)));
                }
                replaced.extend(chain.iter().map(|&p| (p, n)));
            }
        }
    }

    /// The subject of a verb at token `verb`: the nearest name before it in the
    /// sentence, with the names listed before that one ("A, B và C được bầu").
    fn subjects_before(
        &self,
        s: usize,
        verb: usize,
        names: &[NameSpan],
        posts: &[PostSpan],
        held: &[Vec<(usize, bool)>],
    ) -> Vec<usize> {
        let toks = &self.tokens[s];
        let Some(last) = names.iter().rposition(|n| n.end <= verb) else {
            return Vec::new();
        };
        // Between the subject and the verb only its own posts and light words.
        let own_end = held[last]
            .iter()
            .map(|&(p, _)| posts[p].end)
            .filter(|&e| e <= verb)
            .max()
            .unwrap_or(names[last].end)
            .max(names[last].end);
        // "…, được tiếp nhận và bổ nhiệm làm …": a few plain words, no punctuation.
        let mut depth = 0i32;
        let gap: Vec<&crate::tokens::Token> = toks[own_end..verb]
            .iter()
            .filter(|t| {
                match t.key.as_str() {
                    "(" => depth += 1,
                    ")" => {
                        depth -= 1;
                        return false;
                    }
                    _ => {}
                }
                depth == 0
            })
            .collect();
        let plain = gap.iter().filter(|t| t.is_word).count() <= 7
            && gap.iter().filter(|t| !t.is_word).all(|t| t.key == ",")
            && gap.iter().filter(|t| !t.is_word).count() <= 1;
        if !plain {
            return Vec::new();
        }
        let mut subjects = vec![last];
        let mut k = last;
        while k > 0 {
            let prev = &names[k - 1];
            let gap = &toks[prev.end
                ..names[k].start - self.honorific_ending_at(s, names[k].start).unwrap_or(0)];
            let listed = !gap.is_empty()
                && gap
                    .iter()
                    .all(|t| matches!(t.key.as_str(), "," | "và" | ";"))
                && gap.len() <= 2;
            if !listed {
                break;
            }
            subjects.push(k - 1);
            k -= 1;
        }
        subjects
    }

    /// Length of an honorific starting at token `i` (0 when none).
    fn honorific_at(&self, s: usize, i: usize) -> usize {
        self.vocab
            .cues
            .honorific
            .longest_at(self.keys(s, i))
            .map_or(0, |(len, _)| len)
    }

    /// "tham gia Ban Chấp hành, Ban Thường vụ …, giữ chức Phó Bí thư Huyện ủy X":
    /// membership of the committee's executive and standing boards, as posts of the
    /// party committee named next in the sentence.
    fn membership_posts(&self, s: usize, posts: &[PostSpan]) -> Vec<PostSpan> {
        let toks = &self.tokens[s];
        let mut out = Vec::new();
        for i in 1..toks.len() {
            if !(toks[i - 1].key == "gia" && i >= 2 && toks[i - 2].key == "tham") {
                continue;
            }
            let mut j = i;
            let mut roles = Vec::new();
            loop {
                let k = self.keys(s, j);
                let word = |n: usize| k.get(n).map(|t| t.key.as_str());
                let (role, len) = match (word(0), word(1), word(2)) {
                    (Some("ban"), Some("chấp"), Some("hành")) => ("Ủy viên Ban Chấp hành", 3),
                    (Some("ban"), Some("thường"), Some("vụ")) => ("Ủy viên Ban Thường vụ", 3),
                    (Some("bch"), _, _) => ("Ủy viên Ban Chấp hành", 1),
                    (Some("btv"), _, _) => ("Ủy viên Ban Thường vụ", 1),
                    _ => break,
                };
                let start = j;
                j += len;
                // Its committee, when written: "Ban Chấp hành Đảng bộ tỉnh".
                let written = self.body_at(s, j, &[]).map(|(b, blen, explicit)| {
                    j += blen;
                    (committee_of_organisation(b), explicit)
                });
                roles.push((role, start, j, written));
                match self.tokens[s].get(j).map(|t| t.key.as_str()) {
                    Some("," | "và") => j += 1,
                    _ => break,
                }
            }
            // A committee written without its place (or not at all) is the committee of
            // the post named next ("tham gia Ban Thường vụ Tỉnh ủy và giữ chức Phó Bí thư
            // Tỉnh ủy Thanh Hóa").
            let next = posts
                .iter()
                .find(|p| p.start >= j && p.body.kind == BodyKind::PartyCommittee.as_str())
                .map(|p| p.body.clone());
            for (role, start, end, written) in roles {
                let written = written.filter(|(b, _)| b.kind == BodyKind::PartyCommittee.as_str());
                let body = match (written, &next) {
                    (Some((w, true)), _) => w,
                    (Some((w, false)), Some(n)) if n.org == w.org => n.clone(),
                    (Some((w, false)), _) => w,
                    (None, Some(n)) => n.clone(),
                    (None, None) => continue,
                };
                out.push(PostSpan {
                    start,
                    end,
                    role: role.to_string(),
                    body,
                    former: false,
                    acting: false,
                    explicit: true,
                    needs_body: false,
                });
            }
        }
        out
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
        for k in (0..out.len()).rev() {
            if !out[k].needs_body {
                continue;
            }
            let next = out
                .get(k + 1)
                .filter(|n| n.start == out[k].end + 1 && !n.needs_body)
                .and_then(|n| self.committee_of(&n.body));
            match next {
                Some(body) => {
                    out[k].body = body;
                    out[k].needs_body = false;
                }
                None => {
                    out.remove(k);
                }
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
        let (body, blen, explicit) = match &role.implied_org {
            Some(org) => (self.implied_body(org), 0, false),
            None => {
                let role_keys: Vec<&str> = self.tokens[s][j..role_end]
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect();
                let shared: &[&str] = match role_keys.as_slice() {
                    [.., "văn", "phòng"] => &role_keys[role_keys.len() - 2..],
                    [.., last @ ("ban" | "đoàn")] => std::slice::from_ref(last),
                    _ => &[],
                };
                match self
                    .body_at(s, role_end, shared)
                    .or_else(|| self.council_chair_by_level(s, role_end, &role.role))
                {
                    Some(found) => found,
                    None => return self.bodiless_committee_title(s, i, role_end, &role.role),
                }
            }
        };
        let body = committee_of_organisation(body);
        // "Ủy viên" of a committee's standing board is the standing-committee post.
        let (role_name, body) = match body.org.strip_prefix("Ban Thường vụ ") {
            Some(committee) if role.role == "Ủy viên" => (
                "Ủy viên Ban Thường vụ".to_string(),
                BodyRef {
                    org: committee.to_string(),
                    ..body.clone()
                },
            ),
            _ => (role.role.clone(), body),
        };
        Some(PostSpan {
            start: i,
            end: role_end + blen,
            role: role_name,
            body,
            former,
            acting,
            explicit,
            needs_body: false,
        })
    }

    /// A committee title followed by "," or "kiêm" and no body of its own; its body is
    /// filled in by [`Self::posts_in`] from the next post.
    fn bodiless_committee_title(
        &self,
        s: usize,
        start: usize,
        role_end: usize,
        role: &str,
    ) -> Option<PostSpan> {
        let committee_title = matches!(
            role,
            "Ủy viên Ban Thường vụ"
                | "Ủy viên Ban Chấp hành"
                | "Phó Bí thư"
                | "Phó Bí thư Thường trực"
                | "Bí thư"
        );
        let continues = self.tokens[s]
            .get(role_end)
            .is_some_and(|t| t.key == "," || t.key == "kiêm");
        (committee_title && continues).then(|| PostSpan {
            start,
            end: role_end,
            role: role.to_string(),
            body: BodyRef {
                org: String::new(),
                kind: BodyKind::PartyCommittee.as_str().into(),
                place: None,
            },
            former: false,
            acting: false,
            explicit: false,
            needs_body: true,
        })
    }

    /// The party committee a body belongs to: itself, or the committee a board
    /// belongs to ("Ủy ban Kiểm tra Tỉnh ủy" → Tỉnh ủy).
    fn committee_of(&self, body: &BodyRef) -> Option<BodyRef> {
        if body.kind == BodyKind::PartyCommittee.as_str() {
            return Some(body.clone());
        }
        let words = cadre_lexicon::phrases::split_words(&cadre_text::fold_key(&body.org));
        (1..words.len()).find_map(|k| {
            let (len, entry) = self.vocab.bodies.longest_at(&words[k..])?;
            let whole = k + len == words.len() && entry.kind == BodyKind::PartyCommittee;
            whole.then(|| BodyRef {
                org: entry.org.clone(),
                kind: BodyKind::PartyCommittee.as_str().into(),
                place: body.place.clone(),
            })
        })
    }

    /// "Chủ tịch tỉnh Quảng Nam", "Phó Chủ tịch huyện": a chair named by the level
    /// alone is the chair of that unit's People's Committee.
    fn council_chair_by_level(
        &self,
        s: usize,
        i: usize,
        role: &str,
    ) -> Option<(BodyRef, usize, bool)> {
        if !matches!(role, "Chủ tịch" | "Phó Chủ tịch") {
            return None;
        }
        let toks = &self.tokens[s];
        level_word_at(toks, i)?;
        let (mention, len) = place_at(&self.text, toks, i);
        let explicit = !mention.candidates.is_empty();
        let place = self.home.resolve(&mention, BodyLevel::Any);
        let body = BodyRef {
            org: "UBND".into(),
            kind: BodyKind::State.as_str().into(),
            place: place.map(place_ref),
        };
        Some((body, len, explicit))
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
            let is_place = !gaz
                .find_folded(&cadre_text::fold_normalized(text))
                .is_empty();
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
            // "Phạm Văn L." is an anonymised name; "Đoàn ĐBQH" an abbreviation.
            let words = &toks[i..end];
            let initial_last = words.last().is_some_and(|t| t.key.chars().count() == 1);
            let acronym = words.iter().any(|t| {
                let w = &self.text[t.start..t.end];
                w.chars().count() >= 2
                    && w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
            });
            if end - i >= 2 && !is_place && !blocked && !upper_run && !initial_last && !acronym {
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
