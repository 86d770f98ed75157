"""Which figures judge a target: real data move under the plan, and the verdict follows them.

One place for the rules of SPEC §4 on real data:

- **Revisions re-base.** A revised figure for the plan's baseline year (from a later release's
  `revisions:`) supersedes the document's baseline in every computation; the document's figure
  is kept (`Base.document`) so that it stays visible.
- **Bounds are not figures.** A figure given as a bound ("突破10万元") is an interval, never a
  point: `kinds.decide()` says met / not met only where the whole interval agrees, else None.
- **Like with like.** A growth rate carries its price basis (comparable | current): the figure's
  own, else the indicator's `growth_basis`, else unknown; rates derived from levels are at
  current prices; chained rates of mixed bases have no basis.
- **Series breaks.** A pace across a declared break compares figures on two bases.
- **Latest available figure.** As of a year, a target is judged on the latest year at or before
  it that has a figure for it.

Nothing here raises; what cannot be known is None.
"""

from __future__ import annotations

import msgspec

from . import growth
from .kinds import SPECS
from .model import Actuals, Catalogue, Figure, Target


class Base(msgspec.Struct, frozen=True):
    """The baseline a target is measured from."""

    value: float | None
    document: float | None = None  # the plan document's figure, when a revision superseded it
    bound: str | None = None  # "lower" | "upper" when the baseline figure is only a bound

    @property
    def revised(self) -> bool:
        return self.document is not None


def baseline(catalogue: Catalogue, actuals: Actuals, target: Target, region: str) -> Base:
    """The target's baseline: a revised figure for the baseline year first, then the document's
    (the target's own, or another target's of the same indicator, year and region), then a
    release's figure for that year."""
    year = target.baseline_year
    document = target.baseline
    if document is None:
        document = document_baseline(catalogue, target.indicator, region, year)
    return _base(actuals.get(target.indicator, region, year), document)


def baseline_of(catalogue: Catalogue, actuals: Actuals, indicator: str, region: str, year: int) -> Base:
    """An indicator's baseline for `year` where no target names it (a relative target's other)."""
    return _base(actuals.get(indicator, region, year), document_baseline(catalogue, indicator, region, year))


def document_baseline(catalogue: Catalogue, indicator: str, region: str, year: int) -> float | None:
    """A baseline for `year` that a plan document gives for the indicator in `region`."""
    for other in catalogue.indicators[indicator].targets:
        if other.baseline is not None and other.baseline_year == year and (other.region or catalogue.region) == region:
            return other.baseline
    return None


def _base(figure: Figure | None, document: float | None) -> Base:
    if figure is not None and figure.value is not None and figure.revised_in is not None:
        shown = document if document is not None and document != figure.value else None
        return Base(figure.value, shown, figure.bound)
    if document is not None:
        return Base(document)
    if figure is not None and figure.value is not None:
        return Base(figure.value, None, figure.bound)
    return Base(None)


def has_figure(figure: Figure, target: Target) -> bool:
    """Whether a release's figure can speak to the target at all."""
    if SPECS[target.rule].handler is None:
        return figure.done is not None
    return figure.value is not None or figure.growth is not None or bool(figure.since)


def latest_year(actuals: Actuals, target: Target, region: str, start: int, when: int) -> int | None:
    """The latest year after `start` and at or before `when` with a figure for the target."""
    series = actuals.series(target.indicator, region)
    years = [y for y, f in series.items() if start < y <= when and has_figure(f, target)]
    return max(years) if years else None


class Rate(msgspec.Struct, frozen=True):
    value: float | None
    how: str | None = None  # reported | chained | levels
    basis: str | None = None  # comparable | current | None (unknown or mixed)
    bound: str | None = None  # a rate derived from a bound level is itself a bound


def rate(
    actuals: Actuals, indicator: str, region: str, start: int, end: int, base: Base, default_basis: str | None
) -> Rate:
    """Average growth start→end in % a year: a reported average, else the chained yearly rates,
    else the levels (current prices). Each with its price basis."""
    last = actuals.get(indicator, region, end)
    if last is not None:
        reported = last.since.get(start, {}).get("cagr")
        if reported is not None:
            return Rate(reported, "reported", last.since_basis.get(start) or default_basis, last.since_bound.get(start))
        if end - start == 1 and last.growth is not None:
            return Rate(last.growth, "reported", last.growth_basis or default_basis)
    rates, bases = [], set()
    for y in range(start + 1, end + 1):
        f = actuals.get(indicator, region, y)
        if f is None or f.growth is None:
            break
        rates.append(f.growth)
        bases.add(f.growth_basis or default_basis)
    else:
        if rates:
            return Rate(growth.chain(rates), "chained", bases.pop() if len(bases) == 1 else None)
    end_level = last.value if last is not None else None
    nominal = growth.cagr(base.value, end_level, end - start)
    if nominal is None:
        return Rate(None)
    # A lower-bound end level gives a lower bound on the rate; a bound base, the opposite.
    bound = combine(last.bound if last is not None else None, flip(base.bound))
    return Rate(nominal, "levels", "current", bound)


def flip(bound: str | None) -> str | None:
    return {"lower": "upper", "upper": "lower"}.get(bound or "")


def combine(a: str | None, b: str | None) -> str | None:
    """The bound of a figure that grows with one bounded input (`a`) and with another (`b`):
    two bounds on the same side stay one; bounds on opposite sides leave nothing known."""
    if a is None or b is None or a == b:
        return a or b
    return "unknown"
