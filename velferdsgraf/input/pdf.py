"""PDF reports (.pdf): the text layer, page by page, via pypdf.

Pages are normalised one by one and joined by a blank line, so ``meta["page_starts"]``
(comma-separated offsets of each page's first character in the Document text) stays exact.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import InputError
from .limits import MAX_PDF_CONTENT, MAX_TEXT_CHARS, text_too_long, unpacked_too_large
from .normalise import normalise
from .types import Extracted, describe_exception

PAGE_SEPARATOR = "\n\n"


def read_pdf(data: bytes, path: Path) -> Extracted:
    """Text, title and page offsets of a PDF; raises InputError for broken, encrypted or scanned PDFs."""
    from pypdf import PdfReader

    if not data.strip():
        raise InputError(path, "empty file")
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF header)")
    # pypdf raises many exception types on damaged files (PdfReadError, ValueError, KeyError,
    # struct and zlib errors, RecursionError…); each one means the same to us: a broken PDF.
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, path)
        pages = _pages_text(reader, path)
        title = _metadata_title(reader)
        created = _metadata_created(reader)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 - see above
        raise InputError(path, f"broken PDF ({describe_exception(e)})") from e
    if not pages:
        raise InputError(path, "PDF has no pages")
    if not any(pages):
        raise InputError(path, "no text layer (scanned PDF?)")
    starts: list[int] = []
    offset = 0
    kept: list[str] = []
    for text in pages:
        starts.append(offset)
        if text:
            kept.append(text)
            offset += len(text) + len(PAGE_SEPARATOR)
    text = PAGE_SEPARATOR.join(kept)
    starts = [min(start, len(text)) for start in starts]  # empty last pages start at the end
    meta = {"pages": str(len(pages)), "page_starts": ",".join(map(str, starts))}
    if created:
        meta["created"] = created
    return Extracted(text=text, title=title, meta=meta)


def _unlock(reader: Any, path: Path) -> None:
    """Open PDFs that are encrypted with an empty user password; refuse the others."""
    if not reader.is_encrypted:
        return
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        if reader.decrypt(""):
            return
    except (DependencyError, NotImplementedError) as e:
        raise InputError(path, f"encrypted PDF (cannot decrypt: {e})") from e
    except FileNotDecryptedError:
        pass
    raise InputError(path, "encrypted PDF (password required)")


def _pages_text(reader: Any, path: Path) -> list[str]:
    """The text of each page; refused once the content read passes MAX_PDF_CONTENT or MAX_TEXT_CHARS."""
    pages: list[str] = []
    content = chars = 0
    for page in reader.pages:
        content += _content_size(page)
        if content > MAX_PDF_CONTENT:
            raise InputError(path, unpacked_too_large(f"the content of pages 1–{len(pages) + 1}", content,
                                                      MAX_PDF_CONTENT))
        pages.append(normalise(page.extract_text() or ""))
        chars += len(pages[-1])
        if chars > MAX_TEXT_CHARS:
            raise InputError(path, text_too_long(chars))
    return pages


def _content_size(page: Any) -> int:
    """Decompressed bytes of a page's content streams (pypdf caches the decoded data)."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        return 0
    streams = contents if isinstance(contents, list) else [contents]
    total = 0
    for stream in streams:
        stream = stream.get_object()
        if hasattr(stream, "get_data"):
            total += len(stream.get_data())
    return total


def _metadata_title(reader: Any) -> str | None:
    info = reader.metadata
    title = info.title if info is not None else None
    return str(title) if title and str(title).strip() else None


def _metadata_created(reader: Any) -> str | None:
    info = reader.metadata
    if info is None:
        return None
    try:
        created = info.creation_date
    except ValueError:  # a malformed date string is not worth failing the file over
        return None
    return created.date().isoformat() if created else None
