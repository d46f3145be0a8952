"""Text normalisation applied before a Document exists, so that every offset indexes the final text.

What changes: Unicode NFC; CRLF, CR, NEL, LS, PS, VT, FF become LF; no-break and other
typographic spaces become a plain space; zero-width characters, soft hyphens, bidi marks,
other control characters and lone surrogates are removed; the PDF ligatures ﬁ ﬂ ﬀ ﬃ ﬄ are
spelt out; trailing spaces on each line, runs of more than one blank line and leading or
trailing blank space are dropped. What stays: æøå, « », – and —, quotes, tabs, indentation.
The function is idempotent: ``normalise(normalise(t)) == normalise(t)``.
"""
from __future__ import annotations

import re
import unicodedata

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_NEWLINES = "\u000b\u000c\u0085\u2028"
_INVISIBLE = (
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_CONTROLS = [c for c in range(0x20) if chr(c) not in "\t\n\r\v\f"] + [0x7F] + [
    c for c in range(0x80, 0xA0) if c != 0x85
]
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}

_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): "\n" for c in _NEWLINES})
_TABLE[0x2029] = "\n\n"  # paragraph separator
_TABLE.update({ord(c): None for c in _INVISIBLE})
_TABLE.update({c: None for c in _CONTROLS})
_TABLE.update({ord(k): v for k, v in _LIGATURES.items()})

_SURROGATES = re.compile("[\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The canonical form of a report's text (see the module docstring for every rule)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATES.sub("", text.translate(_TABLE))
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return unicodedata.normalize("NFC", text.strip())


def normalise_line(text: str | None) -> str | None:
    """A title or other one-line value: normalised, whitespace collapsed; None when empty."""
    if text is None:
        return None
    line = _WHITESPACE.sub(" ", normalise(text)).strip()
    return line or None
