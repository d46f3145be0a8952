"""RDF outputs: deterministic Turtle, sorted N-Triples, JSON-LD that round-trips."""
from __future__ import annotations

import json
import random

import pytest
from rdf_samples import sample_graph
from rdflib import Graph
from rdflib.compare import isomorphic

from velferdsgraf.graph.store import load_graph
from velferdsgraf.output.jsonld import jsonld_bytes, write_jsonld
from velferdsgraf.output.ntriples import ntriples_bytes, write_ntriples
from velferdsgraf.output.turtle import turtle_bytes, write_turtle


def shuffled_copies(graph: Graph, count: int = 4) -> list[Graph]:
    """Graphs with the same triples added in different orders."""
    copies = []
    for seed in range(count):
        triples = sorted(graph)
        random.Random(seed).shuffle(triples)
        copy = Graph()
        for triple in triples:
            copy.add(triple)
        copies.append(copy)
    return copies


@pytest.mark.parametrize("to_bytes", [turtle_bytes, ntriples_bytes, jsonld_bytes], ids=["ttl", "nt", "jsonld"])
def test_output_same_triples_shuffled_give_same_bytes(to_bytes):
    outputs = {to_bytes(copy) for copy in shuffled_copies(sample_graph())}
    assert len(outputs) == 1


def test_output_turtle_uses_rdf_md_prefixes_and_round_trips(tmp_path):
    path = tmp_path / "graph.ttl"
    write_turtle(sample_graph(), path)
    text = path.read_text(encoding="utf-8")
    assert "@prefix vg: <https://w3id.org/velferdsgraf/ontology#> ." in text
    assert "@prefix org: <http://www.w3.org/ns/org#> ." in text
    assert isomorphic(load_graph(path), sample_graph())


def test_output_ntriples_lines_sorted(tmp_path):
    path = tmp_path / "graph.nt"
    write_ntriples(sample_graph(), path)
    lines = path.read_bytes().splitlines()
    assert lines == sorted(lines) and len(lines) == len(sample_graph())
    assert isomorphic(load_graph(path), sample_graph())


def test_output_jsonld_round_trip_from_turtle_is_isomorphic(tmp_path):
    ttl = tmp_path / "graph.ttl"
    write_turtle(sample_graph(), ttl)
    jsonld = tmp_path / "graph.jsonld"
    write_jsonld(load_graph(ttl), jsonld)
    assert isomorphic(load_graph(jsonld), load_graph(ttl))


def test_output_jsonld_has_inline_context_of_prefixes(tmp_path):
    path = tmp_path / "graph.jsonld"
    write_jsonld(sample_graph(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["vgid"] == "https://w3id.org/velferdsgraf/id/"
    assert document["@context"]["org"] == "http://www.w3.org/ns/org#"
