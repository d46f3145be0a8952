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


_BEFORE_KOMMUNE = re.compile(r"(?<![\w-])([A-ZÆØÅÄÖ][a-zæøåäö]{3,}(?:[- ][A-ZÆØÅÄÖ][a-zæøåäö]+)?)"
                             r"[ \t]+(?:kommune|kommun|Kommune|Kommun)\b")


def _one_edit(a: str, b: str) -> bool:
    """Are two words one substitution, insertion or deletion apart?"""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def _forms_by_length() -> dict[int, list[str]]:
    from ...gazetteer import load_gazetteer

    out: dict[int, list[str]] = {}
    for form in load_gazetteer().municipality_forms():
        out.setdefault(len(form), []).append(form)
    return out


def misspelt_municipalities(doc: Document, known: list[Mention]) -> list[Mention]:
    """ "Eidsvol kommune": a name one edit away from exactly one municipality, where the text
    says "kommune", is that municipality (SCHEME.md: the context says kommune)."""
    from ...gazetteer import load_gazetteer
    from ..gazetteer import municipality_attrs

    text = doc.text
    found = []
    for m in _BEFORE_KOMMUNE.finditer(text):
        s, e = m.span(1)
        if any(k.start <= s < k.end and k.type is not EntityType.ORGANISATION for k in known):
            continue
        word = m.group(1)
        by_length = _forms_by_length()
        near = {f for n in (len(word) - 1, len(word), len(word) + 1) for f in by_length.get(n, ())
                if _one_edit(word.casefold(), f.casefold())}
        if len(near) != 1:
            continue
        record = load_gazetteer().municipality(near.pop(), doc.date)
        if record is None or record.ambiguous:
            continue
        found.append(Mention(doc.id, s, m.end(), EntityType.MUNICIPALITY, text[s:m.end()], record.name, SOURCE,
                             municipality_attrs(record), rule="municipality.misspelt"))
    return found
