"""Every judgement threshold of the checker, in one place.

- Pace thresholds after Eurostat's SDG progress method: the ratio r of achieved to needed pace.
- Default tolerances for `~` (左右, 基本): 5% of the target for growth rates and changes
  (precedent: the 11th FYP's 单位GDP能耗降低20%左右 was declared met at 19.1%), 1 percentage point
  for a % level or share (EUSTAT's 1 pp rule), 2% of the target for other levels.
- The same tolerance is the margin past which a met target is 超额完成 (core/labels.py).
- Outlook: the required pace against the pace achieved (OUTLOOK_AT_RISK_RATIO).
"""

from __future__ import annotations

from typing import Literal, get_args

from .kinds import SPECS
from .model import Indicator, Target

ON_TRACK_PACE = 0.95  # r >= 0.95: on_track
BEHIND_PACE = 0.60  # 0.6 <= r < 0.95: behind; below, or moving away: off_track

# Outlook of an interim result that its projection says will miss (core/pace.py): `at_risk` while
# the pace still required is at most this many times the pace achieved, `unlikely` beyond.
OUTLOOK_AT_RISK_RATIO = 1.5

RATE_TOLERANCE_SHARE = 0.05  # of the target, for rates, reductions and changes
SHARE_TOLERANCE_PP = 1.0  # percentage points, for a % level or share
LEVEL_TOLERANCE_SHARE = 0.02  # of the target, for other levels

Status = Literal[
    "met",
    "on_track",
    "behind",
    "off_track",
    "missed",
    "baseline",
    "no_data",
    "unassessable",
]
# Statuses, in order from best to worst for a target that has a verdict.
STATUSES: tuple[Status, ...] = get_args(Status)
FAILING_BY_DEFAULT: tuple[Status, ...] = ("missed", "off_track")


def pace_status(ratio: float) -> Status:
    if ratio >= ON_TRACK_PACE:
        return "on_track"
    if ratio >= BEHIND_PACE:
        return "behind"
    return "off_track"


def tolerance(target: Target, indicator: Indicator, value: float) -> float:
    if target.tolerance is not None:
        return target.tolerance
    if SPECS[target.rule].rate_tolerance:
        return abs(value) * RATE_TOLERANCE_SHARE
    if indicator.is_share:
        return SHARE_TOLERANCE_PP
    return abs(value) * LEVEL_TOLERANCE_SHARE
