"""The shipped ontology and shapes: parseable, in step with the VG namespace, as DESIGN.md says."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import FOAF, PROV, SH

from velferdsgraf.ontology import load_ontology, load_shapes
from velferdsgraf.ontology.namespace import ORG, PREFIXES, SCHEMA, VG

VG_NS = str(VG)


def test_ontology_namespace_matches_ttl():
    declared = {s for s in load_ontology().subjects(RDF.type, None) if str(s).startswith(VG_NS)}
    assert declared == {VG[name] for name in VG.__annotations__}


def test_ontology_typo_in_namespace_raises():
    with pytest.raises(AttributeError):
        VG.locatedin  # noqa: B018  (the point is that it raises)


@pytest.mark.parametrize(
    "cls, supers",
    [
        (VG.Person, {FOAF.Person, SCHEMA.Person}),
        (VG.Organisation, {ORG.Organization}),
        (VG.Municipality, {ORG.Organization, SCHEMA.AdministrativeArea}),
        (VG.Initiative, {SCHEMA.Project}),
        (VG.Event, {SCHEMA.Event}),
        (VG.Report, {SCHEMA.Report, PROV.Entity}),
        (VG.Role, {ORG.Role}),
        (VG.Evidence, {PROV.Entity}),
    ],
)
def test_ontology_class_superclasses(cls, supers):
    ontology = load_ontology()
    assert (cls, RDF.type, OWL.Class) in ontology
    assert set(ontology.objects(cls, RDFS.subClassOf)) == supers


@pytest.mark.parametrize("name", sorted(VG.__annotations__))
def test_ontology_term_has_english_and_bokmal_label_and_comment(name):
    ontology = load_ontology()
    for predicate in (RDFS.label, RDFS.comment):
        languages = {o.language for o in ontology.objects(VG[name], predicate) if isinstance(o, Literal)}
        assert {"en", "nb"} <= languages, (name, predicate)


@pytest.mark.parametrize("name", ["locatedIn", "participatesIn", "municipalityNumber", "report",
                                  "sentence", "startOffset", "endOffset"])
def test_ontology_property_has_domain_and_range(name):
    ontology = load_ontology()
    assert ontology.value(VG[name], RDFS.domain) is not None
    assert ontology.value(VG[name], RDFS.range) is not None


def test_ontology_shapes_parse_and_declare_node_shapes():
    shapes = load_shapes()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert URIRef("https://w3id.org/velferdsgraf/shapes#MembershipShape") in node_shapes
    assert len(node_shapes) >= 8


def test_ontology_loaders_return_fresh_graphs():
    first = load_ontology()
    first.add((VG.Person, RDFS.seeAlso, URIRef("urn:x")))
    assert (VG.Person, RDFS.seeAlso, URIRef("urn:x")) not in load_ontology()


def test_ontology_prefixes_cover_rdf_md():
    expected = {
        "vg": "https://w3id.org/velferdsgraf/ontology#",
        "vgid": "https://w3id.org/velferdsgraf/id/",
        "org": "http://www.w3.org/ns/org#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "schema": "https://schema.org/",
        "prov": "http://www.w3.org/ns/prov#",
        "dcterms": "http://purl.org/dc/terms/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "owl": "http://www.w3.org/2002/07/owl#",
    }
    assert {prefix: str(ns) for prefix, ns in PREFIXES.items()} == expected
