"""The catalogue for people and scripts: `list`, `list --regions` and `show`.

Each function returns a string (JSON, CSV, Markdown) or rich renderables (table)."""

from __future__ import annotations

import json
from typing import Any

from ..core import figures
from ..core.kinds import OP_SYMBOL, measure_unit
from ..core.model import Actuals, Catalogue, Indicator, Target
from . import words
from .records import source_dict
from .safe import md_cell, md_rows, visible

LIST_FIELDS = (
    "plan",
    "indicator",
    "name",
    "region",
    "kind",
    "op",
    "value",
    "stretch",
    "factor",
    "of",
    "measure",
    "unit",
    "baseline",
    "baseline_year",
    "target_year",
    "attribute",
    "basis",
    "category",
    "task",
    "lead",
    "partners",
    "note",
    "source",
)


def target_record(catalogue: Catalogue, t: Target, lang: str) -> dict:
    ind = catalogue.indicators[t.indicator]
    value = list(t.value) if isinstance(t.value, tuple) else t.value
    return {
        "plan": t.plan,
        "indicator": ind.id,
        "name": ind.name if lang == "zh" else ind.name_en,
        "region": t.region or catalogue.region,
        "kind": t.kind,
        "op": t.op,
        "value": value,
        "stretch": t.stretch,
        "factor": t.factor,
        "of": t.of,
        "measure": t.measure,
        "unit": ind.unit,
        "baseline": t.baseline,
        "baseline_year": t.baseline_year,
        "target_year": t.target_year,
        "attribute": t.attribute,
        "basis": t.basis,
        "category": ind.category,
        "task": t.task,
        "lead": list(t.lead),
        "partners": list(t.partners),
        "note": t.note,
        "source": source_dict(t.source),
    }


def describe(t: Target, ind: Indicator, lang: str) -> str:
    """A target in a few words: ≥9000亿元 (力争10000), 年均≥7%, [30]万人 …"""
    op = OP_SYMBOL.get(t.op or "", "")
    unit = ind.unit or ""
    value = t.value
    if t.kind == "milestone":
        return "完成" if lang == "zh" else "done"
    if t.kind == "external" and value is None:
        return "省下达" if lang == "zh" else "set by the province"
    rule = t.rule
    unit = measure_unit(rule, ind.unit, lang, per_year=False)
    if rule == "multiple":
        text = f"×{words.fmt(t.factor)}" if t.factor is not None else ""
    elif rule == "relative":
        text = f"{op}{t.of}"
    elif value is None:
        text = ""
    else:
        text = f"{op}{words.fmt_value(value, unit)}"
    if t.stretch is not None:
        s = f"×{words.fmt(t.stretch)}" if rule == "multiple" else words.fmt_value(t.stretch, unit)
        text += f" (力争{s})" if lang == "zh" else f" (stretch {s})"
    return f"{words.KIND[lang][t.kind]} {text}".strip()


def render_listing(catalogue: Catalogue, targets: list[Target], fmt: str, lang: str, raw: bool = False):
    records = [target_record(catalogue, t, lang) for t in targets]
    if fmt == "json":
        return json.dumps({"targets": records, "count": len(records)}, ensure_ascii=False, indent=2) + "\n"
    h = words.HEADERS[lang]
    rows = []
    for t in targets:
        ind = catalogue.indicators[t.indicator]
        name = ind.name if lang == "zh" else ind.name_en
        if t.region:
            name += f"（{t.region}）"
        rows.append(
            [
                t.plan,
                ind.id,
                name,
                describe(t, ind, lang),
                str(t.target_year),
                words.ATTRIBUTE[lang].get(t.attribute or "", ""),
                "、".join(t.lead),
            ]
        )
    headers = [h["plan"], h["id"], h["indicator"], h["target"], h["year"], h["attribute"], h["lead"]]
    if fmt == "csv":
        return _csv(LIST_FIELDS, records, raw)
    if fmt == "markdown":
        from tabulate import tabulate

        return (
            tabulate(md_rows(rows), headers=headers, tablefmt="pipe", disable_numparse=True)
            + f"\n\n{h['summary']}: {len(rows)}\n"
        )
    from .table import simple_table

    return [simple_table(headers, rows), f"{h['summary']}: {len(rows)}"]


def render_regions(counts: dict[str, int], fmt: str, lang: str, raw: bool = False):
    if fmt == "json":
        return (
            json.dumps(
                {"regions": [{"region": r, "targets": n} for r, n in counts.items()]}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    rows = [[r, str(n)] for r, n in counts.items()]
    h = words.HEADERS[lang]
    if fmt == "csv":
        return _csv(("region", "targets"), [{"region": r, "targets": n} for r, n in counts.items()], raw)
    if fmt == "markdown":
        from tabulate import tabulate

        return tabulate(md_rows(rows), headers=[h["region"], h["targets"]], tablefmt="pipe") + "\n"
    from .table import simple_table

    return [simple_table([h["region"], h["targets"]], rows)]


def render_indicator(catalogue: Catalogue, ind: Indicator, actuals: Actuals, fmt: str, lang: str, raw: bool = False):
    figures: list[dict[str, Any]] = []
    for (iid, region), series in sorted(actuals.figures.items()):
        if iid != ind.id:
            continue
        for year, f in sorted(series.items()):
            figures.append(
                {
                    "year": year,
                    "region": region,
                    "value": f.value,
                    "growth": f.growth,
                    "since": {str(k): v for k, v in f.since.items()},
                    "since_bound": {str(k): v for k, v in f.since_bound.items()},
                    "done": f.done,
                    "revised_from": f.revised_from,
                    "revised_in": f.revised_in,
                    "bound": f.bound,
                    "growth_basis": f.growth_basis or ind.growth_basis,
                    "breaks_from": year in actuals.breaks.get((iid, region), ()),
                    "note": f.note,
                    "alternatives": [
                        {"value": v, "note": n, "source": source_dict(src)} for v, n, src in f.alternatives
                    ],
                    "source": source_dict(f.source),
                }
            )
    data = {
        "indicator": ind.id,
        "name": ind.name,
        "name_en": ind.name_en,
        "unit": ind.unit,
        "direction": ind.direction,
        "category": ind.category,
        "note": ind.note,
        "growth_basis": ind.growth_basis,
        "targets": [_rebased(target_record(catalogue, t, lang), catalogue, actuals, t) for t in ind.targets],
        "figures": figures,
    }
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(LIST_FIELDS, data["targets"], raw)
    h = words.HEADERS[lang]
    target_rows = []
    for t in ind.targets:
        src = t.source
        cite = f"{src.doc} {src.where}: “{src.quote}”" if src else ""
        target_rows.append(
            [
                t.plan,
                f"{t.baseline_year}→{t.target_year}",
                describe(t, ind, lang),
                words.baseline_text(*_shown(_base(catalogue, actuals, t)), lang),
                t.region or catalogue.region,
                cite,
            ]
        )
    fig_rows = []
    for fig in figures:
        value = words.fmt(fig["value"]) if fig["value"] is not None else "—"
        if fig["bound"] is not None and fig["value"] is not None:
            value = words.BOUND_MARK[fig["bound"]] + value
        if fig["revised_from"] is not None:
            value += (
                f" (修订，原{words.fmt(fig['revised_from'])})"
                if lang == "zh"
                else f" (revised from {words.fmt(fig['revised_from'])})"
            )
        marks = {start: words.BOUND_MARK.get(b, "") for start, b in fig["since_bound"].items()}
        extra = "; ".join(
            f"{start}→{fig['year']} "
            + ", ".join(f"{words.KIND[lang].get(k, k)} {marks.get(start, '')}{words.fmt(v)}" for k, v in figs.items())
            for start, figs in fig["since"].items()
        )
        for alt in fig["alternatives"]:
            extra += f"; alt {words.fmt(alt['value'])} {alt['note']}"
        fig_rows.append(
            [
                str(fig["year"]),
                fig["region"],
                value,
                words.fmt(fig["growth"]) + "%" if fig["growth"] is not None else "—",
                extra.strip("; "),
            ]
        )
    title = f"{ind.name} · {ind.name_en} · {ind.id} ({ind.unit or '—'}, {ind.direction}, {ind.category})"
    headers_t = [h["plan"], h["year"], h["target"], h["baseline"], h["region"], h["source"]]
    headers_f = [h["year"], h["region"], h["actual"], "增长" if lang == "zh" else "growth", "since / alt"]
    if fmt == "markdown":
        from tabulate import tabulate

        return (
            f"## {md_cell(title)}\n\n"
            + tabulate(md_rows(target_rows), headers=headers_t, tablefmt="pipe", disable_numparse=True)
            + "\n\n"
            + tabulate(md_rows(fig_rows), headers=headers_f, tablefmt="pipe", disable_numparse=True)
            + "\n"
        )
    from .table import simple_table

    out = [simple_table(headers_t, target_rows, title)]
    if fig_rows:
        out.append(simple_table(headers_f, fig_rows))
    if ind.note:
        out.append(visible(ind.note))
    return out


def _base(catalogue: Catalogue, actuals: Actuals, t: Target) -> figures.Base:
    return figures.baseline(catalogue, actuals, t, t.region or catalogue.region)


def _shown(base: figures.Base) -> tuple[float | None, str | None, float | None]:
    return base.value, base.bound, base.document


def _rebased(rec: dict, catalogue: Catalogue, actuals: Actuals, t: Target) -> dict:
    """A target's record with the baseline the checker uses: a revision supersedes the
    document's figure, which stays as `baseline_document`."""
    base = _base(catalogue, actuals, t)
    rec["baseline_document"] = base.document
    if base.revised:
        rec["baseline"] = base.value
    return rec


def _csv(fields, records, raw: bool = False) -> str:
    from .formats import write_csv

    return write_csv(map(_csv_row, records), fields, raw)


def _csv_row(rec: dict) -> dict:
    row = dict(rec)
    for key in ("lead", "partners"):
        if key in row:
            row[key] = "、".join(row[key])
    if isinstance(row.get("value"), list):
        row["value"] = "–".join(map(str, row["value"]))
    src = row.get("source")
    if isinstance(src, dict):
        row["source"] = f"{src['doc']} {src['where']}: {src['quote']}"
    return row
