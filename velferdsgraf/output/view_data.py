"""The data the network page draws: nodes, edges, collaborations, evidence, legend and options.

Everything the page shows comes from here as JSON; the page's script only renders it. Positions
are computed here for every size (output/layout.py, then ``separate`` so no two nodes overlap)
and the page runs no physics. Above VIEW_LIMIT nodes only the most central VIEW_LIMIT are
drawn (``truncated`` says so, and the page prints it); the others travel in ``cut``, in a
compact form (id, label, type, aliases; their relations as index triples, without evidence),
so search still finds every entity and the page can bring one in with its neighbours. A page
weighs about 1.3 MB per 1,000 drawn nodes (their evidence sentences included) plus about 75
bytes per cut entity: 6.6 MB for 20,000 entities (BENCHMARKS.md).
GraphML and GEXF always hold the whole graph.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from ..ontology.namespace import SCHEMA, VG
from .focus import ViewFilter, described, municipality_reach, resolve_entity, select_nodes, top_nodes
from .layout import layout, separate
from .metrics import COLLABORATION, community_colour, relation_graph
from .network import (
    ENTITY_TYPES,
    RELATIONS,
    TYPE_COLOURS,
    TYPE_SHAPES,
    EntityNetwork,
    entity_network,
    hex_colour,
)

__all__ = ["HOVER_LIMIT", "OTHER_COMMUNITY", "VIEW_LIMIT", "network_data", "view_filter"]

VIEW_LIMIT = 5000  # most nodes the page draws; a larger graph shows its most central ones
HOVER_LIMIT = 2000  # above this many nodes, no hover tracking (labels show on zoom and selection)
OTHER_COMMUNITY = -1  # communities of one drawn node are folded into "other"
_RELATION_NAMES = tuple(RELATIONS.values())  # relation index in ``cut.links``


def view_filter(
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    municipality: str | None = None,
    ego: str | None = None,
    depth: int = 1,
) -> ViewFilter:
    """A ViewFilter from plain options; unknown type names raise ValueError listing the known ones."""
    return ViewFilter(_wanted_types(types), min_degree, municipality, ego, depth)


def network_data(
    graph: Graph,
    *,
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    municipality: str | None = None,
    ego: str | None = None,
    depth: int = 1,
    limit: int = VIEW_LIMIT,
) -> dict[str, Any]:
    """The JSON the page draws (see the module docstring); the options are those of ``view``.

    ``notes`` holds warnings for the caller to print (an ``ego`` name that is also another
    entity's alias); ``ego`` is the node id of the entity the view centres on, if any.
    """
    view = view_filter(types, min_degree, municipality, ego, depth)
    network = entity_network(graph, include_roles=view.types is not None and "Role" in view.types)
    net = network.net
    notes: list[str] = []
    centre = None
    if ego is not None:
        centre, others = resolve_entity(net, ego)
        if others:
            notes.append(f"--ego {ego!r} is {described(net, [centre])}, and also an alias of "
                         f"{described(net, others)}; give the IRI to centre on one of those")
    keep = select_nodes(net, view)
    total = len(keep)
    drawn = top_nodes(net, keep, limit) if total > limit else set(keep)
    shown = net.subgraph(drawn)
    radii = {node: _radius(attrs["degree"]) for node, attrs in shown.nodes(data=True)}
    positions = layout(relation_graph(shown), scale=_spread(len(drawn)))
    positions = separate(positions, radii, gap=max(radii.values(), default=0.0) / 2)
    reports, report_index = _reports(graph)
    mentioned = _mentions(graph, report_index)
    evidence = _Evidence(graph, report_index)
    reach = municipality_reach(net)
    communities, folded = _communities(shown)

    nodes = []
    for node, attrs in shown.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        kind = attrs["type"]
        nodes.append({
            "id": node,
            "label": attrs["label"],
            "alt": [a for a in attrs["altLabels"].split("; ") if a],
            "type": kind,
            "iri": attrs["iri"],
            "color": hex_colour((attrs["r"], attrs["g"], attrs["b"])),
            "shape": TYPE_SHAPES[kind][0],
            "size": radii[node],
            "degree": attrs["degree"],
            "betweenness": attrs["betweenness"],
            "community": folded.get(node, OTHER_COMMUNITY),
            "collaborators": attrs["collaborators"],
            "mentions": attrs["mentions"],
            "roles": attrs["roles"],
            "reports": mentioned.get(attrs["iri"], []),
            "munis": sorted(reach.get(node, ())),
            "x": x,
            "y": y,
        })
    edges, collaborations = _edges(network, shown, evidence)
    return {
        "types": _legend(nodes),
        "typeStyles": {
            kind: [hex_colour(TYPE_COLOURS[kind]), TYPE_SHAPES[kind][0]] for kind in (*ENTITY_TYPES, "Other")
        },
        "communities": communities,
        "reports": reports,
        "evidence": evidence.rows,
        "municipalities": sorted(
            ([m, net.nodes[m]["label"]] for m in {m for n in nodes for m in n["munis"]}),
            key=lambda pair: (pair[1].casefold(), pair[0]),
        ),
        "nodes": nodes,
        "edges": edges,
        "collaborations": collaborations,
        "cut": _cut(net, keep - drawn, [n["id"] for n in nodes]) if total > limit else None,
        "truncated": {"shown": len(nodes), "total": total, "limit": limit} if total > limit else None,
        "ego": centre,
        "notes": notes,
        "physics": False,
        "hover": len(nodes) <= HOVER_LIMIT,
        "options": _options(len(nodes)),
    }


def _spread(count: int) -> float:
    """Half the width of the drawing, in the units of node radii: room for ``count`` nodes and their labels."""
    return round(100.0 + 50.0 * math.sqrt(count), 3)


def _radius(degree: int) -> float:
    """A node's radius on the page: grows with the square root of its relations, 6 to 40."""
    return round(min(40.0, 6.0 + 3.0 * math.sqrt(degree)), 3)


def _cut(net: Any, cut: set[str], drawn: list[str]) -> dict[str, Any]:
    """The entities left out of the drawing, compactly: rows and relation index triples.

    Indices number the drawn nodes first (in the order of ``nodes``), then the cut ones (in
    the order of ``nodes`` here); ``links`` is flat: from, to, relation index, from, to, …
    """
    ordered = sorted(cut, key=lambda n: (-net.nodes[n]["degree"], n))
    index = {node: number for number, node in enumerate([*drawn, *ordered])}
    kinds = [*ENTITY_TYPES, "Other"]
    rows = [
        [n, net.nodes[n]["label"], kinds.index(net.nodes[n]["type"]), net.nodes[n]["altLabels"], net.nodes[n]["degree"]]
        for n in ordered
    ]
    links: list[int] = []
    for u, v, attrs in net.edges(data=True):
        relation = attrs["relation"]
        if relation == COLLABORATION or u not in index or v not in index or (u not in cut and v not in cut):
            continue
        links += [index[u], index[v], _RELATION_NAMES.index(relation)]
    return {"kinds": kinds, "relations": list(_RELATION_NAMES), "nodes": rows, "links": links}


def _edges(network: EntityNetwork, shown: Any, evidence: _Evidence) -> tuple[list[dict], list[dict]]:
    edges, collaborations = [], []
    for source, target, attrs in shown.edges(data=True):
        if attrs["relation"] == COLLABORATION:
            contexts = network.contexts.get(attrs["id"], ())
            collaborations.append({
                "id": attrs["id"], "from": source, "to": target, "weight": int(attrs["weight"]),
                "label": attrs["label"], "contexts": [network.net.nodes[c]["label"] for c in contexts],
                "contextIds": list(contexts),
            })
            continue
        edges.append({
            "id": attrs["id"], "from": source, "to": target, "relation": attrs["relation"],
            "label": attrs["label"], "roles": attrs["roles"], "weight": attrs["weight"],
            "evidence": evidence.indices(network.evidence.get(attrs["id"], ())),
        })
    return edges, collaborations


class _Evidence:
    """Evidence sentences as rows ``[report index, sentence]``, numbered in order of first use."""

    def __init__(self, graph: Graph, report_index: dict[Node, int]) -> None:
        self.graph, self.report_index = graph, report_index
        self.rows: list[list[Any]] = []
        self.numbers: dict[Node, int] = {}

    def indices(self, nodes: Iterable[Node]) -> list[int]:
        found = []
        for node in nodes:
            if node not in self.numbers:
                report = self.graph.value(node, VG.report)
                sentence = self.graph.value(node, VG.sentence)
                if sentence is None:
                    continue
                self.numbers[node] = len(self.rows)
                self.rows.append([self.report_index.get(report, -1), " ".join(str(sentence).split())])
            found.append(self.numbers[node])
        return found


def _reports(graph: Graph) -> tuple[list[dict[str, str]], dict[Node, int]]:
    """Reports sorted by identifier, each with its headline (the identifier when it has none) and date."""
    rows = []
    for report in set(graph.subjects(SCHEMA.mentions, None)) | set(graph.objects(None, VG.report)):
        identifier = str(graph.value(report, DCTERMS.identifier) or report)
        title = " ".join(str(graph.value(report, DCTERMS.title) or identifier).split())
        date = str(graph.value(report, DCTERMS.date) or "")
        rows.append((identifier, str(report), title, date, report))
    rows.sort()
    index = {row[4]: number for number, row in enumerate(rows)}
    return [{"id": row[0], "title": row[2], "date": row[3]} for row in rows], index


def _mentions(graph: Graph, report_index: dict[Node, int]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for report, entity in graph.subject_objects(SCHEMA.mentions):
        if isinstance(entity, URIRef) and report in report_index:
            found[str(entity)].append(report_index[report])
    return {iri: sorted(numbers) for iri, numbers in found.items()}


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts[node["type"]] += 1
    return [
        {"name": kind, "color": hex_colour(TYPE_COLOURS[kind]), "shape": TYPE_SHAPES[kind][0], "count": counts[kind]}
        for kind in (*ENTITY_TYPES, "Other")
        if counts.get(kind)
    ]


def _communities(shown: Any) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Communities of the drawn nodes, each named after its most central member; one-node ones fold into "other".

    Returns the legend rows (largest first, "other" last) and node id -> community number.
    """
    members: dict[int, list[str]] = defaultdict(list)
    for node, attrs in shown.nodes(data=True):
        members[attrs["community"]].append(node)
    rows, folded = [], {}
    other = 0
    for number in sorted(members, key=lambda c: (-len(members[c]), c)):
        group = members[number]
        if len(group) < 2:
            other += 1
            continue
        hub = max(group, key=lambda n: (shown.nodes[n]["betweenness"], shown.nodes[n]["degree"], n))
        rows.append({"id": number, "name": shown.nodes[hub]["label"], "hub": hub,
                     "color": community_colour(len(rows)), "count": len(group)})
        for node in group:
            folded[node] = number
    if other:
        rows.append({"id": OTHER_COMMUNITY, "name": "other", "hub": None, "color": "#b0b0b0", "count": other})
    return rows, folded


def _wanted_types(types: Iterable[str] | None) -> frozenset[str] | None:
    """Type names, checked and in their canonical case; None keeps all types but Role."""
    if types is None:
        return frozenset((set(ENTITY_TYPES) - {"Role"}) | {"Other"})
    by_folded = {kind.casefold(): kind for kind in ENTITY_TYPES}
    wanted = set()
    for name in types:
        try:
            wanted.add(by_folded[name.strip().casefold()])
        except KeyError:
            raise ValueError(f"unknown entity type {name!r}; available: {', '.join(ENTITY_TYPES)}") from None
    return frozenset(wanted)


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options: computed positions, no physics; labels are drawn by the page (level of detail)."""
    large = node_count > HOVER_LIMIT
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "nodes": {"borderWidth": 1, "font": {"size": 0}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
            "color": {"inherit": "from", "opacity": 0.5},
            "scaling": {"min": 1, "max": 6, "label": {"enabled": False}},
            "smooth": False,
        },
        "physics": False,
        "interaction": {
            "hover": not large,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
    }
