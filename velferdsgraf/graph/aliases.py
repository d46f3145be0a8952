"""Alias tables: the shipped variants of common names, and a user's file that forces or forbids merges.

An alias file is CSV (TSV when its name ends in ``.tsv`` or its first row holds a tab), UTF-8,
one rule a line; blank lines and lines starting with ``#`` are skipped, and a first row
``name,canonical[,type]`` is a header::

    # name, canonical [, type]
    Siljvia Seres,Silvija Seres                  force: mentions named "Siljvia Seres" are "Silvija Seres"
    Velferdsetaten,Arbeids- og velferdsetaten,Organisation
    NAV Lier,!NAV Drammen                        forbid: never one entity ("!" before the other name)

``type`` (Person, Organisation, Municipality, Initiative, Event, Role) limits a rule to one
entity type; empty means every type. A rule matches a mention by its name or its surface form:
names of up to four characters or in capitals match with their case ("LO", "NAV"), longer
names after normalisation (case, quotes, dashes, spaces). A forced name points straight at its
canonical name, which must not itself be forced elsewhere in the same file.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import AliasFileError
from .names import name_key
from .types import EntityType

__all__ = ["AliasRule", "AliasTable", "parse_aliases", "read_alias_file", "shipped_aliases"]

_TYPES = {t.value.casefold(): t for t in EntityType}


@dataclass(frozen=True, slots=True)
class AliasRule:
    """One line of an alias table: ``name`` is (or, with ``forbid``, is never) ``canonical``."""

    name: str
    canonical: str
    forbid: bool
    type: EntityType | None
    origin: str  # "aliases.csv:3": where the rule was read

    def applies_to(self, etype: EntityType) -> bool:
        """Whether the rule is about entities of ``etype``."""
        return self.type is None or self.type is etype


def _exact(name: str) -> bool:
    """Short or capitalised names are matched with their case ("LO" is not "Lo")."""
    return len(name) <= 4 or name.isupper()


def _match_key(name: str) -> str:
    return "=" + name if _exact(name) else name_key(name)


def same_name(rule_name: str, name: str) -> bool:
    """Whether ``name`` is what ``rule_name`` names, by the matching rule of the module doc."""
    return rule_name == name if _exact(rule_name) else name_key(rule_name) == name_key(name)


class AliasTable:
    """Force and forbid rules; earlier rules win (a user's file goes before the shipped table)."""

    def __init__(self, rules: Iterable[AliasRule] = ()) -> None:
        self.rules = list(rules)
        self._force: dict[str, list[AliasRule]] = defaultdict(list)
        for rule in self.rules:
            if not rule.forbid:
                self._force[_match_key(rule.name)].append(rule)

    def __add__(self, other: AliasTable) -> AliasTable:
        return AliasTable(self.rules + other.rules)

    def forced(self, etype: EntityType, *names: str) -> AliasRule | None:
        """The force rule for the first of ``names`` (name, then surface) that has one."""
        for name in names:
            for key in ("=" + name, name_key(name)):
                for rule in self._force.get(key, ()):
                    if rule.applies_to(etype) and same_name(rule.name, name):
                        return rule
        return None

    def forbid_rules(self, etype: EntityType) -> list[AliasRule]:
        """The forbid rules about ``etype``, in file order."""
        return [r for r in self.rules if r.forbid and r.applies_to(etype)]

    def forbids(self, etype: EntityType, a: str, b: str) -> bool:
        """Whether a rule says names ``a`` and ``b`` must stay apart."""
        return any(
            (same_name(r.name, a) and same_name(r.canonical, b)) or (same_name(r.name, b) and same_name(r.canonical, a))
            for r in self.forbid_rules(etype)
        )


def parse_aliases(text: str, origin: str, delimiter: str | None = None) -> AliasTable:
    """The rules of an alias file's text; ``origin`` names the file in errors and merge reasons."""
    lines = text.splitlines()
    if delimiter is None:
        first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
        delimiter = "\t" if "\t" in first else ","
    rules: list[AliasRule] = []
    seen_header = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = next(csv.reader([line], delimiter=delimiter, skipinitialspace=delimiter == ","))
        except csv.Error as error:
            raise AliasFileError(origin, number, f"cannot read the line: {error}") from error
        cells = [c.strip() for c in row]
        if not seen_header and [c.casefold() for c in cells[:2]] == ["name", "canonical"]:
            seen_header = True
            continue
        seen_header = True
        rules.append(_rule(cells, origin, number))
    _check(rules, origin)
    return AliasTable(rules)


def _rule(cells: list[str], origin: str, number: int) -> AliasRule:
    if len(cells) == 3 and not cells[2]:
        cells = cells[:2]
    if len(cells) not in (2, 3):
        raise AliasFileError(origin, number, f"expected 2 or 3 columns (name, canonical[, type]), found {len(cells)}")
    name, target = cells[0], cells[1]
    forbid = target.startswith("!")
    target = target[1:].strip() if forbid else target
    if not name or not target:
        raise AliasFileError(origin, number, "the name and the canonical name must not be empty")
    if name_key(name) == name_key(target):
        raise AliasFileError(origin, number, f"{name!r} is an alias of itself")
    etype = None
    if len(cells) == 3:
        etype = _TYPES.get(cells[2].casefold())
        if etype is None:
            raise AliasFileError(origin, number, f"unknown type {cells[2]!r}; choose from "
                                 + ", ".join(t.value for t in EntityType))
    if etype is EntityType.PERSON and not forbid and not is_full_name(target):
        raise AliasFileError(origin, number, dropped_person_reason(name, target))
    return AliasRule(name, target, forbid, etype, f"{Path(origin).name}:{number}")


def is_full_name(name: str) -> bool:
    """A person's name that can stand alone: two parts or more ("Kari Nordmann", not "Nordmann")."""
    return len(name_key(name).replace("-", " - ").split()) >= 2


def dropped_person_reason(name: str, target: str) -> str:
    """Why a rule naming a person by one word is refused: such a person would vanish."""
    return (f"{name!r} would become the one-word name {target!r}, and a person needs a full name "
            "(first and last): the person and their memberships would be dropped")


def _check(rules: list[AliasRule], origin: str) -> None:
    """Contradictions inside one file: two targets for one name, force and forbid, chains."""
    forced: dict[tuple[str, EntityType | None], AliasRule] = {}
    for rule in rules:
        number = int(rule.origin.rsplit(":", 1)[1])
        if rule.forbid:
            continue
        key = (_match_key(rule.name), rule.type)
        earlier = forced.get(key)
        if earlier and name_key(earlier.canonical) != name_key(rule.canonical):
            raise AliasFileError(origin, number, f"{rule.name!r} is already an alias of {earlier.canonical!r} "
                                 f"({earlier.origin})")
        forced[key] = rule
    for rule in rules:
        number = int(rule.origin.rsplit(":", 1)[1])
        for other in rules:
            if other is rule or other.forbid:
                continue
            if rule.forbid and rule.type in (None, other.type) and (
                    (same_name(other.name, rule.name) and same_name(rule.canonical, other.canonical))
                    or (same_name(other.name, rule.canonical) and same_name(rule.name, other.canonical))):
                raise AliasFileError(origin, number, f"forbids what {other.origin} forces")
            if not rule.forbid and same_name(other.name, rule.canonical) and other.type in (None, rule.type):
                raise AliasFileError(origin, number, f"{rule.canonical!r} is itself an alias of "
                                     f"{other.canonical!r} ({other.origin}); point {rule.name!r} there")


def read_alias_file(path: Path | str) -> AliasTable:
    """The rules of a user's alias file; a bad line raises AliasFileError naming file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AliasFileError(path, 0, f"cannot read the file: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AliasFileError(path, line, "not UTF-8 text") from error
    delimiter = "\t" if path.suffix.casefold() == ".tsv" else ("," if path.suffix.casefold() == ".csv" else None)
    return parse_aliases(text, str(path), delimiter)


def _lexicon_rules(text: str, origin: str) -> list[AliasRule]:
    """Each other form of ``organisations_civil.tsv`` ("name<TAB>form; form") as an alias of the name."""
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        name, _, forms = line.partition("\t")
        for form in (f.strip() for f in forms.split(";")):
            if form and name_key(form) != name_key(name.strip()):
                rules.append(AliasRule(form, name.strip(), False, EntityType.ORGANISATION, f"{origin}:{number}"))
    return rules


@lru_cache(maxsize=1)
def shipped_aliases() -> AliasTable:
    """The shipped variants, read once: ``graph/data/aliases.tsv``, then the other forms of the
    organisation lexicon ``graph/data/organisations_civil.tsv`` ("NHO" is "Næringslivets Hovedorganisasjon")."""
    data = files("velferdsgraf.graph").joinpath("data")
    table = parse_aliases(data.joinpath("aliases.tsv").read_text(encoding="utf-8"), "aliases.tsv", "\t")
    lexicon = data.joinpath("organisations_civil.tsv")
    if lexicon.is_file():
        table = table + AliasTable(_lexicon_rules(lexicon.read_text(encoding="utf-8"), "organisations_civil.tsv"))
    return table
