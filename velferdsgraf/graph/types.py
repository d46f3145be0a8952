"""Plain data passed between extraction, resolution and RDF building."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class EntityType(str, Enum):
    """The entity classes of the RDF contract (vg:Report is built from Documents)."""

    PERSON = "Person"
    ORGANISATION = "Organisation"
    MUNICIPALITY = "Municipality"
    INITIATIVE = "Initiative"
    EVENT = "Event"
    ROLE = "Role"


class RelationKind(str, Enum):
    """Relations the graph states, each with provenance."""

    MEMBERSHIP = "membership"  # person holds role (in organisation/municipality, if named)
    AFFILIATION = "affiliation"  # person belongs to organisation/municipality, no role given
    LOCATED_IN = "locatedIn"  # organisation -> municipality
    PARTICIPATES_IN = "participatesIn"  # person/org/municipality -> initiative/event


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form in one document; ``start``/``end`` index ``Document.text``.

    ``name`` is the normalised name the mention stands for when it differs from the
    surface ("Bærums" -> "Bærum", "NAV-leder" stays itself); resolution groups by it.
    ``attrs`` carries linking data known at extraction (kommunenummer, orgnr, wikidata).
    """

    doc_id: str
    start: int
    end: int
    type: EntityType
    surface: str
    name: str
    source: str = ""  # the extractor that found it
    attrs: tuple[tuple[str, str], ...] = ()
    rule: str = field(default="", compare=False)  # the id of the rule that proposed it (rules.tsv)

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) in the document text."""
        return (self.start, self.end)

    def attr(self, key: str) -> str | None:
        """The value of one linking attribute, or None."""
        for k, v in self.attrs:
            if k == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was read: the sentence span in one document."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between mentions of one document.

    MEMBERSHIP: subject = person, role = role mention, object = organisation or
    municipality (or None when the text names none). AFFILIATION: subject = person,
    object = organisation/municipality. LOCATED_IN: subject = organisation,
    object = municipality. PARTICIPATES_IN: subject = participant, object =
    initiative or event.
    """

    kind: RelationKind
    subject: Mention
    object: Mention | None
    evidence: Evidence
    role: Mention | None = None
    source: str = ""
    rule: str = field(default="", compare=False)  # the id of the rule that stated it (rules.tsv)


@dataclass(slots=True)
class Extraction:
    """Everything the extractors found in one document."""

    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def extend(self, other: "Extraction") -> None:
        """Add another extractor's findings for the same document."""
        self.mentions.extend(other.mentions)
        self.relations.extend(other.relations)


@dataclass(slots=True)
class Entity:
    """One real-world entity after resolution, across all documents.

    ``key`` is the stable IRI path below vgid: ("person/silvija-seres").
    ``label`` is the canonical (fullest) name; ``aliases`` every other surface form.
    """

    key: str
    type: EntityType
    label: str
    aliases: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    doc_ids: list[str] = field(default_factory=list)
