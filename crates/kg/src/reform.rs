//! The administrative reform of 1 July 2025 as change events: a legacy unit (in force
//! until 30 June 2025) ended that day and the gazetteer's conversion names the
//! reformed units that took it over (none for a dissolved district). Old and new
//! units stay separate nodes, linked by the event (`id/change/<legacy code>/<date>`).

use cadre_lexicon::places::{Era, Gazetteer, PlaceId};

use crate::iri::entity;

/// The day the reformed units took effect.
pub const REFORM_DATE: &str = "2025-07-01";

/// What happened to a legacy unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// It became one reformed unit on its own.
    Continuation,
    /// It and other units of its level became one reformed unit.
    Merger,
    /// It was divided among several reformed units.
    Division,
    /// It ended without a successor (the district level).
    Dissolution,
}

impl ChangeKind {
    /// The value of `cadre:changeKind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Continuation => "continuation",
            ChangeKind::Merger => "merger",
            ChangeKind::Division => "division",
            ChangeKind::Dissolution => "dissolution",
        }
    }

    /// A Vietnamese word for the label of the event.
    pub fn label_vi(self) -> &'static str {
        match self {
            ChangeKind::Continuation => "Chuyển đổi",
            ChangeKind::Merger => "Hợp nhất",
            ChangeKind::Division => "Chia tách",
            ChangeKind::Dissolution => "Kết thúc hoạt động",
        }
    }
}

/// The change that ended a legacy unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The event's IRI.
    pub iri: String,
    /// What happened.
    pub kind: ChangeKind,
    /// The reformed units that took the legacy one over, the converter's default
    /// first.
    pub successors: Vec<PlaceId>,
}

/// The change that ended `place`; `None` for a reformed unit.
pub fn change(gaz: &Gazetteer, place: PlaceId) -> Option<Change> {
    let p = gaz.place(place);
    if p.era() != Era::Legacy {
        return None;
    }
    let successors = gaz.successors(place).to_vec();
    let kind = match successors.as_slice() {
        [] => ChangeKind::Dissolution,
        [one] => {
            let peers = gaz
                .predecessors(*one)
                .iter()
                .filter(|&&q| gaz.place(q).level() == p.level())
                .count();
            if peers > 1 {
                ChangeKind::Merger
            } else {
                ChangeKind::Continuation
            }
        }
        _ => ChangeKind::Division,
    };
    Some(Change {
        iri: entity("change", &[&p.code, REFORM_DATE]),
        kind,
        successors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change_of(code: &str) -> Option<(ChangeKind, Vec<String>)> {
        let gaz = Gazetteer::global();
        change(gaz, gaz.by_code(code).expect(code)).map(|c| {
            (
                c.kind,
                c.successors
                    .iter()
                    .map(|&s| gaz.place(s).code.clone())
                    .collect(),
            )
        })
    }

    #[test]
    fn legacy_units_end_on_the_reform_day_and_reformed_ones_do_not() {
        let gaz = Gazetteer::global();
        // Hà Nội continues; Hà Giang merged with Tuyên Quang; Thanh Trì district dissolved.
        assert_eq!(
            change_of("L01"),
            Some((ChangeKind::Continuation, vec!["N01".to_string()]))
        );
        let (kind, next) = change_of("L02").unwrap();
        assert_eq!(
            (kind, next.as_slice()),
            (ChangeKind::Merger, &["N08".to_string()][..])
        );
        assert_eq!(change_of("L020"), Some((ChangeKind::Dissolution, vec![])));
        assert_eq!(change_of("N01"), None);
        let c = change(gaz, gaz.by_code("L02").unwrap()).unwrap();
        assert_eq!(c.iri, "https://w3id.org/cadre/id/change/l02/2025-07-01");
    }
}
