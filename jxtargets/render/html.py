"""The review as one self-contained HTML page: a summary in the official vocabulary, then for
every target a small chart of its trajectory and a table of the figures and the verdict.

The page works offline: CSS is inline, every chart is an inline SVG drawn by matplotlib with
its text kept as text (so Chinese renders in the reader's fonts), and a Content-Security-Policy
forbids the browser to fetch anything. matplotlib is imported inside `to_html` only.
"""

from __future__ import annotations

import io
import re
from html import escape

from ..core.kinds import OP_SYMBOL, SPECS
from ..core.review import OFFICIAL_TERMS, Review, ReviewRow
from . import words
from .html_page import CSS, OFFICIAL_CLASS, TEXT
from .messages import category
from .plot import _PLOT_RC, COLOR, _inline, _legend_svg, _planned_path, draw_trajectory, plotting  # noqa: F401 - used by charts and tests
from .provenance import DataSource, cite, document_titles, source_line
from .review import HEADINGS, official_label, ordered_rows, review_record

WIDTH, HEIGHT = 360, 200  # px of one chart


def to_html(
    review: Review,
    lang: str = "zh",
    show_no_data: bool = False,
    *,
    today: str | None = None,
    version: str | None = None,
    sources: list[DataSource] | None = None,
) -> str:
    """The page; `today`, `version` and `sources` (each actuals file with its own `source:` and
    the documents its figures cite, named by their titles) are stated under the title when given."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    T, H = TEXT[lang], HEADINGS[lang]
    shown = [row for row in ordered_rows(review.rows) if show_no_data or row.result.status != "no_data"]
    skipped = len(review.rows) - len(shown)
    regions = {row.result.region for row in review.rows}
    titles = document_titles(review.plans.values(), lang)  # source documents by their titles

    with plotting():
        fig = Figure(figsize=(WIDTH / 96, HEIGHT / 96))
        FigureCanvasSVG(fig)
        legend = _legend_svg(Figure, FigureCanvasSVG, T)
        cards: list[str] = []
        toc: list[str] = []
        counter: dict[str, int] = {}
        plan_now = None
        for row in shown:
            rec = review_record(row, lang)
            if rec["plan"] != plan_now:
                plan_now = rec["plan"]
                cards.append(f'<h2 id="plan-{_slug(plan_now)}">{escape(_plan_title(row, lang))}</h2>')
            key = f"{rec['plan']}-{rec['indicator']}-{rec['kind']}"
            counter[key] = counter.get(key, 0) + 1
            cid = _slug(f"chart-{key}-{counter[key]}")
            cards.append(_card(fig, row, rec, lang, cid, len(regions) > 1, titles))
            toc.append(
                f'<li><a href="#{cid}">{escape(rec["plan"])} {escape(rec["name"])} · '
                f"{escape(words.kind_name(rec, lang))}</a> "
                f'<span class="badge {OFFICIAL_CLASS[row.official]}">{escape(rec["status_label"])}</span></li>'
            )

    title = H["title"].format(year=review.as_of)
    head = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(T["as_of"].format(year=review.as_of))} · '
        f"{escape(T['shown'].format(total=len(review.rows), shown=len(shown)))}</p>",
    ]
    if today or version:
        made = [T["date"].format(date=today)] if today else []
        made += [T["version"].format(version=version)] if version else []
        head.append(f'<p class="meta">{escape(" · ".join(made))}</p>')
    if sources:
        items = "".join(f"<li>{escape(source_line(ds, titles, lang))}</li>" for ds in sources)
        head.append(f'<div class="meta sources">{escape(T["sources"])}<ul>{items}</ul></div>')
    if skipped:
        head.append(f'<p class="meta skipped">{escape(T["skipped"].format(n=skipped))}</p>')
    head += _overviews(review, lang)
    head += _summary(review, lang)
    if toc:
        head.append(
            f"<nav><details><summary>{escape(T['contents'].format(n=len(toc)))}</summary>"
            f"<ul>{''.join(toc)}</ul></details></nav>"
        )
    else:
        head.append(f"<p>{escape(T['nothing'])}</p>")
    body = "\n".join(head + [f'<div class="legend" aria-label="{escape(T["legend"])}">{legend}</div>'] + cards)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        # Nothing may be fetched: the page is complete as it is.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# -- summary --------------------------------------------------------------------------------------


def _summary(review: Review, lang: str) -> list[str]:
    T, H = TEXT[lang], HEADINGS[lang]
    plan_names: dict[str, str] = {}
    for row in review.rows:
        plan_names.setdefault(row.result.plan.id, _plan_title(row, lang))
    out = []
    for heading, table, label in (
        (H["by_plan"], review.by_plan, lambda k: plan_names.get(k, k)),
        (H["by_category"], review.by_category, lambda k: category(k, lang)),
    ):
        head = "".join(
            f'<th scope="col"><span class="badge {OFFICIAL_CLASS[t]}">{escape(official_label(t, lang))}</span></th>'
            for t in OFFICIAL_TERMS
        )
        rows = []
        totals = dict.fromkeys(OFFICIAL_TERMS, 0)
        for key, counts in table.items():
            cells = "".join(_count_cell(counts.get(t, 0)) for t in OFFICIAL_TERMS)
            for t in OFFICIAL_TERMS:
                totals[t] += counts.get(t, 0)
            rows.append(
                f'<tr><td title="{escape(str(key))}">{escape(str(label(key)))}</td>{cells}'
                f"{_count_cell(sum(counts.values()))}</tr>"
            )
        cells = "".join(_count_cell(totals[t]) for t in OFFICIAL_TERMS)
        rows.append(f'<tr class="total"><td>{escape(T["total"])}</td>{cells}{_count_cell(sum(totals.values()))}</tr>')
        out.append(
            f'<h2>{escape(heading)}</h2>\n<table class="summary"><thead><tr><th></th>{head}'
            f'<th scope="col">{escape(T["total"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )
    return out


def _overviews(review: Review, lang: str) -> list[str]:
    """Per plan: the summary paragraph and the overview chart of every assessed target."""
    from .charts import overview
    from .summary import by_plan, plan_summary

    T = TEXT[lang]
    out = [f"<h2>{escape(T['overview'])}</h2>"]
    for plan_id, rows in by_plan(review).items():
        rows = ordered_rows(rows)
        out.append(f'<p class="finding">{escape(plan_summary(rows, review.as_of, lang))}</p>')
        svg = overview(rows, lang, fmt="svg", width=7.5)
        if svg is not None:
            cid = _slug(f"overview-{plan_id}")
            title = f"{_plan_title(rows[0], lang)}: {T['overview_caption']}"
            chart = _inline(svg.decode("utf-8"), cid, title, cls="overview-chart")
            out.append(f'<figure class="overview">{chart}<figcaption>{escape(title)}</figcaption></figure>')
    return out


def _count_cell(n: int) -> str:
    return f'<td class="zero">{n}</td>' if n == 0 else f"<td>{n}</td>"


def _plan_title(row: ReviewRow, lang: str) -> str:
    plan = row.result.plan
    name = plan.name if lang == "zh" else (plan.name_en or plan.name)
    return f"{plan.id} {name}"


# -- one target -----------------------------------------------------------------------------------


def _card(fig, row: ReviewRow, rec: dict, lang: str, cid: str, show_region: bool, titles: dict[str, list[str]]) -> str:
    T = TEXT[lang]
    kind = words.kind_name(rec, lang)
    rule_kind = words.KIND[lang].get(row.result.target.rule, kind)
    region = f" · {escape(rec['region'])}" if show_region else ""
    if rec["attribute"]:
        region += (
            f' · <span class="attr {escape(rec["attribute"])}">{escape(words.ATTRIBUTE[lang][rec["attribute"]])}</span>'
        )

    title = T["chart_title"].format(name=rec["name"], plan=rec["plan"], kind=kind)
    svg = _chart(fig, row, rec, lang, cid, title)
    caption = ""
    spec = SPECS[row.result.target.rule]
    if spec.handler is not None and not spec.on_level:  # a rate or a change: its chart shows levels
        caption = f"<figcaption>{escape(T['rate_note'].format(kind=rule_kind))}</figcaption>"
    return (
        f'<section class="target" id="target-{cid[len("chart-") :]}">\n'
        f'<header><h3>{escape(rec["name"])} <span class="kind">{escape(rec["plan"])} · {escape(kind)}'
        f'{region}</span><span class="badge {OFFICIAL_CLASS[row.official]}">{escape(rec["status_label"])}'
        f"</span></h3></header>\n<figure>{svg}{caption}</figure>\n{_figures(row, rec, lang, titles)}\n</section>"
    )


def _figures(row: ReviewRow, rec: dict, lang: str, titles: dict[str, list[str]]) -> str:
    T, H, h = TEXT[lang], HEADINGS[lang], words.HEADERS[lang]
    mu, ys = rec["measure_unit"], T["year_suffix"]
    lines: list[tuple[str, str]] = []

    target = "—"
    if rec["target"] is not None:
        value = tuple(rec["target"]) if isinstance(rec["target"], list) else rec["target"]
        target = (
            f"{OP_SYMBOL.get(rec['op'] or '', '')}{words.fmt_value(value, mu)}（{rec['target_year']}{ys}）"
            if lang == "zh"
            else f"{OP_SYMBOL.get(rec['op'] or '', '')}{words.fmt_value(value, mu)} by {rec['target_year']}"
        )
    text = escape(target)
    if rec["stretch"] is not None:
        stretch = tuple(rec["stretch"]) if isinstance(rec["stretch"], list) else rec["stretch"]
        text += f"<br>{escape(T['stretch'])} {escape(words.fmt_value(stretch, mu))}"
    lines.append((h["target"], text))
    if rec["baseline"] is not None:
        unit = mu if SPECS[row.result.target.rule].on_level else rec["unit"] or ""
        lines.append(
            (
                h["baseline"],
                escape(
                    f"{words.bounded(words.fmt_value(rec['baseline'], unit), rec['baseline_bound'])}"
                    + (f"（{rec['baseline_year']}{ys}）" if lang == "zh" else f" ({rec['baseline_year']})")
                    + (
                        ""
                        if rec["baseline_document"] is None
                        else f"（修订，规划文本{words.fmt(rec['baseline_document'])}）"
                        if lang == "zh"
                        else f" (revised; plan {words.fmt(rec['baseline_document'])})"
                    )
                ),
            )
        )
    actual = "—"
    if rec["actual"] is not None:
        actual = (
            f"{words.fmt_value(rec['actual'], mu)}（{rec['year']}{ys}）"
            if lang == "zh"
            else f"{words.fmt_value(rec['actual'], mu)} ({rec['year']})"
        )
        first = next(
            (
                p.revised_from
                for p in row.trajectory
                if p.year == rec["year"] and p.revised_from is not None and SPECS[row.result.target.rule].on_level
            ),
            None,
        )
        if first is not None:
            actual += T["revised"].format(value=words.fmt_value(first, mu))
    lines.append((h["actual"], escape(actual)))
    lines.append(
        (
            h["status"],
            f'<span class="badge {OFFICIAL_CLASS[row.official]}" style="margin:0">{escape(rec["status_label"])}</span>',
        )
    )
    paces = []
    for key, label in (("growth_pace", "growth"), ("schedule_pace", "schedule")):
        if rec[key] is None:
            continue
        part = escape(f"{H[label]} {rec[key]:.2f}")
        paces.append(f"<strong>{part}</strong>{escape(T['deciding'])}" if rec["deciding"] == label else part)
    lines.append((H["pace"], " / ".join(paces) or "—"))
    # Pace in the indicator's own terms: %/年 for growth, 个百分点/年 for a share (core/pace.py).
    if rec["planned_pace"] is not None:
        lines.append((h["planned_pace"], escape(f"{words.fmt(rec['planned_pace'])}{rec['pace_unit']}")))
    required = "—" if rec["required_pace"] is None else f"{words.fmt(rec['required_pace'])}{rec['pace_unit']}"
    lines.append((h["required_pace"], escape(required)))
    projection = "—"
    if rec["projection"] is not None:
        projection = escape(words.fmt_value(rec["projection"], mu))
        if rec["projection_meets"] is not None:
            good = rec["projection_meets"]
            projection += (
                f' <span class="{"meets" if good else "short"}">{escape(H["meets"] if good else H["not_meets"])}</span>'
            )
    lines.append((H["projection"], projection))
    lines.append((h["why"], escape(rec["why"] or "—")))
    src = rec["source"]
    if src:
        text = escape(cite(row.result.target.source, row.result.plan, titles, lang))
        if src["quote"]:
            text += f"<br><q>{escape(src['quote'])}</q>"
        lines.append((h["source"], text))
    body = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{v}</td></tr>' for k, v in lines)
    return f'<table class="figures">{body}</table>'


# -- charts ---------------------------------------------------------------------------------------


def _chart(fig, row: ReviewRow, rec: dict, lang: str, cid: str, title: str) -> str:
    draw_trajectory(fig, row, rec, lang)
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    return _inline(buf.getvalue(), cid, title)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text)
