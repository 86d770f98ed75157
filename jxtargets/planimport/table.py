"""Reading a plan's main-indicator table into rows of cell texts, from .xlsx, .csv or the
PDF-extracted text layout of 表1/表2 (one cell per line, each line starting with a tab).

The text layout, as PDF extraction writes it:
- a line that starts with a tab is a cell; a blank line followed by a cell starts a new row;
- a line without a tab continues the cell before it (a cell the PDF broke over lines, such as
  `年均增长1.2个` / `百分点`) while the row is still short of cells; once the row is complete it
  ends the table, as does a line starting with 注 (the table's notes, kept);
- the table's title is the text line before it (`表2 嘉兴市“十四五”时期经济社会发展主要指标`).

The header is the rows before the first row with a number under 序号; a two-row header such as
表1's (规划目标 over 2020年 | 年均增长) is combined into labels like `规划目标/2020年`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..loading.errors import LoadError, Problem
from ..loading.files import decode, display_name, read_bytes
from ..messages import msg
from .grammar import clean


@dataclass
class Row:
    cells: list[str]
    line: int  # the file's line (text, CSV) or the sheet's row (xlsx)


@dataclass
class Table:
    title: str
    header: list[list[str]]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    grid: bool = False  # every row has one cell per column (xlsx, CSV), merged cells blank
    file: str = ""

    @property
    def label(self) -> str:
        """`表2` from the title `表2 嘉兴市…`, else ''."""
        m = re.match(r"\s*(表\s*\d+)", self.title)
        return re.sub(r"\s+", "", m.group(1)) if m else ""


def read_table(path: Path, which: str | None = None) -> Table:
    """The indicator table in `path`; `which` (表2) picks one of several in a text file."""
    name = display_name(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        tables = [_grid_table(_xlsx_rows(path), name, path.stem)]
    elif suffix in (".csv", ".tsv"):
        warnings: list[Problem] = []
        text = decode(read_bytes(path), name, warnings)
        tables = [_grid_table(_csv_rows(text, "\t" if suffix == ".tsv" else ","), name, path.stem)]
    else:
        warnings = []
        tables = text_tables(decode(read_bytes(path), name, warnings), name)
    if which:
        want = clean(which)
        found = [t for t in tables if clean(t.title).startswith(want) or clean(t.label) == want]
        if not found:
            titles = "; ".join(t.title for t in tables) or msg("word.none")
            raise LoadError(
                [Problem.of(name, None, "--table", "import.no_such_table", which=repr(which), titles=titles)]
            )
        return found[0]
    if len(tables) != 1:
        titles = "; ".join(t.title for t in tables) or msg("word.none")
        raise LoadError([Problem.of(name, None, None, "import.several_tables", count=len(tables), titles=titles)])
    return tables[0]


def _is_number_cell(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}", clean(text)))


def _header_end(rows: list[Row]) -> int | None:
    """Index of the first data row: the first with a number in its first two cells, after a row
    naming 序号 or 指标."""
    start = None
    for i, row in enumerate(rows):
        words = [clean(c) for c in row.cells]
        if start is None and any(w in ("序号", "编号") or w.startswith("指标") for w in words):
            start = i
        elif start is not None and any(_is_number_cell(c) for c in row.cells[:2]):
            return i
    return None


def text_tables(text: str, name: str) -> list[Table]:
    """Every indicator table in a PDF-extracted text (see the module docstring)."""
    lines = text.splitlines()
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("\t"):
            i += 1
            continue
        title = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        rows, i = _text_rows(lines, i)
        end = _header_end(rows)
        notes: list[str] = []
        if i < len(lines) and lines[i].lstrip().startswith("注"):
            notes.append(lines[i].strip())
            i += 1
            while i < len(lines) and re.match(r"\s*[（(]\d+[）)]", lines[i]):
                notes.append(lines[i].strip())
                i += 1
        if end is not None:
            tables.append(Table(title, [r.cells for r in rows[:end]], rows[end:], notes, False, name))
    return tables


def _text_rows(lines: list[str], i: int) -> tuple[list[Row], int]:
    rows: list[Row] = []
    width = 0  # the widest header row: a data row with fewer cells is not complete
    blank = False
    header = True
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            if blank or not rows:
                if rows and header and any(_is_number_cell(c) for c in rows[-1].cells[:2]):
                    header = False
                rows.append(Row([], i + 1))
                if header:
                    width = max([width, *(len(r.cells) for r in rows[:-1])])
            rows[-1].cells.append(line[1:].strip())
            blank = False
        elif not line.strip():
            blank = True
        else:
            text = line.strip()
            complete = not header and len(rows[-1].cells) >= width
            if text.startswith("注") or complete or not rows[-1].cells:
                break
            rows[-1].cells[-1] += text
            blank = False
        i += 1
    return [r for r in rows if any(c for c in r.cells) or len(r.cells) > 0], i


def _grid_table(rows: list[Row], name: str, title: str) -> Table:
    rows = [r for r in rows if any(c for c in r.cells)]
    notes = [r.cells[0] for r in rows if r.cells and clean(r.cells[0]).startswith("注")]
    rows = [r for r in rows if not (r.cells and clean(r.cells[0]).startswith("注"))]
    first = rows[0].cells if rows else []
    if len([c for c in first if c]) == 1:  # a title row above the header (a header has several cells)
        title, rows = next(c for c in first if c), rows[1:]
    end = _header_end(rows)
    if end is None:
        raise LoadError([Problem.of(name, None, None, "import.no_table")])
    return Table(title, [r.cells for r in rows[:end]], rows[end:], notes, True, name)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(path: Path) -> list[Row]:
    import openpyxl

    name = display_name(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any reader failure is a bad file, named
        raise LoadError([Problem.of(name, None, None, "import.workbook_unreadable", detail=str(exc))]) from None
    try:
        sheet = book.worksheets[0]
        return [
            Row([_cell_text(v) for v in values], i) for i, values in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    finally:
        book.close()


def _csv_rows(text: str, delimiter: str) -> list[Row]:
    import csv
    import io

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [Row([c.strip() for c in cells], reader.line_num) for cells in reader]


def document_text(path: Path) -> str:
    """A source document's text for the quote check: a workbook's or CSV's cells one per line
    (a row's quote is its cells in order), else the decoded text. LoadError if unreadable."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return "\n".join(c for row in _xlsx_rows(path) for c in row.cells)
    warnings: list[Problem] = []
    text = decode(read_bytes(path), display_name(path), warnings)
    if suffix in (".csv", ".tsv"):
        return "\n".join(c for row in _csv_rows(text, "\t" if suffix == ".tsv" else ",") for c in row.cells)
    return text


def labels(table: Table) -> list[str]:
    """One label per column from the header rows: a second header row's cells go under the
    first row's cell above them (`规划目标/2020年`). In a grid (xlsx, CSV) a first-row cell spans
    until the next non-blank one; in the text layout, where merged cells collapse, the first-row
    cells left over are shared out evenly over the second row's cells."""
    rows = [[clean(c) for c in r] for r in table.header]
    top = rows[0] if rows else []
    below = next((r for r in rows[1:] if any(r)), None)
    if below is None:
        return top
    width = max(len(top), len(below))
    top, below = top + [""] * (width - len(top)), below + [""] * (width - len(below))
    first = next(i for i, c in enumerate(below) if c)
    if table.grid:  # merged cells: a blank continues the cell to its left
        parent, out = "", []
        for i in range(width):
            parent = top[i] or parent
            out.append(f"{parent}/{below[i]}" if below[i] else parent)
        return out
    out = [top[i] for i in range(first)]
    parents = [c for c in top[first:] if c]
    children = below[first:]
    if not parents or len(children) % len(parents):
        return out + [p for p in children]
    share = len(children) // len(parents)
    return out + [f"{parents[k // share]}/{c}" if c else parents[k // share] for k, c in enumerate(children)]


__all__ = ["Row", "Table", "read_table", "text_tables", "labels", "document_text"]
