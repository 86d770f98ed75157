"""Tables laid out as text, one cell per line (a tab before each cell, a blank line between
rows), as PDF converters write them: a completion table (表1 …完成情况) or a table of indicators
with a column for the year (表2 … 2020年). The column headed with the year gives the level; the
column after it headed 年均增长/[累计] gives the figure since the base year (the other year in the
header). Cells are matched to the catalogue's names and aliases; anything else is left out. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.model import Catalogue, Indicator
from ..messages import Msg, msg
from .model import Found, LeftOut, Place
from .names import NameIndex

_TITLE = re.compile(r"^\s*表\s*\d+")
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_BRACKET = re.compile(r"^\[(\d+(?:\.\d+)?)\]")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
_UNIT_IN_NAME = re.compile(r"^(.*?)[（(]([^（）()]*(?:[（(][^（）()]*[）)])?)[）)]$")
_NONE = ("", "—", "-", "－", "/")


@dataclass
class Row:
    line: int
    cells: list[str] = field(default_factory=list)


@dataclass
class Table:
    title: str
    line: int
    rows: list[Row]


def tables(text: str) -> list[Table]:
    """Every table laid out as text, after a title line (表1 …)."""
    out: list[Table] = []
    lines = text.splitlines()
    title, title_line, i = "", 0, 0
    while i < len(lines):
        line = lines[i]
        if _TITLE.match(line) and not line.startswith("\t"):
            title, title_line = re.sub(r"\s+", " ", line.strip()), i + 1
        if not line.startswith("\t"):
            i += 1
            continue
        rows: list[Row] = []
        blank = True
        while i < len(lines):
            line = lines[i]
            if line.startswith("\t"):
                if blank or not rows:
                    rows.append(Row(i + 1))
                rows[-1].cells.append(re.sub(r"\s+", "", line))
                blank = False
            elif not line.strip():
                blank = True
            elif rows and rows[-1].cells and len(line.strip()) < 40 and "。" not in line:
                rows[-1].cells[-1] += re.sub(r"\s+", "", line)  # a cell broken over lines
                blank = False
            else:
                break
            i += 1
        out.append(Table(title, title_line or rows[0].line, rows))
        title, title_line = "", 0
    return out


def _years(cell: str) -> list[int]:
    return [int(y) for y in re.findall(r"(\d{4})年", cell)]


class TableReader:
    def __init__(self, catalogue: Catalogue, index: NameIndex, year: int, doc: str):
        self.catalogue, self.index, self.year, self.doc = catalogue, index, year, doc
        self.found: list[Found] = []
        self.left: list[LeftOut] = []
        self._serial: str | None = None
        self._growth_header: str | None = None  # a 比上年增长 column: growth on the year before

    def leave(self, table: Table, row: Row, cell: str, reason: Msg) -> None:
        self.left.append(LeftOut(cell, reason, " ".join(c for c in row.cells if c), self._place(table, row)))

    def _place(self, table: Table, row: Row, name: str = "") -> Place:
        serial = next((c for c in row.cells[:3] if c.isdigit()), None)
        if serial:
            self._serial = serial
        where = (
            table.title.split(" ")[0] + (f" 序号{self._serial}" if self._serial else "") + (f" {name}" if name else "")
        )
        return Place(self.doc, row.line, where)

    def read(self, table: Table) -> None:
        self._serial = None
        header, body = self._split(table)
        column = self._columns(table, header)
        if isinstance(column, Msg):
            for row in body:
                for cell in row.cells:
                    if re.search(r"\d", cell) and not _years(cell):
                        self.leave(table, row, cell, column)
            return
        value_at, since_at, base = column
        group: list[str] = []
        for row in body:
            cells = row.cells
            if len(cells) < value_at:
                continue
            names = [c for c in cells[: len(cells) - value_at] if c not in _NONE and not _number_like(c)]
            if any(c.isdigit() for c in cells[:3]):
                group = names[:-1]
            self._row(table, row, names, group, cells[-value_at], cells[-since_at] if since_at else None, base)

    def _split(self, table: Table) -> tuple[list[Row], list[Row]]:
        for k, row in enumerate(table.rows):
            if any(_PLAIN.match(c) and not c.isdigit() or _BRACKET.match(c) for c in row.cells) or any(
                self.index.lookup(_name_unit(c)[0]) for c in row.cells
            ):
                return table.rows[:k], table.rows[k:]
        return table.rows, []

    def _columns(self, table: Table, header: list[Row]) -> tuple[int, int | None, int | None] | Msg:
        """(value column from the end, since column from the end, base year), or the reason
        the table cannot be read for this year."""
        heads = [c for row in header for c in row.cells]
        done = "完成" in table.title or any("完成" in c or "实际" in c for c in heads)
        for row in header:
            at = [k for k, c in enumerate(row.cells) if _years(c) == [self.year]]
            if not at:
                continue
            if len(at) > 1 and not done:
                return msg("extract.table_columns", year=self.year, title=table.title[:20])
            k = at[-1]
            value_at = len(row.cells) - k
            since = k + 1 < len(row.cells) and ("增长" in row.cells[k + 1] or "累计" in row.cells[k + 1])
            bases = [y for c in heads for y in _years(c) if y < self.year]
            self._growth_header = row.cells[k + 1] if since and not bases else None
            return value_at, (value_at - 1 if since else None), (min(bases) if bases else None)
        return msg("extract.table_no_column", year=self.year, title=table.title[:20])

    def _resolve(self, names: list[str], group: list[str]) -> tuple[Indicator, str, str | None] | None:
        """The indicator a row names (its cell, and the unit in brackets or the group's)."""
        for cell in reversed(names):
            name, unit = _name_unit(cell.lstrip("#"))
            ids = self.index.lookup(name) or self.index.lookup(re.sub(r"(降低|减少|下降)$", "", name))
            for g in group if not ids else ():
                gname, _ = _name_unit(g)
                for a in range(len(gname)):
                    for b in range(len(gname), a, -1):
                        ids = ids or self.index.lookup(name + gname[a:b])
            if len(ids) == 1:
                units = [u for u in (unit, *(_name_unit(g)[1] for g in group)) if u]
                units += [c for c in names if _is_unit(c)]
                return self.catalogue.indicators[ids[0]], cell, units[0] if units else None
        return None

    def _row(
        self,
        table: Table,
        row: Row,
        names: list[str],
        group: list[str],
        value_cell: str,
        since_cell: str | None,
        base: int | None,
    ) -> None:
        hit = self._resolve(names, group)
        numbers = [c for c in (value_cell, since_cell) if c and c not in _NONE]
        if hit is None:
            for c in numbers:
                self.leave(table, row, c, msg("extract.row_no_indicator"))
            return
        indicator, cell, unit = hit
        start = row.cells.index(cell)
        quote = " ".join(c for c in row.cells[start:] if c)
        place = self._place(table, row, "" if any(c.isdigit() for c in row.cells[:3]) else _name_unit(cell)[0])
        if value_cell not in _NONE:
            self._value(table, row, indicator, unit, value_cell, quote, place)
        if since_cell and since_cell not in _NONE and base:
            self._since(table, row, indicator, since_cell, base, names + group, quote, place)
        elif since_cell and since_cell not in _NONE and self._growth_header:
            self._growth(table, row, indicator, since_cell, quote, place)
        for c in row.cells[start + 1 :]:
            if c not in _NONE and c not in (value_cell, since_cell) and _number_like(c):
                self.leave(table, row, c, _of(indicator.id, msg("extract.other_column", year=self.year)))

    def _growth(self, table: Table, row: Row, indicator: Indicator, cell: str, quote: str, place: Place) -> None:
        from .roles import basis_of

        m = re.match(r"^(-?\d+(?:\.\d+)?)%?$", cell)
        if not m:
            self.leave(table, row, cell, _of(indicator.id, msg("extract.not_plain_growth")))
            return
        basis = basis_of(self._growth_header or "", indicator)
        self.found.append(Found(indicator.id, "growth", float(m.group(1)), place, quote, self.year, basis=basis))

    def _value(
        self, table: Table, row: Row, indicator: Indicator, unit: str | None, cell: str, quote: str, place: Place
    ) -> None:
        if not _PLAIN.match(cell):
            self.leave(table, row, cell, _of(indicator.id, msg("extract.not_plain_figure")))
            return
        own = indicator.unit
        if unit is None or own is None:
            self.leave(table, row, cell, _of(indicator.id, msg("extract.row_no_unit")))
            return
        if unit != own and not _per_name(indicator, unit):
            from ..loading.units import UnitError, factor

            try:
                factor(unit, own)
            except UnitError:
                self.leave(
                    table, row, cell, _of(indicator.id, msg("extract.table_unit_other_dimension", unit=unit, own=own))
                )
                return
        written = None if unit == own or _per_name(indicator, unit) else unit
        self.found.append(Found(indicator.id, "value", float(cell), place, quote, self.year, unit=written))

    def _since(
        self,
        table: Table,
        row: Row,
        indicator: Indicator,
        cell: str,
        base: int,
        words: list[str],
        quote: str,
        place: Place,
    ) -> None:
        text = "".join(words)
        m = _PERCENT.match(cell)
        if m:
            field, value = "cagr", float(m.group(1))
        elif m := re.match(r"^累计(下降|降低|减少)(\d+(?:\.\d+)?)%$", cell):
            field, value = "reduction", float(m.group(2))
        elif m := re.match(r"^年均(增长|提高)(\d+(?:\.\d+)?)个百分点$", cell):
            field, value = "annual_change", float(m.group(2))
        elif m := _BRACKET.match(cell):
            value = float(m.group(1))
            kinds = {t.rule for t in indicator.targets}
            if re.search("降低|减少|下降", text):
                field = "reduction"
            elif indicator.unit != "%" and "total" in kinds:
                field = "total"
            else:
                field = "change"
        else:
            self.leave(table, row, cell, _of(indicator.id, msg("extract.since_not_read", base=base)))
            return
        self.found.append(Found(indicator.id, field, value, place, quote, self.year, since=base))


def _number_like(cell: str) -> bool:
    return bool(_PLAIN.match(cell) or _BRACKET.match(cell) or re.match(r"^[\d.]+%", cell) or "累计" in cell)


def _name_unit(cell: str) -> tuple[str, str | None]:
    m = _UNIT_IN_NAME.match(cell)
    if m and _is_unit(m.group(2)):
        return m.group(1), m.group(2)
    return cell, None


def _is_unit(text: str) -> bool:
    from ..loading.units import UnitError, parse_unit

    if not text or text in _NONE or len(text) > 12:
        return False
    try:
        parse_unit(text)
    except UnitError:
        return False
    return True


def _per_name(indicator: Indicator, unit: str) -> bool:
    """每千人口执业（助理）医师数（人）: a table gives 人 for an indicator in 人/千人 whose name says 每千."""
    own = indicator.unit or ""
    return own.startswith(unit + "/") and own.split("/")[1] in ("千人", "万人") and indicator.name.startswith("每")


def read_tables(text: str, doc: str, year: int, catalogue: Catalogue, index: NameIndex) -> TableReader:
    reader = TableReader(catalogue, index, year, doc)
    for table in tables(text):
        reader.read(table)
    return reader


def _of(indicator: str, reason: Msg) -> Msg:
    """The reason a number of `indicator`'s row was left out."""
    return msg("extract.of_indicator", id=indicator, reason=reason)
