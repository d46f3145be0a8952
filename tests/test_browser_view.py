"""network.html in real headless Chromium (Debian's chromium, driven by Playwright).

Every request but the page itself is aborted and recorded, so "nothing leaves the page" is
checked, not assumed. Skips with the reason when chromium or playwright is missing; set
VG_CHROMIUM to use another binary. Playwright's own browsers are never used or downloaded.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdf_samples import (
    EVENT,
    REPORT,
    add_entity,
    add_evidence,
    add_statement,
    co_working_graph,
    sample_graph,
)
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS

from velferdsgraf.ontology.namespace import VG, VGID
from velferdsgraf.output.html import write_html
from velferdsgraf.output.view_data import network_data

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("VG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium, or set VG_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from a file with every other request aborted, and what it tried."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.route("**/*", lambda route: route.continue_() if route.request.url == path.as_uri() else route.abort())
        self.page.goto(path.as_uri())
        # a selector, not wait_for_function: the page's CSP rightly forbids the eval that needs
        self.page.wait_for_selector("html[data-vg-ready]", state="attached", timeout=60_000)
        self.url = path.as_uri()

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def other_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]


@pytest.fixture
def open_graph(browser, tmp_path):
    pages = []

    def opener(graph: Graph, **options) -> Opened:
        path = tmp_path / f"network{len(pages)}.html"
        write_html(graph, path, **options)
        pages.append(Opened(browser, path))
        return pages[-1]

    yield opener
    for opened in pages:
        opened.page.close()


def hostile_graph() -> Graph:
    """The sample plus a person, report title and sentence that carry markup."""
    graph = sample_graph()
    person = VGID["person/xss"]
    add_entity(graph, person, VG.Person, f"Kari {XSS}")
    graph.add((person, SKOS.altLabel, Literal(XSS)))
    add_statement(graph, person, VG.participatesIn, EVENT, "åpnet konferansen")
    evidence = add_evidence(graph, "åpnet konferansen")  # the sentence of that statement
    graph.set((evidence, VG.sentence, Literal(f"{XSS} deltok også.")))
    graph.set((REPORT, DCTERMS.title, Literal(f"Rapport {XSS}")))
    return graph


def chain_graph(size: int) -> Graph:
    """``size`` persons and initiatives in a chain of participations, for the large-graph paths."""
    graph = Graph()
    for i in range(size):
        kind, cls = ("person", VG.Person) if i % 2 == 0 else ("initiative", VG.Initiative)
        graph.add((VGID[f"{kind}/n{i:05d}"], RDF.type, cls))
        graph.add((VGID[f"{kind}/n{i:05d}"], RDFS.label, Literal(f"Node {i}")))
    for i in range(0, size - 1, 2):
        graph.add((VGID[f"person/n{i:05d}"], VG.participatesIn, VGID[f"initiative/n{i + 1:05d}"]))
        if i + 3 < size:
            graph.add((VGID[f"person/n{i + 2:05d}"], VG.participatesIn, VGID[f"initiative/n{i + 1:05d}"]))
    return graph


def test_browser_loads_offline_without_errors_and_draws_every_node(open_graph):
    opened = open_graph(sample_graph())
    expected = len(network_data(sample_graph())["nodes"])
    assert expected == 7  # two persons, two organisations, a municipality, an initiative, an event
    assert opened.js("velferdsgraf.network.body.nodeIndices.length") == expected
    assert opened.other_requests() == []
    assert opened.errors == []
    assert opened.page.inner_text("#vg-counts") == "7 nodes, 6 relations"


def test_browser_search_by_alias_focuses_the_node(open_graph):
    opened = open_graph(sample_graph())
    opened.page.fill("#vg-search", "seres")
    assert opened.page.inner_text("#vg-results button").startswith("Silvija Seres")
    opened.page.press("#vg-search", "Enter")
    assert opened.js("velferdsgraf.network.getSelectedNodes()") == ["person_silvija-seres"]
    assert opened.page.inner_text("#vg-details h3") == "Silvija Seres"
    # the view moves to centre the node (a short animation on small graphs)
    offset = opened.page.evaluate("""() => new Promise((resolve) => {
        const network = velferdsgraf.network;
        const distance = () => {
            const centre = network.getViewPosition(), node = network.getPosition("person_silvija-seres");
            return Math.hypot(centre.x - node.x, centre.y - node.y);
        };
        let tries = 0;
        const poll = () => (distance() < 1 || ++tries > 60) ? resolve(distance()) : setTimeout(poll, 50);
        poll();
    })""")
    assert offset < 1


def test_browser_details_panel_opens_with_relations_and_their_evidence(open_graph):
    opened = open_graph(sample_graph())
    opened.page.fill("#vg-search", "Silvija")
    opened.page.click("#vg-results button")
    details = opened.page.inner_text("#vg-details")
    assert "NAV-leder; statssekretær" in details
    assert "Arbeids- og sosialdepartementet" in details and "Gentænk velfærden 2019" in details
    assert "Seres deltok også på Gentænk velfærden 2019." in details
    assert "Velferd er en fellesoppgave · 2019-02-27" in details  # the report's headline and date
    # evidence comes first: the relations and their sentences before the facts about the node
    assert details.index("Relations") < details.index("Seres deltok også") < details.index("About")
    marks = opened.js("Array.from(document.querySelectorAll('#vg-details mark')).map(m => m.textContent)")
    assert "Seres" in marks and "Gentænk velfærden 2019" in marks  # both ends' names highlighted


def test_browser_click_on_a_node_opens_its_details(open_graph):
    opened = open_graph(sample_graph())
    point = opened.js("velferdsgraf.network.canvasToDOM(velferdsgraf.network.getPosition('person_anne-olsen'))")
    box = opened.page.locator("#vg-network").bounding_box()
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert opened.page.inner_text("#vg-details h3") == "Anne Olsen"
    assert "Member of (1)" in opened.page.inner_text("#vg-details")


PIXEL = """(id) => {
    const network = velferdsgraf.network, point = network.canvasToDOM(network.getPosition(id));
    const canvas = document.querySelector('#vg-network canvas'), ratio = window.devicePixelRatio || 1;
    return Array.from(canvas.getContext('2d').getImageData(Math.round(point.x * ratio), Math.round(point.y * ratio), 1, 1).data);
}"""


def test_browser_select_highlights_neighbours_and_dims_the_rest(open_graph):
    opened = open_graph(sample_graph())
    person_blue = [31, 119, 180]
    assert opened.page.evaluate(PIXEL, "person_silvija-seres")[:3] == person_blue
    opened.js("velferdsgraf.select('person_anne-olsen')")
    assert opened.js("velferdsgraf.highlighted") == [
        "initiative_velferd-er-en-fellesoppgave", "organisation_nav-ski", "person_anne-olsen"]
    opened.page.wait_for_timeout(200)  # the next frame
    assert opened.page.evaluate(PIXEL, "person_anne-olsen")[:3] == person_blue  # in focus: as drawn
    dimmed = opened.page.evaluate(PIXEL, "person_silvija-seres")[:3]
    assert min(dimmed) > 190  # out of focus: faded towards white
    drawn = set(opened.js("velferdsgraf.labelBoxes.map(b => b.id)"))
    assert {"person_anne-olsen", "organisation_nav-ski"} <= drawn
    box = opened.page.locator("#vg-network").bounding_box()  # a click on empty canvas ends the focus
    opened.page.mouse.click(box["x"] + 3, box["y"] + 3)
    assert opened.js("velferdsgraf.highlighted") == []
    opened.page.wait_for_timeout(200)
    assert opened.page.evaluate(PIXEL, "person_silvija-seres")[:3] == person_blue


def test_browser_click_on_an_edge_shows_its_evidence(open_graph):
    opened = open_graph(sample_graph())
    point = opened.js("""(() => {
        const n = velferdsgraf.network, a = n.getPosition('person_silvija-seres'),
              b = n.getPosition('event_gentaenk-velfaerden-2019');
        return n.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
    })()""")
    box = opened.page.locator("#vg-network").bounding_box()
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    details = opened.page.inner_text("#vg-details")
    assert "Silvija Seres — participates in — Gentænk velfærden 2019" in details
    assert "Evidence (2)" in details and "Seres deltok også på Gentænk velfærden 2019." in details


def test_browser_ego_page_marks_the_ego(open_graph):
    opened = open_graph(sample_graph(), ego="Anne Olsen", depth=2)
    assert opened.js("velferdsgraf.focused") == "person_anne-olsen"
    assert opened.js("velferdsgraf.network.body.nodes['person_anne-olsen'].options.borderWidth") == 4
    assert opened.page.inner_text("#vg-details h3") == "Anne Olsen"


def test_browser_filters_refit_update_counts_and_expand_brings_back(open_graph):
    opened = open_graph(sample_graph())
    opened.page.uncheck("#vg-legend li:first-child input")  # Person
    assert opened.js("velferdsgraf.visibleCount()") == 5
    assert opened.page.inner_text("#vg-counts") == "5 of 7 nodes, 2 relations"
    opened.page.check("#vg-legend li:first-child input")
    assert opened.page.inner_text("#vg-counts") == "7 nodes, 6 relations"
    opened.page.select_option("#vg-municipality", label="Ski")
    # Ski, NAV Ski (located there), Anne Olsen (member of NAV Ski), the initiative NAV Ski is in
    assert opened.js("velferdsgraf.nodes.getIds().sort()") == [
        "initiative_velferd-er-en-fellesoppgave", "municipality_ski", "organisation_nav-ski", "person_anne-olsen"]
    assert opened.page.inner_text("#vg-counts").startswith("4 of 7 nodes")
    # the view is fitted to what is left: every node kept is inside the canvas
    inside = opened.js("""velferdsgraf.nodes.getIds().every(id => {
        const p = velferdsgraf.network.canvasToDOM(velferdsgraf.network.getPosition(id));
        const box = document.getElementById('vg-network');
        return p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight;
    })""")
    assert inside is True
    opened.page.select_option("#vg-municipality", value="")
    opened.page.uncheck("#vg-legend li:first-child input")  # Person off, then expand NAV Ski
    opened.js("velferdsgraf.select('organisation_nav-ski')")
    opened.page.click("#vg-expand")
    assert "person_anne-olsen" in opened.js("velferdsgraf.nodes.getIds()")
    assert opened.errors == []


def test_browser_collaboration_network_with_a_minimum_weight(open_graph):
    opened = open_graph(co_working_graph())
    opened.page.select_option("#vg-mode", "collaboration")
    assert sorted(opened.js("velferdsgraf.edges.getIds()")) == [
        "collaboratesWith__organisation_ks__organisation_nav-ski",
        "collaboratesWith__person_kari-holm__person_silvija-seres"]
    # only persons and organisations that work with someone are drawn
    assert opened.js("velferdsgraf.nodes.getIds().sort()") == [
        "organisation_ks", "organisation_nav-ski", "person_kari-holm", "person_silvija-seres"]
    assert opened.page.is_visible("#vg-min-weight")
    opened.page.select_option("#vg-colour", "community")
    assert opened.page.is_visible("#vg-community-legend")
    opened.page.select_option("#vg-mode", "relations")
    assert "participatesIn__person_kari-holm__event_gentaenk-velfaerden-2019" in opened.js("velferdsgraf.edges.getIds()")
    assert opened.errors == []


def test_browser_markup_in_names_runs_nothing(open_graph):
    opened = open_graph(hostile_graph())
    opened.page.fill("#vg-search", "img src")
    opened.page.press("#vg-search", "Enter")
    opened.page.select_option("#vg-mode", "collaboration")
    opened.page.select_option("#vg-mode", "relations")
    opened.page.select_option("#vg-colour", "community")
    opened.page.select_option("#vg-report", index=1)
    details = opened.page.inner_text("#vg-details")
    assert f"Kari {XSS}" in details and f"{XSS} deltok også." in details
    assert opened.page.inner_text("#vg-report option:nth-child(2)") == f"Rapport {XSS} (2019-02-27)"
    opened.page.wait_for_timeout(300)  # give an injected onerror the time it would need
    assert opened.dialogs == []
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.errors == [] and opened.other_requests() == []


def test_browser_large_graph_has_no_physics_and_keeps_positions(open_graph):
    size = 600
    opened = open_graph(chain_graph(size))
    assert opened.js("velferdsgraf.network.body.nodeIndices.length") == size
    assert opened.js("velferdsgraf.network.physics.physicsEnabled") is False
    assert opened.page.is_hidden("#vg-notice")


def test_browser_beyond_the_limit_shows_the_most_central_and_says_so(open_graph):
    opened = open_graph(chain_graph(300), limit=100)
    assert opened.js("velferdsgraf.network.body.nodeIndices.length") == 100
    notice = opened.page.inner_text("#vg-notice")
    assert "Showing the 100 most central of 300 entities" in notice and "GEXF" in notice


def test_browser_a_cut_entity_is_found_and_brought_in_with_its_neighbours(open_graph):
    opened = open_graph(chain_graph(6000))
    assert opened.js("velferdsgraf.network.body.nodeIndices.length") == 5000
    cut = opened.js("JSON.parse(document.getElementById('vg-data').textContent).cut.nodes[0]")
    opened.page.fill("#vg-search", cut[1])
    first = opened.page.inner_text("#vg-results li:first-child button")
    assert first.startswith(cut[1]) and "not drawn yet" in first
    opened.page.press("#vg-search", "Enter")
    assert opened.js("velferdsgraf.network.getSelectedNodes()") == [cut[0]]
    assert opened.page.inner_text("#vg-details h3") == cut[1]
    neighbours = opened.js(f"velferdsgraf.highlighted")
    assert len(neighbours) >= 2 and all(opened.js(f"!!velferdsgraf.network.body.nodes['{n}']") for n in neighbours)
    assert opened.errors == []


SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "reports"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"samples not found at {SAMPLES} (../shared is absent)")
def test_browser_no_two_labels_overlap_on_the_samples_page(open_graph):
    from velferdsgraf import build_graph

    opened = open_graph(build_graph([SAMPLES]).graph)
    boxes = opened.js("velferdsgraf.labelBoxes")
    assert len(boxes) >= 20  # many labels are drawn at the first zoom …
    for i, a in enumerate(boxes):  # … and none overlaps another
        for b in boxes[i + 1:]:
            apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or \
                a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]
            assert apart, (a, b)
    # the boxes are where the text is: each sits just under its node
    for box in boxes[:10]:
        centre = opened.js(f"velferdsgraf.network.canvasToDOM(velferdsgraf.network.getPosition('{box['id']}'))")
        assert abs(box["x"] + box["w"] / 2 - centre["x"]) < 1 and box["y"] >= centre["y"]
    assert opened.errors == []
