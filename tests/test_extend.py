"""--catalogue (files or directories, repeatable), --extend (a user catalogue layered over the one
in use), JXTARGETS_CATALOGUE / JXTARGETS_EXTEND, and clashes named with both files and lines.

The user catalogues written here are MADE UP (a made-up plan "demo26" and a made-up indicator),
labelled so in their file names and header comments."""

from __future__ import annotations

import os

import pytest

from jxtargets import api
from jxtargets.loading.errors import LoadError

from .conftest import DATA, ROOT, run, run_json

TESTDATA = ROOT / "tests" / "data"

# MADE UP: a plan, a new indicator with a target, and a target for the embedded gdp.
EXTRA = """\
# MADE UP test catalogue layered with --extend.
plans:
  demo26:
    name: 示例计划（虚构）
    name_en: Demo plan (MADE UP)
    baseline_year: 2025
    target_year: 2026
indicators:
  demo_widgets:
    name: 示例指标（虚构）
    name_en: Demo widgets (MADE UP)
    unit: 万元
    direction: up
    category: economy
    targets:
    - plan: demo26
      kind: level
      op: '>='
      value: 12
  gdp:
    targets:
    - plan: demo26
      kind: level
      op: '>='
      value: 9500
"""


@pytest.fixture
def extra(tmp_path):
    path = tmp_path / "extra-madeup.yaml"
    path.write_text(EXTRA, encoding="utf-8")
    return path


def test_extend_adds_a_plan_an_indicator_and_targets_to_an_existing_indicator(extra):
    base = api.open_catalogue()
    catalogue = api.open_catalogue(extend=[extra])
    assert set(catalogue.plans) == set(base.plans) | {"demo26"}
    assert catalogue.indicators["demo_widgets"].targets[0].value == 12
    gdp = catalogue.indicators["gdp"].targets
    assert len(gdp) == len(base.indicators["gdp"].targets) + 1
    assert (gdp[-1].plan, gdp[-1].value, gdp[-1].file, gdp[-1].line) == ("demo26", 9500, str(extra), 22)
    assert catalogue.region == base.region  # the extension need not say it


def test_extend_from_the_command_line_and_the_environment(extra):
    listed, code = run_json("list", "--plan", "demo26", "--extend", str(extra))
    assert code == 0
    assert sorted(r["indicator"] for r in listed["targets"]) == ["demo_widgets", "gdp"]
    same, code = run_json("list", "--plan", "demo26", env={"JXTARGETS_EXTEND": str(extra)})
    assert code == 0 and same == listed


def test_a_clash_names_both_files_and_lines(tmp_path, extra):
    clash = tmp_path / "clash-madeup.yaml"
    clash.write_text(
        "# MADE UP: gdp redefined with another unit, and fyp14 with other years.\n"
        "plans:\n"
        "  fyp14: {name: 另一个规划（虚构）, baseline_year: 2021, target_year: 2025}\n"
        "indicators:\n"
        "  gdp:\n"
        "    name: 地区生产总值\n"
        "    name_en: Gross regional product\n"
        "    unit: 万元\n"
        "    direction: up\n"
        "    category: economy\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as info:
        api.open_catalogue(extend=[clash])
    messages = [p.text("en") for p in info.value.problems]
    shared = os.path.relpath(DATA / "catalogue" / "indicators.yaml")
    fyp14 = os.path.relpath(DATA / "catalogue" / "plans" / "fyp14.yaml")
    assert messages == [
        f"{clash}:3: plans.fyp14: defined differently at {fyp14}:5 (name '另一个规划（虚构）' here, "
        "'嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要' there; name_en 'fyp14' here, "
        "'Jiaxing 14th Five-Year Plan' there; baseline_year 2021 here, 2020 there; doc None here, "
        "'002_5df31847278a00a3.txt' there)",
        f"{clash}:5: indicators.gdp: defined differently at {shared}:9 (unit '万元' here, '亿元' there)",
    ]
    proc = run("list", "--extend", str(clash), "--lang", "en")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{clash}:5: indicators.gdp: defined differently at {shared}:9" in proc.stderr


def test_an_identical_repeat_is_no_clash(tmp_path):
    same = tmp_path / "same-madeup.yaml"
    same.write_text(
        "region: 嘉兴市\nindicators:\n  gdp:\n    name: 地区生产总值\n    name_en: Gross regional product\n"
        "    unit: 亿元\n    direction: up\n    category: economy\n",
        encoding="utf-8",
    )
    assert api.open_catalogue(extend=[same]).indicators["gdp"].unit == "亿元"


def test_targets_for_an_indicator_no_file_defines(tmp_path):
    orphan = tmp_path / "orphan-madeup.yaml"
    orphan.write_text("indicators:\n  gpd:\n    targets:\n    - {plan: fyp14, kind: level, op: '>=', value: 1}\n")
    with pytest.raises(LoadError) as info:
        api.open_catalogue(extend=[orphan])
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.key) == (str(orphan), 2, "indicators.gpd")
    assert problem.code == "catalogue.undefined_indicator"
    assert "no file of the catalogue defines this indicator" in problem.msg.text(
        "en"
    ) and "(did you mean gdp?)" in problem.msg.text("en")


def test_catalogue_option_is_repeatable_and_replaces_the_embedded_one():
    split = TESTDATA / "catalogue-split"
    catalogue = api.open_catalogue([split / "indicators.yaml", split / "plans" / "fyp14.yaml"])
    assert list(catalogue.plans) == ["fyp14"] and len(catalogue.indicators) == 2
    listed, code = run_json(
        "list", "--catalogue", str(split / "indicators.yaml"), "--catalogue", str(split / "plans" / "fyp13.yaml")
    )
    assert code == 0 and {r["plan"] for r in listed["targets"]} == {"fyp13"}
    env, code = run_json("list", env={"JXTARGETS_CATALOGUE": str(split)})
    assert code == 0 and len(env["targets"]) == 4


def test_a_missing_path_in_the_environment_is_named(tmp_path):
    missing = tmp_path / "nowhere"
    proc = run("list", env={"JXTARGETS_EXTEND": str(missing), "JXTARGETS_LANG": "en"})
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"jxtargets: {missing}: no such file or directory (from $JXTARGETS_EXTEND)"


def test_a_repeat_may_add_aliases_and_its_note_is_not_a_clash(tmp_path):
    repeat = tmp_path / "aliases-madeup.yaml"
    repeat.write_text(
        "# MADE UP: gdp repeated with another note and an extra alias.\n"
        "indicators:\n  gdp:\n    name: 地区生产总值\n    name_en: Gross regional product\n"
        "    unit: 亿元\n    direction: up\n    category: economy\n    note: MADE UP note\n"
        "    aliases: [本市GDP（虚构）]\n",
        encoding="utf-8",
    )
    base = api.open_catalogue().indicators["gdp"]
    gdp = api.open_catalogue(extend=[repeat]).indicators["gdp"]
    assert gdp.aliases == (*base.aliases, "本市GDP（虚构）") and gdp.note == base.note
