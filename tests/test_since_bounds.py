"""A figure a release reports since a start year only as a bound ("累计培训 300 万人次以上", "年均增长
7.5%以上") is written `since: {START: {total: 300, bound: lower}}` and judged by interval logic,
never as the exact figure (SPEC §4). All figures here are MADE UP."""

from __future__ import annotations

import pytest

from jxtargets.core.model import Figure

from .conftest import run
from .test_rules import judge


def _since(year: int, start: int, figures: dict[str, float], bound: str) -> Figure:
    return Figure("x", "嘉兴市", year, since={start: figures}, since_bound={start: bound})


@pytest.mark.parametrize(
    "op, value, status",
    [
        (">=", 250, "met"),  # every total of at least 300 is at least 250
        (">=", 400, "unassessable"),  # at least 300 may or may not be 400
        ("<=", 200, "missed"),  # no total of at least 300 is at most 200
    ],
)
def test_a_total_known_only_as_a_lower_bound(op, value, status):
    r = judge(kind="total", op=op, value=value, figures=[_since(2020, 2015, {"total": 300}, "lower")], unit="万人次")
    assert (r.status, r.actual, r.actual_bound) == (status, 300, "lower")
    assert r.gap == (0.0 if status == "met" else None)  # no gap is computed from a bound


def test_a_reported_average_known_only_as_a_lower_bound():
    figures = [_since(2020, 2015, {"cagr": 7.5}, "lower")]
    met = judge(kind="cagr", value=7, baseline=100, figures=figures)
    assert (met.status, met.actual, met.actual_bound, met.implied_cagr) == ("met", 7.5, "lower", None)
    open_question = judge(kind="cagr", value=8, baseline=100, figures=figures)
    assert (open_question.status, open_question.actual_bound) == ("unassessable", "lower")


def test_a_reduction_known_only_as_an_upper_bound_mid_plan():
    # 累计下降不到10%: at most 10 of a 20% fall due by 2020, as of 2017 -> cannot tell the pace
    r = judge(
        kind="reduction", value=20, baseline=50, figures=[_since(2017, 2015, {"reduction": 10}, "upper")], year=2017
    )
    assert (r.status, r.actual_bound, r.pace) == ("unassessable", "upper", None)


def test_a_since_bound_with_no_figure_is_an_error(tmp_path):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(
        "# MADE UP\nyear: 2020\nvalues:\n  gdp:\n    since:\n      2015: {bound: lower}\n", encoding="utf-8"
    )
    proc = run("check", str(path), "--lang", "en")
    assert proc.returncode == 2
    assert f"jxtargets: {path}:6: values.gdp.since.2015.bound: a bound needs the value it bounds" in (
        proc.stderr.splitlines()
    )
