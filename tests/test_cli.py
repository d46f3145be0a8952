"""The command line, through click's CliRunner."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from velferdsgraf.cli import cli

from conftest import EXAMPLES


def invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_commands_have_help(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and cli.commands[command].help


def test_cli_build_examples_writes_outputs_and_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert invoke("build", EXAMPLES, "-o", first).exit_code == 0
    assert invoke("build", EXAMPLES, "-o", second, "-q").exit_code == 0
    for name in ("graph.ttl", "network.html", "graph.graphml", "merges.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert "@prefix vg: <https://w3id.org/velferdsgraf/ontology#>" in (first / "graph.ttl").read_text("utf-8")


def test_cli_build_bad_file_still_builds_rest(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "ok.txt").write_text("Kari Nordmann, rådgiver i Kreftforeningen, innledet.", encoding="utf-8")
    (reports / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (reports / "empty.md").write_bytes(b"")
    result = invoke("build", reports, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "binary.txt: binary file, not text" in result.stderr
    assert "empty.md: empty file" in result.stderr
    assert "Kari Nordmann" in (tmp_path / "out" / "graph.ttl").read_text("utf-8")


def test_cli_build_keeps_old_output_when_nothing_is_readable(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = invoke("build", bad, "-o", out)
    assert result.exit_code == 1 and "nothing was written" in result.stderr
    assert (out / "graph.ttl").read_text("utf-8") == "old"


def test_cli_unknown_format_is_a_usage_error(tmp_path):
    result = invoke("build", EXAMPLES, "-o", tmp_path, "--formats", "ttl,svg")
    assert result.exit_code == 2 and "unknown format svg" in result.stderr


def test_cli_unknown_extractor_lists_the_registered_ones(tmp_path):
    result = invoke("build", EXAMPLES, "-o", tmp_path, "--extractors", "patterns,magic")
    assert result.exit_code == 1 and "available: gazetteer, ner, patterns" in result.stderr


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert invoke("build", EXAMPLES, "-o", out, "-q").exit_code == 0
    return out / "graph.ttl"


def test_cli_query_json_returns_memberships(example_graph):
    sparql = "SELECT ?p ?r WHERE { ?m a org:Membership ; org:member/rdfs:label ?p ; org:role/rdfs:label ?r }"
    result = invoke("query", example_graph, sparql, "--format", "json")
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert result.exit_code == 0 and len(rows) >= 5


def test_cli_query_malformed_sparql_is_one_line_error(example_graph):
    result = invoke("query", example_graph, "SELECT WHERE {")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and result.stderr.startswith("Error:")


def test_cli_query_usage_errors_name_the_problem_and_exit_2(example_graph, tmp_path):
    result = invoke("query", example_graph)
    assert result.exit_code == 2 and "no query given" in result.stderr
    query_file = tmp_path / "q.rq"
    query_file.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    result = invoke("query", example_graph, "ASK { ?s ?p ?o }", "--file", query_file)
    assert result.exit_code == 2 and "not both" in result.stderr
    other = tmp_path / "graph.xml"
    other.write_text("<x/>", encoding="utf-8")
    result = invoke("query", other, "ASK { ?s ?p ?o }")
    assert result.exit_code == 2 and "unknown graph format '.xml'" in result.stderr
    result = invoke("query", tmp_path / "missing.ttl", "ASK { ?s ?p ?o }")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_cli_query_empty_result_says_0_rows_and_names_paste_back(example_graph):
    result = invoke("query", example_graph, "SELECT ?p WHERE { ?p a vg:Person ; rdfs:label 'Nobody Atall' }")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "0 rows"
    listed = invoke("query", example_graph, "SELECT ?p WHERE { ?p a vg:Person } ORDER BY ?p LIMIT 1").stdout
    name = listed.splitlines()[2].strip()
    assert name.startswith("person:")
    again = invoke("query", example_graph, f"ASK {{ {name} a vg:Person }}")
    assert again.exit_code == 0 and again.stdout == "true\n"


def test_cli_validate_and_stats(example_graph):
    assert "conforms" in invoke("validate", example_graph).stdout
    assert "Person" in invoke("stats", example_graph).stdout


def test_cli_export_gexf(example_graph, tmp_path):
    target = tmp_path / "g.gexf"
    assert invoke("export", example_graph, "--format", "gexf", "-o", target).exit_code == 0
    assert target.read_text("utf-8").startswith("<?xml")


def test_cli_help_runs_as_module_without_heavy_imports():
    code = ("import sys, velferdsgraf.cli; "
            "heavy = {'spacy', 'pyvis', 'pypdf', 'trafilatura', 'pyshacl'} & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    help_text = subprocess.run([sys.executable, "-m", "velferdsgraf", "--help"], capture_output=True, text=True)
    assert help_text.returncode == 0 and "build" in help_text.stdout


def test_build_of_a_path_that_names_nothing_is_a_usage_error(tmp_path):
    result = invoke("build", tmp_path / "nowhere.txt", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_build_summary_counts_in_the_singular_when_one(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Ordfører Kari Nordmann i Eidsberg kommune åpnet Velferdskonferansen 2026.", encoding="utf-8")
    result = invoke("build", report, "-o", tmp_path / "out", "--formats", "ttl")
    assert result.exit_code == 0 and "Built the graph of 1 report:" in result.stderr
    assert "1 person," in result.stderr and "1 event" in result.stderr
