"""The collaboration layer: pairs, weights, shared contexts, RDF, SHACL, and builds."""
from __future__ import annotations

import pytest
from conftest import EXAMPLES
from rdf_samples import (
    ANNE,
    ASD,
    EVENT,
    INITIATIVE,
    NAV_SKI,
    SILVIJA,
    SKI,
    add_statement,
    sample_graph,
)
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from velferdsgraf.graph.collaboration import (
    Collaboration,
    add_collaboration,
    collaboration_graph,
    find_collaborations,
    remove_collaboration,
)
from velferdsgraf.graph.validate import validate
from velferdsgraf.ontology.namespace import ORG, VG
from velferdsgraf.output.turtle import turtle_bytes


def richer_graph() -> Graph:
    """The sample plus: Silvija in the initiative too, and Silvija and Anne both in NAV Ski."""
    graph = sample_graph()
    add_statement(graph, SILVIJA, VG.participatesIn, INITIATIVE, "deltok i Velferd")
    add_statement(graph, SILVIJA, ORG.memberOf, NAV_SKI, "NAV-leder Anne Olsen")
    add_statement(graph, SKI, VG.participatesIn, INITIATIVE, "deltok i Velferd")
    return graph


def pairs(graph: Graph) -> dict[tuple[URIRef, URIRef], tuple[URIRef, ...]]:
    return {(c.first, c.second): c.contexts for c in find_collaborations(graph)}


def test_collaboration_of_the_sample_is_one_pair():
    assert pairs(sample_graph()) == {(NAV_SKI, ANNE): (INITIATIVE,)}


def test_collaboration_counts_shared_initiatives_events_and_organisations():
    found = {pair: contexts for pair, contexts in pairs(richer_graph()).items()}
    # Anne and Silvija: the same initiative and the same organisation
    assert found[(ANNE, SILVIJA)] == (INITIATIVE, NAV_SKI)
    assert found[(NAV_SKI, SILVIJA)] == (INITIATIVE,)
    assert found[(SKI, SILVIJA)] == (INITIATIVE,)
    # an organisation is not its own member's collaborator through itself; roles are not actors
    assert all(NAV_SKI not in contexts for (a, b), contexts in found.items() if NAV_SKI in (a, b))
    assert all(str(a) < str(b) for a, b in found)


def test_collaboration_ignores_a_single_participant_and_untyped_nodes():
    graph = sample_graph()
    graph.add((URIRef("urn:x:stranger"), VG.participatesIn, EVENT))  # no vg class: not an actor
    assert EVENT not in {c for contexts in pairs(graph).values() for c in contexts}


def test_collaboration_weight_and_iri_come_from_content():
    c = Collaboration(ANNE, SILVIJA, (INITIATIVE, NAV_SKI))
    assert c.weight == 2
    assert c.iri == Collaboration(ANNE, SILVIJA, (INITIATIVE, NAV_SKI)).iri
    assert c.iri != Collaboration(ANNE, SILVIJA, (INITIATIVE,)).iri
    assert str(c.iri).startswith("https://w3id.org/velferdsgraf/id/collaboration/")


def test_collaboration_graph_is_weighted_networkx():
    net = collaboration_graph(richer_graph())
    assert net[ANNE][SILVIJA]["weight"] == 2
    assert net[ANNE][SILVIJA]["contexts"] == (INITIATIVE, NAV_SKI)
    assert list(net.nodes) == sorted(net.nodes)


def test_collaboration_rdf_is_qualified_and_direct_both_ways():
    graph = richer_graph()
    assert add_collaboration(graph) == len(find_collaborations(graph))
    node = Collaboration(ANNE, SILVIJA, (INITIATIVE, NAV_SKI)).iri
    assert (node, RDF.type, VG.Collaboration) in graph
    assert set(graph.objects(node, VG.collaborator)) == {ANNE, SILVIJA}
    assert set(graph.objects(node, VG.sharedContext)) == {INITIATIVE, NAV_SKI}
    assert graph.value(node, VG.weight) == Literal(2, datatype=XSD.integer)
    assert (ANNE, VG.collaboratesWith, SILVIJA) in graph and (SILVIJA, VG.collaboratesWith, ANNE) in graph
    assert (ASD, VG.collaboratesWith, None) not in graph


def test_collaboration_is_idempotent_and_removable():
    graph = richer_graph()
    add_collaboration(graph)
    once = turtle_bytes(graph)
    add_collaboration(graph)
    assert turtle_bytes(graph) == once
    remove_collaboration(graph)
    assert isomorphic(graph, richer_graph())


def test_collaboration_layer_conforms_to_the_shapes():
    graph = richer_graph()
    add_collaboration(graph)
    report = validate(graph)
    assert report.conforms, report.text


@pytest.mark.parametrize(
    "breaks, message",
    [
        (lambda g, c: g.remove((c, VG.collaborator, ANNE)), "exactly two vg:collaborator"),
        (lambda g, c: g.set((c, VG.weight, Literal("two"))), "integer vg:weight"),
        (lambda g, c: g.remove((c, VG.sharedContext, None)), "at least one vg:sharedContext"),
        (lambda g, c: g.add((c, VG.collaborator, SKI)), "exactly two vg:collaborator"),
        (lambda g, c: g.add((c, VG.sharedContext, ASD)).add((c, VG.collaborator, EVENT)),
         "exactly two vg:collaborator"),
        (lambda g, c: g.add((c, VG.sharedContext, SILVIJA)), "at least one vg:sharedContext, a vg:Initiative"),
        (lambda g, c: g.add((EVENT, VG.collaboratesWith, ANNE)), "can vg:collaboratesWith"),
    ],
)
def test_collaboration_shapes_catch_broken_layers(breaks, message):
    graph = richer_graph()
    add_collaboration(graph)
    breaks(graph, Collaboration(ANNE, SILVIJA, (INITIATIVE, NAV_SKI)).iri)
    report = validate(graph)
    assert not report.conforms and message in report.text, report.text


def test_collaboration_is_derived_not_built():
    """graph.ttl holds what the reports state; the layer is computed where it is used."""
    from velferdsgraf import build_graph

    graph = build_graph([EXAMPLES]).graph
    assert not set(graph.subjects(RDF.type, VG.Collaboration))
    assert not set(graph.triples((None, VG.collaboratesWith, None)))
    assert find_collaborations(graph)
    assert validate(graph).conforms
