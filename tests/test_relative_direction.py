"""A `relative` target follows its operator: `>=` (grow at least as fast as the other indicator)
and `<=` (grow no faster: 能源消费增速低于地区生产总值增速) are judged each its own way, gap and pace
included; a growth-rate ceiling above 0 is judged the same way. The catalogue and the figures in
tests/data/relative-ceiling-madeup/ are MADE UP (a made-up city, no source document)."""

from __future__ import annotations

import pytest

from .conftest import ROOT, find, run, run_json
from .test_rules import fig, judge

MADE_UP = ROOT / "tests" / "data" / "relative-ceiling-madeup"
CATALOGUE = str(MADE_UP / "catalogue.yaml")


def _check(year: int):
    data, code = run_json("check", str(MADE_UP / f"actuals-{year}.yaml"), "--catalogue", CATALOGUE)
    return data["results"], code


def test_a_ceiling_exceeded_mid_plan_is_behind_not_ahead():
    # 2021: energy use +10% against GDP's +8%, a ceiling: short of it by 2 points, pace 8/10.
    results, code = _check(2021)
    energy = find(results, indicator="energy_use")
    assert (energy["op"], energy["target"], energy["actual"]) == ("<=", 8.0, 10.0)
    assert (energy["status"], energy["label"], energy["gap"], energy["pace"]) == ("behind", "滞后", 2.0, 0.8)
    assert energy["why"].startswith("10% > 8%；进度比0.8（增速比）")
    # The floor of the same plan, 10% against 8%: past it.
    exports = find(results, indicator="exports")
    assert (exports["status"], exports["label"], exports["gap"], exports["pace"]) == ("on_track", "快于预期", 0.0, 1.25)
    assert code == 0  # behind is not failing by default
    table = run("check", str(MADE_UP / "actuals-2021.yaml"), "--catalogue", CATALOGUE).stdout
    assert "≤8%/年" in table and "滞后" in table and "合计 2: 快于预期 1 · 滞后 1" in table


def test_a_ceiling_kept_mid_plan_is_on_track():
    # 2020-2023: energy use +5% a year against GDP's +7%: within the ceiling, room to spare (7/5).
    results, _ = _check(2023)
    energy = find(results, indicator="energy_use")
    assert (energy["status"], energy["label"], energy["gap"], energy["pace"]) == ("on_track", "快于预期", 0.0, 1.4)
    exports = find(results, indicator="exports")  # 6% against a floor of 7%: 6/7
    assert (exports["status"], exports["label"], exports["gap"], exports["pace"]) == ("behind", "滞后", 1.0, 0.8571)


def test_a_ceiling_missed_at_the_end_is_short_by_a_positive_gap():
    # 2020-2025: energy use +7% a year against GDP's +6%: missed, 1 point short (positive: short).
    results, code = _check(2025)
    energy = find(results, indicator="energy_use")
    assert (energy["status"], energy["label"], energy["gap"], energy["gap_pct"]) == ("missed", "未完成", 1.0, 16.6667)
    exports = find(results, indicator="exports")
    assert (exports["status"], exports["gap"]) == ("missed", 1.0)
    assert code == 1


@pytest.mark.parametrize(
    "rate, status, pace",
    [
        (10.0, "behind", 0.8),  # 10% a year against a ceiling of 8%: the allowance over the rate used
        (14.0, "off_track", 8 / 14),  # below 0.6
        (6.0, "on_track", 8 / 6),  # within the ceiling
    ],
)
def test_a_growth_rate_ceiling_above_zero_mid_plan(rate, status, pace):
    # MADE UP: 年均增长不超过8% (cagr <= 8), 2015-2020, judged on a reported 2015-2017 average.
    r = judge(kind="cagr", op="<=", value=8, baseline=100, figures=[fig(2017, since={2015: {"cagr": rate}})], year=2017)
    assert r.status == status
    assert r.pace == pytest.approx(pace)


def test_a_growth_rate_fall_target_keeps_its_pace():
    # MADE UP: 年均下降3% (cagr <= -3): a fall of 2% a year is two thirds of the pace needed.
    r = judge(kind="cagr", op="<=", value=-3, baseline=100, figures=[fig(2017, since={2015: {"cagr": -2}})], year=2017)
    assert (r.status, r.pace) == ("behind", pytest.approx(2 / 3))
    r = judge(kind="cagr", op="<=", value=-3, baseline=100, figures=[fig(2017, since={2015: {"cagr": 1}})], year=2017)
    assert (r.status, r.pace) == ("off_track", -1.0)  # rising: moving away
