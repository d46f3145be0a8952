"""``velferdsgraf push``: copy a build into a SPARQL 1.1 Graph Store Protocol endpoint.

The graph is cut into named graphs, each triple in exactly one of them: per report, the
report's own statements (its metadata and ``schema:mentions``), its evidence sentences and the
memberships read from it; everything shared between reports (entities, their labels, relations
and the statements they are reified in) goes into one shared graph. Each named graph is sent
with an HTTP PUT, which replaces that graph on the server: pushing again replaces, never
duplicates. Queries over the union of the graphs (oxigraph's ``--union-default-graph``, or
``GRAPH ?g {…}``) see exactly the triples of graph.ttl.
"""
from __future__ import annotations

import http.client
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ...errors import VelferdsgrafError
from .store import open_store

__all__ = ["DEFAULT_GRAPH_BASE", "PushError", "PushResult", "named_graphs", "push"]

DEFAULT_GRAPH_BASE = "https://w3id.org/velferdsgraf/graph/"
_REPORT_SUBJECTS = """
PREFIX vg: <https://w3id.org/velferdsgraf/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?report ?s WHERE {
  { ?report a vg:Report . BIND(?report AS ?s) }
  UNION { ?report a vg:Report . ?s vg:report ?report }
  UNION { ?report a vg:Report . ?s a org:Membership ; prov:wasDerivedFrom/vg:report ?report }
}"""


class PushError(VelferdsgrafError):
    """The endpoint refused a graph or could not be reached."""


@dataclass(frozen=True, slots=True)
class PushResult:
    """What was sent: named graphs and triples."""

    graphs: int
    triples: int


def named_graphs(store: Any, base: str = DEFAULT_GRAPH_BASE) -> Iterator[tuple[str, list[Any]]]:
    """(graph IRI, its triples) for every report graph, then the shared graph; each triple once.

    Report graphs are ``{base}report/{id}`` (the id of the report's IRI), the shared one
    ``{base}shared``; graphs come in IRI order.
    """
    import pyoxigraph as ox

    owner: dict[Any, Any] = {}
    for row in store.query(_REPORT_SUBJECTS):
        report, subject = row["report"], row["s"]
        # a node read from two reports (not made by build today) stays with the first report
        if subject not in owner or report.value < owner[subject].value:
            owner[subject] = report
    subjects: dict[Any, list[Any]] = defaultdict(list)
    for subject, report in owner.items():
        subjects[report].append(subject)
    for report in sorted(subjects, key=lambda r: r.value):
        triples = [q.triple for s in sorted(subjects[report], key=lambda n: n.value)
                   for q in store.quads_for_pattern(s, None, None, ox.DefaultGraph())]
        yield f"{base}report/{_local_id(report.value)}", triples
    shared = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
              if q.subject not in owner]
    yield f"{base}shared", shared


def _local_id(iri: str) -> str:
    return iri.rsplit("/report/", 1)[-1]


def push(out_dir: Path | str, endpoint: str, base: str = DEFAULT_GRAPH_BASE,
         progress: Callable[[str], None] | None = None) -> PushResult:
    """PUT every named graph of the build in ``out_dir`` to the Graph Store ``endpoint``.

    One keep-alive connection carries the requests; a refused request raises PushError
    naming the graph, the HTTP status and the server's message.
    """
    import pyoxigraph as ox

    from .store import STORE_DIR

    store = open_store(Path(out_dir) / STORE_DIR if (Path(out_dir) / STORE_DIR).is_dir() else out_dir)
    url = urlsplit(endpoint)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise PushError(f"{endpoint}: not an http(s) URL of a Graph Store endpoint")
    connection_class = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(url.hostname, url.port, timeout=120)
    separator = "&" if url.query else "?"
    graphs = triples = 0
    try:
        for iri, content in named_graphs(store, base):
            body = ox.serialize(content, format=ox.RdfFormat.N_TRIPLES)
            target = f"{url.path or '/'}{'?' + url.query if url.query else ''}{separator}graph={quote(iri, safe='')}"
            try:
                connection.request("PUT", target, body=body, headers={"Content-Type": "application/n-triples"})
                response = connection.getresponse()
                message = response.read().decode("utf-8", errors="replace")
            except OSError as error:
                raise PushError(f"{endpoint}: cannot send graph <{iri}>: {error}") from error
            if response.status not in (200, 201, 204):
                reason = " ".join(message.split())[:200]
                raise PushError(f"{endpoint}: graph <{iri}> refused: HTTP {response.status} {reason}")
            graphs += 1
            triples += len(content)
            if progress:
                progress(iri)
    finally:
        connection.close()
    return PushResult(graphs, triples)
