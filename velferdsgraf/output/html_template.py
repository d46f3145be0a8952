"""The page template of the offline network view (velferdsgraf.output.html fills it in).

Placeholders are ``{{NAME}}`` and are filled in one pass, so text put in is never scanned
again. The app script reads the graph from the JSON block and builds every piece of the
page with createElement/textContent: no string from a report ever reaches innerHTML.
The sidebar has room for what later issues add (search, filters, evidence sentences,
a collaboration toggle, community colours); nodes that carry x/y keep that position.
"""
from __future__ import annotations

__all__ = ["APP_CSS", "APP_JS", "PAGE"]

PAGE = """<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{CSP}}">
<meta name="generator" content="velferdsgraf">
<title>{{TITLE}}</title>
<style>{{VIS_CSS}}</style>
<style>{{APP_CSS}}</style>
</head>
<body>
<header id="vg-header">
  <h1>{{TITLE}}</h1>
  <span id="vg-counts"></span>
</header>
<main id="vg-main">
  <div id="vg-network" aria-label="network of entities"></div>
  <aside id="vg-side">
    <section>
      <h2>Types</h2>
      <ul id="vg-legend"></ul>
    </section>
    <section>
      <h2>Details</h2>
      <div id="vg-details"><p class="vg-hint">Click a node or an edge.</p></div>
    </section>
  </aside>
</main>
<noscript><p>This page needs JavaScript to draw the network.</p></noscript>
<script id="vg-data" type="application/json">{{DATA}}</script>
<script>{{VIS_JS}}</script>
<script>{{APP_JS}}</script>
</body>
</html>
"""

APP_CSS = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
#vg-header { display: flex; align-items: baseline; gap: 1em; padding: 0.4em 1em; border-bottom: 1px solid #ddd; }
#vg-header h1 { font-size: 1.2em; margin: 0; }
#vg-counts { color: #666; font-size: 0.9em; }
#vg-main { flex: 1; display: flex; min-height: 0; }
#vg-network { flex: 1; min-width: 0; }
#vg-side { width: 20em; overflow-y: auto; border-left: 1px solid #ddd; padding: 0 1em; font-size: 0.9em; }
#vg-side h2 { font-size: 1em; margin: 1em 0 0.4em; }
#vg-legend { list-style: none; padding: 0; margin: 0; }
#vg-legend li { display: flex; align-items: center; gap: 0.5em; margin: 0.2em 0; }
.vg-swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; }
.vg-hint { color: #666; }
.vg-field { margin: 0.2em 0; word-break: break-word; }
.vg-field b { font-weight: 600; }
.vg-links { padding-left: 1.2em; }
.vg-link { cursor: pointer; color: #1a5fb4; text-decoration: underline; background: none; border: 0;
  padding: 0; font: inherit; text-align: left; }
.vg-tip { max-width: 28em; white-space: normal; word-break: break-word; }
"""

APP_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vg-data").textContent);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function field(parent, name, value) {
    if (value === undefined || value === null || value === "") { return; }
    var row = el("div", "vg-field");
    row.appendChild(el("b", null, name + ": "));
    row.appendChild(document.createTextNode(String(value)));
    parent.appendChild(row);
  }
  function tooltip(title, fields) {
    var box = el("div", "vg-tip");
    box.appendChild(el("strong", null, title));
    fields.forEach(function (pair) { field(box, pair[0], pair[1]); });
    return box;
  }

  var byId = Object.create(null);
  var edgeById = Object.create(null);
  var links = Object.create(null);
  data.nodes.forEach(function (n) { byId[n.id] = n; links[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    links[e.from].push({ edge: e, other: e.to, outgoing: true });
    links[e.to].push({ edge: e, other: e.from, outgoing: false });
  });

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var item = {
      id: n.id,
      label: n.label,
      value: n.size,
      color: { background: n.color, border: n.color, highlight: { background: n.color, border: "#222" } },
      title: tooltip(n.label, [["Type", n.type], ["Roles", n.roles], ["Degree", n.degree], ["Reports", n.mentions]])
    };
    if (typeof n.x === "number" && typeof n.y === "number") { item.x = n.x; item.y = n.y; }
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {
      id: e.id,
      from: e.from,
      to: e.to,
      label: data.edgeLabels ? e.label : undefined,
      value: e.weight,
      title: tooltip(e.label, [["Roles", e.roles], ["Evidence sentences", e.evidence]])
    };
  }));

  var container = document.getElementById("vg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  document.getElementById("vg-counts").textContent =
    data.nodes.length + " nodes, " + data.edges.length + " edges";

  var legend = document.getElementById("vg-legend");
  data.types.forEach(function (t) {
    var item = el("li");
    var swatch = el("span", "vg-swatch");
    swatch.style.backgroundColor = t.color;
    item.appendChild(swatch);
    item.appendChild(el("span", null, t.name + " (" + t.count + ")"));
    legend.appendChild(item);
  });

  var details = document.getElementById("vg-details");
  function clear() { while (details.firstChild) { details.removeChild(details.firstChild); } }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: true });
    showNode(id);
  }
  function showNode(id) {
    var n = byId[id];
    clear();
    if (!n) { return; }
    details.appendChild(el("h3", null, n.label));
    field(details, "Type", n.type);
    field(details, "IRI", n.iri);
    field(details, "Roles", n.roles);
    field(details, "Degree", n.degree);
    field(details, "Reports", n.mentions);
    var list = el("ul", "vg-links");
    links[id].forEach(function (link) {
      var other = byId[link.other];
      var item = el("li");
      var text = link.outgoing ? link.edge.label + " \\u2192 " : "\\u2190 " + link.edge.label + " ";
      item.appendChild(document.createTextNode(text));
      var button = el("button", "vg-link", other ? other.label : link.other);
      button.type = "button";
      button.addEventListener("click", function () { focusNode(link.other); });
      item.appendChild(button);
      list.appendChild(item);
    });
    details.appendChild(list);
  }
  function showEdge(id) {
    var edge = edgeById[id];
    clear();
    if (!edge) { return; }
    details.appendChild(el("h3", null, edge.label));
    field(details, "From", byId[edge.from] ? byId[edge.from].label : edge.from);
    field(details, "To", byId[edge.to] ? byId[edge.to].label : edge.to);
    field(details, "Roles", edge.roles);
    field(details, "Evidence sentences", edge.evidence);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });
})();
"""
