"""README query latencies on a build: the store (pyoxigraph) against rdflib on graph.ttl.

    python benchmarks/query_latency.py OUT [--runs 5] [--no-rdflib]

Loads (opens) each side once and prints the load time, then per README query the median of
``--runs`` runs on each side and the row count. The store side is what ``velferdsgraf query
OUT/`` runs; the rdflib side is what it ran before, on a parsed graph.ttl.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from readme_queries import readme_queries  # noqa: E402


def _median_seconds(run, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
        rows = len(result.rows) if result.rows else int(bool(result.boolean))
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-rdflib", action="store_true", help="Skip the rdflib side (slow on big graphs).")
    args = parser.parse_args()

    from velferdsgraf.graph.query import run_query
    from velferdsgraf.graph.store import load_graph
    from velferdsgraf.graph.rdfstore import open_store, store_query

    start = time.perf_counter()
    store = open_store(args.out / "store")
    store_open = time.perf_counter() - start
    graph, parse = None, None
    if not args.no_rdflib:
        start = time.perf_counter()
        graph = load_graph(args.out / "graph.ttl")
        parse = time.perf_counter() - start
    print(f"triples {len(store)}; open store {store_open:.3f} s; rdflib parse of graph.ttl "
          f"{'skipped' if parse is None else f'{parse:.1f} s'}")
    report = {"triples": len(store), "store_open_s": round(store_open, 3),
              "rdflib_parse_s": None if parse is None else round(parse, 1), "queries": []}
    for number, sparql in enumerate(readme_queries(), start=1):
        on_store, rows = _median_seconds(lambda: store_query(store, sparql), args.runs)
        on_rdflib = None
        if graph is not None:
            on_rdflib, _ = _median_seconds(lambda: run_query(graph, sparql), max(1, args.runs // 2))
        print(f"Q{number:<3} rows {rows:6d}   store {on_store:7.3f} s   rdflib "
              f"{'-' if on_rdflib is None else f'{on_rdflib:7.3f} s'}", flush=True)
        report["queries"].append({"query": number, "rows": rows, "store_s": round(on_store, 4),
                                  "rdflib_s": None if on_rdflib is None else round(on_rdflib, 3)})
    print(json.dumps(report))


if __name__ == "__main__":
    main()
