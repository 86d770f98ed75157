"""A catalogue made of several files, merged into one `Catalogue`.

The embedded catalogue is a directory: `indicators.yaml` (the region, its counties and districts,
and the indicator definitions) and `plans/<plan>.yaml` (a plan and its targets, nested under
indicator ids). A SPEC §2 single file is the one-file case. `--extend` files are layered over the
catalogue in use the same way. Every file may hold any of the SPEC §2 keys:

- `region:` is set once; a file that sets a different region clashes. `regions:` add up.
- a plan or an indicator defined in two files must be defined identically: a different
  definition (an indicator's name, name_en, unit, direction or category; any field of a plan)
  is a clash, reported with both files and lines. A repeat may add `aliases:`; its `note:` is
  not read (the first definition's stands).
- an `indicators:` entry with only `targets:` (and `table_rows:`) adds them to an indicator
  defined elsewhere.

Files of a directory are read `indicators.yaml` first, then the others sorted by path; a plan's
targets keep their order within its file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

from ..core.model import Catalogue, Indicator, Plan
from ..messages import Msg, msg
from . import fields as f
from .catalogue import TOP_KEYS, _definition, _plans, add_targets, check_aliases, check_indicator
from .errors import LoadError, Problem, Problems
from .files import display_name, expand, read_yaml_file


def load_catalogue(path: Path, check_units: bool = True, data: bytes | None = None) -> tuple[Catalogue, list[Problem]]:
    """Read and validate a catalogue: one file (SPEC §2) or a directory of files (a file per
    plan plus the shared indicator definitions). Raises LoadError with every problem found;
    returns the catalogue and any warnings."""
    return load_catalogue_set([path], check_units=check_units, contents=None if data is None else {path: data})


def build_catalogue(tree, problems: Problems, check_units: bool = True) -> Catalogue:
    """The catalogue of one file's YAML tree; problems go to `problems`."""
    return build_catalogue_set([(tree, problems)], check_units)


def load_catalogue_set(
    paths: Sequence[Path],
    extend: Sequence[Path] = (),
    check_units: bool = True,
    contents: dict[Path, bytes] | None = None,
) -> tuple[Catalogue, list[Problem]]:
    """The catalogue made of `paths` (files or directories) with `extend` layered over it.
    Raises LoadError with every problem of every file; returns the catalogue and warnings."""
    files = expand([*paths, *extend])
    fragments: list[tuple[Any, Problems]] = []
    unreadable: list[Problem] = []
    for path in files:
        try:
            fragments.append(read_yaml_file(path, (contents or {}).get(path)))
        except LoadError as exc:
            unreadable.extend(exc.problems)
    catalogue = build_catalogue_set(fragments, check_units) if fragments else Catalogue("", {}, {})
    items = unreadable + [p for _, problems in fragments for p in problems.items]
    if any(not p.warning for p in items):
        raise LoadError(items)
    catalogue.path = ", ".join(display_name(Path(p)) for p in [*paths, *extend])
    catalogue.files = tuple(str(p) for p in files)
    return catalogue, [p for p in items if p.warning]


def build_catalogue_set(fragments: Sequence[tuple[Any, Problems]], check_units: bool = True) -> Catalogue:
    """One catalogue from the YAML trees of several files, in order; problems go to each
    file's Problems."""
    builder = _Builder(check_units, single=len(fragments) == 1)
    entries = [entry for tree, problems in fragments for entry in builder.header(tree, problems)]
    if not builder.catalogue.region and fragments and not builder.single:
        fragments[0][1].add(None, "region", "catalogue.no_region")
    builder.catalogue.regions = tuple(dict.fromkeys((builder.catalogue.region, *builder.regions)))
    for entry in entries:
        builder.definition(*entry)
    for entry in entries:
        builder.targets(*entry)
    builder.finish()
    return builder.catalogue


class _Builder:
    def __init__(self, check_units: bool, single: bool):
        self.catalogue = Catalogue("", {}, {})
        self.check_units = check_units
        self.single = single
        self.regions: list[str] = []
        self.region_at = ""
        self.plan_at: dict[str, str] = {}
        # indicator id -> (Problems of the defining file, line)
        self.defined_at: dict[str, tuple[Problems, int | None]] = {}
        self.skip: set[int] = set()  # entries that cannot be read at all
        self.by_file: dict[str, Problems] = {}
        self.alias_line: dict[str, int | None] = {}

    def header(self, tree, problems: Problems) -> list[tuple[Any, Any, int | None, Problems]]:
        """Region, regions and plans of one file; its `indicators:` entries for later."""
        self.by_file.setdefault(problems.file, problems)
        if tree is None:
            problems.add(None, None, "file.empty_yaml")
            return []
        if not isinstance(tree, dict):
            problems.add(getattr(tree, "line", 1), None, "catalogue.not_a_mapping", got=f.kind(tree))
            return []
        f.unknown_keys(tree, TOP_KEYS, problems, "")
        schema = tree.get("schema", 1)
        if schema != 1:
            problems.add(f.line_of(tree, "schema"), "schema", "catalogue.schema", schema=repr(schema))
        region = f.text(tree, "region", problems, "", required=self.single)
        here = f"{problems.file}:{f.line_of(tree, 'region')}"
        if region and not self.catalogue.region:
            self.catalogue.region, self.region_at = region, here
        elif region and region != self.catalogue.region:
            problems.add(
                f.line_of(tree, "region"),
                "region",
                "catalogue.region_clash",
                region=repr(region),
                other=repr(self.catalogue.region),
                at=self.region_at,
            )
        self.regions.extend(f.names(tree, "regions", problems, ""))
        if "plans" in tree or self.single:
            raw = tree.get("plans")
            for pid, plan in _plans(raw, problems, f.line_of(tree, "plans")).items():
                self._plan(plan, problems, f.line_of(raw, pid))
        if "indicators" not in tree and not self.single:
            return []
        raw = f.mapping(tree.get("indicators"), problems, f.line_of(tree, "indicators"), "indicators")
        return [(iid, body, f.line_of(raw, iid), problems) for iid, body in (raw or {}).items()]

    def _plan(self, plan: Plan, problems: Problems, line: int | None) -> None:
        known = self.catalogue.plans.get(plan.id)
        if known is None:
            self.catalogue.plans[plan.id] = plan
            self.plan_at[plan.id] = f"{problems.file}:{line}"
        elif known != plan:
            problems.add(
                line,
                f"plans.{plan.id}",
                "catalogue.defined_differently",
                at=self.plan_at[plan.id],
                differences=_differences(plan, known),
            )

    def definition(self, iid, body, line: int | None, problems: Problems) -> None:
        if isinstance(body, dict) and set(body) <= {"targets", "table_rows"} and isinstance(iid, str):
            return  # targets (and table rows) for an indicator defined elsewhere
        indicator = _definition(iid, body, line, problems, self.check_units)
        if indicator is None:
            self.skip.add(id(body))
            return
        known = self.catalogue.indicators.get(iid)
        if known is None:
            self.catalogue.indicators[iid] = indicator
            self.defined_at[iid] = (problems, line)
            self.alias_line[iid] = f.line_of(body, "aliases")
        elif _definition_of(known) != _definition_of(indicator):
            first, first_line = self.defined_at[iid]
            problems.add(
                line,
                f"indicators.{iid}",
                "catalogue.defined_differently",
                at=f"{first.file}:{first_line}",
                differences=_differences(indicator, known),
            )
        else:  # the same indicator: a repeat may add aliases (other names its reports use)
            known.aliases = tuple(dict.fromkeys((*known.aliases, *indicator.aliases)))

    def targets(self, iid, body, line: int | None, problems: Problems) -> None:
        if id(body) in self.skip:
            return
        indicator = self.catalogue.indicators.get(iid)
        if indicator is None:
            if not self.single:
                hint = f.did_you_mean(str(iid), self.catalogue.indicators)
                problems.add(line, f"indicators.{iid}", "catalogue.undefined_indicator", hint=hint)
                return
            # One file: the entry is its own definition, and says what it lacks.
            indicator = _definition(iid, body, line, problems, self.check_units)
            if indicator is None:
                return
            self.catalogue.indicators[iid] = indicator
            self.defined_at[iid] = (problems, line)
            self.alias_line[iid] = f.line_of(body, "aliases")
        add_targets(indicator, body, line, self.catalogue, problems, self.check_units)

    def finish(self) -> None:
        for iid, indicator in self.catalogue.indicators.items():
            problems, line = self.defined_at[iid]
            check_indicator(indicator, line, problems)
        # Cross-references need every indicator first.
        check_aliases(self.catalogue, lambda iid: (self.defined_at[iid][0], self.alias_line[iid]))
        for target in self.catalogue.targets():
            if target.of is not None and target.of not in self.catalogue.indicators:
                self.by_file[target.file].add(
                    target.line,
                    f"indicators.{target.indicator}.targets.of",
                    "indicator.unknown_named",
                    name=repr(target.of),
                    hint=f.did_you_mean(target.of, self.catalogue.indicators),
                )


# What makes two definitions of an indicator the same one (its note and aliases may differ).
DEFINITION = ("name", "name_en", "unit", "direction", "category")


def _definition_of(indicator: Indicator) -> tuple:
    return tuple(getattr(indicator, name) for name in DEFINITION)


def _differences(new: Indicator | Plan, old: Indicator | Plan) -> Msg | str:
    """The message "unit '万元' here, '亿元' there; …" for the fields that differ."""
    out = []
    for fl in dataclass_fields(new):
        a, b = getattr(new, fl.name), getattr(old, fl.name)
        if (isinstance(new, Plan) and fl.compare or fl.name in DEFINITION) and a != b:
            out.append((fl.name, repr(a), repr(b)))
    said: Msg | str = ""
    for i, (name, here, there) in reversed(list(enumerate(out))):
        said = msg(
            "catalogue.difference" if i == 0 else "catalogue.difference_more",
            field=name,
            here=here,
            there=there,
            more=said,
        )
    return said


__all__ = ["load_catalogue", "build_catalogue", "load_catalogue_set", "build_catalogue_set"]
