"""The trajectory chart of one target (matplotlib, imported by the caller) and the inlining of
matplotlib's SVG into a page: shared by the HTML report (SVG) and the Word report (PNG)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from typing import Any, cast

from ..core.kinds import SPECS
from ..core.review import ReviewRow
from . import words

NO_LEVELS = {"zh": "无水平值数据", "en": "no level figures"}
_AXES = (0.15, 0.13, 0.81, 0.76)  # fixed margins: no tight_layout per chart
_PLOT_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "jxtargets",
    "font.size": 8,
    "font.family": "sans-serif",
    "font.sans-serif": [
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "WenQuanYi Zen Hei",
        "DejaVu Sans",
    ],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#888888",
    "axes.linewidth": 0.6,
    "xtick.color": "#555555",
    "ytick.color": "#555555",
    "xtick.major.size": 2.5,
    "ytick.major.size": 2.5,
    "path.simplify": False,
    # Text from the data is text: `$…$` is not mathtext, and nothing goes through TeX.
    "text.parse_math": False,
    "text.usetex": False,
}


@contextmanager
def plotting() -> Iterator[None]:
    """Where every chart is drawn: the project's rc settings (no mathtext, no TeX), and quiet about
    fonts the drawing machine lacks ("findfont" and missing-glyph messages only matter for layout:
    the reader's browser or Word draws the text)."""
    import logging
    import warnings

    import matplotlib

    font_log = logging.getLogger("matplotlib.font_manager")
    old = font_log.level
    font_log.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(cast(Any, _PLOT_RC)), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            yield
    finally:
        font_log.setLevel(old)


COLOR = {
    "actual": "#1f5fa8",
    "baseline": "#444444",
    "path": "#8a8a8a",
    "target": "#c0392b",
    "stretch": "#e67e22",
    "as_of": "#cccccc",
}


def draw_trajectory(fig, row: ReviewRow, rec: dict, lang: str) -> None:
    """A target's trajectory on the figure's one Axes (made on first use): the baseline, the
    actuals, the planned path, the target and stretch, the projection."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    r, t = row.result, row.result.target
    # One Figure and one Axes serve every chart: emptying the axes is much cheaper than making
    # new ones (which rebuilds every tick).
    ax = fig.axes[0] if fig.axes else fig.add_axes(_AXES)
    for artist in [*ax.lines, *ax.patches, *ax.texts, *ax.collections]:
        artist.remove()
    points = row.trajectory
    xs, ys = [], []  # everything drawn, for the limits

    levels = SPECS[t.rule].on_level  # only targets on the level are charted against a line
    if points:
        years = [p.year for p in points]
        values = [p.value for p in points]
        ax.plot(years, values, "-o", color=COLOR["actual"], lw=1.4, ms=3.5, zorder=4)
        xs += years
        ys += values
        for p in points:
            if p.revised_from is not None:
                ax.plot([p.year, p.year], [p.revised_from, p.value], ":", color=COLOR["actual"], lw=0.8, zorder=3)
                ax.plot([p.year], [p.revised_from], "o", mfc="white", mec=COLOR["actual"], ms=4.5, mew=1, zorder=5)
                ys.append(p.revised_from)
    base = None
    if levels and r.baseline is not None:
        base = (t.baseline_year, r.baseline)
    else:
        base = next(((p.year, p.value) for p in points if p.year == t.baseline_year), None)
    if base is not None:
        ax.plot([base[0]], [base[1]], "s", color=COLOR["baseline"], ms=4.5, zorder=6)
        xs.append(base[0])
        ys.append(base[1])

    if levels and r.target_value is not None:
        value = r.target_value
        lo, hi = value if isinstance(value, tuple) else (value, value)
        goal = (lo + hi) / 2
        if lo != hi:
            ax.axhspan(lo, hi, color=COLOR["target"], alpha=0.12, lw=0)
        for v in {lo, hi}:
            ax.axhline(v, color=COLOR["target"], lw=1, zorder=2)
        ys += [lo, hi]
        xs.append(t.target_year)
        if r.stretch is not None:
            s = r.stretch
            for v in set(s) if isinstance(s, tuple) else {s}:
                ax.axhline(v, color=COLOR["stretch"], lw=1, ls="-.", zorder=2)
                ys.append(v)
        if r.baseline is not None and t.target_year > t.baseline_year:
            px, py = _planned_path(t.baseline_year, r.baseline, t.target_year, goal, r.indicator.is_share)
            ax.plot(px, py, "--", color=COLOR["path"], lw=1, zorder=3)
        if row.projection is not None and r.actual is not None:
            ax.plot(
                [r.actual_year or r.year, t.target_year],
                [r.actual, row.projection],
                ":",
                color=COLOR["actual"],
                lw=1.4,
                zorder=3,
            )
            ax.plot([t.target_year], [row.projection], "D", mfc="white", mec=COLOR["actual"], ms=4, zorder=5)
            ys.append(row.projection)

    if not xs:
        ax.text(0.5, 0.5, NO_LEVELS[lang], transform=ax.transAxes, ha="center", va="center", color="#888888")
        ax.set_xticks([])
        ax.set_yticks([])
    else:
        x0, x1 = min(xs + [t.baseline_year]), max(xs + [t.target_year])
        if x0 <= _as_of(row) <= x1:
            ax.axvline(_as_of(row), color=COLOR["as_of"], lw=4, zorder=1)
        ax.set_xlim(x0 - 0.4, x1 + 0.4)
        lo, hi = min(ys), max(ys)
        pad = (hi - lo) * 0.1 or abs(hi) * 0.1 or 1
        ax.set_ylim(lo - pad, hi + pad)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: words.fmt(v)))
        ax.grid(axis="y", color="#eeeeee", lw=0.6)
        ax.set_axisbelow(True)
    if rec["unit"]:
        # A text, not a title: placing a title measures the axis on every draw.
        ax.text(0, 1.03, rec["unit"], transform=ax.transAxes, fontsize=7.5, color="#666666", va="bottom")


def _as_of(row: ReviewRow) -> int:
    return row.result.year


def _planned_path(y0: int, v0: float, y1: int, v1: float, share: bool) -> tuple[list[float], list[float]]:
    """The path the plan implies: a straight line for a share, constant growth otherwise."""
    if share or v0 <= 0 or v1 <= 0:
        return [y0, y1], [v0, v1]
    steps = 4 * (y1 - y0)
    px = [y0 + (y1 - y0) * i / steps for i in range(steps + 1)]
    return px, [v0 * (v1 / v0) ** ((x - y0) / (y1 - y0)) for x in px]


def _legend_svg(Figure, Canvas, T: dict) -> str:
    from matplotlib.lines import Line2D

    c = COLOR
    handles = [
        Line2D([], [], color=c["actual"], marker="o", ms=3.5, lw=1.4, label=T["actual"]),
        Line2D([], [], color=c["baseline"], marker="s", ms=4.5, lw=0, label=T["baseline_pt"]),
        Line2D([], [], color=c["actual"], marker="o", mfc="white", ms=4.5, lw=0, label=T["first"]),
        Line2D([], [], color=c["path"], ls="--", lw=1, label=T["path"]),
        Line2D([], [], color=c["target"], lw=1, label=T["target_line"]),
        Line2D([], [], color=c["stretch"], ls="-.", lw=1, label=T["stretch"]),
        Line2D(
            [],
            [],
            color=c["actual"],
            ls=":",
            lw=1.4,
            marker="D",
            mfc="white",
            ms=4,
            markevery=[1],
            label=T["projection"],
        ),
        Line2D([], [], color=c["as_of"], lw=4, label=T["as_of_line"]),
    ]
    fig = Figure(figsize=(1100 / 96, 26 / 96))
    Canvas(fig)
    fig.legend(
        handles=handles,
        loc="center left",
        ncols=len(handles),
        frameon=False,
        fontsize=8,
        handlelength=2.4,
        columnspacing=1.4,
        borderaxespad=0.1,
    )
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return _inline(buf.getvalue(), "legend-chart", T["legend"], cls="legend-chart")


# -- inlining -------------------------------------------------------------------------------------

_PROLOG = re.compile(r"^.*?(?=<svg[\s>])", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_STYLE = re.compile(r"\s*<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>")
_REFS = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def _inline(svg: str, cid: str, title: str, cls: str = "chart") -> str:
    """matplotlib's SVG document as an element of the page: no XML prolog or DOCTYPE, no RDF
    metadata (it links to the web), its internal ids prefixed with the chart's id so that a
    hundred charts in one page share none, and the chart's id and <title> on the root."""
    svg = _PROLOG.sub("", svg, count=1)
    svg = _METADATA.sub("", svg, count=1)
    svg = _STYLE.sub("", svg, count=1)
    svg = _REFS.sub(lambda m: f"{m.group(1)}{cid}-{m.group(2)}", svg)
    start = svg.index(">") + 1
    root = svg[:start].replace("<svg ", f'<svg id="{cid}" class="{cls}" role="img" aria-labelledby="{cid}-title" ', 1)
    return f'{root}\n <title id="{cid}-title">{escape(title)}</title>{svg[start:]}'.rstrip()
