"""Per-report extraction cache, keyed by the report's content and the extraction engine's version.

The engine version is a hash of every file of the ``velferdsgraf.graph`` package (code, word
lists, gazetteers, the NER model), less the modules that only run after extraction, plus the
Document type and the spaCy and Python versions. Any change to what extraction reads or runs
gives a new version and a cold cache; nobody bumps a constant by hand. A new module counts
unless it is named in AFTER_EXTRACTION (tests/test_parallel_build.py checks that no extraction
module imports one of those).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Sequence
from dataclasses import asdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..input.document import Document
from .types import Extraction

__all__ = ["AFTER_EXTRACTION", "ExtractionCache", "document_key", "engine_version"]

_PACKAGE_ROOT = Path(__file__).resolve().parent  # velferdsgraf/graph
_DOCUMENT = _PACKAGE_ROOT.parent / "input" / "document.py"
_SKIPPED_DIRS = {"__pycache__", "rdfstore"}  # rdfstore/ holds a build's store: never read by extraction
#: Modules of velferdsgraf.graph that extraction never imports: editing them keeps the cache.
AFTER_EXTRACTION = frozenset({
    "aliases.py", "build.py", "cache.py", "collaboration.py", "dates.py", "evaluation.py",
    "extract_many.py", "linking.py", "persons.py", "pipeline.py", "query.py", "resolve.py",
    "stats.py", "store.py", "validate.py", "rule_scores.py", "collaboration_network.py",
})


@lru_cache(maxsize=1)
def engine_version() -> str:
    """A hex digest of the extraction sources, data and model files and the library versions."""
    digest = hashlib.sha256()
    for path in [*sorted(p for p in _PACKAGE_ROOT.rglob("*") if p.is_file()), _DOCUMENT]:
        relative = path.relative_to(_PACKAGE_ROOT.parent)
        if (_SKIPPED_DIRS.intersection(relative.parts) or path.suffix == ".pyc"
                or (path.parent == _PACKAGE_ROOT and path.name in AFTER_EXTRACTION)):
            continue
        digest.update(relative.as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for dist in ("spacy",):
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=none".encode())
    digest.update(f"python={sys.version_info.major}.{sys.version_info.minor}".encode())
    return digest.hexdigest()[:20]


def document_key(doc: Document, extractors: Sequence[str]) -> str:
    """The cache key of one report: its content and metadata, the extractors and the engine version."""
    fields = asdict(doc)
    payload = json.dumps({"doc": fields, "extractors": list(extractors), "engine": engine_version()},
                         ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ExtractionCache:
    """Extractions pickled one file per report under ``root`` (written atomically)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Extraction | None:
        """The cached extraction under ``key``, or None (also for an unreadable entry)."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            value = pickle.loads(data)  # our own files, written by put(); never report text
        except Exception:  # noqa: BLE001 - a torn or foreign entry is a miss, re-extracted
            return None
        return value if isinstance(value, Extraction) else None

    def put(self, key: str, extraction: Extraction) -> None:
        """Store ``extraction`` under ``key``."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # temp file + rename, without fsync: a lost entry is only a cache miss
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
