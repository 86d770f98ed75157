"""`jxtargets plan import`: the cell grammar, and the proof on the source — importing 表1 and 表2
of 002_5df31847278a00a3.txt (as text, and as an .xlsx built from it) reproduces the hand-made
fyp13 and fyp14 table targets field by field."""

from __future__ import annotations

import re

import pytest

from jxtargets import api
from jxtargets.planimport.grammar import LEVEL, RATE, CellError, CellTarget, RowContext, read_cell
from jxtargets.planimport.run import import_plan
from jxtargets.planimport.table import text_tables

from .conftest import SEEDS

DOC = SEEDS / "002_5df31847278a00a3.txt"
needs_seeds = pytest.mark.skipif(not DOC.is_file(), reason=f"source document not found at {DOC}")
FIELDS = ("kind", "op", "value", "stretch", "baseline", "attribute", "basis", "of", "measure", "factor")


def ctx(name: str, unit: str | None = "%", column: str = LEVEL, direction: str = "up", has_level: bool = False):
    return RowContext(column, name, unit, direction, has_level)


# Every form of 表1 and 表2, and the usual wording: (cell, row context, targets).
CELLS = [
    ("9000", ctx("地区生产总值", "亿元"), [CellTarget("level", ">=", 9000)]),
    ("9000亿元以上、力争1万亿元", ctx("地区生产总值", "亿元"), [CellTarget("level", ">=", 9000, 10000)]),
    ("15万元以上", ctx("人均地区生产总值", "元"), [CellTarget("level", ">=", 150000)]),
    ("7以上", ctx("全员劳动生产率年均增长"), [CellTarget("cagr", ">=", 7)]),
    ("75左右", ctx("常住人口城镇化率"), [CellTarget("level", "~", 75)]),
    ("27以下", ctx("细颗粒物浓度", "微克/立方米", direction="down"), [CellTarget("level", "<=", 27)]),
    ("0.009", ctx("生产安全事故死亡率", "人/亿元", direction="down"), [CellTarget("level", "<=", 0.009)]),
    ("突破5400", ctx("地区生产总值", "亿元"), [CellTarget("level", ">=", 5400)]),
    ("超过60", ctx("数字经济增加值占地区生产总值比重"), [CellTarget("level", ">=", 60)]),
    ("控制在5以内", ctx("城镇调查失业率", direction="down"), [CellTarget("level", "<=", 5)]),
    ("力争7.2", ctx("地区生产总值年均增长"), [CellTarget("cagr", ">=", None, 7.2)]),
    ("3-5%", ctx("x", "亿元", RATE), [CellTarget("cagr", "range", (3, 5))]),
    ("7%以上", ctx("地区生产总值", "亿元", RATE), [CellTarget("cagr", ">=", 7)]),
    ("17.8%", ctx("发明专利授权量", "项", RATE), [CellTarget("cagr", ">=", 17.8)]),
    (
        "年均增长1.2个百分点",
        ctx("服务业增加值占地区生产总值比重", column=RATE),
        [CellTarget("annual_change", ">=", 1.2)],
    ),
    ("[7.1]", ctx("常住人口城镇化率", column=RATE, has_level=True), [CellTarget("change", ">=", 7.1)]),
    ("[30]", ctx("新增城镇就业人数", "万人", RATE), [CellTarget("total", ">=", 30)]),
    ("[16]", ctx("万元地区生产总值用水量降低"), [CellTarget("reduction", ">=", 16)]),
    ("[5]", ctx("儿童青少年总体近视率降低"), [CellTarget("change", "<=", -5)]),
    ("累计下降18.9%", ctx("细颗粒物浓度", "微克/立方米", RATE, "down"), [CellTarget("reduction", ">=", 18.9)]),
    ("提高1.2个百分点", ctx("服务业比重"), [CellTarget("change", ">=", 1.2)]),
    ("年均下降3%", ctx("单位GDP能耗", "吨标煤/万元", direction="down"), [CellTarget("cagr", "<=", -3)]),
    ("省下达指标", ctx("单位地区生产总值能源消耗降低"), [CellTarget("external", ">=", measure="reduction")]),
    (
        "[23]（省下达）",
        ctx("单位地区生产总值用水量降低", column=RATE),
        [CellTarget("external", ">=", 23, measure="reduction")],
    ),
    (
        "[18.5]/[17.6]（省下达）",
        ctx("单位地区生产总值能耗降低", column=RATE),
        [
            CellTarget("external", ">=", 18.5, measure="reduction"),
            CellTarget("external", ">=", 17.6, measure="reduction"),
        ],
    ),
    (
        "307.17/\n298.19（省下达）",
        ctx("耕地保有量", "万亩"),
        [CellTarget("external", ">=", 307.17, measure="level"), CellTarget("external", ">=", 298.19, measure="level")],
    ),
    (
        "高于地区生产总值年均增长",
        ctx("生产性服务业五大行业增加值年均增长"),
        [CellTarget("relative", ">=", of="地区生产总值")],
    ),
    ("与经济增长基本同步", ctx("居民人均可支配收入年均增长"), [CellTarget("relative", "~", of="经济")]),
    ("翻一番", ctx("地区生产总值", "亿元"), [CellTarget("multiple", ">=", factor=2)]),
    ("力争再翻一番", ctx("地区生产总值", "亿元"), [CellTarget("multiple", ">=", stretch=2)]),
    ("-", ctx("x"), []),
    ("—", ctx("x"), []),
    ("", ctx("x"), []),
]


@pytest.mark.parametrize(("cell", "row", "expected"), CELLS, ids=[c[0] or "blank" for c in CELLS])
def test_cell_grammar(cell, row, expected):
    assert read_cell(cell, row) == expected


UNREADABLE = [
    ("大幅提升", "cannot read"),
    ("9000/9500", "two figures"),
    ("5", "a growth column figure without % or [ ]"),
    ("累计增长20%", "a cumulative growth rate has no kind"),
    ("[3", "unbalanced brackets"),
]


@pytest.mark.parametrize(("cell", "message"), UNREADABLE)
def test_a_cell_the_grammar_cannot_read_is_an_error_never_a_guess(cell, message):
    with pytest.raises(CellError, match=re.escape(message)):
        read_cell(cell, ctx("x", "亿元", RATE))


def _hand_made(catalogue, plan: str, label: str) -> dict[tuple[str, str], list]:
    rows: dict[tuple[str, str], list] = {}
    for t in catalogue.targets():
        m = re.match(label + r" 序号(\d+)", t.source.where) if t.plan == plan and t.source else None
        if m:
            rows.setdefault((m.group(1), t.indicator), []).append(t)
    return rows


def _fields(t) -> dict:
    get = t.get if isinstance(t, dict) else lambda f: getattr(t, f)
    out = {}
    for f in FIELDS:
        v = get(f)
        out[f] = list(v) if isinstance(v, tuple) else float(v) if isinstance(v, int) and f != "of" else v
    # the table's group (类别), as the import reads it and as the catalogue quotes it (`table:`)
    table = get("table")
    out["group"] = (table or {}).get("group") if isinstance(t, dict) else (table.group if table else None)
    return out


def compare(imported, catalogue, plan: str, label: str) -> tuple[int, int, dict[str, dict]]:
    """Rows matching the hand-made targets field by field, rows, and the differences by 序号."""
    hand = _hand_made(catalogue, plan, label)
    same, differences = 0, {}
    for row in imported.rows:
        keys = [k for k in hand if k[0] == row.number]
        key = next((k for k in keys if k[1] == row.indicator), None)
        if key is None:  # a new id: the hand-made row of the same name
            named = [k for k in keys if catalogue.indicators[k[1]].name in (row.name, row.indicator_name)]
            key = named[0] if named else keys[0] if len(keys) == 1 else None
        mine = [_fields(t) for t in row.targets]
        theirs = [_fields(t) for t in hand.get(key, [])] if key else []
        if mine == theirs:
            same += 1
            continue
        diff = {}
        for a, b in zip(mine, theirs, strict=False):
            diff.update({f: (a[f], b[f]) for f in (*FIELDS, "group") if a[f] != b[f]})
        if len(mine) != len(theirs):
            diff["targets"] = (len(mine), len(theirs))
        differences[f"{label} 序号{row.number} {row.name}"] = diff
    return same, len(imported.rows), differences


@pytest.fixture(scope="module")
def catalogue():
    return api.open_catalogue()


@needs_seeds
def test_table_2_as_text_reproduces_the_fyp14_table_targets(catalogue):
    result = import_plan(DOC, "fyp14x", "十四五 (re-imported)", catalogue, which="表2")
    same, rows, differences = compare(result.imported, catalogue, "fyp14", "表2")
    assert rows == 38
    assert same == 36
    assert differences == {
        # The table says 9000; 力争1万亿元 is in the text (三（三）), which the hand-made target adds.
        "表2 序号1 地区生产总值": {"stretch": (None, 10000.0)},
        # The note names 货物贸易进口出额 (the document's typo for 进出口额): no row of that name.
        "表2 序号9 货物贸易进出口额": {"basis": (None, "current")},
    }
    assert [r.indicator for r in result.imported.rows if not r.matched] == []  # every row matched by name or alias
    assert result.problems == []


@needs_seeds
def test_table_1_as_text_reproduces_the_fyp13_table_targets_and_its_results(catalogue):
    result = import_plan(DOC, "fyp13x", "十三五 (re-imported)", catalogue, which="表1")
    same, rows, differences = compare(result.imported, catalogue, "fyp13", "表1")
    assert (same, rows, differences) == (34, 34, {})
    # The 完成情况 columns go to an actuals file for 2020, as the embedded one has them.
    actuals = api.open_actuals(["2020"], catalogue)
    compared = 0
    for row in result.imported.rows:
        if not row.matched or not row.actual:
            continue
        figure = actuals.figures[(row.indicator, catalogue.region)][2020]
        if "value" in row.actual:
            assert figure.value == pytest.approx(row.actual["value"]), row.name
            compared += 1
        for start, figures in row.actual.get("since", {}).items():
            for kind, value in figures.items():
                assert figure.since[start][kind] == pytest.approx(value), row.name
                compared += 1
    assert compared == 42


@needs_seeds
def test_table_1_results_make_an_actuals_file_that_loads_and_cites_the_table(tmp_path, catalogue):
    from jxtargets.validate import quote_problems

    result = import_plan(DOC, "fyp13x", "十三五 (re-imported)", catalogue, which="表1")
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(result.actuals_yaml or "", encoding="utf-8")
    imported = api.open_actuals([str(path)], catalogue)
    embedded = api.open_actuals(["2020"], catalogue)
    figures = [f for by_year in imported.figures.values() for f in by_year.values()]
    assert len(figures) == 27 and {f.year for f in figures} == {2020}
    for f in figures:
        known = embedded.figures[(f.indicator, f.region)][2020]
        assert (f.value, f.since) == (known.value, known.since), f.indicator
    assert quote_problems(catalogue, figures, SEEDS) == []


def _as_number(cell: str):
    try:
        number = float(cell)
    except ValueError:
        return cell or None
    return int(number) if number.is_integer() and "." not in cell else number


@needs_seeds
@pytest.mark.parametrize("label", ["表1", "表2"])
def test_the_table_as_an_xlsx_imports_as_the_text_does(tmp_path, catalogue, label):
    """The table typed into a workbook as Excel lays it out (figures as numbers, merged cells
    blank: 表1's 指标名称 over two columns, 规划目标 and 完成情况 over two each) reads the same."""
    import openpyxl

    [table] = [t for t in text_tables(DOC.read_text(encoding="utf-8"), DOC.name) if t.label == label]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([table.title])
    if label == "表1":
        sheet.append(["类别", "序号", "指标名称", None, "2015年", "规划目标", None, "完成情况", None])
        sheet.append([None] * 5 + ["2020年", "年均增长（%）[累计]"] * 2)
        for row in table.rows:
            cells = list(row.cells)
            if len(cells) == 8:  # no group: the name spans both name columns
                cells.insert(3, "")
            sheet.append([_as_number(c) for c in cells])
    else:
        sheet.append(table.header[0])
        for row in table.rows:
            sheet.append([_as_number(c) for c in row.cells])
    sheet.append([table.notes[0]])
    path = tmp_path / f"{label}.xlsx"
    book.save(path)
    text = import_plan(DOC, "planx", "x", catalogue, which=label)
    workbook = import_plan(path, "planx", "x", catalogue, doc=DOC.name)
    assert [(r.indicator, r.targets, r.actual) for r in workbook.imported.rows] == [
        (r.indicator, r.targets, r.actual) for r in text.imported.rows
    ]
    assert [p.message for p in workbook.problems] == [p.message for p in text.problems]
