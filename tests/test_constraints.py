"""constraints-min.txt pins the oldest release pyproject.toml allows of every runtime and test
dependency (CI installs with it and runs the suite), so the two cannot drift apart."""

from __future__ import annotations

import re
import tomllib

from .conftest import ROOT


def _version(text: str) -> tuple[int, ...]:
    parts = tuple(int(p) for p in text.split("."))
    return parts + (0,) * (4 - len(parts))


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def test_constraints_min_pins_every_lower_bound():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {}
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)(?:\s*,.*)?", requirement)
        assert m, f"{requirement!r}: every dependency needs a lower bound (>=) for constraints-min.txt"
        wanted[_name(m[1])] = _version(m[2])
    pinned = {}
    for line in (ROOT / "constraints-min.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pinned[_name(name)] = _version(version)
    assert pinned == wanted
