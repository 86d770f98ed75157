"""Sentences → figures and left-out numbers. Pure: no I/O.

In each clause (between ，and ：) every number is tied to the indicator named before it; a
clause that names none continues the previous clause's indicator only when it starts with a
verb (增长 7%) or a region (其中市本级增长 7.5%). `A、B 分别 x、y` pairs names with numbers one by
one; `A、B 均 x` gives x to each. A region named in a sentence holds for the rest of it. Whatever
cannot be tied to exactly one indicator, unit and year is left out with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..core.model import Catalogue
from ..messages import Msg, msg
from .model import Extraction, Found, LeftOut
from .names import Mention, NameIndex
from .quantities import LOWER_BEFORE, Number, numbers
from .resolve import distributed, expand, in_quotes, item, number_first, share, unquoted
from .roles import Refused, basis_of, role, within_bound
from .text import Sentence

_CLAUSE = re.compile(r"[，,]|(?<!\d)[：:]|[：:](?!\d)")
_TARGET_WORDS = re.compile(r"力争|确保|争取|预计|有望|计划|(?<!完成)(?<!实现)目标|预期|将达|力求")
_REVISION = re.compile(r"最终核实|核实|修订|修正|核定")
_YEAR = re.compile(r"(?<![比较与同])(\d{4})\s*年(?!以来)")
_VERB = r"(按可比价格计算|按可比价计算|扣除价格因素|同比|比上年|比去年|较上年|增长|增加|提高|下降|减少|降低|上升|年均|达到|达|为|分别|总量|增速)"
# "New this year" words: 新认定高新技术企业 184 家 is not the stock of 高新技术企业.
_NEW = ("新增", "新认定", "新建", "新引进", "新开工", "新登记", "新培育", "新获批", "新入选", "新设立")
_ENUM_WORD = re.compile(r"分别|(?<![人平年])均(?![值衡等])")
_DONE = ("成功", "顺利", "已经", "已", "如期")
_STRUCTURE = ("三次产业结构", "三次产业比例", "产业结构")
_SECTORS = ("第一产业增加值占地区生产总值比重", "第二产业增加值占地区生产总值比重", "第三产业增加值占地区生产总值比重")
_LEADING = re.compile(r"^(全市|全年|其中|实现|完成)")
_ENUM_SPLIT = re.compile(r"、|”(?=“)")
_ENUM_SPLIT_AND = re.compile(r"、|和|及|与|”(?=“)")


@dataclass(slots=True)
class _Hit:
    found: Found
    sentence: int
    start: int
    end: int


class Parser:
    def __init__(self, catalogue: Catalogue, year: int):
        self.catalogue = catalogue
        self.year = year
        self.index = NameIndex(catalogue)
        self.hits: list[_Hit] = []
        self.left: list[LeftOut] = []
        self._consumed: list[Mention] = []
        self._foreign: dict[tuple[int, str], str] = {}  # a figure given in another unit: its rates too

    def leave(self, s: Sentence, n: Number, reason: Msg) -> None:
        """Left out, with the words around the number (up to 30 characters before it)."""
        a, b = max(0, n.start - 30), min(len(s.text), n.end + 12)
        context = ("…" if a else "") + s.quote(a, b) + ("…" if b < len(s.text) else "")
        self.left.append(LeftOut(n.raw, reason, context, s.place))

    def sentence(self, i: int, s: Sentence) -> None:
        if s.table:
            return  # tables are read row by row (tables.py)
        nums = [n for n in numbers(s.text) if not in_quotes(s.text, n.start)]
        mentions = self.index.find(s.text)
        self._milestones(i, s, mentions)
        if not nums:
            return
        nums = [n for n in nums if not any(m.start <= n.start < m.end for m in mentions if m.kind == "indicator")]
        reason = self._sentence_reason(s)
        if reason:
            for n in nums:
                self.leave(s, n, reason)
            return
        year, revision = self._year(s)
        region: str | None = None
        subject: Mention | None = None
        for clause in _clauses(s.text):
            start, end = clause
            cm = [m for m in mentions if start <= m.start < end]
            cn = [n for n in nums if start <= n.start < end]
            before = region
            for m in cm:
                if m.kind == "region":
                    region = m.ids[0]
                elif m.kind == "city":
                    region = None
            if not cn:
                subject = next((m for m in reversed(cm) if m.kind == "indicator"), subject)
                continue
            target = _TARGET_WORDS.search(unquoted(s.text[:end]), start)
            other = year is None
            for n in cn:
                if target and target.start() < n.start:
                    self.leave(s, n, msg("extract.target_words", words=target.group()))
                elif other:
                    self.leave(s, n, msg("extract.other_year", years=_years(s.text), year=self.year))
            cn = [n for n in cn if not (target and target.start() < n.start)]
            if year is None or not cn:
                continue
            subject = self._clause(i, s, start, end, cm, cn, subject, (region, before), year, revision)
            if self._region_in_name(cm):
                region = before

    def _milestones(self, i: int, s: Sentence, mentions: list[Mention]) -> None:
        """成功创建国家公共文化服务体系示范区: a milestone reported done (done: true)."""
        if self._sentence_reason(s) or self._year(s)[0] != self.year:
            return
        for m in mentions:
            if m.kind != "indicator" or m.ambiguous or self.catalogue.indicators[m.ids[0]].unit is not None:
                continue
            before = s.text[max(0, m.start - 4) : m.start]
            clause_start = max(s.text.rfind(c, 0, m.start) for c in "，；：") + 1
            if before.endswith(_DONE) and not _TARGET_WORDS.search(unquoted(s.text[clause_start : m.end])):
                found = Found(m.ids[0], "done", 1.0, s.place, "", self.year)
                self.hits.append(_Hit(found, i, max(clause_start, m.start - len(before)), m.end))

    def _sentence_reason(self, s: Sentence) -> Msg | None:
        if s.section.year_other:
            years = ", ".join(str(y) for y in s.section.year_other)
            return msg("extract.section_other_year", years=years, heading=s.section.heading[:30])
        if s.section.plan:
            return msg("extract.section_plan", heading=s.section.heading[:30])
        return None

    def _year(self, s: Sentence) -> tuple[int | None, bool]:
        """The year the sentence reports on, and whether it revises an earlier year."""
        years = {int(y) for y in _YEAR.findall(s.text)}
        others = years - {self.year}
        if not others:
            return self.year, False
        if _REVISION.search(s.text) and len(others) == 1 and max(others) < self.year and self.year not in years:
            return others.pop(), True
        if s.span_start is not None and others <= {s.span_start, s.span_start + 1}:
            return self.year, False
        return None, False

    def _region_in_name(self, cm: list[Mention]) -> bool:
        """A place named inside an indicator's name (中心城区新建改建城市道路) qualifies nothing."""
        return any(m.kind == "region" and any(o.start <= m.start < o.end for o in self._consumed) for m in cm)

    def _clause(
        self,
        i: int,
        s: Sentence,
        start: int,
        end: int,
        cm: list[Mention],
        cn: list[Number],
        subject: Mention | None,
        regions: tuple[str | None, str | None],
        year: int,
        revision: bool,
    ) -> Mention | None:
        text = s.text
        region, before = regions
        ind = [m for m in cm if m.kind == "indicator"]
        enum = self._enumeration(s, start, cm, cn)
        if enum is not None:
            pairs, connector, quote_from = enum
            shared = pairs[0][1].bound if pairs and connector.endswith(LOWER_BEFORE) else None
            for ids, n in pairs:
                n = replace(n, bound=n.bound or shared)  # 分别突破 65 家、6000 亿元: both lower bounds
                self._take(i, s, ids, n, connector, quote_from, text[n.end : n.end + 4], region, year, revision)
            return subject
        first_pre = None
        prev: Mention | None = None
        consumed: list[Mention] = []
        self._consumed = consumed
        last_end = start
        for k, n in enumerate(cn):
            seg_start = max(cn[k - 1].end if k else start, last_end)
            owner = next((m for m in reversed(ind) if seg_start <= m.start and m.end <= n.start), None)
            seg = text[seg_start : n.start]
            if k == 0:
                first_pre = text[start : n.start]
            elif seg.startswith("、"):
                owner = distributed(self.index, seg.lstrip("、和"), first_pre, seg_start + 1, owner)
                if owner is None and first_pre and first_pre.startswith(_NEW):
                    self.leave(s, n, msg("extract.new_unnamed", words=first_pre[:3], names=seg.lstrip("、和")))
                    continue
            if n.kind == "structure":
                self._structure(i, s, start, n, region, year, revision)
                continue
            if owner is None and k > 0 and not seg.startswith("、") and prev is not None:
                owner = prev  # 由 6 万元提高到 8.2 万元: the same name goes on
            if owner is None and n.unit == "%":
                owner = share(self.index, text, seg_start, n.start)
            if owner is None and (k == 0 or seg.startswith("、")):
                owner = number_first(self.index, text, seg_start, end, n, cn)
                if owner is not None:
                    consumed.append(owner)
            if owner is None and k == 0 and subject is not None and self._continues(text, start, cm):
                owner, quote_from = subject, subject.start
            elif owner is None:
                self.leave(s, n, msg("extract.no_indicator"))
                continue
            else:
                quote_from = owner.start
            connector = text[owner.end if owner.end <= n.start else start : n.start]
            new = next((w for w in _NEW if text.endswith(w, max(start, owner.start - 4), owner.start)), None)
            if new and not self.catalogue.indicators[owner.ids[0]].name.startswith(new[0]):
                self.leave(s, n, msg("extract.new_this_year", new=new, name=text[owner.start : owner.end]))
                continue
            self._take(i, s, owner.ids, n, connector, quote_from, text[n.end : n.end + 4], region, year, revision)
            subject = prev = owner
            last_end = max(n.end, owner.end)
            if self._region_in_name(cm):
                region = before
        return subject

    def _structure(
        self, i: int, s: Sentence, start: int, n: Number, region: str | None, year: int, revision: bool
    ) -> None:
        """三次产业结构调整为 3.8：50.9：45.3: the shares of the three sectors."""
        text = s.text
        where = max(text.rfind(w, start, n.start) for w in _STRUCTURE)
        ids = [self.index.lookup(name) for name in _SECTORS]
        if where < 0 or len(n.parts) != 3 or not all(len(x) == 1 for x in ids):
            self.leave(s, n, msg("extract.structure_unknown"))
            return
        if re.search(r"(由|从)$", text[start : n.start]):
            self.leave(s, n, msg("extract.starting_figure", of=""))
            return
        for sector, part in zip(ids, n.parts, strict=True):
            share = Number(n.start, n.end, part, "%", n.raw)
            self._take(i, s, sector, share, "为", where, "", region, year, revision)

    def _continues(self, text: str, start: int, cm: list[Mention]) -> bool:
        """A clause with no name goes on with the previous one when it starts with a verb
        (增长 7%) or with a region and a verb (其中市本级增长 7.5%)."""
        pos = start + 2 if text.startswith("其中", start) else start
        region = next((m for m in cm if m.kind in ("region", "city") and m.start == pos), None)
        if region is not None:
            return re.match(_VERB + r"|\d", text[region.end :]) is not None
        return re.match(_VERB, text[pos:]) is not None

    def _enumeration(
        self, s: Sentence, start: int, cm: list[Mention], cn: list[Number]
    ) -> tuple[list[tuple[tuple[str, ...], Number]], str, int] | None:
        """`A、B 分别 x、y` (or `A、B … x 和 y`; `A、B 均 x`): names paired with numbers in order.
        Returns (pairs, connector, quote start), or None when the clause is not an enumeration
        (numbers it cannot pair are left out, and the pairs are then empty)."""
        text = s.text
        m = _ENUM_WORD.search(text[start : cn[0].start])
        pos = start + m.start() if m else cn[0].start
        names = [x for x in cm if x.kind == "indicator" and x.start < pos]
        if not m and (len(cn) < 2 or any(x.kind == "indicator" and x.start > cn[0].start for x in cm)):
            return None
        if not names and not m:
            return None
        lead = _LEADING.match(text[start:pos])
        seg_from = start + (lead.end() if lead else 0)
        segment = text[seg_from : names[-1].end if names and not m else pos]
        resolved: list[tuple[str, ...] | None] = []
        for splitter in (_ENUM_SPLIT, _ENUM_SPLIT_AND):
            items = expand([p for p in splitter.split(segment) if p])
            resolved = [item(self.index, p, items) for p in items]
            if len(items) >= 2 and all(resolved):
                break
        else:
            if not m:
                return None
            for n in cn:
                self.leave(s, n, msg("extract.ambiguous_each"))
            return [], "", seg_from
        names_ = [r for r in resolved if r is not None]
        connector = text[max(start, pos - 4) : cn[0].start]
        if m and m.group() == "均" and len(cn) == 1:
            return [(r, cn[0]) for r in names_], connector, seg_from
        if len(resolved) != len(cn):
            for n in cn:
                self.leave(s, n, msg("extract.ambiguous_count", names=len(resolved), numbers=len(cn)))
            return [], "", seg_from
        return list(zip(names_, cn, strict=True)), connector, seg_from

    def _take(
        self,
        i: int,
        s: Sentence,
        ids: tuple[str, ...],
        n: Number,
        connector: str,
        quote_from: int,
        after: str,
        region: str | None,
        year: int,
        revision: bool,
    ) -> None:
        if len(ids) != 1:
            names = ", ".join(ids)
            self.leave(s, n, msg("extract.ambiguous_name", ids=names))
            return
        indicator = self.catalogue.indicators[ids[0]]
        foreign = self._foreign.get((i, indicator.id))
        if foreign and n.unit == "%":
            self.leave(s, n, msg("extract.foreign_rate", id=indicator.id, foreign=foreign, unit=indicator.unit))
            return
        try:
            r = role(indicator, n, connector, after, year, s.span_start, s.text[: n.start])
        except Refused as exc:
            if exc.reason.code == "extract.unit_other_dimension" and n.unit:
                self._foreign[(i, indicator.id)] = n.unit
            self.leave(s, n, msg("extract.of_indicator", id=indicator.id, reason=exc.reason))
            return
        if region is not None and region in indicator.name:
            region = None  # 中心城区新建改建城市道路: the place is part of the indicator
        if region is not None and region not in self.index.listed_regions:
            self.leave(s, n, msg("extract.other_region", region=region))
            return
        if revision and r.field != "value":
            self.leave(s, n, msg("extract.revised_field", field=r.field, year=year))
            return
        basis = basis_of(s.text, indicator) if r.field == "growth" else None
        bound = n.bound if r.field == "value" else None
        if n.bound and r.field != "value":
            self.leave(s, n, msg("extract.bound_on_field", id=indicator.id, number=n.raw, field=r.field))
            return
        found = Found(
            indicator.id, r.field, r.value, s.place, "", year, region, r.unit, r.since, basis, bound, revision
        )
        self.hits.append(_Hit(found, i, quote_from, n.end))

    def finish(self, sentences: list[Sentence]) -> Extraction:
        """Quotes (one per indicator and sentence: from the name to its last number), then
        duplicates merged and conflicting figures left out."""
        spans: dict[tuple, tuple[int, int]] = {}
        for h in self.hits:
            key = (h.found.indicator, h.found.region, h.found.year, h.sentence)
            a, b = spans.get(key, (h.start, h.end))
            spans[key] = (min(a, h.start), max(b, h.end))
        kept: dict[tuple, Found] = {}
        conflicts: set[tuple] = set()
        for h in self.hits:
            f = h.found
            if h.sentence >= 0:
                a, b = spans[(f.indicator, f.region, f.year, h.sentence)]
                f = replace(f, quote=sentences[h.sentence].quote(a, b))
            fkey = (f.indicator, f.region, f.year, f.field, f.since)
            if fkey in kept and within_bound(kept[fkey], f, self.catalogue):
                kept[fkey] = f if kept[fkey].bound else kept[fkey]  # the exact figure, not the bound
                continue
            if fkey in kept and (kept[fkey].value, kept[fkey].unit) != (f.value, f.unit):
                conflicts.add(fkey)
                self.left.append(
                    LeftOut(
                        f"{f.value:g}",
                        msg(
                            "extract.given_twice_at",
                            id=f.indicator,
                            field=f.field,
                            value=f"{kept[fkey].value:g}",
                            line=kept[fkey].place.line,
                        ),
                        f.quote,
                        f.place,
                    )
                )
            kept.setdefault(fkey, f)
        for key in conflicts:
            f = kept.pop(key)
            self.left.append(
                LeftOut(f"{f.value:g}", msg("extract.given_twice", id=f.indicator, field=f.field), f.quote, f.place)
            )
        self.left.sort(key=lambda x: (x.place.doc, x.place.line))
        return Extraction(self.year, [], list(kept.values()), self.left)


def parse(
    sentences: list[Sentence],
    catalogue: Catalogue,
    year: int,
    table_figures: list[Found] | None = None,
    table_left: list[LeftOut] | None = None,
) -> Extraction:
    """Figures and left-out numbers of the sentences, with those read from tables."""
    parser = Parser(catalogue, year)
    for f in table_figures or []:
        parser.hits.append(_Hit(f, -1, 0, 0))
    parser.left.extend(table_left or [])
    for i, s in enumerate(sentences):
        parser.sentence(i, s)
    return parser.finish(sentences)


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _years(text: str) -> str:
    return ", ".join(dict.fromkeys(_YEAR.findall(text)))
