"""Finding the files a read covers, in a deterministic order, and planning their document ids."""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .fileio import os_reason
from .registry import reader_for, unsupported_reason
from .types import SourceFile


def collect_files(
    paths: Iterable[Path | str], exclude: Iterable[Path | str] = ()
) -> tuple[list[SourceFile], list[InputError]]:
    """The readable files under ``paths`` and the paths that cannot be used.

    Folders are walked in sorted order, depth first and to any depth, skipping hidden files
    and folders, Office lock files (``~$…``), symlinked folders, files with unknown extensions
    and the folders in ``exclude`` (a build's output folder). A file named explicitly with an
    unknown extension, or inside an excluded folder, is a failure, and so is a file whose name
    is not valid UTF-8 (it could not be stored in the graph). Arguments keep their order; a
    file reached twice is listed once. Ids: the file stem, or, when several files share a
    stem, their path relative to the folder the clashing files share
    (``"2019/rapport.txt"``, ``"2020/rapport.txt"``).
    """
    if isinstance(paths, (str, Path)):  # one path, not an iterable of characters
        paths = [paths]
    found: list[tuple[Path, bool]] = []
    failures: list[InputError] = []
    seen: set[Path] = set()
    excluded = {_identity(Path(e)) for e in exclude}
    for arg in paths:
        path = Path(arg)
        if _identity(path) in excluded or any(_identity(path).is_relative_to(e) for e in excluded):
            failures.append(InputError(path, "is the output folder or inside it; not read as input"))
            continue
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as e:  # e.g. a name too long
            failures.append(InputError(path, os_reason(e)))
            continue
        if not exists:
            failures.append(InputError(path, "no such file or directory"))
            continue
        candidates = _walk(path, failures, excluded) if is_dir else iter([(path, True)])
        for file, explicit in candidates:
            if explicit and reader_for(file) is None:
                failures.append(InputError(file, unsupported_reason(file)))
                continue
            if not _utf8_name(file):
                failures.append(InputError(file, "the file name is not valid UTF-8; rename the file"))
                continue
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                found.append((file, explicit))
    return _plan_ids(found), failures


def _walk(folder: Path, failures: list[InputError], excluded: set[Path] = frozenset()) -> Iterator[tuple[Path, bool]]:
    """Supported files under ``folder``, depth first, names sorted by code point.

    An explicit stack rather than recursion, so no nesting depth is too deep.
    """
    stack = [_entries(folder, failures)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                if _identity(path) not in excluded:
                    stack.append(_entries(path, failures))
            elif entry.is_file() and reader_for(path) is not None:
                yield path, False
        except OSError as e:
            failures.append(InputError(path, os_reason(e)))


def _entries(folder: Path, failures: list[InputError]) -> Iterator[os.DirEntry[str]]:
    """The visible entries of ``folder`` sorted by name; a folder that cannot be listed is a failure."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as e:
        failures.append(InputError(folder, f"cannot list folder ({os_reason(e)})"))
        return iter(())
    return (e for e in entries if not e.name.startswith((".", "~$")))


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return path.absolute()


def _plan_ids(found: list[tuple[Path, bool]]) -> list[SourceFile]:
    """Assign ids; single- and multi-report files are planned apart (jsonl ids are only labels)."""
    groups: dict[tuple[bool, str], list[Path]] = defaultdict(list)
    for path, _ in found:
        spec = reader_for(path)
        assert spec is not None
        groups[(spec.multi, path.stem.casefold())].append(path)
    ids: dict[Path, str] = {}
    for group in groups.values():
        if len(group) == 1:
            ids[group[0]] = group[0].stem
            continue
        absolute = {p: Path(os.path.abspath(p)) for p in group}
        base = os.path.commonpath([a.parent for a in absolute.values()])
        for p, a in absolute.items():
            ids[p] = a.relative_to(base).as_posix()
    result = []
    for path, explicit in found:
        spec = reader_for(path)
        assert spec is not None
        result.append(SourceFile(path=path, id=ids[path], format=spec.format, explicit=explicit))
    return result
