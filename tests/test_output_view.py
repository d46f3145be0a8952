"""What the page draws (view_data), the focused views (focus) and the `view` command."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from rdf_samples import sample_graph
from rdflib import RDF, RDFS, Graph, Literal

from velferdsgraf.cli import cli
from velferdsgraf.ontology.namespace import VG, VGID
from velferdsgraf.output.focus import (
    EntityNotFoundError,
    find_entity,
    municipality_ties,
)
from velferdsgraf.output.network import to_networkx
from velferdsgraf.output.view_data import PHYSICS_LIMIT, network_data


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
    assert data["reports"] == [{"id": "000-10f2ee4de9c2f5e7", "title": "Velferd er en fellesoppgave"}]
    assert silvija["reports"] == [0]


def test_view_data_edges_point_to_evidence_sentences(data):
    edge = next(e for e in data["edges"] if e["id"] == "participatesIn__person_silvija-seres__event_gentaenk-velfaerden-2019")
    sentences = sorted(data["evidence"][i][1] for i in edge["evidence"])
    assert sentences == [
        "Seres deltok også på Gentænk velfærden 2019.",
        "Statssekretær Silvija Seres i Arbeids- og sosialdepartementet åpnet konferansen.",
    ]
    assert {data["evidence"][i][0] for i in edge["evidence"]} == {0}  # the report's index


def test_view_data_collaborations_are_separate_with_contexts(data):
    assert data["collaborations"] == [{
        "id": "collaboratesWith__organisation_nav-ski__person_anne-olsen", "from": "organisation_nav-ski",
        "to": "person_anne-olsen", "weight": 1, "label": "collaborates with",
        "contexts": ["Velferd er en fellesoppgave"]}]
    assert all(e["relation"] != "collaboratesWith" for e in data["edges"])


def test_view_data_municipality_ties(data):
    assert data["municipalities"] == [["municipality_ski", "Ski"]]
    tied = {n["id"] for n in data["nodes"] if "municipality_ski" in n["munis"]}
    assert tied == {"municipality_ski", "organisation_nav-ski", "person_anne-olsen", "initiative_velferd-er-en-fellesoppgave"}


def test_view_data_small_graphs_use_physics_from_computed_positions(data):
    assert data["physics"] is True and data["options"]["physics"]["solver"] == "forceAtlas2Based"
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    assert data["truncated"] is None


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


def test_view_data_large_graphs_switch_physics_off():
    data = network_data(chain(2 * PHYSICS_LIMIT))
    assert data["physics"] is False and data["options"]["physics"] is False
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True


def test_view_data_beyond_the_limit_keeps_the_most_central():
    data = network_data(chain(30), limit=5)
    assert data["truncated"] == {"shown": 5, "total": 21, "limit": 5}  # 20 participants + the hub
    ids = [n["id"] for n in data["nodes"]]
    assert "initiative_hub" in ids and len(ids) == 5


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
    assert result.exit_code == 1 and "no entity called 'Nobody Atall'" in result.stderr
    result = invoke("view", built / "graph.ttl", "-o", tmp_path / "x.html", "--depth", "2")
    assert result.exit_code == 2 and "--depth needs --ego" in result.stderr
    assert not (tmp_path / "x.html").exists()
