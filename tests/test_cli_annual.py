"""One-year plans and interim years, end to end: the 2017 work report judged with a made-up
2017 file (tests/data, labelled as made up), the 2016 interim of the 13th FYP, the 12th FYP's
final year, and lead units."""

from __future__ import annotations

import pytest

from jxtargets import api

from .conftest import ROOT, find, run, run_json

MADE_UP_2017 = str(ROOT / "tests" / "data" / "actuals-2017-madeup.yaml")


@pytest.fixture(scope="module")
def wr2017():
    data, code = run_json("check", MADE_UP_2017, "--plan", "wr2017")
    assert code == 1
    return data["results"]


def test_yearly_growth_targets_against_the_years_growth(wr2017):
    gdp = find(wr2017, indicator="gdp", kind="cagr", region="嘉兴市")
    assert gdp["status"] == "met" and gdp["op"] == "~" and gdp["actual"] == 6.9  # 7%左右, 5% tolerance
    revenue = find(wr2017, indicator="general_budget_revenue", kind="cagr", region="嘉兴市")
    assert revenue["status"] == "missed" and revenue["target"] == 6.5 and revenue["basis"] == "current"
    rural = find(wr2017, indicator="rural_disposable_income", kind="cagr", region="嘉兴市")
    assert rural["status"] == "missed"


def test_yearly_levels_against_the_years_figure(wr2017):
    jobs = find(wr2017, indicator="new_urban_jobs", kind="level")
    assert jobs["status"] == "met" and (jobs["target"], jobs["actual"]) == (6.6, 7.0)
    coverage = find(wr2017, indicator="most_one_trip_coverage", kind="level")
    assert coverage["status"] == "met" and coverage["actual"] == 85


def test_stretch_only_target_is_reported_but_never_fails(wr2017):
    port = find(wr2017, indicator="port_container_throughput", kind="level")
    assert port["status"] == "missed" and port["required"] is False and port["status_label"] == "未完成（力争）"
    _, code = run_json("check", MADE_UP_2017, "--plan", "wr2017", "--status", "missed", "--fail-on", "missed")
    summary = run_json("check", MADE_UP_2017, "--plan", "wr2017")[0]["summary"]
    assert summary["failing"] == 2  # revenue and rural income; the port's 力争 does not count
    assert code == 1


def test_2016_judges_interim_progress_of_the_13th_fyp():
    data, _ = run_json("check", "2016", "--plan", "fyp13")
    results = data["results"]
    growth = find(results, indicator="gdp", kind="cagr")
    assert growth["status"] == "on_track" and growth["actual"] == 7 and growth["year"] == 2016
    assert growth["time_pct"] == 20
    jobs = find(results, indicator="new_urban_jobs", kind="total")
    assert jobs["status"] == "on_track" and jobs["actual"] == 10.4  # a fifth of the time, a third of [30]
    assert all(r["status"] != "missed" for r in results)  # nothing is final in 2016


def test_2016_shows_the_2017_plans_baselines():
    data, _ = run_json("check", "2016", "--plan", "wr2017")
    assert {r["status"] for r in data["results"]} == {"baseline"}
    gdp = find(data["results"], indicator="gdp", kind="cagr", region="嘉兴市")
    # The 2016 GDP (3760亿元) is the starting level of a growth target, never its growth rate.
    assert (gdp["actual"], gdp["baseline"], gdp["planned_pace"], gdp["required_pace"]) == (None, 3760, 7, 7)
    jobs = find(data["results"], indicator="new_urban_jobs", kind="level", region="嘉兴市")
    assert (jobs["status"], jobs["actual"]) == ("baseline", 10.4)  # a level target shows its level


def test_2015_judges_the_12th_fyp_finally():
    data, _ = run_json("check", "2015", "--plan", "fyp12")
    urban = find(data["results"], indicator="urbanization_rate", kind="level")
    assert urban["status"] == "met" and urban["actual"] == 60.9 and urban["target"] == 60
    income = find(data["results"], indicator="urban_disposable_income", kind="level")
    assert income["status"] == "missed" and income["actual"] == 45499


def test_every_lead_unit_of_the_2021_breakdown_lists_its_targets():
    """`list --lead X` gives exactly the wr2021 targets that X leads or shares, for every unit named."""
    catalogue = api.open_catalogue()
    wr2021 = [t for t in catalogue.targets() if t.plan == "wr2021"]
    units = {unit for t in wr2021 for unit in (*t.lead, *t.partners)}
    assert len(units) > 40
    for unit in sorted(units):
        data, code = run_json("list", "--plan", "wr2021", "--lead", unit)
        expected = sum(1 for t in wr2021 if unit in t.lead or unit in t.partners)
        assert code == 0 and data["count"] == expected, unit
        assert all(unit in t["lead"] + t["partners"] for t in data["targets"])


def test_fyp12_lead_units():
    data, _ = run_json("list", "--plan", "fyp12", "--lead", "市发展改革委")
    assert data["count"] >= 30
    tasks = {t["task"] for t in data["targets"]}
    assert "1" in tasks


def test_one_year_table_in_english():
    proc = run("check", MADE_UP_2017, "--plan", "wr2017", "--lang", "en")
    assert proc.returncode == 1
    assert "missed (stretch)" in proc.stdout
