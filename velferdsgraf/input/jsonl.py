"""JSON Lines corpora (.jsonl): one report per line, ``{"id", "text", "title"?, "date"?, "url"?}``.

The reader yields a document per good line and a :class:`RecordError` (``"<file>:<line>: <reason>"``)
per bad one, so one broken line never costs the others. Blank lines are skipped. Other
fields with string, number or boolean values are kept in ``meta``.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .dates import iso_date
from .types import Extracted, RecordError

_KNOWN = ("id", "text", "title", "date", "url")


def read_jsonl(data: bytes, path: Path) -> Iterator[Extracted | InputError]:
    """One Extracted per good line, one RecordError per bad line (file-level problems as InputError)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not data.strip():
        yield InputError(path, "empty file")
        return
    first_line: dict[str, int] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = _parse(raw)
            extracted = _record(record, path, number)
        except ValueError as e:
            yield RecordError(path, number, str(e))
            continue
        assert extracted.id is not None
        if extracted.id in first_line:
            yield RecordError(path, number, f"duplicate id {extracted.id!r} (first on line {first_line[extracted.id]})")
            continue
        first_line[extracted.id] = number
        yield extracted


def _parse(raw: bytes) -> dict[str, object]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})") from e
    try:
        value = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"invalid JSON ({e.msg} at column {e.colno})") from e
    except RecursionError as e:
        raise ValueError("invalid JSON (nested too deeply)") from e
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {_json_type(value)}")
    return value


def _record(record: dict[str, object], path: Path, line: int) -> Extracted:
    doc_id = record.get("id")
    if doc_id is None:
        raise ValueError("missing field 'id'")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise ValueError(f"field 'id' must be a string, got {_json_type(doc_id)}")
    doc_id = str(doc_id).strip()
    if not doc_id:
        raise ValueError("field 'id' is empty")
    text = record.get("text")
    if text is None:
        raise ValueError("missing field 'text'")
    for name in ("text", "title", "date", "url"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {name!r} must be a string, got {_json_type(value)}")
    meta = {
        key: value if isinstance(value, str) else json.dumps(value)
        for key, value in sorted(record.items())
        if key not in _KNOWN and isinstance(value, (str, int, float, bool))
    }
    meta.update(file=path.as_posix(), line=str(line))
    date = record.get("date")
    if isinstance(date, str) and date.strip() and iso_date(date) is None:
        meta["date_raw"] = date  # kept, not guessed: only ISO and Norwegian forms are read
    return Extracted(
        text=str(text),
        title=_optional(record.get("title")),
        date=_optional(date),
        source=_optional(record.get("url")) or path.as_posix(),
        meta=meta,
        id=doc_id,
        line=line,
    )


def _optional(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
