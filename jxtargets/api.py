"""The library: everything the command line prints can be had from Python.

>>> from jxtargets import api
>>> catalogue = api.open_catalogue()
>>> actuals = api.open_actuals(["2020"], catalogue)
>>> results = api.check(catalogue, actuals)
>>> [r.status for r in results if r.indicator.id == "gdp"][:2]
['met', 'missed']
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .core.check import Filters, Scope, summarise
from .core.check import check as _check
from .core.labels import choices
from .core.model import Actuals, Catalogue, Indicator
from .core.rules import Result
from .loading.errors import LoadError, Problem
from .loading.files import default_catalogue, resolve_inputs

__all__ = [
    "open_catalogue",
    "open_actuals",
    "resolve_inputs",
    "check",
    "summarise",
    "find_indicator",
    "Filters",
    "Scope",
    "status_choices",
    "LoadError",
]


def open_catalogue(
    path: str | Path | None = None, use_cache: bool = True, warnings: list[Problem] | None = None
) -> Catalogue:
    """The catalogue at `path` (default: the embedded Jiaxing catalogue), validated."""
    from .loading.cache import cached_catalogue

    catalogue, found = cached_catalogue(Path(path) if path else default_catalogue(), use_cache)
    if warnings is not None:
        warnings.extend(found)
    return catalogue


def open_actuals(
    items: list[str], catalogue: Catalogue, year: int | None = None, warnings: list[Problem] | None = None
) -> Actuals:
    from .loading.actuals import load_actuals

    actuals, found = load_actuals(resolve_inputs(items), catalogue, year)
    if warnings is not None:
        warnings.extend(found)
    return actuals


def check(
    catalogue: Catalogue,
    actuals: Actuals,
    year: int | None = None,
    filters: Filters | None = None,
    statuses=(),
    scope: Scope | None = None,
) -> list[Result]:
    """Judge the targets in the scope of `year` (default: the latest year): those whose period
    includes it; baselines and ended plans only when asked for (see `Scope`, which receives
    what was left out). `statuses` are engine statuses or labels (完成, 滞后, …)."""
    year = year or actuals.latest_year
    if year is None:
        return []
    return _check(catalogue, actuals, year, filters, statuses, scope)


def status_choices() -> tuple[str, ...]:
    """Every value `statuses` and `fail_on` accept: engine statuses and labels (zh and en)."""
    return choices()


def find_indicator(catalogue: Catalogue, key: str) -> Indicator:
    """An indicator by id or Chinese name; LoadError with "did you mean" otherwise."""
    if key in catalogue.indicators:
        return catalogue.indicators[key]
    for indicator in catalogue.indicators.values():
        if indicator.name == key:
            return indicator
    from .loading.fields import suggest

    names = {i.name: i.id for i in catalogue.indicators.values()}
    hint = suggest(key, catalogue.indicators, names)
    if not hint:
        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.4)
        hint = f" (did you mean {', '.join(f'{c} ({names[c]})' for c in close)}?)" if close else ""
    raise LoadError([Problem(key, None, None, f"unknown indicator{hint}")])
