"""The rules: how each kind of target is judged against reported figures.

`evaluate()` takes one target and the figures, and returns a `Result` with the status, the
figures of SPEC §4 and the reasons (`why`) as codes with parameters, which the renderers put
into words. Nothing here raises on odd input: what cannot be computed is None.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import figures, growth, policy
from .kinds import SPECS, better, near_bound
from .model import Actuals, Catalogue, Indicator, Plan, Target
from .policy import Status

_EPS = 1e-9


@dataclass(slots=True)
class Result:
    target: Target
    indicator: Indicator
    plan: Plan
    region: str
    year: int  # the year judged as of (the target year at the latest); figures may be older: measured_year
    status: Status
    baseline: float | None = None
    target_value: float | tuple[float, float] | None = None
    actual: float | None = None
    gap: float | None = None
    gap_pct: float | None = None
    progress_pct: float | None = None
    time_pct: float | None = None
    planned_cagr: float | None = None
    implied_cagr: float | None = None
    required_cagr: float | None = None
    pace: float | None = None  # ratio of achieved to needed pace, interim only
    pace_method: str | None = None  # "growth" (implied / planned CAGR) or "linear" (straight path)
    stretch: float | None = None
    stretch_met: bool | None = None
    required: bool = True  # False for a 力争-only target: reported, never required
    measured_by: str | None = None  # reported | chained | levels | computed
    nominal_cagr: float | None = None  # context for a comparable-price target, never the verdict
    why: list[tuple[str, dict]] = field(default_factory=list)
    # Real data (SPEC §4): the year asked for, the document's baseline when a revision re-based
    # it, bounds (a figure known only as "at least" / "at most"), a series break spanned, and the
    # price basis of the growth rate judged.
    as_of: int | None = None
    measured_year: int | None = None  # set when the figures judged are from before `year`
    baseline_document: float | None = None
    baseline_bound: str | None = None
    actual_bound: str | None = None
    target_bound: str | None = None
    break_year: int | None = None
    measured_basis: str | None = None

    @property
    def actual_year(self) -> int | None:
        """The year of the figure judged (the latest at or before the year asked for)."""
        if self.actual is None:
            return None
        return self.measured_year if self.measured_year is not None else self.year

    @property
    def spans_break(self) -> bool:
        return self.break_year is not None

    @property
    def baseline_year(self) -> int:
        return self.target.baseline_year

    @property
    def target_year(self) -> int:
        return self.target.target_year


def satisfies(x: float, op: str | None, value, tol: float, good: int) -> bool:
    # Float noise only: relative to the target's size, so tiny targets (0.009 人/亿元) stay exact.
    if op == "range":
        # Within the band, or past it on the good side (3 of a "1-2个" target is met).
        lo, hi = value
        if good > 0:
            return x >= lo - _EPS * abs(lo) - 1e-12
        return x <= hi + _EPS * abs(hi) + 1e-12
    eps = _EPS * abs(value) + 1e-12
    if op == ">=":
        return x >= value - eps
    if op == "<=":
        return x <= value + eps
    if op == ">":  # strict (由负转正): float noise never counts as past the bound
        return x > value + eps
    if op == "<":
        return x < value - eps
    if op == "==":
        return abs(x - value) <= eps
    # "~": within tolerance on the bad side; anything past it on the good side passes too.
    return x >= value - tol - eps if good > 0 else x <= value + tol + eps


def _pct(part: float | None, whole: float | None) -> float | None:
    if part is None or whole is None or whole == 0:
        return None
    x = part / whole * 100.0
    return x if math.isfinite(x) else None


class Evaluator:
    """Judges targets against one set of figures. Baselines and growth series are looked up
    once per (indicator, region) and reused across targets."""

    def __init__(self, catalogue: Catalogue, actuals: Actuals):
        self.catalogue = catalogue
        self.actuals = actuals

    # -- figures ---------------------------------------------------------------------------

    def base(self, target: Target, region: str) -> figures.Base:
        return figures.baseline(self.catalogue, self.actuals, target, region)

    def baseline_level(self, target: Target, region: str) -> float | None:
        return self.base(target, region).value

    def since(self, indicator: str, region: str, start: int, end: int, figure: str) -> float | None:
        f = self.actuals.get(indicator, region, end)
        if f is None:
            return None
        return f.since.get(start, {}).get(figure)

    def level(self, indicator: str, region: str, year: int) -> tuple[float | None, str | None]:
        """A release's level for the year, and whether it is only a bound."""
        f = self.actuals.get(indicator, region, year)
        return (f.value, f.bound) if f is not None and f.value is not None else (None, None)

    def rate(self, indicator: str, region: str, start: int, end: int, base: figures.Base) -> figures.Rate:
        """Average growth start→end in % a year, how it was measured and at which price basis."""
        default = self.catalogue.indicators[indicator].growth_basis
        return figures.rate(self.actuals, indicator, region, start, end, base, default)

    # -- evaluation ------------------------------------------------------------------------

    def evaluate(self, target: Target, year: int) -> Result:
        indicator = self.catalogue.indicators[target.indicator]
        plan = self.catalogue.plans[target.plan]
        region = target.region or self.catalogue.region
        start, end = target.baseline_year, target.target_year
        when = min(year, end)
        rule = target.rule
        res = Result(target, indicator, plan, region, when, "no_data", as_of=when)
        if rule != "milestone" and when > start:
            # As of a year, each target is judged on its latest figure at or before it.
            latest = figures.latest_year(self.actuals, target, region, start, when)
            if latest is not None and latest < when:
                when = res.measured_year = latest
                res.why.append(("latest_figure", {"year": latest}))
        res.time_pct = _pct(when - start, end - start) if end > start else None

        if target.kind == "external" and target.value is None:
            res.status = "unassessable"
            res.why.append(("external_no_value", {}))
            return res
        if rule == "milestone":
            return self._milestone(res, when)

        value = target.value
        stretch = target.stretch
        if value is None and SPECS[rule].needs_value:
            value, stretch, res.required = stretch, None, False
            res.why.append(("stretch_only", {}))
            if value is None:
                res.status = "unassessable"
                return res
        based = self.base(target, region)
        base = res.baseline = based.value
        res.baseline_document, res.baseline_bound = based.document, based.bound
        if based.revised:
            res.why.append(("rebased", {"value": based.value, "document": based.document}))
        if rule == "multiple":
            if base is None:
                res.status = "unassessable"
                res.why.append(("no_baseline", {"year": start}))
                return res
            factor = target.factor
            if factor is None:  # 力争再翻一番: the only factor is a stretch
                factor, stretch, res.required = stretch, None, False
                res.why.append(("stretch_only", {}))
            if factor is None:  # the catalogue validator refuses this; a library user may not
                res.status = "unassessable"
                res.why.append(("no_factor", {}))
                return res
            value = base * factor
            if stretch is not None:
                stretch = base * stretch
            res.target_bound = based.bound  # twice a lower bound is only a lower bound
        res.target_value = value
        res.stretch = stretch

        good = better(target, indicator)
        if target.every_year:
            from .yearly import judge_years  # 每年/年均 targets: one verdict from every year's figure

            return judge_years(self, res, value, good, start, end, when)
        handler = _HANDLERS[SPECS[rule].handler or ""]
        res = handler(self, res, value, base, good, start, end, when)
        if indicator.is_share and SPECS[rule].on_level:
            # A CAGR of a share has no meaning: its pace is in points a year (core/pace.py).
            res.planned_cagr = res.implied_cagr = res.required_cagr = None
        if res.actual is not None or res.status not in ("no_data", "unassessable"):
            res.break_year = self.actuals.break_between(target.indicator, region, start, when)
            if res.break_year is not None:
                _base_not_comparable(res, ("spans_break", {"year": res.break_year}))
            if based.bound is not None:
                _base_not_comparable(res, ("baseline_bound", {"bound": based.bound, "year": start}))
        if res.as_of is not None and res.as_of >= end > when and res.status not in ("no_data", "unassessable"):
            # A final verdict needs the target year's figure: an earlier one is context only.
            res.status = "unassessable"
            res.why.append(("no_final_figure", {"year": when, "due": end}))
        return res

    def _milestone(self, res: Result, when: int) -> Result:
        t = res.target
        if t.aim:
            res.required = False
            res.why.append(("stretch_only", {}))
        done = None
        for y in range(t.baseline_year, when + 1):
            f = self.actuals.get(t.indicator, res.region, y)
            if f is not None and f.done is not None:
                done = f.done
                res.year = y
        if done is True:
            res.status = "met"
            res.why.append(("milestone_done", {"year": res.year}))
        elif done is False and when >= t.target_year:
            res.status = "missed"
            res.why.append(("milestone_not_done", {"year": res.year}))
        elif done is False:
            res.status = "unassessable"
            res.why.append(("milestone_pending", {"due": t.target_year}))
        else:
            res.status = "no_data"
        return res


def _finish(
    res: Result,
    measured: float,
    value,
    good: int,
    final: bool,
    early_final: bool,
    pace: float | None,
    tol: float,
    measured_bound: str | None = None,
    **context,
) -> Result:
    """Shared verdict: final comparison, early `met`, or the pace thresholds."""
    t = res.target
    if measured_bound is not None:
        return _finish_bound(res, measured, measured_bound, value, good, final, early_final, tol, context)
    ok = satisfies(measured, t.op, value, tol, good)
    res.actual = measured
    bound = near_bound(value, good)
    gap = 0.0 if ok else good * (bound - measured)
    res.gap = gap if math.isfinite(gap) else None
    res.gap_pct = _pct(res.gap, abs(bound)) if bound and res.gap is not None else None
    if res.stretch is not None:
        stretch_op = ">=" if good > 0 else "<="
        res.stretch_met = satisfies(measured, stretch_op, res.stretch, 0.0, good)
    res.why.append(
        (
            "compare",
            {
                "ok": ok,
                "measured": measured,
                "op": t.op,
                "value": value,
                "tol": tol if t.op == "~" else None,
                **context,
            },
        )
    )
    if final:
        res.status = "met" if ok else "missed"
    elif ok and early_final and t.op in (">=", "<="):
        res.status = "met"
        res.why.append(("reached_early", {}))
    elif ok:
        # Where the target stands already: at least on track, whatever the pace arithmetic.
        res.pace = pace if pace is not None and math.isfinite(pace) else None
        res.status = "on_track"
    elif pace is None:
        res.status = "unassessable"
    else:
        res.pace = pace if math.isfinite(pace) else (1e9 if pace > 0 else -1e9)
        res.status = policy.pace_status(pace)
        res.why.append(("pace", {"ratio": res.pace, "method": res.pace_method}))
    return res


def _finish_bound(
    res: Result, measured: float, bound: str, value, good: int, final: bool, early_final: bool, tol: float, context
) -> Result:
    """The verdict on a figure known only as a bound: interval logic (SPEC §4). Met where every
    value the bound allows meets the target, missed (final) where none does, else unassessable;
    nothing computed from the bound (gap, pace, progress, CAGR) is given as exact."""
    t = res.target
    ok = figures.decide(measured, bound, t.op, value, tol, good)
    res.actual, res.actual_bound = measured, bound
    res.implied_cagr = res.required_cagr = res.progress_pct = res.pace = None
    res.gap = res.gap_pct = 0.0 if ok else None
    params = {"ok": ok, "measured": measured, "bound": bound, "op": t.op, "value": value}
    res.why.append(("compare", {**params, "tol": tol if t.op == "~" else None, **context}))
    if ok and (final or (early_final and t.op in (">=", "<="))):
        res.status = "met"
        if not final:
            res.why.append(("reached_early", {}))
    elif ok:
        res.status = "on_track"
    elif ok is False and final:
        res.status = "missed"
    else:
        res.status = "unassessable"
        res.why.append(("bound_undecided", {"bound": bound}))
    return res


def _base_not_comparable(res: Result, reason: tuple[str, dict]) -> None:
    """The baseline is not a figure to measure from (a bound, or on the other side of a series
    break): nothing computed from it is exact, and a verdict that rests on it is unassessable.
    A verdict from the figure itself against the target (a level reached, a reported average)
    stands, marked."""
    res.why.append(reason)
    spec = SPECS[res.target.rule]
    from_levels = res.measured_by in ("computed", "levels")
    if spec.on_level or from_levels:
        res.planned_cagr = res.implied_cagr = res.progress_pct = None
    if spec.on_level and res.target.rule == "multiple":
        res.required_cagr = None
    paced = any(code == "pace" for code, _ in res.why)
    if res.target.rule == "multiple" or from_levels or paced:
        res.pace = None
        res.why[:] = [w for w in res.why if w[0] != "pace"]  # a ratio from such a base is not one
        if res.status not in ("no_data", "baseline"):
            res.status = "unassessable"
            res.gap = res.gap_pct = None


def _linear_pace(done: float, due: float, good: int) -> float:
    if due == 0:
        return math.inf if good * done >= 0 else -math.inf
    return done / due


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
        res.progress_pct = _pct(actual - base, bound - base)
    pace = None
    if base is not None and when < end:
        if good * (actual - base) < 0 or good * (bound - base) <= 0:
            pace = -1.0  # moving away, or short of a target the baseline already met
        elif not ind.is_share and res.planned_cagr and res.implied_cagr is not None and res.planned_cagr * good > 0:
            res.pace_method = "growth"
            pace = res.implied_cagr / res.planned_cagr
        else:
            res.pace_method = "linear"
            pace = _linear_pace(actual - base, (bound - base) * (when - start) / years, good)
    elif base is None and when < end:
        res.why.append(("no_baseline", {"year": start}))
    tol = policy.tolerance(t, ind, bound)
    return _finish(res, actual, value, good, when >= end, True, pace, tol, actual_bound)


def _cagr(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        return _level_as_baseline(ev, res, when)
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
        res.progress_pct = _pct(so_far - 1, whole - 1)
    res.pace_method = "growth"
    pace = _linear_pace(rate, bound, good) if good * rate >= 0 or good * bound < 0 else -1.0
    tol = policy.tolerance(t, ind, bound)
    res = _finish(res, rate, value, good, when >= end, False, pace, tol, measured.bound, how=how, basis=measured.basis)
    if res.nominal_cagr is not None and t.basis == "comparable":
        res.why.append(("nominal_context", {"nominal": res.nominal_cagr}))
    return res


def _level_as_baseline(ev: Evaluator, res: Result, when: int) -> Result:
    """At the baseline year itself there is nothing to judge: show the starting figure."""
    actual, bound = ev.level(res.target.indicator, res.region, when)
    if actual is not None:
        res.status, res.actual, res.actual_bound = "baseline", actual, bound
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
    res.progress_pct = _pct(change, bound)
    if base is not None and not ind.is_share:
        res.planned_cagr = growth.cagr(base, base + bound, end - start)
        res.implied_cagr = growth.cagr(base, base + change, when - start)
        if when < end:
            res.required_cagr = growth.cagr(base + change, base + bound, end - when)
    res.pace_method = "linear"
    pace = _linear_pace(change, bound * (when - start) / (end - start), good)
    tol = policy.tolerance(t, ind, bound)
    measured_bound = level_bound if res.measured_by == "computed" else None
    return _finish(res, change, value, good, when >= end, True, pace, tol, measured_bound)


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
    res.progress_pct = _pct(per_year * (when - start), bound * (end - start))
    res.pace_method = "linear"
    pace = _linear_pace(per_year, bound, good)
    tol = policy.tolerance(t, ind, bound)
    measured_bound = level_bound if res.measured_by == "computed" else None
    return _finish(res, per_year, value, good, when >= end, False, pace, tol, measured_bound)


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
    res.progress_pct = _pct(total, bound)
    res.pace_method = "linear"
    pace = _linear_pace(total, bound * (when - start) / (end - start), good)
    tol = policy.tolerance(t, ind, bound)
    measured_bound = sum_bound if res.measured_by == "computed" else None
    return _finish(res, total, value, good, when >= end, True, pace, tol, measured_bound)


def _reduction(ev: Evaluator, res: Result, value, base, good, start, end, when) -> Result:
    t, ind = res.target, res.indicator
    if when <= start:
        return _level_as_baseline(ev, res, when)
    actual_level, level_bound = ev.level(t.indicator, res.region, when)
    fall = _reported_or(ev, res, "reduction", start, when, lambda: growth.reduction(base, actual_level))
    if fall is None:
        return res
    bound = near_bound(value, good)
    res.progress_pct = _pct(fall, bound)
    if base is not None:
        res.planned_cagr = growth.cagr(base, base * (1 - bound / 100), end - start)
        res.implied_cagr = growth.cagr(base, base * (1 - fall / 100), when - start)
        if when < end:
            res.required_cagr = growth.cagr(base * (1 - fall / 100), base * (1 - bound / 100), end - when)
    res.pace_method = "growth"
    due = growth.reduction_due(bound, (when - start) / (end - start))
    pace = _linear_pace(fall, due, good) if due is not None else None
    tol = policy.tolerance(t, ind, bound)
    measured_bound = figures.flip(level_bound) if res.measured_by == "computed" else None  # more left, less fall
    return _finish(res, fall, value, good, when >= end, False, pace, tol, measured_bound)


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
    pace = _linear_pace(mine, theirs, 1) if theirs > 0 else None
    tol = policy.tolerance(t, ind, theirs)
    measured_bound = "unknown" if their.bound else ours.bound  # against a bound, nothing is exact
    res = _finish(res, mine, theirs, 1, when >= end, False, pace, tol, measured_bound)
    of = ev.catalogue.indicators[other]
    res.why.append(("relative_to", {"of": other, "name": of.name, "name_en": of.name_en, "rate": theirs}))
    return res


# The arithmetic of each kind, by the handler name its KindSpec gives.
_HANDLERS = {
    "level": _level,
    "cagr": _cagr,
    "change": _change,
    "annual_change": _annual_change,
    "total": _total,
    "reduction": _reduction,
    "relative": _relative,
}
assert {s.handler for s in SPECS.values() if s.handler} == set(_HANDLERS)
