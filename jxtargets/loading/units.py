"""The one pint registry, with the units of Chinese statistical reporting.

pint costs ~100 ms to import, so it is imported only when a unit must be parsed or converted:
when a catalogue is validated (then cached) or when a figure is given in another unit than its
indicator's. Counting nouns (件, 个, 家, 张 …) are each their own dimension, so that 万人 never
converts to 件 and 亿元 never to 亿美元 (no exchange rate is assumed).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

# Counting nouns: each a dimension of its own, each with a 万 multiple.
COUNT_NOUNS = (
    "人 户 套 件 个 家 所 张 床 名 座 条 处 辆 次 篇 册 标箱 例 台 只 头 艘 棵 株 栋 间 块 批 "
    "部 届 期 场 站 幢 口 支 台 起 人次 吨标煤"
).split()

# The registry is built from these lines alone (no pint defaults: they take ~300 ms to parse).
_DEFINITIONS = """
meter = [length]
gram = [mass]
second = [time]
bit = [information]
ampere = [current]
元 = [money_cny]
美元 = [money_usd]
percent = 0.01 = %
个百分点 = percent
permille = 0.001
倍 = 1
kilogram = 1000 * gram
microgram = 1e-6 * gram
milligram = 1e-3 * gram
liter = 1e-3 * meter ** 3
watt = 1000 * gram * meter ** 2 / second ** 3
volt = watt / ampere
亩 = 666.6666666666666 * meter ** 2
公顷 = 10000 * meter ** 2
平方米 = meter ** 2
平方公里 = 1e6 * meter ** 2
立方米 = meter ** 3
公里 = 1000 * meter
千米 = 1000 * meter
米 = meter
吨 = 1e6 * gram
微克 = microgram
毫克 = milligram
克 = gram
升 = liter
千瓦 = 1000 * watt
千瓦时 = 1000 * watt * 3600 * second
千伏安 = 1000 * volt * ampere
Gbps = 1e9 * bit / second
Mbps = 1e6 * bit / second
分钟 = 60 * second
小时 = 3600 * second
天 = 86400 * second
年 = 365.25 * 天
岁 = 年
"""

_PREFIXES = """
万- = 1e4
亿- = 1e8
万亿- = 1e12
千万- = 1e7
百万- = 1e6
千- = 1e3
百- = 1e2
"""
# Magnitude prefixes, for conversions that need no registry (万元 -> 元, 万亿元 -> 亿元).
# Longest first: 千万元 is 1e7 元, not 千 × 万元.
_SCALE = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}


@lru_cache(maxsize=1)
def registry() -> Any:
    import pint

    ureg: Any = pint.UnitRegistry(None, on_redefinition="ignore", cache_folder=None)
    for line in (_PREFIXES + _DEFINITIONS).strip().splitlines():
        ureg.define(line)
    for noun in COUNT_NOUNS:
        if noun not in ureg:
            ureg.define(f"{noun} = [count_{noun}]")
    # 项 and 件 both count discrete items (patents are reported in either).
    ureg.define("项 = 件")
    return ureg


class UnitError(ValueError):
    """A unit the registry does not know, or cannot convert; `msg` says which (a message code)."""

    def __init__(self, code: str, **params: object):
        from ..messages import msg

        self.msg = msg(code, **params)
        super().__init__(str(self.msg))


def _normalise(unit: str) -> str:
    unit = unit.strip()
    # 万套（户）: a parenthetical alternative noun is part of the label, not of the unit.
    for open_, close in (("（", "）"), ("(", ")")):
        if open_ in unit and unit.endswith(close):
            unit = unit[: unit.index(open_)]
    return unit.replace("％", "%").replace("‰", "permille")


# Dimensionless units that only make sense on their own.
_RATIOS = frozenset(("percent", "个百分点", "permille", "倍"))


@lru_cache(maxsize=512)
def parse_unit(unit: str) -> Any:
    """The pint unit for a unit string; UnitError if the registry does not know it."""
    import pint

    ureg = registry()
    text = _normalise(unit)
    if not text or len(text) > 40 or not text.isprintable():
        raise UnitError("unit.unknown", unit=repr(unit))
    try:
        parts = [ureg.Unit(part) for part in text.split("/")]
        found = ureg.Unit(text)
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        AttributeError,
        ValueError,
        TypeError,
        SyntaxError,
        KeyError,
    ) as exc:
        raise UnitError("unit.unknown", unit=repr(unit)) from exc
    except Exception as exc:  # noqa: BLE001 - pint's parser asserts on some garbage (e.g. "\x1b")
        raise UnitError("unit.unknown", unit=repr(unit)) from exc
    # pint reads units written side by side as a product and a repeated one as a power: 69%% would
    # be 69 %² (0.69 %), 68.65万人% 0.6865 万人. A unit is one name, or names divided by '/'
    # (微克/立方米); a ratio (%, 个百分点, ‰, 倍) stands alone.
    for part in parts:
        terms = list(part._units.items())
        if len(terms) != 1 or terms[0][1] != 1 or len(parts) > 1 and terms[0][0] in _RATIOS:
            raise UnitError("unit.not_one", unit=repr(unit))
    return found


@lru_cache(maxsize=1024)
def factor(from_unit: str, to_unit: str) -> float:
    """Multiply a number in from_unit by this to express it in to_unit.

    UnitError for an unknown unit or one of another dimension."""
    if from_unit == to_unit:
        return 1.0
    quick = _prefix_factor(from_unit, to_unit)
    if quick is not None:
        return quick
    import pint

    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    try:
        value = float(registry().Quantity(1.0, src).to(dst).magnitude)
    except pint.errors.DimensionalityError as exc:
        raise UnitError("unit.not_convertible", unit=repr(from_unit), to=repr(to_unit)) from exc
    except Exception as exc:  # noqa: BLE001 - an offset or odd unit pint cannot convert
        raise UnitError("unit.not_convertible", unit=repr(from_unit), to=repr(to_unit)) from exc
    if not math.isfinite(value) or value == 0:
        raise UnitError("unit.not_convertible", unit=repr(from_unit), to=repr(to_unit))
    return value


def _split_prefix(unit: str) -> tuple[float, str]:
    for prefix, scale in _SCALE.items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return scale, unit[len(prefix) :]
    return 1.0, unit


def _prefix_factor(from_unit: str, to_unit: str) -> float | None:
    """The factor between two units that differ only by a magnitude prefix, without pint
    (importing it costs ~150 ms, most of a check's budget). None when pint must decide."""
    a, base_a = _split_prefix(from_unit)
    b, base_b = _split_prefix(to_unit)
    if base_a != base_b or base_a.startswith(("米", "克", "瓦", "伏")):  # 千米, 千克: not prefixes here
        return None
    return a / b
