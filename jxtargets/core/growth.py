"""Growth arithmetic. Rates are in percent; every function returns None where undefined."""

from __future__ import annotations

import math


def finite(x: float | None) -> float | None:
    """x, or None where it is None, infinite or NaN."""
    return x if x is not None and math.isfinite(x) else None


def cagr(start: float | None, end: float | None, years: float) -> float | None:
    """Compound annual growth rate from start to end over `years`, in percent a year."""
    if start is None or end is None or not 0 < years < math.inf or start <= 0 or end <= 0:
        return None  # an infinite span (or start, end) has no growth rate, not 0%
    if not (math.isfinite(start) and math.isfinite(end)):
        return None
    try:
        return finite(((end / start) ** (1.0 / years) - 1.0) * 100.0)
    except (OverflowError, ZeroDivisionError):
        return None


def compound(start: float, rate: float, years: float) -> float | None:
    """start grown at `rate` percent a year for `years`."""
    if rate <= -100:
        return None
    try:
        return finite(start * (1.0 + rate / 100.0) ** years)
    except OverflowError:
        return None


def chain(rates: list[float]) -> float | None:
    """Average annual rate of a run of yearly growth rates (geometric mean), in percent."""
    if not rates:
        return None
    factor = 1.0
    for r in rates:
        if r <= -100:
            return None
        factor *= 1.0 + r / 100.0
    return cagr(1.0, factor, len(rates))


def remaining_cagr(planned: float, achieved: float, done_years: int, left_years: int) -> float | None:
    """Rate a year still needed to average `planned` over the whole period, having averaged
    `achieved` over the first `done_years`."""
    if left_years <= 0 or planned <= -100 or achieved <= -100:
        return None
    try:
        need = (1 + planned / 100) ** (done_years + left_years) / (1 + achieved / 100) ** done_years
    except OverflowError:
        return None
    return cagr(1.0, need, left_years)


def reduction(start: float | None, end: float | None) -> float | None:
    """Cumulative fall from start to end, in percent of start."""
    if start is None or end is None or start <= 0:
        return None
    return finite((1.0 - end / start) * 100.0)


def reduction_due(total_reduction: float, share_of_time: float) -> float | None:
    """Cumulative reduction due after `share_of_time` of the period on a geometric path."""
    if total_reduction >= 100 or share_of_time < 0:
        return None
    return finite((1.0 - (1.0 - total_reduction / 100.0) ** share_of_time) * 100.0)
