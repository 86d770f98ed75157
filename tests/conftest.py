"""Shared fixtures: every test run gets its own cache directory, and CLI helpers.

`run()` calls the command line in this process (typer's CliRunner isolation around `cli.run`,
the same function the installed command calls): fast, and what a user gets. `run_process()`
starts a real `python -m jxtargets` for the few tests about start-up, signals and the installed
command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from .fuzzing import pytest_terminal_summary as pytest_terminal_summary  # examples run, by fuzzer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DATA = ROOT / "data"

# The CLI environment every test sees: no colour, a fixed width, no inherited cache switches.
CLI_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "JXTARGETS_NO_CACHE": None, "JXTARGETS_LANG": None}

# Hypothesis profiles: "default" keeps the everyday suite fast; "ci" (HYPOTHESIS_PROFILE=ci, as
# .ci/run sets it) runs the fuzzers over 10,000 examples in all (sizes in tests/fuzzing.py).
settings.register_profile("default", suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


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


@dataclass
class Ran:
    """What a command printed and its exit code (the fields of subprocess.CompletedProcess)."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> Ran:
    """The command line, in process: `jxtargets ARGS` as a user runs it, from `cwd` (default: the repo)."""
    from typer.testing import CliRunner

    from jxtargets import cli

    old_cwd = os.getcwd()
    os.chdir(cwd or ROOT)
    try:
        with CliRunner().isolation(env={**CLI_ENV, **(env or {})}) as (out, err, _):
            code = cli.run(args)
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
    finally:
        os.chdir(old_cwd)
    return Ran(args, code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"), stdout)


def run_process(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command in a new process: `python -m jxtargets ARGS`."""
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
