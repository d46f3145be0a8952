"""How long do hostile inputs take to read (or to refuse)? (issue 12)

    python benchmarks/hostile_inputs.py

Prints seconds and the outcome for: Markdown with tens of thousands of unclosed marks
(60 KB and 150 KB of ``*a ``, ``[a ``, ``<!--``), a .docx whose document.xml unpacks to 1 GB,
and a 47 MB text file (over the text limit of one report). Each is written to a temporary
folder, then read with :func:`velferdsgraf.input.read_source`.
"""
from __future__ import annotations

import io
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from velferdsgraf.input import read_source


def docx_bomb(unpacked_mb: int) -> bytes:
    """A zip with a word/document.xml of ``unpacked_mb`` MB of zeros (a few MB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                part.write(chunk)
    return buffer.getvalue()


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "60 KB of '*a '": (".md", lambda: b"*a " * 20_000),
    "150 KB of '*a '": (".md", lambda: b"*a " * 50_000),
    "150 KB of '[a '": (".md", lambda: b"[a " * 50_000),
    "150 KB of '<!--'": (".md", lambda: b"<!--" * 37_500),
    ".docx unpacking to 1 GB": (".docx", lambda: docx_bomb(1024)),
    "47 MB of text": (".txt", lambda: ("Kari Nordmann er leder i NAV Asker. " * 1_300_000).encode()),
}


def main() -> None:
    """Write, read and time each case."""
    with tempfile.TemporaryDirectory() as tmp:
        for label, (suffix, make) in CASES.items():
            path = Path(tmp) / f"fil{suffix}"
            path.write_bytes(make())
            t = time.perf_counter()
            result = read_source(path)
            seconds = time.perf_counter() - t
            outcome = (f"read, {len(result.documents[0].text):,} characters" if result.documents
                       else f"refused: {result.failures[0].reason}")
            print(f"{label:<26} {path.stat().st_size / 1e6:8.2f} MB on disk {seconds:7.2f} s  {outcome}", flush=True)


if __name__ == "__main__":
    main()
