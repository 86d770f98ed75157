"""What each kind of target is, in one table.

Every module that needs to know something about a kind of target (how it is judged, what unit
its measure is in, what a release reports for it under `since:`, its name in Chinese and
English, which operators it takes) reads it from `SPECS` here, and the two questions every
judgement asks, "which way is better?" and "which end of a range is the one to reach?", are
answered by `better()` and `near_bound()`, used by both the rules and the review.

To add a kind: add it to `Kind`, give it a `KindSpec` below, and, if it has new arithmetic, a
handler in `handlers.py` under the name given as `handler`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Literal, get_args

import msgspec

if TYPE_CHECKING:
    from .model import Indicator, Target

Kind = Literal[
    "level",
    "cagr",
    "change",
    "annual_change",
    "total",
    "reduction",
    "multiple",
    "relative",
    "external",
    "milestone",
]
KINDS: tuple[Kind, ...] = get_args(Kind)

Op = Literal[">=", "<=", ">", "<", "~", "==", "range"]
OPS: tuple[Op, ...] = get_args(Op)
# What an operator looks like in a table when the target passes, and when it fails.
OP_SYMBOL: dict[str, str] = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "~": "≈", "range": ""}
OP_FAIL_SYMBOL: dict[str, str] = {">=": "<", "<=": ">", ">": "≤", "<": "≥", "==": "≠"}

# How the measure of a kind is expressed:
#   own       the indicator's unit (pp when the indicator is a %)
#   growth    % a year, whatever the indicator's unit
#   percent   % of the baseline, whatever the indicator's unit
Measure = Literal["own", "growth", "percent"]
# How the review projects the measure to the target year at the pace so far.
Projection = Literal["level", "average", "cumulative", "reduction", "none"]

Direction = Literal[1, -1]  # +1: a larger measured figure is better; -1: a smaller one is


class KindSpec(msgspec.Struct, frozen=True):
    kind: Kind
    handler: str | None  # the arithmetic in handlers.py that judges it (None: judged elsewhere)
    zh: str  # its name in tables
    en: str
    measure: Measure = "own"
    per_year: bool = False  # the measure is "a year" (an average)
    difference: bool = False  # the measure is a difference of levels: 个百分点 for a % indicator
    rate_tolerance: bool = False  # `~` defaults to a share of the target, as for rates (policy.py)
    on_level: bool = False  # judged on the indicator's level: charted against a line
    growth_rate: bool = False  # its measure is a growth rate, at a price basis
    needs_value: bool = False  # the catalogue must give `value` (or a 力争 stretch)
    since_figure: str | None = None  # what a release reports for it under `since: {YEAR: {…}}`
    shown_by_cagr: bool = False  # `jxtargets cagr` lists it
    ops: tuple[Op, ...] = OPS  # operators it takes
    projection: Projection = "none"
    value_scaled: bool = True  # `value` is in the target's `unit:` and converted to the indicator's


SPECS: dict[str, KindSpec] = {
    s.kind: s
    for s in (
        KindSpec(
            "level", "level", "水平", "level", on_level=True, needs_value=True, shown_by_cagr=True, projection="level"
        ),
        KindSpec(
            "cagr",
            "cagr",
            "年均增速",
            "cagr",
            measure="growth",
            per_year=True,
            rate_tolerance=True,
            growth_rate=True,
            needs_value=True,
            since_figure="cagr",
            shown_by_cagr=True,
            projection="average",
            value_scaled=False,
        ),
        KindSpec(
            "change",
            "change",
            "变化",
            "change",
            difference=True,
            rate_tolerance=True,
            needs_value=True,
            since_figure="change",
            shown_by_cagr=True,
            projection="cumulative",
        ),
        KindSpec(
            "annual_change",
            "annual_change",
            "年均变化",
            "annual_change",
            per_year=True,
            difference=True,
            rate_tolerance=True,
            needs_value=True,
            since_figure="annual_change",
            projection="average",
        ),
        KindSpec("total", "total", "累计", "total", needs_value=True, since_figure="total", projection="cumulative"),
        KindSpec(
            "reduction",
            "reduction",
            "累计降低",
            "reduction",
            measure="percent",
            rate_tolerance=True,
            needs_value=True,
            since_figure="reduction",
            shown_by_cagr=True,
            projection="reduction",
            value_scaled=False,
        ),
        KindSpec(
            "multiple",
            "level",
            "倍增",
            "multiple",
            on_level=True,
            shown_by_cagr=True,
            projection="level",
            value_scaled=False,
        ),
        KindSpec(
            "relative",
            "relative",
            "相对增速",
            "relative",
            measure="growth",
            per_year=True,
            rate_tolerance=True,
            growth_rate=True,
            ops=(">=", "~", "<="),
            projection="average",
            value_scaled=False,
        ),
        KindSpec("external", None, "省下达", "external", shown_by_cagr=True),
        KindSpec("milestone", None, "任务", "milestone", ops=()),
    )
}
assert tuple(SPECS) == KINDS

# The kinds an external target can be measured as (`measure:`).
MEASURES: tuple[Kind, ...] = tuple(k for k in KINDS if SPECS[k].handler is not None)
# What a release can report under `since: {START_YEAR: {…}}`.
SINCE_FIGURES: tuple[str, ...] = tuple(s.since_figure for s in SPECS.values() if s.since_figure)
# The `since` figures that are percentages (a share of the baseline, or % a year).
PERCENT_SINCE_FIGURES: tuple[str, ...] = tuple(
    s.since_figure for s in SPECS.values() if s.since_figure and s.measure != "own"
)


def spec(target: Target) -> KindSpec:
    """The spec of the kind whose arithmetic judges `target` (an external target's `measure`)."""
    return SPECS[target.rule]


def better(target: Target, indicator: Indicator) -> Direction:
    """+1 if a larger measured figure is better for this target, -1 if a smaller one is.

    The operator decides where it can (`>=`/`>` a floor, `<=`/`<` a ceiling). For `~`, `==` and a range
    the indicator's direction decides, mirrored for a reduction (a larger fall is better for an
    indicator where more is better only if it is one where less is better); a `relative`
    target is about growing at least as fast as the other indicator, so more is better."""
    if target.op in (">=", ">"):
        return 1
    if target.op in ("<=", "<"):
        return -1
    rule = target.rule
    if rule == "relative":
        return 1
    up = indicator.direction == "up"
    if rule == "reduction":
        up = not up
    return 1 if up else -1


def near_bound(value: float | tuple[float, float], good: int) -> float:
    """The single number a gap, a path or a projection is measured to: the value itself, or
    for a range the end met first coming from the bad side (the low end when more is better)."""
    if isinstance(value, tuple):
        return value[0] if good > 0 else value[1]
    return value


def measure_unit(kind: str, unit: str | None, lang: str, per_year: bool = True) -> str:
    """The unit of a target's measure: %/年 for growth, % for a reduction, the indicator's unit
    (个百分点 for a %) for levels and changes, "/年" added for an average a year."""
    s = SPECS[kind]
    suffix = ("/年" if lang == "zh" else " a year") if per_year and s.per_year else ""
    if s.measure != "own":
        return "%" + suffix
    own = unit or ""
    if own == "%" and s.difference:
        own = "个百分点" if lang == "zh" else " pp"
    return own + suffix


def label(kind: str, lang: str) -> str:
    """A kind's name in tables."""
    s = SPECS[kind]
    return s.zh if lang == "zh" else s.en


# Float noise only: relative to the target's size, so tiny targets (0.009 人/亿元) stay exact.
_EPS = 1e-9


def ok_interval(op: str | None, value, tol: float, good: int) -> tuple[float, float, bool]:
    """The measured values that meet `op value` (SPEC §2): (low, high, strict). `~` passes within
    `tol` on the bad side and anywhere past the target on the good side; a range passes within
    the band or past it on the good side (3 of a "1-2个" target is met); `>` and `<` are strict
    (由负转正: float noise never counts as past the bound)."""
    if op == "range":
        lo, hi = value
        if good > 0:
            return lo - _EPS * abs(lo) - 1e-12, math.inf, False
        return -math.inf, hi + _EPS * abs(hi) + 1e-12, False
    eps = _EPS * abs(value) + 1e-12
    if op == ">=":
        return value - eps, math.inf, False
    if op == "<=":
        return -math.inf, value + eps, False
    if op == ">":
        return value + eps, math.inf, True
    if op == "<":
        return -math.inf, value - eps, True
    if op == "==":
        return value - eps, value + eps, False
    return (value - tol - eps, math.inf, False) if good > 0 else (-math.inf, value + tol + eps, False)


def satisfies(x: float, op: str | None, value, tol: float, good: int) -> bool:
    """Whether a measured figure meets `op value` (`ok_interval`)."""
    lo, hi, strict = ok_interval(op, value, tol, good)
    return lo < x < hi if strict else lo <= x <= hi


def decide(measured: float, bound: str, op: str | None, value, tol: float, good: int) -> bool | None:
    """Interval logic for a figure known only as a bound: True if every value the bound allows
    meets the target, False if none does, None if it depends on the exact figure."""
    if bound == "lower":
        lo, hi = measured, math.inf
    elif bound == "upper":
        lo, hi = -math.inf, measured
    else:
        return None
    ok_lo, ok_hi, _ = ok_interval(op, value, tol, good)
    if ok_lo <= lo and hi <= ok_hi:
        return True
    if hi < ok_lo or lo > ok_hi:
        return False
    return None
