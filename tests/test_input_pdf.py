"""PDF: the text layer page by page; broken, encrypted and scanned PDFs give clear errors."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from velferdsgraf.errors import InputError
from velferdsgraf.input import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "input"


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal hand-written PDF: each page a list of lines in Helvetica with WinAnsi (cp1252) text."""
    n = len(pages)
    font = 3 + 2 * n
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, lines in enumerate(pages):
        shown = b" ".join(b"(" + _pdf_string(line) + b") '" for line in lines)
        content = b"BT /F1 12 Tf 72 720 Td 14 TL " + shown + b" ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    info = ""
    if title:
        objects.append(b"<< /Title (" + _pdf_string(title) + b") /CreationDate (D:20220315120000+01'00') >>")
        info = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


PAGES = [["Årsmøte i NAV Bærum", "Kari Nordmann (leder) åpnet – «velkommen»."], [], ["Side tre: Åse Ødegård fra KS."]]


def test_pdf_text_title_and_page_offsets(tmp_path: Path) -> None:
    path = tmp_path / "aarsrapport.pdf"
    path.write_bytes(make_pdf(PAGES, title="Årsrapport 2022"))
    [doc] = read_file(path)
    assert doc.text == "Årsmøte i NAV Bærum\nKari Nordmann (leder) åpnet – «velkommen».\n\nSide tre: Åse Ødegård fra KS."
    assert (doc.id, doc.title, doc.date) == ("aarsrapport", "Årsrapport 2022", None)
    assert doc.meta == {"pages": "3", "page_starts": "0,64,64", "created": "2022-03-15", "format": "pdf"}
    assert doc.text.index("Side tre") == 64


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Hemmelig notat fra Nav Oslo."]]))))
    writer.encrypt(user_password, owner_password="eier", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scanned() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    path = tmp_path / "aapen.pdf"
    path.write_bytes(_encrypted(""))
    assert [d.text for d in read_file(path)] == ["Hemmelig notat fra Nav Oslo."]


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda: _encrypted("hemmelig"), "encrypted PDF (password required)"),
        (_scanned, "no text layer (scanned PDF?)"),
        (lambda: make_pdf(PAGES).replace(b"/Kids", b"/Kidz"), "PDF has no pages"),
        (lambda: "Dette er tekst, ikke PDF".encode(), "not a PDF file (no %PDF header)"),
        (lambda: b"", "empty file"),
    ],
)
def test_pdf_errors(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "feil.pdf"
    path.write_bytes(make())
    with pytest.raises(InputError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: {reason}"


@pytest.mark.parametrize(
    "make, prefix",
    [
        (lambda: (FIXTURES / "broken.pdf").read_bytes(), "broken PDF (PdfReadError: "),  # pypdf 7: "startxref not found"
        (lambda: make_pdf(PAGES)[:300], "broken PDF (PdfStreamError: "),  # pypdf 7: "Stream has ended unexpectedly"
    ],
)
def test_pdf_broken(tmp_path: Path, make, prefix: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "brukket.pdf"
    path.write_bytes(make())
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.reason.startswith(prefix) and info.value.reason.endswith(")")
    assert info.value.path == path
