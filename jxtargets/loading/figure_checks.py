"""Checks on one reported figure, shared by the YAML and table readers: a quantity in the
indicator's unit, a percentage, whether a value is plausible for the indicator, and the year.
Each records a problem (file, line, key) and returns None instead of raising."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.model import Indicator
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
) -> float | None:
    """A level (or, `signed`, a change) in the indicator's unit, converted from the unit written
    after the number or given as `unit`; None (and a problem) when it cannot be taken as such."""
    try:
        value, written = parse_number(raw)
    except NumberError as exc:
        problems.add(line, where, str(exc))
        return None
    if unit and written and unit != written:
        problems.add(line, where, f"two units: {written!r} in the value and unit: {unit!r}")
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
                problems.add(line, where, f"{exc} (the indicator {indicator.id} is in {target_unit})")
                return None
    elif unit and target_unit is None:
        problems.add(line, where, f"{indicator.id} has no unit (a milestone?); {unit!r} cannot apply")
        return None
    if abs(value) >= LARGEST:
        problems.add(
            line, where, f"{value:g} {target_unit or ''} is too large to be a reported figure".replace("  ", " ")
        )
        return None
    if signed:
        return value
    if value < 0 and not may_be_negative(indicator.name):
        problems.add(line, where, f"{value:g} is negative; {indicator.name} cannot be")
        return None
    if indicator.unit == "%" and value > 100 and not may_exceed_100(indicator.name):
        problems.add(line, where, f"{value:g}% is over 100%, impossible for {indicator.name} (a share)")
        return None
    if indicator.unit == "%" and 0 < value < 1 and written is None and typical(indicator) >= 10:
        problems.warn(
            line,
            where,
            f"{value:g}% for {indicator.name}, whose targets are "
            f"{typical(indicator):g}% or so: a fraction? ({value * 100:g}% is "
            f"written {value * 100:g})",
        )
    return value


def percent(raw: object, problems: Problems, line: int | None, where: str, kind: str = "growth") -> float | None:
    """A growth rate, cagr or reduction in %; None (and a problem) when it cannot be one."""
    try:
        value, unit = parse_number(raw)
    except NumberError as exc:
        problems.add(line, where, str(exc))
        return None
    if unit not in PERCENT_UNITS:
        problems.add(line, where, f"a {'growth rate' if kind != 'reduction' else 'reduction'} is in %, not {unit!r}")
        return None
    if kind == "reduction" and value > 100:
        problems.add(line, where, f"a reduction of {value:g}% is impossible (at most 100%)")
        return None
    if value < -100:
        problems.add(line, where, f"{value:g}% is impossible: a level cannot fall by more than 100%")
        return None
    return value


def years_in_name(path: Path) -> list[int]:
    """The 4-digit years (1900-2200) in a file name: actuals-2020.yaml, 2016-2020.csv."""
    return [int(y) for y in _YEAR_IN_NAME.findall(path.stem) if 1900 <= int(y) <= 2200]


def name_year_problem(year: int, years: list[int]) -> str | None:
    """Why `year` disagrees with the years in the file name, or None."""
    if not years:
        return None
    if len(years) == 1 and year != years[0]:
        return f"year {year} disagrees with the file name ({years[0]})"
    if len(years) > 1 and not min(years) <= year <= max(years):
        return f"year {year} is outside the years in the file name ({min(years)}-{max(years)})"
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
        problems.add(line, "year", f"year {year} disagrees with --year {want_year}")
    year_warnings(year, resolver, problems, line, "year")


def year_warnings(year: int, resolver: Resolver, problems: Problems, line: int | None, key: str) -> None:
    """Warnings for a year before every plan's baseline, or (decided later) in the future."""
    first = resolver.min_baseline
    if first is not None and year < first:
        problems.warn(
            line,
            key,
            f"year {year} is before the baseline year of every plan (the earliest is "
            f"{first}): its figures can serve only as history",
        )
    # Whether the year is in the future depends on today: decided after the data cache
    # (actuals._cached_read), never stored in it.
    message = f"year {year} is in the future: are these figures planned, not reported?"
    resolver.dated.append((year, Problem(problems.file, line, key, message, warning=True)))


def blank_warning(blanks: list[tuple[int | None, str]], problems: Problems) -> None:
    """One warning for every indicator left blank in a file."""
    if not blanks:
        return
    shown = ", ".join(key for _, key in blanks[:5]) + (f" and {len(blanks) - 5} more" if len(blanks) > 5 else "")
    problems.warn(
        blanks[0][0], None, f"{len(blanks)} indicator(s) left blank, so no figure: {shown} (their targets show no_data)"
    )
