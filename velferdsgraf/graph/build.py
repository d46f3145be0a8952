"""Turn documents, extractions and resolved entities into an rdflib Graph (docs/RDF.md)."""
from __future__ import annotations

from collections.abc import Sequence

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, XSD

from ..input.document import Document
from ..ontology.namespace import ORG, SCHEMA, VG, VGID
from .dates import TextDate, date_near, event_date, find_dates
from .linking import link
from .names import content_hash, slug
from .resolve import Resolution
from .sentences import SentenceIndex
from .types import Entity, EntityType, Extraction, Relation, RelationKind

_CLASSES = {
    EntityType.PERSON: VG.Person,
    EntityType.ORGANISATION: VG.Organisation,
    EntityType.MUNICIPALITY: VG.Municipality,
    EntityType.INITIATIVE: VG.Initiative,
    EntityType.EVENT: VG.Event,
    EntityType.ROLE: VG.Role,
}
_PREDICATES = {
    RelationKind.AFFILIATION: ORG.memberOf,
    RelationKind.LOCATED_IN: VG.locatedIn,
    RelationKind.PARTICIPATES_IN: VG.participatesIn,
}


def report_iri(doc: Document) -> URIRef:
    """The IRI of a report: stable, from its document id (see :func:`report_iris` for a build)."""
    return VGID[f"report/{slug(doc.id, max_length=120)}"]


def report_iris(documents: Sequence[Document]) -> dict[str, URIRef]:
    """Document id -> report IRI, one IRI per id even when ids slug alike.

    "Rapport 1" and "rapport-1" (or "ø" and "o") give the same slug; the id first in code-point
    order keeps the plain IRI and each other one gets a suffix from a hash of its id, so the
    IRIs do not depend on the order of the inputs (as entity IRIs do on a clash).
    """
    by_iri: dict[URIRef, list[str]] = {}
    for doc_id in sorted({doc.id for doc in documents}):
        by_iri.setdefault(report_iri(Document(doc_id, "")), []).append(doc_id)
    iris: dict[str, URIRef] = {}
    taken = set(by_iri)
    for iri, ids in by_iri.items():
        iris[ids[0]] = iri
        for doc_id in ids[1:]:
            candidate = URIRef(f"{iri}-{content_hash(doc_id, length=6)}")
            while candidate in taken:  # an id whose own slug looks like a suffixed one
                candidate = URIRef(f"{candidate}-{content_hash(str(candidate), length=6)}")
            taken.add(candidate)
            iris[doc_id] = candidate
    return iris


def entity_iri(entity: Entity) -> URIRef:
    """The IRI of a resolved entity."""
    return VGID[entity.key]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes of docs/RDF.md so Turtle output is readable."""
    for prefix, namespace in (("vg", str(VG)), ("vgid", str(VGID)), ("org", str(ORG)),
                              ("schema", str(SCHEMA)), ("prov", str(PROV)), ("dcterms", str(DCTERMS)),
                              ("skos", str(SKOS)), ("owl", str(OWL)), ("foaf", "http://xmlns.com/foaf/0.1/")):
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class _Builder:
    def __init__(self, resolution: Resolution) -> None:
        self.graph = bind_prefixes(Graph())
        self.resolution = resolution

    def add_entity(self, entity: Entity) -> None:
        g, node = self.graph, entity_iri(entity)
        g.add((node, RDF.type, _CLASSES[entity.type]))
        g.add((node, RDFS.label, Literal(entity.label)))
        for alias in entity.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))

    def add_report(self, doc: Document, node: URIRef) -> URIRef:
        g = self.graph
        g.add((node, RDF.type, VG.Report))
        g.add((node, DCTERMS.identifier, Literal(doc.id)))
        g.add((node, RDFS.label, Literal(doc.title or doc.id)))
        if doc.title:
            g.add((node, DCTERMS.title, Literal(doc.title)))
        if doc.source:
            g.add((node, DCTERMS.source, Literal(doc.source)))
        if doc.date:
            g.add((node, DCTERMS.date, Literal(doc.date)))
        if doc.lang:
            g.add((node, DCTERMS.language, Literal(doc.lang)))
        return node

    def evidence(self, doc: Document, report: URIRef, span: tuple[int, int]) -> URIRef:
        start, end = span
        node = VGID[f"evidence/{content_hash(doc.id, str(start), str(end))}"]
        g = self.graph
        g.add((node, RDF.type, VG.Evidence))
        g.add((node, VG.report, report))
        g.add((node, VG.sentence, Literal(doc.text[start:end])))
        g.add((node, VG.startOffset, Literal(start, datatype=XSD.integer)))
        g.add((node, VG.endOffset, Literal(end, datatype=XSD.integer)))
        return node

    def add_relation(self, doc: Document, report: URIRef, rel: Relation, sentences: SentenceIndex) -> None:
        subject = self.resolution.entity_of(rel.subject)
        obj = self.resolution.entity_of(rel.object) if rel.object else None
        if subject is None or (rel.object is not None and obj is None):
            return
        if rel.kind is not RelationKind.MEMBERSHIP and obj is None:
            return
        span = sentences.containing(rel.evidence.start, rel.evidence.end)
        evidence = self.evidence(doc, report, span)
        g = self.graph
        if rel.kind is RelationKind.MEMBERSHIP:
            role = self.resolution.entity_of(rel.role) if rel.role else None
            if role is None:
                return
            # One membership per report: a role stated in two reports keeps both dates and evidence.
            parts = (subject.key, obj.key if obj else "", role.key, doc.id)
            node = VGID[f"membership/{content_hash(*parts)}"]
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, entity_iri(subject)))
            g.add((node, ORG.role, entity_iri(role)))
            if obj is not None:
                g.add((node, ORG.organization, entity_iri(obj)))
                g.add((entity_iri(subject), ORG.memberOf, entity_iri(obj)))
            if doc.date:
                g.add((node, DCTERMS.date, Literal(doc.date)))
            g.add((node, PROV.wasDerivedFrom, evidence))
            if rel.rule:
                g.add((node, VG.rule, Literal(rel.rule)))
            return
        assert obj is not None
        predicate = _PREDICATES[rel.kind]
        s, o = entity_iri(subject), entity_iri(obj)
        g.add((s, predicate, o))
        statement = VGID[f"statement/{content_hash(str(s), str(predicate), str(o))}"]
        g.add((statement, RDF.type, RDF.Statement))
        g.add((statement, RDF.subject, s))
        g.add((statement, RDF.predicate, predicate))
        g.add((statement, RDF.object, o))
        g.add((statement, PROV.wasDerivedFrom, evidence))
        if rel.rule:
            g.add((statement, VG.rule, Literal(rel.rule)))


    def event_dates(self, doc: Document, extraction: Extraction, sentences: SentenceIndex,
                    found: dict[str, list[TextDate]]) -> None:
        """Collect the dates the text gives near each event mention (schema:startDate)."""
        events = [m for m in extraction.mentions if m.type is EntityType.EVENT]
        if not events:
            return
        dates = find_dates(doc.text, doc.date)
        for m in events:
            entity = self.resolution.entity_of(m)
            when = date_near(doc.text, dates, m.start, m.end, sentences.containing(m.start, m.end))
            if entity is not None and when is not None:
                found.setdefault(entity.key, []).append(when)


def build(documents: Sequence[Document], extractions: Sequence[Extraction], resolution: Resolution) -> Graph:
    """The RDF graph of the documents: reports, entities, relations with provenance, linked data."""
    builder = _Builder(resolution)
    for entity in resolution.entities.values():
        builder.add_entity(entity)
    by_doc = {x.doc_id: x for x in extractions}
    reports: dict[str, URIRef] = {}
    dates: dict[str, list[TextDate]] = {}
    iris = report_iris(documents)
    for doc in documents:
        report = reports[doc.id] = builder.add_report(doc, iris[doc.id])
        extraction = by_doc.get(doc.id)
        if extraction is None:
            continue
        for mention in extraction.mentions:
            entity = resolution.entity_of(mention)
            if entity is not None and entity.type is not EntityType.ROLE:
                builder.graph.add((report, SCHEMA.mentions, entity_iri(entity)))
        sentences = SentenceIndex(doc.text)
        for rel in extraction.relations:
            builder.add_relation(doc, report, rel, sentences)
        builder.event_dates(doc, extraction, sentences, dates)
    for key, candidates in sorted(dates.items()):
        when = event_date(candidates)
        if when is not None:
            builder.graph.add((VGID[key], SCHEMA.startDate, Literal(when.value, datatype=XSD[when.datatype])))
    link(builder.graph, resolution, documents, reports)
    return builder.graph
