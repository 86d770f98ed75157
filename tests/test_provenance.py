"""The reports' provenance (issue 18.2, 18.6): each actuals file with its own `source:` and what
its figures cite, every source document by its title, the file after it."""

from __future__ import annotations

from jxtargets import api
from jxtargets.core.model import Plan, Source
from jxtargets.render.provenance import cite, data_sources, document_titles, source_line

from .conftest import DATA

OUTLINE_14 = "嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"


def test_each_file_with_its_own_source_and_the_documents_cited():
    cat = api.open_catalogue()
    actuals = api.open_actuals([str(DATA / "actuals" / "actuals-2020.yaml")], cat)
    (ds,) = data_sources(actuals)
    assert (ds.name, ds.source, ds.documents, ds.texts) == (
        "actuals-2020.yaml",
        "002_5df31847278a00a3.txt 表1 完成情况; 002_5df31847278a00a3.txt 表2 2020年",
        ["002_5df31847278a00a3.txt"],
        [],
    )
    titles = document_titles(cat.plans.values(), "zh")
    assert source_line(ds, titles, "zh") == (
        "actuals-2020.yaml：002_5df31847278a00a3.txt 表1 完成情况; 002_5df31847278a00a3.txt 表2 2020年。"
        f"所引文件：《{OUTLINE_14}》（002_5df31847278a00a3.txt）"
    )


def test_a_table_file_has_no_source_of_its_own(tmp_path):
    # MADE UP: a CSV whose rows give their source as text, and one row with none.
    path = tmp_path / "actuals-2021-madeup.csv"
    path.write_text(
        "year,indicator,value,unit,source\n2021,gdp,6000,亿元,2021年统计公报（虚构）\n2021,pm25,27,,\n",
        encoding="utf-8",
    )
    cat = api.open_catalogue()
    (ds,) = data_sources(api.open_actuals([str(path)], cat))
    assert (ds.source, ds.documents, ds.texts) == (None, [], ["2021年统计公报（虚构）"])
    assert source_line(ds, {}, "en") == "actuals-2021-madeup.csv: Documents cited: 2021年统计公报（虚构）"


def test_documents_by_title():
    plans = [
        Plan("a", "甲规划", "Plan A", 2015, 2020, "x.txt"),
        Plan("b", "乙规划", "Plan B", 2015, 2020, "x.txt", doc_title="某某纲要"),
        Plan("c", "丙规划", "Plan C", 2015, 2020, "y.txt"),
        *(Plan(f"g{i}", f"公报文件{i}", f"Doc {i}", 2016, 2017, "z.txt") for i in range(4)),
    ]
    titles = document_titles(plans, "zh")
    assert titles == {"x.txt": ["某某纲要"], "y.txt": ["丙规划"], "z.txt": [f"公报文件{i}" for i in range(4)]}
    assert cite(Source("y.txt", "表1 序号2", "…"), plans[2], titles, "zh") == "《丙规划》（y.txt）表1 序号2"
    assert cite(Source("y.txt", "表1 序号2", "…"), plans[2], titles, "en") == "Plan C (y.txt) 表1 序号2"
    # a plan's own document: its doc_title (b), else its name (a), whatever the others say
    assert cite(Source("x.txt", "表1", "…"), plans[0], titles, "zh") == "《甲规划》（x.txt）表1"
    assert cite(Source("x.txt", "表1", "…"), plans[1], titles, "zh") == "《某某纲要》（x.txt）表1"
    # another plan's document, named by its titles; a compilation of four by its file
    assert cite(Source("z.txt", "三", "…"), plans[0], titles, "zh") == "z.txt（汇编4份规划文件）三"
    assert cite(Source("q.txt", "三", "…"), plans[0], titles, "zh") == "q.txt 三"
