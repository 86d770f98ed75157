"""The catalogue's names and aliases, found in a sentence (leftmost, longest first)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.model import Catalogue

# Parts of the city that are not the city: a sentence about one of them is never the city's figure.
# (The catalogue's own regions are added; these are named in reports but have no figures of their own.)
UNLISTED_REGIONS = ("中心城区", "主城区", "各县（市、区）", "县（市、区）", "各县（市）")
CITY_WORDS = ("全市", "全市域", "市域")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    ids: tuple[str, ...]  # the indicators the text names (more than one: ambiguous)
    kind: str = "indicator"  # indicator | region | city

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", name)


class NameIndex:
    """Every name and alias of the catalogue's indicators, and its region names."""

    def __init__(self, catalogue: Catalogue):
        names: dict[str, set[str]] = {}
        for indicator in catalogue.indicators.values():
            for name in (indicator.name, *indicator.aliases):
                names.setdefault(_plain(name), set()).add(indicator.id)
        # A name without its bracketed qualifier, unless that is some indicator's full name.
        short: dict[str, set[str]] = {}
        for indicator in catalogue.indicators.values():
            form = _short(indicator.name)
            if form and form not in names:
                short.setdefault(form, set()).add(indicator.id)
        names.update(short)
        self.names = {k: tuple(sorted(v)) for k, v in names.items()}
        regions = [r for r in catalogue.regions if r != catalogue.region]
        self.regions = {_plain(r): r for r in (*regions, *UNLISTED_REGIONS)}
        # 海宁 for 海宁市, 嘉善 for 嘉善县: reports drop the suffix (never a name of an indicator).
        for r in regions:
            brief = _plain(r)[:-1]
            if _plain(r)[-1] in "市县区" and len(brief) >= 2 and brief not in names and brief not in self.regions:
                self.regions[brief] = r
        self.listed_regions = frozenset(regions)
        self.region = catalogue.region
        self._first: dict[str, list[tuple[str, str]]] = {}
        for text in self.names:
            self._first.setdefault(text[0], []).append(("indicator", text))
        for text in self.regions:
            self._first.setdefault(text[0], []).append(("region", text))
        for text in (*CITY_WORDS, _plain(catalogue.region)):
            self._first.setdefault(text[0], []).append(("city", text))
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e[1]))

    def lookup(self, text: str) -> tuple[str, ...]:
        return self.names.get(text, ())

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions in text[start:end], left to right, none overlapping; where names overlap
        the longest wins (研究与试验发展经费支出占地区生产总值比重 over 地区生产总值)."""
        end = len(text) if end is None else end
        candidates: list[tuple[int, int, str, str]] = []
        for i in range(start, end):
            for kind, name in self._first.get(text[i], ()):
                if i + len(name) <= end and text.startswith(name, i):
                    candidates.append((i, i + len(name), kind, name))
                    break
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int, str, str]] = []
        for c in candidates:
            if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
                taken.append(c)
        out: list[Mention] = []
        for a, b, kind, name in sorted(taken):
            if kind == "indicator":
                out.append(Mention(a, b, self.names[name]))
            elif kind == "region":
                out.append(Mention(a, b, (self.regions[name],), "region"))
            else:
                out.append(Mention(a, b, (self.region,), "city"))
        return out


def _short(name: str) -> str | None:
    """A name without a trailing qualifier in brackets (建成绿道（累计） → 建成绿道)."""
    plain = _plain(name)
    short = re.sub(r"[（(][^（）()]*[）)]$", "", plain)
    return short if short != plain and len(short) >= 2 else None
