"""Issue 15 through the command: one label per result in the vocabulary of its moment, the words
of a verdict, ranges past their band on the good side, and the scope of `check YEAR`.
Made-up figures live in tests/data/*-madeup.yaml and say so."""

from __future__ import annotations

import pytest

from jxtargets.core.labels import FINAL_TERMS, INTERIM_TERMS, TERMS

from .conftest import ROOT, find, run, run_json

LABELS_2021 = str(ROOT / "tests" / "data" / "actuals-2021-labels-madeup.yaml")
INTERIM_ONLY = set(INTERIM_TERMS)


@pytest.fixture(scope="module")
def fyp13_2020():
    data, code = run_json("check", "2020", "--plan", "fyp13")
    assert code == 1
    return data


# -- 2. one vocabulary per moment ------------------------------------------------------------


def test_a_finished_plan_has_final_labels_only(fyp13_2020):
    results = fyp13_2020["results"]
    gdp = find(results, indicator="gdp", kind="level")
    assert (gdp["status"], gdp["label"], gdp["status_label"]) == ("met", "超额完成", "超额完成")  # 5509.5 vs 5000
    urban = find(results, indicator="urbanization_rate", kind="level")
    assert (urban["status"], urban["label"]) == ("met", "完成")  # 69% vs 68%: within the 1 pp tolerance
    growth = find(results, indicator="gdp", kind="cagr")
    assert (growth["status"], growth["label"]) == ("missed", "未完成")
    broadband = find(results, indicator="broadband_penetration", kind="level")
    assert (broadband["status"], broadband["label"]) == ("no_data", "无法评估")
    assert {r["label"] for r in results} <= set(FINAL_TERMS) | {"无法评估"}
    assert fyp13_2020["summary"]["by_label"] == {"超额完成": 30, "完成": 9, "未完成": 2, "无法评估": 11}


def test_the_review_of_a_finished_plan_shows_one_label():
    data, code = run_json("review", "--plan", "fyp13", "--as-of", "2020")
    assert code == 1
    gdp = find(data["results"], indicator="gdp", kind="level")
    assert gdp["status_label"] == gdp["label"] == "超额完成"
    assert "official" not in gdp  # one label per result, not two that can disagree
    assert not INTERIM_ONLY & {r["label"] for r in data["results"]}
    table = run("review", "--plan", "fyp13", "--as-of", "2020").stdout
    assert "基本符合预期" not in table and "已完成" not in table and "超额完成" in table


def test_mid_plan_keeps_the_official_ladder():
    data, code = run_json("check", "2016", "--plan", "fyp13")
    assert code == 0
    results = data["results"]
    assert find(results, indicator="gdp", kind="level")["label"] == "滞后"  # pace ratio 0.947
    assert find(results, indicator="gdp", kind="cagr")["label"] == "基本符合预期"  # 7% against 7%: ratio 1
    assert find(results, indicator="new_urban_jobs", kind="total")["label"] == "快于预期"  # ratio 1.73
    assert {r["label"] for r in results} <= INTERIM_ONLY | {"无法评估"}
    proc = run("check", "2016", "--plan", "fyp13", "--lang", "en")
    assert "ahead of schedule" in proc.stdout and "lagging" in proc.stdout and "on track" not in proc.stdout


def test_status_accepts_labels_and_statuses():
    data, code = run_json("check", "2020", "--plan", "fyp13", "--status", "未完成")
    assert code == 1
    assert sorted((r["indicator"], r["kind"]) for r in data["results"]) == [
        ("gdp", "cagr"),
        ("service_share", "annual_change"),
    ]
    data, _ = run_json("check", "2020", "--plan", "fyp13", "--status", "超额完成")
    assert len(data["results"]) == 30 and {r["status"] for r in data["results"]} == {"met"}
    data, _ = run_json("check", "2016", "--plan", "fyp13", "--status", "lagging")  # English labels too
    assert len(data["results"]) == 3 and {r["label"] for r in data["results"]} == {"滞后"}
    data, _ = run_json("check", "2016", "--plan", "fyp13", "--status", "behind")  # engine statuses as before
    assert len(data["results"]) == 3


def test_unknown_status_lists_the_valid_values():
    for lang in ("zh", "en"):
        proc = run("check", "2020", "--status", "完成了", "--lang", lang)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert line.startswith("jxtargets: --status") and "'完成了'" in line
        for value in ("met", "off_track", "unassessable", *TERMS, "ahead of schedule"):
            assert value in line
    assert "unknown status '完成了'" in line  # the English line


def test_fail_on_takes_labels_and_keeps_the_exit_codes():
    _, code = run_json("check", "2020", "--plan", "fyp13", "--fail-on", "未完成")
    assert code == 1
    _, code = run_json("check", "2020", "--plan", "fyp13", "--fail-on", "滞后")
    assert code == 0  # a finished plan is never 滞后
    _, code = run_json("check", "2016", "--plan", "fyp13", "--fail-on", "滞后")
    assert code == 1
    _, code = run_json("check", "2016", "--plan", "fyp13")
    assert code == 0  # by default only missed and off_track fail


# -- 4. ranges, approximations and words -----------------------------------------------------


@pytest.fixture(scope="module")
def made_up_2021():
    data, _ = run_json("check", LABELS_2021)
    return data["results"]


def test_a_range_is_passed_beyond_on_the_good_side(made_up_2021):
    r = find(made_up_2021, plan="wr2021", indicator="provincial_smart_business_districts")
    assert r["op"] == "range" and r["target"] == [1, 2] and r["actual"] == 3
    assert (r["status"], r["label"]) == ("met", "超额完成")
    assert r["why"] == "3个 高于 1–2个"


def test_one_year_relative_target_names_the_comparator(made_up_2021):
    r = find(made_up_2021, plan="wr2021", indicator="exports")
    assert r["status"] == "met"
    assert "对照指标浙江省出口总额增长10%" in r["why"]  # the name, and 增长 for one year
    assert "年均" not in r["why"] and "zhejiang_exports" not in r["why"]


def test_stretch_not_reached_yet_mid_plan(made_up_2021):
    r = find(made_up_2021, plan="fyp14", indicator="gdp", kind="level")
    assert r["year"] == 2021 and r["stretch"] == 10000 and r["stretch_met"] is False
    assert "力争目标10,000亿元尚未达到" in r["why"]
    assert "（）" not in r["why"]


def test_approximate_target_missed_reads_below(tmp_path):
    made_up = tmp_path / "actuals-2025.yaml"
    made_up.write_text(
        "# MADE-UP FIGURES for a test; not from any document.\n"
        "year: 2025\nsource: made up\nvalues:\n  urbanization_rate: 73.5\n  surveyed_unemployment_rate: 4.2\n",
        encoding="utf-8",
    )
    data, code = run_json("check", str(made_up), "--plan", "fyp14")
    assert code == 1
    urban = find(data["results"], indicator="urbanization_rate", kind="level")
    assert (urban["status"], urban["label"]) == ("missed", "未完成")
    assert urban["why"] == "73.5% 低于 75%±1"  # never "超出" for a value below the band
    jobless = find(data["results"], indicator="surveyed_unemployment_rate", kind="level")  # 5.5%左右, down
    assert (jobless["status"], jobless["label"]) == ("met", "超额完成")
    assert jobless["why"] == "4.2% 低于 5.5%±1"
    data, _ = run_json("check", str(made_up), "--plan", "fyp14", "--lang", "en")
    assert find(data["results"], indicator="urbanization_rate", kind="level")["why"] == "73.5% below 75%±1"


def test_moving_away_has_no_empty_brackets(tmp_path):
    made_up = tmp_path / "actuals-2017.yaml"
    made_up.write_text(
        "# MADE-UP FIGURES for a test; not from any document.\nyear: 2017\nsource: made up\n"
        "values:\n  urbanization_rate: 60.0\n",
        encoding="utf-8",
    )
    data, _ = run_json("check", str(made_up), "--plan", "fyp13")
    r = find(data["results"], indicator="urbanization_rate", kind="level")
    assert (r["status"], r["label"]) == ("off_track", "逆向")  # 60% in 2017, below the 2015 base of 60.9%
    assert "（）" not in r["why"] and "-1" not in r["why"]
    assert "背离目标方向" in r["why"]


# -- 6. the scope of `check YEAR` ----------------------------------------------------------


def test_check_2020_judges_the_plans_running_in_2020():
    data, code = run_json("check", "2020")
    assert code == 1
    plans = {r["plan"] for r in data["results"]}
    assert "fyp12" not in plans  # ended in 2015
    assert not any(r["status"] == "baseline" for r in data["results"])  # fyp14, wr2021 start in 2020
    assert {r["year"] for r in data["results"]} == {2020}
    # wr2021 PM2.5 is a 市区 target, with 市区's 2020 figure (28, 002's review); fyp12 states two
    # targets twice, now one entry each
    assert data["summary"]["left_out"] == {"baseline": 35, "ended": 14}
    proc = run("check", "2020")
    assert (
        "（不在核对范围：以2020年为基期的35项（--status baseline）、2020年前已结束规划的14项（--plan））" in proc.stdout
    )
    assert "年份" not in proc.stdout.splitlines()[2]  # one year: no year column


def test_baselines_and_ended_plans_when_asked():
    data, _ = run_json("check", "2020", "--status", "baseline")
    assert len(data["results"]) == 35 and {r["plan"] for r in data["results"]} == {"fyp14", "wr2021"}
    pm25 = find(data["results"], plan="wr2021", indicator="pm25", region="市区")
    assert (pm25["actual"], pm25["target"]) == (28.0, 32.0)  # 市区PM2.5浓度下降到28微克/立方米
    assert {r["label"] for r in data["results"]} == {"未到期"}
    data, code = run_json("check", "2020", "--plan", "fyp14")
    assert code == 0 and len(data["results"]) == 31
    data, _ = run_json("check", "2020", "--plan", "fyp12", "--plan", "fyp13")
    assert {r["year"] for r in data["results"] if r["plan"] == "fyp12"} == {2015}
    assert data["summary"]["years"] == [2015, 2020]
    proc = run("check", "2020", "--plan", "fyp12", "--plan", "fyp13")
    lines = proc.stdout.splitlines()
    assert "2015、2020年目标核对（各目标按所列年份评估）" in lines[0]
    assert "年份" in lines[2]  # the year column
    assert any("fyp12" in line and "2015" in line for line in lines)


# -- 1. pace in the indicator's own terms, 3. outlook ----------------------------------------

PACE_2022 = str(ROOT / "tests" / "data" / "actuals-2022-pace-madeup.yaml")


@pytest.fixture(scope="module")
def pace_2022():
    data, _ = run_json("check", PACE_2022, "--plan", "fyp14")
    return data["results"]


def test_a_share_paces_in_points_never_a_cagr(pace_2022):
    urban = find(pace_2022, indicator="urbanization_rate", kind="level")  # 69% (2020) -> 75%左右 (2025)
    assert urban["pace_unit"] == "个百分点/年"
    assert urban["planned_pace"] == 1.2  # (75 - 69) / 5
    assert urban["implied_pace"] == 0.5  # (70 - 69) / 2
    assert urban["required_pace"] == pytest.approx(1.6667)  # (75 - 70) / 3
    assert urban["planned_cagr"] is None and urban["implied_cagr"] is None and urban["required_cagr"] is None
    data, _ = run_json("check", PACE_2022, "--plan", "fyp14", "--lang", "en")
    assert (
        find(data["results"], indicator="urbanization_rate", kind="level")["pace_unit"] == " pp a year"
    )  # as measure_unit: "0.5 pp a year"


def test_levels_pace_as_cagr_and_totals_in_their_unit(pace_2022):
    gdp = find(pace_2022, indicator="gdp", kind="level")  # 5509.5 (2020) -> 9000 (2025), 6500 in 2022
    assert gdp["pace_unit"] == "%/年"
    assert gdp["planned_pace"] == gdp["planned_cagr"] == pytest.approx(10.3128)
    assert gdp["implied_pace"] == gdp["implied_cagr"] == pytest.approx(8.6177)
    assert gdp["required_pace"] == gdp["required_cagr"] == pytest.approx(11.4576)
    jobs = find(pace_2022, indicator="new_urban_jobs", kind="total")  # [50]万人 in five years, 24 in two
    assert (jobs["pace_unit"], jobs["planned_pace"], jobs["implied_pace"]) == ("万人/年", 10, 12)
    assert jobs["required_pace"] == pytest.approx(26 / 3, abs=1e-4)


def test_outlook_likely_at_risk_unlikely(pace_2022):
    jobs = find(pace_2022, indicator="new_urban_jobs", kind="total")
    assert jobs["outlook"] == "likely" and jobs["why"].endswith("按目前速度预计可完成")
    gdp = find(pace_2022, indicator="gdp", kind="level")
    # projected 6500 x 1.0862^3 = 8,329 < 9000; 11.46% needed <= 1.5 x 8.62% achieved
    assert (gdp["label"], gdp["outlook"]) == ("滞后", "at_risk")
    assert gdp["why"].endswith("存在完不成的风险")
    urban = find(pace_2022, indicator="urbanization_rate", kind="level")
    # 1.67 pp a year needed > 1.5 x 0.5 achieved
    assert (urban["label"], urban["outlook"]) == ("滞后", "unlikely")
    assert urban["why"].endswith("预计难以完成")
    assert urban["pace_years"] == 2
    table = run("review", PACE_2022, "--plan", "fyp14").stdout
    assert "预计难以完成" in table and "有风险" in table and "1.67个百分点/年" in table


def test_moving_away_is_unlikely(tmp_path):
    made_up = tmp_path / "actuals-2022.yaml"
    made_up.write_text(
        "# MADE-UP FIGURES for a test; not from any document.\nyear: 2022\nsource: made up\n"
        "values:\n  urbanization_rate: 68.5\n",
        encoding="utf-8",
    )
    data, _ = run_json("check", str(made_up), "--plan", "fyp14")
    urban = find(data["results"], indicator="urbanization_rate", kind="level")
    assert (urban["label"], urban["outlook"]) == ("逆向", "unlikely")
    assert urban["implied_pace"] == -0.25


def test_a_projection_from_a_single_year_says_so(made_up_2021):
    gdp = find(made_up_2021, plan="fyp14", indicator="gdp", kind="level")  # 6000 in 2021, the first year
    assert gdp["pace_years"] == 1 and gdp["outlook"] == "at_risk"
    assert gdp["why"].endswith("存在完不成的风险（仅据一年数据推算）")
    table = run("review", LABELS_2021, "--plan", "fyp14", "--format", "markdown").stdout
    assert "8,439.32亿元 有风险（据一年推算）" in table  # 6000 x 1.089^4


def test_final_results_have_no_outlook(fyp13_2020):
    assert {r["outlook"] for r in fyp13_2020["results"]} == {None}


# -- 5. plausibility: a unit slip is warned --------------------------------------------------

UNIT_SLIP_2017 = str(ROOT / "tests" / "data" / "actuals-2017-unit-slip-madeup.yaml")
SLIP_JOBS = (
    "tests/data/actuals-2017-unit-slip-madeup.yaml:6: warning: values.new_urban_jobs: 188,800万人 is 3,776 times "
    "the target of fyp14 (50万人): a unit slip? Typed in 人, it is 18.88万人"
)
SLIP_ENTITIES = (
    "tests/data/actuals-2017-unit-slip-madeup.yaml:7: warning: new_market_entities (2017): 95,000万户 is 11,875 "
    "times the 2016 figure (8万户): a unit slip? Typed in 户, it is 9.5万户"
)


def test_persons_typed_into_a_wan_column_are_warned():
    proc = run("check", "2016", UNIT_SLIP_2017, "--plan", "wr2017", "--format", "json", "--lang", "en")
    assert proc.returncode == 0  # a warning, not an error: the figure is still read as written
    assert f"jxtargets: {SLIP_JOBS}" in proc.stderr.splitlines()
    # the slip against the figure of the year before, for an indicator with no level target
    assert f"jxtargets: {SLIP_ENTITIES}" in proc.stderr.splitlines()


def test_validate_reports_unit_slips():
    proc = run("validate", "data/actuals/actuals-2016.yaml", UNIT_SLIP_2017, "--lang", "en")
    assert proc.returncode == 0
    assert proc.stdout.strip().endswith("0 errors, 2 warnings")
    lines = proc.stderr.splitlines()
    assert f"jxtargets: {SLIP_JOBS}" in lines and f"jxtargets: {SLIP_ENTITIES}" in lines
    proc = run("validate", "--lang", "en")  # the embedded figures have no slip
    assert proc.stdout.strip().endswith("0 errors, 0 warnings")


def test_a_unit_slip_in_a_sheet_names_the_row_and_column(tmp_path):
    made_up = tmp_path / "actuals-2017.csv"
    made_up.write_text(
        "# MADE UP for a test\nyear,indicator,region,value\n2017,new_urban_jobs,,188800\n", encoding="utf-8"
    )
    proc = run("check", str(made_up), "--plan", "wr2017", "--lang", "en")
    assert f"{made_up}:3: warning: column value: 188,800万人 is 3,776 times" in proc.stderr


def test_ten_times_is_not_a_slip(tmp_path):
    made_up = tmp_path / "actuals-2017.yaml"
    made_up.write_text(
        "# MADE UP for a test\nyear: 2017\nsource: made up\nvalues:\n  new_urban_jobs: 66\n", encoding="utf-8"
    )
    proc = run("check", str(made_up), "--plan", "wr2017", "--lang", "en")
    assert "unit slip" not in proc.stderr


def test_a_one_year_target_grows_not_on_average():
    made_up_2017 = str(ROOT / "tests" / "data" / "actuals-2017-madeup.yaml")
    data, _ = run_json("check", made_up_2017, "--plan", "wr2017")
    gdp = find(data["results"], indicator="gdp", kind="cagr", region="嘉兴市")  # 2017年 GDP 增长7%左右
    assert gdp["measure_unit"] == "%" and gdp["why"] == "6.9%（报告值，可比价） ≈ 7%±0.35"
    table = run("check", made_up_2017, "--plan", "wr2017", "--format", "markdown").stdout
    rows = [
        [c.strip() for c in line.strip("|").split("|")] for line in table.splitlines() if line.startswith("| wr2017")
    ]
    assert ["wr2017", "地区生产总值", "增速", "≈7%", "6.9%", "完成"] in [row[:6] for row in rows]
    assert "年均" not in table and "%/年" not in table


# -- the label rule itself, on hand-built targets (made-up figures) --------------------------


def test_milestone_labels():
    from jxtargets.core.labels import label

    from .test_rules import fig, judge

    assert label(judge(kind="milestone", op=None, figures=[fig(2017, done=False)], year=2017)) == "未到期"
    assert label(judge(kind="milestone", op=None, figures=[fig(2017, done=True)], year=2017)) == "提前实现"
    assert label(judge(kind="milestone", op=None, figures=[fig(2020, done=True)])) == "完成"
    assert label(judge(kind="milestone", op=None, figures=[fig(2020, done=False)])) == "未完成"


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
@pytest.mark.parametrize("actual", [50.0, 60.0, 70.0, 80.0, 95.0])
@pytest.mark.parametrize("op", [">=", "~", "range"])
def test_one_vocabulary_per_moment(year, actual, op):
    from jxtargets.core.labels import label

    from .test_rules import fig, judge

    value = (70.0, 75.0) if op == "range" else 70.0
    r = judge(op=op, value=value, baseline=60.0, figures=[fig(year, actual)], year=year, unit="%")
    words = set(FINAL_TERMS) if year == 2020 else INTERIM_ONLY
    assert label(r) in words | {"无法评估"}, (r.status, label(r))
