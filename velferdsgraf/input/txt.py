"""Plain-text reports (.txt)."""
from __future__ import annotations

from pathlib import Path

from .decoding import decode_text
from .types import Extracted


def read_txt(data: bytes, path: Path) -> Extracted:
    """The decoded text of a .txt file; the encoding used is kept in ``meta["encoding"]``."""
    decoded = decode_text(data, path)
    return Extracted(text=decoded.text, meta={"encoding": decoded.encoding})
