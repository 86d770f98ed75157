"""Pace in the indicator's own terms, and the outlook of an interim result.

Pace is the change a year: planned (baseline to target over the whole period), implied
(baseline to the figure judged, over the years elapsed) and required (the figure judged to the
target, over the years left). Its unit follows the indicator:

- `growth`: % a year (a CAGR) for levels of quantities that grow (GDP, patents), growth-rate
  targets (`cagr`, `relative`) and reductions of a level;
- `points`: percentage points a year for shares and rates (an indicator in %, ‰ or pp):
  urbanisation 69% → 75% in five years is 1.2 个百分点/年, never a CAGR of a share;
- `units`: the indicator's own unit a year for the other changes (新增城镇就业 30万人 in five
  years is 6万人/年).

Outlook (interim results only): `likely` when the figure projected at the pace so far meets the
target; otherwise `at_risk` when the pace still required is within policy.OUTLOOK_AT_RISK_RATIO
(1.5) times the pace achieved, and `unlikely` (预计难以完成) when it is more, or when the figure
has not moved towards the target at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import msgspec

from . import growth, policy
from .kinds import SPECS, better, near_bound

if TYPE_CHECKING:
    from .model import Indicator, Target
    from .rules import Result

PaceUnit = Literal["growth", "points", "units"]
Outlook = Literal["likely", "at_risk", "unlikely"]


class Pace(msgspec.Struct, frozen=True):
    unit: PaceUnit | None
    planned: float | None = None
    implied: float | None = None
    required: float | None = None
    years: int = 0  # the years the implied pace is measured over (1: a single year; 0: no implied pace)


def unit_of(target: Target, indicator: Indicator) -> PaceUnit | None:
    """How a target's pace is measured (None for a task or a target without arithmetic)."""
    spec = SPECS[target.rule]
    if spec.handler is None:
        return None
    if spec.measure != "own":  # growth rates, and reductions (% of the baseline)
        return "growth"
    if indicator.is_share:
        return "points"
    return "growth" if spec.on_level else "units"


def pace(result: Result) -> Pace:
    """The planned, implied and required pace of a result, in its own unit (None where undefined:
    no baseline, a bound for a figure, the baseline year for the implied pace, the target year
    for the required one)."""
    t, r = result.target, result
    unit = unit_of(t, r.indicator)
    start, end, when = t.baseline_year, t.target_year, _figure_year(r)
    done, left, years = when - start, end - when, end - start
    if unit is None or years <= 0:
        return Pace(unit)
    if unit == "growth":
        planned, implied, required = r.planned_cagr, r.implied_cagr, r.required_cagr
        if t.rule == "reduction" and planned is None and r.target_value is not None:
            # No baseline level needed: a cumulative fall of R% in n years is a rate of
            # (1 - R/100)^(1/n) - 1 a year.
            planned, implied, required = _reduction_rates(r.target_value, r.actual, done, left, years)
        if r.status == "baseline" and r.actual is None:  # a rate's baseline year: all of it still to do
            required = planned
        if required is None and t.rule == "relative" and planned is not None and implied is not None:
            required = growth.remaining_cagr(planned, implied, done, left)
        return Pace(unit, planned, implied, required, done if implied is not None else 0)
    if r.target_value is None:
        return Pace(unit)
    bound = near_bound(r.target_value, better(t, r.indicator))
    exact = getattr(r, "actual_bound", None) is None and getattr(r, "baseline_bound", None) is None
    actual = r.actual if exact else None
    base = r.baseline if exact else None
    rule = t.rule
    planned = implied = required = None
    if SPECS[rule].on_level:
        if r.status == "baseline":  # the figure is the starting level
            base = actual if base is None else base
            actual, done = (base, 0) if actual is not None else (None, 0)
        if base is not None:
            planned = (bound - base) / years
            if actual is not None and done > 0:
                implied = (actual - base) / done
        if actual is not None and left > 0:
            required = (bound - actual) / left
    elif rule == "annual_change":  # the measure is already a change a year
        planned = bound
        if r.status == "baseline":
            required = planned
        if actual is not None and done > 0:
            implied = actual
            if left > 0:
                required = (bound * years - actual * done) / left
    else:  # change, total: the measure is the change (or the sum) so far
        planned = bound / years
        if r.status == "baseline":  # the baseline year: nothing done, all of it still to do
            required = planned
        if actual is not None and done > 0:
            implied = actual / done
            if left > 0:
                required = (bound - actual) / left
    implied = _finite(implied)
    return Pace(unit, _finite(planned), implied, _finite(required), done if implied is not None else 0)


def outlook(result: Result, projection_meets: bool | None) -> Outlook | None:
    """The outlook of an interim result (None when final, not yet started, or without figures).

    `projection_meets`: whether the figure projected to the target year at the pace so far meets
    the target (core/review.py)."""
    r, t = result, result.target
    when = _figure_year(r)
    if r.year >= t.target_year or when <= t.baseline_year or r.actual is None:
        return None
    if r.status not in ("met", "on_track", "behind", "off_track"):
        return None
    if r.status == "met" or projection_meets:
        return "likely"
    p = pace(r)
    if p.implied is None or p.required is None:
        return "unlikely" if r.pace is not None and r.pace < 0 else None
    # Which way the plan moves the indicator: the sign of the planned pace (a fall for a ceiling
    # or a reduction), else the target's own direction.
    way = 1 if (p.planned or 0) > 0 else -1 if (p.planned or 0) < 0 else better(t, r.indicator)
    achieved, needed = way * p.implied, way * p.required
    if needed <= 0:
        return "likely"  # nothing more is needed
    if achieved <= 0:
        return "unlikely"  # standing still or moving away
    return "at_risk" if needed <= policy.OUTLOOK_AT_RISK_RATIO * achieved else "unlikely"


def _figure_year(result: Result) -> int:
    """The year of the figures judged: the year asked for, or the latest earlier one there is."""
    measured = getattr(result, "measured_year", None)
    return measured if measured is not None else result.year


def _reduction_rates(value, fall: float | None, done: int, left: int, years: int):
    """Planned, implied and required rates a year (negative: a fall) of a cumulative reduction."""
    total = value[0] if isinstance(value, tuple) else value
    planned = growth.cagr(1.0, 1 - total / 100, years)
    if fall is None or done <= 0:
        return planned, None, None
    implied = growth.cagr(1.0, 1 - fall / 100, done)
    required = growth.cagr(1 - fall / 100, 1 - total / 100, left) if left > 0 else None
    return planned, implied, required


def _finite(x: float | None) -> float | None:
    return growth.finite(x)
