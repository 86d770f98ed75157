"""Excel: the blank actuals form (`template`) and the review export. openpyxl only here."""

from __future__ import annotations

import io
from typing import Any

from ..core.kinds import SINCE_FIGURES
from ..core.model import Actuals, Catalogue
from ..core.review import OFFICIAL_TERMS, Review
from . import words
from .review import HEADINGS, official_label, ordered_rows, review_record
from .safe import append_inert, visible

TEMPLATE_COLUMNS = (
    "year",
    "indicator",
    "name",
    "unit",
    "region",
    "previous_year",
    "previous",
    "value",
    "bound",
    "growth",
    "basis",
    "since",
    *SINCE_FIGURES,
    "done",
    "note",
    "source",
)
STATUS_FILL = {
    "met": "C6EFCE",
    "on_track": "E2EFDA",
    "behind": "FFEB9C",
    "off_track": "FFC7CE",
    "missed": "FFC7CE",
    "baseline": "DDEBF7",
    "no_data": "EDEDED",
    "unassessable": "E4DFEC",
}


def template_rows(catalogue: Catalogue, actuals: Actuals, year: int, plans: tuple[str, ...]) -> list[dict]:
    """One row per (indicator, region) that a plan running in `year` targets."""
    rows, seen = [], set()
    for ind in catalogue.indicators.values():
        for t in ind.targets:
            if plans and t.plan not in plans:
                continue
            if not t.baseline_year < year <= t.target_year:
                continue
            region = t.region or catalogue.region
            if (ind.id, region) in seen:
                continue
            seen.add((ind.id, region))
            previous = actuals.get(ind.id, region, year - 1)
            rows.append(
                {
                    "year": year,
                    "indicator": ind.id,
                    "name": ind.name,
                    "unit": ind.unit or "",
                    "region": "" if region == catalogue.region else region,
                    "previous_year": year - 1 if previous and previous.value is not None else None,
                    "previous": previous.value if previous else None,
                    "milestone": all(x.kind == "milestone" for x in ind.targets),
                }
            )
    return rows


def template_yaml(rows: list[dict], year: int, lang: str = "zh") -> str:
    """The blank form as YAML, its comments in `lang` (the keys are the loader's)."""
    from ..messages import say

    lines = [
        "# " + say("template.head", lang, year=year),
        f"year: {year}",
        f"source: ''   # {say('template.source', lang)}",
        "values:",
    ]
    regions: dict[str, list[dict]] = {}
    for row in rows:
        regions.setdefault(row["region"], []).append(row)
    for region, items in regions.items():
        indent = "  "
        if region:
            if lines[-1] != "regions:" and not any(line == "regions:" for line in lines):
                lines.append("regions:")
            lines.append(f"  {_yaml_key(region)}:")
            indent = "    "
        for row in items:
            prev = (
                say("template.previous", lang, value=words.fmt(row["previous"])) if row["previous"] is not None else ""
            )
            unit = f"（{row['unit']}）" if row["unit"] else ""
            name = " ".join(visible(row["name"]).splitlines())  # a comment stays one line
            body = "{done: }" if row["milestone"] else "{value: , bound: , growth: , basis: }"
            lines.append(f"{indent}{_yaml_key(row['indicator'])}: {body}   # {name}{unit}{prev}")
    return "\n".join(lines) + "\n"


def _yaml_key(text: str) -> str:
    """A mapping key as YAML reads it back: plain when it is only letters, digits, `_` and CJK,
    else a double-quoted (JSON) string."""
    import json

    return text if text and all(c.isalnum() or c == "_" for c in text) else json.dumps(text, ensure_ascii=False)


def template_xlsx(rows: list[dict], year: int, lang: str = "zh") -> bytes:
    """The blank form as a workbook, its headers in `lang` (the loader reads either language)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet: Any = book.active  # a Worksheet (openpyxl types it as a union with chart sheets and None)
    sheet.title = "actuals"
    from ..messages import say
    from ..messages.form import FORM_HEADERS

    sheet.append([FORM_HEADERS[c][1 if lang == "en" else 0] for c in TEMPLATE_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_inert(sheet, [row.get(c) if c in row else None for c in TEMPLATE_COLUMNS])
    last = max(2, len(rows) + 1)
    col = {c: chr(ord("A") + i) for i, c in enumerate(TEMPLATE_COLUMNS)}
    numbers = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1e15",
        formula2="1e15",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=say("form.number_title", lang),
        error=say("form.number_error", lang),
    )
    for name in ("value", "growth", *SINCE_FIGURES):
        numbers.add(f"{col[name]}2:{col[name]}{last}")
    years = DataValidation(type="whole", operator="between", formula1="1900", formula2="2200", allow_blank=True)
    years.add(f"{col['since']}2:{col['since']}{last}")
    done = DataValidation(type="list", formula1='"true,false"', allow_blank=True)
    done.add(f"{col['done']}2:{col['done']}{last}")
    bound = DataValidation(type="list", formula1='"lower,upper"', allow_blank=True)
    bound.add(f"{col['bound']}2:{col['bound']}{last}")
    basis = DataValidation(type="list", formula1='"comparable,current"', allow_blank=True)
    basis.add(f"{col['basis']}2:{col['basis']}{last}")
    for dv in (numbers, years, done, bound, basis):
        sheet.add_data_validation(dv)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for r in range(2, last + 1):
        for name in ("value", "growth"):
            sheet[f"{col[name]}{r}"].fill = fill
    widths = {"indicator": 34, "name": 40, "unit": 12, "note": 30, "source": 30}
    for name, letter in col.items():
        sheet.column_dimensions[letter].width = widths.get(name, 11)
    sheet.freeze_panes = "C2"
    return _save(book)


def review_xlsx(review: Review, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from .messages import XLSX_HEADERS
    from .provenance import cite, document_titles

    H = HEADINGS[lang]
    h = words.HEADERS[lang]
    X = XLSX_HEADERS[lang]
    titles = document_titles(review.plans.values(), lang)  # source documents by their titles
    book = Workbook()
    sheet: Any = book.active  # a Worksheet (openpyxl types it as a union with chart sheets and None)
    sheet.title = "review"
    columns = [
        ("plan", h["plan"]),
        ("indicator", h["id"]),
        ("name", h["indicator"]),
        ("region", h["region"]),
        ("kind", h["kind"]),
        ("attribute", h["attribute"]),
        ("measure_unit", h["unit"]),
        ("baseline_year", X["baseline_year"]),
        ("baseline", h["baseline"]),
        ("target_year", X["target_year"]),
        ("op", X["op"]),
        ("target", h["target"]),
        ("stretch", X["stretch"]),
        ("year", h["year"]),
        ("actual", h["actual"]),
        ("status_label", h["status"]),
        ("gap", h["gap"]),
        ("progress_pct", h["progress"]),
        ("time_pct", h["time"]),
        ("planned_cagr", h["planned_cagr"]),
        ("implied_cagr", h["implied_cagr"]),
        ("required_cagr", h["required_cagr"]),
        ("growth_pace", H["growth"]),
        ("schedule_pace", H["schedule"]),
        ("deciding", X["deciding"]),
        ("projection", H["projection"]),
        ("projection_meets", H["meets"]),
        ("trajectory", H["trajectory"]),
        ("why", h["why"]),
        ("source", h["source"]),
    ]
    sheet.append([label for _, label in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    status_col = [key for key, _ in columns].index("status_label") + 1
    for row in ordered_rows(review.rows):
        rec = review_record(row, lang)
        values = []
        for key, _ in columns:
            v: Any = rec.get(key)
            if key == "target" and isinstance(v, list):
                v = f"{v[0]}–{v[1]}"
            elif key == "trajectory":
                v = "; ".join(f"{p['year']}: {words.fmt(p['value'])}" for p in v)
            elif key == "attribute":
                v = words.ATTRIBUTE[lang].get(v or "", "")
            elif key == "source" and v:
                v = f"{cite(row.result.target.source, row.result.plan, titles, lang)}: {v['quote']}"
            values.append(v)
        append_inert(sheet, values)
        sheet.cell(row=sheet.max_row, column=status_col).fill = PatternFill("solid", fgColor=STATUS_FILL[rec["status"]])
    for i, (key, _) in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = (
            28 if key in ("name", "why", "source", "trajectory") else 12
        )
    sheet.freeze_panes = "D2"
    summary = book.create_sheet("summary")
    terms = [official_label(t, lang) for t in OFFICIAL_TERMS]
    for title, table in ((H["by_plan"], review.by_plan), (H["by_category"], review.by_category)):
        summary.append([title, *terms])
        summary[summary.max_row][0].font = Font(bold=True)
        for key, counts in table.items():
            append_inert(summary, [key, *(counts[t] for t in OFFICIAL_TERMS)])
        summary.append([])
    from .completion import add_sheet, completion_tables

    add_sheet(book, completion_tables(review, lang), "完成情况" if lang == "zh" else "completion")
    return _save(book)


def _save(book) -> bytes:
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
