"""`jxtargets plan import`: read a table, build the targets, render the YAML (no writing)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.model import Catalogue
from ..loading.errors import LoadError, Problem
from .build import Imported, Importer, apply_notes
from .emit import actuals_yaml, catalogue_yaml
from .table import read_table


@dataclass
class PlanImport:
    """What `plan import` produces: the catalogue YAML, the actuals YAML of a completion table
    (None when the table has no 完成情况 columns), the cells left for the user, and the rows."""

    catalogue_yaml: str
    actuals_yaml: str | None
    problems: list[Problem]
    imported: Imported


def parse_years(text: str | None) -> tuple[int, int] | None:
    """`2025:2030` → (2025, 2030)."""
    if not text:
        return None
    parts = text.replace("-", ":").replace("：", ":").split(":")
    try:
        start, end = (int(p) for p in parts)
    except ValueError:
        raise LoadError([Problem.of("--years", None, None, "import.years_syntax", text=repr(text))]) from None
    if not (1900 <= start < end <= 2200):
        raise LoadError([Problem.of("--years", None, None, "import.years_order", text=repr(text))])
    return start, end


def import_plan(
    table: Path,
    plan: str,
    name: str,
    catalogue: Catalogue | None,
    region: str | None = None,
    years: tuple[int, int] | None = None,
    doc: str | None = None,
    which: str | None = None,
    command: str = "jxtargets plan import",
    lang: str = "zh",
) -> PlanImport:
    import re

    if not re.fullmatch(r"[a-z][a-z0-9_]*", plan):
        raise LoadError([Problem.of("--plan", None, None, "import.plan_id", plan=repr(plan))])
    read = read_table(table, which)
    doc = doc or table.name
    home = catalogue.region if catalogue else None
    known = set(catalogue.regions) if catalogue else set()
    standalone = region is not None and region != home and region not in known
    target_region = region if region is not None and region != home and region in known else None
    importer = Importer(read, catalogue, plan, doc, standalone)
    imported = importer.run(years)
    if any(p.line is None for p in imported.problems):  # the header itself cannot be read
        raise LoadError(imported.problems)
    apply_notes(imported)
    text = catalogue_yaml(
        imported, catalogue, plan, name, region if standalone else target_region, standalone, doc, command, lang
    )
    return PlanImport(text, actuals_yaml(imported, doc, command, lang), imported.problems, imported)


__all__ = ["PlanImport", "import_plan", "parse_years"]
