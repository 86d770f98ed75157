"""Targets judged on every year of the plan, not on the final year alone.

- `every_year: each` (每年…以上: "every year at least X"): each year B+1 … T must satisfy the
  target on that year's own figure: the level for a `level` target, the growth on the previous
  year for a `cagr` target. One year short is `missed`, at once: later years cannot repair it.
  All years so far met: `on_track` before T, `met` at T. At T a year with no figure leaves the
  verdict `no_data` (the years judged and the years missing are listed).
- `every_year: mean` (年均 X of a yearly flow or rate): the mean of the yearly figures B+1 … Y must
  satisfy the target; at T that is the verdict, before T a mean already past the target is
  `on_track` and one short of it is judged by its ratio to the target (the pace thresholds of
  core/policy.py), with the mean the remaining years need. A year with no figure: `no_data`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from . import policy
from .kinds import near_bound, satisfies
from .model import Target
from .verdict import Result, finish

if TYPE_CHECKING:  # annotations only: rules imports this module
    from .rules import Evaluator


def year_figure(ev: Evaluator, target: Target, region: str, year: int) -> float | None:
    """The figure one year contributes: its level, or for a growth target its growth."""
    figure = ev.actuals.get(target.indicator, region, year)
    if figure is None:
        return None
    return figure.growth if target.rule == "cagr" else figure.value


def judge_years(ev: Evaluator, res: Result, value, good: int, start: int, end: int, when: int) -> Result:
    t = res.target
    # Every year up to the year asked counts, not only the latest one with a figure.
    when = res.as_of if res.as_of is not None else when
    res.measured_year = None
    res.why = [w for w in res.why if w[0] != "latest_figure"]
    res.time_pct = (when - start) / (end - start) * 100.0
    if when <= start:
        actual = year_figure(ev, t, res.region, when)
        if actual is not None:
            res.status, res.actual = "baseline", actual
        return res
    years = range(start + 1, when + 1)
    figures = {y: year_figure(ev, t, res.region, y) for y in years}
    known = {y: x for y, x in figures.items() if x is not None}
    missing = [y for y, x in figures.items() if x is None]
    if not known:
        res.why.append(("no_figure", {"year": when}))
        return res
    bound = near_bound(value, good)
    tol = policy.tolerance(t, res.indicator, bound)
    res.measured_by = "reported"
    if t.every_year == "mean":
        return _mean(res, known, missing, value, bound, good, tol, start, end, when)
    return _each(res, known, missing, value, good, tol, start, end, when)


def _each(res: Result, known: dict[int, float], missing: list[int], value, good, tol, start, end, when) -> Result:
    t = res.target
    marks = [(y, x, satisfies(x, t.op, value, tol, good)) for y, x in known.items()]
    short = [y for y, _, ok in marks if not ok]
    deciding = short[0] if short else max(known)
    if deciding != res.year:
        res.measured_year = deciding  # the year that decides: the first one short, else the latest
    res.progress_pct = sum(ok for _, _, ok in marks) / (end - start) * 100.0
    final = bool(short) or when >= end
    finish(res, known[deciding], value, good, final, False, None, tol, how="each_year")
    res.why.append(("year_figures", {"figures": marks}))
    if short:
        res.why.append(("year_missed", {"year": short[0]}))
    elif missing:
        res.why.append(("years_missing", {"years": missing}))
        if when >= end:
            res.status = "no_data"
    if res.stretch is not None:
        stretch_op = ">=" if good > 0 else "<="
        res.stretch_met = not missing and all(satisfies(x, stretch_op, res.stretch, 0.0, good) for x in known.values())
    return res


def _mean(res: Result, known, missing, value, bound: float, good, tol, start, end, when) -> Result:
    if missing:
        res.why.append(("years_missing", {"years": missing}))
        return res
    total = sum(known.values())
    mean = total / len(known)
    pace = None
    if mean > 0 and bound > 0:
        pace = mean / bound if good > 0 else bound / mean
    res.pace_method = "linear" if pace is not None else None
    res.progress_pct = total / (bound * (end - start)) * 100.0 if bound else None
    finish(res, mean, value, good, when >= end, False, pace, tol, how="mean_of_years")
    if when < end:
        required = (bound * (end - start) - total) / (end - when)
        if math.isfinite(required):
            res.why.append(("mean_required", {"required": required}))
    return res
