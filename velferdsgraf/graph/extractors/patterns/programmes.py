"""Named initiatives without quotes: compounds whose head names a programme, reform or network.

Conventions (SCHEME.md): named reforms, programmes and projects are initiatives with or without
quotes ("Kvalitetsreformen", "Helsefellesskapet", "X-løftet"). A compound with a modifier of its
own names one ("Velferdsteknologiprogrammet"); the head alone ("prosjektet") is a generic
reference. Reforms are named in lower case too ("kommunereformen"). A compound may carry a
national adjective before it ("Nasjonalt X-program") or the places it covers after it
("Helsefellesskap A, B og C").
"""
from __future__ import annotations

import re

from ....input.document import Document
from ...types import EntityType, Mention
from .lexicon import REGIONS
from .profiles import LanguageProfile, profile

SOURCE = "patterns"
_WORD = re.compile(r"(?<![\w-])[\wæøåäöÆØÅÄÖ][\wæøåäöÆØÅÄÖ-]*[\wæøåäö]")
_ADJECTIVE_BEFORE = re.compile(r"(?:Nasjonalt|Nasjonal|Nasjonale|Nationalt|Nationell|Nationella|Nationale|Regionalt|"
                               r"Regional|Det nasjonale|Den nasjonale|Felles|Nordisk|Nordiske)[ \t]+$")
_PLACES_AFTER = re.compile(r"[ \t]+[A-ZÆØÅÄÖ][\wæøåäö-]+(?:,[ \t]+[A-ZÆØÅÄÖ][\wæøåäö-]+)*(?:[ \t]+(?:og|och)[ \t]+"
                           r"[A-ZÆØÅÄÖ][\wæøåäö-]+)?")
# Lower-case compounds are names only for these heads ("kommunereformen"); "-prosjektet" is not.
_LOWERCASE_HEADS = ("reformen", "reforma")
_NOT_INITIATIVES = frozenset({"pilotprosjekt", "forskningsprosjekt", "forskingsprosjekt", "delprosjekt",
                              "hovedprosjekt", "forprosjekt", "delprosjektet", "forprosjektet", "hovedprosjektet"})


def _head(word: str, prof: LanguageProfile) -> str | None:
    lower = word.lower()
    return min((h for h in prof.initiative_heads if lower.endswith(h)), key=len, default=None)


def programme_word(word: str, prof: LanguageProfile) -> bool:
    """Is ``word`` a compound naming an initiative ("Kvalitetsreformen", "X-løftet")?"""
    head = _head(word, prof)
    if head is None or word.lower() in _NOT_INITIATIVES:
        return False
    modifier = word.lower()[: -len(head)].rstrip("-")
    if len(modifier) < 3:
        return False
    if word[:1].isupper():
        return True
    return word.lower().endswith(_LOWERCASE_HEADS)


def compound_initiatives(doc: Document, known: list[Mention]) -> list[Mention]:
    """Initiatives named by a compound, with a national adjective before it or the places
    (municipalities or regions the text names) it covers after it."""
    prof = profile(doc.lang)
    text = doc.text
    found = []
    place_spans = {(m.start, m.end) for m in known if m.type is EntityType.MUNICIPALITY}
    for m in _WORD.finditer(text):
        word = m.group(0)
        start, end = m.start(), m.end()
        adjective = _ADJECTIVE_BEFORE.search(text, max(0, start - 20), start)
        if adjective and word[:1].islower() and programme_word(word[:1].upper() + word[1:], prof):
            start = adjective.start()  # "Nasjonalt velferdsteknologiprogram"
        elif not programme_word(word, prof):
            continue
        after = _PLACES_AFTER.match(text, end)
        if after and word[:1].isupper():
            names = re.findall(r"[A-ZÆØÅÄÖ][\wæøåäö-]+", after.group(0))
            places = [n for (s, e), n in zip(_spans(after, text), names) if (s, e) in place_spans or n in REGIONS]
            if not _definite(word) and (len(names) >= 2 or places):
                end = after.end()  # "Helsefellesskap A, B og C": the places it covers
            elif len(names) == 1 and places:
                end = after.end()  # "Helsefellesskapet Innlandet"
            elif _definite(word):
                continue  # "Kvalitetsreformen Leve hele livet": a cue noun before the name
        elif _definite(word) and re.match(r"[ \t]*[«\"“A-ZÆØÅ]", text[end:end + 3]):
            continue  # "Kvalitetsreformen «Leve hele livet»"
        name = text[start:end]
        found.append(Mention(doc.id, start, end, EntityType.INITIATIVE, name, name, SOURCE,
                             rule="initiative.compound"))
    return found


def _definite(word: str) -> bool:
    return word.lower().endswith(("et", "en", "a"))


def _spans(match: re.Match[str], text: str) -> list[tuple[int, int]]:
    return [(w.start(), w.end()) for w in re.finditer(r"[A-ZÆØÅÄÖ][\wæøåäö-]+", text[: match.end()])
            if w.start() >= match.start()]
