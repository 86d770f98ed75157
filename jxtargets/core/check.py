"""Which targets a set of figures can judge, and the summary of the verdicts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import policy
from .model import Actuals, Catalogue, Target
from .rules import Evaluator, Result


@dataclass(slots=True)
class Filters:
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


def check(
    catalogue: Catalogue, actuals: Actuals, year: int, filters: Filters | None = None, statuses: Iterable[str] = ()
) -> list[Result]:
    """Every target that figures for `year` can speak to.

    - a plan running at `year` (baseline < year <= target year): every target, `no_data`
      included, so that what is missing shows;
    - `year` is the plan's baseline year: the targets whose starting figure is reported;
    - a plan that ended before `year`: the targets the loaded figures can still judge.
    """
    evaluator = Evaluator(catalogue, actuals)
    wanted = set(statuses)
    out = []
    for target in targets(catalogue, filters):
        start, end = target.baseline_year, target.target_year
        if year < start:
            continue
        result = evaluator.evaluate(target, year)
        if year == start and result.status != "baseline":
            continue
        if year > end and result.actual is None and result.status != "met":
            continue  # a plan that has ended: only what the loaded figures can still judge
        if wanted and result.status not in wanted:
            continue
        out.append(result)
    return out


@dataclass(slots=True)
class Summary:
    year: int | None
    total: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_plan: dict[str, Counter] = field(default_factory=dict)
    failing: int = 0

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "total": self.total,
            "failing": self.failing,
            "by_status": {s: self.by_status[s] for s in policy.STATUSES if self.by_status[s]},
            "by_plan": {p: {s: c[s] for s in policy.STATUSES if c[s]} for p, c in self.by_plan.items()},
        }


def summarise(results: list[Result], year: int | None, fail_on=policy.FAILING_BY_DEFAULT) -> Summary:
    summary = Summary(year)
    fail = set(fail_on)
    for r in results:
        summary.total += 1
        summary.by_status[r.status] += 1
        summary.by_plan.setdefault(r.plan.id, Counter())[r.status] += 1
        if r.status in fail and r.required:
            summary.failing += 1
    return summary
