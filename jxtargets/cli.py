"""The `jxtargets` command: parses options, calls the library, picks a renderer, and maps the
outcome to an exit code (0 nothing failing, 1 a failing status, 2 bad input or usage).

Only typer is imported at start-up; YAML, pint, rich and openpyxl are imported by the commands
that need them. (No `from __future__ import annotations` here: typer would then evaluate every
annotation string on each call.)
"""

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    name="jxtargets",
    help="Check reported statistics against development-plan targets (嘉兴市规划目标核对).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Lang, typer.Option("--lang", help="zh (default) or en")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, json, csv or markdown")]
CatalogueOpt = Annotated[str | None, typer.Option("--catalogue", help="catalogue YAML (default: embedded)")]
PlanOpt = Annotated[list[str] | None, typer.Option("--plan", help="only this plan (repeatable)")]
RegionOpt = Annotated[list[str] | None, typer.Option("--region", help="only this county/district")]
KindOpt = Annotated[list[str] | None, typer.Option("--kind", help="only this kind of target")]
CsvRawOpt = Annotated[
    bool,
    typer.Option(
        "--csv-raw", help="CSV: keep text cells as given (by default a cell starting with = + - @ gets a leading ')"
    ),
]


class Exit(Exception):
    """Bad input or usage: problems go to stderr, one per line, exit code 2."""

    def __init__(self, problems: list):
        self.problems = problems


def _fail(problems) -> None:
    raise Exit(list(problems))


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _warn(warnings) -> None:
    for w in warnings:
        _err(f"jxtargets: {w}")


def _catalogue(path: str | None):
    from .api import open_catalogue

    warnings: list = []
    catalogue = open_catalogue(path, warnings=warnings)
    _warn(warnings)
    return catalogue


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.replace("，", ",").split(",") if x.strip())
    return tuple(out)


def _check_choices(values: tuple[str, ...], known, what: str) -> None:
    from .loading.fields import suggest

    for v in values:
        if v not in known:
            _fail([f"unknown {what} {v!r}{suggest(v, known)}"])


def _emit(text: str) -> None:
    sys.stdout.write(text)


def _print_rich(*renderables) -> None:
    from .render.table import console

    out = console()
    with out.capture() as captured:  # rendered for the real terminal, colours and width included
        for r in renderables:
            out.print(r)
    _emit(captured.get())


@app.command()
def check(
    files: Annotated[
        list[str],
        typer.Argument(
            help="actuals files (YAML, CSV, TSV, .xlsx), directories, or a bare year for the embedded actuals"
        ),
    ],
    plan: PlanOpt = None,
    region: RegionOpt = None,
    kind: KindOpt = None,
    status: Annotated[list[str] | None, typer.Option("--status", help="only results with this status")] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="judge as of this year (default: the latest year loaded)")
    ] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="statuses that make the exit code 1")] = "missed,off_track",
    catalogue: CatalogueOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """Judge every target that the given figures can speak to."""
    from .loading.files import resolve_inputs

    paths = resolve_inputs(files)
    code = _check(paths, plan, region, kind, status, year, fail_on, catalogue, fmt, lang.value, csv_raw)
    raise typer.Exit(code)


def _check(paths, plan, region, kind, status, year, fail_on, catalogue, fmt, lang, csv_raw=False) -> int:
    from . import api
    from .core.model import KINDS

    cat = _catalogue(catalogue)
    plans, regions, kinds = _split(plan), _split(region), _split(kind)
    statuses, failing = _split(status), _split([fail_on])
    _check_choices(plans, cat.plans, "plan")
    _check_choices(regions, cat.regions, "region")
    _check_choices(kinds, KINDS, "kind")
    _check_statuses(statuses, "--status")
    _check_statuses(failing, "--fail-on")
    warnings: list = []
    actuals = api.open_actuals([str(p) for p in paths], cat, year=None, warnings=warnings)
    _warn(warnings)
    if year is not None and actuals.years and year not in actuals.years:
        _fail(
            [
                f"--year {year}: no figures for that year in the given files "
                f"(years: {', '.join(map(str, sorted(actuals.years)))})"
            ]
        )
    filters = api.Filters(plans=plans, regions=regions, kinds=kinds)
    scope = api.Scope(year or actuals.latest_year or 0)
    results = api.check(cat, actuals, year, filters, statuses, scope)
    summary = api.summarise(results, year or actuals.latest_year, failing, scope)
    _note_unjudged(cat, actuals, plans, summary.year, results)
    _render_results(
        results, summary, fmt, lang, hide_no_data=not statuses, actuals=actuals, home=cat.region, csv_raw=csv_raw
    )
    return 1 if summary.failing else 0


def _check_statuses(values: tuple[str, ...], option: str) -> None:
    from .api import status_choices

    valid = status_choices()
    for v in values:
        if v not in valid:
            _fail([f"{option}: unknown status {v!r}; valid: {', '.join(valid)}"])


def _note_unjudged(cat, actuals, plans, year, results) -> None:
    """Say what the chosen plans leave unjudged, rather than dropping it silently."""
    from .loading.actuals import untargeted

    if not plans or year is None:
        return
    ids = sorted({f.indicator for f in untargeted(actuals, cat, plans) if f.year == year})
    if ids:
        shown = ", ".join(ids[:8]) + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")
        _err(
            f"jxtargets: note: {len(ids)} indicators with {year} figures are not targeted by "
            f"{', '.join(plans)} and are not judged: {shown}"
        )
    if not results:
        later = sorted({cat.plans[p].baseline_year for p in plans if cat.plans[p].baseline_year >= year})
        if later:
            _err(f"jxtargets: note: {', '.join(plans)} starts after {year} (baseline {later[0]}): nothing to judge yet")


def _render_results(
    results,
    summary,
    fmt: Format,
    lang: str,
    title: str | None = None,
    hide_no_data: bool = False,
    actuals=None,
    home: str | None = None,
    csv_raw: bool = False,
) -> None:
    from .render.records import record

    records = [record(r, lang) for r in results]
    data = summary.as_dict()
    if fmt is Format.json:
        from .render.formats import to_json

        _emit(to_json(records, data))
    elif fmt is Format.csv:
        from .render.formats import to_csv

        _emit(to_csv(records, csv_raw))
    elif fmt is Format.markdown:
        from .render.formats import to_markdown

        _emit(to_markdown(records, data, lang))
    else:
        from .render.table import check_table, summary_text
        from .render.words import check_title, scope_note

        several = summary.scope is not None and summary.scope.several_years
        if title is None and summary.year:
            title = check_title(summary.year, sorted(summary.scope.years) if several else [], lang)
        keep = [i for i, r in enumerate(records) if not hide_no_data or r["status"] != "no_data"]
        shown = [records[i] for i in keep]
        sparks = None
        if actuals is not None:
            from .core.review import trajectory
            from .render.review import spark_line

            sparks = [spark_line([p.value for p in trajectory(results[i], actuals, results[i].year)]) for i in keep]
        out = [check_table(shown, data, lang, title, home, sparks, show_year=several), summary_text(data, lang)]
        if len(shown) < len(records):
            hidden = len(records) - len(shown)
            out.append(
                f"（另有{hidden}项无数据未列出，用 --status no_data 查看）"
                if lang == "zh"
                else f"({hidden} targets with no data not shown; see them with --status no_data)"
            )
        if summary.scope is not None and (note := scope_note(summary.scope, lang)):
            out.append(note)
        _print_rich(*out)


@app.command()
def cagr(
    indicator: Annotated[str | None, typer.Argument(help="indicator id or Chinese name")] = None,
    start: Annotated[float | None, typer.Option("--from", help="start value (plain arithmetic)")] = None,
    end: Annotated[float | None, typer.Option("--to", help="end value")] = None,
    years: Annotated[float | None, typer.Option("--years", help="years between them")] = None,
    actuals_dir: Annotated[str | None, typer.Option("--actuals", help="actuals directory (default: embedded)")] = None,
    region: Annotated[str | None, typer.Option("--region")] = None,
    catalogue: CatalogueOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
) -> None:
    """Planned, achieved and required CAGR of one indicator, or plain CAGR arithmetic."""
    if indicator is None:
        if start is None or end is None or years is None:
            _fail(["give an INDICATOR, or all of --from, --to and --years"])
        from .core.growth import cagr as compute

        rate = compute(start, end, years)
        if rate is None:
            _fail(["CAGR is undefined for these figures (zero or negative values, or years <= 0)"])
        if fmt is Format.json:
            import json

            _emit(json.dumps({"from": start, "to": end, "years": years, "cagr": round(rate, 4)}) + "\n")
        else:
            _emit(f"{rate:.2f}%\n")
        raise typer.Exit(0)
    from .loading.files import data_dir, resolve_inputs

    paths = resolve_inputs([actuals_dir] if actuals_dir else [str(data_dir() / "actuals")])
    code = _cagr(indicator, paths, region, catalogue, fmt, lang)
    raise typer.Exit(code)


def _cagr(indicator, paths, region, catalogue, fmt, lang) -> int:
    from . import api

    cat = _catalogue(catalogue)
    ind = api.find_indicator(cat, indicator)
    actuals = api.open_actuals([str(p) for p in paths], cat)
    regions = (region,) if region else (cat.region,)
    results = []
    from .core.kinds import SPECS
    from .core.rules import Evaluator

    ev = Evaluator(cat, actuals)
    for target in ind.targets:
        if not SPECS[target.kind].shown_by_cagr:
            continue
        if (target.region or cat.region) not in regions:
            continue
        years_with_data = [
            y
            for y in sorted(actuals.years)
            if target.baseline_year < y <= target.target_year and actuals.get(ind.id, regions[0], y) is not None
        ]
        when = years_with_data[-1] if years_with_data else min(max(actuals.years or {0}), target.target_year)
        results.append(ev.evaluate(target, when))
    summary = api.summarise(results, None)
    if fmt is Format.table:
        _print_rich(_cagr_table(results, lang.value))
    else:
        _render_results(results, summary, fmt, lang.value)
    return 0


def _cagr_table(results, lang: str):
    from .core.kinds import SPECS
    from .render import words
    from .render.records import record
    from .render.table import simple_table

    h = words.HEADERS[lang]

    def pct(x):
        return "—" if x is None else f"{words.fmt(x)}%"

    rows = []
    for r in results:
        rec = record(r, lang)
        unit = rec["measure_unit"]
        target = "—" if rec["target"] is None else words.fmt_value(rec["target"], unit)
        actual = "—" if rec["actual"] is None else f"{words.fmt_value(rec['actual'], unit)}\n({rec['year']})"
        rows.append(
            [
                f"{rec['plan']}\n{rec['baseline_year']}–{rec['target_year']}",
                words.KIND[lang][rec["kind"]],
                target if SPECS[r.target.rule].measure != "own" else f"{words.fmt(rec['baseline'])} → {target}",
                actual,
                pct(rec["planned_cagr"]),
                pct(rec["implied_cagr"]),
                pct(rec["required_cagr"]),
                rec["status_label"],
            ]
        )
    headers = [
        h["plan"],
        h["kind"],
        f"{h['baseline']} → {h['target']}",
        h["actual"],
        h["planned_cagr"],
        h["implied_cagr"],
        h["required_cagr"],
        h["status"],
    ]
    ind = results[0].indicator if results else None
    title = None if ind is None else (f"{ind.name}（{ind.unit}）" if lang == "zh" else f"{ind.name_en} ({ind.unit})")
    return simple_table(headers, rows, title)


@app.command("list")
def list_(
    plan: PlanOpt = None,
    category: Annotated[list[str] | None, typer.Option("--category")] = None,
    attribute: Annotated[
        list[str] | None, typer.Option("--attribute", help="expected (预期性) or binding (约束性)")
    ] = None,
    lead: Annotated[list[str] | None, typer.Option("--lead", help="牵头单位 or 责任单位")] = None,
    region: RegionOpt = None,
    kind: KindOpt = None,
    regions: Annotated[bool, typer.Option("--regions", help="list the catalogue's regions instead")] = False,
    catalogue: CatalogueOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """The catalogue's targets, filtered."""
    code = _list(plan, category, attribute, lead, region, kind, regions, catalogue, fmt, lang, csv_raw)
    raise typer.Exit(code)


def _list(plan, category, attribute, lead, region, kind, regions, catalogue, fmt, lang, csv_raw=False) -> int:
    from .core.check import Filters, targets
    from .render.listing import render_listing, render_regions

    cat = _catalogue(catalogue)
    if regions:
        _emit_or_print(render_regions(cat, fmt.value, lang.value, csv_raw))
        return 0
    plans = _split(plan)
    _check_choices(plans, cat.plans, "plan")
    _check_choices(_split(region), cat.regions, "region")
    filters = Filters(
        plans=plans,
        regions=_split(region),
        kinds=_split(kind),
        categories=_split(category),
        attributes=_split(attribute),
        leads=_split(lead),
    )
    found = list(targets(cat, filters))
    _emit_or_print(render_listing(cat, found, fmt.value, lang.value, csv_raw))
    return 0


def _emit_or_print(out) -> None:
    if isinstance(out, str):
        _emit(out)
    else:
        _print_rich(*out)


@app.command()
def show(
    indicator: Annotated[str, typer.Argument(help="indicator id or Chinese name")],
    actuals_dir: Annotated[str | None, typer.Option("--actuals", help="actuals directory (default: embedded)")] = None,
    catalogue: CatalogueOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """One indicator with all its targets, sources and reported figures."""
    from .loading.files import data_dir, resolve_inputs

    paths = resolve_inputs([actuals_dir or str(data_dir() / "actuals")])
    code = _show(indicator, paths, catalogue, fmt, lang, csv_raw)
    raise typer.Exit(code)


def _show(indicator, paths, catalogue, fmt, lang, csv_raw=False) -> int:
    from . import api
    from .render.listing import render_indicator

    cat = _catalogue(catalogue)
    ind = api.find_indicator(cat, indicator)
    actuals = api.open_actuals([str(p) for p in paths], cat)
    _emit_or_print(render_indicator(cat, ind, actuals, fmt.value, lang.value, csv_raw))
    return 0


@app.command()
def validate(
    files: Annotated[list[str] | None, typer.Argument(help="actuals files (default: the embedded ones)")] = None,
    catalogue: CatalogueOpt = None,
    seeds: Annotated[
        str | None, typer.Option("--seeds", help="folder of source documents: also check every quote")
    ] = None,
) -> None:
    """Check the catalogue and actuals files and report every problem, not just the first."""
    from .validate import validate_all

    problems, counts = validate_all(catalogue, files, seeds)
    for p in problems:
        print(f"jxtargets: {p}", file=sys.stderr)
    errors = [p for p in problems if not p.warning]
    print(
        f"{counts['files']} files, {counts['targets']} targets, {counts['figures']} figures: "
        f"{len(errors)} errors, {len(problems) - len(errors)} warnings"
    )
    raise typer.Exit(2 if errors else 0)


class ReviewFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


@app.command()
def review(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="actuals directory or files (default: the embedded ones)")
    ] = None,
    plan: PlanOpt = None,
    region: RegionOpt = None,
    as_of: Annotated[int | None, typer.Option("--as-of", help="status as of this year (default: the latest)")] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="write to this file (.html, .xlsx, .json, .csv, .md)")
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="list targets with no data too")] = False,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        ReviewFormat | None, typer.Option("--format", "-f", help="table, json, csv, markdown, html or xlsx")
    ] = None,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="statuses that make the exit code 1 (default missed,off_track on stdout; "
            "a report written with -o exits 0 unless this is given)",
        ),
    ] = None,
) -> None:
    """Every target over all years with figures: trajectory, status, pace, projection."""
    from pathlib import Path

    from . import api
    from .core.policy import STATUSES
    from .core.review import review as build_review
    from .loading.files import data_dir

    cat = _catalogue(catalogue)
    plans, regions = _split(plan), _split(region)
    _check_choices(plans, cat.plans, "plan")
    _check_choices(regions, cat.regions, "region")
    items = inputs or [str(data_dir() / "actuals")]
    paths = api.resolve_inputs(items)
    warnings: list = []
    actuals = api.open_actuals([str(p) for p in paths], cat, warnings=warnings)
    _warn(warnings)
    if as_of is not None and actuals.years and as_of < min(actuals.years):
        _fail([f"--as-of {as_of}: no figures that early (years: {', '.join(map(str, sorted(actuals.years)))})"])
    fmt = fmt or _format_from_suffix(output)
    rv = build_review(cat, actuals, as_of, api.Filters(plans=plans, regions=regions))
    failing = _split([fail_on]) if fail_on is not None else ("missed", "off_track")
    _check_choices(failing, STATUSES, "status in --fail-on")
    code = 1 if any(r.result.status in failing and r.result.required for r in rv.rows) else 0
    if output is not None and fail_on is None:
        code = 0  # a report was asked for and is written: its statuses are its content, not a failure
    lang_ = lang.value
    if fmt is ReviewFormat.table and output is None:
        from .render.review import table_renderables

        _print_rich(*table_renderables(rv, lang_, show_all))
        raise typer.Exit(code)
    from .render import review as rr

    if fmt is ReviewFormat.json:
        data: str | bytes = rr.to_json(rv, lang_)
    elif fmt is ReviewFormat.csv:
        data = rr.to_csv(rv, lang_, csv_raw)
    elif fmt is ReviewFormat.markdown:
        data = rr.to_markdown(rv, lang_)
    elif fmt is ReviewFormat.html:
        import gc

        from .render.html import to_html

        gc.enable()  # matplotlib makes reference cycles by the thousand
        data = to_html(rv, lang_, show_all)
    elif fmt is ReviewFormat.xlsx:
        from .render.xlsx import review_xlsx

        if output is None:
            _fail(["--format xlsx needs --output FILE.xlsx"])
        data = review_xlsx(rv, lang_)
    else:
        from .render.review import to_markdown

        data = to_markdown(rv, lang_)
    _write_or_emit(data, output, paths + [Path(cat.path)])
    raise typer.Exit(code)


def _format_from_suffix(output: str | None) -> ReviewFormat:
    suffix = (output or "").rsplit(".", 1)[-1].lower() if output and "." in output else ""
    return {
        "html": ReviewFormat.html,
        "htm": ReviewFormat.html,
        "xlsx": ReviewFormat.xlsx,
        "json": ReviewFormat.json,
        "csv": ReviewFormat.csv,
        "md": ReviewFormat.markdown,
    }.get(suffix, ReviewFormat.table)


def _write_or_emit(data: str | bytes, output: str | None, inputs) -> None:
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            _emit(data)
        return
    from pathlib import Path

    from .output import refuse_inputs, write_atomic

    target = Path(output)
    refuse_inputs(target, list(inputs))
    write_atomic(target, data)
    print(f"jxtargets: wrote {output}", file=sys.stderr)


@app.command()
def template(
    year: Annotated[int, typer.Argument(help="the year the form is for")],
    plan: PlanOpt = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="FILE.xlsx or FILE.yaml (default: YAML on stdout)")
    ] = None,
    actuals_dir: Annotated[
        str | None, typer.Option("--actuals", help="where the previous year's figures are (default: embedded)")
    ] = None,
    catalogue: CatalogueOpt = None,
) -> None:
    """A blank actuals form for a year, listing every indicator the plans need."""
    from pathlib import Path

    from . import api
    from .loading.files import data_dir
    from .render.xlsx import template_rows, template_xlsx, template_yaml

    if not 1900 <= year <= 2200:
        _fail([f"year {year} out of range"])
    cat = _catalogue(catalogue)
    plans = _split(plan)
    _check_choices(plans, cat.plans, "plan")
    paths = api.resolve_inputs([actuals_dir or str(data_dir() / "actuals")])
    actuals = api.open_actuals([str(p) for p in paths], cat)
    rows = template_rows(cat, actuals, year, plans)
    if not rows:
        _fail([f"no plan {'in ' + ', '.join(plans) + ' ' if plans else ''}runs in {year}: nothing to fill in"])
    if output and output.lower().endswith(".xlsx"):
        data: str | bytes = template_xlsx(rows, year)
    elif output is None or output.lower().endswith((".yaml", ".yml")):
        data = template_yaml(rows, year)
    else:
        _fail([f"{output}: the form is .xlsx or .yaml"])
    _write_or_emit(data, output, paths + [Path(cat.path)])


def _version(value: bool) -> None:
    if value:
        print(f"jxtargets {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="print the version")
    ] = False,
) -> None:
    """Check reported statistics against development-plan targets (嘉兴市规划目标核对)."""


def run(argv: Sequence[str]) -> int:
    """Run the command line on `argv` in this process and return its exit code: what `main` does
    for the installed command, and what the tests call (through typer's CliRunner isolation)."""
    import gc

    from .loading.errors import LoadError

    # A short-lived process that builds many small objects and drops none: cyclic GC passes
    # only cost time (half of a 10,000-indicator run). Commands that churn (charts) re-enable it.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        app(args=list(argv), prog_name="jxtargets")  # standalone: always ends in SystemExit
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except (Exit, LoadError) as exc:
        for p in exc.problems:
            print(f"jxtargets: {p}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug must still not print a traceback
        if os.environ.get("JXTARGETS_DEBUG"):
            raise
        print(
            f"jxtargets: internal error: {type(exc).__name__}: {exc} (set JXTARGETS_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 3
    finally:
        if gc_was_enabled:
            gc.enable()
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))
