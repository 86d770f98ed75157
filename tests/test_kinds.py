"""The table of target kinds (core/kinds.py) and the one direction rule the rules and the review
share. Made-up figures on hand-built catalogues."""

from __future__ import annotations

import pytest

from jxtargets.core import kinds
from jxtargets.core.kinds import KINDS, OP_SYMBOL, SINCE_FIGURES, SPECS, better, measure_unit, near_bound
from jxtargets.core.model import Actuals, Catalogue, Figure, Indicator, Plan, Target
from jxtargets.core.review import review_row
from jxtargets.core.rules import Evaluator

PLAN = Plan("p", "测试规划", "test plan", 2015, 2020)


def test_every_kind_has_one_spec_and_words():
    assert tuple(SPECS) == KINDS
    for kind, spec in SPECS.items():
        assert spec.kind == kind
        assert spec.zh and spec.en
    assert SINCE_FIGURES == ("cagr", "change", "annual_change", "total", "reduction")
    assert kinds.PERCENT_SINCE_FIGURES == ("cagr", "reduction")
    assert [k for k, s in SPECS.items() if s.on_level] == ["level", "multiple"]
    assert SPECS["relative"].ops == (">=", "~", "<=")
    assert OP_SYMBOL[">="] == "≥" and OP_SYMBOL["~"] == "≈"


@pytest.mark.parametrize(
    ("kind", "unit", "lang", "expected"),
    [
        ("level", "亿元", "zh", "亿元"),
        ("level", "%", "zh", "%"),
        ("cagr", "亿元", "zh", "%/年"),
        ("relative", "元", "en", "% a year"),
        ("reduction", "微克/立方米", "zh", "%"),
        ("change", "%", "zh", "个百分点"),
        ("annual_change", "%", "zh", "个百分点/年"),
        ("annual_change", "%", "en", " pp a year"),
        ("total", "万人", "zh", "万人"),
    ],
)
def test_measure_unit(kind, unit, lang, expected):
    assert measure_unit(kind, unit, lang) == expected


def _target(kind="level", op=">=", value=None, **fields) -> Target:
    return Target("p", "x", kind, op, value, None, 2015, 2020, **fields)


def _indicator(direction="up") -> Indicator:
    return Indicator("x", "测试指标", "test", "亿元", direction, "economy")


@pytest.mark.parametrize(
    ("kind", "op", "direction", "expected"),
    [
        ("level", ">=", "down", 1),  # the operator decides
        ("level", "<=", "up", -1),
        ("level", "~", "up", 1),
        ("level", "~", "down", -1),
        ("reduction", "~", "down", 1),  # a larger fall is better for a down indicator
        ("reduction", "~", "up", -1),
        ("relative", "~", "down", 1),  # growing at least as fast as the other: more is better
        ("level", "range", "down", -1),
    ],
)
def test_better(kind, op, direction, expected):
    assert better(_target(kind, op), _indicator(direction)) == expected


def test_near_bound():
    assert near_bound((3.0, 5.0), 1) == 3.0
    assert near_bound((3.0, 5.0), -1) == 5.0
    assert near_bound(7.0, -1) == 7.0


def _catalogue(target: Target, indicator: Indicator, other: Indicator | None = None) -> Catalogue:
    indicator.targets.append(target)
    indicators = {indicator.id: indicator}
    if other is not None:
        indicators[other.id] = other
    return Catalogue("嘉兴市", {"p": PLAN}, indicators, ("嘉兴市",))


def test_relative_target_on_a_down_indicator_agrees_with_its_projection():
    """E7 of the code review: a relative `~` target on a down indicator growing 9%/yr against
    7%/yr for the other was on track in the rules yet "falls short" in the review's projection."""
    mine = Indicator("x", "测试指标", "test", "亿元", "down", "economy")
    other = Indicator("y", "对照指标", "other", "亿元", "up", "economy")
    target = _target("relative", "~", of="y")
    catalogue = _catalogue(target, mine, other)
    actuals = Actuals()
    real = {2015: "comparable"}
    actuals.add(Figure("x", "嘉兴市", 2017, 100.0, since={2015: {"cagr": 9.0}}, since_basis=real))
    actuals.add(Figure("y", "嘉兴市", 2017, 100.0, since={2015: {"cagr": 7.0}}, since_basis=real))
    result = Evaluator(catalogue, actuals).evaluate(target, 2017)
    assert result.status == "on_track"
    row = review_row(result, actuals, 2017)
    assert row.projection == 9.0
    assert row.projection_meets is True


def test_multiple_without_factor_or_stretch_is_unassessable_not_an_exception():
    """E8 of the code review: the core never raises, even on a target the validator would refuse."""
    target = Target("p", "x", "multiple", ">=", None, 100.0, 2015, 2020)
    catalogue = _catalogue(target, _indicator())
    actuals = Actuals()
    actuals.add(Figure("x", "嘉兴市", 2020, 250.0))
    result = Evaluator(catalogue, actuals).evaluate(target, 2020)
    assert result.status == "unassessable"
    assert ("no_factor", {}) in result.why
