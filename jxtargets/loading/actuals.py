"""Actuals: reported figures from YAML, CSV/TSV (and .xlsx) files into `Actuals` (SPEC §3).

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
- in CSV/TSV: a row with more cells than the header, a `done` that is not true/false (是/否), a
  figure given twice for the same indicator, region and year. Lines starting with # are comments.

Warnings (the figures are still used):
- GBK/GB18030 or UTF-16 encoding (the file is read as such);
- indicators left blank (`gdp:` or `gdp: {value: , growth: }`, as `jxtargets template` writes
  them): no figure, their targets show no_data; a file that gives no figure at all;
- a figure with nothing but a note;
- a year before the baseline year of every plan in the catalogue (history only), or after the
  current calendar year;
- a value below 1 for a % indicator whose targets are 10 or more (a fraction typed for a
  percentage?);
- the same figure given differently by two files (the later file wins).
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from ..core.kinds import PERCENT_SINCE_FIGURES
from ..core.model import SINCE_FIGURES, Actuals, Catalogue, Figure, Source
from . import fields as f
from .errors import LoadError, Problem, Problems
from .files import decode, display_name, read_bytes
from .numbers import LARGEST, NumberError, parse_number

TOP_KEYS = ("year", "source", "values", "regions", "revisions", "note")
VALUE_KEYS = ("value", "unit", "growth", "since", "done", "note", "source", "alt")
CSV_COLUMNS = (
    "year",
    "indicator",
    "region",
    "value",
    "unit",
    "growth",
    "since",
    *SINCE_FIGURES,
    "done",
    "note",
    "source",
)
_YEAR_IN_NAME = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_PERCENT_UNITS = (None, "%", "个百分点")
MAX_HINTS = 25
_COMMENT_LINE = re.compile(r"^#[^\r\n]*", re.M)


class Resolver:
    """Looks indicators up by id or Chinese name, for one catalogue. A name written with other
    spaces or full-width/half-width characters (（PM2.5） for (PM2.5)) matches when it matches
    one indicator only."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.by_name: dict[str, str] = {}
        self.ambiguous: dict[str, list[str]] = {}
        for ind in catalogue.indicators.values():
            if ind.name in self.by_name:
                self.ambiguous.setdefault(ind.name, [self.by_name[ind.name]]).append(ind.id)
            self.by_name.setdefault(ind.name, ind.id)
        self._loose: dict[str, str] | None = None
        self.unknown = 0
        self._min_baseline = min((p.baseline_year for p in catalogue.plans.values()), default=None)

    @property
    def loose(self) -> dict[str, str]:
        """Loosened id or name -> id, for the names that loosen to one indicator only. Built on
        the first lookup that needs it (NFKC of every id and name: ~0.1 s for 10,000)."""
        if self._loose is None:
            loose: dict[str, set[str]] = {}
            for ind in self.catalogue.indicators.values():
                for key in (ind.id, ind.name):
                    loose.setdefault(_loose(key), set()).add(ind.id)
            self._loose = {k: next(iter(v)) for k, v in loose.items() if len(v) == 1}
        return self._loose

    def indicator(self, key) -> str | None:
        if not isinstance(key, str):
            return None
        if key in self.catalogue.indicators:
            return key
        if key in self.ambiguous:
            return None
        found = self.by_name.get(key)
        if found is None and len(key) < 200:
            found = self.loose.get(_loose(key))
        return found

    def hint(self, key: str) -> str:
        """' (did you mean …?)' for the first MAX_HINTS unknown keys (each costs ~5 ms: a file of
        10,000 unknown ids, checked against the wrong catalogue, would take a minute)."""
        self.unknown += 1
        if key in self.ambiguous:
            return f" ({key!r} names {', '.join(self.ambiguous[key])}; give the id)"
        if len(key) > 200 or self.unknown > MAX_HINTS:
            return ""
        return f.suggest(str(key), self.catalogue.indicators, self.by_name)

    def wrong_catalogue(self, problems: Problems, before: int, total: int) -> None:
        """One more line when most of a file's indicators are unknown: the wrong catalogue?"""
        unknown = self.unknown - before
        if unknown > MAX_HINTS and unknown * 2 > total:
            where = display_name(Path(self.catalogue.path)) if self.catalogue.path else "the catalogue"
            problems.add(
                None,
                None,
                f"{unknown} of {total} indicators are unknown to {where}: is it the "
                "right catalogue (--catalogue FILE)?",
            )


def _loose(key: str) -> str:
    return "".join(unicodedata.normalize("NFKC", key).split()).casefold()


def load_actuals(
    paths: list[Path], catalogue: Catalogue, year: int | None = None, collect: bool = False, use_cache: bool = True
) -> tuple[Actuals, list[Problem]]:
    """Read actuals files into one `Actuals`. Later files' `revisions:` supersede earlier
    figures. Raises LoadError with every problem of every file (unless `collect`, when the
    problems are returned with the warnings)."""
    actuals = Actuals()
    resolver = Resolver(catalogue)
    problems: list[Problem] = []
    revisions: list[Figure] = []
    for path in paths:
        name = display_name(path)
        try:
            figures, revised, warnings = _cached_read(path, resolver, year, use_cache)
        except LoadError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(warnings)
        actuals.files.append(str(path))
        for figure in figures:
            previous = actuals.get(figure.indicator, figure.region, figure.year)
            if previous is not None and previous.value != figure.value and figure.value is not None:
                problems.append(
                    Problem(
                        name,
                        figure.line,
                        figure.indicator,
                        f"{figure.year} figure {figure.value:g} differs from "
                        f"{previous.value!r} in {previous.file}; the later file wins",
                        warning=True,
                    )
                )
            actuals.add(figure)
        revisions.extend(revised)
    for rev in revisions:
        old = actuals.get(rev.indicator, rev.region, rev.year)
        if old is not None:
            rev.revised_from = old.value
            if rev.since == {} and old.since:
                rev.since = old.since
            if rev.growth is None:
                rev.growth = old.growth
        actuals.add(rev)
    if not collect and any(not p.warning for p in problems):
        raise LoadError(problems)  # the warnings too: every problem of every file at once
    return actuals, problems


def untargeted(actuals: Actuals, catalogue: Catalogue, plans=()) -> list[Figure]:
    """The figures that no target (of `plans`, when given) can use: an indicator no plan targets,
    or a region it is not targeted in. For the command line to report, not drop silently."""
    wanted = set()
    for target in catalogue.targets():
        if not plans or target.plan in plans:
            wanted.add((target.indicator, target.region or catalogue.region))
            if target.of:
                wanted.add((target.of, target.region or catalogue.region))
    return [figure for key, series in actuals.figures.items() if key not in wanted for figure in series.values()]


def _cached_read(path: Path, resolver: Resolver, year: int | None, use_cache: bool):
    from .cache import memo
    from .files import read_bytes as read

    if not use_cache or not resolver.catalogue.digest:
        return read_actuals_file(path, resolver, year)
    extra = f"{resolver.catalogue.digest}\0{year}\0{display_name(path)}\0{path.suffix}"
    return memo("actuals", read(path), extra, lambda: tuple(read_actuals_file(path, resolver, year)))


def read_actuals_file(path: Path, resolver: Resolver, year: int | None):
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_table(path, resolver, year, "\t" if suffix == ".tsv" else None)
    if suffix == ".xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(path, resolver, year)
    return _read_yaml(path, resolver, year)


def _read_yaml(path: Path, resolver: Resolver, want_year: int | None):
    from .yamltree import read_yaml_file

    tree, problems = read_yaml_file(path)
    name = problems.file
    if tree is None:
        problems.add(None, None, "file is empty (only comments or blank lines)")
        problems.raise_if_any()
    if not isinstance(tree, dict):
        problems.add(
            getattr(tree, "line", 1),
            None,
            f"an actuals file must be a YAML mapping with year: and values:, not {f._kind(tree)}",
        )
        problems.raise_if_any()
    f.unknown_keys(tree, TOP_KEYS, problems, "")
    year = f.integer(tree, "year", problems, "", required=True)
    _check_year(year, path, want_year, problems, f.line_of(tree, "year"), resolver)
    file_source = tree.get("source")
    if file_source is not None and not isinstance(file_source, str):
        problems.add(f.line_of(tree, "source"), "source", f"expected text, got {f._kind(file_source)}")
        file_source = None
    figures: list[Figure] = []
    blanks: list[tuple[int | None, str]] = []
    region0 = resolver.catalogue.region
    unknown_before, given = resolver.unknown, 0
    if year is not None:
        values = tree.get("values")
        if values is not None and f.mapping(values, problems, f.line_of(tree, "values"), "values") is not None:
            given += len(values)
            _values(values, year, region0, name, resolver, problems, figures, "values", file_source, blanks)
        regions = tree.get("regions")
        if regions is not None and f.mapping(regions, problems, f.line_of(tree, "regions"), "regions"):
            for region, vals in regions.items():
                key = f"regions.{region}"
                if region not in resolver.catalogue.regions:
                    problems.add(
                        f.line_of(regions, region),
                        key,
                        f"unknown region {region!r}{f.suggest(str(region), resolver.catalogue.regions)}",
                    )
                    continue
                if f.mapping(vals, problems, f.line_of(regions, region), key) is not None:
                    _values(vals, year, region, name, resolver, problems, figures, key, file_source, blanks)
    revised: list[Figure] = []
    revisions = tree.get("revisions")
    if revisions is not None and f.mapping(revisions, problems, f.line_of(tree, "revisions"), "revisions"):
        for ryear, vals in revisions.items():
            key = f"revisions.{ryear}"
            if (
                not isinstance(ryear, int)
                or isinstance(ryear, bool)
                or not 1900 <= ryear <= 2200
                or year is not None
                and ryear >= year
            ):
                problems.add(f.line_of(revisions, ryear), key, "revisions are keyed by an earlier year")
                continue
            if f.mapping(vals, problems, f.line_of(revisions, ryear), key) is not None:
                before = len(revised)
                _values(vals, ryear, region0, name, resolver, problems, revised, key, file_source, blanks)
                for fig in revised[before:]:
                    fig.revised_in = name
    resolver.wrong_catalogue(problems, unknown_before, given)
    _blank_warning(blanks, problems)
    if year is not None and not figures and not revised and not problems.errors:
        problems.warn(
            f.line_of(tree, "values") if "values" in tree else None,
            "values",
            "the file gives no figures (expected values: with lines like `gdp: 5509.5`)",
        )
    problems.raise_if_any()
    return figures, revised, problems.warnings


def _blank_warning(blanks: list[tuple[int | None, str]], problems: Problems) -> None:
    if not blanks:
        return
    shown = ", ".join(key for _, key in blanks[:5]) + (f" and {len(blanks) - 5} more" if len(blanks) > 5 else "")
    problems.warn(
        blanks[0][0], None, f"{len(blanks)} indicator(s) left blank, so no figure: {shown} (their targets show no_data)"
    )


def _years_in_name(path: Path) -> list[int]:
    return [int(y) for y in _YEAR_IN_NAME.findall(path.stem) if 1900 <= int(y) <= 2200]


def _name_year_problem(year: int, years: list[int]) -> str | None:
    if not years:
        return None
    if len(years) == 1 and year != years[0]:
        return f"year {year} disagrees with the file name ({years[0]})"
    if len(years) > 1 and not min(years) <= year <= max(years):
        return f"year {year} is outside the years in the file name ({min(years)}-{max(years)})"
    return None


def _check_year(year, path: Path, want_year, problems: Problems, line, resolver: Resolver) -> None:
    if year is None:
        return
    wrong = _name_year_problem(year, _years_in_name(path))
    if wrong:
        problems.add(line, "year", wrong)
    if want_year is not None and year != want_year:
        problems.add(line, "year", f"year {year} disagrees with --year {want_year}")
    _year_warnings(year, resolver, problems, line, "year")


def _year_warnings(year: int, resolver: Resolver, problems: Problems, line, key: str) -> None:
    first = resolver._min_baseline
    if first is not None and year < first:
        problems.warn(
            line,
            key,
            f"year {year} is before the baseline year of every plan (the earliest is "
            f"{first}): its figures can serve only as history",
        )
    if year > datetime.date.today().year:
        problems.warn(line, key, f"year {year} is in the future: are these figures planned, not reported?")


def _values(
    values: dict,
    year: int,
    region: str,
    name: str,
    resolver: Resolver,
    problems: Problems,
    out: list[Figure],
    where: str,
    file_source,
    blanks: list,
) -> None:
    seen: dict[str, tuple[object, int | None]] = {}
    for key, raw in values.items():
        line = f.line_of(values, key)
        iid = resolver.indicator(key)
        if iid is None:
            problems.add(line, f.join(where, key), f"unknown indicator{resolver.hint(str(key))}")
            continue
        if iid in seen:
            other, oline = seen[iid]
            problems.add(
                line,
                f.join(where, key),
                f"{iid} is given twice: as {other!r} at line {oline} and as {key!r} at line {line} (remove one)",
            )
            continue
        seen[iid] = (key, line)
        figure = _figure(iid, region, year, raw, line, f.join(where, key), name, resolver, problems)
        if figure is None:
            blanks.append((line, f.join(where, key)))
            continue
        figure.source = figure.source or file_source
        out.append(figure)


def _figure(
    iid: str, region: str, year: int, raw, line, where: str, name: str, resolver: Resolver, problems: Problems
) -> Figure | None:
    """The figure, or None when it is left blank (nothing given, or nothing but a note)."""
    indicator = resolver.catalogue.indicators[iid]
    figure = Figure(iid, region, year, file=name, line=line or 0)
    if raw is None:
        return None
    if not isinstance(raw, dict):
        figure.value = _quantity(raw, None, indicator, problems, line, where)
        return figure
    f.unknown_keys(raw, VALUE_KEYS, problems, where)
    unit = f.text(raw, "unit", problems, where)
    given = False
    if raw.get("value") is not None:
        given = True
        figure.value = _quantity(raw["value"], unit, indicator, problems, f.line_of(raw, "value"), f"{where}.value")
    if raw.get("growth") is not None:
        given = True
        figure.growth = _percent(raw["growth"], problems, f.line_of(raw, "growth"), f"{where}.growth")
    if raw.get("done") is not None:
        given = True
        done = raw["done"]
        if isinstance(done, bool):
            figure.done = done
        else:
            problems.add(f.line_of(raw, "done"), f"{where}.done", f"expected true or false, got {f._kind(done)}")
    figure.note = f.text(raw, "note", problems, where)
    figure.source = _source(raw, problems, where)
    figure.alternatives = _alternatives(raw, problems, where)
    since = raw.get("since")
    if since is not None and f.mapping(since, problems, f.line_of(raw, "since"), f"{where}.since") is not None:
        for start, figs in since.items():
            skey = f"{where}.since.{start}"
            sline = f.line_of(since, start)
            if not isinstance(start, int) or isinstance(start, bool) or not 1900 <= start < year:
                problems.add(sline, skey, f"since takes a start year before {year}")
                continue
            if figs is None or f.mapping(figs, problems, sline, skey) is None:
                continue
            f.unknown_keys(figs, SINCE_FIGURES, problems, skey)
            out = {}
            for k in SINCE_FIGURES:
                if figs.get(k) is not None:
                    given = True
                    kline, kkey = f.line_of(figs, k), f"{skey}.{k}"
                    if k in PERCENT_SINCE_FIGURES:
                        v = _percent(figs[k], problems, kline, kkey, k)
                    else:
                        v = _quantity(figs[k], unit, indicator, problems, kline, kkey, signed=True)
                    if v is not None:
                        out[k] = v
            if out:
                figure.since[start] = out
    if not given:
        if not figure.note:
            return None
        problems.warn(line, where, "gives only a note, no figure (value, growth, since or done)")
    return figure


def _source(raw: dict, problems: Problems, where: str) -> Source | str | None:
    src = raw.get("source")
    if isinstance(src, dict):
        return Source(str(src.get("doc", "")), str(src.get("where", "")), str(src.get("quote", "")))
    if isinstance(src, str) or src is None:
        return src
    problems.add(
        f.line_of(raw, "source"), f"{where}.source", f"expected text or {{doc, where, quote}}, got {f._kind(src)}"
    )
    return None


def _alternatives(raw: dict, problems: Problems, where: str) -> tuple[tuple[float, str, Source | str | None], ...]:
    alts = raw.get("alt")
    if alts is None:
        return ()
    if not isinstance(alts, list):
        problems.add(f.line_of(raw, "alt"), f"{where}.alt", f"expected a list of {{value, note}}, got {f._kind(alts)}")
        return ()
    found = []
    for i, alt in enumerate(alts):
        aline = alts.lines[i] if hasattr(alts, "lines") else f.line_of(raw, "alt")
        akey = f"{where}.alt[{i + 1}]"
        if not isinstance(alt, dict) or alt.get("value") is None:
            problems.add(aline, akey, "expected {value: …, note: …}")
            continue
        try:
            value, _ = parse_number(alt["value"])
        except NumberError as exc:
            problems.add(f.line_of(alt, "value"), f"{akey}.value", str(exc))
            continue
        note = alt.get("note") or ""
        found.append((value, str(note), _source(alt, problems, akey)))
    return tuple(found)


def _quantity(
    raw, unit: str | None, indicator, problems: Problems, line, where: str, signed: bool = False
) -> float | None:
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
    if value < 0 and not _may_be_negative(indicator.name):
        problems.add(line, where, f"{value:g} is negative; {indicator.name} cannot be")
        return None
    if indicator.unit == "%" and value > 100 and not _may_exceed_100(indicator.name):
        problems.add(line, where, f"{value:g}% is over 100%, impossible for {indicator.name} (a share)")
        return None
    if indicator.unit == "%" and 0 < value < 1 and written is None and _typical(indicator) >= 10:
        problems.warn(
            line,
            where,
            f"{value:g}% for {indicator.name}, whose targets are "
            f"{_typical(indicator):g}% or so: a fraction? ({value * 100:g}% is "
            f"written {value * 100:g})",
        )
    return value


# Names of indicators that may be negative (growth, change, net or balance figures) or, for %
# indicators, over 100% (gross enrolment ratios, completion rates, growth rates).
_SIGNED_WORDS = ("增长", "增速", "增幅", "增减", "净", "差额", "利润", "余额", "结余", "盈余", "盈亏", "变动", "变化")
_OVER_100_WORDS = ("毛入学", "毛入园", "完成", "增长", "增速", "增幅", "负债", "指数")


def _may_be_negative(name: str) -> bool:
    return any(w in name for w in _SIGNED_WORDS)


def _may_exceed_100(name: str) -> bool:
    return any(w in name for w in _OVER_100_WORDS)


def _typical(indicator) -> float:
    """The largest target or baseline of a % indicator (0 when it has none)."""
    found = [0.0]
    for t in indicator.targets:
        if t.rule == "level" and isinstance(t.value, (int, float)):
            found.append(float(t.value))
        if isinstance(t.baseline, (int, float)):
            found.append(float(t.baseline))
    return max(found)


def _percent(raw, problems: Problems, line, where: str, kind: str = "growth") -> float | None:
    try:
        value, unit = parse_number(raw)
    except NumberError as exc:
        problems.add(line, where, str(exc))
        return None
    if unit not in _PERCENT_UNITS:
        problems.add(line, where, f"a {'growth rate' if kind != 'reduction' else 'reduction'} is in %, not {unit!r}")
        return None
    if kind == "reduction" and value > 100:
        problems.add(line, where, f"a reduction of {value:g}% is impossible (at most 100%)")
        return None
    if value < -100:
        problems.add(line, where, f"{value:g}% is impossible: a level cannot fall by more than 100%")
        return None
    return value


def _read_table(path: Path, resolver: Resolver, want_year: int | None, delimiter: str | None):
    import csv

    name = display_name(path)
    warnings: list[Problem] = []
    text = decode(read_bytes(path), name, warnings)
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    problems = Problems(name, list(warnings))
    # Lines starting with # are comments; blanking them keeps the line numbers.
    text = _COMMENT_LINE.sub("", text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    try:
        while not any(header):
            header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise LoadError(problems.items + [Problem(name, None, None, "file is empty (no header row)")]) from None
    except csv.Error as exc:
        raise LoadError([Problem(name, reader.line_num or 1, None, f"malformed CSV: {exc}")]) from None
    hline = reader.line_num
    for h in header:
        if h not in CSV_COLUMNS:
            problems.add(hline, h or "(blank)", f"unknown column{f.suggest(h, CSV_COLUMNS)}")
    for column in sorted({h for h in header if header.count(h) > 1}):
        problems.add(hline, column, "column given twice")
    for required in ("year", "indicator"):
        if required not in header:
            problems.add(hline, required, "missing column")
    problems.raise_if_any()

    def rows():
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                problems.add(reader.line_num, None, f"malformed CSV: {exc}")
                return
            if len(row) > width:
                if any(c.strip() for c in row[width:]):
                    problems.add(reader.line_num, None, f"{len(row)} cells, but the header names {width} columns")
                    continue
                del row[width:]
            elif len(row) < width:
                row.extend([None] * (width - len(row)))  # read as if the column were absent
            yield reader.line_num, row

    width = len(header)
    figures = table_figures(rows(), resolver, want_year, name, problems, path, header=header)
    problems.raise_if_any()
    return figures, [], problems.warnings


_VALUE_GROWTH = frozenset(("value", "growth"))
_TRUE = {"true", "yes", "y", "1", "是", "完成", "已完成", "done"}
_FALSE = {"false", "no", "n", "0", "否", "未完成", "not done"}


def _column(row, column: str) -> str:
    return f"column {column}"


def table_figures(
    rows,
    resolver: Resolver,
    want_year,
    name: str,
    problems: Problems,
    path: Path,
    cell=_column,
    header: list[str] | None = None,
):
    """Figures from long-format rows (CSV, TSV and .xlsx share this): (line, row) pairs, each row a
    dict of column -> cell, or, when `header` (distinct names of CSV_COLUMNS, with year and
    indicator) is given, a list of exactly its cells in its order (None for a missing cell).
    `cell(line, column)` names a cell in a problem. Raises nothing: every problem goes to
    `problems`, a file with no figure at all is one of them."""
    if header is None:
        header = list(CSV_COLUMNS)
        rows = ((line, [row.get(c) for c in CSV_COLUMNS]) for line, row in rows)
    at = {column: header.index(column) if column in header else None for column in CSV_COLUMNS}
    i_year, i_indicator, i_region, i_done, i_since = (at[c] for c in ("year", "indicator", "region", "done", "since"))
    plain = [(k, at[k]) for k in ("value", "unit", "growth", "note", "source") if at[k] is not None]
    since_at = [(k, at[k]) for k in SINCE_FIGURES if at[k] is not None]
    # Where a value or growth problem is, when it does not depend on the line (CSV, TSV).
    fixed = cell is _column
    value_at, growth_at = cell(0, "value"), cell(0, "growth")
    figures: list[Figure] = []
    region0 = resolver.catalogue.region
    regions = resolver.catalogue.regions
    indicators = resolver.catalogue.indicators
    name_years = _years_in_name(path)
    seen: dict[tuple[str, str, int], int] = {}
    blanks: list[tuple[int | None, str]] = []
    warned_years: set[int] = set()
    years: dict[str, int] = {}  # year cells read, by their text
    unknown_before, given = resolver.unknown, 0
    year_of = f.year_of
    for line, row in rows:
        raw_year = row[i_year]
        year = years.get(raw_year) if raw_year.__class__ is str else None
        if year is None:
            if raw_year is None or raw_year.__class__ is str and not raw_year.strip():
                if not any((v or "").strip() if isinstance(v, str) else v is not None for v in row):
                    continue  # a blank row
            try:
                year = year_of(raw_year)
            except NumberError as exc:
                problems.add(line, cell(line, "year"), str(exc))
                continue
            if raw_year.__class__ is str:
                years[raw_year] = year
        if name_years:
            wrong = _name_year_problem(year, name_years)
            if wrong:
                problems.add(line, cell(line, "year"), wrong)
        if want_year is not None and year != want_year:
            problems.add(line, cell(line, "year"), f"year {year} disagrees with --year {want_year}")
        if year not in warned_years:
            warned_years.add(year)
            _year_warnings(year, resolver, problems, line, cell(line, "year"))
        given += 1
        key = row[i_indicator]
        key = (key.strip() if key.__class__ is str else str(key).strip()) if key is not None else ""
        iid = key if key in indicators else resolver.indicator(key)
        if iid is None:
            problems.add(
                line,
                cell(line, "indicator"),
                f"unknown indicator {key!r}{resolver.hint(key)}" if key else "no indicator given",
            )
            continue
        region = row[i_region] if i_region is not None else None
        region = (str(region).strip() if region else "") or region0
        if region not in regions:
            problems.add(line, cell(line, "region"), f"unknown region {region!r}{f.suggest(region, regions)}")
            continue
        first = seen.setdefault((iid, region, year), line)
        if first != line:  # lines are distinct: given before
            problems.add(
                line,
                cell(line, "indicator"),
                f"{iid} for {year} ({region}) is given twice: at line {first} and line {line}",
            )
            continue
        mapping: dict = {}
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
                problems.add(line, cell(line, "done"), f"expected true or false (是/否), got {str(done)[:40]!r}")
                continue
        figs = None
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
                problems.add(line, cell(line, "since"), "a cagr/change/total/reduction needs the since year")
                continue
            mapping["since"] = {start: figs}
        if mapping and mapping.keys() <= _VALUE_GROWTH:
            # The usual row, a value and a growth rate: what _figure makes of them, sooner.
            figure = Figure(iid, region, year, file=name, line=line or 0)
            if not fixed:
                value_at, growth_at = cell(line, "value"), cell(line, "growth")
            v = mapping.get("value")
            if v is not None:
                figure.value = _quantity(v, None, indicators[iid], problems, line, value_at)
            v = mapping.get("growth")
            if v is not None:
                figure.growth = _percent(v, problems, line, growth_at)
        else:
            before = len(problems.items)
            figure = _figure(iid, region, year, mapping, line, "", name, resolver, problems)
            # _figure names keys as paths in a mapping; in a table they are cells of this row.
            for i in range(before, len(problems.items)):
                p = problems.items[i]
                column = next((c for c in reversed((p.key or "").split(".")) if c in CSV_COLUMNS), "value")
                problems.items[i] = replace(p, line=line, key=cell(line, column))
        if figure is None:
            blanks.append((line, f"{iid} ({year})"))
            continue
        figures.append(figure)
    resolver.wrong_catalogue(problems, unknown_before, given)
    _blank_warning(blanks, problems)
    if not figures and not problems.errors:
        problems.warn(None, None, "the file gives no figures (expected rows like `2020,gdp,,5509.5`)")
    return figures
