"""Party membership written after a name: "Kari Nordmann (Sp)" -> affiliation with Senterpartiet.

Conventions (SCHEME.md): party names and their abbreviations are organisations. The
abbreviations come from the document's language profile; the mention keeps the surface
("Sp") and names the party ("Senterpartiet"), so resolution joins both spellings.
"""
from __future__ import annotations

import re

from ....input.document import Document
from ...types import EntityType, Mention, RelationKind
from .profiles import parties
from .relations import Relations

SOURCE = "patterns"
_PARENTHESIS = re.compile(r"[ \t]*\(([A-ZÆØÅÄÖ][A-Za-zæøåäöÆØÅÄÖ]{0,3})\)")


def party_affiliations(doc: Document, persons: list[Mention], out: Relations) -> None:
    """An affiliation (and an organisation mention) for every "(Party)" right after a person."""
    table = parties(doc.lang)
    for person in persons:
        if len(person.name.split()) < 2:
            continue
        m = _PARENTHESIS.match(doc.text, person.end)
        if m is None or m.group(1) not in table:
            continue
        s, e = m.span(1)
        party = Mention(doc.id, s, e, EntityType.ORGANISATION, m.group(1), table[m.group(1)], SOURCE,
                        rule="organisation.party")
        out.mentions.append(party)
        out.add(RelationKind.AFFILIATION, person, party, person.start, m.end(), rule="affiliation.party")


def party_mentions(doc: Document) -> list[Mention]:
    """Parties named in full, in the genitive too ("Høyres leder" -> Høyre)."""
    names = sorted(set(parties(doc.lang).values()), key=len, reverse=True)
    if not names:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(s|’|')?(?![\w-])")
    return [Mention(doc.id, m.start(), m.end(), EntityType.ORGANISATION, m.group(0), m.group(1), SOURCE,
                    rule="organisation.party")
            for m in pattern.finditer(doc.text)]
