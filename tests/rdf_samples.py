"""Small graphs built by hand exactly as docs/RDF.md shows, for the graph and output tests.

No builder is involved, so these tests pin the contract itself: a person with a membership,
an organisation located in a municipality (reified, with evidence), participation in an
initiative and an event, and the report everything was read from.
"""
from __future__ import annotations

import hashlib

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from velferdsgraf.ontology.namespace import ORG, SCHEMA, VG, VGID, WD

REPORT_ID = "000-10f2ee4de9c2f5e7"
REPORT = VGID[f"report/{REPORT_ID}"]
TEXT = (
    "Statssekretær Silvija Seres i Arbeids- og sosialdepartementet åpnet konferansen. "
    "NAV Ski har lenge samarbeidet med Ski kommune. "
    "NAV-leder Anne Olsen i NAV Ski deltok i Velferd er en fellesoppgave. "
    "Seres deltok også på Gentænk velfærden 2019."
)

SILVIJA = VGID["person/silvija-seres"]
ANNE = VGID["person/anne-olsen"]
STATSSEKRETAER = VGID["role/statssekretaer"]
NAV_LEDER = VGID["role/nav-leder"]
ASD = VGID["organisation/arbeids-og-sosialdepartementet"]
NAV_SKI = VGID["organisation/nav-ski"]
SKI = VGID["municipality/ski"]
INITIATIVE = VGID["initiative/velferd-er-en-fellesoppgave"]
EVENT = VGID["event/gentaenk-velfaerden-2019"]

ENTITIES: dict[URIRef, tuple[URIRef, str]] = {
    SILVIJA: (VG.Person, "Silvija Seres"),
    ANNE: (VG.Person, "Anne Olsen"),
    STATSSEKRETAER: (VG.Role, "statssekretær"),
    NAV_LEDER: (VG.Role, "NAV-leder"),
    ASD: (VG.Organisation, "Arbeids- og sosialdepartementet"),
    NAV_SKI: (VG.Organisation, "NAV Ski"),
    SKI: (VG.Municipality, "Ski"),
    INITIATIVE: (VG.Initiative, "Velferd er en fellesoppgave"),
    EVENT: (VG.Event, "Gentænk velfærden 2019"),
}


def content_hash(*parts: object) -> str:
    """The first 16 hex digits of the SHA-1 of the parts, as RDF.md mints HASH."""
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def sentence_span(fragment: str) -> tuple[int, int]:
    """Offsets of the sentence of TEXT that contains ``fragment``."""
    at = TEXT.index(fragment)
    start = TEXT.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = TEXT.find(". ", at)
    return start, (len(TEXT) if end < 0 else end + 1)


def add_evidence(g: Graph, fragment: str, report: URIRef = REPORT) -> URIRef:
    """Add the vg:Evidence node for the sentence holding ``fragment``."""
    start, end = sentence_span(fragment)
    evidence = VGID[f"evidence/{content_hash(report, start, end)}"]
    g.add((evidence, RDF.type, VG.Evidence))
    g.add((evidence, VG.report, report))
    g.add((evidence, VG.sentence, Literal(TEXT[start:end])))
    g.add((evidence, VG.startOffset, Literal(start)))
    g.add((evidence, VG.endOffset, Literal(end)))
    return evidence


def add_statement(g: Graph, s: URIRef, p: URIRef, o: URIRef, fragment: str) -> URIRef:
    """Assert ``s p o`` and reify it with evidence, as RDF.md does for plain statements."""
    statement = VGID[f"statement/{content_hash(s, p, o)}"]
    g.add((s, p, o))
    g.add((statement, RDF.type, RDF.Statement))
    g.add((statement, RDF.subject, s))
    g.add((statement, RDF.predicate, p))
    g.add((statement, RDF.object, o))
    g.add((statement, PROV.wasDerivedFrom, add_evidence(g, fragment)))
    return statement


def add_membership(
    g: Graph, person: URIRef, role: URIRef, organisation: URIRef | None, fragment: str
) -> URIRef:
    """A person holding a role (in an organisation when the text names one)."""
    membership = VGID[f"membership/{content_hash(person, organisation or '', role)}"]
    g.add((membership, RDF.type, ORG.Membership))
    g.add((membership, ORG.member, person))
    g.add((membership, ORG.role, role))
    g.add((membership, DCTERMS.date, Literal("2019-02-27")))
    g.add((membership, PROV.wasDerivedFrom, add_evidence(g, fragment)))
    if organisation is not None:
        g.add((membership, ORG.organization, organisation))
        g.add((person, ORG.memberOf, organisation))
    return membership


def add_entity(g: Graph, iri: URIRef, cls: URIRef, label: str, report: URIRef = REPORT) -> None:
    """An entity with its one class and one label, mentioned by ``report``."""
    g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, Literal(label)))
    g.add((report, SCHEMA.mentions, iri))


def add_report(g: Graph, report: URIRef = REPORT, identifier: str = REPORT_ID) -> None:
    """The vg:Report node of one input document."""
    g.add((report, RDF.type, VG.Report))
    g.add((report, DCTERMS.identifier, Literal(identifier)))
    g.add((report, DCTERMS.title, Literal("Velferd er en fellesoppgave")))
    g.add((report, DCTERMS.source, Literal("reports/nav_ski.md")))
    g.add((report, DCTERMS.date, Literal("2019-02-27")))
    g.add((report, DCTERMS.language, Literal("nb")))


def sample_graph() -> Graph:
    """A graph that follows docs/RDF.md and conforms to the shipped shapes."""
    g = Graph()
    add_report(g)
    for iri, (cls, label) in ENTITIES.items():
        add_entity(g, iri, cls, label)
    g.add((SILVIJA, SKOS.altLabel, Literal("Seres")))
    g.add((SKI, SKOS.altLabel, Literal("Ski kommune")))
    g.add((SKI, VG.municipalityNumber, Literal("3207")))
    g.add((SKI, OWL.sameAs, WD["Q57076"]))
    add_membership(g, SILVIJA, STATSSEKRETAER, ASD, "Statssekretær Silvija Seres")
    add_membership(g, ANNE, NAV_LEDER, NAV_SKI, "NAV-leder Anne Olsen")
    add_membership(g, SILVIJA, NAV_LEDER, None, "Statssekretær Silvija Seres")
    add_statement(g, NAV_SKI, VG.locatedIn, SKI, "har lenge samarbeidet")
    add_statement(g, NAV_SKI, VG.participatesIn, INITIATIVE, "deltok i Velferd")
    add_statement(g, ANNE, VG.participatesIn, INITIATIVE, "deltok i Velferd")
    add_statement(g, SILVIJA, VG.participatesIn, EVENT, "Gentænk")
    # one more sentence for the same statement: two evidence links
    statement = VGID[f"statement/{content_hash(SILVIJA, VG.participatesIn, EVENT)}"]
    g.add((statement, PROV.wasDerivedFrom, add_evidence(g, "åpnet konferansen")))
    return g


def sample_turtle() -> str:
    """``sample_graph()`` as Turtle text."""
    return sample_graph().serialize(format="turtle")


def co_working_graph() -> Graph:
    """The sample plus a second person at the event and a second organisation in the initiative.

    So it has one person–person collaboration (Kari Holm and Silvija Seres, through the event)
    and one organisation–organisation collaboration (KS and NAV Ski, through the initiative).
    """
    g = sample_graph()
    for iri, cls, label, context in ((VGID["person/kari-holm"], VG.Person, "Kari Holm", EVENT),
                                     (VGID["organisation/ks"], VG.Organisation, "KS", INITIATIVE)):
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(label)))
        g.add((iri, VG.participatesIn, context))
    return g
