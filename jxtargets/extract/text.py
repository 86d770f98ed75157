"""A document's text → paragraphs → sentences, each with its section and its year context.

Text extracted from PDF breaks lines (and page breaks split paragraphs) anywhere; a sentence is
matched without whitespace (`Sentence.text`) and quoted from the original, line breaks removed,
so that the quote is the document's own fragment (`validate --seeds` ignores whitespace too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Place

_HEADING = re.compile(
    r"(第[一二三四五六七八九十百零]+[章节篇部]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|表\s*\d+|专栏\s*\d*)"
)
_DOC_TITLE = re.compile(r"(通知|意见|方案|规划|计划|纲要|公报|报告|办法|细则)([（(][^（）()]*[）)])?$")
# A part of a plan that reviews what was done: its figures are results, not targets.
_RESULT_WORDS = re.compile(r"成就|成效|回顾|基础|现状|背景|完成情况|进展|主要工作")
_TOP = re.compile(r"(第[一二三四五六七八九十百零]+[章篇部]|[一二三四五六七八九十]+、)")
_TERMINAL = "。！？；：!?;:”’」）)"
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
_YEAR = re.compile(r"(\d{4})\s*年")
# Section headings about plans, targets or the future: their numbers are not results.
_PLAN_WORDS = re.compile(r"未来|今后|目标|任务|展望|远景|征程|开启|奋力|勇当|思路|举措|部署|保障机制|实施机制")
# A paragraph that looks back over several years: since-figures start `years` before the year.
_SPAN_WORDS = (("过去五年", 5), ("五年间", 5), ("五年来", 5))
# The five-year plan periods, by their start (base) year.
_FYP_SPANS = (("十二五", 2010), ("十三五", 2015), ("十四五", 2020))
_EXPLICIT_SPAN = re.compile(r"(\d{4})\s*[—\-–~～至到]\s*(\d{4})\s*年")


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    year_other: tuple[int, ...] = ()  # the heading names other years than the one extracted
    plan: bool = False  # the heading is about targets, plans or the future


@dataclass(slots=True)
class Sentence:
    text: str  # without whitespace: what names and numbers are matched in
    original: str  # as in the document
    offsets: list[int]  # index in `text` -> index in `original`
    place: Place
    section: Section
    span_start: int | None = None  # start year of "过去五年" & co. figures, when the paragraph looks back
    table: bool = False  # a cell of a table laid out as text

    def quote(self, start: int, end: int) -> str:
        """The original fragment behind text[start:end], line breaks removed."""
        if start >= end:
            return ""
        raw = self.original[self.offsets[start] : self.offsets[end - 1] + 1]
        return re.sub(r"\s*\n\s*", "", raw).strip()


def squash(original: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(original):
        if not ch.isspace():
            chars.append(ch)
            offsets.append(i)
    return "".join(chars), offsets


def _is_heading(line: str) -> bool:
    body = re.sub(r"^[#*\-\s]+", "", line.strip()).replace("**", "")
    if len(body) > 70 or body.endswith(("。", "；")):
        return False
    return bool(_HEADING.match(body)) or (len(body) <= 40 and not any(c in body for c in "。，；：,;"))


def paragraphs(text: str) -> list[tuple[int, str, bool, bool]]:
    """(first line number, paragraph text with its line breaks, is a heading, is a table cell).

    A line that does not end a sentence continues on the next non-heading line (PDF page and
    line breaks); a line starting with a tab is a cell of a table laid out as text."""
    out: list[list] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        stripped = line.strip()
        table = line.startswith("\t") or (
            bool(out) and out[-1][3] and not stripped.startswith("注") and len(stripped) < 40 and "。" not in stripped
        )
        heading = not table and _is_heading(line)
        if out and not heading and not out[-1][2]:
            last = out[-1]
            if last[3] == table and not last[1].rstrip().endswith(tuple(_TERMINAL)):
                last[1] += "\n" + line
                continue
            if table and last[3]:
                last[1] += "\n" + line
                continue
        out.append([number, line, heading, table])
    return [(n, t, h, tb) for n, t, h, tb in out]


def sentences(text: str, doc: str, year: int) -> list[Sentence]:
    """Every sentence of the document with its place, section and look-back span.

    Three levels of heading: a document's title (…通知, …规划, …公报; a bundle of documents has
    several), its parts (一、, 第一章) and their sections (（一）, 专栏, 表1, short lines)."""
    title = top = sub = Section("")
    top_period = ""  # the opening words of a part that names its plan period (“十三五”时期 …)
    out: list[Sentence] = []
    for line, para, heading, table in paragraphs(text):
        flat = re.sub(r"^[#*\-\s]+", "", re.sub(r"\s+", "", para)).replace("**", "")
        if heading:
            section = _section(flat, year)
            if _DOC_TITLE.search(flat) and not _HEADING.match(flat):
                title, top, sub = _title(flat, year), Section(""), Section("")
            elif _TOP.match(flat):
                top, sub, top_period = section, Section(""), ""
            else:
                sub = section
            continue
        section = _paragraph(_combine(title, top, sub), flat, year)
        if section != _combine(title, top, sub) and _period(flat):
            # “十三五”时期，… opening a part: the part is about that period
            top = Section(top.heading, section.year_other, section.plan)
        period = _period_start(flat, year) or _period_start(top_period, year)
        if _period(flat) and not top_period:
            top_period = flat
        lead = _lead(flat)
        span: int | None = period
        pos = 0
        for piece in _SENTENCE_END.split(para):
            if not piece.strip():
                pos += len(piece)
                continue
            squashed, offsets = squash(piece)
            span = _span(squashed, year, span)
            here = line + para.count("\n", 0, pos)
            where = f"{section.heading[:30]} {lead}".strip()
            out.append(Sentence(squashed, piece, offsets, Place(doc, here, where), section, span, table))
            pos += len(piece)
    return out


def _period(flat: str) -> bool:
    return any(re.search(name + r"”?(期间|时期|以来|末)", flat) for name, _ in _FYP_SPANS)


def _period_start(flat: str, year: int) -> int | None:
    """The base year of the plan period a passage names, when the year is in that period."""
    for name, start in _FYP_SPANS:
        if re.search(name + r"”?(期间|时期|以来)", flat) and start < year <= start + 5:
            return start
    return None


def _title(flat: str, year: int) -> Section:
    """A document's title: a bulletin names its year, a work report the year after the one it
    reviews; a plan, programme or notice (规划, 方案, 通知 …) is about what is to be done."""
    years = _years_of(flat)
    if "公报" in flat:
        other = () if not years or year in years else years
    elif "报告" in flat:
        other = () if not years or {year, year + 1} & set(years) else years
    else:
        other = () if not years or year in years else years
    plan = not ("公报" in flat or "报告" in flat)
    return Section("《" + flat[:30] + "》", other, plan)


def _paragraph(section: Section, flat: str, year: int) -> Section:
    """到2020年，… or （二）主要目标。… at the start of a paragraph: the paragraph is about that."""
    m = re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)?(到|至)(\d{4})年", flat)
    if m and int(m.group(2)) != year:
        return Section(section.heading, (int(m.group(2)),), section.plan)
    for name, start in _FYP_SPANS:  # “十二五”期间 … read in 2016: the figures are of that period
        if re.search(name + r"”?(期间|时期|以来|末)", flat):
            if start >= year:
                return Section(section.heading, section.year_other, True)
            if start + 5 != year:  # a review of a period that does not end in the year read
                return Section(section.heading, (start + 5,), section.plan)
    lead = re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)([^。，]{1,20})。", flat)
    if lead and _PLAN_WORDS.search(lead.group(1)):
        return Section(section.heading, section.year_other, True)
    return section


def _years_of(text: str) -> tuple[int, ...]:
    return tuple(int(y) for y in _YEAR.findall(text))


def _section(heading: str, year: int) -> Section:
    years = _years_of(heading)
    other = tuple(y for y in years if y != year) if year not in years else ()
    return Section(heading, other, bool(_PLAN_WORDS.search(heading)))


def _combine(title: Section, top: Section, sub: Section) -> Section:
    heading = " ".join(x.heading for x in (top, sub) if x.heading) or title.heading
    other = title.year_other or top.year_other or sub.year_other
    plan = (title.plan and not _RESULT_WORDS.search(top.heading + sub.heading)) or top.plan or sub.plan
    return Section(heading, other, plan)


def _lead(paragraph: str) -> str:
    text = re.sub(r"^[—\-*#\s]+", "", paragraph).replace("**", "")
    first = re.split(r"[。，；：]", text, maxsplit=1)[0]
    return first[:16]


def _span(text: str, year: int, current: int | None) -> int | None:
    for word, years in _SPAN_WORDS:
        if word in text:
            return year - years
    for word, start in _FYP_SPANS:
        if word in text and ("时期" in text or "期间" in text or "以来" in text) and start < year <= start + 5:
            return start
    match = _EXPLICIT_SPAN.search(text)
    if match and int(match.group(2)) == year:
        return int(match.group(1)) - 1
    return current
