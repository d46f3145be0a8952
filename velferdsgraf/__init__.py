"""velferdsgraf: knowledge graphs of who works with whom, from Norwegian welfare reports.

    >>> from velferdsgraf import build_graph
    >>> result = build_graph(["examples/reports"])      # doctest: +SKIP
    >>> result.graph.serialize(format="turtle")          # doctest: +SKIP

The stages are plain functions over plain data (see DESIGN): ``read`` -> ``extract`` ->
``resolve`` -> ``build``; ``build_graph`` runs them all.
"""
from __future__ import annotations

from .errors import InputError, VelferdsgrafError
from .graph.pipeline import BuildResult, build_documents, build_graph
from .graph.types import Entity, EntityType, Extraction, Mention, Relation, RelationKind
from .input.document import Document

__all__ = [
    "BuildResult",
    "Document",
    "Entity",
    "EntityType",
    "Extraction",
    "InputError",
    "Mention",
    "Relation",
    "RelationKind",
    "VelferdsgrafError",
    "build_documents",
    "build_graph",
    "load_graph",
]


def load_graph(path):  # noqa: ANN001, ANN201 - re-exported lazily to keep `import velferdsgraf` light
    """Load a built graph file (Turtle, N-Triples or JSON-LD) into an rdflib Graph."""
    from .graph.store import load_graph as _load_graph

    return _load_graph(path)
