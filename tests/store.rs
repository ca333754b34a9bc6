//! Ingest, idempotence, ontology coverage and saved queries on the sample corpus.

mod common;

use common::*;

fn count(store: &std::path::Path, sparql: &str) -> usize {
    let rows = query_csv(store, &[sparql]);
    rows[1][0].parse().expect("a count")
}

#[test]
fn ingest_is_idempotent_and_keeps_everything_in_article_graphs() {
    let (_dir, store) = sample_store();
    let quads = |store: &std::path::Path| {
        count(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        )
    };
    let first = quads(&store);
    let dump1 = ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nquads",
        "--out",
        s(&store.with_extension("1.nq")),
    ]);
    assert!(dump1.contains("wrote"));
    ok(&["ingest", "--store", s(&store), s(&sample())]);
    assert_eq!(quads(&store), first, "re-ingesting changed the quad count");
    ok(&[
        "export",
        "--store",
        s(&store),
        "--format",
        "nquads",
        "--out",
        s(&store.with_extension("2.nq")),
    ]);
    let a = std::fs::read(store.with_extension("1.nq")).unwrap();
    let b = std::fs::read(store.with_extension("2.nq")).unwrap();
    assert_eq!(a, b, "sorted dumps differ after re-ingest");
    let graphs = count(
        &store,
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    assert_eq!(
        graphs, 13,
        "one named graph per sample article, and the reference graph"
    );
    // Every line of the dump is a quad (named graph), none in the default graph.
    let text = String::from_utf8(a).unwrap();
    assert!(text.lines().all(
        |l| l.matches(" <https://w3id.org/cadre/id/article/").count() >= 1
            || l.ends_with(" <https://w3id.org/cadre/id/reference> .")
    ));
}

#[test]
fn place_facts_are_stored_once_in_the_reference_graph() {
    let dir = tempfile::tempdir().unwrap();
    // Two ingests of articles that name the same places (Thanh Trì, Hà Nội).
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    for (folder, files) in [
        (
            &first,
            [
                "01-thanh-tri-hoi-nghi-8.txt",
                "12-xa-thanh-tri-dai-hoi-i.txt",
            ],
        ),
        (
            &second,
            [
                "02-thanh-tri-hoi-nghi-xii.txt",
                "09-gia-lam-dai-hoi-doan.txt",
            ],
        ),
    ] {
        std::fs::create_dir(folder).unwrap();
        for f in files {
            std::fs::copy(sample().join(f), folder.join(f)).unwrap();
        }
    }
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), s(&first)]);
    ok(&["ingest", "--store", s(&store), s(&second)]);
    let prefix = "PREFIX cadre: <https://w3id.org/cadre/ontology#>
                  PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                  PREFIX id: <https://w3id.org/cadre/id/>\n";
    let n = |sparql: &str| count(&store, &format!("{prefix}{sparql}"));
    // Three articles locate bodies in Thanh Trì; its name is stored once.
    assert_eq!(
        n("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?b cadre:locatedIn <https://w3id.org/cadre/id/place/l020> } }"),
        3
    );
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <https://w3id.org/cadre/id/place/l020> rdfs:label ?l } }"),
        1
    );
    // No quad of the reference graph is repeated in an article graph, but for the
    // successor bodies an article after the reform names itself (Thành ủy Hà Nội
    // and its Ban Tổ chức in the reformed city: label, key, organisation, kind and
    // place), which the reference graph states as successors; the graph has one
    // digest.
    let repeated = query_csv(
        &store,
        &[&format!(
            "{prefix}SELECT DISTINCT ?s ?g WHERE {{ GRAPH id:reference {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != id:reference) }} ORDER BY ?s"
        )],
    );
    let article = "https://w3id.org/cadre/id/article/12-xa-thanh-tri-dai-hoi-i";
    assert_eq!(
        repeated[1..],
        [
            [
                "https://w3id.org/cadre/id/body/ban-to-chuc-thanh-uy/n01",
                article
            ],
            ["https://w3id.org/cadre/id/body/thanh-uy/n01", article],
        ]
    );
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH id:reference { ?s ?p ?o } GRAPH ?g { ?s ?p ?o } FILTER (?g != id:reference) }"),
        2 * 5
    );
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH id:reference { id:reference cadre:contentDigest ?d } }"),
        1
    );
    // The places the four articles name, with their ancestors and successors (69
    // quads), their 8 roles (class, label, key), the 14 bodies of the three legacy
    // places with their change event (changeFrom, changedIn) and the 4 successors of
    // Hà Nội's bodies (changeTo, succeededBy and the successor's label, key,
    // organisation, kind and place).
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH id:reference { ?s ?p ?o } }"),
        69 + 8 * 3 + 14 * 2 + 4 * 7
    );
    // No article graph states a body's change event or successors.
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?b cadre:changedIn|cadre:succeededBy ?x } FILTER (?g != id:reference) }"),
        0
    );
    // Nothing about a place is said in an article graph but where a body is.
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?pl a cadre:Place } FILTER (?g != id:reference) }"),
        0
    );
}

#[test]
fn every_role_is_described_once_in_the_reference_graph() {
    let (_dir, store) = sample_store();
    let prefix = "PREFIX cadre: <https://w3id.org/cadre/ontology#>
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         PREFIX id: <https://w3id.org/cadre/id/>\n";
    let n = |q: &str| count(&store, &format!("{prefix}{q}"));
    assert_eq!(
        n("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?x cadre:role ?r } FILTER NOT EXISTS { GRAPH id:reference { ?r a cadre:Role ; rdfs:label ?l ; cadre:key ?k } } }"),
        0,
        "a role without its description"
    );
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?r a cadre:Role } FILTER (?g != id:reference) }"),
        0
    );
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) WHERE { GRAPH id:reference { <https://w3id.org/cadre/id/role/pho-bi-thu-thuong-truc> rdfs:label \"Phó Bí thư Thường trực\"@vi ; cadre:key \"phó bí thư thường trực\" } }"),
        1
    );
}

#[test]
fn every_fact_has_evidence_with_offsets() {
    let (_dir, store) = sample_store();
    let missing = count(
        &store,
        "PREFIX cadre: <https://w3id.org/cadre/ontology#>
         SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {
           { ?x cadre:holder ?holder } UNION { ?x cadre:documentType ?type }
           UNION { VALUES ?c { cadre:Meeting cadre:Term } ?x a ?c }
           FILTER NOT EXISTS { GRAPH ?a { ?x cadre:evidence ?e . ?e cadre:span ?s ; cadre:inSentence ?n . ?n cadre:sentenceText ?t } ?a cadre:articleId ?id } }",
    );
    assert_eq!(missing, 0);
}

#[test]
fn a_sentence_text_is_stored_once_however_many_facts_cite_it() {
    let (_dir, store) = sample_store();
    let prefix = "PREFIX cadre: <https://w3id.org/cadre/ontology#>\n";
    let texts = count(
        &store,
        &format!(
            "{prefix}SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s cadre:sentenceText ?t }} }}"
        ),
    );
    let distinct = count(
        &store,
        &format!("{prefix}SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ GRAPH ?g {{ ?s cadre:sentenceText ?t }} }}"),
    );
    let evidence = count(
        &store,
        &format!(
            "{prefix}SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?e cadre:inSentence ?s }} }}"
        ),
    );
    // Sentences cited by two facts or more, and the evidence nodes citing them.
    let shared = query_csv(
        &store,
        &[&format!(
            "{prefix}SELECT (COUNT(*) AS ?sentences) (SUM(?n) AS ?spans) WHERE {{
               SELECT ?s (COUNT(?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e cadre:inSentence ?s }} }}
               GROUP BY ?s HAVING (COUNT(?e) >= 2) }}"
        )],
    );
    assert_eq!((texts, distinct, evidence), (106, 106, 302));
    assert_eq!(shared[1], ["58", "254"]);
}

#[test]
fn store_uses_only_terms_declared_in_the_ontology() {
    let (_dir, store) = sample_store();
    let ontology = std::fs::read_to_string(root().join("ontology/cadre.ttl")).unwrap();
    let parsed = oxigraph::store::Store::new().unwrap();
    parsed
        .load_from_reader(oxigraph::io::RdfFormat::Turtle, ontology.as_bytes())
        .expect("ontology parses");
    let declared: std::collections::HashSet<String> = parsed
        .iter()
        .map(|q| q.unwrap())
        .filter(|q| q.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_string())
        .collect();
    let used = query_csv(
        &store,
        &["SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } } ORDER BY ?t"],
    );
    let cadre_terms: Vec<&String> = used[1..]
        .iter()
        .map(|r| &r[0])
        .filter(|t| t.starts_with("https://w3id.org/cadre/ontology#"))
        .collect();
    assert!(
        cadre_terms.len() > 40,
        "expected many ontology terms, got {}",
        cadre_terms.len()
    );
    let undeclared: Vec<_> = cadre_terms
        .iter()
        .filter(|t| !declared.contains(**t))
        .collect();
    assert!(
        undeclared.is_empty(),
        "used but not declared in ontology/cadre.ttl: {undeclared:?}"
    );
}

#[test]
fn saved_query_person_posts_gives_posts_with_sources() {
    let (_dir, store) = sample_store();
    let rows = saved(&store, "person-posts", &["name=Phạm Quang Thịnh"]);
    assert_eq!(
        rows[0],
        ["person", "post", "attested", "former", "article", "sentence", "node"]
    );
    let has = |post: &str, article: &str| rows.iter().any(|r| r[1] == post && r[4] == article);
    assert!(
        has("Bí thư Huyện ủy Thanh Trì", "01-thanh-tri-hoi-nghi-8"),
        "{rows:?}"
    );
    assert!(
        has("Bí thư Huyện ủy Thanh Trì", "02-thanh-tri-hoi-nghi-xii"),
        "{rows:?}"
    );
    assert!(
        has(
            "Ủy viên Ban Chấp hành Thành ủy Hà Nội",
            "01-thanh-tri-hoi-nghi-8"
        ),
        "{rows:?}"
    );
    assert!(
        rows[1..].iter().all(|r| r[5].contains("Phạm Quang Thịnh")),
        "each row cites a sentence naming him"
    );
}

#[test]
fn saved_query_post_holders_lists_secretaries_of_a_place() {
    let (_dir, store) = sample_store();
    let rows = saved(&store, "post-holders", &["role=Bí thư", "place=Thanh Trì"]);
    let mut people: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    people.sort();
    people.dedup();
    assert_eq!(people, ["Phạm Quang Thịnh", "Đỗ Thị Minh Hằng"]);
}

#[test]
fn saved_query_meeting_chairs_names_the_chairs() {
    let (_dir, store) = sample_store();
    let rows = saved(&store, "meeting-chairs", &["place=Hà Nội"]);
    let plenum = rows
        .iter()
        .find(|r| r[1] == "Hội nghị Ban Chấp hành lần thứ 8 — Đảng bộ Thanh Trì")
        .unwrap_or_else(|| panic!("plenum 8 of Thanh Trì missing: {rows:?}"));
    assert_eq!(plenum[0], "2021-12-21");
    for chair in ["Phạm Quang Thịnh", "Đỗ Thị Minh Hằng", "Lưu Đức Thành"] {
        assert!(
            plenum[3].contains(chair),
            "{chair} not among chairs {}",
            plenum[3]
        );
    }
}

#[test]
fn parameters_cannot_change_the_query() {
    let (_dir, store) = sample_store();
    let rows = saved(
        &store,
        "person-posts",
        &["name=x\")) } UNION { ?s ?p ?o } #"],
    );
    assert_eq!(
        rows.len(),
        1,
        "an injected name must match nothing: {rows:?}"
    );
}

#[test]
fn person_prints_a_career_with_sources_and_lists_ambiguous_names() {
    let (_dir, store) = sample_store();
    let out = ok(&["person", "--store", s(&store), "phạm quang thịnh"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Phạm Quang Thịnh");
    let secretary = lines
        .iter()
        .find(|l| l.contains("Bí thư Huyện ủy Thanh Trì"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(secretary.contains("2021-12-22 → 2022-12-16"), "{secretary}");
    assert!(secretary.contains("(later: nguyên)"), "{secretary}");
    assert!(secretary.contains("01-thanh-tri-hoi-nghi-8"), "{secretary}");
    let deputy = lines
        .iter()
        .position(|l| l.contains("Phó Bí thư Tỉnh ủy Quảng Ninh"))
        .unwrap();
    let first = lines
        .iter()
        .position(|l| l.contains("Bí thư Huyện ủy Thanh Trì"))
        .unwrap();
    assert!(first < deputy, "one post per line in time order:\n{out}");

    let ambiguous = cadre(&["person", "--store", s(&store), "Văn"]);
    assert_eq!(ambiguous.status.code(), Some(2));
    let text = String::from_utf8_lossy(&ambiguous.stdout);
    assert!(
        text.contains("people match") && text.contains("Trịnh Văn Khải"),
        "{text}"
    );
}

#[test]
fn dump_is_identical_whatever_the_order_and_batches() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(sample())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let target = if i % 2 == 0 { &a } else { &b };
        std::fs::copy(f, target.join(f.file_name().unwrap())).unwrap();
    }
    let dump = |name: &str, runs: &[&[&std::path::Path]]| -> String {
        let store = dir.path().join(name);
        for paths in runs {
            let mut args = vec!["ingest", "--store", s(&store)];
            args.extend(paths.iter().map(|p| s(p)));
            ok(&args);
        }
        dump_nquads(&store, &dir.path().join(format!("{name}.nq")), &[])
    };
    let ab = dump("ab", &[&[&a], &[&b]]);
    let ba = dump("ba", &[&[&b], &[&a]]);
    let both = dump("both", &[&[&a, &b]]);
    assert!(!ab.is_empty());
    assert!(ab == ba, "A then B differs from B then A");
    assert!(ab == both, "two runs differ from one");
    // Sharded extraction, merged, equals the store's dump.
    let shard = |p: &std::path::Path| ok(&["extract", "--format", "nquads", s(p)]);
    let mut lines: Vec<String> = shard(&a)
        .lines()
        .chain(shard(&b).lines())
        .map(|l| format!("{l}\n"))
        .collect();
    lines.sort();
    lines.dedup();
    assert!(
        lines.concat() == both,
        "two extract shards differ from one ingest"
    );
}

#[test]
fn saved_queries_for_colleagues_posts_transfers_documents_terms_and_meetings() {
    let (_dir, store) = sample_store();
    let co = saved(&store, "co-chairs", &["name=Phạm Quang Thịnh"]);
    let hang = co
        .iter()
        .find(|r| r[0] == "Đỗ Thị Minh Hằng")
        .expect("co-chair");
    assert_eq!(hang[1], "2");

    let concurrent = saved(&store, "concurrent-posts", &["place=Hà Nội"]);
    assert!(
        concurrent
            .iter()
            .any(|r| r[0] == "Lưu Đức Thành" && r[1] == "01-thanh-tri-hoi-nghi-8" && r[2] == "2"),
        "{concurrent:?}"
    );

    let transfers = saved(&store, "transfers", &["place=Quảng Ninh"]);
    let thinh = transfers
        .iter()
        .find(|r| r[0] == "Phạm Quang Thịnh")
        .expect("transfer");
    assert_eq!(thinh[1], "2", "Hà Nội and Quảng Ninh");

    let docs = saved(
        &store,
        "body-documents",
        &["body=Quận ủy Ninh Kiều", "year=2022"],
    );
    assert_eq!(docs[1][0], "09-NQ/QU");
    assert_eq!(docs[1][2], "2022-03-17");

    let terms = saved(&store, "body-terms", &["body=Đảng bộ Thanh Trì"]);
    assert!(
        terms
            .iter()
            .any(|r| r[0] == "XXIV" && r[1] == "2020" && r[2] == "2025"),
        "{terms:?}"
    );

    let meetings = saved(&store, "meetings-per-year", &["place=nghệ an"]);
    assert!(
        meetings.iter().any(|r| r[0] == "HĐND Nghệ An"
            && r[1] == "2022"
            && r[2] == "Kỳ họp HĐND"
            && r[3] == "1"),
        "{meetings:?}"
    );
}

#[test]
fn saved_queries_for_claim_evidence_and_higher_officials() {
    let (_dir, store) = sample_store();
    let ev = saved(
        &store,
        "claim-evidence",
        &["name=Phạm Quang Thịnh", "post=Bí thư Huyện ủy Thanh Trì"],
    );
    assert_eq!(
        ev[0],
        ["article", "published", "start", "end", "sentence", "node"]
    );
    assert_eq!(ev[1][0], "01-thanh-tri-hoi-nghi-8");
    let text = std::fs::read_to_string(sample().join("01-thanh-tri-hoi-nghi-8.txt")).unwrap();
    let (start, end): (usize, usize) = (ev[1][2].parse().unwrap(), ev[1][3].parse().unwrap());
    let span: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(
        span, "Bí thư Huyện ủy",
        "offsets point at the post in the article text"
    );
    assert!(ev[1][4].contains("Phạm Quang Thịnh"));

    let higher = saved(&store, "higher-officials", &["place=Nghệ An"]);
    assert!(
        higher.iter().any(|r| r[0].contains("Đảng bộ Nghi Lộc")
            && r[2] == "Trương Công Đạt"
            && r[3] == "Phó Bí thư Thường trực Tỉnh ủy Nghệ An"),
        "{higher:?}"
    );
}

#[test]
fn successions_link_holdings_with_replaces() {
    let (_dir, store) = sample_store();
    let rows = saved(&store, "successions", &["place=Thanh Trì"]);
    assert!(
        rows.iter().any(|r| r[0] == "Bí thư Huyện ủy Thanh Trì"
            && r[1] == "Phạm Quang Thịnh"
            && r[2] == "Đỗ Thị Minh Hằng"
            && r[4] == "11-quang-ninh-pho-bi-thu"),
        "{rows:?}"
    );
    let inverse = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT (COUNT(*) AS ?n) WHERE { ?a cadre:replaces ?b . FILTER NOT EXISTS { ?b cadre:replacedBy ?a } }"],
    );
    assert_eq!(inverse[1][0], "0", "every replaces has its replacedBy");
}

#[test]
fn explain_lists_the_mentions_of_a_node_and_the_rule_that_merged_them() {
    let (_dir, store) = sample_store();
    // The name has a node in Hà Nội and one in Quảng Ninh: explain lists them.
    let both = cadre(&["explain", "--store", s(&store), "Phạm Quang Thịnh"]);
    assert_eq!(both.status.code(), Some(2));
    let listed = String::from_utf8_lossy(&both.stdout);
    assert!(
        listed.contains("id/person/pham-quang-thinh/n01")
            && listed.contains("id/person/pham-quang-thinh/n22"),
        "{listed}"
    );
    let out = ok(&[
        "explain",
        "--store",
        s(&store),
        "id/person/pham-quang-thinh/n01",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "https://w3id.org/cadre/id/person/pham-quang-thinh/n01"
    );
    assert_eq!(
        lines[1],
        "  kind: person (one node per same normalised name + same province of posts)"
    );
    for article in [
        "01-thanh-tri-hoi-nghi-8",
        "02-thanh-tri-hoi-nghi-xii",
        "11-quang-ninh-pho-bi-thu",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("  - {article} ("))
                    && l.contains(
                        "as \"Phạm Quang Thịnh\": same normalised name + same province of posts"
                    )),
            "{article}:\n{out}"
        );
    }
    // Article 11 moves him from Hà Nội to Quảng Ninh: it links the two nodes.
    let linked = lines
        .iter()
        .position(|l| {
            l.starts_with("  linked to other nodes of the same person (linked in the text")
        })
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        lines[linked + 1].contains("id/person/pham-quang-thinh/n22 in 11-quang-ninh-pho-bi-thu"),
        "{out}"
    );
    // Offsets point at the name in the article text.
    let first = lines.iter().find(|l| l.starts_with("  - 01-")).unwrap();
    let span = first
        .split("characters ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .unwrap();
    let (start, end) = span.split_once('–').unwrap();
    let text = std::fs::read_to_string(sample().join("01-thanh-tri-hoi-nghi-8.txt")).unwrap();
    let name: String = text
        .chars()
        .skip(start.parse().unwrap())
        .take(end.parse::<usize>().unwrap() - start.parse::<usize>().unwrap())
        .collect();
    assert_eq!(name, "Phạm Quang Thịnh");

    let doc = ok(&[
        "explain",
        "--store",
        s(&store),
        "id/document/09-nq-qu/quan-uy/l916",
    ]);
    assert!(
        doc.contains("kind: document (one node per same document number + issuer)")
            && doc.contains("10-ninh-kieu-hoi-nghi-14"),
        "{doc}"
    );
    // A body's mentions include those of the holdings of its posts (through the
    // post: a holding does not name its body itself).
    let body = ok(&["explain", "--store", s(&store), "id/body/huyen-uy/l020"]);
    assert!(
        body.contains("same organisation + place code")
            && body.contains("  20 mentions in 4 articles:")
            && body.contains(
                "via https://w3id.org/cadre/id/holding/pham-quang-thinh/n01/bi-thu/huyen-uy/l020"
            ),
        "{body}"
    );
    let missing = cadre(&["explain", "--store", s(&store), "id/person/nobody"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn the_2025_reform_links_old_bodies_and_places_to_their_successors() {
    let (_dir, store) = sample_store();
    let rows = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           SELECT DISTINCT ?old ?kind ?date ?new ?newLabel WHERE {
             ?old cadre:changedIn ?e .
             ?e a cadre:ChangeEvent ; cadre:changeKind ?kind ; cadre:changeDate ?date ; cadre:changeFrom ?old .
             OPTIONAL { ?old cadre:succeededBy ?new . ?e cadre:changeTo ?new . ?new rdfs:label ?newLabel }
           } ORDER BY ?old ?new"],
    );
    let find = |old: &str| -> Vec<&Vec<String>> {
        rows.iter()
            .filter(|r| r[0] == format!("https://w3id.org/cadre/id/{old}"))
            .collect()
    };
    // Hải Phòng merged with Hải Dương: the city committee has a successor, a node of
    // its own.
    let hp = find("body/thanh-uy/l31");
    assert_eq!(hp.len(), 1, "{rows:?}");
    assert_eq!(
        hp[0][1..],
        [
            "merger",
            "2025-07-01",
            "https://w3id.org/cadre/id/body/thanh-uy/n31",
            "Thành ủy Hải Phòng"
        ]
    );
    assert_eq!(
        find("place/l31")[0][3],
        "https://w3id.org/cadre/id/place/n31"
    );
    // The district level was abolished: Thanh Trì's committee ends without successor.
    let tt = find("body/huyen-uy/l020");
    assert_eq!(
        (tt.len(), tt[0][1].as_str(), tt[0][3].as_str()),
        (1, "dissolution", "")
    );
    assert_eq!(find("place/l01")[0][1], "continuation");
    // Reformed units (article 12 is from after the reform) have no change event.
    let reformed = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT (COUNT(*) AS ?n) WHERE { ?x cadre:changedIn ?e . FILTER (REGEX(STR(?x), \"/n[0-9]+$\")) }"],
    );
    assert_eq!(reformed[1][0], "0");
}

/// Invented articles: two officials named Nguyễn Văn Hùng in two provinces, a third
/// with a national post only, and Trần Thị Lan, moved from Nghệ An to Hà Tĩnh.
const HOMONYMS: [(&str, &str); 6] = [
    (
        "a-nghe-an",
        "Nghệ An: Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20\n(08:15 10/03/2024)\n\nNgày 10/3/2024, Tỉnh ủy Nghệ An tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20. Đồng chí Nguyễn Văn Hùng, Phó Bí thư Tỉnh ủy Nghệ An chủ trì hội nghị.\n",
    ),
    (
        "b-vu-thu",
        "Vũ Thư tổng kết công tác xây dựng Đảng\n(16:20 15/04/2024)\n\nNgày 15/4/2024, Huyện ủy Vũ Thư (Thái Bình) tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 15. Đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy Vũ Thư chủ trì hội nghị.\n",
    ),
    (
        "c-hoi-thao",
        "Hội thảo về công tác cán bộ\n(10:05 20/05/2024)\n\nNgày 20/5/2024, tại Hà Nội, đồng chí Nguyễn Văn Hùng, Ủy viên Ban Chấp hành Trung ương Đảng phát biểu tại hội thảo.\n",
    ),
    (
        "d-lan-nghe-an",
        "Nghệ An: Hội nghị Tỉnh ủy lần thứ 18\n(09:00 08/01/2024)\n\nNgày 8/1/2024, đồng chí Trần Thị Lan, Phó Bí thư Tỉnh ủy Nghệ An dự Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An lần thứ 18.\n",
    ),
    (
        "e-lan-dieu-dong",
        "Điều động cán bộ\n(17:45 02/06/2024)\n\nNgày 2/6/2024, Tỉnh ủy Hà Tĩnh tổ chức hội nghị công bố quyết định của Ban Bí thư điều động đồng chí Trần Thị Lan, Phó Bí thư Tỉnh ủy Nghệ An, giữ chức Phó Bí thư Tỉnh ủy Hà Tĩnh.\n",
    ),
    (
        "f-lan-ha-tinh",
        "Hà Tĩnh: Hội nghị Tỉnh ủy lần thứ 21\n(11:30 05/09/2024)\n\nNgày 5/9/2024, Tỉnh ủy Hà Tĩnh tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 21. Đồng chí Trần Thị Lan, Phó Bí thư Tỉnh ủy Hà Tĩnh chủ trì hội nghị.\n",
    ),
];

fn homonym_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    for (id, text) in HOMONYMS {
        std::fs::write(texts.join(format!("{id}.txt")), text).unwrap();
    }
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), s(&texts)]);
    (dir, store)
}

const ID: &str = "https://w3id.org/cadre/id/";

#[test]
fn homonyms_of_two_provinces_are_two_nodes_and_a_national_post_a_third() {
    let (_dir, store) = homonym_store();
    let nodes = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT DISTINCT ?p WHERE { ?p cadre:key \"nguyễn văn hùng\" } ORDER BY ?p"],
    );
    let nodes: Vec<&str> = nodes[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        nodes,
        [
            format!("{ID}person/nguyen-van-hung"),
            format!("{ID}person/nguyen-van-hung/n33"),
            format!("{ID}person/nguyen-van-hung/n40"),
        ],
        "Vũ Thư (Thái Bình, now Hưng Yên), Nghệ An and the unanchored mention"
    );
    let links = count(
        &store,
        "PREFIX cadre: <https://w3id.org/cadre/ontology#>
         SELECT (COUNT(*) AS ?n) WHERE { ?a cadre:sameAsPerson ?b . ?a cadre:key \"nguyễn văn hùng\" }",
    );
    assert_eq!(links, 0, "no text links the three");
    let chairs = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT ?p WHERE { GRAPH <https://w3id.org/cadre/id/article/a-nghe-an> { ?m cadre:chairedBy ?p } }"],
    );
    assert_eq!(
        chairs[1][0],
        format!("{ID}person/nguyen-van-hung/n40"),
        "the chair is the article's node"
    );

    // `cadre person` lists the three, then shows the one picked.
    let listed = cadre(&["person", "--store", s(&store), "Nguyễn Văn Hùng"]);
    assert_eq!(listed.status.code(), Some(2));
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.starts_with("3 people are named \"Nguyễn Văn Hùng\""),
        "{text}"
    );
    for line in [
        "  id/person/nguyen-van-hung  no province  (1 posts)",
        "  id/person/nguyen-van-hung/n40  Nghệ An  (1 posts)",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
    }
    let picked = ok(&[
        "person",
        "--store",
        s(&store),
        "Nguyễn Văn Hùng",
        "--province",
        "nghệ an",
    ]);
    assert!(picked.contains("Phó Bí thư Tỉnh ủy Nghệ An"), "{picked}");
    assert!(!picked.contains("Vũ Thư"), "{picked}");
    let national = ok(&["person", "--store", s(&store), "id/person/nguyen-van-hung"]);
    assert!(
        national.contains("Ủy viên Ban Chấp hành Trung ương") && !national.contains("Nghệ An"),
        "{national}"
    );
}

#[test]
fn a_transfer_links_the_nodes_of_two_provinces_into_one_career() {
    let (_dir, store) = homonym_store();
    let links = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a cadre:sameAsPerson ?b } } ORDER BY ?a"],
    );
    assert_eq!(
        links[1..],
        [
            vec![
                format!("{ID}article/e-lan-dieu-dong"),
                format!("{ID}person/tran-thi-lan/n40"),
                format!("{ID}person/tran-thi-lan/n42"),
            ],
            vec![
                format!("{ID}article/e-lan-dieu-dong"),
                format!("{ID}person/tran-thi-lan/n42"),
                format!("{ID}person/tran-thi-lan/n40"),
            ],
        ],
        "the transfer article states the link, both ways"
    );

    let career = saved(&store, "career", &["name=Trần Thị Lan"]);
    let by_node: Vec<(&str, &str)> = career[1..]
        .iter()
        .map(|r| (r[1].as_str(), r[6].as_str()))
        .collect();
    assert_eq!(
        by_node,
        [
            (
                "Phó Bí thư Tỉnh ủy Nghệ An",
                "https://w3id.org/cadre/id/person/tran-thi-lan/n40"
            ),
            (
                "Phó Bí thư Tỉnh ủy Hà Tĩnh",
                "https://w3id.org/cadre/id/person/tran-thi-lan/n42"
            ),
        ],
        "the saved query gives each node's posts"
    );
    let timeline = ok(&["person", "--store", s(&store), "Trần Thị Lan"]);
    assert!(
        timeline
            .contains("id/person/tran-thi-lan/n40 = id/person/tran-thi-lan/n42 (Nghệ An, Hà Tĩnh)")
            && timeline.contains("2024-01-08 → 2024-06-02   Phó Bí thư Tỉnh ủy Nghệ An")
            && timeline.contains("2024-06-02 → 2024-09-05   Phó Bí thư Tỉnh ủy Hà Tĩnh"),
        "{timeline}"
    );

    let transfers = saved(&store, "transfers", &["place=Hà Tĩnh"]);
    assert_eq!(transfers.len(), 2, "{transfers:?}");
    assert_eq!(transfers[1][0], "Trần Thị Lan");
    assert_eq!(transfers[1][1], "2");
    let from = saved(&store, "transfers", &["place=Nghệ An"]);
    assert!(
        from[1..].iter().all(|r| r[0] != "Nguyễn Văn Hùng"),
        "homonyms of other provinces are no transfer: {from:?}"
    );

    let explained = ok(&[
        "explain",
        "--store",
        s(&store),
        "id/person/tran-thi-lan/n42",
    ]);
    assert!(
        explained
            .contains("  - https://w3id.org/cadre/id/person/tran-thi-lan/n40 in e-lan-dieu-dong"),
        "{explained}"
    );
}

/// Invented articles: two officials named Nguyễn Văn Hùng in two provinces, each
/// co-chairing with a namesake Lê Thị Mai of their own province.
const CO_CHAIR_HOMONYMS: [(&str, &str); 2] = [
    (
        "g-nghe-an",
        "Nghệ An: Hội nghị Tỉnh ủy lần thứ 22\n(08:15 10/10/2024)\n\nNgày 10/10/2024, Tỉnh ủy Nghệ An tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 22. Đồng chí Nguyễn Văn Hùng, Phó Bí thư Tỉnh ủy Nghệ An và đồng chí Lê Thị Mai, Phó Bí thư Tỉnh ủy Nghệ An chủ trì hội nghị.\n",
    ),
    (
        "h-vu-thu",
        "Vũ Thư: Hội nghị Huyện ủy lần thứ 16\n(16:20 15/11/2024)\n\nNgày 15/11/2024, Huyện ủy Vũ Thư (Thái Bình) tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 16. Đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy Vũ Thư và đồng chí Lê Thị Mai, Phó Bí thư Huyện ủy Vũ Thư chủ trì hội nghị.\n",
    ),
];

#[test]
fn co_chairs_keep_namesakes_of_two_provinces_apart() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    for (id, text) in CO_CHAIR_HOMONYMS {
        std::fs::write(texts.join(format!("{id}.txt")), text).unwrap();
    }
    let store = dir.path().join("store");
    ok(&["ingest", "--store", s(&store), s(&texts)]);
    let rows = saved(&store, "co-chairs", &["name=Nguyễn Văn Hùng"]);
    assert_eq!(
        rows[0],
        ["colleague", "meetings", "which", "node", "colleague_node"]
    );
    let pairs: Vec<(&str, &str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[3].as_str(), r[4].as_str()))
        .collect();
    let n33 = (
        format!("{ID}person/nguyen-van-hung/n33"),
        format!("{ID}person/le-thi-mai/n33"),
    );
    let n40 = (
        format!("{ID}person/nguyen-van-hung/n40"),
        format!("{ID}person/le-thi-mai/n40"),
    );
    assert_eq!(
        pairs,
        [
            ("Lê Thị Mai", "1", n33.0.as_str(), n33.1.as_str()),
            ("Lê Thị Mai", "1", n40.0.as_str(), n40.1.as_str()),
        ],
        "one meeting per pair of the same province, never two for one name"
    );
}

#[test]
fn person_shows_a_year_precision_date_and_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    // No stamp, no URL, no full date: only the congress's term dates the article.
    std::fs::write(
        input.join("yen-thanh-dai-hoi.txt"),
        "Đại hội Đảng bộ huyện Yên Thành thành công tốt đẹp\n\n\
         Đại hội đại biểu Đảng bộ huyện Yên Thành lần thứ XXIX, nhiệm kỳ 2020 - 2025 đã bầu \
         đồng chí Lê Văn Sáu giữ chức Bí thư Huyện ủy Yên Thành.\n",
    )
    .unwrap();
    let store = dir.path().join("db");
    ok(&["ingest", "--store", s(&store), s(&input)]);
    let dated = query_csv(
        &store,
        &["PREFIX cadre: <https://w3id.org/cadre/ontology#>
           SELECT ?d (DATATYPE(?d) AS ?type) ?source WHERE { GRAPH ?g {
             ?g cadre:articleDate ?d ; cadre:dateSource ?source .
             ?h cadre:holder ?p } }"],
    );
    assert_eq!(
        dated[1],
        ["2020", "http://www.w3.org/2001/XMLSchema#gYear", "term"],
        "{dated:?}"
    );
    let out = ok(&["person", "--store", s(&store), "Lê Văn Sáu"]);
    let line = out
        .lines()
        .find(|l| l.contains("Bí thư Huyện ủy Yên Thành"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.trim_start().starts_with("2020 (term) "), "{out}");
    assert!(
        out.contains("(term) the year of the terms it names"),
        "{out}"
    );
}

/// A query that never yields a solution before it ends: a four-way cross join of
/// every quad, counted. Oxigraph checks its cancellation only between solutions.
const RUNAWAY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

/// The sample store (about 10k quads) stands in for the 2k-article store: the
/// cross join above outlasts any timeout on either, and the sample builds in a second.
#[test]
fn a_runaway_query_stops_at_its_timeout_with_its_exit_code() {
    let (_dir, store) = sample_store();
    let started = std::time::Instant::now();
    let out = cadre(&["query", "--store", s(&store), "--timeout", "2", RUNAWAY]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(3), "exit code 3 for a timeout");
    assert!(
        took < std::time::Duration::from_secs(3),
        "returned after {took:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("query cancelled after 2s"), "{err}");
}

#[test]
fn a_store_of_an_older_format_says_to_ingest_again() {
    let (_dir, store) = sample_store();
    assert_eq!(
        std::fs::read_to_string(store.join("cadre-format")).unwrap(),
        "9\n",
        "a new store records its format"
    );
    for (version, made_by) in [
        (None, "an older cadre"),
        (Some("1\n"), "an older cadre"),
        (Some("8\n"), "an older cadre"),
        (Some("99\n"), "a newer cadre"),
    ] {
        match version {
            Some(v) => std::fs::write(store.join("cadre-format"), v).unwrap(),
            None => std::fs::remove_file(store.join("cadre-format")).unwrap(),
        }
        for args in [
            vec![
                "query",
                "--store",
                s(&store),
                "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            ],
            vec!["ingest", "--store", s(&store), s(&sample())],
        ] {
            let out = cadre(&args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(made_by) && err.contains("ingest the articles again into a new store"),
                "{args:?}: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}
