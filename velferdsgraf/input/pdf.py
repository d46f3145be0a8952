"""PDF reports (.pdf): the text layer, page by page, via pypdf.

Pages are normalised one by one and joined by a blank line, so ``meta["page_starts"]``
(comma-separated offsets of each page's first character in the Document text) stays exact.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import InputError
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
        pages = [_page_text(page) for page in reader.pages]
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


def _page_text(page: Any) -> str:
    return normalise(page.extract_text() or "")


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
