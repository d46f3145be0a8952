"""The entity network shared by GraphML, GEXF and HTML: ids, attributes, edges, weights."""
from __future__ import annotations

import re

import pytest
from rdf_samples import ENTITIES, co_working_graph, sample_graph
from rdflib import RDF, RDFS, Literal, URIRef

from velferdsgraf.ontology.namespace import VG, VGID
from velferdsgraf.output.network import node_id, to_networkx

NMTOKEN = re.compile(r"^[A-Za-z0-9._:-]+$")


@pytest.fixture(scope="module")
def net():
    return to_networkx(sample_graph())


def test_network_one_node_per_entity_roles_on_edges(net):
    expected = {node_id(iri) for iri, (cls, _) in ENTITIES.items() if cls != VG.Role}
    assert set(net.nodes) == expected


def test_network_includes_roles_when_asked():
    with_roles = to_networkx(sample_graph(), include_roles=True)
    assert {"role_statssekretaer", "role_nav-leder"} <= set(with_roles.nodes)


def test_network_node_attributes(net):
    silvija = net.nodes["person_silvija-seres"]
    assert silvija["label"] == "Silvija Seres"
    assert silvija["type"] == "Person"
    assert silvija["iri"] == "https://w3id.org/velferdsgraf/id/person/silvija-seres"
    assert (silvija["r"], silvija["g"], silvija["b"]) == (31, 119, 180)
    assert silvija["degree"] == 2 and silvija["mentions"] == 1
    assert silvija["roles"] == "NAV-leder; statssekretær"
    assert isinstance(silvija["size"], float)


def test_network_member_of_edge_carries_roles_and_weight(net):
    edges = {data["id"]: data for _, _, data in net.edges(data=True)}
    member = edges["memberOf__person_anne-olsen__organisation_nav-ski"]
    assert member["relation"] == "memberOf" and member["roles"] == "NAV-leder"
    assert member["label"] == "member of"
    event = edges["participatesIn__person_silvija-seres__event_gentaenk-velfaerden-2019"]
    assert event["weight"] == 2.0 and event["evidence"] == 2
    assert {data["relation"] for data in edges.values()} == {"memberOf", "locatedIn", "participatesIn"}


def test_network_collaboration_edges_and_metrics(net):
    co_net = to_networkx(co_working_graph())
    edges = {data["id"]: data for _, _, data in co_net.edges(data=True)}
    collaboration = edges["collaboratesWith__person_kari-holm__person_silvija-seres"]
    assert collaboration["weight"] == 1.0 and collaboration["contexts"] == "Gentænk velfærden 2019"
    assert co_net.nodes["person_silvija-seres"]["collaborators"] == 1
    # degree counts relations only: the collaboration layer changes no size or filter
    assert co_net.nodes["person_silvija-seres"]["degree"] == 2
    assert net.nodes["organisation_nav-ski"]["betweenness"] > net.nodes["municipality_ski"]["betweenness"] == 0.0
    communities = {net.nodes[n]["community"] for n in ("person_anne-olsen", "organisation_nav-ski", "municipality_ski")}
    assert len(communities) == 1


def test_network_without_collaboration_layer():
    plain = to_networkx(sample_graph(), collaboration=False)
    assert all(data["relation"] != "collaboratesWith" for *_, data in plain.edges(data=True))


def test_network_ignores_the_rdf_layer_and_recomputes_it():
    graph = co_working_graph()  # a stored layer (even a wrong one) changes nothing
    graph.add((VGID["person/anne-olsen"], VG.collaboratesWith, VGID["person/silvija-seres"]))
    graph.add((VGID["collaboration/x"], RDF.type, VG.Collaboration))
    graph.add((VGID["collaboration/x"], VG.collaborator, VGID["person/anne-olsen"]))
    assert list(to_networkx(graph).edges(data=True)) == list(to_networkx(co_working_graph()).edges(data=True))


def test_network_ids_unique_nmtoken_and_values_scalar(net):
    edge_ids = [data["id"] for _, _, data in net.edges(data=True)]
    assert len(edge_ids) == len(set(edge_ids))
    for node, data in net.nodes(data=True):
        assert NMTOKEN.match(node)
        assert all(isinstance(v, (str, int, float)) for v in data.values()), data
    for _, _, data in net.edges(data=True):
        assert NMTOKEN.match(data["id"])
        assert all(isinstance(v, (str, int, float)) for v in data.values()), data


@pytest.mark.parametrize(
    "iri, expected",
    [
        ("https://w3id.org/velferdsgraf/id/person/silvija-seres", "person_silvija-seres"),
        ("https://w3id.org/velferdsgraf/id/report/000-10f2ee4de9c2f5e7", "report_000-10f2ee4de9c2f5e7"),
    ],
)
def test_network_node_id_readable(iri, expected):
    assert node_id(iri) == expected


@pytest.mark.parametrize("iri", ["http://www.wikidata.org/entity/Q57076", "urn:x y/ø", "https://w3id.org/velferdsgraf/id/"])
def test_network_node_id_of_foreign_iri_is_nmtoken(iri):
    assert NMTOKEN.match(node_id(iri))


def test_network_strips_characters_xml_cannot_hold():
    graph = sample_graph()
    odd = VGID["person/odd"]
    graph.add((odd, RDF.type, VG.Person))
    graph.add((odd, RDFS.label, Literal("Ola\x00 \x0bNordmann")))
    assert to_networkx(graph).nodes["person_odd"]["label"] == "Ola Nordmann"


def test_network_clashing_ids_get_suffix():
    graph = sample_graph()
    for iri in ("https://w3id.org/velferdsgraf/id/person/a b", "https://w3id.org/velferdsgraf/id/person/a_b"):
        graph.add((URIRef(iri), RDF.type, VG.Person))
        graph.add((URIRef(iri), RDFS.label, Literal(iri[-3:])))
    net = to_networkx(graph)
    ids = [n for n in net.nodes if n.startswith("person_a_b")]
    assert len(ids) == 2


def test_network_is_deterministic():
    first, second = to_networkx(sample_graph()), to_networkx(sample_graph())
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(data=True)) == list(second.edges(data=True))
