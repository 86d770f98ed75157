"""Baselines the documents give outside their target tables, with their own quote
(`baseline_source`). Only what a document states: no baseline is computed or guessed."""

from __future__ import annotations

import json
import re

from .conftest import SEEDS, run


def test_key_project_acceptance_rate_has_the_quality_plans_2015_figure():
    # 004 质量规划 一（一）2 (发展现状, the 12th FYP period): "工程质量再创佳绩,重点工程项目竣工验收合格率达到
    # 100%": the 2015 baseline of the table's 2020 target of 100%.
    shown = json.loads(run("show", "key_project_completion_acceptance_rate", "--format", "json").stdout)
    (target,) = shown["targets"]
    assert (target["plan"], target["baseline_year"], target["baseline"], target["value"]) == (
        "quality13",
        2015,
        100.0,
        100.0,
    )
    quote = "重点工程项目竣工验收合格率达到 100%"
    text = (SEEDS / "004_d3b6ddc9e5e8e6fc.txt").read_text(encoding="utf-8")
    assert re.sub(r"\s+", "", quote) in re.sub(r"\s+", "", text)
    listed = run("list", "--plan", "quality13", "--format", "csv").stdout
    row = next(
        line for line in listed.splitlines() if line.startswith("quality13,key_project_completion_acceptance_rate,")
    )
    assert ",%,100.0,2015,2020," in row
