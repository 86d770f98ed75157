"""`aliases:` in the catalogue (issue 16): other names reports use, each naming one indicator."""

from __future__ import annotations

from pathlib import Path

import pytest

from jxtargets import api
from jxtargets.loading.catalogue_set import load_catalogue
from jxtargets.loading.errors import LoadError

# MADE UP: a two-indicator catalogue; only the names matter here.
CATALOGUE = """\
schema: 1
region: 嘉兴市
plans:
  p: {{name: 测试规划, baseline_year: 2015, target_year: 2020}}
indicators:
  gdp:
    name: 地区生产总值
    name_en: GDP
    unit: 亿元
    direction: up
    category: economy
    aliases: {gdp_aliases}
  retail_sales:
    name: 社会消费品零售总额
    name_en: Retail sales
    unit: 亿元
    direction: up
    category: economy
    aliases: {retail_aliases}
"""


def write(tmp_path: Path, gdp_aliases: str, retail_aliases: str) -> Path:
    path = tmp_path / "targets.yaml"
    path.write_text(CATALOGUE.format(gdp_aliases=gdp_aliases, retail_aliases=retail_aliases), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(LoadError) as info:
        load_catalogue(path)
    return [p.text("en") for p in info.value.problems if not p.warning]


def test_aliases_are_loaded(tmp_path):
    catalogue, _ = load_catalogue(write(tmp_path, "[生产总值, GDP]", "[社零]"))
    assert catalogue.indicators["gdp"].aliases == ("生产总值", "GDP")
    assert catalogue.indicators["retail_sales"].aliases == ("社零",)


def test_an_alias_of_two_indicators_is_an_error(tmp_path):
    path = write(tmp_path, "[生产总值, 社零]", "[社零]")
    assert problems(path) == [
        f"{path}:19: indicators.retail_sales.aliases: alias '社零' is also an alias of gdp; each alias names one indicator"
    ]


def test_an_alias_that_is_another_indicators_name_is_an_error(tmp_path):
    path = write(tmp_path, "[社会消费品零售总额]", "[社零]")
    assert problems(path) == [
        f"{path}:12: indicators.gdp.aliases: alias '社会消费品零售总额' is the name of retail_sales; "
        "an alias must name one indicator"
    ]


def test_aliases_must_be_a_list_of_names(tmp_path):
    path = write(tmp_path, "生产总值", "[社零]")
    assert problems(path) == [f"{path}:12: indicators.gdp.aliases: expected a list of names (strings)"]


def test_the_embedded_catalogue_has_the_report_names():
    catalogue = api.open_catalogue()
    expected = {
        "gdp": {"生产总值", "GDP"},
        "gdp_per_capita": {"人均GDP"},
        "retail_sales": {"社零"},
        "foreign_trade": {"进出口总值"},
    }
    for iid, aliases in expected.items():
        assert aliases <= set(catalogue.indicators[iid].aliases), iid
    owners: dict[str, str] = {}
    names = {i.name for i in catalogue.indicators.values()}
    for indicator in catalogue.indicators.values():
        for alias in indicator.aliases:
            assert alias not in names, alias
            assert owners.setdefault(alias, indicator.id) == indicator.id, alias
