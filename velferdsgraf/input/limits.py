"""The limits that bound what one report may cost to read and to build.

A file is refused with a reason when it passes one of them (before the expensive part where
that can be known). The figures are documented in the README ("Reliability"); the build
time of one report grows linearly with its text (BENCHMARKS.md), so ``MAX_TEXT_CHARS``
bounds it too.
"""
from __future__ import annotations

from .fileio import MB, format_size

# One report's text, after reading and normalising: about 2,000 pages; a longer text is refused
# and should be split into several files.
MAX_TEXT_CHARS = 8 * MB
# A .docx is a zip archive: what its parts unpack to, summed over the archive (checked against
# the sizes the archive declares, which the zip reader also enforces while unpacking).
MAX_DOCX_UNPACKED = 200 * MB
# A PDF's page content streams after decompression, summed over the pages (a stream shared by
# many pages counts once per page: it is read once per page).
MAX_PDF_CONTENT = 200 * MB
# An HTML page's markup: the parsers hold several trees of it in memory.
MAX_HTML_BYTES = 20 * MB


def text_too_long(length: int) -> str:
    """The reason for a report text over :data:`MAX_TEXT_CHARS`."""
    return (f"report too long ({length:,} characters > {MAX_TEXT_CHARS:,} limit for one report); "
            "split it into several files")


def unpacked_too_large(what: str, size: int, limit: int) -> str:
    """``"unpacks to 6 GB (> 200 MB limit for .docx parts)"``."""
    return f"{what} unpacks to {format_size(size)} (> {format_size(limit)} limit)"
