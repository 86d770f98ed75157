"""Another city, end to end: a MADE UP plan table of a made-up city (tests/data/madeup-city-plan.csv)
is imported, checked against MADE UP actuals and rendered, and no output names Jiaxing (嘉兴)."""

from __future__ import annotations

import json

from jxtargets.messages import msg, say

from .conftest import ROOT, run

TESTDATA = ROOT / "tests" / "data"
TABLE = TESTDATA / "madeup-city-plan.csv"
ACTUALS = TESTDATA / "madeup-city-actuals-2025.yaml"
JIAXING = "嘉兴"


def test_a_made_up_city_imported_checked_and_reported_without_jiaxing(tmp_path):
    plan = tmp_path / "madeup15.yaml"
    proc = run(
        "plan",
        "import",
        str(TABLE),
        "--plan",
        "madeup15",
        "--name",
        "示例市“十五五”规划（虚构）",
        "--region",
        "示例市",
        "-o",
        str(plan),
    )
    outputs = [proc.stdout, proc.stderr]
    # One cell the grammar cannot read: named with its line and column, left for the user.
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line.startswith("jxtargets: ") and TABLE.name in line
    cell = msg("import.cannot_read_grammar", clause="'大幅增加'")
    assert line.endswith(f"{TABLE.name}:8: 2025年: " + say("import.left_for_you", "zh", reason=cell))
    assert say("import.left_for_you", "en", reason=cell) == (
        "cannot read '大幅增加' (README: the cell grammar); left for you to enter"
    )
    text = plan.read_text(encoding="utf-8")
    outputs.append(text)
    assert 'region: "示例市"' in text and f"# {say('import.left_mark', 'zh')}: " in text

    common = ["--catalogue", str(plan)]
    checked = run("check", str(ACTUALS), *common, "--format", "json")
    outputs += [checked.stdout, checked.stderr]
    assert checked.returncode in (0, 1), checked.stderr
    results = {(r["indicator"], r["kind"]): r["status"] for r in json.loads(checked.stdout)["results"]}
    assert results == {
        ("gdp", "level"): "missed",  # 1450 against 1500以上
        ("resident_disposable_income", "relative"): "met",  # 7.5% against GDP's 7.7%: 基本同步
        ("urbanization_rate", "level"): "met",  # 65.4 against 65左右
        ("madeup15_04", "level"): "met",  # 26 against 28以下
        ("new_urban_jobs", "total"): "met",  # 11.2 against [10]
    }
    for args in (
        ["check", str(ACTUALS), *common],
        ["review", str(ACTUALS), *common, "--format", "markdown"],
        ["list", *common],
        ["validate", str(ACTUALS), *common],
    ):
        proc = run(*args)
        assert proc.returncode in (0, 1), (args, proc.stderr)
        outputs += [proc.stdout, proc.stderr]
    html = tmp_path / "report.html"
    proc = run("review", str(ACTUALS), *common, "--format", "html", "-o", str(html))
    assert proc.returncode in (0, 1), proc.stderr
    outputs += [proc.stdout, proc.stderr, html.read_text(encoding="utf-8")]
    assert [o for o in outputs if JIAXING in o] == []
    assert any("示例市" in o for o in outputs[-3:])


def test_validate_checks_a_user_catalogues_quotes_against_the_users_documents(tmp_path):
    plan = tmp_path / "madeup15.yaml"
    run(
        "plan",
        "import",
        str(TABLE),
        "--plan",
        "madeup15",
        "--name",
        "示例（虚构）",
        "--region",
        "示例市",
        "-o",
        str(plan),
    )
    common = [str(ACTUALS), "--catalogue", str(plan)]
    checked = run("validate", *common, "--seeds", str(TESTDATA), "--lang", "en")
    assert checked.returncode == 0, checked.stderr
    # 5 targets' quotes and the table group (类别) each of them carries, found in the user's table
    assert checked.stdout.splitlines()[0] == "10 quotes looked up in their source documents"
    unchecked = run("validate", *common, "--lang", "en")
    assert unchecked.returncode == 0
    assert unchecked.stdout.splitlines()[0] == (
        "quotes not checked: give --seeds DIR (the folder of the source documents) to check every quote"
    )
    # A quote the document does not hold is named with the catalogue file and line.
    text = plan.read_text(encoding="utf-8").replace("1000 1500以上", "1000 1600以上")
    plan.write_text(text, encoding="utf-8")
    wrong = run("validate", *common, "--seeds", str(TESTDATA), "--lang", "en")
    assert wrong.returncode == 2
    [line] = [x for x in wrong.stderr.splitlines() if "quote not found" in x]
    assert "madeup15.yaml:" in line and "gdp: quote not found in madeup-city-plan.csv" in line
