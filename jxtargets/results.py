"""What each command returns: plain result objects that `jxtargets.api` builds and
`jxtargets.render.render` turns into a table, JSON, CSV, Markdown, HTML, xlsx or YAML.

They hold data only (no I/O, no printing), so a library user gets exactly what the command line
prints, and the command line only chooses a format and an exit code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec

from .core.check import Summary
from .core.model import Actuals, Catalogue, Indicator, Target
from .core.rules import Result
from .loading.errors import Problem


class CheckReport(msgspec.Struct):
    """`jxtargets check`: every target the figures can speak to, as of `year`."""

    catalogue: Catalogue
    actuals: Actuals
    year: int | None
    results: list[Result]
    summary: Summary
    # Shown in a table only when asked for: rows with no figure unless statuses were chosen.
    statuses_asked: bool = False
    # Indicators with figures for `year` that the chosen plans do not target (said, not dropped).
    untargeted: list[str] = msgspec.field(default_factory=list)
    # The chosen plans start after `year`: their baseline year, else None.
    starts_after: int | None = None
    warnings: list[Problem] = msgspec.field(default_factory=list)
    # No release for `year` is loaded: each target is judged on its latest figure at or before
    # it, the latest of all from this year.
    latest_year: int | None = None

    def __iter__(self) -> Iterator[Result]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @property
    def exit_code(self) -> int:
        """0 nothing failing, 1 at least one required target with a failing status."""
        return 1 if self.summary.failing else 0


class CagrReport(msgspec.Struct):
    """`jxtargets cagr INDICATOR`: one result per plan target whose growth can be read."""

    indicator: Indicator
    results: list[Result]
    summary: Summary
    warnings: list[Problem] = msgspec.field(default_factory=list)


class GrowthRate(msgspec.Struct):
    """`jxtargets cagr --from A --to B --years N`: plain arithmetic, % a year."""

    start: float
    end: float
    years: float
    cagr: float


class Listing(msgspec.Struct):
    """`jxtargets list`: the catalogue's targets that pass the filters."""

    catalogue: Catalogue
    targets: list[Target]


class RegionListing(msgspec.Struct):
    """`jxtargets list --regions`: each region with its number of targets."""

    counts: dict[str, int]


class IndicatorView(msgspec.Struct):
    """`jxtargets show INDICATOR`: one indicator, its targets and every reported figure."""

    catalogue: Catalogue
    indicator: Indicator
    actuals: Actuals
    warnings: list[Problem] = msgspec.field(default_factory=list)


class Validation(msgspec.Struct):
    """`jxtargets validate`: every problem of the catalogue and actuals files."""

    problems: list[Problem]
    files: int
    targets: int
    figures: int
    # Whether quotes were checked against source documents (`--seeds`).
    quotes_checked: bool = False
    quotes: int = 0  # how many quotes were looked up

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else 0


class Template(msgspec.Struct):
    """`jxtargets template YEAR`: one row per indicator the plans need in that year."""

    year: int
    rows: list[dict]


class Inputs(msgspec.Struct):
    """What a command read: the catalogue, the actuals, their paths and the loaders' warnings."""

    catalogue: Catalogue
    actuals: Actuals
    paths: list[Path]
    warnings: list[Problem] = msgspec.field(default_factory=list)

    @property
    def read(self) -> list[Path]:
        """Every file the command read, so that no output is ever written over one of them."""
        return [*self.paths, *(Path(p) for p in self.catalogue.files or [self.catalogue.path])]
