"""Actuals from an .xlsx sheet (a filled-in `jxtargets template` form, or any sheet with the
documented long-format columns). openpyxl is imported only here.

A workbook is checked before openpyxl parses it, so that a hostile or broken file is refused with
one line instead of a crash or a long parse: its XML parts may hold no DTD (entity expansion), no
comment, and no run of more than MAX_TOKEN bytes without markup (Python's expat before 2.6
re-reads a long token from its start for every 16 KB it is given: a 16 MB comment, 40 KB
compressed, took 16 s), and at most MAX_XML bytes once decompressed. A cell in a percentage
number format holds the fraction (12% typed is stored as 0.12): it is read as written, 12%.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from ..core.model import Figure
from ..messages import Msg, msg
from .actuals_yaml import Break
from .errors import LoadError, Problem, Problems
from .files import MAX_BYTES, display_name, read_bytes
from .resolver import Resolver

# Columns of the template that are there for people, not figures.
INFORMATIONAL = ("name", "unit_hint", "previous", "previous_year", "名称", "上年")
# The most bytes of XML a workbook may decompress to, and the longest stretch between two '<'
# (Excel writes at most 32,767 characters in a cell: about 128 KB of UTF-8).
MAX_XML = MAX_BYTES
MAX_TOKEN = 1024 * 1024
_CHUNK = 256 * 1024
# What openpyxl or the XML parser raises on a damaged workbook.
_BROKEN = (zipfile.BadZipFile, zlib.error, ParseError, KeyError, ValueError, OverflowError, EOFError, OSError)


def read_xlsx(
    path: Path, resolver: Resolver, want_year: int | None, data: bytes | None = None
) -> tuple[list[Figure], list[Figure], list[Problem], list[Break]]:
    """(figures, revised figures, warnings, breaks) of the `actuals` sheet (or the first one);
    LoadError otherwise."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from .table_rows import CSV_COLUMNS, table_figures

    name = display_name(path)
    if data is None:
        data = read_bytes(path)
    _check_parts(data, name)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book["actuals"] if "actuals" in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows()
        header_row = next(rows, None)
    except _BROKEN as exc:
        raise LoadError([Problem.of(name, None, None, "xlsx.unreadable", detail=_why(exc))]) from None
    title = sheet.title
    problems = Problems(name)
    if header_row is None:
        raise LoadError([Problem.of(name, None, None, "xlsx.empty_sheet", sheet=repr(title))])
    from ..messages.form import form_keys

    keys = form_keys()  # the form's Chinese headers (jxtargets template) read as the keys
    header = [str(c.value).strip().lower() if c.value is not None else "" for c in header_row]
    header = [keys.get(h, h) for h in header]
    columns: dict[str, int] = {}
    for i, h in enumerate(header):
        if not h or h in INFORMATIONAL:
            continue
        if h not in CSV_COLUMNS:
            problems.add(1, f"{title}!{get_column_letter(i + 1)}1", "xlsx.unknown_column", name=repr(h))
        columns[h] = i
    for required in ("year", "indicator"):
        if required not in columns:
            problems.add(1, f"{title}!1", "xlsx.missing_column", name=repr(required))
    problems.raise_if_any()

    def cell(row: int, column: str) -> str:
        letter = get_column_letter(columns[column] + 1) if column in columns else "?"
        return f"{title}!{letter}{row} ({column})"

    reached = [1]

    def records() -> Iterator[tuple[int, dict[str, Any]]]:
        for i, cells in enumerate(rows, start=2):
            reached[0] = i
            row: dict[str, Any] = {}
            for column, j in columns.items():
                row[column] = _value(cells[j], column) if j < len(cells) else None
            yield i, row

    # A blank form: say which column to fill in, in the sheet's own terms (not a CSV row).
    value_column = get_column_letter(columns["value"] + 1) if "value" in columns else None
    no_figures = (
        ("xlsx.no_figures", {"sheet": title, "column": value_column})
        if value_column
        else ("xlsx.no_value_column", {"sheet": title})
    )
    try:
        figures, revised, breaks = table_figures(
            records(), resolver, want_year, name, problems, path, cell=cell, no_figures=no_figures
        )
    except _BROKEN as exc:
        row = reached[0] + 1
        raise LoadError([Problem.of(name, row, f"{title}!{row}", "xlsx.broken_row", detail=_why(exc))]) from None
    finally:
        book.close()
    problems.raise_if_any()
    return figures, revised, problems.warnings, breaks


def _value(c: Any, column: str) -> Any:
    """A cell's value as it was typed: a number in a percentage format as "12%", not 0.12; a
    year typed in a number format (2020.0) as 2020."""
    v = c.value
    if v.__class__ is float:
        if column == "year" and v.is_integer():
            return int(v)
        if _is_percent(getattr(c, "number_format", None)):
            return f"{(Decimal(repr(v)) * 100).normalize():f}%"
    elif v.__class__ is int and _is_percent(getattr(c, "number_format", None)):
        return f"{v * 100}%"
    return v


def _is_percent(fmt: str | None) -> bool:
    """Whether an Excel number format multiplies by 100: a % outside quotes, escapes and [ ]."""
    if not fmt or "%" not in fmt:
        return False
    quoted = bracket = escaped = False
    for ch in fmt:
        if escaped:
            escaped = False
        elif quoted:
            quoted = ch != '"'
        elif bracket:
            bracket = ch != "]"
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = True
        elif ch == "[":
            bracket = True
        elif ch == "%":
            return True
    return False


def _check_parts(data: bytes, name: str) -> None:
    """Refuse a workbook whose XML would be slow or unsafe to parse (see the module's docstring),
    reading each part once, in chunks."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = 0
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            last, pos, tail = 0, 0, b""
            with archive.open(info) as part:
                while chunk := part.read(_CHUNK):
                    total += len(chunk)
                    if total > MAX_XML:
                        _refuse(name, msg("xlsx.xml_too_large", limit=MAX_XML))
                    seen = tail + chunk
                    for mark, what in (
                        (b"<!--", "xlsx.comment"),
                        (b"<!DOCTYPE", "xlsx.dtd"),
                        (b"<!ENTITY", "xlsx.dtd"),
                    ):
                        if mark in seen:
                            _refuse(name, msg("xlsx.unwritten", part=info.filename, what=msg(what)))
                    first = chunk.find(b"<")
                    if (pos + first if first >= 0 else pos + len(chunk)) - last > MAX_TOKEN:
                        _refuse(name, msg("xlsx.no_markup", part=info.filename, limit=MAX_TOKEN))
                    if first >= 0:
                        last = pos + chunk.rfind(b"<")
                    pos += len(chunk)
                    tail = chunk[-8:]
            if pos - last > MAX_TOKEN:
                _refuse(name, msg("xlsx.no_markup", part=info.filename, limit=MAX_TOKEN))
    except _BROKEN as exc:
        raise LoadError([Problem.of(name, None, None, "xlsx.unreadable", detail=_why(exc))]) from None


def _refuse(name: str, why: Msg) -> None:
    raise LoadError([Problem.of(name, None, None, "xlsx.unusable", why=why)])


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
