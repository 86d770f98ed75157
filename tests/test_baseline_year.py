"""A target checked in its baseline year: nothing is judged yet, and the figure of that year is
the starting level. For a target measured as a rate, a change, a sum or a fall, that level is
never shown as the measure: 全员劳动生产率 in 2020 is 16.1万元/人 (表1), the baseline of the 14th
FYP's 年均增长7%以上, not a growth of "16.1%/年"."""

from __future__ import annotations

import pytest

from .conftest import find, run, run_json


@pytest.fixture(scope="module")
def baselines_2020():
    data, code = run_json("check", "2020", "--status", "baseline")
    assert code == 0
    return data["results"]


def test_a_rate_target_in_its_baseline_year_shows_the_level_as_its_baseline(baselines_2020):
    r = find(baselines_2020, plan="fyp14", indicator="labour_productivity", kind="cagr")
    assert (r["status"], r["label"]) == ("baseline", "未到期")
    assert r["actual"] is None and r["actual_year"] is None  # no growth yet: no rate to show
    assert (r["baseline"], r["unit"], r["measure_unit"]) == (16.1, "万元/人", "%/年")
    # The whole period is still ahead: the pace required is the pace planned.
    assert (r["planned_pace"], r["implied_pace"], r["required_pace"]) == (7.0, None, 7.0)
    assert r["why"] == "2020年为基期（16.1万元/人），尚无增长或变化可评"


def test_the_tables_show_the_baseline_level_in_its_own_unit():
    table = run("check", "2020", "--status", "baseline").stdout
    row = next(line for line in table.splitlines() if "全员劳动生产率 · 年均增速" in line)
    assert "≥7%/年" in row and "16.1万元/人" in row and "未到期" in row
    assert "16.1%/年" not in table
    markdown = run("check", "2020", "--status", "baseline", "--format", "markdown").stdout
    md_row = next(line for line in markdown.splitlines() if "全员劳动生产率" in line and "年均增速" in line)
    assert [cell.strip() for cell in md_row.split("|")][4:7] == ["≥7%/年", "16.1万元/人", "未到期"]


def test_cagr_shows_the_baseline_level_not_a_rate():
    out = run("cagr", "labour_productivity").stdout
    assert "16.1%/年" not in out
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("│fyp14"))
    assert "16.1万元/人" in lines[i] and "未到期" in lines[i] and "(2020年基期)" in lines[i + 1]
    en = run("cagr", "labour_productivity", "--lang", "en").stdout
    assert "16.1% a year" not in en and "(2020 baseline)" in en


def test_a_level_target_in_its_baseline_year_still_shows_its_level(baselines_2020):
    gdp = find(baselines_2020, plan="fyp14", indicator="gdp", kind="level")
    assert (gdp["status"], gdp["actual"], gdp["baseline"]) == ("baseline", 5509.5, 5509.5)


def test_changes_sums_and_falls_in_their_baseline_year():
    data, _ = run_json("check", "2015", "--plan", "fyp13", "--status", "baseline")
    results = data["results"]
    urban = find(results, indicator="urbanization_rate", kind="change")
    assert (urban["actual"], urban["baseline"]) == (None, 60.9)  # 60.9%, not a change of 60.9个百分点
    assert (urban["planned_pace"], urban["required_pace"], urban["pace_unit"]) == (1.42, 1.42, "个百分点/年")
    jobs = find(results, indicator="new_urban_jobs", kind="total")
    assert (jobs["actual"], jobs["planned_pace"], jobs["required_pace"]) == (None, 6.0, 6.0)  # [30] over 5 years
    pm25 = find(results, indicator="pm25", kind="reduction")
    # 累计下降18.9% over five years is (1 - 0.189)^(1/5) - 1 = -4.1032% a year.
    assert (pm25["actual"], pm25["baseline"], pm25["planned_pace"], pm25["required_pace"]) == (
        None,
        53.0,
        -4.1032,
        -4.1032,
    )
    assert pm25["why"] == "2015年为基期（53微克/立方米），尚无增长或变化可评"
