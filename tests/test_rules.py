"""The rules for each kind of target, on small hand-built catalogues (made-up figures)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jxtargets.core import policy
from jxtargets.core.model import Actuals, Catalogue, Figure, Indicator, Plan, Target
from jxtargets.core.rules import Evaluator

PLAN = Plan("p", "测试规划", "test plan", 2015, 2020)


def judge(
    kind="level",
    op=">=",
    value=None,
    baseline=None,
    figures=(),
    year=2020,
    unit="亿元",
    direction="up",
    extra_indicators=(),
    **target_fields,
):
    indicator = Indicator("x", "测试指标", "test", unit, direction, "economy")
    target = Target("p", "x", kind, op, value, baseline, 2015, 2020, **target_fields)
    indicator.targets.append(target)
    indicators = {"x": indicator}
    for ind in extra_indicators:
        indicators[ind.id] = ind
    catalogue = Catalogue("嘉兴市", {"p": PLAN}, indicators, ("嘉兴市",))
    actuals = Actuals()
    for fig in figures:
        actuals.add(fig)
    return Evaluator(catalogue, actuals).evaluate(target, year)


def fig(year, value=None, growth=None, since=None, indicator="x", done=None, basis=None, bound=None):
    """A made-up figure; `basis` is the price basis of its growth and reported averages."""
    since = since or {}
    return Figure(
        indicator,
        "嘉兴市",
        year,
        value=value,
        growth=growth,
        since=since,
        done=done,
        bound=bound,
        growth_basis=basis,
        since_basis={start: basis for start in since} if basis else {},
    )


# -- level ----------------------------------------------------------------------------------


def test_level_final_met_and_figures():
    r = judge(value=5000, baseline=3517.1, figures=[fig(2020, 5509.5)])
    assert r.status == "met"
    assert r.gap == 0 and r.gap_pct == 0
    assert r.planned_cagr == pytest.approx(7.29, abs=0.01)
    assert r.implied_cagr == pytest.approx(9.39, abs=0.01)
    assert r.required_cagr is None  # Y = T
    assert r.time_pct == 100
    assert r.progress_pct == pytest.approx(134.36, abs=0.01)


def test_level_final_missed_gap_is_positive_shortfall():
    r = judge(value=5000, baseline=3517.1, figures=[fig(2020, 4900)])
    assert r.status == "missed"
    assert r.gap == pytest.approx(100) and r.gap_pct == pytest.approx(2.0)


def test_ceiling_mirrors_floor():
    r = judge(op="<=", value=43, baseline=51, figures=[fig(2020, 28)], direction="down", unit="微克/立方米")
    assert r.status == "met"
    r = judge(op="<=", value=43, baseline=51, figures=[fig(2020, 45)], direction="down", unit="微克/立方米")
    assert r.status == "missed" and r.gap == pytest.approx(2)


def test_interim_floor_already_reached_is_met():
    r = judge(value=5000, baseline=3517.1, figures=[fig(2018, 5100)], year=2018)
    assert r.status == "met" and r.year == 2018
    assert r.time_pct == 60


def test_interim_pace_growth_ratio():
    # planned 3517.1 -> 5000 (7.29%/yr); by 2017 at 3800: implied 3.94%/yr, ratio 0.54 -> off_track
    r = judge(value=5000, baseline=3517.1, figures=[fig(2017, 3800)], year=2017)
    assert r.pace_method == "growth"
    assert r.pace == pytest.approx(r.implied_cagr / r.planned_cagr)
    assert r.status == "off_track"
    r = judge(value=5000, baseline=3517.1, figures=[fig(2017, 4000)], year=2017)
    assert r.status == "behind"  # 6.64 / 7.29 = 0.91
    r = judge(value=5000, baseline=3517.1, figures=[fig(2017, 4050)], year=2017)
    assert r.status == "on_track"
    assert r.required_cagr == pytest.approx(((5000 / 4050) ** (1 / 3) - 1) * 100)


def test_interim_share_uses_straight_path():
    # 60.9% -> 68% over 5 years; 2 years in, 63.0 covers 2.1 of the 2.84 due: 0.74 -> behind
    r = judge(value=68, baseline=60.9, figures=[fig(2017, 63.0)], year=2017, unit="%")
    assert r.pace_method == "linear"
    assert r.pace == pytest.approx(2.1 / (7.1 * 0.4))
    assert r.status == "behind"


def test_moving_away_is_off_track():
    r = judge(value=68, baseline=60.9, figures=[fig(2017, 60.0)], year=2017, unit="%")
    assert r.status == "off_track"


def test_approximately_uses_tolerance_on_the_bad_side_only():
    # 75左右 for a share: 1 pp tolerance; 74.2 passes, 73.9 does not, 80 (good side) passes.
    for actual, status in ((74.2, "met"), (73.9, "missed"), (80, "met")):
        assert judge(op="~", value=75, baseline=69, figures=[fig(2020, actual)], unit="%").status == status


def test_range_and_equals():
    assert judge(op="range", value=(3, 5), baseline=1, figures=[fig(2020, 4)], unit="%").status == "met"
    # past the band on the good side passes (issue 15.4); short of it on the bad side does not
    assert judge(op="range", value=(3, 5), baseline=1, figures=[fig(2020, 5.5)], unit="%").status == "met"
    assert judge(op="range", value=(3, 5), baseline=1, figures=[fig(2020, 2.5)], unit="%").status == "missed"
    down = judge(op="range", value=(3, 5), baseline=8, figures=[fig(2020, 2.5)], unit="%", direction="down")
    assert down.status == "met"
    assert judge(op="range", value=(3, 5), baseline=8, figures=[fig(2020, 5.5)], unit="%", direction="down").status == (
        "missed"
    )
    assert judge(op="==", value=0, baseline=1, figures=[fig(2020, 0)], unit="个").status == "met"


def test_stretch_is_reported_never_required():
    r = judge(value=9000, stretch=10000, baseline=5509.5, figures=[fig(2020, 9500)])
    assert r.status == "met" and r.stretch_met is False
    r = judge(value=None, stretch=10000, baseline=5509.5, figures=[fig(2020, 9500)])
    assert r.status == "missed" and r.required is False  # a 力争-only target never fails a run


def test_no_figure_is_no_data_and_baseline_year_is_baseline():
    assert judge(value=5000, baseline=3517.1).status == "no_data"
    r = judge(value=5000, figures=[fig(2015, 3517.1)], year=2015)
    assert r.status == "baseline" and r.actual == 3517.1


# -- cagr -----------------------------------------------------------------------------------


def test_cagr_reported_comparable_beats_nominal_levels():
    r = judge(
        kind="cagr",
        value=7,
        basis="comparable",
        baseline=3517.1,
        figures=[fig(2020, 5509.5, since={2015: {"cagr": 6.59}}, basis="comparable")],
    )
    assert r.status == "missed"
    assert r.implied_cagr == 6.59 and r.measured_by == "reported"
    assert r.nominal_cagr == pytest.approx(9.39, abs=0.01)
    assert r.gap == pytest.approx(0.41)


def test_cagr_comparable_with_levels_only_is_no_verdict():
    r = judge(kind="cagr", value=7, basis="comparable", baseline=3517.1, figures=[fig(2020, 5509.5)])
    assert r.status == "no_data" and r.nominal_cagr == pytest.approx(9.39, abs=0.01)


def test_cagr_current_prices_from_levels():
    r = judge(kind="cagr", value=7, basis="current", baseline=3517.1, figures=[fig(2020, 5509.5)])
    assert r.status == "met" and r.measured_by == "levels"


def test_cagr_chains_yearly_growth():
    figures = [fig(y, growth=g) for y, g in zip(range(2016, 2021), (7, 7, 7, 7, 7), strict=True)]
    r = judge(kind="cagr", value=7, figures=figures)
    assert r.measured_by == "chained" and r.implied_cagr == pytest.approx(7)
    assert r.status == "met"


def test_cagr_interim_thresholds():
    r = judge(kind="cagr", value=7, figures=[fig(2016, growth=6), fig(2017, growth=6)], year=2017)
    assert r.pace == pytest.approx(6 / 7)
    assert r.status == "behind"
    want = ((1.07**5 / 1.06**2) ** (1 / 3) - 1) * 100
    assert r.required_cagr == pytest.approx(want)


def test_one_year_growth_target():
    plan_year = judge(kind="cagr", op="~", value=7, figures=[fig(2016, growth=6.7)], year=2016)
    # a 2015->2020 plan judged in 2016 from one year's growth: 6.7 of 7 is on track
    assert plan_year.status == "on_track"


# -- change, annual_change, total, reduction --------------------------------------------------


def test_change_reported_and_computed():
    r = judge(kind="change", value=7.1, baseline=60.9, figures=[fig(2020, 69, since={2015: {"change": 8.1}})], unit="%")
    assert r.status == "met" and r.actual == 8.1 and r.measured_by == "reported"
    r = judge(kind="change", value=7.1, baseline=60.9, figures=[fig(2020, 67)], unit="%")
    assert r.status == "missed" and r.actual == pytest.approx(6.1) and r.measured_by == "computed"


def test_annual_change_service_share():
    r = judge(
        kind="annual_change",
        value=1.2,
        baseline=43.4,
        figures=[fig(2020, since={2015: {"annual_change": 0.48}})],
        unit="%",
    )
    assert r.status == "missed" and r.gap == pytest.approx(0.72)


def test_total_reported_and_summed():
    r = judge(kind="total", value=30, figures=[fig(2020, since={2015: {"total": 68.65}})], unit="万人")
    assert r.status == "met"
    figures = [fig(y, 5) for y in range(2016, 2019)]
    r = judge(kind="total", value=30, figures=figures, year=2018, unit="万人")
    assert r.actual == 15 and r.pace == pytest.approx(15 / 18) and r.status == "behind"


def test_reduction():
    r = judge(
        kind="reduction",
        value=18.9,
        baseline=51,
        figures=[fig(2020, 28, since={2015: {"reduction": 47.2}})],
        direction="down",
        unit="微克/立方米",
    )
    assert r.status == "met" and r.actual == 47.2
    r = judge(kind="reduction", value=16, baseline=100, figures=[fig(2020, 90)], direction="down", unit="立方米/万元")
    assert r.status == "missed" and r.actual == pytest.approx(10)


# -- multiple, relative, external, milestone --------------------------------------------------


def test_multiple_doubling():
    r = judge(kind="multiple", factor=2, baseline=100, figures=[fig(2020, 210)])
    assert r.target_value == 200 and r.status == "met"
    r = judge(kind="multiple", factor=2, figures=[fig(2020, 210)])
    assert r.status == "unassessable"  # no baseline: nothing invented


def test_relative_to_gdp():
    gdp = Indicator("gdp", "地区生产总值", "GRP", "亿元", "up", "economy")
    real = "comparable"
    figures = [
        fig(2020, since={2015: {"cagr": 8.0}}, basis=real),
        fig(2020, since={2015: {"cagr": 6.59}}, indicator="gdp", basis=real),
    ]
    r = judge(kind="relative", op=">=", of="gdp", figures=figures, extra_indicators=[gdp])
    assert r.status == "met" and r.target_value == 6.59
    figures[0] = fig(2020, since={2015: {"cagr": 6.4}}, basis=real)
    r = judge(kind="relative", op="~", of="gdp", figures=figures, extra_indicators=[gdp])
    assert r.status == "met"  # 6.4 within 5% of 6.59
    figures[0] = fig(2020, since={2015: {"cagr": 5.0}}, basis=real)
    assert judge(kind="relative", op="~", of="gdp", figures=figures, extra_indicators=[gdp]).status == "missed"


def test_external_without_and_with_value():
    r = judge(kind="external", op=None, measure="reduction", figures=[fig(2020, 1)])
    assert r.status == "unassessable"
    r = judge(
        kind="external",
        op=">=",
        value=18.5,
        measure="reduction",
        baseline=0.5,
        figures=[fig(2020, since={2015: {"reduction": 20}})],
        direction="down",
        unit="吨标煤/万元",
    )
    assert r.status == "met"


def test_milestone():
    assert judge(kind="milestone", op=None, figures=[fig(2019, done=True)]).status == "met"
    assert judge(kind="milestone", op=None, figures=[fig(2020, done=False)]).status == "missed"
    assert judge(kind="milestone", op=None, figures=[fig(2017, done=False)], year=2017).status == "unassessable"
    assert judge(kind="milestone", op=None).status == "no_data"


# -- properties -------------------------------------------------------------------------------

RANK = {"met": 0, "on_track": 1, "behind": 2, "off_track": 3, "missed": 3}
levels = st.floats(min_value=1, max_value=1e5, allow_nan=False)
shares = st.floats(min_value=0.5, max_value=99.5, allow_nan=False)


@given(
    levels,
    levels,
    levels,
    levels,
    st.sampled_from([2016, 2017, 2018, 2019, 2020]),
    st.sampled_from([">=", "~"]),
    st.sampled_from(["亿元", "%"]),
)
def test_a_better_actual_never_gives_a_worse_status(base, target, a1, a2, year, op, unit):
    if unit == "%":
        base, target, a1, a2 = (min(x, 100) for x in (base, target, a1, a2))
    lo, hi = sorted((a1, a2))
    worse = judge(op=op, value=target, baseline=base, figures=[fig(year, lo)], year=year, unit=unit)
    better = judge(op=op, value=target, baseline=base, figures=[fig(year, hi)], year=year, unit=unit)
    assert RANK[better.status] <= RANK[worse.status]


@given(shares, shares, shares, st.sampled_from([2016, 2018, 2020]))
def test_down_mirrors_up_for_shares(base, target, actual, year):
    up = judge(op=">=", value=target, baseline=base, figures=[fig(year, actual)], year=year, unit="%")
    down = judge(
        op="<=",
        value=100 - target,
        baseline=100 - base,
        figures=[fig(year, 100 - actual)],
        year=year,
        unit="%",
        direction="down",
    )
    assert up.status == down.status


@given(levels, levels, levels, st.sampled_from([2016, 2018, 2020]))
def test_down_mirrors_up_for_levels(base, target, actual, year):
    # A ceiling on 1/x is a floor on x: the verdict is the same (met, missed, reached early).
    # The pace between, a ratio of CAGRs, is not symmetric under 1/x, so only its sign is.
    up = judge(op=">=", value=target, baseline=base, figures=[fig(year, actual)], year=year)
    down = judge(
        op="<=", value=1 / target, baseline=1 / base, figures=[fig(year, 1 / actual)], year=year, direction="down"
    )
    if "met" in (up.status, down.status) or year == 2020:
        assert up.status == down.status
    else:
        assert (up.pace > 0) == (down.pace > 0)  # progress on one side is progress on the other


def test_down_direction_pace_on_a_fall():
    # PM2.5 51 -> 43 planned (a fall of 3.36% a year); by 2017 at 48: -2.99% a year, r = 0.89
    r = judge(op="<=", value=43, baseline=51, figures=[fig(2017, 48)], year=2017, direction="down", unit="微克/立方米")
    assert r.planned_cagr < 0 and r.implied_cagr < 0
    assert r.pace == pytest.approx(r.implied_cagr / r.planned_cagr)
    assert r.status == "behind"
    assert (
        judge(
            op="<=", value=43, baseline=51, figures=[fig(2017, 52)], year=2017, direction="down", unit="微克/立方米"
        ).status
        == "off_track"
    )


nums = st.one_of(
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.just(0.0),
    st.floats(max_value=0, allow_nan=False, allow_infinity=False),
)


@given(
    st.sampled_from(["level", "cagr", "change", "annual_change", "total", "reduction", "multiple"]),
    st.sampled_from([">=", "<=", "~", "=="]),
    nums,
    nums,
    nums,
    nums,
    st.integers(2010, 2025),
    st.sampled_from(["up", "down"]),
    st.sampled_from(["亿元", "%"]),
)
def test_no_input_raises(kind, op, value, base, actual, growth_rate, year, direction, unit):
    value = 0.0 if value is None else value
    figures = [fig(year, actual, growth=growth_rate)]
    r = judge(
        kind=kind,
        op=op,
        value=value,
        baseline=base,
        figures=figures,
        year=max(year, 2015),
        direction=direction,
        unit=unit,
        factor=2,
    )
    assert r.status in policy.STATUSES
    for name in ("gap", "gap_pct", "progress_pct", "time_pct", "planned_cagr", "implied_cagr", "required_cagr"):
        x = getattr(r, name)
        assert x is None or math.isfinite(x), name
