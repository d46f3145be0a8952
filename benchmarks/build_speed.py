"""How fast does a build run? Reads copies of the example reports and times each stage.

    python benchmarks/build_speed.py [--copies 200] [--extractors gazetteer,patterns]

Prints reports, words, seconds per stage and words per second for the whole build.
The copies are renamed, so ids stay unique; resolution sees each copy as a new report.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from velferdsgraf.graph.extract import extract
from velferdsgraf.graph.build import build
from velferdsgraf.graph.pipeline import usable_extractors
from velferdsgraf.graph.resolve import resolve
from velferdsgraf.input import read
from velferdsgraf.output.turtle import write_turtle

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "reports"


def time_stages(paths: list[Path], names: list[str], turtle: Path,
                collaboration: bool = False) -> tuple[dict[str, float], list, Graph]:
    """Seconds per stage (read, extract, resolve, build, turtle) of building ``paths``.

    With ``collaboration`` the build stage adds the who-works-with-whom layer, as the CLI does.
    Returns the times, the documents and the graph.
    """
    from velferdsgraf.graph.collaboration import add_collaboration

    times = {}
    t = time.perf_counter()
    docs = read(paths).documents
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    extractions = [extract(doc, names) for doc in docs]
    times["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    resolution = resolve(extractions)
    times["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = build(docs, extractions, resolution)
    if collaboration:
        add_collaboration(graph)
    times["build"] = time.perf_counter() - t
    t = time.perf_counter()
    write_turtle(graph, turtle)
    times["turtle"] = time.perf_counter() - t
    return times, docs, graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--extractors", default="gazetteer,patterns")
    args = parser.parse_args()
    names = usable_extractors(args.extractors.split(","), explicit=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.copies):
            for path in EXAMPLES.iterdir():
                shutil.copy(path, folder / f"{path.stem}_{i:05d}{path.suffix}")
        times, docs, graph = time_stages([folder], names, folder / "graph.ttl")
    words = sum(len(d.text.split()) for d in docs)
    total = sum(times.values())
    print(f"extractors: {','.join(names)}")
    print(f"reports: {len(docs)}  words: {words}  triples: {len(graph)}")
    for stage, seconds in times.items():
        print(f"  {stage:<8} {seconds:8.2f} s")
    print(f"total {total:.2f} s  ->  {len(docs) / total:.0f} reports/s, {words / total:.0f} words/s")


if __name__ == "__main__":
    main()
