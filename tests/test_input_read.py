"""read(), collect_files(), ids, and the failure of one file never stopping the others."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from velferdsgraf.errors import InputError
from velferdsgraf.input import (
    Document,
    collect_files,
    iter_documents,
    read,
    read_file,
    read_source,
    read_sources,
)
from velferdsgraf.input import fileio
from velferdsgraf.input.fileio import MB, format_size, os_reason

FIXTURES = Path(__file__).parent / "fixtures" / "input"


def write(path: Path, text: str = "Kommunen og NAV samarbeider.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "2020" / "rapport.md", "# Rapport 2020\n\nNAV Ski og Ski kommune.")
    write(tmp_path / "2019" / "rapport.txt", "NAV Ås og Ås kommune.")
    write(tmp_path / "2020" / "notat.txt")
    write(tmp_path / "nested" / "deep" / "annen.txt")
    write(tmp_path / "Zeta.txt")
    write(tmp_path / ".skjult" / "hemmelig.txt")
    write(tmp_path / ".hidden.txt")
    write(tmp_path / "~$laast.docx")
    write(tmp_path / "bilde.png")
    write(tmp_path / "gammel.doc")
    return tmp_path


def test_read_collect_files_sorted_and_filtered(tree: Path) -> None:
    files, failures = collect_files([tree])
    assert [(f.path.relative_to(tree).as_posix(), f.id, f.format, f.explicit) for f in files] == [
        ("2019/rapport.txt", "2019/rapport.txt", "txt", False),
        ("2020/notat.txt", "notat", "txt", False),
        ("2020/rapport.md", "2020/rapport.md", "markdown", False),
        ("Zeta.txt", "Zeta", "txt", False),
        ("nested/deep/annen.txt", "annen", "txt", False),
    ]
    assert failures == []


def test_read_ids_of_clashing_stems_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path / "rapport.txt")
    write(tmp_path / "Rapport.md")
    files, _ = collect_files([tmp_path])
    assert [f.id for f in files] == ["Rapport.md", "rapport.txt"]


def test_read_ids_do_not_depend_on_the_working_directory(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    absolute = [f.id for f in collect_files([tree])[0]]
    monkeypatch.chdir(tree / "2020")
    relative = [f.id for f in collect_files([Path("..")])[0]]
    assert absolute == relative


def test_read_whole_tree(tree: Path) -> None:
    result = read([tree])
    assert result.failures == [] and result.ok
    docs = {d.id: d for d in result.documents}
    assert list(docs) == ["2019/rapport.txt", "notat", "2020/rapport.md", "Zeta", "annen"]
    assert docs["2019/rapport.txt"] == Document(
        id="2019/rapport.txt",
        text="NAV Ås og Ås kommune.",
        source=(tree / "2019" / "rapport.txt").as_posix(),
        lang=None,
        meta={"encoding": "utf-8", "format": "txt"},
    )
    assert docs["2020/rapport.md"].title == "Rapport 2020"


def test_read_explicit_paths_failures_and_order(tree: Path) -> None:
    missing = tree / "finnes-ikke.txt"
    result = read([tree / "Zeta.txt", missing, tree / "bilde.png", FIXTURES / "empty.txt", tree / "2019", tree / ".hidden.txt", tree / "Zeta.txt"])
    assert [d.id for d in result.documents] == ["Zeta", "rapport", ".hidden"]
    assert [str(f) for f in result.failures] == [
        f"{missing}: no such file or directory",
        f"{tree / 'bilde.png'}: unsupported file type '.png' (supported: .docx, .htm, .html, .jsonl, .markdown, .md, .pdf, .txt)",
        f"{FIXTURES / 'empty.txt'}: empty file",
    ]


def test_read_accepts_a_single_str(tree: Path) -> None:
    assert [d.id for d in read(str(tree / "Zeta.txt")).documents] == ["Zeta"]


@pytest.mark.parametrize(
    "name, text, encoding",
    [
        ("cp1252.txt", "Møte i Bærum kommune\n\nÅse Ødegård, rådgiver i NAV Bærum, åpnet møtet med «Velferd – sammen».\nTiltaket koster 5 000 € i året.", "cp1252"),
        ("bom.txt", "Ærlig talt: Kommunen vet ikke hvordan tjenestene skal se ut.", "utf-8"),
        ("utf16.txt", "Frå møtet i Voss herad\nEg veit ikkje korleis det går.", "utf-16-le"),
    ],
)
def test_read_text_fixtures(name: str, text: str, encoding: str) -> None:
    [doc] = read_file(FIXTURES / name)
    assert (doc.text, doc.meta["encoding"]) == (text, encoding)


@pytest.mark.parametrize(
    "name, reason",
    [("empty.txt", "empty file"), ("blank.txt", "empty file"), ("binary.txt", "binary file, not text"), ("broken.pdf", "broken PDF (PdfReadError: ")],
)
def test_read_fixture_failures(name: str, reason: str) -> None:
    result = read([FIXTURES / name])
    assert result.documents == []
    [failure] = result.failures
    assert str(failure).startswith(f"{FIXTURES / name}: {reason}")


def test_read_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_file(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"
    with pytest.raises(InputError) as info:
        read_file(tmp_path / "mangler.txt")
    assert str(info.value) == f"{tmp_path / 'mangler.txt'}: no such file"
    with pytest.raises(InputError) as info:
        read_file(write(tmp_path / "notat.rtf"))
    assert info.value.reason.startswith("unsupported file type '.rtf' (supported: .docx")


def test_read_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "stor.txt", "Bærum " * 30)
    assert [str(f) for f in read([path], max_bytes=100).failures] == [f"{path}: file too large (210 bytes > 100 bytes limit)"]
    assert read([path], max_bytes=210).ok


def test_read_default_size_limit_is_50_mb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "diger.txt"
    with open(path, "wb") as fh:
        fh.truncate(51 * MB)  # sparse: no 51 MB written to disk

    def must_not_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit must be refused before it is read")

    monkeypatch.setattr(fileio, "open", must_not_open, raising=False)
    assert [str(f) for f in read([path]).failures] == [f"{path}: file too large (51 MB > 50 MB limit)"]


@pytest.mark.parametrize("size, text", [(0, "0 bytes"), (1023, "1023 bytes"), (MB, "1 MB"), (int(63.24 * MB), "63.2 MB")])
def test_read_format_size(size: int, text: str) -> None:
    assert format_size(size) == text


@pytest.mark.parametrize(
    "error, reason",
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (FileNotFoundError(2, "No such file"), "no such file"),
        (IsADirectoryError(21, "Is a directory"), "is a directory, not a file"),
        (OSError(5, "Input/output error"), "cannot read file (Input/output error)"),
    ],
)
def test_read_os_errors_become_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str) -> None:
    assert os_reason(error) == reason
    path = write(tmp_path / "notat.txt")

    def failing_open(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(fileio, "open", failing_open, raising=False)
    assert [str(f) for f in read([path]).failures] == [f"{path}: {reason}"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_read_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "låst.txt")
    path.chmod(0)
    assert [str(f) for f in read([path]).failures] == [f"{path}: permission denied"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_read_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "kø.txt"
    os.mkfifo(path)
    assert [str(f) for f in read([path]).failures] == [f"{path}: not a regular file"]


def test_read_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "lenke.txt"
    link.symlink_to(tmp_path / "borte.txt")
    assert [str(f) for f in read([link]).failures] == [f"{link}: no such file"]


def test_read_unexpected_reader_crash_is_a_failure(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from velferdsgraf.input import markdown

    def crash(data: bytes, path: Path) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(markdown, "read_markdown", crash)
    result = read([tree])
    assert [d.id for d in result.documents] == ["2019/rapport.txt", "notat", "Zeta", "annen"]
    [failure] = result.failures
    assert str(failure) == f"{tree / '2020' / 'rapport.md'}: unexpected error in the markdown reader (ZeroDivisionError: division by zero)"
    assert isinstance(failure.__cause__, ZeroDivisionError)


def test_read_progress_loop(tree: Path) -> None:
    files, failures = collect_files([tree, tree / "mangler"])
    steps = [(source.id, [d.id for d in result.documents]) for source, result in read_sources(files)]
    assert steps == [(f.id, [f.id]) for f in files]
    assert [str(f) for f in failures] == [f"{tree / 'mangler'}: no such file or directory"]


def test_read_iter_documents_is_lazy(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    real = fileio.read_bytes

    def spy(path: Path, max_bytes: int = fileio.DEFAULT_MAX_BYTES) -> bytes:
        opened.append(path)
        return real(path, max_bytes)

    monkeypatch.setattr("velferdsgraf.input.reading.read_bytes", spy)
    stream = iter_documents([tree])
    first = next(stream)
    assert isinstance(first, Document) and first.id == "2019/rapport.txt"
    assert len(opened) == 1


def test_read_source_of_a_plain_path(tree: Path) -> None:
    result = read_source(tree / "2020" / "rapport.md")
    assert [d.id for d in result.documents] == ["rapport"]
    assert [str(f) for f in read_source(tree / "gammel.doc").failures] == [
        f"{tree / 'gammel.doc'}: unsupported file type '.doc' (supported: .docx, .htm, .html, .jsonl, .markdown, .md, .pdf, .txt)"
    ]
