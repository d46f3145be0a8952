"""Tokens with offsets and small scanners over them, shared by the pattern rules."""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.]*[\w])?-?(?:[\w'’]+)*-?|\d+(?:[.,:]\d+)*|\S", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]")
# A lower-case letter after four of them, then a capital and three lower-case letters: two words
# run together ("bildeDaglig"), not a brand written in camel case ("LinkedIn", "McKinsey").
_GLUED = re.compile(r"(?<=[a-zæøåäö]{4})[a-zæøåäö](?=[A-ZÆØÅÄÖ][a-zæøåäö]{3})")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark; ``start``/``end`` index the document text."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """Starts with a letter."""
        return bool(_WORD.match(self.text))

    @property
    def is_cap(self) -> bool:
        """Starts with an upper-case letter ("Bærum", "NAV", "Kommunal-")."""
        return self.is_word and self.text[0].isupper()

    @property
    def lower(self) -> str:
        """The token in lower case."""
        return self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets.

    Dots stay attached only inside abbreviations such as "F.v." or "bl.a."; a
    final dot is split off so "Bufdir." gives "Bufdir" and ".".
    """
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word, s = m.group(0), m.start()
        glued = _GLUED.search(word)
        if glued:  # "bildeDaglig", "OrdstyrerKari": a label glued to the next word by lost layout
            tokens.append(Token(word[:glued.start() + 1], s, s + glued.start() + 1))
            word, s = word[glued.start() + 1:], s + glued.start() + 1
        if len(word) > 1 and word.endswith(".") and word.count(".") == 1:
            tokens.append(Token(word[:-1], s, m.end() - 1))
            tokens.append(Token(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token(word, s, m.end()))
    return tokens


def gap(text: str, left: int, right: int) -> str:
    """The text between two offsets, white space collapsed ("" when adjacent)."""
    return " ".join(text[left:right].split()) if right > left else ""


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """The start and end of the line holding ``offset``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)
