"""Person names: capitalised runs anchored by a known first name or by a title/role context."""
from __future__ import annotations

import re

from ....input.document import Document
from ...types import EntityType, Mention
from .lexicon import STOPWORDS, first_names, is_title_word
from .organisations import has_org_suffix
from .text import Token

SOURCE = "patterns"
_PARTICLES = frozenset({"van", "von", "de", "af", "da", "di", "del", "bin", "ibn", "el", "al"})
_SPEECH = frozenset({"sier", "sa", "seier", "forteller", "fortalte", "mener", "meiner", "ifølge",
                     "ifølgje", "av", "innledet", "understreker", "påpeker", "legger", "skriver"})


def _name_token(tok: Token) -> bool:
    if not tok.is_cap or tok.text in STOPWORDS or is_title_word(tok.text) or has_org_suffix(tok.text):
        return False
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # acronyms are organisations
    return all(part[:1].isupper() for part in tok.text.split("-") if part)


def _run(tokens: list[Token], i: int, text: str) -> int:
    """One past the last token of the name starting at ``i`` (two to five parts)."""
    j, parts = i + 1, 1
    while j < len(tokens) and parts < 5:
        tok, prev = tokens[j], tokens[j - 1]
        if text[prev.end:tok.start] not in (" ", ""):
            # "Reidar H. Christensen": an initial and its dot.
            if not (prev.text == "." and len(tokens[j - 2].text) == 1 and text[prev.end:tok.start] == " "):
                break
        if tok.text == "." and len(prev.text) == 1 and prev.text.isupper():
            j += 1
            continue
        if len(tok.text) == 1 and tok.text.isupper() and j + 1 < len(tokens) and tokens[j + 1].text == ".":
            j += 1
            continue
        if tok.text in _PARTICLES and j + 1 < len(tokens) and _name_token(tokens[j + 1]):
            j += 1
            continue
        if _name_token(tok) and tok.start - prev.end <= 1:
            j += 1
            parts += 1
            continue
        break
    while j > i + 1 and tokens[j - 1].text == ".":
        j -= 1
    return j


def _in_known(start: int, end: int, known: list[Mention]) -> bool:
    return any(k.start <= start and end <= k.end for k in known if k.type is not EntityType.PERSON)


def find_persons(doc: Document, tokens: list[Token], known: list[Mention]) -> list[Mention]:
    """Full names (two or more parts) with the evidence that they are persons."""
    text, names = doc.text, first_names()
    found: list[Mention] = []
    pending: list[tuple[int, int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not _name_token(tok):
            i += 1
            continue
        j = _run(tokens, i, text)
        words = [t for t in tokens[i:j] if t.text != "."]
        if len(words) < 2:
            i = j
            continue
        start, end = tok.start, tokens[j - 1].end
        if _in_known(start, end, known) or any(_in_known(w.start, w.end, known) for w in words[:1]):
            i = j
            continue
        before = tokens[i - 1] if i > 0 else None
        after_text = text[end:end + 40]
        anchored = (
            words[0].text.split("-")[0] in names
            or (before is not None and (is_title_word(before.text) or before.lower in _SPEECH or before.text in "–—-"))
            or _title_follows(text, end)
            or bool(re.match(r"^\s+(?:fra|frå)\s+[A-ZÆØÅ]", after_text))
            # "doktorgradsstipendiat i offentleg sektor, Tuva Helland Nes"
            or (before is not None and before.text == "," and any(is_title_word(t.text) for t in tokens[max(0, i - 7):i - 1]))
        )
        if not anchored:
            # "i Lier Morten Åsland": the name starts at the first name inside the run.
            inner = next((k for k in range(i + 1, j - 1) if tokens[k].text in names and tokens[k + 1].is_cap), None)
            if inner is not None:
                i = inner
                continue
        if re.match(r"^\s+(?:gate|gata|vei|veg|veien|vegen|plass|allé|alle|torg|bru|brygge)\b", after_text):
            anchored = False  # "Thorvald Meyers gate" is a street
        if anchored:
            name = text[start:end]
            # Genitive of a -sen surname before a noun: "Anne Skare Nielsens konferansen".
            nxt = tokens[j] if j < len(tokens) else None
            if name.endswith("sens") and nxt is not None and nxt.text.islower():
                name = name[:-1]
            found.append(Mention(doc.id, start, end, EntityType.PERSON, text[start:end],
                                 " ".join(name.split()), SOURCE))
        else:
            pending.append((start, end, j))
        i = j
    # "Petra Holmgren og Abdi Warsame fra Velferdsetaten": coordinated with a known person.
    starts = {m.start for m in found}
    for start, end, j in pending:
        if re.match(r"^\s+og\s+$", text[end:end + 5]) and end + 4 in starts or \
                any(re.fullmatch(r"\s+og\s+", text[m.end:start]) for m in found):
            found.append(Mention(doc.id, start, end, EntityType.PERSON, text[start:end],
                                 " ".join(text[start:end].split()), SOURCE))
    return sorted(found, key=lambda m: m.start)


def _title_follows(text: str, end: int) -> bool:
    m = re.match(r"^[ \t]*(?:,|\()?\s*(?:som\s+er\s+)?([\wæøåÆØÅ-]+)", text[end:end + 60])
    return bool(m and is_title_word(m.group(1)))


def find_short_names(doc: Document, tokens: list[Token], persons: list[Mention],
                     known: list[Mention]) -> list[Mention]:
    """Lone surnames or first names ("Chaffey", "Silvija") of full names in the same text."""
    parts: set[str] = set()
    for p in persons:
        words = p.name.split()
        parts.update({words[0], words[-1]})
    taken = [(m.start, m.end) for m in persons + known]
    found = []
    for tok in tokens:
        base = tok.text[:-1] if tok.text.endswith("s") and tok.text[:-1] in parts else tok.text
        if base in parts and tok.is_cap and not any(s <= tok.start < e for s, e in taken):
            found.append(Mention(doc.id, tok.start, tok.end, EntityType.PERSON, tok.text, base, SOURCE))
    return found
