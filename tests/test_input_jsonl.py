"""JSON Lines: good lines become documents, each bad line a failure naming file:line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from velferdsgraf.errors import InputError
from velferdsgraf.input import RecordError, read, read_file, read_source

FIXTURES = Path(__file__).parent / "fixtures" / "input"


def test_jsonl_fixture_keeps_good_lines() -> None:
    path = FIXTURES / "reports.jsonl"
    result = read_source(path)
    assert [d.id for d in result.documents] == ["r1", "r3"]
    first = result.documents[0]
    assert first.text == "Bærum kommune og NAV Bærum samarbeider om arbeidstrening, og de vil også hjelpe flere unge."
    assert (first.title, first.date, first.source, first.lang) == ("Samarbeid i Bærum", "2020-05-04", "https://example.org/r1", "nb")
    assert first.meta == {"file": path.as_posix(), "line": "1", "format": "jsonl"}
    assert result.documents[1].source == path.as_posix()
    assert result.documents[1].meta["line"] == "4"
    [failure] = result.failures
    assert isinstance(failure, RecordError) and isinstance(failure, InputError)
    assert (failure.path, failure.line) == (path, 2)
    assert str(failure) == f"{path}:2: invalid JSON (Expecting ',' delimiter at column 77)"


def test_jsonl_read_file_is_strict() -> None:
    with pytest.raises(RecordError) as info:
        read_file(FIXTURES / "reports.jsonl")
    assert info.value.line == 2


@pytest.mark.parametrize(
    "line, reason",
    [
        ('["id", "text"]', "expected a JSON object, got array"),
        ('"bare tekst"', "expected a JSON object, got string"),
        ('{"text": "Tekst uten id."}', "missing field 'id'"),
        ('{"id": "x"}', "missing field 'text'"),
        ('{"id": "x", "text": 42}', "field 'text' must be a string, got number"),
        ('{"id": ["x"], "text": "t"}', "field 'id' must be a string, got array"),
        ('{"id": true, "text": "t"}', "field 'id' must be a string, got boolean"),
        ('{"id": "  ", "text": "t"}', "field 'id' is empty"),
        ('{"id": "x", "text": "t", "title": {"a": 1}}', "field 'title' must be a string, got object"),
        ('{"id": "x", "text": " \\u200b\\n"}', "empty text"),
        ('{"id": "x", "text": "ok"', "invalid JSON (Expecting ',' delimiter at column 25)"),
        ("[" * 100000, "invalid JSON (nested too deeply)"),
    ],
)
def test_jsonl_bad_line_reasons(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "god", "text": "Kommunen og NAV samarbeider."}, ensure_ascii=False)
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    result = read_source(path)
    assert [d.id for d in result.documents] == ["god"]
    assert [str(f) for f in result.failures] == [f"{path}:2: {reason}"]


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Bod\xf8"}\n{"id": "b", "text": "Bod\xc3\xb8"}\r\n')
    result = read_source(path)
    assert [(d.id, d.text) for d in result.documents] == [("b", "Bodø")]
    assert [str(f) for f in result.failures] == [f"{path}:1: not valid UTF-8 (byte 0xf8 at column 25)"]


def test_jsonl_duplicate_ids_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": "a", "text": "En."}, {"id": "b", "text": "To."}, {"id": "a", "text": "Tre."}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = read_source(path)
    assert [d.text for d in result.documents] == ["En.", "To."]
    assert [str(f) for f in result.failures] == [f"{path}:3: duplicate id 'a' (first on line 1)"]


def test_jsonl_ids_unique_across_a_read(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "rapport", "text": "Fra a."}\n{"id": 7, "text": "Sju."}', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "rapport", "text": "Fra b."}', encoding="utf-8")
    (tmp_path / "rapport.txt").write_text("Fra tekstfilen.", encoding="utf-8")
    result = read([tmp_path])
    assert [(d.id, d.text) for d in result.documents] == [
        ("a/rapport", "Fra a."),  # "rapport" is planned for rapport.txt
        ("7", "Sju."),
        ("b/rapport", "Fra b."),
        ("rapport", "Fra tekstfilen."),
    ]
    assert result.failures == []


def test_jsonl_metadata_fields(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    record = {"id": "x", "text": "Tekst.", "date": "27. februar 2019", "kommune": "Bærum", "sider": 3, "liste": [1]}
    bad_date = {"id": "y", "text": "Tekst.", "date": "i fjor", "line": "ikke overskriv"}
    path.write_text(json.dumps(record) + "\n" + json.dumps(bad_date), encoding="utf-8")
    x, y = read_file(path)
    assert (x.date, x.meta) == ("2019-02-27", {"kommune": "Bærum", "sider": "3", "file": path.as_posix(), "line": "1", "format": "jsonl"})
    assert (y.date, y.meta["date_raw"], y.meta["line"]) == (None, "i fjor", "2")


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf\n"])
def test_jsonl_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "tom.jsonl"
    path.write_bytes(content)
    assert [str(f) for f in read_source(path).failures] == [f"{path}: empty file"]
