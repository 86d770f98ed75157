"""The review: trajectories, official vocabulary, pace readings, projections, revisions, and
the Excel round trip (template -> filled sheet -> check/review -> export)."""

from __future__ import annotations

import json
import shutil

import pytest

from jxtargets import api
from jxtargets.core.review import OFFICIAL_TERMS, official, project, review

from .conftest import DATA, ROOT, find, run, run_json

REVISION = str(ROOT / "tests" / "data" / "actuals-2021-revision-madeup.yaml")


@pytest.fixture(scope="module")
def catalogue():
    return api.open_catalogue()


def test_review_2020_fyp13_official_terms(catalogue):
    actuals = api.open_actuals([str(DATA / "actuals")], catalogue)
    rv = review(catalogue, actuals, 2020, api.Filters(plans=("fyp13",)))
    assert rv.as_of == 2020
    terms = {(r.result.indicator.id, r.result.target.kind): r.official for r in rv.rows}
    # the plan has ended: final words only, one label per result
    assert terms[("gdp", "level")] == "超额完成"  # 5509.5 against 5000, beyond the 2% tolerance
    assert terms[("gdp", "cagr")] == "未完成"
    assert terms[("urbanization_rate", "level")] == "完成"  # 69% against 68%: within 1 pp
    assert terms[("broadband_penetration", "level")] == "无法评估"
    assert set(rv.by_plan["fyp13"]) == set(OFFICIAL_TERMS)
    assert sum(rv.by_plan["fyp13"].values()) == len(rv.rows) == 52


def test_trajectory_spans_the_years_with_figures(catalogue):
    actuals = api.open_actuals([str(DATA / "actuals")], catalogue)
    rv = review(catalogue, actuals, 2020, api.Filters(plans=("fyp13",), indicators=("gdp",)))
    level = next(r for r in rv.rows if r.result.target.kind == "level")
    assert [(p.year, p.value) for p in level.trajectory] == [(2015, 3517.1), (2016, 3760.0), (2020, 5509.5)]


def test_interim_review_readings_and_projection(catalogue):
    actuals = api.open_actuals([str(DATA / "actuals")], catalogue)
    rv = review(catalogue, actuals, 2016, api.Filters(plans=("fyp13",), indicators=("gdp", "new_urban_jobs")))
    gdp = next(r for r in rv.rows if r.result.indicator.id == "gdp" and r.result.target.kind == "level")
    assert gdp.deciding == "growth"
    assert gdp.growth_pace == pytest.approx(gdp.result.implied_cagr / gdp.result.planned_cagr)
    assert gdp.schedule_pace == pytest.approx(gdp.result.progress_pct / 20)
    # 3760 in 2016 growing at the 2015-16 pace (6.91%) for four more years
    assert gdp.projection == pytest.approx(3760 * (3760 / 3517.1) ** 4)
    assert gdp.projection_meets is False and gdp.official == "滞后"
    jobs = next(r for r in rv.rows if r.result.indicator.id == "new_urban_jobs")
    assert jobs.projection == pytest.approx(52.0) and jobs.projection_meets is True
    assert jobs.official == "快于预期"


def test_official_mapping_covers_every_status(catalogue):
    actuals = api.open_actuals(["2020"], catalogue)
    for r in api.check(catalogue, actuals):
        assert official(r) in OFFICIAL_TERMS
        project(r)  # never raises


def test_revision_supersedes_and_stays_visible(catalogue):
    actuals = api.open_actuals([str(DATA / "actuals"), REVISION], catalogue)
    fig = actuals.get("gdp", "嘉兴市", 2020)
    assert fig.value == 5521.0 and fig.revised_from == 5509.5
    results = api.check(catalogue, actuals, 2020, api.Filters(plans=("fyp13",), indicators=("gdp",)))
    assert next(r for r in results if r.target.kind == "level").actual == 5521.0
    data, _ = run_json("show", "gdp", "--actuals", str(DATA / "actuals"))
    assert not any(f["revised_from"] for f in data["figures"])  # the embedded data has no revision


def test_revision_in_show_and_review(tmp_path):
    folder = tmp_path / "actuals"
    shutil.copytree(DATA / "actuals", folder)
    shutil.copy(REVISION, folder)
    data, _ = run_json("show", "gdp", "--actuals", str(folder))
    (fig,) = [f for f in data["figures"] if f["year"] == 2020]
    assert (fig["value"], fig["revised_from"]) == (5521.0, 5509.5)
    proc = run("show", "gdp", "--actuals", str(folder))
    assert "修订，原5,509.5" in proc.stdout
    data, _ = run_json("review", str(folder), "--plan", "fyp13", "--as-of", "2020")
    gdp = find(data["results"], indicator="gdp", kind="level")
    point = [p for p in gdp["trajectory"] if p["year"] == 2020][0]
    assert point == {"year": 2020, "value": 5521.0, "revised_from": 5509.5, "baseline": False}


def test_review_formats(tmp_path):
    for fmt in ("json", "csv", "markdown"):
        proc = run("review", "--plan", "fyp13", "--format", fmt)
        assert proc.returncode == 1 and proc.stdout, fmt
    summary = json.loads(run("review", "--plan", "fyp13", "--format", "json").stdout)["summary"]
    assert summary["by_plan"]["fyp13"]["未完成"] == 2
    assert not set(summary["by_plan"]["fyp13"]) & {"滞后", "基本符合预期", "快于预期"}
    proc = run("review", "--plan", "fyp13", "--lang", "en")
    assert "exceeded" in proc.stdout and "missed" in proc.stdout and "lagging" not in proc.stdout


def test_review_xlsx_export_has_numbers_and_colours(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "review.xlsx"
    proc = run("review", "--plan", "fyp13", "-o", str(out))
    # a report written is exit 0 whatever the statuses (fyp13 has missed targets) ...
    assert proc.returncode == 0 and out.is_file()
    # ... unless --fail-on is given explicitly
    assert run("review", "--plan", "fyp13", "-o", str(out), "--fail-on", "missed").returncode == 1
    assert run("review", "--plan", "fyp13", "-o", str(out), "--fail-on", "no_data").returncode == 1
    assert run("review", "--plan", "fyp13", "-o", str(out), "--fail-on", "behind").returncode == 0
    sheet = load_workbook(out)["review"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    gdp = next(r for r in rows if r[header.index("代码")].value == "gdp")
    assert gdp[header.index("实际")].value == 5509.5  # a number, not text
    assert gdp[header.index("状态")].fill.fgColor.rgb.endswith("C6EFCE")  # met: green
    assert "summary" in load_workbook(out).sheetnames


def test_template_yaml_round_trip(tmp_path):
    form = tmp_path / "actuals-2021.yaml"
    proc = run("template", "2021", "--plan", "fyp14", "-o", str(form))
    assert proc.returncode == 0
    text = form.read_text(encoding="utf-8")
    assert "gdp: {value: , bound: , growth: , basis: }" in text and "上年 5,509.5" in text
    # a blank form checks cleanly: every figure is missing
    data, code = run_json("check", str(form), "--plan", "fyp14")
    assert code == 0 and {r["status"] for r in data["results"]} <= {"no_data", "unassessable"}
    filled = text.replace("gdp: {value: , bound: , growth: , basis: }", "gdp: {value: 6000, growth: 8.5}  # MADE UP")
    form.write_text(filled, encoding="utf-8")
    data, _ = run_json("check", str(form), "--plan", "fyp14")
    gdp = find(data["results"], indicator="gdp", kind="level")
    assert gdp["actual"] == 6000 and gdp["year"] == 2021


def test_template_xlsx_round_trip(tmp_path):
    from openpyxl import load_workbook

    form = tmp_path / "actuals-2021.xlsx"
    assert run("template", "2021", "--plan", "fyp14", "-o", str(form), "--lang", "en").returncode == 0
    book = load_workbook(form)
    sheet = book["actuals"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["year", "indicator", "name"]  # the English form's headers are the loader's keys
    assert sheet.data_validations.dataValidation  # numbers only in the figure columns
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("indicator")].value == "gdp":
            row[header.index("value")].value = 6000  # MADE UP
            row[header.index("growth")].value = 8.5
        if row[header.index("indicator")].value == "pm25":
            row[header.index("value")].value = "abc"  # a typo the sheet would refuse
    book.save(form)
    proc = run("check", str(form), "--plan", "fyp14", "--format", "json", "--lang", "en")
    assert proc.returncode == 2
    assert "actuals!H" in proc.stderr and "(value)" in proc.stderr and "not a number" in proc.stderr
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("indicator")].value == "pm25":
            row[header.index("value")].value = 26.5
    book.save(form)
    data, _ = run_json("check", str(form), "--plan", "fyp14")
    assert find(data["results"], indicator="gdp", kind="level")["actual"] == 6000
    assert find(data["results"], indicator="pm25", kind="level")["status"] == "met"


def test_outputs_never_overwrite_inputs(tmp_path):
    folder = tmp_path / "actuals"
    shutil.copytree(DATA / "actuals", folder)
    victim = folder / "actuals-2020.yaml"
    before = victim.read_bytes()
    proc = run("review", str(folder), "-o", str(victim), "--format", "json", "--lang", "en")
    assert proc.returncode == 2 and "refusing to overwrite an input file" in proc.stderr
    assert victim.read_bytes() == before


def test_output_is_atomic(tmp_path, monkeypatch):
    from jxtargets import output

    target = tmp_path / "report.json"
    target.write_text("old report")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, "new report")
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
