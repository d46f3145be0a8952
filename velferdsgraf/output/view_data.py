"""The data the network page draws: nodes, edges, collaborations, evidence, legend and options.

Everything the page shows comes from here as JSON; the page's script only renders it. Large
graphs get positions computed here (output/layout.py) and physics off above PHYSICS_LIMIT
nodes, and above VIEW_LIMIT nodes only the most central VIEW_LIMIT are kept (``truncated``
says so, and the page prints it); GraphML and GEXF always hold the whole graph.
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
from .focus import ViewFilter, municipality_ties, select_nodes, top_nodes
from .layout import LAYOUT_SCALE, layout
from .metrics import COLLABORATION, community_colour, relation_graph
from .network import (
    ENTITY_TYPES,
    TYPE_COLOURS,
    TYPE_SHAPES,
    EntityNetwork,
    entity_network,
    hex_colour,
)

__all__ = ["EDGE_LABEL_LIMIT", "PHYSICS_LIMIT", "VIEW_LIMIT", "network_data", "view_filter"]

VIEW_LIMIT = 5000  # most nodes the page draws; a larger graph shows its most central ones
PHYSICS_LIMIT = 500  # above this many nodes, precomputed positions and no physics
EDGE_LABEL_LIMIT = 2000  # above this many edges, labels move to tooltips (drawing stays fast)


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
    """The JSON the page draws (see the module docstring); the options are those of ``view``."""
    view = view_filter(types, min_degree, municipality, ego, depth)
    network = entity_network(graph, include_roles=view.types is not None and "Role" in view.types)
    net = network.net
    keep = select_nodes(net, view)
    total = len(keep)
    if total > limit:
        keep = top_nodes(net, keep, limit)
    shown = net.subgraph(keep)
    positions = layout(relation_graph(shown), scale=max(LAYOUT_SCALE, 40.0 * math.sqrt(len(keep))))
    reports, report_index = _reports(graph)
    mentioned = _mentions(graph, report_index)
    evidence = _Evidence(graph, report_index)
    ties = municipality_ties(net)

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
            "size": attrs["size"],
            "degree": attrs["degree"],
            "betweenness": attrs["betweenness"],
            "community": attrs["community"],
            "collaborators": attrs["collaborators"],
            "mentions": attrs["mentions"],
            "roles": attrs["roles"],
            "reports": mentioned.get(attrs["iri"], []),
            "munis": sorted(ties.get(node, ())),
            "x": x,
            "y": y,
        })
    edges, collaborations = _edges(network, shown, evidence)
    return {
        "types": _legend(nodes),
        "communities": _communities(nodes),
        "reports": reports,
        "evidence": evidence.rows,
        "municipalities": sorted(
            ([m, net.nodes[m]["label"]] for m in {m for n in nodes for m in n["munis"]}),
            key=lambda pair: (pair[1].casefold(), pair[0]),
        ),
        "nodes": nodes,
        "edges": edges,
        "collaborations": collaborations,
        "truncated": {"shown": len(nodes), "total": total, "limit": limit} if total > limit else None,
        "physics": len(nodes) <= PHYSICS_LIMIT,
        "edgeLabels": len(edges) <= EDGE_LABEL_LIMIT,
        "options": _options(len(nodes)),
    }


def _edges(network: EntityNetwork, shown: Any, evidence: _Evidence) -> tuple[list[dict], list[dict]]:
    edges, collaborations = [], []
    for source, target, attrs in shown.edges(data=True):
        if attrs["relation"] == COLLABORATION:
            contexts = network.contexts.get(attrs["id"], ())
            collaborations.append({
                "id": attrs["id"], "from": source, "to": target, "weight": int(attrs["weight"]),
                "label": attrs["label"], "contexts": [network.net.nodes[c]["label"] for c in contexts],
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
    """Reports sorted by identifier, each with its title (the identifier when it has none)."""
    rows = []
    for report in set(graph.subjects(SCHEMA.mentions, None)) | set(graph.objects(None, VG.report)):
        identifier = str(graph.value(report, DCTERMS.identifier) or report)
        title = " ".join(str(graph.value(report, DCTERMS.title) or identifier).split())
        rows.append((identifier, str(report), title, report))
    rows.sort()
    index = {row[3]: number for number, row in enumerate(rows)}
    return [{"id": row[0], "title": row[2]} for row in rows], index


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


def _communities(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[int, int] = defaultdict(int)
    for node in nodes:
        counts[node["community"]] += 1
    return [{"id": c, "color": community_colour(c), "count": counts[c]} for c in sorted(counts)]


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
    """vis-network options: physics settles once from the computed layout, or is off for large graphs."""
    large = node_count > PHYSICS_LIMIT
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "nodes": {
            "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 12, "max": 26, "drawThreshold": 6}},
            "font": {"size": 14, "face": "system-ui, sans-serif"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"inherit": "from", "opacity": 0.6},
            "font": {"size": 10, "align": "middle"},
            "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
            "smooth": False,
        },
        "physics": False if large else {
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 50, "fit": True},
        },
        "interaction": {
            "hover": not large,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
    }
