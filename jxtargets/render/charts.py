"""Charts shared by the HTML and Word reports (matplotlib, imported inside the functions only).

`overview`: every assessed target of a plan on one chart, progress against time elapsed: one
row per target, a bar for the share of the distance to the target covered, a tick for the share
of the plan's time elapsed, coloured by the review's label. `trajectory_png`: one target's
trajectory as in the HTML report, as a PNG for Word.
"""

from __future__ import annotations

import io

from ..core.review import ReviewRow
from . import words
from .plot import draw_trajectory, plotting
from .review import official_label, review_record
from .safe import visible

OFFICIAL_COLOR = {
    "超额完成": "#1e8c3a",
    "完成": "#4caf50",
    "未完成": "#c0392b",
    "提前实现": "#1e8c3a",
    "快于预期": "#4caf50",
    "基本符合预期": "#9ccc65",
    "滞后": "#f0a500",
    "逆向": "#c0392b",
    "未到期": "#5b8fd1",
    "无法评估": "#9e9e9e",
}
_CAP = 150.0  # progress beyond this is drawn to the edge and labelled
_TEXT = {
    "zh": {
        "x": "目标进度（%，100 = 达到目标）；竖线 | 为时间进度",
        "over": "{value}%",
        "title": "{plan}：各项目标进度与时间进度（截至{year}年）",
    },
    "en": {
        "x": "progress to target (%, 100 = reached); tick | = share of time elapsed",
        "over": "{value}%",
        "title": "{plan}: progress against time elapsed, as of {year}",
    },
}


def progress(row: ReviewRow) -> float | None:
    """The share of the way to the target covered (%): the straight-path progress, or for a
    growth target read by growth rates, the pace times the time elapsed; 100 for a target met
    with no distance to cover."""
    r = row.result
    if r.progress_pct is not None:
        return r.progress_pct
    if r.pace is not None and r.time_pct is not None:
        return r.pace * r.time_pct
    if r.status == "met":
        return 100.0  # reached, with no distance to measure (a target equal to its baseline)
    return None


def assessed(rows: list[ReviewRow]) -> list[tuple[ReviewRow, float]]:
    out = []
    for row in rows:
        if row.official in ("无法评估", "未到期"):  # no verdict: not on a chart of verdicts
            continue
        p = progress(row)
        if p is not None and row.result.time_pct is not None:  # time_pct: read again in overview()
            out.append((row, p))
    return out


def _label(row: ReviewRow, lang: str, width: int = 24) -> str:
    rec_name = row.result.indicator.name if lang == "zh" else row.result.indicator.name_en
    kind = words.KIND[lang][row.result.target.kind]
    text = visible(f"{rec_name} · {kind}")
    if row.result.target.region:
        text = f"{visible(row.result.target.region)} {text}"
    return text if len(text) <= width else text[: width - 1] + "…"


def overview(rows: list[ReviewRow], lang: str, fmt: str = "svg", width: float = 7.0) -> bytes | None:
    """The overview chart of `rows` (one plan), as SVG text (utf-8) or PNG bytes; None when
    no target has a progress reading."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    items = assessed(rows)
    if not items:
        return None
    T = _TEXT[lang]
    n = len(items)
    height = 1.1 + 0.2 * n
    with plotting():
        fig = Figure(figsize=(width, height))
        if fmt == "svg":
            from matplotlib.backends.backend_svg import FigureCanvasSVG

            FigureCanvasSVG(fig)
        else:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(fig)
        left = min(0.45, 2.3 / width)
        ax = fig.add_axes((left, 0.7 / height, 0.95 - left, 1 - 0.95 / height))
        labels, seen = [], []
        for i, (row, p) in enumerate(items):
            y = n - 1 - i
            color = OFFICIAL_COLOR[row.official]
            shown = max(min(p, _CAP), -20.0)
            ax.barh(y, shown, height=0.6, color=color, edgecolor="none", zorder=3)
            ax.plot([row.result.time_pct or 0.0], [y], marker="|", color="#222222", ms=9, mew=1.6, zorder=4)
            if p != shown:
                ax.text(shown, y, f" {p:.0f}%", va="center", ha="left", fontsize=6.5, color="#444444", zorder=5)
            labels.append(_label(row, lang))
            if row.official not in seen:
                seen.append(row.official)
        ax.axvline(100, color="#c0392b", lw=0.8, zorder=2)
        ax.set_yticks(range(n - 1, -1, -1))
        ax.set_yticklabels(labels, fontsize=7)
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlim(min(-20.0, min(max(p, -20.0) for _, p in items)) if any(p < 0 for _, p in items) else 0, _CAP + 8)
        ax.set_xlabel(T["x"], fontsize=7.5)
        ax.grid(axis="x", color="#eeeeee", lw=0.6, zorder=0)
        ax.tick_params(axis="x", labelsize=7)
        handles = [Patch(color=OFFICIAL_COLOR[t], label=official_label(t, lang)) for t in seen]
        ax.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=len(handles),
            frameon=False,
            fontsize=7,
            handlelength=1.2,
            columnspacing=1.0,
        )
        if fmt == "svg":
            buf_s = io.StringIO()
            fig.savefig(buf_s, format="svg", metadata={"Date": None})
            return buf_s.getvalue().encode("utf-8")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
        return buf.getvalue()


def trajectory_png(row: ReviewRow, lang: str, width: float = 5.0, height: float = 2.6) -> bytes:
    """One target's trajectory chart (as drawn in the HTML report) as a PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with plotting():
        fig = Figure(figsize=(width, height))
        FigureCanvasAgg(fig)
        fig.add_axes((0.12, 0.14, 0.84, 0.74))
        draw_trajectory(fig, row, review_record(row, lang), lang)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
        return buf.getvalue()
