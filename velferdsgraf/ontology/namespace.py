"""The velferdsgraf vocabulary as rdflib namespaces; VG must match velferdsgraf.ttl."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

VGID = Namespace("https://w3id.org/velferdsgraf/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")


class VG(DefinedNamespace):
    """velferdsgraf ontology terms (https://w3id.org/velferdsgraf/ontology#)."""

    _fail = True  # VG.locatedin (a typo) raises instead of minting a new IRI

    # classes
    Person: URIRef  # a named human
    Organisation: URIRef  # any named organisation or named unit
    Municipality: URIRef  # a kommune, Norwegian or Nordic
    Initiative: URIRef  # a named project, programme, partnership, network, strategy
    Event: URIRef  # a meeting, seminar, conference, workshop
    Role: URIRef  # a title or position
    Report: URIRef  # one input document
    Evidence: URIRef  # a sentence of a report that a statement was read from
    NumberPeriod: URIRef  # one kommunenummer and the days it was in force

    # relations
    locatedIn: URIRef  # organisation -> municipality
    participatesIn: URIRef  # person/organisation/municipality -> initiative/event
    municipalityNumber: URIRef  # current official kommunenummer

    # linking: numbers over time and succession
    numberPeriod: URIRef  # municipality -> each kommunenummer it has had (vg:NumberPeriod)
    number: URIRef  # number period -> the four-digit kommunenummer
    numberInForce: URIRef  # report -> the number period in force at its date, per municipality it names
    precededBy: URIRef  # municipality/organisation -> the one it replaced (merger, split, rename)
    succeededBy: URIRef  # municipality/organisation -> the one that replaced it

    # provenance
    report: URIRef  # evidence -> the report it is part of
    sentence: URIRef  # evidence -> the sentence text
    startOffset: URIRef  # evidence -> first character of the sentence in the report text
    endOffset: URIRef  # evidence -> one past the last character of the sentence
    rule: URIRef  # membership or statement -> id of the extraction rule that stated it

    # collaboration (derived from participatesIn and memberOf; graph/collaboration.py)
    Collaboration: URIRef  # two actors and the contexts they share
    collaboratesWith: URIRef  # actor <-> actor, both directions asserted
    collaborator: URIRef  # collaboration -> one of its two actors
    sharedContext: URIRef  # collaboration -> initiative/event/organisation/municipality both are in
    weight: URIRef  # collaboration -> number of shared contexts

    _NS = Namespace("https://w3id.org/velferdsgraf/ontology#")


PREFIXES: dict[str, Namespace] = {
    "vg": Namespace(str(VG)),
    "vgid": VGID,
    "org": ORG,
    "schema": SCHEMA,
    # the other prefixes of docs/RDF.md, so every graph and query can bind the same set
    "foaf": Namespace("http://xmlns.com/foaf/0.1/"),
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "dcterms": Namespace("http://purl.org/dc/terms/"),
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
}
