"""The seeded layout: deterministic, inside the scale, components kept apart, big ones fast."""
from __future__ import annotations

import networkx as nx
import pytest

from velferdsgraf.output import layout as layout_module
from velferdsgraf.output.layout import layout


def two_components() -> nx.MultiDiGraph:
    net = nx.MultiDiGraph()
    net.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    net.add_node("lonely")
    return net


def test_layout_is_deterministic_and_within_scale():
    first, second = layout(two_components()), layout(two_components())
    assert first == second
    assert set(first) == {"a", "b", "c", "x", "y", "lonely"}
    assert all(abs(x) <= 1000 and abs(y) <= 1000 for x, y in first.values())


def test_layout_does_not_depend_on_insertion_order():
    net = nx.MultiDiGraph()
    net.add_node("lonely")
    net.add_edges_from([("x", "y"), ("c", "a"), ("b", "c"), ("a", "b")])
    assert layout(net) == layout(two_components())


def test_layout_keeps_components_apart():
    positions = layout(two_components())
    triangle = [positions[n] for n in "abc"]
    pair = [positions[n] for n in "xy"]
    gap = min(abs(p[0] - q[0]) + abs(p[1] - q[1]) for p in triangle for q in pair)
    assert gap > 50


@pytest.mark.parametrize("size", [0, 1])
def test_layout_tiny_graphs(size):
    net = nx.MultiDiGraph()
    net.add_nodes_from(range(size))
    assert layout(net) == ({0: (0.0, 0.0)} if size else {})


def test_layout_large_component_without_communities_uses_spectral_start(monkeypatch):
    monkeypatch.setattr(layout_module, "LARGE_COMPONENT", 10)
    net = nx.MultiDiGraph(nx.complete_graph(30))  # Louvain finds one community
    positions = layout(net)
    assert len(set(positions.values())) == 30 and positions == layout(net)


def test_layout_large_component_places_communities_apart(monkeypatch):
    monkeypatch.setattr(layout_module, "LARGE_COMPONENT", 10)
    cliques = [list(range(k * 8, k * 8 + 8)) for k in range(4)]
    net = nx.Graph()
    for clique in cliques:
        net.add_edges_from((a, b) for a in clique for b in clique if a < b)
    net.add_edges_from([(7, 8), (15, 16), (23, 24)])  # one component, four clear communities
    positions = layout(net)
    assert positions == layout(net) and len(set(positions.values())) == 32

    def spread(nodes):
        xs, ys = [positions[n][0] for n in nodes], [positions[n][1] for n in nodes]
        return (sum(xs) / len(xs), sum(ys) / len(ys)), max(max(xs) - min(xs), max(ys) - min(ys))

    centres = [spread(c) for c in cliques]
    for i, ((x1, y1), size1) in enumerate(centres):
        for (x2, y2), size2 in centres[i + 1:]:
            assert abs(x1 - x2) + abs(y1 - y2) > (size1 + size2) / 4
