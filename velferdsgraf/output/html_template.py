"""The page template and style of the offline network view (velferdsgraf.output.html fills it in).

Placeholders are ``{{NAME}}`` and are filled in one pass, so text put in is never scanned
again. The page holds no text from a report: the script (html_app.py) reads the graph from
the JSON block and builds every piece with createElement/textContent.
"""
from __future__ import annotations

__all__ = ["APP_CSS", "PAGE"]

PAGE = """<!DOCTYPE html>
<html lang="en">
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
  <div id="vg-search-box">
    <input id="vg-search" type="search" placeholder="Find a name or alias" aria-label="Find a name or alias"
      autocomplete="off" spellcheck="false">
    <ul id="vg-results" role="listbox" hidden></ul>
  </div>
</header>
<p id="vg-notice" role="status" hidden></p>
<main id="vg-main">
  <div id="vg-network" aria-label="network of entities"></div>
  <aside id="vg-side">
    <section id="vg-controls">
      <label class="vg-select">Show
        <select id="vg-mode">
          <option value="relations">relations</option>
          <option value="collaboration">who works with whom</option>
        </select></label>
      <label class="vg-select" id="vg-weight-box" hidden>At least
        <input type="range" id="vg-min-weight" min="1" max="1" value="1" aria-label="minimum shared contexts">
        <span id="vg-min-weight-value">1</span> shared</label>
      <label class="vg-check"><input type="checkbox" id="vg-show-unconnected">
        <span id="vg-unconnected-label">Unconnected</span></label>
      <label class="vg-select">Colour by
        <select id="vg-colour"><option value="type">type</option><option value="community">community</option></select></label>
      <label class="vg-select">Municipality <select id="vg-municipality"><option value="">all</option></select></label>
      <label class="vg-select">Report <select id="vg-report"><option value="">all</option></select></label>
    </section>
    <section>
      <div id="vg-details"><p class="vg-hint">Click a node or an edge, or find a name above.</p></div>
    </section>
    <section>
      <h2>Types</h2>
      <ul id="vg-legend" class="vg-legend"></ul>
      <ul id="vg-edge-legend" class="vg-legend"></ul>
      <h2 id="vg-community-title" hidden>Communities</h2>
      <ul id="vg-community-legend" class="vg-legend" hidden></ul>
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
[hidden] { display: none !important; }
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
#vg-header { display: flex; align-items: center; gap: 1em; padding: 0.4em 1em; border-bottom: 1px solid #ddd; }
#vg-header h1 { font-size: 1.2em; margin: 0; }
#vg-counts { color: #555; font-size: 0.9em; }
#vg-search-box { margin-left: auto; position: relative; }
#vg-search { width: 18em; padding: 0.3em 0.5em; font: inherit; }
#vg-results { position: absolute; right: 0; z-index: 10; list-style: none; margin: 0.2em 0 0; padding: 0.2em 0;
  width: 24em; max-height: 60vh; overflow-y: auto; background: #fff; border: 1px solid #bbb;
  box-shadow: 0 2px 6px rgba(0,0,0,.15); }
#vg-results button { display: block; width: 100%; text-align: left; border: 0; background: none;
  padding: 0.3em 0.6em; font: inherit; cursor: pointer; }
#vg-results button:hover, #vg-results button:focus { background: #e8f0fb; }
.vg-result-type, .vg-result-alias { color: #666; font-size: 0.85em; margin-left: 0.4em; }
#vg-notice { margin: 0; padding: 0.4em 1em; background: #fff4d6; border-bottom: 1px solid #e6d29a; font-size: 0.9em; }
#vg-main { flex: 1; display: flex; min-height: 0; }
#vg-network { flex: 1; min-width: 0; }
#vg-side { width: 22em; overflow-y: auto; border-left: 1px solid #ddd; padding: 0 1em 1em; font-size: 0.9em; }
#vg-side h2 { font-size: 1em; margin: 1em 0 0.4em; }
#vg-side h4 { margin: 0.8em 0 0.2em; font-size: 0.95em; }
.vg-check, .vg-select { display: block; margin: 0.25em 0; }
.vg-select select { max-width: 14em; margin-left: 0.3em; }
.vg-legend { list-style: none; padding: 0; margin: 0 0 0.5em; }
.vg-legend li { display: flex; align-items: center; gap: 0.4em; margin: 0.15em 0; }
.vg-legend svg { flex: none; }
.vg-hint { color: #666; }
.vg-field { margin: 0.2em 0; word-break: break-word; }
.vg-field b { font-weight: 600; }
.vg-links { padding-left: 1.2em; margin: 0.2em 0; }
.vg-link { cursor: pointer; color: #1a5fb4; text-decoration: underline; background: none; border: 0;
  padding: 0; font: inherit; text-align: left; }
.vg-evidence { list-style: none; padding-left: 0.6em; margin: 0.2em 0 0.4em; border-left: 2px solid #e3e3e3; }
.vg-evidence li { margin: 0.3em 0; }
.vg-sentence { font-style: italic; }
.vg-sentence mark { background: #ffe58a; font-style: normal; padding: 0 1px; }
.vg-report-title { color: #555; font-size: 0.85em; }
.vg-relation { margin: 0.4em 0 0.6em; }
.vg-relation-head { font-weight: 600; }
.vg-more { cursor: pointer; color: #1a5fb4; background: none; border: 0; padding: 0; font: inherit; font-size: 0.9em; }
.vg-subtitle { color: #555; margin: -0.4em 0 0.5em; }
.vg-actions { margin: 0.3em 0 0.6em; }
.vg-actions button { font: inherit; font-size: 0.9em; }
#vg-details h3 { margin: 0.8em 0 0.5em; }
#vg-details ul.vg-relations { list-style: none; padding: 0; margin: 0; }
"""
