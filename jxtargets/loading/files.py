"""Reading input files: paths, encodings and the embedded data."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import LoadError, Problem

MAX_BYTES = 256 * 1024 * 1024


def data_dir() -> Path:
    """The embedded data: inside the installed package, or the repository's `data/` when
    running from a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "data"
    if (packaged / "targets.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "data"


def default_catalogue() -> Path:
    return data_dir() / "targets.yaml"


def embedded_actuals() -> dict[int, Path]:
    folder = data_dir() / "actuals"
    out = {}
    for path in sorted(folder.glob("actuals-*.yaml")):
        stem = path.stem.removeprefix("actuals-")
        if stem.isdigit():
            out[int(stem)] = path
    return out


def read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise LoadError([Problem(name, None, None, "is a directory, not a file")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError([Problem(name, None, None, f"file too large ({size} bytes)")])
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise LoadError([Problem(name, None, None, "no such file")]) from None
    except PermissionError:
        raise LoadError([Problem(name, None, None, "cannot read the file (permission denied)")]) from None
    except OSError as exc:
        raise LoadError([Problem(name, None, None, f"cannot read the file: {exc.strerror}")]) from None


def decode(data: bytes, name: str, warnings: list[Problem]) -> str:
    """UTF-8 with or without BOM; GBK/GB18030 (as saved by Excel or WPS on Chinese Windows) is
    read with a warning; anything else, and binary files, are refused."""
    if not data.strip():
        raise LoadError([Problem(name, None, None, "file is empty")])
    if b"\x00" in data[:8192]:
        raise LoadError([Problem(name, None, None, "binary file, not text (YAML, CSV or .xlsx expected)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise LoadError([Problem(name, None, None, "not UTF-8 text; save the file as UTF-8")]) from None
    warnings.append(Problem(name, None, None,
                            "file is GBK/GB18030-encoded; read as such (save it as UTF-8 to silence "
                            "this, e.g. `iconv -f GB18030 -t UTF-8`)", warning=True))
    return text


def display_name(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)
