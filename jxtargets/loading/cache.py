"""Validated copies of catalogues and actuals files, so that a check does not import PyYAML,
parse and validate the YAML (and import pint) on every call.

Only data is stored: MessagePack, decoded by msgspec into the model's own types (Structs and
dataclasses) with their declared field types. Decoding builds those types from plain values and nothing else, so a cache
file can never run code (a pickle can), and a file of the wrong shape is simply not used.

Each entry is keyed by the input's content, its kind, FORMAT, the package version and a
fingerprint of the package's code and of the libraries the loaders use (`code_fingerprint`): an
edited loader or an upgraded PyYAML or pint never meets an entry an older one wrote. The file carries its key and the digest of its payload; a file whose key, digest
or shape does not match (corrupt, planted, copied from another entry) is ignored and replaced.
Results that depend on today's date are never stored (the loaders add them after the cache).

Entries live under `$XDG_CACHE_HOME/jxtargets` (default `~/.cache/jxtargets`), a folder created
0700. A folder owned by another user is never used; a cache that cannot be read or written is
never an error: the input is read instead. JXTARGETS_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Sequence

try:  # blake2 without hashlib's OpenSSL start-up (~3 ms of every call)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b
from pathlib import Path
from typing import Any, TypeVar

from .. import __version__
from ..core.model import Catalogue
from .errors import Problem
from .files import display_name, expand, read_bytes

T = TypeVar("T")

_MAGIC = b"JXTM1\n"
_KEY_LEN = 32  # hex characters of an entry's key
_DIGEST_LEN = 64  # hex characters of the payload's digest
_HEAD = len(_MAGIC) + _KEY_LEN + _DIGEST_LEN
_SUFFIX = ".msgpack"
# Bump when the stored shape changes in a way the code fingerprint cannot see.
FORMAT = 9
# Entries kept (the newest); older ones are removed when an entry is written.
MAX_ENTRIES = 200
# A cache file larger than this is not read (it is not one of ours).
MAX_BYTES = 512 * 1024 * 1024
_PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose code shapes a cached result (parsing, units, .xlsx cells, the encoding): an
# upgrade is a new key too.
_LIBRARIES = ("yaml", "pint", "openpyxl", "msgspec")
_fingerprint: str | None = None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jxtargets"


def code_fingerprint() -> str:
    """A digest of the (path, size, mtime) of every .py file of the package, and of the libraries
    whose code shapes what is cached (_LIBRARIES): any edit or upgrade changes it. Computed once
    per process (about 60 stat calls, well under a millisecond)."""
    global _fingerprint
    if _fingerprint is None:
        seen: list[str] = []
        for name in _LIBRARIES:  # found as import would find it, without importing it
            for place in sys.path:
                try:
                    info = os.stat(os.path.join(place or ".", name, "__init__.py"))
                except OSError:
                    continue
                seen.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}")
                break
        folders = [str(_PACKAGE)]
        while folders:
            folder = folders.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    seen.append(f"{os.path.relpath(entry.path, _PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}")
        _fingerprint = blake2b("\n".join(sorted(seen)).encode(), digest_size=16).hexdigest()
    return _fingerprint


def digest(data: bytes, extra: str = "") -> str:
    """The key of `data` read by this code (package version, FORMAT, code) with `extra`."""
    tail = f"\0{__version__}\0{FORMAT}\0{code_fingerprint()}\0{extra}"
    return blake2b(data + tail.encode(), digest_size=_KEY_LEN // 2).hexdigest()


def cache_path(data: bytes, kind: str = "catalogue", extra: str = "") -> Path:
    return cache_dir() / f"{kind}-{digest(data, kind + chr(0) + extra)}{_SUFFIX}"


def _payload_digest(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=_DIGEST_LEN // 2).hexdigest().encode()


def _ours(info: os.stat_result) -> bool:
    """Owned by the user running this (always true where files have no owner id)."""
    uid = getattr(os, "geteuid", None)
    return uid is None or info.st_uid == uid()


def _own_folder(path: Path, create: bool) -> bool:
    """Whether the cache folder is usable: a real folder of ours, 0700 (tightened if looser)."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or not _ours(info):
            return False
        if info.st_mode & 0o077:
            os.chmod(path, 0o700)
    except OSError:
        return False
    return True


def _decoder(kind: Any) -> Any:
    import msgspec

    return msgspec.msgpack.Decoder(kind)


def _read(path: Path, kind: Any) -> Any:
    """The entry at `path` decoded as `kind`, or None when it is missing, not ours or damaged."""
    if not _own_folder(path.parent, create=False):
        return None
    try:
        # Never follow a link, never wait on a FIFO; read only a regular file of ours.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _ours(info) or info.st_size > MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            blob = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    key = path.name.rsplit("-", 1)[-1].removesuffix(_SUFFIX).encode()
    if len(blob) < _HEAD or not blob.startswith(_MAGIC) or blob[len(_MAGIC) : len(_MAGIC) + _KEY_LEN] != key:
        return None
    payload = blob[_HEAD:]
    if _payload_digest(payload) != blob[len(_MAGIC) + _KEY_LEN : _HEAD]:
        return None
    import msgspec

    try:
        return _decoder(kind).decode(payload)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, RecursionError):
        return None


def _write(path: Path, value: object) -> None:
    import msgspec

    try:
        payload = msgspec.msgpack.encode(value)
    except (TypeError, ValueError, OverflowError):  # pragma: no cover - the model is plain data
        return
    key = path.name.rsplit("-", 1)[-1].removesuffix(_SUFFIX).encode()
    blob = _MAGIC + key + _payload_digest(payload) + payload
    folder = path.parent
    if not _own_folder(folder, create=True):
        return
    try:
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=_SUFFIX)  # 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    """Keep the newest MAX_ENTRIES entries; remove the pickles of earlier versions (never read)."""
    entries: list[tuple[float, str]] = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".pickle"):
            os.unlink(entry.path)
        elif entry.name.endswith(_SUFFIX) and not entry.name.startswith(".tmp-"):
            entries.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    if len(entries) > MAX_ENTRIES:
        for _, old in sorted(entries)[: len(entries) - MAX_ENTRIES]:
            os.unlink(old)


def enabled() -> bool:
    """JXTARGETS_NO_CACHE=1 turns every cache off (read the YAML every time)."""
    return not os.environ.get("JXTARGETS_NO_CACHE")


def catalogue_data(paths: Sequence[Path], extend: Sequence[Path] = ()) -> tuple[dict[Path, bytes], bytes]:
    """Every file of a catalogue and what keys its cache entry: each file's name and content."""
    contents = {p: read_bytes(p) for p in expand([*paths, *extend])}
    return contents, b"".join(f"{display_name(p)}\0{len(b)}\0".encode() + b for p, b in contents.items())


def cached_catalogue(
    path: Path | Sequence[Path], use_cache: bool = True, extend: Sequence[Path] = ()
) -> tuple[Catalogue, list[Problem]]:
    """The validated catalogue at `path` (files or directories, with `extend` layered over
    it), from the cache when it is current: keyed by every file's name and content."""
    use_cache = use_cache and enabled()
    paths = [path] if isinstance(path, Path) else list(path)
    contents, data = catalogue_data(paths, extend)
    target = cache_path(data)
    name = ", ".join(display_name(Path(p)) for p in [*paths, *extend])
    if use_cache:
        catalogue = _read(target, Catalogue)
        if catalogue is not None:
            catalogue.path = name
            catalogue.files = tuple(str(p) for p in contents)
            return catalogue, []
    from .catalogue_set import load_catalogue_set

    catalogue, warnings = load_catalogue_set(paths, extend, contents=contents)
    catalogue.digest = digest(data)
    if use_cache and not warnings:
        _write(target, catalogue)
    return catalogue, warnings


def memo(kind: str, data: bytes, extra: str, build: Callable[[], T], shape: Any, use_cache: bool = True) -> T:
    """build(), or its cached result for the same content, `extra` key and code. `shape` is the
    type build() returns, as msgspec decodes it (e.g. `tuple[list[Figure], list[Problem]]`).
    Only results that build() returns are cached: an exception (bad input) is raised every time."""
    if not use_cache or not enabled():
        return build()
    target = cache_path(data, kind, extra)
    found = _read(target, shape)
    if found is not None:
        return found
    value = build()
    _write(target, value)
    return value
