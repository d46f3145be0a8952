"""Bytes to text: BOMs, UTF-8, Windows-1252, and the refusals (binary, empty, unsure, mojibake)."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from velferdsgraf.errors import InputError
from velferdsgraf.input.decoding import Decoded, decode_text, find_mojibake

FIXTURES = Path(__file__).parent / "fixtures" / "input"
P = Path("rapport.txt")
NORSK = "Åse Ødegård i Bærum kommune sa «ja» – og møtet ble holdt."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (NORSK.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + NORSK.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + NORSK.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + NORSK.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + NORSK.encode("utf-32-le"), "utf-32-le"),
        (NORSK.encode("cp1252"), "cp1252"),
    ],
)
def test_decoding_known_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_text(data, P)
    assert decoded.text == NORSK  # no BOM left in the text
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    "text",
    [
        "Ære være Åse",  # too short for charset-normalizer alone (it guesses big5)
        "Møte i Bærum. Sted: Rådhuset, Sandvika.",
        "Tiltaket koster 5 000 € og «varer» i tre år — sier Ødegård.",
    ],
)
def test_decoding_windows_1252_norwegian(text: str) -> None:
    assert decode_text(text.encode("cp1252"), P) == Decoded(text, "cp1252")


def test_decoding_latin1_file_reads_as_cp1252() -> None:
    assert decode_text("Søknad fra Ålesund".encode("latin-1"), P).text == "Søknad fra Ålesund"


def test_decoding_cp1252_fixture() -> None:
    decoded = decode_text((FIXTURES / "cp1252.txt").read_bytes(), P)
    assert decoded.encoding == "cp1252"
    assert decoded.text.startswith("Møte i Bærum kommune\r\n\r\nÅse Ødegård, rådgiver i NAV Bærum")
    assert "«Velferd – sammen»" in decoded.text and "5 000 €" in decoded.text


@pytest.mark.parametrize(
    "encoding, reason",
    [
        ("cp850", "unknown text encoding: not valid UTF-8 (byte 0x91 at offset 1, line 1), and Windows-1252 gives implausible text ('B‘rum')"),
        ("mac_roman", "unknown text encoding: not valid UTF-8 (byte 0xbe at offset 1, line 1), and Windows-1252 gives implausible text ('B¾rum')"),
    ],
)
def test_decoding_refuses_other_codepages(encoding: str, reason: str) -> None:
    data = "Bærum kommune og NAV Bærum har møte på rådhuset.".encode(encoding)
    with pytest.raises(InputError) as info:
        decode_text(data, P)
    assert info.value.reason == reason


def test_decoding_refuses_damaged_utf8() -> None:
    data = "Møte i Bærum\nNAV Ski og Ås\n".encode("utf-8").replace("Å".encode("utf-8"), b"\xc3")
    with pytest.raises(InputError) as info:
        decode_text(data, P)
    assert info.value.reason == "invalid UTF-8 (byte 0xc3 at offset 26, line 2) in a file that is otherwise UTF-8"


def test_decoding_refuses_when_detection_is_unsure() -> None:
    data = b"Rapport \x81\x8d fra m\xf8tet"  # 0x81 and 0x8d are not Windows-1252
    with pytest.raises(InputError) as info:
        decode_text(data, P)
    assert info.value.reason.startswith("unknown text encoding: not valid UTF-8 (byte 0x81 at offset 8, line 1), and detection ")


def test_decoding_refuses_double_encoded_utf8() -> None:
    mojibake = "Linje en\nBærum og Sørum".encode("utf-8").decode("cp1252").encode("utf-8")
    with pytest.raises(InputError) as info:
        decode_text(mojibake, P)
    assert str(info.value) == "rapport.txt: text looks wrongly decoded (mojibake 'Ã¦' on line 2); save the file as UTF-8"


@pytest.mark.parametrize(
    "text, found",
    [("BÃ¦rum", "Ã¦"), ("â€“ sa hun", "â€“"), ("Â«ja»", "Â«"), ("Bærum «ja» – nei", None), ("SÃO PAULO", None)],
)
def test_decoding_find_mojibake(text: str, found: str | None) -> None:
    assert find_mojibake(text) == found


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b" \r\n\t\n", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"), "empty file"),
        ((FIXTURES / "binary.txt").read_bytes(), "binary file, not text"),
        (bytes(range(1, 256)) * 4, "binary file, not text"),
        (b"tekst\x00med nul", "binary file, not text"),
        ("Hei fra Bodø".encode("utf-16-le"), "UTF-16 text without a byte order mark; save it as UTF-8"),
        (codecs.BOM_UTF8 + b"Bod\xf8", "invalid UTF-8 after byte order mark (bad bytes at offset 6)"),
    ],
)
def test_decoding_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, P)
    assert info.value.reason == reason
    assert str(info.value) == f"rapport.txt: {reason}"


def test_decoding_declared_charset_is_used_when_not_utf8() -> None:
    data = "Møte på Lillehammer koster 10 €".encode("iso-8859-15")  # € is 0xA4 here, ¤ in cp1252
    assert decode_text(data, P, declared="iso-8859-15") == Decoded("Møte på Lillehammer koster 10 €", "iso8859_15")


def test_decoding_declared_latin1_means_windows_1252() -> None:
    decoded = decode_text("«Tiltak» – Tromsø".encode("cp1252"), P, declared="ISO-8859-1")
    assert (decoded.text, decoded.encoding) == ("«Tiltak» – Tromsø", "cp1252")


def test_decoding_utf8_wins_over_wrong_declaration() -> None:
    decoded = decode_text("Tromsø".encode("utf-8"), P, declared="windows-1252")
    assert (decoded.text, decoded.encoding) == ("Tromsø", "utf-8")
