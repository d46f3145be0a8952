"""The script of the network page: draw, focus, filter, search, and show evidence first.

It reads the JSON block written by view_data.py and builds the page with createElement and
textContent only (tests check that no HTML is ever parsed from data). vis-network shows
string tooltips with innerText, so they are plain text too. Labels are drawn by the script
after each frame, in screen pixels: the focused and hovered nodes first, then by size, each
only where it overlaps no label already drawn and only once its node is large enough on
screen (level of detail by zoom); edge labels only for the hovered edge and the focused
node's edges. ``window.velferdsgraf`` exposes the network, the drawn label boxes and a few
actions for the browser tests and the benchmark; ``ready`` turns true (and
``<html data-vg-ready>`` is set) once the first frame has been drawn with every handler attached.
"""
from __future__ import annotations

__all__ = ["APP_JS"]

APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vg-data").textContent);
  var api = { ready: false, readyAt: null, labelBoxes: [] };
  window.velferdsgraf = api;
  var SVG = "http://www.w3.org/2000/svg";
  var TOP_RELATIONS = 6;      // relations shown per group before "N more"
  var TOP_SENTENCES = 2;      // sentences shown per relation before "N more"
  var TOP_PARTNERS = 5;       // collaborators shown before "N more"
  var LABEL_PX = 12;          // label font size on screen, at every zoom
  var LABEL_MIN_RADIUS = 3.5; // a node smaller than this on screen gets no label unless in focus
  var LABEL_MAX = 300;        // most labels drawn in one frame
  var VEIL = "rgba(255,255,255,0.82)";  // laid over what is out of focus
  var ACTORS = { Person: true, Organisation: true, Municipality: true };
  var GROUPS = [
    ["memberOf", true, "Member of"], ["memberOf", false, "Members"],
    ["locatedIn", true, "Located in"], ["locatedIn", false, "Organisations located here"],
    ["participatesIn", true, "Takes part in"], ["participatesIn", false, "Participants"]
  ];

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
  function byLabel(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
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

  // ---- the graph in memory: drawn nodes, then cut ones brought in on demand
  var byId = Object.create(null);
  var relationsOf = Object.create(null);
  var partnersOf = Object.create(null);
  var edgeById = Object.create(null);
  var communityById = Object.create(null);
  data.communities.forEach(function (c) { communityById[c.id] = c; });
  function addRelation(e) {
    edgeById[e.id] = e;
    relationsOf[e.from].push({ edge: e, other: e.to, outgoing: true });
    relationsOf[e.to].push({ edge: e, other: e.from, outgoing: false });
  }
  function register(n) { byId[n.id] = n; relationsOf[n.id] = []; partnersOf[n.id] = []; }
  data.nodes.forEach(register);
  data.edges.forEach(addRelation);
  var maxWeight = 1;
  var bestWeight = Object.create(null);
  data.collaborations.forEach(function (c) {
    edgeById[c.id] = c;
    partnersOf[c.from].push({ edge: c, other: c.to });
    partnersOf[c.to].push({ edge: c, other: c.from });
    maxWeight = Math.max(maxWeight, c.weight);
    bestWeight[c.from] = Math.max(bestWeight[c.from] || 0, c.weight);
    bestWeight[c.to] = Math.max(bestWeight[c.to] || 0, c.weight);
  });
  var cut = data.cut;
  var cutIndex = Object.create(null);  // id -> index in the shared numbering (drawn first, then cut)
  var cutAdjacency = null;
  if (cut) { cut.nodes.forEach(function (row, i) { cutIndex[row[0]] = data.nodes.length + i; }); }
  function idAt(i) { return i < data.nodes.length ? data.nodes[i].id : cut.nodes[i - data.nodes.length][0]; }
  function indexOf(id) {
    if (cutIndex[id] !== undefined) { return cutIndex[id]; }
    for (var i = 0; i < data.nodes.length; i++) { if (data.nodes[i].id === id) { return i; } }
    return -1;
  }
  function cutLinks(id) {
    if (!cutAdjacency) {
      cutAdjacency = Object.create(null);
      for (var k = 0; k + 2 < cut.links.length; k += 3) {
        var a = cut.links[k], b = cut.links[k + 1], r = cut.links[k + 2];
        (cutAdjacency[a] = cutAdjacency[a] || []).push([a, b, r]);
        (cutAdjacency[b] = cutAdjacency[b] || []).push([a, b, r]);
      }
    }
    return cutAdjacency[indexOf(id)] || [];
  }
  function meta(id) {
    if (byId[id]) { return byId[id]; }
    var row = cut && cutIndex[id] !== undefined ? cut.nodes[cutIndex[id] - data.nodes.length] : null;
    return row ? { id: row[0], label: row[1], type: cut.kinds[row[2]], degree: row[4], cut: true } : null;
  }

  // ---- drawing
  var colourBy = "type";
  var mode = "relations";
  var minWeight = 1;
  function colourOf(n) {
    var colour = n.color;
    if (colourBy === "community") {
      colour = (communityById[n.community] || { color: "#b0b0b0" }).color;
    }
    var border = n.id === data.ego ? "#000000" : colour;
    return { background: colour, border: border, highlight: { background: colour, border: "#111111" },
             hover: { background: colour, border: "#111111" } };
  }
  function tooltip(n) {
    var lines = [n.label, "Type: " + n.type];
    if (n.alt.length) { lines.push("Also: " + n.alt.join("; ")); }
    if (n.roles) { lines.push("Roles: " + n.roles); }
    lines.push("Relations: " + n.degree);
    return lines.join("\n");
  }
  function visNode(n) {
    return { id: n.id, shape: n.shape, size: n.size, x: n.x, y: n.y, color: colourOf(n), title: tooltip(n),
             borderWidth: n.id === data.ego ? 4 : 1 };
  }
  function visEdge(e) {
    return { id: e.id, from: e.from, to: e.to, value: e.weight,
             title: e.label + (e.roles ? " (" + e.roles + ")" : "") +
               (e.evidence.length ? "\n" + e.evidence.length + " evidence sentence(s)" : "") };
  }
  function visCollaboration(c) {
    return { id: c.id, from: c.from, to: c.to, value: c.weight, arrows: { to: { enabled: false } },
             color: { color: "#666666", opacity: 0.45 },
             title: "works with (" + c.weight + " shared): " + c.contexts.join("; ") };
  }

  var visible = Object.create(null);  // the filters' verdict; at first every node with a relation
  data.nodes.forEach(function (n) { visible[n.id] = relationsOf[n.id].length > 0; });
  var forced = Object.create(null);  // shown whatever the filters say (expanded, found, brought in)
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return visible[item.id] === true; } });
  var edgeView = new vis.DataView(edges, {
    filter: function (item) {
      if (visible[item.from] !== true || visible[item.to] !== true) { return false; }
      var edge = edgeById[item.id];
      return mode === "relations" || (edge && edge.weight >= minWeight);
    }
  });
  var container = $("vg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  api.network = network;
  api.nodes = nodeView;
  api.edges = edgeView;

  // ---- labels: level of detail by zoom, never two overlapping; edge labels only in focus or hover
  var focus = null;        // the selected node id
  var focusSet = null;     // it and its neighbours
  var hoveredNode = null;
  var hoveredEdge = null;
  var labelOrder = data.nodes.map(function (n) { return n.id; });
  function sortLabels() {
    labelOrder.sort(function (a, b) {
      return byId[b].size - byId[a].size || byId[b].degree - byId[a].degree || byLabel(a, b);
    });
  }
  sortLabels();
  var widths = Object.create(null);
  function shortLabel(text) { return text.length > 42 ? text.slice(0, 40) + "…" : text; }
  function drawLabels(ctx) {
    var scale = network.getScale();
    var view = network.getViewPosition();
    var w = container.clientWidth, h = container.clientHeight;
    var bodies = network.body.nodes;
    var ratio = network.canvas.pixelRatio || 1;
    var cell = 64, grid = Object.create(null), boxes = [];
    function collides(box) {
      for (var gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
        for (var gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
          var list = grid[gx + ":" + gy];
          if (!list) { continue; }
          for (var i = 0; i < list.length; i++) {
            var o = list[i];
            if (box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h) { return true; }
          }
        }
      }
      return false;
    }
    function place(box) {
      boxes.push(box);
      for (var gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
        for (var gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
          (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(box);
        }
      }
    }
    function screen(x, y) { return [(x - view.x) * scale + w / 2, (y - view.y) * scale + h / 2]; }
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.font = LABEL_PX + "px system-ui, sans-serif";
    var first = [];
    if (hoveredNode) { first.push(hoveredNode); }
    if (focus) { first.push(focus); Object.keys(focusSet).forEach(function (id) { first.push(id); }); }
    var seen = Object.create(null);
    var nodeBoxes = 0;
    function label(id, priority) {
      if (seen[id] || visible[id] !== true) { return; }
      seen[id] = true;
      var n = byId[id], body = bodies[id];
      if (!n || !body) { return; }
      var radius = n.size * scale;
      if (!priority && (radius < LABEL_MIN_RADIUS || (focusSet && !focusSet[id]))) { return; }
      var p = screen(body.x, body.y);
      if (p[0] < -200 || p[0] > w + 200 || p[1] < -50 || p[1] > h + 50) { return; }
      var text = shortLabel(n.label);
      if (widths[id] === undefined) { widths[id] = ctx.measureText(text).width; }
      var box = { x: p[0] - widths[id] / 2 - 2, y: p[1] + radius + 2, w: widths[id] + 4, h: LABEL_PX + 4, id: id };
      if (collides(box)) { return; }
      place(box);
      nodeBoxes += 1;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, box.x + 2, box.y + 2);
      ctx.fillStyle = focusSet && !focusSet[id] ? "#999999" : "#111111";
      ctx.fillText(text, box.x + 2, box.y + 2);
    }
    first.forEach(function (id) { label(id, true); });
    // edge labels: the hovered edge and the edges of the node in focus, after the labels of its nodes
    var edgeLabels = [];
    if (hoveredEdge && edgeById[hoveredEdge]) { edgeLabels.push(edgeById[hoveredEdge]); }
    if (focus) {
      var around = mode === "relations" ? relationsOf[focus] : partnersOf[focus];
      if (around.length <= 40) { around.forEach(function (link) { edgeLabels.push(link.edge); }); }
    }
    ctx.font = "11px system-ui, sans-serif";
    edgeLabels.forEach(function (e) {
      var a = bodies[e.from], b = bodies[e.to];
      if (!a || !b || visible[e.from] !== true || visible[e.to] !== true) { return; }
      var text = e.contexts ? e.weight + " shared" : e.label + (e.roles ? " (" + e.roles + ")" : "");
      var p = screen((a.x + b.x) / 2, (a.y + b.y) / 2);
      var tw = ctx.measureText(text).width;
      var box = { x: p[0] - tw / 2 - 2, y: p[1] - 7, w: tw + 4, h: 14, edge: e.id };
      if (collides(box)) { return; }
      place(box);
      ctx.fillStyle = "rgba(255,255,255,0.85)";
      ctx.fillRect(box.x, box.y, box.w, box.h);
      ctx.fillStyle = "#444444";
      ctx.fillText(text, box.x + 2, box.y + 1);
    });
    ctx.font = LABEL_PX + "px system-ui, sans-serif";
    for (var k = 0; k < labelOrder.length && nodeBoxes < LABEL_MAX; k++) { label(labelOrder[k], false); }
    ctx.restore();
    api.labelBoxes = boxes.filter(function (b) { return b.id !== undefined; });
  }
  // focus: a veil over everything, then the focused node, its neighbours and their edges drawn again on top
  // (vis-network's own node and edge drawing), so a selection costs no update of thousands of items
  function drawFocus(ctx) {
    if (!focusSet) { return; }
    var ratio = network.canvas.pixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = VEIL;
    ctx.fillRect(0, 0, container.clientWidth, container.clientHeight);
    ctx.restore();
    var bodyEdges = network.body.edges, bodyNodes = network.body.nodes;
    (mode === "relations" ? relationsOf[focus] : partnersOf[focus]).forEach(function (link) {
      var edge = bodyEdges[link.edge.id];
      if (edge && visible[link.other] === true) { edge.draw(ctx); }
    });
    Object.keys(focusSet).forEach(function (id) {
      if (bodyNodes[id] && visible[id] === true) { bodyNodes[id].draw(ctx); }
    });
  }
  network.on("afterDrawing", function (ctx) {
    drawFocus(ctx);
    drawLabels(ctx);
    if (!api.ready) {
      api.ready = true;
      api.readyAt = performance.now();
      document.documentElement.setAttribute("data-vg-ready", "1");
    }
  });
  network.on("hoverNode", function (p) { hoveredNode = p.node; network.redraw(); });
  network.on("blurNode", function () { hoveredNode = null; network.redraw(); });
  network.on("hoverEdge", function (p) { hoveredEdge = p.edge; network.redraw(); });
  network.on("blurEdge", function () { hoveredEdge = null; network.redraw(); });

  // ---- focus: the selected node and its neighbours stand out, the rest dims
  function neighbours(id) {
    var found = Object.create(null);
    found[id] = true;
    if (mode === "relations") {
      relationsOf[id].forEach(function (link) { found[link.other] = true; });
    } else {
      partnersOf[id].forEach(function (link) { if (link.edge.weight >= minWeight) { found[link.other] = true; } });
    }
    return found;
  }
  function setFocus(id) {
    focus = id;
    focusSet = id ? neighbours(id) : null;
    api.focused = id;
    api.highlighted = focusSet ? Object.keys(focusSet).sort() : [];
    network.redraw();
  }

  // ---- filters: type, municipality, report, unconnected, collaboration weight; they re-fit the view
  var typeOn = Object.create(null);
  Object.keys(data.typeStyles).forEach(function (name) { typeOn[name] = true; });
  var municipalitySelect = $("vg-municipality");
  var reportSelect = $("vg-report");
  var unconnectedBox = $("vg-show-unconnected");
  data.municipalities.forEach(function (m) {
    var option = el("option", null, m[1]);
    option.value = m[0];
    municipalitySelect.appendChild(option);
  });
  data.reports.forEach(function (r, index) {
    var option = el("option", null, r.title + (r.date ? " (" + r.date + ")" : ""));
    option.value = String(index);
    reportSelect.appendChild(option);
  });
  function unconnected(n) { return relationsOf[n.id].length === 0; }
  var unconnectedCount = data.nodes.filter(unconnected).length;
  $("vg-unconnected-label").textContent = "Unconnected entities (" + unconnectedCount + ")";
  function passes(n) {
    if (forced[n.id]) { return true; }
    var municipality = municipalitySelect.value;
    var report = reportSelect.value;
    if (typeOn[n.type] !== true) { return false; }
    if (municipality !== "" && n.munis.indexOf(municipality) < 0) { return false; }
    if (report !== "" && n.reports.indexOf(Number(report)) < 0) { return false; }
    if (mode === "collaboration") { return ACTORS[n.type] === true && (bestWeight[n.id] || 0) >= minWeight; }
    return unconnectedBox.checked || !unconnected(n);
  }
  function updateCounts() {
    var shown = nodeView.length, all = nodes.length, links = edgeView.length;
    var what = mode === "relations" ? " relations" : " collaborations" + (minWeight > 1 ? " (≥ " + minWeight + " shared)" : "");
    $("vg-counts").textContent = shown + (shown === all ? "" : " of " + all) + " nodes, " + links + what;
  }
  function applyFilters(fit) {
    Object.keys(byId).forEach(function (id) { visible[id] = passes(byId[id]); });
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
    if (fit !== false && nodeView.length) { network.fit({ animation: false }); }
  }
  function resetFilters() {
    municipalitySelect.value = "";
    reportSelect.value = "";
    Object.keys(typeOn).forEach(function (name) { typeOn[name] = true; });
    Array.prototype.forEach.call(document.querySelectorAll("#vg-legend input"), function (box) { box.checked = true; });
  }
  municipalitySelect.addEventListener("change", function () { applyFilters(); });
  reportSelect.addEventListener("change", function () { applyFilters(); });
  unconnectedBox.addEventListener("change", function () { applyFilters(); });

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
  function edgeLegendFor() {
    clear(edgeLegend);
    var item = el("li");
    item.appendChild(glyph("line", "#666666", false));
    item.appendChild(el("span", null, mode === "relations" ? "relation (width: evidence sentences; hover or select for its name)"
                                                         : "works with (width: shared initiatives, events, organisations)"));
    edgeLegend.appendChild(item);
  }
  edgeLegendFor();
  var communityLegend = $("vg-community-legend");
  data.communities.slice(0, 15).forEach(function (c) {
    var item = el("li");
    item.appendChild(glyph("dot", c.color));
    item.appendChild(el("span", null, c.name + " (" + c.count + ")"));
    communityLegend.appendChild(item);
  });
  if (data.communities.length > 15) {
    communityLegend.appendChild(el("li", "vg-hint", (data.communities.length - 15) + " smaller communities"));
  }
  $("vg-colour").addEventListener("change", function (event) {
    colourBy = event.target.value;
    communityLegend.hidden = colourBy !== "community";
    $("vg-community-title").hidden = colourBy !== "community";
    Array.prototype.forEach.call(legend.querySelectorAll("svg"), function (mark) {
      mark.firstChild.setAttribute("fill", colourBy === "community" ? "#888888" : mark.getAttribute("data-colour"));
    });
    nodes.update(Object.keys(byId).filter(function (id) { return nodes.get(id); }).map(function (id) {
      return { id: id, color: colourOf(byId[id]) };
    }));
  });
  var weightBox = $("vg-weight-box"), weightInput = $("vg-min-weight");
  weightInput.max = String(maxWeight);
  weightInput.addEventListener("input", function () {
    minWeight = Number(weightInput.value) || 1;
    $("vg-min-weight-value").textContent = String(minWeight);
    if (focus) { setFocus(focus); }
    applyFilters();
  });
  function setMode(value) {
    mode = value;
    weightBox.hidden = mode !== "collaboration";
    edges.clear();
    edges.add(mode === "relations" ? Object.keys(edgeById).map(function (id) { return edgeById[id]; })
      .filter(function (e) { return !e.contexts; }).map(visEdge) : data.collaborations.map(visCollaboration));
    edgeLegendFor();
    if (focus) { setFocus(focus); }
    applyFilters();
  }
  $("vg-mode").addEventListener("change", function (event) { setMode(event.target.value); });

  // ---- details: evidence first
  var details = $("vg-details");
  function namesOf(id) {
    var n = byId[id];
    if (!n) { return []; }
    return [n.label].concat(n.alt).filter(function (name) { return name && name.length > 1; });
  }
  function highlighted(text, names) {
    var lower = text.toLowerCase(), spans = [];
    names.forEach(function (name) {
      var needle = name.toLowerCase(), at = lower.indexOf(needle);
      while (needle && at >= 0) { spans.push([at, at + needle.length]); at = lower.indexOf(needle, at + needle.length); }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var node = el("div", "vg-sentence"), position = 0;
    spans.forEach(function (span) {
      if (span[0] < position) { return; }
      if (span[0] > position) { node.appendChild(document.createTextNode(text.slice(position, span[0]))); }
      node.appendChild(el("mark", null, text.slice(span[0], span[1])));
      position = span[1];
    });
    if (position < text.length) { node.appendChild(document.createTextNode(text.slice(position))); }
    return node;
  }
  function moreButton(list, text, rows, render) {
    var item = el("li");
    var button = el("button", "vg-more", text);
    button.type = "button";
    button.addEventListener("click", function () {
      list.removeChild(item);
      rows.forEach(function (row) { list.appendChild(render(row)); });
    });
    item.appendChild(button);
    list.appendChild(item);
  }
  function sentences(parent, indices, names, shown) {
    var seen = Object.create(null);
    var unique = indices.filter(function (i) { if (seen[i]) { return false; } seen[i] = true; return true; });
    if (!unique.length) { return; }
    var list = el("ul", "vg-evidence");
    function render(i) {
      var row = data.evidence[i], report = data.reports[row[0]];
      var item = el("li");
      item.appendChild(highlighted(row[1], names));
      item.appendChild(el("div", "vg-report-title",
        report ? report.title + (report.date ? " · " + report.date : "") : "unknown report"));
      return item;
    }
    unique.slice(0, shown).forEach(function (i) { list.appendChild(render(i)); });
    if (unique.length > shown) {
      moreButton(list, (unique.length - shown) + " more sentence" + (unique.length - shown > 1 ? "s" : ""),
                 unique.slice(shown), render);
    }
    parent.appendChild(list);
  }
  function linkButton(id) {
    var other = meta(id);
    var button = el("button", "vg-link", other ? other.label : id);
    button.type = "button";
    button.addEventListener("click", function () { select(id, { move: true }); });
    return button;
  }
  function relationItem(id, link) {
    var item = el("li", "vg-relation");
    var head = el("div", "vg-relation-head");
    head.appendChild(linkButton(link.other));
    if (link.edge.roles) { head.appendChild(document.createTextNode(" (" + link.edge.roles + ")")); }
    item.appendChild(head);
    if (link.edge.evidence.length) {
      sentences(item, link.edge.evidence, namesOf(id).concat(namesOf(link.other)), TOP_SENTENCES);
    } else if (link.edge.brought) {
      item.appendChild(el("div", "vg-hint", "evidence: see graph.ttl, or draw this entity with view --ego"));
    }
    return item;
  }
  function relationsPanel(id) {
    var total = relationsOf[id].length;
    details.appendChild(el("h4", null, "Relations (" + total + ")"));
    GROUPS.forEach(function (group) {
      var links = relationsOf[id].filter(function (link) {
        return link.edge.relation === group[0] && link.outgoing === group[1];
      }).sort(function (a, b) {
        return b.edge.evidence.length - a.edge.evidence.length || byLabel(meta(a.other).label, meta(b.other).label);
      });
      if (!links.length) { return; }
      details.appendChild(el("div", "vg-field", group[2] + " (" + links.length + ")"));
      var list = el("ul", "vg-relations");
      links.slice(0, TOP_RELATIONS).forEach(function (link) { list.appendChild(relationItem(id, link)); });
      if (links.length > TOP_RELATIONS) {
        moreButton(list, (links.length - TOP_RELATIONS) + " more", links.slice(TOP_RELATIONS),
                   function (link) { return relationItem(id, link); });
      }
      details.appendChild(list);
    });
  }
  function partnersPanel(id) {
    var partners = partnersOf[id].slice().sort(function (a, b) {
      return b.edge.weight - a.edge.weight || byLabel(byId[a.other].label, byId[b.other].label);
    });
    if (!partners.length) { return; }
    details.appendChild(el("h4", null, "Works with (" + partners.length + ")"));
    var list = el("ul", "vg-links");
    function render(p) {
      var item = el("li");
      item.appendChild(linkButton(p.other));
      item.appendChild(document.createTextNode(" (" + p.edge.weight + " shared: " + p.edge.contexts.join("; ") + ")"));
      return item;
    }
    partners.slice(0, TOP_PARTNERS).forEach(function (p) { list.appendChild(render(p)); });
    if (partners.length > TOP_PARTNERS) {
      moreButton(list, (partners.length - TOP_PARTNERS) + " more", partners.slice(TOP_PARTNERS), render);
    }
    details.appendChild(list);
  }
  function hiddenNeighbours(id) {
    var found = [];
    relationsOf[id].forEach(function (link) { if (visible[link.other] !== true) { found.push(link.other); } });
    if (cut) {
      cutLinks(id).forEach(function (link) {
        var other = idAt(link[0] === indexOf(id) ? link[1] : link[0]);
        if (!byId[other] && found.indexOf(other) < 0) { found.push(other); }
      });
    }
    return found;
  }
  function showNode(id) {
    var n = byId[id];
    clear(details);
    if (!n) { return; }
    details.appendChild(el("h3", null, n.label));
    var about = [n.type];
    if (n.roles) { about.push(n.roles); }
    if (n.reports.length) { about.push("in " + n.reports.length + " report" + (n.reports.length > 1 ? "s" : "")); }
    details.appendChild(el("div", "vg-subtitle", about.join(" · ")));
    var hidden = hiddenNeighbours(id);
    if (hidden.length) {
      var actions = el("div", "vg-actions");
      var expand = el("button", null, "Expand: show " + hidden.length + " hidden neighbour" + (hidden.length > 1 ? "s" : ""));
      expand.type = "button";
      expand.id = "vg-expand";
      expand.addEventListener("click", function () { expandNode(id); });
      actions.appendChild(expand);
      details.appendChild(actions);
    }
    relationsPanel(id);
    partnersPanel(id);
    details.appendChild(el("h4", null, "About"));
    field(details, "Also called", n.alt.join("; "));
    field(details, "Community", (communityById[n.community] || { name: "other" }).name);
    field(details, "Betweenness", n.betweenness);
    field(details, "Reports", n.reports.map(function (r) {
      var report = data.reports[r];
      return report.title + (report.date ? " (" + report.date + ")" : "");
    }).join("; "));
    field(details, "IRI", n.iri);
  }
  function showEdge(id) {
    var edge = edgeById[id];
    clear(details);
    if (!edge) { return; }
    var head = el("h3");
    head.appendChild(linkButton(edge.from));
    head.appendChild(document.createTextNode(" — " + (edge.contexts ? "works with" : edge.label) + " — "));
    head.appendChild(linkButton(edge.to));
    details.appendChild(head);
    field(details, "Roles", edge.roles);
    var names = namesOf(edge.from).concat(namesOf(edge.to));
    if (!edge.contexts) {
      details.appendChild(el("h4", null, "Evidence (" + edge.evidence.length + ")"));
      if (!edge.evidence.length) { details.appendChild(el("p", "vg-hint", "No sentence recorded for this relation.")); }
      sentences(details, edge.evidence, names, 10);
      return;
    }
    details.appendChild(el("h4", null, "Shared (" + edge.weight + ")"));
    var list = el("ul", "vg-relations");
    (edge.contextIds || []).forEach(function (context) {
      var item = el("li", "vg-relation");
      item.appendChild(linkButton(context));
      var indices = [];
      [edge.from, edge.to].forEach(function (end) {
        relationsOf[end].forEach(function (link) { if (link.other === context) { indices = indices.concat(link.edge.evidence); } });
      });
      sentences(item, indices, names.concat(namesOf(context)), 4);
      list.appendChild(item);
    });
    details.appendChild(list);
  }

  // ---- selecting, expanding, bringing in what was cut
  function position(id) { try { return network.getPosition(id); } catch (e) { return null; } }
  function bringIn(id, near) {
    if (byId[id] || !cut || cutIndex[id] === undefined) { return; }
    var row = cut.nodes[cutIndex[id] - data.nodes.length];
    var kind = cut.kinds[row[2]], style = data.typeStyles[kind];
    var centre = near || network.getViewPosition();
    var angle = (Object.keys(forced).length * 2.399963) % (2 * Math.PI);
    var n = { id: id, label: row[1], alt: row[3] ? row[3].split("; ") : [], type: kind, iri: "", color: style[0],
              shape: style[1], size: Math.min(40, 6 + 3 * Math.sqrt(row[4])), degree: row[4], betweenness: 0,
              community: -1, collaborators: 0, mentions: 0, roles: "", reports: [], munis: [], cut: true,
              x: centre.x + 90 * Math.cos(angle), y: centre.y + 90 * Math.sin(angle) };
    register(n);
    labelOrder.push(id);
    forced[id] = true;
    nodes.add(visNode(n));
  }
  function linkCutEdges(id) {
    cutLinks(id).forEach(function (link) {
      var from = idAt(link[0]), to = idAt(link[1]), relation = cut.relations[link[2]];
      var edgeId = relation + "__" + from + "__" + to;
      if (edgeById[edgeId] || !byId[from] || !byId[to]) { return; }
      var e = { id: edgeId, from: from, to: to, relation: relation, label: relation === "memberOf" ? "member of" :
                relation === "locatedIn" ? "located in" : "participates in", roles: "", weight: 1, evidence: [], brought: true };
      addRelation(e);
      if (mode === "relations") { edges.add(visEdge(e)); }
    });
  }
  function bringInWithNeighbours(id) {
    if (!cut || cutIndex[id] === undefined || byId[id]) { return; }
    var near = null;
    cutLinks(id).forEach(function (link) {
      var other = idAt(link[0] === cutIndex[id] ? link[1] : link[0]);
      if (!near && byId[other]) { near = position(other); }
    });
    bringIn(id, near);
    var here = position(id);
    cutLinks(id).forEach(function (link) { bringIn(idAt(link[0] === cutIndex[id] ? link[1] : link[0]), here); });
    cutLinks(id).forEach(function (link) { linkCutEdges(idAt(link[0])); linkCutEdges(idAt(link[1])); });
    sortLabels();
  }
  function expandNode(id) {
    if (cut) {
      cutLinks(id).forEach(function (link) {
        var other = idAt(link[0] === indexOf(id) ? link[1] : link[0]);
        bringIn(other, position(id));
      });
      linkCutEdges(id);
      sortLabels();
    }
    relationsOf[id].forEach(function (link) { forced[link.other] = true; });
    forced[id] = true;
    applyFilters(false);
    setFocus(id);
    showNode(id);
  }
  function select(id, how) {
    if (!byId[id]) { bringInWithNeighbours(id); }
    if (!byId[id]) { return false; }
    if (visible[id] !== true) { forced[id] = true; applyFilters(false); }
    network.selectNodes([id]);
    setFocus(id);
    showNode(id);
    if (how && how.move) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0),
                          animation: nodes.length <= 1000 ? { duration: 300 } : false });
    }
    return true;
  }
  function clearFocus() {
    if (focus === null) { return; }
    setFocus(null);
    clear(details);
    details.appendChild(el("p", "vg-hint", "Click a node or an edge, or find a name above."));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); }
    else if (params.edges.length) { setFocus(null); showEdge(params.edges[0]); api.edgeShown = params.edges[0]; }
    else { clearFocus(); }
  });

  // ---- search every entity, drawn or cut; exact matches first, then prefixes, words, substrings
  var index = data.nodes.map(function (n) {
    return { id: n.id, names: [n.label].concat(n.alt).map(function (name) { return [fold(name), name]; }) };
  });
  if (cut) {
    cut.nodes.forEach(function (row) {
      var names = [row[1]].concat(row[3] ? row[3].split("; ") : []);
      index.push({ id: row[0], names: names.map(function (name) { return [fold(name), name]; }) });
    });
  }
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
      var ma = meta(a.id), mb = meta(b.id);
      return a.rank - b.rank || mb.degree - ma.degree || byLabel(ma.label, mb.label);
    });
    return found;
  }
  var searchBox = $("vg-search");
  var results = $("vg-results");
  function showResults(found) {
    clear(results);
    found.slice(0, 12).forEach(function (hit) {
      var n = meta(hit.id);
      var item = el("li");
      var button = el("button", null, n.label);
      button.type = "button";
      button.setAttribute("data-id", n.id);
      button.appendChild(el("span", "vg-result-type", n.type + (n.cut ? ", not drawn yet" : "")));
      if (hit.alias) { button.appendChild(el("span", "vg-result-alias", "also: " + hit.alias)); }
      button.addEventListener("click", function () { results.hidden = true; select(n.id, { move: true }); });
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
      if (found.length) { results.hidden = true; select(found[0].id, { move: true }); }
    } else if (event.key === "Escape") {
      searchBox.value = "";
      results.hidden = true;
    }
  });

  var notices = data.notes.slice();
  if (data.truncated) {
    notices.push("Showing the " + data.truncated.shown + " most central of " + data.truncated.total +
      " entities (by number of relations, then betweenness); search finds the others and draws them with their " +
      "neighbours. The GEXF and GraphML files hold the whole graph.");
  }
  if (notices.length) { $("vg-notice").textContent = notices.join(" "); $("vg-notice").hidden = false; }

  api.search = search;
  api.entity = meta;
  api.focus = function (id) { return select(id, { move: true }); };
  api.select = select;
  api.expand = expandNode;
  api.showEdge = showEdge;
  api.visibleCount = function () { return nodeView.length; };
  updateCounts();
  network.fit({ animation: false });
  if (data.ego) { select(data.ego); }
})();
"""
