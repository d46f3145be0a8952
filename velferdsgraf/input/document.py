"""The Document: one report's exact text plus what is known about it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One input report.

    ``text`` is the exact string every character offset in the pipeline refers to.
    ``id`` is stable across builds (derived from the file name, or the jsonl ``id``).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD or a prefix of it) when known
    source: str | None = None  # the path or URL the report came from
    lang: str | None = None  # "nb", "nn", "da", "sv" when known
    meta: dict[str, str] = field(default_factory=dict)
