"""The nb/nn/da/sv guesser on short texts written for the test."""
from __future__ import annotations

import pytest

from velferdsgraf.input.language import guess_language

TEXTS = {
    "nb": "Vi vet ikke hvordan kommunen skal organisere tjenestene. Hva mener du? Jeg tror det blir bedre "
    "etter reformen, men vi må jobbe mer sammen med frivilligheten.",
    "nn": "Vi veit ikkje korleis kommunen skal organisere tenestene. Kva meiner du? Eg trur det blir betre "
    "etter reforma, men vi må jobbe meir saman med frivilligheita.",
    "da": "Vi ved ikke hvordan kommunen skal organisere indsatsen. Hvad mener du? Jeg tror, det bliver bedre "
    "efter reformen, men vi skal arbejde mere sammen med de frivillige.",
    "sv": "Vi vet inte hur kommunen ska organisera tjänsterna. Vad tycker du? Jag tror att det blir bättre "
    "efter reformen, men vi måste arbeta mer tillsammans med de frivilliga.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_language_guess(lang: str) -> None:
    assert guess_language(TEXTS[lang]) == lang


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Eg var ikkje der, men frå rådhuset kom det melding.", "nn"),
        ("Rapporten er udarbejdet af kommunen, og den er også sendt til KL.", "da"),
        ("Det är viktigt att kommunen och NAV samarbetar.", "sv"),
        ("Ikke alle kom fra Bodø.", "nb"),
        ("IKKJE EG KVA", "nn"),
    ],
)
def test_language_short_sentences(text: str, lang: str) -> None:
    assert guess_language(text) == lang


@pytest.mark.parametrize("text", ["", "NAV Ski 2020", "12 345 – «»"])
def test_language_unknown_without_marker_words(text: str) -> None:
    assert guess_language(text) is None


def test_language_tie_goes_to_bokmal() -> None:
    assert guess_language("ikke") == "nb"  # a marker of nb and da alike
