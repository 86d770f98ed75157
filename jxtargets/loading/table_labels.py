"""How a plan's own table prints a target (`table:`), and the rows of that table that set no
target (`table_rows:`).

A plan's main-indicator table groups its rows (类别: 经济发展, 资源环境 …) and names them with its
own words and units (发明专利授权量（项） where the catalogue counts 件; 化学需氧量 under the merged
cell 主要污染物排放总量减少（%）). Those are facts of the table, quoted from it, kept apart from the
indicator's own name, unit and category:

    table: {group: 创新驱动, row: 发明专利授权量（项）}
    table: {group: 资源环境, parent: 主要污染物排放总量减少（%）, row: 化学需氧量}

`row` is part of the target's source quote (whitespace ignored; checked here); `group` and
`parent` are looked up in the source document by `validate --seeds` like every quote.

A row whose target cell the table leaves empty but which reports a figure (表1's 氮氧化物) is a
`table_rows:` entry of the indicator, never a target:

    table_rows:
    - {plan: fyp13, measure: reduction, table: {…}, source: {…}}
"""

from __future__ import annotations

from typing import Any, cast

from ..core.kinds import MEASURES, Kind
from ..core.model import Catalogue, Indicator, Source, TableLabel, TableRow
from . import fields as f
from .errors import Problems

TABLE_KEYS = ("group", "row", "parent")
TABLE_ROW_KEYS = ("plan", "measure", "table", "note", "source")


def squash(text: str) -> str:
    return "".join(text.split())


def read_label(raw: Any, line: int | None, where: str, source: Source | None, problems: Problems) -> TableLabel | None:
    """The `table:` mapping of a target or a table row; its `row` must be part of `source`'s
    quote (the label is quoted, never written by hand)."""
    key = f"{where}.table"
    raw = f.mapping(raw, problems, line, key)
    if raw is None:
        return None
    f.unknown_keys(raw, TABLE_KEYS, problems, key)
    group, row, parent = (f.text(raw, k, problems, key) for k in TABLE_KEYS)
    if group is None and row is None:
        problems.add(line, key, "table.label_empty")
        return None
    if parent is not None and row is None:
        problems.add(f.line_of(raw, "parent"), f"{key}.parent", "table.parent_needs_row")
    if row is not None:
        quote = source.quote if isinstance(source, Source) else ""
        if not quote:
            problems.add(f.line_of(raw, "row"), f"{key}.row", "table.row_needs_quote")
        elif squash(row) not in squash(quote):
            problems.add(
                f.line_of(raw, "row"),
                f"{key}.row",
                "table.row_not_quoted",
                row=repr(row),
                quote=repr(quote),
            )
    return TableLabel(group, row, parent)


def add_table_rows(
    indicator: Indicator, body: dict[Any, Any], catalogue: Catalogue, problems: Problems, read_source: Any
) -> None:
    """The `table_rows:` of one `indicators:` entry, appended to `indicator.table_rows`.
    `read_source(raw, problems, line, where)` reads a `source:` as targets do."""
    where = f"indicators.{indicator.id}.table_rows"
    raw_rows = body.get("table_rows")
    if raw_rows is None:
        return
    if not isinstance(raw_rows, list):
        problems.add(f.line_of(body, "table_rows"), where, "table.rows_not_a_list")
        return
    for i, raw in enumerate(raw_rows):
        line = raw_rows.lines[i] if hasattr(raw_rows, "lines") else f.line_of(body, "table_rows")
        key = f"{where}[{i + 1}]"
        m = f.mapping(raw, problems, line, key)
        if m is None:
            continue
        f.unknown_keys(m, TABLE_ROW_KEYS, problems, key)
        plan = f.text(m, "plan", problems, key, required=True)
        if plan is not None and plan not in catalogue.plans:
            problems.add(
                f.line_of(m, "plan"),
                f"{key}.plan",
                "plan.unknown",
                plan=repr(plan),
                hint=f.did_you_mean(plan, catalogue.plans),
            )
        measure = f.choice(m, "measure", MEASURES, problems, key, required=True)
        source = read_source(m.get("source"), problems, f.line_of(m, "source"), f"{key}.source")
        if source is None:
            problems.add(line, f"{key}.source", "table.row_needs_source")
        if "table" not in m:
            problems.add(line, f"{key}.table", "table.row_needs_table")
            continue
        label = read_label(m["table"], f.line_of(m, "table"), key, source, problems)
        if plan is None or measure is None or label is None:
            continue
        indicator.table_rows.append(
            TableRow(
                plan=plan,
                indicator=indicator.id,
                measure=cast(Kind, measure),
                table=label,
                source=source,
                note=f.text(m, "note", problems, key),
                line=line or 0,
                file=problems.file,
            )
        )
