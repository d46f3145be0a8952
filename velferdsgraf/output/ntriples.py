"""N-Triples output, one triple a line, lines sorted (diff- and merge-friendly)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .atomic import atomic_write_bytes

__all__ = ["ntriples_bytes", "write_ntriples"]


def ntriples_bytes(graph: Graph) -> bytes:
    """``graph`` as UTF-8 N-Triples with the lines sorted."""
    data = graph.serialize(format="nt", encoding="utf-8")
    lines = sorted({line for line in data.splitlines() if line.strip()})
    return b"".join(line + b"\n" for line in lines)


def write_ntriples(graph: Graph, path: Path | str) -> None:
    """Write ``graph`` to ``path`` as sorted N-Triples, atomically."""
    atomic_write_bytes(path, ntriples_bytes(graph))
