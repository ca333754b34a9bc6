//! A deterministic synthetic corpus of Vietnamese political news, for benchmarks.
//!
//! [`article`] turns a corpus seed and an article index into one news page: optional
//! portal boilerplate, a headline, a published stamp, a lead, body paragraphs and a
//! byline, 3–10 KB of NFC text. The sentences come from `data/synth/templates.txt`
//! (plenums, congresses, appointments, People's Council sessions, document
//! citations, attendance, economy and other filler); places come from the gazetteer
//! (a district inside its province, pre-2025 units before 1 July 2025 and reformed
//! units after); document types and issuer codes from the vocabulary; names from the
//! lexicon's family names and `data/synth/given_names.txt`.
//!
//! Officials are a pure function of the seed, the place, the post and the date, so an
//! article keeps a coherent cast and articles about the same place name the same
//! people (with the occasional replacement, which appointment articles report).
//! Articles are independent of each other: generate them in any order or in parallel.

mod calendar;
mod rng;
mod template;
mod world;

use cadre_lexicon::vocab::{BodyLevel, Vocabulary};

use cadre_text::to_roman as roman;

use crate::calendar::Day;
use crate::rng::{Key, Rng};
use crate::template::{Form, Part, Slot, Template, Templates, UnitVar, Var};
use crate::world::{
    change_day, council_khoa, council_term, holder, khoa, party_term, person_name, pick_chain,
    start_holder, sub_unit, term_start, Origin, Tier, Unit, RANGE_END, RANGE_START, REFORM,
};

/// The smallest article [`article`] writes, in UTF-8 bytes.
pub const MIN_BYTES: usize = 3_000;
/// The largest article [`article`] writes, in UTF-8 bytes.
pub const MAX_BYTES: usize = 10_000;

/// One synthetic article: an id that names the index, and the page text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthArticle {
    /// `synth-` and the index in at least six digits (`synth-000042`).
    pub id: String,
    /// The page text, NFC, [`MIN_BYTES`]..=[`MAX_BYTES`] bytes of UTF-8.
    pub text: String,
}

/// The article number `index` of the corpus `seed`: a pure function of both, the
/// same bytes on every machine. Different indices give different articles.
pub fn article(seed: u64, index: u64) -> SynthArticle {
    Gen::new(seed, index).run()
}

/// What an article is mainly about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plenum,
    Congress,
    Appoint,
    Council,
    Document,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Plenum,
        Kind::Congress,
        Kind::Appoint,
        Kind::Council,
        Kind::Document,
    ];
}

/// Home-committee posts that appointment articles may fill.
const APPOINTABLE: [&str; 7] = ["sec", "std", "ubnd", "tc", "kt", "pubnd", "tg"];
/// Posts of the unit above whose holders attend home events.
const VISITING: [&str; 6] = ["sec", "std", "tc", "tg", "ubnd", "kt"];
/// Party document types cited locally and centrally (codes of the vocabulary).
const LOCAL_DOCS: [&str; 7] = ["NQ", "CT", "KL", "KH", "CTr", "ĐA", "HD"];
const CENTRAL_DOCS: [&str; 3] = ["NQ", "CT", "KL"];

/// A cited document.
#[derive(Debug, Clone, Copy)]
struct Doc {
    dtype: &'static str,
    code: &'static str,
    serial: u64,
    day: Day,
    /// Index of the issuing unit in the chain.
    unit: usize,
}

/// A person of the cast.
#[derive(Debug, Clone)]
struct Person {
    /// Index of the unit whose posts the person holds.
    unit: usize,
    /// Index of the cast line (posts).
    cast: usize,
    origin: Origin,
    name: String,
    female: bool,
    /// Written with "nguyên" and the main post only.
    former: bool,
    /// The post before an appointment.
    prior: String,
}

/// Whether "{at}" adds the place name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Sometimes,
    Always,
    Never,
}

/// The state of one article being written.
struct Gen {
    t: &'static Templates,
    seed: u64,
    index: u64,
    rng: Rng,
    kind: Kind,
    /// Home unit, the units above it, the centre last.
    units: Vec<Unit>,
    /// The unit that unit placeholders name.
    cur: usize,
    day: Day,
    published: Day,
    cur_day: Day,
    time: (u64, u64),
    term: i64,
    khoa: u32,
    plenum: u64,
    hterm: i64,
    hkhoa: u32,
    session: u64,
    people: Vec<(Slot, Person)>,
    /// The visiting official: unit index, cast key, variant pick.
    up: (usize, &'static str, u64),
    chairs: [Slot; 2],
    /// The appointment's post (cast key) and whether it is a state post.
    appoint: Option<(&'static str, bool)>,
    maindoc: Option<Doc>,
    doc: Option<Doc>,
    doc_day: Day,
    at: At,
    /// Templates already used, per section (first 64 of each).
    used: Vec<u64>,
    /// Sections rendered (bit = section index), for tests.
    sections: u128,
}

impl Gen {
    fn new(seed: u64, index: u64) -> Gen {
        let t = Templates::global();
        let mut rng = Key::new(seed).u64(index).rng();
        let mut kind = Kind::ALL[rng.weighted(&[30, 14, 20, 20, 16])];
        let (mut day, reformed) = if kind == Kind::Congress {
            if rng.chance(50) {
                let d = between(
                    &mut rng,
                    Day::from_ymd(2020, 8, 1),
                    Day::from_ymd(2020, 10, 31),
                );
                (d, false)
            } else {
                let d = between(
                    &mut rng,
                    Day::from_ymd(2025, 7, 15),
                    Day::from_ymd(2025, 10, 31),
                );
                (d, true)
            }
        } else {
            let d = between(&mut rng, RANGE_START, RANGE_END);
            (d, d >= REFORM)
        };
        let tier = if reformed {
            [Tier::Province, Tier::Commune][rng.weighted(&[35, 65])]
        } else {
            [Tier::Province, Tier::District, Tier::Commune][rng.weighted(&[30, 45, 25])]
        };
        let units = pick_chain(seed, tier, reformed, &mut rng);
        let mut appoint = None;
        if kind == Kind::Appoint {
            let term = party_term(day);
            let start = rng.below(APPOINTABLE.len() as u64) as usize;
            for i in 0..APPOINTABLE.len() {
                let key = APPOINTABLE[(start + i) % APPOINTABLE.len()];
                if let Some(change) = change_day(seed, &units[0], key, term) {
                    day = change.plus(rng.below(4) as i64);
                    appoint = Some((key, matches!(key, "ubnd" | "pubnd")));
                    break;
                }
            }
            if appoint.is_none() {
                kind = Kind::Plenum;
            }
        }
        let mut published = day.plus(rng.below(3) as i64);
        if (day < REFORM) != (published < REFORM) {
            published = day;
        }
        let time = (rng.range(6, 21), rng.range(0, 59));
        let term = party_term(day);
        let hterm = council_term(day);
        let session_base = if units[0].reformed && units[0].tier == Tier::Commune {
            (REFORM, 60)
        } else {
            (Day::from_ymd(hterm, 7, 1), 100)
        };
        let up = if units[1].is_centre() {
            (units.len() - 1, "central", rng.next_u64())
        } else {
            let key = VISITING[rng.below(VISITING.len() as u64) as usize];
            (1, key, Key::new(seed).str(units[1].code).str(key).finish())
        };
        let chairs = match (kind, appoint) {
            (Kind::Council, _) => [Slot::Home("hdnd"), Slot::Home("phdnd")],
            (Kind::Congress, _) => [Slot::Home("sec"), Slot::Home("ubnd")],
            (Kind::Appoint, Some(("sec", _))) => [Slot::Up, Slot::Home("std")],
            (Kind::Appoint, _) => [Slot::Up, Slot::Home("sec")],
            _ => [
                Slot::Home("sec"),
                [Slot::Home("std"), Slot::Home("ubnd"), Slot::Home("hdnd")]
                    [rng.weighted(&[5, 3, 2])],
            ],
        };
        let mut gen = Gen {
            t,
            seed,
            index,
            rng,
            kind,
            khoa: khoa(seed, &units[0], term),
            hkhoa: council_khoa(seed, &units[0], hterm),
            plenum: ((day.0 - term_start(term).0) / 75 + 1).clamp(1, 30) as u64,
            session: ((day.0 - session_base.0 .0) / session_base.1 + 1).max(1) as u64,
            units,
            cur: 0,
            day,
            published,
            cur_day: day,
            time,
            term,
            hterm,
            people: Vec::new(),
            up,
            chairs,
            appoint,
            maindoc: None,
            doc: None,
            doc_day: day,
            at: At::Sometimes,
            used: vec![0; t.sections.len()],
            sections: 0,
        };
        if kind == Kind::Document {
            gen.maindoc = Some(gen.new_doc(0));
        }
        gen
    }

    /// Writes the whole page.
    fn run(&mut self) -> SynthArticle {
        let ids = &self.t.ids;
        let k = self.kind as usize;
        let target = self.rng.range(MIN_BYTES as u64, MAX_BYTES as u64) as usize;
        let mut out = String::with_capacity(MAX_BYTES + 1024);
        if self.rng.chance(60) {
            for _ in 0..self.rng.range(1, 3) {
                self.line(ids.boiler_top, &mut out);
            }
        }
        self.line(ids.headline[k], &mut out);
        let published = self.published;
        let mut stamp = String::new();
        self.with_day(published, ids.stamp, &mut stamp);
        out.push_str(&stamp);
        out.push('\n');

        let chair = if self.kind == Kind::Council {
            ids.chair_council
        } else {
            ids.chair
        };
        let mut lead = vec![ids.lead[k], chair];
        if self.rng.chance(20) {
            lead.push(ids.weather);
        }
        self.paragraph(&lead, &mut out);
        let mut attend = vec![ids.attend];
        if self.rng.chance(50) {
            attend.push(ids.concurrent);
        }
        self.paragraph(&attend, &mut out);
        let body = match self.appoint {
            Some((_, true)) => ids.body_appoint_state,
            _ => ids.body[k],
        };
        match self.kind {
            Kind::Congress => {
                self.paragraph(&[body, body], &mut out);
                self.paragraph(&[ids.elected, ids.elected], &mut out);
            }
            Kind::Appoint => {
                self.paragraph(&[body, body], &mut out);
                let mut more = vec![body, ids.body[k]];
                if self.rng.chance(30) {
                    more.push(ids.former);
                }
                self.paragraph(&more, &mut out);
            }
            _ => {
                let n = self.rng.range(2, 3) as usize;
                self.paragraph(&vec![body; n], &mut out);
            }
        }

        let mut tail = String::new();
        let mut closing = vec![ids.conclusion];
        if self.rng.chance(30) {
            closing.push(ids.filler);
        }
        self.paragraph(&closing, &mut tail);
        tail.push('\n');
        self.line(ids.byline, &mut tail);
        if self.rng.chance(50) {
            for _ in 0..self.rng.range(1, 4) {
                self.line(ids.boiler_bottom, &mut tail);
            }
        }

        let mut para = String::new();
        for _ in 0..100 {
            if out.len() + tail.len() >= target {
                break;
            }
            para.clear();
            let sections = self.filler_sections(body);
            self.paragraph(&sections, &mut para);
            let total = out.len() + para.len() + tail.len();
            let short = out.len() + tail.len() < MIN_BYTES;
            if total <= target || (short && total <= MAX_BYTES) {
                out.push_str(&para);
            } else if !short {
                break;
            }
        }
        out.push_str(&tail);
        SynthArticle {
            id: format!("synth-{:06}", self.index),
            text: out,
        }
    }

    /// The sections of one middle paragraph.
    fn filler_sections(&mut self, body: usize) -> Vec<usize> {
        let ids = &self.t.ids;
        let n = self.rng.range(2, 3) as usize;
        match self.rng.weighted(&[25, 22, 18, 12, 13, 5, 5]) {
            0 => vec![ids.economy; n],
            1 => vec![ids.filler; n],
            2 => vec![ids.citation, ids.citation, ids.filler][3 - n..].to_vec(),
            3 => vec![ids.concurrent, ids.economy],
            4 => vec![body; n - 1],
            5 => vec![ids.former, ids.filler],
            _ => vec![ids.weather, ids.filler],
        }
    }

    /// A blank line and a paragraph of one sentence per section.
    fn paragraph(&mut self, sections: &[usize], out: &mut String) {
        out.push('\n');
        for (i, &id) in sections.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            self.sentence(id, out);
        }
        out.push('\n');
    }

    /// One line from a section.
    fn line(&mut self, id: usize, out: &mut String) {
        self.sentence(id, out);
        out.push('\n');
    }

    /// One template of a section, capitalised.
    fn sentence(&mut self, id: usize, out: &mut String) {
        let start = out.len();
        self.section(id, out);
        if let Some(c) = out[start..].chars().next() {
            if c.is_lowercase() {
                let upper: String = c.to_uppercase().collect();
                out.replace_range(start..start + c.len_utf8(), &upper);
            }
        }
    }

    /// Renders a random template of a section that suits the current unit, one not
    /// used yet in the article while there is one (only the first 64 templates of a
    /// section are tracked).
    fn section(&mut self, id: usize, out: &mut String) {
        self.sections |= 1 << id;
        let t: &'static Templates = self.t;
        let unit = &self.units[self.cur];
        let (tier, reformed) = (unit.tier, unit.reformed);
        let templates = &t.sections[id].templates;
        let used = self.used[id];
        let fresh = |i: usize| i >= 64 || used & (1 << i) == 0;
        let candidates = |fresh_only: bool| {
            templates.iter().enumerate().filter(move |&(i, tpl)| {
                tpl.filter.allows(tier, reformed) && (!fresh_only || fresh(i))
            })
        };
        let mut fresh_only = true;
        let mut n = candidates(true).count() as u64;
        if n == 0 {
            fresh_only = false;
            n = candidates(false).count() as u64;
            if n == 0 {
                return;
            }
        }
        let pick = self.rng.below(n) as usize;
        let (idx, tpl) = candidates(fresh_only)
            .nth(pick)
            .expect("pick is below the count");
        if idx < 64 {
            self.used[id] |= 1 << idx;
        }
        self.render(tpl, out);
    }

    fn render(&mut self, tpl: &'static Template, out: &mut String) {
        for part in &tpl.parts {
            match part {
                Part::Lit(s) => out.push_str(s),
                Part::Alt(alts) => out.push_str(alts[self.rng.below(alts.len() as u64) as usize]),
                Part::Section(id) => self.section(*id, out),
                Part::Person(slot, form) => self.write_person(*slot, *form, out),
                Part::Var(var) => self.write_var(*var, out),
            }
        }
    }

    /// Renders a section with the current date set to `day`.
    fn with_day(&mut self, day: Day, id: usize, out: &mut String) {
        let saved = self.cur_day;
        self.cur_day = day;
        self.section(id, out);
        self.cur_day = saved;
    }

    /// Renders a section with the current unit set to `unit`.
    fn with_unit(&mut self, unit: usize, id: usize, out: &mut String) {
        let saved = self.cur;
        self.cur = unit;
        self.section(id, out);
        self.cur = saved;
    }

    /// The cast line of `key` for a unit; `pick` chooses among the variants.
    fn cast_line(&self, unit: usize, key: &str, pick: u64) -> usize {
        let u = &self.units[unit];
        let fits = |c: &&template::CastLine| c.key == key && c.filter.allows(u.tier, u.reformed);
        let n = self.t.cast.iter().filter(fits).count() as u64;
        let chosen = self
            .t
            .cast
            .iter()
            .filter(fits)
            .nth((pick % n.max(1)) as usize);
        let line = chosen.expect("templates.txt has a cast line for every post and level");
        self.t
            .cast
            .iter()
            .position(|c| std::ptr::eq(c, line))
            .unwrap_or(0)
    }

    /// A holder of a post of a unit: posts from the cast line of `key`, name from the
    /// seed, the place, `who` (the post, or another role) and the holder's origin.
    fn holder_of(
        &self,
        unit: usize,
        (who, key): (&str, &str),
        pick: u64,
        origin: Origin,
    ) -> Person {
        let u = &self.units[unit];
        let name_key = Key::new(self.seed)
            .str(u.code)
            .str(who)
            .u64(pick % 1_000_003 * u64::from(u.is_centre()))
            .u64(origin.term as u64)
            .u64(origin.gen);
        let (name, female) = person_name(name_key);
        Person {
            unit,
            cast: self.cast_line(unit, key, pick),
            origin,
            name,
            female,
            former: false,
            prior: String::new(),
        }
    }

    /// The per-place choice among a post's cast variants.
    fn variant(&self, unit: usize, key: &str) -> u64 {
        Key::new(self.seed)
            .str(self.units[unit].code)
            .str(key)
            .finish()
    }

    /// Whether the home secretary also chairs the People's Council.
    fn secretary_chairs_council(&self) -> bool {
        let line = self.cast_line(0, "sec", self.variant(0, "sec"));
        self.t.cast[line].also_hdnd
    }

    /// The index in `people` of a slot's person, created on first use.
    fn person(&mut self, slot: Slot) -> usize {
        let slot = match slot {
            Slot::Chair1 => self.chairs[0],
            Slot::Chair2 => self.chairs[1],
            Slot::Home("hdnd") if self.secretary_chairs_council() => Slot::Home("sec"),
            other => other,
        };
        if let Some(i) = self.people.iter().position(|(s, _)| *s == slot) {
            return i;
        }
        let seed = self.seed;
        let person = match slot {
            Slot::Home(key) => {
                let origin = holder(seed, &self.units[0], key, self.day);
                self.holder_of(0, (key, key), self.variant(0, key), origin)
            }
            Slot::Up => {
                let (unit, key, pick) = self.up;
                let origin = if self.units[unit].is_centre() {
                    Origin {
                        term: self.term,
                        gen: 0,
                    }
                } else {
                    holder(seed, &self.units[unit], key, self.day)
                };
                self.holder_of(unit, (key, key), pick, origin)
            }
            Slot::New | Slot::Old => {
                let key = self.appoint.map_or("sec", |(key, _)| key);
                let origin = if slot == Slot::New {
                    Origin {
                        term: self.term,
                        gen: 1,
                    }
                } else {
                    start_holder(seed, &self.units[0], key, self.term)
                };
                let mut p = self.holder_of(0, (key, key), self.variant(0, key), origin);
                if slot == Slot::New {
                    let mut prior = String::new();
                    self.with_unit(0, self.t.ids.prior, &mut prior);
                    p.prior = prior;
                }
                p
            }
            Slot::Retired | Slot::Chair1 | Slot::Chair2 => {
                let origin = Origin {
                    term: self.term,
                    gen: 9,
                };
                let mut p = self.holder_of(0, ("ret", "sec"), self.variant(0, "sec"), origin);
                p.former = true;
                p
            }
        };
        self.people.push((slot, person));
        self.people.len() - 1
    }

    fn write_person(&mut self, slot: Slot, form: Form, out: &mut String) {
        let i = self.person(slot);
        let p = &self.people[i].1;
        let name = p.name.clone();
        match form {
            Form::Name => out.push_str(&name),
            Form::Comrade => {
                out.push_str("đồng chí ");
                out.push_str(&name);
            }
            Form::Honor => out.push_str(if p.female { "bà" } else { "ông" }),
            Form::Prior => out.push_str(&p.prior.clone()),
            Form::Posts => self.write_posts(i, false, out),
            Form::Main => self.write_posts(i, true, out),
            Form::Title => {
                self.write_posts(i, true, out);
                out.push(' ');
                out.push_str(&name);
            }
            Form::Full => {
                if self.rng.chance(80) {
                    out.push_str("đồng chí ");
                }
                out.push_str(&name);
                out.push_str([" - ", ", ", " – "][self.rng.weighted(&[6, 3, 1])]);
                self.write_posts(i, false, out);
            }
        }
    }

    fn write_posts(&mut self, i: usize, main_only: bool, out: &mut String) {
        let p = &self.people[i].1;
        let (unit, former) = (p.unit, p.former);
        let line = &self.t.cast[p.cast];
        let saved = self.cur;
        self.cur = unit;
        let mut first = true;
        for post in &line.posts {
            if (main_only || former) && !post.main {
                continue;
            }
            if !first {
                out.push_str(if post.joined && self.rng.chance(50) {
                    " kiêm "
                } else {
                    ", "
                });
            }
            if former {
                out.push_str("nguyên ");
            }
            self.render(&post.template, out);
            first = false;
        }
        self.cur = saved;
    }

    /// A new document issued by a unit of the chain, dated before the event.
    fn new_doc(&mut self, unit: usize) -> Doc {
        let u = &self.units[unit];
        let centre = u.is_centre();
        let codes: &[&str] = if centre { &CENTRAL_DOCS } else { &LOCAL_DOCS };
        let code = codes[self.rng.below(codes.len() as u64) as usize];
        let entry = Vocabulary::global()
            .doc_type_by_code(code)
            .expect("document codes are in the vocabulary");
        let serial = match (centre, code) {
            (true, _) => self.rng.range(1, 80),
            (false, "NQ" | "CT" | "KL") => self.rng.range(1, 120),
            _ => self.rng.range(10, 400),
        };
        let back = if centre {
            self.rng.range(100, 3000)
        } else {
            self.rng.range(20, 1500)
        };
        let mut day = self.day.plus(-(back as i64));
        if u.reformed && !centre && day < REFORM {
            day = REFORM.min(self.day);
        }
        Doc {
            dtype: entry.doc_type.as_str(),
            code: entry.code.as_str(),
            serial,
            day,
            unit,
        }
    }

    fn cite(&mut self, doc: Doc, full: bool, out: &mut String) {
        let saved = (self.doc, self.doc_day);
        self.doc = Some(doc);
        self.doc_day = doc.day;
        let id = if full {
            self.t.ids.doc_cite
        } else {
            self.t.ids.doc_title
        };
        self.with_unit(doc.unit, id, out);
        (self.doc, self.doc_day) = saved;
    }

    fn write_var(&mut self, var: Var, out: &mut String) {
        let ids = &self.t.ids;
        match var {
            Var::Unit { up, what } => self.write_unit(up, what, out),
            Var::Khoa | Var::Congress => out.push_str(&roman(self.khoa)),
            Var::PrevKhoa | Var::PrevCongress => out.push_str(&roman(self.khoa.saturating_sub(1))),
            Var::Term => push_term(self.term, out),
            Var::PrevTerm => push_term(self.term - 5, out),
            Var::NextTerm => push_term(self.term + 5, out),
            Var::Plenum => {
                if self.rng.chance(30) {
                    out.push_str(&roman(self.plenum as u32));
                } else {
                    push_num(self.plenum, out);
                }
            }
            Var::Hkhoa => out.push_str(&roman(self.hkhoa)),
            Var::Hterm => push_term(self.hterm, out),
            Var::Session => {
                if self.session <= 10 && self.rng.chance(40) {
                    let tpl = &self.t.sections[ids.ordinal].templates[self.session as usize - 1];
                    self.render(tpl, out);
                } else {
                    push_num(self.session, out);
                }
            }
            Var::DateOpen => self.with_day(self.day, ids.date_open, out),
            Var::Date => self.with_day(self.day, ids.date_full, out),
            Var::Dshort => self.with_day(self.day, ids.date_short, out),
            Var::Dshort2 => self.with_day(self.day.plus(1), ids.date_short, out),
            Var::Ddate => self.with_day(self.doc_day, ids.date_doc, out),
            Var::Year => push_num(self.day.year() as u64, out),
            Var::PrevYear => push_num(self.day.year() as u64 - 1, out),
            Var::NextYear => push_num(self.day.year() as u64 + 1, out),
            Var::Doc => {
                let unit = if self.rng.chance(75) { 0 } else { 1 };
                let doc = self.new_doc(unit);
                self.cite(doc, true, out);
            }
            Var::Updoc => {
                let doc = self.new_doc(1);
                self.cite(doc, true, out);
            }
            Var::Tw => {
                let doc = self.new_doc(self.units.len() - 1);
                self.cite(doc, true, out);
            }
            Var::Maindoc | Var::Doctitle => {
                let doc = match self.maindoc {
                    Some(doc) => doc,
                    None => {
                        let doc = self.new_doc(0);
                        self.maindoc = Some(doc);
                        doc
                    }
                };
                self.cite(doc, var == Var::Maindoc, out);
            }
            Var::Docnum => {
                self.doc_day = self.day.plus(-(self.rng.range(2, 25) as i64));
                push_num(self.rng.range(100, 2500), out);
                let up = &self.units[1];
                out.push_str(if up.is_centre() { "-QĐNS/" } else { "-QĐ/" });
                out.push_str(up.issuer);
            }
            Var::Plannum => {
                self.doc_day = self.day.plus(-(self.rng.range(10, 300) as i64));
                if self.units[0].reformed && self.doc_day < REFORM {
                    self.doc_day = REFORM.min(self.day);
                }
                push_num(self.rng.range(10, 400), out);
                out.push_str("-KH/");
                out.push_str(self.units[0].issuer);
            }
            Var::Sdoc => {
                self.doc_day = self.day.plus(-(self.rng.range(2, 60) as i64));
                push_num(self.rng.range(100, 3999), out);
                out.push_str("/QĐ-UBND");
            }
            Var::Hdoc => {
                self.doc_day = self.day;
                push_num(self.rng.range(1, 120), out);
                out.push_str("/NQ-HĐND");
            }
            Var::DType => out.push_str(self.doc.map_or("", |d| d.dtype)),
            Var::DNum => {
                if let Some(d) = self.doc {
                    push_num(d.serial, out);
                    out.push('-');
                    out.push_str(d.code);
                    out.push('/');
                    out.push_str(self.units[d.unit].issuer);
                }
            }
            Var::DIssuer => {
                if self.units[self.cur].is_centre() {
                    let central: Vec<&str> = Vocabulary::global()
                        .issuers
                        .iter()
                        .filter(|i| i.level == BodyLevel::National)
                        .map(|i| i.org.as_str())
                        .collect();
                    out.push_str(central[self.rng.below(central.len() as u64) as usize]);
                } else {
                    self.section(ids.doc_issuer, out);
                }
            }
            Var::N2 => push_num(self.rng.range(2, 20), out),
            Var::N2b => push_num(self.rng.range(2, 5), out),
            Var::N3 => push_num(self.rng.range(20, 300), out),
            Var::Pct => push_decimal(self.rng.range(5, 150), out),
            Var::Pctk => push_decimal(self.rng.range(850, 1350), out),
            Var::Pctv => push_decimal(self.rng.range(950, 999), out),
            Var::Big => push_grouped(self.rng.range(1_000, 99_999), out),
            Var::Views => push_grouped(self.rng.range(100, 30_000), out),
            Var::Delegates => push_num(self.rng.range(150, 400), out),
            Var::Bch => push_num(self.rng.range(25, 55), out),
            Var::Btv => push_num(self.rng.range(7, 15), out),
            Var::Votes => {
                let of = self.rng.range(25, 95);
                push_num(of - self.rng.range(0, 2), out);
                out.push('/');
                push_num(of, out);
            }
            Var::D => push_num(self.cur_day.ymd().2 as u64, out),
            Var::M => push_num(self.cur_day.ymd().1 as u64, out),
            Var::Y => push_num(self.cur_day.ymd().0 as u64, out),
            Var::Dd => push_two(self.cur_day.ymd().2 as u64, out),
            Var::Mm => push_two(self.cur_day.ymd().1 as u64, out),
            Var::Hh => push_two(self.time.0, out),
            Var::Mi => push_two(self.time.1, out),
            Var::Weekday => {
                let tpl = &self.t.sections[ids.weekday].templates[self.cur_day.weekday()];
                self.render(tpl, out);
            }
            Var::Today => {
                let day = self.published.plus(self.rng.range(0, 40) as i64);
                self.with_day(day, ids.date_view, out);
            }
            Var::Meeting => self.section(ids.meeting[self.kind as usize], out),
            Var::Post | Var::Main => {
                let i = self.person(Slot::New);
                let saved = self.at;
                self.at = if var == Var::Post {
                    At::Always
                } else {
                    At::Never
                };
                self.write_posts(i, true, out);
                self.at = saved;
            }
            Var::Sub => match sub_unit(&self.units[0], &mut self.rng) {
                Some(sub) => {
                    out.push_str(sub.word);
                    out.push(' ');
                    out.push_str(sub.name);
                }
                None => self.section(ids.hamlet, out),
            },
            Var::ElectSec => {
                let i = self.person(Slot::Home("sec"));
                let again = self.people[i].1.origin.term < self.term;
                self.section(
                    if again {
                        ids.reelected
                    } else {
                        ids.elected_new
                    },
                    out,
                );
            }
        }
    }

    fn write_unit(&mut self, up: bool, what: UnitVar, out: &mut String) {
        let idx = if up {
            (self.cur + 1).min(self.units.len() - 1)
        } else {
            self.cur
        };
        let u = &self.units[idx];
        let (word, name, cmte, centre) = (u.word, u.name, u.cmte, u.is_centre());
        let commune = u.tier == Tier::Commune;
        let unit = |out: &mut String| {
            if centre {
                out.push_str(cmte);
            } else {
                out.push_str(word);
                out.push(' ');
                out.push_str(name);
            }
        };
        match what {
            UnitVar::Unit => unit(out),
            UnitVar::Word => out.push_str(word),
            UnitVar::Place => out.push_str(name),
            UnitVar::Cmte => out.push_str(cmte),
            UnitVar::Issuer => out.push_str(u.issuer),
            UnitVar::CmteFull if centre => out.push_str("Ban Chấp hành Trung ương"),
            UnitVar::CmteFull => {
                out.push_str(cmte);
                out.push(' ');
                if commune {
                    unit(out);
                } else {
                    out.push_str(name);
                }
            }
            UnitVar::Org => {
                out.push_str("Đảng bộ ");
                unit(out);
            }
            UnitVar::Member if centre => out.push_str("Ủy viên Trung ương Đảng"),
            UnitVar::Member => {
                out.push_str(cmte);
                out.push_str(" viên");
            }
            UnitVar::At | UnitVar::AtUnit => {
                let add = match self.at {
                    At::Always => true,
                    At::Never => false,
                    At::Sometimes => self.rng.chance(40),
                };
                if add && !centre {
                    out.push(' ');
                    if commune && what == UnitVar::At {
                        unit(out);
                    } else {
                        out.push_str(name);
                    }
                }
            }
        }
    }
}

/// A day drawn uniformly in `from..=to`.
fn between(rng: &mut Rng, from: Day, to: Day) -> Day {
    from.plus(rng.below((to.0 - from.0 + 1) as u64) as i64)
}

fn push_num(n: u64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

fn push_two(n: u64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{n:02}");
}

/// "2020-2025".
fn push_term(start: i64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{start}-{}", start + 5);
}

/// Tenths with a decimal comma: 68 → "6,8".
fn push_decimal(tenths: u64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{},{}", tenths / 10, tenths % 10);
}

/// Thousands grouped by dots: 8155 → "8.155".
fn push_grouped(n: u64, out: &mut String) {
    use std::fmt::Write;
    if n >= 1000 {
        let _ = write!(out, "{}.{:03}", n / 1000, n % 1000);
    } else {
        let _ = write!(out, "{n}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_lexicon::phrases::split_words;
    use cadre_lexicon::places::Gazetteer;
    use cadre_text::fold_key;
    use unicode_normalization::is_nfc;

    /// FNV-1a of the text, a stable fingerprint for the golden test.
    fn fnv(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    fn generated(seed: u64, index: u64) -> (SynthArticle, Gen) {
        let mut gen = Gen::new(seed, index);
        (gen.run(), gen)
    }

    #[test]
    fn same_seed_and_index_give_the_same_bytes() {
        let a = article(1, 0);
        assert_eq!(a, article(1, 0));
        assert_eq!(a.id, "synth-000000");
        assert_eq!(article(1, 42).id, "synth-000042");
        assert_eq!(article(1, 1_234_567).id, "synth-1234567");
        assert_eq!((a.text.len(), fnv(&a.text)), GOLDEN);
        assert!(
            a.text.starts_with(GOLDEN_PREFIX),
            "{}",
            &a.text[..a.text.floor_char_boundary(200)]
        );
    }

    /// Seed 1, index 0: length and FNV-1a. Changing templates, names, the gazetteer
    /// or the generator changes it; update it then, on purpose.
    const GOLDEN: (usize, u64) = (7937, 1_820_334_244_822_082_434);
    const GOLDEN_PREFIX: &str =
        "Đồng chí Giáp Diệu Nhung giữ chức Trưởng Ban Tổ chức Đảng ủy xã Hậu Mỹ\n11:00 14/12/2025\n";

    #[test]
    fn indices_and_seeds_give_different_articles() {
        let texts: Vec<String> = (0..50).map(|i| article(7, i).text).collect();
        for (i, a) in texts.iter().enumerate() {
            assert!(texts[i + 1..].iter().all(|b| a != b));
        }
        assert!((0..50).all(|i| article(8, i).text != texts[i as usize]));
    }

    #[test]
    fn sizes_stay_within_bounds_and_spread() {
        let sizes: Vec<usize> = (0..600).map(|i| article(3, i).text.len()).collect();
        assert!(sizes.iter().all(|&n| (MIN_BYTES..=MAX_BYTES).contains(&n)));
        assert!(sizes.iter().filter(|&&n| n < 4_500).count() > 60);
        assert!(sizes.iter().filter(|&&n| n > 8_500).count() > 60);
    }

    #[test]
    fn text_is_nfc_and_capitalised() {
        for i in 0..300 {
            let a = article(11, i);
            assert!(is_nfc(&a.text), "{}", a.id);
            for line in a.text.lines().filter(|l| !l.is_empty()) {
                let first = line.chars().next().unwrap();
                assert!(!first.is_lowercase(), "{}: {line}", a.id);
            }
        }
    }

    #[test]
    fn every_sentence_kind_occurs() {
        let mut sections = 0u128;
        let mut all = String::new();
        let mut kinds = [0; 5];
        for i in 0..400 {
            let (a, gen) = generated(5, i);
            sections |= gen.sections;
            kinds[gen.kind as usize] += 1;
            all.push_str(&a.text);
        }
        assert!(kinds.iter().all(|&n| n > 20), "{kinds:?}");
        let ids = &Templates::global().ids;
        let needed = [
            ids.headline.as_slice(),
            &ids.lead,
            &ids.body,
            &[
                ids.body_appoint_state,
                ids.elected,
                ids.reelected,
                ids.elected_new,
                ids.chair,
                ids.chair_council,
                ids.attend,
                ids.concurrent,
                ids.former,
                ids.citation,
                ids.economy,
                ids.weather,
                ids.filler,
                ids.conclusion,
                ids.stamp,
                ids.boiler_top,
                ids.boiler_bottom,
                ids.byline,
                ids.prior,
                ids.date_open,
                ids.date_view,
                ids.doc_cite,
                ids.doc_title,
                ids.hamlet,
            ],
        ]
        .concat();
        for id in needed {
            assert!(sections & (1 << id) != 0, "section {id} never rendered");
        }
        for needle in [
            "Hội nghị lần thứ",
            "Ban Chấp hành Đảng bộ",
            "Đại hội đại biểu Đảng bộ",
            "tái đắc cử",
            "được bầu giữ chức Bí thư",
            "Kỳ họp thứ",
            "/NQ-HĐND",
            "/QĐ-UBND",
            "-QĐ/TU",
            "-NQ/HU",
            "-KL/TW",
            "thay đồng chí",
            "nghỉ hưu",
            " kiêm ",
            "nguyên Bí thư",
            "quyền Chủ tịch",
            "chủ trì",
            "chủ tọa",
            "Dự ",
            "nhiệm kỳ 2020-2025",
            "nhiệm kỳ 2025-2030",
            " tháng ",
            "Trang chủ",
            "Lượt xem",
            "Thứ ",
            "Đảng ủy xã",
            "Quận ủy",
        ] {
            assert!(all.contains(needle), "{needle:?} never written");
        }
    }

    #[test]
    fn places_are_nested_and_of_the_article_era() {
        let g = Gazetteer::global();
        for i in 0..400 {
            let (a, gen) = generated(13, i);
            let ids: Vec<_> = gen.units.iter().filter_map(|u| u.place).collect();
            for pair in ids.windows(2) {
                assert_eq!(g.place(pair[0]).parent, Some(pair[1]), "{}", a.id);
            }
            let (y, m, d) = gen.day.ymd();
            let iso = format!("{y:04}-{m:02}-{d:02}");
            assert!(
                ids.iter().all(|&id| g.place(id).is_valid_on(&iso)),
                "{}",
                a.id
            );
            assert!(a.text.contains(gen.units[0].name), "{}", a.id);
        }
    }

    #[test]
    fn the_cast_repeats_across_articles_of_a_place() {
        let mut by_place: std::collections::HashMap<(&str, i64), Vec<String>> =
            std::collections::HashMap::new();
        for i in 0..3000 {
            let mut gen = Gen::new(21, i);
            gen.run();
            if gen.units[0].tier == Tier::Province {
                let sec = gen.person(Slot::Home("sec"));
                by_place
                    .entry((gen.units[0].code, gen.term))
                    .or_default()
                    .push(gen.people[sec].1.name.clone());
            }
        }
        let repeated = by_place.values().filter(|names| names.len() > 1).count();
        assert!(repeated > 20, "{repeated}");
        // Within a place and term, at most two secretaries (one replacement).
        for names in by_place.values() {
            let mut distinct = names.clone();
            distinct.sort();
            distinct.dedup();
            assert!(distinct.len() <= 2, "{names:?}");
        }
    }

    #[test]
    fn posts_start_with_a_vocabulary_role() {
        let vocab = Vocabulary::global();
        for i in 0..200 {
            let (_, mut gen) = generated(17, i);
            for p in 0..gen.people.len() {
                let mut posts = String::new();
                gen.write_posts(p, false, &mut posts);
                for post in posts.split(", ").flat_map(|s| s.split(" kiêm ")) {
                    let post = post.strip_prefix("nguyên ").unwrap_or(post);
                    let words = split_words(&fold_key(post));
                    assert!(vocab.roles.longest_at(&words).is_some(), "{post:?}");
                }
            }
        }
    }

    #[test]
    fn departments_are_in_the_vocabulary() {
        let vocab = Vocabulary::global();
        let text = include_str!("../../../data/synth/templates.txt");
        let section = text.split("[department]\n").nth(1).unwrap();
        for line in section.lines().take_while(|l| !l.is_empty()) {
            let name = line
                .strip_prefix('?')
                .map_or(line, |l| l.split_once(' ').unwrap().1);
            let words = split_words(&fold_key(name));
            assert_eq!(
                vocab.departments.longest_at(&words).map(|(n, _)| n),
                Some(words.len()),
                "{name}"
            );
        }
    }

    #[test]
    fn every_post_has_a_variant_at_every_level() {
        let t = Templates::global();
        for (tier, reformed) in [
            (Tier::Province, false),
            (Tier::District, false),
            (Tier::Commune, false),
            (Tier::Province, true),
            (Tier::Commune, true),
        ] {
            for key in template::HOME_SLOTS {
                assert!(
                    t.cast
                        .iter()
                        .any(|c| c.key == key && c.filter.allows(tier, reformed)),
                    "{key} {tier:?} {reformed}"
                );
            }
        }
    }
}
