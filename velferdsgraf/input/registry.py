"""Which reader handles which file extension; reader modules are imported only when used."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from .types import Extracted

SingleReader = Callable[[bytes, Path], Extracted]
MultiReader = Callable[[bytes, Path], Iterable[Extracted | InputError]]


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """A reader: its format name, ``"module:function"`` target, and whether a file holds many reports.

    The target is a :data:`SingleReader` (bytes in, one Extracted out, InputError raised) or,
    when ``multi``, a :data:`MultiReader` (yields an Extracted or an InputError per record).
    """

    format: str
    target: str
    multi: bool = False

    def load(self) -> Callable[[bytes, Path], object]:
        """Import the reader function."""
        module, _, attr = self.target.partition(":")
        return getattr(import_module(module), attr)  # type: ignore[no-any-return]


_SPECS = {
    "txt": ReaderSpec("txt", "velferdsgraf.input.txt:read_txt"),
    "markdown": ReaderSpec("markdown", "velferdsgraf.input.markdown:read_markdown"),
    "html": ReaderSpec("html", "velferdsgraf.input.html:read_html"),
    "pdf": ReaderSpec("pdf", "velferdsgraf.input.pdf:read_pdf"),
    "docx": ReaderSpec("docx", "velferdsgraf.input.docx:read_docx"),
    "jsonl": ReaderSpec("jsonl", "velferdsgraf.input.jsonl:read_jsonl", multi=True),
}
READERS: dict[str, ReaderSpec] = {
    ".txt": _SPECS["txt"],
    ".md": _SPECS["markdown"],
    ".markdown": _SPECS["markdown"],
    ".html": _SPECS["html"],
    ".htm": _SPECS["html"],
    ".pdf": _SPECS["pdf"],
    ".docx": _SPECS["docx"],
    ".jsonl": _SPECS["jsonl"],
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(READERS))


def reader_for(path: Path) -> ReaderSpec | None:
    """The reader for a file by its extension (case-insensitive), or None."""
    return READERS.get(path.suffix.lower())


def spec_for_format(name: str) -> ReaderSpec:
    """The reader registered under a format name (``"pdf"``, ``"jsonl"`` …)."""
    return _SPECS[name]


def unsupported_reason(path: Path) -> str:
    """``"unsupported file type '.doc' (supported: .docx, .htm, …)"``."""
    kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
    return f"unsupported file type {kind} (supported: {', '.join(SUPPORTED_EXTENSIONS)})"
