"""A figure a document gives for 市区 (the urban districts) is 市区's, never the whole city's: it
is filed under `regions: 市区:` and judges only 市区's targets (SPEC §3: like with like)."""

from __future__ import annotations

import yaml

from .conftest import DATA, find, run_json

# City-wide figures whose quote names 市区 for another number of the same sentence.
CITY_FIGURE_BESIDE_A_DISTRICT_ONE = {
    (
        "actuals-2016.yaml",
        "greenway_length",
    ): "全市建成绿道 902 公里，其中市区 501 公里: 902 is the city's; 501 is filed for 市区",
}


def test_no_city_wide_figure_quotes_a_figure_for_the_urban_districts():
    wrong = []
    for path in sorted((DATA / "actuals").glob("*.yaml")):
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, raw in (tree.get("values") or {}).items():
            if not isinstance(raw, dict) or (path.name, key) in CITY_FIGURE_BESIDE_A_DISTRICT_ONE:
                continue
            sources = [raw.get("source")] + [alt.get("source") for alt in raw.get("alt") or []]
            for source in sources:
                if isinstance(source, dict) and "市区" in (source.get("quote") or ""):
                    wrong.append(f"{path.name}: values.{key}: {source['quote']}")
    assert not wrong, "\n".join(wrong)


def test_2016_air_quality_is_the_urban_districts():
    # 001 一、六是: "市区空气质量优良率达到 74.3%，PM2.5 平均浓度 44 微克/立方米，下降 17%".
    data, _ = run_json("check", "2016", "--plan", "fyp13", "--plan", "wr2017")
    results = data["results"]
    for indicator, kind in (("pm25", "level"), ("pm25", "reduction"), ("air_quality_good_days_ratio", "level")):
        city = find(results, plan="fyp13", indicator=indicator, kind=kind, region="嘉兴市")
        # The 13th FYP's city-wide rows are not judged on 市区's figures (they were on_track on 44, 17, 74.3).
        assert (city["status"], city["actual"]) == ("no_data", None)
    # 力争市区空气质量优良率达到75% (wr2017, 市区) starts from 市区's 2016 figure.
    district = find(results, plan="wr2017", indicator="air_quality_good_days_ratio", region="市区")
    assert (district["status"], district["actual"], district["target"]) == ("baseline", 74.3, 75.0)


def test_2020_urban_pm25_from_the_review_is_the_urban_districts():
    data, _ = run_json("check", "2020", "--plan", "wr2021", "--plan", "fyp13")
    results = data["results"]
    # 市区PM2.5浓度下降到28微克/立方米 (002 review prose): the baseline of 确保市区PM2.5浓度低于32微克.
    district = find(results, plan="wr2021", indicator="pm25", region="市区")
    assert (district["status"], district["actual"], district["target"]) == ("baseline", 28.0, 32.0)
    # 表1's own row gives the city's 28: the 13th FYP's ceiling of 43 is met on it.
    city = find(results, plan="fyp13", indicator="pm25", kind="level", region="嘉兴市")
    assert (city["status"], city["actual"]) == ("met", 28.0)
