"""Build velferdsgraf/graph/data/first_names.txt from the PER entities of NorNE train.

A token counts as a first name when it opens a multi-token PER entity at least twice
in the bokmål and nynorsk training splits and is rarely seen as a lower-case word.
Only the TRAIN splits are read (dev is for evaluation; the test split is held out).

    python scripts/build_name_lexicon.py ../shared/data/norne
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

TRAIN_FILES = ("nob/norne-nob-train.ndt.conllu", "nno/norne-nno-train.ndt.conllu")
OUT = Path(__file__).resolve().parent.parent / "velferdsgraf" / "graph" / "data" / "first_names.txt"


def sentences(path: Path):
    """Yield each sentence as a list of (form, NE tag)."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
            continue
        tag = next((f[5:] for f in cols[9].split("|") if f.startswith("name=")), "O")
        sentence.append((cols[1], tag))
    if sentence:
        yield sentence


def main(norne_dir: Path) -> None:
    openers: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for rel in TRAIN_FILES:
        for sent in sentences(norne_dir / rel):
            for i, (form, tag) in enumerate(sent):
                if form.islower():
                    lower[form] += 1
                nxt = sent[i + 1][1] if i + 1 < len(sent) else "O"
                if tag == "B-PER" and nxt == "I-PER" and form[:1].isupper() and form.isalpha():
                    openers[form] += 1
    names = sorted(
        name for name, n in openers.items()
        if len(name) > 1 and lower[name.lower()] <= n
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} first names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/norne"))
