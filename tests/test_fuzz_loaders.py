"""Fuzzing the loaders: arbitrary text, bytes and YAML structures either load or raise LoadError
(one line per problem, naming the file) — never another exception, never a traceback.

Each test runs exactly LOADER_EXAMPLES examples (CLI_EXAMPLES for the one that runs the command),
set by the Hypothesis profile (tests/fuzzing.py: 300 and 100 by default, 900 and 1,000 in CI);
no example database is used, so every run is the same size. The examples run are counted and
printed at the end of the run.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxtargets import api
from jxtargets.loading.actuals import load_actuals
from jxtargets.loading.catalogue_set import load_catalogue
from jxtargets.loading.errors import LoadError, Problem
from jxtargets.loading.numbers import NumberError, parse_number
from jxtargets.loading.yamltree import YamlError, parse

from .fuzzing import CLI_EXAMPLES, DERANDOMIZE, LOADER_EXAMPLES, counted, run_main

FUZZ = settings(
    max_examples=LOADER_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=DERANDOMIZE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
FUZZ_CLI = settings(FUZZ, max_examples=CLI_EXAMPLES)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "fuzz-cache"))
    monkeypatch.delenv("JXTARGETS_DEBUG", raising=False)  # a bug must show as "internal error", not raise


@pytest.fixture(scope="module")
def catalogue():
    return api.open_catalogue()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _one_line(problems: list[Problem]) -> None:
    assert problems
    for p in problems:
        text = str(p)
        assert "\n" not in text and "\r" not in text, text
        assert p.file, text


def _load_actuals(path: Path, catalogue) -> None:
    try:
        actuals, warnings = load_actuals([path], catalogue, use_cache=False)
    except LoadError as exc:
        _one_line(exc.problems)
        assert any(not p.warning for p in exc.problems)
        return
    for series in actuals.figures.values():
        for figure in series.values():
            for number in (figure.value, figure.growth):
                assert number is None or math.isfinite(number)
            assert 1900 <= figure.year <= 2200


def _load_catalogue(path: Path) -> None:
    try:
        load_catalogue(path)
    except LoadError as exc:
        _one_line(exc.problems)


# -- arbitrary text and bytes ---------------------------------------------------------------------

YAMLISH = st.text(
    alphabet=st.sampled_from(list("year:values gdp{}[],-\n\t#&*!|>'\"0123456789.%亿元５，")), max_size=200
)


@FUZZ
@given(text=st.one_of(st.text(max_size=400), YAMLISH, YAMLISH.map(lambda t: "year: 2020\nvalues:\n  " + t)))
@counted("loaders")
def test_actuals_text(text, workdir, catalogue):
    path = workdir / "actuals-2020.yaml"
    path.write_text(text, encoding="utf-8")
    _load_actuals(path, catalogue)


@FUZZ
@given(
    data=st.one_of(st.binary(max_size=400), st.binary(max_size=200).map(lambda b: b"year: 2020\nvalues:\n  gdp: " + b))
)
@counted("loaders")
def test_actuals_bytes(data, workdir, catalogue):
    path = workdir / "actuals-2020.yaml"
    path.write_bytes(data)
    _load_actuals(path, catalogue)


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
@counted("loaders")
def test_actuals_csv_bytes(data, workdir, catalogue):
    path = workdir / "actuals-2020.csv"
    path.write_bytes(b"year,indicator,value,growth,since,cagr,done\n" + data)
    _load_actuals(path, catalogue)


@FUZZ
@given(text=st.one_of(st.text(max_size=400), YAMLISH))
@counted("loaders")
def test_catalogue_text(text, workdir):
    path = workdir / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    _load_catalogue(path)


@FUZZ
@given(data=st.binary(max_size=400))
@counted("loaders")
def test_catalogue_bytes(data, workdir):
    path = workdir / "targets.yaml"
    path.write_bytes(data)
    _load_catalogue(path)


# -- arbitrary YAML structures ---------------------------------------------------------------------

ACTUALS_KEYS = [
    "year",
    "values",
    "regions",
    "revisions",
    "source",
    "note",
    "gdp",
    "地区生产总值",
    "urbanization_rate",
    "pm25",
    "new_urban_jobs",
    "value",
    "unit",
    "growth",
    "since",
    "done",
    "alt",
    "cagr",
    "change",
    "annual_change",
    "total",
    "reduction",
    "嘉兴市",
    "海宁市",
]
CATALOGUE_KEYS = [
    "schema",
    "region",
    "regions",
    "plans",
    "indicators",
    "fyp13",
    "name",
    "name_en",
    "baseline_year",
    "target_year",
    "gdp",
    "unit",
    "direction",
    "category",
    "targets",
    "plan",
    "kind",
    "op",
    "value",
    "baseline",
    "stretch",
    "tolerance",
    "factor",
    "of",
    "measure",
    "source",
    "doc",
    "where",
    "quote",
    "attribute",
    "basis",
    "lead",
]
SCALAR_TEXT = st.sampled_from(
    [
        "2020",
        "2015",
        "5509.5",
        "５５０９．５",
        "69%",
        "1.2万人",
        "5,509.5",
        "28微克/立方米",
        "yes",
        "0755",
        "1_000",
        "60:30",
        ".nan",
        "-3",
        "亿元",
        "level",
        "cagr",
        ">=",
        "~",
        "range",
        "up",
        "down",
        "fyp13",
        "gdp",
        "%",
        "嘉兴市",
        "万元",
        "1e400",
        "",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    SCALAR_TEXT,
    st.integers(min_value=1890, max_value=2210),
)


def structures(keys: list[str]):
    key = st.one_of(st.sampled_from(keys), st.integers(min_value=1990, max_value=2030), st.text(max_size=8))
    return st.recursive(
        SCALARS,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(key, inner, max_size=5)),
        max_leaves=30,
    )


def _dump(tree) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


@FUZZ
@given(
    tree=st.one_of(
        structures(ACTUALS_KEYS),
        st.fixed_dictionaries(
            {
                "year": st.one_of(st.just(2020), SCALARS),
                "values": st.dictionaries(st.sampled_from(ACTUALS_KEYS), structures(ACTUALS_KEYS), max_size=6),
            }
        ),
    )
)
@counted("loaders")
def test_actuals_structures(tree, workdir, catalogue):
    path = workdir / "actuals-2020.yaml"
    path.write_text(_dump(tree), encoding="utf-8")
    _load_actuals(path, catalogue)


@FUZZ
@given(
    tree=st.one_of(
        structures(CATALOGUE_KEYS),
        st.fixed_dictionaries(
            {
                "region": st.one_of(st.just("嘉兴市"), SCALARS),
                "plans": st.one_of(
                    st.just({"fyp13": {"name": "十三五", "baseline_year": 2015, "target_year": 2020}}),
                    structures(CATALOGUE_KEYS),
                ),
                "indicators": st.dictionaries(
                    st.sampled_from(["gdp", "pm25", "Bad-Id", "城镇化率"]),
                    st.one_of(
                        structures(CATALOGUE_KEYS),
                        st.fixed_dictionaries(
                            {
                                "name": st.just("地区生产总值"),
                                "name_en": st.just("GDP"),
                                "unit": st.one_of(st.just("亿元"), SCALARS),
                                "direction": st.sampled_from(["up", "down", "sideways"]),
                                "category": st.just("economy"),
                                "targets": st.lists(structures(CATALOGUE_KEYS), max_size=3),
                            }
                        ),
                    ),
                    max_size=3,
                ),
            }
        ),
    )
)
@counted("loaders")
def test_catalogue_structures(tree, workdir):
    path = workdir / "targets.yaml"
    path.write_text(_dump(tree), encoding="utf-8")
    _load_catalogue(path)


# -- the pieces: numbers and the YAML reader -------------------------------------------------------


@FUZZ
@given(
    raw=st.one_of(
        SCALARS,
        SCALAR_TEXT,
        st.text(max_size=30),
        st.text(alphabet="0123456789.,+-eE _:%亿万元人／．，５９％ \u3000", max_size=15),
    )
)
@counted("loaders")
def test_parse_number(raw):
    try:
        value, unit = parse_number(raw)
    except NumberError as exc:
        assert "\n" not in str(exc)
        return
    assert math.isfinite(value)
    assert unit is None or (unit.strip() == unit and unit)


@FUZZ
@given(text=st.one_of(st.text(max_size=300), YAMLISH))
@counted("loaders")
def test_yamltree_parse(text):
    try:
        parse(text, "fuzz.yaml")
    except YamlError as exc:
        _one_line(exc.problems)


# -- the command line ------------------------------------------------------------------------------


@FUZZ_CLI
@given(
    data=st.one_of(
        st.binary(max_size=200), YAMLISH.map(str.encode), structures(ACTUALS_KEYS).map(lambda t: _dump(t).encode())
    )
)
@counted("command line")
def test_cli_never_tracebacks(data, workdir, capsys):
    path = workdir / "actuals-2020.yaml"
    path.write_bytes(data)
    code, _, err = run_main(["check", str(path), "--format", "json"], capsys)
    assert "Traceback" not in err and "internal error" not in err, err
    assert code in (0, 1, 2), (code, err)
    if code == 2:
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines and all(line.startswith("jxtargets: ") for line in lines), err
