"""The embedded data: every figure cites its source, every quote is in its document, every unit
parses, and `jxtargets validate` is clean."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from jxtargets import api
from jxtargets.core.model import Source
from jxtargets.loading.actuals import load_actuals
from jxtargets.loading.catalogue_set import load_catalogue
from jxtargets.loading.files import embedded_actuals
from jxtargets.loading.units import parse_unit
from jxtargets.validate import quote_problems, squash

from .conftest import DATA, SEEDS, run

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}")


@pytest.fixture(scope="module")
def catalogue():
    catalogue, warnings = load_catalogue(DATA / "catalogue")
    assert warnings == []
    return catalogue


@pytest.fixture(scope="module")
def figures(catalogue):
    actuals, warnings = load_actuals(list(embedded_actuals().values()), catalogue, use_cache=False)
    return [f for series in actuals.figures.values() for f in series.values()]


def test_validate_is_clean():
    proc = run("validate", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "0 errors, 0 warnings" in proc.stdout


@needs_seeds
def test_validate_with_seeds_checks_quotes():
    proc = run("validate", "--seeds", str(SEEDS))
    assert proc.returncode == 0, proc.stderr


@needs_seeds
def test_every_quote_is_in_its_document(catalogue, figures):
    assert quote_problems(catalogue, figures, SEEDS) == []


@needs_seeds
def test_a_wrong_quote_is_caught(catalogue):
    target = next(catalogue.targets())
    fake = Source(target.source.doc, "", "地区生产总值达到99999亿元")
    original = target.source
    target.source = fake
    try:
        problems = quote_problems(catalogue, [], SEEDS)
    finally:
        target.source = original
    assert len(problems) == 1 and problems[0].code == "source.quote_not_found"
    assert "quote not found" in problems[0].msg.text("en") and "99999" in problems[0].message


def test_every_target_and_figure_cites_a_source(catalogue, figures):
    for t in catalogue.targets():
        assert isinstance(t.source, Source) and t.source.doc and t.source.quote, (t.indicator, t.line)
    for f in figures:
        assert isinstance(f.source, Source) and f.source.quote, (f.indicator, f.year, f.file)
        for value, _, source in f.alternatives:
            assert isinstance(source, Source) and source.quote, (f.indicator, f.year, value)
    assert sum(len(f.alternatives) for f in figures) == 3  # the alternatives are checked, not skipped


def test_sources_are_the_seed_documents(catalogue):
    docs = {t.source.doc for t in catalogue.targets()}
    assert docs == {
        "000_e67d833f4bf4e6ce.txt",
        "001_b03ae98c92d17c1e.txt",
        "002_5df31847278a00a3.txt",
        "003_2195f0a6b08d477e.txt",
        "004_d3b6ddc9e5e8e6fc.txt",
    }


def test_every_unit_parses(catalogue):
    for ind in catalogue.indicators.values():
        if ind.unit is not None:
            parse_unit(ind.unit)


def test_ids_and_names_are_unique_per_definition(catalogue):
    # Duplicate ids are a load error (duplicate keys); two ids may share a name only when a note
    # says how their definitions differ.
    names = Counter(ind.name for ind in catalogue.indicators.values())
    for ind in catalogue.indicators.values():
        if names[ind.name] > 1:
            twins = [i for i in catalogue.indicators.values() if i.name == ind.name]
            assert any(i.note for i in twins), [i.id for i in twins]


def test_spec_ids_exist(catalogue):
    for iid in (
        "gdp",
        "gdp_per_capita",
        "urbanization_rate",
        "rd_intensity",
        "urban_disposable_income",
        "rural_disposable_income",
        "new_urban_jobs",
        "pm25",
    ):
        assert iid in catalogue.indicators


def test_plans(catalogue):
    assert {"fyp12", "fyp13", "fyp14", "vision2035", "wr2017", "goals2021", "wr2021"} <= set(catalogue.plans)
    counts = Counter(t.plan for t in catalogue.targets())
    assert counts["fyp13"] >= 50 and counts["fyp14"] >= 100 and counts["fyp12"] >= 150


def test_fyp13_table1_rows(catalogue):
    """Every row of 表1 has its targets, with the 2015 column as baseline."""
    by = {(t.indicator, t.kind): t for t in catalogue.targets() if t.plan == "fyp13"}
    assert by[("gdp", "level")].value == 5000 and by[("gdp", "level")].baseline == 3517.1
    assert by[("gdp", "cagr")].value == 7 and by[("gdp", "cagr")].basis == "comparable"
    assert by[("service_share", "annual_change")].value == 1.2
    assert by[("new_urban_jobs", "total")].value == 30
    assert by[("pm25", "level")].op == "<=" and by[("pm25", "level")].value == 43
    farmland = sorted(t.value for t in catalogue.targets() if t.plan == "fyp13" and t.indicator == "cultivated_land")
    assert farmland == [298.19, 307.17]
    energy = sorted(t.value for t in catalogue.targets() if t.plan == "fyp13" and t.indicator == "energy_per_gdp")
    assert energy == [17.6, 18.5]


def test_fyp14_gdp_with_stretch(catalogue):
    gdp = [t for t in catalogue.indicators["gdp"].targets if t.plan == "fyp14" and t.kind == "level"]
    assert len(gdp) == 1
    assert (gdp[0].value, gdp[0].stretch, gdp[0].baseline) == (9000, 10000, 5509.5)


def test_numbers_as_written(catalogue):
    # 万 and 亿 stay in the unit: 15万元 per capita is 15 万元 in the source, converted on load.
    per_capita = [t for t in catalogue.indicators["gdp_per_capita"].targets if t.plan == "fyp14"]
    assert per_capita[0].value == 150000  # 元, the indicator's unit
    text = "".join(p.read_text(encoding="utf-8") for p in (DATA / "catalogue").rglob("*.yaml"))
    assert "value: 150000" not in text and "value: 107000" not in text


@needs_seeds
def test_the_quote_check_ignores_whitespace_only():
    doc = (SEEDS / "002_5df31847278a00a3.txt").read_text(encoding="utf-8")
    assert squash("地区生产总值（亿元） 3517.1 5000 7%以上") in squash(doc)
    assert squash("地区生产总值（亿元） 3517.1 5000 8%以上") not in squash(doc)


def test_library_and_cli_agree():
    catalogue = api.open_catalogue()
    actuals = api.open_actuals(["2020"], catalogue)
    results = api.check(catalogue, actuals, filters=api.Filters(plans=("fyp13",)))
    gdp = [r.status for r in results if r.indicator.id == "gdp"]
    assert gdp == ["met", "missed"]


def test_embedded_data_ships_beside_the_code():
    assert Path(DATA / "catalogue" / "indicators.yaml").is_file()
    assert Path(DATA / "catalogue" / "plans" / "fyp14.yaml").is_file()
    assert set(embedded_actuals()) >= {2015, 2016, 2020}
