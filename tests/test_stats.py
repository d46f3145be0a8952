"""Graph statistics: counts per type, memberships, relations, provenance and hubs."""
from __future__ import annotations

import json

from rdf_samples import sample_graph
from rdflib import Graph

from velferdsgraf.graph.stats import format_stats, graph_stats


def test_stats_counts_rdf_md_sample():
    stats = graph_stats(sample_graph())
    assert stats["reports"] == 1
    assert stats["entities"] == {
        "Person": 2, "Organisation": 2, "Municipality": 1, "Initiative": 1, "Event": 1, "Role": 2
    }
    assert stats["entities_total"] == 9
    assert stats["memberships"] == 3 and stats["memberships_with_organisation"] == 2
    assert stats["relations"] == {"org:memberOf": 2, "vg:locatedIn": 1, "vg:participatesIn": 3}
    assert stats["statements"] == 4
    assert stats["evidence"] == 4
    assert stats["linked"] == {"vg:municipalityNumber": 1, "owl:sameAs": 1}


def test_stats_top_entities_by_degree_then_label():
    top = graph_stats(sample_graph(), top=3)["top_entities"]
    assert [(row["label"], row["degree"]) for row in top] == [("NAV Ski", 3), ("Anne Olsen", 2), ("Silvija Seres", 2)]
    assert top[0]["type"] == "Organisation"


def test_stats_are_json_serialisable():
    json.dumps(graph_stats(sample_graph()))


def test_stats_format_lists_counts_and_hubs():
    text = format_stats(graph_stats(sample_graph()))
    lines = text.splitlines()
    assert "  Person                 2" in lines
    assert any(line.startswith("Memberships") and line.endswith("3 (2 with an organisation)") for line in lines)
    assert "  3  NAV Ski (Organisation)  organisation:nav-ski" in lines


def test_stats_empty_graph():
    stats = graph_stats(Graph())
    assert stats["entities_total"] == 0 and stats["top_entities"] == []
    assert "Top entities" not in format_stats(stats)


def test_stats_counts_linked_context_entities_apart():
    from rdflib import RDF, RDFS, Graph, Literal

    from velferdsgraf.graph.stats import graph_stats
    from velferdsgraf.ontology.namespace import SCHEMA, VG, VGID

    g = Graph()
    report, ski, follo = VGID["report/r"], VGID["municipality/ski"], VGID["municipality/nordre-follo"]
    g.add((report, RDF.type, VG.Report))
    for node, label in ((ski, "Ski"), (follo, "Nordre Follo")):
        g.add((node, RDF.type, VG.Municipality))
        g.add((node, RDFS.label, Literal(label)))
    g.add((report, SCHEMA.mentions, ski))
    stats = graph_stats(g)
    assert stats["entities"]["Municipality"] == 1
    assert stats["context_entities"] == {"Municipality": 1}
