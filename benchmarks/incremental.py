"""Rebuild after editing one report, against the clean build already in OUT (with its cache).

    python benchmarks/incremental.py CORPUS OUT [--formats ttl] [--report report-00042.md]

Edits one report (a sentence appended), rebuilds with ``velferdsgraf build`` and times it; then
restores the report, rebuilds again and checks that graph.ttl and merges.csv (when the clean
build wrote it) are byte-identical to the clean build's. Each rebuild should extract exactly one report.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

SENTENCE = "\nKari Nordmann, rådgiver i Kirkens Bymisjon, deltar også i arbeidet.\n"


def _digest(out: Path, names: tuple[str, ...]) -> str:
    return hashlib.sha256(b"".join((out / n).read_bytes() for n in names)).hexdigest()


def _rebuild(corpus: Path, out: Path, formats: str) -> tuple[float, str]:
    command = [sys.executable, "-m", "velferdsgraf", "build", str(corpus), "-o", str(out), "--formats", formats]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, next(l.strip() for l in done.stderr.splitlines() if "from the cache" in l)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--formats", default="ttl")
    parser.add_argument("--report", default=None, help="The report to edit (default: the middle one).")
    args = parser.parse_args()
    reports = sorted(args.corpus.glob("*.md"))
    target = args.corpus / args.report if args.report else reports[len(reports) // 2]
    compared = tuple(n for n in ("graph.ttl", "merges.csv") if (args.out / n).is_file())
    clean = _digest(args.out, compared)
    original = target.read_bytes()
    try:
        target.write_bytes(original + SENTENCE.encode("utf-8"))
        edited, edited_cache = _rebuild(args.corpus, args.out, args.formats)
    finally:
        target.write_bytes(original)
    restored, restored_cache = _rebuild(args.corpus, args.out, args.formats)
    same = _digest(args.out, compared) == clean
    print(f"edited {target.name}: rebuild {edited:.1f} s ({edited_cache})")
    print(f"restored: rebuild {restored:.1f} s ({restored_cache}); {' and '.join(compared)} "
          f"byte-identical to the clean build: {same}")
    print(json.dumps({"edited_s": round(edited, 1), "restored_s": round(restored, 1), "identical": same,
                      "edited_cache": edited_cache, "restored_cache": restored_cache}))


if __name__ == "__main__":
    main()
