"""Actuals from an .xlsx sheet (a filled-in `jxtargets template` form, or any sheet with the
documented long-format columns). openpyxl is imported only here."""

from __future__ import annotations

from pathlib import Path

from .errors import LoadError, Problem, Problems
from .files import display_name, read_bytes

# Columns of the template that are there for people, not figures.
INFORMATIONAL = ("name", "unit_hint", "previous", "previous_year", "名称", "上年")


def read_xlsx(path: Path, resolver, want_year: int | None):
    import io
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from .table_rows import CSV_COLUMNS, table_figures

    name = display_name(path)
    data = read_bytes(path)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoadError([Problem(name, None, None, f"not a readable .xlsx workbook ({exc})")]) from None
    sheet = book["actuals"] if "actuals" in book.sheetnames else book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    problems = Problems(name)
    header_row = next(rows, None)
    if header_row is None:
        raise LoadError([Problem(name, None, None, f"sheet {sheet.title!r} is empty")])
    header = [str(h).strip().lower() if h is not None else "" for h in header_row]
    columns = {}
    for i, h in enumerate(header):
        if not h or h in INFORMATIONAL:
            continue
        if h not in CSV_COLUMNS:
            problems.add(1, f"{sheet.title}!{get_column_letter(i + 1)}1", f"unknown column {h!r}")
        columns[h] = i
    for required in ("year", "indicator"):
        if required not in columns:
            problems.add(1, f"{sheet.title}!1", f"missing column {required!r}")
    problems.raise_if_any()

    def cell(row: int, column: str) -> str:
        letter = get_column_letter(columns[column] + 1) if column in columns else "?"
        return f"{sheet.title}!{letter}{row} ({column})"

    def records():
        for i, values in enumerate(rows, start=2):
            row = {}
            for column, j in columns.items():
                v = values[j] if j < len(values) else None
                row[column] = v if not isinstance(v, float) or v != int(v) or column != "year" else int(v)
            yield i, row

    figures, revised, breaks = table_figures(records(), resolver, want_year, name, problems, path, cell=cell)
    book.close()
    problems.raise_if_any()
    return figures, revised, problems.warnings, breaks
