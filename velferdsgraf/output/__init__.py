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
from .outset import Writer, check_output_dir, write_set
from .turtle import write_turtle

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "OutputFormat",
    "atomic_write_bytes",
    "atomic_write_text",
    "write_format",
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


def write_format(graph: Graph, fmt: str, path: Path | str) -> Path:
    """Write ``graph`` to ``path`` in one format (a name of FORMATS); returns the path."""
    try:
        output = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; available: {', '.join(FORMATS)}") from None
    output.write(graph, Path(path))
    return Path(path)


def write_outputs(graph: Graph, out_dir: Path | str, formats: Iterable[str] = DEFAULT_FORMATS,
                  extra: dict[str, Writer] | None = None) -> list[Path]:
    """Write ``graph`` into ``out_dir`` (created if missing) in each of ``formats``, as one set.

    ``extra`` adds files written by other code (``{"merges.csv": writer}``, each writer taking
    the path to write). Returns the paths written, in the order of ``formats`` then ``extra``.
    An unknown name raises ValueError listing the known ones, before anything is written; a
    failure leaves the previous files and no temporary ones (see :mod:`.outset`).
    """
    names = list(dict.fromkeys(formats))
    unknown = [name for name in names if name not in FORMATS]
    if unknown:
        raise ValueError(f"unknown output format {unknown[0]!r}; available: {', '.join(FORMATS)}")
    out = Path(out_dir)
    check_output_dir(out, [FORMATS[name].filename for name in names] + list(extra or {}))
    writers: dict[str, Writer] = {
        FORMATS[name].filename: (lambda path, name=name: write_format(graph, name, path)) for name in names
    }
    writers.update(extra or {})
    return write_set(out, writers)
