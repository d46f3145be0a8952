"""write_outputs: the format registry, file names, and light imports."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdf_samples import sample_graph

from velferdsgraf.output import DEFAULT_FORMATS, FORMATS, write_format, write_outputs


def test_output_formats_registry_file_names():
    assert {name: f.filename for name, f in FORMATS.items()} == {
        "ttl": "graph.ttl",
        "html": "network.html",
        "graphml": "graph.graphml",
        "gexf": "graph.gexf",
        "jsonld": "graph.jsonld",
        "nt": "graph.nt",
    }
    assert set(DEFAULT_FORMATS) == {"ttl", "html", "graphml"}


def test_output_write_outputs_writes_every_format(tmp_path):
    out = tmp_path / "new" / "out"
    written = write_outputs(sample_graph(), out, FORMATS)
    assert sorted(p.name for p in out.iterdir()) == sorted(f.filename for f in FORMATS.values())
    assert written == [out / f.filename for f in FORMATS.values()]
    assert all(path.stat().st_size > 0 for path in written)


def test_output_write_format_one_file(tmp_path):
    path = write_format(sample_graph(), "gexf", tmp_path / "x.gexf")
    assert path.read_bytes().startswith(b"<?xml")
    with pytest.raises(ValueError, match="unknown output format 'svg'"):
        write_format(sample_graph(), "svg", tmp_path / "x.svg")


def test_output_write_outputs_unknown_format_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="unknown output format 'pdf'; available: ttl, html"):
        write_outputs(sample_graph(), tmp_path, ["ttl", "pdf"])
    assert list(tmp_path.iterdir()) == []


def test_output_import_stays_light():
    code = (
        "import sys, velferdsgraf.output, velferdsgraf.graph.validate, velferdsgraf.graph.query, "
        "velferdsgraf.graph.stats, velferdsgraf.graph.store, velferdsgraf.ontology\n"
        "print(sorted(m for m in ('networkx', 'pyshacl', 'lxml', 'pyvis', 'numpy') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_output_files_identical_across_processes(tmp_path):
    """Hash seeds change rdflib's store order from run to run; the files must not change."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from rdf_samples import sample_graph\n"
        "from velferdsgraf.output import FORMATS, write_outputs\n"
        "write_outputs(sample_graph(), sys.argv[2], FORMATS)\n"
    )
    tests_dir = str(Path(__file__).parent)
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, tests_dir, str(out)], check=True, env=env)
        outputs.append({path.name: path.read_bytes() for path in sorted(out.iterdir())})
    assert outputs[0].keys() == {f.filename for f in FORMATS.values()}
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name
