//! Writers, streaming to any `Write`: GraphML with typed keys, GEXF 1.3 with time
//! spells for Gephi's timeline, and Gephi's spreadsheet CSV (nodes and edges).

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use cadre_text::spreadsheet_text;
use petgraph::visit::EdgeRef;

use crate::project::{Node, Projected};
use crate::GraphError;

/// Node attributes written besides label and type, in this order.
const NODE_ATTRIBUTES: [&str; 3] = ["kind", "code", "date"];

/// Escapes text for XML content and attribute values (drops characters XML forbids).
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The measures of a node as (name, GraphML/GEXF type, value).
fn metric_values(n: &Node) -> [(&'static str, &'static str, String); 6] {
    let m = &n.metrics;
    [
        ("degree", "int", m.degree.to_string()),
        ("weighted_degree", "double", m.weighted_degree.to_string()),
        ("betweenness", "double", m.betweenness.to_string()),
        ("pagerank", "double", m.pagerank.to_string()),
        ("component", "int", m.component.to_string()),
        ("community", "int", m.community.to_string()),
    ]
}

/// Writes GraphML: every `<key>` declares `for`, `attr.name` and `attr.type`, which
/// Gephi needs to keep the attribute; node ids are entity IRIs.
pub fn write_graphml(p: &Projected, mut out: impl Write) -> Result<(), GraphError> {
    let graph = &p.graph;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let node_keys = ["label", "type", "kind", "code", "date", "start", "end"];
    for k in node_keys {
        writeln!(
            out,
            r#"  <key id="{k}" for="node" attr.name="{k}" attr.type="string"/>"#
        )?;
    }
    if let Some(first) = graph.node_weights().next() {
        for (k, ty, _) in metric_values(first) {
            writeln!(
                out,
                r#"  <key id="{k}" for="node" attr.name="{k}" attr.type="{ty}"/>"#
            )?;
        }
    }
    writeln!(
        out,
        r#"  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="estart" for="edge" attr.name="start" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="eend" for="edge" attr.name="end" attr.type="string"/>"#
    )?;
    let default = if p.directed { "directed" } else { "undirected" };
    writeln!(out, r#"  <graph id="cadre" edgedefault="{default}">"#)?;
    for node in graph.node_weights() {
        writeln!(out, r#"    <node id="{}">"#, xml_escape(&node.id))?;
        let data = |k: &str, v: &str| format!(r#"      <data key="{k}">{}</data>"#, xml_escape(v));
        writeln!(out, "{}", data("label", &node.label))?;
        writeln!(out, "{}", data("type", &node.node_type))?;
        for a in NODE_ATTRIBUTES {
            if let Some(v) = node.attributes.get(a) {
                writeln!(out, "{}", data(a, v))?;
            }
        }
        for (k, v) in [("start", &node.start), ("end", &node.end)] {
            if let Some(v) = v {
                writeln!(out, "{}", data(k, v))?;
            }
        }
        for (k, _, v) in metric_values(node) {
            writeln!(out, "{}", data(k, &v))?;
        }
        writeln!(out, "    </node>")?;
    }
    for (i, e) in graph.edge_references().enumerate() {
        let (s, t) = (&graph[e.source()].id, &graph[e.target()].id);
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            xml_escape(s),
            xml_escape(t)
        )?;
        let w = e.weight();
        writeln!(
            out,
            r#"      <data key="relation">{}</data>"#,
            xml_escape(&w.relation)
        )?;
        writeln!(
            out,
            r#"      <data key="elabel">{}</data>"#,
            xml_escape(&w.label)
        )?;
        writeln!(out, r#"      <data key="weight">{}</data>"#, w.weight)?;
        if let Some(d) = &w.start {
            writeln!(out, r#"      <data key="estart">{}</data>"#, xml_escape(d))?;
        }
        if let Some(d) = &w.end {
            writeln!(out, r#"      <data key="eend">{}</data>"#, xml_escape(d))?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// Edge attributes of the GEXF besides label and weight.
const EDGE_ATTRIBUTES: [&str; 3] = ["relation", "start", "end"];

/// A GEXF `<attribute>` declaration whose id is its name. Gephi shows the title;
/// Gephi Lite's reader (graphology-gexf) takes the title only when the id is numeric
/// and the id otherwise, so an id equal to the name shows the name in both.
fn gexf_attribute(name: &str, ty: &str) -> String {
    format!(r#"<attribute id="{name}" title="{name}" type="{ty}"/>"#)
}

/// Writes GEXF 1.3 in dynamic mode: nodes and edges carry `start`/`end` dates (their
/// first and last attestation), so Gephi's timeline replays careers; the same dates
/// are also `start` and `end` attributes, for readers without time (Gephi Lite).
pub fn write_gexf(p: &Projected, mut out: impl Write) -> Result<(), GraphError> {
    let graph = &p.graph;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(
        out,
        r#"  <meta><creator>cadre</creator><description>Vietnamese political news knowledge graph</description></meta>"#
    )?;
    let default = if p.directed { "directed" } else { "undirected" };
    writeln!(
        out,
        r#"  <graph mode="dynamic" defaultedgetype="{default}" timeformat="date">"#
    )?;
    writeln!(out, r#"    <attributes class="node" mode="static">"#)?;
    let mut node_attrs: Vec<(&str, &str)> = vec![
        ("type", "string"),
        ("kind", "string"),
        ("code", "string"),
        ("date", "string"),
        ("start", "string"),
        ("end", "string"),
    ];
    if let Some(first) = graph.node_weights().next() {
        node_attrs.extend(metric_values(first).iter().map(|(k, ty, _)| (*k, *ty)));
    }
    for (name, ty) in &node_attrs {
        let ty = if *ty == "int" { "integer" } else { ty };
        writeln!(out, "      {}", gexf_attribute(name, ty))?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge" mode="static">"#)?;
    for name in EDGE_ATTRIBUTES {
        writeln!(out, "      {}", gexf_attribute(name, "string"))?;
    }
    writeln!(out, "    </attributes>")?;
    let spell = |start: &Option<String>, end: &Option<String>| -> String {
        let mut s = String::new();
        if let Some(d) = start {
            s.push_str(&format!(r#" start="{}""#, xml_escape(d)));
        }
        if let Some(d) = end {
            s.push_str(&format!(r#" end="{}""#, xml_escape(d)));
        }
        s
    };
    writeln!(out, "    <nodes>")?;
    for node in graph.node_weights() {
        writeln!(
            out,
            r#"      <node id="{}" label="{}"{}>"#,
            xml_escape(&node.id),
            xml_escape(&node.label),
            spell(&node.start, &node.end)
        )?;
        writeln!(out, "        <attvalues>")?;
        let metrics = metric_values(node);
        for (name, _) in &node_attrs {
            let v = match *name {
                "type" => Some(node.node_type.clone()),
                "start" => node.start.clone(),
                "end" => node.end.clone(),
                other => node.attributes.get(other).cloned().or_else(|| {
                    metrics
                        .iter()
                        .find(|(k, _, _)| k == name)
                        .map(|(_, _, v)| v.clone())
                }),
            };
            if let Some(v) = v {
                writeln!(
                    out,
                    r#"          <attvalue for="{name}" value="{}"/>"#,
                    xml_escape(&v)
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, e) in graph.edge_references().enumerate() {
        let w = e.weight();
        writeln!(
            out,
            r#"      <edge id="e{i}" source="{}" target="{}" label="{}" weight="{}"{}>"#,
            xml_escape(&graph[e.source()].id),
            xml_escape(&graph[e.target()].id),
            xml_escape(&w.label),
            w.weight,
            spell(&w.start, &w.end)
        )?;
        writeln!(out, "        <attvalues>")?;
        for (name, v) in [
            ("relation", Some(&w.relation)),
            ("start", w.start.as_ref()),
            ("end", w.end.as_ref()),
        ] {
            if let Some(v) = v {
                writeln!(
                    out,
                    r#"          <attvalue for="{name}" value="{}"/>"#,
                    xml_escape(v)
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    Ok(())
}

/// Gephi's interval notation for a spreadsheet `timeset` column: `<[start, end]>`.
fn timeset(start: &Option<String>, end: &Option<String>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("<[{s}, {e}]>"),
        (Some(s), None) => format!("<[{s}, {s}]>"),
        (None, Some(e)) => format!("<[{e}, {e}]>"),
        (None, None) => String::new(),
    }
}

/// Writes `nodes.csv` (Id, Label, type, kind, code, date, timeset, measures) and
/// `edges.csv` (Source, Target, Type, Label, Weight, relation, timeset) into `dir`,
/// in Gephi's spreadsheet-import convention: `Type` is the edge direction, the
/// relation is an attribute. `bom` prepends a UTF-8 byte-order mark for spreadsheet
/// programs that need it to read Vietnamese. The text cells go through
/// [`spreadsheet_text`], so a label that starts like a formula (`=`, `+`, `-`, `@`)
/// opens as text (with a leading `'`, which Gephi shows too); the measures and
/// `Weight` are numbers and are written as they are, and ids (IRIs) and `timeset`
/// intervals never start so.
pub fn write_csv(p: &Projected, dir: &Path, bom: bool) -> Result<(), GraphError> {
    let graph = &p.graph;
    std::fs::create_dir_all(dir)?;
    let open = |name: &str| -> Result<csv::Writer<std::fs::File>, GraphError> {
        let mut file = std::fs::File::create(dir.join(name))?;
        if bom {
            file.write_all("\u{FEFF}".as_bytes())?;
        }
        Ok(csv::Writer::from_writer(file))
    };
    let mut nodes = open("nodes.csv")?;
    let mut header = vec!["Id", "Label", "type", "kind", "code", "date", "timeset"];
    let names = graph.node_weights().next().map(metric_values);
    header.extend(names.iter().flatten().map(|(name, _, _)| *name));
    nodes.write_record(&header)?;
    for n in graph.node_weights() {
        let attr = |k: &str| n.attributes.get(k).cloned().unwrap_or_default();
        let text = [
            n.id.clone(),
            n.label.clone(),
            n.node_type.clone(),
            attr("kind"),
            attr("code"),
            attr("date"),
            timeset(&n.start, &n.end),
        ];
        let measures = metric_values(n);
        let row: Vec<Cow<'_, str>> = text
            .iter()
            .map(|cell| spreadsheet_text(cell))
            .chain(measures.iter().map(|(_, _, v)| Cow::Borrowed(v.as_str())))
            .collect();
        nodes.write_record(row.iter().map(|c| c.as_bytes()))?;
    }
    nodes.flush()?;
    let mut edges = open("edges.csv")?;
    edges.write_record([
        "Source", "Target", "Type", "Label", "Weight", "relation", "timeset",
    ])?;
    let direction = if p.directed { "Directed" } else { "Undirected" };
    for e in graph.edge_references() {
        let w = e.weight();
        let weight = w.weight.to_string();
        let span = timeset(&w.start, &w.end);
        let row = [
            spreadsheet_text(&graph[e.source()].id),
            spreadsheet_text(&graph[e.target()].id),
            spreadsheet_text(direction),
            spreadsheet_text(&w.label),
            Cow::Borrowed(weight.as_str()),
            spreadsheet_text(&w.relation),
            spreadsheet_text(&span),
        ];
        edges.write_record(row.iter().map(|c| c.as_bytes()))?;
    }
    edges.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_vietnamese_and_escapes_markup() {
        assert_eq!(
            xml_escape("Bí thư <Huyện ủy> & \"x\""),
            "Bí thư &lt;Huyện ủy&gt; &amp; &quot;x&quot;"
        );
        assert_eq!(xml_escape("a\u{1}b"), "ab");
    }

    #[test]
    fn gephi_intervals() {
        let d = |s: &str| Some(s.to_string());
        assert_eq!(
            timeset(&d("2021-12-22"), &d("2022-12-16")),
            "<[2021-12-22, 2022-12-16]>"
        );
        assert_eq!(timeset(&None, &None), "");
    }
}
