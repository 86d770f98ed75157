"""Which targets a set of figures can judge, and the summary of the verdicts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import msgspec

from . import policy
from .labels import TERMS, label, matches, resolve
from .model import Actuals, Catalogue, Target
from .rules import Evaluator, Result


class Filters(msgspec.Struct):
    plans: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()

    def accepts(self, target: Target, catalogue: Catalogue) -> bool:
        if self.plans and target.plan not in self.plans:
            return False
        if self.regions and (target.region or catalogue.region) not in self.regions:
            return False
        if self.kinds and target.kind not in self.kinds:
            return False
        if self.indicators and target.indicator not in self.indicators:
            return False
        if self.categories and catalogue.indicators[target.indicator].category not in self.categories:
            return False
        if self.attributes and target.attribute not in self.attributes:
            return False
        if self.leads and not any(lead in units for lead in self.leads for units in (target.lead, target.partners)):
            return False
        return True


def targets(catalogue: Catalogue, filters: Filters | None = None) -> Iterable[Target]:
    filters = filters or Filters()
    for target in catalogue.targets():
        if filters.accepts(target, catalogue):
            yield target


class Scope(msgspec.Struct):
    """What `check YEAR` judges, and how many targets it left out and why.

    A check of YEAR judges the targets whose period includes YEAR (baseline < YEAR <= target
    year). Two kinds of target are left out unless asked for:
    - YEAR is only the target's baseline (nothing to judge yet): asked for with the status
      `baseline` (or its label 未到期), or by naming the plan;
    - the plan ended before YEAR: asked for by naming the plan; it is then judged as of its
      target year with the figures loaded.
    """

    year: int
    plans: tuple[str, ...] = ()  # plans asked for by name
    baseline_asked: bool = False
    left_baseline: int = 0  # targets left out because YEAR is only their baseline
    left_ended: int = 0  # targets of plans that ended before YEAR, left out
    years: set[int] = msgspec.field(default_factory=set)  # the years of the results judged

    def admits(self, target: Target) -> str | None:
        """None if the target is in scope, else why not: "before", "baseline" or "ended"."""
        start, end = target.baseline_year, target.target_year
        if self.year < start:
            return "before"
        if self.year == start and not (self.baseline_asked or target.plan in self.plans):
            return "baseline"
        if self.year > end and target.plan not in self.plans:
            return "ended"
        return None

    @property
    def several_years(self) -> bool:
        return len(self.years) > 1


def check(
    catalogue: Catalogue,
    actuals: Actuals,
    year: int,
    filters: Filters | None = None,
    statuses: Iterable[str] = (),
    scope: Scope | None = None,
    whole: bool = False,
) -> list[Result]:
    """Every target in the scope of a check of `year` (see `Scope`), with the statuses or labels
    in `statuses` if any are given. `scope` (optional) receives what was left out and the years
    judged; `whole` judges every target the figures can speak to, ended plans and baselines
    included (the review's view).

    - a plan running at `year`: every target, `no_data` included, so that what is missing shows;
    - `year` is the plan's baseline year: the targets whose starting figure is reported;
    - a plan that ended before `year`: the targets the loaded figures can still judge.
    """
    evaluator = Evaluator(catalogue, actuals)
    wanted = set(resolve(tuple(statuses)))
    filters = filters or Filters()
    if scope is None:
        scope = Scope(year)
    scope.plans = filters.plans
    scope.baseline_asked = bool(wanted & {"baseline", "未到期"})
    out = []
    for target in targets(catalogue, filters):
        start, end = target.baseline_year, target.target_year
        if year < start:
            continue
        why_out = None if whole else scope.admits(target)
        if why_out == "before":
            continue
        if why_out == "ended" and not _has_figures(actuals, target, catalogue.region):
            continue  # left out, and not counted: no figure could judge it (as evaluating it shows)
        result = evaluator.evaluate(target, year)
        if year == start and result.status != "baseline":
            continue
        if year > end and (result.actual is None or result.measured_year is not None) and result.status != "met":
            continue  # a plan that has ended: only what its target year's figures can still judge
        if why_out == "baseline":
            scope.left_baseline += 1
            continue
        if why_out == "ended":
            scope.left_ended += 1
            continue
        if wanted and not matches(result, wanted):
            continue
        scope.years.add(result.year)
        out.append(result)
    return out


def _has_figures(actuals: Actuals, target: Target, home: str) -> bool:
    """Whether any figure of the target's indicator (or of the one it is relative to) is loaded
    for its region: without one, evaluating it gives no figure to count it by."""
    region = target.region or home
    return bool(actuals.series(target.indicator, region)) or (
        target.of is not None and bool(actuals.series(target.of, region))
    )


class Summary(msgspec.Struct):
    year: int | None
    total: int = 0
    by_status: Counter = msgspec.field(default_factory=Counter)
    by_plan: dict[str, Counter] = msgspec.field(default_factory=dict)
    by_label: Counter = msgspec.field(default_factory=Counter)
    failing: int = 0
    scope: Scope | None = None

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "total": self.total,
            "failing": self.failing,
            "by_status": {s: self.by_status[s] for s in policy.STATUSES if self.by_status[s]},
            "by_plan": {p: {s: c[s] for s in policy.STATUSES if c[s]} for p, c in self.by_plan.items()},
            "by_label": {t: self.by_label[t] for t in TERMS if self.by_label[t]},
            **(
                {}
                if self.scope is None
                else {
                    "years": sorted(self.scope.years),
                    "left_out": {"baseline": self.scope.left_baseline, "ended": self.scope.left_ended},
                }
            ),
        }


def summarise(
    results: list[Result], year: int | None, fail_on=policy.FAILING_BY_DEFAULT, scope: Scope | None = None
) -> Summary:
    """Counts per status, plan and label; `failing` counts the required results whose status or
    label is in `fail_on` (engine statuses or labels, in either language)."""
    summary = Summary(year, scope=scope)
    fail = set(resolve(tuple(fail_on)))
    for r in results:
        summary.total += 1
        summary.by_status[r.status] += 1
        summary.by_plan.setdefault(r.plan.id, Counter())[r.status] += 1
        summary.by_label[label(r)] += 1
        if r.required and (r.status in fail or label(r) in fail):
            summary.failing += 1
    return summary
