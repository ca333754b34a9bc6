//! The evaluation record of `../shared/eval/FORMAT.md`: what `cadre extract --format
//! eval-json` prints, so that `score.py` can compare it with gold records.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use crate::model::{BodyRef, Extraction};

fn place(body: &BodyRef) -> Value {
    body.place
        .as_ref()
        .map_or(Value::Null, |p| Value::String(p.name.clone()))
}

/// The FORMAT.md record of an extraction.
pub fn to_eval_json(x: &Extraction) -> Value {
    let persons: Vec<Value> = x
        .persons
        .iter()
        .map(|p| {
            let positions: Vec<Value> = p
                .positions
                .iter()
                .map(|pos| {
                    let mut m = Map::new();
                    m.insert("role".into(), json!(pos.role));
                    m.insert("org".into(), json!(pos.body.org));
                    m.insert("place".into(), place(&pos.body));
                    if pos.former {
                        m.insert("former".into(), json!(true));
                    }
                    if pos.acting {
                        m.insert("acting".into(), json!(true));
                    }
                    Value::Object(m)
                })
                .collect();
            json!({"name": p.name, "positions": positions})
        })
        .collect();
    let documents: Vec<Value> = x
        .documents
        .iter()
        .map(|d| {
            let issuer = d
                .issuer
                .as_ref()
                .map_or(Value::Null, |b| json!({"org": b.org, "place": place(b)}));
            let mut m = Map::new();
            m.insert("type".into(), json!(d.doc_type));
            m.insert("number".into(), json!(d.number));
            m.insert("date".into(), json!(d.date));
            m.insert("issuer".into(), issuer);
            if let Some(of) = &d.of {
                m.insert("of".into(), json!(of));
            }
            Value::Object(m)
        })
        .collect();
    let terms: Vec<Value> = x
        .terms
        .iter()
        .map(|t| {
            json!({"org": t.body.org, "place": place(&t.body), "khoa": t.khoa,
                   "start": t.start, "end": t.end})
        })
        .collect();
    let meetings: Vec<Value> = x
        .meetings
        .iter()
        .map(|m| {
            json!({"kind": m.kind, "ordinal": m.ordinal, "org": m.body.org,
                   "place": place(&m.body), "date": m.date, "chairs": m.chairs})
        })
        .collect();
    json!({
        "id": x.id,
        "published": x.published,
        "persons": persons,
        "documents": documents,
        "terms": terms,
        "meetings": meetings,
    })
}

/// Fields scored by [`score`], in the order of `../shared/eval/score.py`.
pub const FIELDS: [&str; 9] = [
    "persons",
    "positions",
    "positions_loose",
    "documents",
    "documents_dated",
    "terms",
    "meetings",
    "chairs",
    "published",
];

/// A value normalised the way `score.py` does: NFC, lower case, tone placement
/// unified, whitespace collapsed; numbers as integers; `None` for null.
fn norm(v: &Value) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    match v {
        Value::Null => None,
        Value::Number(n) => Some(
            n.as_f64()
                .filter(|f| f.fract() == 0.0)
                .map_or_else(|| n.to_string(), |f| format!("{}", f as i64)),
        ),
        Value::String(s) => {
            let mut s = s.nfc().collect::<String>().to_lowercase();
            // The shared scorer moves tone marks wherever the pair occurs.
            for (old, new) in cadre_text::normalize::TONE_MOVES {
                s = s.replace(old, new);
            }
            Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        other => Some(other.to_string()),
    }
}

/// A scored tuple: normalised values, `None` for null.
pub type Tuple = Vec<Option<String>>;

/// The scored tuples of one record, per field.
pub fn tuples(rec: &Value) -> BTreeMap<&'static str, BTreeSet<Tuple>> {
    let mut out: BTreeMap<_, BTreeSet<_>> =
        FIELDS.iter().map(|f| (*f, Default::default())).collect();
    let get = |v: &Value, k: &str| v.get(k).cloned().unwrap_or(Value::Null);
    if rec.get("published").is_some_and(|p| !p.is_null()) {
        out.get_mut("published")
            .expect("field")
            .insert(vec![norm(&rec["published"])]);
    }
    for p in rec
        .get("persons")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = norm(&get(p, "name")).filter(|n| !n.is_empty()) else {
            continue;
        };
        out.get_mut("persons")
            .expect("field")
            .insert(vec![Some(name.clone())]);
        for pos in p
            .get("positions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (role, org) = (norm(&get(pos, "role")), norm(&get(pos, "org")));
            let place = norm(&get(pos, "place"));
            out.get_mut("positions").expect("field").insert(vec![
                Some(name.clone()),
                role.clone(),
                org.clone(),
                place,
            ]);
            out.get_mut("positions_loose").expect("field").insert(vec![
                Some(name.clone()),
                role,
                org,
            ]);
        }
    }
    for d in rec
        .get("documents")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let number = get(d, "number");
        if number.is_null() || number.as_str() == Some("") {
            continue;
        }
        let number = Value::String(match &number {
            Value::String(s) => s.replace(' ', ""),
            other => other.to_string().replace(' ', ""),
        });
        let key = vec![norm(&get(d, "type")), norm(&number)];
        out.get_mut("documents").expect("field").insert(key.clone());
        let mut dated = key;
        dated.push(norm(&get(d, "date")));
        out.get_mut("documents_dated").expect("field").insert(dated);
    }
    for t in rec
        .get("terms")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.get_mut("terms").expect("field").insert(
            ["org", "place", "khoa", "start", "end"]
                .iter()
                .map(|k| norm(&get(t, k)))
                .collect(),
        );
    }
    for m in rec
        .get("meetings")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.get_mut("meetings").expect("field").insert(
            ["kind", "ordinal", "place", "date"]
                .iter()
                .map(|k| norm(&get(m, k)))
                .collect(),
        );
        for c in m
            .get("chairs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            out.get_mut("chairs")
                .expect("field")
                .insert(vec![norm(&get(m, "date")), norm(c)]);
        }
    }
    out
}

/// Counts of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldScore {
    /// Tuples in both gold and prediction.
    pub tp: usize,
    /// Predicted tuples not in gold.
    pub fp: usize,
    /// Gold tuples not predicted.
    pub fn_: usize,
}

impl FieldScore {
    /// Precision (1 when nothing was predicted and nothing was missed).
    pub fn precision(&self) -> f64 {
        match self.tp + self.fp {
            0 if self.fn_ == 0 => 1.0,
            0 => 0.0,
            n => self.tp as f64 / n as f64,
        }
    }

    /// Recall (1 when gold is empty).
    pub fn recall(&self) -> f64 {
        match self.tp + self.fn_ {
            0 => 1.0,
            n => self.tp as f64 / n as f64,
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// One tuple that differs between gold and prediction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Article id.
    pub id: String,
    /// Field.
    pub field: &'static str,
    /// Predicted but not in gold (else: in gold but not predicted).
    pub false_positive: bool,
    /// The tuple.
    pub tuple: Tuple,
}

/// Scores predictions against gold records, micro-averaged over articles, exactly as
/// `../shared/eval/score.py` does; also returns every mismatch for error reports.
pub fn score(
    pairs: &[(String, Value, Value)],
) -> (BTreeMap<&'static str, FieldScore>, Vec<Mismatch>) {
    let mut totals: BTreeMap<&'static str, FieldScore> =
        FIELDS.iter().map(|f| (*f, FieldScore::default())).collect();
    let mut mismatches = Vec::new();
    for (id, gold, pred) in pairs {
        let (g, p) = (tuples(gold), tuples(pred));
        for field in FIELDS {
            let (gs, ps) = (&g[field], &p[field]);
            let t = totals.get_mut(field).expect("field");
            t.tp += gs.intersection(ps).count();
            for (set, other, fp) in [(ps, gs, true), (gs, ps, false)] {
                for tuple in set.difference(other) {
                    if fp {
                        t.fp += 1;
                    } else {
                        t.fn_ += 1;
                    }
                    mismatches.push(Mismatch {
                        id: id.clone(),
                        field,
                        false_positive: fp,
                        tuple: tuple.clone(),
                    });
                }
            }
        }
    }
    (totals, mismatches)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring_matches_the_shared_scorer_conventions() {
        let gold = json!({"published": "2022-10-05", "persons": [{"name": "Lê Tiến Nhật",
            "positions": [{"role": "Bí thư", "org": "Huyện uỷ", "place": "Thanh Trì"}]}],
            "documents": [{"type": "Nghị quyết", "number": "14-NQ/QU", "date": null}]});
        let pred = json!({"published": "2022-10-05", "persons": [{"name": "lê  tiến nhật",
            "positions": [{"role": "Bí thư", "org": "Huyện ủy", "place": null}]}],
            "documents": [{"type": "Nghị quyết", "number": "14 - NQ/QU", "date": null}]});
        let (t, mismatches) = score(&[("a".into(), gold, pred)]);
        assert_eq!(
            t["persons"],
            FieldScore {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(t["positions_loose"].tp, 1);
        assert_eq!(
            t["positions"],
            FieldScore {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(t["documents"].tp, 1);
        assert_eq!(mismatches.len(), 2);
        assert!((t["positions"].f1() - 0.0).abs() < 1e-9);
        assert!((t["published"].f1() - 1.0).abs() < 1e-9);
    }
}
