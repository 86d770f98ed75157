"""A plan's own table words (`table:` on a target, `table_rows:` for a row with no target): read,
validated with file, line and key, quoted from the table, and checked against the document."""

from __future__ import annotations

import pytest

from jxtargets.core.model import Source, TableLabel
from jxtargets.loading.catalogue_set import load_catalogue
from jxtargets.loading.errors import LoadError
from jxtargets.validate import quote_problems

from .conftest import SEEDS

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}")

# MADE UP: a one-file catalogue in the SPEC §2 format; the quotes are 表1's, the rest is invented.
HEAD = """\
schema: 1
region: 嘉兴市
plans:
  fyp13: {name: 十三五, baseline_year: 2015, target_year: 2020, doc: 002_5df31847278a00a3.txt}
indicators:
  invention_patents_granted:
    name: 发明专利授权量
    name_en: Invention patents granted
    unit: 件
    direction: up
    category: innovation
    targets:
    - plan: fyp13
      kind: level
      op: '>='
      value: 2500
      table: {TABLE}
      source: {doc: 002_5df31847278a00a3.txt, where: 表1 序号6, quote: 发明专利授权量（项） 1100 2500 17.8%}
  nox_emissions:
    name: 氮氧化物排放总量
    name_en: Nitrogen oxides emissions
    unit: 吨
    direction: down
    category: environment
    table_rows:
    - plan: fyp13
      measure: reduction
      table: {group: 资源环境, parent: 主要污染物排放总量减少（%）, row: 氮氧化物}
      source: {doc: 002_5df31847278a00a3.txt, where: 表1 序号24 氮氧化物, quote: '氮氧化物 — [21]'}
"""


def _load(tmp_path, table: str, tail: str = ""):
    path = tmp_path / "made-up.yaml"
    path.write_text(HEAD.replace("{TABLE}", table) + tail, encoding="utf-8")
    return load_catalogue(path)


def _problems(tmp_path, table: str, tail: str = "") -> list[str]:
    with pytest.raises(LoadError) as err:
        _load(tmp_path, table, tail)
    return [f"{p.line}: {p.key}: {p.msg.text('en')}" for p in err.value.problems]


def test_labels_and_rows_are_read(tmp_path):
    catalogue, warnings = _load(tmp_path, "{group: 创新驱动, row: 发明专利授权量（项）}")
    assert warnings == []
    (target,) = catalogue.indicators["invention_patents_granted"].targets
    assert target.table == TableLabel("创新驱动", "发明专利授权量（项）", None)
    (row,) = catalogue.indicators["nox_emissions"].table_rows
    assert (row.plan, row.measure, row.line) == ("fyp13", "reduction", 26)
    assert row.table == TableLabel("资源环境", "氮氧化物", "主要污染物排放总量减少（%）")
    assert list(catalogue.targets()) == [target]  # a table row is never a target


def test_a_row_label_not_in_the_quote_is_an_error(tmp_path):
    (problem,) = _problems(tmp_path, "{group: 创新驱动, row: 发明专利授权量（件）}")
    assert problem.startswith("17: indicators.invention_patents_granted.targets[1].table.row: ")
    assert "发明专利授权量（件）" in problem


def test_unknown_keys_and_empty_labels_are_errors(tmp_path):
    (problem,) = _problems(tmp_path, "{group: 创新驱动, rows: 发明专利授权量（项）}")
    assert problem.startswith("17: indicators.invention_patents_granted.targets[1].table.rows: unknown key")
    (problem,) = _problems(tmp_path, "{}")
    assert problem.startswith("17: indicators.invention_patents_granted.targets[1].table: ")


def test_a_table_row_needs_a_known_plan_a_measure_and_its_label(tmp_path):
    tail = """\
    - plan: fyp31
      table: {row: 氮氧化物}
      source: {doc: 002_5df31847278a00a3.txt, where: 表1 序号24 氮氧化物, quote: '氮氧化物 — [21]'}
"""
    problems = _problems(tmp_path, "{group: 创新驱动}", tail)
    assert any(p.startswith("30: indicators.nox_emissions.table_rows[2].plan: unknown plan 'fyp31'") for p in problems)
    assert any(p.startswith("30: indicators.nox_emissions.table_rows[2].measure: missing") for p in problems), problems


@needs_seeds
def test_groups_and_parents_are_looked_up_in_the_document(tmp_path):
    catalogue, _ = _load(tmp_path, "{group: 创新驱动, row: 发明专利授权量（项）}")
    assert quote_problems(catalogue, [], SEEDS) == []
    (target,) = catalogue.indicators["invention_patents_granted"].targets
    target.table = TableLabel("科技进步", "发明专利授权量（项）")
    (problem,) = quote_problems(catalogue, [], SEEDS)
    assert problem.key == "invention_patents_granted.table.group" and "科技进步" in problem.message
    assert isinstance(target.source, Source)


def test_a_document_title_needs_its_document_and_is_found_in_it(tmp_path):
    no_doc = HEAD.replace("{TABLE}", "{group: 创新驱动}").replace(
        ", doc: 002_5df31847278a00a3.txt}", ", doc_title: 纲要}"
    )
    path = tmp_path / "made-up.yaml"
    path.write_text(no_doc, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_catalogue(path)
    assert [(p.line, p.key) for p in err.value.problems] == [(4, "plans.fyp13.doc_title")]
    if not SEEDS.is_dir():
        return
    wrong = HEAD.replace("{TABLE}", "{group: 创新驱动}").replace(
        ", doc: 002_5df31847278a00a3.txt}", ", doc: 002_5df31847278a00a3.txt, doc_title: 嘉兴市第十三个五年规划纲要}"
    )
    path.write_text(wrong, encoding="utf-8")
    catalogue, _ = load_catalogue(path)
    (problem,) = quote_problems(catalogue, [], SEEDS)
    assert (problem.line, problem.key) == (4, "plans.fyp13.doc_title")
    assert "嘉兴市第十三个五年规划纲要" in problem.message
