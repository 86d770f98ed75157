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
    body = line.strip().lstrip("#").strip()
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
    """Every sentence of the document with its place, section and look-back span."""
    top = sub = Section("")
    title: Section | None = None  # a title naming another year: the whole document is about it
    out: list[Sentence] = []
    seen_top = False
    for line, para, heading, table in paragraphs(text):
        flat = re.sub(r"\s+", "", para)
        if heading:
            section = _section(flat, year)
            if _TOP.match(flat):
                seen_top = True
                top, sub = _within(section, title), Section("")
            elif not seen_top and section.year_other and ("公报" in flat or "报告" in flat):
                # A bulletin's title names its year; a work report's, the year after the one it reviews.
                if "公报" in flat or year + 1 not in _years_of(flat):
                    title = top = Section("《" + flat[:30] + "》", section.year_other)
            else:
                sub = section
            continue
        section = _combine(top, sub)
        lead = _lead(flat)
        span: int | None = None
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


def _years_of(text: str) -> tuple[int, ...]:
    return tuple(int(y) for y in _YEAR.findall(text))


def _section(heading: str, year: int) -> Section:
    years = _years_of(heading)
    other = tuple(y for y in years if y != year) if year not in years else ()
    return Section(heading, other, bool(_PLAN_WORDS.search(heading)))


def _within(section: Section, title: Section | None) -> Section:
    """A section of a document whose title is about another year is about that year too."""
    if title is None or section.year_other:
        return section
    return Section(section.heading, title.year_other, section.plan)


def _combine(top: Section, sub: Section) -> Section:
    heading = top.heading + (" " + sub.heading if sub.heading else "")
    return Section(heading, top.year_other or sub.year_other, top.plan or sub.plan)


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
