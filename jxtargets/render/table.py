"""Terminal tables with rich (wide Chinese characters, colour that follows the terminal and
NO_COLOR). Statuses are coloured and spelled out, so they survive a pipe."""

from __future__ import annotations

from . import words
from .formats import actual_text, target_text
from .safe import visible


def console(file=None):
    from rich.console import Console

    # No markup or emoji parsing: cells are plain data, and parsing them costs a tenth of a table.
    return Console(file=file, highlight=False, soft_wrap=False, markup=False, emoji=False)


def check_table(
    records: list[dict],
    summary: dict,
    lang: str,
    title: str | None = None,
    home: str | None = None,
    sparks: list[str] | None = None,
    show_year: bool = False,
):
    """The check as a table; `home` is the catalogue's own region (others are named after the
    indicator), `sparks` a one-line trajectory per record, shown under the actual figure;
    `show_year` adds the year each result is judged at (when they differ)."""
    from rich.table import Table
    from rich.text import Text

    h = words.HEADERS[lang]
    table = Table(title=visible(title) if title else None, show_lines=False, expand=False, pad_edge=False)
    table.add_column(h["plan"], no_wrap=True, style="dim")
    if show_year:
        table.add_column(h["year"], no_wrap=True)
    table.add_column(h["indicator"], ratio=3, overflow="fold")
    table.add_column(h["target"], justify="right", no_wrap=True)
    table.add_column(h["actual"], justify="right", no_wrap=True)
    table.add_column(h["status"], no_wrap=True)
    table.add_column(h["why"], ratio=4, overflow="fold")
    for i, r in enumerate(records):
        name = r["name"] if r["region"] == home or not r["region"] else f"{r['name']}（{r['region']}）"
        label = f"{name} · {words.KIND[lang][r['kind']]}"
        style = words.STATUS_STYLE[r["status"]] if r["required"] else "yellow"
        status = Text(r["status_label"], style=style)
        actual = actual_text(r)
        if sparks and sparks[i]:
            actual += f"\n{sparks[i]}"
        cells = [Text(visible(r["plan"]))] + ([Text(str(r["year"]))] if show_year else [])
        table.add_row(*cells, Text(visible(label)), Text(target_text(r)), Text(actual), status, Text(visible(r["why"])))
    return table


def summary_text(summary: dict, lang: str):
    from rich.text import Text

    text = Text(f"{words.HEADERS[lang]['summary']} {summary['total']}: ")
    first = True
    for term, n in summary["by_label"].items():
        if not first:
            text.append(" · ")
        text.append(f"{words.term(term, lang)} {n}", style=words.TERM_STYLE[term])
        first = False
    return text


def simple_table(headers: list[str], rows: list[list[str]], title: str | None = None):
    from rich.table import Table

    table = Table(title=visible(title) if title else None, pad_edge=False)
    for i, header in enumerate(headers):
        table.add_column(header, overflow="fold", no_wrap=i == 0)
    for row in rows:
        table.add_row(*(visible(c) for c in row))
    return table
