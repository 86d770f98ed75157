"""Catalogue and actuals YAML text from an imported table, written line by line so that the
file reads like the embedded catalogue and carries review comments. Strings are written as
JSON strings (valid YAML double-quoted scalars), so no cell text can change the structure."""

from __future__ import annotations

import json
import re

from ..core.model import Catalogue
from ..messages import say
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
    lang: str = "zh",
) -> str:
    """The catalogue YAML, its review comments in `lang`."""
    cols = imported.columns
    out = [
        f"# {say('import.head_imported', lang, command=command)}",
        "# " + say("import.head_review", lang, file=comment(imported.table.file), title=comment(imported.table.title)),
    ]
    for p in imported.problems:
        out.append(f"# {say('import.left_mark', lang)}: {comment(p.text(lang))}")
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
        matched = say("import.matched_by_name", lang, name=comment(row.name))
        out.append(f"  {iid}:" + ("" if define else f"  # {matched}"))
        if define:
            out += _definition(row, catalogue, lang)
        if targets:
            out.append("    targets:")
            for t in targets:
                out += _target(t, region if not standalone else None)
    return "\n".join(out) + "\n"


def _definition(row: ImportedRow, catalogue: Catalogue | None, lang: str) -> list[str]:
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
        f"    name: {scalar(row.indicator_name)}  # {say('import.new_indicator', lang)}",
        f"    name_en: {scalar(row.indicator)}  # {say('import.give_name_en', lang)}",
    ]
    if row.indicator_unit:
        lines.append(f"    unit: {scalar(row.indicator_unit)}")
    else:
        lines.append(f"    # {say('import.give_unit', lang, unit=comment(row.unit))}")
    return lines + [
        f"    direction: {row.direction}  # {say('import.direction_check', lang)}",
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


def actuals_yaml(imported: Imported, doc: str, command: str, lang: str = "zh") -> str | None:
    rows = [r for r in imported.rows if r.actual]
    if not rows:
        return None
    year = imported.columns.target_year
    label = imported.table.label or imported.table.title
    out = [
        "# "
        + say("import.head_results", lang, command=command, file=comment(imported.table.file), label=comment(label)),
        f"year: {year}",
        f"source: {scalar(' '.join(w for w in (doc, imported.table.label, '完成情况') if w))}",
        "values:",
    ]
    seen: set[str] = set()
    for row in rows:
        if row.indicator in seen:
            out.append(f"  # {say('import.another_figure', lang, where=comment(row.where), id=row.indicator)}")
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
