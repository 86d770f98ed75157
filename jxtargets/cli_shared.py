"""What the commands of `cli.py` share: option types (typer `Annotated` aliases), formats, and
the glue that loads inputs, reports problems and prints or writes what `render` returns."""

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from .messages import Msg
    from .results import Inputs


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"
    yaml = "yaml"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def _lang_or_env(ctx: typer.Context, value: Lang) -> Lang:
    """--lang when given, else JXTARGETS_LANG, else zh. Read here rather than through the option's
    `envvar`, which typer 0.26 (the oldest allowed) ignores."""
    source = ctx.get_parameter_source("lang")
    env = os.environ.get("JXTARGETS_LANG")
    if env and (source is None or source.name == "DEFAULT"):
        try:
            return Lang(env)
        except ValueError:
            raise typer.BadParameter(f"JXTARGETS_LANG={env!r}: zh or en") from None
    return value


LangOpt = Annotated[
    Lang,
    typer.Option("--lang", callback=_lang_or_env, help="zh (default) or en; JXTARGETS_LANG sets it for every command"),
]
FormatOpt = Annotated[Format | None, typer.Option("--format", "-f", help="table, json, csv or markdown")]
CatalogueOpt = Annotated[
    list[str] | None,
    typer.Option("--catalogue", help="catalogue file or directory, replaces the embedded one (repeatable)"),
]
ExtendOpt = Annotated[
    list[str] | None,
    typer.Option("--extend", help="catalogue file or directory layered over the one in use (repeatable)"),
]
PlanOpt = Annotated[list[str] | None, typer.Option("--plan", help="only this plan (repeatable)")]
RegionOpt = Annotated[list[str] | None, typer.Option("--region", help="only this county/district")]
KindOpt = Annotated[list[str] | None, typer.Option("--kind", help="only this kind of target")]
ActualsOpt = Annotated[str | None, typer.Option("--actuals", help="actuals directory or file (default: embedded)")]
CsvRawOpt = Annotated[
    bool,
    typer.Option(
        "--csv-raw", help="CSV: keep text cells as given (by default a cell starting with = + - @ gets a leading ')"
    ),
]
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", help="write to this file (format from its suffix)")]


_SUFFIX_FORMATS = {
    "html": Format.html,
    "htm": Format.html,
    "xlsx": Format.xlsx,
    "docx": Format.docx,
    "json": Format.json,
    "csv": Format.csv,
    "md": Format.markdown,
    "yaml": Format.yaml,
    "yml": Format.yaml,
}


def format_for(fmt: Format | None, output: str | None, default: Format = Format.table) -> Format:
    """--format, else the output file's suffix, else `default`."""
    if fmt is not None:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return _SUFFIX_FORMATS.get(suffix, default)


def fail(problems: "list[str] | list[Msg]") -> NoReturn:
    from .loading.errors import UsageError

    raise UsageError(problems)


def split(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated values alike (`--plan a,b --plan c`)."""
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.replace("，", ",").split(",") if x.strip())
    return tuple(out)


def warn(warnings: Sequence[object], lang: "Lang | str") -> None:
    """Each warning (a problem, a message or a line) on stderr, in the command's language."""
    from .messages import text_of

    for w in warnings:
        print(f"jxtargets: {text_of(w, str(lang))}", file=sys.stderr)


def load(
    items: Sequence[str] | None, catalogue: list[str] | None, extend: list[str] | None, lang: "Lang | str"
) -> "Inputs":
    from . import api

    inputs = api.load(items, catalogue, extend)
    warn(inputs.warnings, lang)
    return inputs


def emit(obj: object, fmt: Format, lang: Lang, output: str | None = None, read: Sequence[Path] = (), **kw) -> None:
    """Render `obj` and print it, or write it to `output` (never over a file the command read)."""
    from .messages import msg
    from .render.dispatch import FormatError, render

    try:
        data = render(obj, fmt.value, lang.value, **kw)
    except FormatError as exc:
        fail([exc.msg])
    if output is None:
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                fail([msg("usage.binary_format", fmt=fmt.value)])
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    from .output import refuse_inputs, write_atomic

    target = Path(output)
    refuse_inputs(target, list(read))
    write_atomic(target, data)
    from .render.messages import say

    print(f"jxtargets: {say('wrote', lang.value, path=output)}", file=sys.stderr)


def lang_of(argv: list[str] | tuple[str, ...], environ: dict[str, str]) -> str:
    """The language of a command line before typer has parsed it (for its error messages):
    `--lang en`/`--lang=en`, else JXTARGETS_LANG, else Chinese."""
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "zh"
    return "en" if environ.get("JXTARGETS_LANG") == "en" else "zh"
