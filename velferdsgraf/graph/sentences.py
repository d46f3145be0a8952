"""Split report text into sentence spans, aware of Norwegian abbreviations and initials."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# Lower-cased tokens that end with a dot without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    bl.a f.eks f.v f.h t.v t.h ca dvs mv m.v mfl m.fl osv etc jf jfr nr kl pkt tlf inkl
    ekskl evt hhv iflg ifølge mht pga vha vs dr prof ass adm avd dir st sr jr fhv
    ref red sek mill mrd kr jan feb mar apr aug sep sept okt nov des
    """.split()
)

# A "sentence" longer than this (a text without full stops) is cut at a space: evidence quotes
# it, and everything named in one sentence is taken to work together, which on a page-long
# run-on line would pair everyone with everyone.
MAX_SENTENCE = 1000

_BOUNDARY = re.compile(r"[.!?…]+[»”\"')\]]*\s+|\n\s*")


def _word_before(text: str, dot: int) -> str:
    """The run of non-space characters that ends at ``dot`` (or just before a line break there).

    A backward scan from ``dot``: each full stop costs the length of its own word, so a report's
    sentences are split in linear time (a regex search from offset 0 would rescan the text).
    """
    end = dot - 1 if dot > 0 and text[dot - 1] == "\n" else dot
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or an initial, not a sentence."""
    word = _word_before(text, dot)
    if not word:
        return False
    word = word.lstrip("(«\"'")
    if len(word) == 1 and word.isalpha():  # initials: "Reidar H. Christensen"
        return True
    if word.isdigit() and len(word) <= 2:  # ordinals/dates: "27. februar"
        return True
    return word.casefold() in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of ``text``; every line break ends one.

    Spans are stripped of surrounding white space, never empty, and at most MAX_SENTENCE long.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        mark = match.group(0)
        if mark[0] == "." and "\n" not in mark and _is_abbreviation(text, match.start()):
            continue
        if mark[0] in ".!?…" and "\n" not in mark:
            following = text[match.end() : match.end() + 1]
            if following and following.islower():
                continue
        _append(text, start, match.end(), spans)
        start = match.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while end - start > MAX_SENTENCE:  # no full stop for pages: cut at a space
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut >= 0 else start + MAX_SENTENCE
        _append_one(text, start, cut, spans)
        start = cut
    _append_one(text, start, end, spans)


def _append_one(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceIndex:
    """Find the sentence that contains a character offset, in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: Sequence[tuple[int, int]] = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def containing(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The span of the sentence holding ``start`` (extended to ``end`` if it spills over)."""
        i = bisect_right(self._starts, start) - 1
        if i < 0:
            return (start, end if end is not None else start)
        s, e = self.spans[i]
        if end is not None and end > e:
            j = bisect_right(self._starts, end - 1) - 1
            e = max(e, self.spans[j][1])
        return (s, e)
