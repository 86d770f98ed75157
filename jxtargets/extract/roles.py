"""What a number says about its indicator: a level, a growth rate, a change in percentage
points, an average growth or a total since a start year — from the words between the name and
the number, the unit as written and the indicator's own unit. Pure: no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.model import Catalogue, Indicator
from ..messages import Msg, msg
from .model import Found
from .quantities import Number

UP = ("增长", "增加", "提高", "上升", "提升", "扩大", "增")
DOWN = ("下降", "减少", "降低", "回落", "下滑", "缩小", "削减", "减")
# A verb ending in one of these gives the level reached: 提高到, 下降到, 达到, 为.
_TO = re.compile(r"(到|至|为|达|达到|突破|超过|超|逾|保持在|稳定在)$")
_FROM = re.compile(r"(由|从)$")
COMPARABLE = ("按可比价格计算", "按可比价计算", "扣除价格因素", "实际增长", "可比价")
CURRENT = ("按现价计算", "按当年价格计算", "按当年价计算", "名义增长", "现价")
_CUMULATIVE = ("累计", "共计", "合计")


@dataclass(frozen=True, slots=True)
class Role:
    field: str  # value | growth | cagr | change | annual_change | total | reduction
    value: float
    since: int | None = None
    unit: str | None = None


class Refused(Exception):
    """The number cannot be read as a figure of this indicator; `reason` is the message saying why."""

    def __init__(self, reason: Msg):
        super().__init__(reason.text("en"))
        self.reason = reason


def basis_of(sentence: str, indicator: Indicator) -> str:
    """comparable when the text says so, current when it says so; otherwise the indicator's
    convention (`growth_basis:` in the catalogue), else current prices."""
    if any(w in sentence for w in COMPARABLE):
        return "comparable"
    if any(w in sentence for w in CURRENT):
        return "current"
    return getattr(indicator, "growth_basis", None) or "current"


def _words(connector: str) -> tuple[bool, bool]:
    tail = connector[-6:]
    return any(w in tail for w in UP), any(w in tail for w in DOWN)


def role(
    indicator: Indicator,
    number: Number,
    connector: str,
    after: str,
    year: int,
    span: int | None,
    before: str = "",
) -> Role:
    """The field this number fills for `indicator`, from the words between its name and it
    (`connector`), after it, and earlier in its sentence (`before`). Raises Refused with the reason."""
    if number.kind == "structure":
        raise Refused(msg("extract.structure"))
    if number.approx:
        raise Refused(msg("extract.approximate"))
    if _FROM.search(connector) or re.match(r"(提高|增加|下降|减少|削减|调整|上升|降低)?(到|至|为)", after):
        raise Refused(msg("extract.starting_figure", of=_span_note(span)))
    rate = re.search(r"增速|增幅|增长率", connector)
    if rate and number.unit == "%" and "年均" not in connector:
        # 增速为 8.5%: the rate itself; 增速回落到 5% or 增速下降 2 个百分点 says how the rate moved
        if any(w in connector[rate.end() :] for w in DOWN + UP[1:]) and not _TO.search(connector):
            raise Refused(msg("extract.rate_change"))
        return Role("growth", number.value)
    up, down = _words(connector)
    to_level = bool(_TO.search(connector))
    averaged = "年均" in connector
    cumulative = any(w in connector for w in _CUMULATIVE)
    unit, own = number.unit, indicator.unit
    if unit == "个百分点":
        if own not in ("%", "‰", "个百分点"):
            raise Refused(msg("extract.points_for_unit", unit=own))
        if not (up or down):
            raise Refused(msg("extract.points_no_direction"))
        sign = -1.0 if down else 1.0
        if averaged:
            if span is None:
                raise Refused(msg("extract.average_change_no_start"))
            return Role("annual_change", sign * number.value, span)
        return Role("change", sign * number.value, span if cumulative and span else year - 1)
    if unit == "%" and (own != "%" or ((up or down) and not to_level)):
        if own == "%" and not averaged:
            raise Refused(msg("extract.share_up_percent" if up else "extract.share_down_percent"))
        if averaged:
            if span is None:
                raise Refused(msg("extract.average_growth_no_start"))
            if down and indicator.direction == "down":
                raise Refused(msg("extract.average_fall"))
            return Role("cagr", -number.value if down else number.value, span)
        if down and indicator.direction == "down":
            if cumulative and span is None:
                raise Refused(msg("extract.cumulative_fall_no_start"))
            return Role("reduction", number.value, span if cumulative else year - 1)
        if cumulative or (span is not None and not (up or down)):
            raise Refused(msg("extract.cumulative_rate"))
        if not (up or down):
            raise Refused(msg("extract.percent_no_direction", unit=own))
        return Role("growth", -number.value if down else number.value)
    if unit is None:
        raise Refused(msg("extract.no_unit_own", unit=own) if own else msg("extract.no_unit"))
    if own is None:
        raise Refused(msg("extract.milestone"))
    if unit != own:
        from ..loading.units import UnitError, factor

        try:
            factor(unit, own)
        except UnitError:
            raise Refused(msg("extract.unit_other_dimension", unit=unit, own=own)) from None
    if (up or down) and not to_level:
        raise Refused(msg("extract.change_in_unit", unit=unit))
    flow = own != "%" and "/" not in own and own not in ("分钟", "小时", "天", "年", "岁", "倍")
    if span is not None and flow and any(w in connector for w in _CUMULATIVE):
        return Role("total", number.value, span, None if unit == own else unit)  # 累计达到 388.25 亿元
    if span is not None and not to_level and flow:
        # 累计消灭垃圾河 898 公里，整治黑臭河 996 公里: a total only when the sentence says so.
        if not any(w in before for w in (*_CUMULATIVE, "先后")):
            raise Refused(msg("extract.total_or_level", start=span, year=year))
        return Role("total", number.value, span, None if unit == own else unit)
    if cumulative and span is None and "累计" not in indicator.name and "截至" not in connector:
        raise Refused(msg("extract.cumulative_no_start"))
    return Role("value", number.value, None, None if unit == own else unit)


def _span_note(span: int | None) -> Msg | str:
    return msg("extract.starting_figure_of", year=span) if span else ""


def within_bound(a: Found, b: Found, catalogue: Catalogue) -> bool:
    """One figure is a bound (突破5500亿元) that the other, exact, figure (5509.5) satisfies."""
    if a.field != "value" or b.field != "value" or bool(a.bound) == bool(b.bound):
        return False
    bound, exact = (a, b) if a.bound else (b, a)
    from ..loading.units import UnitError, factor

    own = catalogue.indicators[a.indicator].unit or ""
    try:
        lo = bound.value * (factor(bound.unit, own) if bound.unit else 1.0)
        value = exact.value * (factor(exact.unit, own) if exact.unit else 1.0)
    except UnitError:
        return False
    return value >= lo if bound.bound == "lower" else value <= lo
