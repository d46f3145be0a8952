"""GraphML output of the entity network (valid against the GraphML 1.0 schema).

networkx writes the file. The graph is directed, every edge included, so networkx, igraph,
Gephi and yEd read it as one directed graph: relations point from subject to object, and a
``collaboratesWith`` edge (symmetric) is stored once, from the smaller node id to the larger;
``relation`` tells the kinds apart (``G.to_undirected()`` for the collaboration network).
"""
from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph

from .atomic import atomic_write_bytes
from .network import to_networkx

__all__ = ["GRAPHML_NS", "graphml_bytes", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_bytes(graph: Graph) -> bytes:
    """The entity network of ``graph`` (see output.network) as GraphML bytes."""
    import networkx as nx

    net = to_networkx(graph)
    for _u, _v, data in net.edges(data=True):
        del data["id"]  # the edge's key is written as its id; a second "id" would clash in igraph
    buffer = io.BytesIO()
    nx.write_graphml_xml(net, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_graphml(graph: Graph, path: Path | str) -> None:
    """Write the entity network of ``graph`` to ``path`` as GraphML, atomically."""
    atomic_write_bytes(path, graphml_bytes(graph))
