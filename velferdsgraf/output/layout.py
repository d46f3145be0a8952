"""Deterministic node positions for the entity network (GEXF now, the HTML view later).

Each connected component gets networkx's spring layout with a fixed seed; components are
then packed in rows, largest first, each in a box whose area grows with its node count.
networkx's spring layout costs O(n²) per iteration, so a component above LARGE_COMPONENT
nodes starts from its spectral layout and runs fewer iterations: 5,000 nodes take seconds,
not a minute. Positions are rounded, so the files written from them are byte-stable.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LARGE_COMPONENT", "LAYOUT_SCALE", "LAYOUT_SEED", "layout"]

LAYOUT_SEED = 20190227
LAYOUT_SCALE = 1000.0
LARGE_COMPONENT = 1000
_GAP = 0.25  # space between packed components, in units of a one-node box


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
    else:
        start = nx.spectral_layout(ordered)
        iterations = max(5, int(50 * (LARGE_COMPONENT / len(nodes)) ** 2))
        positions = nx.spring_layout(ordered, pos=start, iterations=iterations, seed=seed)
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
