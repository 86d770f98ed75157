"""The review as a Word report (python-docx, imported here only): title, date, data sources and
tool version; an overview chart and a summary paragraph per plan; the completion table in the
plan's own layout (landscape); counties side by side; one chart per lagging or at-risk target;
an annex quoting each target's source. Chinese by default, English with --lang en."""

from __future__ import annotations

import io

from ..core.kinds import SPECS
from ..core.review import Review, ReviewRow
from . import words
from .charts import overview, trajectory_png
from .completion import CompletionTable, completion_tables
from .messages import COMPLETION
from .provenance import DataSource, cite, document_titles, source_line
from .regions import region_tables
from .review import official_label, review_record
from .safe import visible
from .summary import at_risk, binding_first, by_plan, plan_summary

ANNEX_HEAD = {
    "zh": ["规划", "指标", "类型", "属性", "出处", "原文"],
    "en": ["plan", "indicator", "kind", "attribute", "source", "quote"],
}
TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{plans}实施情况评估报告（截至{year}年）",
        "title_many": "规划实施情况评估报告（截至{year}年）",
        "date": "生成日期：{date}",
        "version": "生成工具：jxtargets {version}",
        "sources": "数据来源：",
        "overview": "一、总体情况",
        "overview_chart": "图{n}　{plan}：各项目标进度与时间进度",
        "table": "二、主要指标完成情况",
        "regions": "三、分地区情况",
        "risks": "四、滞后和存在风险的指标",
        "no_risks": "没有滞后或存在风险的指标。",
        "chart": "图{n}　{name}（{kind}）：{official}。{why}",
        "annex": "附件　目标出处",
        "rate_note": "（{kind}目标：图中为指标水平值，目标见上文。）",
    },
    "en": {
        "title": "{plans}: implementation review as of {year}",
        "title_many": "Plan implementation review as of {year}",
        "date": "Date: {date}",
        "version": "Made with jxtargets {version}",
        "sources": "Data sources:",
        "overview": "1. Overview",
        "overview_chart": "Figure {n}. {plan}: progress against time elapsed",
        "table": "2. Main indicators",
        "regions": "3. Counties and districts",
        "risks": "4. Indicators lagging or at risk",
        "no_risks": "No indicator lags or is at risk.",
        "chart": "Figure {n}. {name} ({kind}): {official}. {why}",
        "annex": "Annex: where each target comes from",
        "rate_note": " (A {kind} target: the chart shows the indicator's level; the target is in the text.)",
    },
}
_CJK_BODY, _CJK_HEAD = "宋体", "黑体"


def to_docx(
    review: Review,
    lang: str = "zh",
    *,
    today: str,
    version: str,
    sources: list[DataSource] | None = None,
    home: str | None = None,
) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    T = TEXT[lang]
    doc = Document()
    _fonts(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    plans = by_plan(review)
    names = [rows[0].result.plan.name if lang == "zh" else rows[0].result.plan.name_en for rows in plans.values()]
    title = (
        T["title"].format(plans=names[0], year=review.as_of)
        if len(names) == 1
        else T["title_many"].format(year=review.as_of)
    )
    head = doc.add_heading(visible(title), level=0)
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    meta = doc.add_paragraph()
    meta.add_run(T["date"].format(date=today) + "\n" + T["version"].format(version=version))
    titles = document_titles(review.plans.values(), lang)  # source documents by their titles
    if sources:
        p = doc.add_paragraph(T["sources"])
        for ds in sources:
            doc.add_paragraph(visible(source_line(ds, titles, lang)), style="List Bullet")
        p.paragraph_format.space_after = Pt(2)

    figure = 0
    doc.add_heading(T["overview"], level=1)
    for rows in plans.values():
        rows = binding_first(rows)
        doc.add_paragraph(visible(plan_summary(rows, review.as_of, lang)))
        png = overview(rows, lang, fmt="png", width=6.3)
        if png is not None:
            figure += 1
            _picture(doc, png, Cm(16.5), Cm(22))
            plan = rows[0].result.plan
            _caption(doc, T["overview_chart"].format(n=figure, plan=plan.name if lang == "zh" else plan.name_en))

    landscape = doc.add_section()
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = Cm(29.7), Cm(21)
    doc.add_heading(T["table"], level=1)
    for table in completion_tables(review, lang, home):
        _completion(doc, table)
    regional = region_tables(review, lang)
    if regional:
        doc.add_heading(T["regions"], level=1)
        for heading, header, body in regional:
            doc.add_paragraph(visible(heading), style="Heading 3")
            _table(doc, header, body, font=8)

    portrait = doc.add_section()
    portrait.orientation = WD_ORIENT.PORTRAIT
    portrait.page_width, portrait.page_height = Cm(21), Cm(29.7)
    doc.add_heading(T["risks"], level=1)
    risky = [row for rows in plans.values() for row in binding_first(rows) if at_risk(row)]
    if not risky:
        doc.add_paragraph(T["no_risks"])
    for row in risky:
        figure += 1
        rec = review_record(row, lang)
        _picture(doc, trajectory_png(row, lang), Cm(13), Cm(8))
        note = ""
        if not SPECS[row.result.target.rule].on_level:
            note = T["rate_note"].format(kind=words.KIND[lang][row.result.target.rule])
        _caption(
            doc,
            T["chart"].format(
                n=figure,
                name=rec["name"],
                kind=words.KIND[lang][rec["kind"]],
                official=official_label(row.official, lang),
                why=rec["why"],
            )
            + note,
        )

    doc.add_page_break()
    doc.add_heading(T["annex"], level=1)
    body = [_annex_row(row, lang, titles) for rows in plans.values() for row in binding_first(rows)]
    _table(doc, ANNEX_HEAD[lang], body, font=7.5, widths=(1.6, 3.4, 1.5, 1.2, 4.6, 4.3))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _fonts(doc) -> None:
    """宋体 for text and 黑体 for headings, as official documents set them (East Asian font
    slots; Latin text in the theme's font)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name, font, size in (
        ("Normal", _CJK_BODY, 10.5),
        ("Title", _CJK_HEAD, 18),
        ("Heading 1", _CJK_HEAD, 14),
        ("Heading 3", _CJK_HEAD, 11),
        ("Caption", _CJK_BODY, 9),
    ):
        style = doc.styles[name]
        style.font.size = Pt(size)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), font)


def _picture(doc, png: bytes, width, max_height) -> None:
    """A picture no taller than `max_height`, kept on the page of its caption."""
    from docx.shared import Emu

    doc.add_picture(io.BytesIO(png), width=width)
    shape = doc.inline_shapes[-1]
    if shape.height > max_height:
        shape.width = Emu(int(shape.width * max_height / shape.height))
        shape.height = max_height
    doc.paragraphs[-1].paragraph_format.keep_with_next = True


def _caption(doc, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.add_paragraph(visible(text), style="Caption")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _completion(doc, table: CompletionTable) -> None:
    doc.add_paragraph(visible(table.title()), style="Heading 3")
    _table(
        doc,
        table.headers(),
        [r.cells() for r in table.rows],
        font=8,
        bold_rows={i for i, r in enumerate(table.rows) if r.binding},
        widths=(1.8, 0.9, 5.6, 1.8, 3.4, 3.2, 1.9, 2.6, 1.3, 2.5),
    )
    doc.add_paragraph(COMPLETION[table.lang]["note"], style="Caption")


def _table(
    doc,
    header: list[str],
    rows: list[list[str]],
    font: float,
    bold_rows: set[int] | None = None,
    widths: tuple[float, ...] | None = None,
) -> None:
    """A grid table; every cell is text (python-docx writes runs, never fields)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(visible(text))
        run.bold = True
        run.font.size = Pt(font)
    # the header row repeats on every page; no row splits across pages
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
    for i, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            run = cell.paragraphs[0].add_run(visible(text or ""))
            run.font.size = Pt(font)
            run.bold = bool(bold_rows and i in bold_rows)
    for tr in table.rows:
        cant = OxmlElement("w:cantSplit")
        tr._tr.get_or_add_trPr().append(cant)
    if widths and len(widths) == len(header):
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)  # the grid, which LibreOffice follows
        for tr in table.rows:
            for cell, width in zip(tr.cells, widths, strict=True):
                cell.width = Cm(width)
    del qn


def _annex_row(row: ReviewRow, lang: str, titles: dict[str, list[str]]) -> list[str]:
    t, plan = row.result.target, row.result.plan
    src = t.source
    where = cite(src, plan, titles, lang)  # 《title》（file）表1 序号1
    name = row.result.indicator.name if lang == "zh" else row.result.indicator.name_en
    if t.region:
        name = f"{name}（{t.region}）"
    return [
        plan.id,
        name,
        words.KIND[lang][t.kind],
        words.ATTRIBUTE[lang].get(t.attribute or "", ""),
        where,
        src.quote if src is not None else "",
    ]
