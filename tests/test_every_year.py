"""Every-year targets (每年…以上, 年均) and the strict ops (由负转正), on hand-built catalogues.
All figures here are MADE UP for the tests."""

from __future__ import annotations

import textwrap

import pytest

from jxtargets.core.model import Actuals, Catalogue, Figure, Indicator, Plan, Target
from jxtargets.core.rules import Evaluator
from jxtargets.loading.catalogue_set import build_catalogue
from jxtargets.loading.files import read_yaml_file
from jxtargets.render.words import why

PLAN = Plan("p", "测试规划", "test plan", 2015, 2020)


def judge(kind="level", op=">=", value=1000.0, figures=(), year=2020, every_year="each", direction="up", **fields):
    indicator = Indicator("x", "测试指标", "test", "万立方米", direction, "environment")
    target = Target("p", "x", kind, op, value, None, 2015, 2020, every_year=every_year, **fields)
    indicator.targets.append(target)
    catalogue = Catalogue("嘉兴市", {"p": PLAN}, {"x": indicator}, ("嘉兴市",))
    actuals = Actuals()
    for y, v, g in figures:
        actuals.add(Figure("x", "嘉兴市", y, value=v, growth=g))
    return Evaluator(catalogue, actuals).evaluate(target, year)


def levels(*pairs):
    return [(y, v, None) for y, v in pairs]


# -- each year (每年…以上) ----------------------------------------------------------------------


def test_each_year_met_only_when_every_year_reaches_the_floor():
    made_up = levels((2016, 1050), (2017, 1200), (2018, 1000), (2019, 1100), (2020, 1300))
    r = judge(figures=made_up)
    assert r.status == "met"
    assert r.actual == 1300 and r.actual_year == 2020 and r.gap == 0
    assert r.progress_pct == 100


def test_each_year_one_short_year_is_missed_even_if_the_final_year_is_far_above():
    made_up = levels((2016, 1050), (2017, 980), (2018, 1100), (2019, 1100), (2020, 3000))
    r = judge(figures=made_up)
    assert r.status == "missed"
    assert r.actual_year == 2017 and r.actual == 980 and r.gap == 20
    text = why(r, "zh")
    assert "2017年未达到" in text and "2017年 980万立方米（未达到）" in text


def test_each_year_a_short_year_misses_before_the_target_year():
    r = judge(figures=levels((2016, 1050), (2017, 980)), year=2017)
    assert r.status == "missed" and r.actual_year == 2017


def test_each_year_interim_all_met_is_on_track():
    r = judge(figures=levels((2016, 1050), (2017, 1010)), year=2017)
    assert r.status == "on_track"
    assert r.progress_pct == pytest.approx(40.0)  # 2 of the plan's 5 years met so far


def test_each_year_final_with_a_year_missing_is_no_data_and_says_which():
    made_up = levels((2016, 1050), (2017, 1200), (2019, 1100), (2020, 1300))
    r = judge(figures=made_up)
    assert r.status == "no_data"
    assert ("years_missing", {"years": [2018]}) in r.why
    assert "缺2018年数据" in why(r, "zh")
    assert "no figure for 2018" in why(r, "en")


def test_each_year_a_short_year_decides_even_with_years_missing():
    r = judge(figures=levels((2016, 900), (2020, 1300)))
    assert r.status == "missed" and r.actual_year == 2016


def test_each_year_no_figures_at_all_is_no_data():
    assert judge(figures=()).status == "no_data"


def test_each_year_growth_target_judges_each_years_growth():
    # 每年增长 10% 以上 (MADE UP): 2018 grew 9.5% → missed although the period average is above 10.
    made_up = [(2016, None, 12.0), (2017, None, 11.0), (2018, None, 9.5), (2019, None, 12.0), (2020, None, 12.0)]
    r = judge(kind="cagr", value=10.0, figures=made_up)
    assert r.status == "missed" and r.actual_year == 2018 and r.actual == 9.5


def test_each_year_ceiling():
    made_up = levels((2016, 1.8), (2017, 2.1), (2018, 1.9), (2019, 1.5), (2020, 1.7))
    r = judge(op="<=", value=2.0, figures=made_up, direction="down")
    assert r.status == "missed" and r.actual_year == 2017


def test_each_year_stretch_needs_every_year():
    made_up = levels((2016, 1250), (2017, 1100), (2018, 1300), (2019, 1300), (2020, 1300))
    r = judge(stretch=1200, figures=made_up)
    assert r.status == "met" and r.stretch_met is False


# -- mean of the years (年均) -------------------------------------------------------------------


def test_mean_of_the_years_met_with_one_low_year():
    made_up = levels((2016, 75), (2017, 85), (2018, 80), (2019, 82), (2020, 78))
    r = judge(value=80.0, every_year="mean", figures=made_up)
    assert r.status == "met"
    assert r.actual == pytest.approx(80.0)
    assert "各年平均" in why(r, "zh")


def test_mean_of_the_years_missed():
    made_up = levels((2016, 75), (2017, 76), (2018, 80), (2019, 82), (2020, 78))
    r = judge(value=80.0, every_year="mean", figures=made_up)
    assert r.status == "missed" and r.actual == pytest.approx(78.2) and r.gap == pytest.approx(1.8)


def test_mean_of_the_years_interim_short_gives_pace_and_what_is_needed():
    r = judge(value=80.0, every_year="mean", figures=levels((2016, 70), (2017, 74)), year=2017)
    assert r.actual == pytest.approx(72.0)
    assert r.pace == pytest.approx(0.9) and r.status == "behind"
    # 400 over five years, 144 done: the three years left need 256 / 3.
    required = dict(r.why)["mean_required"]["required"]
    assert required == pytest.approx(256 / 3)


def test_mean_of_the_years_ceiling():
    made_up = levels((2016, 2.2), (2017, 1.9), (2018, 1.8), (2019, 2.1), (2020, 1.9))
    r = judge(op="<=", value=2.0, every_year="mean", figures=made_up, direction="down")
    assert r.status == "met" and r.actual == pytest.approx(1.98)


def test_mean_of_the_years_with_a_year_missing_is_no_data():
    r = judge(value=80.0, every_year="mean", figures=levels((2016, 90), (2018, 90)), year=2018)
    assert r.status == "no_data" and ("years_missing", {"years": [2017]}) in r.why


# -- strict ops (由负转正: > 0) -------------------------------------------------------------------


def strict(op, value, figure):
    indicator = Indicator("x", "测试指标", "test", "亿元", "up", "economy")
    target = Target("p", "x", "cagr", op, value, None, 2016, 2017)
    indicator.targets.append(target)
    catalogue = Catalogue("嘉兴市", {"p": Plan("p", "测试", "t", 2016, 2017)}, {"x": indicator}, ("嘉兴市",))
    actuals = Actuals()
    actuals.add(Figure("x", "嘉兴市", 2017, growth=figure))
    return Evaluator(catalogue, actuals).evaluate(target, 2017)


def test_turning_positive_needs_growth_above_zero():
    assert strict(">", 0.0, 0.0).status == "missed"
    assert strict(">", 0.0, 0.1).status == "met"
    assert strict(">=", 0.0, 0.0).status == "met"  # the old reading, for contrast
    assert strict("<", 0.0, 0.0).status == "missed"
    assert strict("<", 0.0, -0.1).status == "met"


def test_strict_op_in_words():
    assert why(strict(">", 0.0, 0.1), "zh") == "0.1%（报告值） > 0%"
    assert why(strict(">", 0.0, 0.0), "en") == "0% (reported) ≤ 0%"


# -- the catalogue field ----------------------------------------------------------------------


CATALOGUE = """\
region: 嘉兴市
plans:
  p: {{name: 测试规划, baseline_year: 2015, target_year: 2020}}
indicators:
  x:
    name: 测试指标
    name_en: test
    unit: 万立方米
    direction: up
    category: environment
    targets:
    - plan: p
      kind: {kind}
      op: '>='
      value: 1000
      every_year: {every}
      source: {{doc: MADE_UP.txt, quote: 每年1000以上}}
"""


def load(tmp_path, kind, every):
    path = tmp_path / "targets.yaml"
    path.write_text(textwrap.dedent(CATALOGUE.format(kind=kind, every=every)), encoding="utf-8")
    tree, problems = read_yaml_file(path)
    catalogue = build_catalogue(tree, problems)
    return catalogue, problems


@pytest.mark.parametrize(
    ("kind", "every", "stored"), [("level", "true", "each"), ("cagr", "true", "each"), ("level", "mean", "mean")]
)
def test_every_year_loads(tmp_path, kind, every, stored):
    catalogue, problems = load(tmp_path, kind, every)
    assert not problems.errors
    assert catalogue.indicators["x"].targets[0].every_year == stored


@pytest.mark.parametrize(
    ("kind", "every", "message"),
    [
        ("level", "yes", "expected true (each year) or mean"),
        ("level", "false", "expected true (each year) or mean"),
        ("total", "true", "applies to a level or cagr target, not total"),
        ("cagr", "mean", "applies to a level target, not cagr"),
    ],
)
def test_every_year_bad_values_name_the_line_and_key(tmp_path, kind, every, message):
    _, problems = load(tmp_path, kind, every)
    errors = [p for p in problems.errors if "every_year" in (p.key or "")]
    assert len(errors) == 1
    assert errors[0].line == 16 and errors[0].key == "indicators.x.targets[1].every_year"
    assert message in errors[0].msg.text("en")


# -- 力争 milestones (stretch: true) ------------------------------------------------------------


def test_stretch_milestone_not_done_is_reported_but_not_required():
    indicator = Indicator("m", "测试项目竣工", "test project completed", None, "up", "investment")
    target = Target("p", "m", "milestone", target_year=2017, baseline_year=2016, aim=True)
    indicator.targets.append(target)
    catalogue = Catalogue("嘉兴市", {"p": Plan("p", "测试", "t", 2016, 2017)}, {"m": indicator}, ("嘉兴市",))
    actuals = Actuals()
    actuals.add(Figure("m", "嘉兴市", 2017, done=False))  # MADE UP
    r = Evaluator(catalogue, actuals).evaluate(target, 2017)
    assert r.status == "missed" and r.required is False
    assert "仅为力争目标" in why(r, "zh")


def test_milestone_stretch_must_be_true(tmp_path):
    text = CATALOGUE.replace(
        "kind: {kind}\n      op: '>='\n      value: 1000\n      every_year: {every}",
        "kind: milestone\n      stretch: {every}",
    )
    path = tmp_path / "targets.yaml"
    for raw, ok in (("true", True), ("1", False)):
        path.write_text(text.format(every=raw), encoding="utf-8")
        tree, problems = read_yaml_file(path)
        catalogue = build_catalogue(tree, problems)
        if ok:
            assert not problems.errors and catalogue.indicators["x"].targets[0].aim is True
        else:
            (error,) = problems.errors
            assert error.key == "indicators.x.targets[1].stretch" and error.line == 14
            assert "a milestone takes stretch: true" in error.msg.text("en")
