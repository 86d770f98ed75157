"""Actuals: reported figures from YAML, CSV/TSV (and .xlsx) files into `Actuals` (SPEC §3).

This module reads each file with its reader (`actuals_yaml`, `table_rows`, `xlsx`) and merges
them: later files win, `revisions:` supersede earlier figures. The rules every reader follows:

Every problem is a `Problem` naming the file, line (and column) and key; `validate` gets all of a
file's problems at once. Errors stop the file loading; warnings are printed and the figures used.

Errors:
- a file that cannot be read or parsed, is empty, or is not a mapping with `year:`; a duplicate
  key (both lines named); an unknown key, indicator or region (with "did you mean …", searching
  ids and Chinese names); an indicator given twice (by id and by Chinese name);
- `year:` that disagrees with the year in the file name (when the name has one 4-digit year;
  with two, it must lie between them) or with the `year` asked for; a year outside 1900-2200;
- a number that is not finite, 1e15 or more, ambiguous or approximate (see
  `numbers.parse_number`); a unit of another dimension or one that is unknown (`unit:` applies
  to `value` and to the `since` levels change/annual_change/total, not to rates);
- a negative level for an indicator that cannot be negative (any whose name does not speak of
  growth, change, net or balance figures); a share over 100% (any % indicator but gross
  enrolment ratios, completion rates and growth rates); a `reduction` over 100%, a growth rate
  or `cagr` below -100%;
- a unit that is not one unit (69%%, 68.65万人%: pint would read a product or a power);
- in CSV/TSV: a row with more cells than the header, a `done` that is not true/false (是/否), a
  figure given twice for the same indicator, region and year, a quoted cell over a line break (a
  stray " swallows the rows after it). Lines starting with # are comments;
- in .xlsx: a workbook that is damaged or unsafe to parse (see `xlsx`). A cell in a percentage
  number format is read as typed (12%, not 0.12);
- past 100 problems a file reports only their count; reading stops after 10,000 errors.

Warnings (the figures are still used):
- GBK/GB18030 or UTF-16 encoding (the file is read as such);
- indicators left blank (`gdp:` or `gdp: {value: , bound: , growth: , basis: }`, as `jxtargets template` writes
  them): no figure, their targets show no_data; a file that gives no figure at all;
- a figure with nothing but a note;
- a year before the baseline year of every plan in the catalogue (history only), or after the
  current calendar year;
- a value below 1 for a % indicator whose targets are 10 or more (a fraction typed for a
  percentage?);
- a level 100 times or more off every level its indicator's targets give, or off its own figure
  of the nearest earlier year loaded: a unit slip (persons typed into a 万人 column), with the
  figure it would be (`figure_checks.slip_message`);
- the same figure given differently by two files (the later file wins);
- CSV rows with fewer cells than the header (read as if the last columns were blank).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from ..core.model import Actuals, Catalogue, Figure
from .errors import LoadError, Problem
from .figure_checks import unit_slips_over_years
from .files import display_name
from .resolver import Resolver

Break = tuple[str, str, int]  # (indicator, region, first year on the new basis)
# figures, revisions, warnings, series breaks, the file's own `source:` (YAML only)
FileResult = tuple[list[Figure], list[Figure], list[Problem], list[Break], str | None]


class FileFigures(msgspec.Struct):
    """What one file gives: its figures, its revisions of earlier years, and its problems (only
    warnings, unless the file failed to load)."""

    path: Path
    figures: list[Figure] = msgspec.field(default_factory=list)
    revised: list[Figure] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)
    loaded: bool = True
    breaks: list[Break] = msgspec.field(default_factory=list)
    source: str | None = None  # the file's own top-level `source:`


def load_actuals(
    paths: list[Path], catalogue: Catalogue, year: int | None = None, collect: bool = False, use_cache: bool = True
) -> tuple[Actuals, list[Problem]]:
    """Read actuals files into one `Actuals`. Later files' `revisions:` supersede earlier
    figures. Raises LoadError with every problem of every file (unless `collect`, when the
    problems are returned with the warnings)."""
    actuals, problems = merge(read_files(paths, Resolver(catalogue), year, use_cache))
    problems.extend(unit_slips_over_years(actuals, catalogue))
    if not collect and any(not p.warning for p in problems):
        raise LoadError(problems)  # the warnings too: every problem of every file at once
    return actuals, problems


def read_files(paths: Iterable[Path], resolver: Resolver, year: int | None, use_cache: bool) -> Iterator[FileFigures]:
    """Each file read on its own (a file that fails to load gives its problems, no figures)."""
    for path in paths:
        try:
            figures, revised, warnings, breaks, source = _cached_read(path, resolver, year, use_cache)
        except LoadError as exc:
            yield FileFigures(path, problems=list(exc.problems), loaded=False)
            continue
        yield FileFigures(path, list(figures), list(revised), list(warnings), breaks=list(breaks), source=source)


def merge(files: Iterable[FileFigures]) -> tuple[Actuals, list[Problem]]:
    """One `Actuals` from files read in order: a figure given again by a later file replaces the
    earlier one (with a warning when they differ); revisions apply last, keeping the figure they
    revise as `revised_from`."""
    actuals = Actuals()
    problems: list[Problem] = []
    revisions: list[Figure] = []
    for read in files:
        problems.extend(read.problems)
        if not read.loaded:
            continue
        actuals.files.append(str(read.path))
        if read.source:
            actuals.file_sources[str(read.path)] = read.source
        name = display_name(read.path)
        for figure in read.figures:
            previous = actuals.get(figure.indicator, figure.region, figure.year)
            if previous is not None and previous.value != figure.value and figure.value is not None:
                problems.append(
                    Problem.of(
                        name,
                        figure.line,
                        figure.indicator,
                        "actuals.later_file_wins",
                        warning=True,
                        year=figure.year,
                        value=f"{figure.value:g}",
                        previous=repr(previous.value),
                        file=previous.file,
                    )
                )
            actuals.add(figure)
        revisions.extend(read.revised)
        for indicator, region, year in read.breaks:
            actuals.add_break(indicator, region, year)
    for rev in revisions:
        old = actuals.get(rev.indicator, rev.region, rev.year)
        if old is not None:
            rev.revised_from = old.value
            if rev.since == {} and old.since:
                rev.since, rev.since_basis, rev.since_bound = old.since, old.since_basis, old.since_bound
            if rev.growth is None:
                rev.growth = old.growth
        actuals.add(rev)
    return actuals, problems


def untargeted(actuals: Actuals, catalogue: Catalogue, plans: Iterable[str] = ()) -> list[Figure]:
    """The figures that no target (of `plans`, when given) can use: an indicator no plan targets,
    or a region it is not targeted in. For the command line to report, not drop silently."""
    plans = tuple(plans)
    wanted = set()
    for target in catalogue.targets():
        if not plans or target.plan in plans:
            wanted.add((target.indicator, target.region or catalogue.region))
            if target.of:
                wanted.add((target.of, target.region or catalogue.region))
    return [figure for key, series in actuals.figures.items() if key not in wanted for figure in series.values()]


# What the data cache keeps of one file: figures, revisions, warnings, the warnings that depend
# on today's date with the year that decides them, series breaks and the file's own `source:`.
_CACHED = tuple[list[Figure], list[Figure], list[Problem], list[tuple[int, Problem]], list[Break], str | None]


def _cached_read(path: Path, resolver: Resolver, year: int | None, use_cache: bool) -> FileResult:
    """A file's figures, revisions and warnings, through the data cache. What depends on today's
    date (a year in the future) is decided here, after the cache, never stored in it."""
    from .cache import memo
    from .files import read_bytes

    data: bytes | None = None

    def build() -> _CACHED:
        resolver.dated = []
        figures, revised, warnings, breaks, source = read_actuals_file(path, resolver, year, data)
        return list(figures), list(revised), list(warnings), resolver.dated, list(breaks), source

    resolver.dated = []
    try:
        if not use_cache or not resolver.catalogue.digest:
            figures, revised, warnings, dated, breaks, source = build()
        else:
            # The bytes are read once: what is stored is built from exactly the bytes it is keyed by
            # (a file saved during the run cannot put its new figures under the old content's key).
            data = read_bytes(path)
            # (a file name need not be UTF-8: its undecodable bytes are keyed as escapes)
            shown = display_name(path).encode("utf-8", "backslashreplace").decode("utf-8")
            extra = f"{resolver.catalogue.digest}\0{year}\0{shown}\0{path.suffix}"
            figures, revised, warnings, dated, breaks, source = memo("actuals", data, extra, build, _CACHED)
    except LoadError as exc:
        raise LoadError(exc.problems + _in_the_future(resolver.dated)) from None
    return figures, revised, warnings + _in_the_future(dated), [(i, r, y) for i, r, y in breaks], source


def _this_year() -> int:
    import datetime

    return datetime.date.today().year


def _in_the_future(dated: list[tuple[int, Problem]]) -> list[Problem]:
    this_year = _this_year()
    return [problem for year, problem in dated if year > this_year]


def read_actuals_file(path: Path, resolver: Resolver, year: int | None, data: bytes | None = None) -> FileResult:
    """(figures, revised figures, warnings, series breaks, the file's own `source:`) of one file,
    by its extension, from `data` when given (else the file is read); LoadError otherwise. A
    table (CSV/TSV, .xlsx) has no file-level source: each row cites its own."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        from .table_rows import read_table

        return (*read_table(path, resolver, year, "\t" if suffix == ".tsv" else None, data), None)
    if suffix == ".xlsx":
        from .xlsx import read_xlsx

        return (*read_xlsx(path, resolver, year, data), None)
    from .actuals_yaml import read_yaml

    return read_yaml(path, resolver, year, data)
