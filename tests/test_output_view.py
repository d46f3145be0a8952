"""What the page draws (view_data), the focused views (focus) and the `view` command."""
from __future__ import annotations

import math
import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from rdf_samples import co_working_graph, sample_graph
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from velferdsgraf.cli import cli
from velferdsgraf.ontology.namespace import SCHEMA, VG, VGID
from velferdsgraf.output.focus import (
    EntityNotFoundError,
    find_entity,
    municipality_ties,
)
from velferdsgraf.output.network import to_networkx
from velferdsgraf.output import view_data
from velferdsgraf.output.view_data import network_data


def node(data: dict, node_id: str) -> dict:
    return next(n for n in data["nodes"] if n["id"] == node_id)


@pytest.fixture(scope="module")
def data() -> dict:
    return network_data(sample_graph())


def test_view_data_nodes_carry_search_names_shape_and_metrics(data):
    silvija = node(data, "person_silvija-seres")
    assert silvija["label"] == "Silvija Seres" and silvija["alt"] == ["Seres"]
    assert silvija["shape"] == "dot" and node(data, "organisation_nav-ski")["shape"] == "square"
    assert node(data, "organisation_nav-ski")["betweenness"] > 0
    assert {"community", "size", "degree", "x", "y", "reports", "munis"} <= set(silvija)
    assert data["reports"] == [{"id": "000-10f2ee4de9c2f5e7", "title": "Velferd er en fellesoppgave", "date": "2019-02-27"}]
    assert silvija["reports"] == [0]


def test_view_data_edges_point_to_evidence_sentences(data):
    edge = next(e for e in data["edges"] if e["id"] == "participatesIn__person_silvija-seres__event_gentaenk-velfaerden-2019")
    sentences = sorted(data["evidence"][i][1] for i in edge["evidence"])
    assert sentences == [
        "Seres deltok også på Gentænk velfærden 2019.",
        "Statssekretær Silvija Seres i Arbeids- og sosialdepartementet åpnet konferansen.",
    ]
    assert {data["evidence"][i][0] for i in edge["evidence"]} == {0}  # the report's index


def test_view_data_collaborations_are_person_person_and_organisation_organisation():
    data = network_data(co_working_graph())
    assert data["collaborations"] == [
        {"id": "collaboratesWith__organisation_ks__organisation_nav-ski", "from": "organisation_ks",
         "to": "organisation_nav-ski", "weight": 1, "label": "collaborates with",
         "contexts": ["Velferd er en fellesoppgave"], "contextIds": ["initiative_velferd-er-en-fellesoppgave"]},
        {"id": "collaboratesWith__person_kari-holm__person_silvija-seres", "from": "person_kari-holm",
         "to": "person_silvija-seres", "weight": 1, "label": "collaborates with",
         "contexts": ["Gentænk velfærden 2019"], "contextIds": ["event_gentaenk-velfaerden-2019"]},
    ]  # NAV Ski and Anne Olsen share the initiative too, but a person and an organisation are never paired
    assert all(e["relation"] != "collaboratesWith" for e in data["edges"])


def test_view_data_communities_are_named_after_their_most_central_member():
    graph = co_working_graph()
    graph.add((VGID["person/alone"], RDF.type, VG.Person))
    graph.add((VGID["person/alone"], RDFS.label, Literal("Alone")))
    graph.add((VGID["report/r"], SCHEMA.mentions, VGID["person/alone"]))
    data = network_data(graph)
    names = [c["name"] for c in data["communities"]]
    assert names[-1] == "other" and data["communities"][-1]["count"] == 1
    assert node(data, "person_alone")["community"] == -1
    for community in data["communities"][:-1]:
        members = [n for n in data["nodes"] if n["community"] == community["id"]]
        hub = max(members, key=lambda n: (n["betweenness"], n["degree"], n["id"]))
        assert community["name"] == hub["label"] and community["count"] == len(members) >= 2


def test_view_data_municipality_ties(data):
    assert data["municipalities"] == [["municipality_ski", "Ski"]]
    tied = {n["id"] for n in data["nodes"] if "municipality_ski" in n["munis"]}
    assert tied == {"municipality_ski", "organisation_nav-ski", "person_anne-olsen", "initiative_velferd-er-en-fellesoppgave"}


def test_view_data_positions_are_computed_and_no_two_nodes_overlap(data):
    assert data["physics"] is False and data["options"]["physics"] is False
    nodes = data["nodes"]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= a["size"] + b["size"]
    assert data["truncated"] is None and data["cut"] is None


def chain(size: int) -> Graph:
    graph = Graph()
    for i in range(size):
        graph.add((VGID[f"person/p{i:05d}"], RDF.type, VG.Person))
        graph.add((VGID[f"person/p{i:05d}"], RDFS.label, Literal(f"P {i}")))
    graph.add((VGID["initiative/hub"], RDF.type, VG.Initiative))
    graph.add((VGID["initiative/hub"], RDFS.label, Literal("Hub")))
    for i in range(size):
        if i % 3:
            graph.add((VGID[f"person/p{i:05d}"], VG.participatesIn, VGID["initiative/hub"]))
    return graph


def test_view_data_large_graphs_stop_tracking_hover(monkeypatch):
    assert network_data(chain(30))["hover"] is True
    monkeypatch.setattr(view_data, "HOVER_LIMIT", 10)
    data = network_data(chain(30))
    assert data["hover"] is False and data["options"]["interaction"]["hideEdgesOnDrag"] is True


def test_view_data_beyond_the_limit_keeps_the_most_central():
    data = network_data(chain(30), limit=5)
    assert data["truncated"] == {"shown": 5, "total": 21, "limit": 5}  # 20 participants + the hub
    ids = [n["id"] for n in data["nodes"]]
    assert "initiative_hub" in ids and len(ids) == 5
    # the 16 others travel compactly, with their relations, so search finds them
    cut = data["cut"]
    assert len(cut["nodes"]) == 16 and {row[0] for row in cut["nodes"]}.isdisjoint(ids)
    row = cut["nodes"][0]
    assert cut["kinds"][row[2]] == "Person" and row[1].startswith("P ")
    hub = ids.index("initiative_hub")
    links = [cut["links"][k:k + 3] for k in range(0, len(cut["links"]), 3)]
    assert len(links) == 16 and all(b == hub and cut["relations"][r] == "participatesIn" for _, b, r in links)


def test_view_data_leaves_out_entities_known_only_from_linking():
    graph = sample_graph()
    graph.add((VGID["municipality/oppegaard"], RDF.type, VG.Municipality))
    graph.add((VGID["municipality/oppegaard"], RDFS.label, Literal("Oppegård")))
    assert "municipality_oppegaard" not in {n["id"] for n in network_data(graph)["nodes"]}
    assert "municipality_oppegaard" in to_networkx(graph)  # the Gephi files keep it


@pytest.mark.parametrize(
    "options, expected",
    [
        ({"municipality": "ski kommune"},
         {"municipality_ski", "organisation_nav-ski", "person_anne-olsen", "initiative_velferd-er-en-fellesoppgave"}),
        ({"ego": "Seres", "depth": 1},
         {"person_silvija-seres", "organisation_arbeids-og-sosialdepartementet", "event_gentaenk-velfaerden-2019"}),
        ({"ego": "NAV Ski", "depth": 0}, {"organisation_nav-ski"}),
        ({"ego": "Anne Olsen", "depth": 2, "types": ["Person", "Organisation"]},
         {"person_anne-olsen", "organisation_nav-ski"}),
        ({"ego": "https://w3id.org/velferdsgraf/id/municipality/ski", "depth": 3},
         {"municipality_ski", "organisation_nav-ski", "person_anne-olsen", "initiative_velferd-er-en-fellesoppgave"}),
    ],
)
def test_view_focused_views(options, expected):
    assert {n["id"] for n in network_data(sample_graph(), **options)["nodes"]} == expected


def test_view_unknown_or_ambiguous_names_say_so():
    net = to_networkx(sample_graph())
    with pytest.raises(EntityNotFoundError, match="no municipality called 'Skii'.*did you mean 'Ski'"):
        find_entity(net, "Skii", kinds={"Municipality"})
    with pytest.raises(EntityNotFoundError, match="did you mean 'Silvija Seres'"):
        find_entity(net, "Silvia Seres")
    net.nodes["person_anne-olsen"]["altLabels"] = "Seres"
    with pytest.raises(EntityNotFoundError, match="2 entities are called 'seres'"):
        find_entity(net, "seres")


def test_view_municipality_keeps_what_is_linked_to_it():
    graph = sample_graph()  # a person at Ski's initiative with no tie of her own to Ski stays in its view
    graph.add((VGID["person/kari-holm"], RDF.type, VG.Person))
    graph.add((VGID["person/kari-holm"], RDFS.label, Literal("Kari Holm")))
    graph.add((VGID["person/kari-holm"], VG.participatesIn, VGID["initiative/velferd-er-en-fellesoppgave"]))
    kept = {n["id"] for n in network_data(graph, municipality="Ski")["nodes"]}
    assert "person_kari-holm" in kept and "person_silvija-seres" not in kept


def test_view_municipality_ties_follow_membership_and_participation():
    ties = municipality_ties(to_networkx(sample_graph()))
    assert ties["person_anne-olsen"] == {"municipality_ski"}
    assert "person_silvija-seres" not in ties


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert invoke("build", EXAMPLES, "-o", out, "-q", "--formats", "ttl,html").exit_code == 0
    return out


def test_view_and_build_write_the_same_page(built, tmp_path):
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "view.html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "view.html").read_bytes() == (built / "network.html").read_bytes()


def test_view_command_focuses_and_reports_bad_names(built, tmp_path):
    page = tmp_path / "hamar.html"
    assert invoke("view", built / "graph.ttl", "-o", page, "--municipality", "Hamar", "--types",
                  "Person,Organisation").exit_code == 0
    assert "NAV Hamar" in page.read_text("utf-8") and "Nordre Follo" not in page.read_text("utf-8")
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "x.html", "--ego", "Nobody Atall")
    assert result.exit_code == 2 and "no entity called 'Nobody Atall'" in result.stderr
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "x.html", "--depth", "2")
    assert result.exit_code == 2 and "--depth needs --ego" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_view_command_prints_counts_and_warns_on_an_empty_page(built, tmp_path):
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "v.html", "--types", "person,ORGANISATION")
    assert result.exit_code == 0
    assert re.search(r"wrote .*v.html: \d+ nodes, \d+ relations, \d+ collaborations", result.stderr)
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "e.html", "--min-degree", "1000")
    assert result.exit_code == 0 and "warning: the page is empty" in result.stderr and ": 0 nodes" in result.stderr
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "x.html", "--types", "Pony")
    assert result.exit_code == 2 and "unknown entity type 'Pony'" in result.stderr


def test_view_ambiguous_ego_warns_and_names_the_others():
    graph = sample_graph()
    graph.add((VGID["person/anne-olsen"], SKOS.altLabel, Literal("NAV Ski")))
    data = network_data(graph, ego="NAV Ski")
    assert data["ego"] == "organisation_nav-ski"
    assert len(data["notes"]) == 1 and "Anne Olsen (Person, person:anne-olsen)" in data["notes"][0]
