"""GEXF 1.3 output for Gephi, with viz colour, size and a seeded (deterministic) layout.

networkx writes only GEXF 1.2draft, so this is a small writer of our own; the file validates
against the GEXF 1.3 RELAX NG schema. Every edge is directed (one direction model per file, so
networkx and igraph read it too): relations point from subject to object, and a symmetric
``collaboratesWith`` edge is stored once, from the smaller node id to the larger, drawn dashed. Nodes carry degree,
betweenness and community as attributes, so Gephi can size, rank and colour by them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph

from .atomic import atomic_write_bytes
from .layout import layout
from .metrics import COLLABORATION, relation_graph
from .network import TYPE_SHAPES, to_networkx

__all__ = ["GEXF_NS", "VIZ_NS", "gexf_bytes", "write_gexf"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
# GEXF attribute id -> (networkx attribute, GEXF type)
NODE_ATTRIBUTES = {
    "type": ("type", "string"),
    "iri": ("iri", "anyURI"),
    "altLabels": ("altLabels", "string"),
    "degree": ("degree", "integer"),
    "collaborators": ("collaborators", "integer"),
    "betweenness": ("betweenness", "double"),
    "community": ("community", "integer"),
    "mentions": ("mentions", "integer"),
    "roles": ("roles", "string"),
}
EDGE_ATTRIBUTES = {
    "relation": ("relation", "string"),
    "roles": ("roles", "string"),
    "evidence": ("evidence", "integer"),
    "contexts": ("contexts", "string"),
}


def gexf_bytes(graph: Graph) -> bytes:
    """The entity network of ``graph`` (see output.network) as GEXF 1.3 bytes."""
    from lxml import etree

    net = to_networkx(graph)
    positions = layout(relation_graph(net))  # collaboration edges would only repeat the contexts
    root = etree.Element(_g("gexf"), {"version": "1.3"}, nsmap={None: GEXF_NS, "viz": VIZ_NS})
    meta = _sub(root, _g("meta"))
    _sub(meta, _g("creator")).text = "velferdsgraf"
    _sub(meta, _g("description")).text = "Who works with whom in Norwegian welfare reports"
    body = _sub(root, _g("graph"), defaultedgetype="directed", mode="static")
    _declare(body, "node", NODE_ATTRIBUTES)
    _declare(body, "edge", EDGE_ATTRIBUTES)

    nodes = _sub(body, _g("nodes"), count=str(net.number_of_nodes()))
    for node, data in net.nodes(data=True):
        element = _sub(nodes, _g("node"), id=node, label=data["label"])
        _values(element, data, NODE_ATTRIBUTES)
        _sub(element, _v("color"), r=str(data["r"]), g=str(data["g"]), b=str(data["b"]), a="1.0")
        _sub(element, _v("size"), value=repr(float(data["size"])))
        x, y = positions.get(node, (0.0, 0.0))
        _sub(element, _v("position"), x=repr(x), y=repr(y), z="0.0")
        _sub(element, _v("shape"), value=TYPE_SHAPES[data["type"]][1])

    edges = _sub(body, _g("edges"), count=str(net.number_of_edges()))
    for source, target, data in net.edges(data=True):
        collaboration = data["relation"] == COLLABORATION
        edge = _sub(
            edges,
            _g("edge"),
            id=data["id"],
            source=source,
            target=target,
            weight=repr(float(data["weight"])),
            label=data["label"],
            kind=data["relation"],
        )
        _values(edge, data, EDGE_ATTRIBUTES)
        if collaboration:
            _sub(edge, _v("shape"), value="dashed")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def write_gexf(graph: Graph, path: Path | str) -> None:
    """Write the entity network of ``graph`` to ``path`` as GEXF 1.3, atomically."""
    atomic_write_bytes(path, gexf_bytes(graph))


def _declare(parent: Any, cls: str, attributes: dict[str, tuple[str, str]]) -> None:
    block = _sub(parent, _g("attributes"), **{"class": cls})
    for key, (_name, kind) in attributes.items():
        _sub(block, _g("attribute"), id=key, title=key, type=kind)


def _values(element: Any, data: dict[str, Any], attributes: dict[str, tuple[str, str]]) -> None:
    block = _sub(element, _g("attvalues"))
    for key, (name, _kind) in attributes.items():
        _sub(block, _g("attvalue"), **{"for": key, "value": str(data[name])})


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    from lxml import etree

    return etree.SubElement(parent, tag, attrs)


def _g(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _v(tag: str) -> str:
    return f"{{{VIZ_NS}}}{tag}"
