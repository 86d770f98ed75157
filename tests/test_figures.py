"""Real data under the plan (core/figures.py and its use in the rules): revisions re-base,
series breaks, price basis, bounds, the latest figure. MADE-UP figures on a hand-built
catalogue; none comes from a document."""

from __future__ import annotations

import pytest

from jxtargets.core import growth
from jxtargets.core.kinds import decide
from jxtargets.core.model import Actuals, Catalogue, Figure, Indicator, Plan, Target
from jxtargets.core.rules import Evaluator

PLAN = Plan("p", "测试规划", "test plan", 2020, 2025)


def evaluate(target: Target, figures, year: int, unit="亿元", others=(), growth_basis=None, breaks=()):
    indicator = Indicator("x", "测试指标", "test", unit, "up", "economy", growth_basis=growth_basis)
    indicator.targets.append(target)
    indicators = {"x": indicator, **{o.id: o for o in others}}
    actuals = Actuals()
    for f in figures:
        actuals.add(f)
    for ind, y in breaks:
        actuals.add_break(ind, "嘉兴市", y)
    return Evaluator(Catalogue("嘉兴市", {"p": PLAN}, indicators, ("嘉兴市",)), actuals).evaluate(target, year)


def level(value=9000.0, baseline=5509.5, op=">=", kind="level", **fields) -> Target:
    return Target("p", "x", kind, op, value, baseline, 2020, 2025, **fields)


def f(year, value=None, **fields) -> Figure:
    return Figure("x", "嘉兴市", year, value, **fields)


def test_revised_baseline_rebases_planned_implied_and_required():
    revised = f(2020, 5560.0, revised_in="actuals-2021.yaml", revised_from=5509.5)
    r = evaluate(level(), [revised, f(2022, 6800.0)], 2022)
    assert r.baseline == 5560.0 and r.baseline_document == 5509.5
    assert r.planned_cagr == pytest.approx(growth.cagr(5560.0, 9000.0, 5))
    assert r.implied_cagr == pytest.approx(growth.cagr(5560.0, 6800.0, 2))
    assert r.required_cagr == pytest.approx(growth.cagr(6800.0, 9000.0, 3))
    assert ("rebased", {"value": 5560.0, "document": 5509.5}) in r.why


def test_unrevised_figure_for_the_baseline_year_does_not_rebase():
    r = evaluate(level(), [f(2020, 5560.0), f(2022, 6800.0)], 2022)
    assert r.baseline == 5509.5 and r.baseline_document is None


def test_break_makes_the_pace_unassessable_and_is_marked():
    share = level(75.0, 69.0)
    r = evaluate(share, [f(2022, 72.0)], 2022, unit="%", breaks=[("x", 2021)])
    assert r.status == "unassessable" and r.spans_break and r.break_year == 2021
    assert r.pace is None and r.implied_cagr is None and r.progress_pct is None
    # Without the break the same figures are judged on their pace.
    assert evaluate(share, [f(2022, 72.0)], 2022, unit="%").status in ("on_track", "behind", "off_track")


def test_level_reached_across_a_break_stands_marked():
    r = evaluate(level(75.0, 69.0), [f(2022, 76.0)], 2022, unit="%", breaks=[("x", 2021)])
    assert r.status == "met" and r.break_year == 2021


def test_relative_target_with_mixed_bases_is_unassessable():
    gdp = Indicator("y", "地区生产总值", "GRP", "亿元", "up", "economy", growth_basis="comparable")
    target = Target("p", "x", "relative", "~", None, None, 2020, 2021, of="y")
    income = f(2021, 60000.0, growth=9.6, growth_basis="current")
    gdp_2021 = Figure("y", "嘉兴市", 2021, 6000.0, growth=8.2)
    r = evaluate(target, [income, gdp_2021], 2021, unit="元", others=[gdp])
    assert r.status == "unassessable"
    assert r.why[-1] == (
        "basis_mixed",
        {"of": "y", "name": "地区生产总值", "name_en": "GRP", "mine": "current", "theirs": "comparable"},
    )
    # Both real: judged.
    income.growth_basis = "comparable"
    assert evaluate(target, [income, gdp_2021], 2021, unit="元", others=[gdp]).status == "met"


def test_comparable_target_on_a_current_price_growth_is_unassessable():
    target = Target("p", "x", "cagr", ">=", 7.0, None, 2020, 2021, basis="comparable")
    r = evaluate(target, [f(2021, growth=9.6, growth_basis="current")], 2021)
    assert r.status == "unassessable" and r.why[-1][0] == "basis_differs"
    # The indicator's convention fills in a figure that says nothing.
    assert evaluate(target, [f(2021, growth=9.6)], 2021, growth_basis="comparable").status == "met"


def test_lower_bound_meeting_a_floor_is_met_else_unassessable():
    floor = level(10.0, 8.0)
    assert evaluate(floor, [f(2025, 10.0, bound="lower")], 2025).status == "met"
    r = evaluate(level(11.0, 8.0), [f(2025, 10.0, bound="lower")], 2025)
    assert r.status == "unassessable" and r.actual_bound == "lower" and r.gap is None
    # A lower bound above a ceiling: missed whatever the exact figure.
    assert evaluate(level(9.0, 8.0, op="<="), [f(2025, 10.0, bound="lower")], 2025).status == "missed"


def test_lower_bound_baseline_gives_no_exact_pace_and_no_exact_doubling():
    bound_base = f(2020, 10.0, bound="lower")
    r = evaluate(level(14.0, None), [bound_base, f(2022, 12.0)], 2022)
    assert r.baseline == 10.0 and r.baseline_bound == "lower"
    assert r.status == "unassessable" and r.planned_cagr is None and r.implied_cagr is None
    doubling = level(None, None, kind="multiple", factor=2.0)
    r = evaluate(doubling, [bound_base, f(2025, 25.0)], 2025)
    assert r.target_value == 20.0 and r.target_bound == "lower" and r.status == "unassessable"


def test_latest_figure_at_or_before_the_year():
    r = evaluate(level(), [f(2022, 6800.0)], 2024)
    assert r.year == 2024 and r.actual_year == 2022 and r.as_of == 2024 and r.measured_year == 2022
    assert ("latest_figure", {"year": 2022}) in r.why
    assert r.status != "no_data"


@pytest.mark.parametrize(
    ("measured", "bound", "op", "value", "expected"),
    [
        (10, "lower", ">=", 10, True),
        (10, "lower", ">=", 11, None),
        (10, "lower", "<=", 9, False),
        (10, "upper", "<=", 10, True),
        (10, "upper", ">=", 11, False),
        (4, "lower", "range", (3, 5), True),  # a range is passed beyond on the good side too
        (2, "upper", "range", (3, 5), False),
    ],
)
def test_decide(measured, bound, op, value, expected):
    assert decide(measured, bound, op, value, 0.0, 1) is expected
