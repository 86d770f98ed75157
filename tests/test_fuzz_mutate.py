"""Mutation fuzzing: the real data files, mutated, through the real command line.

Each example takes one of the embedded actuals files (or, one time in twenty, the embedded
catalogue), applies one to four mutations (a span deleted, duplicated or replaced, a token from
the review's fuzzing campaign inserted, a number replaced by a look-alike, a byte flipped, lines
swapped or re-indented, the file cut short) and runs `jxtargets check FILE --format json` (or
`check 2020 --catalogue FILE`) in this process. Whatever the input:

- the exit code is 0, 1 or 2, never a traceback or an "internal error";
- every line on stderr is one well-formed line: `jxtargets: ` then text, no control characters;
- exit 2 names the mutated file on stderr; exit 0 or 1 prints JSON that parses;
- the input file is left as it was.

The number of examples follows the Hypothesis profile (tests/fuzzing.py: 100 by default, 1,000
in CI); `JXTARGETS_FUZZ_EXAMPLES=50000` makes it a developer's long run. All inputs are the
embedded data, mutated: no figure in them is meant to be true.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxtargets.loading.files import default_catalogue

from .conftest import DATA
from .fuzzing import DERANDOMIZE, MUTATION_EXAMPLES, counted, run_main

ACTUALS = {path.name: path.read_bytes() for path in sorted((DATA / "actuals").glob("actuals-*.yaml"))}
CATALOGUE = default_catalogue()
CATALOGUE_BYTES = CATALOGUE.read_bytes() if CATALOGUE.is_file() else None

# Tokens that broke, or could break, a reader (review fuzz.md): YAML syntax, tags and anchors,
# numbers in other notations, units, invisible and full-width characters, control bytes.
TOKENS = [
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:os.system ",
    "!!float ",
    "!!str ",
    "? ",
    "|",
    ">",
    "---\n",
    "...\n",
    '"',
    "'",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "  ",
    "\x00",
    "\x1b[31m",
    "\u200b",
    "\u202e",
    "\ufeff",
    "％",
    "%",
    "%%",
    "万",
    "亿元",
    "万亿元",
    "个百分点",
    "1e999",
    "-1e308",
    "nan",
    ".inf",
    "0755",
    "1_000",
    "60:30",
    "0x1F",
    "yes",
    "no",
    "~",
    "null",
    "true",
    "5O00",
    "10\u200b00",
    "５０００",
    "1,000",
    "1，000",
    "约5000",
    "5000左右",
    "0.9万亿元",
    "69%%",
    "2020",
    "1899",
    "2201",
    "year: 2020\n",
    "values:\n",
    "growth: ",
    "value: ",
    "unit: ",
    "since:\n",
    "source: ",
    "revisions:\n",
    "note: ",
    "done: ",
    "alt:\n",
    '=HYPERLINK("x")',
    "<script>",
    "|x|",
]
NUMBER = re.compile(rb"-?[0-9]+(?:\.[0-9]+)?")
LOOK_ALIKES = [
    b"",
    b"-",
    b".",
    b"1e999",
    b"nan",
    b"-0",
    b"5O00",
    b"10\xe2\x80\x8b00",
    b"\xef\xbc\x95",
    b"1,000",
    b"0.9\xe4\xb8\x87\xe4\xba\xbf\xe5\x85\x83",
    b"69%%",
    b"12%",
    b"0x10",
    b"1_000",
    b"00012",
    b"99999999999999999999",
    b"\xe7\xba\xa65000",
    b"3.5-4",
    b"[1, 2]",
    b"{value: 1}",
    b"~",
    b"yes",
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes, bool]:
    """(file name, mutated bytes, is it the catalogue)."""
    is_catalogue = CATALOGUE_BYTES is not None and draw(st.integers(0, 19)) == 0
    if is_catalogue:
        name, data = CATALOGUE.name, bytearray(CATALOGUE_BYTES or b"")
    else:
        name = draw(st.sampled_from(sorted(ACTUALS)))
        data = bytearray(ACTUALS[name])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "number", "flip", "lines", "indent"]))
        at = draw(st.integers(0, len(data)))
        span = draw(st.integers(1, 60))
        if op == "delete":
            del data[at : at + span]
        elif op == "duplicate":
            data[at:at] = data[at : at + span]
        elif op in ("insert", "replace"):
            token = draw(st.sampled_from(TOKENS)).encode()
            data[at : at + (span if op == "replace" else 0)] = token
        elif op == "number":
            found = list(NUMBER.finditer(data))
            if found:
                m = found[draw(st.integers(0, len(found) - 1))]
                data[m.start() : m.end()] = draw(st.sampled_from(LOOK_ALIKES))
        elif op == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == "lines":
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        elif op == "indent":
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = (
                draw(st.sampled_from([b" ", b"  ", b"\t", b"    "])) + lines[i]
                if draw(st.booleans())
                else lines[i].lstrip()
            )
            data = bytearray(b"\n".join(lines))
    if draw(st.integers(0, 9)) == 0:
        data = data[: draw(st.integers(0, len(data)))]  # cut short
    return name, bytes(data), is_catalogue


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "mutate-cache"))
    monkeypatch.delenv("JXTARGETS_DEBUG", raising=False)  # a bug must show as "internal error", not raise
    monkeypatch.delenv("JXTARGETS_NO_CACHE", raising=False)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mutate")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@settings(
    max_examples=MUTATION_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=DERANDOMIZE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(case=mutated())
@counted("mutations")
def test_mutated_real_files_exit_0_1_2_with_one_line_per_problem(case, workdir, capsys):
    name, data, is_catalogue = case
    path = workdir / name
    path.write_bytes(data)
    args = ["check", "2020", "--catalogue", str(path)] if is_catalogue else ["check", str(path)]
    code, out, err = run_main([*args, "--format", "json"], capsys)
    assert "Traceback" not in err and "internal error" not in err, err
    assert code in (0, 1, 2), (code, err[-2000:])
    lines = [line for line in err.split("\n") if line]
    for line in lines:
        assert line.startswith("jxtargets: ") and not _CONTROL.search(line), repr(line)
    if code == 2:
        assert any(str(path) in line for line in lines), err[-2000:]
    else:
        json.loads(out)
    assert path.read_bytes() == data  # nothing is ever written to a file the tool reads
