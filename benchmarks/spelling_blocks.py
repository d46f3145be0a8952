"""Cross-report spelling check: blocked (today) against comparing every pair (before issue 10).

    python benchmarks/spelling_blocks.py [--sizes 1000,4000,16000]

Names are drawn from the corpus generator's first names and surnames, with one letter changed
in a tenth of them. Prints the seconds of each method and checks they give the same merges
(the all-pairs method only up to 4,000 names: it grows with the square).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SURNAMES, _data  # noqa: E402

from velferdsgraf.graph.persons import (  # noqa: E402
    _outweighs,
    attestation,
    cross_report_spellings,
    one_part_misspelling,
)


def all_pairs(names_by_report: dict[str, list[str]]) -> dict[str, str]:
    """The check as it was: every name against every other."""
    mentions, reports, full = attestation(names_by_report)
    canonical: dict[str, str] = {}
    targets: set[str] = set()
    for name in full:
        found = [t for t in full if t != name and t not in canonical
                 and one_part_misspelling(name, t) and _outweighs(t, name, mentions, reports)]
        if len(found) == 1 and name not in targets:
            canonical[name] = found[0]
            targets.add(found[0])
    return canonical


def _names(rng: random.Random, count: int) -> list[str]:
    first = sorted({w for line in _data("first_names.txt").splitlines() if not line.startswith("#")
                    for w in line.split()})
    names = set()
    while len(names) < count:
        name = f"{rng.choice(first)} {rng.choice(SURNAMES)}"
        if rng.random() < 0.1:
            i = rng.randrange(1, len(name))
            name = name[:i] + rng.choice("aeiouns") + name[i + 1:]
        names.add(name)
    return sorted(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        rng = random.Random(size)
        names = _names(rng, size)
        by_report = {f"r{i}": rng.sample(names, min(len(names), 40)) for i in range(size // 10)}
        by_report["all"] = names
        start = time.perf_counter()
        blocked = cross_report_spellings(by_report)
        blocked_s = time.perf_counter() - start
        line = f"{size:6d} names: blocked {blocked_s:7.2f} s, {len(blocked)} merges"
        if size <= 4000:
            start = time.perf_counter()
            reference = all_pairs(by_report)
            line += f"; all pairs {time.perf_counter() - start:7.2f} s, same merges: {reference == blocked}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
