"""The review in every format: records (JSON, CSV, Markdown, table); .xlsx and HTML build on
the same records in render/xlsx.py and render/html.py."""

from __future__ import annotations

from ..core.review import OFFICIAL_TERMS, Review, ReviewRow
from . import words
from .formats import actual_text, target_text
from .records import FIELDS, _r, record
from .safe import md_rows, visible

REVIEW_FIELDS = FIELDS + (
    "trajectory",
    "growth_pace",
    "schedule_pace",
    "deciding",
    "projection",
    "projection_meets",
)
HEADINGS = {
    "zh": {
        "trajectory": "走势",
        "pace": "进度（增速比/序时）；年均速度",
        "required": "所需",
        "achieved": "已实现",
        "likely": "可完成",
        "at_risk": "有风险",
        "unlikely": "预计难以完成",
        "one_year": "据一年推算",
        "projection": "预计",
        "official": "评估",
        "title": "{year}年规划实施评估",
        "by_plan": "按规划",
        "by_category": "按类别",
        "details": "逐项评估",
        "growth": "增速比",
        "schedule": "序时进度",
        "meets": "可达",
        "not_meets": "难达",
    },
    "en": {
        "trajectory": "trajectory",
        "pace": "pace (growth/schedule); a year",
        "required": "required",
        "achieved": "achieved",
        "likely": "likely",
        "at_risk": "at risk",
        "unlikely": "unlikely",
        "one_year": "from one year",
        "projection": "projection",
        "official": "review",
        "title": "Plan review as of {year}",
        "by_plan": "by plan",
        "by_category": "by category",
        "details": "target by target",
        "growth": "growth",
        "schedule": "schedule",
        "meets": "meets",
        "not_meets": "falls short",
    },
}


def ordered_rows(rows: list[ReviewRow]) -> list[ReviewRow]:
    """Binding (约束性) targets first within each plan, plans and the rest in their order."""
    plans: dict[str, list[ReviewRow]] = {}
    for row in rows:
        plans.setdefault(row.result.plan.id, []).append(row)
    return [
        row for group in plans.values() for row in sorted(group, key=lambda r: r.result.target.attribute != "binding")
    ]


def official_label(term: str, lang: str) -> str:
    return words.term(term, lang)


def review_record(row: ReviewRow, lang: str) -> dict:
    rec = record(row.result, lang)
    rec.update(
        trajectory=[
            {"year": p.year, "value": _r(p.value), "revised_from": _r(p.revised_from), "baseline": p.baseline}
            for p in row.trajectory
        ],
        growth_pace=_r(row.growth_pace),
        schedule_pace=_r(row.schedule_pace),
        deciding=row.deciding,
        projection=_r(row.projection),
        projection_meets=row.projection_meets,
    )
    return rec


def latest_note(review: Review, lang: str) -> str:
    """Why a review as of a year with no release still has verdicts: the latest figures."""
    if review.latest_year is None or review.latest_year >= review.as_of:
        return ""
    if lang == "zh":
        return f"（无{review.as_of}年数据，各指标按截至{review.as_of}年的最新数据评估，最新为{review.latest_year}年）"
    return f" (no figures for {review.as_of}: each target on its latest figure, the latest from {review.latest_year})"


def summary_dict(review: Review, lang: str) -> dict:
    def relabel(table):
        return {k: {official_label(t, lang): n for t, n in v.items() if n} for k, v in table.items()}

    return {
        "as_of": review.as_of,
        "latest_year": review.latest_year,
        "total": len(review.rows),
        "by_plan": relabel(review.by_plan),
        "binding_by_plan": relabel(binding_counts(review)),
        "by_category": relabel(review.by_category),
    }


def binding_counts(review: Review) -> dict[str, dict[str, int]]:
    """The binding (约束性) targets of each plan counted apart, as evaluation reports do."""
    out: dict[str, dict[str, int]] = {}
    for row in review.rows:
        if row.result.target.attribute == "binding":
            counts = out.setdefault(row.result.plan.id, dict.fromkeys(OFFICIAL_TERMS, 0))
            counts[row.official] += 1
    return out


def to_json(review: Review, lang: str) -> str:
    from .formats import to_json as dump

    return dump([review_record(row, lang) for row in ordered_rows(review.rows)], summary_dict(review, lang))


def flat_rows(review: Review, lang: str) -> list[dict]:
    from .formats import flat_record

    out = []
    for row in ordered_rows(review.rows):
        rec = review_record(row, lang)
        traj = "; ".join(
            f"{p['year']}:{words.fmt(p['value'])}"
            + (f"(rev. {words.fmt(p['revised_from'])})" if p["revised_from"] is not None else "")
            for p in rec["trajectory"]
        )
        flat = flat_record(rec)
        flat["trajectory"] = traj
        out.append(flat)
    return out


def to_csv(review: Review, lang: str, raw: bool = False) -> str:
    from .formats import FLAT_FIELDS, write_csv

    return write_csv(flat_rows(review, lang), FLAT_FIELDS + tuple(f for f in REVIEW_FIELDS if f not in FIELDS), raw)


def pace_text(rec: dict, lang: str) -> str:
    h = HEADINGS[lang]
    parts = []
    for key, label in (("growth_pace", "growth"), ("schedule_pace", "schedule")):
        if rec[key] is not None:
            mark = "*" if rec["deciding"] == label else ""
            parts.append(f"{h[label]}{mark} {rec[key]:.3g}")
    return " / ".join(parts) or "—"


def required_text(rec: dict, lang: str = "zh") -> str:
    """The pace still required, in the indicator's own terms (个百分点/年 for a share)."""
    if rec["required_pace"] is None:
        return "—"
    return f"{words.fmt(rec['required_pace'])}{rec['pace_unit']}"


def speed_text(rec: dict, lang: str) -> str:
    """Achieved and required pace a year, in the indicator's own terms ("" when neither)."""
    H = HEADINGS[lang]
    parts = []
    if rec["implied_pace"] is not None:
        parts.append(f"{H['achieved']} {words.fmt(rec['implied_pace'])}{rec['pace_unit']}")
    if rec["required_pace"] is not None:
        parts.append(f"{H['required']} {required_text(rec, lang)}")
    return "\n".join(parts)


def projection_text(rec: dict, lang: str) -> str:
    """The projected figure and the outlook (marked when projected from a single year)."""
    if rec["projection"] is None:
        return "—"
    h = HEADINGS[lang]
    value = words.fmt_value(rec["projection"], rec["measure_unit"])
    if rec["outlook"] is None:
        return value
    text = f"{value} {h[rec['outlook']]}"
    if rec["pace_years"] == 1:
        text += f"（{h['one_year']}）" if lang == "zh" else f" ({h['one_year']})"
    return text


WIDE_REVIEW = 130  # columns from which the pace and the projection get columns of their own


def _review_table(review: Review, lang: str, show_no_data: bool, wide: bool):
    """The review table; narrower than WIDE_REVIEW the pace and the projection move under the
    indicator's name, so that no column is too narrow for a figure."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from .table import Flow

    h, H = words.HEADERS[lang], HEADINGS[lang]
    table = Table(title=H["title"].format(year=review.as_of) + latest_note(review, lang), pad_edge=False)
    table.add_column(Flow(h["indicator"] if wide else f"{h['indicator']} / {H['pace']} / {H['projection']}"), ratio=3)
    table.add_column(Flow(h["target"]), justify="right", no_wrap=True)
    table.add_column(Flow(H["trajectory"]), no_wrap=True)
    table.add_column(Flow(h["actual"]), justify="right", no_wrap=True)
    table.add_column(Flow(H["official"]), no_wrap=True)
    if wide:
        table.add_column(Flow(H["pace"]), ratio=2)
        table.add_column(Flow(H["projection"]), justify="right")
    table.show_lines = not wide
    for row in ordered_rows(review.rows):
        rec = review_record(row, lang)
        if rec["status"] == "no_data" and not show_no_data:
            continue
        style = words.TERM_STYLE[rec["label"]]
        pace = pace_text(rec, lang)
        if speed := speed_text(rec, lang):
            pace += f"\n{speed}"
        attribute = f" · {words.ATTRIBUTE[lang][rec['attribute']]}" if rec["attribute"] else ""
        name = Flow(f"{rec['plan']} {rec['name']} · {words.kind_name(rec, lang)}{attribute}")
        figures: list[str | Text] = [
            target_text(rec),
            spark(rec),
            actual_text(rec),
            Text(rec["status_label"], style=style),
        ]
        projection = projection_text(rec, lang)
        if wide:
            table.add_row(name, *figures, Flow(pace), Flow(projection))
        else:
            under = pace if projection == "—" else f"{pace}\n{H['projection']} {projection}"
            table.add_row(Group(name, Flow(under, style="dim")), *figures)
    return table


def spark(rec: dict) -> str:
    return spark_line([p["value"] for p in rec["trajectory"]])


def spark_line(values: list[float]) -> str:
    """A one-line trajectory (sparklines); empty for fewer than two points."""
    if len(values) < 2:
        return ""
    from sparklines import sparklines

    return sparklines(values)[0]


def to_markdown(review: Review, lang: str) -> str:
    from tabulate import tabulate

    h, H = words.HEADERS[lang], HEADINGS[lang]
    rows = []
    for row in ordered_rows(review.rows):
        rec = review_record(row, lang)
        traj = " → ".join(f"{p['year']} {words.fmt(p['value'])}" for p in rec["trajectory"]) or "—"
        rows.append(
            [
                rec["plan"],
                rec["name"],
                target_text(rec),
                traj,
                rec["status_label"],
                pace_text(rec, lang),
                required_text(rec, lang),
                projection_text(rec, lang),
            ]
        )
    headers = [
        h["plan"],
        h["indicator"],
        h["target"],
        H["trajectory"],
        H["official"],
        H["pace"],
        H["required"],
        H["projection"],
    ]
    from .completion import completion_tables
    from .completion import to_markdown as completion_markdown

    out = [f"# {H['title'].format(year=review.as_of)}{latest_note(review, lang)}", ""]
    out += completion_markdown(completion_tables(review, lang))
    out += [
        f"## {H['details']}",
        "",
        tabulate(md_rows(rows), headers=headers, tablefmt="pipe", disable_numparse=True),
        "",
    ]
    out += _summary_markdown(review, lang)
    return "\n".join(out) + "\n"


def _summary_markdown(review: Review, lang: str) -> list[str]:
    from tabulate import tabulate

    H = HEADINGS[lang]
    terms = [official_label(t, lang) for t in OFFICIAL_TERMS]
    out = []
    for title, table in ((H["by_plan"], review.by_plan), (H["by_category"], review.by_category)):
        rows = md_rows([[k] + [str(v[t]) for t in OFFICIAL_TERMS] for k, v in table.items()])
        out += [f"## {title}", "", tabulate(rows, headers=[""] + terms, tablefmt="pipe", disable_numparse=True), ""]
    return out


def table_renderables(review: Review, lang: str, show_no_data: bool = False):
    from rich.table import Table

    from .table import Responsive

    H = HEADINGS[lang]
    hidden = sum(1 for row in review.rows if row.result.status == "no_data" and not show_no_data)
    table = Responsive(lambda width: _review_table(review, lang, show_no_data, width >= WIDE_REVIEW))
    out: list[object] = [table]
    # Only the labels that occur: a finished plan's words and an interim plan's seldom share a table.
    used = [t for t in OFFICIAL_TERMS if any(counts[t] for counts in review.by_plan.values())]
    summary = Table(title=H["by_plan"], pad_edge=False)
    summary.add_column("")
    for t in used:
        summary.add_column(official_label(t, lang), justify="right")
    binding = binding_counts(review)
    for plan, counts in review.by_plan.items():
        summary.add_row(visible(plan), *(str(counts[t]) for t in used))
        if plan in binding:
            label = f"  {'其中约束性' if lang == 'zh' else 'of which binding'}"
            summary.add_row(label, *(str(binding[plan][t]) for t in used))
    out.append(summary)
    if hidden:
        out.append(
            f"（另有{hidden}项无数据未列出，用 --all 查看）"
            if lang == "zh"
            else f"({hidden} targets with no data not shown; --all shows them)"
        )
    return out
