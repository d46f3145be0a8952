"""The offline network page: nothing fetched, untrusted text escaped, filters, and a working script."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from rdf_samples import REPORT, sample_graph
from rdflib import RDF, RDFS, Literal

from velferdsgraf.ontology.namespace import SCHEMA, VG, VGID
from velferdsgraf.output.html import (
    VIS_DIR,
    html_text,
    network_data,
    vis_assets,
    write_html,
)
from velferdsgraf.output.html_app import APP_JS

XSS = "<img src=x onerror=alert(1)>"
SCRIPT_END = "</script><script>alert(2)</script><!--"


def hostile_graph():
    graph = sample_graph()
    for slug, label in [("xss", XSS), ("end", SCRIPT_END), ("curly", "{{VIS_JS}} {{DATA}}")]:
        graph.add((VGID[f"person/{slug}"], RDF.type, VG.Person))
        graph.add((VGID[f"person/{slug}"], RDFS.label, Literal(label)))
        graph.add((REPORT, SCHEMA.mentions, VGID[f"person/{slug}"]))
    return graph


def parsed_tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag as a browser's tokenizer sees it (script bodies are not markup)."""
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    collector = Collector()
    collector.feed(page)
    return collector.tags


def data_block(page: str) -> str:
    return re.search(r'<script id="vg-data" type="application/json">(.*?)</script>', page, re.DOTALL).group(1)


@pytest.fixture(scope="module")
def page() -> str:
    return html_text(hostile_graph())


def test_output_html_writes_file(tmp_path):
    path = tmp_path / "network.html"
    write_html(sample_graph(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "vis.Network" in text


def test_output_html_fetches_nothing(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"<link\b", page, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page, re.IGNORECASE)
    assert "default-src 'none'" in page
    tags = parsed_tags(page)
    assert not [attrs for _, attrs in tags if "src" in attrs or "href" in attrs]


def test_output_html_script_hashes_match_csp(page):
    import base64
    import hashlib

    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in page


def test_output_html_untrusted_labels_are_escaped(page):
    assert XSS not in page
    assert "alert(2)" not in page.split('<script id="vg-data"')[0]
    block = data_block(page)
    assert "<" not in block and ">" not in block
    labels = {node["label"] for node in json.loads(block)["nodes"]}
    assert {XSS, SCRIPT_END, "{{VIS_JS}} {{DATA}}"} <= labels
    tags = [tag for tag, _ in parsed_tags(page)]
    assert tags.count("script") == 3  # data, vis-network, app: the hostile labels added none
    assert "img" not in tags


def test_output_html_title_is_escaped():
    page = html_text(sample_graph(), title="<b>Rapport</b> & co")
    assert "<title>&lt;b&gt;Rapport&lt;/b&gt; &amp; co</title>" in page


def test_output_html_legend_and_edge_labels():
    data = network_data(sample_graph())
    assert [t["name"] for t in data["types"]] == ["Person", "Organisation", "Municipality", "Initiative", "Event"]
    assert data["types"][0]["color"] == "#1f77b4"
    assert {e["label"] for e in data["edges"]} == {"member of", "located in", "participates in"}


def test_output_html_filters_types_and_degree():
    data = network_data(sample_graph(), types=["person", "Organisation"], min_degree=2)
    assert {n["id"] for n in data["nodes"]} == {"person_silvija-seres", "person_anne-olsen", "organisation_nav-ski"}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {("person_anne-olsen", "organisation_nav-ski")}


def test_output_html_unknown_type_lists_options():
    with pytest.raises(ValueError, match="available: Person, Organisation"):
        network_data(sample_graph(), types=["Pony"])


def test_output_html_script_never_parses_html():
    """The page builds everything with createElement/textContent; the browser tests run it."""
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "DOMParser", "createContextualFragment"):
        assert sink not in APP_JS, sink


def test_output_html_vis_network_comes_from_the_pinned_pyvis():
    import importlib.util
    from pathlib import Path

    folder = Path(importlib.util.find_spec("pyvis").submodule_search_locations[0]).joinpath(*VIS_DIR)
    assert (folder / "vis-network.min.js").is_file() and (folder / "vis-network.css").is_file()
    js, css = vis_assets()
    assert "@version 9.1.2" in js[:400] and ".vis-network" in css


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_output_html_inlined_scripts_parse(tmp_path):
    for number, script in enumerate(re.findall(r"<script>(.*?)</script>", html_text(sample_graph()), re.DOTALL)):
        path = tmp_path / f"script{number}.js"
        path.write_text(script, encoding="utf-8")
        run = subprocess.run(["node", "--check", str(path)], check=False, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
