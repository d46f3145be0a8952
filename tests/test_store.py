"""The persistent store: build writes it, graph.ttl comes from its serializer, commands read it."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from velferdsgraf.cli import cli
from velferdsgraf.graph.store import load_graph
from velferdsgraf.graph.rdfstore import store_for, write_store, write_store_format

from conftest import EXAMPLES


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    assert invoke("build", EXAMPLES, "-o", out, "--formats", "ttl,nt", "-q", "-j", "1").exit_code == 0
    return out


def test_build_writes_a_store_that_holds_graph_ttl(built):
    assert (built / "store").is_dir() and store_for(built / "graph.ttl") == built / "store"
    text = (built / "graph.ttl").read_text("utf-8")
    assert "@prefix vgid: <https://w3id.org/velferdsgraf/id/> ." in text
    # every IRI below vgid: is written as a prefixed name (person:…, organisation:…), none in full
    assert "@prefix person: <https://w3id.org/velferdsgraf/id/person/> ." in text
    assert " person:" in text and "<https://w3id.org/velferdsgraf/id/" not in text.split("\n", 40)[-1]
    assert isomorphic(load_graph(built / "graph.ttl"), load_graph(built / "graph.nt"))


def test_store_dump_does_not_depend_on_insertion_order(built, tmp_path):
    graph = load_graph(built / "graph.ttl")
    shuffled = Graph()
    triples = sorted(graph)
    random.Random(7).shuffle(triples)
    for triple in triples:
        shuffled.add(triple)
    write_store(shuffled, tmp_path)
    write_store_format(tmp_path, "ttl", tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_store_dump_is_the_same_in_fresh_processes(built, tmp_path):
    script = ("import sys; from velferdsgraf.graph.rdfstore import write_store_format; "
              "write_store_format(sys.argv[1], 'ttl', sys.argv[2])")
    outputs = []
    for n in range(2):
        target = tmp_path / f"dump{n}.ttl"
        subprocess.run([sys.executable, "-c", script, str(built), str(target)], check=True)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == (built / "graph.ttl").read_bytes()


def test_an_edited_graph_ttl_is_parsed_not_its_stale_store(built, tmp_path):
    copy = tmp_path / "graph.ttl"
    copy.write_bytes((built / "graph.ttl").read_bytes())
    assert store_for(copy) is None  # no store.json beside it
    (tmp_path / "store").mkdir()
    assert store_for(copy) is None


def test_query_on_the_store_matches_rdflib(built, tmp_path):
    sparql = "SELECT ?p ?l WHERE { ?p a vg:Person ; rdfs:label ?l } ORDER BY ?l"
    from_store = invoke("query", built, sparql, "--format", "csv").output
    parsed = tmp_path / "graph.ttl"
    parsed.write_bytes((built / "graph.ttl").read_bytes())
    from_file = invoke("query", parsed, sparql, "--format", "csv").output
    assert from_store == from_file and from_store.count("\n") > 10


def test_query_on_the_store_refuses_service_and_updates(built):
    result = CliRunner().invoke(cli, ["query", str(built), "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"])
    assert result.exit_code == 2 and "SERVICE is not supported" in result.output  # a usage error
    result = CliRunner().invoke(cli, ["query", str(built), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 2 and "SPARQL Update is not supported" in result.output


def test_stats_and_export_read_the_store(built, tmp_path):
    assert invoke("stats", built).output == invoke("stats", built / "graph.nt").output
    assert invoke("export", built, "--format", "nt", "-o", tmp_path / "g.nt").exit_code == 0
    assert (tmp_path / "g.nt").read_bytes() == (built / "graph.nt").read_bytes()


def test_a_folder_without_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["stats", str(tmp_path)])
    assert result.exit_code == 1 and "no store in it" in result.output


def test_export_collaboration_is_bounded_per_context(built, tmp_path):
    from velferdsgraf.graph.collaboration import find_collaborations
    from velferdsgraf.output.collaboration import bounded_collaborations

    graph = load_graph(built / "graph.ttl")
    full = find_collaborations(graph)
    assert bounded_collaborations(graph, max_context=1000) == full
    small = bounded_collaborations(graph, max_context=3)
    assert 0 < len(small) < len(full)
    contexts = {c for pair in small for c in pair.contexts}
    for context in contexts:
        actors = {a for pair in small if context in pair.contexts for a in (pair.first, pair.second)}
        assert len(actors) <= 3
    out = tmp_path / "collaboration.ttl"
    assert invoke("export", built, "--format", "collaboration", "-o", out).exit_code == 0
    first = out.read_bytes()
    from velferdsgraf.ontology.namespace import VG

    layer = load_graph(out)
    assert len(list(layer.triples((None, VG.collaboratesWith, None)))) == 2 * len(bounded_collaborations(graph))
    assert invoke("export", built, "--format", "collaboration", "-o", out).exit_code == 0
    assert out.read_bytes() == first


def test_the_cli_imports_no_store_or_cluster_library_until_used():
    code = ("import sys, velferdsgraf, velferdsgraf.cli; "
            "print(sorted({'pyoxigraph', 'oxrdflib', 'distributed', 'dask'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
