"""Names as reports write them, resolved against the catalogue's names and aliases: shared
heads and tails in enumerations (安全生产事故起数、死亡人数), a verb before a list (新增A、B),
A占到B的 for a share, and names split by their number (获批…92项国家、省改革试点). Pure."""

from __future__ import annotations

import re

from .names import Mention, NameIndex
from .quantities import Number


def distributed(index: NameIndex, item: str, first_pre: str | None, at: int, owner: Mention | None) -> Mention | None:
    """新增A 32个、B 4家: the verb before A applies to B (新增B) when the catalogue names it."""
    if first_pre:
        for k in range(1, len(first_pre) + 1):
            ids = index.lookup(first_pre[:k] + item)
            if ids:
                return Mention(at, at + len(item), ids)
    return owner


def share(index: NameIndex, text: str, seg_start: int, at: int) -> Mention | None:
    """规上工业增加值占到全部工业的 89.4%: the indicator named A占B比重."""
    m = re.search(r"(?:占到|占)(.+?)的(?:比重|比例)?(?:为|达到|达)?$", text[seg_start:at])
    if not m:
        return None
    head = text[seg_start : seg_start + m.start()]
    for a in range(len(head) - 1):
        ids = index.lookup(head[a:] + "占" + m.group(1) + "比重")
        if ids:
            return Mention(seg_start + a, at, ids)
    return None


def number_first(index: NameIndex, text: str, seg_start: int, end: int, n: Number, cn: list[Number]) -> Mention | None:
    """A name split by its number: 先后获批…等 92 项国家、省改革试点 (获批 + 国家、省改革试点),
    14 家企业跻身省高新技术企业“百强榜” (跻身…“百强榜” + 企业), 实现中心城区 15 分钟上高速
    (中心城区上高速 + 时间, for a time)."""
    stop = next((x.start for x in cn if x.start > n.start), end)
    pre, post = text[seg_start : n.start].lstrip("、"), text[n.end : stop].rstrip("、")
    offset = n.start - len(pre)
    time = " 时间" if n.unit in ("分钟", "小时", "天") else " "
    best: tuple[int, Mention] | None = None

    def consider(name: str, a: int, c: int) -> None:
        nonlocal best
        ids = index.lookup(name)
        if ids and (best is None or len(name) > best[0]):
            best = (len(name), Mention(offset + a, n.end + c, ids))

    for c in range(len(post), 1, -1):
        for suffix in time.split(" "):
            for a in range(len(pre)):
                for b in range(a, len(pre) + 1):
                    consider(pre[a:b] + post[:c] + suffix, a, c)
        for j in range(1, min(c, 5)):  # 14 家企业跻身… = 跻身…企业
            consider(post[j:c] + post[:j], len(pre), c)
            consider(post[j:c] + "的" + post[:j], len(pre), c)
    return best[1] if best else None


def item(index: NameIndex, item: str, items: list[str]) -> tuple[str, ...] | None:
    ids = index.lookup(item)
    if ids:
        return ids
    last, first = items[-1], items[0]
    if item != last:
        for j in range(1, len(last)):
            ids = index.lookup(item + last[j:])
            if ids:
                return ids
    if item != first:
        for j in range(len(first), 0, -1):
            ids = index.lookup(first[:j] + item)
            if ids:
                return ids
    inner = [x for x in index.find(item) if x.kind == "indicator"]
    return inner[-1].ids if len(inner) == 1 else None


def in_quotes(text: str, pos: int) -> bool:
    """Inside “…” or 《…》: a name such as “1640” or 《中国制造2025…》, not a figure."""
    for left, right in (("“", "”"), ("《", "》")):
        opened = text.rfind(left, 0, pos)
        if opened != -1 and text.rfind(right, 0, pos) < opened and text.find(right, pos) != -1:
            return True
    return False


def unquoted(text: str) -> str:
    """Text with what is inside “…” and 《…》 blanked out (names of programmes, not words)."""
    return re.sub(r"“[^”]*”|《[^》]*》", lambda m: " " * len(m.group()), text)


def expand(items: list[str]) -> list[str]:
    """城乡居民X → 城镇居民X and 农村居民X (the two halves reports abbreviate as 城乡)."""
    out: list[str] = []
    for item in items:
        if item.startswith("城乡居民") and len(item) > 4:
            out += ["城镇居民" + item[4:], "农村居民" + item[4:]]
        else:
            out.append(item)
    return out
