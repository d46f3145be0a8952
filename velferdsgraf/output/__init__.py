"""Writers for every output format, and ``write_outputs`` to write several into one folder.

Each writer takes an rdflib Graph and a path and writes atomically. Heavy libraries
(networkx, lxml) are imported by the writers that need them, when they run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .atomic import atomic_write_bytes, atomic_write_text
from .gexf import write_gexf
from .graphml import write_graphml
from .html import write_html
from .jsonld import write_jsonld
from .ntriples import write_ntriples
from .turtle import write_turtle

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "OutputFormat",
    "atomic_write_bytes",
    "atomic_write_text",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_jsonld",
    "write_ntriples",
    "write_outputs",
    "write_turtle",
]


@dataclass(frozen=True)
class OutputFormat:
    """One output format: its file name in an output folder and the function that writes it."""

    name: str
    filename: str
    write: Callable[[Graph, Path], None]


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("ttl", "graph.ttl", write_turtle),
        OutputFormat("html", "network.html", write_html),
        OutputFormat("graphml", "graph.graphml", write_graphml),
        OutputFormat("gexf", "graph.gexf", write_gexf),
        OutputFormat("jsonld", "graph.jsonld", write_jsonld),
        OutputFormat("nt", "graph.nt", write_ntriples),
    )
}
DEFAULT_FORMATS = ("ttl", "html", "graphml")


def write_outputs(graph: Graph, out_dir: Path | str, formats: Iterable[str] = DEFAULT_FORMATS) -> dict[str, Path]:
    """Write ``graph`` into ``out_dir`` (created if missing) in each of ``formats``.

    Returns format name -> path written. An unknown name raises ValueError listing the
    known ones, before anything is written.
    """
    names = list(dict.fromkeys(formats))
    unknown = [name for name in names if name not in FORMATS]
    if unknown:
        raise ValueError(f"unknown output format {unknown[0]!r}; available: {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in names:
        target = out / FORMATS[name].filename
        FORMATS[name].write(graph, target)
        written[name] = target
    return written
