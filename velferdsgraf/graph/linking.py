"""Linked data for municipalities and gazetteer organisations: official numbers, identifiers, history.

For every municipality the gazetteer knows, the graph gets (docs/RDF.md, "Linking"):

* ``vg:municipalityNumber`` — its own current kommunenummer (none once it has been merged away);
* ``vg:numberPeriod`` — one ``vg:NumberPeriod`` node per kommunenummer it has had, with
  ``vg:number`` and ``schema:validFrom``/``schema:validThrough``; each dated report that mentions
  it points to the number then in force with ``vg:numberInForce``;
* ``owl:sameAs`` Wikidata, ``org:identifier`` organisasjonsnummer;
* ``vg:precededBy``/``vg:succeededBy`` along the reform chain (Ski, Oppegård -> Nordre Follo).

Organisations from the gazetteer get ``org:identifier``, ``owl:sameAs`` and the same succession
links between the names of one legal entity (KMD -> KDD) and between merged entities.
Municipalities and organisations on such a chain that no report names are added as well, with
type, label and identifiers but no ``schema:mentions``.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, XSD

from ..input.document import Document
from ..ontology.namespace import ORG, SCHEMA, VG, VGID, WD
from .names import content_hash, slug
from .resolve import Resolution
from .types import Entity, EntityType

__all__ = ["link", "number_period_iri"]


def number_period_iri(country: str, code: str) -> URIRef:
    """The IRI of one kommunenummer ("NO", "0213" -> vgid:municipality-number/no-0213)."""
    return VGID[f"municipality-number/{country.lower() or 'xx'}-{slug(code)}"]


class _Linker:
    """Adds the linking triples of one graph; keeps track of the nodes it has minted."""

    def __init__(self, graph: Graph, resolution: Resolution) -> None:
        from .gazetteer import load_gazetteer

        self.g = graph
        self.gaz = load_gazetteer()
        self.used = set(resolution.entities)
        self.nodes: dict[str, URIRef] = {}  # "muni:NO-0213" / "org:kmd" -> node
        self.seen: set[tuple[str, str]] = set()  # gazetteer entries already described
        self._org_links: dict[str, tuple[set[str], set[str]]] | None = None  # row -> (before, after)
        for entity in resolution.entities.values():
            gid = entity.attrs.get("gazetteer_id")
            if gid and entity.type in (EntityType.MUNICIPALITY, EntityType.ORGANISATION):
                self.nodes[f"{_KIND[entity.type]}:{gid}"] = VGID[entity.key]

    def node(self, kind: str, gid: str, label: str) -> URIRef:
        """The node of a gazetteer entry: the resolved entity, else a new unmentioned one."""
        ref = f"{kind}:{gid}"
        if ref not in self.nodes:
            path = "municipality" if kind == "muni" else "organisation"
            key = f"{path}/{slug(label)}"
            if key in self.used:
                key = f"{key}-{content_hash(gid, length=6)}"
            self.used.add(key)
            node = self.nodes[ref] = VGID[key]
            self.g.add((node, RDF.type, VG.Municipality if kind == "muni" else VG.Organisation))
            self.g.add((node, RDFS.label, Literal(label)))
        return self.nodes[ref]

    def identity(self, node: URIRef, orgnr: str | None, wikidata: str | None) -> None:
        """org:identifier (organisasjonsnummer) and owl:sameAs (Wikidata), when known."""
        if orgnr:
            self.g.add((node, ORG.identifier, Literal(orgnr)))
        if wikidata:
            self.g.add((node, OWL.sameAs, WD[wikidata]))

    def succession(self, before: URIRef, after: URIRef) -> None:
        """State that ``after`` replaced ``before``, both ways."""
        self.g.add((before, VG.succeededBy, after))
        self.g.add((after, VG.precededBy, before))

    def _walk_chain(self, kind: str, record: Any, neighbours: Callable[[Any, str], list[Any]],
                    describe: Callable[[URIRef, Any], None]) -> None:
        """Describe ``record`` and everything on its chain of predecessors and successors."""
        todo = [record]
        while todo:
            rec = todo.pop()
            if (kind, rec.id) in self.seen:
                continue
            self.seen.add((kind, rec.id))
            node = self.node(kind, rec.id, rec.name)
            describe(node, rec)
            for before in neighbours(rec, "predecessors"):
                self.succession(self.node(kind, before.id, before.name), node)
                todo.append(before)
            for after in neighbours(rec, "successors"):
                self.succession(node, self.node(kind, after.id, after.name))
                todo.append(after)

    # ------------------------------------------------------------------ municipalities
    def municipality(self, record: Any) -> None:
        """Describe a municipality and every municipality on its reform chain."""
        self._walk_chain("muni", record, self._neighbours, self.describe_municipality)

    def describe_municipality(self, node: URIRef, rec: Any) -> None:
        """Current number (if it still exists), number periods and identifiers of one municipality."""
        if rec.current_kommunenummer and rec.current_name == rec.name and rec.current_kommunenummer in rec.all_codes:
            self.g.add((node, VG.municipalityNumber, Literal(rec.current_kommunenummer)))
        for period in rec.codes:
            p = number_period_iri(rec.country, period.code)
            self.g.add((node, VG.numberPeriod, p))
            self.g.add((p, RDF.type, VG.NumberPeriod))
            self.g.add((p, VG.number, Literal(period.code)))
            if period.valid_from:
                self.g.add((p, SCHEMA.validFrom, Literal(period.valid_from, datatype=XSD.date)))
            if period.valid_to:
                self.g.add((p, SCHEMA.validThrough, Literal(period.valid_to, datatype=XSD.date)))
        self.identity(node, rec.orgnr, rec.wikidata)

    def _neighbours(self, rec: Any, side: str) -> list[Any]:
        """The records named in ``rec.predecessors``/``successors`` that name ``rec`` back."""
        back = "successors" if side == "predecessors" else "predecessors"
        out = []
        for name in getattr(rec, side):
            found = self.gaz.municipality(name, country=rec.country)
            if found is None:
                continue
            # Both sides must say so: a border change (part of Ringsaker to Hamar in 1992) is no succession.
            options = [c for c in (found.candidates if found.ambiguous else [found]) if rec.name in getattr(c, back)]
            if len(options) == 1 and options[0].id:
                out.append(options[0])
        return sorted(out, key=lambda r: r.id)

    # ------------------------------------------------------------------ organisations
    def organisation(self, record: Any) -> None:
        """Describe a gazetteer organisation and every name on its chain of renames and mergers."""
        self._walk_chain("org", record, self._org_neighbours,
                         lambda node, rec: self.identity(node, rec.orgnr, rec.wikidata))

    def _org_neighbours(self, rec: Any, side: str) -> list[Any]:
        """The name periods just before (or after) ``rec``: renames of the same legal entity and
        mergers with others, as either of the two gazetteer rows states it."""
        if self._org_links is None:
            self._org_links = {}
            for row_id, (_entity, row) in sorted(self.gaz.organisation_rows().items()):
                self._org_links.setdefault(row_id, (set(), set()))
                for other in row.get("predecessors", []):
                    self._org_links[row_id][0].add(other)
                    self._org_links.setdefault(other, (set(), set()))[1].add(row_id)
                for other in row.get("successors", []):
                    self._org_links[row_id][1].add(other)
                    self._org_links.setdefault(other, (set(), set()))[0].add(row_id)
        before, after = self._org_links.get(rec.id, (set(), set()))
        found = (self.gaz.organisation_by_id(r) for r in sorted(before if side == "predecessors" else after))
        return [r for r in found if r is not None]

    # ------------------------------------------------------------------ reports
    def numbers_in_force(self, report: URIRef, date: str, entities: Sequence[Entity]) -> None:
        """Point a dated report at the kommunenummer in force then of each municipality it names."""
        from .gazetteer import normalise_date

        day = normalise_date(date)
        if day is None:
            return
        for entity in entities:
            rec = self.gaz.municipality_by_id(entity.attrs.get("gazetteer_id", ""))
            for period in rec.codes if rec else ():
                if period.valid_at(day):
                    self.g.add((report, VG.numberInForce, number_period_iri(rec.country, period.code)))


_KIND = {EntityType.MUNICIPALITY: "muni", EntityType.ORGANISATION: "org"}


def _fallback(graph: Graph, entity: Entity) -> None:
    """Identifiers carried by the mentions themselves, for entities the gazetteer does not know."""
    node, attrs = VGID[entity.key], entity.attrs
    current = attrs.get("current_kommunenummer") or attrs.get("kommunenummer_current")
    if entity.type is EntityType.MUNICIPALITY and current:
        graph.add((node, VG.municipalityNumber, Literal(current)))
    if attrs.get("wikidata"):
        graph.add((node, OWL.sameAs, WD[attrs["wikidata"]]))
    if attrs.get("orgnr") and entity.type is not EntityType.PERSON:
        graph.add((node, ORG.identifier, Literal(attrs["orgnr"])))


def link(graph: Graph, resolution: Resolution, documents: Sequence[Document],
         reports: Mapping[str, URIRef]) -> None:
    """Add the linking triples of the module doc to ``graph`` (``reports``: document id -> IRI)."""
    known = [e for e in resolution.entities.values() if e.type in _KIND and e.attrs.get("gazetteer_id")]
    linker = _Linker(graph, resolution) if known else None
    municipalities: list[Entity] = []
    for entity in resolution.entities.values():
        record = None
        if linker is not None and entity.type in _KIND and entity.attrs.get("gazetteer_id"):
            gid = entity.attrs["gazetteer_id"]
            if entity.type is EntityType.MUNICIPALITY:
                record = linker.gaz.municipality_by_id(gid)
            else:
                record = linker.gaz.organisation_by_id(gid)
        if record is None:
            _fallback(graph, entity)
        elif entity.type is EntityType.MUNICIPALITY:
            linker.municipality(record)  # type: ignore[union-attr]
            municipalities.append(entity)
        else:
            linker.organisation(record)  # type: ignore[union-attr]
    if linker is None:
        return
    for doc in documents:
        if doc.date and doc.id in reports:
            named = [e for e in municipalities if doc.id in e.doc_ids]
            linker.numbers_in_force(reports[doc.id], doc.date, named)
