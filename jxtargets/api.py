"""The library: one function per command, returning the objects the command line renders.

>>> from jxtargets import api
>>> inputs = api.load(["2020"])
>>> report = api.check(inputs.catalogue, inputs.actuals, filters=api.Filters(plans=("fyp13",)))
>>> [r.status for r in report if r.indicator.id == "gdp"]
['met', 'missed']
>>> report.exit_code
1
>>> print(api.render(api.growth_rate(3517.1, 5509.5, 5), "table"), end="")
9.39%

`render(obj, format, lang)` gives exactly what `jxtargets` prints for that object. Bad input
raises `LoadError` (a file's problems, each naming file, line and key) and bad usage
`UsageError` (an unknown plan, indicator or status); both carry `.problems`, one per line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .core import policy
from .core.check import Filters, Scope, summarise
from .core.check import check as _judge
from .core.kinds import KINDS
from .core.labels import choices
from .core.model import Actuals, Catalogue, Indicator
from .loading.errors import LoadError, Problem, UsageError
from .loading.files import catalogue_paths, data_dir, resolve_inputs
from .messages import Msg, msg
from .render import render
from .results import (
    CagrReport,
    CheckReport,
    GrowthRate,
    IndicatorView,
    Inputs,
    Listing,
    RegionListing,
    Template,
    Validation,
)

if TYPE_CHECKING:
    from .core.review import Review
    from .extract.model import Extraction
    from .planimport.run import PlanImport

__all__ = [
    "open_catalogue",
    "import_plan",
    "open_actuals",
    "load",
    "resolve_inputs",
    "check",
    "cagr",
    "growth_rate",
    "list_targets",
    "list_regions",
    "show",
    "review",
    "validate",
    "template",
    "render",
    "summarise",
    "find_indicator",
    "extract",
    "save_extraction",
    "Filters",
    "Scope",
    "status_choices",
    "LoadError",
    "UsageError",
]


def open_catalogue(
    path: str | Path | Sequence[str | Path] | None = None,
    use_cache: bool = True,
    warnings: list[Problem] | None = None,
    extend: Sequence[str | Path] | None = None,
) -> Catalogue:
    """The catalogue at `path` (files or directories; default: $JXTARGETS_CATALOGUE, else the
    embedded Jiaxing catalogue) with `extend` (default: $JXTARGETS_EXTEND) layered over it,
    validated."""
    from .loading.cache import cached_catalogue

    paths = [path] if isinstance(path, (str, Path)) else path
    chosen, layered = catalogue_paths(paths, extend)
    catalogue, found = cached_catalogue(chosen, use_cache, layered)
    if warnings is not None:
        warnings.extend(found)
    return catalogue


def import_plan(
    table: str | Path,
    plan: str,
    name: str,
    catalogue: Catalogue | None = None,
    region: str | None = None,
    years: str | tuple[int, int] | None = None,
    doc: str | None = None,
    which: str | None = None,
    lang: str = "zh",
) -> PlanImport:
    """`jxtargets plan import`: a plan's main-indicator table (.xlsx, .csv or the text layout of
    表1/表2) as catalogue YAML, its 完成情况 columns as actuals YAML, and the cells left for the
    user (a `PlanImport`). Rows are matched to `catalogue` (default: the one in use) by name
    or alias; with a `region` that catalogue does not know, the YAML stands alone (another city).
    The YAML's review comments are in `lang`."""
    from .planimport.run import import_plan as _import_plan
    from .planimport.run import parse_years

    span = parse_years(years) if isinstance(years, str) or years is None else years
    catalogue = catalogue if catalogue is not None else open_catalogue()
    return _import_plan(Path(table), plan, name, catalogue, region, span, doc, which, lang=lang)


def save_plan_import(
    result: PlanImport,
    table: str | Path,
    output: str | Path,
    actuals: str | Path | None = None,
    inputs: Sequence[str | Path] = (),
) -> list[Msg]:
    """Write an imported plan's catalogue YAML (and its 完成情况 as actuals YAML when `actuals` is
    given), never over one of `inputs`; returns the notes for the user (results not written)."""
    from .output import refuse_inputs, write_atomic

    written = [(Path(output), result.catalogue_yaml)]
    if result.actuals_yaml is not None and actuals:
        written.append((Path(actuals), result.actuals_yaml))
    read = [Path(table), *(Path(p) for p in inputs)]
    for path, _ in written:
        refuse_inputs(path, read)
    for path, text in written:
        write_atomic(path, text)
    if result.actuals_yaml is not None and not actuals:
        return [msg("import.results_not_written", table=str(table))]
    return []


def open_actuals(
    items: Sequence[str | Path], catalogue: Catalogue, year: int | None = None, warnings: list[Problem] | None = None
) -> Actuals:
    """The figures of actuals files, directories or bare years (`"2020"`: the embedded release)."""
    from .loading.actuals import load_actuals

    actuals, found = load_actuals(resolve_inputs([str(i) for i in items]), catalogue, year)
    if warnings is not None:
        warnings.extend(found)
    return actuals


def load(
    items: Sequence[str | Path] | None = None,
    catalogue: str | Path | Sequence[str | Path] | None = None,
    extend: Sequence[str | Path] | None = None,
) -> Inputs:
    """The catalogue (with `extend` layered over it) and the actuals a command reads, with the
    loaders' warnings. `items` defaults to the embedded actuals (every year)."""
    warnings: list[Problem] = []
    cat = open_catalogue(catalogue, warnings=warnings, extend=extend)
    paths = resolve_inputs([str(i) for i in items] if items else [str(data_dir() / "actuals")])
    actuals = open_actuals(paths, cat, warnings=warnings)
    return Inputs(cat, actuals, paths, warnings)


def check_choices(
    catalogue: Catalogue,
    filters: Filters | None = None,
    statuses: Iterable[str] = (),
    fail_on: Iterable[str] = (),
) -> None:
    """UsageError for an unknown plan, region, kind or status, with "did you mean"."""
    from .loading.fields import did_you_mean

    filters = filters or Filters()
    problems: list[Msg] = []
    problems += [
        msg("plan.unknown", plan=repr(v), hint=did_you_mean(v, catalogue.plans))
        for v in filters.plans
        if v not in catalogue.plans
    ]
    problems += [
        msg("region.unknown", region=repr(v), hint=did_you_mean(v, catalogue.regions))
        for v in filters.regions
        if v not in catalogue.regions
    ]
    problems += [
        msg("kind.unknown", kind=repr(v), hint=did_you_mean(v, KINDS)) for v in filters.kinds if v not in KINDS
    ]
    valid = status_choices()
    for values, option in ((tuple(statuses), "--status"), (tuple(fail_on), "--fail-on")):
        problems += [
            msg("status.unknown", option=option, status=repr(v), valid=", ".join(valid))
            for v in values
            if v not in valid
        ]
    if problems:
        raise UsageError(problems)


def check(
    catalogue: Catalogue,
    actuals: Actuals,
    year: int | None = None,
    filters: Filters | None = None,
    statuses: Iterable[str] = (),
    fail_on: Iterable[str] = policy.FAILING_BY_DEFAULT,
) -> CheckReport:
    """Judge the targets in the scope of `year` (default: the latest year): those whose period
    includes it; baselines and ended plans only when asked for (`report.summary.scope` says what
    was left out). `statuses` and `fail_on` are engine statuses or labels (完成, 滞后, …).
    The report iterates over its results and knows its exit code."""
    statuses, fail_on = tuple(statuses), tuple(fail_on)
    filters = filters or Filters()
    check_choices(catalogue, filters, statuses, fail_on)
    latest = None
    if year is not None and actuals.years and year not in actuals.years:
        if year < min(actuals.years):
            years = ", ".join(map(str, sorted(actuals.years)))
            raise UsageError([msg("usage.year_too_early", year=year, years=years)])
        latest = max(y for y in actuals.years if y <= year)  # judged on the latest figures (SPEC §4)
    year = year or actuals.latest_year
    scope = Scope(year or 0)
    results = [] if year is None else _judge(catalogue, actuals, year, filters, statuses, scope)
    summary = summarise(results, year, fail_on, scope)
    report = CheckReport(catalogue, actuals, year, results, summary, bool(statuses), latest_year=latest)
    if filters.plans and year is not None:
        from .loading.actuals import untargeted

        # A figure for a region the plans do not target there is named with its region: the
        # indicator may well be targeted city-wide (市区's air quality under fyp13).
        report.untargeted = sorted(
            {
                f.indicator if f.region == catalogue.region else f"{f.indicator}（{f.region}）"
                for f in untargeted(actuals, catalogue, filters.plans)
                if f.year == year
            }
        )
        if not results:
            later = [
                catalogue.plans[p].baseline_year for p in filters.plans if catalogue.plans[p].baseline_year >= year
            ]
            report.starts_after = min(later) if later else None
    return report


def status_choices() -> tuple[str, ...]:
    """Every value `statuses` and `fail_on` accept: engine statuses and labels (zh and en)."""
    return choices()


def cagr(catalogue: Catalogue, actuals: Actuals, indicator: str, region: str | None = None) -> CagrReport:
    """Planned, achieved and required growth of one indicator for each plan that targets it,
    each judged as of the latest year with a figure within the plan's years."""
    from .core.kinds import SPECS
    from .core.rules import Evaluator

    ind = find_indicator(catalogue, indicator)
    where = region or catalogue.region
    evaluator = Evaluator(catalogue, actuals)
    results = []
    for target in ind.targets:
        if not SPECS[target.kind].shown_by_cagr or (target.region or catalogue.region) != where:
            continue
        with_data = [
            y
            for y in sorted(actuals.years)
            if target.baseline_year < y <= target.target_year and actuals.get(ind.id, where, y) is not None
        ]
        when = with_data[-1] if with_data else min(max(actuals.years or {0}), target.target_year)
        results.append(evaluator.evaluate(target, when))
    return CagrReport(ind, results, summarise(results, None))


def growth_rate(start: float, end: float, years: float) -> GrowthRate:
    """Compound annual growth from `start` to `end` over `years`, % a year."""
    from .core.growth import cagr as compound

    rate = compound(start, end, years)
    if rate is None:
        raise UsageError([msg("usage.cagr_undefined")])
    return GrowthRate(start, end, years, rate)


def list_targets(catalogue: Catalogue, filters: Filters | None = None) -> Listing:
    """The catalogue's targets that pass `filters`."""
    from .core.check import targets

    check_choices(catalogue, filters)
    return Listing(catalogue, list(targets(catalogue, filters)))


def list_regions(catalogue: Catalogue) -> RegionListing:
    """Every region of the catalogue with its number of targets."""
    counts = dict.fromkeys(catalogue.regions, 0)
    for t in catalogue.targets():
        region = t.region or catalogue.region
        counts[region] = counts.get(region, 0) + 1
    return RegionListing(counts)


def show(catalogue: Catalogue, actuals: Actuals, indicator: str) -> IndicatorView:
    """One indicator (by id or Chinese name) with its targets and every reported figure."""
    return IndicatorView(catalogue, find_indicator(catalogue, indicator), actuals)


def review(catalogue: Catalogue, actuals: Actuals, as_of: int | None = None, filters: Filters | None = None) -> Review:
    """Every target over all years with figures: trajectory, status as of `as_of`, pace, projection."""
    check_choices(catalogue, filters)
    if as_of is not None and actuals.years and as_of < min(actuals.years):
        years = ", ".join(map(str, sorted(actuals.years)))
        raise UsageError([msg("usage.as_of_too_early", year=as_of, years=years)])
    from .core.review import review as _review

    return _review(catalogue, actuals, as_of, filters)


def validate(
    catalogue: str | Path | Sequence[str | Path] | None = None,
    files: Sequence[str] | None = None,
    seeds: str | Path | None = None,
    extend: Sequence[str | Path] | None = None,
) -> Validation:
    """Every problem of the catalogue (with `extend` layered over it) and the actuals files
    (default: the embedded ones); with `seeds`, every quote is looked up in its source document
    too (the user's documents for a user catalogue)."""
    from .validate import validate_all

    given = [catalogue] if isinstance(catalogue, (str, Path)) else catalogue
    problems, counts = validate_all(
        [str(c) for c in given] if given else None,
        list(files) if files else None,
        str(seeds) if seeds else None,
        [str(e) for e in extend] if extend else None,
    )
    quotes = counts["quotes"]
    return Validation(
        problems,
        counts["files"] or 0,
        counts["targets"] or 0,
        counts["figures"] or 0,
        quotes_checked=quotes is not None,
        quotes=quotes or 0,
    )


def template(catalogue: Catalogue, actuals: Actuals, year: int, plans: Sequence[str] = ()) -> Template:
    """The blank actuals form for `year`: one row per indicator a plan running that year needs."""
    from .render.xlsx import template_rows

    if not 1900 <= year <= 2200:
        raise UsageError([msg("usage.year_out_of_range", year=year)])
    check_choices(catalogue, Filters(plans=tuple(plans)))
    rows = template_rows(catalogue, actuals, year, tuple(plans))
    if not rows:
        if plans:
            raise UsageError([msg("template.no_plan_in", plans=", ".join(plans), year=year)])
        raise UsageError([msg("template.no_plan", year=year)])
    return Template(year, rows)


def find_indicator(catalogue: Catalogue, key: str) -> Indicator:
    """An indicator by id or Chinese name; UsageError with "did you mean" otherwise."""
    if key in catalogue.indicators:
        return catalogue.indicators[key]
    for indicator in catalogue.indicators.values():
        if indicator.name == key:
            return indicator
    from .loading.fields import did_you_mean

    names = {i.name: i.id for i in catalogue.indicators.values()}
    hint = did_you_mean(key, catalogue.indicators, names)
    if not hint:
        import difflib

        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.4)
        hint = msg("hint.did_you_mean", names=", ".join(f"{c} ({names[c]})" for c in close)) if close else ""
    raise UsageError([msg("usage.unknown_indicator", key=key, hint=hint)])


def extract(
    files: Sequence[str | Path], year: int, catalogue: Catalogue | None = None, warnings: list[Problem] | None = None
) -> Extraction:
    """Figures for `year` from bulletins or reports (.txt, UTF-8 or GBK; .docx), each with its
    quote, and every number left out with the reason: a `jxtargets.extract.model.Extraction`."""
    from .extract.files import extract_files

    result, found = extract_files([Path(f) for f in files], year, catalogue or open_catalogue())
    if warnings is not None:
        warnings.extend(found)
    return result


def save_extraction(
    result: Extraction,
    output: str | Path,
    report: str | Path | None = None,
    force: bool = False,
    inputs: Sequence[str | Path] = (),
    lang: str = "zh",
) -> None:
    """Write an extraction as an actuals file (and the report of left-out numbers, in `lang`)."""
    from .extract.files import save

    save(result, Path(output), Path(report) if report else None, force, [Path(p) for p in inputs], lang)
