"""The cell grammar of a plan's main-indicator table: one cell's text to the targets it states.

Pure: no I/O. `read_cell(text, row)` gives the targets a cell states (none for `-`), or raises
CellError for a cell it cannot read, which the importer reports with its row and column and
leaves for the user: a cell is never guessed. README "Adding a plan" documents the grammar.

What a number means depends on where it stands (`RowContext`): the column (a target-year column
or a growth column such as 表1's 年均增长（%）[累计]), the indicator's name (…年均增长 is a rate,
…降低 a reduction), its unit and direction, and whether the row has a level target.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..messages import Msg, msg

LEVEL, RATE = "level", "rate"  # the two kinds of target column

DASHES = {"", "-", "—", "–", "－", "--", "——", "/", "无", "…"}
PROVINCE = ("省下达指标", "省下达")
_NUM = r"(\d+(?:\.\d+)?)"
_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


class CellError(ValueError):
    """A cell the grammar cannot read; `reason` is the message saying why."""

    def __init__(self, reason: Msg):
        super().__init__(reason.text("en"))
        self.reason = reason


@dataclass(frozen=True, slots=True)
class RowContext:
    """What a cell's number means depends on its row and column."""

    column: str = LEVEL  # LEVEL: a target-year column; RATE: a growth / cumulative column
    name: str = ""  # the indicator's name as the row gives it
    unit: str | None = None  # the row's unit
    direction: str = "up"  # up: more is better
    has_level: bool = False  # the row also states a level target (for [x] as a change)


@dataclass(frozen=True, slots=True)
class CellTarget:
    kind: str
    op: str | None = None
    value: float | tuple[float, float] | None = None
    stretch: float | None = None
    factor: float | None = None
    of: str | None = None  # relative: the name of the indicator whose growth it follows
    measure: str | None = None  # external: the kind it is checked as
    unit: str | None = None  # a unit written in the cell, when not the row's


def clean(text: str) -> str:
    """NFKC (full-width brackets, digits and percent signs to ASCII), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def name_kind(name: str, unit: str | None) -> str:
    """'growth' for …年均增长 (a % rate a year), 'reduction' for …降低/减少/下降, else 'level'."""
    n = clean(name)
    if re.search(r"(年均)?(增长|增速)(率|速度)?$", n) and unit in ("%", None):
        return "growth"
    if re.search(r"(降低|减少|下降)(率|幅度)?$", n):
        return "reduction"
    return "level"


def is_share(name: str, unit: str | None) -> bool:
    """A % indicator that is itself a rate or share (近视率, 比重): a fall in it is in percentage
    points, not a % of itself."""
    base = re.sub(r"(降低|减少|下降|提高|增长)$", "", clean(name))
    return unit == "%" and bool(re.search(r"(率|比重|比例|占比|覆盖率|普及率)$", base))


def base_name(name: str, unit: str | None) -> str:
    """The indicator a row's name measures: 全员劳动生产率年均增长 → 全员劳动生产率,
    单位地区生产总值能源消耗降低 → 单位地区生产总值能源消耗."""
    n = clean(name).lstrip("#")
    kind = name_kind(n, unit)
    if kind == "growth":
        return re.sub(r"(年均)?(增长|增速)(率|速度)?$", "", n)
    if kind == "reduction":
        return re.sub(r"(降低|减少|下降)(率|幅度)?$", "", n)
    return n


def read_cell(text: str, row: RowContext) -> list[CellTarget]:
    """The targets a cell states: [] for a dash, two for paired values (A/B（省下达）)."""
    cell = clean(text)
    if cell in DASHES:
        return []
    province = False
    for word in PROVINCE:
        if cell.endswith(f"({word})") or cell.endswith(word):
            province = True
            cell = cell.removesuffix(f"({word})").removesuffix(word)
            break
    if province and cell in DASHES:
        measure = _measure(row, cumulative=False)
        return [CellTarget("external", _default_op(measure, row), measure=measure)]
    parts = cell.split("/")
    if len(parts) > 1:
        if not province:
            raise CellError(msg("import.two_figures", text=repr(text.strip())))
        return [t for part in parts for t in _external(_figure(part, row))]
    relative = _relative(cell)
    if relative is not None:
        if province:
            raise CellError(msg("import.relative_province"))
        return [relative]
    target = _figure(cell, row)
    return _external(target) if province else [target]


def _external(target: CellTarget) -> list[CellTarget]:
    return [CellTarget("external", target.op, target.value, target.stretch, measure=target.kind, unit=target.unit)]


_REL_ABOVE = re.compile(r"^(?:高于|快于|超过|不低于|略高于)(.+?)(?:年均)?(?:增长|增速)(?:速度|水平)?$")
_REL_BELOW = re.compile(r"^(?:低于|慢于|不高于|不超过)(.+?)(?:年均)?(?:增长|增速)(?:速度|水平)?$")
_REL_STEP = re.compile(r"^(?:与|和|同)(.+?)(?:增长|增速)?(?:基本)?(?:同步|相适应|同步增长)$")


def _relative(cell: str) -> CellTarget | None:
    for pattern, op in ((_REL_ABOVE, ">="), (_REL_BELOW, "<="), (_REL_STEP, "~")):
        m = pattern.match(cell)
        if m:
            return CellTarget("relative", op, of=m.group(1))
    return None


# One clause of a cell: [力争][达到|突破|…][年均增长|累计下降|…][[]NUMBER[]][UNIT][以上|以下|左右]
_CLAUSE = re.compile(
    r"^(?P<stretch>力争)?"
    r"(?P<pre>达到|突破|超过|不低于|不少于|保持在|保持|稳定在|控制在|不高于|不超过|低于|高于)?"
    r"(?P<verb>年均增长|年均提高|年均下降|年均降低|年均减少|累计下降|累计降低|累计减少|累计增长|"
    r"增长|提高|下降|降低|减少|新增|累计)?"
    r"(?P<open>\[)?"
    r"(?P<num>\d+(?:\.\d+)?)(?:(?P<dash>-|~|至|到)(?P<num2>\d+(?:\.\d+)?))?"
    r"(?P<close>\])?"
    r"(?P<unit>[^\d\[\]]*?)"
    r"(?P<post>以上|以下|以内|左右)?$"
)
_ABOVE = {"达到", "突破", "超过", "不低于", "不少于", "高于"}
_BELOW = {"控制在", "不高于", "不超过", "低于"}
_MULTIPLE = {"翻一番": 2.0, "翻番": 2.0, "倍增": 2.0, "翻两番": 4.0}


def _figure(cell: str, row: RowContext) -> CellTarget:
    """A cell of figures: one requirement and at most one 力争 stretch."""
    clauses = [c for c in re.split(r"[、,，;；]", cell) if c]
    found: list[tuple[bool, CellTarget]] = []
    for clause in clauses:
        stretch = clause.startswith("力争")
        body = clause.removeprefix("力争")
        for word, factor in _MULTIPLE.items():
            if body.endswith(word) and len(body) <= len(word) + 4:
                target = CellTarget("multiple", ">=", factor=factor)
                break
        else:
            target = _clause(clause, row)
        found.append((stretch, target))
    required = [t for s, t in found if not s]
    stretches = [t for s, t in found if s]
    if len(required) > 1 or len(stretches) > 1:
        raise CellError(msg("import.figures_in_cell", count=len(found), cell=repr(cell)))
    if not required:
        # 力争 alone: a stretch with no requirement.
        t = stretches[0]
        if t.kind == "multiple":
            return CellTarget("multiple", ">=", stretch=t.factor)
        return CellTarget(t.kind, t.op, None, _one(t.value, cell), unit=t.unit)
    target = required[0]
    if stretches:
        extra = stretches[0]
        if extra.kind != target.kind:
            raise CellError(msg("import.stretch_kind", cell=repr(cell), extra=extra.kind, kind=target.kind))
        if extra.unit != target.unit:
            raise CellError(msg("import.stretch_unit", cell=repr(cell), extra=extra.unit, unit=target.unit))
        value = extra.factor if target.kind == "multiple" else _one(extra.value, cell)
        target = CellTarget(target.kind, target.op, target.value, value, target.factor, unit=target.unit)
    return target


def _one(value, cell: str) -> float:
    if isinstance(value, tuple) or value is None:
        raise CellError(msg("import.stretch_range", cell=repr(cell)))
    return value


def _clause(clause: str, row: RowContext) -> CellTarget:
    m = _CLAUSE.match(clause)
    if m is None:
        raise CellError(msg("import.cannot_read_grammar", clause=repr(clause)))
    if bool(m["open"]) != bool(m["close"]):
        raise CellError(msg("import.brackets", clause=repr(clause)))
    pre, verb, post = m["pre"] or "", m["verb"] or "", m["post"] or ""
    unit, scale = _unit(m["unit"] or "", row.unit, clause)
    value: float | tuple[float, float] = float(m["num"]) * scale
    if m["num2"]:
        value = (float(m["num"]) * scale, float(m["num2"]) * scale)
        if value[0] > value[1]:
            raise CellError(msg("import.range_order", clause=repr(clause)))
    percent = unit in ("%",) or (unit is None and row.unit == "%")
    points = unit == "个百分点"
    cumulative = bool(m["open"]) or verb.startswith("累计")
    op = ">=" if pre in _ABOVE or post == "以上" else "<=" if pre in _BELOW or post in ("以下", "以内") else None
    op = "~" if post == "左右" or pre in ("保持在", "保持", "稳定在") else op
    if isinstance(value, tuple):
        op = "range"
    kind = _kind(verb, cumulative, percent, points, row)
    if (
        kind == "change"
        and verb in ("下降", "降低", "减少", "累计下降", "累计降低", "累计减少")
        or (kind == "change" and name_kind(row.name, row.unit) == "reduction")
    ):
        # A fall in a share, in percentage points: change <= -x.
        if isinstance(value, tuple):
            raise CellError(msg("import.range_of_falls", clause=repr(clause)))
        value, op = -value, {None: "<=", ">=": "<=", "<=": ">=", "~": "~"}[op]
    if kind == "cagr" and verb in ("年均下降", "年均降低", "年均减少"):
        if isinstance(value, tuple):
            raise CellError(msg("import.range_of_falls", clause=repr(clause)))
        value, op = -value, {None: "<=", ">=": "<=", "<=": ">=", "~": "~"}[op]
    if op is None:
        op = _default_op(kind, row)
    if unit in ("%", "个百分点"):
        unit = None
    return CellTarget(kind, op, value, unit=unit)


def _kind(verb: str, cumulative: bool, percent: bool, points: bool, row: RowContext) -> str:
    named = name_kind(row.name, row.unit)
    share = is_share(row.name, row.unit)
    if verb in ("年均增长", "年均提高"):
        return "annual_change" if points else "cagr"
    if verb in ("年均下降", "年均降低", "年均减少"):
        if points:
            raise CellError(msg("import.yearly_fall_points"))
        return "cagr"
    if verb in ("增长", "提高"):
        return "change" if points or (cumulative and not percent) or not percent else "cagr"
    if verb in ("下降", "降低", "减少", "累计下降", "累计降低", "累计减少"):
        return "change" if points or share else "reduction"
    if verb in ("累计增长",):
        raise CellError(msg("import.cumulative_growth"))
    if cumulative:
        if named == "reduction":
            return "change" if share else "reduction"
        if points or row.has_level:
            return "change"
        return "total"
    if points:
        return "change"
    if named == "growth" or (row.column == RATE and percent):
        return "cagr"
    if named == "reduction":
        return "change" if share else "reduction"
    if row.column == RATE:
        raise CellError(msg("import.growth_no_percent"))
    return "level"


def _measure(row: RowContext, cumulative: bool) -> str:
    named = name_kind(row.name, row.unit)
    if named == "reduction":
        return "change" if is_share(row.name, row.unit) else "reduction"
    if named == "growth" or row.column == RATE:
        return "cagr"
    return "level"


def _default_op(kind: str, row: RowContext) -> str:
    """A bare figure: at least (more is better, or a growth, a reduction, a total) or at most."""
    if kind in ("cagr", "reduction", "total", "annual_change", "multiple", "relative"):
        return ">="
    if kind == "change" and name_kind(row.name, row.unit) == "reduction":
        return "<="
    return ">=" if row.direction == "up" else "<="


def _unit(written: str, row_unit: str | None, clause: str) -> tuple[str | None, float]:
    """The unit written in a cell and the factor into the row's unit: (None, 1) when it is the
    row's; `%` and `个百分点` as such; a unit that differs from the row's only by 万/亿 (1万亿元 in
    a 亿元 row) scales the number; any other unit is returned for the loader to convert."""
    if not written or written == row_unit:
        return None, 1.0
    if written in ("%", "个百分点", "百分点"):
        return ("个百分点" if written != "%" else "%"), 1.0
    if re.search(r"[<>=≥≤()]", written):
        raise CellError(msg("import.cannot_read", clause=repr(clause)))
    mag, base = _magnitude(written)
    row_mag, row_base = _magnitude(row_unit or "")
    if base in ("", row_base) and (mag != 1.0 or row_mag != 1.0):
        if row_unit is None:
            raise CellError(msg("import.no_row_unit", written=written, clause=repr(clause)))
        return None, mag / row_mag
    return written, 1.0


def _magnitude(unit: str) -> tuple[float, str]:
    for prefix in ("万亿", "亿", "万", "千"):
        if unit.startswith(prefix):
            return _MAGNITUDE[prefix], unit[len(prefix) :]
    return 1.0, unit


__all__ = ["CellError", "CellTarget", "RowContext", "LEVEL", "RATE", "read_cell", "base_name", "name_kind", "clean"]
