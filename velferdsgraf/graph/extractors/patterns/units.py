"""A municipality's or region's own unit, named by a common noun and its place: "ungdomsrådet i
Eidsberg kommune", "barnevernet i X", "socialförvaltningen i X kommun".

Conventions (SCHEME.md): a named unit is an organisation ("Ungdomsrådet i Bærum kommune"), tied
to its municipality by located_in (which the place inside the name gives, relations.located_in).
The unit nouns come from the language profiles.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ....input.document import Document
from ...types import EntityType, Mention
from .profiles import LANGUAGES, _raw

SOURCE = "patterns"
_PLACE = r"[A-ZÆØÅÄÖ][\wæøåäöÆØÅÄÖ-]+(?:[ \t]+(?:og|och)[ \t]+[A-ZÆØÅÄÖ][\wæøåäö-]+)?(?:[ \t]+(?:kommune|kommun|Kommune|Kommun))?"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    heads = sorted({w for lang in LANGUAGES for w in _raw(lang).get("unit_heads", [])}, key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w-])((?i:" + "|".join(re.escape(h) for h in heads) + r")[ \t]+(?:i|på|in|för|for)[ \t]+"
                      + _PLACE + r")(?![\w-])")


def place_units(doc: Document, known: list[Mention]) -> list[Mention]:
    """Units named by a unit noun and the place they serve."""
    text = doc.text
    found = []
    for m in _pattern().finditer(text):
        s, e = m.span(1)
        if any(k.start < s < k.end or (k.start == s and k.end >= e and k.type is EntityType.ORGANISATION)
               for k in known):
            continue  # inside a name found already
        found.append(Mention(doc.id, s, e, EntityType.ORGANISATION, text[s:e], text[s:e], SOURCE,
                             rule="organisation.place-unit"))
    return found


_ACRONYM_REGION = re.compile(r"(?<![\w-])([A-ZÆØÅ]{2,5})[ \t]+([A-ZÆØÅ][\wæøå-]+(?:[ \t]+og[ \t]+[A-ZÆØÅ][\wæøå-]+)?)(?![\w-])")


def regional_branches(doc: Document, known: list[Mention]) -> list[Mention]:
    """A national body's regional branch: a known acronym and a county or region ("KS Vestland",
    "NHO Innlandet"). The gazetteer refuses "KS" before another capitalised word, rightly, as that
    names another body; when the word is a region, that body is the branch."""
    from ...gazetteer import load_gazetteer
    from .lexicon import REGIONS

    text = doc.text
    found = []
    for m in _ACRONYM_REGION.finditer(text):
        if m.group(2) not in REGIONS or load_gazetteer().organisation(m.group(1)) is None:
            continue
        s, e = m.span()
        if any(k.start <= s and e <= k.end and k.type is EntityType.ORGANISATION for k in known):
            continue
        found.append(Mention(doc.id, s, e, EntityType.ORGANISATION, text[s:e], text[s:e], SOURCE,
                             rule="organisation.regional-branch"))
    return found
