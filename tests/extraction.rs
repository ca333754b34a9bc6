//! Extraction quality: the seed articles scored with the shared scorer, and golden
//! eval-json records for the bundled sample corpus.

mod common;

use common::*;

#[test]
fn seed_articles_reach_the_issue_thresholds() {
    let Some(shared) = shared() else {
        eprintln!("../shared is absent: seed scoring skipped");
        return;
    };
    let dev = shared.join("eval/dev");
    let mut seeds: Vec<_> = std::fs::read_dir(&dev)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.starts_with("00") && name.ends_with(".txt")
        })
        .collect();
    seeds.sort();
    let pred = extract_eval(&seeds.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    let floors = [
        "--only",
        "00*",
        "--min",
        "persons=0.9",
        "--min",
        "positions=0.8",
    ];
    let out = score(&dev, pred.path(), &floors).expect("shared is present");
    assert!(
        out.status.success(),
        "below threshold:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `UPDATE_GOLDEN=1 cargo test --release --test extraction` rewrites the golden files.
#[test]
fn sample_corpus_matches_golden_records() {
    let dir = extract_eval(&[&sample()]);
    let golden = root().join("tests/golden/sample-eval");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 12);
    for name in names {
        let got = std::fs::read_to_string(dir.path().join(&name)).unwrap();
        let path = golden.join(&name);
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(got, want, "{} differs from its golden file", path.display());
    }
}

#[test]
fn sample_corpus_scores_against_its_hand_made_gold() {
    let pred = extract_eval(&[&sample()]);
    let floors = ["--min", "persons=0.85", "--min", "positions_loose=0.7"];
    let Some(out) = score(&root().join("data/sample-gold"), pred.path(), &floors) else {
        eprintln!("../shared is absent: the scorer lives there; skipped");
        return;
    };
    assert!(
        out.status.success(),
        "sample gold below floor:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Regression floors on the development set (`cadre eval`, scored like score.py).
/// Issue 3's targets are higher (persons 0.95, positions 0.90, positions_loose 0.93,
/// documents 0.95, documents_dated 0.90, terms 0.85, meetings 0.85, chairs 0.90,
/// published 0.90); these floors sit just under what the rules reach today so that
/// a change that loses ground fails here.
#[test]
fn dev_set_scores_do_not_regress() {
    let Some(shared) = shared() else {
        eprintln!("../shared is absent: dev-set scoring skipped");
        return;
    };
    let dev = shared.join("eval/dev");
    let floors = [
        "persons=0.97",
        "positions=0.93",
        "positions_loose=0.97",
        "documents=0.95",
        "documents_dated=0.95",
        "terms=0.87",
        "meetings=0.79",
        "chairs=0.97",
        "published=0.95",
    ];
    let mut args = vec!["eval", s(&dev)];
    for f in &floors {
        args.extend(["--min", f]);
    }
    let out = cadre(&args);
    assert!(
        out.status.success(),
        "dev-set scores fell below the floors:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The same articles read from `corpus.jsonl`, where the URL tells the place as it
/// tells a reader: floors just under what the rules reach there.
#[test]
fn dev_set_jsonl_scores_do_not_regress() {
    let Some(shared) = shared() else {
        eprintln!("../shared is absent: dev-set scoring skipped");
        return;
    };
    let dev = shared.join("eval/dev");
    let corpus = dev.join("corpus.jsonl");
    let floors = [
        "persons=0.97",
        "positions=0.98",
        "positions_loose=0.98",
        "documents=0.95",
        "documents_dated=0.95",
        "terms=0.95",
        "meetings=0.92",
        "chairs=0.97",
        "published=0.95",
    ];
    let mut args = vec!["eval", s(&dev), s(&corpus)];
    for f in &floors {
        args.extend(["--min", f]);
    }
    let out = cadre(&args);
    assert!(
        out.status.success(),
        "dev-set (JSONL) scores fell below the floors:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn eval_lists_errors_and_agrees_with_the_shared_scorer() {
    let Some(shared) = shared() else {
        eprintln!("../shared is absent: skipped");
        return;
    };
    let dev = shared.join("eval/dev");
    let ours = ok(&["eval", s(&dev), "--only", "00*", "--errors"]);
    let pred = extract_eval(&[&dev.join("003_98473e80d0e05957.txt")]);
    let theirs = score(&dev, pred.path(), &["--only", "003*", "--per-doc"]).expect("shared");
    let theirs = String::from_utf8_lossy(&theirs.stdout);
    let errors_003 = ours.lines().filter(|l| l.starts_with("003_")).count();
    let theirs_003 = theirs.lines().filter(|l| l.starts_with("003_")).count();
    assert_eq!(errors_003, theirs_003, "ours:\n{ours}\ntheirs:\n{theirs}");
    assert!(ours.contains("documents scored: 5"));
}
