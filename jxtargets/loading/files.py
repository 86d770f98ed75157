"""Reading input files: paths, encodings and the embedded data."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..messages import msg
from .errors import LoadError, Problem

MAX_BYTES = 256 * 1024 * 1024


def data_dir() -> Path:
    """The embedded data: inside the installed package, or the repository's `data/` when
    running from a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "data"
    if (packaged / "catalogue").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "data"


def default_catalogue() -> Path:
    """The embedded catalogue: a directory, `indicators.yaml` and a file per plan under `plans/`."""
    return data_dir() / "catalogue"


CATALOGUE_ENV = "JXTARGETS_CATALOGUE"
EXTEND_ENV = "JXTARGETS_EXTEND"


def catalogue_paths(
    catalogue: Sequence[str | Path] | None = None, extend: Sequence[str | Path] | None = None
) -> tuple[list[Path], list[Path]]:
    """The catalogue in use and the catalogues layered over it: the options when given, else
    $JXTARGETS_CATALOGUE / $JXTARGETS_EXTEND (several paths separated by the system's path
    separator, `:` on Linux), else the embedded catalogue and nothing."""
    chosen = [Path(p) for p in catalogue or ()] or _from_env(CATALOGUE_ENV) or [default_catalogue()]
    layered = [Path(p) for p in extend or ()] or _from_env(EXTEND_ENV)
    return chosen, layered


def _from_env(name: str) -> list[Path]:
    paths = [Path(p) for p in os.environ.get(name, "").split(os.pathsep) if p.strip()]
    for path in paths:
        if not path.exists():
            raise LoadError([Problem.of(str(path), None, None, "file.missing_from_env", variable=name)])
    return paths


CATALOGUE_SUFFIXES = (".yaml", ".yml")
SHARED = "indicators"  # the stem of the file a catalogue directory is read from first


def catalogue_files(path: Path) -> list[Path]:
    """The files of a catalogue given as a file or a directory."""
    if not path.is_dir():
        return [path]
    found = sorted(
        p
        for p in path.rglob("*")
        if p.suffix.lower() in CATALOGUE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
        and p.is_file()
    )
    if not found:
        raise LoadError([Problem.of(display_name(path), None, None, "file.no_catalogue_files")])
    shared = [p for p in found if p.parent == path and p.stem == SHARED]
    return shared + [p for p in found if p not in shared]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Every file of the catalogues `paths`, in reading order, each once."""
    out: list[Path] = []
    for path in paths:
        out.extend(catalogue_files(Path(path)))
    return list(dict.fromkeys(out))


def embedded_actuals() -> dict[int, Path]:
    folder = data_dir() / "actuals"
    out = {}
    for path in sorted(folder.glob("actuals-*.yaml")):
        stem = path.stem.removeprefix("actuals-")
        if stem.isdigit():
            out[int(stem)] = path
    return out


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES; LoadError (one line naming the file) for
    anything else. The file is opened without blocking and checked once open, so a FIFO, a device
    (/dev/zero) or a file swapped for one after a check is refused, never waited on or read."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb", closefd=True) as fh:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise LoadError([Problem.of(name, None, None, "file.is_a_directory")])
            if not stat.S_ISREG(info.st_mode):
                raise LoadError([Problem.of(name, None, None, "file.not_regular")])
            if info.st_size > MAX_BYTES:
                raise LoadError([Problem.of(name, None, None, "file.too_large", size=info.st_size, limit=MAX_BYTES)])
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError([Problem.of(name, None, None, "file.too_large_read", limit=MAX_BYTES)])
        return data
    except FileNotFoundError:
        raise LoadError([Problem.of(name, None, None, "file.no_such_file")]) from None
    except PermissionError:
        raise LoadError([Problem.of(name, None, None, "file.permission")]) from None
    except IsADirectoryError:
        raise LoadError([Problem.of(name, None, None, "file.is_a_directory")]) from None
    except OSError as exc:
        raise LoadError([Problem.of(name, None, None, "file.unreadable", detail=str(exc.strerror or exc))]) from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise LoadError([Problem.of(name.replace("\0", "\\0"), None, None, "file.bad_path", detail=str(exc))]) from None


def is_dir(path: Path) -> bool:
    """Path.is_dir() that answers False for a path the system cannot even look up (a name too
    long, a NUL byte): reading it then says why, as one line."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = ((b"PK\x03\x04", "file.zip"), (b"\xd0\xcf\x11\xe0", "file.old_office"), (b"%PDF-", "file.pdf"))


def decode(data: bytes, name: str, warnings: list[Problem]) -> str:
    """UTF-8 with or without BOM; GBK/GB18030 (as saved by Excel or WPS on Chinese Windows) and
    UTF-16/32 with a BOM (Excel's "Unicode text") are read with a warning; anything else, and
    binary files, are refused."""
    if not data or data.isspace():  # (not data.strip(): that copies a 200 MB file)
        raise LoadError([Problem.of(name, None, None, "file.empty")])
    for magic, code in _MAGIC:
        if data.startswith(magic):
            raise LoadError([Problem.of(name, None, None, code)])
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            warnings.append(Problem.of(name, None, None, "file.encoding", warning=True, codec=codec.upper()))
            return _text(text.removeprefix("\ufeff"), name)
    if b"\x00" in data[:8192]:
        raise LoadError([Problem.of(name, None, None, "file.binary")])
    try:
        return _text(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LoadError([Problem.of(name, line, None, "file.undecodable")]) from None
    warnings.append(Problem.of(name, None, None, "file.gbk", warning=True))
    return _text(text, name)


def _text(text: str, name: str) -> str:
    if not text or text.isspace():
        raise LoadError([Problem.of(name, None, None, "file.empty")])
    return text


def display_name(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def resolve_inputs(items: list[str]) -> list[Path]:
    """Paths as given; a bare year means the embedded actuals of that year and every earlier
    embedded year (the history that chained growth rates and baselines need); a directory means
    every actuals file in it."""
    embedded = embedded_actuals()
    paths: list[Path] = []
    for item in items:
        text = str(item).strip()
        if text.isdigit() and len(text) == 4 and not Path(text).exists():
            year = int(text)
            if year not in embedded:
                known = ", ".join(map(str, embedded)) or msg("word.none")
                raise LoadError([Problem.of(text, None, None, "file.no_embedded_year", year=year, years=known)])
            paths.extend(p for y, p in embedded.items() if y <= year)
            continue
        path = Path(text)
        if is_dir(path):
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in (".yaml", ".yml", ".csv", ".tsv", ".xlsx") and not p.name.startswith(".")
            )
            if not found:
                raise LoadError([Problem.of(text, None, None, "file.no_actuals_files")])
            paths.extend(found)
            continue
        paths.append(path)
    return list(dict.fromkeys(paths))


def read_yaml_file(path, data: bytes | None = None):
    """A YAML file's values and its Problems so far (decoding warnings, duplicate keys).
    Raises LoadError when the file cannot be read or parsed at all."""
    from .errors import LoadError, Problems
    from .yamltree import YamlError, parse

    name = display_name(path)
    warnings: list[Problem] = []
    text = decode(read_bytes(path) if data is None else data, name, warnings)
    duplicates: list[Problem] = []
    try:
        tree = parse(text, name, duplicates)
    except YamlError as exc:
        raise LoadError(warnings + exc.problems) from None
    return tree, Problems(name, warnings + duplicates)
