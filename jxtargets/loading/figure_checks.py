"""Checks on one reported figure, shared by the YAML and table readers: a quantity in the
indicator's unit, a percentage, whether a value is plausible for the indicator (a unit slip: 100
times off its targets or its own earlier figure), and the year.
Each records a problem (file, line, key) and returns None instead of raising."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from pathlib import Path

from ..core.kinds import SPECS
from ..core.model import Actuals, Catalogue, Indicator
from ..messages import Msg, msg
from .errors import Problem, Problems
from .numbers import LARGEST, NumberError, parse_number
from .resolver import Resolver

_YEAR_IN_NAME = re.compile(r"(?<!\d)(\d{4})(?!\d)")
PERCENT_UNITS = (None, "%", "个百分点")

# Names of indicators that may be negative (growth, change, net or balance figures) or, for %
# indicators, over 100% (gross enrolment ratios, completion rates, growth rates).
SIGNED_WORDS = ("增长", "增速", "增幅", "增减", "净", "差额", "利润", "余额", "结余", "盈余", "盈亏", "变动", "变化")
OVER_100_WORDS = ("毛入学", "毛入园", "完成", "增长", "增速", "增幅", "负债", "指数")


def may_be_negative(name: str) -> bool:
    return any(w in name for w in SIGNED_WORDS)


def may_exceed_100(name: str) -> bool:
    return any(w in name for w in OVER_100_WORDS)


def typical(indicator: Indicator) -> float:
    """The largest target or baseline of a % indicator (0 when it has none)."""
    found = [0.0]
    for t in indicator.targets:
        if t.rule == "level" and isinstance(t.value, (int, float)):
            found.append(float(t.value))
        if isinstance(t.baseline, (int, float)):
            found.append(float(t.baseline))
    return max(found)


def quantity(
    raw: object,
    unit: str | None,
    indicator: Indicator,
    problems: Problems,
    line: int | None,
    where: str,
    signed: bool = False,
    refs: LevelReferences | None = None,
) -> float | None:
    """A level (or, `signed`, a change) in the indicator's unit, converted from the unit written
    after the number or given as `unit`; None (and a problem) when it cannot be taken as such.
    `refs`: the indicator's `LevelReferences`, when the caller keeps them (see `references`)."""
    try:
        value, written = parse_number(raw)
    except NumberError as exc:
        problems.add(line, where, exc.msg)
        return None
    if unit and written and unit != written:
        problems.add(line, where, "value.two_units", written=repr(written), unit=repr(unit))
        return None
    unit = written or unit
    target_unit = indicator.unit
    if unit and target_unit and unit != target_unit:
        if target_unit in ("%", "个百分点") and unit in ("%", "个百分点"):
            pass
        else:
            from .units import UnitError, factor

            try:
                value *= factor(unit, target_unit)
            except UnitError as exc:
                problems.add(line, where, "unit.indicator_is_in", error=exc.msg, id=indicator.id, unit=target_unit)
                return None
    elif unit and target_unit is None:
        problems.add(line, where, "unit.indicator_has_none", id=indicator.id, unit=repr(unit))
        return None
    if abs(value) >= LARGEST:
        shown = f"{value:g} {target_unit}" if target_unit else f"{value:g}"
        problems.add(line, where, "value.too_large", value=shown)
        return None
    if signed:
        return value
    if value < 0 and not may_be_negative(indicator.name):
        problems.add(line, where, "value.negative", value=f"{value:g}", name=indicator.name)
        return None
    if indicator.unit == "%" and value > 100 and not may_exceed_100(indicator.name):
        problems.add(line, where, "value.over_100", value=f"{value:g}", name=indicator.name)
        return None
    slip = unit_slip_against_targets(value, indicator, refs)
    if slip:
        problems.warn(line, where, slip)
    if indicator.unit == "%" and 0 < value < 1 and written is None and typical(indicator) >= 10:
        problems.warn(
            line,
            where,
            "value.fraction",
            value=f"{value:g}",
            name=indicator.name,
            typical=f"{typical(indicator):g}",
            percent=f"{value * 100:g}",
        )
    return value


# A level this many times larger or smaller than its indicator's targets, or than its own figure
# of an earlier year, is most likely a unit slip (persons typed into a 万人 column).
UNIT_SLIP_RATIO = 100.0


def level_references(indicator: Indicator) -> list[tuple[float, Msg]]:
    """The levels the catalogue gives for an indicator (targets in its own unit and baselines),
    each with what it is ("the target of wr2017", "the 2020 baseline of fyp14")."""
    refs: list[tuple[float, Msg]] = []
    for t in indicator.targets:
        spec = SPECS[t.rule]
        # Msg(...) as msg() would make it, without its checks: plain str and int parameters.
        if spec.measure == "own" and not spec.difference and isinstance(t.value, (int, float)) and t.value:
            refs.append((float(t.value), Msg("slip.target_of", (("plan", t.plan),))))
        if isinstance(t.baseline, (int, float)) and t.baseline:
            refs.append((float(t.baseline), Msg("slip.baseline_of", (("year", t.baseline_year), ("plan", t.plan)))))
    return refs


def _closest(value: float, refs: list[tuple[float, Msg]]) -> tuple[float, Msg] | None:
    """The reference nearest to `value` by ratio, when even that one is UNIT_SLIP_RATIO or more
    times off; None when some reference is close enough (or there is none to compare with)."""
    if value == 0:
        return None
    ratios = [(abs(value / ref), what, ref) for ref, what in refs if ref and (value > 0) == (ref > 0)]
    if not ratios:
        return None
    ratio, what, ref = min(ratios, key=lambda x: abs(math.log10(x[0])))
    if 1 / UNIT_SLIP_RATIO < ratio < UNIT_SLIP_RATIO:
        return None
    return ref, what


class LevelReferences:
    """An indicator's `level_references`, with their values sorted by sign, so that the usual
    answer (some reference is close enough) takes a binary search instead of a ratio to each."""

    __slots__ = ("refs", "positive", "negative")

    def __init__(self, indicator: Indicator) -> None:
        self.refs = level_references(indicator)
        self.positive = sorted(ref for ref, _ in self.refs if ref > 0)
        self.negative = sorted(-ref for ref, _ in self.refs if ref < 0)

    def near(self, value: float) -> bool:
        """Whether a reference of the same sign is less than UNIT_SLIP_RATIO times off `value`
        (the nearest by ratio is one of the two around it, tested as `_closest` tests it)."""
        values, size = (self.positive, value) if value > 0 else (self.negative, -value)
        i = bisect_left(values, size)
        return any(1 / UNIT_SLIP_RATIO < size / ref < UNIT_SLIP_RATIO for ref in values[max(i - 1, 0) : i + 1])


def references(resolver: Resolver, indicator: Indicator) -> LevelReferences:
    """The indicator's LevelReferences, built once per catalogue (a file gives many figures of
    each indicator)."""
    found = resolver.level_refs.get(indicator.id)
    if found is None:
        found = resolver.level_refs[indicator.id] = LevelReferences(indicator)
    return found


def unit_slip_against_targets(value: float, indicator: Indicator, refs: LevelReferences | None = None) -> Msg | None:
    """A warning when a level is 100 times or more off every level its indicator's targets give."""
    if indicator.unit in PERCENT_UNITS or value == 0:  # shares are bounded; a fraction typed for one is caught apart
        return None
    refs = refs or LevelReferences(indicator)
    if refs.near(value):
        return None
    found = _closest(value, refs.refs)
    return None if found is None else slip_message(value, found[0], found[1], indicator.unit or "")


def slip_message(value: float, ref: float, what: Msg, unit: str) -> Msg:
    """`value` against the reference it is far from, and the likely slip: a power of ten, named
    as a unit where the indicator's unit has a prefix (万人 typed as 人: 10,000 times too large)."""
    ratio = value / ref
    k = round(math.log10(abs(ratio)))
    code, times = ("slip.larger", f"{ratio:,.0f}") if abs(ratio) >= 1 else ("slip.smaller", f"{1 / ratio:,.0f}")

    def said(then: Msg) -> Msg:
        return msg(code, value=f"{_num(value)}{unit}", ratio=times, what=what, ref=f"{_num(ref)}{unit}", then=then)

    prefixes = {"万": 4, "亿": 8, "千": 3, "百": 2}
    prefix = next((p for p in prefixes if unit.startswith(p) and len(unit) > 1), None)
    if prefix is not None and k > 0:
        # too large: typed in a smaller unit (人 for 万人, 万元 for 亿元)
        power = prefixes[prefix] - k
        smaller = next((p for p, n in prefixes.items() if n == power), "" if power == 0 else None)
        if smaller is not None:
            return said(msg("slip.typed_in", typed=f"{smaller}{unit[1:]}", value=f"{_num(value / 10**k)}{unit}"))
    if k < 0 and prefix is not None:
        bigger = next((p for p, n in prefixes.items() if n == prefixes[prefix] - k), None)
        if bigger is None and prefixes[prefix] - k == 12:
            bigger = "万亿"
        if bigger is not None:
            return said(msg("slip.typed_in", typed=f"{bigger}{unit[1:]}", value=f"{_num(value * 10**-k)}{unit}"))
    scaled = value / 10**k
    then = "slip.too_large" if k > 0 else "slip.too_small"
    return said(msg(then, value=f"{_num(scaled)}{unit}", times=f"{10 ** abs(k):,}"))


def _num(x: float) -> str:
    text = f"{x:,.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _far(value: float, before: float) -> bool:
    """Whether `_closest(value, [before])` finds a slip: both of one sign and UNIT_SLIP_RATIO or
    more times apart (asked first, without building the reference and its message)."""
    if value == 0 or before == 0 or (value > 0) != (before > 0):
        return False
    return not 1 / UNIT_SLIP_RATIO < abs(value / before) < UNIT_SLIP_RATIO


def unit_slips_over_years(actuals: Actuals, catalogue: Catalogue) -> list[Problem]:
    """Warnings for levels 100 times or more off the indicator's figure of the nearest earlier
    year loaded (a slip the targets alone do not show: those already warned about are skipped)."""
    problems: list[Problem] = []
    for (iid, _region), series in actuals.figures.items():
        indicator = catalogue.indicators.get(iid)
        if indicator is None or indicator.unit in PERCENT_UNITS:
            continue
        refs: list[tuple[float, Msg]] | None = None  # built only for a figure far off the one before
        earlier: tuple[int, float] | None = None
        for year in sorted(series):
            figure = series[year]
            value = figure.value
            if value is None:
                continue
            if earlier is not None and getattr(figure, "bound", None) is None and _far(value, earlier[1]):
                found = _closest(value, [(earlier[1], msg("slip.figure_of", year=earlier[0]))])
                refs = level_references(indicator) if refs is None else refs
                if found is not None and (not refs or _closest(value, refs) is None):
                    message = slip_message(value, found[0], found[1], indicator.unit or "")
                    key = f"{iid} ({year})"
                    problems.append(Problem.of(figure.file, figure.line or None, key, message, warning=True))
            earlier = (year, value)
    return problems


def percent(raw: object, problems: Problems, line: int | None, where: str, kind: str = "growth") -> float | None:
    """A growth rate, cagr or reduction in %; None (and a problem) when it cannot be one."""
    try:
        value, unit = parse_number(raw)
    except NumberError as exc:
        problems.add(line, where, exc.msg)
        return None
    if unit not in PERCENT_UNITS:
        problems.add(line, where, "rate.reduction_unit" if kind == "reduction" else "rate.growth_unit", unit=repr(unit))
        return None
    if kind == "reduction" and value > 100:
        problems.add(line, where, "rate.reduction_over_100", value=f"{value:g}")
        return None
    if value < -100:
        problems.add(line, where, "rate.fall_over_100", value=f"{value:g}")
        return None
    return value


def years_in_name(path: Path) -> list[int]:
    """The 4-digit years (1900-2200) in a file name: actuals-2020.yaml, 2016-2020.csv."""
    return [int(y) for y in _YEAR_IN_NAME.findall(path.stem) if 1900 <= int(y) <= 2200]


def name_year_problem(year: int, years: list[int]) -> Msg | None:
    """Why `year` disagrees with the years in the file name, or None."""
    if not years:
        return None
    if len(years) == 1 and year != years[0]:
        return msg("year.not_the_name", year=year, named=years[0])
    if len(years) > 1 and not min(years) <= year <= max(years):
        return msg("year.outside_the_name", year=year, first=min(years), last=max(years))
    return None


def check_year(
    year: int | None, path: Path, want_year: int | None, problems: Problems, line: int | None, resolver: Resolver
) -> None:
    """The `year:` of a file against its name, `--year` and the catalogue's plans."""
    if year is None:
        return
    wrong = name_year_problem(year, years_in_name(path))
    if wrong:
        problems.add(line, "year", wrong)
    if want_year is not None and year != want_year:
        problems.add(line, "year", "year.not_the_option", year=year, want=want_year)
    year_warnings(year, resolver, problems, line, "year")


def year_warnings(year: int, resolver: Resolver, problems: Problems, line: int | None, key: str) -> None:
    """Warnings for a year before every plan's baseline, or (decided later) in the future."""
    first = resolver.min_baseline
    if first is not None and year < first:
        problems.warn(line, key, "year.before_every_plan", year=year, first=first)
    # Whether the year is in the future depends on today: decided after the data cache
    # (actuals._cached_read), never stored in it.
    resolver.dated.append((year, Problem.of(problems.file, line, key, "year.future", warning=True, year=year)))


def blank_warning(blanks: list[tuple[int | None, str]], problems: Problems) -> None:
    """One warning for every indicator left blank in a file."""
    if not blanks:
        return
    more = msg("blank.more", count=len(blanks) - 5) if len(blanks) > 5 else ""
    shown = ", ".join(key for _, key in blanks[:5])
    problems.warn(blanks[0][0], None, "blank.indicators", count=len(blanks), shown=shown, more=more)
