"""GraphML output of the entity network (valid against the GraphML 1.0 schema).

networkx's lxml writer streams the file. The graph is directed, every edge included, so
networkx, igraph, Gephi and yEd read it as one directed graph: relations point from subject to object, and a
``collaboratesWith`` edge (symmetric) is stored once, from the smaller node id to the larger;
``relation`` tells the kinds apart (``G.to_undirected()`` for the collaboration network).
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from .atomic import atomic_open
from .network import to_networkx

__all__ = ["GRAPHML_NS", "graphml_bytes", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_bytes(graph: Graph) -> bytes:
    """The entity network of ``graph`` (see output.network) as GraphML bytes."""
    buffer = io.BytesIO()
    _write(graph, buffer)
    return buffer.getvalue()


def write_graphml(graph: Graph, path: Path | str) -> None:
    """Write the entity network of ``graph`` to ``path`` as GraphML, atomically.

    The XML is streamed to the file (networkx's lxml writer) rather than built in memory first.
    """
    with atomic_open(path) as handle:
        _write(graph, handle)


def _write(graph: Graph, handle: BinaryIO) -> None:
    import networkx as nx

    net = to_networkx(graph)
    for _u, _v, data in net.edges(data=True):
        del data["id"]  # the edge's key is written as its id; a second "id" would clash in igraph
    nx.write_graphml_lxml(net, handle, encoding="utf-8", prettyprint=True)
