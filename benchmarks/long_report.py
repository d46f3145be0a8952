"""How does the build time of ONE report grow with its length? (issue 12: every stage linear)

    python benchmarks/long_report.py [--sizes 64K,256K,1M,4M] [--repeat 3] [--extractors gazetteer,ner,patterns]

Writes one report of each size with the generator in ``report_text.py`` (made-up, realistic
Norwegian report text), builds it alone with the CLI's pipeline and prints seconds per stage,
the time per 64 KB, and the ratio of that to the smallest report's (≤ 2 means at most twice
linear). Models are loaded before the clock starts; each size runs in a fresh process so one
size's memory does not weigh on the next, ``--repeat`` times, and the fastest run is shown (the
machine is shared: the fastest run is the one least slowed by others). Peak memory (max RSS)
is printed too.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_UNITS = {"K": 1024, "M": 1024 * 1024}


def parse_size(text: str) -> int:
    """``"64K"`` -> 65536; ``"1M"`` -> 1048576; a plain number is bytes."""
    text = text.strip().upper()
    return int(float(text[:-1]) * _UNITS[text[-1]]) if text[-1] in _UNITS else int(text)


def time_one(path: Path, extractors: list[str]) -> dict[str, float]:
    """Seconds per stage for building the one report at ``path`` (run in the child process)."""
    from build_speed import time_stages

    from velferdsgraf.graph.pipeline import usable_extractors

    names = usable_extractors(extractors, explicit=True)  # loads the model before the clock starts
    times, _, graph = time_stages([path], names, path.with_suffix(".ttl"), collaboration=True)
    times["total"] = sum(times.values())
    times["triples"] = len(graph)
    times["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def main() -> None:
    """Generate, time and print each size (each in its own process)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64K,256K,1M,4M")
    parser.add_argument("--extractors", default="gazetteer,ner,patterns")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest is shown")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    if args.child:
        print(json.dumps(time_one(Path(args.child), args.extractors.split(","))))
        return
    from report_text import report_text

    print(f"extractors: {args.extractors}")
    print(f"{'size':>6} {'chars':>9} {'read':>7} {'extract':>8} {'resolve':>8} {'build':>7} {'turtle':>7} "
          f"{'total s':>8} {'s/64KB':>7} {'ratio':>6} {'MB RSS':>7}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for label in args.sizes.split(","):
            size = parse_size(label)
            text = report_text(size)
            path = Path(tmp) / f"rapport_{label}.txt"
            path.write_text(text, encoding="utf-8")
            runs = []
            for _ in range(args.repeat):
                out = subprocess.run([sys.executable, __file__, "--child", str(path), "--extractors", args.extractors],
                                     check=True, capture_output=True, text=True).stdout
                runs.append(json.loads(out.strip().splitlines()[-1]))
            t = min(runs, key=lambda run: run["total"])
            per = t["total"] / (path.stat().st_size / 65536)
            base = base or per
            print(f"{label:>6} {len(text):>9} {t['read']:>7.2f} {t['extract']:>8.2f} {t['resolve']:>8.2f} "
                  f"{t['build']:>7.2f} {t['turtle']:>7.2f} {t['total']:>8.2f} {per:>7.2f} {per / base:>6.2f} "
                  f"{t['max_rss_mb']:>7.0f}", flush=True)


if __name__ == "__main__":
    main()
