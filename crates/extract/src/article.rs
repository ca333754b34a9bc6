//! The article being analysed: normalised text, sentences, tokens, offsets, dates and
//! home places, shared by the rule families.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use cadre_lexicon::places::{Gazetteer, Level, PlaceId, PlaceKind};
use cadre_lexicon::vocab::{BodyKind, BodyLevel, Vocabulary};
use cadre_text::chars::is_alphabetic;
use cadre_text::{
    join_broken_words, normalize_text, split_sentences_with, strip_markup, unglue_dates, DateMatch,
};

use crate::model::{BodyRef, Evidence, Extraction, PlaceRef, Sentence};
use crate::places::{
    kind_fits_word, levels_for_word, listed_units_at, name_at, place_at, place_of_body_at,
    place_ref, Home, LevelWord, PlaceMention,
};
use crate::published::{find_published, reference_date, year_and_whether_written};
use crate::tokens::{tokenize, Token};

/// One input article.
#[derive(Debug, Clone, Copy)]
pub struct ArticleInput<'a> {
    /// Identifier: file stem or JSONL `id`.
    pub id: &'a str,
    /// Raw text (any Unicode normal form).
    pub text: &'a str,
    /// Source URL, when known.
    pub url: Option<&'a str>,
    /// Publication date from metadata (ISO), overriding the page stamp.
    pub published: Option<&'a str>,
}

/// Shared state of one article's analysis.
pub(crate) struct Doc {
    pub text: String,
    /// Byte spans of sentences.
    pub spans: Vec<(usize, usize)>,
    /// Tokens of each sentence.
    pub tokens: Vec<Vec<Token>>,
    /// Byte offset of every character, for byte → character conversion.
    char_starts: Vec<usize>,
    /// The dates of each sentence that are not a cited document's, found on first use
    /// by `event_date`.
    pub event_dates: Vec<OnceCell<Vec<DateMatch>>>,
    pub home: Home,
    pub year: Option<i32>,
    /// Publication date (ISO), when known.
    pub published: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    pub vocab: &'static Vocabulary,
    /// The bodies [`Doc::body_at`] read without shared words, by sentence and token,
    /// remembered once the article's home and scenes are known (the reading depends on
    /// them): the look-backs of meetings, terms and posts read the same tokens again
    /// and again.
    bodies_read: RefCell<FxHashMap<(usize, usize), BodyReading>>,
    /// Per sentence, the home of a scene set in another province ([`Doc::scenes`]),
    /// which places that sentence's implied bodies instead of the article's home;
    /// `None` until the home is known.
    scenes: Option<Vec<Option<Home>>>,
}

/// A body read at a token: the body, the tokens read, whether its place was written.
type BodyReading = Option<(BodyRef, usize, bool)>;

/// Extracts every record from one article.
pub fn extract(input: &ArticleInput) -> Extraction {
    let text = unglue_dates(&join_broken_words(&normalize_text(&strip_markup(
        input.text,
    ))));
    let published = input
        .published
        .map(str::to_string)
        .or_else(|| find_published(&text));
    // A name broken by a hard wrap ("đ/c Nguyễn" at a line's end, "Văn Hán" on the next).
    let vocab = Vocabulary::global();
    let spans = split_sentences_with(&text, |word| {
        vocab.is_family_name(&cadre_text::fold_key(word))
    });
    let tokens: Vec<Vec<Token>> = spans.iter().map(|&(s, e)| tokenize(&text, s, e)).collect();
    // A year the text writes (or its page stamp) stands; one inferred from the terms
    // it names ("kỳ họp thứ nhất … nhiệm kỳ 2021-2026" → 2021) yields to the map the
    // text uses, when that map is the reformed one.
    let (inferred, written) = year_and_whether_written(&text, published.as_deref());
    let floor = (!written)
        .then(|| crate::places::reformed_map_year(&text, &tokens))
        .flatten();
    let year = match floor {
        Some(floor) if inferred.is_none_or(|y| y < floor) => Some(floor),
        _ => inferred,
    };
    let char_starts = text.char_indices().map(|(i, _)| i).collect();
    let event_dates = spans.iter().map(|_| OnceCell::new()).collect();
    // A month-only stamp ("date 2025-01") still tells the era: its first day.
    let date = reference_date(&text, published.as_deref()).or_else(|| {
        let first_line = text.lines().find(|l| !l.trim().is_empty())?;
        let stamp = crate::published::metadata_stamp(first_line.trim())?;
        (stamp.len() == 7).then(|| format!("{stamp}-01"))
    });
    let mut doc = Doc {
        text,
        spans,
        tokens,
        char_starts,
        event_dates,
        home: Home {
            year,
            date,
            ..Home::default()
        },
        year,
        published: published.clone(),
        url: input.url.map(str::to_string),
        vocab,
        bodies_read: RefCell::default(),
        scenes: None,
    };
    doc.home = doc.find_home();
    doc.scenes = Some(doc.scenes());
    let persons = doc.persons();
    let documents = doc.documents();
    let terms = doc.terms();
    let meetings = doc.meetings(&persons);
    let dated = crate::dating::best_date(&crate::dating::DateInputs {
        text: &doc.text,
        metadata: input.published,
        url: input.url,
        meetings: &meetings,
        year: doc.year,
    });
    let sentences = doc
        .spans
        .iter()
        .map(|&(s, e)| Sentence {
            start: doc.char_offset(s),
            end: doc.char_offset(e),
            text: doc.text[s..e].to_string(),
        })
        .collect();
    let title = doc
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let mut extraction = Extraction {
        id: input.id.to_string(),
        url: input.url.map(str::to_string),
        title: title.trim().to_string(),
        published,
        dated,
        home_district: doc.home.district.map(place_ref),
        home_province: doc.home.province.map(place_ref),
        sentences,
        persons,
        documents,
        terms,
        meetings,
        text: doc.text,
    };
    // A unit's name as the article spells it, when it spells it with other marks.
    let text = std::mem::take(&mut extraction.text);
    let gaz = Gazetteer::global();
    extraction.fact_places_mut(|place| {
        let spellings = crate::places::gazetteer_id(place).map_or(&[][..], |id| gaz.spellings(id));
        if let Some(spelling) = crate::places::spelling_in_text(&text, &place.name, spellings) {
            place.name = spelling;
        }
    });
    extraction.text = text;
    extraction
}

impl Doc {
    /// Character offset of a byte offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.char_starts.partition_point(|&b| b < byte)
    }

    /// Evidence for the byte span `start..end` in sentence `sentence`.
    pub fn evidence(&self, sentence: usize, start: usize, end: usize) -> Evidence {
        Evidence {
            sentence,
            start: self.char_offset(start),
            end: self.char_offset(end),
        }
    }

    /// The folded keys of a sentence's tokens from `i` on.
    pub fn keys(&self, sentence: usize, i: usize) -> &[Token] {
        let toks = &self.tokens[sentence];
        &toks[i.min(toks.len())..]
    }

    /// The home that places the implied bodies of sentence `s`: its scene's, else the
    /// article's.
    pub(crate) fn home_at(&self, s: usize) -> &Home {
        self.scenes
            .as_ref()
            .and_then(|scenes| scenes.get(s)?.as_ref())
            .unwrap_or(&self.home)
    }

    /// Scenes a round-up of several provinces sets: a sentence opening with a place
    /// before its first comma, "Tại Thái Nguyên, …", "Tại kỳ họp thứ nhất HĐND tỉnh
    /// Phú Yên khóa VI, …", sets the province where its implied bodies ("Tỉnh ủy",
    /// "UBND tỉnh") and those of the rest of its paragraph sit, when that province is
    /// not the article's.
    fn scenes(&self) -> Vec<Option<Home>> {
        let gaz = Gazetteer::global();
        let mut scenes = vec![None; self.tokens.len()];
        let mut current: Option<Home> = None;
        for (s, toks) in self.tokens.iter().enumerate() {
            let paragraph_starts =
                s == 0 || self.text[self.spans[s - 1].1..self.spans[s].0].contains('\n');
            if paragraph_starts {
                current = None;
            }
            // The place opens the sentence, or follows a colon that ends its first
            // words ("Cụ thể: Tại Thái Nguyên, …").
            let colon = toks.iter().take(4).position(|t| t.key == ":");
            let start = colon.map_or(0, |c| c + 1);
            let opens = toks
                .get(start)
                .is_some_and(|t| matches!(t.key.as_str(), "tại" | "ở"));
            let comma = toks.iter().take(24).position(|t| t.key == ",");
            // "Tại buổi làm việc với tỉnh B, …" names the counterpart, not the scene;
            // "Tại các tỉnh A, B, …" several scenes at once, so none.
            let counterpart = |comma: usize| {
                toks[start..comma]
                    .iter()
                    .any(|t| matches!(t.key.as_str(), "với" | "các"))
            };
            let comma = comma.filter(|&c| c > start && !counterpart(c));
            if let (true, Some(comma)) = (opens, comma) {
                let province = (start + 1..comma).find_map(|k| {
                    let (mention, len) = place_at(&self.text, toks, k);
                    let provinces: Vec<PlaceId> = self
                        .home
                        .era_only(mention.candidates)
                        .into_iter()
                        .filter(|&id| gaz.place(id).level() == Level::Province)
                        .collect();
                    (len > 0 && provinces.len() == 1).then(|| provinces[0])
                });
                if let Some(p) = province {
                    current = (Some(p) != self.home.province).then(|| Home {
                        province: Some(p),
                        ranked: self
                            .home
                            .ranked
                            .iter()
                            .copied()
                            .filter(|&id| gaz.contains(p, id))
                            .collect(),
                        // A "Tỉnh ủy" in a scene set in a centrally-run city (the
                        // venue, "Tại Hà Nội, …") is still the article's province.
                        province_proper: self.home.province_proper.or(self
                            .home
                            .province
                            .filter(|&h| gaz.place(h).kind == PlaceKind::Province)),
                        year: self.home.year,
                        date: self.home.date.clone(),
                        ..Home::default()
                    });
                }
            }
            scenes[s].clone_from(&current);
        }
        scenes
    }

    /// Finds the district and province the article is about: every explicit place
    /// mention (a level word or a committee followed by a known name) votes; names
    /// shared by several units vote only once the province is known.
    fn find_home(&self) -> Home {
        let gaz = Gazetteer::global();
        let mut mentions: Vec<Vec<PlaceId>> = Vec::new();
        for (s, toks) in self.tokens.iter().enumerate() {
            let mut i = 0;
            while i < toks.len() {
                // A birthplace ("quê quán: phường A, thành phố B; …", "quê ở huyện C")
                // says nothing of where the article is: its clause does not vote.
                if toks[i].key == "quê" {
                    i = (i..toks.len())
                        .find(|&k| toks[k].key == ";")
                        .unwrap_or(toks.len());
                    continue;
                }
                let keys = self.keys(s, i);
                let body = self
                    .vocab
                    .bodies
                    .longest_at(keys)
                    .filter(|(_, b)| b.kind == BodyKind::PartyCommittee)
                    .map(|(len, b)| (len, b.level));
                let mention = match body {
                    Some((len, level)) => name_at(toks, i + len).map(|(c, l)| {
                        let below_province: Vec<_> = c
                            .iter()
                            .copied()
                            .filter(|id| gaz.place(*id).level() != Level::Commune)
                            .collect();
                        // "Tỉnh ủy Nam Định" names the province, not its city.
                        let fitting: Vec<_> = below_province
                            .iter()
                            .copied()
                            .filter(|id| committee_fits(level, gaz.place(*id).kind))
                            .collect();
                        let cands = if fitting.is_empty() {
                            below_province
                        } else {
                            fitting
                        };
                        (cands, len + l)
                    }),
                    None => {
                        let (m, len) = place_at(&self.text, toks, i);
                        m.level_word
                            .filter(|_| !m.candidates.is_empty())
                            .map(|word| {
                                let fitting: Vec<_> = m
                                    .candidates
                                    .iter()
                                    .copied()
                                    .filter(|id| kind_fits_word(gaz.place(*id).kind, word))
                                    .collect();
                                // A unit written with the level word it had before an
                                // upgrade ("huyện Kim Bảng", a thị xã since 2024): the
                                // units of that tier.
                                let tier = || {
                                    m.candidates
                                        .iter()
                                        .copied()
                                        .filter(|id| {
                                            levels_for_word(word).contains(&gaz.place(*id).level())
                                        })
                                        .collect()
                                };
                                (if fitting.is_empty() { tier() } else { fitting }, len)
                            })
                    }
                };
                match mention {
                    Some((cands, len)) if !cands.is_empty() => {
                        mentions.push(self.home.era_only(cands));
                        i += len.max(1);
                    }
                    _ => i += 1,
                }
            }
        }
        // The URL is evidence too: a district portal or a provincial paper. A host
        // name that loses its tone marks may fit several units ("phuninh": Phù Ninh,
        // Phú Ninh); the one the text writes out is meant.
        let url_units = self
            .url
            .as_deref()
            .map(crate::url::places_in_url)
            .unwrap_or_default();
        mentions.extend(url_units.iter().map(|ids| {
            let ids = self.home.era_only(ids.clone());
            let written: Vec<PlaceId> = ids
                .iter()
                .copied()
                .filter(|id| self.text.contains(gaz.place(*id).name.as_str()))
                .collect();
            if ids.len() > 1 && written.len() == 1 {
                written
            } else {
                ids
            }
        }));
        // A commune's own portal is about that commune: its host counts as two
        // mentions, and the commune is home even when the text only names its posts.
        // So is a commune a headline slug names inside the portal's or paper's unit
        // ("…/dai-hoi-dang-bo-xa-an-nghia-lan-thu-i").
        let portal = self
            .url
            .as_deref()
            .map(|url| {
                let portal = self.home.era_only(crate::url::portal_communes(url));
                if portal.is_empty() {
                    self.home
                        .era_only(crate::url::headline_communes(url, &url_units))
                } else {
                    portal
                }
            })
            .filter(|ids| ids.len() == 1)
            .map(|ids| ids[0]);
        mentions.extend(portal.iter().flat_map(|&id| [vec![id], vec![id]]));
        let mut votes: HashMap<PlaceId, usize> = HashMap::new();
        let mut order: Vec<PlaceId> = Vec::new();
        fn vote(id: PlaceId, votes: &mut HashMap<PlaceId, usize>, order: &mut Vec<PlaceId>) {
            *votes.entry(id).or_default() += 1;
            if !order.contains(&id) {
                order.push(id);
            }
        }
        // Mentions of a province itself, to weigh a district against.
        let mut own_province: HashMap<PlaceId, usize> = HashMap::new();
        for cands in mentions.iter().filter(|c| c.len() == 1) {
            let id = cands[0];
            vote(id, &mut votes, &mut order);
            let prov = gaz.province_of(id);
            if prov != id {
                vote(prov, &mut votes, &mut order);
            } else {
                *own_province.entry(id).or_default() += 1;
            }
            // A commune tells its district too ("Đảng bộ xã Trần Hợi" → its huyện).
            let parent = gaz.place(id).parent.filter(|p| *p != prov);
            if let Some(district) = parent.filter(|_| gaz.place(id).level() == Level::Commune) {
                vote(district, &mut votes, &mut order);
            }
        }
        let at_level = |level: Level| move |id: PlaceId| gaz.place(id).level() == level;
        let top_province = most_voted(&order, &votes, at_level(Level::Province));
        if let Some(prov) = top_province {
            let mut undecided: Vec<Vec<PlaceId>> = Vec::new();
            for cands in mentions.iter().filter(|c| c.len() > 1) {
                let inside: Vec<_> = cands
                    .iter()
                    .copied()
                    .filter(|c| gaz.contains(prov, *c))
                    .collect();
                if inside.len() == 1 {
                    vote(inside[0], &mut votes, &mut order);
                    vote(prov, &mut votes, &mut order);
                } else if inside.len() > 1 {
                    undecided.push(inside);
                }
            }
            // Two communes of one name in the province ("xã Hồng Phong"): the one in
            // the district the article names most.
            if let Some(district) = most_voted(&order, &votes, at_level(Level::District)) {
                for inside in undecided {
                    let within: Vec<_> = inside
                        .into_iter()
                        .filter(|c| gaz.contains(district, *c))
                        .collect();
                    if within.len() == 1 {
                        vote(within[0], &mut votes, &mut order);
                        vote(prov, &mut votes, &mut order);
                    }
                }
            }
        }
        // A district's name standing alone ("Thanh Hà đã phát triển …") votes once the
        // province is known, when it names one district of that province.
        if let Some(prov) = top_province {
            for ids in self.bare_districts(prov) {
                vote(ids, &mut votes, &mut order);
            }
        }
        let best_at = |level: Level| most_voted(&order, &votes, at_level(level));
        // An article about a province names the province far more often than a district
        // or commune it mentions in passing (a birthplace, a guest's unit).
        let about = |id: &PlaceId| {
            let own = own_province
                .get(&gaz.province_of(*id))
                .copied()
                .unwrap_or(0);
            votes[id] * 3 > own
        };
        let district = best_at(Level::District).filter(about);
        let province = district
            .map(|d| gaz.province_of(d))
            .or_else(|| best_at(Level::Province));
        let commune = best_at(Level::Commune).filter(about).filter(|c| {
            district.is_none_or(|d| gaz.contains(d, *c))
                && province.is_none_or(|p| gaz.contains(p, *c))
        });
        let about_unit = |count: usize| {
            count >= 2
                && district.is_none_or(|d| count * 2 > votes[&d])
                && province.is_none_or(|p| count * 3 > own_province.get(&p).copied().unwrap_or(0))
        };
        // A commune named again and again whose name several communes bear, and that
        // nothing written narrows to one, is still what the article is about: by name.
        let named_commune = if commune.is_none() {
            named_communes(&mentions, district.or(province))
                .filter(|(_, count)| about_unit(*count))
                .map(|(name, _)| name)
        } else {
            None
        };
        let about_commune = named_commune.is_some()
            || commune.is_some_and(|c| portal == Some(c) || about_unit(votes[&c]));
        let mut ranked = order.clone();
        ranked.sort_by_key(|id| (std::cmp::Reverse(votes[id]), order_of(&order, *id)));
        if let Some(p) = province {
            ranked.retain(|id| gaz.contains(p, *id));
        }
        let province_proper = most_voted(&order, &votes, |id| {
            gaz.place(id).kind == PlaceKind::Province
        });
        Home {
            district,
            province,
            commune,
            about_commune,
            named_commune,
            ranked,
            province_proper,
            ..self.home.clone()
        }
    }

    /// Districts of `province` named by a capitalised run of words that is exactly
    /// their name, with no level word or committee before it (those vote already).
    fn bare_districts(&self, province: PlaceId) -> Vec<PlaceId> {
        let gaz = Gazetteer::global();
        let mut out = Vec::new();
        let mut name = String::new();
        for toks in &self.tokens {
            let mut i = 0;
            while i < toks.len() {
                if !(toks[i].is_word && toks[i].is_capitalised) {
                    i += 1;
                    continue;
                }
                let mut end = i + 1;
                while end < toks.len()
                    && toks[end].is_word
                    && toks[end].is_capitalised
                    && crate::tokens::adjacent(&self.text, &toks[end - 1], &toks[end])
                {
                    end += 1;
                }
                let placed = i > 0
                    && (toks[i - 1].is_capitalised
                        || self.vocab.cues.placed.longest_at(&toks[i - 1..i]).is_some());
                crate::tokens::fold_tokens(&toks[i..end], &mut name);
                let found = gaz.find_folded(&name);
                let inside: Vec<PlaceId> = self
                    .home
                    .era_only(found.to_vec())
                    .into_iter()
                    .filter(|id| {
                        gaz.place(*id).level() == Level::District && gaz.contains(province, *id)
                    })
                    .collect();
                if !placed && end - i >= 2 && inside.len() == 1 {
                    out.push(inside[0]);
                }
                i = end;
            }
        }
        out
    }

    /// Parses a body at token `i` of sentence `s` (a department, a party board with its
    /// committee, or a listed body), with the place after it. `shared` are the words
    /// the post title ended with that also start the body ("Trưởng Ban Nội chính":
    /// "ban"; "Chánh Văn phòng Tỉnh ủy": "văn phòng").
    /// Returns the body, the number of tokens read, and whether the place was written
    /// (not implied by context).
    pub fn body_at(&self, s: usize, i: usize, shared: &[&str]) -> BodyReading {
        if !shared.is_empty() || self.scenes.is_none() {
            return self.read_body_at(s, i, shared);
        }
        if let Some(known) = self.bodies_read.borrow().get(&(s, i)) {
            return known.clone();
        }
        let read = self.read_body_at(s, i, shared);
        self.bodies_read.borrow_mut().insert((s, i), read.clone());
        read
    }

    /// [`Doc::body_at`] without the memory of readings.
    fn read_body_at(&self, s: usize, i: usize, shared: &[&str]) -> BodyReading {
        let toks = &self.tokens[s];
        let keys = self.keys(s, i);
        let v = self.vocab;
        if let Some(found) = self.department_at(s, i) {
            return Some(found);
        }
        if let Some(found) = self.national_mass_org_at(s, i) {
            return Some(found);
        }
        // The title's shared words then the text's, read again only when there are
        // shared words (without them, the look-ups below read `keys` already).
        let with_shared: Vec<&str> = if shared.is_empty() {
            Vec::new()
        } else {
            shared
                .iter()
                .copied()
                .chain(keys.iter().map(|t| t.key.as_str()))
                .collect()
        };
        let board = v.boards.longest_at(keys).or_else(|| {
            // "Chánh Văn phòng Tỉnh ủy": the board may be all shared words.
            v.boards
                .longest_at(&with_shared)
                .filter(|(len, _)| !shared.is_empty() && *len >= shared.len())
                .map(|(len, b)| (len - shared.len(), b))
        });
        if let Some((blen, board)) = board {
            let blen = blen + self.abbreviation_at(s, i + blen);
            // A central board: "Ban Tổ chức Trung ương", "Ban Tổ chức T.Ư".
            if let Some((clen, ())) = v.central.longest_at(&keys[blen..]) {
                let body = BodyRef {
                    org: format!("{board} Trung ương"),
                    kind: BodyKind::PartyBoard.as_str().into(),
                    place: None,
                };
                return Some((body, blen + clen, false));
            }
            if let Some((clen, committee)) = v
                .bodies
                .longest_at(&keys[blen..])
                .filter(|(_, c)| c.kind == BodyKind::PartyCommittee)
            {
                let (mention, plen) =
                    place_of_body_at(&self.text, toks, i + blen + clen, committee.level);
                let place = self
                    .unit_of_subject(s, i, &mention, committee.level)
                    .map(place_ref)
                    .or_else(|| self.home_at(s).place_of(&mention, committee.level));
                let body = BodyRef {
                    org: format!("{board} {}", committee.org),
                    kind: BodyKind::PartyBoard.as_str().into(),
                    place,
                };
                return Some((body, blen + clen + plen, !mention.candidates.is_empty()));
            }
        }
        let Some((len, entry)) = v
            .bodies
            .longest_at(keys)
            .or_else(|| past_shared(shared.len(), v.bodies.longest_at(&with_shared)))
        else {
            // "Trưởng Ban Quản lý …": the head word may be the title's shared word.
            return self.body_as_written(s, i, false).or_else(|| {
                let back = shared.len();
                (back > 0 && i >= back)
                    .then(|| self.body_as_written(s, i - back, true))
                    .flatten()
                    .filter(|(_, len, _)| *len > back)
                    .map(|(b, len, e)| (b, len - back, e))
            });
        };
        let len = len + self.abbreviation_at(s, i + len);
        let (mention, plen) = if entry.level == BodyLevel::National {
            (PlaceMention::default(), 0)
        } else {
            place_of_body_at(&self.text, toks, i + len, entry.level)
        };
        // "Đảng ủy Sở Xây dựng", "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy Quân khu V":
        // the party committee of the body named after it, with that body's place.
        if entry.org == PARTY_COMMITTEE && plen == 0 {
            let inner = self
                .body_at(s, i + len, &[])
                .filter(|(b, _, _)| b.org != PARTY_COMMITTEE);
            if let Some((body, blen, explicit)) = inner {
                let org = format!("{PARTY_COMMITTEE} {}", body.org);
                let kind = BodyKind::PartyCommittee.as_str().into();
                return Some((BodyRef { org, kind, ..body }, len + blen, explicit));
            }
        }
        let place = self
            .unit_of_subject(s, i, &mention, entry.level)
            .map(place_ref)
            .or_else(|| self.home_at(s).place_of(&mention, entry.level));
        let body = BodyRef {
            org: entry.org.clone(),
            kind: entry.kind.as_str().into(),
            place,
        };
        Some((body, len + plen, !mention.candidates.is_empty()))
    }

    /// The unit of the body that is the subject of sentence `s` before token `i`, for a
    /// body at `i` whose district or province is not written ("HĐND huyện Thường Tín …
    /// tổ chức kỳ họp … miễn nhiệm chức danh Chủ tịch UBND huyện đối với ông X"; "Tại kỳ
    /// họp thứ nhất HĐND tỉnh Quảng Ngãi …, ông Y, Phó Bí thư Tỉnh ủy, …"): the last
    /// body before `i` of a named unit of that level that no title stands before. A
    /// unit named inside someone's post ("ông X, Phó Bí thư Huyện ủy Vị Thủy") is no
    /// subject, so the article's own unit still wins there.
    fn unit_of_subject(
        &self,
        s: usize,
        i: usize,
        mention: &PlaceMention,
        level: BodyLevel,
    ) -> Option<PlaceId> {
        if !mention.candidates.is_empty() {
            return None;
        }
        let levels: &[Level] = match (mention.level_word, level) {
            (Some(LevelWord::RuralDistrict | LevelWord::UrbanDistrict | LevelWord::Town), _)
            | (None, BodyLevel::District) => &[Level::District],
            (Some(LevelWord::Province), _) | (None, BodyLevel::Province) => &[Level::Province],
            (None, BodyLevel::Any) => &[Level::District, Level::Province],
            _ => return None,
        };
        let gaz = Gazetteer::global();
        let toks = &self.tokens[s];
        let titled = |k: usize| self.vocab.roles.ends_at(toks, k, 4);
        let home = self.home_at(s);
        let homes = [home.district, home.province];
        (0..i).rev().find_map(|k| {
            let (len, entry) = self.vocab.bodies.longest_at(self.keys(s, k))?;
            if entry.level == BodyLevel::National || titled(k) {
                return None;
            }
            let (written, _) = place_at(&self.text, toks, k + len);
            if written.candidates.is_empty() {
                return None;
            }
            let id = home.resolve(&written, entry.level)?;
            (levels.contains(&gaz.place(id).level()) && !homes.contains(&Some(id))).then_some(id)
        })
    }

    /// A national mass organisation, named as written with "Việt Nam" and no place:
    /// "Hội Liên hiệp Phụ nữ Việt Nam", "Trung ương Hội Nông dân Việt Nam" (its central
    /// committee is the organisation), "Đảng đoàn Hội Cựu chiến binh Việt Nam".
    fn national_mass_org_at(&self, s: usize, i: usize) -> Option<(BodyRef, usize, bool)> {
        let toks = &self.tokens[s];
        let keys = self.keys(s, i);
        let cues = &self.vocab.cues;
        let party = cues.party_of.longest_at(keys).map_or(0, |(l, _)| l);
        let central = cues
            .central_of
            .longest_at(&keys[party..])
            .map_or(0, |(l, _)| l);
        let from = party + central;
        let (len, entry) = self.vocab.bodies.longest_at(&keys[from..])?;
        let end = from + len;
        let national = entry.kind == BodyKind::MassOrganisation
            && keys.get(end).is_some_and(|t| t.key == "việt")
            && keys.get(end + 1).is_some_and(|t| t.key == "nam");
        if !national {
            return None;
        }
        let start = if party > 0 { i } else { i + from };
        let body = BodyRef {
            org: self.text[toks[start].start..toks[i + end + 1].end].to_string(),
            kind: BodyKind::MassOrganisation.as_str().into(),
            place: None,
        };
        Some((body, end + 2, false))
    }

    /// A body the lexicon does not list, read as written after a known head word
    /// ("Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp"): up to punctuation
    /// or a stop word, at most sixteen words, without trailing function words. Named
    /// "… Việt Nam" it is national; else it sits in the article's province.
    fn body_as_written(
        &self,
        s: usize,
        i: usize,
        in_title: bool,
    ) -> Option<(BodyRef, usize, bool)> {
        let toks = &self.tokens[s];
        let v = self.vocab;
        let (head, _) = v.org_heads.longest_at(self.keys(s, i))?;
        // A one-word head ("Hội", "Cục") starts a name only before a capitalised word
        // ("Hội Cựu giáo chức", not "Hội nghị"); inside a title it may be lower-case
        // ("Trưởng phòng Giá").
        let next_capitalised = toks.get(i + head).is_some_and(|t| t.is_capitalised);
        if !(toks[i].is_capitalised || in_title) || (head == 1 && !next_capitalised) {
            return None;
        }
        let named_after_people = v.name_blockers.longest_at(self.keys(s, i)).is_some();
        let mut end = i + head;
        while end < toks.len() && end - i < 16 {
            let t = &toks[end];
            // "Sở LĐ-TB-XH", "Vụ Kế hoạch - Tài chính": a dash or "&" between two
            // capitalised parts of the name (not before a title: "Sở X - Phó …").
            let joins = matches!(t.key.as_str(), "-" | "–" | "&")
                && toks.get(end + 1).is_some_and(|n| {
                    n.is_word
                        && n.is_capitalised
                        && v.roles.longest_at(self.keys(s, end + 1)).is_none()
                });
            // The unit after the name is its place, not part of it ("Sở … tỉnh Bắc Giang",
            // "Công an tỉnh").
            let unit = crate::places::level_word_at(toks, end).is_some();
            // An abbreviation is a whole name ("Sở GTVT"): a lower-case word after it is
            // the sentence's, a province after it is the place ("Sở GTVT Thanh Hóa"), a
            // family name starts the holder's name ("Giám đốc Sở TT&TT Trần Văn A").
            let closed = end > i + head
                && t.is_word
                && is_abbreviation(&self.text[toks[end - 1].start..toks[end - 1].end])
                && (!t.is_capitalised || self.province_name_at(s, end) || v.is_family_name(&t.key));
            // "Quân khu 2 và Trung tướng A": a rank or honorific starts a person, and so
            // does a full name after the body's own words ("Thứ trưởng Bộ Tài chính
            // Nguyễn Văn A"), unless the head names things after people ("Trường").
            let person = self.honorific_len(s, end).is_some()
                || (end > i + head && !named_after_people && self.full_name_at(s, end));
            if !(t.is_word || joins) || v.org_stops.contains(&t.key) || unit || closed || person {
                break;
            }
            end += 1;
        }
        // Trailing function words belong to the sentence, not the name.
        while end > i + head && matches!(toks[end - 1].key.as_str(), "và" | "các" | "của" | "những")
        {
            end -= 1;
        }
        // A head alone is a name only when its unit follows ("Công an tỉnh", "Thanh tra
        // huyện"), not "Hội nghị".
        let placed = crate::places::level_word_at(toks, end).is_some();
        if end == i + head && !toks[end - 1].is_capitalised && !placed {
            return None;
        }
        let written = &self.text[toks[i].start..toks[end - 1].end];
        let mut org = capitalise_first(written);
        let national = national_as_written(&org);
        let mut place = if national {
            None
        } else {
            self.home_at(s).province.map(place_ref)
        };
        let mut len = end - i;
        // The place written after the name: "Công an tỉnh Đồng Tháp", "Công an huyện"
        // (the article's district), "Sở GTVT Thanh Hóa".
        let mut explicit = false;
        if !national {
            let (mention, plen) = place_at(&self.text, toks, end);
            if plen > 0 {
                len += plen;
                explicit = !mention.candidates.is_empty();
                place = self.home_at(s).place_of(&mention, BodyLevel::Any).or(place);
            }
        }
        // "Phòng Giá, Sở Tài chính tỉnh Quảng Trị", "Vụ Pháp chế, Bộ Xây dựng": a unit
        // names the department or ministry it belongs to after a comma.
        if v.unit_heads.longest_at(self.keys(s, i)).is_some()
            && toks.get(end).is_some_and(|t| t.key == ",")
        {
            if let Some((parent, plen, explicit)) = self.parent_body_at(s, end + 1) {
                org = format!("{org}, {}", parent.org);
                place = parent.place;
                len = end + 1 + plen - i;
                return Some((
                    BodyRef {
                        org,
                        kind: BodyKind::Other.as_str().into(),
                        place,
                    },
                    len,
                    explicit,
                ));
            }
        }
        let body = BodyRef {
            org,
            kind: BodyKind::Other.as_str().into(),
            place,
        };
        Some((body, len, explicit))
    }

    /// Whether a full name starts at token `k` of sentence `s`: a family name and two
    /// or three more capitalised words written together, none a title or a body, that
    /// are not a place ("Hồ Chí Minh").
    fn full_name_at(&self, s: usize, k: usize) -> bool {
        let toks = &self.tokens[s];
        let v = self.vocab;
        if !toks[k].is_word || !toks[k].is_capitalised || !v.is_family_name(&toks[k].key) {
            return false;
        }
        let mut end = k + 1;
        while end < toks.len()
            && end - k < 4
            && toks[end].is_word
            && toks[end].is_capitalised
            && crate::tokens::adjacent(&self.text, &toks[end - 1], &toks[end])
            && v.roles.longest_at(self.keys(s, end)).is_none()
            && v.bodies.longest_at(self.keys(s, end)).is_none()
        {
            end += 1;
        }
        if end - k < 3 {
            return false;
        }
        let mut folded = String::new();
        crate::tokens::fold_tokens(&toks[k..end], &mut folded);
        Gazetteer::global().find_folded(&folded).is_empty()
    }

    /// Whether a province's name (no level word) starts at token `i`.
    fn province_name_at(&self, s: usize, i: usize) -> bool {
        let (mention, _) = place_at(&self.text, &self.tokens[s], i);
        mention.level_word.is_none()
            && mention
                .candidates
                .iter()
                .any(|&id| Gazetteer::global().place(id).level() == Level::Province)
    }

    /// The department or ministry a unit names after a comma: a listed department
    /// ("Sở Y tế Hà Nội") or a body read as written under a parent head ("Bộ Ngoại
    /// giao").
    fn parent_body_at(&self, s: usize, i: usize) -> Option<(BodyRef, usize, bool)> {
        if let Some(found) = self.department_at(s, i) {
            return Some(found);
        }
        self.vocab.parent_heads.longest_at(self.keys(s, i))?;
        self.body_as_written(s, i, false)
    }

    /// A listed department and the place written after it ("Sở Y tế Hà Nội").
    fn department_at(&self, s: usize, i: usize) -> Option<(BodyRef, usize, bool)> {
        let (len, dept) = self.vocab.departments.longest_at(self.keys(s, i))?;
        let (mention, plen) = place_at(&self.text, &self.tokens[s], i + len);
        // A department with no place written, in an article about a centrally-run city
        // that names no province: the city's ("Sở Nội vụ" of Hồ Chí Minh City).
        let bare = mention.candidates.is_empty() && mention.level_word.is_none();
        let home = self.home_at(s);
        let city = home.province.filter(|&p| {
            Gazetteer::global().place(p).kind == PlaceKind::CentralCity
                && home.province_proper.is_none()
        });
        let place = match city {
            Some(city) if bare => Some(place_ref(city)),
            _ => home.place_of(&mention, BodyLevel::Province),
        };
        let body = BodyRef {
            org: dept.clone(),
            kind: BodyKind::Department.as_str().into(),
            place,
        };
        Some((body, len + plen, !mention.candidates.is_empty()))
    }

    /// The length of an honorific at token `i` of sentence `s` ("đồng chí", "ông",
    /// "Trung tướng"; "anh", "chị" only in lower case), if one starts there.
    pub(crate) fn honorific_len(&self, s: usize, i: usize) -> Option<usize> {
        let cues = &self.vocab.cues;
        let keys = self.keys(s, i);
        cues.honorific
            .longest_at(keys)
            .or_else(|| {
                cues.familiar
                    .longest_at(keys)
                    .filter(|_| !self.tokens[s][i].is_capitalised)
            })
            .map(|(len, _)| len)
    }

    /// The length of an abbreviation in parentheses at token `k` of sentence `s`, as
    /// the press gives it after a body's full name at its first mention ("Hội đồng
    /// nhân dân (HĐND) tỉnh", "Ủy ban Kiểm tra (UBKT) Tỉnh ủy"): three tokens, else 0.
    fn abbreviation_at(&self, s: usize, k: usize) -> usize {
        let toks = &self.tokens[s];
        let word = |t: &Token| &self.text[t.start..t.end];
        let abbreviation = toks.get(k).is_some_and(|t| t.key == "(")
            && toks.get(k + 2).is_some_and(|t| t.key == ")")
            && toks.get(k + 1).is_some_and(|t| {
                let w = word(t);
                t.is_word
                    && (2..=8).contains(&w.chars().count())
                    && w.chars().all(|c| c.is_uppercase())
            });
        if abbreviation {
            3
        } else {
            0
        }
    }

    /// The units a body at token `k` of sentence `s` stands for when a plural list
    /// follows its name ("Đảng bộ các phường: A, B và C", "HĐND các xã A, B"): their
    /// places, each resolved as if written after the body, and the token just past the
    /// list. `None` unless two distinct units are listed.
    pub(crate) fn body_listed_at(&self, s: usize, k: usize) -> Option<(Vec<PlaceRef>, usize)> {
        let (len, entry) = self.vocab.bodies.longest_at(self.keys(s, k))?;
        if entry.level == BodyLevel::National {
            return None;
        }
        let (items, n) = listed_units_at(&self.tokens[s], k + len)?;
        let mut places: Vec<PlaceRef> = Vec::new();
        for item in &items {
            let place = self.home_at(s).place_of(item, entry.level)?;
            if !places.contains(&place) {
                places.push(place);
            }
        }
        (places.len() >= 2).then_some((places, k + len + n))
    }

    /// The body an org name implies ("Thành ủy" in "Thành ủy viên"), placed by context.
    pub fn implied_body(&self, org: &str) -> BodyRef {
        let keys = cadre_lexicon::phrases::split_words(&cadre_text::fold_key(org));
        let entry = self.vocab.bodies.longest_at(&keys).map(|(_, e)| e);
        let (kind, level) = entry.map_or((BodyKind::National, BodyLevel::National), |e| {
            (e.kind, e.level)
        });
        BodyRef {
            org: org.to_string(),
            kind: kind.as_str().into(),
            place: self.home.place_of(&PlaceMention::default(), level),
        }
    }
}

/// A phrase found with the title's shared words prepended, as a length in the text's
/// own tokens; it must read at least one word of its own.
fn past_shared<T>(shared: usize, found: Option<(usize, T)>) -> Option<(usize, T)> {
    found.and_then(|(len, x)| (len > shared).then(|| (len - shared, x)))
}

/// Whether a unit is of the kind a committee's level names ("Tỉnh ủy" → a province,
/// "Thành ủy" → a city, "Huyện ủy" → a district).
fn committee_fits(level: BodyLevel, kind: cadre_lexicon::places::PlaceKind) -> bool {
    use cadre_lexicon::places::PlaceKind as K;
    match level {
        BodyLevel::Province => kind == K::Province,
        BodyLevel::City => matches!(kind, K::CentralCity | K::ProvincialCity),
        BodyLevel::District => kind.level() == Level::District,
        _ => true,
    }
}

/// The unit among `order` that `keep` accepts with the most votes, the first named
/// among equals.
fn most_voted(
    order: &[PlaceId],
    votes: &HashMap<PlaceId, usize>,
    keep: impl Fn(PlaceId) -> bool,
) -> Option<PlaceId> {
    order
        .iter()
        .copied()
        .filter(|id| keep(*id))
        .max_by_key(|id| (votes[id], std::cmp::Reverse(order_of(order, *id))))
}

/// The name most often written for a commune that several communes bear (inside
/// `within`, when known), with the number of such mentions: the mentions whose
/// candidates, narrowed to `within`, are two or more communes of one name.
fn named_communes(mentions: &[Vec<PlaceId>], within: Option<PlaceId>) -> Option<(String, usize)> {
    let gaz = Gazetteer::global();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for cands in mentions.iter().filter(|c| c.len() > 1) {
        let inside: Vec<PlaceId> = cands
            .iter()
            .copied()
            .filter(|&c| within.is_none_or(|w| gaz.contains(w, c)))
            .collect();
        if inside.len() < 2
            || inside
                .iter()
                .any(|&c| gaz.place(c).level() != Level::Commune)
        {
            continue;
        }
        let Some(named) = crate::places::named_alike(&inside) else {
            continue;
        };
        match counts.iter_mut().find(|(name, _)| *name == named.name) {
            Some((_, count)) => *count += 1,
            None => counts.push((named.name, 1)),
        }
    }
    counts.into_iter().rev().max_by_key(|(_, count)| *count)
}

fn order_of(order: &[PlaceId], id: PlaceId) -> usize {
    order.iter().position(|o| *o == id).unwrap_or(usize::MAX)
}

/// Whether a body read as written is national: ministries and their departments and
/// directorates ("Bộ Y tế", "Vụ Châu Mỹ", "Tổng cục Đường bộ"), the army's regions,
/// corps and services ("Quân khu 2"), but not "Bộ Chỉ huy Quân sự tỉnh"; names
/// ending "Việt Nam" or "Trung ương".
/// The bare party committee ("Đảng ủy"): of a commune, or of the body named after it.
const PARTY_COMMITTEE: &str = "Đảng ủy";

pub(crate) fn national_as_written(org: &str) -> bool {
    let ministry = [
        "Bộ ",
        "Vụ ",
        "Tổng cục ",
        "Cục ",
        "Quân khu ",
        "Quân đoàn ",
        "Quân chủng ",
    ]
    .iter()
    .any(|head| org.starts_with(head))
        && !org.starts_with("Bộ Chỉ huy");
    org.ends_with("Việt Nam") || org.ends_with("Trung ương") || ministry
}

/// Whether a written word is an abbreviation: two or more letters, all upper-case
/// ("GTVT", "TT&TT", "KH-CN").
fn is_abbreviation(word: &str) -> bool {
    word.chars().filter(|&c| is_alphabetic(c)).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '&' | '-'))
}

/// `text` with its first letter upper-cased ("phòng Giá" → "Phòng Giá").
fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn run(text: &str) -> Extraction {
        extract(&ArticleInput {
            id: "t",
            text,
            url: None,
            published: None,
        })
    }

    fn posts(p: &Person) -> Vec<(String, String, Option<String>)> {
        p.positions
            .iter()
            .map(|q| {
                let place = q.body.place.as_ref().map(|pl| pl.name.clone());
                (q.role.clone(), q.body.org.clone(), place)
            })
            .collect()
    }

    const PLENUM: &str = "Huyện ủy Gia Lâm họp\nNgày đăng 12/03/2023 | 08:10\n\n\
        Ngày 10/3, Ban Chấp hành Đảng bộ huyện Gia Lâm khóa XXIV, nhiệm kỳ 2020-2025 tổ chức \
        Hội nghị lần thứ 15. Đồng chí Trần Văn Bình - Thành ủy viên, Bí thư Huyện ủy; đồng chí \
        Lê Thị Hoa - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì hội nghị. \
        Thực hiện Nghị quyết số 07-NQ/HU ngày 5/1/2022 của Huyện ủy. Trường THPT Nguyễn Văn Cừ \
        đạt chuẩn.";

    #[test]
    fn apposition_posts_with_implied_places() {
        let x = run(PLENUM);
        assert_eq!(x.published.as_deref(), Some("2023-03-12"));
        let binh = x
            .persons
            .iter()
            .find(|p| p.name == "Trần Văn Bình")
            .unwrap();
        assert_eq!(
            posts(binh),
            vec![
                (
                    "Ủy viên Ban Chấp hành".into(),
                    "Thành ủy".into(),
                    Some("Hà Nội".into())
                ),
                ("Bí thư".into(), "Huyện ủy".into(), Some("Gia Lâm".into())),
            ]
        );
        let hoa = x.persons.iter().find(|p| p.name == "Lê Thị Hoa").unwrap();
        assert_eq!(
            posts(hoa)[1],
            ("Chủ tịch".into(), "UBND".into(), Some("Gia Lâm".into()))
        );
    }

    #[test]
    fn school_names_are_not_officials() {
        let x = run(PLENUM);
        assert!(x.persons.iter().all(|p| p.name != "Nguyễn Văn Cừ"));
        assert_eq!(x.persons.len(), 2);
    }

    #[test]
    fn title_before_name_and_former_post() {
        let x = run("Tin\n10:00 02/02/2022\n\nBí thư Tỉnh ủy Nghệ An Phan Văn Tâm và nguyên Chủ tịch UBND tỉnh Võ Minh Đức dự.");
        let tam = x.persons.iter().find(|p| p.name == "Phan Văn Tâm").unwrap();
        assert_eq!(
            posts(tam),
            vec![("Bí thư".into(), "Tỉnh ủy".into(), Some("Nghệ An".into()))]
        );
        let duc = x.persons.iter().find(|p| p.name == "Võ Minh Đức").unwrap();
        assert!(duc.positions[0].former);
    }

    #[test]
    fn meeting_term_document_and_chairs() {
        let x = run(PLENUM);
        assert_eq!(x.meetings.len(), 1);
        let m = &x.meetings[0];
        assert_eq!(m.kind, "Hội nghị Ban Chấp hành");
        assert_eq!(m.ordinal, Some(15));
        assert_eq!(m.date.as_deref(), Some("2023-03-10"));
        assert_eq!(m.chairs, vec!["Trần Văn Bình", "Lê Thị Hoa"]);
        assert_eq!(x.terms[0].khoa.as_deref(), Some("XXIV"));
        assert_eq!((x.terms[0].start, x.terms[0].end), (Some(2020), Some(2025)));
        let d = &x.documents[0];
        assert_eq!(d.number.as_deref(), Some("07-NQ/HU"));
        assert_eq!(d.date.as_deref(), Some("2022-01-05"));
        assert_eq!(d.issuer.as_ref().unwrap().org, "Huyện ủy");
    }

    #[test]
    fn evidence_offsets_are_characters() {
        let x = run(PLENUM);
        let binh = x
            .persons
            .iter()
            .find(|p| p.name == "Trần Văn Bình")
            .unwrap();
        let e = &binh.mentions[0];
        let span: String = x.text.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(span, "Trần Văn Bình");
        assert!(x.sentences[e.sentence].text.contains("Trần Văn Bình"));
    }

    fn person<'a>(x: &'a Extraction, name: &str) -> &'a Person {
        x.persons
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {:?}", x.persons))
    }

    #[test]
    fn appointment_verbs_and_replacement() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nÔng Trịnh Văn Hòa, Giám đốc Sở Xây dựng tỉnh Nghệ An được \
             điều động giữ chức Giám đốc Sở Tài chính, thay ông Lê Minh Tâm.",
        );
        let hoa = posts(person(&x, "Trịnh Văn Hòa"));
        assert!(
            hoa.contains(&(
                "Giám đốc".into(),
                "Sở Tài chính".into(),
                Some("Nghệ An".into())
            )),
            "{hoa:?}"
        );
        let tam = person(&x, "Lê Minh Tâm");
        assert_eq!(tam.positions.len(), 1);
        assert!(tam.positions[0].former);
        assert_eq!(tam.positions[0].body.org, "Sở Tài chính");
    }

    #[test]
    fn written_place_is_shared_along_the_chain() {
        let x = run("Tin\n10:00 05/10/2022\n\nĐồng chí Vi Văn Hải, Bí thư Huyện ủy, Chủ tịch HĐND huyện Hải Hà dự.");
        let hai = posts(person(&x, "Vi Văn Hải"));
        assert_eq!(
            hai[0],
            ("Bí thư".into(), "Huyện ủy".into(), Some("Hải Hà".into()))
        );
        assert_eq!(
            hai[1],
            ("Chủ tịch".into(), "HĐND".into(), Some("Hải Hà".into()))
        );
    }

    #[test]
    fn committee_title_without_body_takes_the_next_committee() {
        let x = run("Tin\n10:00 05/10/2022\n\nĐồng chí Lò Văn Mạnh, Ủy viên BTV, Chủ nhiệm UBKT Tỉnh ủy Sơn La phát biểu.");
        let m = posts(person(&x, "Lò Văn Mạnh"));
        assert!(
            m.contains(&(
                "Ủy viên Ban Thường vụ".into(),
                "Tỉnh ủy".into(),
                Some("Sơn La".into())
            )),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Chủ nhiệm".into(),
                "Ủy ban Kiểm tra Tỉnh ủy".into(),
                Some("Sơn La".into())
            )),
            "{m:?}"
        );
    }

    #[test]
    fn unknown_bodies_are_read_as_written() {
        let x = run("Tin\n10:00 05/10/2022\n\nÔng Đặng Văn Khoa, Trưởng Ban Quản lý Khu kinh tế Đông Nam Nghệ An phát biểu.");
        let k = posts(person(&x, "Đặng Văn Khoa"));
        assert_eq!(k[0].1, "Ban Quản lý Khu kinh tế Đông Nam Nghệ An");
    }

    #[test]
    fn url_tells_the_home_district() {
        let x = extract(&ArticleInput {
            id: "u",
            text:
                "Tin\n10:00 05/10/2022\n\nĐồng chí Ngô Văn Lâm, Bí thư Huyện ủy chủ trì hội nghị.",
            url: Some("http://hauloc.thanhhoa.gov.vn/portal/x"),
            published: None,
        });
        assert_eq!(
            posts(person(&x, "Ngô Văn Lâm"))[0].2.as_deref(),
            Some("Hậu Lộc")
        );
    }

    #[test]
    fn the_text_picks_among_units_a_url_host_fits() {
        let x = extract(&ArticleInput {
            id: "u",
            text: "Tin\n10:00 05/10/2022\n\nĐồng chí Ngô Văn Lâm, Bí thư Huyện ủy chủ trì hội \
                   nghị.\n\nPhú Ninh ngày mới",
            url: Some("http://phuninh.gov.vn/index.php/x"),
            published: None,
        });
        assert_eq!(
            posts(person(&x, "Ngô Văn Lâm"))[0].2.as_deref(),
            Some("Phú Ninh")
        );
    }

    #[test]
    fn a_unit_written_with_its_level_word_before_an_upgrade_is_still_home() {
        // Kim Bảng became a thị xã in 2024; a 2021 text calls it "huyện".
        let x = run(
            "Tin\n\nNgày 20/5/2021, ông Trần Văn An, Chủ tịch UBND huyện Kim Bảng dự. Ông Lê \
             Văn Bình, Phó Chủ tịch UBND huyện phát biểu.",
        );
        assert_eq!(
            posts(person(&x, "Lê Văn Bình"))[0].2.as_deref(),
            Some("Kim Bảng")
        );
    }

    #[test]
    fn html_bylines_and_boilerplate_yield_no_officials() {
        let x = run("<p>Trang chủ | Tin tức | Chính trị</p><p>Ng&agrave;y 5/10, &ocirc;ng Phạm Văn \
             Đức, Chủ tịch UBND tỉnh Thái Bình dự.</p><p>Mã xác nhận (captcha)</p><p>Lượt xem: 1.234</p>\
             <p>Trần Minh Anh - Lê Hồng Nhung</p>");
        assert_eq!(x.persons.len(), 1, "{:?}", x.persons);
        assert_eq!(x.persons[0].name, "Phạm Văn Đức");
    }

    #[test]
    fn minority_names_with_apostrophes_and_chair_by_level() {
        let x =
            run("Tin\n10:00 05/10/2022\n\nChủ tịch tỉnh Lâm Đồng Y Thanh Hà Niê K'đăm làm việc.");
        let y = posts(person(&x, "Y Thanh Hà Niê K'đăm"));
        assert_eq!(
            y[0],
            ("Chủ tịch".into(), "UBND".into(), Some("Lâm Đồng".into()))
        );
    }

    /// (kind, ordinal, place, date) of a meeting.
    type MeetingRow = (String, Option<u32>, Option<String>, Option<String>);

    fn meetings(x: &Extraction) -> Vec<MeetingRow> {
        x.meetings
            .iter()
            .map(|m| {
                let place = m.body.place.as_ref().map(|p| p.name.clone());
                (m.kind.clone(), m.ordinal, place, m.date.clone())
            })
            .collect()
    }

    #[test]
    fn committee_conference_today_and_same_day() {
        let x = run(
            "Tin\n10:00 04/04/2022\n\nSáng nay, Ban Thường vụ Tỉnh ủy Bến Tre tổ chức Hội nghị \
             Tỉnh ủy lần thứ 8. Cùng ngày, Huyện ủy Ba Tri tổ chức Hội nghị lần thứ 12.",
        );
        assert_eq!(
            meetings(&x),
            vec![
                (
                    "Hội nghị Ban Chấp hành".into(),
                    Some(8),
                    Some("Bến Tre".into()),
                    Some("2022-04-04".into())
                ),
                (
                    "Hội nghị Ban Chấp hành".into(),
                    Some(12),
                    Some("Ba Tri".into()),
                    Some("2022-04-04".into())
                ),
            ]
        );
    }

    #[test]
    fn congress_ordinal_from_its_term_and_re_mentions() {
        let x = run(
            "Tin\n10:00 06/08/2020\n\nĐại hội đại biểu Đảng bộ huyện Năm Căn khóa XII, nhiệm kỳ \
             2020 – 2025, tiến hành phiên trù bị, chiều ngày 5/8. Tại Đại hội, đồng chí Lê Văn Sử, \
             Bí thư Huyện ủy phát biểu. Dự Đại hội có 250 đại biểu.",
        );
        assert_eq!(
            meetings(&x),
            vec![(
                "Đại hội".into(),
                Some(12),
                Some("Năm Căn".into()),
                Some("2020-08-05".into())
            )]
        );
        assert_eq!(x.terms[0].khoa.as_deref(), Some("XII"));
    }

    #[test]
    fn cited_and_plural_meetings_are_not_events() {
        let x = run("Tin\n10:00 06/08/2020\n\nHuyện ủy chỉ đạo chuẩn bị tổ chức Đại hội Đảng bộ huyện lần \
             thứ XXV. Tại Đại hội Đảng bộ các xã, thị trấn, đại biểu thảo luận. Thực hiện Nghị quyết \
             Đại hội XIII của Đảng.");
        assert!(x.meetings.is_empty(), "{:?}", meetings(&x));
    }

    #[test]
    fn chairs_named_after_the_verb_and_central_boards() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nNgày 5/10, Quận ủy Ninh Kiều tổ chức Hội nghị lần thứ 14. \
             Đồng chí Huỳnh Văn Trí - Bí thư Quận ủy chủ trì hội nghị; cùng điều hành có đồng chí \
             Lâm Thị Bích - Phó Bí thư Quận ủy. Đồng chí Hà Văn Đức - Phó Trưởng Ban Tổ chức Trung \
             ương dự.",
        );
        assert_eq!(x.meetings[0].chairs, vec!["Huỳnh Văn Trí", "Lâm Thị Bích"]);
        let duc = posts(person(&x, "Hà Văn Đức"));
        assert_eq!(
            duc[0],
            (
                "Phó Trưởng ban".into(),
                "Ban Tổ chức Trung ương".into(),
                None
            )
        );
    }

    fn has(x: &Extraction, name: &str, role: &str, org: &str, place: Option<&str>) -> bool {
        posts(person(x, name)).contains(&(role.into(), org.into(), place.map(str::to_string)))
    }

    #[test]
    fn hard_wrapped_paragraphs_read_as_one_sentence() {
        let x = run("Tin\n10:00 05/10/2022\n\nDự hội nghị có đồng\nchí Trần Văn Khải, Bí thư Tỉnh\nủy Nam Định,\nChủ tịch HĐND tỉnh.");
        assert!(has(
            &x,
            "Trần Văn Khải",
            "Bí thư",
            "Tỉnh ủy",
            Some("Nam Định")
        ));
        assert!(has(
            &x,
            "Trần Văn Khải",
            "Chủ tịch",
            "HĐND",
            Some("Nam Định")
        ));
    }

    #[test]
    fn passive_agent_is_not_the_subject() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nÔng Lê Văn Sơn, Phó Chủ tịch UBND huyện Yên Thế được Chủ \
             tịch tỉnh Ngô Văn Tuấn quyết định giao giữ chức quyền Chủ tịch UBND huyện Yên Thế.",
        );
        assert!(has(&x, "Lê Văn Sơn", "Chủ tịch", "UBND", Some("Yên Thế")));
        assert!(!has(
            &x,
            "Ngô Văn Tuấn",
            "Chủ tịch",
            "UBND",
            Some("Yên Thế")
        ));
    }

    #[test]
    fn joined_verbs_share_their_subject() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nÔng Phan Văn Hùng thôi giữ chức Phó Bí thư Tỉnh ủy Hà Nam \
             nhiệm kỳ 2020-2025 để giữ chức Phó Bí thư Tỉnh ủy Ninh Bình.",
        );
        assert!(has(
            &x,
            "Phan Văn Hùng",
            "Phó Bí thư",
            "Tỉnh ủy",
            Some("Hà Nam")
        ));
        assert!(has(
            &x,
            "Phan Văn Hùng",
            "Phó Bí thư",
            "Tỉnh ủy",
            Some("Ninh Bình")
        ));
        assert_eq!(x.terms[0].body.org, "Đảng bộ");
    }

    #[test]
    fn subject_after_a_later_doi_voi() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nHĐND huyện miễn nhiệm chức danh Chủ tịch HĐND huyện Mường \
             Ảng, cho thôi làm nhiệm vụ đại biểu khóa VI đối với đồng chí Lò Văn Tỉnh.",
        );
        assert!(has(
            &x,
            "Lò Văn Tỉnh",
            "Chủ tịch",
            "HĐND",
            Some("Mường Ảng")
        ));
    }

    #[test]
    fn titles_joined_by_a_dash_or_roi_share_the_body() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nBà Trần Thị Mai, Phó Chủ tịch - Tổng Thư ký Ủy ban Trung \
             ương MTTQ Việt Nam phát biểu. Ông Vũ Đức Lâm từng giữ các chức vụ: Phó Chủ tịch rồi \
             Chủ tịch UBND tỉnh Hà Nam.",
        );
        assert!(has(&x, "Trần Thị Mai", "Phó Chủ tịch", "UBMTTQ", None));
        assert!(has(&x, "Trần Thị Mai", "Tổng Thư ký", "UBMTTQ", None));
        assert!(has(
            &x,
            "Vũ Đức Lâm",
            "Phó Chủ tịch",
            "UBND",
            Some("Hà Nam")
        ));
        assert!(person(&x, "Vũ Đức Lâm").positions.iter().all(|p| p.former));
    }

    #[test]
    fn given_names_and_pronouns_name_the_official_before() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nÔng Đinh Văn Lộc, Bí thư Huyện ủy Kim Bảng dự. Trước \
             đó, ông Lộc là Chủ tịch UBND huyện Kim Bảng. Ông từng kinh qua các chức vụ: Chánh Văn \
             phòng Tỉnh ủy Hà Nam.",
        );
        assert_eq!(x.persons.len(), 1, "{:?}", x.persons);
        assert!(has(
            &x,
            "Đinh Văn Lộc",
            "Chủ tịch",
            "UBND",
            Some("Kim Bảng")
        ));
        let office = person(&x, "Đinh Văn Lộc")
            .positions
            .iter()
            .find(|p| p.role == "Chánh Văn phòng")
            .expect("office");
        assert!(office.former);
    }

    #[test]
    fn career_lists_after_a_bare_verb_or_a_noun_phrase_with_nhu() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nÔng Đinh Văn Lộc, Bí thư Huyện ủy Kim Bảng dự. Trong quá \
             trình công tác, ông từng giữ Phó Chủ tịch UBND huyện Thanh Liêm; Chánh Văn phòng \
             Tỉnh ủy Hà Nam. Ông Lê Văn An, Giám đốc Sở Y tế tỉnh Hà Nam, từng đảm nhiệm nhiều \
             chức vụ như Phó Giám đốc Sở Tài chính tỉnh Hà Nam, Phó Chủ tịch UBND huyện Lý Nhân.",
        );
        assert!(has(
            &x,
            "Đinh Văn Lộc",
            "Phó Chủ tịch",
            "UBND",
            Some("Thanh Liêm")
        ));
        assert!(has(
            &x,
            "Đinh Văn Lộc",
            "Chánh Văn phòng",
            "Văn phòng Tỉnh ủy",
            Some("Hà Nam")
        ));
        assert!(has(
            &x,
            "Lê Văn An",
            "Phó Giám đốc",
            "Sở Tài chính",
            Some("Hà Nam")
        ));
        assert!(has(
            &x,
            "Lê Văn An",
            "Phó Chủ tịch",
            "UBND",
            Some("Lý Nhân")
        ));
        let former = |name: &str| {
            person(&x, name)
                .positions
                .iter()
                .filter(|p| p.former)
                .count()
        };
        assert_eq!((former("Đinh Văn Lộc"), former("Lê Văn An")), (2, 2));
    }

    #[test]
    fn holders_listed_after_their_title() {
        let x = run(
            "Tin\n10:00 05/10/2022\n\nHiện nay, Tỉnh ủy Hà Nam có 3 phó bí thư gồm: đồng chí \
             Lê Văn An, đồng chí Trần Thị Bình và đồng chí Phạm Văn Cường.",
        );
        for name in ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"] {
            assert!(
                has(&x, name, "Phó Bí thư", "Tỉnh ủy", Some("Hà Nam")),
                "{name}"
            );
        }
    }

    #[test]
    fn announced_congresses_with_days_and_national_sessions() {
        let x = run(
            "Tin\n10:00 05/03/2015\n\nTheo đó, dự kiến ngày 26 và 27-3-2015 tiến hành Đại hội \
             Đảng bộ xã Bảo Quang và ngày 30, 31-3, Đại hội Đảng bộ xã Hàng Gòn. Đoàn sẽ dự Kỳ họp \
             thứ nhất, Quốc hội khóa XIV khai mạc sáng 20/7.",
        );
        let m = meetings(&x);
        assert!(
            m.contains(&(
                "Đại hội".into(),
                None,
                Some("Bảo Quang".into()),
                Some("2015-03-26".into())
            )),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Đại hội".into(),
                None,
                Some("Hàng Gòn".into()),
                Some("2015-03-30".into())
            )),
            "{m:?}"
        );
        assert!(
            m.contains(&("Hội nghị".into(), Some(1), None, Some("2015-07-20".into()))),
            "{m:?}"
        );
    }

    #[test]
    fn another_committee_on_another_day_is_another_meeting() {
        let x = run("Tin\n10:00 15/11/2025\n\nSáng 15/11, Tỉnh ủy Thái Nguyên tổ chức hội nghị công bố \
             quyết định. Trước đó, ngày 14/11, Tỉnh ủy Bắc Ninh đã tổ chức hội nghị công bố quyết định.");
        let m = meetings(&x);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[1].2.as_deref(), Some("Bắc Ninh"));
        assert_eq!(m[1].3.as_deref(), Some("2025-11-14"));
    }

    #[test]
    fn a_commune_tells_its_district_and_a_passing_district_is_not_home() {
        let x = run(
            "Tin\n10:00 05/10/2020\n\nĐảng bộ xã Trần Hợi tổ chức đại hội. Đồng chí Lê Văn Hai, \
             Bí thư Huyện ủy dự.",
        );
        assert!(has(
            &x,
            "Lê Văn Hai",
            "Bí thư",
            "Huyện ủy",
            Some("Trần Văn Thời")
        ));
        let x = run("Tin\n10:00 05/10/2020\n\nTỉnh ủy Vĩnh Phúc họp. Tỉnh ủy Vĩnh Phúc bầu. Tỉnh ủy \
             Vĩnh Phúc ra mắt. Đồng chí Lê Văn Hai, Ủy viên Ban Chấp hành Đảng bộ nhiệm kỳ 2020-2025, \
             quê thành phố Vĩnh Yên.");
        assert!(x.home_district.is_none(), "{:?}", x.home_district);
    }

    #[test]
    fn a_commune_name_shared_in_the_province_is_the_named_districts() {
        // Thái Bình has a xã Minh Khai in Hưng Hà and another in Vũ Thư.
        let x = run(
            "Kỳ họp HĐND xã Minh Khai\n10:00 05/10/2020\n\nSáng 5/10, HĐND xã Minh Khai \
             khóa XX tổ chức kỳ họp thứ 12. Đồng chí Trần Văn Hải, Phó Bí thư Huyện ủy Vũ Thư dự.",
        );
        let m = meetings(&x);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].2.as_deref(), Some("Minh Khai"));
        assert_eq!(
            x.home_district.as_ref().map(|d| d.name.as_str()),
            Some("Vũ Thư")
        );
    }

    #[test]
    fn a_commune_many_communes_name_keeps_its_name_without_a_code() {
        // Tân Lập is a commune of many districts; nothing here tells which.
        let x = run(
            "Đảng ủy xã Tân Lập họp\n10:00 16/03/2023\n\nNgày 15/3, Đảng ủy xã Tân Lập tổ \
             chức hội nghị. Đồng chí Nguyễn Văn Hải, Bí thư Đảng ủy xã chủ trì. Dự có đồng chí \
             Lê Văn Minh, Phó Bí thư Đảng ủy, Chủ tịch UBND xã.",
        );
        let minh = person(&x, "Lê Văn Minh");
        let places: Vec<_> = minh
            .positions
            .iter()
            .map(|p| p.body.place.clone())
            .collect();
        assert_eq!(places.len(), 2, "{places:?}");
        for place in places {
            let place = place.expect("a place");
            assert_eq!((place.name.as_str(), place.code), ("Tân Lập", None));
        }
        assert!(has(
            &x,
            "Nguyễn Văn Hải",
            "Bí thư",
            "Đảng ủy",
            Some("Tân Lập")
        ));
        // Named in passing with its level word: the name, still without a code.
        let x =
            run("Tin\n10:00 05/10/2022\n\nÔng Trần Văn Tư, Chủ tịch UBND xã Tân Lập, phát biểu.");
        assert!(has(&x, "Trần Văn Tư", "Chủ tịch", "UBND", Some("Tân Lập")));
    }

    #[test]
    fn a_commune_portal_is_the_home_commune() {
        let x = extract(&ArticleInput {
            id: "t",
            text: "Hội nghị Ban Chấp hành Đảng bộ\n10:00 16/03/2023\n\nNgày 15/3, Đảng ủy tổ \
                   chức hội nghị. Đồng chí Nguyễn Văn Hải, Bí thư Đảng ủy chủ trì. Dự có đồng chí \
                   Lê Văn Minh, Chủ tịch UBND.",
            url: Some("https://tanlap.danphuong.hanoi.gov.vn/tin-tuc/hoi-nghi.html"),
            published: None,
        });
        let hai = &person(&x, "Nguyễn Văn Hải").positions[0];
        let place = hai.body.place.as_ref().expect("a place");
        assert_eq!(
            (place.name.as_str(), place.code.as_deref()),
            ("Tân Lập", Some("L09820"))
        );
        assert!(has(&x, "Lê Văn Minh", "Chủ tịch", "UBND", Some("Tân Lập")));
    }

    #[test]
    fn a_commune_a_headline_slug_names_in_the_portals_district_is_home() {
        let x = extract(&ArticleInput {
            id: "t",
            text: "Tin\n10:00 16/03/2023\n\nNgày 15/3, Đảng ủy tổ chức hội nghị. Đồng chí \
                   Nguyễn Văn Hải, Bí thư Đảng ủy chủ trì. Dự có đồng chí Lê Văn Minh, Chủ \
                   tịch UBND.",
            url: Some(
                "https://hauloc.thanhhoa.gov.vn/tin-tuc/dang-uy-xa-tien-loc-to-chuc-hoi-nghi",
            ),
            published: None,
        });
        assert!(has(
            &x,
            "Nguyễn Văn Hải",
            "Bí thư",
            "Đảng ủy",
            Some("Tiến Lộc")
        ));
        assert!(has(&x, "Lê Văn Minh", "Chủ tịch", "UBND", Some("Tiến Lộc")));
    }

    #[test]
    fn members_elected_in_a_list_and_named_in_a_committee() {
        let x = run("Tin\n10:00 05/10/2024\n\nHội nghị đã hiệp thương cử 3 vị tham gia Ủy ban Trung \
             ương MTTQ Việt Nam.\nTrong đó, chuyên trách gồm 1 vị: Bà Lê Thị Thu, Phó Bí thư Tỉnh ủy Hà \
             Nam.\nÔng Trần Văn Bảo, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Hà Nam.\nCác đại biểu thảo \
             luận.\nTrong Ban Chấp hành Đảng bộ tỉnh Hà Nam có đồng chí Phạm Thị Yến, Phó Chủ tịch \
             phụ trách Hội LHPN tỉnh Hà Nam.");
        assert!(has(&x, "Lê Thị Thu", "Ủy viên", "UBMTTQ", None));
        assert!(has(&x, "Trần Văn Bảo", "Ủy viên", "UBMTTQ", None));
        assert!(has(
            &x,
            "Phạm Thị Yến",
            "Ủy viên Ban Chấp hành",
            "Tỉnh ủy",
            Some("Hà Nam")
        ));
        assert!(has(
            &x,
            "Phạm Thị Yến",
            "Phó Chủ tịch",
            "Hội LHPN",
            Some("Hà Nam")
        ));
        assert!(!has(&x, "Phạm Thị Yến", "Ủy viên", "UBMTTQ", None));
    }

    #[test]
    fn a_chaired_sitting_of_a_body_is_a_meeting() {
        let x = run(
            "Tin\n10:00 20/07/2021\n\nÔng Lê Văn Tâm, Phó Bí thư Tỉnh ủy đã chủ trì họp Đoàn \
             ĐBQH tỉnh Hà Nam chiều 19/7.",
        );
        assert_eq!(
            meetings(&x),
            vec![(
                "Hội nghị".into(),
                None,
                Some("Hà Nam".into()),
                Some("2021-07-19".into())
            )]
        );
        assert_eq!(x.meetings[0].chairs, vec!["Lê Văn Tâm"]);
    }

    #[test]
    fn a_leap_day_dates_a_sitting_within_its_term() {
        let x = run(
            "Tin\n\nSáng ngày 29/02, Thường trực HĐND huyện Lục Yên tổ chức phiên họp lần thứ 9, \
             chuẩn bị kỳ họp HĐND huyện khóa XX, nhiệm kỳ 2021 – 2026. Đồng chí Hà Văn Lâm, Chủ \
             tịch HĐND huyện chủ trì phiên họp.",
        );
        assert_eq!(
            meetings(&x),
            vec![(
                "Hội nghị".into(),
                Some(9),
                Some("Lục Yên".into()),
                Some("2024-02-29".into())
            )]
        );
        assert_eq!(x.meetings[0].chairs, vec!["Hà Văn Lâm"]);
    }

    #[test]
    fn an_announced_session_counts_with_its_day() {
        let x = run(
            "Tin\n10:00 12/12/2022\n\nNgày 12/12, Huyện ủy Sóc Sơn tổ chức hội nghị. Tại hội nghị, \
             các đại biểu cho ý kiến vào nội dung trình Kỳ \
             họp thứ 6 HĐND huyện Sóc Sơn khóa XX, dự kiến khai mạc ngày 20/12/2022. Theo đó, Kỳ \
             họp thứ 7 HĐND huyện dự kiến sẽ diễn ra vào sáng ngày 5/1/2023. Kỳ họp thứ 8 sẽ xem \
             xét các tờ trình.",
        );
        assert_eq!(
            meetings(&x),
            vec![
                (
                    "Hội nghị".into(),
                    None,
                    Some("Sóc Sơn".into()),
                    Some("2022-12-12".into())
                ),
                (
                    "Kỳ họp HĐND".into(),
                    Some(6),
                    Some("Sóc Sơn".into()),
                    Some("2022-12-20".into())
                ),
                (
                    "Kỳ họp HĐND".into(),
                    Some(7),
                    Some("Sóc Sơn".into()),
                    Some("2023-01-05".into())
                ),
            ]
        );
    }

    #[test]
    fn a_sentence_set_at_a_numbered_session() {
        // The council named in an earlier sentence; "cùng ngày" is the day written before.
        let x = run(
            "Tin\n10:00 19/09/2025\n\nSáng 17/9, Tỉnh ủy Yên Bái giới thiệu để HĐND tỉnh Yên Bái \
             bầu Chủ tịch UBND tỉnh. Chiều cùng ngày, tại Kỳ họp thứ 31, các đại biểu đã bỏ phiếu. \
             Trước đó, tại kỳ họp 44, Ủy ban Kiểm tra Trung ương đã xem xét. Ngày 21/7, tại kỳ thứ \
             19, khóa XII, Hội đồng nhân dân tỉnh Yên Bái đã biểu quyết.",
        );
        assert_eq!(
            meetings(&x),
            vec![
                (
                    "Kỳ họp HĐND".into(),
                    Some(31),
                    Some("Yên Bái".into()),
                    Some("2025-09-17".into())
                ),
                ("Hội nghị".into(), Some(44), None, None),
                (
                    "Kỳ họp HĐND".into(),
                    Some(19),
                    Some("Yên Bái".into()),
                    Some("2025-07-21".into())
                ),
            ]
        );
        assert_eq!(x.meetings[1].body.org, "Ủy ban Kiểm tra Trung ương");
    }

    #[test]
    fn dated_subject_and_abbreviated_committee() {
        let x = run(
            "Tin\n10:00 28/07/2020\n\nNgày 26/7, tại Hội trường huyện, Đại hội đại biểu Đảng bộ \
             huyện Vĩnh Bảo lần thứ XXV đã diễn ra. Hội nghị BCH đã bầu Ban Thường vụ Huyện ủy.",
        );
        assert_eq!(
            meetings(&x),
            vec![
                (
                    "Đại hội".into(),
                    Some(25),
                    Some("Vĩnh Bảo".into()),
                    Some("2020-07-26".into())
                ),
                (
                    "Hội nghị Ban Chấp hành".into(),
                    None,
                    Some("Vĩnh Bảo".into()),
                    None
                ),
            ]
        );
    }

    #[test]
    fn a_congress_planned_without_day_or_number_is_no_event() {
        let x = run(
            "Tin\n\nĐảng bộ xã Tân Lập được Ban Thường vụ Huyện ủy chọn chỉ đạo tổ chức đại hội \
             điểm, nhiệm kỳ 2020 – 2025.",
        );
        assert!(x.meetings.is_empty(), "{:?}", meetings(&x));
    }

    #[test]
    fn a_term_known_by_years_joins_the_khoa_before_the_next() {
        let x = run(
            "Tin\n\nNgày 19/11, Huyện ủy Lục Nam thông qua Báo cáo kiểm điểm Ban Chấp hành Đảng \
             bộ huyện nhiệm kỳ 2020-2025 và Báo cáo chính trị của Ban Chấp hành Đảng bộ huyện \
             (khóa IX) trình Đại hội đại biểu Đảng bộ huyện (khóa X), nhiệm kỳ 2025-2030.",
        );
        let terms: Vec<_> = x
            .terms
            .iter()
            .map(|t| (t.khoa.clone(), t.start, t.end))
            .collect();
        assert_eq!(
            terms,
            vec![
                (Some("IX".into()), Some(2020), Some(2025)),
                (Some("X".into()), Some(2025), Some(2030)),
            ]
        );
    }

    #[test]
    fn a_khoa_before_its_body() {
        let x = run("Tin\n\nNgày 21/7, tại kỳ họp thứ 9, khóa XVII, HĐND tỉnh Bình Định đã bầu.");
        let terms: Vec<_> = x
            .terms
            .iter()
            .map(|t| {
                let place = t.body.place.as_ref().map(|p| p.name.clone());
                (t.body.org.clone(), place, t.khoa.clone())
            })
            .collect();
        assert_eq!(
            terms,
            vec![("HĐND".into(), Some("Bình Định".into()), Some("XVII".into()))]
        );
    }

    #[test]
    fn an_implied_provincial_committee_is_never_a_city() {
        // Home is Hà Nội (most mentioned), yet "Tỉnh ủy" is Quảng Ninh's.
        let x = run(
            "Tin\n\nSáng 12/4, Tỉnh ủy Quảng Ninh công bố quyết định điều động đồng chí Lê Văn \
             Hải, Thành ủy viên Hà Nội, Bí thư Quận ủy Hoàn Kiếm, Hà Nội. Bí thư Tỉnh ủy Đỗ Minh \
             Khang phát biểu. Thành phố Hà Nội đã chuẩn bị nhân sự thay thế ở Hà Nội.",
        );
        assert_eq!(
            posts(person(&x, "Đỗ Minh Khang")),
            vec![(
                "Bí thư".to_string(),
                "Tỉnh ủy".to_string(),
                Some("Quảng Ninh".to_string())
            )]
        );
    }

    #[test]
    fn a_meeting_without_a_known_place_keeps_its_chairs() {
        let x = run("Dự Hội nghị có lãnh đạo các ban. Đồng chí Lê Văn Tâm, Bí thư Huyện ủy chủ trì Hội nghị.");
        assert_eq!(x.meetings.len(), 1);
        assert_eq!(x.meetings[0].chairs, vec!["Lê Văn Tâm"]);
    }
}
