"""Tables flattened into lines: a name, its title and its organisation, one cell a line.

    Kari Nordmann
    kommunalsjef
    helse og omsorg
    Eidsberg kommune

Web pages lose their table layout when read as text ("table cells run together", issue 9), so
a person alone on a line, a title on the same or the next line, and a line that is nothing but
an organisation or municipality below it state a role there.
"""
from __future__ import annotations

from ....input.document import Document
from ...types import EntityType, Mention, RelationKind
from .relations import _PLACES, MentionIndex, Relations
from .roles import Title

SOURCE = "patterns"
_MAX_CELLS = 4


def _lines_after(text: str, pos: int, count: int) -> list[tuple[int, int]]:
    """The spans of the next ``count`` lines after the line holding ``pos`` (stripped)."""
    spans = []
    end = text.find("\n", pos)
    while end >= 0 and len(spans) < count:
        start = end + 1
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        line = text[start:stop]
        if not line.strip():
            break  # a blank line ends the row
        left = start + len(line) - len(line.lstrip())
        spans.append((left, left + len(line.strip())))
        if end < 0:
            break
    return spans


def cell_roles(doc: Document, persons: list[Mention], titles: list[Title], index: MentionIndex,
               out: Relations) -> None:
    """Memberships (or affiliations) read from name/title/organisation cells on lines of their own."""
    text = doc.text
    by_start = {t.start: t for t in titles}
    person_starts = {p.start for p in persons}
    stated = {r.subject for r in out.relations if r.object is not None
              and r.kind in (RelationKind.MEMBERSHIP, RelationKind.AFFILIATION)}
    roles: dict[int, Mention] = {}
    for person in persons:
        if person in stated or len(person.name.split()) < 2:
            continue
        line_start = text.rfind("\n", 0, person.start) + 1
        line_end = text.find("\n", person.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:person.start].strip():
            continue  # the name must open its line
        rest = text[person.end:line_end].strip()
        title = next((t for t in titles if person.end < t.start < line_end), None) if rest else None
        if rest and (title is None or text[title.end:line_end].strip()):
            continue  # more than a title after the name: a sentence, not a cell
        org = None
        for start, end in _lines_after(text, person.start, _MAX_CELLS):
            if start in person_starts:
                break  # the next row
            if title is None and start in by_start:
                title = by_start[start]
            place = index.at(start, _PLACES)
            if place is not None and place.end >= end - 1:
                org = place
                break
        if org is None:
            continue
        if title is None:
            out.add(RelationKind.AFFILIATION, person, org, person.start, org.end, rule="affiliation.table-cells")
            continue
        if title.start not in roles:
            roles[title.start] = Mention(doc.id, title.start, title.end, EntityType.ROLE, text[title.start:title.end],
                                         title.label, SOURCE)
            out.mentions.append(roles[title.start])
        out.add(RelationKind.MEMBERSHIP, person, org, person.start, org.end, roles[title.start],
                rule="role.table-cells")
