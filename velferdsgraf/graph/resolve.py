"""Entity resolution: group the mentions of all documents into entities with stable keys.

In order: alias rules rename mentions (a user's file, then ``data/aliases.tsv``); person names
are linked within each report, then misspellings across reports (:mod:`.persons`); mentions
are grouped by gazetteer identity or normalised name, bare generic units ("Tildelingskontoret")
only within their report; forbid rules split groups. Every form attached to an entity under
another name is recorded in ``Resolution.merges`` with the reason (``merges.csv``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..errors import AliasFileError
from .aliases import AliasRule, AliasTable, dropped_person_reason, is_full_name, same_name, shipped_aliases
from .names import content_hash, name_key, slug
from .persons import cross_report_spellings, link_persons, tokens
from .types import Entity, EntityType, Extraction, Mention

_PATHS = {
    EntityType.PERSON: "person",
    EntityType.ORGANISATION: "organisation",
    EntityType.MUNICIPALITY: "municipality",
    EntityType.INITIATIVE: "initiative",
    EntityType.EVENT: "event",
    EntityType.ROLE: "role",
}
# Heads of common nouns that name a local unit, not one body: "Tildelingskontoret", "NAV-kontoret".
_GENERIC_HEADS = (
    "kontoret", "kontor", "kontorene", "tjenesten", "tjenestene", "tenesta", "tenestene", "enheten",
    "eininga", "avdelingen", "avdelinga", "seksjonen", "sekretariatet", "senteret", "sentret", "centret",
    "centeret", "stasjonen", "legevakten", "legevakta", "barnevernet", "barnevernstjenesten",
    "sykehjemmet", "sjukeheimen", "rådhuset", "administrasjonen", "ledelsen", "leiinga",
)
_LINK_ATTRS = ("gazetteer_id", "gazetteer_entity", "orgnr", "wikidata", "kommunenummer", "current_kommunenummer",
               "kommunenummer_current", "canonical")
MentionKey = tuple[str, int, int, EntityType]


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
    by_mention: dict[MentionKey, str] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)

    def entity_of(self, mention: Mention) -> Entity | None:
        """The entity a mention was resolved to (None for dropped mentions)."""
        key = self.by_mention.get(_key(mention))
        return self.entities.get(key) if key else None


def _key(m: Mention) -> MentionKey:
    return (m.doc_id, m.start, m.end, m.type)


def is_generic_unit(name: str) -> bool:
    """A bare common noun for a local unit ("Tildelingskontoret", "NAV-kontoret"), not a name."""
    words = name.split()
    if len(words) != 1:
        return False
    word = words[0].rstrip("'’")
    head, dash, rest = word.partition("-")
    if dash:
        stem = rest
        if not (head.upper() == "NAV" and rest.islower()):
            return False
    else:
        stem = word.casefold()
        if not (word[:1].isupper() and word[1:].islower()):
            return False
    return stem.endswith(_GENERIC_HEADS) or (stem.endswith("s") and stem[:-1].endswith(_GENERIC_HEADS))


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from .gazetteer import load_gazetteer

    return load_gazetteer()


def _group_key(m: Mention, name: str) -> tuple[str, str]:
    """The identity a mention is grouped by, and the name it stands for there."""
    if m.type is EntityType.MUNICIPALITY and not m.attr("candidates"):
        if m.attr("gazetteer_id"):
            return "kommune:" + (m.attr("gazetteer_id") or ""), name
        if m.attr("country"):  # found by a model, not by the gazetteer: look the name up
            record = _gazetteer().municipality(name, country=m.attr("country"))
            if record is not None and record.id:
                return "kommune:" + record.id, record.name
    if m.type is EntityType.ORGANISATION:
        if m.attr("gazetteer_id"):
            row = _gazetteer().organisation_by_id(m.attr("gazetteer_id"))
            return "gaz:" + (m.attr("gazetteer_id") or ""), row.name if row is not None else name
        if name not in _gazetteer().abbreviation_flags:
            record = _gazetteer().organisation(name)
            if record is not None:
                return "gaz:" + record.id, record.name
        if is_generic_unit(name):
            return f"local:{m.doc_id}:{name_key(name)}", name
    if m.type in (EntityType.ORGANISATION, EntityType.INITIATIVE, EntityType.EVENT):
        # "Strategi- og utviklingsenheten" and "Strategi og utviklingsenheten" are one unit.
        return " ".join(name_key(name).replace("-", " ").split()), name
    return name_key(name), name


def _fullest(forms: Counter[str], etype: EntityType) -> str:
    """The canonical label: the longest, then most frequent, then capitalised form."""
    return min(forms, key=lambda f: (-len(f.split()), -len(f), not f[:1].isupper(), -forms[f], f))


Member = tuple[Mention, str]
Groups = dict[tuple[EntityType, str], list[Member]]


def _named_mentions(extractions: Sequence[Extraction], table: AliasTable,
                    reasons: dict[MentionKey, str]) -> dict[str, list[Member]]:
    """Per report, each kept mention with the name it stands for after aliases and person linking."""
    out: dict[str, list[Member]] = {}
    for extraction in sorted(extractions, key=lambda x: x.doc_id):
        renamed = []
        applied: dict[Mention, AliasRule] = {}
        for m in extraction.mentions:
            rule = table.forced(m.type, m.name, m.surface)
            if rule is not None:
                reasons[_key(m)] = f"alias {rule.origin}: {rule.name!r} is {rule.canonical!r}"
                # The rule decides who this is: identifiers read for the old name no longer apply.
                kept = tuple((k, v) for k, v in m.attrs if k not in _LINK_ATTRS and k != "candidates")
                m = replace(m, name=rule.canonical, attrs=kept)
                applied[m] = rule
            renamed.append(m)
        merges: list[tuple[Mention, str]] = []
        persons = [m for m in renamed if m.type is EntityType.PERSON]
        linked = link_persons(persons, merges, lambda a, b: table.forbids(EntityType.PERSON, a, b))
        _refuse_dropping_rules(persons, linked, applied)
        for m, reason in merges:
            reasons.setdefault(_key(m), reason)
        members: list[Member] = []
        for m in sorted(renamed, key=lambda m: (m.start, m.end, m.type.value)):
            name = linked.get(m, m.name) if m.type is EntityType.PERSON else m.name
            if name is not None:
                members.append((m, name))
        out[extraction.doc_id] = members
    return out


def _refuse_dropping_rules(persons: list[Mention], linked: dict[Mention, str | None],
                           applied: dict[Mention, AliasRule]) -> None:
    """An alias rule that turned a full name into a name that cannot stand alone would drop the
    person silently; refuse it, naming the rule's file and line."""
    for m in persons:
        rule = applied.get(m)
        if rule is not None and linked.get(m) is None and is_full_name(m.surface):
            origin, _, line = rule.origin.rpartition(":")
            raise AliasFileError(origin, int(line) if line.isdigit() else 0, dropped_person_reason(rule.name, rule.canonical))


def _split_forbidden(groups: Groups, table: AliasTable) -> Groups:
    """Move the mentions a forbid rule keeps apart out of each group into a group of their own."""
    out: Groups = defaultdict(list)
    for (etype, gkey), members in groups.items():
        for rule in table.forbid_rules(etype):
            def named(m: Mention, n: str, who: str) -> bool:
                return any(same_name(who, x) for x in (m.surface, m.name, n))

            apart = [(m, n) for m, n in members if named(m, n, rule.name)]
            rest = [(m, n) for m, n in members if (m, n) not in apart]
            if apart and any(named(m, n, rule.canonical) for m, n in rest):
                out[(etype, f"{gkey}|apart:{name_key(rule.name)}")].extend((m, rule.name) for m, _ in apart)
                members = rest
        out[(etype, gkey)].extend(members)
    return out


def _reason(m: Mention, name: str, gkey: str, label: str) -> str:
    if gkey.startswith("kommune:"):
        return f"gazetteer: a name of the municipality {label} ({gkey[8:]})"
    if gkey.startswith("gaz:"):
        return f"gazetteer: a name of {label} ({gkey[4:].split('|')[0]})"
    if name_key(m.surface).replace("-", " ").split() == name_key(label).replace("-", " ").split():
        return "the same name after normalisation (case, dashes, quotes, spaces)"
    return f"read as {name!r} by the {m.source or 'extractor'} rules"


def resolve(extractions: Sequence[Extraction], aliases: AliasTable | None = None) -> Resolution:
    """Merge mentions of the same entity across documents.

    The canonical name is the fullest form; every other surface form becomes an alias.
    Entities of different types are never merged ("Ski" the municipality vs "NAV Ski").
    ``aliases`` (a user's alias file) goes before the shipped alias table.
    """
    table = aliases + shipped_aliases() if aliases is not None else shipped_aliases()
    reasons: dict[MentionKey, str] = {}
    # Sorted by report id, so keys do not depend on file order (byte-identical Turtle).
    per_report = _named_mentions(extractions, table, reasons)
    # Spellings are weighed by full-name mentions; a lone "Seres" attests no spelling.
    spelling = cross_report_spellings(
        {doc: [n for m, n in members if m.type is EntityType.PERSON and len(tokens(m.name)) >= 2]
         for doc, members in per_report.items()},
        lambda a, b: table.forbids(EntityType.PERSON, a, b),
    )
    groups: Groups = defaultdict(list)
    for members in per_report.values():
        for m, name in members:
            if m.type is EntityType.PERSON and name in spelling:
                reasons.setdefault(_key(m), f"one-part misspelling of {spelling[name]!r}, better attested "
                                            "in the other reports")
                name = spelling[name]
            gkey, name = _group_key(m, name)
            groups[(m.type, gkey)].append((m, name))
    groups = _split_forbidden(groups, table)

    resolution = Resolution()
    used: dict[str, tuple[EntityType, str]] = {}
    for (etype, gkey), members in sorted(groups.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        names = Counter(name for _, name in members)
        gazetteer_name = next((m.attr("canonical") for m, _ in members if m.attr("canonical")), None)
        apart = "|apart:" in gkey
        label = (None if apart else gazetteer_name) or _fullest(names, etype)
        key = f"{_PATHS[etype]}/{slug(label)}"
        if gkey.startswith("local:"):  # never the same IRI as another report's unit of that name
            key = f"{key}-{content_hash(members[0][0].doc_id, length=6)}"
        if key in used and used[key] != (etype, gkey):
            key = f"{key}-{content_hash(gkey, length=6)}"
        used[key] = (etype, gkey)
        forms = sorted(({m.surface for m, _ in members if not m.attr("implicit")}
                        | {m.attr("base_surface") or "" for m, _ in members} | set(names)) - {label, ""})
        attrs: dict[str, str] = {}
        for m, _ in members:
            for k, v in m.attrs:
                if not (apart and k in _LINK_ATTRS):
                    attrs.setdefault(k, v)
        if not apart and re.match(r"(kommune|gaz):", gkey):
            attrs["gazetteer_id"] = gkey.split(":", 1)[1]
        entity = Entity(key=key, type=etype, label=label, aliases=forms, attrs=attrs,
                        doc_ids=sorted({m.doc_id for m, _ in members}))
        resolution.entities[key] = entity
        for m, name in members:
            resolution.by_mention[_key(m)] = key
            for form in sorted({m.surface if not m.attr("implicit") else "", name} - {label, ""}):
                reason = reasons.get(_key(m)) or _reason(m, name, gkey, label)
                resolution.merges.append(Merge(key, form, m.doc_id, reason))
    return resolution
