"""A small guesser for Norwegian Bokmål, Nynorsk, Danish and Swedish by function-word frequencies.

Each language has marker words that are frequent in it and rare in the other three
(nn "ikkje", da "af", sv "inte", nb "ikke"…). Words the languages share ("og", "i", "på")
carry no weight. The language with the most marker tokens wins; ties go to nb, the corpus'
main language; no marker at all gives None.
"""
from __future__ import annotations

import re

LANGUAGES = ("nb", "nn", "da", "sv")

_MARKERS: dict[str, frozenset[str]] = {
    "nb": frozenset(
        "ikke jeg hva fra hvordan hvorfor hvem hun noe noen mye bare også mer mellom etter ble blir "
        "gjennom nå disse være vært flere mens sammen hele uten seg meg deg opp ut kommunene dere".split()
    ),
    "nn": frozenset(
        "ikkje eg kva frå korleis kvifor kven ho noko nokon mykje berre òg meir vart vore vere dei "
        "ein eit fleire medan saman heile utan seg meg deg opp ut kommunane dykk desse då no hjå "
        "sjølv sjå gjere".split()
    ),
    "da": frozenset(
        "ikke jeg hvad fra hvordan hvorfor hvem hun noget nogen meget også mere mellem efter blev "
        "bliver gennem nu disse være været flere mens sammen hele uden sig mig dig op ud af "
        "kommunerne jer".split()
    ),
    "sv": frozenset(
        "inte och är att från jag vad hur varför vem hon något några mycket bara också mer mellan "
        "efter blev blir genom nu dessa vara varit flera medan tillsammans hela utan sig mig dig "
        "upp ut av kommunerna ni till för".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20000


def guess_language(text: str) -> str | None:
    """``"nb"``, ``"nn"``, ``"da"`` or ``"sv"`` for a text, or None when it has no marker words.

    Only the first 20,000 characters are read. A word counts for every language it marks,
    so shared words cancel out and only the distinctive ones decide.
    """
    scores = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD.findall(text[:_SAMPLE_CHARS].lower()):
        for lang in LANGUAGES:
            if word in _MARKERS[lang]:
                scores[lang] += 1
    best = max(LANGUAGES, key=lambda lang: scores[lang])  # first of a tie: nb
    return best if scores[best] > 0 else None
