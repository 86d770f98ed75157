"""What extraction produces: figures tied to a quote, and numbers left out with a reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import Msg

# The fields of one figure, as in an actuals file (SPEC §3): a level, a growth rate on the
# previous year, or a figure since a start year.
SINCE_FIELDS = ("cagr", "change", "annual_change", "total", "reduction")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a sentence is: document, line, section heading and paragraph lead."""

    doc: str
    line: int
    where: str


@dataclass(frozen=True, slots=True)
class Found:
    """One figure: `field` is value, growth, or a since-figure (cagr, change, total …)."""

    indicator: str
    field: str
    value: float
    place: Place
    quote: str
    year: int
    region: str | None = None  # None: the catalogue's region (the whole city)
    unit: str | None = None  # a level's unit as written, when it is not the indicator's
    since: int | None = None  # start year of a since-figure
    basis: str | None = None  # comparable | current, for growth rates
    bound: str | None = None  # lower | upper: the report gives only a bound
    revision: bool = False  # an earlier year's figure revised in this release


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A number that could not be tied to exactly one indicator, unit and year."""

    number: str
    reason: Msg
    sentence: str
    place: Place


@dataclass(slots=True)
class Extraction:
    year: int
    docs: list[str] = field(default_factory=list)
    figures: list[Found] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
