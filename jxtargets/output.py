"""Writing reports and exports: through a temporary file in the same folder and an atomic
rename, so an interrupted run leaves any older file whole; never over a file the run read, and
never over anything but a regular file we may write (a rename would put a regular file in place
of a device such as /dev/null, a FIFO, a symbolic link or a read-only file)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .loading.errors import LoadError, Problem
from .messages import msg


class OutputError(LoadError):
    """A file that cannot or must not be written: one line naming it (exit 2, like bad input)."""

    def __init__(self, target: Path | str, code: str, **params: object) -> None:
        super().__init__([Problem.of(str(target), None, None, msg(code, **params))])


def refuse_inputs(target: Path, inputs: list[Path]) -> None:
    """OutputError if `target` is one of the files this run reads."""
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise OutputError(target, "output.bad_path", detail=str(exc)) from None
    for path in inputs:
        try:
            same = path.resolve() == resolved or (target.exists() and os.path.samefile(path, target))
        except (OSError, RuntimeError, ValueError):
            same = False
        if same:
            raise OutputError(target, "output.is_an_input")


def check_target(target: Path) -> None:
    """OutputError unless `target` is absent or a regular file this user may write."""
    if str(target) == "-":
        raise OutputError(target, "output.dash")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:
        raise OutputError(target, "output.bad_path", detail=str(getattr(exc, "strerror", None) or exc)) from None
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise OutputError(target, "output.symlink")
    if stat.S_ISDIR(mode):
        raise OutputError(target, "output.directory")
    if not stat.S_ISREG(mode):
        raise OutputError(target, "output.not_regular")
    if not os.access(target, os.W_OK):
        raise OutputError(target, "output.read_only")


def write_atomic(target: Path, data: bytes | str) -> None:
    """Write `data` to `target` atomically (temporary file + rename in the same folder)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    check_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise OutputError(target, "output.no_folder", folder=str(folder))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(target, "output.cannot_write", detail=str(exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        check_target(target)  # again: it may have changed while we wrote
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(target, "output.cannot_write", detail=str(exc.strerror or exc)) from None
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's mode, or what a plain open() would give (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
