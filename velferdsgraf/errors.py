"""The exception hierarchy of velferdsgraf; the CLI turns each into one line and an exit code."""
from __future__ import annotations

from pathlib import Path


class VelferdsgrafError(Exception):
    """Base: a problem the CLI shows as one line."""


class InputError(VelferdsgrafError):
    """A report could not be read; a build goes on with the others."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class UnknownExtractorError(VelferdsgrafError):
    """An extractor name that is not registered."""

    def __init__(self, name: str, available: list[str]) -> None:
        super().__init__(
            f"unknown extractor {name!r}; available: {', '.join(available) or 'none'}"
        )
        self.name = name
        self.available = available


class GraphLoadError(VelferdsgrafError):
    """A graph file could not be parsed."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class QueryError(VelferdsgrafError):
    """A SPARQL query was malformed or failed."""


class GoldError(VelferdsgrafError):
    """A gold annotation file is not in the SCHEME.md format."""


class ModelError(VelferdsgrafError):
    """The NER model is missing, broken, or cannot be trained."""


class AliasFileError(VelferdsgrafError):
    """An alias file (``build --aliases``) has a line that cannot be read."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
        self.path = Path(path)
        self.line = line
        self.reason = reason
