"""SPARQL over a graph (pre-declared prefixes, offline, one-line errors), result formats, and
loading graph files (velferdsgraf.graph.store), which every query starts with."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rdf_samples import sample_graph, sample_turtle
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from velferdsgraf.errors import GraphLoadError, QueryError
from velferdsgraf.graph.query import QueryResult, compact, format_result, run_query
from velferdsgraf.graph.store import bind_prefixes, load_graph

PEOPLE = """
SELECT ?person ?label WHERE { ?person a vg:Person ; rdfs:label ?label } ORDER BY ?label
"""
# the provenance query README documents: statement -> evidence -> report and sentence
PROVENANCE = """
SELECT ?org ?muni ?sentence ?start ?report WHERE {
  ?org vg:locatedIn ?muni .
  ?st rdf:subject ?org ; rdf:predicate vg:locatedIn ; rdf:object ?muni ; prov:wasDerivedFrom ?ev .
  ?ev vg:sentence ?sentence ; vg:startOffset ?start ; vg:report ?report .
}
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return sample_graph()


def test_query_select_without_prefix_lines(graph):
    result = run_query(graph, PEOPLE)
    assert result.kind == "SELECT"
    assert result.vars == ["person", "label"]
    assert [str(row[1]) for row in result.rows] == ["Anne Olsen", "Silvija Seres"]


def test_query_user_prefix_overrides_predeclared(graph):
    result = run_query(graph, "PREFIX vg: <urn:other#> ASK { ?x a vg:Person }")
    assert result.boolean is False


def test_query_provenance_reaches_sentence_and_report(graph):
    result = run_query(graph, PROVENANCE)
    assert len(result.rows) == 1
    org, muni, sentence, start, report = result.rows[0]
    assert compact(org) == "organisation:nav-ski" and compact(muni) == "municipality:ski"
    assert "samarbeidet med Ski kommune" in str(sentence)
    assert compact(report) == "report:000-10f2ee4de9c2f5e7"


@pytest.mark.parametrize(
    "fmt, expected", [("table", "true\n"), ("csv", "true\n"), ("json", '{"head": {}, "boolean": true}\n')]
)
def test_query_ask_prints_boolean(graph, fmt, expected):
    result = run_query(graph, "ASK { ?o vg:locatedIn ?m }")
    assert result.kind == "ASK" and result.boolean is True
    assert format_result(result, fmt) == expected


def test_query_construct_prints_turtle(graph):
    result = run_query(graph, "CONSTRUCT { ?o vg:locatedIn ?m } WHERE { ?o vg:locatedIn ?m }")
    assert result.kind == "CONSTRUCT" and len(result.graph) == 1
    text = format_result(result, "table")
    assert "@prefix vg: <https://w3id.org/velferdsgraf/ontology#>" in text
    assert isomorphic(Graph().parse(data=text, format="turtle"), result.graph)


def test_query_describe_returns_graph(graph):
    result = run_query(graph, "DESCRIBE <https://w3id.org/velferdsgraf/id/municipality/ski>")
    assert result.kind == "DESCRIBE"
    assert (URIRef("https://w3id.org/velferdsgraf/id/municipality/ski"), None, Literal("3207")) in result.graph
    document = json.loads(format_result(result, "json"))
    assert document["@context"]["vg"] == "https://w3id.org/velferdsgraf/ontology#"


def test_query_table_aligned_with_compact_names(graph):
    lines = format_result(run_query(graph, PEOPLE), "table").splitlines()
    assert lines[0].split() == ["person", "label"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("person:anne-olsen")
    assert lines[2].index("Anne Olsen") == lines[3].index("Silvija Seres") == lines[0].index("label")


def test_query_table_strips_control_characters():
    g = Graph()
    g.add((URIRef("urn:x"), URIRef("urn:p"), Literal("a\nb\x1b[31mred")))
    text = format_result(run_query(g, "SELECT ?o WHERE { ?s ?p ?o }"), "table")
    assert "\x1b" not in text and text.splitlines()[2] == "a b [31mred"


def test_query_csv_has_header_and_full_iris(graph):
    rows = list(csv.reader(io.StringIO(format_result(run_query(graph, PEOPLE), "csv"))))
    assert rows[0] == ["person", "label"]
    assert rows[1] == ["https://w3id.org/velferdsgraf/id/person/anne-olsen", "Anne Olsen"]


def test_query_json_is_sparql_results_json(graph):
    result = run_query(
        graph,
        "SELECT ?e ?start ?missing WHERE { ?e vg:startOffset ?start OPTIONAL { ?e vg:nothing ?missing } }"
        " ORDER BY ?start LIMIT 1",
    )
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == ["e", "start", "missing"]
    binding = document["results"]["bindings"][0]
    assert binding["e"]["type"] == "uri"
    assert binding["start"] == {"type": "literal", "value": "0", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert "missing" not in binding


def test_query_json_language_tag():
    g = Graph()
    g.add((URIRef("urn:x"), URIRef("urn:p"), Literal("kommune", lang="nb")))
    document = json.loads(format_result(run_query(g, "SELECT ?o WHERE { ?s ?p ?o }"), "json"))
    assert document["results"]["bindings"][0]["o"] == {"type": "literal", "value": "kommune", "xml:lang": "nb"}


@pytest.mark.parametrize(
    "sparql, fragment",
    [
        ("SELECT ?x WHERE { ?x ?y }", "line 1, column"),
        ("SELECT ?x WHERE {\n  ?x a vg:Person .\n  FILTER(?x = )\n}", "line 3"),
        ("", "malformed SPARQL"),
        ("SELECT * WHERE { ?x nope:y ?z }", "nope"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "Update is not supported"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM"),
    ],
)
def test_query_bad_sparql_raises_one_line_query_error(graph, sparql, fragment):
    with pytest.raises(QueryError) as info:
        run_query(graph, sparql)
    message = str(info.value)
    assert fragment in message and "\n" not in message


def test_query_unknown_format_lists_options(graph):
    with pytest.raises(ValueError, match="table, csv, json"):
        format_result(run_query(graph, PEOPLE), "xml")


def test_query_compact_names():
    assert compact(URIRef("https://w3id.org/velferdsgraf/id/person/silvija-seres")) == "person:silvija-seres"
    assert compact(URIRef("https://w3id.org/velferdsgraf/ontology#Person")) == "vg:Person"
    assert compact(URIRef("urn:other")) == "<urn:other>"
    assert compact(None) == ""
    # a local name SPARQL would not take as it is stays a whole IRI, so it still pastes into a query
    assert compact(URIRef("https://w3id.org/velferdsgraf/id/person/a b")) == "<https://w3id.org/velferdsgraf/id/person/a b>"
    assert compact(URIRef("https://w3id.org/velferdsgraf/id/other/x/y")) == "<https://w3id.org/velferdsgraf/id/other/x/y>"


# --- loading graph files (velferdsgraf.graph.store) ---

@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")])
def test_store_load_graph_by_extension(tmp_path, suffix, fmt):
    original = sample_graph()
    path = tmp_path / f"graph{suffix}"
    path.write_text(original.serialize(format=fmt), encoding="utf-8")
    loaded = load_graph(path)
    assert isomorphic(loaded, original)
    assert dict(loaded.namespaces())["vgid"] == URIRef("https://w3id.org/velferdsgraf/id/")


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        (
            "graph.ttl",
            b'@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n',
            "graph.ttl: not valid Turtle (line 3",
        ),
        ("graph.ttl", b"ex:a ex:b ex:c .", "not valid Turtle"),
        ("graph.nt", b"<http://a> <http://b> <http://c> .\n<a b c\n", "graph.nt: not valid N-Triples (line 2"),
        ("graph.jsonld", b'{"@id": 1,', "graph.jsonld: not valid JSON-LD (line 1"),
        ("graph.jsonld", b'{"@context": "http://schema.org/", "name": "x"}', "is not inline"),
        ("graph.ttl", b"\xff\xfe\x00", "not UTF-8"),
        ("graph.xml", b"<rdf/>", "unknown graph format '.xml'"),
    ],
)
def test_store_bad_file_raises_graph_load_error(tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GraphLoadError) as info:
        load_graph(path)
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert info.value.path == path


def test_store_missing_file_raises_graph_load_error(tmp_path):
    with pytest.raises(GraphLoadError, match="missing.ttl: cannot read"):
        load_graph(tmp_path / "missing.ttl")


def test_store_bind_prefixes_replaces_clashing_binding():
    g = Graph()
    g.bind("schema", "http://schema.org/", override=True)
    bind_prefixes(g)
    assert dict(g.namespaces())["schema"] == URIRef("https://schema.org/")


def test_store_loaded_turtle_answers_query(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(sample_turtle(), encoding="utf-8")
    assert isinstance(run_query(load_graph(path), "ASK { ?p a vg:Person }"), QueryResult)
