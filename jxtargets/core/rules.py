"""The rules: how each kind of target is judged against reported figures.

`Evaluator.evaluate()` takes one target and the figures, and returns a `Result` with the status,
the figures of SPEC §4 and the reasons (`why`) as codes with parameters, which the renderers put
into words. Which figures judge a target is `figures.py`; each kind's arithmetic is
`handlers.py`; the shape of a verdict is `verdict.py`. Nothing here raises on odd input: what
cannot be computed is None.
"""

from __future__ import annotations

from . import figures
from .handlers import HANDLERS
from .kinds import SPECS, better
from .kinds import satisfies as satisfies  # re-exported: the review and the yearly rules use it
from .model import Actuals, Catalogue, Target
from .verdict import Result as Result  # re-exported: where every caller has found it
from .verdict import base_not_comparable, pct


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

    def since_bound(self, indicator: str, region: str, start: int, end: int) -> str | None:
        """ "lower" / "upper" when the figures a release reports since `start` are only bounds."""
        f = self.actuals.get(indicator, region, end)
        return None if f is None else f.since_bound.get(start)

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
        res.time_pct = pct(when - start, end - start) if end > start else None

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
        handler = HANDLERS[SPECS[rule].handler or ""]
        res = handler(self, res, value, base, good, start, end, when)
        if indicator.is_share and SPECS[rule].on_level:
            # A CAGR of a share has no meaning: its pace is in points a year (core/pace.py).
            res.planned_cagr = res.implied_cagr = res.required_cagr = None
        if res.actual is not None or res.status not in ("no_data", "unassessable"):
            res.break_year = self.actuals.break_between(target.indicator, region, start, when)
            if res.break_year is not None:
                base_not_comparable(res, ("spans_break", {"year": res.break_year}))
            if based.bound is not None:
                base_not_comparable(res, ("baseline_bound", {"bound": based.bound, "year": start}))
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
