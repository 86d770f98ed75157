"""Writing reports and exports: through a temporary file in the same folder and an atomic
rename, so an interrupted run leaves any older file whole; never over a file the run read."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .loading.errors import LoadError, Problem


def refuse_inputs(target: Path, inputs: list[Path]) -> None:
    """LoadError if `target` is one of the files this run reads."""
    resolved = target.resolve()
    for path in inputs:
        try:
            same = path.resolve() == resolved or (target.exists() and os.path.samefile(path, target))
        except OSError:
            same = False
        if same:
            raise LoadError(
                [Problem(str(target), None, None, "refusing to overwrite an input file; choose another output name")]
            )


def write_atomic(target: Path, data: bytes | str) -> None:
    """Write `data` to `target` atomically (temporary file + rename in the same folder)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LoadError([Problem(str(target), None, None, f"folder {folder} does not exist")])
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise LoadError([Problem(str(target), None, None, f"cannot write here: {exc.strerror}")]) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's mode, or what a plain open() would give (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
