"""Rewrite the README's stated row counts ("[12 rows]") to what the build of its first command gives.

Run from the repository root after a change to extraction: `python scripts/readme_row_counts.py`.
tests/test_readme_queries.py fails until the counts match.
"""
from __future__ import annotations

import re
from pathlib import Path

from velferdsgraf import build_graph
from velferdsgraf.graph.query import run_query

_BLOCK = re.compile(r"((?:[^\n]+\n)+)\n```sh\n(.*?)```", re.S)
_QUERY = re.compile(r"velferdsgraf query out/graph\.ttl '(.*?)'", re.S)
_COUNT = re.compile(r"\[(\d+) rows?\]")


def main() -> None:
    readme = Path("README.md")
    text = readme.read_text("utf-8")
    graph = build_graph([Path("examples/reports")]).graph
    parts, pos = [], 0
    for block in _BLOCK.finditer(text):
        counts = iter(len(run_query(graph, q).rows) for q in _QUERY.findall(block.group(2)))

        def rewrite(stated: re.Match[str]) -> str:
            n = next(counts, int(stated.group(1)))
            return f"[{n} {'row' if n == 1 else 'rows'}]"

        parts += [text[pos:block.start(1)], _COUNT.sub(rewrite, block.group(1))]
        pos = block.end(1)
    parts.append(text[pos:])
    new = "".join(parts)
    if new != text:
        readme.write_text(new, "utf-8")
        print("README.md: row counts updated")


if __name__ == "__main__":
    main()
