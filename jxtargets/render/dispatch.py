"""One entry point for every output: `render(obj, format, lang)` turns any object that
`jxtargets.api` returns into the text (or, for xlsx, the bytes) the command line prints or writes.

A table is rendered for the terminal in use (its width and colours, NO_COLOR), as rich would
print it; every other format is the same whatever the terminal.
"""

from __future__ import annotations

import json
from typing import Any

from ..messages import Msg, msg

FORMATS = ("table", "json", "csv", "markdown", "html", "xlsx", "docx", "yaml")


class FormatError(ValueError):
    """The object has no such format (e.g. a check as xlsx): a usage error for the command line,
    `msg` saying which formats the command writes."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.msg = message


def render(
    obj: Any,
    fmt: str = "table",
    lang: str = "zh",
    *,
    show_all: bool = False,
    csv_raw: bool = False,
    by_region: bool = False,
    provenance: dict | None = None,
) -> str | bytes:
    """What `jxtargets` prints for `obj` in `fmt` (table, json, csv, markdown; html, xlsx and docx
    for a review; yaml and xlsx for a template). `show_all` lists rows with no figure in tables too;
    `csv_raw` keeps CSV text cells as given (by default a cell that would start a formula in a
    spreadsheet gets a leading ', as OWASP advises); `by_region` shows a review's targets set per
    county side by side; `provenance` (`today`, `version`, `actuals`) is what the HTML and Word
    reports state about themselves."""
    from ..core.review import Review
    from ..results import (
        CagrReport,
        CheckReport,
        GrowthRate,
        IndicatorView,
        Listing,
        RegionListing,
        Template,
        Validation,
    )

    if isinstance(obj, CheckReport):
        return _check(obj, fmt, lang, show_all, csv_raw)
    if isinstance(obj, Review):
        return _review(obj, fmt, lang, show_all, csv_raw, by_region, provenance or {})
    if isinstance(obj, CagrReport):
        return _cagr(obj, fmt, lang, csv_raw)
    if isinstance(obj, GrowthRate):
        if fmt == "json":
            return json.dumps({"from": obj.start, "to": obj.end, "years": obj.years, "cagr": round(obj.cagr, 4)}) + "\n"
        return f"{obj.cagr:.2f}%\n"
    if isinstance(obj, Listing):
        from .listing import render_listing

        return _text(
            render_listing(obj.catalogue, obj.targets, _only(fmt, "table", "json", "csv", "markdown"), lang, csv_raw)
        )
    if isinstance(obj, RegionListing):
        from .listing import render_regions

        return _text(render_regions(obj.counts, _only(fmt, "table", "json", "csv", "markdown"), lang, csv_raw))
    if isinstance(obj, IndicatorView):
        from .listing import render_indicator

        fmt = _only(fmt, "table", "json", "csv", "markdown")
        return _text(render_indicator(obj.catalogue, obj.indicator, obj.actuals, fmt, lang, csv_raw))
    if isinstance(obj, Validation):
        return _validation(obj, fmt, lang)
    if isinstance(obj, Template):
        from .xlsx import template_xlsx, template_yaml

        return (
            template_xlsx(obj.rows, obj.year, lang)
            if _only(fmt, "yaml", "xlsx") == "xlsx"
            else template_yaml(obj.rows, obj.year, lang)
        )
    raise TypeError(f"nothing renders {type(obj).__name__}")


def _only(fmt: str, *allowed: str) -> str:
    if fmt not in allowed:
        raise FormatError(msg("usage.format_not_here", fmt=fmt, allowed=", ".join(allowed)))
    return fmt


def _text(out: Any) -> str:
    """A renderer's string as is, or its rich renderables printed for this terminal."""
    return out if isinstance(out, str) else rich_text(*out)


def rich_text(*renderables: Any) -> str:
    from .table import console

    out = console()
    with out.capture() as captured:  # rendered for the real terminal, colours and width included
        for r in renderables:
            out.print(r)
    return captured.get()


def _check(report: Any, fmt: str, lang: str, show_all: bool, csv_raw: bool) -> str:
    fmt = _only(fmt, "table", "json", "csv", "markdown")
    if fmt != "table":
        return _machine(report.results, report.summary.as_dict(), fmt, lang, csv_raw)
    from ..core.review import trajectory
    from .records import record
    from .review import spark_line
    from .table import check_table, summary_text
    from .words import check_title, scope_note

    if report.year is None:  # not one figure in the files (a blank form): no table to lay out
        return (
            "（所给文件中没有数值，没有可核对的目标）\n"
            if lang == "zh"
            else "(no figures in the given files: nothing to judge)\n"
        )
    summary = report.summary.as_dict()
    scope = report.summary.scope
    several = scope is not None and scope.several_years
    # Only the rows shown are laid out: a table hides those with no figure unless asked.
    shown = [r for r in report.results if show_all or report.statuses_asked or r.status != "no_data"]
    records = [record(r, lang) for r in shown]
    sparks = [spark_line([p.value for p in trajectory(r, report.actuals, r.year)]) for r in shown]
    year = report.summary.year
    title = check_title(year, sorted(scope.years) if several else [], lang) if year else None
    out: list[Any] = [check_table(records, summary, lang, title, report.catalogue.region, sparks, show_year=several)]
    out.append(summary_text(summary, lang))
    hidden = len(report.results) - len(shown)
    if hidden:
        out.append(
            f"（另有{hidden}项无数据未列出，用 --status no_data 查看）"
            if lang == "zh"
            else f"({hidden} targets with no data not shown; see them with --status no_data)"
        )
    if scope is not None and (note := scope_note(scope, lang)):
        out.append(note)
    return rich_text(*out)


def _machine(results: list[Any], summary: dict, fmt: str, lang: str, csv_raw: bool) -> str:
    """Results as JSON, CSV or Markdown: every result, whatever its status."""
    from . import formats
    from .records import record

    if fmt == "json":  # encoded as they are made: 20,000 records at once would be ~100 MB
        return formats.to_json((record(r, lang) for r in results), summary)
    records = [record(r, lang) for r in results]
    return formats.to_csv(records, csv_raw) if fmt == "csv" else formats.to_markdown(records, summary, lang)


def check_notes(report: Any, lang: str) -> list[str]:
    """What the chosen plans leave unjudged, said rather than dropped (for stderr)."""
    notes = []
    ids, year = report.untargeted, report.year
    if ids:
        shown = ", ".join(ids[:8])
        more = len(ids) - 8
        if lang == "zh":
            notes.append(
                f"注意：{len(ids)}项指标有{year}年数据，但所选规划没有相应目标，未作评估：{shown}"
                + (f" 等（另{more}项）" if more > 0 else "")
            )
        else:
            notes.append(
                f"note: {len(ids)} indicators with {year} figures are not targeted by the chosen plans and are "
                f"not judged: {shown}" + (f" and {more} more" if more > 0 else "")
            )
    if report.latest_year is not None:
        notes.append(
            f"注意：无{year}年数据，各指标按截至{year}年的最新数据评估（最新为{report.latest_year}年）"
            if lang == "zh"
            else f"note: no figures for {year}; each target is judged on its latest figure at or before {year} "
            f"(the latest from {report.latest_year})"
        )
    if report.starts_after is not None:
        notes.append(
            f"注意：所选规划的基期为{report.starts_after}年，晚于{year}年：尚无可评估的目标"
            if lang == "zh"
            else f"note: the chosen plans start after {year} (baseline {report.starts_after}): nothing to judge yet"
        )
    return notes


def _review(
    review: Any, fmt: str, lang: str, show_all: bool, csv_raw: bool, by_region: bool, provenance: dict
) -> str | bytes:
    from . import review as rr

    fmt = _only(fmt, "table", "json", "csv", "markdown", "html", "xlsx", "docx")
    if fmt == "table" and by_region:
        from .regions import region_renderables

        return rich_text(*region_renderables(review, lang))
    if fmt == "table":
        return rich_text(*rr.table_renderables(review, lang, show_all))
    if fmt == "json":
        return rr.to_json(review, lang)
    if fmt == "csv":
        return rr.to_csv(review, lang, csv_raw)
    if fmt == "markdown":
        return rr.to_markdown(review, lang)
    if fmt == "html":
        import gc

        from .html import to_html
        from .summary import data_sources

        gc.enable()  # matplotlib makes reference cycles by the thousand
        actuals = provenance.get("actuals")
        return to_html(
            review,
            lang,
            show_all,
            today=provenance.get("today"),
            version=provenance.get("version"),
            sources=data_sources(actuals) if actuals is not None else None,
        )
    if fmt == "docx":
        import gc

        from .docx import to_docx
        from .summary import data_sources

        gc.enable()
        actuals = provenance.get("actuals")
        return to_docx(
            review,
            lang,
            today=provenance.get("today", ""),
            version=provenance.get("version", ""),
            sources=data_sources(actuals) if actuals is not None else None,
        )
    from .xlsx import review_xlsx

    return review_xlsx(review, lang)


def _cagr(report: Any, fmt: str, lang: str, csv_raw: bool) -> str:
    fmt = _only(fmt, "table", "json", "csv", "markdown")
    if fmt != "table":
        return _machine(report.results, report.summary.as_dict(), fmt, lang, csv_raw)
    from .growth import cagr_table

    return rich_text(cagr_table(report.results, lang))


def _validation(v: Any, fmt: str, lang: str) -> str:
    from ..messages import MESSAGES, say, text_of
    from ..messages import render as render_message

    fmt = _only(fmt, "table", "json")
    if fmt == "json":
        body = {
            "files": v.files,
            "targets": v.targets,
            "figures": v.figures,
            "quotes_checked": v.quotes_checked,
            "quotes": v.quotes,
            "errors": [text_of(p, lang) for p in v.errors],
            "warnings": [text_of(p, lang) for p in v.warnings],
            # each problem with its code (null for a line not yet given one) and its message
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "key": p.key,
                    "warning": p.warning,
                    "code": p.code if p.code in MESSAGES else None,
                    "message": render_message(p.code, p.params, lang),
                }
                for p in v.problems
            ],
        }
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    if v.quotes_checked:
        quotes = say("validate.quotes", lang, count=v.quotes)
    elif v.errors and not v.targets:
        quotes = say("validate.not_loaded", lang)
    else:
        quotes = say("validate.no_seeds", lang)
    summary = say(
        "validate.summary",
        lang,
        files=v.files,
        targets=v.targets,
        figures=v.figures,
        errors=len(v.errors),
        warnings=len(v.warnings),
    )
    return f"{quotes}\n{summary}\n"
