"""Terminal tables with rich (wide Chinese characters, colour that follows the terminal and
NO_COLOR). Statuses are coloured and spelled out, so they survive a pipe.

At any width (80 columns is what a pipe gets) a number, a word or a figure with its unit is
never cut: text cells are `Flow`s, which break only where Chinese text may break, and rich
gives a column at least the width of its widest unbreakable piece."""

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
    `show_year` adds the year each result is judged at (when they differ). Narrower than
    `WIDE` columns (80 is what a pipe gets), each reason moves under its indicator's name
    instead of a column of its own, so that no column is too narrow for a figure."""
    return Responsive(lambda width: _check_table(records, lang, title, home, sparks, show_year, width >= WIDE))


WIDE = 110  # columns from which the check table has room for a column of reasons


class Responsive:
    """A renderable built for the width it is given (a table that lays itself out differently
    on a narrow terminal)."""

    def __init__(self, build) -> None:
        self.build = build

    def __rich_console__(self, console, options):
        yield self.build(options.max_width)


def _check_table(records, lang, title, home, sparks, show_year, wide: bool):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    h = words.HEADERS[lang]
    table = Table(title=visible(title) if title else None, show_lines=not wide, expand=False, pad_edge=False)
    # Columns that never wrap get the width of their widest line, so that rich need not measure
    # every cell of them (twice): a third of the table's layout time.
    plans = [visible(r["plan"]) for r in records]
    targets = [target_text(r) for r in records]
    actuals = [actual_text(r) + (f"\n{sparks[i]}" if sparks and sparks[i] else "") for i, r in enumerate(records)]
    table.add_column(h["plan"], no_wrap=True, style="dim", width=_widest(h["plan"], plans))
    if show_year:
        table.add_column(h["year"], no_wrap=True, width=_widest(h["year"], [str(r["year"]) for r in records]))
    table.add_column(Flow(h["indicator"] if wide else f"{h['indicator']} / {h['why']}"), ratio=3)
    table.add_column(h["target"], justify="right", no_wrap=True, width=_widest(h["target"], targets))
    table.add_column(h["actual"], justify="right", no_wrap=True, width=_widest(h["actual"], actuals))
    table.add_column(h["status"], no_wrap=True, width=_widest(h["status"], [r["status_label"] for r in records]))
    if wide:
        table.add_column(h["why"], ratio=4)
    for i, r in enumerate(records):
        name = r["name"] if r["region"] == home or not r["region"] else f"{r['name']}（{r['region']}）"
        label = f"{name} · {words.kind_name(r, lang)}"
        style = words.TERM_STYLE[r["label"]] if r["required"] else "yellow"
        status = Text(r["status_label"], style=style)
        cells = [Text(plans[i])] + ([Text(str(r["year"]))] if show_year else [])
        if wide:
            table.add_row(*cells, Flow(label), Text(targets[i]), Text(actuals[i]), status, Flow(r["why"]))
        else:
            named = Group(Flow(label), Flow(r["why"], style="dim")) if r["why"] else Flow(label)
            table.add_row(*cells, named, Text(targets[i]), Text(actuals[i]), status)
    return table


def _widest(header: str, cells: list[str]) -> int:
    """The width of the widest line of a column's header and cells, in terminal cells."""
    from rich.cells import cell_len

    return max(cell_len(line) for text in (header, *cells) for line in text.split("\n"))


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


def simple_table(headers: list[str], rows: list[list[str]], title: str | None = None, numbers: tuple[int, ...] = ()):
    """A plain table; the columns in `numbers` hold figures and are never narrowed below them
    (rich only narrows the columns that may wrap), the others wrap as `Flow`."""
    from rich.table import Table

    table = Table(title=visible(title) if title else None, pad_edge=False)
    for i, header in enumerate(headers):
        table.add_column(Flow(header), no_wrap=i == 0 or i in numbers)
    for row in rows:
        table.add_row(*(Flow(c) for c in row))
    return table


# -- wrapping ---------------------------------------------------------------------------------------

_OPEN = frozenset("（(“‘「『【〔《〈")
_CLOSE = frozenset("）)”’」』】〕》〉，。；：、！？,.;:!?%")


def _wide(c: str) -> bool:
    """A Chinese character or full-width sign (CJK, its punctuation, full-width forms)."""
    return "\u2e80" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"


def _core(text: str, i: int) -> int:
    """The end of the unbreakable core starting at `i`, or -1: one wide character, or a run of
    anything else (a number, a Latin word, a symbol run) with the short unit written right after
    it (5,509.5亿元: up to four Chinese characters, then /年 or so)."""
    n = len(text)
    if i >= n:
        return -1
    c = text[i]
    if _wide(c):
        return i + 1
    if c.isspace() or c in _OPEN:
        return -1
    j = i + 1
    while j < n and not ((c := text[j]).isspace() or c in _OPEN or _wide(c)):
        j += 1
    k = j
    while k < n and k - j < 4 and "\u4e00" <= text[k] <= "\u9fff":
        k += 1
    if k > j and k + 1 < n and text[k] == "/" and "\u4e00" <= text[k + 1] <= "\u9fff":
        k += 3 if k + 2 < n and "\u4e00" <= text[k + 2] <= "\u9fff" else 2
    return k


def pieces(text: str) -> list[str]:
    """`text` cut where a line may break, the way Chinese text is set: between two Chinese
    characters or at a space, never inside a number, a word or a unit written after a number.
    A piece is a core (`_core`) with the opening punctuation before it and the closing
    punctuation and spaces after it, or a run of spaces; anything else is a piece of its own.
    (Scanned here rather than by a regular expression: compiling one with these Unicode ranges
    costs 6 ms of every table.)"""
    out, pos, n = [], 0, len(text)
    while pos < n:
        start = pos
        while start < n and text[start] in _OPEN:
            start += 1
        end = _core(text, start)
        while end < 0 and start > pos:  # fewer opening marks, as long as a core follows
            start -= 1
            end = _core(text, start)
        if end >= 0:
            while end < n and text[end] in _CLOSE:
                end += 1
            while end < n and text[end].isspace():
                end += 1
        else:
            end = pos
            while end < n and text[end].isspace():
                end += 1
            end = max(end, pos + 1)
        out.append(text[pos:end])
        pos = end
    return out


def flow_lines(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` cells at the places `pieces` allows; a piece
    wider than a whole line (which a table's measurement avoids) is the only thing ever cut."""
    from rich.cells import cell_len, chop_cells

    out: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0  # the line so far and its width (trailing spaces included)
        for piece in pieces(paragraph):
            body = piece.rstrip()
            if not body or used + cell_len(body) <= width:  # trailing spaces never overflow
                line += piece
                used += cell_len(piece)
                continue
            if line.strip():
                out.append(line.rstrip())
            piece = piece.lstrip()
            body = piece.rstrip()
            if cell_len(body) > width:
                chopped = chop_cells(body, width)
                out.extend(chopped[:-1])
                line = chopped[-1] + piece[len(body) :]
            else:
                line = piece
            used = cell_len(line)
        out.append(line.rstrip())
    return out


class Flow:
    """A table cell that wraps like Chinese text (see `pieces`): rich measures it by its widest
    unbreakable piece, so a column never gets narrower than a number."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = visible(text)
        self.style = style
        self._widths: tuple[int, int] | None = None

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        if self._widths is None:  # rich measures a column more than once
            from rich.cells import cell_len

            widest = max((cell_len(p.strip()) for p in pieces(self.text)), default=0)
            longest = max((cell_len(line) for line in self.text.split("\n")), default=0)
            self._widths = (widest, longest)
        widest, longest = self._widths
        return Measurement(min(widest, options.max_width), min(longest, options.max_width))

    def __rich_console__(self, console, options):
        from rich.text import Text

        text = Text("\n".join(flow_lines(self.text, options.max_width)), style=self.style, no_wrap=True)
        yield text
