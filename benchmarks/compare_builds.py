"""Build the reference corpora and record the SHA-256 of each graph.ttl, to show a change kept output identical.

Usage: python benchmarks/compare_builds.py OUT.json   (run before and after a change, then diff the files)
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["../shared/samples/reports", "../shared/samples/real/texts", "tests/data/evalset/reports", "examples/reports"]


def main() -> None:
    """Build each corpus that exists and write {corpus: sha256 of graph.ttl} to the given file."""
    hashes = {}
    for corpus in CORPORA:
        folder = (ROOT / corpus).resolve()
        if not folder.is_dir():
            print(f"skip {corpus}: absent", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, "-m", "velferdsgraf", "build", str(folder), "-o", out, "--formats", "ttl", "-q"],
                           check=True, cwd=ROOT)
            hashes[corpus] = hashlib.sha256((Path(out) / "graph.ttl").read_bytes()).hexdigest()
        print(corpus, hashes[corpus], file=sys.stderr)
    Path(sys.argv[1]).write_text(json.dumps(hashes, indent=1) + "\n")


if __name__ == "__main__":
    main()
