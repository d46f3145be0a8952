"""Plain data of the input stage: what a reader extracts, which files a read covers, what it gave."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, shown_path
from .document import Document


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a reader got out of one file (or one jsonl record), before normalisation.

    ``id`` and ``line`` are set only by readers of multi-report files (jsonl); single-report
    files take the id planned by :func:`~velferdsgraf.input.collect_files`.
    """

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    id: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file a read will open, with the document id planned for it.

    ``explicit`` is True when the file was named directly rather than found in a folder.
    For multi-report files (jsonl) ``id`` is only a label used to disambiguate record ids.
    """

    path: Path
    id: str
    format: str
    explicit: bool = True


@dataclass(slots=True)
class ReadResult:
    """The documents a read produced and the files (or records) it could not read."""

    documents: list[Document] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures

    def extend(self, other: ReadResult) -> None:
        """Append another result's documents and failures, keeping their order."""
        self.documents.extend(other.documents)
        self.failures.extend(other.failures)


class RecordError(InputError):
    """One record of a multi-report file (a jsonl line) could not be read.

    ``path`` is the file, ``line`` the 1-based line; the message reads ``"<path>:<line>: <reason>"``.
    """

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        super().__init__(path, reason)
        self.line = line
        self.args = (f"{shown_path(path)}:{line}: {reason}",)


def describe_exception(exc: BaseException) -> str:
    """``"KeyError: There is no item named 'x'"``: the type and message, without repr quotes."""
    message = exc.args[0] if isinstance(exc, KeyError) and len(exc.args) == 1 else exc
    return f"{type(exc).__name__}: {message}" if str(message) else type(exc).__name__
