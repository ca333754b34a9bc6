//! Officials and their posts.
//!
//! Grammar: `post := [nguyên|quyền] ROLE [BODY [PLACE]]`; a name is two to five
//! capitalised syllables starting with a known family name (or after "đồng chí").
//! Posts attach to a name after it ("X - Thành ủy viên, Bí thư Huyện ủy", joined by
//! ",", "-", "kiêm", "và") or right before it ("Bí thư Quận ủy Thanh Xuân Bùi Huyền
//! Mai"); a post directly followed by a name belongs to that name.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use cadre_lexicon::places::{Gazetteer, Level, PlaceKind};

use crate::article::Doc;
use crate::model::{BodyRef, Person, PlaceRef, Position};
use crate::places::{level_word_at, place_at};
use crate::tokens::adjacent;
use cadre_lexicon::vocab::{BodyKind, BodyLevel};
use cadre_text::chars::is_alphabetic;

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
    /// A title joined to the next one by "-" or "rồi" ("Phó Chủ tịch - Tổng Thư ký
    /// Ủy ban …", "Phó Chủ tịch rồi Chủ tịch UBND tỉnh"): it shares that post's body.
    shares_body: bool,
}

/// A name read in a sentence: tokens `start..end`.
#[derive(Debug, Clone)]
struct NameSpan {
    start: usize,
    end: usize,
    honorific: bool,
    /// A given name alone after an honorific ("bà Nga"): it names the official of
    /// the article whose full name ends with it.
    short: bool,
}

/// Separators inside a chain of posts.
const CHAIN_SEPARATORS: [&str; 7] = [",", "-", "–", "kiêm", "và", "(", "rồi"];
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
    let Some(id) = crate::places::gazetteer_id(place) else {
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

/// The party group ("Đảng đoàn") of a mass organisation, as written before the
/// organisation is named.
const PARTY_GROUP: &str = "Đảng đoàn";

/// "Phó Bí thư, Chủ tịch HĐND tỉnh", "Bí thư, Chủ tịch huyện đảo Cồn Cỏ": a party
/// title with no body before a post of a unit's council, committee or front is a
/// title of that unit's party committee.
fn party_committee_of_unit(body: &BodyRef) -> Option<BodyRef> {
    let local = matches!(body.kind.as_str(), "state" | "front") && body.place.is_some();
    local.then(|| {
        committee_of_organisation(BodyRef {
            org: "Đảng bộ".into(),
            kind: BodyKind::PartyOrganisation.as_str().into(),
            place: body.place.clone(),
        })
    })
}

/// Adds a post to a person unless it is known (same role, body and tense).
pub(crate) fn add_position(person: &mut Person, pos: Position) {
    let known = person
        .positions
        .iter_mut()
        .find(|q| q.role == pos.role && q.body == pos.body && q.former == pos.former);
    match known {
        Some(q) => {
            if q.replaces.is_none() {
                q.replaces = pos.replaces;
            }
        }
        None => person.positions.push(pos),
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
                let chain = self.chain_from(s, j, &posts, &names, &claimed, false);
                for &p in &chain {
                    claimed[p] = true;
                    held[n].push((p, posts[p].former));
                }
            }
            self.listed_holders(s, &mut posts, &names, &mut held);
            self.members_named_in(s, &mut posts, &names, &mut held);
            claimed.resize(posts.len(), true);
            self.share_following_chains(s, &posts, &names, &mut held);
            self.shared_titles(s, &posts, &names, &mut held);
            let mut replaced: HashMap<usize, usize> = HashMap::new();
            let pronoun = self.assign_by_verb(
                s,
                &mut posts,
                &names,
                &mut claimed,
                &mut held,
                &mut replaced,
            );
            self.titles_before_a_comma(s, &posts, &names, &mut claimed, &mut held);
            // Posts of a pronoun go to the official named last before it.
            let last_named = persons
                .iter()
                .enumerate()
                .filter_map(|(k, p)| p.mentions.last().map(|e| (e.sentence, e.start, k)))
                .max()
                .map(|(_, _, k)| k);
            if let Some(k) = last_named.filter(|_| names.is_empty()) {
                for &(p, former) in &pronoun {
                    let post = &posts[p];
                    let pos = Position {
                        role: post.role.clone(),
                        body: post.body.clone(),
                        former,
                        acting: post.acting,
                        replaces: None,
                        evidence: self.evidence(s, toks[post.start].start, toks[post.end - 1].end),
                    };
                    add_position(&mut persons[k], pos);
                }
            }
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
                            .map(|&r| self.name_text(s, &names[r])),
                        evidence: self.evidence(s, toks[post.start].start, toks[post.end - 1].end),
                    }
                });
                let mut text = self.name_text(s, name);
                let evidence = self.evidence(s, toks[name.start].start, toks[name.end - 1].end);
                if name.short {
                    let last_word = toks[name.start].key.as_str();
                    let mut known = keys
                        .iter()
                        .enumerate()
                        .filter(|(_, k)| k.rsplit(' ').next() == Some(last_word));
                    match (known.next(), known.next()) {
                        (Some((k, _)), None) => text.clone_from(&persons[k].name),
                        _ => continue,
                    }
                }
                let key = cadre_text::fold_normalized(&text);
                let idx = match keys.iter().position(|k| *k == key) {
                    Some(i) => i,
                    None => {
                        keys.push(key);
                        persons.push(Person {
                            name: text,
                            positions: Vec::new(),
                            mentions: Vec::new(),
                        });
                        persons.len() - 1
                    }
                };
                let person = &mut persons[idx];
                person.mentions.push(evidence);
                for pos in positions {
                    add_position(person, pos);
                }
            }
        }
        self.elected_lists(&mut persons);
        crate::variants::merge_spelling_variants(persons, |w| self.vocab.is_family_name(w))
    }

    /// "… bầu (cử) 23 vị tham gia Ủy ban …", then the elected listed line by line (or
    /// under "gồm N vị:" headings): each listed official becomes a member of the body.
    fn elected_lists(&self, persons: &mut [Person]) {
        let toks_of = |s: usize| &self.tokens[s];
        let mut s = 0;
        while s < self.tokens.len() {
            let Some(body) = self.election_of_members(s) else {
                s += 1;
                continue;
            };
            let (role, body) = match body.org.strip_prefix("Ban Thường vụ ") {
                Some(committee) => (
                    "Ủy viên Ban Thường vụ",
                    BodyRef {
                        org: committee.to_string(),
                        ..body.clone()
                    },
                ),
                None => ("Ủy viên", body),
            };
            let mut item = s + 1;
            while item < self.tokens.len() {
                let toks = toks_of(item);
                let heading = toks.windows(3).any(|w| {
                    w[0].key == "gồm"
                        && w[1].key.chars().all(|c| c.is_ascii_digit())
                        && matches!(w[2].key.as_str(), "vị" | "đồng" | "người")
                });
                let lead_end = toks
                    .get(4)
                    .map_or(usize::MAX, |t| self.char_offset(t.start));
                let opens_with_name = persons.iter().any(|p| {
                    p.mentions
                        .iter()
                        .any(|e| e.sentence == item && e.start <= lead_end)
                });
                if !(heading || opens_with_name) {
                    break;
                }
                for p in persons.iter_mut() {
                    let Some(e) = p.mentions.iter().find(|e| e.sentence == item) else {
                        continue;
                    };
                    let evidence = e.clone();
                    add_position(
                        p,
                        Position {
                            role: role.to_string(),
                            body: body.clone(),
                            former: false,
                            acting: false,
                            replaces: None,
                            evidence,
                        },
                    );
                }
                item += 1;
            }
            s = item;
        }
    }

    /// The body of "bầu/cử N vị (đồng chí, người) tham gia (vào) BODY" in sentence `s`.
    fn election_of_members(&self, s: usize) -> Option<BodyRef> {
        let toks = &self.tokens[s];
        (1..toks.len().saturating_sub(3)).find_map(|n| {
            let counted = matches!(toks[n + 1].key.as_str(), "vị" | "người")
                && toks[n].key.chars().all(|c| c.is_ascii_digit());
            if !counted
                || !(n.saturating_sub(3)..n).any(|k| matches!(toks[k].key.as_str(), "bầu" | "cử"))
            {
                return None;
            }
            let mut j = n + 2;
            if toks.get(j).is_some_and(|t| t.key == "tham")
                && toks.get(j + 1).is_some_and(|t| t.key == "gia")
            {
                j += 2;
            } else if toks.get(j).is_some_and(|t| t.key == "vào") {
                j += 1;
            } else {
                return None;
            }
            self.body_at(s, j, &[])
                .map(|(b, _, _)| committee_of_organisation(b))
        })
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
            // "nguyên Phó Giám đốc Công an tỉnh, đại biểu HĐND đơn vị số 20 huyện B": a
            // post that ends with its own level word keeps a place of that level.
            if !self.off_own_level(s, &posts[k], &place)
                && self.place_fits(&posts[k].body.org, &place)
            {
                posts[k].body.place = Some(place);
                posts[k].explicit = posts[k + 1].explicit;
            }
        }
    }

    /// Whether `place` is at another level than the bare level word that ends `post`
    /// ("Trưởng phòng Nội vụ huyện" is a district's, whatever commune is near).
    fn off_own_level(&self, s: usize, post: &PostSpan, place: &PlaceRef) -> bool {
        let own_word = post
            .end
            .checked_sub(1)
            .and_then(|last| crate::places::level_word_at(&self.tokens[s], last))
            .filter(|&(_, len)| len == 1);
        own_word.is_some_and(|(word, _)| {
            let gaz = Gazetteer::global();
            crate::places::gazetteer_id(place).is_some_and(|id| {
                !crate::places::levels_for_word(word).contains(&gaz.place(id).level())
            })
        })
    }

    /// Whether a place is at the level of the org ("Huyện ủy" → a district).
    fn place_fits(&self, org: &str, place: &PlaceRef) -> bool {
        let gaz = Gazetteer::global();
        let Some(id) = crate::places::gazetteer_id(place) else {
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
    /// province) or the department that starts it ("Sở …" → province).
    fn org_level(&self, org: &str) -> BodyLevel {
        if crate::article::national_as_written(org) {
            return BodyLevel::National;
        }
        let words = cadre_lexicon::phrases::split_words(&cadre_text::fold_key(org));
        // A department listed or written ("Sở Khoa học Công nghệ"): a ministry, the
        // other `parent` head, is national and was returned above.
        if self.vocab.departments.longest_at(&words).is_some()
            || self.vocab.parent_heads.longest_at(&words).is_some()
        {
            return BodyLevel::Province;
        }
        (0..words.len())
            .find_map(|k| {
                let (len, entry) = self.vocab.bodies.longest_at(&words[k..])?;
                (k + len == words.len()).then_some(entry.level)
            })
            .unwrap_or(BodyLevel::Any)
    }

    /// Unclaimed posts chained from token `j` by ",", "-", "kiêm", "và" (and ";" in a
    /// career list, `career`); stops at a post that is directly followed by a name (it
    /// belongs to that name).
    fn chain_from(
        &self,
        s: usize,
        mut j: usize,
        posts: &[PostSpan],
        names: &[NameSpan],
        claimed: &[bool],
        career: bool,
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
            // "Ủy viên Ban Chấp hành Trung ương Đảng khóa X, Phó Bí thư Tỉnh ủy": a term
            // written behind a post does not end the chain.
            j = self.skip_term_tail(s, posts[p].end);
            match toks.get(j).map(|t| t.key.as_str()) {
                Some(sep) if CHAIN_SEPARATORS.contains(&sep) => j += 1,
                Some(";") if career => j += 1,
                _ => break,
            }
        }
        chain
    }

    /// Posts introduced by an appointment verb ("được bầu giữ chức", "giữ chức vụ",
    /// "làm", "tham gia") go to the subject: the nearest name before the verb and the
    /// names listed with it. A person replaced in the same breath ("thay ông X") held
    /// those posts before: X gets them as former posts when X has none of their own.
    /// Returns the posts whose subject is a pronoun ("ông từng giữ …").
    fn assign_by_verb(
        &self,
        s: usize,
        posts: &mut Vec<PostSpan>,
        names: &[NameSpan],
        claimed: &mut Vec<bool>,
        held: &mut [Vec<(usize, bool)>],
        replaced: &mut HashMap<usize, usize>,
    ) -> Vec<(usize, bool)> {
        let toks = &self.tokens[s];
        let cues = &self.vocab.cues;
        let mut pronoun = Vec::new();
        let mut previous: Option<(Vec<usize>, usize)> = None;
        for i in 0..toks.len() {
            let Some((len, _)) = cues.assign.longest_at(self.keys(s, i)) else {
                continue;
            };
            // "từng giữ các chức vụ: …" lists former posts; a career list after ":" or
            // "từng" runs on through ";" ("…: Phó Giám đốc Sở Y tế; Vụ trưởng …").
            let mut start = i + len;
            // "tái đắc cử chức Chủ tịch …", "đảm nhận chức vụ Bí thư …": the post noun
            // between the verb and the post.
            if toks.get(start).is_some_and(|t| t.key == "chức") {
                start += 1;
                if toks
                    .get(start)
                    .is_some_and(|t| matches!(t.key.as_str(), "vụ" | "danh"))
                {
                    start += 1;
                }
            }
            let mut listed = toks.get(start).is_some_and(|t| t.key == ":");
            if listed {
                start += 1;
            } else if let Some(k) = self.career_list_after(s, start, posts) {
                start = k;
                listed = true;
            }
            let once = (i.saturating_sub(3)..i).any(|k| toks[k].key == "từng");
            let chain = self.chain_from(s, start, posts, names, claimed, listed || once);
            if chain.is_empty() {
                continue;
            }
            // "miễn nhiệm chức danh Chủ tịch HĐND huyện(, cho thôi làm nhiệm vụ đại biểu …)
            // đối với đồng chí X": the subject follows, after the first "đối với" of the
            // clause.
            let after_chain = posts[*chain.last().expect("non-empty")].end;
            let doi_voi = (after_chain..toks.len().min(after_chain + 40))
                .take_while(|&k| !matches!(toks[k].key.as_str(), ";" | "." | ":"))
                .find(|&k| toks[k].key == "đối" && toks.get(k + 1).is_some_and(|t| t.key == "với"));
            let named_after = doi_voi
                .and_then(|k| {
                    let j = k + 2 + self.honorific_at(s, k + 2);
                    names.iter().position(|n| n.start == j)
                })
                .or_else(|| {
                    // "chuẩn y chức danh Bí thư Tỉnh ủy B nhiệm kỳ 2010-2015 cho ông X":
                    // the holder follows "cho" right after the post.
                    let k = self.skip_term_tail(s, after_chain);
                    (toks.get(k)?.key == "cho").then_some(())?;
                    let j = k + 1 + self.honorific_at(s, k + 1);
                    names.iter().position(|n| n.start == j)
                });
            let mut subjects = match named_after {
                Some(n) => vec![n],
                None => self.subjects_before(s, i, names, posts, held),
            };
            // "… thôi giữ chức A … để tham gia B và giữ chức C": the verbs of one
            // subject, joined without another name between them.
            if subjects.is_empty() {
                if let Some((prev, end)) = &previous {
                    let between = &toks[*end..i];
                    let free = between.len() <= 12
                        && !names.iter().any(|n| *end <= n.start && n.start < i)
                        && between
                            .iter()
                            .all(|t| t.is_word || matches!(t.key.as_str(), "," | "-" | "–"));
                    if free {
                        subjects.clone_from(prev);
                    }
                }
            }
            if subjects.is_empty() {
                // "Ông từng kinh qua các chức vụ: …": a pronoun for the official last named.
                if self.pronoun_before(s, i, names) {
                    pronoun.extend(chain.iter().map(|&p| (p, posts[p].former || once)));
                    for &p in &chain {
                        claimed[p] = true;
                    }
                }
                continue;
            }
            previous = Some((
                subjects.clone(),
                posts[*chain.last().expect("non-empty")].end,
            ));
            for &p in &chain {
                claimed[p] = true;
                let former = posts[p].former || once;
                for (k, &n) in subjects.iter().enumerate() {
                    // "X - Phó Bí thư Tỉnh ủy Thanh Hóa được bầu giữ chức Chủ tịch UBND
                    // tỉnh": an implied place is the subject's own written place at that
                    // level; each listed subject has its own ("A, Chủ tịch UBND tỉnh B; C,
                    // Chủ tịch UBND tỉnh D được bầu giữ chức Bí thư Tỉnh ủy").
                    let own = (!posts[p].explicit)
                        .then(|| {
                            held[n]
                                .iter()
                                .map(|&(q, _)| &posts[q])
                                .filter(|q| q.explicit)
                                .filter_map(|q| q.body.place.clone())
                                .find(|place| {
                                    self.place_fits(&posts[p].body.org, place)
                                        && !self.off_own_level(s, &posts[p], place)
                                })
                        })
                        .flatten()
                        .filter(|place| posts[p].body.place.as_ref() != Some(place));
                    let q = match own {
                        Some(place) if k > 0 => {
                            let mut copy = posts[p].clone();
                            copy.body.place = Some(place);
                            posts.push(copy);
                            claimed.push(true);
                            posts.len() - 1
                        }
                        Some(place) => {
                            posts[p].body.place = Some(place);
                            p
                        }
                        None => p,
                    };
                    held[n].push((q, former));
                }
            }
            // "… [nhiệm kỳ 2020-2025 | khóa XII], thay (thế) (ông|bà|đồng chí) X", also
            // after a holder named behind the post ("… đối với ông A, thay ông X").
            let mut j = match named_after {
                Some(n) => names[n].end,
                None => posts[*chain.last().expect("non-empty")].end,
            };
            if toks
                .get(j)
                .is_some_and(|t| t.key == "nhiệm" || t.key == "khóa")
            {
                let comma = toks[j..]
                    .iter()
                    .take(8)
                    .position(|t| t.key == "," || t.key == "(");
                j += comma.unwrap_or(0);
            }
            if toks.get(j).is_some_and(|t| t.key == "," || t.key == "(") {
                j += 1;
            }
            // "…, thay ông X" or "… (sau khi bà X chuyển công tác …)".
            let departed = |j: usize| {
                let after = j + 2 + self.honorific_at(s, j + 2);
                let n = names.iter().position(|n| n.start == after)?;
                cues.departure
                    .longest_at(self.keys(s, names[n].end))
                    .map(|_| n)
            };
            let after_departure =
                (self.keys(s, j).len() > 2 && toks[j].key == "sau" && toks[j + 1].key == "khi")
                    .then(|| departed(j))
                    .flatten();
            let predecessor = match after_departure {
                Some(n) => Some(n),
                None => {
                    let Some((rlen, _)) = cues.replace.longest_at(self.keys(s, j)) else {
                        continue;
                    };
                    j += rlen;
                    j += self.honorific_at(s, j);
                    names.iter().position(|n| n.start == j)
                }
            };
            if let Some(n) = predecessor {
                if held[n].is_empty() {
                    held[n].extend(chain.iter().map(|&p| (p, true)));
                }
                replaced.extend(chain.iter().map(|&p| (p, n)));
            }
        }
        pronoun
    }

    /// Where a career list announced by a noun phrase starts: "từng giữ nhiều chức vụ,
    /// như A, B", "kinh qua nhiều vị trí công tác ở Lào Cai như A, B" — the token after
    /// "như" (and its ":"), when the words before it name posts ("chức", "vị trí") and
    /// no post starts right after the verb.
    fn career_list_after(&self, s: usize, from: usize, posts: &[PostSpan]) -> Option<usize> {
        let toks = &self.tokens[s];
        if posts.iter().any(|p| p.start == from) {
            return None;
        }
        let window = &toks[from.min(toks.len())..toks.len().min(from + 14)];
        let nhu = window
            .iter()
            .take_while(|t| !matches!(t.key.as_str(), "." | ";" | ":"))
            .position(|t| t.key == "như")?;
        let of_posts = window[..nhu]
            .iter()
            .any(|t| t.key == "chức" || t.key == "vị");
        if !of_posts {
            return None;
        }
        let k = from + nhu + 1;
        Some(if toks.get(k).is_some_and(|t| t.key == ":") {
            k + 1
        } else {
            k
        })
    }

    /// Whether the subject of the verb at token `verb` is a pronoun: "ông" or "bà" not
    /// followed by a name, a few light words before the verb ("ông từng kinh qua").
    fn pronoun_before(&self, s: usize, verb: usize, names: &[NameSpan]) -> bool {
        let toks = &self.tokens[s];
        (verb.saturating_sub(3)..verb).any(|k| {
            matches!(toks[k].key.as_str(), "ông" | "bà")
                && !names.iter().any(|n| n.start == k + 1)
                && toks[k + 1..verb].iter().all(|t| {
                    self.vocab
                        .cues
                        .light
                        .longest_at(std::slice::from_ref(&t.key))
                        .is_some()
                })
        })
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
        let Some(mut last) = names.iter().rposition(|n| n.end <= verb) else {
            return Vec::new();
        };
        let mut verb = verb;
        // "X được Chủ tịch tỉnh Y quyết định phân công giữ chức …": Y is the agent of
        // the passive, X the subject.
        let own_start = held[last]
            .iter()
            .map(|&(p, _)| posts[p].start)
            .filter(|&st| st < names[last].start)
            .min()
            .unwrap_or(
                names[last].start - self.honorific_ending_at(s, names[last].start).unwrap_or(0),
            );
        if last > 0 && own_start > 0 && toks[own_start - 1].key == "được" {
            last -= 1;
            verb = own_start - 1;
        }
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
        // "X được Bộ Chính trị điều động …": the agent of the passive is one body,
        // however many words its name takes.
        let agent_words = (own_end..verb)
            .find(|&k| toks[k].key == "được")
            .and_then(|k| self.body_at(s, k + 1, &[]))
            .map_or(0, |(_, len, _)| len.saturating_sub(1));
        // "X, post đến nhận công tác tại UBND tỉnh để được … bổ nhiệm giữ chức": the
        // workplace of a transfer is not the subject's business either.
        let workplace = self.workplace_tokens(s, own_end, verb);
        // "X, post, được điều động, chỉ định tham gia …": at most two commas.
        let plain = gap.iter().filter(|t| t.is_word).count() <= 7 + agent_words + workplace
            && gap.iter().filter(|t| !t.is_word).all(|t| t.key == ",")
            && gap.iter().filter(|t| !t.is_word).count() <= 2;
        if !plain {
            return Vec::new();
        }
        let mut subjects = vec![last];
        let mut k = last;
        while k > 0 {
            let prev = &names[k - 1];
            // An honorific may start inside the name before ("… Đắk Nông Đồng chí A":
            // "Nông Đồng" read as a name): the gap then is empty.
            let next_start = (names[k].start
                - self.honorific_ending_at(s, names[k].start).unwrap_or(0))
            .max(prev.end);
            // "Ông A, Chủ tịch UBND huyện B, bà C và ông D được chỉ định giữ chức …": a
            // listed name may carry its own posts before the next one, with nothing
            // else between ("A, post giữ chức X; B, …" gives A a verb of its own).
            let own = &held[k - 1];
            let own_chain = |j: usize| {
                own.iter()
                    .any(|&(p, _)| posts[p].start <= j && j < posts[p].end)
            };
            let separator = |t: &crate::tokens::Token| matches!(t.key.as_str(), "," | "và" | ";");
            let listed = if own
                .iter()
                .any(|&(p, _)| posts[p].start >= prev.end && posts[p].end <= next_start)
            {
                (prev.end..next_start).all(|j| {
                    own_chain(j)
                        || separator(&toks[j])
                        || APPOSITION.contains(&toks[j].key.as_str())
                })
            } else {
                let gap = &toks[prev.end..next_start];
                !gap.is_empty() && gap.iter().all(separator) && gap.len() <= 2
            };
            if !listed {
                break;
            }
            subjects.push(k - 1);
            k -= 1;
        }
        subjects
    }

    /// "Thành ủy X có 4 phó bí thư gồm: đồng chí A, đồng chí B và đồng chí C", "UBND
    /// tỉnh B có 4 Phó Chủ tịch là ông A, …": a title of a body, then the names that
    /// hold it.
    fn listed_holders(
        &self,
        s: usize,
        posts: &mut Vec<PostSpan>,
        names: &[NameSpan],
        held: &mut [Vec<(usize, bool)>],
    ) {
        let toks = &self.tokens[s];
        for g in 1..toks.len() {
            if toks[g].key != "gồm" && toks[g].key != "là" {
                continue;
            }
            let Some((r, role)) = (1..=4.min(g)).rev().find_map(|len| {
                let (l, role) = self.vocab.roles.longest_at(self.keys(s, g - len))?;
                (l == len && role.implied_org.is_none()).then_some((g - len, role))
            }) else {
                continue;
            };
            let mut c = r;
            if c > 0 && toks[c - 1].key.chars().all(|ch| ch.is_ascii_digit()) {
                c -= 1;
            }
            if c == 0 || toks[c - 1].key != "có" {
                continue;
            }
            let Some((_, body)) = self.body_before(s, c - 1, 10) else {
                continue;
            };
            let mut j = g + 1;
            if toks.get(j).is_some_and(|t| t.key == ":") {
                j += 1;
            }
            let listed = self.list_items(s, j, posts, names);
            if listed.is_empty() {
                continue;
            }
            posts.push(PostSpan {
                start: r,
                end: g,
                role: role.role.clone(),
                body: committee_of_organisation(body),
                former: false,
                acting: false,
                explicit: true,
                needs_body: false,
                shares_body: false,
            });
            for n in listed {
                held[n].push((posts.len() - 1, false));
            }
        }
    }

    /// A title that heads a list gives its post to every name listed: after a plural
    /// word ("các Phó Chủ tịch HĐND tỉnh A, B"; "ba Phó Bí thư là A, B và C") or
    /// before a list opener ("Phó Bí thư Tỉnh ủy nhiệm kỳ 2025-2030 gồm: bà A, …; ông
    /// B, …"; "bầu Phó Chủ tịch UBND tỉnh … đối với: ông A, ông B, …"; "các Ủy viên
    /// Ban Thường vụ Tỉnh ủy: A - …; B - …"). Each listed name keeps its own chain.
    fn shared_titles(
        &self,
        s: usize,
        posts: &[PostSpan],
        names: &[NameSpan],
        held: &mut [Vec<(usize, bool)>],
    ) {
        let toks = &self.tokens[s];
        let cues = &self.vocab.cues;
        for (p, post) in posts.iter().enumerate() {
            let plural = cues.plural.ends_at(toks, post.start, 2)
                || post.start > 0 && toks[post.start - 1].key.chars().all(|c| c.is_ascii_digit());
            let mut j = self.skip_term_tail(s, post.end);
            if let Some((len, _)) = cues.list.longest_at(self.keys(s, j)) {
                j += len;
            } else if toks.get(j).is_some_and(|t| t.key == "là") && plural {
                j += 1;
            } else if !(plural || toks.get(j).is_some_and(|t| t.key == ":")) {
                continue;
            }
            if toks.get(j).is_some_and(|t| t.key == ":") {
                j += 1;
            }
            for n in self.list_items(s, j, posts, names) {
                if !held[n].iter().any(|&(q, _)| q == p) {
                    held[n].push((p, post.former));
                }
            }
        }
    }

    /// The names listed from token `j`: "[honorific] NAME [its own chain]" joined by
    /// ",", ";" or "và".
    fn list_items(
        &self,
        s: usize,
        mut j: usize,
        posts: &[PostSpan],
        names: &[NameSpan],
    ) -> Vec<usize> {
        let toks = &self.tokens[s];
        let mut items = Vec::new();
        loop {
            j += self.honorific_at(s, j);
            let Some(n) = names.iter().position(|n| n.start == j) else {
                break;
            };
            items.push(n);
            j = names[n].end;
            loop {
                if let Some(p) = posts.iter().find(|p| p.start == j) {
                    j = self.skip_term_tail(s, p.end);
                    continue;
                }
                match toks.get(j).map(|t| t.key.as_str()) {
                    Some("-" | "–" | "," | "kiêm") => j += 1,
                    Some("(") => match toks[j..].iter().take(12).position(|t| t.key == ")") {
                        Some(close) => j += close + 1,
                        None => break,
                    },
                    _ => break,
                }
            }
            while toks.get(j).is_some_and(|t| t.key == ";" || t.key == "và") {
                j += 1;
            }
        }
        items
    }

    /// The token after a term written behind a post ("khóa XII", "nhiệm kỳ
    /// 2020 - 2025", "khóa X, nhiệm kỳ 2011-2016"), or `j` when none follows.
    fn skip_term_tail(&self, s: usize, mut j: usize) -> usize {
        let toks = &self.tokens[s];
        let key = |k: usize| toks.get(k).map_or("", |t| t.key.as_str());
        loop {
            let start = j;
            if key(j) == "," && matches!(key(j + 1), "khóa" | "nhiệm") {
                j += 1;
            }
            if key(j) == "khóa" && toks.get(j + 1).is_some_and(|t| t.is_word) {
                j += 2;
            } else if key(j) == "nhiệm" && key(j + 1) == "kỳ" {
                j += 2;
                while toks.get(j).is_some_and(|t| {
                    t.key.chars().all(|c| c.is_ascii_digit())
                        || matches!(t.key.as_str(), "-" | "–" | "/")
                }) {
                    j += 1;
                }
            } else {
                return start;
            }
        }
    }

    /// "ông A, ông B, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh": names listed with no
    /// post of their own before a name whose chain follows it share that chain.
    fn share_following_chains(
        &self,
        s: usize,
        posts: &[PostSpan],
        names: &[NameSpan],
        held: &mut [Vec<(usize, bool)>],
    ) {
        let toks = &self.tokens[s];
        for k in (0..names.len().saturating_sub(1)).rev() {
            let next = &names[k + 1];
            let next_start = next.start - self.honorific_ending_at(s, next.start).unwrap_or(0);
            // Names that overlap an honorific leave no gap to read.
            let Some(gap) = toks.get(names[k].end..next_start) else {
                continue;
            };
            let listed = gap.len() == 1 && matches!(gap[0].key.as_str(), "," | "và");
            if !listed || !held[k].is_empty() {
                continue;
            }
            let chain: Vec<(usize, bool)> = held[k + 1]
                .iter()
                .copied()
                .filter(|&(p, _)| posts[p].start >= next.end)
                .collect();
            held[k] = chain;
        }
    }

    /// "Bí thư Tỉnh ủy B nhiệm kỳ 2015-2020, ông A, …", "Bí thư Tỉnh ủy B cũ, bà A":
    /// a chain that no one holds yet, then a comma and an honorific name: the name
    /// holds the chain. (In a list, "X - post, ông Y" the post is X's, already held.)
    fn titles_before_a_comma(
        &self,
        s: usize,
        posts: &[PostSpan],
        names: &[NameSpan],
        claimed: &mut [bool],
        held: &mut [Vec<(usize, bool)>],
    ) {
        let toks = &self.tokens[s];
        for (n, name) in names.iter().enumerate() {
            let Some(h) = self.honorific_ending_at(s, name.start) else {
                continue;
            };
            let comma = name.start - h;
            if comma == 0 || toks[comma - 1].key != "," {
                continue;
            }
            let ends_at = |p: &PostSpan| {
                p.end + 1 == comma
                    || self.skip_term_tail(s, p.end) + 1 == comma
                    || toks.get(p.end).is_some_and(|t| t.key == "cũ") && p.end + 2 == comma
            };
            let Some(last) = (0..posts.len()).find(|&p| !claimed[p] && ends_at(&posts[p])) else {
                continue;
            };
            let mut chain = vec![last];
            loop {
                let before = posts[chain[chain.len() - 1]].start;
                let linked = before
                    .checked_sub(1)
                    .is_some_and(|k| CHAIN_SEPARATORS.contains(&toks[k].key.as_str()));
                let previous =
                    (0..posts.len()).find(|&q| linked && !claimed[q] && posts[q].end + 1 == before);
                match previous {
                    Some(q) => chain.push(q),
                    None => break,
                }
            }
            if !self.free_title_at(s, posts[chain[chain.len() - 1]].start) {
                continue;
            }
            for p in chain {
                claimed[p] = true;
                held[n].push((p, posts[p].former));
            }
        }
    }

    /// Whether the chain starting at token `start` may be held by a name after it: not
    /// the tail of an apposition ("A - Phó Chủ tịch HĐND huyện, ông B") and not a post
    /// named as a noun ("kiện toàn chức vụ Bí thư Thành ủy B, đồng chí A"), though
    /// "giữ chức" holds it.
    fn free_title_at(&self, s: usize, start: usize) -> bool {
        let key = |k: usize| self.tokens[s].get(k).map_or("", |t| t.key.as_str());
        let Some(prev) = start.checked_sub(1) else {
            return true;
        };
        match key(prev) {
            "-" | "–" => false,
            "chức" => prev > 0 && key(prev - 1) == "giữ",
            "vụ" | "danh" => prev == 0 || key(prev - 1) != "chức",
            _ => true,
        }
    }

    /// Length of an honorific starting at token `i` (0 when none).
    fn honorific_at(&self, s: usize, i: usize) -> usize {
        self.honorific_len(s, i).unwrap_or(0)
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
                    shares_body: false,
                });
            }
        }
        out
    }

    /// "Trong Ban Chấp hành Đảng bộ tỉnh (nhiệm kỳ …) có đồng chí X": X is a member of
    /// the committee's executive (or standing) board.
    fn members_named_in(
        &self,
        s: usize,
        posts: &mut Vec<PostSpan>,
        names: &[NameSpan],
        held: &mut [Vec<(usize, bool)>],
    ) {
        let toks = &self.tokens[s];
        for t in 0..toks.len() {
            if toks[t].key != "trong" {
                continue;
            }
            let k = self.keys(s, t + 1);
            let word = |n: usize| k.get(n).map(|t| t.key.as_str());
            let (role, len) = match (word(0), word(1), word(2)) {
                (Some("ban"), Some("chấp"), Some("hành")) => ("Ủy viên Ban Chấp hành", 3),
                (Some("ban"), Some("thường"), Some("vụ")) => ("Ủy viên Ban Thường vụ", 3),
                _ => continue,
            };
            let start = t + 1;
            let Some((body, blen, _)) = self.body_at(s, start + len, &[]) else {
                continue;
            };
            let body = committee_of_organisation(body);
            if body.kind != BodyKind::PartyCommittee.as_str() {
                continue;
            }
            let after = start + len + blen;
            let Some(co) = (after..toks.len().min(after + 8)).find(|&j| toks[j].key == "có")
            else {
                continue;
            };
            let j = co + 1 + self.honorific_at(s, co + 1);
            let Some(n) = names.iter().position(|n| n.start == j) else {
                continue;
            };
            posts.push(PostSpan {
                start,
                end: after,
                role: role.to_string(),
                body,
                former: false,
                acting: false,
                explicit: true,
                needs_body: false,
                shares_body: false,
            });
            held[n].push((posts.len() - 1, false));
        }
    }

    /// The length of an honorific ("đồng chí") that ends at token `end`, if any.
    fn honorific_ending_at(&self, s: usize, end: usize) -> Option<usize> {
        (1..=2).find(|&len| end >= len && self.honorific_len(s, end - len) == Some(len))
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
                .and_then(|n| {
                    if out[k].body.org == PARTY_GROUP {
                        (n.body.kind == BodyKind::MassOrganisation.as_str()).then(|| BodyRef {
                            org: format!("{PARTY_GROUP} {}", n.body.org),
                            ..n.body.clone()
                        })
                    } else if out[k].shares_body
                        // "UVTV - PCT UBND tỉnh": a seat on a standing board is the
                        // party committee's, not that of the state body, department or
                        // party board the dash runs on to, which have none.
                        && !(out[k].role.starts_with("Ủy viên Ban")
                            && matches!(n.body.kind.as_str(), "state" | "board" | "department"))
                    {
                        Some(n.body.clone())
                    } else {
                        self.committee_of(&n.body)
                            .or_else(|| party_committee_of_unit(&n.body))
                    }
                });
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
            } else if let Some((len, _)) = v.cues.new.longest_at(keys) {
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
                    [.., "văn", "phòng"] | [.., "thanh", "tra"] | [.., "công", "an"] => {
                        &role_keys[role_keys.len() - 2..]
                    }
                    [.., last @ ("ban" | "đoàn" | "phòng")] => std::slice::from_ref(last),
                    _ => &[],
                };
                // "Phó Chủ tịch phụ trách Hội LHPN tỉnh": the portfolio names the body.
                let in_charge = self.keys(s, role_end).len() > 2
                    && self.keys(s, role_end)[0].key == "phụ"
                    && self.keys(s, role_end)[1].key == "trách";
                let by_charge = || {
                    in_charge
                        .then(|| self.body_at(s, role_end + 2, &[]))
                        .flatten()
                        .map(|(b, len, e)| (b, len + 2, e))
                };
                match self
                    .body_at(s, role_end, shared)
                    .or_else(|| self.council_chair_by_level(s, role_end, &role.role))
                    .or_else(by_charge)
                {
                    Some(found) => found,
                    None => match self.workplace_before(s, i) {
                        Some(body) => (body, 0, false),
                        None => return self.bodiless_committee_title(s, i, role_end, &role.role),
                    },
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
            shares_body: false,
        })
    }

    /// The workplace of a transfer written at token `k` of sentence `s` ("nhận công tác
    /// tại Sở Tư pháp"): the tokens the phrase and its body take, and the body.
    fn workplace_at(&self, s: usize, k: usize) -> Option<(usize, BodyRef)> {
        let (len, ()) = self.vocab.cues.workplace.longest_at(self.keys(s, k))?;
        let (body, blen, _) = self.body_at(s, k + len, &[])?;
        Some((len + blen, body))
    }

    /// The body named as the workplace of a transfer before token `i` of sentence `s`
    /// ("đến nhận công tác tại Sở Tư pháp và bổ nhiệm giữ chức Phó Giám đốc"), within
    /// the 12 tokens before `i`: the body of a bare title there.
    fn workplace_before(&self, s: usize, i: usize) -> Option<BodyRef> {
        (i.saturating_sub(24)..i).rev().find_map(|k| {
            let (len, body) = self.workplace_at(s, k)?;
            (i - (k + len) <= 12).then_some(body)
        })
    }

    /// The tokens of sentence `s` in `from..to` that name the workplace of a transfer
    /// ("đến nhận công tác tại UBND TPHCM"): the phrase, with the "đến"/"về" before it,
    /// and its body.
    /// A place may stand for the body: "được luân chuyển đến công tác tại xã Nhôn Mai".
    fn workplace_tokens(&self, s: usize, from: usize, to: usize) -> usize {
        let toks = &self.tokens[s];
        (from..to)
            .find_map(|k| {
                let len = self.workplace_at(s, k).map(|(len, _)| len).or_else(|| {
                    let (cue, ()) = self.vocab.cues.workplace.longest_at(self.keys(s, k))?;
                    let (place, plen) = crate::places::place_at(&self.text, toks, k + cue);
                    (place.level_word.is_some() && !place.candidates.is_empty())
                        .then_some(cue + plen)
                })?;
                let motion = k > from && matches!(toks[k - 1].key.as_str(), "đến" | "về");
                Some(len + usize::from(motion))
            })
            .unwrap_or(0)
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
        let key = |k: usize| self.tokens[s].get(k).map(|t| t.key.as_str());
        // "Bí thư Đảng đoàn, Chủ tịch … Hội Nông dân Việt Nam": the party group of the
        // mass organisation named next.
        let party_group = matches!(role, "Bí thư" | "Phó Bí thư" | "Ủy viên")
            && key(role_end) == Some("đảng")
            && key(role_end + 1) == Some("đoàn")
            && key(role_end + 2) == Some(",");
        if party_group {
            return Some(PostSpan {
                start,
                end: role_end + 2,
                role: role.to_string(),
                body: BodyRef {
                    org: PARTY_GROUP.into(),
                    kind: BodyKind::MassOrganisation.as_str().into(),
                    place: None,
                },
                former: false,
                acting: false,
                explicit: false,
                needs_body: true,
                shares_body: false,
            });
        }
        let next = key(role_end);
        let continues = matches!(next, Some("," | "kiêm"));
        let shares_body = matches!(next, Some("-" | "–" | "rồi"));
        (committee_title && continues || shares_body).then(|| PostSpan {
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
            shares_body,
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
        let body = BodyRef {
            org: "UBND".into(),
            kind: BodyKind::State.as_str().into(),
            place: self.home_at(s).place_of(&mention, BodyLevel::Any),
        };
        Some((body, len, explicit))
    }

    /// Whether the capitalised words from token `i` (two to four, after a list
    /// separator or at the start) are followed by "-", "–" or "," and a post: a name
    /// whose family name the lexicon lacks ("Kpă Thuyên - Phó Chủ tịch UBND tỉnh").
    fn appositive_run(&self, s: usize, i: usize, posts: &[PostSpan]) -> bool {
        let toks = &self.tokens[s];
        let opens = i == 0 || matches!(toks[i - 1].key.as_str(), "," | ";" | "và" | ":");
        if !opens || self.honorific_at(s, i) > 0 || self.vocab.is_family_name(&toks[i].key) {
            return false;
        }
        let mut end = i;
        while end < toks.len()
            && end - i < 4
            && toks[end].is_word
            && toks[end].is_capitalised
            && (end == i || adjacent(&self.text, &toks[end - 1], &toks[end]))
            && self.vocab.roles.longest_at(self.keys(s, end)).is_none()
            && self.vocab.bodies.longest_at(self.keys(s, end)).is_none()
        {
            end += 1;
        }
        end - i >= 2
            && toks
                .get(end)
                .is_some_and(|t| matches!(t.key.as_str(), "-" | "–" | ","))
            && posts.iter().any(|p| p.start == end + 1)
    }

    /// The name read at `n` in sentence `s`, each word capitalised as names are
    /// ("Cao văn Bé Tư" → "Cao Văn Bé Tư").
    fn name_text(&self, s: usize, n: &NameSpan) -> String {
        let toks = &self.tokens[s];
        let mut out = String::new();
        let mut previous_end = toks[n.start].start;
        for t in &toks[n.start..n.end] {
            // One space between words, whatever the text has there (a line break
            // inside a name broken by a hard wrap).
            let gap = &self.text[previous_end..t.start];
            if !gap.is_empty() && gap.chars().all(char::is_whitespace) {
                out.push(' ');
            } else {
                out.push_str(gap);
            }
            let word = &self.text[t.start..t.end];
            let mut chars = word.chars();
            if let (false, Some(first)) = (t.is_capitalised, chars.next()) {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            } else {
                out.push_str(word);
            }
            previous_end = t.end;
        }
        out
    }

    /// Person names in sentence `s`, outside posts.
    fn names_in(&self, s: usize, posts: &[PostSpan]) -> Vec<NameSpan> {
        let toks = &self.tokens[s];
        let in_post = |i: usize| posts.iter().any(|p| p.start <= i && i < p.end);
        // Where the sentence's first honorific ends: one is seen before token `i`
        // when that is at most `i`. Found once, when the first name asks.
        let first_honorific_end = std::cell::OnceCell::new();
        let honorific_seen = |i: usize| {
            let end = *first_honorific_end.get_or_init(|| {
                (0..toks.len())
                    .filter_map(|k| Some(k + self.honorific_len(s, k)?))
                    .min()
            });
            end.is_some_and(|end| end <= i)
        };
        let gaz = Gazetteer::global();
        let mut out = Vec::new();
        let mut folded = String::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let direct_honorific =
                t.is_word && t.is_capitalised && self.honorific_ending_at(s, i).is_some();
            let starts = t.is_word
                && t.is_capitalised
                && !in_post(i)
                && (self.vocab.is_family_name(&t.key)
                    || direct_honorific
                    || self.appositive_run(s, i, posts))
                && !t.key.chars().all(|c| c.is_ascii_digit());
            if !starts {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            // "Cao văn Bé Tư": a middle name written in lower case after the family
            // name, before a capitalised given name.
            let lower_middle = |k: usize| {
                k == i + 1
                    && self.vocab.is_family_name(&t.key)
                    && matches!(toks[k].key.as_str(), "văn" | "thị")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.is_word && n.is_capitalised)
                    && adjacent(&self.text, &toks[k], &toks[k + 1])
            };
            while end < toks.len()
                && end - i < 5
                && toks[end].is_word
                && (toks[end].is_capitalised || lower_middle(end))
                && !in_post(end)
                && adjacent(&self.text, &toks[end - 1], &toks[end])
                && self.vocab.roles.longest_at(self.keys(s, end)).is_none()
                && self.vocab.bodies.longest_at(self.keys(s, end)).is_none()
            {
                end += 1;
            }
            let text = &self.text[t.start..toks[end - 1].end];
            crate::tokens::fold_tokens(&toks[i..end], &mut folded);
            let is_place = !gaz.find_folded(&folded).is_empty();
            // "thành phố Trần Văn Lâu" ends a post with a bare level word, whose "phố"
            // is no street.
            let after_level_word = (1..=2)
                .any(|len| i >= len && level_word_at(toks, i - len).is_some_and(|(_, l)| l == len));
            let blocked =
                !after_level_word && self.vocab.name_blockers.ends_at(&self.tokens[s], i, 3);
            let upper_run = text
                .chars()
                .filter(|&c| is_alphabetic(c))
                .all(char::is_uppercase);
            // "Phạm Văn L." is an anonymised name; "Đoàn ĐBQH" an abbreviation.
            let words = &toks[i..end];
            let initial_last = words.last().is_some_and(|t| t.key.chars().count() == 1);
            let acronym = words.iter().any(|t| {
                let w = &self.text[t.start..t.end];
                w.chars().count() >= 2
                    && w.chars()
                        .filter(|&c| is_alphabetic(c))
                        .all(char::is_uppercase)
            });
            let short = end - i == 1 && direct_honorific;
            if (end - i >= 2 || short)
                && !is_place
                && !blocked
                && !upper_run
                && !initial_last
                && !acronym
                && words.iter().all(|t| has_vowel(&t.key))
            {
                out.push(NameSpan {
                    start: i,
                    end,
                    honorific: direct_honorific || honorific_seen(i),
                    short,
                });
            }
            i = end;
        }
        out
    }
}

/// Whether a lower-case word has a vowel letter: every Vietnamese syllable, and every
/// word of the minority names the press prints ("Kpă", "Ksor"), has one, so "Thái Ng"
/// at the end of a text cut off mid-word is no name.
fn has_vowel(word: &str) -> bool {
    word.nfd()
        .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}
