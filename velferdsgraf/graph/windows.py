"""Long reports are read by the extractors in windows, so extraction time grows linearly.

Several extraction rules compare each candidate with every mention found so far in the
report; on a report of a few pages that costs nothing, on a report of hundreds of pages it
grows with the square of its length. A report longer than :data:`WINDOW` characters is
therefore cut at paragraph breaks (else line breaks, sentence ends, spaces) into windows of
at most that size; each window is extracted as a document of its own and the offsets are
shifted back, so every span still indexes the whole report's text. A report of up to
``WINDOW`` characters is one window: its extraction is exactly what it was before.
What the rules lose on a long report: a name or title split by a window edge, and context
that lies more than a window away (a surname used alone far from the full name is still
linked to it by resolution, which sees the whole report).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..input.document import Document
from .types import Extraction, Mention, Relation

WINDOW = 16_384
_CUTS = ("\n\n", "\n", ". ", " ")


def windows(doc: Document, size: int = WINDOW) -> Iterator[tuple[int, Document]]:
    """(offset, document) pairs covering ``doc.text`` in order, each text at most ``size`` long."""
    text = doc.text
    if len(text) <= size:
        yield 0, doc
        return
    start = 0
    while start < len(text):
        end = _cut(text, start, size)
        yield start, replace(doc, text=text[start:end])
        start = end


def _cut(text: str, start: int, size: int) -> int:
    """Where the window from ``start`` ends: after the last good break in its second half."""
    limit = start + size
    if limit >= len(text):
        return len(text)
    for mark in _CUTS:
        at = text.rfind(mark, start + size // 2, limit)
        if at >= 0:
            return at + len(mark)
    return limit


def shift(extraction: Extraction, offset: int) -> Extraction:
    """The extraction of a window with every span moved by ``offset`` into the whole report."""
    if not offset:
        return extraction
    moved: dict[Mention, Mention] = {}

    def mention(m: Mention) -> Mention:
        if m not in moved:
            moved[m] = replace(m, start=m.start + offset, end=m.end + offset)
        return moved[m]

    def relation(r: Relation) -> Relation:
        evidence = replace(r.evidence, start=r.evidence.start + offset, end=r.evidence.end + offset)
        return replace(r, subject=mention(r.subject), evidence=evidence,
                       object=mention(r.object) if r.object is not None else None,
                       role=mention(r.role) if r.role is not None else None)

    return Extraction(doc_id=extraction.doc_id, mentions=[mention(m) for m in extraction.mentions],
                      relations=[relation(r) for r in extraction.relations])
