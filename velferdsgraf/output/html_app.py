"""The script of the network page: draw, filter, search, colour, and show details with evidence.

It reads the JSON block written by view_data.py and builds the page with createElement and
textContent only (tests check that no HTML is ever parsed from data). vis-network shows
string tooltips with innerText, so they are plain text too. ``window.velferdsgraf`` exposes
the network and a few actions for the browser tests and the benchmark; ``ready`` turns true
(and ``<html data-vg-ready>`` is set) once the first frame after layout has been drawn.
"""
from __future__ import annotations

__all__ = ["APP_JS"]

APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vg-data").textContent);
  var api = { ready: false, readyAt: null };
  window.velferdsgraf = api;
  var SVG = "http://www.w3.org/2000/svg";
  var EVIDENCE_SHOWN = 40;

  function $(id) { return document.getElementById(id); }
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
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }
  function glyph(shape, colour, dashed) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    var item;
    var points = {
      square: "2,2 12,2 12,12 2,12", triangle: "7,1 13,12 1,12", triangleDown: "1,2 13,2 7,13",
      diamond: "7,0 14,7 7,14 0,7", hexagon: "4,1 10,1 13,7 10,13 4,13 1,7",
      star: "7,0 8.8,5 14,5 9.8,8.2 11.4,13.5 7,10.3 2.6,13.5 4.2,8.2 0,5 5.2,5"
    }[shape];
    if (shape === "line") {
      item = document.createElementNS(SVG, "line");
      item.setAttribute("x1", "0"); item.setAttribute("y1", "7");
      item.setAttribute("x2", "14"); item.setAttribute("y2", "7");
      item.setAttribute("stroke", colour); item.setAttribute("stroke-width", "2");
      if (dashed) { item.setAttribute("stroke-dasharray", "3,2"); }
    } else if (points) {
      item = document.createElementNS(SVG, "polygon");
      item.setAttribute("points", points);
      item.setAttribute("fill", colour);
    } else {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("cx", "7"); item.setAttribute("cy", "7"); item.setAttribute("r", "6");
      item.setAttribute("fill", colour);
    }
    svg.appendChild(item);
    return svg;
  }

  var byId = Object.create(null);
  var relationsOf = Object.create(null);
  var partnersOf = Object.create(null);
  var edgeById = Object.create(null);
  var communityColour = Object.create(null);
  data.communities.forEach(function (c) { communityColour[c.id] = c.color; });
  data.nodes.forEach(function (n) { byId[n.id] = n; relationsOf[n.id] = []; partnersOf[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    relationsOf[e.from].push({ edge: e, other: e.to, outgoing: true });
    relationsOf[e.to].push({ edge: e, other: e.from, outgoing: false });
  });
  data.collaborations.forEach(function (c) {
    edgeById[c.id] = c;
    partnersOf[c.from].push({ edge: c, other: c.to });
    partnersOf[c.to].push({ edge: c, other: c.from });
  });

  var colourBy = "type";
  function colourOf(n) {
    var colour = colourBy === "community" ? (communityColour[n.community] || "#999999") : n.color;
    return { background: colour, border: colour, highlight: { background: colour, border: "#222222" },
             hover: { background: colour, border: "#222222" } };
  }
  function tooltip(n) {
    var lines = [n.label, "Type: " + n.type];
    if (n.alt.length) { lines.push("Also: " + n.alt.join("; ")); }
    if (n.roles) { lines.push("Roles: " + n.roles); }
    lines.push("Relations: " + n.degree + ", community " + n.community);
    return lines.join("\n");
  }
  function visNode(n) {
    return { id: n.id, label: n.label, shape: n.shape, value: n.size, x: n.x, y: n.y,
             color: colourOf(n), title: tooltip(n) };
  }
  function visEdge(e) {
    var title = e.label + (e.roles ? " (" + e.roles + ")" : "") +
      (e.evidence.length ? "\n" + e.evidence.length + " evidence sentence(s)" : "");
    return { id: e.id, from: e.from, to: e.to, label: data.edgeLabels ? e.label : undefined,
             value: e.weight, title: title };
  }
  function visCollaboration(c) {
    return { id: c.id, from: c.from, to: c.to, value: c.weight, dashes: true, arrows: { to: { enabled: false } },
             color: { color: "#555555", opacity: 0.5 },
             label: data.edgeLabels && c.weight > 1 ? String(c.weight) : undefined,
             title: "works with (" + c.weight + " shared): " + c.contexts.join("; ") };
  }

  var visible = Object.create(null);
  data.nodes.forEach(function (n) { visible[n.id] = true; });
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var relationItems = data.edges.map(visEdge);
  var collaborationItems = data.collaborations.map(visCollaboration);
  var edges = new vis.DataSet(relationItems);
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return visible[item.id] === true; } });
  var edgeView = new vis.DataView(edges, {
    filter: function (item) { return visible[item.from] === true && visible[item.to] === true; }
  });
  var options = data.options;
  var network = new vis.Network($("vg-network"), { nodes: nodeView, edges: edgeView }, options);
  api.network = network;
  api.nodes = nodeView;
  api.edges = edgeView;

  var stable = !data.physics || data.nodes.length === 0;
  function markReady() {
    if (api.ready) { return; }
    api.ready = true;
    api.readyAt = performance.now();
    document.documentElement.setAttribute("data-vg-ready", "1");
  }
  network.once("stabilizationIterationsDone", function () {
    stable = true;
    network.setOptions({ physics: false });  // settle once, then keep still
  });
  network.on("afterDrawing", function () { if (stable) { markReady(); } });
  if (data.nodes.length === 0) { markReady(); }

  // counts and the notice for a view cut down to its most central nodes
  function updateCounts() {
    var shown = nodeView.length;
    var text = shown + (shown === data.nodes.length ? "" : " of " + data.nodes.length) + " nodes, " +
      data.edges.length + " relations, " + data.collaborations.length + " collaborations";
    $("vg-counts").textContent = text;
  }
  if (data.truncated) {
    var notice = $("vg-notice");
    notice.textContent = "Showing the " + data.truncated.shown + " most central of " + data.truncated.total +
      " entities (by number of relations, then betweenness). The GEXF and GraphML files hold the whole graph.";
    notice.hidden = false;
  }

  // filters: type (legend checkboxes), municipality, report
  var typeOn = Object.create(null);
  data.types.forEach(function (t) { typeOn[t.name] = true; });
  var municipalitySelect = $("vg-municipality");
  var reportSelect = $("vg-report");
  data.municipalities.forEach(function (m) {
    var option = el("option", null, m[1]);
    option.value = m[0];
    municipalitySelect.appendChild(option);
  });
  data.reports.forEach(function (r, index) {
    var option = el("option", null, r.title);
    option.value = String(index);
    reportSelect.appendChild(option);
  });
  function passes(n) {
    var municipality = municipalitySelect.value;
    var report = reportSelect.value;
    return typeOn[n.type] === true &&
      (municipality === "" || n.munis.indexOf(municipality) >= 0) &&
      (report === "" || n.reports.indexOf(Number(report)) >= 0);
  }
  function applyFilters() {
    data.nodes.forEach(function (n) { visible[n.id] = passes(n); });
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }
  function resetFilters() {
    municipalitySelect.value = "";
    reportSelect.value = "";
    Object.keys(typeOn).forEach(function (name) { typeOn[name] = true; });
    Array.prototype.forEach.call(document.querySelectorAll("#vg-legend input"), function (box) { box.checked = true; });
    applyFilters();
  }
  municipalitySelect.addEventListener("change", applyFilters);
  reportSelect.addEventListener("change", applyFilters);

  var legend = $("vg-legend");
  data.types.forEach(function (t) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { typeOn[t.name] = box.checked; applyFilters(); });
    label.appendChild(box);
    var mark = glyph(t.shape, t.color);
    mark.setAttribute("data-colour", t.color);
    label.appendChild(mark);
    label.appendChild(document.createTextNode(" " + t.name + " (" + t.count + ")"));
    item.appendChild(label);
    legend.appendChild(item);
  });
  var edgeLegend = $("vg-edge-legend");
  [["relation (width: evidence sentences)", false], ["collaboration (width: shared contexts)", true]].forEach(function (pair) {
    var item = el("li");
    item.appendChild(glyph("line", "#666666", pair[1]));
    item.appendChild(el("span", null, pair[0]));
    edgeLegend.appendChild(item);
  });
  var communityLegend = $("vg-community-legend");
  data.communities.slice(0, 12).forEach(function (c) {
    var item = el("li");
    item.appendChild(glyph("dot", c.color));
    item.appendChild(el("span", null, "community " + c.id + " (" + c.count + ")"));
    communityLegend.appendChild(item);
  });
  if (data.communities.length > 12) {
    communityLegend.appendChild(el("li", "vg-hint", (data.communities.length - 12) + " smaller communities"));
  }

  $("vg-colour").addEventListener("change", function (event) {
    colourBy = event.target.value;
    communityLegend.hidden = colourBy !== "community";
    Array.prototype.forEach.call(legend.querySelectorAll("svg"), function (mark) {
      mark.firstChild.setAttribute("fill", colourBy === "community" ? "#888888" : mark.getAttribute("data-colour"));
    });
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: colourOf(n) }; }));
  });
  $("vg-show-relations").addEventListener("change", function (event) {
    if (event.target.checked) { edges.update(relationItems); }
    else { edges.remove(relationItems.map(function (e) { return e.id; })); }
  });
  $("vg-show-collaboration").addEventListener("change", function (event) {
    if (event.target.checked) { edges.update(collaborationItems); }
    else { edges.remove(collaborationItems.map(function (e) { return e.id; })); }
  });

  // details panel
  var details = $("vg-details");
  function linkButton(id) {
    var other = byId[id];
    var button = el("button", "vg-link", other ? other.label : id);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function section(title, rows) {
    if (!rows.length) { return; }
    details.appendChild(el("h4", null, title));
    var list = el("ul", "vg-links");
    rows.forEach(function (row) {
      var item = el("li");
      item.appendChild(linkButton(row.id));
      if (row.note) { item.appendChild(document.createTextNode(" " + row.note)); }
      list.appendChild(item);
    });
    details.appendChild(list);
  }
  function evidenceList(indices) {
    var seen = Object.create(null);
    var unique = indices.filter(function (i) { if (seen[i]) { return false; } seen[i] = true; return true; });
    if (!unique.length) { return; }
    details.appendChild(el("h4", null, "Evidence (" + unique.length + ")"));
    var list = el("ul", "vg-evidence");
    unique.slice(0, EVIDENCE_SHOWN).forEach(function (i) {
      var row = data.evidence[i];
      var report = data.reports[row[0]];
      var item = el("li");
      item.appendChild(el("div", "vg-sentence", row[1]));
      item.appendChild(el("div", "vg-report-title", report ? report.title : "unknown report"));
      list.appendChild(item);
    });
    if (unique.length > EVIDENCE_SHOWN) { list.appendChild(el("li", "vg-hint", (unique.length - EVIDENCE_SHOWN) + " more")); }
    details.appendChild(list);
  }
  function related(id, relation, outgoing) {
    return relationsOf[id].filter(function (link) {
      return link.edge.relation === relation && link.outgoing === outgoing;
    }).map(function (link) { return { id: link.other, note: link.edge.roles ? "(" + link.edge.roles + ")" : "" }; });
  }
  function showNode(id) {
    var n = byId[id];
    clear(details);
    if (!n) { return; }
    details.appendChild(el("h3", null, n.label));
    field(details, "Type", n.type);
    field(details, "Also called", n.alt.join("; "));
    field(details, "Roles", n.roles);
    field(details, "Relations", n.degree);
    field(details, "Betweenness", n.betweenness);
    field(details, "Community", n.community);
    field(details, "IRI", n.iri);
    field(details, "Reports", n.reports.map(function (r) { return data.reports[r].title; }).join("; "));
    section("Organisations", related(id, "memberOf", true));
    section("Members", related(id, "memberOf", false));
    section("Located in", related(id, "locatedIn", true));
    section("Organisations located here", related(id, "locatedIn", false));
    section("Initiatives and events", related(id, "participatesIn", true));
    section("Participants", related(id, "participatesIn", false));
    var partners = partnersOf[id].slice().sort(function (a, b) {
      return b.edge.weight - a.edge.weight || (byId[a.other].label < byId[b.other].label ? -1 : 1);
    });
    section("Works with", partners.slice(0, 30).map(function (p) {
      return { id: p.other, note: "(" + p.edge.weight + ": " + p.edge.contexts.join("; ") + ")" };
    }));
    var indices = [];
    relationsOf[id].forEach(function (link) { indices = indices.concat(link.edge.evidence); });
    evidenceList(indices);
  }
  function showEdge(id) {
    var edge = edgeById[id];
    clear(details);
    if (!edge) { return; }
    details.appendChild(el("h3", null, edge.label));
    field(details, "From", byId[edge.from] ? byId[edge.from].label : edge.from);
    field(details, "To", byId[edge.to] ? byId[edge.to].label : edge.to);
    field(details, "Roles", edge.roles);
    if (edge.contexts) {
      field(details, "Shared contexts", edge.weight + ": " + edge.contexts.join("; "));
    } else {
      evidenceList(edge.evidence);
    }
  }
  function focusNode(id) {
    if (!byId[id]) { return false; }
    if (!visible[id]) { resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.5, animation: data.nodes.length <= 1000 ? { duration: 300 } : false });
    showNode(id);
    api.focused = id;
    return true;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); api.focused = params.nodes[0]; }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // search by label or alias; exact matches first, then prefixes, then words, then substrings
  var index = data.nodes.map(function (n) {
    return { id: n.id, names: [n.label].concat(n.alt).map(function (name) { return [fold(name), name]; }) };
  });
  function search(query) {
    var q = fold(query);
    if (!q) { return []; }
    var found = [];
    index.forEach(function (entry) {
      var best = null;
      entry.names.forEach(function (pair, position) {
        var name = pair[0];
        var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(" " + q) >= 0 ? 2 : name.indexOf(q) >= 0 ? 3 : -1;
        if (rank >= 0 && (best === null || rank < best.rank)) {
          best = { id: entry.id, rank: rank, alias: position > 0 ? pair[1] : null };
        }
      });
      if (best) { found.push(best); }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || byId[b.id].degree - byId[a.id].degree ||
        (byId[a.id].label < byId[b.id].label ? -1 : byId[a.id].label > byId[b.id].label ? 1 : 0);
    });
    return found;
  }
  var searchBox = $("vg-search");
  var results = $("vg-results");
  function showResults(found) {
    clear(results);
    found.slice(0, 12).forEach(function (hit) {
      var n = byId[hit.id];
      var item = el("li");
      var button = el("button", null, n.label);
      button.type = "button";
      button.setAttribute("data-id", n.id);
      button.appendChild(el("span", "vg-result-type", n.type));
      if (hit.alias) { button.appendChild(el("span", "vg-result-alias", "also: " + hit.alias)); }
      button.addEventListener("click", function () { results.hidden = true; focusNode(n.id); });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (!found.length && searchBox.value.trim()) { results.appendChild(el("li", "vg-hint", "no match")); }
    results.hidden = !searchBox.value.trim();
  }
  searchBox.addEventListener("input", function () { showResults(search(searchBox.value)); });
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = search(searchBox.value);
      if (found.length) { results.hidden = true; focusNode(found[0].id); }
    } else if (event.key === "Escape") {
      searchBox.value = "";
      results.hidden = true;
    }
  });

  api.search = search;
  api.focus = focusNode;
  api.visibleCount = function () { return nodeView.length; };
  updateCounts();
})();
"""
