"""A catalogue as a directory (a file per plan plus the shared indicator definitions) loads to
the same catalogue as the SPEC §2 single file it was split from. (data/targets.yaml was split
into data/catalogue/ and checked equal in commit "Catalogue per plan"; the same check stays here
on tests/data/catalogue-single.yaml and its split form.)"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from msgspec.structs import replace

from jxtargets.core.model import Catalogue
from jxtargets.loading.catalogue_set import load_catalogue
from jxtargets.loading.files import catalogue_files

from .conftest import DATA, ROOT

TESTDATA = ROOT / "tests" / "data"


def _content(catalogue: Catalogue) -> dict:
    """Everything a catalogue says, without where it says it (file and line), with each
    indicator's targets grouped by plan (a directory holds each plan's targets in its own file)."""
    out: dict = {
        "region": catalogue.region,
        "regions": catalogue.regions,
        "schema": catalogue.schema,
        "plans": dict(catalogue.plans),
        "indicators": list(catalogue.indicators),
    }
    for iid, indicator in catalogue.indicators.items():
        definition = {fl.name: getattr(indicator, fl.name) for fl in fields(indicator) if fl.name != "targets"}
        by_plan: dict[str, list] = {}
        for target in indicator.targets:
            by_plan.setdefault(target.plan, []).append(replace(target, line=0, file=""))
        out[iid] = (definition, by_plan)
    return out


def test_embedded_catalogue_is_a_directory_read_shared_part_first():
    files = catalogue_files(DATA / "catalogue")
    assert files[0] == DATA / "catalogue" / "indicators.yaml"
    assert {p.stem for p in files[1:]} == {p.stem for p in (DATA / "catalogue" / "plans").glob("*.yaml")}


def test_single_file_format_still_loads_unchanged():
    catalogue, warnings = load_catalogue(TESTDATA / "catalogue-single.yaml")
    assert warnings == []
    assert catalogue.region == "嘉兴市" and catalogue.regions == ("嘉兴市", "南湖区", "秀洲区")
    assert list(catalogue.plans) == ["fyp13", "fyp14"]
    assert catalogue.plans["fyp14"].name_en == "fyp14"  # name_en defaults to the id
    gdp = catalogue.indicators["gdp"]
    assert [(t.plan, t.kind, t.op, t.value, t.stretch, t.baseline) for t in gdp.targets] == [
        ("fyp13", "level", ">=", 5000, None, 3517.1),
        ("fyp13", "cagr", ">=", 7, None, None),
        ("fyp14", "level", ">=", 9000, 10000, 5509.5),
    ]
    assert [t.line for t in gdp.targets] == [22, 29, 35]
    assert {t.file for t in catalogue.targets()} == {_name(TESTDATA / "catalogue-single.yaml")}


def test_split_directory_equals_single_file_and_targets_name_their_file():
    single, _ = load_catalogue(TESTDATA / "catalogue-single.yaml")
    folder, _ = load_catalogue(TESTDATA / "catalogue-split")
    assert _content(folder) == _content(single)
    urbanization = folder.indicators["urbanization_rate"].targets[0]
    assert urbanization.file == _name(TESTDATA / "catalogue-split" / "plans" / "fyp14.yaml")
    assert urbanization.line == 16


def _name(path: Path) -> str:
    from jxtargets.loading.files import display_name

    return display_name(path)
