"""Deterministic node positions for the entity network (GEXF and the HTML view).

Each connected component gets networkx's spring layout with a fixed seed; components are
then packed in rows, largest first, each in a box whose area grows with its node count.
networkx's spring layout costs O(n²) per iteration, so a component above LARGE_COMPONENT
nodes is laid out by its communities instead: seeded Louvain splits it, the graph of the
communities gets a spring layout, and each community is laid out on its own (the same way,
recursively) inside a disc around its place, with an area that grows with its size. That
draws collaboration networks as the clusters they are, and 20,000 nodes take seconds. A
large component Louvain cannot split starts from its spectral layout and runs few spring
iterations. Positions are rounded, so the files written from them are byte-stable.

``separate`` is a post-pass for drawings: it pushes apart nodes whose discs overlap (hubs of a
dense cluster otherwise sit on top of each other), a few sweeps over the pairs a k-d tree finds.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LARGE_COMPONENT", "LAYOUT_SCALE", "LAYOUT_SEED", "layout", "separate"]

LAYOUT_SEED = 20190227
LAYOUT_SCALE = 1000.0
LARGE_COMPONENT = 1000
_GAP = 0.25  # space between packed components, in units of a one-node box
_COMMUNITY_SPREAD = 0.9  # a community's disc radius is this times the square root of its share of nodes


def layout(
    net: nx.Graph, seed: int = LAYOUT_SEED, scale: float = LAYOUT_SCALE
) -> dict[str, tuple[float, float]]:
    """Node id -> (x, y), within [-scale, scale], rounded to 0.001; same graph, same positions."""
    import networkx as nx

    if net.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(net.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in net.edges() if u != v))
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    boxes = [_component_layout(simple.subgraph(nodes), seed) for nodes in components]
    return _pack(boxes, scale)


def _component_layout(component: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for one connected component."""
    import networkx as nx

    nodes = sorted(component.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(component.edges()))
    if len(nodes) <= LARGE_COMPONENT:
        positions = nx.spring_layout(ordered, seed=seed)
        return _normalise({node: (float(x), float(y)) for node, (x, y) in positions.items()})
    return _community_layout(ordered, seed)


def _community_layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for a large graph: communities placed by a spring layout of their graph."""
    import networkx as nx

    communities = sorted(
        (sorted(c) for c in nx.community.louvain_communities(graph, seed=seed)), key=lambda c: (-len(c), c[0])
    )
    if len(communities) == 1:
        start = nx.spectral_layout(graph)
        if len({(round(float(x), 6), round(float(y), 6)) for x, y in start.values()}) < len(start):
            start = nx.circular_layout(graph)  # a symmetric graph's spectral layout puts nodes on top of each other
        iterations = max(5, int(50 * (LARGE_COMPONENT / len(graph)) ** 2))
        positions = nx.spring_layout(graph, pos=start, iterations=iterations, seed=seed)
        return _normalise({node: (float(x), float(y)) for node, (x, y) in positions.items()})
    member = {node: number for number, nodes in enumerate(communities) for node in nodes}
    between: dict[tuple[int, int], int] = {}
    for u, v in graph.edges():
        a, b = sorted((member[u], member[v]))
        if a != b:
            between[(a, b)] = between.get((a, b), 0) + 1
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(communities)))
    quotient.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(between.items()))
    centres = _normalise({c: (float(x), float(y)) for c, (x, y) in nx.spring_layout(quotient, seed=seed).items()})
    total = len(graph)
    placed: dict[str, tuple[float, float]] = {}
    for number, nodes in enumerate(communities):
        radius = _COMMUNITY_SPREAD * math.sqrt(len(nodes) / total)
        cx, cy = centres[number]
        local = _local_layout(graph.subgraph(nodes), seed)
        for node, (x, y) in local.items():
            placed[node] = (cx + radius * x, cy + radius * y)
    return _normalise(placed)


def _local_layout(community: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for one community (which need not be connected)."""
    import networkx as nx

    nodes = sorted(community.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in community.edges()))
    if len(nodes) > LARGE_COMPONENT:
        return _community_layout(ordered, seed)
    positions = nx.spring_layout(ordered, seed=seed)
    return _normalise({node: (float(x), float(y)) for node, (x, y) in positions.items()})


def _normalise(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {node: ((x - cx) / half, (y - cy) / half) for node, (x, y) in positions.items()}


def _pack(boxes: list[dict[str, tuple[float, float]]], scale: float) -> dict[str, tuple[float, float]]:
    """Shelf-pack the components (largest first) into a roughly square area, then scale."""
    sides = [math.sqrt(len(box)) for box in boxes]  # box area grows with the node count
    row_limit = max(max(sides), math.sqrt(sum((s + _GAP) ** 2 for s in sides)))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, side in zip(boxes, sides, strict=True):
        if x > 0 and x + side > row_limit:
            x, y, row_height = 0.0, y + row_height + _GAP, 0.0
        for node, (px, py) in box.items():
            placed[node] = (x + side / 2 * (1 + px), y + side / 2 * (1 + py))
        x += side + _GAP
        row_height = max(row_height, side)
    return _scaled(placed, scale)


def _scaled(placed: dict[str, tuple[float, float]], scale: float) -> dict[str, tuple[float, float]]:
    if len(placed) == 1:
        return {node: (0.0, 0.0) for node in placed}
    return {node: (round(x * scale, 3), round(y * scale, 3)) for node, (x, y) in _normalise(placed).items()}


def separate(
    positions: dict[str, tuple[float, float]], radii: dict[str, float], gap: float = 4.0, sweeps: int = 30
) -> dict[str, tuple[float, float]]:
    """``positions`` moved so that no two discs (``radii``, plus ``gap``) overlap, as far as ``sweeps`` allow.

    Each sweep moves both nodes of every overlapping pair apart along the line between them
    (half the overlap each; coincident nodes along a fixed direction from their order), so
    the result depends only on the input. Positions are rounded to 0.001.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = sorted(positions)
    if len(nodes) < 2:
        return dict(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    r = np.array([radii.get(n, 0.0) for n in nodes], dtype=float)
    reach = 2 * float(r.max()) + gap
    for _sweep in range(sweeps):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[j] - xy[i]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        overlap = r[i] + r[j] + gap - distance
        hit = overlap > 1e-6
        if not hit.any():
            break
        i, j, delta, distance, overlap = i[hit], j[hit], delta[hit], distance[hit], overlap[hit]
        angle = (i * 2.399963 + j) % (2 * np.pi)  # coincident nodes: a direction from their indices
        unit = np.where(
            (distance > 1e-9)[:, None],
            delta / np.maximum(distance, 1e-9)[:, None],
            np.stack([np.cos(angle), np.sin(angle)], axis=1),
        )
        push = unit * (overlap / 2 + 1e-3)[:, None]
        move = np.zeros_like(xy)
        np.add.at(move, i, -push)
        np.add.at(move, j, push)
        xy += move
    return {n: (round(float(x), 3), round(float(y), 3)) for n, (x, y) in zip(nodes, xy, strict=True)}
