//! Documents, terms and meetings.

use std::cell::OnceCell;
use std::sync::OnceLock;

use cadre_lexicon::phrases::split_words;
use cadre_lexicon::vocab::{BodyKind, BodyLevel};
use cadre_text::{find_dates, fold_key, fold_normalized, parse_ordinal, to_roman};
use regex::Regex;

use crate::article::Doc;
use crate::model::{BodyRef, Document, Meeting, Person, PlaceRef, Term};
use crate::places::PlaceMention;
use crate::tokens::Token;

/// Party numbers (`14-NQ/QU`, `05-CT/TW`, `09 - NQ/QU`) and state numbers
/// (`1234/QĐ-UBND`, `819/NQ – UBTVQH 14`: the National Assembly's standing committee
/// with its legislature), spaces allowed around "-", "–" and "/". The codes' letters
/// are Latin (`LETTER`: ASCII and the Latin supplements and extensions, which hold
/// every Vietnamese letter) and the digits ASCII: a regex over all of Unicode's letters,
/// repeated as the codes' lengths require, took a tenth of a second to compile.
fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = r"(?x)
            ^\s*(?:số\s*)?:?\s*
            (?P<num>
                DIGIT{1,5}\s*[-–]\s*LETTER{1,6}\s*/\s*LETTER{1,6}(?:-LETTER{1,8})?
              | DIGIT{1,6}\s*/\s*LETTER{1,6}
                (?:\s*[-–]\s*(?:LETTER{0,8}QH\s?DIGIT{2}\b|LETTER{1,10}))+
              | DIGIT{1,5}(?:/DIGIT{4})?(?:/LETTER{1,8}(?:-LETTER{1,10})*)?
            )"
        .replace("LETTER", "[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]")
        .replace("DIGIT", "[0-9]");
        Regex::new(&pattern).expect("valid number regex")
    })
}

/// Bytes of text after a document type within which its number is read: the longest
/// number the press writes, with its spaces, is well under half of it.
const NUMBER_WINDOW: usize = 120;

/// "và" or a comma between two numbers of one list ("528 và 529-QĐNS/TW").
fn next_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\s*(?:và|,)\s*\d").expect("valid list regex"))
}

/// The document numbers written at the start of `rest` (after a document type), each
/// canonical: no spaces, en dashes as "-", upper case ("819/NQ-UBTVQH14"). Numbers
/// listed with "và" or commas are several documents, and bare serials take the code
/// of the last one ("528 và 529-QĐNS/TW" → 528-QĐNS/TW, 529-QĐNS/TW). Also returns the
/// byte offsets in `rest` where the first number starts and the list ends.
fn document_numbers(rest: &str) -> Option<(Vec<String>, usize, usize)> {
    let canonical = |m: &str| -> String {
        m.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == '–' { '-' } else { c })
            .collect::<String>()
            .to_uppercase()
    };
    // The number regex is anchored, but its backtracker clears memory in proportion
    // to the text it is given: hand it a window no number outgrows.
    let number_at = |at: usize| {
        let window = &rest[at..rest.floor_char_boundary(at + NUMBER_WINDOW)];
        number_re().captures(window)?.name("num")
    };
    // Most document types stand without a number: the regex needs a digit after an
    // optional "số" and ":".
    let lead = rest.trim_start();
    let lead = lead.strip_prefix("số").map_or(lead, str::trim_start);
    let lead = lead.strip_prefix(':').unwrap_or(lead).trim_start();
    if !lead.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let first = number_at(0)?;
    let mut numbers = vec![canonical(first.as_str())];
    let mut end = first.end();
    while let Some(sep) = next_number_re().find(&rest[end..]) {
        let at = end + sep.end() - 1;
        let Some(m) = number_at(at) else {
            break;
        };
        numbers.push(canonical(m.as_str()));
        end = at + m.end();
    }
    let last = numbers.last().cloned().unwrap_or_default();
    let code = last.trim_start_matches(|c: char| c.is_ascii_digit());
    for n in &mut numbers {
        if n.chars().all(|c| c.is_ascii_digit()) {
            n.push_str(code);
        }
    }
    Some((numbers, first.start(), end))
}

/// `khóa XXIV`, `khoá 6`.
fn khoa_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\bkhóa\s+([IVXLC]+|\d{1,2})\b").expect("valid khóa regex"))
}

/// `nhiệm kỳ 2020-2025`, `nhiệm kỳ 2020 – 2025`.
pub(crate) fn mandate_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)nhiệm\s+kỳ\s*:?\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")
            .expect("valid nhiệm kỳ regex")
    })
}

/// "và đại biểu HĐND các cấp": the councils elected together with a khóa.
fn joint_election_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^và\s+(?:đại\s+biểu\s+)?(?:HĐND|Hội\s+đồng\s+nhân\s+dân)\s+các\s+cấp$")
            .expect("valid joint election regex")
    })
}

/// `lần thứ XVII`, `lần thứ 11`, `lần thứ Nhất`, `lần thứ mười hai`, a session's `thứ
/// 7`, and a number written without "thứ": `lần 22`, `lần XII` (digits or a Roman
/// numeral only, so "lần đầu" is no number).
fn ordinal_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s,]*(?:\(?mở rộng\)?\s*)?(?:(?:lần\s+)?thứ\s+([\p{L}\d]+(?:\s+(?:mươi|mười|một|mốt|hai|ba|tư|bốn|lăm|sáu|bảy|tám|chín)\b){0,2})|lần\s+(\d{1,3}|[IVXL]+)\b)",
        )
        .expect("valid ordinal regex")
    })
}

/// Bytes after a meeting's name within which [`ordinal_re`] reads its number (the
/// regex is anchored; a window keeps its backtracker from clearing memory for the
/// whole rest of the sentence).
const ORDINAL_WINDOW: usize = 160;

/// The number an [`ordinal_re`] match names, whichever form it was written in; when
/// the words after the first make no number ("thứ hai hai"), the first word's.
fn ordinal_of(captures: &regex::Captures) -> Option<u32> {
    let written = captures.get(1).or_else(|| captures.get(2))?.as_str();
    parse_ordinal(written).or_else(|| parse_ordinal(written.split_whitespace().next()?))
}

/// Whether a written word may stand inside a meeting's name before its number: a
/// capitalised word, a number or punctuation, or a lower-case word of a body's or a
/// unit's name ("Hội nghị Ban Chấp hành Đảng bộ tỉnh khóa XVII (mở rộng) lần thứ 8").
fn in_meeting_name(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    bare.is_empty()
        || bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || cadre_lexicon::vocab::Vocabulary::global()
            .cues
            .meeting_name
            .longest_at(&[fold_key(bare)])
            .is_some()
}

/// Folds a term known only by its years into the same body's term known only by its
/// khóa when the next khóa fixes those years: "Ban Chấp hành Đảng bộ huyện nhiệm kỳ
/// 2020-2025 … (khóa IX) trình Đại hội … (khóa X), nhiệm kỳ 2025-2030" — khóa IX is
/// the term before 2025-2030, so it is 2020-2025.
fn merge_consecutive_terms(terms: &mut Vec<Term>) {
    let mut k = 0;
    while k < terms.len() {
        let years_only = terms[k].khoa.is_none() && terms[k].start.is_some();
        let target = years_only
            .then(|| {
                let t = &terms[k];
                let end = t.end?;
                let next = terms
                    .iter()
                    .find(|n| n.body == t.body && n.start == Some(end) && n.khoa.is_some())?;
                let previous = to_roman(parse_ordinal(next.khoa.as_deref()?)?.checked_sub(1)?);
                terms.iter().position(|p| {
                    p.body == t.body && p.start.is_none() && p.khoa.as_deref() == Some(&previous)
                })
            })
            .flatten();
        match target {
            Some(p) => {
                let t = terms.remove(k);
                let p = if p > k { p - 1 } else { p };
                terms[p].start = t.start;
                terms[p].end = t.end;
            }
            None => k += 1,
        }
    }
}

/// Drops a term known only by its khóa when the body's term of that khóa is known
/// with its years, then folds a body's one term known only by its years into its
/// latest term known only by its khóa: "Hội nghị Ban Chấp hành Đảng bộ tỉnh (khóa XV)
/// … Bí thư Tỉnh ủy, nhiệm kỳ 2015-2020" names one term in two phrases. With two sets
/// of years, which go with which khóa is unknown, and all stay apart.
fn merge_split_terms(terms: &mut Vec<Term>) {
    // "Ban Chấp hành LĐLĐ tỉnh khóa XIV" after "Đại hội Công đoàn tỉnh lần thứ XIV,
    // nhiệm kỳ 2023 - 2028": one term.
    let complete: Vec<(BodyRef, String)> = terms
        .iter()
        .filter(|t| t.start.is_some())
        .filter_map(|t| Some((t.body.clone(), t.khoa.clone()?)))
        .collect();
    terms.retain(|t| {
        t.start.is_some()
            || !complete
                .iter()
                .any(|(body, khoa)| *body == t.body && t.khoa.as_ref() == Some(khoa))
    });
    let mut k = 0;
    while k < terms.len() {
        let body = &terms[k].body;
        let of_body = |f: fn(&Term) -> bool| {
            let found: Vec<usize> = (0..terms.len())
                .filter(|&p| terms[p].body == *body && f(&terms[p]))
                .collect();
            (found.len() == 1).then(|| found[0])
        };
        let years_only = of_body(|t| t.khoa.is_none() && t.start.is_some());
        // Of several khóa, the years written go with the latest: the text cites the
        // outgoing term by its khóa alone ("Thường trực HĐND huyện khóa XI … chuẩn bị
        // kỳ họp thứ nhất HĐND huyện khóa XII … nhiệm kỳ 2021-2026").
        let khoa_only = (0..terms.len())
            .filter(|&p| terms[p].body == *body && terms[p].khoa.is_some())
            .filter(|&p| terms[p].start.is_none())
            .map(|p| (terms[p].khoa.as_deref().and_then(parse_ordinal), p))
            .max_by_key(|&(ordinal, _)| ordinal)
            .filter(|&(ordinal, _)| ordinal.is_some())
            .map(|(_, p)| p);
        let complete = of_body(|t| t.khoa.is_some() && t.start.is_some());
        match (years_only, khoa_only) {
            (Some(y), Some(c)) if complete.is_none() && y == k => {
                let t = terms.remove(y);
                let c = if c > y { c - 1 } else { c };
                terms[c].start = t.start;
                terms[c].end = t.end;
            }
            _ => k += 1,
        }
    }
}

/// A term read in a sentence: byte offset, khóa, and nhiệm kỳ years.
type TermMention = (usize, Option<String>, Option<(i32, i32)>);

/// The national party's bodies, whose khóa is the term of the party as a whole.
const CENTRAL_PARTY_BODIES: [&str; 3] = ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"];

/// The org a mass organisation's term records: "Hội LHPN tỉnh" and "Hội Liên hiệp
/// Phụ nữ Việt Nam" both hold terms of the "Hội Liên hiệp Phụ nữ", a "Tỉnh đoàn" of the
/// "Đoàn TNCS Hồ Chí Minh" (the lexicon's term org of the organisation named).
fn mass_org_term(org: &str) -> String {
    let vocab = cadre_lexicon::vocab::Vocabulary::global();
    let words = cadre_lexicon::phrases::split_words(&cadre_text::fold_key(org));
    (0..words.len())
        .find_map(|k| {
            let (_, entry) = vocab.bodies.longest_at(&words[k..])?;
            (entry.kind == BodyKind::MassOrganisation).then(|| entry.term_org.clone())
        })
        .unwrap_or_else(|| org.to_string())
}

/// Orgs that hold terms, and the org a term records for them.
fn term_org(body: &BodyRef) -> Option<String> {
    match body.kind.as_str() {
        "party_committee" | "party_org" => Some("Đảng bộ".into()),
        "state" | "front" => Some(body.org.clone()),
        "mass_org" => Some(mass_org_term(&body.org)),
        "national" if body.org == "Quốc hội" => Some(body.org.clone()),
        // "Ban Chấp hành Trung ương Đảng khóa XII", "Bộ Chính trị (khóa XII)": the
        // national party's term.
        "national" if CENTRAL_PARTY_BODIES.contains(&body.org.as_str()) => Some("Đảng bộ".into()),
        // "Ban Thường vụ Huyện ủy khóa XIX": the standing committee is elected by the
        // committee for its khóa, so the khóa is the party organisation's.
        "board" if body.org.starts_with("Ban Thường vụ") => Some("Đảng bộ".into()),
        _ => None,
    }
}

impl Doc {
    /// Byte offset → (sentence index, token index) of the token starting at or after it.
    fn locate(&self, s: usize, byte: usize) -> usize {
        self.tokens[s].partition_point(|t| t.start < byte)
    }

    /// The nearest body read in sentence `s` that starts before token `before`
    /// (within `window` tokens), as (token index, body).
    /// The longest reading wins: "Ủy ban Trung ương MTTQ Việt Nam" over its tail
    /// "MTTQ Việt Nam".
    pub(crate) fn body_before(
        &self,
        s: usize,
        before: usize,
        window: usize,
    ) -> Option<(usize, BodyRef)> {
        let from = before.saturating_sub(window);
        let fits = |i: usize| {
            let (body, len, _) = self.body_at(s, i, &[])?;
            (i + len <= before + 1).then_some((i, len, body))
        };
        let (bi, len, body) = (from..before).rev().find_map(fits)?;
        // "Hội đồng nhân dân (HĐND) tỉnh": an abbreviation in parentheses is read
        // with the full name before it.
        let in_parentheses = bi > 0 && self.tokens[s][bi - 1].key == "(";
        let back = if in_parentheses { 8 } else { 4 };
        let longer = (bi.saturating_sub(back).max(from)..bi)
            .filter_map(fits)
            .find(|(i, l, _)| i + l >= bi + len);
        Some(longer.map_or((bi, body), |(i, _, b)| (i, b)))
    }

    /// Numbered documents cited in the text.
    pub fn documents(&self) -> Vec<Document> {
        let v = self.vocab;
        let mut out: Vec<Document> = Vec::new();
        for (s, toks) in self.tokens.iter().enumerate() {
            for i in 0..toks.len() {
                let keys = self.keys(s, i);
                let Some((len, ty)) = v.doc_types.longest_at(keys) else {
                    continue;
                };
                let after = toks[i + len - 1].end;
                let rest_end = self.spans[s].1;
                let rest = &self.text[after..rest_end];
                let Some((numbers, m_start, m_end)) = document_numbers(rest) else {
                    continue;
                };
                let bare = numbers[0].chars().all(|c| c.is_ascii_digit());
                let tail = rest[m_end..].trim_start().to_lowercase();
                let said_number = rest[..m_start].contains("số");
                let cued = ["của", "ngày", "năm"].iter().any(|c| tail.starts_with(c));
                // A bare number ("Chỉ thị 35", "nghị định 26") needs "số" or a following
                // "của/ngày/năm"; a coded number stands on its own, in any case.
                if bare && !(said_number || cued) {
                    continue;
                }
                let num_end = after + m_end;
                let date = find_dates(&self.text[num_end..rest_end])
                    .into_iter()
                    .find(|d| d.start < 12 && d.year.is_some())
                    .and_then(|d| d.iso(None));
                for number in numbers {
                    let issuer = self.issuer(s, num_end, &number);
                    let evidence = self.evidence(s, toks[i].start, num_end);
                    let doc = Document {
                        doc_type: ty.doc_type.clone(),
                        number: Some(number),
                        date: date.clone(),
                        issuer,
                        of: None,
                        evidence,
                    };
                    match out
                        .iter_mut()
                        .find(|d| d.number == doc.number && d.doc_type == doc.doc_type)
                    {
                        Some(known) => {
                            if known.date.is_none() {
                                known.date = doc.date;
                            }
                            if known.issuer.is_none() {
                                known.issuer = doc.issuer;
                            }
                        }
                        None => out.push(doc),
                    }
                }
            }
        }
        // "Chỉ thị 35" and "Chỉ thị 35-CT/TW" in one article are one document.
        let full: Vec<(String, String)> = out
            .iter()
            .filter_map(|d| Some((d.doc_type.clone(), d.number.clone()?)))
            .collect();
        out.retain(|d| {
            let Some(n) = d
                .number
                .as_deref()
                .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
            else {
                return true;
            };
            !full.iter().any(|(t, f)| {
                *t == d.doc_type
                    && f.len() > n.len()
                    && f.starts_with(n)
                    && !f[n.len()..].starts_with(char::is_numeric)
            })
        });
        out
    }

    /// The issuer of a document: "của <body>" after the number (and date), else the
    /// issuer code of a party number (`/HU` → Huyện ủy of the home district).
    fn issuer(&self, s: usize, num_end: usize, number: &str) -> Option<BodyRef> {
        let i = self.locate(s, num_end);
        let toks = &self.tokens[s];
        for (k, tok) in toks.iter().enumerate().skip(i).take(12) {
            if tok.key == "của" {
                if let Some((body, _, _)) = self.body_at(s, k + 1, &[]) {
                    return Some(body);
                }
                break;
            }
        }
        let code = number.rsplit('/').next()?;
        let code = code.split('-').next_back().unwrap_or(code);
        // "TU" is a Tỉnh ủy or a Thành ủy: the one the article's home has, placed.
        let entries: Vec<_> = self.vocab.issuers_by_code(code).collect();
        let placed = |level: BodyLevel| self.home.resolve(&PlaceMention::default(), level);
        let home_is_city = self.home.province.is_some_and(|p| {
            cadre_lexicon::places::Gazetteer::global().place(p).kind
                == cadre_lexicon::places::PlaceKind::CentralCity
        });
        let entry = entries
            .iter()
            .find(|e| placed(e.level).is_some() && (e.level == BodyLevel::City) == home_is_city)
            .or_else(|| entries.iter().find(|e| placed(e.level).is_some()))
            .or_else(|| entries.iter().find(|e| e.level != BodyLevel::City))?;
        let place = self.home.place_of(&PlaceMention::default(), entry.level);
        let kind = split_words(&fold_key(&entry.org));
        let kind = self
            .vocab
            .bodies
            .longest_at(&kind)
            .map_or(BodyKind::National, |(_, b)| b.kind);
        Some(BodyRef {
            org: entry.org.clone(),
            kind: kind.as_str().into(),
            place,
        })
    }

    /// Terms: "khóa N" and "nhiệm kỳ Y1-Y2" tied to one organisation; a congress
    /// "lần thứ N, nhiệm kỳ Y1-Y2" gives khóa N.
    pub fn terms(&self) -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for (s, &(ss, se)) in self.spans.iter().enumerate() {
            let sentence = &self.text[ss..se];
            let mut used_mandates: Vec<usize> = Vec::new();
            let mut found: Vec<TermMention> = Vec::new();
            for caps in khoa_re().captures_iter(sentence) {
                let whole = caps.get(0).expect("match");
                let Some(n) = parse_ordinal(&caps[1]) else {
                    continue;
                };
                let after = &sentence[whole.end()..];
                let years = mandate_re().captures(after).and_then(|m| {
                    let gap = &after[..m.get(0).expect("match").start()];
                    let gap = gap.trim_matches(|c: char| matches!(c, ',' | ' ' | '(' | ')'));
                    // "đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026":
                    // one election, so the years are the khóa's too.
                    (gap.is_empty() || joint_election_re().is_match(gap)).then(|| {
                        used_mandates.push(whole.end() + m.get(0).expect("m").start());
                        (m[1].parse().unwrap_or(0), m[2].parse().unwrap_or(0))
                    })
                });
                found.push((ss + whole.start(), Some(to_roman(n)), years));
            }
            for caps in mandate_re().captures_iter(sentence) {
                let whole = caps.get(0).expect("match");
                if used_mandates.contains(&whole.start()) {
                    continue;
                }
                let years = (caps[1].parse().unwrap_or(0), caps[2].parse().unwrap_or(0));
                let before = &sentence[..whole.start()];
                let congress = before
                    .rfind("lần thứ")
                    .filter(|p| before[*p..].chars().count() < 20)
                    .filter(|p| numbers_a_congress(&before[..*p]))
                    .and_then(|p| {
                        let word = before[p + "lần thứ".len()..]
                            .split(|c: char| !c.is_alphanumeric())
                            .find(|w| !w.is_empty())?;
                        parse_ordinal(word)
                    });
                found.push((ss + whole.start(), congress.map(to_roman), Some(years)));
            }
            for (at, khoa, years) in found {
                let i = self.locate(s, at);
                let toks = &self.tokens[s];
                // The body before the term, else the body the term's clause opens with
                // ("tại kỳ thứ 19, khóa XII, Hội đồng nhân dân tỉnh B").
                // "Hội nghị Trung ương 7 (khóa XI)", "Đại hội Đảng toàn quốc khóa 11": the
                // national party's term, whatever body the sentence named before.
                let national = khoa
                    .is_some()
                    .then(|| national_party_before(self.keys(s, 0), i))
                    .flatten();
                // A list of units is one phrase however many it names: "Đảng bộ các
                // phường: A, B, C (TP D) đã tổ chức đại hội … lần thứ I, nhiệm kỳ …".
                let before = match national {
                    Some(start) => Some((start, national_party())),
                    None => self.body_before(s, i, 20).or_else(|| {
                        let keys = &self.keys(s, 0)[i.saturating_sub(40)..i];
                        keys.iter().any(|k| k.key == "các").then_some(())?;
                        self.body_before(s, i, 40)
                            .filter(|(bi, _)| self.body_listed_at(s, *bi).is_some())
                    }),
                };
                // "Đảng bộ các phường: A, B và C … nhiệm kỳ 2025 - 2030": the term of
                // each unit listed.
                let mut listed = Vec::new();
                let (span, body) = match before {
                    Some((bi, body)) => {
                        if self.keys(s, bi).iter().take(i - bi).any(|k| k.key == "các") {
                            match self.body_listed_at(s, bi).filter(|(_, end)| *end <= i) {
                                Some((units, _)) => listed = units,
                                None => continue,
                            }
                        }
                        ((toks[bi].start, at), body)
                    }
                    None => {
                        // "(Trong) nhiệm kỳ 2020 - 2025, Đảng bộ xã B đã …": a term that
                        // opens its sentence is the subject's.
                        let opening = years.is_some()
                            && self.keys(s, 0)[..i].iter().all(|k| k.key == "trong");
                        let after = if khoa.is_some() && years.is_none() {
                            self.body_after_term(s, i)
                        } else if opening {
                            self.body_after_opening_term(s, i)
                        } else {
                            None
                        };
                        let Some((body, len, _)) = after else {
                            continue;
                        };
                        ((at, toks[(len - 1).min(toks.len() - 1)].end), body)
                    }
                };
                let Some(mut org) = term_org(&body) else {
                    continue;
                };
                // Party terms run 2020-2025, 2025-2030; councils and committees of the
                // state 2016-2021, 2021-2026. "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh B
                // nhiệm kỳ 2025-2030" is the term of the party organisation.
                let state = matches!(org.as_str(), "UBND" | "HĐND");
                if state && years.is_some_and(|(y1, _)| y1 % 5 == 0) {
                    org = "Đảng bộ".into();
                }
                let kind = if org == "Đảng bộ" {
                    BodyKind::PartyOrganisation.as_str().to_string()
                } else {
                    body.kind.clone()
                };
                let body = BodyRef { org, kind, ..body };
                let places = if listed.is_empty() {
                    vec![body.place.clone()]
                } else {
                    listed.into_iter().map(Some).collect()
                };
                for place in places {
                    let term = Term {
                        body: BodyRef {
                            place,
                            ..body.clone()
                        },
                        khoa: khoa.clone(),
                        start: years.map(|y| y.0),
                        end: years.map(|y| y.1),
                        evidence: self.evidence(s, span.0, span.1),
                    };
                    add_term(&mut out, term);
                }
            }
        }
        merge_consecutive_terms(&mut out);
        merge_split_terms(&mut out);
        out
    }

    /// The body right after "khóa N," at token `i` of sentence `s`, with the index just
    /// past it: "khóa XII, Hội đồng nhân dân tỉnh B".
    fn body_after_term(&self, s: usize, i: usize) -> Option<(BodyRef, usize, bool)> {
        let keys = self.keys(s, 0);
        let k = (i + 2..keys.len().min(i + 4)).find(|&k| keys[k].is_word)?;
        let (body, len, written) = self.body_at(s, k, &[])?;
        Some((body, k + len, written))
    }

    /// The subject after a term that opens its sentence, with the index just past it:
    /// "Nhiệm kỳ 2020 - 2025, Đảng bộ xã B …" (the body right after the comma).
    fn body_after_opening_term(&self, s: usize, i: usize) -> Option<(BodyRef, usize, bool)> {
        let keys = self.keys(s, 0);
        let comma = (i..keys.len().min(i + 8)).find(|&k| keys[k].key == ",")?;
        let (body, len, written) = self.body_at(s, comma + 1, &[])?;
        Some((body, comma + 1 + len, written))
    }

    /// Meetings reported as held: a sentence with a report verb ("tổ chức", "khai
    /// mạc") naming a Hội nghị, Đại hội or Kỳ họp that is not a citation. Chairs are
    /// the officials before "chủ trì"/"điều hành"/"chủ tọa" in a sentence.
    pub fn meetings(&self, persons: &[Person]) -> Vec<Meeting> {
        let v = self.vocab;
        let mut out: Vec<Meeting> = Vec::new();
        let mut last_meeting: Option<usize> = None;
        // Meetings recorded because their results are passed on ("thông báo kết quả Hội
        // nghị Trung ương 8"): held elsewhere, so a later bare "hội nghị" is not them.
        let mut passed_on: Vec<usize> = Vec::new();
        // Meetings named by taking part in them ("phát biểu tại Hội nghị lần thứ 8 …")
        // but not reported there: a later bare "Hội nghị" that is reported names one.
        let mut attended_named: Vec<Meeting> = Vec::new();
        for (s, toks) in self.tokens.iter().enumerate() {
            let keys = self.keys(s, 0);
            let verb_at = |k: usize| v.cues.report.longest_at(&keys[k..]).is_some();
            let mut reported_here = false;
            for i in 0..keys.len().saturating_sub(1) {
                let kind = match (keys[i].key.as_str(), keys[i + 1].key.as_str()) {
                    ("hội", "nghị") => "Hội nghị",
                    ("đại", "hội") => "Đại hội",
                    ("kỳ", "họp") => "Kỳ họp HĐND",
                    // "tại kỳ thứ 19, khóa XII, Hội đồng nhân dân tỉnh …": a numbered
                    // session of a council written without "họp".
                    ("kỳ", "thứ")
                        if (i + 2..keys.len().min(i + 10)).any(|k| {
                            self.body_at(s, k, &[])
                                .is_some_and(|(b, _, _)| b.org == "HĐND")
                        }) =>
                    {
                        "Kỳ họp HĐND"
                    }
                    ("phiên" | "cuộc", "họp") => "Hội nghị",
                    // "Ủy ban Kiểm tra … đã họp kỳ thứ 8", "đã họp kỳ 50": a numbered
                    // session of a commission or standing body; "HĐND xã B họp kỳ thứ 7":
                    // of a people's council, its session.
                    ("họp", "kỳ")
                        if keys.get(i + 2).is_some_and(|t| {
                            t.key == "thứ" || t.key.chars().all(|c| c.is_ascii_digit())
                        }) =>
                    {
                        if self
                            .body_before(s, i, 12)
                            .is_some_and(|(_, b)| b.org == "HĐND")
                        {
                            "Kỳ họp HĐND"
                        } else {
                            "Hội nghị"
                        }
                    }
                    // "X chủ trì họp Đoàn ĐBQH tỉnh …": chairing a sitting of a body.
                    ("trì", "họp")
                        if i > 0
                            && keys[i - 1].key == "chủ"
                            && self.body_at(s, i + 2, &[]).is_some() =>
                    {
                        "Hội nghị"
                    }
                    _ => continue,
                };
                let chaired_sitting = keys[i].key == "trì" || keys[i].key == "họp";
                // The meeting named at `i`, parsed once however many tests ask about it.
                let parsed: OnceCell<Option<Meeting>> = OnceCell::new();
                let meeting = || parsed.get_or_init(|| self.meeting_at(s, i, kind)).as_ref();
                // Reported: "… tổ chức Hội nghị", or the sentence opens with the meeting
                // (after an optional date) and a report verb follows.
                // "tổ chức phiên thứ nhất Đại hội …", "tổ chức ngày làm việc thứ nhất,
                // Đại hội …": the verb reports the meeting through one of its sessions.
                let head = i - session_before(&keys[..i]);
                let verb_before = (head.saturating_sub(4)..head).any(verb_at)
                    || continues_programme(&keys[..head]);
                let opens = toks[..i].iter().all(|t| {
                    !t.is_word
                        || t.key.chars().any(|c| c.is_ascii_digit())
                        || is_day_part(&t.key)
                        || matches!(t.key.as_str(), "hôm" | "nay" | "qua" | "vào" | "date")
                });
                let first_verb_after = (i + 2..keys.len().min(i + 30)).find(|&k| verb_at(k));
                let verb_after = first_verb_after.is_some();
                // "Kỳ họp thứ 11 … dự kiến sẽ tổ chức vào sáng ngày 01/03": announced
                // with a day of its own.
                let plan_at = (i + 2..keys.len().min(i + 30)).find(|&k| {
                    keys[k].key == "sẽ"
                        || keys[k].key == "dự" && keys.get(k + 1).is_some_and(|t| t.key == "kiến")
                });
                let announced = plan_at.is_some()
                    && self.dates_in(s).iter().any(|d| {
                        self.spans[s].0 + d.start >= toks[i].start && d.iso(self.year).is_some()
                    });
                // "… trình Kỳ họp thứ 10 HĐND huyện, dự kiến khai mạc ngày 20/12": a
                // meeting named in passing is an event when its own opening is dated.
                let announced_opening =
                    announced && plan_at.is_some_and(|k| (k..keys.len().min(k + 4)).any(verb_at));
                // "Đại hội … lần thứ XV dự kiến tổ chức trong tháng 6/2025": a meeting
                // whose own verb is planned, with no day, is not held yet.
                let planned = !announced
                    && plan_at
                        .zip(first_verb_after)
                        .is_some_and(|(plan, verb)| plan < verb);
                // "Ngày 27/9, tại …, Đại hội … đã diễn ra": the subject of a clause that
                // follows the sentence's date.
                let dated_subject = verb_after
                    && !planned
                    && i > 0
                    && toks[i - 1].key == ","
                    && self
                        .dates_in(s)
                        .first()
                        .is_some_and(|d| self.spans[s].0 + d.end <= toks[i].start);
                let refers_back = keys.get(i + 2).is_some_and(|k| k.key == "này")
                    || keys.get(i + 3).is_some_and(|k| k.key == "này");
                // "Dự Hội nghị …", "chủ trì Hội nghị", "Tại Đại hội, …": the article's
                // event named again, or named for the first time by taking part in it.
                let attended = v.cues.attend.ends_at(keys, i, 3);
                // "…, và ngày 30, 31-3, Đại hội …": a clause that opens with its own date
                // shares the report verb of a meeting reported earlier in the sentence.
                let shared_verb = reported_here && clause_opens(&toks[..i]);
                // "tại Hội nghị lần thứ 5 … (diễn ra ngày 6-5-2016)": taking part in a
                // meeting that a dated report verb follows.
                let dated = self.event_date(s, toks[i].start).is_some();
                // "Ban Chấp hành … đã có phiên họp đầu tiên", "Trong phiên họp lần thứ
                // nhất, Ban Chấp hành … bầu …": the first plenum of a committee just
                // elected is reported by being named.
                let first_plenum = keys[i].key == "phiên"
                    && meeting().is_some_and(|m| {
                        m.ordinal == Some(1) && m.kind == "Hội nghị Ban Chấp hành"
                    });
                // "Chiều 6/10, Đại hội … lần thứ XI, nhiệm kỳ 2022 - 2027 công bố …": a
                // numbered meeting that opens its sentence after the day is its subject.
                let dated_opening =
                    opens && i > 0 && dated && meeting().is_some_and(|m| m.ordinal.is_some());
                // "kết quả Hội nghị Ban Thường vụ Huyện ủy B ngày 14/3/2017", "kết quả của
                // Hội nghị Trung ương 7 (khoá XI), họp từ ngày 02/5 …": a meeting whose
                // results are reported, dated right after its name, was held that day.
                let of_results = (i.saturating_sub(5)..i).any(|k| {
                    keys[k].key == "kết" && keys.get(k + 1).is_some_and(|t| t.key == "quả")
                });
                let results = of_results.then(|| self.own_date_after(s, i)).flatten();
                // "thông báo nhanh kết quả Hội nghị lần thứ sáu Ban Chấp hành Trung ương
                // Đảng": a numbered plenum whose results are passed on was held, on a day
                // the text need not give.
                let undated_results = of_results
                    && results.is_none()
                    && meeting()
                        .is_some_and(|m| m.ordinal.is_some() && m.kind == "Hội nghị Ban Chấp hành");
                // "kỳ họp diễn ra vào chiều 22-7-2022": held on a day of its own.
                let held_on_day = dated && self.held_after(s, i + 2);
                let mut reported = !refers_back
                    && (results.is_some()
                        || undated_results
                        || held_on_day
                        || verb_before
                        || first_plenum
                        || dated_opening
                        || chaired_sitting
                        || opens && verb_after && !planned
                        || attended && verb_after && dated
                        || announced
                        || dated_subject
                        || shared_verb);
                if !(reported || attended) {
                    // "Sau 2 ngày làm việc, chiều 28-9, Đại hội … lần thứ XIV đã kết
                    // thúc": a numbered meeting named again with a day of its own dates
                    // the one already reported without a day.
                    if let Some(m) = meeting().filter(|m| m.ordinal.is_some()) {
                        let date = self.event_date(s, toks[i].start);
                        let known = out
                            .iter_mut()
                            .find(|o| same_named(o, m) && o.date.is_none());
                        if let (Some(o), Some(date)) = (known, date) {
                            o.date = Some(date);
                        }
                    }
                    continue;
                }
                // "Nghị quyết Đại hội", "chuẩn bị tổ chức Đại hội", "trình Đại hội".
                let cited = (i.saturating_sub(4)..i).any(|k| {
                    v.cues
                        .cited
                        .longest_at(&keys[k..])
                        .is_some_and(|(l, _)| k + l <= i)
                }) || self.subject_of_document(s, i);
                if cited && !announced_opening && results.is_none() && !undated_results
                    || keys
                        .get(i + 2)
                        .is_some_and(|k| k.key == "toàn" || k.key == "các")
                {
                    continue;
                }
                // "Ngày 8/8, Đảng bộ các phường: A, B và C đã tổ chức đại hội lần thứ I":
                // the meeting of each unit the subject lists, when numbered or dated.
                if let Some(units) = reported.then(|| self.listed_subject(s, i)).flatten() {
                    let Some(m) = meeting().filter(|m| m.ordinal.is_some() || dated) else {
                        continue;
                    };
                    let m = m.clone();
                    for place in units {
                        let mut one = m.clone();
                        one.body.place = Some(place);
                        last_meeting = Some(add_meeting(&mut out, one));
                    }
                    reported_here = true;
                    continue;
                }
                let Some(mut m) = parsed
                    .into_inner()
                    .unwrap_or_else(|| self.meeting_at(s, i, kind))
                else {
                    continue;
                };
                if results.is_some() || undated_results {
                    m.date = results.clone();
                }
                // "Cùng ngày, …": the day of the meeting reported just before, else the
                // day last written before.
                if m.date.is_none()
                    && keys
                        .windows(2)
                        .any(|w| w[0].key == "cùng" && w[1].key == "ngày")
                {
                    m.date = out
                        .last()
                        .and_then(|o| o.date.clone())
                        .or_else(|| self.previous_date(s));
                }
                // "Chiều cùng ngày, tại Kỳ họp thứ 33, …", "Tại kỳ họp 45, Ủy ban Kiểm tra
                // … đã quyết định": a numbered or dated meeting that the sentence opens
                // with as its setting was held.
                if !refers_back
                    && set_in_opening(&toks[..i])
                    && (m.ordinal.is_some() || m.date.is_some())
                {
                    reported = true;
                }
                // "… chủ trì Hội nghị lần thứ 9, Ban Chấp hành …": chairing a numbered
                // meeting.
                let chaired = v.cues.chair.ends_at(keys, i, 3);
                // "… chủ trì hội nghị Ban Thường vụ Tỉnh ủy để …": a meeting with a
                // body of its own, chaired, was held.
                let own_body = self.body_at(s, i + 2, &[]).is_some();
                if chaired && !refers_back && (m.ordinal.is_some() || own_body) {
                    reported = true;
                }
                // "… phát biểu tại Hội nghị Ban Chấp hành … lần thứ 15, sáng ngày
                // 4-12-2013": taking part in a numbered meeting on a day written with it.
                if attended && !refers_back && !cited && m.ordinal.is_some() && dated {
                    reported = true;
                }

                let generic =
                    m.ordinal.is_none() && m.kind == kind && self.body_at(s, i + 2, &[]).is_none();
                let base = |k: &str| k.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
                // "Trước đó, ngày 14/11, Tỉnh ủy B đã tổ chức hội nghị …": a body of its
                // own and a day of its own make another meeting, not a re-mention.
                // "HĐND tỉnh B … đã tổ chức Kỳ họp bất thường": with no meeting of its
                // kind reported yet, a body of its own is enough.
                let first_of_kind = !out.iter().any(|o| base(&o.kind) == base(kind));
                let own_subject = reported
                    && (m.date.is_some() || first_of_kind)
                    && self
                        .body_before(s, i, 20)
                        .is_some_and(|(_, b)| b.place.is_some() || self.home.province.is_none())
                    && !out.iter().any(|o| {
                        o.body.place == m.body.place
                            && (o.date.is_none() || m.date.is_none() || o.date == m.date)
                    });
                // A congress without its number is an event only with a day of its own
                // ("dự kiến ngày 26-3 tiến hành Đại hội Đảng bộ xã …"), or as the
                // article's own "Đại hội" (not "chỉ đạo tổ chức đại hội điểm").
                let unnumbered_congress = kind == "Đại hội" && m.ordinal.is_none() && !dated;
                if generic && !own_subject {
                    // A bare "Hội nghị" names the meeting already reported, if any; it
                    // is the article's own event only when it opens the article.
                    let antecedent = (0..out.len())
                        .rev()
                        .find(|k| base(&out[*k].kind) == base(kind) && !passed_on.contains(k));
                    if let Some(k) = antecedent {
                        if out[k].date.is_none() {
                            out[k].date = m.date;
                        }
                        last_meeting = Some(k);
                        continue;
                    }
                    // "… tại Hội nghị lần thứ 8 Ban Chấp hành Đảng bộ thành phố. … đồng
                    // chủ trì Hội nghị": the meeting named before.
                    let named_before = attended_named
                        .iter()
                        .rev()
                        .find(|o| base(&o.kind) == base(kind));
                    if let Some(named) = named_before {
                        let mut named = named.clone();
                        if named.date.is_none() {
                            named.date = m.date;
                        }
                        out.push(named);
                        last_meeting = Some(out.len() - 1);
                        reported_here = true;
                        continue;
                    }
                    // "… giấy triệu tập kỳ họp thứ tám, HĐND thành phố khóa XVI … kỳ
                    // họp diễn ra vào chiều 22-7-2022": a bare meeting held on a day of
                    // its own is the numbered one named before, even in passing.
                    if let Some(mut named) = (held_on_day && m.date.is_some())
                        .then(|| self.numbered_meeting_before(s, i, kind))
                        .flatten()
                    {
                        named.date = m.date;
                        let same = out.iter().position(|o| same_named(o, &named));
                        match same {
                            Some(k) => {
                                out[k].date = named.date;
                                last_meeting = Some(k);
                            }
                            None => {
                                out.push(named);
                                last_meeting = Some(out.len() - 1);
                            }
                        }
                        reported_here = true;
                        continue;
                    }
                    // "Tại Đại hội Đảng bộ các phường, xã …" names many meetings, not one.
                    let plural = keys[i + 2..]
                        .iter()
                        .find(|k| {
                            !matches!(
                                k.key.as_str(),
                                "đại" | "biểu" | "đảng" | "bộ" | "ban" | "chấp" | "hành"
                            )
                        })
                        .is_some_and(|k| k.key == "các");
                    // Named only by taking part in it, a meeting is the article's own
                    // when written as a name ("Đại hội") or as the setting the sentence
                    // opens with ("Tại kỳ họp, …"), not as a common noun inside a
                    // clause ("chọn chỉ đạo đại hội điểm").
                    let named = reported || toks[i].is_capitalised || set_in_opening(&toks[..i]);
                    let common_noun = unnumbered_congress && !toks[i].is_capitalised;
                    // "Đại hội đã bầu Ban Chấp hành Đảng bộ quận …": a bare meeting that
                    // elects is the article's own wherever it is first written.
                    let elects = reported
                        && first_verb_after
                            .is_some_and(|k| keys[k..].iter().take(2).any(|t| t.key == "bầu"));
                    if !(out.is_empty() && (s < 3 || elects)) || plural || !named || common_noun {
                        continue;
                    }
                } else if !reported || unnumbered_congress {
                    if attended && !reported && (m.ordinal.is_some() || m.body.place.is_some()) {
                        attended_named.push(m);
                    }
                    continue;
                }
                reported_here = true;
                let count = out.len();
                let k = add_meeting(&mut out, m);
                last_meeting = Some(k);
                if out.len() > count && (results.is_some() || undated_results) {
                    passed_on.push(k);
                }
            }
            // "X … chủ trì hội nghị": the officials before the verb; "cùng điều hành có
            // đồng chí Y và đồng chí Z", "chủ trì là …": the officials after it.
            let Some(k) = last_meeting.or((!out.is_empty()).then_some(0)) else {
                continue;
            };
            let ranges = self.chair_ranges(s);
            for range in ranges {
                let (from, to) = (self.char_offset(range.start), self.char_offset(range.end));
                for p in persons {
                    let chaired = p
                        .mentions
                        .iter()
                        .any(|e| e.sentence == s && from <= e.start && e.end <= to);
                    if chaired && !out[k].chairs.contains(&p.name) {
                        out[k].chairs.push(p.name.clone());
                    }
                }
            }
        }
        self.number_congresses(&mut out);
        self.merge_title_meetings(&mut out);
        out
    }

    /// A meeting named in the title or lead without a day of its own was dated by the
    /// publication; when the text then reports the same meeting (kind, number, place)
    /// on its own day ("HĐND xã B tổ chức kỳ họp thứ 7" under a stamp of 13/7, then
    /// "Ngày 12/7, HĐND xã B … tổ chức kỳ họp thứ 7"), the two are one meeting, held
    /// on that day, with the chairs of both.
    fn merge_title_meetings(&self, out: &mut Vec<Meeting>) {
        let Some(published) = self.published.as_deref() else {
            return;
        };
        let mut k = 0;
        while k < out.len() {
            let a = &out[k];
            let by_publication = a.evidence.sentence < 2
                && a.date.as_deref() == Some(published)
                && self.dates_in(a.evidence.sentence).is_empty();
            let same = by_publication
                .then(|| {
                    out.iter()
                        .position(|b| same_named(a, b) && b.date.is_some() && b.date != a.date)
                })
                .flatten();
            match same {
                Some(b) => {
                    let title = out.remove(k);
                    let b = if b > k { b - 1 } else { b };
                    for chair in title.chairs {
                        if !out[b].chairs.contains(&chair) {
                            out[b].chairs.push(chair);
                        }
                    }
                }
                None => k += 1,
            }
        }
    }

    /// Whether the meeting at token `i` of sentence `s` is what a document cited in the
    /// same clause is about: "Kế hoạch số 221-KH/QU ngày 12/11/2019 của Ban Thường vụ
    /// Quận ủy về tổ chức Đại hội Đảng bộ Quận lần thứ XII" names the congress, it does
    /// not report it.
    fn subject_of_document(&self, s: usize, i: usize) -> bool {
        let toks = &self.tokens[s];
        let mut k = i;
        while k > 0
            && matches!(
                toks[k - 1].key.as_str(),
                "tổ" | "chức" | "việc" | "triệu" | "tập"
            )
        {
            k -= 1;
        }
        if k == 0 || toks[k - 1].key != "về" {
            return false;
        }
        let clause = (k.saturating_sub(30)..k - 1)
            .rev()
            .take_while(|&j| !matches!(toks[j].key.as_str(), ";" | "." | ":"))
            .last()
            .unwrap_or(k - 1);
        let before = self.text[toks[clause].start..toks[k - 1].start].to_lowercase();
        self.vocab.doc_types_in(&before)
    }

    /// Whether a verb of holding follows at token `k`, after light and planning words:
    /// "diễn ra", "sẽ tổ chức", "dự kiến được khai mạc", "tiến hành".
    fn held_after(&self, s: usize, mut k: usize) -> bool {
        let keys = self.keys(s, 0);
        let key = |n: usize| keys.get(n).map_or("", |t| t.key.as_str());
        while matches!(key(k), "sẽ" | "được" | "đã" | "dự" | "kiến") {
            k += 1;
        }
        matches!(
            (key(k), key(k + 1)),
            ("diễn", "ra") | ("tổ", "chức") | ("khai", "mạc") | ("tiến", "hành")
        )
    }

    /// The last meeting of `kind` named with its number before token `i` of sentence
    /// `s`, written with the same two words as the one at `i` ("kỳ họp thứ tám" for
    /// "kỳ họp"); only a meeting's own name ("kỳ họp", "hội nghị", "đại hội") refers
    /// back, not a sitting ("phiên họp").
    fn numbered_meeting_before(&self, s: usize, i: usize, kind: &str) -> Option<Meeting> {
        let here = self.keys(s, i);
        let (a, b) = (here.first()?.key.as_str(), here.get(1)?.key.as_str());
        if !matches!((a, b), ("kỳ", "họp") | ("hội", "nghị") | ("đại", "hội")) {
            return None;
        }
        (0..=s).rev().find_map(|s2| {
            let keys = self.keys(s2, 0);
            let end = if s2 == s { i } else { keys.len() };
            (0..end.saturating_sub(1))
                .rev()
                .filter(|&k| keys[k].key == a && keys[k + 1].key == b)
                .find_map(|k| self.meeting_at(s2, k, kind).filter(|m| m.ordinal.is_some()))
        })
    }

    /// A congress reported without its number takes the number the article gives a
    /// congress of the same body elsewhere ("Đại hội đã bầu …" and "các văn kiện trình
    /// Đại hội XI Đảng bộ tỉnh"), when it gives one number only.
    fn number_congresses(&self, out: &mut [Meeting]) {
        if !out
            .iter()
            .any(|m| m.kind == "Đại hội" && m.ordinal.is_none())
        {
            return;
        }
        let mut named: Vec<(BodyRef, u32)> = Vec::new();
        for (s, toks) in self.tokens.iter().enumerate() {
            for i in 0..toks.len().saturating_sub(1) {
                if !(toks[i].key == "đại" && toks[i + 1].key == "hội") {
                    continue;
                }
                // "Nghị quyết Đại hội … lần thứ XXIV": the congress before this one.
                let resolution = toks[i.saturating_sub(3)..i]
                    .windows(2)
                    .any(|w| w[0].key == "nghị" && w[1].key == "quyết");
                if resolution {
                    continue;
                }
                let Some(m) = self.meeting_at(s, i, "Đại hội") else {
                    continue;
                };
                if let Some(n) = m.ordinal.filter(|_| m.kind == "Đại hội") {
                    named.push((m.body, n));
                }
            }
        }
        for m in out
            .iter_mut()
            .filter(|m| m.kind == "Đại hội" && m.ordinal.is_none())
        {
            let mut numbers = named
                .iter()
                .filter(|(b, _)| b.place.is_some() && *b == m.body)
                .map(|&(_, n)| n);
            let Some(first) = numbers.next() else {
                continue;
            };
            if numbers.all(|n| n == first) {
                m.ordinal = Some(first);
            }
        }
    }

    /// The byte ranges of sentence `s` whose officials chair the meeting, by the
    /// chair verbs ("chủ trì", "đồng chủ trì", "điều hành", "chủ tọa") in it:
    /// - the officials before a verb, back to the previous verb ("A … chủ trì hội
    ///   nghị; đồng chí B …; đồng chí C … cùng điều hành hội nghị");
    /// - the officials listed after it when the verb (and the meeting it names) is
    ///   followed by "cùng", "bởi", "có", "là", "gồm" or ":" ("A chủ trì hội nghị
    ///   cùng các đồng chí: B, …; C, …", "Hội nghị được chủ trì bởi các đồng chí: …",
    ///   "Chủ trì Hội nghị có các đồng chí: …", "Đoàn Chủ tịch điều hành đại hội gồm
    ///   đồng chí …"), or by a comma when the verb opens the sentence ("Chủ trì phiên
    ///   họp, đồng chí A, …"); with "cùng" the officials before the verb chair as well.
    fn chair_ranges(&self, s: usize) -> Vec<std::ops::Range<usize>> {
        let toks = &self.tokens[s];
        let keys = self.keys(s, 0);
        let (ss, se) = self.spans[s];
        let mut ranges = Vec::new();
        let mut previous_end = ss;
        let mut c = 0;
        while c < keys.len() {
            let Some((len, _)) = self.vocab.cues.chair.longest_at(&keys[c..]) else {
                c += 1;
                continue;
            };
            let mut j = c + len;
            // The meeting the verb names: "hội nghị", "kỳ họp", "đại hội", "phiên họp".
            if let (Some(a), Some(b)) = (keys.get(j), keys.get(j + 1)) {
                if matches!(
                    (a.key.as_str(), b.key.as_str()),
                    ("hội", "nghị") | ("kỳ", "họp") | ("đại", "hội") | ("phiên", "họp")
                ) {
                    j += 2;
                }
            }
            let comma = keys.get(j).is_some_and(|t| t.key == ",");
            if comma {
                j += 1;
            }
            let marker = keys.get(j).map_or("", |t| t.key.as_str());
            // "Chủ trì hội nghị, đồng chí A, …": a verb that opens the sentence, its
            // officials after a comma, as after a colon.
            let fronted = c == 0 && comma && self.honorific_len(s, j).is_some();
            let after = fronted || matches!(marker, "cùng" | "bởi" | "có" | "là" | "gồm" | ":");
            if !after || marker == "cùng" {
                ranges.push(previous_end..toks[c].start);
            }
            if after {
                let end = (j + 1..keys.len())
                    .find(|&k| self.vocab.cues.chair.longest_at(&keys[k..]).is_some())
                    .map_or(se, |k| toks[k].start);
                ranges.push(toks[j].start..end);
            }
            previous_end = toks[(c + len).min(toks.len() - 1)].start;
            c += len;
        }
        ranges
    }

    /// Reads a meeting whose name starts at token `i` of sentence `s`.
    fn meeting_at(&self, s: usize, i: usize, kind: &str) -> Option<Meeting> {
        let toks = &self.tokens[s];
        let keys = self.keys(s, i);
        let se = self.spans[s].1;
        // "kỳ thứ 19": the ordinal follows the first word.
        let mut j = if keys.get(1).is_some_and(|t| t.key == "thứ") {
            i + 1
        } else {
            i + 2
        };
        let mut kind = kind.to_string();
        // "Hội nghị Ban Chấp hành …", "Hội nghị Ban Thường vụ …", "Đại hội đại biểu …"
        let mut body: Option<BodyRef> = None;
        if kind == "Hội nghị" {
            let key = |n: usize| keys.get(n).map(|t| t.key.as_str());
            // "Hội nghị Trung ương 10, khóa XI": a plenum of the Central Committee.
            if let (Some("trung"), Some("ương"), Some(n)) = (key(2), key(3), key(4)) {
                if let Some(ordinal) = parse_ordinal(n) {
                    let mut m = self.meeting_at(s, i, "Hội nghị Ban Chấp hành")?;
                    m.ordinal = Some(ordinal);
                    m.body = BodyRef {
                        org: "Ban Chấp hành Trung ương".into(),
                        kind: BodyKind::National.as_str().into(),
                        place: None,
                    };
                    return Some(m);
                }
            }
            match (key(2), key(3), key(4)) {
                (Some("ban"), Some("chấp"), Some("hành")) => {
                    kind = "Hội nghị Ban Chấp hành".into();
                    j += 3;
                }
                (Some("ban"), Some("thường"), Some("vụ")) => {
                    kind = "Hội nghị Ban Thường vụ".into();
                    j += 3;
                }
                (Some("bch"), _, _) => {
                    kind = "Hội nghị Ban Chấp hành".into();
                    j += 1;
                }
                (Some("btv"), _, _) => {
                    kind = "Hội nghị Ban Thường vụ".into();
                    j += 1;
                }
                _ => {}
            }
        }
        if kind == "Đại hội"
            && keys.get(2).is_some_and(|t| t.key == "đại")
            && keys.get(3).is_some_and(|t| t.key == "biểu")
        {
            j += 2;
        }
        // "Đại hội XI Đảng bộ tỉnh", "Đại hội XXV của Đảng bộ huyện": a congress numbered
        // by a Roman numeral right after its name, then its body.
        let roman = toks.get(j).filter(|_| kind == "Đại hội").and_then(|t| {
            let word = &self.text[t.start..t.end];
            let roman = word.len() > 1 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
            roman.then(|| parse_ordinal(word)).flatten()
        });
        if roman.is_some() {
            j += 1;
            if toks.get(j).is_some_and(|t| t.key == "của") {
                j += 1;
            }
            // "Đại hội XIII của Đảng": the national congress, of no place.
            let party = toks.get(j).is_some_and(|t| t.key == "đảng")
                && !toks
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.key.as_str(), "bộ" | "ủy" | "đoàn"));
            if party {
                body = Some(BodyRef {
                    org: "Đảng".into(),
                    kind: BodyKind::National.as_str().into(),
                    place: None,
                });
                j += 1;
            }
        }
        if let Some((b, len, _)) = self.body_at(s, j, &[]).filter(|_| body.is_none()) {
            body = Some(b);
            // "Đại hội Đảng bộ các xã A, B và C (tỉnh D) lần thứ I": the units listed,
            // and the province they lie in, belong to the body's name.
            j = match self.body_listed_at(s, j) {
                Some((_, end)) => {
                    let close = (toks.get(end).is_some_and(|t| t.key == "("))
                        .then(|| (end..toks.len().min(end + 8)).find(|&k| toks[k].key == ")"))
                        .flatten();
                    close.map_or(end, |k| k + 1)
                }
                None => j + len,
            };
        }
        // The subject before the verb: "Ban Chấp hành Đảng bộ huyện … tổ chức Hội nghị",
        // "Huyện ủy … tổ chức Hội nghị lần thứ VIII".
        let subject = self.body_before(s, i, 25);
        // A committee's sitting ("phiên họp") may name the committee after it:
        // "Trong phiên họp lần thứ nhất, Ban Chấp hành Đảng bộ tỉnh … bầu …".
        let scope = if keys.first().is_some_and(|t| t.key == "phiên") {
            self.keys(s, 0)
        } else {
            &self.keys(s, 0)[..i]
        };
        let subject_is_bch = keys_before(scope, &["ban", "chấp", "hành"])
            && !keys_before(scope, &["ban", "chấp", "hành", "trung", "ương"]);
        let rest = &self.text[toks.get(j).map_or(se, |t| t.start)..se];
        let head = &rest[..rest.floor_char_boundary(ORDINAL_WINDOW)];
        let ordinal = ordinal_re()
            .captures(head)
            .and_then(|c| ordinal_of(&c))
            .or_else(|| {
                // "Hội nghị Ban Chấp hành Đảng bộ lần thứ 8, khóa XII" and "Kỳ họp thứ 7".
                let window: String = rest.chars().take(60).collect();
                let p = window.find("lần thứ").or_else(|| {
                    (kind == "Kỳ họp HĐND")
                        .then(|| window.find("thứ"))
                        .flatten()
                })?;
                // Only the meeting's own name comes before its number: "phiên họp thường
                // kỳ tháng 2 nhằm cho ý kiến lần thứ 3" numbers the comments, not the
                // meeting.
                if !window[..p].split_whitespace().all(in_meeting_name) {
                    return None;
                }
                let word =
                    window[p..]
                        .split_whitespace()
                        .nth(if window[p..].starts_with("lần") {
                            2
                        } else {
                            1
                        })?;
                parse_ordinal(word.trim_matches(|c: char| !c.is_alphanumeric()))
            })
            .or_else(|| {
                // "phiên họp đầu tiên", "kỳ họp đầu tiên": the first.
                fold_normalized(head).starts_with("đầu tiên").then_some(1)
            })
            .or_else(|| {
                // "tại kỳ họp 44", "đã họp kỳ 50": a session's number right after its
                // name.
                let sitting = keys.first().is_some_and(|t| t.key == "họp");
                let first = toks.get(j).filter(|_| kind == "Kỳ họp HĐND" || sitting)?;
                first.key.parse().ok().filter(|n| (1..=200).contains(n))
            })
            .or(roman);
        // "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII": the committee
        // named after the number holds the meeting (the Central Committee, of no place),
        // not the subject before it nor the article's home.
        if body.is_none() && ordinal.is_some() && kind.starts_with("Hội nghị") {
            body = (j..toks.len().min(j + 8))
                .find(|&k| matches!(toks[k].key.as_str(), "ban" | "bch" | "btv"))
                .and_then(|k| self.body_at(s, k, &[]))
                .map(|(b, _, _)| b)
                .filter(|b| b.place.is_some() || b.kind == BodyKind::National.as_str());
        }
        if kind == "Hội nghị" {
            let committee_subject = subject
                .as_ref()
                .is_some_and(|(_, b)| b.kind == "party_committee");
            // "Hội nghị Tỉnh ủy lần thứ 8": a numbered conference of the committee.
            let committee_named = body.as_ref().is_some_and(|b| b.kind == "party_committee");
            // "Hội nghị lần thứ 8 Ban Chấp hành Đảng bộ tỉnh", "Hội nghị lần thứ 16 Ban
            // Chấp hành Trung ương Hội", "Hội nghị lần thứ 8, Ban Chấp hành Đảng bộ TP":
            // the committee named right after the meeting's number.
            let named_after = |words: &[&str]| {
                ordinal.is_some() && {
                    let after = ordinal_re().replace(rest, "");
                    let after = fold_normalized(after.trim_start_matches([' ', ',', '(', ')']));
                    let after = after
                        .trim_start_matches("mở rộng")
                        .trim_start_matches([' ', ',', ')']);
                    words.iter().any(|w| after.starts_with(w))
                }
            };
            // "Ban Thường vụ Huyện ủy tổ chức phiên họp thường kỳ": a sitting of the
            // standing board itself, not a conference it organises.
            let standing_sitting = keys.first().is_some_and(|t| t.key == "phiên")
                && subject
                    .as_ref()
                    .is_some_and(|(_, b)| fold_key(&b.org).starts_with("ban thường vụ"));
            // "Huyện ủy … tổ chức hội nghị bất thường để bầu bổ sung chức danh Phó Bí thư
            // Huyện ủy": the committee's officers are elected by its Ban Chấp hành.
            let elects_officers = committee_subject && {
                let folded = fold_normalized(rest);
                folded.find("bầu").is_some_and(|at| {
                    let window = &folded[at..folded.floor_char_boundary(at + 60)];
                    ["bí thư", "ban thường vụ", "ủy ban kiểm tra"]
                        .iter()
                        .any(|w| window.contains(w))
                })
            };
            if subject_is_bch
                || elects_officers
                || named_after(&["ban chấp hành", "bch "])
                || ((committee_subject || committee_named) && ordinal.is_some())
            {
                kind = "Hội nghị Ban Chấp hành".into();
            } else if named_after(&["ban thường vụ", "btv "]) || standing_sitting {
                kind = "Hội nghị Ban Thường vụ".into();
            }
        }
        // "Kỳ họp thứ nhất, Quốc hội khóa XV": a session of the National Assembly is
        // not a people's council session.
        let national_session = kind == "Kỳ họp HĐND"
            && (j..toks.len().min(j + 8)).any(|k| {
                self.body_at(s, k, &[])
                    .is_some_and(|(b, _, _)| b.org == "Quốc hội")
            });
        if national_session {
            kind = "Hội nghị".into();
            body = Some(BodyRef {
                org: "Quốc hội".into(),
                kind: BodyKind::National.as_str().into(),
                place: None,
            });
        }
        // "Tại kỳ họp 45, Ủy ban Kiểm tra Trung ương đã quyết định …": an inspection
        // commission's numbered session is a conference of the commission.
        let inspection = (kind == "Kỳ họp HĐND")
            .then(|| {
                (j..toks.len().min(j + 20))
                    .find_map(|k| self.body_at(s, k, &[]).map(|(b, _, _)| b))
                    .filter(|b| b.org.starts_with("Ủy ban Kiểm tra"))
            })
            .flatten();
        if let Some(commission) = inspection {
            kind = "Hội nghị".into();
            body = Some(commission);
        }
        if kind == "Kỳ họp HĐND" {
            body = body
                .filter(|b| b.org == "HĐND")
                .or_else(|| {
                    (i..toks.len()).find_map(|k| {
                        self.body_at(s, k, &[])
                            .map(|(b, _, _)| b)
                            .filter(|b| b.org == "HĐND")
                    })
                })
                // "HĐND huyện B khóa XVIII … đã tổ chức kỳ họp thứ 12": the council
                // that is the subject.
                .or_else(|| {
                    subject
                        .as_ref()
                        .map(|(_, b)| b)
                        .filter(|b| b.org == "HĐND")
                        .cloned()
                })
                // "… để HĐND tỉnh bầu … Chiều cùng ngày, tại Kỳ họp thứ 33": the
                // council named just before.
                .or_else(|| self.council_before(s));
        }
        // With no body written and no home place, the meeting is still reported: its
        // chairs are known even when its place is not.
        let body = body
            .or_else(|| subject.map(|(_, b)| b))
            .or_else(|| self.implied_body_at_home())
            .unwrap_or_else(|| BodyRef {
                org: "Đảng bộ".into(),
                kind: "party_org".into(),
                place: None,
            });
        let org_body = match body.kind.as_str() {
            "party_committee" | "party_org" => BodyRef {
                org: "Đảng bộ".into(),
                kind: "party_org".into(),
                ..body
            },
            _ => body,
        };
        // A congress elects the committee of the term with its number: "Đại hội …
        // khóa XII" is the twelfth congress.
        let ordinal = ordinal.or_else(|| {
            let window: String = rest.chars().take(30).collect();
            let khoa = khoa_re().captures(&window)?;
            parse_ordinal(&khoa[1]).filter(|_| kind == "Đại hội")
        });
        // "Đại hội … đã bầu Ban Chấp hành Đảng bộ tỉnh khóa 15": the committee it elects.
        let ordinal = ordinal.or_else(|| {
            (kind == "Đại hội").then_some(())?;
            let folded = fold_normalized(rest);
            let elects = folded.find("bầu ban chấp hành")?;
            let window = &folded[elects..folded.floor_char_boundary(elects + 90)];
            parse_ordinal(&khoa_re().captures(window)?[1])
        });
        let date = self
            .event_date(s, toks[i].start)
            // A meeting named in the title or lead without a date of its own is
            // reported on the day of publication.
            .or_else(|| self.published.clone().filter(|_| s < 2));
        Some(Meeting {
            kind,
            ordinal,
            body: org_body,
            date,
            chairs: Vec::new(),
            evidence: self.evidence(s, toks[i].start, toks[(j).min(toks.len()) - 1].end),
        })
    }

    /// The units a meeting at token `i` of sentence `s` is held by when its body lists
    /// them: after its name ("Đại hội đại biểu Đảng bộ các xã A, B, C") or as the
    /// subject right before it ("Đảng bộ các phường: A, B và C đã tổ chức đại hội").
    fn listed_subject(&self, s: usize, i: usize) -> Option<Vec<PlaceRef>> {
        let keys = self.keys(s, 0);
        let mut j = i + 2;
        if keys.get(j).is_some_and(|t| t.key == "đại")
            && keys.get(j + 1).is_some_and(|t| t.key == "biểu")
        {
            j += 2;
        }
        if let Some((units, _)) = self.body_listed_at(s, j) {
            return Some(units);
        }
        let (bi, _) = self.body_before(s, i, 25)?;
        self.body_listed_at(s, bi)
            .filter(|(_, end)| *end <= i)
            .map(|(units, _)| units)
    }

    /// The date of an event mentioned at byte `at` of sentence `s`: the nearest date
    /// before it, else a cued date after it ("…, chiều ngày 5/8"); "hôm nay", "sáng
    /// nay" without a number are the publication day. Dates of cited documents
    /// ("Nghị quyết số … ngày …") are not event dates.
    fn event_date(&self, s: usize, at: usize) -> Option<String> {
        let (ss, se) = self.spans[s];
        let sentence = &self.text[ss..se];
        let dates = self.dates_in(s);
        let before = dates.iter().rev().find(|d| ss + d.end <= at);
        // "Tại Hội nghị, … kết quả của Hội nghị Trung ương 7, họp từ ngày 02/5": a day
        // written after another meeting's name is that meeting's.
        let after = || {
            dates.iter().find(|d| ss + d.start >= at).filter(|d| {
                let between = fold_normalized(&self.text[at..ss + d.start]);
                !["hội nghị", "đại hội", "kỳ họp"]
                    .iter()
                    .any(|w| between.match_indices(w).any(|(k, _)| k > 0))
            })
        };
        if let Some(d) = before.or_else(after) {
            return d.iso(self.year);
        }
        // Lower-casing the sentence only pays when "nay" is in it in some case (no
        // non-ASCII letter lower-cases to one of its letters).
        let says_nay = sentence
            .as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"nay"));
        let today = says_nay && {
            let lower = sentence.to_lowercase();
            ["hôm nay", "sáng nay", "chiều nay", "tối nay"]
                .iter()
                .any(|w| lower.contains(w))
        };
        today.then(|| self.published.clone()).flatten()
    }

    /// The date written right after the meeting named at token `i` of sentence `s`:
    /// "… Huyện ủy B ngày 14/3/2017", "… (khoá XI), họp từ ngày 02/5 đến ngày
    /// 11/5/2013" (the first day; its year from the range's end), within 100 bytes and
    /// the clause.
    fn own_date_after(&self, s: usize, i: usize) -> Option<String> {
        let (ss, _) = self.spans[s];
        let from = self.tokens[s][i].start;
        let dates = self.dates_in(s);
        let k = dates.iter().position(|d| ss + d.start > from)?;
        let d = &dates[k];
        let between = &self.text[from..ss + d.start];
        let own = between.len() <= 100
            && !between.contains([';', '.'])
            && fold_normalized(between).trim_end().ends_with("ngày");
        if !own {
            return None;
        }
        let year = d
            .year
            .or_else(|| dates.get(k + 1).and_then(|e| e.year))
            .or(self.year);
        d.iso(year)
    }

    /// The dates of sentence `s` that are not a cited document's (offsets within the
    /// sentence), found once.
    fn dates_in(&self, s: usize) -> &[cadre_text::DateMatch] {
        self.event_dates[s].get_or_init(|| {
            let (ss, se) = self.spans[s];
            let sentence = &self.text[ss..se];
            let of_document = |d: &cadre_text::DateMatch| {
                let from = sentence.floor_char_boundary(d.start.saturating_sub(40));
                let before = sentence[from..d.start].to_lowercase();
                before.contains(" số") || self.vocab.doc_types_in(&before)
            };
            find_dates(sentence)
                .into_iter()
                .filter(|d| !of_document(d))
                .collect()
        })
    }

    /// The last event day written in the sentences before `s` ("Trước đó, sáng 17/9,
    /// … Chiều cùng ngày, …").
    fn previous_date(&self, s: usize) -> Option<String> {
        (0..s)
            .rev()
            .find_map(|p| self.dates_in(p).last().and_then(|d| d.iso(self.year)))
    }

    /// The people's council named last in the two sentences before `s`.
    fn council_before(&self, s: usize) -> Option<BodyRef> {
        (s.saturating_sub(2)..s).rev().find_map(|p| {
            (0..self.tokens[p].len()).rev().find_map(|k| {
                self.body_at(p, k, &[])
                    .map(|(b, _, _)| b)
                    .filter(|b| b.org == "HĐND")
            })
        })
    }

    /// The party organisation of the article's home (its commune when the article is
    /// about one, else its district or province), for meetings that name no body.
    fn implied_body_at_home(&self) -> Option<BodyRef> {
        let place = self
            .home
            .place_of(&PlaceMention::default(), BodyLevel::Any)?;
        Some(BodyRef {
            org: "Đảng bộ".into(),
            kind: "party_org".into(),
            place: Some(place),
        })
    }
}

/// Where the name of a national party meeting ends the words before token `i` (a
/// "khóa"): "Hội nghị Trung ương [N]" ("Hội nghị Trung ương 7 (khoá XI)") or "Đảng
/// toàn quốc", "(đại biểu|Đại hội) toàn quốc" ("Đại hội Đảng toàn quốc khóa 11"), an
/// opening bracket or comma between.
fn national_party_before(keys: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 && matches!(keys[k - 1].key.as_str(), "(" | ",") {
        k -= 1;
    }
    if k > 0 && keys[k - 1].key.bytes().all(|b| b.is_ascii_digit()) {
        k -= 1;
    }
    if k < 3 {
        return None;
    }
    // Not "Ủy ban Kiểm tra Trung ương khóa XI": that khóa is the commission's.
    let named = matches!(
        (
            keys[k - 3].key.as_str(),
            keys[k - 2].key.as_str(),
            keys[k - 1].key.as_str()
        ),
        ("nghị", "trung", "ương") | ("đảng" | "biểu" | "hội", "toàn", "quốc")
    );
    named.then(|| k - 3)
}

/// The party as a whole, whose terms are those of its national congress and Central
/// Committee (no place).
fn national_party() -> BodyRef {
    BodyRef {
        org: "Đảng bộ".into(),
        kind: BodyKind::PartyOrganisation.as_str().into(),
        place: None,
    }
}

/// Whether the "lần thứ N" that `before` leads up to numbers a congress (whose number
/// is the khóa it elects) rather than a conference or a sitting: the nearest meeting
/// word before it decides ("hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 7, nhiệm kỳ
/// 2020-2025" is the term's seventh plenum, not its khóa; "tại Trung tâm Hội nghị
/// tỉnh, Hội B tổ chức Đại hội lần thứ VII" is a congress). With no meeting word, a
/// congress.
fn numbers_a_congress(before: &str) -> bool {
    let folded = before.to_lowercase();
    let last = |word: &str| folded.rfind(word);
    let congress = last("đại hội");
    let other = ["hội nghị", "kỳ họp", "phiên"]
        .iter()
        .filter_map(|w| last(w))
        .max();
    match (congress, other) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(c), Some(o)) => c > o,
    }
}

/// Adds a term, or completes the one of the same body with the same khóa (or the
/// same years when the khóa is unknown).
fn add_term(out: &mut Vec<Term>, term: Term) {
    let same = out.iter_mut().find(|t| {
        let same_khoa = t.khoa.is_some() && t.khoa == term.khoa;
        let same_years = t.start.is_some() && t.start == term.start && t.end == term.end;
        t.body == term.body && (same_khoa || same_years)
    });
    match same {
        Some(t) => {
            if t.start.is_none() {
                t.start = term.start;
                t.end = term.end;
            }
            if t.khoa.is_none() {
                t.khoa = term.khoa;
            }
        }
        None => out.push(term),
    }
}

/// Adds a reported meeting, or dates the one already named alike on no other day;
/// returns its index.
fn add_meeting(out: &mut Vec<Meeting>, m: Meeting) -> usize {
    let same = out.iter().position(|o| {
        same_named(o, &m) && (o.date == m.date || o.date.is_none() || m.date.is_none())
    });
    match same {
        Some(k) => {
            if out[k].date.is_none() {
                out[k].date = m.date;
            }
            k
        }
        None => {
            out.push(m);
            out.len() - 1
        }
    }
}

/// Whether two meetings are named alike: the same kind, number and place (their days
/// may still tell them apart).
fn same_named(a: &Meeting, b: &Meeting) -> bool {
    a.kind == b.kind && a.ordinal == b.ordinal && a.body.place == b.body.place
}

/// Length of a session phrase right before a meeting's name ("phiên thứ nhất",
/// "phiên chính thức", "phiên trù bị", "ngày làm việc thứ nhất,"), 0 when none.
fn session_before(before: &[Token]) -> usize {
    let key = |k: usize| before[k].key.as_str();
    let n = before.len();
    let mut end = n;
    if end > 0 && key(end - 1) == "," {
        end -= 1;
    }
    let start = (end.saturating_sub(5)..end).find(|&k| {
        let rest: Vec<&str> = (k..end).map(key).collect();
        matches!(
            rest.as_slice(),
            ["phiên", "thứ", _]
                | ["phiên", "chính", "thức"]
                | ["phiên", "trù", "bị"]
                | ["phiên", "khai", "mạc"]
                | ["phiên", "bế", "mạc"]
                | ["ngày", "làm", "việc", "thứ", _]
        )
    });
    start.map_or(0, |k| n - k)
}

/// "Tiếp tục chương trình làm việc của Đại hội …", "Tiếp tục chương trình ngày làm
/// việc thứ bảy, Hội nghị Trung ương 10": the report of a meeting under way.
fn continues_programme(before: &[Token]) -> bool {
    let keys: Vec<&str> = before.iter().map(|t| t.key.as_str()).collect();
    keys.ends_with(&["tiếp", "tục", "chương", "trình"])
        || keys.ends_with(&["tiếp", "tục", "chương", "trình", "làm", "việc", "của"])
}

/// Whether the clause before a meeting's name (from the last "và" or ";") holds only
/// its date: "và ngày 30, 31-3, Đại hội …".
fn clause_opens(before: &[Token]) -> bool {
    let from = before
        .iter()
        .rposition(|t| t.key == "và" || t.key == ";")
        .map_or(0, |k| k + 1);
    let clause = &before[from..];
    clause
        .iter()
        .any(|t| t.key.chars().all(|c| c.is_ascii_digit()))
        && clause
            .iter()
            .all(|t| !t.is_word || t.key.chars().all(|c| c.is_ascii_digit()) || is_day_part(&t.key))
}

/// "ngày", "sáng", "chiều", "tối", "trưa": words that open a date or a time of day.
fn is_day_part(key: &str) -> bool {
    matches!(key, "ngày" | "sáng" | "chiều" | "tối" | "trưa")
}

/// Whether the words before a meeting's name are an opening that sets the sentence at
/// it: time words and discourse markers, then "tại" ("Chiều cùng ngày, tại …",
/// "Trước đó, tại …").
fn set_in_opening(before: &[Token]) -> bool {
    let mut words = before.iter().filter(|t| t.is_word);
    words.next_back().is_some_and(|t| t.key == "tại")
        && words.all(|t| {
            t.key.chars().all(|c| c.is_ascii_digit())
                || is_day_part(&t.key)
                || matches!(
                    t.key.as_str(),
                    "hôm"
                        | "nay"
                        | "qua"
                        | "cùng"
                        | "trước"
                        | "sau"
                        | "đó"
                        | "theo"
                        | "tháng"
                        | "năm"
                )
        })
}

/// Whether `phrase` occurs in `keys`.
fn keys_before(keys: &[Token], phrase: &[&str]) -> bool {
    keys.windows(phrase.len())
        .any(|w| w.iter().zip(phrase).all(|(t, p)| t.key == *p))
}

#[cfg(test)]
mod number_tests {
    use super::document_numbers;

    fn numbers(rest: &str) -> Vec<String> {
        document_numbers(rest)
            .map(|(n, _, _)| n)
            .unwrap_or_default()
    }

    #[test]
    fn spaced_numbers_read_as_one() {
        assert_eq!(
            numbers(" số 245/NQ – UBTVQH 15, và"),
            vec!["245/NQ-UBTVQH15"]
        );
        assert_eq!(numbers(" số 09 - NQ / TU ngày"), vec!["09-NQ/TU"]);
        assert_eq!(numbers(" 21 – KL/TW của"), vec!["21-KL/TW"]);
        assert_eq!(numbers(" số 512/HD-UBTVQH15 ngày"), vec!["512/HD-UBTVQH15"]);
        assert_eq!(numbers(" số 1234/QĐ-UBND 12 xã"), vec!["1234/QĐ-UBND"]);
    }

    #[test]
    fn listed_numbers_share_the_last_code() {
        assert_eq!(
            numbers(" số 310 và 311-QĐNS/TW ngày"),
            vec!["310-QĐNS/TW", "311-QĐNS/TW"]
        );
        assert_eq!(numbers(" 45, 46 và 47 của"), vec!["45", "46", "47"]);
        let (_, start, end) = document_numbers(" số 310 và 311-QĐNS/TW ngày").unwrap();
        assert_eq!((start, end), (6, 26));
        assert_eq!(numbers(" số 12 và các văn bản"), vec!["12"]);
    }
}
