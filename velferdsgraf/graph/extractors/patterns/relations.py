"""Relations between the mentions of one document: roles, affiliations, places, participation."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ....input.document import Document
from ...types import EntityType, Evidence, Mention, Relation, RelationKind
from .roles import Title

SOURCE = "patterns"
_PLACES = (EntityType.ORGANISATION, EntityType.MUNICIPALITY)
_PREP = re.compile(r"\s*(?:i|ved|hos|for|på|av|fra|frå|från|til|till|in|at|vid|för|af)\s+")
_ORG_JOIN = re.compile(r"\s*(?:,|og|og i|–|—|-)\s*")
_TITLE_JOIN = re.compile(r"\s*(?:,\s*(?:og\s+|och\s+)?(?:nå\s+|no\s+|nu\s+)?|og\s+|och\s+)")
_AFTER_NAME = re.compile(r"(?:[ \t]*\((?:[A-ZÆØÅÄÖ][A-Za-zæøåäö]{0,3}|\d{1,3})\))?"  # party or age: "Kari Nordmann (Sp)"
                         r"\s*(?:,\s*(?:som\s+er\s+|som\s+)?|\(\s*|\s+som\s+er\s+|"
                         # "Kari Nordmann er ordfører i X", "… er nå direktør i Y"
                         r"\s+(?:er|var|blir|ble|vart|blei|är|blev|bliver)\s+(?:nå\s+|no\s+|nu\s+)?(?:ny\s+|nye\s+)?"
                         r"(?:ansatt\s+som\s+|tilsett\s+som\s+|anställd\s+som\s+|ansat\s+som\s+)?|"
                         # "Kari Nordmann jobber som rådgiver i X", "Kari Nordmann – leder, X"
                         r"\s+(?:jobber|jobbar|arbeider|arbeidar|arbetar|arbejder)\s+som\s+|[ \t]+[–—-][ \t]+|\s+)")
_FROM = re.compile(r"\s+(?:fra|frå|från)\s+")
_PRONOUN_IS = re.compile(r"\b(?:Hun|Han|Ho|Hon)\s+(?:er|är|var)\s+(?:nå\s+|no\s+|nu\s+)?(?:ansatt\s+som\s+|tilsett\s+som\s+)?"
                         r"|\b(?:Hun|Han|Ho|Hon)\s+(?:jobber|jobbar|arbeider|arbeidar|arbetar|arbejder)\s+som\s+")


@dataclass
class Relations:
    """Accumulates the relations and any mentions the rules had to add."""

    doc: Document
    relations: list[Relation] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, kind: RelationKind, subject: Mention, obj: Mention | None, start: int, end: int,
            role: Mention | None = None, rule: str = "") -> None:
        """Record one relation read from ``text[start:end]`` by the rule ``rule`` (an id of rules.tsv)."""
        self.relations.append(Relation(kind, subject, obj, Evidence(self.doc.id, start, end), role, SOURCE, rule=rule))


class MentionIndex:
    """Mentions by start offset, for "is there an organisation right here?" questions."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
        self.starts = [m.start for m in self.mentions]

    def ending_at(self, offset: int, types: tuple[EntityType, ...]) -> Mention | None:
        """A mention of one of ``types`` that ends exactly at ``offset``."""
        return next((m for m in self.mentions if m.end == offset and m.type in types), None)

    def at(self, offset: int, types: tuple[EntityType, ...]) -> Mention | None:
        """The longest mention of one of ``types`` starting exactly at ``offset``."""
        i = bisect_left(self.starts, offset)
        while i < len(self.mentions) and self.mentions[i].start == offset:
            if self.mentions[i].type in types:
                return self.mentions[i]
            i += 1
        return None


def _colon_genitive(text: str, title_start: int, index: MentionIndex) -> Mention | None:
    """The owner in a Swedish genitive of an abbreviation: "SKR:s ordförande" -> SKR."""
    m = re.search(r":s[ \t]+$", text[max(0, title_start - 4):title_start])
    return index.ending_at(title_start - len(m.group(0)), _PLACES) if m else None


def _same_block(text: str, end: int, nxt: int) -> bool:
    """May a title at ``nxt`` belong to a name ending at ``end``? Not across a paragraph break,
    and across one line break only when the title's line is short (a programme or table
    layout), not a sentence that opens with a title."""
    gap = text[end:nxt]
    if re.search(r"\n[ \t]*\n", gap):
        return False
    if "\n" not in gap:
        return True
    line_end = text.find("\n", nxt)
    return len(text[nxt:len(text) if line_end < 0 else line_end].split()) <= 8


def _skip(pattern: re.Pattern[str], text: str, pos: int) -> int | None:
    m = pattern.match(text, pos)
    return m.end() if m else None


def org_list(text: str, pos: int, index: MentionIndex) -> tuple[list[Mention], int]:
    """Organisations/municipalities starting at ``pos``: "Oppegård og Ski – Nordre Follo"."""
    orgs: list[Mention] = []
    first = index.at(pos, _PLACES)
    if first is None:
        return orgs, pos
    orgs.append(first)
    end = first.end
    while True:
        nxt = _skip(_ORG_JOIN, text, end)
        if nxt is None:
            break
        m = index.at(nxt, _PLACES)
        # "direktør i Aleris, Mari Trommald": a comma followed by a name is not a list.
        if m is None or (text[end:nxt].strip() == "," and index.at(nxt, (EntityType.PERSON,))):
            break
        orgs.append(m)
        end = m.end
    return orgs, end


@dataclass
class _Group:
    titles: list[Title]
    orgs: list[Mention]


def title_chain(text: str, pos: int, titles: dict[int, Title], index: MentionIndex) -> tuple[list[_Group], int]:
    """Parse "tittel og tittel i Org, tittel av Org" starting at ``pos``."""
    groups: list[_Group] = []
    while pos in titles:
        group = _Group([titles[pos]], [])
        pos = titles[pos].end
        while (nxt := _skip(re.compile(r"\s+og\s+"), text, pos)) is not None and nxt in titles:
            group.titles.append(titles[nxt])
            pos = titles[nxt].end
        for pattern in (_PREP, re.compile(r"\s+"), re.compile(r"\s*,\s*")):
            nxt = _skip(pattern, text, pos)
            if nxt is None:
                continue
            orgs, end = org_list(text, nxt, index)
            if not orgs:
                continue
            # A bare comma before an organisation only in bylines/parentheses: "rådgiver, enheten".
            if pattern.pattern == r"\s*,\s*" and not re.match(r"\s*(?:\)|$|\n|[-–—]\s|,\s+[a-zæøåäö])", text[end:end + 4]):
                continue
            group.orgs, pos = orgs, end
            break
        groups.append(group)
        nxt = _skip(_TITLE_JOIN, text, pos)
        if nxt is None or nxt not in titles:
            break
        pos = nxt
    return groups, pos


def role_relations(doc: Document, persons: list[Mention], titles: list[Title], index: MentionIndex,
                   out: Relations, implied: dict[int, Mention] | None = None) -> None:
    """Memberships and affiliations from appositions, titles before names, "fra", "Hun er"."""
    text = doc.text
    by_start = {t.start: t for t in titles}
    used: set[int] = set()
    role_mentions: dict[int, Mention] = {}

    def role(title: Title) -> Mention:
        if title.start not in role_mentions:
            m = Mention(doc.id, title.start, title.end, EntityType.ROLE, text[title.start:title.end], title.label, SOURCE)
            role_mentions[title.start] = m
            out.mentions.append(m)
        return role_mentions[title.start]

    implied = implied or {}

    def state(person: Mention, groups: list[_Group], start: int, end: int, rule: str) -> None:
        for group in groups:
            if not group.orgs and all(t.start in implied for t in group.titles):
                group.orgs = [implied[group.titles[0].start]]
            for title in group.titles:
                used.add(title.start)
                if not group.orgs:
                    out.add(RelationKind.MEMBERSHIP, person, None, start, end, role(title), rule=rule)
                for org in group.orgs:
                    if title.label.lower().startswith("nav-") and org.type is EntityType.MUNICIPALITY:
                        office = _nav_office(doc, title, org, index)
                        out.add(RelationKind.MEMBERSHIP, person, office, start, end, role(title), rule=rule)
                        out.add(RelationKind.AFFILIATION, person, org, start, end, rule="affiliation.nav-title")
                        continue
                    out.add(RelationKind.MEMBERSHIP, person, org, start, end, role(title), rule=rule)

    ordered = sorted(persons, key=lambda p: p.start)
    pending_orgs: dict[Mention, Mention] = {}
    for person in ordered:
        nxt = _skip(_AFTER_NAME, text, person.end)
        if nxt is not None and nxt in by_start and nxt not in used and _same_block(text, person.end, nxt):
            groups, end = title_chain(text, nxt, by_start, index)
            state(person, groups, person.start, end, "role.name-then-title")
        nxt = _skip(_FROM, text, person.end)
        if nxt is not None:
            orgs, end = org_list(text, nxt, index)
            for org in orgs:
                out.add(RelationKind.AFFILIATION, person, org, person.start, end, rule="affiliation.from")
            # "Overlege Ola Torsvik og sjukepleiar Randi Nordanger frå Haukeland": both are from there.
            for partner in _coordinated_before(text, person, ordered, by_start):
                for org in orgs:
                    out.add(RelationKind.AFFILIATION, partner, org, partner.start, end, rule="affiliation.from-coordinated")
                    pending_orgs.setdefault(partner, org)
    # Titles before names: "statssekretær Paul Chaffey", "NAV-leder i Oppegård kommune, Tone Skjelbostad".
    person_at = {p.start: p for p in ordered}
    for title in titles:
        if title.start in used:
            continue
        groups, end = title_chain(text, title.start, by_start, index)
        # "Prosjektleiar er Ingrid Sæle Bruvik", "statssekretær Paul Chaffey", "… i Lier, Morten Åsland"
        nxt = _skip(re.compile(r"[ \t]*[,:]?[ \t]*|\s+(?:er|var|blir|vert|blei|är|blev|bliver)\s+"), text, end)
        if nxt is not None and nxt not in person_at:
            nxt = _skip(re.compile(r"\s+(?:er|var|blir|vert|blei|är|blev|bliver)\s+"), text, end)
        if nxt is not None and nxt in person_at and len(groups) == 1:
            person = person_at[nxt]
            end = person.end
            # "Drammens kommunedirektør Helene Bøe Kvisle": a genitive owner before the title.
            owner = index.ending_at(title.start - 1, _PLACES) or _colon_genitive(text, title.start, index)
            if not groups[0].orgs and owner is not None and (owner.surface.endswith(("s", "’", "'"))
                                                             or text[owner.end:title.start].strip() == ":s"):
                groups[0].orgs = [owner]
            # "Forsker Maja Lindqvist ved Universitetet i Bergen": the organisation after the name.
            after = _skip(_PREP, text, person.end)
            if not groups[0].orgs and after is not None and text[person.end:after].split()[0] in {"i", "ved", "hos", "fra", "frå", "från", "vid", "af"}:
                groups[0].orgs, end = org_list(text, after, index)
                end = max(end, person.end)
            # Programme lines: "Ordfører Kari Nordmann, X kommune" — the place closes the line or clause.
            # and "tittel Navn (begge X kommune)": the place in a parenthesis after the name.
            if not groups[0].orgs:
                comma = _skip(re.compile(r"(?:[ \t]*\([A-ZÆØÅÄÖ][A-Za-zæøåäö]{0,3}\))?"
                                         r"\s*(?:,|\()\s*(?:(?:begge|båe|både|alle|bægge|båda)\s+)?"), text, person.end)
                orgs, org_end = org_list(text, comma, index) if comma is not None else ([], person.end)
                if orgs and re.match(r"\s*(?:$|\n|[,.;)]|\s(?:og|and|och)\s|\s[a-zæøåäö])", text[org_end:org_end + 6]):
                    groups[0].orgs, end = orgs, org_end
            state(person, groups, title.start, end, "role.title-then-name")
    for i, rel in enumerate(out.relations):
        if rel.kind is RelationKind.MEMBERSHIP and rel.object is None and rel.subject in pending_orgs:
            out.relations[i] = Relation(rel.kind, rel.subject, pending_orgs[rel.subject], rel.evidence, rel.role,
                                        rel.source, rule=rel.rule + "+from-coordinated")
    # "Hun er matematiker og teknologiinvestor": the last person named before.
    for m in _PRONOUN_IS.finditer(text):
        if m.end() in by_start and m.end() not in used:
            before = [p for p in ordered if p.end <= m.start() and len(p.name.split()) >= 2]
            if before and m.start() - before[-1].end < 400:
                groups, end = title_chain(text, m.end(), by_start, index)
                state(before[-1], groups, m.start(), end, "role.pronoun-is")


_NAME_COMMA = re.compile(r"(?:[ \t]*\([A-ZÆØÅÄÖ][A-Za-zæøåäö]{0,3}\))?[ \t]*,[ \t]*")
_NAME_PAREN = re.compile(r"[ \t]*\([ \t]*")  # "Innledere: Kari Nordmann (Husbanken) og …"
_CLAUSE_END = re.compile(r"[ \t]*(?:$|\n|[,.;:)]|[-–—][ \t]|(?:og|och)[ \t])")


def name_comma_affiliations(doc: Document, persons: list[Mention], index: MentionIndex, out: Relations) -> None:
    """ "Per Olsen, Husbanken, og Lise Berg, NAV Hamar": an organisation right after a name
    and a comma, closing the clause, is where the person works. A municipality counts only
    on a short line (a programme or a caption), where it cannot be a place in a sentence."""
    text = doc.text
    stated = {r.subject for r in out.relations if r.kind in (RelationKind.MEMBERSHIP, RelationKind.AFFILIATION)
              and r.object is not None}
    for person in persons:
        if person in stated or len(person.name.split()) < 2:
            continue
        comma = _NAME_COMMA.match(text, person.end) or _NAME_PAREN.match(text, person.end)
        if comma is None:
            continue
        org = index.at(comma.end(), _PLACES)
        if org is None or not _CLAUSE_END.match(text, org.end):
            continue
        if org.type is EntityType.MUNICIPALITY:
            line_start = text.rfind("\n", 0, person.start) + 1
            line_end = text.find("\n", org.end)
            if len(text[line_start:len(text) if line_end < 0 else line_end].split()) > 12:
                continue
        out.add(RelationKind.AFFILIATION, person, org, person.start, org.end, rule="affiliation.name-comma-org")


_FRONTED_FROM = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Fra|Frå|Från)\s+")


def fronted_affiliations(doc: Document, index: MentionIndex, out: Relations) -> None:
    """ "Fra Løten kommune deltok kommunalsjef Beate Nyhus og prosjektleder Amir Haddad":
    the organisation fronted by "Fra" is where the persons of that sentence come from."""
    from ...sentences import SentenceIndex

    text = doc.text
    sentences = SentenceIndex(text)
    for m in _FRONTED_FROM.finditer(text):
        org = index.at(m.end(), _PLACES)
        if org is None:
            continue
        start, end = sentences.containing(m.start())
        persons = [p for p in index.mentions if p.type is EntityType.PERSON and start <= p.start < end]
        if not persons:
            continue
        stated = {(r.subject, r.kind) for r in out.relations}
        for i, rel in enumerate(out.relations):
            if rel.kind is RelationKind.MEMBERSHIP and rel.object is None and rel.subject in persons:
                out.relations[i] = Relation(rel.kind, rel.subject, org, rel.evidence, rel.role, rel.source,
                                            rule=rel.rule + "+fronted-from")
        for person in persons:
            if (person, RelationKind.AFFILIATION) not in stated:
                out.add(RelationKind.AFFILIATION, person, org, start, end, rule="affiliation.fronted-from")


def _coordinated_before(text: str, person: Mention, ordered: list[Mention], titles: dict[int, Title]) -> list[Mention]:
    """Persons joined to ``person`` by "og" (with an optional title between): "X og tittel Y"."""
    partners = []
    current = person
    for other in reversed([p for p in ordered if p.end <= person.start]):
        between = text[other.end:current.start]
        m = re.fullmatch(r"\s*,?\s*(?:og|,)\s+(.*)", between)
        if not m:
            break
        rest = m.group(1).strip()
        if rest and not any(t.start == current.start - len(rest) - 1 or t.end == current.start - 1
                            for t in titles.values()):
            break
        partners.append(other)
        current = other
    return partners


def _nav_office(doc: Document, title: Title, municipality: Mention, index: MentionIndex) -> Mention:
    """The NAV office a "NAV-leder i <kommune>" leads, as an organisation mention."""
    name = f"NAV {municipality.name}"
    for m in index.mentions:
        if m.type is EntityType.ORGANISATION and m.name.casefold() == name.casefold():
            return m
    return Mention(doc.id, title.start, municipality.end, EntityType.ORGANISATION,
                   doc.text[title.start:municipality.end], name, SOURCE, (("implicit", "1"),))


def located_in(mentions: list[Mention], out: Relations) -> None:
    """An organisation whose name holds a municipality: "NAV Ski", "Ungdomsrådet i Bærum kommune"."""
    orgs = [m for m in mentions if m.type is EntityType.ORGANISATION]
    munis = [m for m in mentions if m.type is EntityType.MUNICIPALITY]
    for org in orgs:
        for muni in munis:
            if org.start <= muni.start and muni.end <= org.end and (org.start, org.end) != (muni.start, muni.end):
                out.add(RelationKind.LOCATED_IN, org, muni, org.start, org.end, rule="located-in.place-in-name")
        if org.attr("implicit"):
            for muni in munis:
                if muni.end == org.end:
                    out.add(RelationKind.LOCATED_IN, org, muni, org.start, org.end, rule="located-in.implicit-office")
