//! `cadre eval GOLD_DIR [PATH…]`: extract and score against gold records in one go,
//! with every false positive and false negative on request.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use cadre_extract::eval::{score, to_eval_json, FIELDS};
use rayon::prelude::*;
use serde_json::Value;

use crate::articles::{extract_guarded, read_inputs};
use crate::cli::InputLimits;
use crate::output::report;

/// Reads `--min FIELD=F1`: a scored field and the lowest F1 it may have.
pub(crate) fn parse_min(s: &str) -> Result<(String, f64), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FIELD=F1, got {s:?}"))?;
    if !FIELDS.contains(&k) {
        return Err(format!("unknown field {k:?}"));
    }
    let v: f64 = v.parse().map_err(|_| format!("bad F1 {v:?}"))?;
    Ok((k.to_string(), v))
}

/// Runs the evaluation; fails (exit 1) when a `--min` floor is not met.
pub(crate) fn run(
    gold_dir: &Path,
    paths: &[PathBuf],
    only: &str,
    errors: bool,
    mins: &[(String, f64)],
) -> Result<ExitCode> {
    let ok = evaluate(gold_dir, paths, only, errors, mins)?;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Scores the extraction of `paths` (default: the gold folder's texts) against the
/// gold records and prints the table; returns false when a `--min` floor is not met.
fn evaluate(
    gold_dir: &Path,
    paths: &[PathBuf],
    only: &str,
    errors: bool,
    mins: &[(String, f64)],
) -> Result<bool> {
    let inputs: Vec<PathBuf> = if paths.is_empty() {
        let mut txt: Vec<PathBuf> = std::fs::read_dir(gold_dir)
            .with_context(|| format!("reading {}", gold_dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        txt.sort();
        txt
    } else {
        paths.to_vec()
    };
    let (articles, skipped) = read_inputs(&inputs, &InputLimits::default());
    report(&skipped);
    let extracted: Vec<_> = articles.par_iter().map(extract_guarded).collect();
    let mut predictions: Vec<(String, Value)> = Vec::new();
    let mut failed = Vec::new();
    for (a, x) in articles.iter().zip(extracted) {
        match x {
            Ok(x) => predictions.push((a.id.clone(), to_eval_json(&x))),
            Err(s) => failed.push(s),
        }
    }
    report(&failed);
    let mut pairs = Vec::new();
    let mut gold_files: Vec<PathBuf> = std::fs::read_dir(gold_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    gold_files.sort();
    for g in gold_files {
        let name = g.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let id = name.trim_end_matches(".gold.json").to_string();
        if !glob_match(only, &id) {
            continue;
        }
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&g)?)
            .with_context(|| format!("parsing {}", g.display()))?;
        let pred = predictions
            .iter()
            .find(|(pid, _)| *pid == id)
            .map_or(Value::Null, |(_, v)| v.clone());
        pairs.push((id, gold, pred));
    }
    let (totals, mismatches) = score(&pairs);
    if errors {
        for m in &mismatches {
            let tuple: Vec<String> = m
                .tuple
                .iter()
                .map(|v| v.clone().unwrap_or_else(|| "∅".into()))
                .collect();
            let kind = if m.false_positive { "FP" } else { "FN" };
            println!("{}\t{}\t{kind}\t{}", m.id, m.field, tuple.join(" | "));
        }
        println!();
    }
    println!(
        "{:<16}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}",
        "field", "P", "R", "F1", "tp", "fp", "fn"
    );
    for field in FIELDS {
        let t = totals[field];
        println!(
            "{field:<16}{:>7.3}{:>7.3}{:>7.3}{:>6}{:>6}{:>6}",
            t.precision(),
            t.recall(),
            t.f1(),
            t.tp,
            t.fp,
            t.fn_
        );
    }
    println!("documents scored: {}", pairs.len());
    let mut ok = true;
    for (field, min) in mins {
        let f1 = totals.get(field.as_str()).map_or(0.0, |t| t.f1());
        if f1 < *min {
            eprintln!("below threshold: {field} F1 {f1:.3} < {min}");
            ok = false;
        }
    }
    Ok(ok)
}

/// Shell-style match with `*` and `?`.
fn glob_match(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    fn go(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') => (0..=t.len()).any(|k| go(&p[1..], &t[k..])),
            Some('?') => !t.is_empty() && go(&p[1..], &t[1..]),
            Some(c) => t.first() == Some(c) && go(&p[1..], &t[1..]),
        }
    }
    go(&p, &t)
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("00*", "001_abc"));
        assert!(glob_match("*", "a01"));
        assert!(!glob_match("00*", "a01"));
        assert!(glob_match("a?1", "a01"));
    }
}
