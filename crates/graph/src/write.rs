//! Writers: GraphML with typed keys, and Gephi's spreadsheet CSV (nodes and edges).

use std::io::Write;
use std::path::Path;

use petgraph::visit::EdgeRef;

use crate::project::KgGraph;
use crate::GraphError;

/// Node attributes written besides label and type, in this order.
const NODE_ATTRIBUTES: [&str; 3] = ["kind", "code", "date"];

/// Escapes text for XML content and attribute values.
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

/// Writes GraphML: every `<key>` declares `for`, `attr.name` and `attr.type`, which
/// Gephi needs to keep the attribute; node ids are entity IRIs.
pub fn write_graphml(graph: &KgGraph, mut out: impl Write) -> Result<(), GraphError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(
        out,
        r#"  <key id="label" for="node" attr.name="label" attr.type="string"/>"#
    )?;
    writeln!(
        out,
        r#"  <key id="type" for="node" attr.name="type" attr.type="string"/>"#
    )?;
    for a in NODE_ATTRIBUTES {
        writeln!(
            out,
            r#"  <key id="{a}" for="node" attr.name="{a}" attr.type="string"/>"#
        )?;
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
    writeln!(out, r#"  <graph id="cadre" edgedefault="directed">"#)?;
    for node in graph.node_weights() {
        writeln!(out, r#"    <node id="{}">"#, xml_escape(&node.id))?;
        writeln!(
            out,
            r#"      <data key="label">{}</data>"#,
            xml_escape(&node.label)
        )?;
        writeln!(
            out,
            r#"      <data key="type">{}</data>"#,
            xml_escape(&node.node_type)
        )?;
        for a in NODE_ATTRIBUTES {
            if let Some(v) = node.attributes.get(a) {
                writeln!(out, r#"      <data key="{a}">{}</data>"#, xml_escape(v))?;
            }
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
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

/// Writes `nodes.csv` (Id, Label, type, kind, code, date) and `edges.csv` (Source,
/// Target, Type, Label, Weight, relation) into `dir`, in Gephi's spreadsheet-import
/// convention: `Type` is the edge direction ("Directed"), the relation is an attribute.
pub fn write_csv(graph: &KgGraph, dir: &Path) -> Result<(), GraphError> {
    std::fs::create_dir_all(dir)?;
    let mut nodes = csv::Writer::from_path(dir.join("nodes.csv"))?;
    nodes.write_record(["Id", "Label", "type", "kind", "code", "date"])?;
    for n in graph.node_weights() {
        let attr = |k: &str| n.attributes.get(k).map_or("", String::as_str);
        nodes.write_record([
            n.id.as_str(),
            n.label.as_str(),
            n.node_type.as_str(),
            attr("kind"),
            attr("code"),
            attr("date"),
        ])?;
    }
    nodes.flush()?;
    let mut edges = csv::Writer::from_path(dir.join("edges.csv"))?;
    edges.write_record(["Source", "Target", "Type", "Label", "Weight", "relation"])?;
    for e in graph.edge_references() {
        let w = e.weight();
        edges.write_record([
            graph[e.source()].id.as_str(),
            graph[e.target()].id.as_str(),
            "Directed",
            w.label.as_str(),
            &w.weight.to_string(),
            w.relation.as_str(),
        ])?;
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
}
