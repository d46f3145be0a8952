"""How fast does network.html open? Synthetic graphs of N entities, timed in headless Chromium.

    python benchmarks/html_open.py [--sizes 500,5000,20000] [--runs 3] [--chromium /usr/bin/chromium]

For each size: builds a synthetic graph shaped as docs/RDF.md (persons with roles in
organisations, organisations in municipalities, participants of initiatives and events, every
statement with an evidence sentence, clustered in regions so there are communities), writes the
page with velferdsgraf.output.html, then opens it in headless Chromium with every request but
the file itself aborted. Open-to-interactive is the time from navigation start until the page
has drawn its first frame after layout with all handlers attached (``velferdsgraf.ready``);
``focus`` is the time from a search for a node's name to the frame showing it focused, with the
details panel filled. Prints one Markdown table row per size (medians over --runs).

    python benchmarks/html_open.py --pages old.html,new.html [--runs 6]

times pages already written (for instance by two versions of velferdsgraf), opening them in
turn so that both see the same load on the machine; one row per page.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from velferdsgraf.ontology.namespace import ORG, SCHEMA, VG, VGID
from velferdsgraf.output.html import write_html

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHARES = {"person": 0.5, "organisation": 0.25, "municipality": 0.07, "initiative": 0.1, "event": 0.08}
CLASSES = {"person": VG.Person, "organisation": VG.Organisation, "municipality": VG.Municipality,
           "initiative": VG.Initiative, "event": VG.Event}
ROLES = ["rådgiver", "leder", "NAV-leder", "prosjektleder", "ordfører", "seniorrådgiver", "daglig leder"]
SURNAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
            "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Johannessen", "Bakken", "Lie"]
GIVEN = ["Anne", "Kari", "Ola", "Per", "Ingrid", "Nina", "Lars", "Marit", "Silje", "Jonas", "Eirik", "Hilde"]


class _Writer:
    """Adds entities, reports and statements with evidence, as the builder would."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.evidence = 0

    def sentence(self, report: URIRef, text: str) -> URIRef:
        node = VGID[f"evidence/e{self.evidence}"]
        start = 100 * (self.evidence % 1000)
        self.evidence += 1
        for p, o in ((RDF.type, VG.Evidence), (VG.report, report), (VG.sentence, Literal(text)),
                     (VG.startOffset, Literal(start)), (VG.endOffset, Literal(start + len(text)))):
            self.g.add((node, p, o))
        return node

    def statement(self, s: URIRef, p: URIRef, o: URIRef, report: URIRef, text: str) -> None:
        node = VGID[f"statement/s{self.evidence}"]
        self.g.add((s, p, o))
        for pp, oo in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                       (PROV.wasDerivedFrom, self.sentence(report, text))):
            self.g.add((node, pp, oo))


def synthetic_graph(size: int, seed: int = 7) -> Graph:
    """A graph of about ``size`` entities in regions of ~60, shaped as docs/RDF.md."""
    rng = random.Random(seed)
    g = Graph()
    w = _Writer(g)
    regions = max(1, size // 60)
    reports = []
    for r in range(max(1, size // 25)):
        report = VGID[f"report/r{r:05d}"]
        for p, o in ((RDF.type, VG.Report), (DCTERMS.identifier, Literal(f"r{r:05d}")),
                     (DCTERMS.title, Literal(f"Rapport {r} om samarbeid i region {r % regions}")),
                     (DCTERMS.source, Literal(f"reports/r{r:05d}.txt"))):
            g.add((report, p, o))
        reports.append(report)
    by_kind: dict[str, list[list[URIRef]]] = {kind: [[] for _ in range(regions)] for kind in SHARES}
    labels: dict[URIRef, str] = {}
    for kind, share in SHARES.items():
        for i in range(max(1, round(size * share))):
            region = rng.randrange(regions)
            iri = VGID[f"{kind}/{kind[:3]}-{i:05d}"]
            label = (f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} {i}" if kind == "person"
                     else f"{kind.capitalize()} {i} i region {region}")
            labels[iri] = label
            g.add((iri, RDF.type, CLASSES[kind]))
            g.add((iri, RDFS.label, Literal(label)))
            if kind == "person" and rng.random() < 0.2:
                g.add((iri, SKOS.altLabel, Literal(label.split()[1])))
            g.add((_report(reports, region, regions, rng), SCHEMA.mentions, iri))
            by_kind[kind][region].append(iri)
    roles = [VGID[f"role/role-{i}"] for i in range(len(ROLES))]
    for role, name in zip(roles, ROLES):
        g.add((role, RDF.type, VG.Role))
        g.add((role, RDFS.label, Literal(name)))

    def pick(kind: str, region: int) -> URIRef | None:
        pool = by_kind[kind][region] if rng.random() < 0.9 else by_kind[kind][rng.randrange(regions)]
        pool = pool or [x for group in by_kind[kind] for x in group]
        return rng.choice(pool) if pool else None

    for region in range(regions):
        report = _report(reports, region, regions, rng)
        for org in by_kind["organisation"][region]:
            muni = pick("municipality", region)
            if muni is not None:
                w.statement(org, VG.locatedIn, muni, report, f"{labels[org]} ligger i {labels[muni]}.")
        for person in by_kind["person"][region]:
            org = pick("organisation", region)
            if org is None:
                continue
            role = rng.choice(roles)
            membership = VGID[f"membership/m{w.evidence}"]
            for p, o in ((RDF.type, ORG.Membership), (ORG.member, person), (ORG.role, role), (ORG.organization, org),
                         (PROV.wasDerivedFrom, w.sentence(report, f"{labels[person]} er {ROLES[roles.index(role)]} i {labels[org]}."))):
                g.add((membership, p, o))
            g.add((person, ORG.memberOf, org))
        for context in by_kind["initiative"][region] + by_kind["event"][region]:
            count = min(40, 2 + int(rng.paretovariate(1.6)))
            for _ in range(count):
                kind = rng.choices(["person", "organisation", "municipality"], [0.6, 0.3, 0.1])[0]
                actor = pick(kind, region)
                if actor is not None:
                    w.statement(actor, VG.participatesIn, context, report, f"{labels[actor]} deltok i {labels[context]}.")
    return g


def _report(reports: list[URIRef], region: int, regions: int, rng: random.Random) -> URIRef:
    """A report of the region (reports are dealt round-robin to regions)."""
    own = reports[region % len(reports)::regions] or reports
    return rng.choice(own)


def open_page(browser: object, path: Path) -> dict[str, float]:
    """Open ``path`` with all requests but the file aborted; times in seconds."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    blocked: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url == path.as_uri()
               else (blocked.append(route.request.url), route.abort()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_selector("html[data-vg-ready]", state="attached", timeout=120_000)
    ready = page.evaluate("velferdsgraf.readyAt") / 1000
    focus = page.evaluate("""() => new Promise((resolve) => {
        const t0 = performance.now();
        const id = velferdsgraf.nodes.getIds()[Math.floor(velferdsgraf.nodes.length / 2)];
        // pages before issue 11 kept the label on the drawn node; later ones in their data
        const label = velferdsgraf.entity ? velferdsgraf.entity(id).label : velferdsgraf.nodes.get(id).label;
        const hit = velferdsgraf.search(label)[0];
        velferdsgraf.network.once('afterDrawing', () => resolve((performance.now() - t0) / 1000));
        velferdsgraf.focus(hit.id);
    })""")
    drawn = page.evaluate("velferdsgraf.network.body.nodeIndices.length")
    page.close()
    if errors or blocked:
        raise RuntimeError(f"page errors {errors[:3]} or requests {blocked[:3]}")
    return {"ready": ready, "focus": focus, "drawn": drawn}


def compare_pages(paths: list[Path], runs: int, chromium: str) -> None:
    """Open each page in turn, ``runs`` rounds, and print a Markdown row per page."""
    from playwright.sync_api import sync_playwright

    times: dict[Path, list[dict[str, float]]] = {path: [] for path in paths}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _round in range(runs):
            for path in paths:
                times[path].append(open_page(browser, path.resolve()))
        browser.close()
    print("| page | MB | nodes drawn | open-to-interactive s (min / median / max) | search-to-focus s |")
    print("|---|---|---|---|---|")
    for path, rows in times.items():
        ready = sorted(r["ready"] for r in rows)
        print(f"| {path.name} | {path.stat().st_size / 1e6:.1f} | {rows[0]['drawn']:,} "
              f"| {ready[0]:.2f} / {statistics.median(ready):.2f} / {ready[-1]:.2f} "
              f"| {statistics.median(r['focus'] for r in rows):.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--pages", help="comma-separated pages to time in turn, instead of --sizes")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.pages:
        compare_pages([Path(p) for p in args.pages.split(",")], args.runs, args.chromium)
        return

    print("| entities | triples | page written s | page MB | nodes drawn | open-to-interactive s (min / median / max) | search-to-focus s |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            graph = synthetic_graph(size)
            path = Path(tmp) / f"network-{size}.html"
            t = time.perf_counter()
            write_html(graph, path)
            written = time.perf_counter() - t
            runs = [open_page(browser, path) for _ in range(args.runs)]
            ready = sorted(r["ready"] for r in runs)
            print(f"| {size:,} | {len(graph):,} | {written:.1f} | {path.stat().st_size / 1e6:.1f} | {runs[0]['drawn']:,} "
                  f"| {ready[0]:.2f} / {statistics.median(ready):.2f} / {ready[-1]:.2f} "
                  f"| {statistics.median(r['focus'] for r in runs):.2f} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
