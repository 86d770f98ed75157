"""The findings in words, generated from the review: per plan, how many targets are completed or
on track, by attribute (约束性 counted apart, as evaluation reports do), and which binding
targets lag, with the pace they still need. Used by the Word and HTML reports."""

from __future__ import annotations

from ..core.review import OFFICIAL_TERMS, Review, ReviewRow
from . import words
from .formats import actual_text, target_text
from .provenance import data_sources as data_sources  # the reports' data sources (moved there)
from .review import official_label, review_record

OK_TERMS = ("超额完成", "完成", "提前实现", "快于预期", "基本符合预期")
LAG_TERMS = ("未完成", "滞后", "逆向")


def by_plan(review: Review) -> dict[str, list[ReviewRow]]:
    plans: dict[str, list[ReviewRow]] = {}
    for row in review.rows:
        plans.setdefault(row.result.plan.id, []).append(row)
    return plans


def binding_first(rows: list[ReviewRow]) -> list[ReviewRow]:
    """Binding (约束性) targets first, each group in its original order."""
    return sorted(rows, key=lambda r: r.result.target.attribute != "binding")


def at_risk(row: ReviewRow) -> bool:
    """Lagging or going backwards, or on track so far but projected to fall short."""
    return row.official in LAG_TERMS or (row.projection_meets is False and row.official not in ("无法评估",))


def _counts(rows: list[ReviewRow], lang: str) -> str:
    sep = "、" if lang == "zh" else ", "
    parts = []
    for term in OFFICIAL_TERMS:
        n = sum(r.official == term for r in rows)
        if n:
            parts.append(f"{official_label(term, lang)}{n}项" if lang == "zh" else f"{n} {official_label(term, lang)}")
    return sep.join(parts)


def _lagging_item(row: ReviewRow, lang: str) -> str:
    rec = review_record(row, lang)
    kind = words.KIND[lang][rec["kind"]]
    need = ""
    if rec["required_cagr"] is not None and row.result.year < row.result.target.target_year:
        rate = f"{words.fmt(rec['required_cagr'])}%"
        need = f"，今后尚需年均增长{rate}" if lang == "zh" else f"; needs {rate} a year from now on"
    if lang == "zh":
        return f"{rec['name']}（{kind}，目标{target_text(rec)}，实际{actual_text(rec)}{need}）"
    return f"{rec['name']} ({kind}: target {target_text(rec)}, actual {actual_text(rec)}{need})"


def plan_summary(rows: list[ReviewRow], as_of: int, lang: str) -> str:
    """One paragraph on one plan's targets."""
    plan = rows[0].result.plan
    name = plan.name if lang == "zh" else (plan.name_en or plan.name)
    binding = [r for r in rows if r.result.target.attribute == "binding"]
    expected = [r for r in rows if r.result.target.attribute == "expected"]
    other = len(rows) - len(binding) - len(expected)
    ok = [r for r in rows if r.official in OK_TERMS]
    ok_binding = [r for r in binding if r.official in OK_TERMS]
    lagging = [r for r in binding if at_risk(r)]
    not_due = all(r.official in ("未到期", "无法评估") for r in rows)
    if lang == "zh":
        attrs = [f"约束性{len(binding)}项", f"预期性{len(expected)}项"]
        if other:
            attrs.append(f"未标明属性{other}项")
        text = f"《{name}》纳入评估的目标共{len(rows)}项（{'，'.join(attrs)}）。截至{as_of}年，{_counts(rows, lang)}；"
        text += f"已完成或进度符合预期的{len(ok)}项"
        text += f"，其中约束性{len(ok_binding)}项。" if binding else "。"
        if not_due:
            text += "规划尚处基期，暂无可评估的进度。"
        elif not binding:
            text += "该规划的目标未标明约束性。"
        elif lagging:
            text += (
                f"约束性目标中滞后或存在风险的{len(lagging)}项："
                + "；".join(_lagging_item(r, lang) for r in lagging)
                + "。"
            )
        else:
            text += "约束性目标均未滞后。"
        return text
    attrs = [f"{len(binding)} binding", f"{len(expected)} expected"]
    if other:
        attrs.append(f"{other} without an attribute")
    text = (
        f"{name}: {len(rows)} targets assessed ({', '.join(attrs)}). As of {as_of}: {_counts(rows, lang)}; "
        f"{len(ok)} completed or on track"
    )
    text += f", {len(ok_binding)} of them binding. " if binding else ". "
    if not_due:
        text += "The plan is at its baseline: no progress to assess yet."
    elif not binding:
        text += "The plan marks no target as binding."
    elif lagging:
        text += (
            f"Binding targets lagging or at risk ({len(lagging)}): "
            + "; ".join(_lagging_item(r, lang) for r in lagging)
            + "."
        )
    else:
        text += "No binding target lags."
    return text
