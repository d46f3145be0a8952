"""The whole job as one library function: read, extract, resolve, build."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ..errors import InputError
from ..input.document import Document
from .aliases import AliasTable
from .extract import DEFAULT_EXTRACTORS
from .extract_many import ExtractStats
from .resolve import Resolution, resolve
from .types import Extraction


@dataclass(slots=True)
class BuildResult:
    """A built graph plus what went into it and what could not be read."""

    graph: Graph
    documents: list[Document]
    extractions: list[Extraction]
    resolution: Resolution
    failures: list[InputError] = field(default_factory=list)
    extract_stats: ExtractStats | None = None  # reports taken from the cache vs extracted


def usable_extractors(names: Sequence[str], explicit: bool = False) -> list[str]:
    """The named extractors, less 'ner' when no trained model is installed.

    With ``explicit`` (the user named the extractors) a missing model is an error.
    """
    from ..errors import ModelError
    from .extract import get_extractor

    usable = []
    for name in names:
        try:
            get_extractor(name)
            if name == "ner":
                from .ner.model import _check_model_dir, shipped_model_path

                # fails early, before any report is read, when no model is shipped; the model
                # itself loads on first use, so a rebuild served from the cache never loads it
                _check_model_dir(shipped_model_path())
        except (ModelError, ImportError) as error:
            if explicit or name != "ner":
                raise ModelError(f"extractor {name!r} cannot run: {error}") from error
            continue
        usable.append(name)
    return usable


def build_documents(
    documents: Sequence[Document],
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    progress: Callable[[Document], None] | None = None,
    aliases: AliasTable | None = None,
    *,
    jobs: int = 1,
    cache_dir: Path | str | None = None,
    scheduler: str | None = None,
) -> BuildResult:
    """Extract, resolve and build the graph of documents already read.

    ``aliases`` (see :func:`velferdsgraf.graph.aliases.read_alias_file`) forces or forbids merges.
    Extraction runs in ``jobs`` processes, or on the Dask cluster at ``scheduler``, and reuses
    the extractions cached in ``cache_dir`` (see :func:`.extract_many.extract_all`). The
    collaboration layer is derived data and not part of the graph (docs/RDF.md, "Collaboration").
    """
    from .build import build
    from .extract_many import extract_all

    stats = ExtractStats()
    extractions = extract_all(documents, extractors, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler,
                              progress=progress, stats=stats)
    resolution = resolve(extractions, aliases)
    graph = build(documents, extractions, resolution)
    return BuildResult(graph, list(documents), extractions, resolution, extract_stats=stats)


def build_graph(
    paths: Iterable[Path | str],
    extractors: Sequence[str] = DEFAULT_EXTRACTORS,
    progress: Callable[[Document], None] | None = None,
    aliases: Path | str | None = None,
) -> BuildResult:
    """Read the reports at ``paths`` (files or folders) and build their graph.

    Unreadable files are collected in ``failures``, not raised. ``aliases`` names a user's
    alias file; a bad line in it raises AliasFileError before any report is read.
    """
    from ..input import read
    from .aliases import read_alias_file

    table = read_alias_file(aliases) if aliases is not None else None
    read_result = read(paths)
    result = build_documents(read_result.documents, extractors, progress, table)
    result.failures = list(read_result.failures)
    return result
