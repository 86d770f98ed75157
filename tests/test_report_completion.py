"""The completion table (issue 18.1): 表1 of the 14th FYP outline (002_5df31847278a00a3.txt), the
13th FYP's main indicators and their completion, regenerated from the catalogue and
data/actuals/actuals-2020.yaml and compared with the document cell by cell."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from jxtargets import api
from jxtargets.core.review import review
from jxtargets.render.completion import CompletionRow, completion_tables, plain

from .conftest import DATA, SEEDS, run

DOC = SEEDS / "002_5df31847278a00a3.txt"
COLUMNS = ("category", "number", "name", "baseline", "target", "target_rate", "actual", "actual_rate")
FIGURES = COLUMNS[3:]  # the numbers and their 以上/左右/[]/省下达 forms


@dataclass
class DocRow:
    number: int
    cells: dict[str, str]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def document_table1() -> list[DocRow]:
    """表1 as the document prints it. The PDF extraction puts every cell on a line of its own
    that starts with a tab; a line without a tab continues the cell before it; a blank line
    followed by a tab starts a new row. A sub-row (城镇化率, 居民收入, 污染物, 空气质量, 森林)
    has nine cells: the group's name and the sub-row's; an empty figure cell of a sub-row is
    merged with the one above (氨氮's 2015 and target cells under 化学需氧量's "—")."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("表1 "))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("注："))
    rows: list[list[str]] = [[]]
    blank = False
    for line in lines[start + 1 : end]:
        if line.startswith("\t"):
            if blank and rows[-1]:
                rows.append([])
            rows[-1].append(line[1:])
            blank = False
        elif not line.strip():
            blank = True
        else:
            rows[-1][-1] += line
            blank = False
    out: list[DocRow] = []
    number, group, previous = 0, "", None
    for cells in rows[2:]:  # two header rows
        cells = [_norm(c) for c in cells]
        if len(cells) == 9:
            group = cells[2] or group
            name = cells[3]
            unit = re.search(r"（[^（）]*）$", group)
            if unit and not name.endswith("）"):
                name += unit.group()  # 城镇居民人均可支配收入 under 居民人均可支配收入（元）
            cells = cells[:2] + [name] + cells[4:]
        assert len(cells) == 8, cells
        row = dict(zip(COLUMNS, cells, strict=True))
        if row["number"]:
            number = int(row["number"])
        elif previous is not None:
            for key in ("baseline", "target"):
                if not row[key]:
                    row[key] = previous[key]
        out.append(DocRow(number, row))
        previous = row
    return out


@pytest.fixture(scope="module")
def table():
    cat = api.open_catalogue()
    actuals = api.open_actuals([str(DATA / "actuals" / "actuals-2020.yaml")], cat)
    rv = review(cat, actuals, as_of=2020, filters=api.Filters(plans=("fyp13",)))
    (t,) = completion_tables(rv, "zh", cat.region)
    return t


def _ours(rows: list[CompletionRow]) -> list[tuple[int, CompletionRow]]:
    out, number = [], 0
    for row in rows:
        number = int(row.number) if row.number else number
        out.append((number, row))
    return out


def _match(doc: DocRow, ours: list[tuple[int, CompletionRow]]) -> CompletionRow | None:
    same = [r for n, r in ours if n == doc.number]
    if len(same) == 1 and not same[0].sub:
        return same[0]
    for r in same:
        if r.sub and doc.cells["name"].startswith(_norm(r.sub)):
            return r
    return None


def compare(table) -> tuple[int, int, list[tuple[int, str, str, str]]]:
    doc = document_table1()
    ours = _ours(table.rows)
    matched, total, misses = 0, 0, []
    for d in doc:
        row = _match(d, ours)
        for col in COLUMNS:
            total += 1
            mine = _norm(getattr(row, col)) if row is not None else "(no row)"
            if mine == d.cells[col]:
                matched += 1
            else:
                misses.append((d.number, col, d.cells[col], mine))
    return matched, total, misses


def test_document_table_is_read_whole():
    doc = document_table1()
    assert len(doc) == 34  # 27 numbers, five of them with sub-rows
    assert [d.number for d in doc][-1] == 27
    gdp = doc[0].cells
    assert gdp == {
        "category": "经济发展",
        "number": "1",
        "name": "地区生产总值（亿元）",
        "baseline": "3517.1",
        "target": "5000",
        "target_rate": "7%以上",
        "actual": "5509.5",
        "actual_rate": "6.59%",
    }


def test_table1_regenerated_cell_by_cell(table, capsys):
    matched, total, misses = compare(table)
    with capsys.disabled():
        print(f"\n表1 regenerated: {matched}/{total} cells match ({matched / total:.1%})")
        for miss in misses:
            print("  differs:", miss)
    # Every cell: the figures and their written forms (以上, [ ], 累计下降, /, 省下达), and the table's own
    # words, quoted in the catalogue (`table:`): its groups (类别), row names and units (发明专利授权量（项）
    # where the catalogue counts 件), and 氮氧化物, a row of the table that sets no target (`table_rows:`).
    assert misses == []
    assert (matched, total) == (272, 272)


def test_row_without_target_printed_as_the_table_prints_it(table):
    """表1 row 24 氮氧化物: the 2020 result [21] and an empty target cell; no verdict, no target."""
    (nox,) = [r for r in table.rows if r.indicator == "nox_emissions"]
    assert nox.cells() == ["", "", "氮氧化物（%）", "—", "—", "", "—", "[21]", "", ""]
    assert nox.rows == []
    pollutants = ("cod_emissions", "ammonia_nitrogen_emissions", "so2_emissions", "nox_emissions")
    rows = [r for r in table.rows if r.indicator in pollutants]
    assert [(r.number, r.name) for r in rows] == [
        ("24", "化学需氧量（%）"),
        ("", "氨氮（%）"),
        ("", "二氧化硫（%）"),
        ("", "氮氧化物（%）"),
    ]


def test_groups_are_the_tables_own_and_english_keeps_the_categories():
    cat = api.open_catalogue()
    actuals = api.open_actuals([str(DATA / "actuals" / "actuals-2020.yaml")], cat)
    rv = review(cat, actuals, as_of=2020, filters=api.Filters(plans=("fyp13",)))
    (zh,) = completion_tables(rv, "zh", cat.region)
    assert [r.category for r in zh.rows if r.category] == ["经济发展", "创新驱动", "民生福祉", "资源环境"]
    (en,) = completion_tables(rv, "en", cat.region)
    patents = next(r for r in en.rows if r.indicator == "invention_patents_granted")
    assert patents.name == "Invention patents granted (件)"
    assert zh.rows[0].cells()[:3] == ["经济发展", "1", "地区生产总值（亿元）"]


def test_table_groups_of_other_plans():
    """表2's eight groups for fyp14; quality13's 具体目标表 gives groups (产品质量 …) to only part of
    the plan, so its completion table (the whole plan) keeps the catalogue's categories throughout."""
    cat = api.open_catalogue()
    actuals = api.open_actuals([str(DATA / "actuals" / "actuals-2020.yaml")], cat)
    rv = review(cat, actuals, as_of=2020, filters=api.Filters(plans=("fyp14", "quality13")))
    fyp14, quality13 = completion_tables(rv, "zh", cat.region)
    assert [r.category for r in fyp14.rows if r.category] == [
        "经济发展", "科技创新", "改革开放", "文化发展", "生态环境", "市域治理", "社会民生", "安全保障"
    ]  # fmt: skip
    groups = {r.category for r in quality13.rows if r.category}
    assert "产品质量" not in groups and {"生态环境", "经济发展"} <= groups
    quality = [t for t in cat.targets() if t.plan == "quality13" and t.table is not None]
    assert len(quality) == 23 and {t.table.group for t in quality} == {"产品质量", "服务质量", "工程质量", "环境质量"}


def test_plain_numbers_are_as_tables_print_them():
    assert plain(3517.1) == "3517.1"
    assert plain(64000) == "64000"
    assert plain(0.0156) == "0.0156"
    assert plain(6.5900001) == "6.59"
    assert plain(None) == "—"


def test_review_markdown_and_xlsx_have_the_completion_table(tmp_path):
    out = run("review", "--plan", "fyp13", "--as-of", "2020", "--format", "markdown").stdout
    flat = re.sub(r" +", " ", out)
    assert "| 类别 | 序号 | 指标（单位） | 基期值（2015年） | 规划目标（2020年） | 年均增长/[累计] |" in flat
    assert "| 经济发展 | 1 | 地区生产总值（亿元） | 3517.1 | 5000 | 7%以上 | 5509.5 | 6.59% |" in flat
    assert "| | 25 | 细颗粒物（PM2.5）浓度（微克/立方米） | 53 | 43 | 累计下降18.9% | 28 | 累计下降47.2% |" in flat
    xlsx = tmp_path / "review.xlsx"
    assert run("review", "--plan", "fyp13", "--as-of", "2020", "-o", str(xlsx)).returncode == 0
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    assert book.sheetnames[0] == "完成情况" and book.active.title == "完成情况"
    rows = [[c.value for c in row] for row in book["完成情况"].iter_rows()]
    assert rows[1][:3] == ["类别", "序号", "指标（单位）"]
    assert rows[2][:8] == ["经济发展", "1", "地区生产总值（亿元）", "3517.1", "5000", "7%以上", "5509.5", "6.59%"]
    assert all(c.data_type == "s" for c in book["完成情况"][3] if c.value is not None)
    # the source column names the document by its title, the file after it (issue 18.6)
    detail = book["review"]
    header = [c.value for c in detail[1]]
    sources = [row[header.index("出处")].value for row in detail.iter_rows(min_row=2)]
    assert sources[0] == (
        "《嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（002_5df31847278a00a3.txt）表1 序号1: "
        "地区生产总值（亿元） 3517.1 5000 7%以上"
    )


def test_binding_targets_first_and_counted_apart_in_json_and_table():
    """Issue 18.3: within a plan, binding (约束性) targets come first in every review output and the
    summaries count them apart."""
    import json

    data = json.loads(run("review", "--plan", "fyp14", "--as-of", "2020", "--format", "json").stdout)
    attributes = [r["attribute"] for r in data["results"]]
    binding = attributes.count("binding")
    assert binding == 7 and attributes[:binding] == ["binding"] * binding
    assert "binding" not in attributes[binding:]
    assert data["summary"]["binding_by_plan"] == {"fyp14": {"未到期": 7}}
    table = run("review", "--plan", "fyp14", "--as-of", "2020", "--all").stdout
    assert "其中约束性" in table and "约束性" in table.split("\n", 8)[-1]
