"""Name normalisation and readable IRI slugs, shared by resolution and building."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa", "ß": "ss"})
_QUOTES = str.maketrans("", "", "«»\"'“”‘’„")
_DASHES = str.maketrans({"–": "-", "—": "-", "\u2011": "-", "\u00ad": None})
_SPACE = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A comparison key: NFC, casefolded, quotes dropped, dashes and spaces unified."""
    text = unicodedata.normalize("NFC", name).replace("\u00a0", " ")
    text = text.translate(_DASHES).translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip(" .,:;").casefold()
    return text


def ascii_fold(text: str) -> str:
    """Norwegian-aware ASCII folding: æ->ae, ø->o, å->aa, accents dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def slug(text: str, max_length: int = 80) -> str:
    """A readable IRI path segment: "Bærum kommune" -> "baerum-kommune"."""
    folded = _NON_SLUG.sub("-", ascii_fold(text).lower()).strip("-")
    if len(folded) > max_length:
        folded = folded[:max_length].rstrip("-")
    return folded or "x"


def content_hash(*parts: str, length: int = 16) -> str:
    """The first ``length`` hex digits of the SHA-1 of the parts joined by '|'."""
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:length]


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps cost 1), stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
