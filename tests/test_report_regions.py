"""Counties side by side (issue 18.5): for targets set per county or district, one row per target
and one column per region with the region's target, figure and label, on the terminal
(`review --by-region`) and in the Word report. The 2017 figures are made up
(tests/data/actuals-2017-madeup.yaml)."""

from __future__ import annotations

import pytest

from jxtargets import api
from jxtargets.core.review import review
from jxtargets.render.regions import region_tables

from .conftest import DATA, ROOT, run

MADE_UP_2017 = str(ROOT / "tests" / "data" / "actuals-2017-madeup.yaml")


@pytest.fixture(scope="module")
def rv():
    cat = api.open_catalogue()
    actuals = api.open_actuals([str(DATA / "actuals"), MADE_UP_2017], cat)
    return review(cat, actuals, as_of=2017, filters=api.Filters(plans=("invest2017",)))


def test_one_row_per_target_one_column_per_region(rv):
    [(heading, header, rows)] = region_tables(rv, "zh")
    assert heading.startswith("invest2017 嘉兴市人民政府关于做好2017年扩大有效投资工作的通知")
    assert header[0] == "指标 · 类型"
    assert {"南湖区", "海宁市", "嘉兴港区"} <= set(header[1:])
    regional = [r for r in rv.rows if r.result.target.region is not None]
    targets = {(r.result.indicator.id, r.result.target.kind) for r in regional}
    assert len(rows) == len(targets)
    fai = next(r for r in rows if r[0].startswith("固定资产投资"))
    haining = fai[header.index("海宁市")]
    row = next(
        r for r in regional if r.result.target.region == "海宁市" and r.result.indicator.id == "fixed_asset_investment"
    )
    # the region's own target, its figure and its label
    from jxtargets.render.formats import target_text
    from jxtargets.render.review import review_record

    assert target_text(review_record(row, "zh")).startswith("≥11%")
    assert haining == f"{target_text(review_record(row, 'zh'))}\n— · {row.official}"  # no 2017 county figure


def test_by_region_on_the_terminal_and_in_the_word_report(tmp_path):
    proc = run("review", str(DATA / "actuals"), MADE_UP_2017, "--as-of", "2017", "--plan", "invest2017", "--by-region")
    assert proc.returncode in (0, 1), proc.stderr
    flat = "".join(proc.stdout.split())
    assert "分地区目标" in flat and "海宁市" in flat and "≥11%" in flat
    out = tmp_path / "r.docx"
    proc = run("review", str(DATA / "actuals"), MADE_UP_2017, "--as-of", "2017", "--plan", "invest2017", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    import docx

    d = docx.Document(str(out))
    assert any(p.text == "三、分地区情况" for p in d.paragraphs)
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "指标 · 类型")
    assert "海宁市" in [c.text for c in table.rows[0].cells]
