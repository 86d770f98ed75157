"""The review as the planning office does it: every target's trajectory over the years with
figures, its status as of a year, the two readings of its pace, the pace still required, and a
projection to the target year.

Each row carries the result's one label (core/labels.py): the final words (完成, 超额完成, 未完成)
at or after the target year, the mid-term ladder before it.
"""

from __future__ import annotations

import msgspec

from . import growth, pace
from .check import Filters, check
from .growth import finite
from .kinds import SPECS, better, near_bound
from .labels import TERMS, TERMS_EN, label
from .model import Actuals, Catalogue, Figure, Indicator, Plan, TableRow
from .policy import tolerance
from .rules import Result, satisfies

# The official vocabulary, in the order the summary lists it (final words, interim words, 无法评估).
OFFICIAL_TERMS = TERMS
OFFICIAL_EN = TERMS_EN
official = label  # the one label of a result: core/labels.py


class Point(msgspec.Struct):
    year: int
    value: float
    revised_from: float | None = None
    baseline: bool = False  # the plan's baseline figure from the catalogue, not a release


class ReviewRow(msgspec.Struct):
    result: Result
    official: str
    trajectory: list[Point] = msgspec.field(default_factory=list)
    growth_pace: float | None = None  # implied CAGR / planned CAGR
    schedule_pace: float | None = None  # 序时进度: share of the distance covered / share of time
    deciding: str | None = None  # which reading the status follows: "growth" | "schedule"
    projection: float | None = None  # the measured figure projected to the target year
    projection_meets: bool | None = None
    outlook: str | None = None  # likely | at_risk | unlikely, interim only (core/pace.py)


class Review(msgspec.Struct):
    as_of: int
    rows: list[ReviewRow]
    by_plan: dict[str, dict[str, int]]
    by_category: dict[str, dict[str, int]]
    # The latest year with any figure at or before `as_of`: earlier than `as_of` when no release
    # for that year is loaded (each target is then judged on its latest figure, and says so).
    latest_year: int | None = None
    # Rows of the reviewed plans' own tables that set no target (表1's 氮氧化物), each with the
    # plan's region's latest figure at or before `as_of`: printed by the completion table only.
    table_rows: list[tuple[Indicator, TableRow, Figure | None]] = msgspec.field(default_factory=list)
    # The catalogue's plans (every one, reviewed or not): reports name source documents by them.
    plans: dict[str, Plan] = msgspec.field(default_factory=dict)


def review(catalogue: Catalogue, actuals: Actuals, as_of: int | None = None, filters: Filters | None = None) -> Review:
    year = as_of or actuals.latest_year
    if year is None:
        return Review(0, [], {}, {})
    rows = []
    by_plan: dict[str, dict[str, int]] = {}
    by_category: dict[str, dict[str, int]] = {}
    for result in check(catalogue, actuals, year, filters, whole=True):
        row = review_row(result, actuals, year)
        rows.append(row)
        for table, key in ((by_plan, result.plan.id), (by_category, result.indicator.category)):
            counts = table.setdefault(key, {term: 0 for term in OFFICIAL_TERMS})
            counts[row.official] += 1
    loaded = [y for y in actuals.years if y <= year]
    out = Review(year, rows, by_plan, by_category, max(loaded) if loaded else None, plans=dict(catalogue.plans))
    plans = {row.result.plan.id for row in rows}
    for indicator in catalogue.indicators.values():
        for table_row in indicator.table_rows:
            if table_row.plan in plans:
                series = actuals.series(indicator.id, catalogue.region)
                years = [y for y in series if y <= year]
                out.table_rows.append((indicator, table_row, series[max(years)] if years else None))
    return out


def review_row(result: Result, actuals: Actuals, as_of: int) -> ReviewRow:
    row = ReviewRow(result, official(result))
    row.trajectory = trajectory(result, actuals, as_of)
    # A relative target's "planned" rate is the other indicator's: not a plan to read a pace against.
    if result.planned_cagr and result.implied_cagr is not None and result.target.rule != "relative":
        row.growth_pace = finite(result.implied_cagr / result.planned_cagr)
    if result.progress_pct is not None and result.time_pct:
        row.schedule_pace = finite(result.progress_pct / result.time_pct)
    row.deciding = {"growth": "growth", "linear": "schedule"}.get(result.pace_method or "")
    row.projection = project(result)
    row.projection_meets = projection_meets(result, row.projection)
    row.outlook = pace.outlook(result, row.projection_meets)
    return row


def projection_meets(result: Result, projection: float | None) -> bool | None:
    """Whether a projected figure would meet the target (None without a projection)."""
    t = result.target
    if projection is None or result.target_value is None or not t.op:
        return None
    good = better(t, result.indicator)
    bound = near_bound(result.target_value, good)
    return satisfies(projection, t.op, result.target_value, tolerance(t, result.indicator, bound), good)


def outlook(result: Result) -> str | None:
    """The outlook of an interim result (core/pace.py), from its projection at the pace so far."""
    return pace.outlook(result, projection_meets(result, project(result)))


def trajectory(result: Result, actuals: Actuals, as_of: int) -> list[Point]:
    """The indicator's levels in every year with a figure up to `as_of`, from the plan's
    baseline year on (the catalogue's baseline where no release gives that year)."""
    t = result.target
    points = []
    series = actuals.series(t.indicator, result.region)
    for year in sorted(series):
        f = series[year]
        if f.value is not None and t.baseline_year <= year <= as_of:
            points.append(Point(year, f.value, f.revised_from))
    if t.baseline is not None and not SPECS[t.rule].growth_rate and not any(p.year == t.baseline_year for p in points):
        points.insert(0, Point(t.baseline_year, t.baseline, baseline=True))
    return points


def project(result: Result) -> float | None:
    """The measured figure at the target year if the pace so far continues; None when there
    is no pace yet (at the baseline, or final)."""
    t, r = result.target, result
    start, end, when = t.baseline_year, t.target_year, r.actual_year or r.year
    if r.actual is None or when >= end or when <= start or r.status in ("baseline", "no_data", "unassessable"):
        return None
    if r.actual_bound or r.baseline_bound or r.spans_break:
        return None  # nothing is projected from a bound, or across a series break
    done, total = when - start, end - start
    how = SPECS[t.rule].projection
    if how == "none":
        return None
    if how == "average":
        return r.actual  # an average so far is the projection of the average
    if how == "cumulative":
        return finite(r.actual * total / done)
    if how == "reduction":
        left = 1 - r.actual / 100
        return None if left <= 0 else finite((1 - left ** (total / done)) * 100)
    base = r.baseline
    if base is None:
        return None
    if r.pace_method == "growth" and r.implied_cagr is not None:
        return growth.compound(r.actual, r.implied_cagr, end - when)
    straight = finite(r.actual + (r.actual - base) / done * (end - when))
    if straight is not None and r.indicator.unit == "%":
        return min(max(straight, 0.0), 100.0)  # a share cannot pass 100% or fall below 0
    return straight
