"""Real data under the plan, through the command line (issue 14, SPEC §4): revisions re-base,
series breaks, price basis, bounds, the latest figure. The figures for 2021 and later are MADE
UP (tests/data/*-madeup.*); the 2020 ones are the embedded release."""

from __future__ import annotations

import json

import pytest

from jxtargets.core import growth

from .conftest import DATA, ROOT, SEEDS, find, run, run_json

MADE = ROOT / "tests" / "data"
Y2020 = str(DATA / "actuals" / "actuals-2020.yaml")
REVISION = str(MADE / "actuals-2021-revision-madeup.yaml")  # 2020 GDP revised 5509.5 -> 5521, 2021 6000
LATEST = str(MADE / "actuals-2022-latest-madeup.yaml")  # 2022 GDP 6800; 2021 revised 6000 -> 6050
BREAK = str(MADE / "actuals-2022-break-madeup.yaml")  # urbanisation rate re-based from 2021
BASIS = str(MADE / "actuals-2021-basis-madeup.yaml")  # nominal income growth, real GDP growth
BOUND = str(MADE / "actuals-2021-bound-madeup.csv")  # a lower bound, a CSV revision row


def _gdp_level(results):
    return find(results, plan="fyp14", indicator="gdp", kind="level")


def test_revised_baseline_rebases_planned_implied_and_required_cagr():
    data, _ = run_json("check", Y2020, REVISION, "--plan", "fyp14")
    gdp = _gdp_level(data["results"])
    assert gdp["baseline"] == 5521.0 and gdp["baseline_document"] == 5509.5
    assert gdp["planned_cagr"] == pytest.approx(growth.cagr(5521.0, 9000.0, 5), abs=1e-4)  # not 5509.5
    assert gdp["implied_cagr"] == pytest.approx(growth.cagr(5521.0, 6000.0, 1), abs=1e-4)
    assert gdp["required_cagr"] == pytest.approx(growth.cagr(6000.0, 9000.0, 4), abs=1e-4)
    assert "基期值5,521（修订，规划文本5,509.5）" in gdp["why"]
    # The same baseline in cagr, show and review.
    cagr, _ = run_json("cagr", "gdp", "--actuals", REVISION)
    assert _gdp_level(cagr["results"])["planned_cagr"] == gdp["planned_cagr"]
    shown = run_json("show", "gdp", "--actuals", REVISION)[0]
    fyp14 = [t for t in shown["targets"] if t["plan"] == "fyp14" and t["kind"] == "level"][0]
    assert (fyp14["baseline"], fyp14["baseline_document"]) == (5521.0, 5509.5)
    review, _ = run_json("review", Y2020, REVISION, "--plan", "fyp14")
    assert _gdp_level(review["results"])["planned_cagr"] == gdp["planned_cagr"]


def test_revision_row_in_a_csv_file_and_an_xlsx_sheet(tmp_path):
    """In a file named for one year, a row for an earlier year is that release's revision."""
    data, _ = run_json("check", Y2020, BOUND, "--plan", "fyp14")
    assert (_gdp_level(data["results"])["baseline"], _gdp_level(data["results"])["baseline_document"]) == (
        5530.0,
        5509.5,
    )
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "actuals"
    sheet.append(["year", "indicator", "value", "note"])
    sheet.append([2021, "gdp", 6000, "made up"])
    sheet.append([2020, "gdp", 5540, "made-up revision"])
    path = tmp_path / "form-2021.xlsx"
    book.save(path)
    data, _ = run_json("check", Y2020, str(path), "--plan", "fyp14")
    gdp = _gdp_level(data["results"])
    assert (gdp["baseline"], gdp["baseline_document"], gdp["actual"]) == (5540.0, 5509.5, 6000.0)
    # A row for a later year than the file's name is still an error, named by its cell.
    sheet.append([2022, "gdp", 6500, ""])
    book.save(path)
    proc = run("check", str(path), "--lang", "en")
    assert proc.returncode == 2 and "form-2021.xlsx:4: actuals!A4 (year): year 2022 disagrees" in proc.stderr


def test_break_marks_the_pace_and_keeps_it_from_the_label():
    data, _ = run_json("check", Y2020, BREAK, "--plan", "fyp14")
    urban = find(data["results"], plan="fyp14", indicator="urbanization_rate", kind="level")
    assert urban["spans_break"] is True and urban["break_year"] == 2021
    assert urban["status"] == "unassessable"
    assert urban["implied_cagr"] is None and urban["progress_pct"] is None and urban["pace"] is None
    assert "2021年起统计口径调整" in urban["why"] and "进度比" not in urban["why"]
    gdp = _gdp_level(data["results"])  # no break declared for GDP: judged as usual
    assert gdp["spans_break"] is False and gdp["status"] == "behind"
    csv = run("check", Y2020, BREAK, "--plan", "fyp14", "--format", "csv").stdout
    assert ",True,2021," in [line for line in csv.splitlines() if ",urbanization_rate," in line][0]


def test_relative_target_on_mixed_price_bases_is_unassessable():
    data, _ = run_json("check", Y2020, BASIS, "--plan", "fyp14")
    income = find(data["results"], plan="fyp14", indicator="resident_disposable_income", kind="relative")
    assert income["status"] == "unassessable" and income["measured_basis"] == "current"
    assert "本指标增速为当年价，对照指标地区生产总值增速为可比价，价格口径不一致或不明，不作判断" in income["why"]


def test_a_growth_basis_that_is_not_one_is_an_error(tmp_path):
    path = tmp_path / "actuals-2021.yaml"
    path.write_text("year: 2021\nvalues:\n  gdp: {value: 6000, growth: {value: 8.2, basis: real}}\n", encoding="utf-8")
    proc = run("check", str(path), "--lang", "en")
    assert proc.returncode == 2
    assert "actuals-2021.yaml:3: values.gdp.growth.basis: 'real' is not one of" in proc.stderr


def test_lower_bound_baseline_is_never_an_exact_figure():
    data, _ = run_json("check", Y2020, BOUND, "--plan", "fyp14")
    per_capita = find(data["results"], plan="fyp14", indicator="gdp_per_capita", kind="level")
    assert per_capita["baseline"] == 100000 and per_capita["baseline_bound"] == "lower"
    assert per_capita["status"] == "unassessable" and per_capita["planned_cagr"] is None
    assert per_capita["implied_cagr"] is None and "2020年基期值仅为下限" in per_capita["why"]
    # 倍增 of 突破65家: the doubled target is itself only a lower bound, and so is 突破80家.
    listed = find(data["results"], plan="fyp14", indicator="listed_companies", kind="multiple")
    assert (listed["target"], listed["target_bound"], listed["actual_bound"]) == (130.0, "lower", "lower")
    assert listed["status"] == "unassessable"
    table = run("check", Y2020, BOUND, "--plan", "fyp14", "--format", "markdown").stdout
    assert "≥80家" in table and "由下限推算" in table


def test_embedded_2020_bounds():
    data, _ = run_json("check", "2020", "--plan", "fyp14", "--status", "baseline")
    per_capita = find(data["results"], plan="fyp14", indicator="gdp_per_capita", kind="level")
    assert per_capita["actual"] == 100000 and per_capita["actual_bound"] == "lower"
    assert per_capita["planned_cagr"] is None  # not (150000/100000)^(1/5) - 1 from a bound


def test_latest_earlier_figure_as_of_a_later_year():
    data, code = run_json("review", Y2020, REVISION, LATEST, "--plan", "fyp14", "--as-of", "2024")
    gdp = _gdp_level(data["results"])
    assert (gdp["as_of"], gdp["actual_year"], gdp["actual"]) == (2024, 2022, 6800.0)
    assert gdp["why"].startswith("截至2022年") and gdp["status"] == "on_track"
    assert data["summary"]["latest_year"] == 2022
    # The 2022 release's revision of 2021 shows in the trajectory, the first figure kept.
    point = [p for p in gdp["trajectory"] if p["year"] == 2021][0]
    assert (point["value"], point["revised_from"]) == (6050.0, 6000.0)


def test_as_of_a_year_with_no_release_explains_itself():
    proc = run("review", Y2020, REVISION, "--plan", "fyp14", "--as-of", "2023", "--format", "markdown")
    assert "无2023年数据，各指标按截至2023年的最新数据评估，最新为2021年" in proc.stdout
    proc = run("check", Y2020, REVISION, "--plan", "fyp14", "--year", "2023", "--format", "json")
    assert "注意：无2023年数据，各指标按截至2023年的最新数据评估（最新为2021年）" in proc.stderr
    check = json.loads(proc.stdout)
    assert _gdp_level(check["results"])["actual_year"] == 2021


def test_template_has_a_place_for_bound_and_basis(tmp_path):
    form = tmp_path / "form-2021.yaml"
    assert run("template", "2021", "--plan", "fyp14", "-o", str(form)).returncode == 0
    text = form.read_text(encoding="utf-8")
    assert "gdp: {value: , bound: , growth: , basis: }" in text
    # MADE-UP figures typed into the form: a lower bound and a growth rate at current prices.
    filled = text.replace(
        "gdp: {value: , bound: , growth: , basis: }", "gdp: {value: 6000, bound: lower, growth: 9, basis: current}"
    )
    form.write_text(filled, encoding="utf-8")
    gdp = _gdp_level(run_json("check", Y2020, str(form), "--plan", "fyp14")[0]["results"])
    assert (gdp["actual"], gdp["actual_bound"], gdp["status"]) == (6000.0, "lower", "unassessable")
    from openpyxl import load_workbook

    sheet_path = tmp_path / "form-2021.xlsx"
    assert run("template", "2021", "--plan", "fyp14", "-o", str(sheet_path), "--lang", "en").returncode == 0
    header = [c.value for c in next(load_workbook(sheet_path)["actuals"].iter_rows(max_row=1))]
    assert header.index("bound") == header.index("value") + 1 and header.index("basis") == header.index("growth") + 1


def test_growth_basis_cites_its_document_and_validate_checks_the_quote(tmp_path):
    import shutil

    catalogue = tmp_path / "catalogue"
    shutil.copytree(DATA / "catalogue", catalogue)
    indicators = catalogue / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    assert text.count("增长速度均按可比价格计算}") == 4  # gdp, the two incomes, the seven industries
    indicators.write_text(text.replace("增长速度均按可比价格计算}", "增长速度均按当年价格计算}", 1), encoding="utf-8")
    proc = run("validate", "--catalogue", str(catalogue), "--seeds", str(SEEDS), "--lang", "en")
    assert proc.returncode == 2
    assert "gdp.growth_basis_source: quote not found in 002_5df31847278a00a3.txt" in proc.stderr
    # A basis with no citation is refused.
    indicators.write_text(text.replace("    growth_basis_source:", "    note_source:", 1), encoding="utf-8")
    proc = run("validate", "--catalogue", str(catalogue), "--lang", "en")
    assert proc.returncode == 2 and "growth_basis_source: cite the document that states the basis" in proc.stderr
