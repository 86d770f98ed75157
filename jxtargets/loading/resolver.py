"""Indicators looked up by id or Chinese name for one catalogue, with "did you mean …" hints."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from ..core.model import Catalogue
from ..messages import Msg, msg
from .errors import Problem, Problems
from .fields import did_you_mean
from .files import display_name

# Hints cost ~5 ms each: a file of 10,000 unknown ids, checked against the wrong catalogue, would
# take a minute; only the first MAX_HINTS unknown keys get one.
MAX_HINTS = 25


def loosen(key: str) -> str:
    """A name as compared loosely: NFKC (full-width to half-width), no spaces, case folded."""
    return "".join(unicodedata.normalize("NFKC", key).split()).casefold()


class Resolver:
    """Looks indicators up by id or Chinese name, for one catalogue. A name written with other
    spaces or full-width/half-width characters (（PM2.5） for (PM2.5)) matches when it matches
    one indicator only."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.by_name: dict[str, str] = {}
        self.ambiguous: dict[str, list[str]] = {}
        for ind in catalogue.indicators.values():
            if ind.name in self.by_name:
                self.ambiguous.setdefault(ind.name, [self.by_name[ind.name]]).append(ind.id)
            self.by_name.setdefault(ind.name, ind.id)
        self._loose: dict[str, str] | None = None
        self.unknown = 0
        # The earliest baseline year of any plan: figures before it can only be history.
        self.min_baseline: int | None = min((p.baseline_year for p in catalogue.plans.values()), default=None)
        # (year, warning) for each year the file being read declares, until today's date decides
        # (after the data cache: see actuals._cached_read).
        self.dated: list[tuple[int, Problem]] = []
        # Indicator id -> figure_checks.LevelReferences, built on first use (see `references`).
        self.level_refs: dict[str, Any] = {}

    @property
    def loose(self) -> dict[str, str]:
        """Loosened id or name -> id, for the names that loosen to one indicator only. Built on
        the first lookup that needs it (NFKC of every id and name: ~0.1 s for 10,000)."""
        if self._loose is None:
            loose: dict[str, set[str]] = {}
            for ind in self.catalogue.indicators.values():
                for key in (ind.id, ind.name):
                    loose.setdefault(loosen(key), set()).add(ind.id)
            self._loose = {k: next(iter(v)) for k, v in loose.items() if len(v) == 1}
        return self._loose

    def indicator(self, key: object) -> str | None:
        if not isinstance(key, str):
            return None
        if key in self.catalogue.indicators:
            return key
        if key in self.ambiguous:
            return None
        found = self.by_name.get(key)
        if found is None and len(key) < 200:
            found = self.loose.get(loosen(key))
        return found

    def hint(self, key: str) -> Msg | str:
        """The message ' (did you mean …?)' for the first MAX_HINTS unknown keys ("" after them)."""
        self.unknown += 1
        if key in self.ambiguous:
            return msg("hint.ambiguous_name", name=repr(key), ids=", ".join(self.ambiguous[key]))
        if len(key) > 200 or self.unknown > MAX_HINTS:
            return ""
        return did_you_mean(str(key), self.catalogue.indicators, self.by_name)

    def wrong_catalogue(self, problems: Problems, before: int, total: int) -> None:
        """One more line when most of a file's indicators are unknown: the wrong catalogue?"""
        unknown = self.unknown - before
        if unknown > MAX_HINTS and unknown * 2 > total:
            where = display_name(Path(self.catalogue.path)) if self.catalogue.path else msg("catalogue.the")
            problems.add(None, None, "indicator.mostly_unknown", unknown=unknown, total=total, catalogue=where)
