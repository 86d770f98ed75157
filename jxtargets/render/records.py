"""Results as plain records: the one shape that JSON, CSV, Markdown and the table all use."""

from __future__ import annotations

from ..core.labels import label
from ..core.model import Source
from ..core.pace import pace
from ..core.review import outlook
from ..core.rules import Result
from . import words

# The documented JSON fields of a result (SPEC §5), in order.
FIELDS = (
    "plan",
    "indicator",
    "name",
    "region",
    "kind",
    "attribute",
    "unit",
    "measure_unit",
    "year",
    "baseline_year",
    "baseline",
    "target_year",
    "op",
    "target",
    "stretch",
    "stretch_met",
    "actual",
    "status",
    "status_label",
    "label",
    "required",
    "gap",
    "gap_pct",
    "progress_pct",
    "time_pct",
    "planned_cagr",
    "implied_cagr",
    "required_cagr",
    "planned_pace",
    "implied_pace",
    "required_pace",
    "pace_unit",
    "pace_years",
    "outlook",
    "pace",
    "pace_method",
    "basis",
    "measured_by",
    "nominal_cagr",
    "as_of",
    "actual_year",
    "baseline_document",
    "baseline_bound",
    "actual_bound",
    "target_bound",
    "spans_break",
    "break_year",
    "measured_basis",
    "why",
    "category",
    "task",
    "lead",
    "partners",
    "note",
    "source",
)
_ROUND = 4


def _r(x):
    if x is None:
        return None
    if isinstance(x, tuple):
        return [round(v, _ROUND) for v in x]
    return round(x, _ROUND)


def source_dict(source) -> dict | None:
    if source is None:
        return None
    if isinstance(source, Source):
        return {"doc": source.doc, "where": source.where, "quote": source.quote}
    return {"doc": str(source), "where": "", "quote": ""}


def record(result: Result, lang: str = "zh") -> dict:
    t, ind = result.target, result.indicator
    speed = pace(result)
    ahead = outlook(result)
    mu, term = words.measure_unit(result, lang), label(result)
    reasons = words.why(result, lang, mu)
    if ahead is not None:
        reasons = words.join([reasons, words.outlook_text(ahead, speed.years, lang)], lang)
    return {
        "plan": t.plan,
        "indicator": ind.id,
        "name": ind.name if lang == "zh" else ind.name_en,
        "region": result.region,
        "kind": t.kind,
        "attribute": t.attribute,
        "unit": ind.unit,
        "measure_unit": mu,
        "year": result.year,
        "baseline_year": t.baseline_year,
        "baseline": _r(result.baseline),
        "target_year": t.target_year,
        "op": t.op,
        "target": _r(result.target_value),
        "stretch": _r(result.stretch),
        "stretch_met": result.stretch_met,
        "actual": _r(result.actual),
        "status": result.status,
        "status_label": words.status_label(result, lang, term),
        "label": term,
        "required": result.required,
        "gap": _r(result.gap),
        "gap_pct": _r(result.gap_pct),
        "progress_pct": _r(result.progress_pct),
        "time_pct": _r(result.time_pct),
        "planned_cagr": _r(result.planned_cagr),
        "implied_cagr": _r(result.implied_cagr),
        "required_cagr": _r(result.required_cagr),
        "planned_pace": _r(speed.planned),
        "implied_pace": _r(speed.implied),
        "required_pace": _r(speed.required),
        "pace_unit": words.pace_unit(speed.unit, ind.unit, lang),
        "pace_years": speed.years or None,
        "outlook": ahead,
        "pace": _r(result.pace),
        "pace_method": result.pace_method,
        "basis": t.basis,
        "measured_by": result.measured_by,
        "nominal_cagr": _r(result.nominal_cagr),
        "as_of": result.as_of,
        "actual_year": result.actual_year,
        "baseline_document": _r(result.baseline_document),
        "baseline_bound": result.baseline_bound,
        "actual_bound": result.actual_bound,
        "target_bound": result.target_bound,
        "spans_break": result.spans_break,
        "break_year": result.break_year,
        "measured_basis": result.measured_basis,
        "why": reasons,
        "category": ind.category,
        "task": t.task,
        "lead": list(t.lead),
        "partners": list(t.partners),
        "note": t.note,
        "source": source_dict(t.source),
    }
