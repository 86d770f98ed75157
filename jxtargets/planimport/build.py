"""A read table (`table.Table`) into catalogue targets and, for a completion table, actuals.

Each row becomes an indicator, matched to one of the catalogue in use by name or alias (exact,
after NFKC and whitespace removal; no fuzzy match), or a new one with the row's name, unit and
类别; its target cells are read by `grammar.read_cell`. A cell the grammar cannot read is a
problem naming the row's line and the column, and is left out: never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.model import Catalogue, Indicator
from ..loading.errors import Problem
from ..messages import Msg, msg
from .columns import Columns, columns_of, split_unit
from .grammar import LEVEL, RATE, CellError, CellTarget, RowContext, base_name, clean, name_kind, read_cell
from .table import Table

ATTRIBUTE_WORDS = {"预期性": "expected", "约束性": "binding", "预期": "expected", "约束": "binding"}
# Names a relative cell uses for GDP growth: 与经济增长基本同步.
ECONOMY = ("经济", "经济增长", "经济发展")
GDP_NAMES = ("地区生产总值", "生产总值", "GDP")
# Wording that makes less better, for a new indicator's direction (reviewed by the user).
DOWN_WORDS = (
    "降低",
    "减少",
    "下降",
    "能耗",
    "排放",
    "死亡率",
    "失业率",
    "浓度",
    "近视率",
    "耗地量",
    "用水量",
    "发生率",
)


@dataclass
class ImportedRow:
    line: int
    number: str
    name: str  # as the row gives it (without a unit in brackets)
    unit: str | None
    category: str
    indicator: str  # the id: matched or new
    matched: bool
    direction: str
    quote: str
    where: str
    group: str = ""
    indicator_name: str = ""  # a new indicator's name: the row's without 年均增长 or 降低
    indicator_unit: str | None = None  # a new indicator's unit; None when the row gives only a rate's
    quote_all: str = ""  # the row's text with the 完成情况 cells
    targets: list[dict] = field(default_factory=list)
    actual: dict | None = None


@dataclass
class Imported:
    table: Table
    columns: Columns
    rows: list[ImportedRow]
    problems: list[Problem]


class Importer:
    def __init__(self, table: Table, catalogue: Catalogue | None, plan: str, doc: str, standalone: bool):
        self.table, self.catalogue, self.plan, self.doc = table, catalogue, plan, doc
        self.standalone = standalone
        self.problems: list[Problem] = []
        self.by_name: dict[str, Indicator] = {}
        for ind in catalogue.indicators.values() if catalogue else ():
            for n in (ind.name, *getattr(ind, "aliases", ())):
                self.by_name.setdefault(split_unit(n)[0], ind)
        self.new_ids: dict[str, str] = {}

    def run(self, years: tuple[int, int] | None) -> Imported:
        cols, problems = columns_of(self.table, years)
        self.problems.extend(problems)
        rows: list[ImportedRow] = []
        if problems:
            return Imported(self.table, cols, rows, self.problems)
        category = group = number = ""
        sub = 0
        for raw in self.table.rows:
            cells = self._align(raw.cells, cols, raw.line)
            if cells is None:
                continue
            grp = cells.pop("group", "")
            category = cells.get("category") or category
            if cells.get("number"):
                number, sub, group = cells["number"], 0, grp
            else:
                sub += 1
                group = grp or group
            row = self._row(cells, cols, raw.line, category, number, sub, group)
            if row is not None:
                rows.append(row)
        self._relatives(rows)
        return Imported(self.table, cols, rows, self.problems)

    def _align(self, cells: list[str], cols: Columns, line: int) -> dict[str, str] | None:
        cells = list(cells)
        group = ""
        if cols.subname is not None:
            group, name = cells[cols.name or 0], cells[cols.subname] if cols.subname < len(cells) else ""
            if not name:
                group, name = "", group
            cells[cols.name or 0] = name
            del cells[cols.subname]
            width = cols.width - 1
        else:
            width = cols.width
            if len(cells) == width + 1 and cols.name is not None:  # text layout: a group column
                group = cells.pop(cols.name)
        if len(cells) > width:
            self.problems.append(
                Problem.of(self.table.file, line, None, "import.row_too_wide", cells=len(cells), width=width)
            )
            return None
        cells += [""] * (width - len(cells))
        shift = 1 if cols.subname is not None else 0

        def at(i: int | None) -> str:
            if i is None:
                return ""
            return cells[i - shift if cols.subname is not None and i > cols.subname else i]

        out = {
            key: at(getattr(cols, key))
            for key in (
                "category",
                "number",
                "name",
                "unit",
                "attribute",
                "baseline",
                "level",
                "rate",
                "actual",
                "actual_rate",
            )
        }
        out["group"] = group
        head = [group] if group else []
        out["quote_cells"] = " ".join(c for c in head + cells[(cols.name or 0) : self._quote_end(cols, shift)] if c)
        out["quote_all"] = " ".join(c for c in head + cells[(cols.name or 0) :] if c)
        return out

    @staticmethod
    def _quote_end(cols: Columns, shift: int) -> int:
        ends = [i for i in (cols.unit, cols.baseline, cols.level, cols.rate, cols.attribute) if i is not None]
        return max(ends) + 1 - shift

    def _row(self, cells, cols: Columns, line: int, category: str, number: str, sub: int, group: str):
        name, unit_in_name = split_unit(cells["name"])
        name = name.lstrip("#")
        gname, gunit = split_unit(group) if group else ("", None)
        unit = clean(cells["unit"]) or unit_in_name or gunit or None
        if not name:
            return None
        label = f"{self.table.label} " if self.table.label else ""
        where = f"{label}序号{number}" + (f" {name}" if sub or group else "") if number else f"{label}{name}"
        indicator, matched = self._match(name, gname, unit, number, sub)
        direction = indicator.direction if indicator else self._direction(gname + name)
        # 主要污染物排放总量减少 | 化学需氧量: the group says what the row's figure is.
        grammar_name = gname if gname and name_kind(gname, None) == "reduction" else name
        row = ImportedRow(
            line,
            number,
            name,
            unit,
            category,
            indicator.id if indicator else self._new_id(number, sub),
            indicator is not None,
            direction,
            cells["quote_cells"],
            where,
            group=gname,
            quote_all=cells["quote_all"],
        )
        row.indicator_name = base_name(name, unit)
        row.indicator_unit = unit if name_kind(grammar_name, unit) == "level" else None
        if not matched and row.indicator_unit is None:
            self.problems.append(
                Problem.of(
                    self.table.file,
                    line,
                    None,
                    "import.new_indicator_unit",
                    id=row.indicator,
                    name=row.indicator_name,
                    what=msg(
                        "import.what_growth" if name_kind(grammar_name, unit) == "growth" else "import.what_reduction"
                    ),
                    unit=unit,
                )
            )
        baseline = self._number(cells["baseline"], line, cols, "baseline")
        attribute = None
        if cols.attribute is not None and clean(cells["attribute"]):
            attribute = ATTRIBUTE_WORDS.get(clean(cells["attribute"]))
            if attribute is None:
                self._cell_problem(
                    line, cols, "attribute", msg("import.not_attribute", value=repr(cells["attribute"].strip()))
                )
        has_level = clean(cells["level"]) not in ("", "-", "—", "–", "－")
        for key, column in (("level", LEVEL), ("rate", RATE)):
            ctx = RowContext(column, grammar_name, unit, direction, has_level and column == RATE)
            try:
                found = read_cell(cells[key], ctx)
            except CellError as exc:
                self._cell_problem(line, cols, key, exc.reason)
                continue
            for t in found:
                row.targets.append(self._target(t, baseline, attribute, row))
        if cols.actual is not None or cols.actual_rate is not None:
            row.actual = self._actual(cells, cols, line, grammar_name, unit, direction)
        return row

    def _target(self, t: CellTarget, baseline, attribute, row: ImportedRow) -> dict:
        out: dict = {"plan": self.plan, "kind": t.kind}
        if t.op is not None:
            out["op"] = t.op
        if t.value is not None:
            out["value"] = list(t.value) if isinstance(t.value, tuple) else t.value
        for key in ("stretch", "factor", "of", "measure", "unit"):
            if getattr(t, key) is not None:
                out[key] = getattr(t, key)
        if baseline is not None:
            out["baseline"] = baseline
        if attribute is not None:
            out["attribute"] = attribute
        if row.category:  # the table's 类别, a fact of the table (the indicator keeps its own category)
            out["table"] = {"group": row.category}
        out["source"] = {"doc": self.doc, "where": row.where, "quote": row.quote}
        return out

    def _actual(self, cells, cols: Columns, line: int, name: str, unit, direction) -> dict | None:
        out: dict = {}
        value = self._number(cells["actual"], line, cols, "actual")
        if value is not None:
            out["value"] = value
        has_level = value is not None
        try:
            found = read_cell(cells["actual_rate"], RowContext(RATE, name, unit, direction, has_level))
        except CellError as exc:
            self._cell_problem(line, cols, "actual_rate", exc.reason)
            found = []
        for t in found:
            kind = t.measure if t.kind == "external" else t.kind
            if kind in ("cagr", "change", "annual_change", "total", "reduction") and isinstance(t.value, float):
                out.setdefault("since", {})[cols.baseline_year] = {
                    kind: abs(t.value) if kind == "reduction" else t.value
                }
        return out or None

    def _number(self, text: str, line: int, cols: Columns, key: str) -> float | None:
        cell = clean(text)
        if cell in ("", "-", "—", "–", "－", "/"):
            return None
        try:
            return float(cell)
        except ValueError:
            self._cell_problem(line, cols, key, msg("import.not_a_number", value=repr(text.strip())))
            return None

    def _cell_problem(self, line: int, cols: Columns, key: str, reason: Msg) -> None:
        """A cell that cannot be read: its line and column, and it is left out."""
        index = getattr(cols, key)
        column = cols.labels[index] if index is not None and index < len(cols.labels) else key
        self.problems.append(Problem.of(self.table.file, line, column, "import.left_for_you", reason=reason))

    def _match(self, name: str, group: str, unit, number: str, sub: int) -> tuple[Indicator | None, bool]:
        # A sub-row's name with each tail of its group's (化学需氧量 + 排放总量 under 主要污染物排放总量减少).
        gbase = base_name(group, None) if group else ""
        tails = [name + gbase[k:] for k in range(len(gbase))]
        for candidate in (name, base_name(name, unit), group + name, *tails):
            found = self.by_name.get(clean(candidate))
            if found is not None:
                return found, True
        return None, False

    def _new_id(self, number: str, sub: int) -> str:
        key = f"{self.plan}_{int(number):02d}" if number.isdigit() else f"{self.plan}_row"
        if sub:
            key += f"_{sub + 1}"
        base, n = key, 1
        while key in self.new_ids.values() or (self.catalogue and key in self.catalogue.indicators):
            n += 1
            key = f"{base}_{n}"
        self.new_ids[f"{number}.{sub}"] = key
        return key

    @staticmethod
    def _direction(name: str) -> str:
        return "down" if any(w in name for w in DOWN_WORDS) else "up"

    def _relatives(self, rows: list[ImportedRow]) -> None:
        """`of:` of a relative target: the id of the indicator its cell names."""
        names = {clean(r.name): r.indicator for r in rows}
        for ind_name, ind in self.by_name.items():
            names.setdefault(ind_name, ind.id)
        for row in rows:
            for t in row.targets:
                if "of" not in t:
                    continue
                text = clean(t["of"])
                wanted = [text, *(GDP_NAMES if text in ECONOMY else ())]
                found = next((names[w] for w in wanted if w in names), None)
                if found is None:
                    self.problems.append(
                        Problem.of(self.table.file, row.line, None, "import.relative_unknown", name=repr(t["of"]))
                    )
                    row.targets.remove(t)
                else:
                    t["of"] = found


def apply_notes(imported: Imported) -> None:
    """Price basis from the table's notes: `X、Y…按当年价格核算` sets `basis: current` on the
    rows named (`…增长速度…按可比价格计算`: their growth targets only)."""
    for note in imported.table.notes:
        for sentence in re.split(r"[。；;]", clean(note)):
            basis = "comparable" if "可比价" in sentence else "current" if "当年价" in sentence else None
            if basis is None:
                continue
            growth_only = "增长速度" in sentence or "增速" in sentence
            head = re.sub(r"^注[:：]?(\(\d+\))?", "", sentence)
            head = re.split(r"(等)?(增长速度)?(均)?按", head)[0]
            names = [n for n in re.split(r"[、,，]", head) if n]
            for row in imported.rows:
                full = clean(row.name)
                if not any(n in (full, base_name(full, row.unit), clean(row.group)) for n in names):
                    continue
                for t in row.targets:
                    kind = t.get("measure", t["kind"])
                    if growth_only and kind not in ("cagr", "relative"):
                        continue
                    if kind in ("level", "cagr", "relative"):
                        t["basis"] = basis


__all__ = ["Importer", "Imported", "ImportedRow", "Columns", "columns_of", "apply_notes", "split_unit"]
