"""Turtle output: the same triples give the same bytes, whatever order they were added in."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..graph.store import bind_prefixes
from .atomic import atomic_write_bytes

__all__ = ["turtle_bytes", "write_turtle"]


def turtle_bytes(graph: Graph) -> bytes:
    """``graph`` as UTF-8 Turtle with the docs/RDF.md prefixes (bound on ``graph``).

    rdflib sorts subjects, predicates and objects, so the bytes depend only on the
    triples, as long as the graph has no blank nodes (RDF.md uses none).
    """
    bind_prefixes(graph)
    return graph.serialize(format="turtle", encoding="utf-8")


def write_turtle(graph: Graph, path: Path | str) -> None:
    """Write ``graph`` to ``path`` as deterministic Turtle, atomically."""
    atomic_write_bytes(path, turtle_bytes(graph))
