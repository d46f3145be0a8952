"""The ``ner`` extractor: the NorNE-trained spaCy model shipped in velferdsgraf/graph/models.

NorNE labels map to our types: PER -> PERSON, ORG -> ORGANISATION, EVT -> EVENT, and
GPE_ORG/GPE_LOC -> MUNICIPALITY only when the municipality gazetteer knows the name
(so "Norge" or "Oslo-regionen" are not municipalities). LOC, PROD, DRV and MISC are dropped.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ...input.document import Document
from ..types import EntityType, Extraction, Mention

log = logging.getLogger(__name__)

LABEL_TYPES: dict[str, EntityType] = {
    "PER": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    "EVT": EntityType.EVENT,
}
GPE_LABELS = frozenset({"GPE_ORG", "GPE_LOC"})

#: Chunks longer than this are cut at a line break or space (far below nlp.max_length).
MAX_CHUNK_CHARS = 20_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACE = re.compile(r"\s+")
_MUNICIPALITY_SUFFIX = re.compile(r"\s+(?:kommunes?|kommune sin)$", re.IGNORECASE)

MunicipalityLookup = Callable[..., Any]  # (name, at=ISO date or None) -> record or None


def iter_chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split ``text`` into (offset, chunk) at blank lines; ``text[offset:offset+len(chunk)] == chunk``.

    A paragraph longer than ``max_chars`` is cut at its last line break (else space)
    before the limit, or hard at the limit when it has none. Blank chunks are skipped.
    """
    start = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        while end - start > max_chars:
            window = text[start : start + max_chars]
            cut = max(window.rfind("\n"), 0) or max(window.rfind(" "), 0) or max_chars
            if window[:cut].strip():
                yield start, window[:cut]
            start += cut
        if text[start:end].strip():
            yield start, text[start:end]
        start = match.end() if match else len(text)


def _gazetteer_lookup() -> MunicipalityLookup | None:
    """The municipality gazetteer's lookup, or None when the gazetteer is not available."""
    try:
        from ..gazetteer import load_gazetteer
    except ImportError:
        log.warning("velferdsgraf.graph.gazetteer is missing: NER place names (GPE) are dropped")
        return None
    return load_gazetteer().municipality


def municipality_attrs(record: Any) -> tuple[tuple[str, str], ...]:
    """Linking attributes of a gazetteer MunicipalityRecord, as Mention.attrs."""
    fields = (
        ("canonical", "name"),
        ("country", "country"),
        ("kommunenummer", "kommunenummer"),
        ("kommunenummer_current", "current_kommunenummer"),
        ("wikidata", "wikidata"),
        ("orgnr", "orgnr"),
    )
    return tuple((key, str(value)) for key, field in fields if (value := getattr(record, field, None)))


class NerExtractor:
    """Statistical NER (spaCy, trained on NorNE) over the whole document text.

    ``model_path`` defaults to the shipped model; the pipeline is loaded on the first
    ``extract`` call and shared by all instances. ``municipality`` overrides the
    gazetteer lookup (``(name, at=date) -> record or None``), mostly for tests.
    """

    name = "ner"

    def __init__(self, model_path: Path | None = None, municipality: MunicipalityLookup | None = None) -> None:
        self.model_path = model_path
        self._municipality = municipality

    @functools.cached_property
    def municipality(self) -> MunicipalityLookup | None:
        """The gazetteer lookup used to confirm GPE mentions (None: drop them)."""
        return self._municipality or _gazetteer_lookup()

    def extract(self, doc: Document, prior: Extraction | None = None) -> Extraction:
        """Find persons, organisations, events and gazetteer-confirmed municipalities."""
        from ..ner.model import load_model

        nlp = load_model(self.model_path)
        result = Extraction(doc_id=doc.id)
        chunks = list(iter_chunks(doc.text))
        for (offset, _), parsed in zip(chunks, nlp.pipe((c for _, c in chunks), batch_size=64)):
            for ent in parsed.ents:
                mention = self._mention(doc, offset + ent.start_char, offset + ent.end_char, ent.label_)
                if mention is not None:
                    result.mentions.append(mention)
        return result

    def _mention(self, doc: Document, start: int, end: int, label: str) -> Mention | None:
        surface = doc.text[start:end]
        name = _SPACE.sub(" ", surface).strip()
        if label in LABEL_TYPES:
            return Mention(doc.id, start, end, LABEL_TYPES[label], surface, name, source=self.name)
        if label not in GPE_LABELS or self.municipality is None:
            return None
        for candidate in municipality_candidates(name):
            record = self.municipality(candidate, at=doc.date)
            if record is not None:
                canonical = getattr(record, "name", None) or candidate
                attrs = municipality_attrs(record)
                return Mention(doc.id, start, end, EntityType.MUNICIPALITY, surface, canonical, self.name, attrs)
        return None


def municipality_candidates(name: str) -> list[str]:
    """Names to look up for a GPE mention: as is, then without "kommune" and genitive -s.

    "Bærums" -> ["Bærums", "Bærum"]; "Bærum kommunes" -> [..., "Bærum"].
    """
    candidates = [name]
    base = _MUNICIPALITY_SUFFIX.sub("", name)
    if base != name:
        candidates.append(base)
    if len(base) > 2 and base.endswith("s") and not base.endswith("ss"):
        candidates.append(base[:-1])
    return list(dict.fromkeys(candidates))
