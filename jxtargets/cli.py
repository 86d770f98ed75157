"""The `jxtargets` command: parses options, calls `jxtargets.api`, renders with
`jxtargets.render.render`, and sets the exit code (0 nothing failing, 1 a failing status,
2 bad input or usage). Every rule lives in the library; nothing here decides a verdict.

Only typer is imported at start-up; YAML, pint, rich and openpyxl are imported by the commands
that need them. (No `from __future__ import annotations` here: typer would then evaluate every
annotation string on each call.)
"""

import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from . import __version__
from .cli_shared import (
    ActualsOpt,
    CatalogueOpt,
    CsvRawOpt,
    ExtendOpt,
    Format,
    FormatOpt,
    KindOpt,
    Lang,
    LangOpt,
    OutputOpt,
    PlanOpt,
    RegionOpt,
    emit,
    fail,
    format_for,
    load,
    split,
    warn,
)

app = typer.Typer(
    name="jxtargets",
    help="Check reported statistics against development-plan targets (嘉兴市规划目标核对).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
    extend: ExtendOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """Judge every target that the given figures can speak to."""
    from . import api
    from .render.dispatch import check_notes

    inputs = load(files, catalogue, extend, lang)
    filters = api.Filters(plans=split(plan), regions=split(region), kinds=split(kind))
    report = api.check(inputs.catalogue, inputs.actuals, year, filters, split(status), split([fail_on]))
    warn(check_notes(report, lang.value), lang)
    emit(report, format_for(fmt, None), lang, csv_raw=csv_raw)
    raise typer.Exit(report.exit_code)


@app.command()
def cagr(
    indicator: Annotated[str | None, typer.Argument(help="indicator id or Chinese name")] = None,
    start: Annotated[float | None, typer.Option("--from", help="start value (plain arithmetic)")] = None,
    end: Annotated[float | None, typer.Option("--to", help="end value")] = None,
    years: Annotated[float | None, typer.Option("--years", help="years between them")] = None,
    actuals: ActualsOpt = None,
    region: Annotated[str | None, typer.Option("--region")] = None,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """Planned, achieved and required CAGR of one indicator, or plain CAGR arithmetic."""
    from . import api

    if indicator is None:
        if start is None or end is None or years is None:
            from .messages import msg

            fail([msg("usage.cagr_arguments")])
        emit(api.growth_rate(start, end, years), format_for(fmt, None), lang)
        raise typer.Exit(0)
    inputs = load([actuals] if actuals else None, catalogue, extend, lang)
    emit(api.cagr(inputs.catalogue, inputs.actuals, indicator, region), format_for(fmt, None), lang, csv_raw=csv_raw)


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
    extend: ExtendOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """The catalogue's targets, filtered."""
    from . import api

    warnings: list = []
    cat = api.open_catalogue(catalogue, warnings=warnings, extend=extend)
    warn(warnings, lang)
    if regions:
        emit(api.list_regions(cat), format_for(fmt, None), lang, csv_raw=csv_raw)
        return
    filters = api.Filters(
        plans=split(plan),
        regions=split(region),
        kinds=split(kind),
        categories=split(category),
        attributes=split(attribute),
        leads=split(lead),
    )
    emit(api.list_targets(cat, filters), format_for(fmt, None), lang, csv_raw=csv_raw)


@app.command()
def show(
    indicator: Annotated[str, typer.Argument(help="indicator id or Chinese name")],
    actuals: ActualsOpt = None,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """One indicator with all its targets, sources and reported figures."""
    from . import api

    inputs = load([actuals] if actuals else None, catalogue, extend, lang)
    emit(api.show(inputs.catalogue, inputs.actuals, indicator), format_for(fmt, None), lang, csv_raw=csv_raw)


@app.command()
def validate(
    files: Annotated[list[str] | None, typer.Argument(help="actuals files (default: the embedded ones)")] = None,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    seeds: Annotated[
        str | None, typer.Option("--seeds", help="folder of source documents: also check every quote")
    ] = None,
    fmt: FormatOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """Check the catalogue and actuals files and report every problem, not just the first."""
    from . import api

    result = api.validate(catalogue, files, seeds, extend)
    warn(result.problems, lang)
    emit(result, format_for(fmt, None), lang)
    raise typer.Exit(result.exit_code)


@app.command()
def review(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="actuals directory or files (default: the embedded ones)")
    ] = None,
    plan: PlanOpt = None,
    region: RegionOpt = None,
    as_of: Annotated[int | None, typer.Option("--as-of", help="status as of this year (default: the latest)")] = None,
    output: OutputOpt = None,
    show_all: Annotated[bool, typer.Option("--all", help="list targets with no data too")] = False,
    by_region: Annotated[
        bool, typer.Option("--by-region", help="targets set per county or district, one column per region")
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="statuses that make the exit code 1 (default missed,off_track; none with -o)"),
    ] = None,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="table, json, csv, markdown, html, xlsx or docx")
    ] = None,
    lang: LangOpt = Lang.zh,
    csv_raw: CsvRawOpt = False,
) -> None:
    """Every target over all years with figures: trajectory, status, pace, projection."""
    from . import api

    loaded = load(inputs, catalogue, extend, lang)
    filters = api.Filters(plans=split(plan), regions=split(region))
    rv = api.review(loaded.catalogue, loaded.actuals, as_of, filters)
    chosen = format_for(fmt, output)
    if chosen in (Format.xlsx, Format.docx) and output is None:
        from .render.messages import say

        fail([say("needs_output", lang.value, fmt=chosen.value)])
    import datetime

    emit(
        rv,
        chosen,
        lang,
        output,
        loaded.read,
        show_all=show_all,
        csv_raw=csv_raw,
        by_region=by_region,
        provenance={"today": datetime.date.today().isoformat(), "version": __version__, "actuals": loaded.actuals},
    )
    # A written report is a success whatever the statuses, unless --fail-on asks otherwise.
    if fail_on is None and output is not None:
        raise typer.Exit(0)
    failing = api.summarise([r.result for r in rv.rows], rv.as_of, split([fail_on or "missed,off_track"]))
    raise typer.Exit(1 if failing.failing else 0)


@app.command()
def template(
    year: Annotated[int, typer.Argument(help="the year the form is for")],
    plan: PlanOpt = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="FILE.xlsx or FILE.yaml (default: YAML on stdout)")
    ] = None,
    actuals: Annotated[
        str | None, typer.Option("--actuals", help="where the previous year's figures are (default: embedded)")
    ] = None,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """A blank actuals form for a year, listing every indicator the plans need (its problems in
    the language of --lang; the form's keys are the loader's)."""
    from . import api

    chosen = format_for(None, output, default=Format.yaml)
    if output is not None and chosen not in (Format.yaml, Format.xlsx):
        from .messages import msg

        fail([msg("usage.form_suffix", output=output)])
    loaded = load([actuals] if actuals else None, catalogue, extend, lang)
    form = api.template(loaded.catalogue, loaded.actuals, year, split(plan))
    emit(form, chosen, lang, output, loaded.read)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="bulletins or reports: .txt (UTF-8 or GBK/GB18030) or .docx")],
    year: Annotated[int, typer.Option("--year", help="the year the figures are for")],
    output: Annotated[str, typer.Option("--output", "-o", help="the actuals YAML file to write")],
    report: Annotated[str | None, typer.Option("--report", help="also write the left-out numbers here")] = None,
    force: Annotated[bool, typer.Option("--force", help="overwrite existing output files")] = False,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """Figures from a statistical bulletin or work report, each quoting its sentence, as an actuals
    file; numbers that cannot be tied to one indicator, unit and year are listed on stderr."""
    from . import api
    from .extract.write import report_text
    from .messages import say

    warnings: list = []
    cat = api.open_catalogue(catalogue, warnings=warnings, extend=extend)
    result = api.extract(files, year, cat, warnings=warnings)
    warn(warnings, lang)
    api.save_extraction(result, output, report, force, [*files, *cat.files], lang.value)
    print(report_text(result, lang.value), end="", file=sys.stderr)
    done = say("wrote_two", lang.value, path=output, other=report) if report else say("wrote", lang.value, path=output)
    print(f"jxtargets: {done}", file=sys.stderr)


plan_app = typer.Typer(help="Plans: import a plan's main-indicator table into catalogue YAML.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")


@plan_app.command("import")
def plan_import(
    table: Annotated[str, typer.Argument(help="the indicator table: .xlsx, .csv, or the text layout of 表1/表2")],
    plan: Annotated[str, typer.Option("--plan", help="id of the plan (snake_case), e.g. fyp15")],
    name: Annotated[str, typer.Option("--name", help="the plan's full name")],
    output: Annotated[str, typer.Option("--output", "-o", help="catalogue YAML to write")],
    region: Annotated[
        str | None, typer.Option("--region", help="a county of the catalogue, or another city (a stand-alone file)")
    ] = None,
    years: Annotated[
        str | None, typer.Option("--years", help="BASELINE:TARGET such as 2025:2030 (default: from the header)")
    ] = None,
    actuals: Annotated[
        str | None, typer.Option("--actuals", help="write the 完成情况 (results) columns to this actuals YAML")
    ] = None,
    which: Annotated[str | None, typer.Option("--table", help="which table of a text file, e.g. 表2")] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="document the quotes cite (default: the table's file name)")
    ] = None,
    catalogue: CatalogueOpt = None,
    extend: ExtendOpt = None,
    lang: LangOpt = Lang.zh,
) -> None:
    """Read a plan's indicator table and write catalogue YAML for review (README: Adding a plan)."""
    from . import api

    warnings: list = []
    cat = api.open_catalogue(catalogue, warnings=warnings, extend=extend)
    warn(warnings, lang)
    result = api.import_plan(table, plan, name, cat, region, years, doc, which, lang=lang.value)
    notes = api.save_plan_import(result, table, output, actuals, cat.files)
    warn(result.problems, lang)
    warn(notes, lang)
    from .render.messages import say

    rows = result.imported.rows
    matched, targets = sum(r.matched for r in rows), sum(len(r.targets) for r in rows)
    print(say("imported", lang.value, rows=len(rows), matched=matched, targets=targets, problems=len(result.problems)))
    raise typer.Exit(1 if result.problems else 0)


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


def app_for(argv: Sequence[str]) -> typer.Typer:
    """The application with only the command `argv` names (typer turns every registered command
    into a click command, inspecting its signature, on each call: only the one that runs is
    needed); the whole application when `argv` names none (help, --version, a typo to suggest for)."""
    import copy

    name = argv[0] if argv else ""
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]  # type: ignore[union-attr]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    one = copy.copy(app)
    one.registered_commands, one.registered_groups = commands, groups
    return one


def run(argv: Sequence[str]) -> int:
    """Run the command line on `argv` in this process and return its exit code: what `main` does
    for the installed command, and what the tests call (through typer's CliRunner isolation)."""
    import gc

    from . import cli_shared

    # The language of the messages printed here and of the problems found in the input, before
    # or without typer's parsing.
    lang = cli_shared.lang_of(tuple(argv), dict(os.environ))

    # A short-lived process that builds many small objects and drops none: cyclic GC passes
    # only cost time (half of a 10,000-indicator run). Commands that churn (charts) re-enable it.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        app_for(argv)(args=list(argv), prog_name="jxtargets")  # standalone: always ends in SystemExit
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug must still not print a traceback
        # Imported only here: `--help` and a command that succeeds never need the message table.
        from .loading.errors import LoadError
        from .messages import say, text_of

        if isinstance(exc, LoadError):  # bad input or usage: one line per problem
            for p in exc.problems:
                print(f"jxtargets: {text_of(p, lang)}", file=sys.stderr)
            return 2
        if os.environ.get("JXTARGETS_DEBUG"):
            raise
        print(f"jxtargets: {say('internal_error', lang, error=f'{type(exc).__name__}: {exc}')}", file=sys.stderr)
        return 3
    finally:
        if gc_was_enabled:
            gc.enable()
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:]))
