"""The arithmetic of each kind of target (SPEC §2, §4): what figure judges it and how its
pace is read. Each handler fills a `Result` and ends in `verdict.finish`; `HANDLERS` maps the
handler names of the kinds table (kinds.py) to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import figures, growth, policy
from .kinds import SPECS, near_bound
from .verdict import Result, finish, linear_pace, pct, rate_pace

if TYPE_CHECKING:
    from .rules import Evaluator


def _level(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    actual, actual_bound = ev.level(t.indicator, res.region, when)
    if actual is None:
        res.why.append(("no_figure", {"year": when}))
        return res
    bound = near_bound(value, good)
    years, left = end - start, end - when
    if when <= start:
        res.status, res.actual, res.actual_bound = "baseline", actual, actual_bound
        if actual_bound is None:
            res.planned_cagr = growth.cagr(base if base is not None else actual, bound, years)
            res.required_cagr = growth.cagr(actual, bound, left)
        return res
    res.planned_cagr = growth.cagr(base, bound, years)
    res.implied_cagr = growth.cagr(base, actual, when - start)
    res.required_cagr = growth.cagr(actual, bound, left) if left > 0 else None
    if base is not None and bound != base:
        res.progress_pct = pct(actual - base, bound - base)
    pace = None
    if base is not None and when < end:
        if good * (actual - base) < 0 or good * (bound - base) <= 0:
            pace = -1.0  # moving away, or short of a target the baseline already met
        elif not ind.is_share and res.planned_cagr and res.implied_cagr is not None and res.planned_cagr * good > 0:
            res.pace_method = "growth"
            pace = res.implied_cagr / res.planned_cagr
        else:
            res.pace_method = "linear"
            pace = linear_pace(actual - base, (bound - base) * (when - start) / years, good)
    elif base is None and when < end:
        res.why.append(("no_baseline", {"year": start}))
    tol = policy.tolerance(t, ind, bound)
    return finish(res, actual, value, good, when >= end, True, pace, tol, actual_bound)


def _cagr(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        res = _level_as_baseline(ev, res, when)
        if res.status == "baseline":  # the whole period ahead: the planned rate is the one required
            res.planned_cagr = res.required_cagr = near_bound(value, good)
        return res
    based = ev.base(t, res.region)
    measured = ev.rate(t.indicator, res.region, start, when, based)
    rate, how = measured.value, measured.how
    end_level, _ = ev.level(t.indicator, res.region, when)
    nominal = growth.cagr(based.value, end_level, when - start)
    if how != "levels":
        res.nominal_cagr = nominal
    if rate is None or (how == "levels" and t.basis == "comparable"):
        if nominal is not None:
            res.nominal_cagr = nominal
            res.why.append(("comparable_needs_real", {"nominal": nominal}))
        else:
            res.why.append(("no_figure", {"year": when}))
        return res
    res.measured_by, res.measured_basis = how, measured.basis
    if t.basis is not None and measured.basis != t.basis:
        # Like with like: a target at one price basis is judged only on figures at that basis.
        res.status = "unassessable"
        res.why.append(("basis_differs", {"rate": rate, "basis": measured.basis, "want": t.basis}))
        return res
    bound = near_bound(value, good)
    res.planned_cagr = bound
    res.implied_cagr = rate
    res.required_cagr = growth.remaining_cagr(bound, rate, when - start, end - when)
    whole = growth.compound(1.0, bound, end - start)
    so_far = growth.compound(1.0, rate, when - start)
    if whole is not None and so_far is not None and whole != 1:
        res.progress_pct = pct(so_far - 1, whole - 1)
    res.pace_method = "growth"
    pace = rate_pace(rate, bound, good)
    tol = policy.tolerance(t, ind, bound)
    res = finish(res, rate, value, good, when >= end, False, pace, tol, measured.bound, how=how, basis=measured.basis)
    if res.nominal_cagr is not None and t.basis == "comparable":
        res.why.append(("nominal_context", {"nominal": res.nominal_cagr}))
    return res


def _level_as_baseline(ev: Evaluator, res: Result, when: int) -> Result:
    """At the baseline year itself there is nothing to judge: the starting figure is reported.

    For a target measured as a rate, a change, a sum or a fall, the figure of the baseline year
    is a level, never the measure: `actual` (in the measure's unit) stays None, since nothing has
    grown or changed yet, and the level is the baseline (`baseline_figure` says so)."""
    level, bound = ev.level(res.target.indicator, res.region, when)
    if level is not None:
        res.status = "baseline"
        res.why.append(("baseline_figure", {"year": when, "level": level, "level_bound": bound}))
    return res


def _reported_or(ev: Evaluator, res: Result, figure: str, start: int, when: int, fallback):
    reported = ev.since(res.target.indicator, res.region, start, when, figure)
    if reported is not None:
        res.measured_by = "reported"
        return reported
    value = fallback()
    if value is None:
        res.why.append(("no_figure", {"year": when}))
    else:
        res.measured_by = "computed"
    return value


def _measured_bound(ev: Evaluator, res: Result, start: int, when: int, computed: str | None) -> str | None:
    """Whether the figure judged is only a bound: one computed from a bound level, or one a
    release reports since the start year as a bound (培训 300 万人次以上)."""
    if res.measured_by == "computed":
        return computed
    if res.measured_by == "reported":
        return ev.since_bound(res.target.indicator, res.region, start, when)
    return None


def _change(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        return _level_as_baseline(ev, res, when)
    actual_level, level_bound = ev.level(t.indicator, res.region, when)

    def computed():
        return actual_level - base if actual_level is not None and base is not None else None

    change = _reported_or(ev, res, "change", start, when, computed)
    if change is None:
        return res
    bound = near_bound(value, good)
    res.progress_pct = pct(change, bound)
    if base is not None and not ind.is_share:
        res.planned_cagr = growth.cagr(base, base + bound, end - start)
        res.implied_cagr = growth.cagr(base, base + change, when - start)
        if when < end:
            res.required_cagr = growth.cagr(base + change, base + bound, end - when)
    res.pace_method = "linear"
    pace = linear_pace(change, bound * (when - start) / (end - start), good)
    tol = policy.tolerance(t, ind, bound)
    measured_bound = _measured_bound(ev, res, start, when, level_bound)
    return finish(res, change, value, good, when >= end, True, pace, tol, measured_bound)


def _annual_change(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        return _level_as_baseline(ev, res, when)
    actual_level, level_bound = ev.level(t.indicator, res.region, when)

    def computed():
        if actual_level is None or base is None:
            return None
        return (actual_level - base) / (when - start)

    per_year = _reported_or(ev, res, "annual_change", start, when, computed)
    if per_year is None:
        return res
    bound = near_bound(value, good)
    res.progress_pct = pct(per_year * (when - start), bound * (end - start))
    res.pace_method = "linear"
    pace = linear_pace(per_year, bound, good)
    tol = policy.tolerance(t, ind, bound)
    measured_bound = _measured_bound(ev, res, start, when, level_bound)
    return finish(res, per_year, value, good, when >= end, False, pace, tol, measured_bound)


def _total(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        return _level_as_baseline(ev, res, when)

    yearly = [ev.level(t.indicator, res.region, y) for y in range(start + 1, when + 1)]
    sum_bound = None
    for _, one in yearly:
        sum_bound = figures.combine(sum_bound, one)

    def computed():
        levels = [v for v, _ in yearly if v is not None]
        return sum(levels) if len(levels) == len(yearly) else None

    total = _reported_or(ev, res, "total", start, when, computed)
    if total is None:
        return res
    bound = near_bound(value, good)
    res.progress_pct = pct(total, bound)
    res.pace_method = "linear"
    pace = linear_pace(total, bound * (when - start) / (end - start), good)
    tol = policy.tolerance(t, ind, bound)
    measured_bound = _measured_bound(ev, res, start, when, sum_bound)
    return finish(res, total, value, good, when >= end, True, pace, tol, measured_bound)


def _reduction(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        return _level_as_baseline(ev, res, when)
    actual_level, level_bound = ev.level(t.indicator, res.region, when)
    fall = _reported_or(ev, res, "reduction", start, when, lambda: growth.reduction(base, actual_level))
    if fall is None:
        return res
    bound = near_bound(value, good)
    res.progress_pct = pct(fall, bound)
    if base is not None:
        res.planned_cagr = growth.cagr(base, base * (1 - bound / 100), end - start)
        res.implied_cagr = growth.cagr(base, base * (1 - fall / 100), when - start)
        if when < end:
            res.required_cagr = growth.cagr(base * (1 - fall / 100), base * (1 - bound / 100), end - when)
    res.pace_method = "growth"
    due = growth.reduction_due(bound, (when - start) / (end - start))
    pace = linear_pace(fall, due, good) if due is not None else None
    tol = policy.tolerance(t, ind, bound)
    measured_bound = _measured_bound(ev, res, start, when, figures.flip(level_bound))  # more left, less fall
    return finish(res, fall, value, good, when >= end, False, pace, tol, measured_bound)


def _relative(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    other = t.of
    if other not in ev.catalogue.indicators:
        res.status = "unassessable"
        return res
    if when <= start:
        return res
    ours = ev.rate(t.indicator, res.region, start, when, ev.base(t, res.region))
    other_base = figures.baseline_of(ev.catalogue, ev.actuals, other, res.region, start)
    their = ev.rate(other, res.region, start, when, other_base)
    mine, theirs = ours.value, their.value
    if mine is None or theirs is None:
        res.why.append(("no_figure", {"year": when}))
        return res
    res.measured_by, res.measured_basis = ours.how, ours.basis
    if ours.basis is None or ours.basis != their.basis or (t.basis is not None and ours.basis != t.basis):
        # Like with like: nominal income growth against real GDP growth says nothing.
        res.status = "unassessable"
        res.implied_cagr, res.planned_cagr = mine, theirs
        of = ev.catalogue.indicators[other]
        names = {"of": other, "name": of.name, "name_en": of.name_en}
        res.why.append(("basis_mixed", {**names, "mine": ours.basis, "theirs": their.basis}))
        return res
    res.target_value = theirs
    res.implied_cagr = mine
    res.planned_cagr = theirs
    res.pace_method = "growth"
    # `good` follows the operator: at least as fast (>=, and ~ in step), or no faster (<=: energy
    # use growing slower than GDP).
    pace = rate_pace(mine, theirs, good) if theirs > 0 or good < 0 else None
    tol = policy.tolerance(t, ind, theirs)
    measured_bound = "unknown" if their.bound else ours.bound  # against a bound, nothing is exact
    res = finish(res, mine, theirs, good, when >= end, False, pace, tol, measured_bound)
    of = ev.catalogue.indicators[other]
    res.why.append(("relative_to", {"of": other, "name": of.name, "name_en": of.name_en, "rate": theirs}))
    return res


# The arithmetic of each kind, by the handler name its KindSpec gives.
HANDLERS = {
    "level": _level,
    "cagr": _cagr,
    "change": _change,
    "annual_change": _annual_change,
    "total": _total,
    "reduction": _reduction,
    "relative": _relative,
}
assert {s.handler for s in SPECS.values() if s.handler} == set(HANDLERS)
