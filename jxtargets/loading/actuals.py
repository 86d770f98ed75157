"""Actuals: reported figures from YAML, CSV/TSV (and .xlsx) files into `Actuals` (SPEC §3)."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.model import SINCE_FIGURES, Actuals, Catalogue, Figure, Source
from . import fields as f
from .errors import LoadError, Problem, Problems
from .files import decode, display_name, read_bytes
from .numbers import NumberError, parse_number

TOP_KEYS = ("year", "source", "values", "regions", "revisions", "note")
VALUE_KEYS = ("value", "unit", "growth", "since", "done", "note", "source", "alt")
CSV_COLUMNS = ("year", "indicator", "region", "value", "unit", "growth", "since", *SINCE_FIGURES,
               "done", "note", "source")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_PERCENT_UNITS = (None, "%", "个百分点")


class Resolver:
    """Looks indicators up by id or Chinese name, for one catalogue."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.by_name = {ind.name: ind.id for ind in catalogue.indicators.values()}

    def indicator(self, key) -> str | None:
        if key in self.catalogue.indicators:
            return key
        return self.by_name.get(key)

    def hint(self, key: str) -> str:
        return f.suggest(str(key), self.catalogue.indicators, self.by_name)


def load_actuals(paths: list[Path], catalogue: Catalogue, year: int | None = None,
                 collect: bool = False, use_cache: bool = True) -> tuple[Actuals, list[Problem]]:
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
                problems.append(Problem(name, figure.line, figure.indicator,
                                        f"{figure.year} figure {figure.value:g} differs from "
                                        f"{previous.value!r} in {previous.file}; the later file wins",
                                        warning=True))
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
    errors = [p for p in problems if not p.warning]
    if errors and not collect:
        raise LoadError(errors)
    return actuals, problems


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

        return read_xlsx(path, resolver, year, _figure)
    return _read_yaml(path, resolver, year)


def _read_yaml(path: Path, resolver: Resolver, want_year: int | None):
    from .yamltree import YamlError, parse

    name = display_name(path)
    warnings: list[Problem] = []
    text = decode(read_bytes(path), name, warnings)
    try:
        tree = parse(text, name)
    except YamlError as exc:
        raise LoadError([exc.problem]) from None
    problems = Problems(name, list(warnings))
    if not isinstance(tree, dict):
        problems.add(getattr(tree, "line", 1), None, "an actuals file must be a YAML mapping with year and values")
        problems.raise_if_any()
    f.unknown_keys(tree, TOP_KEYS, problems, "")
    year = f.integer(tree, "year", problems, "", required=True)
    _check_year(year, path, want_year, problems, f.line_of(tree, "year"))
    file_source = tree.get("source")
    figures: list[Figure] = []
    region0 = resolver.catalogue.region
    if year is not None:
        values = tree.get("values")
        if values is not None and f.mapping(values, problems, f.line_of(tree, "values"), "values") is not None:
            _values(values, year, region0, name, resolver, problems, figures, "values", file_source)
        regions = tree.get("regions")
        if regions is not None and f.mapping(regions, problems, f.line_of(tree, "regions"), "regions"):
            for region, vals in regions.items():
                key = f"regions.{region}"
                if region not in resolver.catalogue.regions:
                    problems.add(f.line_of(regions, region), key,
                                 f"unknown region {region!r}{f.suggest(str(region), resolver.catalogue.regions)}")
                    continue
                if f.mapping(vals, problems, f.line_of(regions, region), key) is not None:
                    _values(vals, year, region, name, resolver, problems, figures, key, file_source)
    revised: list[Figure] = []
    revisions = tree.get("revisions")
    if revisions is not None and f.mapping(revisions, problems, f.line_of(tree, "revisions"), "revisions"):
        for ryear, vals in revisions.items():
            key = f"revisions.{ryear}"
            if not isinstance(ryear, int) or year is not None and ryear >= year:
                problems.add(f.line_of(revisions, ryear), key, "revisions are keyed by an earlier year")
                continue
            if f.mapping(vals, problems, f.line_of(revisions, ryear), key) is not None:
                before = len(revised)
                _values(vals, ryear, region0, name, resolver, problems, revised, key, file_source)
                for fig in revised[before:]:
                    fig.revised_in = name
    problems.raise_if_any()
    return figures, revised, problems.warnings


def _check_year(year, path: Path, want_year, problems: Problems, line) -> None:
    if year is None:
        return
    m = _YEAR_IN_NAME.search(path.stem)
    if m and int(m.group(1)) != year:
        problems.add(line, "year", f"year {year} disagrees with the file name ({m.group(1)})")
    if want_year is not None and year != want_year:
        problems.add(line, "year", f"year {year} disagrees with --year {want_year}")


def _values(values: dict, year: int, region: str, name: str, resolver: Resolver, problems: Problems,
            out: list[Figure], where: str, file_source) -> None:
    for key, raw in values.items():
        line = f.line_of(values, key)
        iid = resolver.indicator(key)
        if iid is None:
            problems.add(line, f"{where}.{key}", f"unknown indicator{resolver.hint(str(key))}")
            continue
        figure = _figure(iid, region, year, raw, line, f"{where}.{key}", name, resolver, problems)
        if figure is not None:
            figure.source = figure.source or file_source
            out.append(figure)


def _figure(iid: str, region: str, year: int, raw, line, where: str, name: str, resolver: Resolver,
            problems: Problems) -> Figure | None:
    indicator = resolver.catalogue.indicators[iid]
    figure = Figure(iid, region, year, file=name, line=line or 0)
    if not isinstance(raw, dict):
        figure.value = _quantity(raw, None, indicator, problems, line, where)
        return figure
    f.unknown_keys(raw, VALUE_KEYS, problems, where)
    unit = f.text(raw, "unit", problems, where)
    if "value" in raw:
        figure.value = _quantity(raw["value"], unit, indicator, problems, f.line_of(raw, "value"),
                                 f"{where}.value")
    if "growth" in raw:
        figure.growth = _percent(raw["growth"], problems, f.line_of(raw, "growth"), f"{where}.growth")
    if "done" in raw:
        done = raw["done"]
        if isinstance(done, bool):
            figure.done = done
        else:
            problems.add(f.line_of(raw, "done"), f"{where}.done", f"expected true or false, got {done!r}")
    figure.note = f.text(raw, "note", problems, where)
    src = raw.get("source")
    if isinstance(src, dict):
        figure.source = Source(str(src.get("doc", "")), str(src.get("where", "")), str(src.get("quote", "")))
    elif isinstance(src, str):
        figure.source = src
    alts = raw.get("alt")
    if isinstance(alts, list):
        found = []
        for alt in alts:
            if isinstance(alt, dict) and "value" in alt:
                try:
                    value, _ = parse_number(alt["value"])
                except NumberError:
                    continue
                note = alt.get("note") or ""
                found.append((value, str(note)))
        figure.alternatives = tuple(found)
    since = raw.get("since")
    if since is not None and f.mapping(since, problems, f.line_of(raw, "since"), f"{where}.since") is not None:
        for start, figs in since.items():
            skey = f"{where}.since.{start}"
            sline = f.line_of(since, start)
            if not isinstance(start, int) or not 1900 <= start < year:
                problems.add(sline, skey, f"since takes a start year before {year}")
                continue
            if f.mapping(figs, problems, sline, skey) is None:
                continue
            f.unknown_keys(figs, SINCE_FIGURES, problems, skey)
            out = {}
            for k in SINCE_FIGURES:
                if k in figs:
                    kline, kkey = f.line_of(figs, k), f"{skey}.{k}"
                    if k in ("cagr", "reduction"):
                        v = _percent(figs[k], problems, kline, kkey)
                    else:
                        v = _quantity(figs[k], None, indicator, problems, kline, kkey, signed=True)
                    if v is not None:
                        out[k] = v
            figure.since[start] = out
    return figure


def _quantity(raw, unit: str | None, indicator, problems: Problems, line, where: str,
              signed: bool = False) -> float | None:
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
    if not signed and value < 0:
        problems.add(line, where, f"{value:g} is negative; {indicator.name} cannot be")
        return None
    if not signed and indicator.unit == "%" and value > 100 and not _may_exceed_100(indicator.name):
        problems.warn(line, where, f"{value:g}% is over 100% for {indicator.name}")
    return value


def _may_exceed_100(name: str) -> bool:
    # Gross enrolment ratios and 完成率 can legitimately pass 100%.
    return "毛入学率" in name or "完成率" in name or "增长" in name


def _percent(raw, problems: Problems, line, where: str) -> float | None:
    try:
        value, unit = parse_number(raw)
    except NumberError as exc:
        problems.add(line, where, str(exc))
        return None
    if unit not in _PERCENT_UNITS:
        problems.add(line, where, f"a growth rate is in %, not {unit!r}")
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
    rows = csv.reader(text.splitlines(), delimiter=delimiter)
    problems = Problems(name, list(warnings))
    header = [h.strip().lower() for h in next(rows, [])]
    for h in header:
        if h not in CSV_COLUMNS:
            problems.add(1, h, f"unknown column{f.suggest(h, CSV_COLUMNS)}")
    for required in ("year", "indicator"):
        if required not in header:
            problems.add(1, required, "missing column")
    problems.raise_if_any()
    figures = table_figures(((i, dict(zip(header, row, strict=False))) for i, row in enumerate(rows, start=2)),
                            resolver, want_year, name, problems, path)
    problems.raise_if_any()
    return figures, [], problems.warnings


def table_figures(rows, resolver: Resolver, want_year, name: str, problems: Problems, path: Path,
                  cell=lambda row, column: f"column {column}"):
    """Figures from long-format rows (CSV, TSV and .xlsx share this)."""
    figures: list[Figure] = []
    region0 = resolver.catalogue.region
    file_year = _YEAR_IN_NAME.search(path.stem)
    for line, row in rows:
        if not any((v or "").strip() if isinstance(v, str) else v is not None for v in row.values()):
            continue
        raw_year = row.get("year")
        try:
            year = int(parse_number(raw_year)[0])
        except (NumberError, ValueError):
            problems.add(line, cell(line, "year"), f"expected a year, got {raw_year!r}")
            continue
        if want_year is not None and year != want_year:
            problems.add(line, cell(line, "year"), f"year {year} disagrees with --year {want_year}")
        if file_year and len(set()) == 0 and False:
            pass
        key = str(row.get("indicator") or "").strip()
        iid = resolver.indicator(key)
        if iid is None:
            problems.add(line, cell(line, "indicator"), f"unknown indicator {key!r}{resolver.hint(key)}")
            continue
        region = str(row.get("region") or "").strip() or region0
        if region not in resolver.catalogue.regions:
            problems.add(line, cell(line, "region"),
                         f"unknown region {region!r}{f.suggest(region, resolver.catalogue.regions)}")
            continue
        mapping: dict = {}
        for k in ("value", "unit", "growth", "note", "source"):
            v = row.get(k)
            if v is not None and str(v).strip() != "":
                mapping[k] = v.strip() if isinstance(v, str) else v
        if str(row.get("done") or "").strip():
            mapping["done"] = str(row["done"]).strip().lower() in ("true", "1", "yes", "是", "完成")
        since_year = str(row.get("since") or "").strip()
        figs = {k: row[k] for k in SINCE_FIGURES if str(row.get(k) or "").strip()}
        if figs:
            try:
                start = int(parse_number(since_year)[0])
            except (NumberError, ValueError):
                problems.add(line, cell(line, "since"), "a cagr/change/total/reduction needs the since year")
                continue
            mapping["since"] = {start: figs}
        figure = _figure(iid, region, year, mapping, line, cell(line, "value"), name, resolver, problems)
        if figure is not None:
            figures.append(figure)
    return figures
