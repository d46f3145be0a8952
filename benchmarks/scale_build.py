"""Time a full build stage by stage, as ``velferdsgraf build`` runs it, with peak memory.

    python benchmarks/scale_build.py CORPUS OUT [--jobs 2] [--formats ttl,html,graphml] [--no-cache]

Prints one line per stage as it ends (seconds, peak RSS of this process and of the largest
worker so far), then words/s; the last line is JSON with every figure, for BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--formats", default="ttl,html,graphml")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()

    from velferdsgraf.graph.extract import DEFAULT_EXTRACTORS
    from velferdsgraf.graph.extract_many import ExtractStats, default_jobs
    from velferdsgraf.graph.pipeline import build_documents, usable_extractors
    from velferdsgraf.input import read
    from velferdsgraf.output import FORMATS, write_outputs
    from velferdsgraf.output.merges import write_merges
    from velferdsgraf.graph.rdfstore import write_store, write_store_format

    figures: dict[str, object] = {}
    start = last = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        own, workers = _peak_mb()
        figures[stage] = round(now - last, 2)
        print(f"{stage:<10} {now - last:8.2f} s   peak RSS {own:7.0f} MB (largest worker {workers:6.0f} MB)",
              flush=True)
        last = now

    docs = read([args.corpus]).documents
    lap("read")
    names = usable_extractors(list(DEFAULT_EXTRACTORS))
    stats = ExtractStats()
    jobs = args.jobs or default_jobs()
    result = build_documents(docs, names, jobs=jobs, cache_dir=None if args.no_cache else args.out / "cache")
    stats = result.extract_stats
    lap("extract+resolve+build")
    write_store(result.graph, args.out)
    lap("store")
    formats = args.formats.split(",")
    for fmt in formats:
        if fmt in ("ttl", "nt"):
            write_store_format(args.out, fmt, args.out / FORMATS[fmt].filename)
        else:
            write_outputs(result.graph, args.out, [fmt])
        lap(fmt)
    write_merges(result.resolution, args.out / "merges.csv")
    lap("merges")
    total = time.perf_counter() - start
    words = sum(len(d.text.split()) for d in docs)
    own, workers = _peak_mb()
    figures.update(reports=len(docs), words=words, triples=len(result.graph), jobs=jobs, wall=round(total, 1),
                   words_per_s=round(words / total), peak_rss_mb=round(own), worker_peak_rss_mb=round(workers),
                   cached=stats.cached, extracted=stats.extracted, extractors=names)
    print(f"total {total:.1f} s, {words / total:.0f} words/s, {stats}")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
