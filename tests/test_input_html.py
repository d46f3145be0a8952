"""HTML: the article without menus, footers and cookie banners; with and without trafilatura."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from velferdsgraf.errors import InputError
from velferdsgraf.input import html as html_reader
from velferdsgraf.input import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "input"
ARTICLE = (
    "Nytt samarbeid om unge i Asker\n"
    "NAV Asker og Asker kommune har inngått et samarbeid om unge som står utenfor arbeid og utdanning. "
    "Avtalen ble signert av rådmann Lars Berg og NAV-leder Ingrid Haugen.\n"
    "Prosjektet «Ung i jobb» skal vare i tre år, og frivillige organisasjoner inviteres med – blant dem Røde Kors."
)
BOILERPLATE = ["Forside", "Helse og omsorg", "informasjonskapsler", "Godta alle", "postboks", "Relaterte saker", "Hopp til"]


@pytest.fixture(params=["trafilatura", "lxml"])
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test once with trafilatura and once as if it were not installed."""
    if request.param == "lxml":
        monkeypatch.setitem(sys.modules, "trafilatura", None)  # import raises ImportError
    return str(request.param)


def test_html_article_without_boilerplate(extractor: str) -> None:
    [doc] = read_file(FIXTURES / "article.html")
    assert doc.text == ARTICLE
    for junk in BOILERPLATE:
        assert junk not in doc.text
    assert (doc.id, doc.title, doc.date, doc.lang) == ("article", "Nytt samarbeid om unge i Asker", "2021-09-14", "nb")
    assert doc.meta == {"encoding": "utf-8", "extractor": extractor, "format": "html"}


def test_html_windows_1252_declared(tmp_path: Path, extractor: str) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Møte i Tromsø</title></head><body><p>Møtet i Tromsø – «Sammen om unge» – samlet NAV og kommunen.</p></body></html>"
    )
    path = tmp_path / "tromso.htm"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read_file(path)
    assert doc.text == "Møtet i Tromsø – «Sammen om unge» – samlet NAV og kommunen."
    assert doc.title == "Møte i Tromsø"
    assert doc.meta["encoding"] == "cp1252"


def test_html_broken_markup_still_gives_text(tmp_path: Path, extractor: str) -> None:
    path = tmp_path / "brutt.html"
    path.write_text("<html><body><div><p>Tekst uten slutt <b>fet og <i>kursiv</p><p>Neste avsnitt om NAV Moss", encoding="utf-8")
    [doc] = read_file(path)
    assert doc.text == "Tekst uten slutt fet og kursiv\nNeste avsnitt om NAV Moss"


@pytest.mark.parametrize(
    "page, reason",
    [
        ("</p></div>", "broken HTML (Document is empty)"),
        ("<html><body><script>var x = 1;</script><!-- ingenting --></body></html>", "no article text found in HTML"),
        ("   \n", "empty file"),
    ],
)
def test_html_without_text_is_an_error(tmp_path: Path, page: str, reason: str) -> None:
    path = tmp_path / "tom.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: {reason}"


def test_html_lxml_reader_tables_lists_and_time(tmp_path: Path) -> None:
    page = """<html><body><main><h1>Deltakere</h1>
    <p>Møtet ble holdt <time datetime="2022-05-03">3. mai</time>.</p>
    <ul><li>Kari   Nordmann</li><li>Ola<br>Nordmann</li></ul>
    <table><tr><th>Navn</th><th>Rolle</th></tr><tr><td>Kari</td><td>leder i <b>NAV</b> Ski</td></tr></table>
    <div class="share-buttons">Del på Facebook</div></main></body></html>"""
    article = html_reader._with_lxml(page, Path("x.html"))
    assert article.text == "Deltakere\nMøtet ble holdt 3. mai.\nKari Nordmann\nOla\nNordmann\nNavn\tRolle\nKari\tleder i NAV Ski"
    assert (article.title, article.date) == ("Deltakere", "2022-05-03")


def test_html_xhtml_with_xml_encoding_declaration(tmp_path: Path, extractor: str) -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>Notat fra Hamar</title></head><body><p>Møte på Hamar for små kommuner.</p></body></html>"
    )
    path = tmp_path / "hamar.html"
    path.write_bytes(page.encode("latin-1"))
    [doc] = read_file(path)
    assert (doc.text, doc.title, doc.meta["encoding"]) == ("Møte på Hamar for små kommuner.", "Notat fra Hamar", "cp1252")
