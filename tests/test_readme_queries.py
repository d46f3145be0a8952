"""The README's example queries give the row counts it states, on the build its first command makes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES

from velferdsgraf.graph.query import run_query

README = Path(__file__).resolve().parents[1] / "README.md"
# a paragraph, then a sh block of one or more `velferdsgraf query out/graph.ttl '…'` commands
_BLOCK = re.compile(r"((?:[^\n]+\n)+)\n```sh\n(.*?)```", re.S)
_QUERY = re.compile(r"velferdsgraf query out/graph\.ttl '(.*?)'", re.S)
_COUNT = re.compile(r"\[(\d+) rows?\]")


def stated_queries() -> list[tuple[str, int]]:
    """Each README query that states a row count, with that count (in the order they appear)."""
    found = []
    for match in _BLOCK.finditer(README.read_text("utf-8")):
        counts = [int(c) for c in _COUNT.findall(match.group(1))]
        queries = _QUERY.findall(match.group(2))
        found += list(zip(queries, counts))  # a paragraph states one count per query of its block
    return found


def test_readme_first_command_builds_the_examples():
    assert "velferdsgraf build examples/reports -o out/" in README.read_text("utf-8").split("\n\n")[1]
    assert len(stated_queries()) >= 8


@pytest.fixture(scope="module")
def example_graph():
    from velferdsgraf import build_graph

    return build_graph([EXAMPLES]).graph


@pytest.mark.parametrize("sparql, rows", stated_queries(), ids=lambda v: str(v).split("WHERE")[0].strip()[:40])
def test_readme_query_gives_the_rows_it_states(example_graph, sparql, rows):
    assert len(run_query(example_graph, sparql).rows) == rows
