"""Markdown: markup out, text in, offsets index the cleaned text."""
from __future__ import annotations

from pathlib import Path

import pytest

from velferdsgraf.input import read_file
from velferdsgraf.input.markdown import inline_to_text, markdown_to_text

REPORT = """---
title: "Rapport fra Bærum"
date: 2019-02-27
---
# Åpent møte om **velferd**

Onsdag inviterte *Bærum kommune* til møte. Se [nettsiden](https://baerum.kommune.no "Bærum") og ![logoen](logo.png).

Innledere
---------

- Kari Nordmann, `NAV-leder` i NAV Ski
* Ola Nordmann, rådgiver i __KS__
1. Punkt med snake_case_navn
- [x] Oppgave gjort

> «Samarbeid» er viktig – også for små kommuner — sa hun.

| Navn | Rolle |
|------|-------|
| Kari | leder |

***
```python
kode *ikke* endret
```
Tekst &amp; entitet \\*stjerne\\* og <https://nav.no>.<!-- skjult -->
[ref]: https://example.no
"""

EXPECTED = """Åpent møte om velferd

Onsdag inviterte Bærum kommune til møte. Se nettsiden og logoen.

Innledere

Kari Nordmann, NAV-leder i NAV Ski
Ola Nordmann, rådgiver i KS
Punkt med snake_case_navn
Oppgave gjort

«Samarbeid» er viktig – også for små kommuner — sa hun.

Navn\tRolle
Kari\tleder

kode *ikke* endret
Tekst & entitet *stjerne* og https://nav.no."""


def test_markdown_document(tmp_path: Path) -> None:
    path = tmp_path / "baerum.md"
    path.write_text(REPORT, encoding="utf-8")
    [doc] = read_file(path)
    assert doc.text == EXPECTED
    assert (doc.id, doc.title, doc.date, doc.lang) == ("baerum", "Rapport fra Bærum", "2019-02-27", "nb")
    assert doc.meta == {"encoding": "utf-8", "format": "markdown"}
    start = doc.text.index("Kari Nordmann")
    assert doc.text[start : start + 13] == "Kari Nordmann"


@pytest.mark.parametrize(
    "markdown, title",
    [
        ("Tekst først\n\n## Overskrift *to*\n\n# Én", "Overskrift to"),
        ("Setext-tittel\n=============\n\nTekst", "Setext-tittel"),
        ("Bare tekst uten overskrift.", None),
        ("#hashtag er ingen overskrift", None),
    ],
)
def test_markdown_title_is_first_heading(markdown: str, title: str | None) -> None:
    assert markdown_to_text(markdown)[1] == title


@pytest.mark.parametrize(
    "line, text",
    [
        ("**fet** og *kursiv* og ***begge***", "fet og kursiv og begge"),
        ("~~strøket~~ ut", "strøket ut"),
        ("[NAV Ski](https://nav.no/ski) og [KS][ks]", "NAV Ski og KS"),
        ("`*kode*` beholdes", "*kode* beholdes"),
        ("5 * 3 * 2 er regning", "5 * 3 * 2 er regning"),
        ("fil_navn_med_understrek", "fil_navn_med_understrek"),
        ("linje med <span class='x'>tagg</span>", "linje med tagg"),
        ("fotnote[^1] her", "fotnote her"),
        ("hardt linjeskift\\", "hardt linjeskift"),
    ],
)
def test_markdown_inline(line: str, text: str) -> None:
    assert inline_to_text(line) == text


def test_markdown_extension_markdown_and_uppercase(tmp_path: Path) -> None:
    (tmp_path / "a.markdown").write_text("# Tittel\n\nTekst fra Ål.", encoding="utf-8")
    (tmp_path / "b.MD").write_text("Tekst fra *Bø*.", encoding="utf-8")
    assert [d.text for d in read_file(tmp_path / "a.markdown") + read_file(tmp_path / "b.MD")] == [
        "Tittel\n\nTekst fra Ål.",
        "Tekst fra Bø.",
    ]
