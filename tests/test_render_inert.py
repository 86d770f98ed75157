"""Strings from a catalogue or an actuals file never become live content (issue 12.6): not a
formula in xlsx or CSV, not markup in HTML or SVG, not mathtext in a chart, not an escape code
on a terminal, not a cell break in Markdown. The hostile files are made up (tests/data/hostile)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, run

HOSTILE = ROOT / "tests" / "data" / "hostile"
CAT = str(HOSTILE / "targets-hostile-madeup.yaml")
ACT_DIR = str(HOSTILE / "actuals")
ACT = str(HOSTILE / "actuals" / "actuals-2018-hostile-madeup.yaml")
FORMULA = '=HYPERLINK("http://evil.example/x","点我")'
ESC_NAME = "\x1b[31mRED\x1b[0m\u202e名称"
ESC_SHOWN = "\\x1b[31mRED\\x1b[0m\\u202e名称"
MATH_NAME = "$\\alpha^2$ 指标 | 管道 <i>x</i>"


def cli(*args: str, code: int = 0) -> str:
    proc = run(*args, "--catalogue", CAT)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    return proc.stdout


# -- xlsx ------------------------------------------------------------------------------------------


def _xlsx_cells(path: Path) -> list:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


@pytest.mark.parametrize("command", ["review", "template"])
def test_xlsx_has_no_formula_from_the_data(tmp_path, command):
    out = tmp_path / f"{command}.xlsx"
    if command == "review":
        cli("review", ACT, "-o", str(out), code=0)
    else:
        cli("template", "2018", "--actuals", ACT_DIR, "-o", str(out))
    cells = _xlsx_cells(out)
    names = [c for c in cells if c.value == FORMULA]
    assert names, "the indicator's name is in the sheet"
    assert all(c.data_type == "s" for c in names)
    assert not [c for c in cells if c.data_type == "f"]
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode()  # no formula element at all
    # a control character is shown, not written raw (the XML cannot hold it)
    assert ESC_SHOWN in {c.value for c in cells}


# -- CSV -------------------------------------------------------------------------------------------


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_cells_that_start_a_formula_are_neutralised():
    rows = _csv(cli("check", ACT, "--format", "csv", code=1))
    row = next(r for r in rows if r["indicator"] == "formula")
    assert row["name"] == "'" + FORMULA
    assert row["source_doc"] == "'@SUM(1+1)" and row["source_where"] == "'-2+3"
    # numbers are numbers: a negative figure is never prefixed
    assert row["baseline"] == "50.0"
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    review = _csv(cli("review", ACT, "--format", "csv", code=1))
    assert next(r for r in review if r["indicator"] == "formula")["name"] == "'" + FORMULA
    listing = _csv(cli("list", "--format", "csv"))
    assert next(r for r in listing if r["indicator"] == "formula")["name"] == "'" + FORMULA
    regions = _csv(cli("list", "--regions", "--format", "csv"))
    assert [r["region"] for r in regions] == ["嘉兴市", "|区|", "'=SUM(1)"]
    shown = _csv(cli("show", "formula", "--actuals", ACT_DIR, "--format", "csv"))
    assert shown[0]["name"] == "'" + FORMULA


def test_csv_raw_keeps_the_text_as_given():
    rows = _csv(cli("check", ACT, "--format", "csv", "--csv-raw", code=1))
    row = next(r for r in rows if r["indicator"] == "formula")
    assert row["name"] == FORMULA and row["source_doc"] == "@SUM(1+1)"
    review = _csv(cli("review", ACT, "--format", "csv", "--csv-raw", code=1))
    assert next(r for r in review if r["indicator"] == "formula")["name"] == FORMULA
    listing = _csv(cli("list", "--format", "csv", "--csv-raw"))
    assert next(r for r in listing if r["indicator"] == "formula")["name"] == FORMULA


# -- HTML and SVG ----------------------------------------------------------------------------------


def test_html_escapes_every_string(tmp_path):
    out = tmp_path / "report.html"
    cli("review", ACT, "-o", str(out), code=0)
    page = out.read_text(encoding="utf-8")
    for live in ("<script", "<img", "<svg onload", "<i>x</i>", "<b>bold"):
        assert live not in page
    assert "&lt;i&gt;x&lt;/i&gt;" in page  # the name is there, as text
    assert page.count("<svg") == page.count("</svg>")


def test_charts_never_read_data_as_mathtext():
    """`$…$` in a label stays those characters in the SVG (no mathtext glyphs, no TeX)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    from jxtargets.render.html import _PLOT_RC

    with rc_context(_PLOT_RC):
        fig = Figure()
        FigureCanvasSVG(fig)
        fig.text(0.1, 0.5, "$\\alpha^2$ and $unbalanced")
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
    svg = buf.getvalue()
    assert "$\\alpha^2$ and $unbalanced" in svg
    assert "α" not in svg


# -- terminal --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,code",
    [
        (("check", ACT), 1),
        (("review", ACT), 1),
        (("list",), 0),
        (("show", "escape", "--actuals", ACT_DIR), 0),
    ],
)
def test_terminal_never_gets_raw_escape_codes(args, code):
    out = cli(*args, code=code)
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31mRED" in out


# -- Markdown --------------------------------------------------------------------------------------


def _cells(line: str) -> int:
    return len(re.split(r"(?<!\\)\|", line.strip())) - 2


@pytest.mark.parametrize(
    "args,code", [(("check", ACT), 1), (("review", ACT), 1), (("list",), 0), (("list", "--regions"), 0)]
)
def test_markdown_tables_keep_their_columns(args, code):
    out = cli(*args, "--format", "markdown", code=code)
    assert "\x1b" not in out
    table_lines = [line for line in out.splitlines() if line.startswith("|")]
    assert table_lines
    widths = {_cells(line) for line in out.split("\n\n")[0 if args[0] != "review" else 1].splitlines()}
    assert len(widths) == 1, out
    if args[0] in ("check", "review", "list") and args[-1] != "--regions":
        assert "$\\alpha^2$ 指标 \\| 管道 &lt;i>x&lt;/i>" in out


# -- the YAML form ---------------------------------------------------------------------------------


def test_yaml_form_reads_back_as_data():
    text = cli("template", "2018", "--actuals", ACT_DIR)
    data = yaml.safe_load(text)
    assert set(data["values"]) == {"formula", "escape", "math"}
    assert "\x1b" not in text and ESC_SHOWN in text
