"""How does person linking grow with the number of different people in one report? (issue 12)

    python benchmarks/person_linking.py [--sizes 500,2000,4800]

Makes N different full names from 24 common first names and made-up surnames (so every first
name is shared by N/24 people, the hard case), one mention each, and times
:func:`link_persons` (one report) and :func:`cross_report_spellings` (the names spread over two
reports).
"""
from __future__ import annotations

import argparse
import itertools
import time

from velferdsgraf.graph.persons import cross_report_spellings, link_persons
from velferdsgraf.graph.types import EntityType, Mention

FIRST = ("Kari", "Ola", "Ingrid", "Lars", "Marte", "Per", "Silje", "Anders", "Hanne", "Jon", "Tone", "Espen",
         "Ragnhild", "Bjørn", "Åse", "Øystein", "Sigrid", "Håkon", "Live", "Trond", "Eli", "Geir", "Nina", "Knut")
LAST = tuple(a + b for a in ("Ha", "Jo", "Ol", "La", "An", "Pe", "Ni", "Kr", "Je", "Ka", "Be", "Hau", "Hag", "Er",
                             "Bak", "Sol", "Str", "Lu", "Da", "Mo")
             for b in ("nsen", "rud", "berg", "stad", "vik", "dal", "haug", "land", "heim", "ås"))


def main() -> None:
    """Time both functions for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,4800")
    args = parser.parse_args()
    print(f"{'people':>7} {'link_persons s':>15} {'cross_report s':>15}")
    for n in map(int, args.sizes.split(",")):
        names = [f"{f} {s}" for f, s in itertools.islice(itertools.product(FIRST, LAST), n)]
        mentions = [Mention("r", 20 * i, 20 * i + len(x), EntityType.PERSON, x, x, "patterns") for i, x in enumerate(names)]
        t = time.perf_counter()
        link_persons(mentions, [])
        linked = time.perf_counter() - t
        t = time.perf_counter()
        cross_report_spellings({"a": names[: n // 2], "b": names[n // 4:]})
        print(f"{n:>7} {linked:>15.2f} {time.perf_counter() - t:>15.2f}", flush=True)


if __name__ == "__main__":
    main()
