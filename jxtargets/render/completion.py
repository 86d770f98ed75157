"""The completion table (主要指标完成情况表) in the layout of the plans' own tables:

类别 | 序号 | 指标（单位） | 基期值 | 规划目标 | 年均增长/[累计] | 实际（截至年份） | 年均增长/[累计] | 属性 | 评估

One row per indicator of a plan's main table, in the plan's order. The order and the number
come from each target's source (`where: 表1 序号4 常住人口城镇化率`): the plan's main table is
the table most of its targets cite; a plan without a numbered table lists every target, numbered
in catalogue order. A level target fills 规划目标, a growth or cumulative target the column
beside it; figures are written the way the plan writes them: cumulative figures in `[ ]`,
ranges, 以上/以下 where the source quote has them, 左右 for a `~` target, `累计下降x%` where the
plan wrote the fall that way, `x/y（省下达）` for targets set by the province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.kinds import SPECS, Kind
from ..core.model import Figure, Indicator, Plan, Source, TableLabel, TableRow, Target
from ..core.review import Review, ReviewRow
from . import words
from .messages import COMPLETION, category

_WHERE = re.compile(r"^\s*(表\s*\d+)\s*序号\s*(\d+)\s*(.*)$")
_UNIT = re.compile(r"（[^（）]*）$")  # a trailing （unit）
# Rules whose target sits in the 规划目标 column (a level, or a task); all others sit in
# 年均增长/[累计].
LEVEL_RULES = tuple(k for k, s in SPECS.items() if s.on_level or k == "milestone")


@dataclass(slots=True)
class CompletionRow:
    category: str  # shown on the first row of a run of one category, blank after (a merged cell)
    number: str  # 序号, blank on the further rows of one number
    name: str
    baseline: str
    target: str
    target_rate: str
    actual: str
    actual_rate: str
    attribute: str
    official: str
    indicator: str = ""  # the indicator's id
    sub: str = ""  # what the source says after 序号N (the sub-row's name), for matching
    subject: str = ""  # the catalogue's category, used when not every row has the table's group
    binding: bool = False
    rows: list[ReviewRow] = field(default_factory=list)

    def cells(self) -> list[str]:
        return [
            self.category,
            self.number,
            self.name,
            self.baseline,
            self.target,
            self.target_rate,
            self.actual,
            self.actual_rate,
            self.attribute,
            self.official,
        ]


@dataclass(slots=True)
class CompletionTable:
    plan: Plan
    as_of: int
    table: str | None  # "表1", or None when the plan has no numbered table
    rows: list[CompletionRow]
    lang: str

    def title(self) -> str:
        name = self.plan.name if self.lang == "zh" else (self.plan.name_en or self.plan.name)
        return COMPLETION[self.lang]["title"].format(plan=name, year=self.as_of)

    def headers(self) -> list[str]:
        c, p = COMPLETION[self.lang], self.plan
        return [
            c["category"],
            c["number"],
            c["indicator"],
            c["baseline"].format(year=p.baseline_year),
            c["target"].format(year=p.target_year),
            c["target_rate"],
            c["actual"].format(year=self.as_of),
            c["actual_rate"],
            c["attribute"],
            c["official"],
        ]


def plain(x: float | None) -> str:
    """A number as tables print it: no thousands separator, up to 2 decimals (4 below 1)."""
    if x is None:
        return "—"
    text = f"{x:.{4 if abs(x) < 1 else 2}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _where(source: Source | str | None) -> tuple[str, int, str] | None:
    if not isinstance(source, Source):
        return None
    m = _WHERE.match(source.where or "")
    if m is None:
        return None
    return re.sub(r"\s+", "", m.group(1)), int(m.group(2)), m.group(3).strip()


def completion_tables(review: Review, lang: str = "zh", home: str | None = None) -> list[CompletionTable]:
    """One completion table per plan in the review, for the plan's own region (`home`, or the
    targets set for no particular county)."""
    plans: dict[str, list[ReviewRow]] = {}
    for row in review.rows:
        t = row.result.target
        if t.region is not None and t.region != home:
            continue
        plans.setdefault(t.plan, []).append(row)
    return [_table(rows, review, lang) for rows in plans.values()]


def _table(rows: list[ReviewRow], review: Review, lang: str) -> CompletionTable:
    plan = rows[0].result.plan
    cited = [w for w in (_where(r.result.target.source) for r in rows) if w]
    table = max({w[0] for w in cited}, key=lambda name: sum(w[0] == name for w in cited)) if cited else None
    groups: dict[tuple[int, str, str], list[ReviewRow]] = {}
    for order, row in enumerate(rows):
        w = _where(row.result.target.source)
        if table is not None:
            if w is None or w[0] != table:
                continue
            key = (w[1], w[2], row.result.indicator.id)
        else:
            key = (order, "", row.result.indicator.id)
        groups.setdefault(key, []).append(row)
    lines = [(key[0], key[1], _row(members, lang)) for key, members in groups.items()]
    for indicator, table_row, figure in review.table_rows:
        w = _where(table_row.source)
        if table is not None and table_row.plan == plan.id and w is not None and w[0] == table:
            lines.append((w[1], w[2], _untargeted(indicator, table_row, figure, plan, lang)))
    # The table's own groups (类别) when it gives every row one; else the catalogue's categories
    # throughout (a plan listed whole, whose table covers part of it, mixes no vocabularies).
    if not lines or not all(line.category for _, _, line in lines):
        for _, _, line in lines:
            line.category = line.subject
    out: list[CompletionRow] = []
    numbers: dict[int, int] = {}
    last_category = last_number = None
    for number, sub, line in sorted(lines, key=lambda item: item[0]):
        if table is None:
            number = numbers.setdefault(number, len(numbers) + 1)
        line.sub = sub
        line.number = str(number) if number != last_number else ""
        shown = line.category
        line.category = shown if shown != last_category else ""
        last_number, last_category = number, shown
        out.append(line)
    return CompletionTable(plan, review.as_of, table, out, lang)


def _label(members: list[ReviewRow]) -> TableLabel | None:
    return next((m.result.target.table for m in members if m.result.target.table is not None), None)


def _printed_name(label: TableLabel | None) -> str | None:
    """The 指标 cell as the plan's table prints it: the row's own words, a sub-row without a
    unit of its own taking the unit of the merged cell it stands under (化学需氧量（%）)."""
    if label is None or not label.row:
        return None
    name = "".join(label.row.split())
    if label.parent and not _UNIT.search(name):
        unit = _UNIT.search("".join(label.parent.split()))
        if unit:
            name += unit.group()
    return name


def _row(members: list[ReviewRow], lang: str) -> CompletionRow:
    c = COMPLETION[lang]
    ind = members[0].result.indicator
    unit = ind.unit or ""
    level = [m for m in members if m.result.target.rule in LEVEL_RULES]
    rates = [m for m in members if m.result.target.rule not in LEVEL_RULES]
    label = _label(members) if lang == "zh" else None  # the table's words are Chinese
    printed = _printed_name(label)  # the table's own words and unit, when the catalogue quotes them
    name = ind.name if lang == "zh" else (ind.name_en or ind.name)
    if printed is not None:
        name = printed
    elif not level and rates and all(m.result.target.rule == "reduction" for m in rates):
        name = c["reduction_name"].format(name=name)
    elif unit:
        name = f"{name}（{unit}）" if lang == "zh" else f"{name} ({unit})"
    baseline = next((m.result.target.baseline for m in members if m.result.target.baseline is not None), None)
    if baseline is None:
        baseline = next((m.result.baseline for m in level if m.result.baseline is not None), None)
    actual = next((m.result.actual for m in level if m.result.actual is not None), None)
    rate_actual = next((m for m in rates if m.result.actual is not None), None)
    attributes = []
    for m in members:
        a = m.result.target.attribute
        if a and words.ATTRIBUTE[lang][a] not in attributes:
            attributes.append(words.ATTRIBUTE[lang][a])
    verdicts: list[str] = []
    for m in members:
        verdict = words.term(m.official, lang)
        if verdict not in verdicts:
            verdicts.append(verdict)
    return CompletionRow(
        category=label.group if label and label.group else "",
        subject=category(ind.category, lang),
        number="",
        name=name,
        baseline=plain(baseline),
        target=_cell(level, lang),
        target_rate=_cell(rates, lang),
        actual=c["done"] if _done(level) else plain(actual),
        actual_rate="—"
        if rate_actual is None
        else _written_for(rate_actual.result.target, unit, rate_actual.result.actual, lang),
        attribute="/".join(attributes),
        official="/".join(verdicts),
        indicator=ind.id,
        binding=any(m.result.target.attribute == "binding" for m in members),
        rows=members,
    )


def _untargeted(indicator: Indicator, row: TableRow, figure: Figure | None, plan: Plan, lang: str) -> CompletionRow:
    """A row of the plan's table with no target: the table's words, no target (its target
    cell is empty, as the plan printed it), the figure reported for it, no verdict."""
    c = COMPLETION[lang]
    unit = indicator.unit or ""
    label = row.table if lang == "zh" else None
    name = _printed_name(label)
    if name is None:
        name = indicator.name if lang == "zh" else (indicator.name_en or indicator.name)
        if row.measure == "reduction":
            name = c["reduction_name"].format(name=name)
        elif unit:
            name = f"{name}（{unit}）" if lang == "zh" else f"{name} ({unit})"
    level = row.measure in LEVEL_RULES
    since = SPECS[row.measure].since_figure
    value = None
    if figure is not None:
        value = figure.value if level else figure.since.get(plan.baseline_year, {}).get(since or "")
    quote = row.source.quote if isinstance(row.source, Source) else ""
    return CompletionRow(
        category=label.group if label and label.group else "",
        subject=category(indicator.category, lang),
        number="",
        name=name,
        baseline="—",
        target="—" if not level else "",
        target_rate="" if not level else "—",
        actual=plain(value) if level else "—",
        actual_rate="—" if level or value is None else _written(row.measure, quote, None, None, unit, value, lang),
        attribute="",
        official="",
        indicator=indicator.id,
    )


def _done(level: list[ReviewRow]) -> bool:
    return any(m.result.target.kind == "milestone" and m.result.status == "met" for m in level)


def _cell(members: list[ReviewRow], lang: str) -> str:
    """The plan's figure(s) for one column: one target as written, targets set by the province
    joined with `/` and marked （省下达）."""
    c = COMPLETION[lang]
    if not members:
        return "—"
    external = [m for m in members if m.result.target.kind == "external"]
    own = [m for m in members if m.result.target.kind != "external"]
    unit = members[0].result.indicator.unit or ""
    parts = [_target_text(m.result.target, unit, lang) for m in own]
    if external:
        shown = [_target_text(m.result.target, unit, lang) for m in external if m.result.target.value is not None]
        mark = f"（{c['province']}）" if lang == "zh" else f" ({c['province']})"
        parts.append("/".join(shown) + mark if shown else c["province"])
    return "；".join(parts) if lang == "zh" else "; ".join(parts)


def _target_text(t: Target, unit: str, lang: str) -> str:
    c = COMPLETION[lang]
    if t.kind == "milestone":
        return c["done"]
    if t.rule == "multiple":
        text = f"×{plain(t.factor)}" if t.factor is not None else "—"
    elif t.value is None:
        text = "—"
    else:
        text = _written_for(t, unit, t.value, lang, qualify=True)
    if t.stretch is not None:
        stretch = _written_for(t, unit, t.stretch, lang)
        text += ("，" if lang == "zh" else ", ") + c["stretch"].format(value=stretch)
    return text


def _written_for(t: Target, unit: str, value, lang: str, qualify: bool = False) -> str:
    """`value` (the target's or the actual's measure) in the form the plan writes the target."""
    quote = t.source.quote if t.source and t.source.quote else ""
    return _written(t.rule, quote, t.value, t.op, unit, value, lang, qualify)


def _written(rule: Kind, quote: str, own, op: str | None, unit: str, value, lang: str, qualify: bool = False) -> str:
    """`value` in the form the plan writes it; `quote` is the plan's text for the row, `own`
    and `op` its target (None for a row with no target)."""
    c = COMPLETION[lang]
    quote = " ".join(quote.split())
    if value is None:
        return "—"
    if isinstance(value, tuple):
        number = f"{plain(value[0])}–{plain(value[1])}"
        first = plain(value[0])
    else:
        number = first = plain(value)
    if SPECS[rule].growth_rate:
        text = f"{number}%"
    elif rule in ("change", "total"):
        text = f"[{number}]"
    elif rule == "reduction":
        fall = c["cumulative_fall"].format(value=number)
        # the form follows how the plan wrote the target itself, for the actual figure too
        written = plain(own[0] if isinstance(own, tuple) else own) if own is not None else None
        shown = written is not None and COMPLETION["zh"]["cumulative_fall"].format(value=written) in quote
        text = fall if shown else f"[{number}]"
    elif rule == "annual_change":
        points = {"zh": "个百分点", "en": " pp"}[lang] if unit == "%" else unit
        text = c["annual_change"].format(value=f"{number}{points}")
    else:
        text = number
    if qualify:
        if op == "~":
            text += c["about"]
        elif op == ">=" and re.search(rf"(?<![\d.]){re.escape(first)}%?\]?以上", quote):
            text += c["above"]
        elif op == "<=" and re.search(rf"(?<![\d.]){re.escape(first)}%?\]?以下", quote):
            text += c["below"]
    return text


def to_markdown(tables: list[CompletionTable]) -> list[str]:
    """Each plan's completion table as a Markdown section."""
    from tabulate import tabulate

    from .safe import md_cell, md_rows

    out = []
    for t in tables:
        rows = md_rows([r.cells() for r in t.rows])
        out += [
            f"## {md_cell(t.title())}",
            "",
            tabulate(rows, headers=t.headers(), tablefmt="pipe", disable_numparse=True),
            "",
            COMPLETION[t.lang]["note"],
            "",
        ]
    return out


def add_sheet(book, tables: list[CompletionTable], title: str) -> None:
    """The completion tables on one sheet of an openpyxl workbook, as the first sheet."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from .safe import append_inert

    sheet = book.create_sheet(title, 0)
    widths = (10, 6, 40, 12, 22, 22, 14, 20, 10, 16)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    for t in tables:
        append_inert(sheet, [t.title()])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        append_inert(sheet, t.headers())
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in t.rows:
            append_inert(sheet, row.cells())
        append_inert(sheet, [COMPLETION[t.lang]["note"]])
        sheet.append([])
    book.active = 0
