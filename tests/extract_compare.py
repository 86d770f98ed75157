"""Recall and precision of `jxtargets extract` against a hand-made actuals file (issue 16)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from jxtargets.core.model import Catalogue
from jxtargets.extract.model import Extraction
from jxtargets.loading.units import factor

Key = tuple[str | None, str, str, int | None]  # region, indicator, field, since year


@dataclass
class Comparison:
    expected: dict[Key, list[float]]
    found: dict[Key, float]
    matched: list[Key] = field(default_factory=list)
    wrong: list[tuple[Key, float, list[float]]] = field(default_factory=list)
    extra: list[tuple[Key, float]] = field(default_factory=list)
    missed: list[Key] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.matched) / len(self.expected)

    @property
    def precision(self) -> float:
        return len(self.matched) / len(self.found) if self.found else 1.0


def _in_unit(catalogue: Catalogue, indicator: str, value: float, unit: str | None) -> float:
    own = catalogue.indicators[indicator].unit
    return value * factor(unit, own) if unit and own and unit != own else value


def _growth(raw) -> float:
    return float(raw["value"]) if isinstance(raw, dict) else float(raw)


def expected_figures(path: Path, doc: str, catalogue: Catalogue) -> dict[Key, list[float]]:
    """The figures of a hand-made actuals file that cite `doc`: (region, indicator, field,
    since) → accepted values (the figure, and any `alt:` the same document gives)."""
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[Key, list[float]] = {}
    groups = [(None, tree.get("values") or {})]
    groups += [(region, body) for region, body in (tree.get("regions") or {}).items()]
    for region, values in groups:
        for indicator, raw in values.items():
            if not isinstance(raw, dict):
                continue
            alts = [a for a in raw.get("alt") or [] if (a.get("source") or {}).get("doc") == doc]
            if (raw.get("source") or {}).get("doc") != doc:
                for alt in alts:  # the document gives only an alternative figure
                    out.setdefault((region, indicator, "value", None), []).append(float(alt["value"]))
                continue
            unit = raw.get("unit")
            if raw.get("value") is not None:
                accepted = [_in_unit(catalogue, indicator, float(raw["value"]), unit)]
                accepted += [float(a["value"]) for a in alts]
                out[(region, indicator, "value", None)] = accepted
            if raw.get("growth") is not None:
                out[(region, indicator, "growth", None)] = [_growth(raw["growth"])]
            for since, figures in (raw.get("since") or {}).items():
                for kind, value in figures.items():
                    unit_ok = kind == "total" and unit
                    v = _in_unit(catalogue, indicator, float(value), unit) if unit_ok else float(value)
                    out[(region, indicator, kind, int(since))] = [v]
            if raw.get("done") is not None:
                out[(region, indicator, "done", None)] = [float(bool(raw["done"]))]
    return out


def compare(result: Extraction, expected: dict[Key, list[float]], catalogue: Catalogue) -> Comparison:
    found: dict[Key, float] = {}
    for f in result.figures:
        value = f.value
        if f.field in ("value", "total") and f.unit:
            value = _in_unit(catalogue, f.indicator, f.value, f.unit)
        found[(f.region, f.indicator, f.field, f.since)] = value
    c = Comparison(expected, found)
    for key, value in found.items():
        accepted = expected.get(key)
        if accepted is None:
            c.extra.append((key, value))
        elif any(abs(value - a) <= 1e-9 * max(1.0, abs(a)) for a in accepted):
            c.matched.append(key)
        else:
            c.wrong.append((key, value, accepted))
    c.missed = [k for k in expected if k not in found]
    return c
