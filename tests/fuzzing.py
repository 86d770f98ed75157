"""How long the fuzzers run, and how many examples they ran.

The Hypothesis profile (registered in conftest.py, chosen by HYPOTHESIS_PROFILE) sets the size:
"default" keeps the everyday suite fast; "ci" (what .ci/run uses) runs over 10,000 examples in
all across the loader, command-line and mutation fuzzers. JXTARGETS_FUZZ_EXAMPLES=N runs each
fuzzer N examples, with new random inputs each run, for a developer's long run, e.g.

    JXTARGETS_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz_mutate.py -p no:cacheprovider

The number of examples each group ran is printed at the end of the run ("fuzz examples run").
`run_main` runs the command line as the installed command's `cli.main` does, in this process.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable
from typing import Any

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
_SIZES = {
    # examples per loader fuzzer (9 of them), per command-line fuzzer, for the mutation fuzzer
    "default": (300, 100, 100),
    "ci": (900, 1000, 1000),
}
_OVERRIDE = int(os.environ.get("JXTARGETS_FUZZ_EXAMPLES") or 0)
LOADER_EXAMPLES, CLI_EXAMPLES, MUTATION_EXAMPLES = (
    (_OVERRIDE,) * 3 if _OVERRIDE else _SIZES.get(PROFILE, _SIZES["default"])
)

# Fixed examples (the same every run) unless a developer asks for a long run, which then explores
# new inputs each time (Hypothesis prints how to reproduce any failure).
DERANDOMIZE = not _OVERRIDE

RUN: Counter[str] = Counter()


def counted(group: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Count each example a test runs under `group` (put it under @given)."""

    def wrap(test: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(test)
        def run(*args: Any, **kwargs: Any) -> Any:
            RUN[group] += 1
            return test(*args, **kwargs)

        return run

    return wrap


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if RUN:
        groups = ", ".join(f"{n:,} {group}" for group, n in sorted(RUN.items()))
        terminalreporter.write_line(f"fuzz examples run: {sum(RUN.values()):,} ({groups}; profile {PROFILE})")


def run_main(args: list[str], capsys: Any) -> tuple[int, str, str]:
    """`jxtargets ARGS` through `cli.main` (sys.argv and SystemExit, as the installed command
    sees them), in this process: (exit code, stdout, stderr)."""
    import sys

    from jxtargets import cli

    old = sys.argv
    sys.argv = ["jxtargets", *args]
    try:
        cli.main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.argv = old
    out = capsys.readouterr()
    return code, out.out, out.err
