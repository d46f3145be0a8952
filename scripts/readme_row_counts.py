"""Rewrite the README's stated row counts to what the build of its first command gives.

Run from the repository root after a change to extraction: `python scripts/readme_row_counts.py`.
tests/test_readme_queries.py fails until the counts match.
"""
import re, sys
sys.path.insert(0, "tests")
from pathlib import Path
from velferdsgraf import build_graph
from velferdsgraf.graph.query import run_query
readme = Path("README.md"); text = readme.read_text("utf-8")
g = build_graph([Path("examples/reports")]).graph
_BLOCK = re.compile(r"((?:[^\n]+\n)+)\n```sh\n(.*?)```", re.S)
_QUERY = re.compile(r"velferdsgraf query out/graph\.ttl '(.*?)'", re.S)
out, pos = [], 0
for m in _BLOCK.finditer(text):
    para, block = m.group(1), m.group(2)
    queries = _QUERY.findall(block)
    counts = iter([len(run_query(g, q).rows) for q in queries])
    new_para = re.sub(r"\[(\d+) (rows?)\]", lambda c: (lambda n: f"[{n} {'row' if n == 1 else 'rows'}]")(next(counts, int(c.group(1)))), para)
    out.append(text[pos:m.start(1)]); out.append(new_para); pos = m.end(1)
out.append(text[pos:])
new = "".join(out)
if new != text:
    readme.write_text(new, "utf-8"); print("updated")
