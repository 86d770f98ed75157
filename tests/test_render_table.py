"""Terminal tables at 80 columns (what a pipe gets) and at 120 (issue 18.7): `check`, `cagr` and
`review` never cut a number or a word; long reasons wrap inside their column."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jxtargets import api
from jxtargets.render.table import Flow, flow_lines, pieces

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _render(renderables, width: int) -> str:
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False, markup=False, emoji=False)
    for r in renderables:
        console.print(r)
    return console.file.getvalue()


def _numbers(texts) -> set[str]:
    return {m.group() for t in texts for m in NUMBER.finditer(t)}


def _cells(out: str) -> list[str]:
    """Every cell fragment of every line of a rendered table."""
    cells = []
    for line in out.splitlines():
        if "│" in line:
            cells += [c.strip() for c in line.split("│")[1:-1]]
    return cells


def _assert_nothing_cut(out: str, width: int, source_texts: list[str]) -> None:
    from rich.cells import cell_len

    assert all(cell_len(line) <= width for line in out.splitlines()), out
    known = _numbers(source_texts)
    for cell in _cells(out):
        # a fragment never starts inside a number or its unit, nor ends inside a number
        assert not re.match(r"^[.,%]|^\d*\.\d", cell) or NUMBER.match(cell).group() in known, (cell, out)
        for m in NUMBER.finditer(cell):
            assert m.group() in known, (m.group(), cell, out)
    assert "…" not in out  # nothing cropped either


@pytest.fixture(scope="module")
def loaded():
    cat = api.open_catalogue()
    return cat, api.open_actuals(["2016", "2020"], cat)


@pytest.mark.parametrize("width", [80, 120])
def test_check_table(loaded, width):
    from jxtargets.render.records import record
    from jxtargets.render.table import check_table

    cat, actuals = loaded
    report = api.check(cat, actuals, 2020, api.Filters(plans=("fyp13",)))
    records = [record(r, "zh") for r in report.results if r.status != "no_data"]
    out = _render([check_table(records, report.summary.as_dict(), "zh", "t", cat.region)], width)
    texts = [str(v) for r in records for v in r.values() if v is not None]
    from jxtargets.render.formats import actual_text, target_text

    texts += [target_text(r) for r in records] + [actual_text(r) for r in records]
    _assert_nothing_cut(out, width, texts)
    assert "6.59%（报告值，可比价）" in out.replace("\n", "") or "6.59%" in out


@pytest.mark.parametrize("width", [80, 120])
def test_cagr_table(loaded, width):
    from jxtargets.render.growth import cagr_table
    from jxtargets.render.records import record

    cat, actuals = loaded
    report = api.cagr(cat, actuals, "gdp")
    out = _render([cagr_table(report.results, "zh")], width)
    texts = [str(v) for r in report.results for v in record(r, "zh").values() if v is not None]
    texts += [out]  # formatted percentages: checked by the fragment rule
    assert all(len(line) <= width for line in out.splitlines())
    for cell in _cells(out):
        assert not re.match(r"^[.,%]", cell), (cell, out)
    assert "5,509.5亿元" in out and "9.39%" in out and "10.31%" in out


@pytest.mark.parametrize("width", [80, 120])
def test_review_table(loaded, width):
    from jxtargets.core.review import review
    from jxtargets.render.review import table_renderables

    cat, actuals = loaded
    rv = review(cat, actuals, 2016, api.Filters(plans=("fyp13",)))
    out = _render(table_renderables(rv, "zh"), width)
    assert all(len(line) <= width for line in out.splitlines())
    for cell in _cells(out):
        assert not re.match(r"^[.,%]|^\d*\.\d*%?$(?<=\.)", cell), (cell, out)
    assert "…" not in out


def test_pieces_keep_numbers_and_units_whole():
    assert pieces("5,509.5亿元 ≥ 5,000亿元") == ["5,509.5亿元 ", "≥ ", "5,000亿元"]
    assert pieces("6.59%（报告值，可比价）")[:2] == ["6.59%", "（报"]
    assert "9.39%" in pieces("当年价水平推算为9.39%（仅供参考）")
    assert flow_lines("6.59%（报告值，可比价） < 7%；当年价水平推算为9.39%（仅供参考）", 12) == [
        "6.59%（报告",
        "值，可比价）",
        "< 7%；当年价",
        "水平推算为",
        "9.39%（仅供",
        "参考）",
    ]


def test_flow_measures_by_its_widest_piece():
    from rich.console import Console

    console = Console(width=80)
    m = Flow("进度比0.947（增速比）").__rich_measure__(console, console.options)
    assert m.minimum == len("0.947")  # a line may break between 进 and 度, never inside 0.947
    assert m.maximum == 21


def _flow_lines_the_long_way(text: str, width: int) -> list[str]:
    """flow_lines as it was first written: the whole line measured again for every piece."""
    from rich.cells import cell_len, chop_cells

    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in pieces(paragraph):
            if cell_len((line + piece).rstrip()) <= width:
                line += piece
                continue
            if line.strip():
                out.append(line.rstrip())
            piece = piece.lstrip()
            body = piece.rstrip()
            if cell_len(body) > width:
                chopped = chop_cells(body, width)
                out.extend(chopped[:-1])
                line = chopped[-1] + piece[len(body) :]
            else:
                line = piece
        out.append(line.rstrip())
    return out


# MADE UP: text of Chinese, numbers with units, Latin words, spaces and punctuation.
_words = st.sampled_from(
    ["地区生产总值", "5,509.5亿元", " ", "  ", "≥", "（报告值）", "pp", "7%；", "\n", "abcdefghijklmnop", "。"]
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(parts=st.lists(_words, max_size=30), width=st.integers(min_value=1, max_value=40))
def test_flow_lines_measures_each_piece_once_with_the_same_lines(parts, width):
    text = "".join(parts)
    assert flow_lines(text, width) == _flow_lines_the_long_way(text, width)


# pieces() as it was first written, a regular expression (render/table.py now scans by hand: the
# expression's Unicode ranges took 6 ms to compile on every table).
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_OPEN = "（(“‘「『【〔《〈"
_CLOSE = "）)”’」』】〕》〉，。；：、！？,.;:!?%"
_PIECE = re.compile(
    rf"[{_OPEN}]*"
    rf"(?:[^\s{_CJK}{_OPEN}]+(?:[\u4e00-\u9fff]{{1,4}}(?:/[\u4e00-\u9fff]{{1,2}})?)?|[{_CJK}])"
    rf"[{_CLOSE}]*\s*"
    rf"|\s+"
)


def _pieces_by_expression(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text):
        m = _PIECE.match(text, pos)
        end = m.end() if m is not None and m.end() > pos else pos + 1
        out.append(text[pos:end])
        pos = end
    return out


# MADE UP: every kind of character the scanner tells apart, and text from the real tables.
_chars = st.sampled_from(
    list("（(“‘「『【〔《〈）)”’」』】〕》〉，。；：、！？,.;:!?%/ab5,0.")
    + [
        "地",
        "区",
        "亿",
        "元",
        "年",
        "个",
        "百",
        "分",
        "点",
        "\u3000",
        "\u00a0",
        "\t",
        "\n",
        "\x1c",
        "Ａ",
        "ー",
        "⺀",
        "𠀀",
    ]
)


@settings(max_examples=1000, deadline=None, derandomize=True, database=None)
@given(text=st.lists(_chars, max_size=40).map("".join))
def test_pieces_scanned_by_hand_are_what_the_expression_gave(text):
    assert pieces(text) == _pieces_by_expression(text)


def test_pieces_of_every_reason_and_name_in_the_tables_are_unchanged():
    inputs = api.load(None)
    for year in (2016, 2020):
        for result in api.check(inputs.catalogue, inputs.actuals, year, statuses=()):
            from jxtargets.render.records import record

            rec = record(result, "zh")
            for text in (rec["why"], rec["name"], f"{rec['name']} · {rec['kind']}"):
                assert pieces(text) == _pieces_by_expression(text), text
