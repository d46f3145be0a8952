"""Names found by their context: organisations after "fra"/"i" next to persons and titles,
lower-case units in bylines, and places fused into titles ("Ørsta-ordførar")."""
from __future__ import annotations

import re

from ....input.document import Document
from ...types import EntityType, Mention
from .lexicon import REGIONS, STOPWORDS, is_title_word
from .organisations import cap_sequence, generic_unit, has_org_suffix
from .places import municipality_mention
from .roles import Title
from .text import Token

_ORG_AFTER = re.compile(r"\b(?:fra|frå|i|ved|hos|av|for|i regi av|sammen med|i samarbeid med)\s+$")


def context_organisations(doc: Document, tokens: list[Token], persons: list[Mention], known: list[Mention]) -> list[Mention]:
    """Capitalised names after "fra"/"i"/"ved" next to a person or title: "Thomas Jesting fra IKT Huset"."""
    text = doc.text
    starts = {m.start for m in known + persons}
    covered = [(m.start, m.end) for m in known + persons]
    found = []
    for i, tok in enumerate(tokens):
        if not tok.is_cap or tok.text in STOPWORDS or tok.start in starts or i < 2:
            continue
        if any(s <= tok.start < e for s, e in covered):
            continue
        head = text[max(0, tok.start - 40):tok.start]
        m = _ORG_AFTER.search(head)
        if not m:
            continue
        before = head[:m.start()].rstrip()
        trigger = m.group(0).split()[0]
        prev_word = before.split()[-1] if before.split() else ""
        near_person = any(0 <= tok.start - p.end <= 12 for p in persons) and trigger in {"fra", "frå"}
        after_title = is_title_word(prev_word.strip(",")) and trigger in {"i", "ved", "hos", "av", "for", "fra", "frå"}
        if not (near_person or after_title):
            continue
        end = cap_sequence(tokens, i, text, frozenset(starts))
        if end == i + 1 and generic_unit(tok, tokens, i, text):
            # "leder for NAV-kontoret" after "NAV-kontoret i Lier": the same local unit.
            scoped = sorted({k.name for k in known if k.type is EntityType.ORGANISATION
                             and k.name.startswith(tok.text + " i ")})
            if len(scoped) == 1:
                found.append(Mention(doc.id, tok.start, tok.end, EntityType.ORGANISATION, tok.text, scoped[0],
                                     "patterns"))
            continue
        if text[tok.start:tokens[end - 1].end] in REGIONS:
            continue
        place = municipality_mention(doc, tok.start, tokens[end - 1].end, strict=not after_title)
        if place is not None:
            found.append(place)
            covered.append((place.start, place.end))
            continue
        surface = text[tok.start:tokens[end - 1].end]
        found.append(Mention(doc.id, tok.start, tokens[end - 1].end, EntityType.ORGANISATION,
                             surface, surface, "patterns"))
        covered.append((tok.start, tokens[end - 1].end))
    return found


def place_prefixed_titles(doc: Document, titles: list[Title]) -> tuple[list[Title], dict[int, Mention]]:
    """ "Ørsta-ordførar", "Rakkestad-rådmann": the title, and the municipality it belongs to."""
    result, implied = [], {}
    for title in titles:
        prefix, dash, rest = doc.text[title.start:title.end].partition("-")
        if dash and rest and " " not in prefix and prefix[:1].isupper():
            place = municipality_mention(doc, title.start, title.start + len(prefix), strict=False)
            if place is not None:
                start = title.start + len(prefix) + 1
                result.append(Title(start, title.end, title.label.partition("-")[2]))
                implied[start] = place
                continue
        result.append(title)
    return result, implied


_BYLINE_UNIT = re.compile(
    r"(?m)^[^\n]*?,[ \t]+[\wæøå-]+,[ \t]+([a-zæøå][\wæøå-]*(?:,?[ \t]+(?:og[ \t]+)?[a-zæøå][\wæøå-]*){0,4})[ \t]*\.?[ \t]*$"
)


def byline_units(doc: Document, known: list[Mention]) -> list[Mention]:
    """A unit written in lower case at the end of a byline: "Navn, rådgiver, strategi- og utviklingsenheten"."""
    found = []
    for m in _BYLINE_UNIT.finditer(doc.text):
        s, e = m.span(1)
        title = doc.text[:s].rstrip(", \t").split()[-1]
        if not is_title_word(title) or not has_org_suffix(m.group(1).split()[-1]):
            continue
        if any(k.start <= s < k.end for k in known):
            continue
        found.append(Mention(doc.id, s, e, EntityType.ORGANISATION, m.group(1), m.group(1), "patterns"))
    return found
