"""Extract many reports: cached, in local worker processes or on a Dask cluster.

Every path runs the same function, :func:`velferdsgraf.graph.extract.extract`, on one
document at a time, and the results come back in document order, so a serial, a parallel,
a cached and a distributed build give the same extractions and the same bytes.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..input.document import Document
from .cache import ExtractionCache, document_key
from .extract import extract
from .types import Extraction

__all__ = ["ExtractStats", "default_jobs", "extract_all"]

Progress = Callable[[Document], None]


@dataclass(slots=True)
class ExtractStats:
    """How many extractions came from the cache and how many were run."""

    cached: int = 0
    extracted: int = 0


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extract_one(doc: Document, extractors: tuple[str, ...]) -> Extraction:
    return extract(doc, extractors)


def extract_all(
    documents: Sequence[Document],
    extractors: Sequence[str],
    *,
    jobs: int = 1,
    cache_dir: Path | str | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    stats: ExtractStats | None = None,
) -> list[Extraction]:
    """The extractions of ``documents``, in their order.

    ``cache_dir`` keeps one extraction per report keyed by content and engine version;
    only reports missing there are extracted, by ``jobs`` local processes or, with
    ``scheduler`` (``tcp://HOST:8786``), by the workers of that Dask cluster.
    """
    names = tuple(extractors)
    stats = stats if stats is not None else ExtractStats()
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    keys = [document_key(doc, names) for doc in documents] if cache else []
    results: list[Extraction | None] = [None] * len(documents)
    todo: list[int] = []
    for i, doc in enumerate(documents):
        hit = cache.get(keys[i]) if cache else None
        if hit is not None and hit.doc_id == doc.id:
            results[i] = hit
            stats.cached += 1
            if progress:
                progress(doc)
        else:
            todo.append(i)
    pending = [documents[i] for i in todo]
    if scheduler:
        produced = _on_dask(pending, names, scheduler)
    elif jobs > 1 and len(pending) > 1:
        produced = _in_processes(pending, names, jobs)
    else:
        produced = (_extract_one(doc, names) for doc in pending)
    for i, extraction in zip(todo, produced, strict=True):
        results[i] = extraction
        stats.extracted += 1
        if cache:
            cache.put(keys[i], extraction)
        if progress:
            progress(documents[i])
    return [r for r in results if r is not None]


def _in_processes(docs: Sequence[Document], names: tuple[str, ...], jobs: int) -> Iterator[Extraction]:
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    chunk = max(1, min(16, len(docs) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=min(jobs, len(docs))) as pool:
        yield from pool.map(partial(_extract_one, extractors=names), docs, chunksize=chunk)


def _on_dask(docs: Sequence[Document], names: tuple[str, ...], scheduler: str) -> Iterable[Extraction]:
    try:
        from distributed import Client
    except ImportError as error:
        from ..errors import VelferdsgrafError

        raise VelferdsgrafError("--scheduler needs Dask: pip install 'velferdsgraf[cluster]'") from error
    with Client(scheduler, set_as_default=False) as client:
        futures = client.map(_extract_one, list(docs), extractors=names, pure=False)
        # gathered in submission order, so the build does not depend on which worker was first
        for future in futures:
            yield future.result()
