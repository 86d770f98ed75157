"""Actuals from a YAML file: `year:`, `values:`, `regions:`, `revisions:` and `breaks:`, each
figure a number or a mapping (value, unit, bound, growth, since, done, note, source, alt). See
`actuals` for the rules every reader follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.kinds import PERCENT_SINCE_FIGURES
from ..core.model import SINCE_FIGURES, Figure, Indicator, Source
from . import fields as f
from .errors import Problem, Problems
from .figure_checks import blank_warning, check_year, percent, quantity, references
from .resolver import Resolver

TOP_KEYS = ("year", "source", "values", "regions", "revisions", "breaks", "note")
VALUE_KEYS = ("value", "unit", "bound", "growth", "basis", "since", "done", "note", "source", "alt")
GROWTH_KEYS = ("value", "basis")  # growth: {value: 9.6, basis: current}
# Words a table cell may use for a bound or a price basis, besides the keys themselves.
BOUND_WORDS = {"lower": "lower", "upper": "upper", "下限": "lower", "上限": "upper"}
BASIS_WORDS = {"comparable": "comparable", "current": "current", "可比价": "comparable", "当年价": "current"}

Break = tuple[str, str, int]  # (indicator, region, year from which the series is on a new basis)

Alternative = tuple[float, str, Source | str | None]


def read_yaml(
    path: Path, resolver: Resolver, want_year: int | None, data: bytes | None = None
) -> tuple[list[Figure], list[Figure], list[Problem], list[Break], str | None]:
    """(figures, revised figures, warnings, series breaks, the file's own `source:`) of one
    YAML file; LoadError with all
    its problems."""
    from .files import read_yaml_file

    tree, problems = read_yaml_file(path, data)
    name = problems.file
    if tree is None:
        problems.add(None, None, "file.empty_yaml")
        problems.raise_if_any()
    if not isinstance(tree, dict):
        problems.add(getattr(tree, "line", 1), None, "actuals.not_a_mapping", got=f.kind(tree))
        problems.raise_if_any()
    assert isinstance(tree, dict)
    f.unknown_keys(tree, TOP_KEYS, problems, "")
    year = f.year_field(tree, "year", problems, "", required=True)
    check_year(year, path, want_year, problems, f.line_of(tree, "year"), resolver)
    file_source = tree.get("source")
    if file_source is not None and not isinstance(file_source, str):
        problems.add(f.line_of(tree, "source"), "source", "value.expected_text", got=f.kind(file_source))
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
                    hint = f.did_you_mean(str(region), resolver.catalogue.regions)
                    problems.add(f.line_of(regions, region), key, "region.unknown", region=repr(region), hint=hint)
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
                problems.add(f.line_of(revisions, ryear), key, "actuals.revision_year")
                continue
            if f.mapping(vals, problems, f.line_of(revisions, ryear), key) is not None:
                before = len(revised)
                _values(vals, ryear, region0, name, resolver, problems, revised, key, file_source, blanks)
                for fig in revised[before:]:
                    fig.revised_in = name
    breaks = _breaks(tree, year, region0, resolver, problems)
    resolver.wrong_catalogue(problems, unknown_before, given)
    blank_warning(blanks, problems)
    if year is not None and not figures and not revised and not breaks and not problems.errors:
        problems.warn(f.line_of(tree, "values") if "values" in tree else None, "values", "actuals.no_figures")
    problems.raise_if_any()
    return figures, revised, problems.warnings, breaks, file_source.strip() if file_source else None


def _breaks(tree: dict[Any, Any], year: int | None, region: str, resolver: Resolver, problems: Problems) -> list[Break]:
    """`breaks: {urbanization_rate: 2021}`: the indicator's series is on a new basis from 2021 on
    (a census re-basing), so figures before and from 2021 are not comparable."""
    raw = tree.get("breaks")
    if raw is None or f.mapping(raw, problems, f.line_of(tree, "breaks"), "breaks") is None:
        return []
    out = []
    for key, byear in raw.items():
        line, where = f.line_of(raw, key), f.join("breaks", key)
        iid = resolver.indicator(key)
        if iid is None:
            problems.add(line, where, "indicator.unknown", hint=resolver.hint(str(key)))
            continue
        if not isinstance(byear, int) or isinstance(byear, bool) or not 1900 <= byear <= (year or 2200):
            problems.add(line, where, "actuals.break_year", year=year, got=repr(byear))
            continue
        out.append((iid, region, byear))
    return out


def word_of(raw: object, words: dict[str, str], problems: Problems, line: int | None, where: str) -> str | None:
    """A bound or a price basis given as a word (BOUND_WORDS, BASIS_WORDS)."""
    text = str(raw).strip().lower() if raw is not None else ""
    if text in words:
        return words[text]
    problems.add(line, where, "value.not_one_of", value=repr(str(raw)[:40]), options=", ".join(words), hint="")
    return None


def _values(
    values: dict[Any, Any],
    year: int,
    region: str,
    name: str,
    resolver: Resolver,
    problems: Problems,
    out: list[Figure],
    where: str,
    file_source: str | None,
    blanks: list[tuple[int | None, str]],
) -> None:
    seen: dict[str, tuple[object, int | None]] = {}
    for key, raw in values.items():
        line = f.line_of(values, key)
        iid = resolver.indicator(key)
        if iid is None:
            problems.add(line, f.join(where, key), "indicator.unknown", hint=resolver.hint(str(key)))
            continue
        if iid in seen:
            other, oline = seen[iid]
            problems.add(
                line,
                f.join(where, key),
                "actuals.given_twice",
                id=iid,
                first=repr(other),
                first_line=oline,
                then=repr(key),
                then_line=line,
            )
            continue
        seen[iid] = (key, line)
        figure = figure_from(iid, region, year, raw, line, f.join(where, key), name, resolver, problems)
        if figure is None:
            blanks.append((line, f.join(where, key)))
            continue
        figure.source = figure.source or file_source
        out.append(figure)


def figure_from(
    iid: str,
    region: str,
    year: int,
    raw: object,
    line: int | None,
    where: str,
    name: str,
    resolver: Resolver,
    problems: Problems,
) -> Figure | None:
    """The figure `raw` (a number, or a mapping of VALUE_KEYS) gives, or None when it is left
    blank (nothing given, or nothing but a note). Problems are named by their path from `where`."""
    indicator = resolver.catalogue.indicators[iid]
    figure = Figure(iid, region, year, file=name, line=line or 0)
    if raw is None:
        return None
    if not isinstance(raw, dict):
        figure.value = quantity(raw, None, indicator, problems, line, where, refs=references(resolver, indicator))
        return figure
    f.unknown_keys(raw, VALUE_KEYS, problems, where)
    unit = f.text(raw, "unit", problems, where)
    given = False
    if raw.get("value") is not None:
        given = True
        at = f.line_of(raw, "value")
        figure.value = quantity(
            raw["value"], unit, indicator, problems, at, f"{where}.value", refs=references(resolver, indicator)
        )
    if raw.get("bound") is not None:
        figure.bound = word_of(raw["bound"], BOUND_WORDS, problems, f.line_of(raw, "bound"), f"{where}.bound")
        if raw.get("value") is None:
            problems.add(f.line_of(raw, "bound"), f"{where}.bound", "actuals.bound_needs_value")
    # `basis:` beside the figures (as the template and a table's column give it): the price basis
    # of its growth and of a reported cagr, unless they state their own.
    basis = None
    if raw.get("basis") is not None:
        basis = word_of(raw["basis"], BASIS_WORDS, problems, f.line_of(raw, "basis"), f"{where}.basis")
        figure.growth_basis = basis
    growth = raw.get("growth")
    if isinstance(growth, dict):  # growth: {value: 9.6, basis: current}
        f.unknown_keys(growth, GROWTH_KEYS, problems, f"{where}.growth")
        if growth.get("basis") is not None:
            gline = f.line_of(growth, "basis")
            figure.growth_basis = word_of(growth["basis"], BASIS_WORDS, problems, gline, f"{where}.growth.basis")
        growth = growth.get("value")
        if growth is None:
            problems.add(f.line_of(raw, "growth"), f"{where}.growth.value", "key.missing")
    if growth is not None:
        given = True
        figure.growth = percent(growth, problems, f.line_of(raw, "growth"), f"{where}.growth")
    if raw.get("done") is not None:
        given = True
        done = raw["done"]
        if isinstance(done, bool):
            figure.done = done
        else:
            problems.add(f.line_of(raw, "done"), f"{where}.done", "value.expected_bool", got=f.kind(done))
    figure.note = f.text(raw, "note", problems, where)
    figure.source = _source(raw, problems, where)
    figure.alternatives = _alternatives(raw, indicator, problems, where)
    since = raw.get("since")
    if since is not None and f.mapping(since, problems, f.line_of(raw, "since"), f"{where}.since") is not None:
        for start, figs in since.items():
            skey = f"{where}.since.{start}"
            sline = f.line_of(since, start)
            if not isinstance(start, int) or isinstance(start, bool) or not 1900 <= start < year:
                problems.add(sline, skey, "actuals.since_year", year=year)
                continue
            if figs is None or f.mapping(figs, problems, sline, skey) is None:
                continue
            f.unknown_keys(figs, (*SINCE_FIGURES, "basis", "bound"), problems, skey)
            if figs.get("basis") is not None:  # the price basis of the reported cagr
                basis = word_of(figs["basis"], BASIS_WORDS, problems, f.line_of(figs, "basis"), f"{skey}.basis")
                if basis is not None:
                    figure.since_basis[start] = basis
            out = {}
            for k in SINCE_FIGURES:
                if figs.get(k) is not None:
                    given = True
                    kline, kkey = f.line_of(figs, k), f"{skey}.{k}"
                    if k in PERCENT_SINCE_FIGURES:
                        v = percent(figs[k], problems, kline, kkey, k)
                    else:
                        v = quantity(figs[k], unit, indicator, problems, kline, kkey, signed=True)
                    if v is not None:
                        out[k] = v
            if out:
                figure.since[start] = out
                if basis is not None and "cagr" in out:
                    figure.since_basis.setdefault(start, basis)
            if figs.get("bound") is not None:  # the figures since START are only bounds (…以上)
                bline = f.line_of(figs, "bound")
                since_bound = word_of(figs["bound"], BOUND_WORDS, problems, bline, f"{skey}.bound")
                if not out:
                    problems.add(bline, f"{skey}.bound", "actuals.bound_needs_value")
                elif since_bound is not None:
                    figure.since_bound[start] = since_bound
    if not given:
        if not figure.note:
            return None
        problems.warn(line, where, "actuals.only_a_note")
    return figure


def _source(raw: dict[Any, Any], problems: Problems, where: str) -> Source | str | None:
    src = raw.get("source")
    if isinstance(src, dict):
        return Source(str(src.get("doc", "")), str(src.get("where", "")), str(src.get("quote", "")))
    if isinstance(src, str) or src is None:
        return src
    problems.add(f.line_of(raw, "source"), f"{where}.source", "actuals.source", got=f.kind(src))
    return None


def _alternatives(raw: dict[Any, Any], indicator: Indicator, problems: Problems, where: str) -> tuple[Alternative, ...]:
    alts = raw.get("alt")
    if alts is None:
        return ()
    if not isinstance(alts, list):
        problems.add(f.line_of(raw, "alt"), f"{where}.alt", "actuals.alt_list", got=f.kind(alts))
        return ()
    found = []
    for i, alt in enumerate(alts):
        aline = alts.lines[i] if hasattr(alts, "lines") else f.line_of(raw, "alt")
        akey = f"{where}.alt[{i + 1}]"
        if not isinstance(alt, dict) or alt.get("value") is None:
            problems.add(aline, akey, "actuals.alt_item")
            continue
        # In the indicator's unit, as `value` is: 0.55万亿元 for gdp is 5500 (亿元), never 0.55.
        value = quantity(alt["value"], None, indicator, problems, f.line_of(alt, "value"), f"{akey}.value")
        if value is None:
            continue
        note = alt.get("note") or ""
        found.append((value, str(note), _source(alt, problems, akey)))
    return tuple(found)
