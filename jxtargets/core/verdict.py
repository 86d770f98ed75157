"""The shape of a verdict: the `Result` of judging one target, and the steps every kind's
handler ends with (`finish`: the comparison, an early `met`, or the pace thresholds; bounds by
interval logic; a baseline that is not a figure to measure from). Nothing here raises."""

from __future__ import annotations

import math

import msgspec

from . import policy
from .kinds import SPECS, decide, near_bound, satisfies
from .model import Indicator, Plan, Target
from .policy import Status


class Result(msgspec.Struct):
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
    why: list[tuple[str, dict]] = msgspec.field(default_factory=list)
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


def pct(part: float | None, whole: float | None) -> float | None:
    if part is None or whole is None or whole == 0:
        return None
    x = part / whole * 100.0
    return x if math.isfinite(x) else None


def finish(
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
        return finish_bound(res, measured, measured_bound, value, good, final, early_final, tol, context)
    ok = satisfies(measured, t.op, value, tol, good)
    res.actual = measured
    bound = near_bound(value, good)
    gap = 0.0 if ok else good * (bound - measured)
    res.gap = gap if math.isfinite(gap) else None
    res.gap_pct = pct(res.gap, abs(bound)) if bound and res.gap is not None else None
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


def finish_bound(
    res: Result, measured: float, bound: str, value, good: int, final: bool, early_final: bool, tol: float, context
) -> Result:
    """The verdict on a figure known only as a bound: interval logic (SPEC §4). Met where every
    value the bound allows meets the target, missed (final) where none does, else unassessable;
    nothing computed from the bound (gap, pace, progress, CAGR) is given as exact."""
    t = res.target
    ok = decide(measured, bound, t.op, value, tol, good)
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


def base_not_comparable(res: Result, reason: tuple[str, dict]) -> None:
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


def linear_pace(done: float, due: float, good: int) -> float:
    if due == 0:
        return math.inf if good * done >= 0 else -math.inf
    return done / due


def rate_pace(rate: float, bound: float, good: int) -> float:
    """The pace ratio of a growth rate against a rate target, in the target's direction (`good`:
    +1 a floor, -1 a ceiling). Where the target asks for a move its good way (a floor above 0, a
    ceiling below 0: 年均下降3%), the rate achieved over the rate needed, -1 for a move the other
    way. Where it allows a move the bad way (a ceiling above 0: energy use growing no faster than
    GDP's 8%; a floor below 0), the rate allowed over the rate used: 8/10 = 0.8 for 10%, above 1
    within the allowance, unbounded for a rate that does not move the bad way at all."""
    if good * bound > 0:
        return linear_pace(rate, bound, good) if good * rate >= 0 else -1.0
    if good * rate >= 0:
        return math.inf
    return bound / rate if bound != 0 else -1.0
