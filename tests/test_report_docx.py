"""The Word report (issue 18.2-18.4): it opens with python-docx and holds the title, the date,
the data sources, the tool version, a summary per plan that counts binding targets apart, the
overview chart, the completion table's rows, a chart per lagging target and the annex."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jxtargets import __version__

from .conftest import run

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "fyp13-2020.docx"
    proc = run("review", "--plan", "fyp13", "--as-of", "2020", "--format", "docx", "-o", str(out))
    assert proc.returncode == 0, proc.stderr  # written: 0 whatever the statuses
    return out


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_opens_and_states_date_sources_and_version(report):
    d = docx.Document(str(report))
    text = _text(d)
    assert d.paragraphs[0].text == "嘉兴市国民经济和社会发展第十三个五年规划纲要实施情况评估报告（截至2020年）"
    assert re.search(r"生成日期：\d{4}-\d{2}-\d{2}", text)
    assert f"生成工具：jxtargets {__version__}" in text
    assert "数据来源：" in text
    # every actuals file is named, with what its figures cite
    for year in (2011, 2015, 2016, 2020):
        assert f"actuals-{year}.yaml" in text
    # each file's own `source:`, then the documents its figures cite by their titles (issue 18.2/18.6)
    assert (
        "actuals-2020.yaml：002_5df31847278a00a3.txt 表1 完成情况; 002_5df31847278a00a3.txt 表2 2020年。"
        "所引文件：《嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（002_5df31847278a00a3.txt）"
    ) in [p.text for p in d.paragraphs]


def test_summary_counts_binding_targets_apart(report):
    text = _text(docx.Document(str(report)))
    assert (
        "《嘉兴市国民经济和社会发展第十三个五年规划纲要》纳入评估的目标共52项（约束性0项，预期性0项，未标明属性52项）"
        in text
    )
    assert "该规划的目标未标明约束性。" in text


def test_completion_table_rows(report):
    d = docx.Document(str(report))
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "类别")
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "类别",
        "序号",
        "指标（单位）",
        "基期值（2015年）",
        "规划目标（2020年）",
        "年均增长/[累计]",
        "实际（截至2020年）",
        "年均增长/[累计]",
        "属性",
        "评估",
    ]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 34  # 表1's rows, 氮氧化物 (no target, its 2020 result) among them
    assert rows[0][:8] == ["经济发展", "1", "地区生产总值（亿元）", "3517.1", "5000", "7%以上", "5509.5", "6.59%"]
    pm25 = next(r for r in rows if r[2].startswith("细颗粒物"))
    assert pm25[3:8] == ["53", "43", "累计下降18.9%", "28", "累计下降47.2%"]
    energy = next(r for r in rows if r[2].startswith("单位地区生产总值能耗"))
    assert energy[5] == "[18.5]/[17.6]（省下达）"
    nox = next(r for r in rows if r[2] == "氮氧化物（%）")
    assert nox == ["", "", "氮氧化物（%）", "—", "—", "", "—", "[21]", "", ""]


def test_charts_overview_and_lagging(report):
    d = docx.Document(str(report))
    pictures = d.inline_shapes
    captions = [p.text for p in d.paragraphs if p.style.name == "Caption"]
    overview = [c for c in captions if "各项目标进度与时间进度" in c]
    lagging = [c for c in captions if re.match(r"图\d+　.*：(未完成|滞后|逆向|基本符合预期|快于预期)", c)]
    assert len(overview) == 1
    assert lagging, captions
    assert any(c.startswith("图2　地区生产总值（年均增速）：未完成") for c in captions)
    assert len(pictures) == len(overview) + len(lagging)


def test_annex_quotes_every_target(report):
    d = docx.Document(str(report))
    annex = d.tables[-1]
    assert [c.text for c in annex.rows[0].cells] == ["规划", "指标", "类型", "属性", "出处", "原文"]
    assert len(annex.rows) == 1 + 52
    gdp = [c.text for c in annex.rows[1].cells]
    assert gdp[0] == "fyp13" and gdp[1] == "地区生产总值"
    # 表1 is printed in the 14th FYP outline: the document quoted, by its title, then its file
    assert (
        gdp[4]
        == "《嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（002_5df31847278a00a3.txt）表1 序号1"
    )
    assert gdp[5] == "地区生产总值（亿元） 3517.1 5000 7%以上"


def test_english(tmp_path):
    out = tmp_path / "en.docx"
    assert run("review", "--plan", "fyp13", "--as-of", "2020", "-o", str(out), "--lang", "en").returncode == 0
    d = docx.Document(str(out))
    assert d.paragraphs[0].text == "Jiaxing 13th Five-Year Plan: implementation review as of 2020"
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "Category")
    assert [c.text for c in table.rows[1].cells][3:8] == ["3517.1", "5000", "7% or more", "5509.5", "6.59%"]
    assert (
        "actuals-2020.yaml: 002_5df31847278a00a3.txt 表1 完成情况; 002_5df31847278a00a3.txt 表2 2020年. "
        "Documents cited: 嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要 (002_5df31847278a00a3.txt)"
    ) in [p.text for p in d.paragraphs]


def test_needs_an_output_file():
    proc = run("review", "--plan", "fyp13", "--format", "docx")
    assert proc.returncode == 2 and proc.stderr == "jxtargets: --format docx 须用 --output 文件.docx 写入文件\n"


def test_hostile_names_are_text(tmp_path):
    root = Path(__file__).parent / "data" / "hostile"
    out = tmp_path / "h.docx"
    proc = run(
        "review",
        str(root / "actuals"),
        "--catalogue",
        str(root / "targets-hostile-madeup.yaml"),
        "-o",
        str(out),
    )
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells)
    assert '=HYPERLINK("http://evil.example/x","点我")' in text
    assert "\\x1b[31mRED" in text and "\x1b" not in text
