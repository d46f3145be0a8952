"""RDF building: the contract of docs/RDF.md on a small report written for the test."""
from __future__ import annotations

from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV, SKOS

from velferdsgraf.graph.pipeline import build_documents
from velferdsgraf.input.document import Document
from velferdsgraf.ontology.namespace import ORG, VG, VGID

TEXT = (
    "Tirsdag inviterte Stiftelsen Dam til seminaret «Frivillighet i endring».\n"
    "Blant innlederne var Kari Nordmann, seniorrådgiver i Kreftforeningen. Nordmann snakket om samarbeid.\n"
)


def built():
    doc = Document("rapport-1", TEXT, title="Frivillighet i endring", date="2024-03-05", source="rapport-1.txt")
    return build_documents([doc], ["patterns"]).graph


def test_build_person_has_one_type_label_and_alias():
    g = built()
    kari = VGID["person/kari-nordmann"]
    assert list(g.objects(kari, RDF.type)) == [VG.Person]
    assert list(g.objects(kari, RDFS.label)) == [Literal("Kari Nordmann")]
    assert list(g.objects(kari, SKOS.altLabel)) == [Literal("Nordmann")]


def test_build_membership_with_provenance_to_sentence():
    g = built()
    (membership,) = g.subjects(RDF.type, ORG.Membership)
    assert g.value(membership, ORG.member) == VGID["person/kari-nordmann"]
    assert g.value(g.value(membership, ORG.role), RDFS.label) == Literal("seniorrådgiver")
    assert g.value(membership, ORG.organization) == VGID["organisation/kreftforeningen"]
    evidence = g.value(membership, PROV.wasDerivedFrom)
    start, end = int(g.value(evidence, VG.startOffset)), int(g.value(evidence, VG.endOffset))
    assert TEXT[start:end] == "Blant innlederne var Kari Nordmann, seniorrådgiver i Kreftforeningen."
    assert str(g.value(evidence, VG.sentence)) == TEXT[start:end]
    assert g.value(evidence, VG.report) == VGID["report/rapport-1"]
    assert (VGID["person/kari-nordmann"], ORG.memberOf, VGID["organisation/kreftforeningen"]) in g


def test_build_participation_is_reified_with_evidence():
    g = built()
    event = VGID["event/frivillighet-i-endring"]
    assert (VGID["person/kari-nordmann"], VG.participatesIn, event) in g
    statements = [s for s in g.subjects(RDF.predicate, VG.participatesIn) if g.value(s, RDF.object) == event]
    assert statements and all(g.value(s, PROV.wasDerivedFrom) for s in statements)


def test_build_uses_no_blank_nodes():
    from rdflib import BNode

    g = built()
    assert not any(isinstance(term, BNode) for triple in g for term in triple)
