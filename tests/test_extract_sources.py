"""`jxtargets extract` on the real documents against the hand-made actuals files (issue 16.4).

Recall is the share of the hand-made file's figures citing the document that the extraction
finds with the same value; precision the share of extracted figures equal to the hand-made
ones. Every difference is listed here, with the reason; a change in either list is a change in
behaviour to look at, not to paper over."""

from __future__ import annotations

import pytest

from jxtargets import api

from .conftest import DATA, SEEDS
from .extract_compare import compare, expected_figures

REPORT_2016 = "001_b03ae98c92d17c1e.txt"
PLAN_2020 = "002_5df31847278a00a3.txt"

MISSED_2016 = {
    # 4 个小镇入选第二批省级特色小镇: the catalogue's name is 入选省级特色小镇（当批）
    (None, "provincial_characteristic_towns_selected", "value", None),
    # 1 个农业产业集聚区、2 个特色农业强镇列入省首批“一区一镇”试点: the names are
    # 列入省“一区一镇”试点的农业产业集聚区 / …的特色农业强镇
    (None, "agri_cluster_zone_pilots", "value", None),
    (None, "agri_strong_town_pilots", "value", None),
    # 推进 12 个主要行业、28 家燃煤热电企业、59 家年耗煤万吨以上企业工业废气整治: the names
    # (推进工业废气整治的主要行业 …) are not written out
    (None, "waste_gas_rectification_industries", "value", None),
    (None, "waste_gas_rectification_coal_chp", "value", None),
    (None, "waste_gas_rectification_coal_10kt", "value", None),
    # 平均每千人拥有医生数 2.96 名: 名 is not the indicator's unit 人/千人 (never converted)
    (None, "doctors_per_1000", "value", None),
}

# 002: the prose review of the 13th FYP period (一、高水平全面建成小康社会取得决定性成就), 表1 (the
# completion table: the 2020 column and 年均增长/[累计] since 2015) and 表2 (its 2020 column).
MISSED_2020 = {
    (None, "higher_education_students", "value", None),  # 在校学生达到7.79万人: the name is not given
    (None, "inferior_class_v_water_sections", "value", None),  # 劣五类水质断面实现清零: no number
}


@pytest.fixture(scope="module")
def catalogue():
    return api.open_catalogue()


def test_2016_work_report_reproduces_actuals_2016(catalogue):
    result = api.extract([SEEDS / REPORT_2016], 2016, catalogue)
    expected = expected_figures(DATA / "actuals" / "actuals-2016.yaml", REPORT_2016, catalogue)
    c = compare(result, expected, catalogue)
    assert c.wrong == []
    assert c.extra == []
    assert set(c.missed) == MISSED_2016
    assert (len(c.expected), len(c.found), len(c.matched)) == (106, 99, 99)
    assert round(c.recall, 3) == 0.934  # 99 of 106
    assert round(c.precision, 3) == 1.0  # 99 of 99
    # "市区空气质量优良率达到 74.3%，PM2.5 平均浓度 44 微克/立方米，下降 17%" is about 市区: both the
    # extraction and the hand-made file give these figures for 市区, none for the whole city.
    city = {(f.region, f.indicator, f.field, f.since): f.value for f in result.figures if f.region == "市区"}
    assert {k: v for k, v in city.items() if k[1] in ("air_quality_good_days_ratio", "pm25")} == {
        ("市区", "air_quality_good_days_ratio", "value", None): 74.3,
        ("市区", "pm25", "value", None): 44.0,
        ("市区", "pm25", "reduction", 2015): 17.0,
    }
    assert (None, "pm25", "value", None) not in expected and ("市区", "pm25", "value", None) in expected
    # 电子信息制造业产值、网络零售额均突破千亿大关: lower bounds (the hand-made file says so in a note)
    bounds = {f.indicator: f.bound for f in result.figures if f.bound}
    assert bounds == {"electronic_information_manufacturing_output": "lower", "online_retail_sales": "lower"}


def test_2020_plan_against_actuals_2020(catalogue):
    result = api.extract([SEEDS / PLAN_2020], 2020, catalogue)
    expected = expected_figures(DATA / "actuals" / "actuals-2020.yaml", PLAN_2020, catalogue)
    c = compare(result, expected, catalogue)
    assert c.wrong == []
    assert c.extra == []
    assert set(c.missed) == MISSED_2020
    assert (len(c.expected), len(c.found), len(c.matched)) == (70, 68, 68)
    assert round(c.recall, 3) == 0.971  # 68 of 70
    assert round(c.precision, 3) == 1.0  # 68 of 68
    # 市区PM2.5浓度下降到28微克/立方米 (prose) is 市区's; 表1's row is the city's (also 28)
    assert expected[("市区", "pm25", "value", None)] == [28.0] and expected[(None, "pm25", "value", None)] == [28.0]
    by_key = {(f.indicator, f.field, f.since): f for f in result.figures if f.region is None}
    # every figure the hand-made file marks `bound: lower` is a lower bound here too
    import yaml

    tree = yaml.safe_load((DATA / "actuals" / "actuals-2020.yaml").read_text(encoding="utf-8"))
    marked = {k for k, v in tree["values"].items() if isinstance(v, dict) and v.get("bound") == "lower"}
    assert marked and all(by_key[(k, "value", None)].bound == "lower" for k in marked)
    # the completion table's rows, and its exact figure over the prose's bound (突破5500亿元)
    assert by_key[("gdp", "value", None)].value == 5509.5 and by_key[("gdp", "value", None)].bound is None
    assert by_key[("gdp", "cagr", 2015)].quote == "地区生产总值（亿元） 3517.1 5000 7%以上 5509.5 6.59%"
    assert by_key[("new_urban_jobs", "total", 2015)].value == 68.65
    assert by_key[("water_per_gdp", "reduction", 2015)].value == 35.25
    assert by_key[("service_share", "annual_change", 2015)].value == 0.48
