"""The JSON output: one object, `results` and `summary`, every documented field on every result."""

from __future__ import annotations

from jxtargets.render.records import FIELDS

from .conftest import run_json

SPEC_FIELDS = (
    "plan",
    "indicator",
    "name",
    "region",
    "kind",
    "attribute",
    "unit",
    "year",
    "baseline_year",
    "baseline",
    "target_year",
    "op",
    "target",
    "actual",
    "status",
    "gap",
    "gap_pct",
    "progress_pct",
    "time_pct",
    "planned_cagr",
    "implied_cagr",
    "required_cagr",
    "basis",
    "source",
)
TYPES = {
    "plan": str,
    "indicator": str,
    "name": str,
    "region": str,
    "kind": str,
    "status": str,
    "year": int,
    "baseline_year": int,
    "target_year": int,
    "why": str,
    "required": bool,
}
NUMBERS = (
    "baseline",
    "actual",
    "gap",
    "gap_pct",
    "progress_pct",
    "time_pct",
    "planned_cagr",
    "implied_cagr",
    "required_cagr",
    "pace",
    "nominal_cagr",
    "stretch",
)


def test_fields_documented_in_spec_are_emitted():
    assert set(SPEC_FIELDS) <= set(FIELDS)


def test_every_result_has_every_field_with_its_type():
    data, _ = run_json("check", "2020")
    assert set(data) == {"results", "summary"}
    assert data["summary"]["total"] == len(data["results"]) > 100
    for r in data["results"]:
        assert tuple(r) == FIELDS
        for key, kind in TYPES.items():
            assert isinstance(r[key], kind), (key, r)
        for key in NUMBERS:
            assert r[key] is None or isinstance(r[key], int | float), (key, r)
        assert r["target"] is None or isinstance(r["target"], int | float | list)
        assert r["status"] in (
            "met",
            "missed",
            "on_track",
            "behind",
            "off_track",
            "baseline",
            "no_data",
            "unassessable",
        )
        assert r["source"] is None or set(r["source"]) == {"doc", "where", "quote"}


def test_summary_counts_statuses_per_plan():
    data, code = run_json("check", "2020")
    summary = data["summary"]
    assert sum(summary["by_status"].values()) == summary["total"]
    # The energy intensity reduction has no 2020 figure: its latest, 2016's (2.6%), is shown for
    # both province-assigned values but cannot give the final verdict.
    assert summary["by_plan"]["fyp13"] == {"met": 39, "missed": 2, "unassessable": 2, "no_data": 9}
    energy = [r for r in data["results"] if r["indicator"] == "energy_per_gdp" and r["plan"] == "fyp13"]
    assert [(r["actual_year"], r["as_of"], r["status"]) for r in energy] == [(2016, 2020, "unassessable")] * 2
    assert all("无2020年数据，2016年数据不足以作终期判断" in r["why"] for r in energy)
    assert summary["failing"] >= 2 and code == 1
