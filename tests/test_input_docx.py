"""Word: paragraphs and tables in order; broken files give clear errors."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from velferdsgraf.errors import InputError
from velferdsgraf.input import read_file


def make_docx(title: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Samarbeidsavtale i Drammen", level=1)
    document.add_paragraph("NAV Drammen og Drammen kommune samarbeider om «Jobbsjansen».")
    table = document.add_table(rows=2, cols=3)
    for col, text in enumerate(["Navn", "Rolle", "Virksomhet"]):
        table.cell(0, col).text = text
    for col, text in enumerate(["Kari Nordmann", "leder", "NAV Drammen"]):
        table.cell(1, col).text = text
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Sammenslått celle"
    merged.cell(0, 2).text = "Siste"
    document.add_paragraph("")
    document.add_paragraph("Avtalen\u00a0gjelder fra 1. mars.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


EXPECTED = (
    "Samarbeidsavtale i Drammen\n"
    "NAV Drammen og Drammen kommune samarbeider om «Jobbsjansen».\n"
    "Navn\tRolle\tVirksomhet\n"
    "Kari Nordmann\tleder\tNAV Drammen\n"
    "Sammenslått celle\tSiste\n"
    "Avtalen gjelder fra 1. mars."
)


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "avtale.docx"
    path.write_bytes(make_docx())
    [doc] = read_file(path)
    assert doc.text == EXPECTED
    assert (doc.id, doc.title, doc.lang, doc.meta["format"]) == ("avtale", "Samarbeidsavtale i Drammen", "nb", "docx")
    assert doc.text[doc.text.index("Kari") :].startswith("Kari Nordmann\tleder")


def test_docx_core_title_wins(tmp_path: Path) -> None:
    path = tmp_path / "avtale.docx"
    path.write_bytes(make_docx(title="Avtale 2023"))
    assert read_file(path)[0].title == "Avtale 2023"


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda: make_docx()[:400], "broken .docx (BadZipFile: File is not a zip file)"),
        (lambda: b"PK\x03\x04 ikke en ekte zip", "broken .docx (BadZipFile: File is not a zip file)"),
        (lambda: "Bare tekst med .docx-navn".encode(), "not a .docx file (not a zip archive)"),
        (lambda: _zip_without_document(), "broken .docx (KeyError: There is no item named '[Content_Types].xml' in the archive)"),
    ],
)
def test_docx_errors(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "feil.docx"
    path.write_bytes(make())
    with pytest.raises(InputError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: {reason}"


def _zip_without_document() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hei.txt", "ingen Word-fil her")
    return out.getvalue()
