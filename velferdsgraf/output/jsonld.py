"""JSON-LD output with an inline @context of the docs/RDF.md prefixes."""
from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph

from ..ontology.namespace import PREFIXES
from .atomic import atomic_write_bytes

__all__ = ["CONTEXT", "jsonld_bytes", "write_jsonld"]

CONTEXT: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def jsonld_bytes(graph: Graph) -> bytes:
    """``graph`` as UTF-8 JSON-LD (compacted with CONTEXT, keys sorted, deterministic)."""
    # rdflib emits nodes in insertion order: re-insert the triples sorted to fix the order
    ordered = Graph(bind_namespaces="none")
    for triple in sorted(graph):
        ordered.add(triple)
    text = ordered.serialize(format="json-ld", context=dict(CONTEXT), indent=2, sort_keys=True)
    return text.encode("utf-8") + b"\n"


def write_jsonld(graph: Graph, path: Path | str) -> None:
    """Write ``graph`` to ``path`` as JSON-LD, atomically."""
    atomic_write_bytes(path, jsonld_bytes(graph))
