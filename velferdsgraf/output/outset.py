"""Writing a build's outputs as one set: all or nothing, even when interrupted.

Every file is first written under a hidden temporary name in the output folder; only when
all are complete are they renamed into place, one after the other with SIGINT and SIGTERM
held back, so the folder holds the previous set or the new one, never a mix, and no
temporary file stays behind (a failure or a signal removes them). ``check_output_dir`` and
``check_output_file`` find the usual problems (read-only file system, no permission, a
file where the folder should be, a folder where a file should be) before the heavy work.
"""
from __future__ import annotations

import os
import secrets
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import Interrupted, OutputError

Writer = Callable[[Path], None]
_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def os_reason(error: OSError) -> str:
    """The OS's words for an error, without errno numbers: "No space left on device"."""
    return error.strerror or type(error).__name__


def check_output_dir(folder: Path, names: Sequence[str] = ()) -> None:
    """Create ``folder`` if missing and prove it writable; ``names`` must not be folders there.

    Raises OutputError naming the path and the reason.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(folder, "is a file, not a folder") from None
    except OSError as error:
        raise OutputError(folder, f"cannot create the output folder ({os_reason(error)})") from error
    if not folder.is_dir():
        raise OutputError(folder, "is not a folder")
    for name in names:
        if (folder / name).is_dir():
            raise OutputError(folder / name, "is a folder; cannot write the output file there")
    probe = folder / f".velferdsgraf-probe.{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except OSError as error:
        raise OutputError(folder, f"cannot write in the output folder ({os_reason(error)})") from error


def check_output_file(path: Path) -> None:
    """Check that ``path`` can be written: its folder (created if missing) is writable, it is no folder."""
    if path.is_dir():
        raise OutputError(path, "is a folder; give a file name")
    check_output_dir(path.parent if str(path.parent) else Path("."))


@contextmanager
def signals_raise() -> Iterator[None]:
    """Within the block, SIGTERM raises Interrupted (as SIGINT does) so clean-ups run."""
    def handler(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    try:
        previous = {s: signal.signal(s, handler) for s in _SIGNALS}
    except ValueError:  # not the main thread: leave the signals alone
        yield
        return
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


def write_set(folder: Path, writers: dict[str, Writer]) -> list[Path]:
    """Write ``{file name: writer}`` into ``folder`` as one set; returns the final paths in order.

    Each writer gets a temporary path beside its final one. On any error or interruption the
    temporary files are removed, the folder's previous files stay as they were, and the error
    is raised again (an OSError becomes an OutputError naming the file).
    """
    token = secrets.token_hex(4)
    temps = {name: folder / f".{name}.{token}.tmp" for name in writers}
    done: list[Path] = []
    try:
        for name, write in writers.items():
            try:
                write(temps[name])
            except OSError as error:
                raise OutputError(folder / name, f"cannot write ({os_reason(error)}); "
                                  "the previous outputs are unchanged") from error
        with _signals_held():
            for name in writers:
                os.replace(temps[name], folder / name)
                done.append(folder / name)
    finally:
        for name, temp in temps.items():
            if folder / name not in done:
                try:
                    os.unlink(temp)
                except FileNotFoundError:
                    pass
    return done


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the few renames; they are delivered after the block."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
