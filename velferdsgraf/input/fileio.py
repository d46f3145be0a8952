"""Reading a file's bytes safely: size limit, and a clear reason for every way it can fail."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import InputError

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MB


def format_size(n_bytes: int) -> str:
    """``"63.2 MB"`` for sizes of a megabyte or more, ``"1200 bytes"`` below."""
    if n_bytes >= MB:
        return f"{n_bytes / MB:.1f}".removesuffix(".0") + " MB"
    return f"{n_bytes} bytes"


def too_large(path: Path, size: int, max_bytes: int) -> InputError:
    """The error for a file over the limit: ``"file too large (63.2 MB > 50 MB limit)"``."""
    return InputError(path, f"file too large ({format_size(size)} > {format_size(max_bytes)} limit)")


def os_reason(exc: OSError) -> str:
    """A short, stable reason for an OSError (no traceback, no errno number)."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """All bytes of a regular file of at most ``max_bytes``; raises InputError otherwise."""
    try:
        info = path.stat()
    except OSError as e:
        raise InputError(path, os_reason(e)) from e
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end.
        raise InputError(path, "not a regular file")
    if info.st_size > max_bytes:
        raise too_large(path, info.st_size, max_bytes)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may grow between stat and read
    except OSError as e:
        raise InputError(path, os_reason(e)) from e
    if len(data) > max_bytes:
        raise too_large(path, os.path.getsize(path), max_bytes)
    return data
