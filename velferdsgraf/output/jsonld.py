"""JSON-LD output with an inline @context of the docs/RDF.md prefixes, in a stable order."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    """``graph`` as UTF-8 JSON-LD, compacted with CONTEXT.

    rdflib emits nodes and values in the store's hash order, which changes from run to
    run; nodes are sorted by @id and multiple values by their JSON, so the same triples
    always give the same bytes (@list order, which is data, is kept).
    """
    text = graph.serialize(format="json-ld", context=dict(CONTEXT), auto_compact=True)
    document = _normalise(json.loads(text))
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_jsonld(graph: Graph, path: Path | str) -> None:
    """Write ``graph`` to ``path`` as JSON-LD, atomically."""
    atomic_write_bytes(path, jsonld_bytes(graph))


def _normalise(value: Any, ordered: bool = False) -> Any:
    if isinstance(value, dict):
        return {key: _normalise(item, ordered=(key == "@list")) for key, item in value.items()}
    if isinstance(value, list):
        items = [_normalise(item) for item in value]
        return items if ordered else sorted(items, key=_sort_key)
    return value


def _sort_key(item: Any) -> tuple[str, str]:
    node_id = item.get("@id", "") if isinstance(item, dict) else ""
    return (str(node_id), json.dumps(item, ensure_ascii=False, sort_keys=True))
