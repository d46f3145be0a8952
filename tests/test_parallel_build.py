"""Worker processes, the extraction cache and a Dask cluster all give the same graph."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from velferdsgraf.cli import cli
from velferdsgraf.graph.cache import ExtractionCache, document_key, engine_version
from velferdsgraf.input.document import Document

from conftest import EXAMPLES, EVALSET


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def build(reports, out, *extra):
    result = invoke("build", reports, "-o", out, "--formats", "ttl", *extra)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    build(EVALSET / "reports", out, "-j", "1", "--no-cache", "-q")
    return (out / "graph.ttl").read_bytes()


def test_worker_processes_give_the_serial_graph(serial, tmp_path):
    build(EVALSET / "reports", tmp_path, "-j", "2", "-q")
    assert (tmp_path / "graph.ttl").read_bytes() == serial


def test_rebuild_after_touching_one_report_extracts_only_that_one(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(EVALSET / "reports", reports)
    out = tmp_path / "out"
    assert "0 reports from the cache, 14 extracted" in build(reports, out, "-j", "2")
    assert "14 reports from the cache, 0 extracted" in build(reports, out, "-j", "2")
    touched = sorted(reports.iterdir())[3]
    touched.write_text(touched.read_text("utf-8") + "\nKari Nordmann er rådgiver i Kreftforeningen.\n", "utf-8")
    assert "13 reports from the cache, 1 extracted" in build(reports, out, "-j", "2")
    clean = tmp_path / "clean"
    build(reports, clean, "-j", "1", "--no-cache", "-q")
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
    assert (out / "merges.csv").read_bytes() == (clean / "merges.csv").read_bytes()
    assert b"Kari Nordmann" in (out / "graph.ttl").read_bytes()


def test_cache_key_follows_content_extractors_and_engine():
    doc = Document(id="a", text="Tekst om NAV.")
    key = document_key(doc, ["gazetteer"])
    assert key == document_key(Document(id="a", text="Tekst om NAV."), ["gazetteer"])
    assert key != document_key(Document(id="a", text="Tekst om NAV!"), ["gazetteer"])
    assert key != document_key(doc, ["gazetteer", "patterns"])
    assert key != document_key(Document(id="a", text="Tekst om NAV.", date="2024-01-01"), ["gazetteer"])
    assert len(engine_version()) == 20


def test_engine_version_changes_with_the_extraction_sources(monkeypatch, tmp_path):
    from velferdsgraf.graph import cache

    package = tmp_path / "graph"
    (package / "data").mkdir(parents=True)
    (package / "extract.py").write_text("x = 1\n", "utf-8")
    (package / "data" / "names.txt").write_text("Kari\n", "utf-8")
    (package / "resolve.py").write_text("y = 1\n", "utf-8")
    monkeypatch.setattr(cache, "_PACKAGE_ROOT", package)
    monkeypatch.setattr(cache, "_DOCUMENT", package / "extract.py")
    versions = []
    for change in (None, ("extract.py", "x = 2\n"), ("data/names.txt", "Kari\nOla\n"), ("resolve.py", "y = 2\n")):
        if change:
            (package / change[0]).write_text(change[1], "utf-8")
        cache.engine_version.cache_clear()
        versions.append(cache.engine_version())
    cache.engine_version.cache_clear()
    assert len(set(versions[:3])) == 3 and versions[3] == versions[2]  # resolve.py runs after extraction


def test_no_extraction_module_imports_a_module_left_out_of_the_engine_version():
    """A module the engine version leaves out must not be imported by one it counts."""
    import re

    from velferdsgraf.graph import cache

    root = cache._PACKAGE_ROOT
    left_out = {name.removesuffix(".py") for name in cache.AFTER_EXTRACTION}
    counted = [p for p in root.rglob("*.py") if not cache._SKIPPED_DIRS.intersection(p.parts) and p != root / "__init__.py"
               and not (p.parent == root and p.name in cache.AFTER_EXTRACTION)]
    assert len(counted) > 20
    for path in counted:
        dots = "." * len(path.relative_to(root).parts)  # the dots that lead from this file to graph/
        text = path.read_text("utf-8")
        named = set(re.findall(rf"from {re.escape(dots)}(\w+)", text))
        named |= {n.strip() for group in re.findall(rf"from {re.escape(dots)} import ([\w, ]+)", text)
                  for n in group.split(",")}
        named |= set(re.findall(r"velferdsgraf\.graph\.(\w+)", text))
        assert not named & left_out, f"{path.relative_to(root)} imports {sorted(named & left_out)}"


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    from velferdsgraf.graph.types import Extraction

    store = ExtractionCache(tmp_path)
    store.put("ab" * 32, Extraction(doc_id="a"))
    assert store.get("ab" * 32) == Extraction(doc_id="a")
    (tmp_path / "ab" / f"{'ab' * 32}.pickle").write_bytes(b"not a pickle")
    assert store.get("ab" * 32) is None


@pytest.mark.slow
def test_a_local_dask_cluster_gives_the_same_graph(serial, tmp_path):
    distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (the [cluster] extra)")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        build(EVALSET / "reports", tmp_path, "--scheduler", cluster.scheduler_address, "--no-cache", "-q")
    assert (tmp_path / "graph.ttl").read_bytes() == serial


def test_examples_build_with_jobs_is_deterministic(tmp_path):
    build(EXAMPLES, tmp_path / "a", "-j", "2", "-q")
    build(EXAMPLES, tmp_path / "b", "-j", "1", "-q", "--no-cache")
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()
