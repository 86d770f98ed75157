"""A figure a report gives only as a bound (突破千亿, 97%以上) is filed as that bound, never as an
exact figure (SPEC §3, §4): every figure of data/actuals whose quote puts a bound word next to a
number is a bound, or is listed below with the reason the word qualifies something else."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from .conftest import DATA, run

# A bound word before a number (突破千亿, 超过, 近, 约) or after it (97% 以上, 50名左右, 8万多).
BOUND_WORDS = re.compile(
    r"(突破|超过|超|逾|近|约|接近|不到|不足)\s*[\d千百万亿]|[\d千百万亿]\s*(?:%|[^\d\s，。、；]{0,3})?\s*(以上|以下|以内|左右|多|余)"
)

# Exact figures whose quote has a bound word that qualifies something else than the figure.
EXACT = {
    ("actuals-2016.yaml", "major_foreign_projects"): "1 亿美元以上 defines the projects counted; 30 个 is exact",
    ("actuals-2016.yaml", "waste_gas_rectification_industries"): "年耗煤万吨以上 defines the firms counted",
    ("actuals-2016.yaml", "waste_gas_rectification_coal_chp"): "年耗煤万吨以上 defines the firms counted",
    ("actuals-2016.yaml", "waste_gas_rectification_coal_10kt"): "年耗煤万吨以上 defines the firms counted",
    ("actuals-2020.yaml", "gdp"): "7%以上 is 表1's target column; 5509.5 and 6.59% are the results",
    ("actuals-2020.yaml", "urban_disposable_income"): "7%以上 is 表1's target column",
    ("actuals-2020.yaml", "rural_disposable_income"): "7%以上 is 表1's target column",
    ("actuals-2020.yaml", "air_quality_good_days_ratio"): "75以上 is 表1's target column",
    ("actuals-2020.yaml", "river_class_i_iii_share_city_sections"): "50以上 is 表1's target column",
    ("actuals-2020.yaml", "tree_cover_rate"): "20以上 is 表1's target column",
    ("actuals-2020.yaml", "childcare_places_per_1000"): "3岁以下 defines the children; 4.5以上 is 表2's target",
}


def _figures():
    for path in sorted((DATA / "actuals").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sections = [data.get("values") or {}]
        sections += list((data.get("regions") or {}).values()) + list((data.get("revisions") or {}).values())
        for section in sections:
            for key, raw in section.items():
                if isinstance(raw, dict) and isinstance(raw.get("source"), dict):
                    yield path.name, key, raw


def test_every_figure_quoted_with_a_bound_word_is_a_bound_or_explained():
    wrong = []
    for name, key, raw in _figures():
        quote = raw["source"].get("quote") or ""
        if not BOUND_WORDS.search(quote) or (name, key) in EXACT:
            continue
        value_bound = raw.get("bound") in ("lower", "upper") and raw.get("value") is not None
        since = raw.get("since") or {}
        since_bound = bool(since) and all(figs.get("bound") in ("lower", "upper") for figs in since.values())
        if not (value_bound or (raw.get("value") is None and since_bound)):
            wrong.append(f"{name}: {key}: {quote}")
    assert not wrong, "\n".join(wrong)


def test_the_explained_exact_figures_are_still_there():
    seen = {(name, key) for name, key, raw in _figures() if BOUND_WORDS.search(raw["source"].get("quote") or "")}
    assert set(EXACT) <= seen


@pytest.mark.parametrize(
    "indicator, year, value",
    [
        ("electronic_information_manufacturing_output", 2016, 1000.0),  # 突破千亿大关
        ("online_retail_sales", 2016, 1000.0),  # 突破千亿大关
        ("vocational_graduate_employment_rate", 2015, 97.0),  # 持续保持在 97% 以上
    ],
)
def test_passed_a_figure_is_a_lower_bound(indicator, year, value):
    shown = json.loads(run("show", indicator, "--format", "json").stdout)
    figure = next(f for f in shown["figures"] if f["year"] == year)
    assert (figure["value"], figure["bound"]) == (value, "lower")
    table = run("show", indicator).stdout
    assert f"≥{value:,.0f}" in table  # shown as a bound: ≥1,000 / ≥97


def test_a_bound_on_a_five_year_total_is_a_bound():
    # 004 教育规划: "全市累计开展成人“双证制”教育、农村预备劳动力等培训 300 万人次以上" over the 十二五: a
    # lower bound on the 2010-2015 total, filed `since: {2010: {total: 300, bound: lower}}`.
    shown = json.loads(run("show", "adult_and_rural_labour_training", "--format", "json").stdout)
    (figure,) = shown["figures"]
    assert (figure["year"], figure["since"], figure["since_bound"]) == (
        2015,
        {"2010": {"total": 300.0}},
        {"2010": "lower"},
    )
    assert "2010→2015 累计 ≥300" in run("show", "adult_and_rural_labour_training").stdout
