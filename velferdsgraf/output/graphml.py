"""GraphML output of the entity network (valid against the GraphML 1.0 schema).

networkx writes the file; collaboration edges are then marked ``directed="false"`` (the
graph's default stays directed, as relations are), which Gephi and yEd read per edge.
"""
from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph

from .atomic import atomic_write_bytes
from .metrics import COLLABORATION
from .network import to_networkx

__all__ = ["GRAPHML_NS", "graphml_bytes", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_bytes(graph: Graph) -> bytes:
    """The entity network of ``graph`` (see output.network) as GraphML bytes."""
    import networkx as nx
    from lxml import etree

    buffer = io.BytesIO()
    nx.write_graphml_xml(to_networkx(graph), buffer, encoding="utf-8", prettyprint=True)
    root = etree.fromstring(buffer.getvalue())
    for edge in root.iter(f"{{{GRAPHML_NS}}}edge"):
        if edge.get("id", "").startswith(f"{COLLABORATION}__"):
            edge.set("directed", "false")
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def write_graphml(graph: Graph, path: Path | str) -> None:
    """Write the entity network of ``graph`` to ``path`` as GraphML, atomically."""
    atomic_write_bytes(path, graphml_bytes(graph))
