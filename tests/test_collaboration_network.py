"""The collaboration network computed from participation and membership (graph/collaboration_network.py)."""
from __future__ import annotations

import pytest
from rdf_samples import sample_graph
from rdflib import RDF, Graph

from velferdsgraf.graph.collaboration_network import collaboration_edges
from velferdsgraf.ontology.namespace import ORG, VG, VGID


def add(graph: Graph, slug: str, cls) -> object:
    graph.add((VGID[slug], RDF.type, cls))
    return VGID[slug]


def pairs(edges) -> set[tuple[str, str, int]]:
    prefix = str(VGID)
    return {(str(e.first).removeprefix(prefix), str(e.second).removeprefix(prefix), e.weight) for e in edges}


def test_collaboration_network_pairs_only_persons_and_only_organisations():
    graph = Graph()
    a, b = add(graph, "person/a", VG.Person), add(graph, "person/b", VG.Person)
    x, y = add(graph, "organisation/x", VG.Organisation), add(graph, "municipality/y", VG.Municipality)
    event, project = add(graph, "event/e", VG.Event), add(graph, "initiative/i", VG.Initiative)
    for actor in (a, b, x, y):
        graph.add((actor, VG.participatesIn, event))
    graph.add((a, VG.participatesIn, project))
    graph.add((b, VG.participatesIn, project))
    graph.add((a, ORG.memberOf, x))
    membership = add(graph, "membership/m", ORG.Membership)  # a membership node alone counts too
    graph.add((membership, ORG.member, b))
    graph.add((membership, ORG.organization, x))
    edges = collaboration_edges(graph)
    assert pairs(edges) == {("person/a", "person/b", 3), ("municipality/y", "organisation/x", 1)}
    assert {e.kind for e in edges} == {"person", "organisation"}
    assert pairs(collaboration_edges(graph, min_weight=2)) == {("person/a", "person/b", 3)}


def test_collaboration_network_of_the_sample_pairs_no_person_with_an_organisation():
    assert collaboration_edges(sample_graph()) == []  # Anne Olsen and NAV Ski share only their own tie


def test_collaboration_network_ignores_a_stored_layer_and_untyped_nodes():
    graph = Graph()
    a, b = add(graph, "person/a", VG.Person), add(graph, "person/b", VG.Person)
    graph.add((a, VG.collaboratesWith, b))
    graph.add((a, VG.participatesIn, VGID["event/untyped"]))
    graph.add((b, VG.participatesIn, VGID["event/untyped"]))
    assert collaboration_edges(graph) == []


def test_collaboration_network_bounds_what_a_large_context_gives():
    graph = Graph()
    conference = add(graph, "event/big", VG.Event)
    seminar = add(graph, "event/small", VG.Event)
    people = [add(graph, f"person/p{i:03d}", VG.Person) for i in range(200)]
    for person in people:
        graph.add((person, VG.participatesIn, conference))
    for person in people[150:153]:  # three of them also meet elsewhere: they are the hubs
        graph.add((person, VG.participatesIn, seminar))
    edges = collaboration_edges(graph, max_full=3)
    # the 3 hubs pair with each other (3 pairs, weight 2: both events) and each other member with the hubs
    assert len(edges) == 3 + 197 * 3
    hubs = {str(p) for p in people[150:153]}
    assert all(str(e.first) in hubs or str(e.second) in hubs for e in edges)
    assert sorted(e.weight for e in edges)[-3:] == [2, 2, 2]
    assert len(collaboration_edges(graph)) == 30 * 29 // 2 + 170 * 30  # the default bound: 30 hubs


def test_collaboration_network_is_deterministic_and_checks_its_bound():
    graph = sample_graph()
    assert collaboration_edges(graph) == collaboration_edges(graph)
    with pytest.raises(ValueError, match="max_full"):
        collaboration_edges(graph, max_full=0)
