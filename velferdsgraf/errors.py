"""The exception hierarchy of velferdsgraf; the CLI turns each into one line and an exit code."""
from __future__ import annotations

from pathlib import Path


class VelferdsgrafError(Exception):
    """Base: a problem the CLI shows as one line."""


def shown_path(path: Path | str) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that are not
    UTF-8 (kept by Python as lone surrogates) are shown as ``\\xNN`` escapes."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


class InputError(VelferdsgrafError):
    """A report could not be read; a build goes on with the others."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{shown_path(path)}: {reason}")
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
        super().__init__(f"{shown_path(path)}: {reason}")
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


class OutputError(VelferdsgrafError):
    """An output file or folder cannot be written (checked before the work where possible)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{shown_path(path)}: {reason}")
        self.path = Path(path)
        self.reason = reason


class Interrupted(BaseException):
    """SIGTERM or SIGINT arrived; raised from the signal handler so clean-ups run.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` on the way
    (a reader guarding against parser crashes) mistakes it for a failure and goes on.
    """

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum
