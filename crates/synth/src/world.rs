//! The synthetic world behind the articles: which units exist on a date, the names
//! their committees go by, terms and their numbering, and who holds each post.
//!
//! Everything here is a pure function of the corpus seed and the place (never of the
//! article), so two articles about one place on nearby dates name the same officials.

use std::collections::HashMap;
use std::sync::OnceLock;

use cadre_lexicon::places::{Gazetteer, Level, PlaceId, PlaceKind};

use crate::calendar::Day;
use crate::rng::{Key, Rng};

/// The first day an article may report.
pub(crate) const RANGE_START: Day = Day::from_ymd(2018, 1, 1);
/// The last day an article may report.
pub(crate) const RANGE_END: Day = Day::from_ymd(2026, 6, 30);
/// The first day of the reformed map (1 July 2025).
pub(crate) const REFORM: Day = Day::from_ymd(2025, 7, 1);

/// The level of the unit an article is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    /// A province or centrally-run city.
    Province,
    /// A district, town or provincial city (before the reform).
    District,
    /// A commune, ward or township.
    Commune,
}

/// A unit as the articles name it; the last unit of a chain is the centre.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Gazetteer code ("L020"), or "TW" for the centre.
    pub(crate) code: &'static str,
    pub(crate) tier: Tier,
    pub(crate) reformed: bool,
    /// The gazetteer place; `None` for the centre.
    pub(crate) place: Option<PlaceId>,
    /// Proper name ("Thanh Trì").
    pub(crate) name: &'static str,
    /// Level word ("huyện").
    pub(crate) word: &'static str,
    /// Party committee ("Huyện ủy").
    pub(crate) cmte: &'static str,
    /// Issuer code of the committee's documents ("HU").
    pub(crate) issuer: &'static str,
}

impl Unit {
    fn of(id: PlaceId) -> Unit {
        let place = Gazetteer::global().place(id);
        let (cmte, issuer) = committee(place.kind);
        Unit {
            code: place.code.as_str(),
            tier: match place.level() {
                Level::Province => Tier::Province,
                Level::District => Tier::District,
                Level::Commune => Tier::Commune,
            },
            reformed: place.code.starts_with('N'),
            place: Some(id),
            name: place.name.as_str(),
            word: place.kind.level_word(),
            cmte,
            issuer,
        }
    }

    /// The central level, above every province.
    pub(crate) fn centre(reformed: bool) -> Unit {
        Unit {
            code: "TW",
            tier: Tier::Province,
            reformed,
            place: None,
            name: "",
            word: "",
            cmte: "Trung ương",
            issuer: "TW",
        }
    }

    /// Whether this is the central level.
    pub(crate) fn is_centre(&self) -> bool {
        self.place.is_none()
    }
}

/// The party committee of a kind of unit and the issuer code of its documents.
pub(crate) fn committee(kind: PlaceKind) -> (&'static str, &'static str) {
    match kind {
        PlaceKind::Province => ("Tỉnh ủy", "TU"),
        PlaceKind::CentralCity | PlaceKind::ProvincialCity => ("Thành ủy", "TU"),
        PlaceKind::RuralDistrict => ("Huyện ủy", "HU"),
        PlaceKind::UrbanDistrict => ("Quận ủy", "QU"),
        PlaceKind::Town => ("Thị ủy", "TXU"),
        PlaceKind::Commune | PlaceKind::Ward | PlaceKind::Township | PlaceKind::SpecialZone => {
            ("Đảng ủy", "ĐU")
        }
    }
}

/// Provinces of each era and the district- and commune-level children of every
/// unit, sorted by code; units with numbered names ("Phường 12") are left out, and so
/// are districts without such communes.
struct Atlas {
    provinces: [Vec<PlaceId>; 2],
    districts: HashMap<PlaceId, Vec<PlaceId>>,
    communes: HashMap<PlaceId, Vec<PlaceId>>,
}

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        let g = Gazetteer::global();
        let mut provinces = [Vec::new(), Vec::new()];
        let mut districts: HashMap<PlaceId, Vec<PlaceId>> = HashMap::new();
        let mut communes: HashMap<PlaceId, Vec<PlaceId>> = HashMap::new();
        for id in 0..g.len() as PlaceId {
            let p = g.place(id);
            if p.name.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            match (p.parent, p.level()) {
                (None, _) => provinces[usize::from(p.code.starts_with('N'))].push(id),
                (Some(parent), Level::District) => districts.entry(parent).or_default().push(id),
                (Some(parent), _) => communes.entry(parent).or_default().push(id),
            }
        }
        for list in districts.values_mut() {
            list.retain(|d| communes.contains_key(d));
        }
        let by_code =
            |v: &mut Vec<PlaceId>| v.sort_by(|&a, &b| g.place(a).code.cmp(&g.place(b).code));
        provinces.iter_mut().for_each(by_code);
        districts.values_mut().for_each(by_code);
        communes.values_mut().for_each(by_code);
        Atlas {
            provinces,
            districts,
            communes,
        }
    })
}

/// The units below `id` at `level`, sorted by code.
fn children_at(id: PlaceId, level: Level) -> &'static [PlaceId] {
    let map = match level {
        Level::District => &atlas().districts,
        _ => &atlas().communes,
    };
    map.get(&id).map_or(&[], Vec::as_slice)
}

/// Picks one of the first few units of `list`, starting at a per-seed offset, so that
/// a corpus returns to the same places again and again.
fn pick_active(seed: u64, parent: &str, list: &[PlaceId], active: u64, rng: &mut Rng) -> PlaceId {
    let n = list.len() as u64;
    let offset = Key::new(seed).str(parent).str("active").finish() % n;
    list[((offset + rng.below(active.min(n))) % n) as usize]
}

/// The chain of units an article is about: the home unit, the units above it, and
/// the centre last. Falls back to a higher tier when a unit has no children.
pub(crate) fn pick_chain(seed: u64, tier: Tier, reformed: bool, rng: &mut Rng) -> Vec<Unit> {
    let provinces = &atlas().provinces[usize::from(reformed)];
    let province = provinces[rng.below(provinces.len() as u64) as usize];
    let mut chain = vec![province];
    let g = Gazetteer::global();
    if tier != Tier::Province {
        let mut parent = province;
        if !reformed {
            let districts = children_at(province, Level::District);
            if !districts.is_empty() {
                parent = pick_active(seed, &g.place(province).code, districts, 5, rng);
                chain.insert(0, parent);
            }
        }
        if tier == Tier::Commune || parent == province {
            let communes = children_at(parent, Level::Commune);
            if !communes.is_empty() {
                let active = if reformed { 8 } else { 3 };
                let commune = pick_active(seed, &g.place(parent).code, communes, active, rng);
                chain.insert(0, commune);
            }
        }
    }
    let mut units: Vec<Unit> = chain.into_iter().map(Unit::of).collect();
    units.push(Unit::centre(reformed));
    units
}

/// A unit below the home unit, for "{sub}"; `None` for communes.
pub(crate) fn sub_unit(home: &Unit, rng: &mut Rng) -> Option<Unit> {
    let id = home.place?;
    let level = match home.tier {
        Tier::Province if !home.reformed => Level::District,
        Tier::Province | Tier::District => Level::Commune,
        Tier::Commune => return None,
    };
    let list = children_at(id, level);
    (!list.is_empty()).then(|| Unit::of(list[rng.below(list.len() as u64) as usize]))
}

/// The first year of the party term in force on `day`: 2015, 2020 or 2025.
pub(crate) fn party_term(day: Day) -> i64 {
    if day >= REFORM {
        2025
    } else if day >= term_start(2020) {
        2020
    } else {
        2015
    }
}

/// The day a party term starts (its congress season is over).
pub(crate) fn term_start(term: i64) -> Day {
    match term {
        2025 => REFORM,
        _ => Day::from_ymd(term, 8, 1),
    }
}

fn term_end(term: i64) -> Day {
    if term >= 2025 {
        RANGE_END
    } else {
        term_start(term + 5).plus(-1)
    }
}

/// The first year of the People's Council term in force on `day`: 2016 or 2021.
pub(crate) fn council_term(day: Day) -> i64 {
    if day >= Day::from_ymd(2021, 7, 1) {
        2021
    } else {
        2016
    }
}

/// The khóa (term number) of the unit's party committee for `term`; reformed
/// communes start at I, other units at a per-place number.
pub(crate) fn khoa(seed: u64, unit: &Unit, term: i64) -> u32 {
    let h = Key::new(seed).str(unit.code).str("khoa").finish();
    let base = match (unit.tier, unit.reformed) {
        (Tier::Commune, true) => return 1,
        (Tier::Province, true) => 16 + h % 6,
        (Tier::Province, false) => 14 + h % 6,
        (Tier::District, _) => 20 + h % 6,
        (Tier::Commune, false) => 18 + h % 8,
    } as u32;
    base + ((term - 2015) / 5).max(0) as u32
}

/// The khóa of the unit's People's Council for the council term `term`.
pub(crate) fn council_khoa(seed: u64, unit: &Unit, term: i64) -> u32 {
    let h = Key::new(seed).str(unit.code).str("hkhoa").finish();
    let base = match (unit.tier, unit.reformed) {
        (Tier::Commune, true) => return 1,
        (Tier::Province, _) => 9 + h % 9,
        (Tier::District, _) => 18 + h % 3,
        (Tier::Commune, false) => 19 + h % 3,
    } as u32;
    base + u32::from(term >= 2021)
}

/// Which holder of a post: the one who started the term `term` (`gen` 0) or the one
/// appointed during it (`gen` 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) term: i64,
    pub(crate) gen: u64,
}

/// The day, if any, within `term` when the holder of `slot` at `unit` is replaced.
pub(crate) fn change_day(seed: u64, unit: &Unit, slot: &str, term: i64) -> Option<Day> {
    let h = Key::new(seed)
        .str(unit.code)
        .str(slot)
        .u64(term as u64)
        .str("change")
        .finish();
    if h % 100 >= 30 {
        return None;
    }
    let start = term_start(term).plus(120);
    let span = (term_end(term).0 - start.0 - 120).max(1);
    Some(start.plus(((h >> 8) % span as u64) as i64))
}

fn first_term(unit: &Unit) -> i64 {
    if unit.reformed {
        2025
    } else {
        2015
    }
}

/// The holder at the start of `term`: often the last holder of the previous term.
pub(crate) fn start_holder(seed: u64, unit: &Unit, slot: &str, term: i64) -> Origin {
    let h = Key::new(seed)
        .str(unit.code)
        .str(slot)
        .u64(term as u64)
        .str("keep")
        .finish();
    if term > first_term(unit) && h % 100 < 45 {
        final_holder(seed, unit, slot, term - 5)
    } else {
        Origin { term, gen: 0 }
    }
}

fn final_holder(seed: u64, unit: &Unit, slot: &str, term: i64) -> Origin {
    if change_day(seed, unit, slot, term).is_some() {
        Origin { term, gen: 1 }
    } else {
        start_holder(seed, unit, slot, term)
    }
}

/// The holder of `slot` at `unit` on `day`.
pub(crate) fn holder(seed: u64, unit: &Unit, slot: &str, day: Day) -> Origin {
    let term = party_term(day);
    match change_day(seed, unit, slot, term) {
        Some(change) if day >= change => Origin { term, gen: 1 },
        _ => start_holder(seed, unit, slot, term),
    }
}

/// Name syllables: family names from the lexicon, the rest from `data/synth`.
struct NameParts {
    family: Vec<&'static str>,
    middle: [Vec<&'static str>; 2],
    /// Syllables after "Thị" in four-syllable women's names.
    second: Vec<&'static str>,
    given: [Vec<&'static str>; 2],
}

fn name_parts() -> &'static NameParts {
    static PARTS: OnceLock<NameParts> = OnceLock::new();
    PARTS.get_or_init(|| {
        let lines = |text: &'static str| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let family = lines(include_str!("../../../data/lexicon/family_names.txt")).collect();
        let mut sections: HashMap<&str, Vec<&'static str>> = HashMap::new();
        let mut current = "";
        for line in lines(include_str!("../../../data/synth/given_names.txt")) {
            match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                Some(name) => current = name,
                None => sections.entry(current).or_default().push(line),
            }
        }
        let mut take = |name: &str| sections.remove(name).unwrap_or_default();
        let any = take("given_any");
        let mut male = take("given_male");
        let mut female = take("given_female");
        male.extend(&any);
        female.extend(&any);
        NameParts {
            family,
            middle: [take("middle_male"), take("middle_female")],
            second: take("middle_female_second"),
            given: [male, female],
        }
    })
}

/// A person's name and sex, fixed by `key`. Family names follow their real frequency
/// roughly (Nguyễn about a third); some women's names have two middle syllables,
/// "Thị" and another ("Đỗ Thị Minh Hằng").
pub(crate) fn person_name(key: Key) -> (String, bool) {
    let parts = name_parts();
    let mut rng = key.rng();
    let female = rng.chance(25);
    let sex = usize::from(female);
    let family = match rng.weighted(&[35, 10, 8, 7, 40]) {
        i @ 0..=3 => parts.family[i],
        _ => parts.family[4 + rng.below(parts.family.len() as u64 - 4) as usize],
    };
    let pick = |rng: &mut Rng, list: &[&'static str]| list[rng.below(list.len() as u64) as usize];
    let four = female && rng.chance(30);
    let middle = if four {
        "Thị"
    } else {
        pick(&mut rng, &parts.middle[sex])
    };
    let mut name = String::with_capacity(32);
    name.push_str(family);
    name.push(' ');
    name.push_str(middle);
    if four {
        name.push(' ');
        name.push_str(pick(&mut rng, &parts.second));
    }
    let mut given = pick(&mut rng, &parts.given[sex]);
    while name.ends_with(given) {
        given = pick(&mut rng, &parts.given[sex]);
    }
    name.push(' ');
    name.push_str(given);
    (name, female)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_lexicon::vocab::Vocabulary;

    #[test]
    fn chains_are_nested_and_in_era() {
        let g = Gazetteer::global();
        let mut rng = Rng::new(3);
        for (tier, reformed) in [
            (Tier::Province, false),
            (Tier::District, false),
            (Tier::Commune, false),
            (Tier::Province, true),
            (Tier::Commune, true),
        ] {
            for _ in 0..200 {
                let chain = pick_chain(9, tier, reformed, &mut rng);
                assert!(chain.last().unwrap().is_centre());
                assert_eq!(chain[0].tier, tier);
                let ids: Vec<PlaceId> = chain.iter().filter_map(|u| u.place).collect();
                for pair in ids.windows(2) {
                    assert_eq!(g.place(pair[0]).parent, Some(pair[1]));
                }
                let date = if reformed { "2025-08-01" } else { "2024-01-01" };
                assert!(ids.iter().all(|&id| g.place(id).is_valid_on(date)));
            }
        }
    }

    #[test]
    fn committees_and_issuers_are_in_the_vocabulary() {
        let v = Vocabulary::global();
        for kind in PlaceKind::ALL {
            let (cmte, issuer) = committee(kind);
            assert!(
                v.issuers_by_code(issuer).any(|i| i.org == cmte),
                "{issuer} {cmte}"
            );
        }
    }

    #[test]
    fn holders_change_once_and_carry_over() {
        let g = Gazetteer::global();
        let unit = Unit::of(g.by_code("L020").unwrap());
        let day = Day::from_ymd(2022, 3, 1);
        assert_eq!(
            holder(5, &unit, "sec", day),
            holder(5, &unit, "sec", day.plus(1))
        );
        let mut changed = 0;
        let mut kept = 0;
        for seed in 0..200 {
            if let Some(c) = change_day(seed, &unit, "sec", 2020) {
                changed += 1;
                assert!(c > term_start(2020) && c < REFORM);
                let new = Origin { term: 2020, gen: 1 };
                assert_eq!(holder(seed, &unit, "sec", c), new);
                assert_ne!(holder(seed, &unit, "sec", c.plus(-1)), new);
            }
            kept += usize::from(start_holder(seed, &unit, "sec", 2020).term == 2015);
        }
        assert!((30..100).contains(&changed), "{changed}");
        assert!((50..150).contains(&kept), "{kept}");
    }

    #[test]
    fn names_start_with_a_family_name() {
        let v = Vocabulary::global();
        for i in 0..500 {
            let (name, female) = person_name(Key::new(i));
            let words: Vec<&str> = name.split(' ').collect();
            assert!((3..=4).contains(&words.len()), "{name}");
            assert!(v.is_family_name(&words[0].to_lowercase()), "{name}");
            if words.len() == 4 {
                assert!(female && words[1] == "Thị", "{name}");
            }
        }
        assert_eq!(person_name(Key::new(1)), person_name(Key::new(1)));
    }
}
