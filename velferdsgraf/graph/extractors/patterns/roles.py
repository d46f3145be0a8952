"""Title spans ("statssekretær", "kommunalsjef for helse og omsorg", "NAV-leder")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import is_title_prefix, is_title_word
from .text import Token

# Adjectives that qualify a title before it ("kulturpolitisk talsperson", "administrativ chef").
_ADJECTIVE = re.compile(r"^[a-zæøåäö]{4,}(?:isk|iske|iv|ive|ell|elle|al|ale)$")
_QUALIFIER_STOP = frozenset(
    """og eller som er var har hadde vil skal kan i på fra frå til med av om for ved hos men
    at det den de seg sin sitt sine hun han ho dei der da nå også òg ikke ikkje mer meir mest
    blant annet sa sier""".split()
)


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase in the text and its label in the text's own words."""

    start: int
    end: int
    label: str


def _label(text: str) -> str:
    words = text.split()
    first = words[0]
    if first[:1].isupper() and first[1:2].islower():
        words[0] = first[0].lower() + first[1:]
    return " ".join(words)


def find_titles(text: str, tokens: list[Token]) -> list[Title]:
    """Every title phrase, with its qualifiers ("for velferd", "oppvekst barnehage")."""
    titles: list[Title] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_word:
            i += 1
            continue
        start_i = i
        if i + 1 < len(tokens) and is_title_word(tokens[i + 1].text) and (
                is_title_prefix(tok.lower) or (_ADJECTIVE.search(tok.lower) and tok.text[:1].islower())):
            i += 1  # "daglig leder", "Tidligere rådmann", "kulturpolitisk talsperson", "administrativ chef"
        elif is_title_prefix(tok.lower + ".") and i + 2 < len(tokens) and tokens[i + 1].text == "." \
                and is_title_word(tokens[i + 2].text):
            i += 2  # "adm. direktør", "kst. kommunalsjef"
        definite = _definite_title(tokens, i)
        if definite:
            titles.append(Title(tokens[i].start, tokens[i].end, definite))
            i += 1
            continue
        if _coordinated_title(text, tokens, i):
            titles.append(Title(tokens[i].start, tokens[i].end, tokens[i].text))
            i += 1
            continue
        if not is_title_word(tokens[i].text) or is_title_prefix(tokens[i].lower):
            i = start_i + 1
            continue
        end_i = i + 1
        # "kommunaldirektør for velferd", "professor i intellektuell kapital"
        if end_i + 1 < len(tokens) and tokens[end_i].lower in {"for", "i"} and tokens[end_i + 1].text.islower() \
                and tokens[end_i + 1].lower not in _QUALIFIER_STOP:
            k = end_i + 1
            while k < len(tokens) and k < end_i + 6 and (
                (tokens[k].text.islower() and tokens[k].lower not in _QUALIFIER_STOP - {"og"})
                or (tokens[k].lower == "og" and k + 1 < len(tokens) and tokens[k + 1].text.islower()
                    and not is_title_word(tokens[k + 1].text))
            ):
                k += 1
            if tokens[k - 1].lower != "og":
                end_i = k
        else:
            # Byline qualifiers: "seksjonsleder skole," "kommunalsjef oppvekst barnehage,"
            k = end_i
            while k < len(tokens) and k < end_i + 4 and tokens[k].text.islower() and tokens[k].is_word \
                    and tokens[k].lower not in _QUALIFIER_STOP and not is_title_word(tokens[k].text):
                k += 1
            if k > end_i and _ends_clause(text, tokens, k):
                end_i = k
        start, end = tokens[start_i].start, tokens[end_i - 1].end
        titles.append(Title(start, end, _label(text[start:end])))
        i = end_i
    return titles


def _definite_title(tokens: list[Token], i: int) -> str | None:
    """ "fremtidsforskeren Anne …": a title in the definite form right before a name."""
    word = tokens[i].text
    if i + 1 >= len(tokens) or not tokens[i + 1].is_cap or not word[1:].islower():
        return None
    word = word[0].lower() + word[1:]  # "Kommunalrådet Anna Svensson" at the start of a sentence
    for ending in ("en", "et", "n"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 3 and is_title_word(stem):
            return stem
    return None


def _coordinated_title(text: str, tokens: list[Token], i: int) -> bool:
    """An unknown word after a comma, coordinated with a title: ", innovasjonsarkitekt og rådgiver"."""
    tok = tokens[i]
    if not (tok.text.islower() and tok.is_word and len(tok.text) > 5) or i < 1 or tokens[i - 1].text != ",":
        return False
    if i + 2 >= len(tokens) or tokens[i + 1].lower != "og":
        return False
    return is_title_word(tokens[i + 2].text) and not is_title_word(tok.text) and tok.lower not in _QUALIFIER_STOP


def _ends_clause(text: str, tokens: list[Token], k: int) -> bool:
    """A byline qualifier must be followed by a comma, a line end or "og <Name>"."""
    if k >= len(tokens):
        return True
    nxt = tokens[k]
    if "\n" in text[tokens[k - 1].end:nxt.start]:
        return True
    if nxt.text in {",", ";", ")"}:
        return True
    return nxt.lower == "og" and k + 1 < len(tokens) and tokens[k + 1].is_cap


def label_key(label: str) -> str:
    """Case-insensitive comparison key of a role label."""
    return re.sub(r"\s+", " ", label).casefold()


_PREPOSITION_BEFORE = re.compile(r"\s+(?:i|ved|hos|for|på|til|av|in|vid|at)\s+$", re.I)


def cut_before_mentions(text: str, title: "Title", mentions: "list") -> "Title":
    """A title's qualifier stops where a named organisation or place begins: "jurist i
    helsedirektoratet" is the title "jurist" in the organisation, not a longer title."""
    inside = [m.start for m in mentions if title.start < m.start < title.end and m.type.value != "Person"]
    if not inside:
        return title
    before = _PREPOSITION_BEFORE.search(text, title.start, min(inside))
    end = before.start() if before else min(inside)
    end = title.start + len(text[title.start:end].rstrip(" ,"))
    if end <= title.start:
        return title
    return Title(title.start, end, _label(text[title.start:end]))
