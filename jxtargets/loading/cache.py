"""Validated copies of catalogues and actuals files, so that a check does not import PyYAML,
parse and validate the YAML (and import pint) on every call.

Keyed by the SHA-256 of the file's content and the package version (an actuals file also by
the catalogue it was validated against); stored under
`$XDG_CACHE_HOME/jxtargets` (default `~/.cache/jxtargets`). Each cache file carries the digest
of its payload: a file that does not match is corrupt, is ignored and is replaced. A cache that
cannot be read or written is never an error: the YAML is read instead.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable

try:  # blake2 without hashlib's OpenSSL start-up (~3 ms of every call)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b
from pathlib import Path
from typing import TypeVar

from .. import __version__
from ..core.model import Catalogue
from .errors import Problem
from .files import read_bytes

T = TypeVar("T")

_MAGIC = b"JXTC1\n"
# Bump when the model's shape changes, so old pickles are never reused.
FORMAT = 6


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jxtargets"


def digest(data: bytes, extra: str = "") -> str:
    return blake2b(data + f"\0{__version__}\0{FORMAT}\0{extra}".encode(), digest_size=16).hexdigest()


def cache_path(data: bytes, kind: str = "catalogue", extra: str = "") -> Path:
    return cache_dir() / f"{kind}-{digest(data, extra)}.pickle"


def _check_digest(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=32).hexdigest().encode()


def _read(path: Path, kind: type = object):
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 64
    if not blob.startswith(_MAGIC) or len(blob) < head:
        return None
    digest, payload = blob[len(_MAGIC) : head], blob[head:]
    if _check_digest(payload) != digest:
        return None
    try:
        catalogue = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any unpickling failure means a corrupt cache
        return None
    return catalogue if isinstance(catalogue, kind) else None


def _write(path: Path, value) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    blob = _MAGIC + _check_digest(payload) + payload
    try:
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def enabled() -> bool:
    """JXTARGETS_NO_CACHE=1 turns every cache off (read the YAML every time)."""
    return not os.environ.get("JXTARGETS_NO_CACHE")


def cached_catalogue(path: Path, use_cache: bool = True) -> tuple[Catalogue, list[Problem]]:
    """The validated catalogue at `path`, from the cache when it is current."""
    use_cache = use_cache and enabled()
    data = read_bytes(path)
    target = cache_path(data)
    if use_cache:
        catalogue = _read(target, Catalogue)
        if catalogue is not None:
            catalogue.path = str(path)
            return catalogue, []
    from .catalogue import load_catalogue

    catalogue, warnings = load_catalogue(path, data=data)
    catalogue.digest = digest(data)
    if use_cache and not warnings:
        _write(target, catalogue)
    return catalogue, warnings


def memo(kind: str, data: bytes, extra: str, build: Callable[[], T], use_cache: bool = True) -> T:
    """build(), or its cached result for the same content, `extra` key and version. Only
    results that build() returns are cached: an exception (bad input) is raised every time."""
    if not use_cache or not enabled():
        return build()
    target = cache_path(data, kind, extra)
    found = _read(target, tuple)
    if found is not None:
        return found
    value = build()
    _write(target, value)
    return value
