"""Municipalities inside other names: "Mental Helse Hamar", "Ørsta-ordførar", "Bergen kommunes Etat …"."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from ....input.document import Document
from ...types import EntityType, Mention

SOURCE = "patterns"
# Flags of the gazetteer that still allow a bare name inside another name.
_SAFE_FLAGS = frozenset({"name_part"})
_CAP_WORDS = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ]+(?:[ -][A-ZÆØÅ][\wæøåÆØÅ]+)?")


def municipality_mention(doc: Document, start: int, end: int, strict: bool = True) -> Mention | None:
    """A municipality mention for ``doc.text[start:end]`` when the gazetteer knows it for sure.

    ``strict`` refuses names that are also common words or person names; pass False where the
    context already says "place" ("Stange-ordfører").
    """
    from ...gazetteer import load_gazetteer
    from ..gazetteer import municipality_attrs

    surface = doc.text[start:end]
    record = load_gazetteer().municipality(surface, doc.date, "NO")
    if record is None or record.ambiguous or (strict and not set(record.flags) <= _SAFE_FLAGS):
        return None
    if record.name.casefold() != surface.casefold():
        return None
    return Mention(doc.id, start, end, EntityType.MUNICIPALITY, surface, record.name, SOURCE,
                   municipality_attrs(record))


@lru_cache(maxsize=1)
def districts() -> dict[str, str]:
    """Urban district -> municipality (data/bydeler.tsv)."""
    text = files("velferdsgraf.graph").joinpath("data/bydeler.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows[1:] if len(row) == 2}


def district_municipality(doc: Document, start: int, end: int) -> Mention | None:
    """ "Nav Bydel Frogner": the municipality of a named district, as an implicit mention."""
    municipality = districts().get(doc.text[start:end])
    if municipality is None:
        return None
    from ...gazetteer import load_gazetteer
    from ..gazetteer import municipality_attrs

    record = load_gazetteer().municipality(municipality, doc.date, "NO")
    if record is None:
        return None
    return Mention(doc.id, start, end, EntityType.MUNICIPALITY, doc.text[start:end], record.name, SOURCE,
                   municipality_attrs(record) + (("implicit", "1"),))


def places_in_names(doc: Document, names: list[Mention], known: list[Mention]) -> list[Mention]:
    """Municipalities named inside organisation names that have none marked yet."""
    found = []
    munis = [k for k in known if k.type is EntityType.MUNICIPALITY]
    for org in names:
        if org.type is not EntityType.ORGANISATION or any(org.start <= m.start and m.end <= org.end for m in munis):
            continue
        for m in _CAP_WORDS.finditer(doc.text, org.start, org.end):
            candidates = [(m.start(), m.end())]
            if " " in m.group(0) or "-" in m.group(0):
                cut = m.start() + re.search(r"[ -]", m.group(0)).start()
                candidates += [(m.start(), cut), (cut + 1, m.end())]
            for s, e in candidates:
                mention = municipality_mention(doc, s, e) or district_municipality(doc, s, e)
                if mention is not None:
                    found.append(mention)
                    break
    return found
