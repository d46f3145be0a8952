"""Entity resolution: group the mentions of all documents into entities with stable keys."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .names import content_hash, edit_distance, name_key, slug
from .types import Entity, EntityType, Extraction, Mention

_PATHS = {
    EntityType.PERSON: "person",
    EntityType.ORGANISATION: "organisation",
    EntityType.MUNICIPALITY: "municipality",
    EntityType.INITIATIVE: "initiative",
    EntityType.EVENT: "event",
    EntityType.ROLE: "role",
}


@dataclass(frozen=True, slots=True)
class Merge:
    """One surface form that was attached to an entity other than its own name, and why."""

    entity: str
    form: str
    doc_id: str
    reason: str


@dataclass(slots=True)
class Resolution:
    """Entities keyed by IRI path, and which entity each mention stands for."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_mention: dict[tuple[str, int, int, EntityType], str] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)

    def entity_of(self, mention: Mention) -> Entity | None:
        """The entity a mention was resolved to (None for dropped mentions)."""
        key = self.by_mention.get((mention.doc_id, mention.start, mention.end, mention.type))
        return self.entities.get(key) if key else None


def _tokens(name: str) -> list[str]:
    return name_key(name).replace("-", " - ").split()


def _similar_part(a: str, b: str) -> bool:
    """One name part is a misspelling of the other (one edit; two for long parts)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return edit_distance(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1)


def _link_persons(
    mentions: Sequence[Mention], merges: list[tuple[Mention, str]]
) -> dict[Mention, str | None]:
    """Map each person mention of one document to the full name it refers to.

    Full names (two or more parts) stand for themselves; a misspelt full name that
    differs from a more frequent one in a single part joins it; a lone first name or
    surname joins the one full name that contains it. Unattached lone names map to None.
    """
    counts = Counter(m.name for m in mentions)
    full = sorted({m.name for m in mentions if len(_tokens(m.name)) >= 2},
                  key=lambda n: (-counts[n], -len(n), n))
    canonical: dict[str, str] = {}
    for name in full:
        parts = _tokens(name)
        for target in full:
            if target == name:
                break
            other = _tokens(target)
            if len(other) == len(parts) and sum(p != o for p, o in zip(parts, other)) == 1 and all(
                _similar_part(p, o) for p, o in zip(parts, other)
            ) and target not in canonical:
                canonical[name] = target
                break
    result: dict[Mention, str | None] = {}
    for m in mentions:
        parts = _tokens(m.name)
        if len(parts) >= 2:
            result[m] = canonical.get(m.name, m.name)
            if m.name in canonical:
                merges.append((m, f"one-part misspelling of {canonical[m.name]!r} in the same report"))
            continue
        owners = sorted({canonical.get(n, n) for n in full if parts[0] in _tokens(n)})
        if len(owners) == 1:
            result[m] = owners[0]
            merges.append((m, f"part of the full name {owners[0]!r} in the same report"))
        else:
            result[m] = None
    return result


def _group_key(mention: Mention, name: str) -> str:
    if mention.type is EntityType.MUNICIPALITY and mention.attr("gazetteer_id") and not mention.attr("candidates"):
        return "kommune:" + (mention.attr("gazetteer_id") or "")
    if mention.type is EntityType.ORGANISATION and mention.attr("gazetteer_id"):
        return "gaz:" + (mention.attr("gazetteer_id") or "")
    if mention.type in (EntityType.ORGANISATION, EntityType.INITIATIVE, EntityType.EVENT):
        # "Strategi- og utviklingsenheten" and "Strategi og utviklingsenheten" are one unit.
        return " ".join(name_key(name).replace("-", " ").split())
    return name_key(name)


def _fullest(forms: Counter[str], etype: EntityType) -> str:
    """The canonical label: the longest, then most frequent, then capitalised form."""
    return sorted(forms, key=lambda f: (-len(f.split()), -len(f), not f[:1].isupper(), -forms[f], f))[0]


def resolve(extractions: Sequence[Extraction]) -> Resolution:
    """Merge mentions of the same entity across documents.

    The canonical name is the fullest form; every other surface form becomes an alias.
    Entities of different types are never merged ("Ski" the municipality vs "NAV Ski").
    """
    # Sort before grouping so keys do not depend on file order (byte-identical Turtle).
    groups: dict[tuple[EntityType, str], list[tuple[Mention, str]]] = defaultdict(list)
    merges: list[tuple[Mention, str]] = []
    for extraction in sorted(extractions, key=lambda x: x.doc_id):
        persons = [m for m in extraction.mentions if m.type is EntityType.PERSON]
        person_names = _link_persons(persons, merges)
        for m in sorted(extraction.mentions, key=lambda m: (m.start, m.end, m.type.value)):
            name = person_names.get(m, m.name) if m.type is EntityType.PERSON else m.name
            if name is None:
                continue
            groups[(m.type, _group_key(m, name))].append((m, name))

    resolution = Resolution()
    used: dict[str, tuple[EntityType, str]] = {}
    for (etype, gkey), members in sorted(groups.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        names = Counter(name for _, name in members)
        gazetteer_name = next((m.attr("canonical") for m, _ in members if m.attr("canonical")), None)
        label = gazetteer_name or _fullest(names, etype)
        key = f"{_PATHS[etype]}/{slug(label)}"
        if key in used and used[key] != (etype, gkey):
            key = f"{key}-{content_hash(gkey, length=6)}"
        used[key] = (etype, gkey)
        forms = sorted(({m.surface for m, _ in members if not m.attr("implicit")}
                        | {m.attr("base_surface") or "" for m, _ in members} | set(names)) - {label, ""})
        attrs: dict[str, str] = {}
        for m, _ in members:
            for k, v in m.attrs:
                attrs.setdefault(k, v)
        entity = Entity(key=key, type=etype, label=label, aliases=[f for f in forms if f != label],
                        attrs=attrs, doc_ids=sorted({m.doc_id for m, _ in members}))
        resolution.entities[key] = entity
        for m, _ in members:
            resolution.by_mention[(m.doc_id, m.start, m.end, m.type)] = key
    for m, reason in merges:
        key = resolution.by_mention.get((m.doc_id, m.start, m.end, m.type))
        if key:
            resolution.merges.append(Merge(key, m.surface, m.doc_id, reason))
    return resolution
