"""Catalogue and actuals YAML text from an imported table, written line by line so that the
file reads like the embedded catalogue and carries review comments. Strings are written as
JSON strings (valid YAML double-quoted scalars), so no cell text can change the structure."""

from __future__ import annotations

import json
import re

from ..core.model import Catalogue
from .build import Imported, ImportedRow

TARGET_KEYS = ("plan", "kind", "op", "value", "stretch", "factor", "of", "measure", "unit", "baseline")
TARGET_TAIL = ("attribute", "basis", "table")


def scalar(value) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9_]*", text) and text not in _YAML11_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def comment(text: object) -> str:
    """Text for a `#` comment: one line whatever the table's cells or file name hold (a line
    break in a cell must not end the comment and start YAML)."""
    return _CONTROL.sub(" ", str(text))


def catalogue_yaml(
    imported: Imported,
    catalogue: Catalogue | None,
    plan: str,
    name: str,
    region: str | None,
    standalone: bool,
    doc: str,
    command: str,
) -> str:
    cols = imported.columns
    out = [
        f"# Imported by `{command}`",
        f"# from {comment(imported.table.file)} ({comment(imported.table.title)}). Review every target against the table",
        "# before use: README, Adding a plan. New indicators need name_en, and their direction (from",
        "# the wording) and category (from 类别) checked.",
    ]
    for p in imported.problems:
        out.append(f"# LEFT FOR YOU: {comment(p)}")
    if standalone:
        out += ["schema: 1", f"region: {scalar(region)}"]
    out += [
        "plans:",
        f"  {plan}:",
        f"    name: {scalar(name)}",
        f"    name_en: {scalar(plan)}",
        f"    baseline_year: {cols.baseline_year}",
        f"    target_year: {cols.target_year}",
        f"    doc: {scalar(doc)}",
        "indicators:",
    ]
    by_id: dict[str, list[ImportedRow]] = {}
    for row in imported.rows:
        by_id.setdefault(row.indicator, []).append(row)
    for iid, rows in by_id.items():
        row = rows[0]
        targets = [t for r in rows for t in r.targets]
        define = standalone or not row.matched
        if not targets and not define:
            continue
        out.append(f"  {iid}:" + ("" if define else f"  # matched by name: {comment(row.name)}"))
        if define:
            out += _definition(row, catalogue)
        if targets:
            out.append("    targets:")
            for t in targets:
                out += _target(t, region if not standalone else None)
    return "\n".join(out) + "\n"


def _definition(row: ImportedRow, catalogue: Catalogue | None) -> list[str]:
    known = catalogue.indicators.get(row.indicator) if catalogue and row.matched else None
    if known is not None:  # a stand-alone file: the matched definition, copied
        lines = [
            f"    name: {scalar(known.name)}",
            f"    name_en: {scalar(known.name_en)}",
        ]
        if known.unit is not None:
            lines.append(f"    unit: {scalar(known.unit)}")
        return lines + [f"    direction: {known.direction}", f"    category: {scalar(known.category)}"]
    lines = [
        f"    name: {scalar(row.indicator_name)}  # new indicator",
        f"    name_en: {scalar(row.indicator)}  # give the English name",
    ]
    if row.indicator_unit:
        lines.append(f"    unit: {scalar(row.indicator_unit)}")
    else:
        lines.append(
            f"    # unit: the table gives only the unit of the change ({comment(row.unit)}); give the indicator's own unit"
        )
    return lines + [
        f"    direction: {row.direction}  # from the wording: check",
        f"    category: {scalar(row.category or 'other')}",
    ]


def _target(t: dict, region: str | None) -> list[str]:
    lines = []
    keys = [k for k in TARGET_KEYS if k in t] + [k for k in TARGET_TAIL if k in t]
    for i, key in enumerate(keys):
        lines.append(f"    {'- ' if i == 0 else '  '}{key}: {scalar(t[key])}")
    if region:
        lines.append(f"      region: {scalar(region)}")
    lines.append(f"      source: {scalar(t['source'])}")
    return lines


def actuals_yaml(imported: Imported, doc: str, command: str) -> str | None:
    rows = [r for r in imported.rows if r.actual]
    if not rows:
        return None
    year = imported.columns.target_year
    label = imported.table.label or imported.table.title
    out = [
        f"# Imported by `{command}` from the 完成情况 columns of {comment(imported.table.file)} ({comment(label)}).",
        f"year: {year}",
        f"source: {scalar(' '.join(w for w in (doc, imported.table.label, '完成情况') if w))}",
        "values:",
    ]
    seen: set[str] = set()
    for row in rows:
        if row.indicator in seen:
            out.append(f"  # {comment(row.where)}: another figure for {row.indicator}, left out")
            continue
        seen.add(row.indicator)
        actual = row.actual or {}
        out.append(f"  {row.indicator}:")
        if "value" in actual:
            out.append(f"    value: {scalar(actual['value'])}")
        for start, figures in actual.get("since", {}).items():
            out.append(f"    since: {{{start}: {scalar(figures)}}}")
        out.append(f"    source: {scalar({'doc': doc, 'where': row.where, 'quote': row.quote_all})}")
    return "\n".join(out) + "\n"


__all__ = ["catalogue_yaml", "actuals_yaml", "scalar", "comment"]
