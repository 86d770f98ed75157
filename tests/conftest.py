"""Shared fixtures: every test run gets its own cache directory, and CLI helpers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = ROOT / "data"


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    cache = tmp_path_factory.mktemp("xdg-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    yield cache
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command, as a user runs it: `python -m jxtargets ARGS`."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "jxtargets", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )


def run_json(*args: str, **kw) -> tuple[dict, int]:
    proc = run(*args, "--format", "json", **kw)
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout), proc.returncode


def find(results: list[dict], **match) -> dict:
    found = [r for r in results if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, f"{len(found)} results match {match}"
    return found[0]
