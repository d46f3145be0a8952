"""Language profiles: the words the rules read, per language (nb, nn, da, sv), as data files.

Each profile lives in ``velferdsgraf/graph/data/profiles/<lang>.json``. A document's profile is
its own language's lists merged with those of the languages its texts borrow from (a bokmål page
quoting a nynorsk title, a Danish page with Norwegian names), so a misjudged language costs little.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

LANGUAGES = ("nb", "nn", "da", "sv")
# Whose words a document of each language also reads; None (unknown) reads them all.
_RELATED = {"nb": ("nn", "da"), "nn": ("nb",), "da": ("nb",), "sv": ("da",)}
_FIELDS = ("event_heads", "event_heads_with_year", "initiative_heads", "headline_event_heads", "headline_prefixes", "programme_labels", "clause_verbs")
_TITLE_FIELDS = ("titles", "title_heads", "title_prefixes")


@lru_cache(maxsize=1)
def organisation_heads() -> frozenset[str]:
    """First words of multi-word organisation names in every profile ("Danske", "Sveriges")."""
    return frozenset(w for lang in LANGUAGES for w in _raw(lang).get("org_heads", []))


@lru_cache(maxsize=1)
def organisation_suffixes() -> tuple[str, ...]:
    """Endings of one-word organisation names in every profile ("Regionförbundet", "Sygehuset")."""
    return tuple(sorted({w.lower() for lang in LANGUAGES for w in _raw(lang).get("org_suffixes", [])}))


@dataclass(frozen=True)
class LanguageProfile:
    """The word lists of one language (merged with its related languages), lower case."""

    language: str
    event_heads: tuple[str, ...]
    event_heads_with_year: tuple[str, ...]  # name an event only with a year after them ("X-dagen 2026")
    initiative_heads: tuple[str, ...]
    headline_event_heads: tuple[str, ...]
    headline_prefixes: tuple[str, ...]
    programme_labels: frozenset[str]
    clause_verbs: frozenset[str]


@lru_cache(maxsize=None)
def _raw(language: str) -> dict[str, list[str]]:
    text = files("velferdsgraf.graph").joinpath(f"data/profiles/{language}.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def profile(language: str | None) -> LanguageProfile:
    """The profile for a document language (``"nb"``, ``"nn"``, ``"da"``, ``"sv"`` or None)."""
    own = language if language in LANGUAGES else None
    order = (own, *_RELATED[own]) if own else LANGUAGES
    merged: dict[str, list[str]] = {f: [] for f in _FIELDS}
    for lang in order:
        for f in _FIELDS:
            merged[f].extend(w for w in _raw(lang)[f] if w not in merged[f])
    # Longest first, so "offisiell åpning" wins over "åpning" and "stormøte" over "møte".
    by_length = {f: tuple(sorted(merged[f], key=lambda w: (-len(w), w))) for f in _FIELDS}
    return LanguageProfile(
        language=own or "any",
        event_heads=by_length["event_heads"],
        event_heads_with_year=by_length["event_heads_with_year"],
        initiative_heads=by_length["initiative_heads"],
        headline_event_heads=by_length["headline_event_heads"],
        headline_prefixes=by_length["headline_prefixes"],
        programme_labels=frozenset(merged["programme_labels"]),
        clause_verbs=frozenset(merged["clause_verbs"]),
    )


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """Titles, compound title heads and title prefixes of every profile, lower case.

    Titles are read in every language at once: a bokmål page lists Swedish guests with their
    own titles ("ordförande", "VD"), and a title word is rarely anything else.
    """
    merged: dict[str, set[str]] = {f: set() for f in _TITLE_FIELDS}
    for lang in LANGUAGES:
        for f in _TITLE_FIELDS:
            merged[f].update(w.lower() for w in _raw(lang).get(f, []))
    return (frozenset(merged["titles"]), tuple(sorted(merged["title_heads"], key=lambda w: (-len(w), w))),
            frozenset(merged["title_prefixes"]))


def parties(language: str | None) -> dict[str, str]:
    """Party abbreviations written after a politician's name ("(Ap)") and the party each names,
    for the document's language (a Swedish "(S)" is not the Danish one)."""
    own = language if language in LANGUAGES else "nb"
    merged: dict[str, str] = {}
    for lang in (own, *_RELATED[own]):
        for abbreviation, name in _raw(lang).get("parties", {}).items():
            merged.setdefault(abbreviation, name)
    return merged


@lru_cache(maxsize=None)
def all_heads(field: str) -> tuple[str, ...]:
    """One list of every profile, as regular-expression-safe words: a cue noun before a quoted
    name types it in any language ("partnerskabet «…»", "nätverket «…»")."""
    import re

    words = {w.lower() for lang in LANGUAGES for w in _raw(lang).get(field, [])}
    return tuple(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
