"""Hostile input and faults (issue 12): bounded cost, no crash, nothing lost.

Each test is one row of the README's "Reliability" table. CLI runs use the rule extractors
only (the statistical model adds load time, not coverage of these faults).
"""
from __future__ import annotations

import errno
import io
import json
import os
import signal
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from velferdsgraf.cli import cli
from velferdsgraf.errors import AliasFileError, InputError
from velferdsgraf.graph.aliases import parse_aliases
from velferdsgraf.graph.validate import validate
from velferdsgraf.input import collect_files, read, read_source
from velferdsgraf.output import merges as merges_module

from test_input_docx import make_docx
from test_input_pdf import make_pdf

RULES = ("--extractors", "gazetteer,patterns")
TEXT = "Kari Nordmann er leder i NAV Asker. Hun samarbeider med Ola Hansen i Bærum kommune.\n"


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    """The CLI's error: one line, no traceback (CliRunner keeps an escaped exception aside)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def build(reports: Path, out: Path, *extra: object):  # type: ignore[no-untyped-def]
    return invoke("build", reports, "-o", out, "-q", *RULES, *extra)


def snapshot(folder: Path) -> dict[str, bytes]:
    """The output set: its files and the store's file names (the cache may grow)."""
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
    store = folder / "store"
    files |= {f"store/{p.name}": b"" for p in sorted(store.iterdir())} if store.is_dir() else {}
    return files


# --- discovery -------------------------------------------------------------------------------

def test_rel_non_utf8_file_name_is_skipped_with_a_printable_reason(reports: Path, tmp_path: Path) -> None:
    (reports / os.fsdecode(b"rapp\xf8rt.txt")).write_text(TEXT, encoding="utf-8")
    result = build(reports, tmp_path / "out")
    assert result.exit_code == 1
    assert "rapp\\xf8rt.txt: the file name is not valid UTF-8" in result.stderr
    assert validate(Graph().parse(tmp_path / "out" / "graph.ttl")).conforms


def test_rel_symlink_loop_named_on_the_command_line_is_skipped(reports: Path, tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    result = read([loop, reports])
    assert [str(f) for f in result.failures] == [f"{loop}: symbolic link loop"]
    assert [d.id for d in result.documents] == ["a"]


def test_rel_symlinked_folders_and_loops_inside_a_folder_are_not_followed(reports: Path, tmp_path: Path) -> None:
    (reports / "sub").mkdir()
    (reports / "sub" / "opp").symlink_to(reports)  # a folder loop
    (reports / "løkke.txt").symlink_to(reports / "løkke.txt")  # a file that points at itself
    os.mkfifo(reports / "kanal.txt")
    files, failures = collect_files([reports])
    assert [f.path.name for f in files] == ["a.txt"]
    assert [str(f) for f in failures] == [f"{reports / 'løkke.txt'}: symbolic link loop"]


def test_rel_folder_nested_a_thousand_levels_is_walked(tmp_path: Path) -> None:
    levels = [tmp_path / "d"]
    for _ in range(1000):  # deeper than Python's recursion limit; made level by level for the same reason
        levels.append(levels[-1] / "d")
    try:
        for level in levels:
            level.mkdir()
    except OSError as error:  # a file system with short path limits
        pytest.skip(f"cannot create the nested folders: {error}")
    (levels[-1] / "dypt.txt").write_text(TEXT, encoding="utf-8")
    try:
        files, failures = collect_files([levels[0]])
        assert [f.path.name for f in files] == ["dypt.txt"] and not failures
    finally:  # rmtree would recurse too
        (levels[-1] / "dypt.txt").unlink()
        for level in reversed(levels):
            level.rmdir()


def test_rel_unreadable_file_on_the_command_line_is_skipped_like_one_in_a_folder(
        reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from velferdsgraf.input import fileio

    secret = tmp_path / "hemmelig.txt"
    secret.write_text(TEXT, encoding="utf-8")
    real_open = open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == secret:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(fileio, "open", guarded_open, raising=False)
    monkeypatch.setattr(os, "access", lambda *a, **k: False)  # what click checked before
    result = build(secret, tmp_path / "out", reports)
    assert result.exit_code == 1, result.stderr
    assert f"{secret}: permission denied" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_rel_output_folder_inside_the_input_folder_is_not_read_back(reports: Path) -> None:
    out = reports / "out"
    assert build(reports, out).exit_code == 0
    (out / "network.txt").write_text("Per Olsen er leder i NAV Drammen.", encoding="utf-8")
    assert build(reports, out).exit_code == 0
    graph = Graph().parse(out / "graph.ttl")
    assert len(list(graph.subjects(predicate=None, object=None))) and "network" not in (out / "graph.ttl").read_text()
    assert "Per Olsen" not in (out / "graph.ttl").read_text("utf-8")


def test_rel_hidden_files_and_folders_are_not_read(reports: Path) -> None:
    (reports / ".skjult.txt").write_text(TEXT, encoding="utf-8")
    (reports / ".git").mkdir()
    (reports / ".git" / "notat.txt").write_text(TEXT, encoding="utf-8")
    files, _ = collect_files([reports])
    assert [f.path.name for f in files] == ["a.txt"]


# --- readers ---------------------------------------------------------------------------------

def test_rel_docx_that_unpacks_past_the_limit_is_refused_before_parsing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from velferdsgraf.input import docx as docx_module

    monkeypatch.setattr(docx_module, "MAX_DOCX_UNPACKED", 10_000)
    path = tmp_path / "bombe.docx"
    path.write_bytes(make_docx())
    parsed = []
    monkeypatch.setattr("docx.Document", lambda *a: parsed.append(a))
    failure = read_source(path).failures[0]
    assert "the archive unpacks to" in str(failure) and "limit" in str(failure) and not parsed


def test_rel_docx_bomb_declared_sizes_are_what_is_counted(tmp_path: Path) -> None:
    """A part of 300 MB of zeros packs into a few hundred KB; it is refused by its declared size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                part.write(chunk)
    path = tmp_path / "bombe.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2_000_000
    assert "unpacks to 300 MB (> 200 MB limit)" in str(read_source(path).failures[0])


def test_rel_pdf_content_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from velferdsgraf.input import pdf as pdf_module

    monkeypatch.setattr(pdf_module, "MAX_PDF_CONTENT", 50)
    path = tmp_path / "stor.pdf"
    path.write_bytes(make_pdf([["Side en om samarbeid i Asker."], ["Side to."]]))
    assert "unpacks to" in str(read_source(path).failures[0])


def test_rel_html_page_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from velferdsgraf.input import html as html_module

    monkeypatch.setattr(html_module, "MAX_HTML_BYTES", 100)
    path = tmp_path / "side.html"
    path.write_text("<html><body><p>" + TEXT * 5 + "</p></body></html>", encoding="utf-8")
    assert "HTML page too large" in str(read_source(path).failures[0])


def test_rel_report_too_long_for_one_report_is_refused_with_the_limit(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from velferdsgraf.input import reading

    monkeypatch.setattr(reading, "MAX_TEXT_CHARS", 50)
    path = tmp_path / "lang.txt"
    path.write_text(TEXT * 3, encoding="utf-8")
    failure = read_source(path).failures[0]
    assert "report too long" in str(failure) and "split it into several files" in str(failure)


def test_rel_long_report_is_extracted_in_windows_with_spans_into_the_whole_text() -> None:
    from velferdsgraf.graph.extract import extract
    from velferdsgraf.graph.windows import WINDOW
    from velferdsgraf.input import Document

    paragraph = "Kari Nordmann er leder i NAV Asker. Ola Hansen er rådgiver i Bærum kommune.\n\n"
    doc = Document("lang", paragraph * (3 * WINDOW // len(paragraph)))
    extraction = extract(doc, ["gazetteer", "patterns"])
    spans = [(m.start, m.surface) for m in extraction.mentions if not m.attr("implicit")]
    assert spans and all(doc.text[s:s + len(surface)] == surface for s, surface in spans)
    assert max(s for s, _ in spans) > 2 * WINDOW  # the last window was read too


def test_rel_run_on_text_without_full_stops_is_cut_into_bounded_sentences() -> None:
    from velferdsgraf.graph.sentences import MAX_SENTENCE, sentence_spans

    text = " ".join(["Kari Nordmann i NAV Asker og Ola Hansen i Bærum kommune"] * 2000)
    spans = sentence_spans(text)
    assert len(spans) > len(text) // MAX_SENTENCE and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


def test_rel_markdown_unclosed_emphasis_and_comments_are_read_in_one_pass() -> None:
    from velferdsgraf.input.markdown import markdown_to_text

    for hostile in ("*a " * 20_000, "<!--" * 20_000, "[a " * 20_000, "<http://" * 20_000):
        text, _, _ = markdown_to_text(hostile)
        assert len(text) >= len(hostile.strip()) // 2


def test_rel_aes_encrypted_pdf_with_empty_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Notat fra NAV Asker om samarbeid."]]))))
    writer.encrypt("", owner_password="eier", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "aes.pdf"
    path.write_bytes(buffer.getvalue())
    assert [d.text for d in read_source(path).documents] == ["Notat fra NAV Asker om samarbeid."]


def test_rel_broken_html_character_references_do_not_become_names(tmp_path: Path) -> None:
    path = tmp_path / "side.html"
    path.write_text("<html><body><article><p>Kari Nordmann i NAV Asker &amp; &#xZZZ; og &#99999999; &#; "
                    "samarbeider med Ola Hansen om tiltaket.</p><p>Mer tekst om samarbeid.</p></article></body></html>",
                    encoding="utf-8")
    text = read_source(path).documents[0].text
    assert "&#" not in text and "\ufffd" not in text and "NAV Asker &" in text


# --- graph -----------------------------------------------------------------------------------

def test_rel_report_ids_that_slug_alike_stay_separate_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": i, "text": f"Rapport {n}: {TEXT}"}, ensure_ascii=False)
             for n, i in enumerate(["Rapport 1", "rapport-1", "RAPPORT_1", "ø", "o"])]
    for folder, order in (("a", lines), ("b", lines[::-1])):  # the same file name: the same dcterms:source
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.jsonl").write_text("\n".join(order) + "\n", encoding="utf-8")
        monkeypatch.chdir(tmp_path / folder)
        assert build(Path("r.jsonl"), Path("ut")).exit_code == 0
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a" / "ut").rename(tmp_path / "a2")
    (tmp_path / "b" / "ut").rename(tmp_path / "b2")
    graph = Graph().parse(tmp_path / "a2" / "graph.ttl")
    from rdflib import RDF

    from velferdsgraf.ontology.namespace import VG

    assert len(set(graph.subjects(RDF.type, VG.Report))) == 5
    assert invoke("validate", tmp_path / "a2" / "graph.ttl").exit_code == 0
    assert (tmp_path / "a2" / "graph.ttl").read_bytes() == (tmp_path / "b2" / "graph.ttl").read_bytes()


# --- outputs ---------------------------------------------------------------------------------

def built_once(reports: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An output folder from a first build, its files, and a new report for the second build."""
    out = tmp_path / "out"
    assert build(reports, out).exit_code == 0
    (reports / "b.txt").write_text("Per Olsen er rådgiver i NAV Drammen.", encoding="utf-8")
    return out, snapshot(out)


@pytest.mark.parametrize("fail_at", ["graph.graphml", "merges.csv"])
def test_rel_disk_full_while_writing_leaves_the_previous_set_and_no_temp_files(
        reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str) -> None:
    out, before = built_once(reports, tmp_path)
    from velferdsgraf.output import outset

    real = outset.write_set

    def full_disk(folder, writers):  # type: ignore[no-untyped-def]
        def failing(path: Path) -> None:
            path.write_bytes(b"half")
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(folder, {n: (failing if n == fail_at else w) for n, w in writers.items()})

    monkeypatch.setattr("velferdsgraf.output.write_set", full_disk)
    result = build(reports, out)
    assert result.exit_code == 1
    assert f"{fail_at}: cannot write (No space left on device)" in one_line_error(result)
    assert snapshot(out) == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_rel_signal_while_writing_leaves_the_previous_set_and_no_temp_files(
        reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int) -> None:
    out, before = built_once(reports, tmp_path)
    from velferdsgraf.output import merges

    def killed(resolution, path):  # type: ignore[no-untyped-def]
        path.write_bytes(b"half")
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(merges, "write_merges", killed)
    result = build(reports, out)
    assert result.exit_code == 128 + signum
    assert "interrupted" in result.stderr and "Traceback" not in result.output
    assert snapshot(out) == before


def test_rel_output_problems_are_found_before_the_work(reports: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("velferdsgraf.input.read", lambda *a, **k: pytest.fail("read before checking the output"))
    (tmp_path / "fil").write_text("x")
    assert "cannot create the output folder (Not a directory)" in one_line_error(build(reports, tmp_path / "fil" / "ut"))
    (tmp_path / "o" / "graph.ttl").mkdir(parents=True)
    assert "graph.ttl: is a folder" in one_line_error(build(reports, tmp_path / "o"))
    from velferdsgraf.output import outset

    def read_only(path, *args):  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(outset.os, "open", read_only)
    result = build(reports, tmp_path / "ny")
    assert result.exit_code == 1
    assert "cannot write in the output folder (Read-only file system)" in one_line_error(result)


def test_rel_view_and_export_into_a_missing_folder_create_it(reports: Path, tmp_path: Path) -> None:
    assert build(reports, tmp_path / "out", "--formats", "ttl").exit_code == 0
    graph = tmp_path / "out" / "graph.ttl"
    assert invoke("view", graph, "-o", tmp_path / "ny" / "side.html").exit_code == 0
    assert invoke("export", graph, "--format", "nt", "-o", tmp_path / "ny2" / "g.nt").exit_code == 0
    assert (tmp_path / "ny" / "side.html").is_file() and (tmp_path / "ny2" / "g.nt").is_file()
    result = invoke("export", graph, "--format", "nt", "-o", tmp_path / "ny")  # a folder: a usage error
    assert result.exit_code == 2 and "is a directory" in result.stderr and "Traceback" not in result.output


def test_rel_os_errors_anywhere_in_the_cli_are_one_line(reports: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert build(reports, tmp_path / "out", "--formats", "ttl").exit_code == 0

    def broken(path):  # type: ignore[no-untyped-def]
        raise OSError(errno.EIO, "Input/output error", str(path))

    parsed = tmp_path / "copy" / "graph.ttl"  # away from its store: read by load_graph
    parsed.parent.mkdir()
    parsed.write_bytes((tmp_path / "out" / "graph.ttl").read_bytes())
    monkeypatch.setattr("velferdsgraf.graph.store.load_graph", broken)
    result = invoke("stats", parsed)
    assert result.exit_code == 1 and "graph.ttl: Input/output error" in one_line_error(result)


def test_rel_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("build", "-o", tmp_path).exit_code == 2
    assert invoke("build", tmp_path, "-o", tmp_path / "o", "--formats", "svg").exit_code == 2


# --- alias file and merges.csv ---------------------------------------------------------------

@pytest.mark.parametrize("line", ["Kari Nordmann,Nordmann,Person", "Kari Nordmann,x,person"])
def test_rel_alias_to_a_one_word_person_name_is_refused_with_file_and_line(line: str) -> None:
    with pytest.raises(AliasFileError, match=r"^aliases\.csv:2: 'Kari Nordmann' would become the one-word name"):
        parse_aliases(f"# navn\n{line}\n", "aliases.csv")


def test_rel_untyped_alias_that_would_drop_a_person_is_refused_with_file_and_line(reports: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# name,canonical\nKari Nordmann,x\n", encoding="utf-8")
    result = build(reports, tmp_path / "out", "--aliases", aliases)
    assert result.exit_code == 1
    assert "aliases.csv:2: 'Kari Nordmann' would become the one-word name 'x'" in one_line_error(result)
    aliases.write_text("Kari Nordmann,Kari Nordmann-Berg\nNAV Asker,NAV\n", encoding="utf-8")
    assert build(reports, tmp_path / "out", "--aliases", aliases).exit_code == 0
    assert "Kari Nordmann-Berg" in (tmp_path / "out" / "graph.ttl").read_text("utf-8")


def test_rel_merges_csv_neutralises_formulas(reports: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text('"=HYPERLINK(""http://x"")",NAV Asker,Organisation\n@SUM(A1),Bærum kommune\n', encoding="utf-8")
    (reports / "b.txt").write_text("=HYPERLINK(\"http://x\") og @SUM(A1) er med.\n", encoding="utf-8")
    assert build(reports, tmp_path / "out", "--aliases", aliases).exit_code == 0
    import csv

    rows = list(csv.reader((tmp_path / "out" / "merges.csv").read_text("utf-8").splitlines()))
    cells = [c for row in rows for c in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert merges_module.neutralise_cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert merges_module.neutralise_cell("-2+3") == "'-2+3" and merges_module.neutralise_cell("Kari") == "Kari"


# --- SPARQL ----------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p ?o FILTER(regex(str(?o), "(")) }',
    'SELECT (REPLACE("a", "(", "b") AS ?x) WHERE {}',
    "SELECT * WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }",
])
def test_rel_sparql_run_time_errors_are_one_line(reports: Path, tmp_path: Path, query: str) -> None:
    assert build(reports, tmp_path / "out", "--formats", "ttl").exit_code == 0
    parsed = tmp_path / "copy" / "graph.ttl"  # away from its store, so rdflib evaluates the query
    parsed.parent.mkdir()
    parsed.write_bytes((tmp_path / "out" / "graph.ttl").read_bytes())
    result = invoke("query", parsed, query)
    # the query is what the user typed: a usage error, in one line
    assert result.exit_code == 2 and one_line_error(result).startswith("Error: query failed: ")
    on_store = invoke("query", tmp_path / "out", query)  # SPARQL semantics: an error filters, no traceback
    assert on_store.exit_code == 0 and "Traceback" not in on_store.output


def test_rel_input_error_messages_are_single_lines() -> None:
    assert "\n" not in str(InputError(os.fsdecode(b"x\xff\n.txt"), "reason").args[0].replace("\n.txt", ""))


def test_rel_readme_reliability_table_names_tests_that_exist() -> None:
    import re

    root = Path(__file__).resolve().parent
    readme = (root.parent / "README.md").read_text("utf-8")
    section = readme[readme.index("## Reliability"):]
    section = section[:section.index("\n## ")]
    rows = [ln for ln in section.splitlines() if ln.startswith("| ") and not ln.startswith("| kind")]
    assert len(rows) >= 30
    defined = {m for f in root.glob("test_*.py") for m in re.findall(r"^def (test_\w+)", f.read_text("utf-8"), re.M)}
    for row in rows:
        named = re.findall(r"\b(test_\w+)\b", row.split(" | ")[-1])
        assert named and all(n in defined or (root / f"{n}.py").is_file() for n in named), row
