"""The model: plans, indicators, targets and reported figures.

Plain dataclasses with slots: cheap to build by the hundred thousand, cheap to pickle into the
catalogue cache, and free of any I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Re-exported: the loaders validate against them. They are defined with the kinds (kinds.py).
from .kinds import KINDS as KINDS
from .kinds import OPS as OPS
from .kinds import SINCE_FIGURES as SINCE_FIGURES
from .kinds import Kind

DIRECTIONS = ("up", "down")
ATTRIBUTES = ("expected", "binding")
BASES = ("comparable", "current")


class _Compact:
    """Pickles as the class and a tuple of its fields: unpickling then calls the constructor,
    several times faster than restoring slots one attribute at a time (the catalogue cache is
    read on every call). The fields are read by one operator.attrgetter per class, made on first
    use (pickling 100,000 figures: 322 -> 138 ms)."""

    __slots__ = ()
    _fields_of: dict = {}

    def __reduce__(self):
        cls = self.__class__
        get = _Compact._fields_of.get(cls)
        if get is None:
            get = _Compact._fields_of[cls] = _fields_getter(cls.__slots__)
        return (cls, get(self))


def _fields_getter(names: tuple[str, ...]):
    """A function of an object giving the tuple of its attributes `names`."""
    import operator

    if len(names) == 1:  # attrgetter of one name gives the value itself, not a tuple
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    if not names:
        return lambda obj: ()
    return operator.attrgetter(*names)


@dataclass(frozen=True, slots=True)
class Source(_Compact):
    doc: str
    where: str = ""
    quote: str = ""


@dataclass(slots=True)
class Plan(_Compact):
    id: str
    name: str
    name_en: str
    baseline_year: int
    target_year: int
    doc: str | None = None


@dataclass(slots=True)
class Target(_Compact):
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

    @property
    def rule(self) -> Kind:
        """The kind whose arithmetic judges this target (an external target's `measure`)."""
        if self.kind == "external":
            return self.measure or "level"
        return self.kind


@dataclass(slots=True)
class Indicator(_Compact):
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

    @property
    def is_share(self) -> bool:
        """A %, ‰ or pp indicator: progress is measured on a straight path, not a geometric one."""
        return self.unit in ("%", "‰", "个百分点")


@dataclass(slots=True)
class Catalogue(_Compact):
    region: str
    plans: dict[str, Plan]
    indicators: dict[str, Indicator]
    regions: tuple[str, ...] = ()
    schema: int = 1
    path: str = ""
    digest: str = ""  # of the catalogue file's content: keys caches built against it

    def targets(self):
        for indicator in self.indicators.values():
            yield from indicator.targets


@dataclass(slots=True)
class Figure(_Compact):
    """What one release reports for one indicator, region and year."""

    indicator: str
    region: str
    year: int
    value: float | None = None
    growth: float | None = None
    since: dict[int, dict[str, float]] = field(default_factory=dict)
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


@dataclass(slots=True)
class Actuals:
    """Reported figures from one or more releases, indexed by (indicator, region) then year."""

    figures: dict[tuple[str, str], dict[int, Figure]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    files: list[str] = field(default_factory=list)

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
