"""Person names: which mentions of one report are one person, and safe misspelling matches across reports.

Both levels merge a misspelt full name into another only when exactly one name part differs,
by a single edit (two for parts of six letters or more, as "Siljvia"/"Silvija"), with the same
first letter, and the two parts are not both known first names ("Kristin"/"Kristian" are two
people). Merges never chain: a name that absorbed another is never absorbed itself.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files

from .names import edit_distance, name_key
from .types import Mention

__all__ = ["cross_report_spellings", "link_persons", "one_part_misspelling", "tokens"]

Forbidden = Callable[[str, str], bool]


def tokens(name: str) -> list[str]:
    """The comparison parts of a name: normalised words, a hyphen a part of its own."""
    return name_key(name).replace("-", " - ").split()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    root = files("velferdsgraf.graph").joinpath("data")
    names: set[str] = set()
    for file in ("first_names.txt", "first_names_nordic.txt"):
        for line in root.joinpath(file).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                names.update(word.casefold() for word in line.split())
    return frozenset(names)


@lru_cache(maxsize=1 << 16)  # the same two parts meet again with every shared first name
def _similar_part(a: str, b: str) -> bool:
    """One name part is a misspelling of the other (one edit; two for long parts)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    if a in _first_names() and b in _first_names():
        return False
    return edit_distance(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1)


def one_part_misspelling(name: str, target: str) -> bool:
    """Whether ``name`` and ``target`` differ in exactly one part, and that part is misspelt."""
    return _one_part_misspelt(tokens(name), tokens(target))


def _one_part_misspelt(parts: Sequence[str], other: Sequence[str]) -> bool:
    """one_part_misspelling on the names' parts (:func:`tokens`)."""
    if len(parts) != len(other) or len(parts) < 2:
        return False
    differing = [(p, o) for p, o in zip(parts, other) if p != o]
    return len(differing) == 1 and _similar_part(*differing[0])


class _NameIndex:
    """Full names looked up by their parts, so that linking compares each name with the few
    that can match it rather than with every other name (names in a long report run to
    thousands). Lists keep the order of ``names``."""

    def __init__(self, names: Sequence[str]) -> None:
        self.rank = {name: i for i, name in enumerate(names)}
        self.tokens = {name: tuple(tokens(name)) for name in names}
        self.ending_with: dict[tuple[str, ...], list[str]] = {}  # proper suffix of the parts -> names
        self.containing: dict[str, list[str]] = {}  # one part -> names that have it
        self._masked: dict[tuple[int, tuple[str | None, ...]], list[str]] = {}  # one part cut to its initial
        for name in names:
            parts = self.tokens[name]
            for k in range(1, len(parts)):
                self.ending_with.setdefault(parts[-k:], []).append(name)
            for part in dict.fromkeys(parts):
                self.containing.setdefault(part, []).append(name)
            for key in self._masks(parts):
                self._masked.setdefault(key, []).append(name)

    @staticmethod
    def _masks(parts: tuple[str, ...]) -> list[tuple[int, tuple[str | None, ...]]]:
        # A misspelt part keeps its first letter (_similar_part), so it stays in the key.
        return [(i, parts[:i] + (parts[i][:1],) + parts[i + 1:]) for i in range(len(parts))]

    def misspelt(self, name: str, target: str) -> bool:
        """:func:`one_part_misspelling` of two indexed names."""
        return _one_part_misspelt(self.tokens[name], self.tokens[target])

    def one_part_apart(self, name: str) -> list[str]:
        """Names with the same number of parts that share all but at most one with ``name``, and
        its first letter, in the order of the index (a superset of those one_part_misspelling accepts)."""
        found = {n for key in self._masks(self.tokens[name]) for n in self._masked.get(key, ())}
        return sorted(found, key=self.rank.__getitem__)


def link_persons(
    mentions: Sequence[Mention], merges: list[tuple[Mention, str]], forbidden: Forbidden | None = None
) -> dict[Mention, str | None]:
    """Map each person mention of one document to the full name it refers to.

    Full names (two or more parts) stand for themselves; a misspelt full name that
    differs from a more frequent one in a single part joins it; a lone first name or
    surname joins the one full name that contains it. Unattached lone names map to None.
    ``forbidden(a, b)`` vetoes a merge of two names (a user's alias file).
    """
    forbidden = forbidden or (lambda a, b: False)
    counts = Counter(m.name for m in mentions)
    full = sorted({m.name for m in mentions if len(tokens(m.name)) >= 2},
                  key=lambda n: (-counts[n], -len(n), n))
    index = _NameIndex(full)
    canonical: dict[str, str] = {}
    for name in full:
        # "Mørch Haugen" after "Ingvild Mørch Haugen": a double surname used alone.
        parts = index.tokens[name]
        longer = index.ending_with.get(parts, [])
        if len(longer) == 1 and parts[0] not in _first_names() and not forbidden(name, longer[0]):
            canonical[name] = longer[0]
            continue
        for target in index.one_part_apart(name):
            if index.rank[target] >= index.rank[name]:
                break
            if target not in canonical and index.misspelt(name, target) and not forbidden(name, target):
                canonical[name] = target
                break
    result: dict[Mention, str | None] = {}
    for m in mentions:
        parts = tokens(m.name)
        if len(parts) >= 2:
            result[m] = canonical.get(m.name, m.name)
            if m.name in canonical and tokens(canonical[m.name])[-len(parts):] == parts:
                merges.append((m, f"surnames of the full name {canonical[m.name]!r} in the same report"))
            elif m.name in canonical:
                merges.append((m, f"one-part misspelling of {canonical[m.name]!r} in the same report"))
            continue
        owners = sorted({canonical.get(n, n) for n in (index.containing.get(parts[0], []) if parts else [])})
        owners = [o for o in owners if not forbidden(m.name, o)]
        if len(owners) == 1:
            result[m] = owners[0]
            merges.append((m, f"part of the full name {owners[0]!r} in the same report"))
        else:
            result[m] = None
    return result


def cross_report_spellings(
    names_by_report: Mapping[str, Iterable[str]], forbidden: Forbidden | None = None
) -> dict[str, str]:
    """Full names misspelt in some report -> the spelling they stand for, across reports.

    A name joins a one-part-misspelling of it that is used more often (mentions, then reports);
    at equal use only a spelling whose differing part is not a known first name joins one whose
    part is. A name near two different spellings is ambiguous and stays itself.
    """
    forbidden = forbidden or (lambda a, b: False)
    mentions, reports, full = attestation(names_by_report)
    rank = {name: i for i, name in enumerate(full)}
    blocks = _spelling_blocks(full)
    canonical: dict[str, str] = {}
    targets: set[str] = set()
    for name in full:
        # only names sharing a block can be one-part misspellings of each other
        near = sorted({t for key in _block_keys(name) for t in blocks[key]}, key=rank.__getitem__)
        found = [t for t in near if t != name and t not in canonical
                 and one_part_misspelling(name, t) and _outweighs(t, name, mentions, reports)
                 and not forbidden(name, t)]
        if len(found) == 1 and name not in targets:
            canonical[name] = found[0]
            targets.add(found[0])
    return canonical


def attestation(names_by_report: Mapping[str, Iterable[str]]) -> tuple[Counter[str], Counter[str], list[str]]:
    """Mentions and reports per full name, and the full names, best attested first."""
    mentions: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    for names in names_by_report.values():
        listed = [n for n in names if len(tokens(n)) >= 2]
        mentions.update(listed)
        reports.update(set(listed))
    return mentions, reports, sorted(mentions, key=lambda n: (-mentions[n], -reports[n], -len(n), n))


def _block_keys(name: str) -> list[tuple[str, ...]]:
    """Blocking keys of a name: per part, the other parts plus that part's first letter.

    Two names differing in exactly one part, with the same first letter there (the only
    pairs :func:`one_part_misspelling` accepts), share the key of that part, so comparing
    names within blocks finds every pair that comparing all pairs would.
    """
    parts = tokens(name)
    return [(str(i), *parts[:i], part[:1], *parts[i + 1:]) for i, part in enumerate(parts)]


def _spelling_blocks(names: Iterable[str]) -> dict[tuple[str, ...], list[str]]:
    blocks: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in names:
        for key in _block_keys(name):
            blocks[key].append(name)
    return blocks


def _outweighs(target: str, name: str, mentions: Counter[str], reports: Counter[str]) -> bool:
    """Whether ``target`` is the better attested spelling of the two."""
    if (mentions[target], reports[target]) != (mentions[name], reports[name]):
        return (mentions[target], reports[target]) > (mentions[name], reports[name])
    ours = next(p for p, o in zip(tokens(name), tokens(target)) if p != o)
    theirs = next(o for p, o in zip(tokens(name), tokens(target)) if p != o)
    return theirs in _first_names() and ours not in _first_names()
