//! The evaluation record of `../shared/eval/FORMAT.md`: what `cadre extract --format
//! eval-json` prints, so that `score.py` can compare it with gold records.

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
