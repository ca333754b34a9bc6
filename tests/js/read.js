// Reads a cadre export with Gephi Lite's parsers and prints a JSON summary:
// node and edge counts, the attribute names of nodes and edges, and the attributes
// of the nodes labelled argv[4] (if given).
// Usage: node read.js gexf|graphml FILE [LABEL]
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const [format, file, label] = process.argv.slice(2);
const parser = { gexf: require("graphology-gexf"), graphml: require("graphology-graphml") }[format];
if (!parser) {
  console.error(`unknown format ${format}`);
  process.exit(2);
}
const graph = parser.parse(Graph, fs.readFileSync(file, "utf8"));
const nodeNames = new Set();
const named = [];
graph.forEachNode((_, attrs) => {
  Object.keys(attrs).forEach((k) => nodeNames.add(k));
  if (label !== undefined && attrs.label === label) named.push(attrs);
});
const edgeNames = new Set();
graph.forEachEdge((_, attrs) => Object.keys(attrs).forEach((k) => edgeNames.add(k)));
console.log(
  JSON.stringify({
    nodes: graph.order,
    edges: graph.size,
    node_attributes: [...nodeNames].sort(),
    edge_attributes: [...edgeNames].sort(),
    named,
  })
);
