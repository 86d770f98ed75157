"""The one label a result carries, in the official vocabulary of the moment it is judged at.

A plan is judged in two moments, each with its own words:

- final (as of the target year or later): 完成 / 超额完成 / 未完成, and 无法评估;
- interim (between the baseline and the target year): 提前实现 / 快于预期 / 基本符合预期 / 滞后 /
  逆向 / 未到期, and 无法评估.

The engine's statuses (`met`, `on_track`, `behind`, `off_track`, `missed`, `baseline`, `no_data`,
`unassessable`) stay the machine-readable grain under the label: exit codes and `--fail-on` use
them. `label()` is the only place that maps one onto the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import policy
from .kinds import SPECS, better, near_bound

if TYPE_CHECKING:
    from .rules import Result

FINAL_TERMS = ("超额完成", "完成", "未完成")
INTERIM_TERMS = ("提前实现", "快于预期", "基本符合预期", "滞后", "逆向", "未到期")
UNASSESSABLE = "无法评估"
# Every label, in the order summaries list them: final words, interim words, then 无法评估.
TERMS = FINAL_TERMS + INTERIM_TERMS + (UNASSESSABLE,)
TERMS_EN = {
    "超额完成": "exceeded",
    "完成": "met",
    "未完成": "missed",
    "提前实现": "achieved early",
    "快于预期": "ahead of schedule",
    "基本符合预期": "as expected",
    "滞后": "lagging",
    "逆向": "going backwards",
    "未到期": "not yet due",
    "无法评估": "cannot be assessed",
}
# What `--status` and `--fail-on` accept besides the engine statuses: the labels in either language.
BY_NAME = {**{t: t for t in TERMS}, **{en: t for t, en in TERMS_EN.items()}}


def is_final(result: Result) -> bool:
    """Judged as of the target year or later: the year asked for (`as_of`, capped at the target
    year) where the result has one, else the year of the figures judged."""
    asked = getattr(result, "as_of", None)
    return (asked if asked is not None else result.year) >= result.target.target_year


def label(result: Result) -> str:
    """The official label of a result.

    final:   met -> 超额完成 when the figure passes the target by more than its tolerance
             (policy.tolerance) or reaches the stretch target, else 完成; missed -> 未完成;
             judged on an earlier year's figure and not yet reached -> 无法评估;
    interim: met -> 提前实现; on_track -> 快于预期 when the pace ratio is above 1, else
             基本符合预期; behind, off_track -> 逆向 when the figure moved away from the target,
             else 滞后; baseline (nothing to judge yet) and a task not yet due -> 未到期;
    always:  no_data, unassessable -> 无法评估."""
    status = result.status
    if status in ("no_data", "unassessable"):
        if status == "unassessable" and any(code == "milestone_pending" for code, _ in result.why):
            return "未到期"
        return UNASSESSABLE
    if is_final(result):
        if status == "met":
            return "超额完成" if exceeded(result) else "完成"
        if status == "missed":
            return "未完成"
        # A finished plan judged on a figure of an earlier year (the target year's is not out):
        # not yet reached is not a final verdict.
        return UNASSESSABLE
    if status == "met":
        return "提前实现"
    if status == "on_track":
        return "快于预期" if result.pace is not None and result.pace > 1 + 1e-9 else "基本符合预期"
    if status in ("behind", "off_track", "missed"):
        return "逆向" if moving_away(result) else "滞后"
    return "未到期"  # baseline


def exceeded(result: Result) -> bool:
    """A met target passed by more than its tolerance on the good side, or its stretch reached."""
    if result.stretch_met:
        return True
    r, t = result, result.target
    if r.actual is None or r.target_value is None or t.op is None:
        return False
    good = better(t, r.indicator)
    value = r.target_value
    far = (value[1] if good > 0 else value[0]) if isinstance(value, tuple) else value
    margin = policy.tolerance(t, r.indicator, far)
    return good * (r.actual - far) > margin + 1e-9 * max(abs(far), 1.0)


def moving_away(result: Result) -> bool:
    """The figure moved from the baseline away from the target."""
    if result.pace is not None and result.pace < 0:
        return True
    r, t = result, result.target
    if r.baseline is None or r.actual is None or not SPECS[t.rule].on_level or r.target_value is None:
        return False
    bound = near_bound(r.target_value, better(t, r.indicator))
    return (bound - r.baseline) * (r.actual - r.baseline) < 0


def resolve(names: tuple[str, ...]) -> tuple[str, ...]:
    """Statuses and labels as given on the command line, labels in Chinese; unknown names kept.
    An engine status wins over an English label of the same spelling (`met`, `missed`)."""
    return tuple(n if n in policy.STATUSES else BY_NAME.get(n, n) for n in names)


def matches(result: Result, wanted: set[str]) -> bool:
    """Whether a result has one of the engine statuses or labels in `wanted`."""
    return result.status in wanted or label(result) in wanted


def choices() -> tuple[str, ...]:
    """Every value `--status` and `--fail-on` accept."""
    return tuple(dict.fromkeys(policy.STATUSES + TERMS + tuple(TERMS_EN.values())))
