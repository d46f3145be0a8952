"""Reading files into Documents: one file at a time, a stream, or a whole read at once."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .dates import iso_date
from .discovery import collect_files
from .document import Document
from .fileio import DEFAULT_MAX_BYTES, read_bytes
from .language import guess_language
from .limits import MAX_TEXT_CHARS, text_too_long
from .normalise import normalise, normalise_line
from .registry import ReaderSpec, reader_for, spec_for_format, unsupported_reason
from .types import Extracted, ReadResult, RecordError, SourceFile, describe_exception

logger = logging.getLogger(__name__)


def read(
    paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES, exclude: Iterable[Path | str] = ()
) -> ReadResult:
    """Read every report under ``paths`` (files or folders); failures are collected, not raised.

    Example: ``result = read(["rapporter/", "notat.pdf"])``, then ``result.documents``
    (in file order) and ``result.failures`` (one ``InputError`` per unreadable file or record).
    Folders in ``exclude`` (a build's output folder) are never read.
    """
    result = ReadResult()
    for item in iter_documents(paths, max_bytes=max_bytes, exclude=exclude):
        if isinstance(item, Document):
            result.documents.append(item)
        else:
            result.failures.append(item)
    return result


def iter_documents(
    paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES, exclude: Iterable[Path | str] = ()
) -> Iterator[Document | InputError]:
    """Stream the documents of a read, each failure in its place (paths that cannot be used first).

    Only one file is held in memory at a time::

        for item in iter_documents(paths):
            if isinstance(item, InputError): report(item)
            else: handle(item)
    """
    files, failures = collect_files(paths, exclude)
    yield from failures
    for _, result in read_sources(files, max_bytes=max_bytes):
        yield from result.documents
        yield from result.failures


def read_sources(
    files: Sequence[SourceFile], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[SourceFile, ReadResult]]:
    """Read files listed by :func:`collect_files` one by one, yielding each with its result.

    This is the loop for a progress bar: ``len(files)`` steps, one per yielded pair. Record
    ids from multi-report files (jsonl) are kept unique across all ``files``.
    """
    claims = _IdClaims(f.id for f in files if not spec_for_format(f.format).multi)
    for source in files:
        yield source, _read_source(source, claims, max_bytes)


def read_source(source: SourceFile | Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read one file; never raises InputError (a jsonl file may give documents and failures)."""
    if not isinstance(source, SourceFile):
        path = Path(source)
        spec = reader_for(path)
        if path.is_dir() or spec is None:
            reason = "is a directory, not a file" if path.is_dir() else unsupported_reason(path)
            return ReadResult(failures=[InputError(path, reason)])
        source = SourceFile(path=path, id=path.stem, format=spec.format)
    return _read_source(source, _IdClaims(), max_bytes)


def read_file(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """The documents of one file (one, or one per jsonl line); raises the first InputError.

    Strict: a jsonl file with one bad line raises. Use :func:`read_source` to keep the good lines.
    """
    result = read_source(path, max_bytes=max_bytes)
    if result.failures:
        raise result.failures[0]
    return result.documents


def make_document(extracted: Extracted, doc_id: str, path: Path, format: str) -> Document:
    """Normalise what a reader extracted and wrap it in a Document (raises on no text)."""
    if len(extracted.text) > 2 * MAX_TEXT_CHARS:  # not even worth normalising
        raise InputError(path, text_too_long(len(extracted.text)))
    text = normalise(extracted.text)
    if not text:
        raise InputError(path, "empty file")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(path, text_too_long(len(text)))
    return Document(
        id=doc_id,
        text=text,
        title=normalise_line(extracted.title),
        date=iso_date(extracted.date),
        source=extracted.source or path.as_posix(),
        lang=guess_language(text),
        meta={**extracted.meta, "format": format},
    )


class _IdClaims:
    """Document ids handed out so far in one read, with the ids planned for single-report files."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken = set(reserved)

    def claim(self, wanted: str, label: str) -> str | None:
        """``wanted``, else ``"<label>/<wanted>"``, else None when both are taken."""
        for candidate in (wanted, f"{label}/{wanted}"):
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate
        return None


def _read_source(source: SourceFile, claims: _IdClaims, max_bytes: int) -> ReadResult:
    spec = spec_for_format(source.format)
    result = ReadResult()
    try:
        data = read_bytes(source.path, max_bytes)
        if spec.multi:
            _read_records(spec, data, source, claims, result)
        else:
            extracted = spec.load()(data, source.path)
            result.documents.append(make_document(extracted, source.id, source.path, spec.format))
    except InputError as e:
        result.failures.append(e)
    except Exception as e:  # noqa: BLE001 - a reader bug or a parser crash on hostile input
        # must not stop the other files; the cause stays chained and logged.
        logger.debug("reader %s failed on %s", spec.format, source.path, exc_info=True)
        error = InputError(source.path, f"unexpected error in the {spec.format} reader ({describe_exception(e)})")
        error.__cause__ = e
        result.failures.append(error)
    return result


def _read_records(spec: ReaderSpec, data: bytes, source: SourceFile, claims: _IdClaims, result: ReadResult) -> None:
    for item in spec.load()(data, source.path):
        if isinstance(item, InputError):
            result.failures.append(item)
            continue
        line = item.line or 0
        try:
            doc = make_document(item, item.id or "", source.path, spec.format)
        except InputError as e:
            result.failures.append(RecordError(source.path, line, "empty text" if e.reason == "empty file" else e.reason))
            continue
        doc_id = claims.claim(doc.id, source.id)
        if doc_id is None:
            result.failures.append(RecordError(source.path, line, f"duplicate id {doc.id!r} (already used in this read)"))
            continue
        result.documents.append(doc if doc_id == doc.id else replace(doc, id=doc_id))
