"""End to end through the command on the embedded data: the 13th FYP's own completion table
(表1 of 002_5df31847278a00a3.txt) judged from the 2020 results, verdict by verdict."""

from __future__ import annotations

import pytest

from .conftest import find, run, run_json


@pytest.fixture(scope="module")
def fyp13():
    data, code = run_json("check", "data/actuals/actuals-2020.yaml", "--plan", "fyp13")
    assert code == 1  # GDP growth and the service share missed
    return data["results"]


def test_gdp_level_met(fyp13):
    r = find(fyp13, indicator="gdp", kind="level")
    assert r["status"] == "met"
    assert (r["baseline"], r["target"], r["actual"]) == (3517.1, 5000, 5509.5)
    assert r["gap"] == 0 and r["time_pct"] == 100


def test_gdp_growth_missed_at_comparable_prices(fyp13):
    r = find(fyp13, indicator="gdp", kind="cagr")
    assert r["status"] == "missed"
    assert r["actual"] == 6.59 and r["target"] == 7 and r["basis"] == "comparable"
    assert r["measured_by"] == "reported"
    assert r["nominal_cagr"] == pytest.approx(9.39, abs=0.005)  # context only, never the verdict
    assert r["gap"] == pytest.approx(0.41)


def test_gdp_growth_says_why_in_english():
    data, _ = run_json("check", "data/actuals/actuals-2020.yaml", "--plan", "fyp13", "--lang", "en")
    why = find(data["results"], indicator="gdp", kind="cagr")["why"]
    assert why.startswith("6.59% (reported, comparable prices) < 7%")
    assert "nominal levels imply 9.39%" in why


def test_service_share_missed(fyp13):
    r = find(fyp13, indicator="service_share", kind="annual_change")
    assert r["status"] == "missed"
    assert (r["target"], r["actual"]) == (1.2, 0.48)
    assert r["gap"] == pytest.approx(0.72)


def test_patents_planned_and_achieved_cagr(fyp13):
    level = find(fyp13, indicator="invention_patents_granted", kind="level")
    assert level["status"] == "met" and level["actual"] == 4733
    assert round(level["planned_cagr"], 1) == 17.8
    assert round(level["implied_cagr"], 1) == 33.9
    growth = find(fyp13, indicator="invention_patents_granted", kind="cagr")
    assert growth["status"] == "met" and (growth["target"], growth["actual"]) == (17.8, 33.9)


@pytest.mark.parametrize(
    "indicator,target,actual",
    [
        ("pm25", 43, 28),
        ("work_safety_death_rate", 0.066, 0.0156),
    ],
)
def test_ceilings_met(fyp13, indicator, target, actual):
    r = find(fyp13, indicator=indicator, kind="level")
    assert r["op"] == "<=" and r["status"] == "met"
    assert (r["target"], r["actual"]) == (target, actual)


def test_pm25_reduction_met(fyp13):
    r = find(fyp13, indicator="pm25", kind="reduction")
    assert r["status"] == "met" and (r["target"], r["actual"]) == (18.9, 47.2)


def test_new_urban_jobs_total_met(fyp13):
    r = find(fyp13, indicator="new_urban_jobs", kind="total")
    assert r["status"] == "met" and (r["target"], r["actual"]) == (30, 68.65)


def test_broadband_has_no_2020_result(fyp13):
    r = find(fyp13, indicator="broadband_penetration", kind="level")
    assert r["status"] == "no_data" and r["target"] == 85 and r["actual"] is None


def test_urbanisation_level_and_change(fyp13):
    assert find(fyp13, indicator="urbanization_rate", kind="level")["status"] == "met"
    change = find(fyp13, indicator="urbanization_rate", kind="change")
    assert change["status"] == "met" and (change["target"], change["actual"]) == (7.1, 8.1)


def test_incomes_met_at_comparable_prices(fyp13):
    for indicator, actual in (("urban_disposable_income", 7.08), ("rural_disposable_income", 8.18)):
        r = find(fyp13, indicator=indicator, kind="cagr")
        assert r["status"] == "met" and r["actual"] == actual


def test_only_two_missed(fyp13):
    missed = sorted((r["indicator"], r["kind"]) for r in fyp13 if r["status"] == "missed")
    assert missed == [("gdp", "cagr"), ("service_share", "annual_change")]


def test_bare_year_from_another_directory(tmp_path):
    data, code = run_json("check", "2020", "--plan", "fyp13", cwd=tmp_path)
    assert code == 1
    assert find(data["results"], indicator="gdp", kind="level")["status"] == "met"


def test_fail_on_chooses_failing_statuses():
    _, code = run_json("check", "2020", "--plan", "fyp13", "--fail-on", "off_track")
    assert code == 0
    _, code = run_json("check", "2020", "--plan", "fyp13", "--fail-on", "no_data")
    assert code == 1


def test_table_reads_without_colour_and_spells_statuses():
    proc = run("check", "data/actuals/actuals-2020.yaml", "--plan", "fyp13")
    assert proc.returncode == 1
    assert "\x1b[" not in proc.stdout  # NO_COLOR and a pipe
    # a finished plan speaks the final vocabulary only (完成 / 超额完成 / 未完成 / 无法评估)
    assert "未完成" in proc.stdout and "超额完成" in proc.stdout
    assert not any(word in proc.stdout for word in ("已完成", "进度正常", "基本符合预期", "滞后", "提前实现"))
    assert max(len(line) for line in proc.stdout.splitlines()) <= 100 * 2  # wide chars count double
    proc = run("check", "data/actuals/actuals-2020.yaml", "--plan", "fyp13", "--lang", "en")
    assert "missed" in proc.stdout and "Gross regional" in proc.stdout


def test_status_filter_and_csv_and_markdown():
    proc = run("check", "2020", "--plan", "fyp13", "--status", "missed", "--format", "csv")
    lines = proc.stdout.strip().splitlines()
    assert lines[0].startswith("plan,indicator,name,region,kind")
    assert len(lines) == 3
    proc = run("check", "2020", "--plan", "fyp13", "--status", "missed", "--format", "markdown")
    assert proc.stdout.startswith("| 规划") and "服务业增加值占地区生产总值比重" in proc.stdout


def test_unknown_plan_is_usage_error():
    proc = run("check", "2020", "--plan", "fyp31")
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith("jxtargets: ") and "'fyp31'" in line and "fyp13" in line  # named, and what it may mean
    en = run("check", "2020", "--plan", "fyp31", "--lang", "en")
    assert en.returncode == 2 and "did you mean" in en.stderr and "fyp13" in en.stderr


def test_figures_no_chosen_plan_targets_are_named_with_their_region():
    """The note of figures the chosen plans leave unjudged names a non-home region: fyp13
    targets PM2.5 city-wide, so 2016's 市区 PM2.5 is 'pm25（市区）', not an untargeted 'pm25'."""
    from jxtargets import api

    inputs = api.load(["2016"])
    report = api.check(inputs.catalogue, inputs.actuals, 2016, filters=api.Filters(plans=("fyp13",)))
    assert "pm25（市区）" in report.untargeted
    assert "pm25" not in report.untargeted
