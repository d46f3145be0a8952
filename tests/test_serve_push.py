"""serve (SPARQL 1.1 Protocol) and push (Graph Store Protocol) against real servers on loopback."""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from velferdsgraf.cli import cli

from conftest import EVALSET, EXAMPLES
from readme_queries import readme_queries


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_rows(url: str, sparql: str) -> list[tuple[str, ...]]:
    """The rows of a SELECT over the SPARQL 1.1 Protocol (JSON results), as cell strings."""
    data = urllib.parse.urlencode({"query": sparql}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        document = json.load(response)
    names = document["head"]["vars"]
    return normalised([tuple(b.get(n, {}).get("value", "") for n in names) for b in document["results"]["bindings"]])


def local_rows(out: Path, sparql: str) -> list[tuple[str, ...]]:
    document = json.loads(invoke("query", out, sparql, "--format", "json").output)
    names = document["head"]["vars"]
    return normalised([tuple(b.get(n, {}).get("value", "") for n in names) for b in document["results"]["bindings"]])


def normalised(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Rows as a sorted multiset; GROUP_CONCAT parts sorted (their order is the engine's)."""
    return sorted(tuple(" ".join(sorted(re.split(r"; | ", cell))) for cell in row) for row in rows)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    assert invoke("build", EXAMPLES, EVALSET / "reports", "-o", out, "--formats", "ttl", "-q").exit_code == 0
    return out


@pytest.fixture()
def oxigraph_server(tmp_path):
    """A real oxigraph server (the `oxigraph` PyPI package) on loopback; yields its base URL."""
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("needs the oxigraph server binary (pip install oxigraph; it is in the [test] extra)")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "db"), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    pytest.fail(f"oxigraph server did not start: {process.stderr.read().decode()}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_readme_has_its_queries():
    assert len(readme_queries()) == 12


def test_push_then_readme_queries_over_http_match_local_query(built, oxigraph_server):
    endpoint = f"{oxigraph_server}/store"
    first = CliRunner().invoke(cli, ["push", str(built), "--endpoint", endpoint])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(cli, ["push", str(built), "--endpoint", endpoint])
    assert again.output == first.output  # the same graphs replaced, nothing added
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert http_rows(f"{oxigraph_server}/query", count) == local_rows(built, count)
    graphs = http_rows(f"{oxigraph_server}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    reports = local_rows(built, "SELECT ?r WHERE { ?r a vg:Report }")
    assert len(graphs) == len(reports) + 1
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(_namespaces().items()))
    for sparql in readme_queries():
        local = local_rows(built, sparql)
        assert local, sparql
        assert http_rows(f"{oxigraph_server}/query", prefixes + sparql) == local, sparql


def _namespaces() -> dict[str, str]:
    from velferdsgraf.graph.query import NAMESPACES

    return NAMESPACES


def test_push_to_a_server_that_refuses_is_one_line_error(built, oxigraph_server):
    result = CliRunner().invoke(cli, ["push", str(built), "--endpoint", f"{oxigraph_server}/nowhere"])
    assert result.exit_code == 1 and "refused: HTTP 404" in result.output
    result = CliRunner().invoke(cli, ["push", str(built), "--endpoint", "ftp://example.org/store"])
    assert result.exit_code == 1 and "not an http(s) URL" in result.output


@pytest.fixture()
def served(built):
    from velferdsgraf.graph.rdfstore.serve import make_server

    server = make_server(built / "store", "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_serve_answers_the_readme_queries_like_local_query(built, served):
    for sparql in readme_queries():
        assert http_rows(served, sparql) == local_rows(built, sparql), sparql
    query = urllib.parse.quote("ASK { ?p a vg:Person }")
    with urllib.request.urlopen(f"{served}?query={query}", timeout=10) as response:
        assert json.load(response) == {"head": {}, "boolean": True}
        assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_serve_refuses_updates_service_and_bad_queries(served):
    def status(data: bytes, kind: str) -> int:
        request = urllib.request.Request(served, data=data, headers={"Content-Type": kind})
        try:
            urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:
            return error.code
        return 200

    assert status(b"DELETE WHERE { ?s ?p ?o }", "application/sparql-update") == 403
    assert status(b"update=DELETE+WHERE+%7B%3Fs+%3Fp+%3Fo%7D", "application/x-www-form-urlencoded") == 403
    assert status(b"SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "application/sparql-query") == 400
    assert status(b"SELECT WHERE", "application/sparql-query") == 400
    assert status(b"SELECT * WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-query") == 200
