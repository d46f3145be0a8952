"""Centrality and communities of the entity network, computed the same way in every build.

Both are measured on the relation network (memberOf, locatedIn, participatesIn), taken as
undirected and simple, with an edge's weight the sum of its evidence weights; collaboration
edges are left out, since they only repeat what the contexts already join. Louvain runs with
a fixed seed over a graph built in sorted order, and communities are numbered by size, so the
same graph always gets the same numbers. Betweenness costs one breadth-first search of the
graph per source node: it is exact while that stays within BETWEENNESS_BUDGET node and edge
visits (about two seconds), and above that it is estimated from as many seeded source nodes
as the budget allows (networkx's ``k``, at least MIN_SAMPLES), so a 20,000-node graph takes
seconds, not minutes.
"""
from __future__ import annotations

import colorsys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "BETWEENNESS_BUDGET",
    "COMMUNITY_SEED",
    "MIN_SAMPLES",
    "add_metrics",
    "community_colour",
    "relation_graph",
]

COMMUNITY_SEED = 20190227
BETWEENNESS_BUDGET = 1_500_000  # sources x (nodes + edges)
MIN_SAMPLES = 16
COLLABORATION = "collaboratesWith"
# Tableau 20, darker shades first: distinct for the largest communities, then hues by golden angle
_PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#dbdb8d", "#9edae5",
)


def relation_graph(net: nx.MultiDiGraph) -> nx.Graph:
    """``net`` as a simple undirected graph of its relation edges (no collaboration), sorted."""
    import networkx as nx

    weights: dict[tuple[str, str], float] = {}
    for u, v, data in net.edges(data=True):
        if u == v or data.get("relation") == COLLABORATION:
            continue
        key = (u, v) if u < v else (v, u)
        weights[key] = weights.get(key, 0.0) + float(data.get("weight", 1.0))
    simple = nx.Graph()
    simple.add_nodes_from(sorted(net.nodes))
    simple.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()))
    return simple


def add_metrics(net: nx.MultiDiGraph) -> None:
    """Set ``betweenness`` (float, normalised, rounded) and ``community`` (int, 0 = largest) on every node."""
    import networkx as nx

    simple = relation_graph(net)
    if simple.number_of_nodes() == 0:
        return
    size = simple.number_of_nodes()
    sources = max(MIN_SAMPLES, BETWEENNESS_BUDGET // (size + simple.number_of_edges()))
    if sources >= size:
        betweenness = nx.betweenness_centrality(simple)
    else:
        betweenness = nx.betweenness_centrality(simple, k=sources, seed=COMMUNITY_SEED)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=COMMUNITY_SEED)
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    for number, members in enumerate(ordered):
        for node in members:
            net.nodes[node]["community"] = number
    for node in simple.nodes:
        net.nodes[node]["betweenness"] = round(float(betweenness.get(node, 0.0)), 6)


def community_colour(number: int) -> str:
    """A stable colour for community ``number`` (the largest communities get the most distinct)."""
    if number < len(_PALETTE):
        return _PALETTE[number]
    hue = (number * 0.618033988749895) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.55, 0.55)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
