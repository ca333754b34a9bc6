//! The curation file: merges, renames and bad lines, end to end through the binary.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// An invented article that writes Đỗ Thị Minh Hằng without her middle name.
const SHORT_NAME: &str = "Huyện ủy Thanh Trì sơ kết công tác quý II năm 2024
(16:05 28/06/2024)

Chiều 28-6, Huyện ủy Thanh Trì tổ chức hội nghị sơ kết công tác quý II năm 2024. Đồng chí Đỗ Thị Hằng - Bí thư Huyện ủy Thanh Trì chủ trì hội nghị.
";

/// The sample corpus plus [`SHORT_NAME`], in a folder of `dir`.
fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for e in std::fs::read_dir(sample()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(corpus.join("13-thanh-tri-so-ket.txt"), SHORT_NAME).unwrap();
    corpus
}

fn stderr_of(args: &[&str]) -> (Option<i32>, String) {
    let out = cadre(args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_merge_of_two_spellings_gives_one_career() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    let before = ok(&["person", "--store", s(&store), "Đỗ Thị Hằng"]);
    assert!(before.starts_with("Đỗ Thị Hằng\n"), "{before}");

    std::fs::write(
        store.join("curation.csv"),
        "action,subject,object,value,note\n\
         merge,Đỗ Thị Hằng,Đỗ Thị Minh Hằng,,the middle name is left out in 13\n",
    )
    .unwrap();
    // The store does not match the file until an ingest applies it.
    let nq = dir.path().join("out.nq");
    let (code, err) = stderr_of(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nquads",
        "--out",
        s(&nq),
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("run cadre ingest again"), "{err}");
    // An ingest that leaves out the article the merge changes would mix curations.
    let (code, err) = stderr_of(&[
        "ingest",
        "--store",
        s(&store),
        s(&corpus.join("01-thanh-tri-hoi-nghi-8.txt")),
    ]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("line 2") && err.contains("13-thanh-tri-so-ket"),
        "{err}"
    );

    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    let career = ok(&["person", "--store", s(&store), "Đỗ Thị Minh Hằng"]);
    let secretary = career
        .lines()
        .find(|l| l.contains(" Bí thư Huyện ủy Thanh Trì"))
        .unwrap_or_else(|| panic!("{career}"));
    assert!(
        secretary.contains("11-quang-ninh-pho-bi-thu") && secretary.contains("13-thanh-tri-so-ket"),
        "one career line cites both spellings' articles: {secretary}"
    );
    let (code, _) = stderr_of(&["person", "--store", s(&store), "Đỗ Thị Hằng"]);
    assert_eq!(code, Some(1), "the short spelling is no person of its own");
    let why = ok(&["explain", "--store", s(&store), "Đỗ Thị Minh Hằng"]);
    assert!(
        why.lines().any(|l| l.starts_with("  - 13-thanh-tri-so-ket (2024-06-28)")
            && l.ends_with(
                "as \"Đỗ Thị Hằng\": curation line 2: merge \"Đỗ Thị Hằng\" into \"Đỗ Thị Minh Hằng\""
            )),
        "{why}"
    );
    assert!(
        why.lines().any(|l| l.starts_with("  - 01-")
            && l.ends_with(": same normalised name + same province of posts")),
        "{why}"
    );

    // The dump equals two merged extract shards under the same curation, and a
    // second ingest changes nothing.
    let dump = dump_nquads(&store, &nq, &[]);
    assert!(dump.contains("<https://w3id.org/cadre/id/curation>"));
    let extracted = ok(&[
        "extract",
        "--format",
        "nquads",
        "--curation",
        s(&store.join("curation.csv")),
        s(&corpus),
    ]);
    assert!(
        extracted == dump,
        "extract --curation differs from the store"
    );
    ok(&["ingest", "--store", s(&store), s(&corpus)]);
    assert!(dump_nquads(&store, &nq, &[]) == dump, "not idempotent");
}

#[test]
fn a_rename_changes_the_label_in_exports() {
    let dir = tempfile::tempdir().unwrap();
    let curation = dir.path().join("fix.csv");
    std::fs::write(
        &curation,
        "action,subject,object,value,note\n\
         rename,id/body/huyen-uy/l020,,Huyện ủy Thanh Trì (1961–2025),dissolved on 1 July 2025\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    ok(&[
        "ingest",
        "--store",
        s(&store),
        "--curation",
        s(&curation),
        s(&sample()),
    ]);
    let graphml = dir.path().join("kg.graphml");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--curation",
        s(&curation),
        "--format",
        "graphml",
        "--out",
        s(&graphml),
    ]);
    let text = std::fs::read_to_string(&graphml).unwrap();
    assert!(
        text.contains("Huyện ủy Thanh Trì (1961–2025)"),
        "new label missing"
    );
    assert!(
        !text.contains(">Huyện ủy Thanh Trì<"),
        "the old label is still exported"
    );
}

#[test]
fn a_bad_line_is_an_error_with_its_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let curation = dir.path().join("bad.csv");
    std::fs::write(
        &curation,
        "action,subject,object,value,note\n# comments are fine\nmerg,Đỗ Thị Hằng,Đỗ Thị Minh Hằng,,\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    let (code, err) = stderr_of(&[
        "ingest",
        "--store",
        s(&store),
        "--curation",
        s(&curation),
        s(&sample()),
    ]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(&format!(
            "curation file {}: line 3: unknown action \"merg\"",
            curation.display()
        )),
        "{err}"
    );
    assert!(
        !store.exists(),
        "nothing is written when the curation is bad"
    );
}

#[test]
fn dumps_under_a_curation_do_not_depend_on_order_or_batches() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let curation = dir.path().join("curation.csv");
    std::fs::write(
        &curation,
        "action,subject,object,value,note\n\
         merge,Đỗ Thị Hằng,Đỗ Thị Minh Hằng,,\n\
         split,Lưu Đức Thành,12-xa-thanh-tri-dai-hoi-i,xã Thanh Trì,\n\
         rename,id/body/huyen-uy/l020,,Huyện ủy Thanh Trì (cũ),\n\
         set,id/place/l01,placeKind,thành phố trực thuộc trung ương,\n",
    )
    .unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let target = if i % 2 == 0 { &a } else { &b };
        std::fs::copy(f, target.join(f.file_name().unwrap())).unwrap();
    }
    let dump = |name: &str, runs: &[&[&Path]]| -> String {
        let store = dir.path().join(name);
        for paths in runs {
            let mut args = vec!["ingest", "--store", s(&store), "--curation", s(&curation)];
            args.extend(paths.iter().map(|p| s(p)));
            ok(&args);
        }
        let out = dir.path().join(format!("{name}.nq"));
        dump_nquads(&store, &out, &["--curation", s(&curation)])
    };
    let ab = dump("ab", &[&[&a], &[&b]]);
    let ba = dump("ba", &[&[&b], &[&a]]);
    let both = dump("both", &[&[&a, &b]]);
    assert!(ab == ba, "A then B differs from B then A");
    assert!(ab == both, "two runs differ from one");
    for iri in [
        "<https://w3id.org/cadre/id/person/luu-duc-thanh-xa-thanh-tri/n01>",
        "<https://w3id.org/cadre/id/curation/split/person-luu-duc-thanh/12-xa-thanh-tri-dai-hoi-i>",
        "\"Huyện ủy Thanh Trì (cũ)\"@vi",
    ] {
        assert!(ab.contains(iri), "{iri} missing");
    }
    // Every ontology term the curated store uses is declared.
    let ontology = std::fs::read_to_string(root().join("ontology/cadre.ttl")).unwrap();
    let mut used: Vec<&str> = ab
        .split(['<', '>'])
        .filter_map(|t| t.strip_prefix("https://w3id.org/cadre/ontology#"))
        .collect();
    used.sort();
    used.dedup();
    let undeclared: Vec<&&str> = used
        .iter()
        .filter(|t| !ontology.contains(&format!("\ncadre:{t}\n    a ")))
        .collect();
    assert!(undeclared.is_empty(), "undeclared: {undeclared:?}");
    assert!(used.contains(&"writtenName") && used.contains(&"CurationRule"));
}
