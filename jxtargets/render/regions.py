"""Counties side by side (`review --by-region` and a section of the reports): for targets set
per county or district, one row per target (plan, indicator, kind) and one column per region,
each cell the region's target, figure and label."""

from __future__ import annotations

from ..core.kinds import Kind
from ..core.review import Review, ReviewRow
from . import words
from .formats import actual_text, target_text
from .review import review_record
from .safe import visible

HEAD = {
    "zh": {"title": "{plan}：分地区目标（截至{year}年）", "target": "指标 · 类型"},
    "en": {"title": "{plan}: targets by county or district, as of {year}", "target": "indicator · kind"},
}


def regional_rows(review: Review) -> dict[str, dict[tuple[str, Kind], dict[str, ReviewRow]]]:
    """plan -> (indicator, kind) -> region -> row, for targets set for a region."""
    out: dict[str, dict[tuple[str, Kind], dict[str, ReviewRow]]] = {}
    for row in review.rows:
        t = row.result.target
        if t.region is None:
            continue
        out.setdefault(t.plan, {}).setdefault((t.indicator, t.kind), {})[t.region] = row
    return out


def cell(row: ReviewRow | None, lang: str) -> str:
    if row is None:
        return "—"
    rec = review_record(row, lang)
    return f"{target_text(rec)}\n{actual_text(rec)} · {rec['status_label']}"


def region_tables(review: Review, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(heading, header, rows) per plan with regional targets; regions in the order first met."""
    tables = []
    for plan_id, targets in regional_rows(review).items():
        regions: list[str] = []
        for by_region in targets.values():
            for region in by_region:
                if region not in regions:
                    regions.append(region)
        first = next(iter(next(iter(targets.values())).values()))
        plan = first.result.plan
        name = plan.name if lang == "zh" else (plan.name_en or plan.name)
        rows = []
        for (_, kind), by_region in targets.items():
            ind = next(iter(by_region.values())).result.indicator
            label = f"{ind.name if lang == 'zh' else ind.name_en} · {words.KIND[lang][kind]}"
            rows.append([label] + [cell(by_region.get(r), lang) for r in regions])
        heading = HEAD[lang]["title"].format(plan=f"{plan_id} {name}", year=review.as_of)
        tables.append((heading, [HEAD[lang]["target"], *regions], rows))
    return tables


def region_renderables(review: Review, lang: str) -> list:
    """The tables for the terminal (rich): numbers and words never split, the label column folds."""
    from rich.table import Table

    from .table import Flow

    out: list = []
    for heading, header, rows in region_tables(review, lang):
        table = Table(title=visible(heading), pad_edge=False, show_lines=True)
        table.add_column(Flow(header[0]), ratio=2)
        for region in header[1:]:
            table.add_column(Flow(region))
        for row in rows:
            table.add_row(*(Flow(c) for c in row))
        out.append(table)
    if not out:
        out.append("（没有按地区设定的目标）" if lang == "zh" else "(no targets set per county or district)")
    return out
