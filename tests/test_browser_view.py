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
    sample_graph,
)
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS

from velferdsgraf.ontology.namespace import VG, VGID
from velferdsgraf.output.html import write_html
from velferdsgraf.output.view_data import PHYSICS_LIMIT, network_data

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
    assert opened.page.inner_text("#vg-counts").startswith("7 nodes, 6 relations, 1 collaborations")


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


def test_browser_details_panel_shows_roles_organisations_and_evidence(open_graph):
    opened = open_graph(sample_graph())
    opened.page.fill("#vg-search", "Silvija")
    opened.page.click("#vg-results button")
    details = opened.page.inner_text("#vg-details")
    assert "NAV-leder; statssekretær" in details
    assert "Arbeids- og sosialdepartementet" in details and "Gentænk velfærden 2019" in details
    assert "Seres deltok også på Gentænk velfærden 2019." in details
    assert "Velferd er en fellesoppgave" in details  # the report's title


def test_browser_click_on_a_node_opens_its_details(open_graph):
    opened = open_graph(sample_graph())
    point = opened.js("velferdsgraf.network.canvasToDOM(velferdsgraf.network.getPosition('person_anne-olsen'))")
    box = opened.page.locator("#vg-network").bounding_box()
    opened.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert opened.page.inner_text("#vg-details h3") == "Anne Olsen"
    assert "Works with" in opened.page.inner_text("#vg-details")


def test_browser_filters_and_collaboration_toggle(open_graph):
    opened = open_graph(sample_graph())
    opened.page.uncheck("#vg-legend li:first-child input")  # Person
    assert opened.js("velferdsgraf.visibleCount()") == 5
    opened.page.check("#vg-legend li:first-child input")
    opened.page.select_option("#vg-municipality", label="Ski")
    # Ski, NAV Ski (located there), Anne Olsen (member of NAV Ski), the initiative NAV Ski is in
    assert opened.js("velferdsgraf.nodes.getIds().sort()") == [
        "initiative_velferd-er-en-fellesoppgave", "municipality_ski", "organisation_nav-ski", "person_anne-olsen"]
    opened.page.select_option("#vg-municipality", value="")
    assert opened.js("velferdsgraf.visibleCount()") == 7
    opened.page.check("#vg-show-collaboration")
    assert "collaboratesWith__organisation_nav-ski__person_anne-olsen" in opened.js("velferdsgraf.edges.getIds()")
    opened.page.select_option("#vg-colour", "community")
    assert opened.page.is_visible("#vg-community-legend")
    assert opened.errors == []


def test_browser_markup_in_names_runs_nothing(open_graph):
    opened = open_graph(hostile_graph())
    opened.page.fill("#vg-search", "img src")
    opened.page.press("#vg-search", "Enter")
    opened.page.check("#vg-show-collaboration")
    opened.page.select_option("#vg-colour", "community")
    opened.page.select_option("#vg-report", index=1)
    details = opened.page.inner_text("#vg-details")
    assert f"Kari {XSS}" in details and f"{XSS} deltok også." in details
    assert opened.page.inner_text("#vg-report option:nth-child(2)") == f"Rapport {XSS}"
    opened.page.wait_for_timeout(300)  # give an injected onerror the time it would need
    assert opened.dialogs == []
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.errors == [] and opened.other_requests() == []


def test_browser_large_graph_has_no_physics_and_keeps_positions(open_graph):
    size = PHYSICS_LIMIT + 100
    opened = open_graph(chain_graph(size))
    assert opened.js("velferdsgraf.network.body.nodeIndices.length") == size
    assert opened.js("velferdsgraf.network.physics.physicsEnabled") is False
    assert opened.page.is_hidden("#vg-notice")


def test_browser_beyond_the_limit_shows_the_most_central_and_says_so(open_graph):
    opened = open_graph(chain_graph(300), limit=100)
    assert opened.js("velferdsgraf.network.body.nodeIndices.length") == 100
    notice = opened.page.inner_text("#vg-notice")
    assert "Showing the 100 most central of 300 entities" in notice and "GEXF" in notice
