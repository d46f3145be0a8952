"""Reading reports: files and folders in, normalised :class:`Document` objects out.

Formats: .txt, .md/.markdown, .html/.htm, .pdf, .docx, and .jsonl (one report per line).
Failures are values (:class:`~velferdsgraf.errors.InputError`, one line each), never tracebacks::

    result = read(["rapporter/", "notat.pdf"])
    for failure in result.failures:
        print(f"skipped {failure}")

For a progress bar, list the files first and read them one by one::

    files, failures = collect_files(paths)
    for source, result in read_sources(files):
        bar.update(1)

Heavy libraries (trafilatura, pypdf, python-docx, charset-normalizer) are imported only
when a file of their kind is read.
"""
from __future__ import annotations

from .discovery import collect_files
from .document import Document
from .fileio import DEFAULT_MAX_BYTES
from .language import guess_language
from .normalise import normalise
from .reading import iter_documents, make_document, read, read_file, read_source, read_sources
from .registry import SUPPORTED_EXTENSIONS
from .types import Extracted, ReadResult, RecordError, SourceFile

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "Document",
    "Extracted",
    "ReadResult",
    "RecordError",
    "SourceFile",
    "collect_files",
    "guess_language",
    "iter_documents",
    "make_document",
    "normalise",
    "read",
    "read_file",
    "read_source",
    "read_sources",
]
