"""Word reports (.docx): paragraphs and tables in document order, via python-docx.

Table rows become lines with cells joined by tabs; a merged cell is written once.
The title is the core-properties title, else the first paragraph styled Title or Heading 1.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import InputError
from .limits import MAX_DOCX_UNPACKED, unpacked_too_large
from .types import Extracted, describe_exception

_TITLE_STYLES = ("title", "tittel", "heading 1", "overskrift 1")


def read_docx(data: bytes, path: Path) -> Extracted:
    """Text and title of a .docx file; raises InputError for files that are not valid .docx."""
    import docx

    if not data.startswith(b"PK"):
        raise InputError(path, "not a .docx file (not a zip archive)")
    _check_unpacked_size(data, path)
    # python-docx surfaces zip, XML and package errors of many types (BadZipFile, KeyError,
    # PackageNotFoundError, XMLSyntaxError…); for us each is a broken .docx.
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        title = document.core_properties.title or None
        created = document.core_properties.created
    except Exception as e:  # noqa: BLE001 - see above
        raise InputError(path, f"broken .docx ({describe_exception(e)})") from e
    text_blocks = [text for text, _ in blocks if text.strip()]
    if not text_blocks:
        raise InputError(path, "empty document")
    if not title:
        title = next((text for text, style in blocks if style in _TITLE_STYLES and text.strip()), None)
    meta = {"created": created.date().isoformat()} if created else {}
    return Extracted(text="\n".join(text_blocks), title=title, meta=meta)


def _check_unpacked_size(data: bytes, path: Path) -> None:
    """Refuse an archive whose parts unpack to more than MAX_DOCX_UNPACKED (a zip bomb).

    The sizes are those the archive declares; Python's zip reader stops at the declared size
    while unpacking, so a part cannot grow past what is counted here.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as e:  # OSError: a damaged central directory
        raise InputError(path, f"broken .docx ({describe_exception(e)})") from e
    if total > MAX_DOCX_UNPACKED:
        raise InputError(path, unpacked_too_large("the archive", total, MAX_DOCX_UNPACKED))


def _blocks(document: Any) -> list[tuple[str, str]]:
    """(text, lower-case style name) of each paragraph and table row, in body order."""
    from docx.table import Table

    out: list[tuple[str, str]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            out.extend((row, "") for row in _table_rows(item))
        else:
            style = item.style.name.lower() if item.style is not None and item.style.name else ""
            out.append((item.text, style))
    return out


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a horizontally merged cell repeats
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append("\t".join(cells).strip("\t"))
    return rows
