"""Normalisation rules, and that offsets into the normalised text are consistent."""
from __future__ import annotations

import pytest

from velferdsgraf.input.normalise import normalise, normalise_line


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("linje 1\r\nlinje 2\rlinje 3", "linje 1\nlinje 2\nlinje 3"),
        ("a\u030as og A\u030alesund", "ås og Ålesund"),  # NFC: a + combining ring is å
        ("Be\u0301la", "Béla"),
        ("kr\u00a0500 og 10\u202f000\u2007kr", "kr 500 og 10 000 kr"),
        ("NAV\u200b Ski\u2060 og Bæ\u00adrum\ufeff", "NAV Ski og Bærum"),
        ("\u200ekommune\u200f", "kommune"),
        ("side 1\fside 2\vlinje\u2028slutt", "side 1\nside 2\nlinje\nslutt"),
        ("avsnitt\u2029neste", "avsnitt\n\nneste"),
        ("ord\x07 med\x1b kontroll\x85tegn", "ord med kontroll\ntegn"),
        ("ﬁnansiering og ﬂyktninger", "finansiering og flyktninger"),
        ("hale   \nneste\t\n", "hale\nneste"),
        ("\n\n  a\n\n\n\n\nb\n\n", "a\n\nb"),
        ("ensom \ud800surrogat", "ensom surrogat"),
        ("«Velferd» – æøå ÆØÅ — “sitat” ‘x’ …", "«Velferd» – æøå ÆØÅ — “sitat” ‘x’ …"),
        ("\tinnrykk beholdes", "innrykk beholdes"),
        ("a\n\tinnrykk beholdes", "a\n\tinnrykk beholdes"),
    ],
)
def test_normalise_rules(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["a\r\n\r\n\r\nb \u00a0\n", "\u200b\n\nx\u0301 y", "«a»\u2029\u2029b", " \ufeff start", "x\u00ad\n\n\n\u200b\n\ny"],
)
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise(raw)
    assert normalise(once) == once


def test_normalise_offsets_index_the_final_text() -> None:
    text = normalise("Møte\r\n\r\nKari\u00a0Nordmann (NAV\u200bSki) sa «ja».")
    start = text.index("Kari")
    assert text[start : start + len("Kari Nordmann")] == "Kari Nordmann"
    assert text[text.index("(") + 1 : text.index(")")] == "NAVSki"
    assert text == "Møte\n\nKari Nordmann (NAVSki) sa «ja»."


@pytest.mark.parametrize(
    "raw, expected",
    [("  Årsrapport\n 2022\u00a0– NAV ", "Årsrapport 2022 – NAV"), ("\u200b \n", None), (None, None)],
)
def test_normalise_line(raw: str | None, expected: str | None) -> None:
    assert normalise_line(raw) == expected
