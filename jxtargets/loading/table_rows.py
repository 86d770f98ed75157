"""Actuals from long-format tables: one figure per row, with the columns CSV_COLUMNS. CSV and TSV
files are read here; `xlsx` reads a sheet into rows and hands them to `table_figures` too.

Revisions: in a file whose name carries one year (actuals-2021.csv, form-2021.xlsx), a row for
an earlier year is that release's revision of the earlier figure: it supersedes the figure other
files give for that year (which stays visible as first published), as `revisions:` does in
YAML. A later year than the name's is an error. In a file with no year in its name every row is
a plain figure of its year.

`bound` (lower | upper, 下限 | 上限) marks a value the report gives only as a bound (突破10万元);
`basis` (comparable | current, 可比价 | 当年价) is the price basis of the row's growth and cagr;
`break` (true) says the indicator's series is on a new basis from the row's year on."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ..core.model import SINCE_FIGURES, Figure
from . import fields as f
from .actuals_yaml import BASIS_WORDS, Break, figure_from, word_of
from .errors import LoadError, Problem, Problems
from .figure_checks import blank_warning, name_year_problem, percent, quantity, references, year_warnings, years_in_name
from .files import decode, display_name, read_bytes
from .numbers import NumberError
from .resolver import Resolver

CSV_COLUMNS = (
    "year",
    "indicator",
    "region",
    "value",
    "unit",
    "bound",
    "growth",
    "basis",
    "since",
    *SINCE_FIGURES,
    "done",
    "break",
    "note",
    "source",
)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_VALUE_GROWTH = frozenset(("value", "growth"))
_TRUE = {"true", "yes", "y", "1", "是", "完成", "已完成", "done"}
_FALSE = {"false", "no", "n", "0", "否", "未完成", "not done"}

Cell = Callable[[int, str], str]


def read_table(
    path: Path, resolver: Resolver, want_year: int | None, delimiter: str | None, data: bytes | None = None
) -> tuple[list[Figure], list[Figure], list[Problem], list[Break]]:
    """(figures, revised figures, warnings, breaks) of one CSV or TSV file (`delimiter` None:
    guessed from the header line); LoadError with all its problems."""
    import csv

    name = display_name(path)
    warnings: list[Problem] = []
    text = decode(read_bytes(path) if data is None else data, name, warnings)
    data = None  # the text is all that is needed from here on (a 200 MB file is not kept twice)
    if delimiter is None:
        end = text.find("\n")
        first = text[: end if end >= 0 else len(text)]
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    problems = Problems(name, list(warnings))
    reader = csv.reader(_lines(text), delimiter=delimiter)
    header: list[str] = []
    try:
        while not any(header):
            header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise LoadError(problems.every + [Problem.of(name, None, None, "csv.no_header")]) from None
    except csv.Error as exc:
        raise LoadError([Problem.of(name, reader.line_num or 1, None, "csv.malformed", detail=str(exc))]) from None
    hline = reader.line_num
    for h in header:
        if h not in CSV_COLUMNS:
            problems.add(hline, h or "(blank)", "csv.unknown_column", hint=f.did_you_mean(h, CSV_COLUMNS))
    for column in sorted({h for h in header if header.count(h) > 1}):
        problems.add(hline, column, "csv.column_twice")
    for required in ("year", "indicator"):
        if required not in header:
            problems.add(hline, required, "csv.column_missing")
    problems.raise_if_any()
    width = len(header)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        while True:
            start = reader.line_num + 1
            try:
                row: list[Any] = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                problems.add(reader.line_num, None, "csv.malformed", detail=str(exc))
                return
            if reader.line_num > start:
                # A quote left open swallows the lines after it into one cell (a stray "?).
                problems.add(start, None, "csv.stray_quote", start=start, end=reader.line_num)
                continue
            if len(row) > width:
                if any(c.strip() for c in row[width:]):
                    problems.add(reader.line_num, None, "csv.too_many_cells", cells=len(row), width=width)
                    continue
                del row[width:]
            elif len(row) < width:
                if len(row) > 1:  # (a blank line is one empty cell or none)
                    short.append(reader.line_num)
                row.extend([None] * (width - len(row)))  # read as if the column were absent
            yield reader.line_num, row

    short: list[int] = []
    figures, revised, breaks = table_figures(rows(), resolver, want_year, name, problems, path, header=header)
    if short:
        # A cell missing in the middle shifts the later ones left: say so (once per file).
        problems.warn(short[0], None, "csv.short_rows", rows=len(short), width=width, first=short[0])
    problems.raise_if_any()
    return figures, revised, problems.warnings, breaks


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` with their endings (\n, \r\n or \r), one at a time (a 200 MB file is
    not copied); a line starting with # (a comment) is read as a blank line, keeping the numbers."""
    for match in _LINE.finditer(text):
        line = match.group()
        yield "\n" if line.startswith("#") else line


def _column(row: int, column: str) -> str:
    return f"column {column}"


def table_figures(
    rows: Iterable[tuple[int, Any]],
    resolver: Resolver,
    want_year: int | None,
    name: str,
    problems: Problems,
    path: Path,
    cell: Cell = _column,
    header: list[str] | None = None,
    no_figures: tuple[str, Mapping[str, object]] = ("csv.no_figures", {}),
) -> tuple[list[Figure], list[Figure], list[Break]]:
    """Figures from long-format rows (CSV, TSV and .xlsx share this): (line, row) pairs, each row a
    dict of column -> cell, or, when `header` (distinct names of CSV_COLUMNS, with year and
    indicator) is given, a list of exactly its cells in its order (None for a missing cell).
    `cell(line, column)` names a cell in a problem. Raises nothing: every problem goes to
    `problems`, a file with no figure at all is one of them (the warning `no_figures`, a message
    code and its parameters: how to fill in this kind of file). Returns (figures, revised figures,
    series breaks)."""
    if header is None:
        header = list(CSV_COLUMNS)
        rows = ((line, [row.get(c) for c in CSV_COLUMNS]) for line, row in rows)
    at = {column: header.index(column) if column in header else None for column in CSV_COLUMNS}
    i_year, i_indicator = header.index("year"), header.index("indicator")
    i_region, i_done, i_since = (at[c] for c in ("region", "done", "since"))
    i_basis, i_break = at["basis"], at["break"]
    plain = [(k, i) for k in ("value", "unit", "bound", "growth", "note", "source") if (i := at[k]) is not None]
    since_at = [(k, i) for k in SINCE_FIGURES if (i := at[k]) is not None]
    # Where a value or growth problem is, when it does not depend on the line (CSV, TSV).
    fixed = cell is _column
    value_at, growth_at = cell(0, "value"), cell(0, "growth")
    figures: list[Figure] = []
    revised: list[Figure] = []
    breaks: list[Break] = []
    region0 = resolver.catalogue.region
    regions = resolver.catalogue.regions
    indicators = resolver.catalogue.indicators
    name_years = years_in_name(path)
    seen: dict[tuple[str, str, int], int] = {}
    blanks: list[tuple[int | None, str]] = []
    warned_years: set[int] = set()
    years: dict[str, int] = {}  # year cells read, by their text
    unknown_before, given = resolver.unknown, 0
    year_of = f.year_of
    for line, row in rows:
        if problems.more_errors and problems.too_many:
            problems.stopped = line
            break
        raw_year = row[i_year]
        year = years.get(raw_year) if raw_year.__class__ is str else None
        if year is None:
            if raw_year is None or raw_year.__class__ is str and not raw_year.strip():
                if not any((v or "").strip() if isinstance(v, str) else v is not None for v in row):
                    continue  # a blank row
            try:
                year = year_of(raw_year)
            except NumberError as exc:
                problems.add(line, cell(line, "year"), exc.msg)
                continue
            if raw_year.__class__ is str:
                years[raw_year] = year
        # A row for a year before the one year in the file's name: a revision by this release.
        revision = len(name_years) == 1 and year < name_years[0]
        if name_years and not revision:
            wrong = name_year_problem(year, name_years)
            if wrong:
                problems.add(line, cell(line, "year"), wrong)
        if want_year is not None and year != want_year and not revision:
            problems.add(line, cell(line, "year"), "year.not_the_option", year=year, want=want_year)
        if year not in warned_years:
            warned_years.add(year)
            year_warnings(year, resolver, problems, line, cell(line, "year"))
        given += 1
        key = row[i_indicator]
        key = (key.strip() if key.__class__ is str else str(key).strip()) if key is not None else ""
        iid = key if key in indicators else resolver.indicator(key)
        if iid is None:
            if key:
                problems.add(
                    line, cell(line, "indicator"), "indicator.unknown_named", name=repr(key), hint=resolver.hint(key)
                )
            else:
                problems.add(line, cell(line, "indicator"), "indicator.none_given")
            continue
        region = row[i_region] if i_region is not None else None
        region = (str(region).strip() if region else "") or region0
        if region not in regions:
            hint = f.did_you_mean(region, regions)
            problems.add(line, cell(line, "region"), "region.unknown", region=repr(region), hint=hint)
            continue
        first = seen.setdefault((iid, region, year), line)
        if first != line:  # lines are distinct: given before
            problems.add(
                line,
                cell(line, "indicator"),
                "csv.given_twice",
                id=iid,
                year=year,
                region=region,
                first=first,
                again=line,
            )
            continue
        mapping: dict[str, Any] = {}
        for k, i in plain:
            v = row[i]
            if v.__class__ is str:
                v = v.strip()
                if v:
                    mapping[k] = v
            elif v is not None and str(v).strip() != "":
                mapping[k] = v
        done = row[i_done] if i_done is not None else None
        if done is None or done == "":
            pass
        elif isinstance(done, bool):
            mapping["done"] = done
        elif str(done).strip():
            word = str(done).strip().lower()
            if word in _TRUE or word in _FALSE:
                mapping["done"] = word in _TRUE
            else:
                problems.add(line, cell(line, "done"), "csv.expected_bool", got=repr(str(done)[:40]))
                continue
        if i_break is not None and row[i_break] is not None and str(row[i_break]).strip():
            flag = str(row[i_break]).strip().lower()
            if flag in _TRUE:
                breaks.append((iid, region, year))
            elif flag not in _FALSE:
                problems.add(line, cell(line, "break"), "csv.expected_bool", got=repr(flag[:40]))
                continue
        basis = row[i_basis] if i_basis is not None else None
        if basis is not None and str(basis).strip():
            basis = word_of(basis, BASIS_WORDS, problems, line, cell(line, "basis"))
            if basis is None:
                continue
        else:
            basis = None
        figs: dict[str, Any] | None = None
        for k, i in since_at:
            v = row[i]
            if v is not None and v != "" and (v.__class__ is not str or v.strip()):
                if figs is None:
                    figs = {}
                figs[k] = v
        if figs:
            try:
                start = year_of(row[i_since] if i_since is not None else None)
            except NumberError:
                problems.add(line, cell(line, "since"), "csv.needs_since")
                continue
            if basis is not None:
                figs["basis"] = basis
            mapping["since"] = {start: figs}
        if basis is not None and "growth" in mapping:
            mapping["growth"] = {"value": mapping["growth"], "basis": basis}
        figure: Figure | None
        if mapping and mapping.keys() <= _VALUE_GROWTH:
            # The usual row, a value and a growth rate: what figure_from makes of them, sooner.
            figure = Figure(iid, region, year, file=name, line=line or 0)
            if not fixed:
                value_at, growth_at = cell(line, "value"), cell(line, "growth")
            v = mapping.get("value")
            if v is not None:
                indicator = indicators[iid]
                refs = references(resolver, indicator)
                figure.value = quantity(v, None, indicator, problems, line, value_at, refs=refs)
            v = mapping.get("growth")
            if v is not None:
                figure.growth = percent(v, problems, line, growth_at)
        else:
            before = len(problems.items)
            figure = figure_from(iid, region, year, mapping, line, "", name, resolver, problems)
            # figure_from names keys as paths in a mapping; in a table they are cells of this row.
            for i in range(before, len(problems.items)):
                p = problems.items[i]
                column = next((c for c in reversed((p.key or "").split(".")) if c in CSV_COLUMNS), "value")
                problems.items[i] = replace(p, line=line, key=cell(line, column))
        if figure is None:
            if not breaks or breaks[-1] != (iid, region, year):  # a row that only marks a break
                blanks.append((line, f"{iid} ({year})"))
            continue
        if revision:
            figure.revised_in = name
            revised.append(figure)
        else:
            figures.append(figure)
    resolver.wrong_catalogue(problems, unknown_before, given)
    blank_warning(blanks, problems)
    if not figures and not revised and not breaks and not problems.errors:
        problems.warn(None, None, no_figures[0], **no_figures[1])
    return figures, revised, breaks
