"""Numbers and their units as reports write them: 5509.5亿元, 68.65万人, 64124元, 2.5%,
1.2个百分点, 1.687：1, 突破千亿. Units are read by the one unit registry (`loading.units`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"(?<![0-9A-Za-z.．_])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![0-9A-Za-z])")
_RATIO = re.compile(r"(\d+(?:\.\d+)?)[：:]1(?![0-9.：:])")
_STRUCTURE = re.compile(r"\d+(?:\.\d+)?(?:[：:]\d+(?:\.\d+)?){2,}")
# 突破千亿, 超百亿: a round magnitude written in characters, in yuan.
_MAGNITUDE = re.compile(r"(?<=突破|超过|跨越|迈上|跃上)([千百])亿(元)?|(?<=超)([千百])亿(元)?")
_MAGNITUDES = {"千": 1000.0, "百": 100.0}
_UNIT_CHARS = re.compile(r"[\u4e00-\u9fff/%‰A-Za-z·]")
LOWER_BEFORE = ("突破", "超过", "逾", "超", "高于")
_UPPER_BEFORE = ("不到", "不足", "低于", "少于")
_APPROX_BEFORE = ("接近", "近", "约", "大约", "将近")
_LOWER_AFTER = ("以上", "多", "余")
_UPPER_AFTER = ("以下", "以内")
_APPROX_AFTER = ("左右", "上下")


@dataclass(frozen=True, slots=True)
class Number:
    start: int  # the number's first character
    end: int  # after its unit and qualifier
    value: float
    unit: str | None
    raw: str  # as written, number and unit
    bound: str | None = None  # lower | upper
    approx: bool = False
    kind: str = "plain"  # plain | ratio | structure
    parts: tuple[float, ...] = ()  # a structure's shares, 3.8：50.9：45.3


def _unit_after(text: str, pos: int) -> tuple[str | None, int]:
    """The longest unit the registry knows that starts at text[pos] (at most 8 characters)."""
    from ..loading.units import UnitError, parse_unit

    stop = pos
    while stop < len(text) and stop - pos < 8 and _UNIT_CHARS.match(text[stop]):
        stop += 1
    for end in range(stop, pos, -1):
        candidate = text[pos:end]
        if candidate[-1] in "/·" or candidate in ("多", "余"):
            continue
        try:
            parse_unit(candidate)
        except UnitError:
            continue
        return candidate, end
    return None, pos


def numbers(text: str) -> list[Number]:
    """Every number in a whitespace-free sentence with its unit and bound, left to right.

    Years (2016年), dates (4月21日) and ordinals (第三) are not figures and are not returned."""
    out: list[Number] = []
    taken: set[int] = set()
    for m in _STRUCTURE.finditer(text):
        parts = tuple(float(p) for p in re.split("[：:]", m.group()))
        out.append(Number(m.start(), m.end(), 0.0, "%", m.group(), kind="structure", parts=parts))
        taken.update(range(m.start(), m.end()))
    for m in _RATIO.finditer(text):
        if m.start() in taken:
            continue
        out.append(Number(m.start(), m.end(), float(m.group(1)), "倍", m.group(), kind="ratio"))
        taken.update(range(m.start(), m.end()))
    for m in _MAGNITUDE.finditer(text):
        digit = m.group(1) or m.group(3)
        out.append(Number(m.start(), m.end(), _MAGNITUDES[digit], "亿元", m.group(), bound="lower"))
        taken.update(range(m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if start in taken:
            continue
        after = text[end : end + 1]
        if (
            (len(m.group()) == 4 and after == "年")
            or after in ("月", "日", "号", "时")
            or text[start - 1 : start] == "第"
        ):
            continue
        value = float(m.group(1).replace(",", ""))
        pos = end
        bound = approx_ = None
        if text.startswith(("多", "余"), pos):
            bound, pos = "lower", pos + 1
        unit, pos = _unit_after(text, pos)
        for word in _LOWER_AFTER[:1] + _UPPER_AFTER + _APPROX_AFTER:
            if text.startswith(word, pos):
                if word in _APPROX_AFTER:
                    approx_ = True
                else:
                    bound = "lower" if word == "以上" else "upper"
                pos += len(word)
                break
        before = text[max(0, start - 4) : start]
        if before.endswith(LOWER_BEFORE) and not before.endswith("超过了"):
            bound = "lower"
        elif before.endswith(_UPPER_BEFORE):
            bound = "upper"
        elif before.endswith(_APPROX_BEFORE):
            approx_ = True
        out.append(Number(start, pos, value, unit, text[start:pos], bound, bool(approx_)))
    out.sort(key=lambda n: n.start)
    return out
