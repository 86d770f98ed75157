"""`jxtargets extract` (issue 16) on made-up bulletin-style texts: every pattern the issue names,
the figures it must file and the numbers it must leave out, with their reasons. The texts
(tests/data/*-madeup.txt) are MADE UP and say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from jxtargets import api
from jxtargets.validate import squash

from .conftest import ROOT, SEEDS, run

DATA = ROOT / "tests" / "data"
BULLETIN = DATA / "bulletin-2021-madeup.txt"
REVIEW = DATA / "review-2020-madeup.txt"

# (region, indicator, field, since, value, unit as written, basis, bound, revised year)
BULLETIN_FIGURES = {
    # 全市生产总值 (alias 生产总值), 按可比价格计算 → comparable
    (None, "gdp", "value", None, 6355.3, None, None, None, None),
    (None, "gdp", "growth", None, 8.5, None, "comparable", None, None),
    # 人均GDP (alias) in 万元, kept as written
    (None, "gdp_per_capita", "value", None, 11.8, "万元", None, None, None),
    # 比上年提高1.2个百分点: a change in pp since the year before
    (None, "service_share", "value", None, 44.1, None, None, None, None),
    (None, "service_share", "change", 2020, 1.2, None, None, None, None),
    # 突破70%: a lower bound
    (None, "urbanization_rate", "value", None, 70.0, None, None, "lower", None),
    # 成功创建…: a milestone done
    (None, "national_public_culture_demo_zone", "done", None, 1.0, None, None, None, None),
    # 经最终核实，2020年…为5560亿元: a revision of 2020
    (None, "gdp", "value", None, 5560.0, None, None, None, 2020),
    # 财政总收入和一般公共预算收入分别增长12%和10%; no basis stated → current
    (None, "fiscal_total_revenue", "growth", None, 12.0, None, "current", None, None),
    (None, "general_budget_revenue", "growth", None, 10.0, None, "current", None, None),
    # 下降3.5%: negative growth; 其中海宁市增长12.1%: the county's figure, not the city's
    (None, "fixed_asset_investment", "growth", None, -3.5, None, "current", None, None),
    ("海宁市", "fixed_asset_investment", "growth", None, 12.1, None, "current", None, None),
    # 社零 (alias)
    (None, "retail_sales", "value", None, 2177.4, None, None, None, None),
    (None, "retail_sales", "growth", None, 9.6, None, "current", None, None),
    # 增速为15.2%: the growth rate itself
    (None, "online_retail_sales", "growth", None, 15.2, None, "current", None, None),
    # 扣除价格因素实际增长 → comparable
    (None, "urban_disposable_income", "value", None, 74909.0, None, None, None, None),
    (None, "urban_disposable_income", "growth", None, 8.1, None, "comparable", None, None),
    (None, "new_urban_jobs", "value", None, 12.5, None, None, None, None),
    # 市区PM2.5…: 市区's figure; 桐乡PM2.5…: 桐乡市's (the short name reports use)
    ("市区", "pm25", "value", None, 26.0, None, None, None, None),
    ("桐乡市", "pm25", "value", None, 25.0, None, None, None, None),
    # 单位生产总值能耗下降3.2%: a fall of a down-indicator is its one-year reduction
    (None, "energy_per_gdp", "reduction", 2020, 3.2, None, None, None, None),
}
BULLETIN_LEFT_OUT = [
    (7, "5000亿元", "another year (2019) than 2021"),
    (7, "50件", "ambiguous: the name is used by china_well_known_trademarks, china_well_known_trademarks_won"),
    (13, "9%", "ambiguous: 3 names and 2 numbers"),
    (13, "11%", "ambiguous: 3 names and 2 numbers"),
    (17, "2个百分点", "online_retail_sales: percentage points for an indicator in 亿元 (a change of its growth rate?)"),
    (17, "3500亿元", "foreign_trade: unit 亿元 is of another dimension than 亿美元 (never converted)"),
    (17, "15%", "foreign_trade: the rate of the figure in 亿元, not of the indicator in 亿美元"),
    (17, "8000万人次", "no indicator named before the number (unknown name)"),
    (25, "120公里", "another region (主城区), not in the catalogue's regions"),
    (29, "7%左右", "in a section about another year (2022): 六、2022年主要目标"),
]
REVIEW_FIGURES = {
    # “十三五”时期 … 年均增长: an average since 2015
    (None, "gdp", "cagr", 2015, 6.6, None, None, None, None),
    # 累计新增城镇就业: a total since 2015
    (None, "new_urban_jobs", "total", 2015, 68.0, None, None, None, None),
    # 由7.3万元提高到10.2万元: the level reached (the start is left out)
    (None, "gdp_per_capita", "value", None, 10.2, "万元", None, None, None),
    (None, "pm25", "reduction", 2015, 40.0, None, None, None, None),
    (None, "service_share", "annual_change", 2015, 0.5, None, None, None, None),
}
REVIEW_LEFT_OUT = [
    (5, "7.3万元", "gdp_per_capita: the starting figure of a change (由/从…到…; the figure of 2015)"),
    (9, "9000亿元以上", "in a section about another year (2025): 二、“十四五”时期主要目标"),
]


def figures(result) -> set[tuple]:
    return {
        (f.region, f.indicator, f.field, f.since, f.value, f.unit, f.basis, f.bound, f.year if f.revision else None)
        for f in result.figures
    }


def left_out(result) -> list[tuple]:
    return [(x.place.line, x.number, x.reason.text("en")) for x in result.left_out]


def test_bulletin_patterns():
    result = api.extract([BULLETIN], 2021)
    assert figures(result) == BULLETIN_FIGURES
    assert left_out(result) == BULLETIN_LEFT_OUT


def test_review_spans_and_starting_figures():
    result = api.extract([REVIEW], 2020)
    assert figures(result) == REVIEW_FIGURES
    assert left_out(result) == REVIEW_LEFT_OUT


def test_every_quote_is_the_documents_own_fragment():
    for path, year in ((BULLETIN, 2021), (REVIEW, 2020)):
        text = path.read_text(encoding="utf-8")
        for f in api.extract([path], year).figures:
            assert f.quote and f.quote in text.replace("\n", ""), f


def test_a_bulletin_of_another_year_gives_nothing():
    """The title says 2021: run for 2020, every number is left out as another year's."""
    result = api.extract([BULLETIN], 2020)
    assert [f for f in result.figures] == []
    assert all(
        x.reason.text("en").startswith(
            ("in a section about another year (2021)", "in a section about another year (2022)")
        )
        for x in result.left_out
    )
    assert len(result.left_out) == 30


def test_gbk_text_reads_the_same(tmp_path):
    path = tmp_path / "bulletin-2021-madeup-gbk.txt"
    path.write_bytes(BULLETIN.read_text(encoding="utf-8").encode("gb18030"))
    warnings: list = []
    result = api.extract([path], 2021, warnings=warnings)
    assert figures(result) == BULLETIN_FIGURES
    assert [(w.code, w.msg.text("en")) for w in warnings] == [
        ("extract.gbk", "file is GBK/GB18030-encoded; read as such")
    ]


def test_docx_reads_the_same(tmp_path):
    import docx

    document = docx.Document()
    for line in BULLETIN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.add_paragraph("表1 主要指标（MADE UP）")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("指标", "2021年", "比上年增长（%）"), ("一般公共预算收入（亿元）", "1000.5", "10"), ("游客人次", "8000", "5")]
    ):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    path = tmp_path / "bulletin-2021-madeup.docx"
    document.save(str(path))
    result = api.extract([path], 2021)
    # the table's row gives a level, and its 比上年增长 column the growth the prose gives too (10)
    assert figures(result) == BULLETIN_FIGURES | {
        (None, "general_budget_revenue", "value", None, 1000.5, None, None, None, None)
    }
    table_left = [(x.number, x.reason.text("en")) for x in result.left_out if x.place.where.startswith("表1")]
    assert table_left == [
        ("8000", "no indicator named in the row (unknown name)"),
        ("5", "no indicator named in the row (unknown name)"),
    ]


def test_cli_writes_the_actuals_file_and_the_report(tmp_path):
    out, report = tmp_path / "actuals-2021.yaml", tmp_path / "left-out.txt"
    proc = run("extract", str(BULLETIN), "--year", "2021", "-o", str(out), "--report", str(report), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0] == (
        "bulletin-2021-madeup.txt:7: 5000亿元: another year (2019) than 2021 — 2019年全市生产总值为5000亿元。"
    )
    assert sum("bulletin-2021-madeup.txt:" in line for line in lines) == len(BULLETIN_LEFT_OUT)
    assert "21 figure(s) extracted, 10 number(s) left out" in lines
    assert lines[-1] == f"jxtargets: wrote {out} and {report}"
    assert report.read_text(encoding="utf-8").splitlines() == lines[:-1]
    import yaml

    tree = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert tree["year"] == 2021
    assert tree["values"]["gdp"]["value"] == 6355.3
    assert tree["values"]["gdp"]["growth"] == {"value": 8.5, "basis": "comparable"}
    assert tree["values"]["gdp"]["source"] == {
        "doc": "bulletin-2021-madeup.txt",
        "where": "一、综合 初步核算",
        "quote": "生产总值6355.3亿元，按可比价格计算，比上年增长8.5%",
    }
    assert tree["values"]["urbanization_rate"] == {
        "value": 70,
        "bound": "lower",
        "source": {"doc": "bulletin-2021-madeup.txt", "where": "一、综合 初步核算", "quote": "常住人口城镇化率突破70%"},
    }
    assert tree["revisions"][2020]["gdp"]["value"] == 5560
    assert tree["regions"]["海宁市"]["fixed_asset_investment"]["growth"] == {"value": 12.1, "basis": "current"}
    assert tree["values"]["national_public_culture_demo_zone"]["done"] is True
    assert "foreign_trade" not in tree["values"]


def test_cli_never_overwrites_without_force_nor_writes_its_input(tmp_path):
    out = tmp_path / "actuals-2021.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    proc = run("extract", str(BULLETIN), "--year", "2021", "-o", str(out), "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == f"jxtargets: {out}: exists; use --force to overwrite it"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    proc = run("extract", str(BULLETIN), "--year", "2021", "-o", str(out), "--force", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("# Figures for 2021 extracted by `jxtargets extract`")
    copy = tmp_path / "bulletin.txt"
    copy.write_bytes(BULLETIN.read_bytes())
    proc = run("extract", str(copy), "--year", "2021", "-o", str(copy), "--force", env={"JXTARGETS_LANG": "en"})
    assert proc.returncode == 2
    assert "refusing to overwrite an input file" in proc.stderr
    assert copy.read_bytes() == BULLETIN.read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("scan.pdf", b"%PDF-1.4", ".pdf is not read: save it as .docx or plain text (.txt)"),
        ("broken.docx", b"not a zip", "not a readable .docx file"),
        ("binary.txt", b"\xff\xfe\x00\xd8\x00\x00\xff", "neither UTF-8 nor GBK/GB18030 text; save it as UTF-8"),
    ],
)
def test_unreadable_documents(tmp_path, name, data, message):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    proc = run("extract", str(path), "--year", "2021", "-o", str(tmp_path / "out.yaml"), "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"jxtargets: {path}: {message}")
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_quotes_are_found_by_validate_seeds(tmp_path):
    """The quotes of an extraction from the real documents are all in them (whitespace aside)."""
    for doc, year in (("001_b03ae98c92d17c1e.txt", 2016), ("002_5df31847278a00a3.txt", 2020)):
        text = squash((SEEDS / doc).read_text(encoding="utf-8"))
        result = api.extract([SEEDS / doc], year)
        assert result.figures
        for f in result.figures:
            assert squash(f.quote) in text, f
        for x in result.left_out:
            assert squash(x.sentence.strip("…")) in text, x


def _loader_takes_bounds_and_bases(tmp_path: Path) -> bool:
    probe = tmp_path / "actuals-2021.yaml"
    probe.write_text(
        "year: 2021\nvalues:\n  gdp: {value: 1, bound: lower, growth: {value: 1, basis: comparable}}\n",
        encoding="utf-8",
    )
    return run("validate", str(probe)).returncode == 0


@pytest.mark.parametrize(("doc", "year"), [(BULLETIN, 2021), (REVIEW, 2020)])
def test_validate_accepts_the_output_and_finds_every_quote(tmp_path, doc, year):
    if not _loader_takes_bounds_and_bases(tmp_path):
        pytest.skip("the actuals loader does not take bound: and growth: {value, basis} yet (issue 14)")
    out = tmp_path / "out" / f"actuals-{year}.yaml"
    out.parent.mkdir()
    assert run("extract", str(doc), "--year", str(year), "-o", str(out)).returncode == 0
    # The catalogue's quotes are in the shared seeds, the extracted figures' in the made-up text.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for src in [*SEEDS.glob("*.txt"), doc]:
        (seeds / src.name).write_bytes(src.read_bytes())
    proc = run("validate", str(out), "--seeds", str(seeds), "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert ": 0 errors" in proc.stdout


def test_a_plan_gives_only_its_review_of_the_period_it_ends():
    """A sector plan (MADE UP): its 发展现状 reviews the 十二五 period, so its levels are 2015's and its
    累计 a total since 2010; its 主要目标 (到2020年 …) are targets, never results."""
    plan = DATA / "plan-2016-madeup.txt"
    result = api.extract([plan], 2015)
    assert figures(result) == {
        (None, "new_urban_jobs", "total", 2010, 55.0, None, None, None, None),
        (None, "urbanization_rate", "value", None, 60.1, None, None, None, None),
    }
    assert left_out(result) == [
        (11, "68%", "in a section about another year (2020): 二、主要目标"),
        (11, "30万人", "in a section about another year (2020): 二、主要目标"),
    ]
    result = api.extract([plan], 2016)
    assert figures(result) == set()
    assert [x.reason.text("en") for x in result.left_out][:2] == [
        "in a section about another year (2015): 一、发展现状"
    ] * 2


def test_a_review_of_a_period_read_for_a_year_inside_it_gives_nothing():
    """The 14th FYP outline's review of the 十三五 period is about 2020: read for 2016 it gives nothing."""
    from .conftest import SEEDS

    result = api.extract([SEEDS / "002_5df31847278a00a3.txt"], 2016)
    assert result.figures == []


def test_another_catalogue_and_its_aliases(tmp_path):
    """--catalogue: the names and aliases of that catalogue are the ones read (MADE UP catalogue and text)."""
    catalogue = tmp_path / "city.yaml"
    catalogue.write_text(
        "schema: 1\nregion: 某市\nregions: [甲县]\n"
        "plans:\n  p: {name: 测试规划, baseline_year: 2020, target_year: 2025}\n"
        "indicators:\n"
        "  output:\n    name: 全市总产出\n    name_en: Output\n    aliases: [总产出]\n"
        "    unit: 亿元\n    direction: up\n    category: economy\n",
        encoding="utf-8",
    )
    text = tmp_path / "bulletin-2021-madeup.txt"
    text.write_text("MADE UP\n\n一、综合\n\n总产出达到120.5亿元，增长6%。其中甲县总产出30亿元。\n", encoding="utf-8")
    out = tmp_path / "actuals-2021.yaml"
    proc = run("extract", str(text), "--year", "2021", "--catalogue", str(catalogue), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    import yaml

    tree = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert tree["values"]["output"]["value"] == 120.5
    assert tree["values"]["output"]["growth"] == {"value": 6, "basis": "current"}
    assert tree["regions"]["甲县"]["output"]["value"] == 30
