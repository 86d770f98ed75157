"""A blank form checked before it is filled in: the warning says how to fill in that kind of file.
An .xlsx form is filled in cell by cell in its value column, so its hint names the sheet and the
column (H in the template), never a CSV row such as `2020,gdp,,5509.5`."""

from __future__ import annotations

from jxtargets.messages import say

from .conftest import run


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "警告" in line or "warning" in line]


def test_a_blank_xlsx_form_says_which_column_to_fill_in(tmp_path):
    form = tmp_path / "form-2021.xlsx"
    assert run("template", "2021", "--plan", "fyp14", "-o", str(form)).returncode == 0
    proc = run("check", str(form))
    assert proc.returncode == 0 and proc.stdout == "（所给文件中没有数值，没有可核对的目标）\n"
    last = _warnings(proc.stderr)[-1]
    assert last == f"jxtargets: {form}: 警告: " + say("xlsx.no_figures", "zh", sheet="actuals", column="H")
    assert "本年数值" in last and "H" in last
    assert "2020,gdp" not in proc.stderr  # the CSV hint
    en = run("check", str(form), "--lang", "en")
    assert _warnings(en.stderr)[-1] == (
        f"jxtargets: {form}: warning: sheet actuals gives no figures (fill in each indicator's figure in the "
        "value column, H; growth rates in the growth column)"
    )


def test_a_blank_sheet_without_a_value_column(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "actuals"
    sheet.append(["year", "indicator", "growth"])  # MADE UP: a hand-made sheet, growth left blank
    sheet.append([2021, "gdp", None])
    path = tmp_path / "mine-2021.xlsx"
    book.save(path)
    proc = run("check", str(path), "--lang", "en")
    assert _warnings(proc.stderr)[-1] == (
        f"jxtargets: {path}: warning: sheet actuals gives no figures (add a value column for the figures, or "
        "make the form with jxtargets template)"
    )


def test_a_blank_csv_still_shows_a_csv_row(tmp_path):
    path = tmp_path / "actuals-2021.csv"
    path.write_text("year,indicator,region,value\n2021,gdp,,\n", encoding="utf-8")  # MADE UP: blank
    proc = run("check", str(path), "--lang", "en")
    assert _warnings(proc.stderr)[-1] == (
        f"jxtargets: {path}: warning: the file gives no figures (expected rows like `2020,gdp,,5509.5`)"
    )
