"""Named events without quotes: compound event nouns, owned events and the page's headline.

Conventions (SCHEME.md): a capitalised compound event noun is a name ("Velferdskonferansen 2025",
"Frivillighetsuka"), and the title of an event programme names the event. Every word list comes
from the document's language profile (profiles.py), so Danish "-konferencen" and Swedish
"-konferensen" need no rule of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ....input.document import Document
from ...types import EntityType, Mention
from .profiles import LanguageProfile, profile

SOURCE = "patterns"
_UPPER = "A-ZÆØÅÄÖÜ"
_LOWER = "a-zæøåäöüé"
_CAPITALISED = re.compile(rf"(?<![\w-])[{_UPPER}][{_LOWER}{_UPPER}-]*[{_LOWER}]")
_YEAR = re.compile(r"[ \t]+((?:19|20)\d\d)\b(?![.,]\d)")
# Words ending like an event noun that are not events ("konkurs" is a bankruptcy).
_NOT_EVENTS = frozenset({"konkurs", "diskurs", "ekskurs", "innsamling", "innsamlingen", "innsamlinga",
                         "oppsamling", "forsamlingshus",
                         # assemblies that are organisations, not events
                         "storting", "stortinget", "sameting", "sametinget", "fylkesting", "fylkestinget",
                         "lagting", "lagtinget", "odelsting", "odelstinget", "folketing", "folketinget"})
_TIME_LINE = re.compile(r"^\s*(?:kl\.?\s*)?\d{1,2}(?:[.:]\s?\d{2})(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\b", re.I | re.M)
_MONTHS = (r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
           r"january|march|may|june|july|october|december|januari|februari|maj|augusti|marts|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des|dec)\.?")
_TRAILING_DATE = re.compile(
    r"(?:[\s,–-]+(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|måndag|tysdag|onsdag|torsdag|fredag|laurdag|sundag)?\s*"
    r"\d{1,2}\.?(?:\s*(?:[-–]|og|och)\s*\d{1,2}\.?)?\s*(?:" + _MONTHS + r"|\d{1,2}\.)(?:\s*\d{2,4})?)\s*$", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÆØÅÄÖ]")  # a line holding two sentences is no title
_CAPTION = re.compile(r"\b(?:Foto|Fotograf|Photo|Bilde|Bild|Illustrasjon|Illustration)\s*:", re.I)
_LABEL_LINE = re.compile(rf"^\s*([{_UPPER}{_LOWER}]+)\s*:\s*\S")


def compound_event_word(word: str, prof: LanguageProfile, heads: tuple[str, ...] | None = None) -> bool:
    """Is ``word`` a compound ending in an event noun, with a modifier of its own?

    "Velferdskonferansen" and "Landsmøte" are; "Konferansen" and "Møtet" (the head alone, a
    generic reference) are not. ``heads`` replaces the profile's event heads.
    """
    lower = word.lower()
    if lower in _NOT_EVENTS:
        return False
    shortest = min((h for h in (heads or prof.event_heads) if lower.endswith(h)), key=len, default=None)
    if shortest is None:
        return False
    modifier = lower[: -len(shortest)].rstrip("-")
    return len(modifier) >= 3


def compound_events(doc: Document) -> list[Mention]:
    """Capitalised compound event nouns, with a year right after them: "Innovasjonsseminar 2023"."""
    prof = profile(doc.lang)
    text = doc.text
    found = []
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        year = _YEAR.match(text, m.end())
        named = compound_event_word(word, prof) or (year is not None and compound_event_word(
            word, prof, prof.event_heads_with_year))
        if not named or _after_capitalised(text, m.start()):
            continue
        end = year.end(1) if year else m.end()
        found.append(Mention(doc.id, m.start(), end, EntityType.EVENT, text[m.start():end], text[m.start():end],
                             SOURCE, rule="event.compound"))
    return found


_PREVIOUS_WORD = re.compile(rf"([{_UPPER}][\w-]*)[ \t]+$")


def _after_capitalised(text: str, start: int) -> bool:
    """Does a first name stand right before ``start`` ("Thomas Jesting" is a surname)?"""
    from .lexicon import first_names

    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) in first_names()


@lru_cache(maxsize=16)
def _owned_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    head = "(?:" + "|".join(re.escape(h) for h in heads) + ")"
    owner = rf"[{_UPPER}][\w’'-]*"
    return re.compile(
        rf"(?<![\w-])((?:{owner}[ \t]+){{0,3}}{owner}(?:s|’|')[ \t]+(?:{owner}[ \t]+)?[{_LOWER}]*{head}"
        rf"|{owner}[ \t]+(?:sitt|sin|sine|si)[ \t]+[{_LOWER}]*{head})(?![\w-])"
    )


def owned_events(doc: Document) -> list[Mention]:
    """An organisation's own event, named with its genitive: "Fylkesforbundets ledersamling",
    "Regionförbundet Xs ledningskonferens", nynorsk "LNK sitt landsting"."""
    prof = profile(doc.lang)
    text = doc.text
    found = []
    for m in _owned_pattern(prof.event_heads).finditer(text):
        s, e = m.span(1)
        if not compound_event_word(text[s:e].split()[-1], prof):
            continue  # "Xs konferansen": a generic reference, not a name
        found.append(Mention(doc.id, s, e, EntityType.EVENT, text[s:e], text[s:e], SOURCE, rule="event.owned"))
    return found


@dataclass(frozen=True)
class Headline:
    """The page's title line: its span in the text."""

    start: int
    end: int


def headlines(doc: Document, limit: int = 4) -> list[Headline]:
    """The short title-like lines that open a page: up to ``limit`` non-empty lines without a
    closing full stop, skipping "Sted: Digitalt"-style label lines; a sentence ends the run."""
    prof = profile(doc.lang)
    text = doc.text
    found: list[Headline] = []
    pos, seen = 0, 0
    while pos <= len(text) and seen < limit:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        stripped = line.strip()
        if stripped:
            seen += 1
            label = _LABEL_LINE.match(line)
            caption = _CAPTION.search(stripped)
            if not (label and label.group(1).lower() in prof.programme_labels) and not caption:
                if len(stripped.split()) > 14 or stripped.endswith((".", "!")) or _SENTENCE_BREAK.search(stripped):
                    break
                start = pos + len(line) - len(line.lstrip())
                found.append(Headline(start, start + len(stripped)))
        pos = end + 1
    return found


def is_programme(doc: Document) -> bool:
    """Does the page read as an event programme: several lines that open with a clock time, or
    programme labels ("Sted:", "Program")?"""
    prof = profile(doc.lang)
    if len(_TIME_LINE.findall(doc.text)) >= 2:
        return True
    labels = 0
    for line in doc.text.splitlines()[:12]:
        label = _LABEL_LINE.match(line)
        if (label and label.group(1).lower() in prof.programme_labels) or line.strip().lower() in {"program", "programme"}:
            labels += 1
    return labels >= 1 and bool(_TIME_LINE.search(doc.text) or labels >= 2)


def headline_event(doc: Document) -> Mention | None:
    """The event a page's title names: "Program for ordførarsamling i X", "Offisiell åpning av
    NAV X", "Möte med X"; on a programme page, the title itself."""
    for i, line in enumerate(headlines(doc)):
        # The first line may name the event by being a programme's title; later ones (under a
        # photo caption, say) only by an event noun.
        event = _line_event(doc, line, allow_programme=i == 0)
        if event is not None:
            return event
    return None


def _line_event(doc: Document, line: Headline, allow_programme: bool) -> Mention | None:
    prof = profile(doc.lang)
    text = doc.text
    start, end = line.start, line.end
    lowered = text[start:end].lower()
    for prefix in prof.headline_prefixes:
        if lowered.startswith(prefix + " ") or (prefix.endswith(":") and lowered.startswith(prefix)):
            start += len(prefix)
            while start < end and text[start] in " :\t":
                start += 1
            break
    date = _TRAILING_DATE.search(text, start, end)
    if date and date.start() > start:
        end = date.start()
    name = text[start:end].strip(" -–—:,")
    end = start + len(name)
    words = re.findall(r"[\wæøåÆØÅäöÄÖ’'-]+", name)
    if not (1 <= len(words) <= 12) or any(w.lower() in prof.clause_verbs for w in words):
        return None
    opening = " ".join(words[:2]).lower()
    first_two = words[:2]
    names_event = any(opening.startswith(h) or any(w.lower() == h for w in first_two)
                      for h in prof.headline_event_heads) \
        or any(compound_event_word(w, prof) for w in first_two)
    if not names_event and not (allow_programme and is_programme(doc) and len(words) >= 2):
        return None
    return Mention(doc.id, start, end, EntityType.EVENT, name, name, SOURCE, rule="event.headline")
