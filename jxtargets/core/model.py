"""The model: plans, indicators, targets and reported figures.

msgspec Structs (a plan and an indicator stay dataclasses: their definitions are compared field
by field across catalogue files): free of any I/O, and plain data only (typed fields of str,
numbers, tuples, lists, dicts and these classes), so that the data cache (loading/cache.py)
stores them as MessagePack and decodes them back into these types. Structs rather than
dataclasses because a dataclass is built at import by generating and compiling its methods
(about 1 ms each, a fifth of a check's start-up) and a Struct is not; a target and a figure,
built by the ten thousand, are also stored as compact arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import msgspec

# Re-exported: the loaders validate against them. They are defined with the kinds (kinds.py).
from .kinds import KINDS as KINDS
from .kinds import OPS as OPS
from .kinds import SINCE_FIGURES as SINCE_FIGURES
from .kinds import Kind

DIRECTIONS = ("up", "down")
ATTRIBUTES = ("expected", "binding")
BASES = ("comparable", "current")  # price basis of a growth rate: 可比价 | 当年价
BOUNDS = ("lower", "upper")  # a figure given only as a bound: 突破/超过/以上 | 以下/不到


class Source(msgspec.Struct, frozen=True, array_like=True, omit_defaults=True):
    doc: str
    where: str = ""
    quote: str = ""


class TableLabel(msgspec.Struct, frozen=True):
    """How a plan's own table prints a target's row, quoted from it: the table's group (its 类别
    cell: 经济发展, 资源环境), the row's 指标 cell (with the unit the table writes: 发明专利授权量（项）)
    and, for a sub-row, the merged cell it stands under (主要污染物排放总量减少（%）)."""

    group: str | None = None
    row: str | None = None
    parent: str | None = None


class TableRow(msgspec.Struct):
    """A row of a plan's table that sets no target (its target cell is empty) but reports a
    figure: the completion table prints it as the plan did, with the figure as `measure`."""

    plan: str
    indicator: str
    measure: Kind
    table: TableLabel
    source: Source | None = None
    note: str | None = None
    line: int = 0
    file: str = ""


@dataclass(slots=True)
class Plan:
    id: str
    name: str
    name_en: str
    baseline_year: int
    target_year: int
    doc: str | None = None
    # The title of `doc` where the plan is not the document itself (fyp13's 表1 is printed in
    # the 14th FYP outline): reports name a source document by it, else by the plan's name.
    doc_title: str | None = None
    # Where the catalogue defines it (file, line), for messages; not part of what it is.
    at: tuple[str, int] = field(default=("", 0), compare=False)


class Target(msgspec.Struct, array_like=True, omit_defaults=True):
    plan: str
    indicator: str
    kind: Kind
    op: str | None = None
    value: float | tuple[float, float] | None = None
    baseline: float | None = None
    baseline_year: int = 0
    target_year: int = 0
    attribute: str | None = None
    basis: str | None = None
    tolerance: float | None = None
    stretch: float | None = None
    region: str | None = None
    task: str | None = None
    lead: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    note: str | None = None
    source: Source | None = None
    factor: float | None = None
    of: str | None = None
    measure: Kind | None = None
    line: int = 0
    every_year: str | None = None  # "each" (每年…以上) or "mean" (年均): see core/yearly.py
    aim: bool = False  # a 力争/争取 milestone (`stretch: true`): reported, never required
    file: str = ""  # the catalogue file that holds it (a catalogue may be a directory of files)
    table: TableLabel | None = None  # the row as the plan's own table prints it

    @property
    def rule(self) -> Kind:
        """The kind whose arithmetic judges this target (an external target's `measure`)."""
        if self.kind == "external":
            return self.measure or "level"
        return self.kind


@dataclass(slots=True)
class Indicator:
    id: str
    name: str
    name_en: str
    unit: str | None
    direction: str
    category: str
    note: str | None = None
    targets: list[Target] = field(default_factory=list)
    # Other names reports use for it (社零 for 社会消费品零售总额); each belongs to one indicator.
    aliases: tuple[str, ...] = ()
    # The price basis its growth is conventionally reported at, used where a figure says nothing,
    # with the document that states it and where the catalogue says so (file, line).
    growth_basis: str | None = None
    growth_basis_source: Source | None = None
    growth_basis_at: tuple[str, int] = ("", 0)
    # Rows of plans' own tables that name it but set no target (表1's 氮氧化物).
    table_rows: list[TableRow] = field(default_factory=list)

    @property
    def is_share(self) -> bool:
        """A %, ‰ or pp indicator: progress is measured on a straight path, not a geometric one."""
        return self.unit in ("%", "‰", "个百分点")


class Catalogue(msgspec.Struct):
    region: str
    plans: dict[str, Plan]
    indicators: dict[str, Indicator]
    regions: tuple[str, ...] = ()
    schema: int = 1
    path: str = ""
    digest: str = ""  # of the catalogue file's content: keys caches built against it
    files: tuple[str, ...] = ()  # every file it was read from (a catalogue may be a directory)

    def targets(self):
        for indicator in self.indicators.values():
            yield from indicator.targets


class Figure(msgspec.Struct, array_like=True, omit_defaults=True):
    """What one release reports for one indicator, region and year.

    A msgspec Struct rather than a dataclass: a file gives figures by the hundred thousand, and a
    Struct is built, cached (as a compact array) and read back several times faster."""

    indicator: str
    region: str
    year: int
    value: float | None = None
    growth: float | None = None
    since: dict[int, dict[str, float]] = {}
    done: bool | None = None
    note: str | None = None
    source: Source | str | None = None
    file: str = ""
    line: int = 0
    # Set when a later release revised this figure: the figure as first published.
    revised_from: float | None = None
    revised_in: str | None = None
    # The same figure as another document gives it: (value, note, source).
    alternatives: tuple[tuple[float, str, Source | str | None], ...] = ()
    # "lower" when the report gives `value` only as a lower bound (突破10万元), "upper" for 以下.
    bound: str | None = None
    # The price basis of `growth`, and of the `cagr` reported under `since` (by start year).
    growth_basis: str | None = None
    since_basis: dict[int, str] = {}
    # "lower" / "upper" when the figures reported `since` a start year are only bounds
    # (培训 300 万人次以上: a total of at least 300), by start year.
    since_bound: dict[int, str] = {}


class Actuals(msgspec.Struct):
    """Reported figures from one or more releases, indexed by (indicator, region) then year."""

    figures: dict[tuple[str, str], dict[int, Figure]] = msgspec.field(default_factory=dict)
    years: set[int] = msgspec.field(default_factory=set)
    files: list[str] = msgspec.field(default_factory=list)
    # Each file's own top-level `source:` (what the release as a whole is taken from), by path,
    # for the files that state one.
    file_sources: dict[str, str] = msgspec.field(default_factory=dict)
    # Series breaks: (indicator, region) -> the years from which the series is on a new basis
    # (a census re-basing): figures before and from such a year are not comparable.
    breaks: dict[tuple[str, str], set[int]] = msgspec.field(default_factory=dict)

    def add_break(self, indicator: str, region: str, year: int) -> None:
        self.breaks.setdefault((indicator, region), set()).add(year)

    def break_between(self, indicator: str, region: str, start: int, end: int) -> int | None:
        """The first declared break of the series after `start` and at or before `end`."""
        years = [y for y in self.breaks.get((indicator, region), ()) if start < y <= end]
        return min(years) if years else None

    def add(self, figure: Figure) -> None:
        self.figures.setdefault((figure.indicator, figure.region), {})[figure.year] = figure
        self.years.add(figure.year)

    def get(self, indicator: str, region: str, year: int) -> Figure | None:
        series = self.figures.get((indicator, region))
        return series.get(year) if series else None

    def series(self, indicator: str, region: str) -> dict[int, Figure]:
        return self.figures.get((indicator, region), {})

    def level(self, indicator: str, region: str, year: int) -> float | None:
        figure = self.get(indicator, region, year)
        return figure.value if figure else None

    @property
    def latest_year(self) -> int | None:
        return max(self.years) if self.years else None
