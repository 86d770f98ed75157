"""The entries of one catalogue file (SPEC §2): plans, indicator definitions and targets, each
validated with its line. `catalogue_set.py` reads the files of a catalogue and merges them
(`load_catalogue`, `build_catalogue`)."""

from __future__ import annotations

import re
from typing import cast

from ..core.kinds import KINDS, MEASURES, OPS, SPECS, Kind
from ..core.model import ATTRIBUTES, BASES, DIRECTIONS, Catalogue, Indicator, Plan, Source, Target
from . import fields as f
from .errors import LoadError, Problems
from .table_labels import add_table_rows, read_label

TOP_KEYS = ("schema", "region", "regions", "plans", "indicators")
PLAN_KEYS = ("name", "name_en", "baseline_year", "target_year", "doc", "doc_title", "note")
INDICATOR_KEYS = (
    "name",
    "name_en",
    "unit",
    "direction",
    "category",
    "note",
    "aliases",
    "growth_basis",
    "growth_basis_source",
    "targets",
    "table_rows",
)
TARGET_KEYS = (
    "plan",
    "kind",
    "op",
    "value",
    "unit",
    "baseline",
    "baseline_source",
    "baseline_year",
    "target_year",
    "attribute",
    "basis",
    "tolerance",
    "stretch",
    "region",
    "task",
    "lead",
    "partners",
    "note",
    "source",
    "factor",
    "of",
    "measure",
    "every_year",
    "table",
)
SOURCE_KEYS = ("doc", "where", "quote")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


def _plans(raw, problems: Problems, line) -> dict[str, Plan]:
    plans: dict[str, Plan] = {}
    raw = f.mapping(raw, problems, line, "plans")
    for pid, body in (raw or {}).items():
        where = f"plans.{pid}"
        body = f.mapping(body, problems, f.line_of(raw, pid), where)
        if body is None:
            continue
        f.unknown_keys(body, PLAN_KEYS, problems, where)
        name = f.text(body, "name", problems, where, required=True)
        name_en = f.text(body, "name_en", problems, where) or str(pid)
        start = f.year_field(body, "baseline_year", problems, where, required=True)
        end = f.year_field(body, "target_year", problems, where, required=True)
        if start is not None and end is not None and end <= start:
            problems.add(f.line_of(body, "target_year"), f"{where}.target_year", "plan.target_year_early")
        doc_title = f.text(body, "doc_title", problems, where)
        if doc_title is not None and not body.get("doc"):
            problems.add(f.line_of(body, "doc_title"), f"{where}.doc_title", "plan.doc_title_needs_doc")
        if name and start and end:
            at = (problems.file, f.line_of(body, "doc_title") or f.line_of(raw, pid) or 0)
            plans[str(pid)] = Plan(str(pid), name, name_en, start, end, body.get("doc"), doc_title, at)
    return plans


def _definition(iid, body, line, problems: Problems, check_units: bool) -> Indicator | None:
    """The indicator an `indicators:` entry defines (its targets are read later)."""
    where = f"indicators.{iid}"
    if not isinstance(iid, str) or not _ID.match(iid):
        problems.add(line, where, "indicator.id_not_snake_case")
        return None
    body = f.mapping(body, problems, line, where)
    if body is None:
        return None
    f.unknown_keys(body, INDICATOR_KEYS, problems, where)
    name = f.text(body, "name", problems, where, required=True)
    name_en = f.text(body, "name_en", problems, where, required=True)
    unit = f.text(body, "unit", problems, where)
    direction = f.choice(body, "direction", DIRECTIONS, problems, where, required=True)
    category = f.text(body, "category", problems, where, required=True)
    if unit is not None and check_units:
        _check_unit(unit, problems, f.line_of(body, "unit"), f"{where}.unit")
    indicator = Indicator(iid, name or iid, name_en or iid, unit, direction or "up", category or "", body.get("note"))
    indicator.aliases = _aliases(body, problems, where)
    # The price basis its growth is reported at, only where a document says so (cite it).
    indicator.growth_basis = f.choice(body, "growth_basis", BASES, problems, where)
    if indicator.growth_basis is not None and "growth_basis_source" not in body:
        problems.add(f.line_of(body, "growth_basis"), f"{where}.growth_basis_source", "indicator.basis_uncited")
    if "growth_basis_source" in body:
        key, sline = f"{where}.growth_basis_source", f.line_of(body, "growth_basis_source")
        indicator.growth_basis_source = _source(body["growth_basis_source"], problems, sline, key)
        indicator.growth_basis_at = (problems.file, sline or 0)
    return indicator


def add_targets(
    indicator: Indicator, body: dict, line, catalogue: Catalogue, problems: Problems, check_units: bool
) -> None:
    """The targets of one `indicators:` entry, appended to `indicator`."""
    where = f"indicators.{indicator.id}"
    targets = body.get("targets") or []
    if not isinstance(targets, list):
        problems.add(f.line_of(body, "targets"), f"{where}.targets", "indicator.targets_not_a_list")
        targets = []
    for i, t in enumerate(targets):
        tline = targets.lines[i] if hasattr(targets, "lines") else line
        target = _target(indicator, t, tline, f"{where}.targets[{i + 1}]", catalogue, problems, check_units)
        if target is not None:
            target.file = problems.file
            indicator.targets.append(target)
    add_table_rows(indicator, body, catalogue, problems, _source)


def check_indicator(indicator: Indicator, line, problems: Problems) -> None:
    """What needs all of an indicator's targets, from every file."""
    if indicator.unit is None and any(t.kind != "milestone" for t in indicator.targets):
        problems.add(line, f"indicators.{indicator.id}.unit", "indicator.unit_missing")


def _aliases(body, problems: Problems, where: str) -> tuple[str, ...]:
    raw = body.get("aliases")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
        problems.add(f.line_of(body, "aliases"), f"{where}.aliases", "indicator.aliases_not_names")
        return ()
    return tuple(dict.fromkeys(a.strip() for a in raw))


def check_aliases(catalogue: Catalogue, locate) -> None:
    """An alias names one indicator only: never two, never another indicator's name.
    `locate(id)` gives the Problems of the file defining an indicator and its aliases' line."""
    names: dict[str, list[str]] = {}
    for indicator in catalogue.indicators.values():
        names.setdefault(indicator.name, []).append(indicator.id)
    owner: dict[str, str] = {}
    for indicator in catalogue.indicators.values():
        key = f"indicators.{indicator.id}.aliases"
        for alias in indicator.aliases:
            others = [i for i in names.get(alias, ()) if i != indicator.id]
            if others:
                problems, line = locate(indicator.id)
                problems.add(line, key, "alias.is_a_name", alias=repr(alias), other=others[0])
            elif alias in owner and owner[alias] != indicator.id:
                problems, line = locate(indicator.id)
                problems.add(line, key, "alias.twice", alias=repr(alias), other=owner[alias])
            else:
                owner[alias] = indicator.id


def _check_unit(unit: str, problems: Problems, line, key) -> None:
    from .units import UnitError, parse_unit

    try:
        parse_unit(unit)
    except UnitError as exc:
        problems.add(line, key, exc.msg)


def _target(
    indicator: Indicator, t, line, where, catalogue: Catalogue, problems: Problems, check_units: bool
) -> Target | None:
    t = f.mapping(t, problems, line, where)
    if t is None:
        return None
    f.unknown_keys(t, TARGET_KEYS, problems, where)
    plan_id = t.get("plan")
    plan = catalogue.plans.get(plan_id) if isinstance(plan_id, str) else None
    if plan is None:
        hint = f.did_you_mean(str(plan_id), catalogue.plans)
        problems.add(f.line_of(t, "plan"), f"{where}.plan", "plan.unknown", plan=repr(plan_id), hint=hint)
    kind = f.choice(t, "kind", KINDS, problems, where, required=True)
    target = Target(plan=str(plan_id), indicator=indicator.id, kind=cast(Kind, kind or "level"), line=line or 0)
    target.baseline_year = f.year_field(t, "baseline_year", problems, where) or (plan.baseline_year if plan else 0)
    target.target_year = f.year_field(t, "target_year", problems, where) or (plan.target_year if plan else 0)
    if plan and target.target_year <= target.baseline_year:
        problems.add(f.line_of(t, "target_year"), f"{where}.target_year", "target.target_year_early")
    target.attribute = f.choice(t, "attribute", ATTRIBUTES, problems, where)
    target.basis = f.choice(t, "basis", BASES, problems, where)
    target.task = f.text(t, "task", problems, where)
    target.lead = f.names(t, "lead", problems, where)
    target.partners = f.names(t, "partners", problems, where)
    target.note = f.text(t, "note", problems, where)
    target.source = _source(t.get("source"), problems, f.line_of(t, "source"), f"{where}.source")
    if "table" in t:
        target.table = read_label(t["table"], f.line_of(t, "table"), where, target.source, problems)
    region = f.text(t, "region", problems, where)
    if region is not None and region != catalogue.region:
        if region not in catalogue.regions:
            hint = f.did_you_mean(region, catalogue.regions)
            problems.add(f.line_of(t, "region"), f"{where}.region", "region.unknown", region=repr(region), hint=hint)
        target.region = region
    if kind == "milestone":
        _milestone_stretch(target, t, where, problems)
        return target

    scale = 1.0
    unit = f.text(t, "unit", problems, where)
    if unit is not None and unit != indicator.unit and indicator.unit is not None:
        scale = _scale(unit, indicator.unit, problems, f.line_of(t, "unit"), f"{where}.unit")
    target.op = f.choice(t, "op", OPS, problems, where, required=kind != "external")
    target.measure = cast("Kind | None", f.choice(t, "measure", MEASURES, problems, where))  # before value
    raw_value = t.get("value")
    # Each number in the unit its key is in; a unit written after it is converted or refused.
    level = _Into(indicator, unit, scale)
    rate = _Into(indicator, None, 1.0, ("倍",) if kind == "multiple" else _PERCENT)
    as_value = level if SPECS[target.rule].value_scaled else rate
    line_v = f.line_of(t, "value")
    if target.op == "range":
        if isinstance(raw_value, list) and len(raw_value) == 2:
            lo, hi = (level.read(raw_value[i], line_v, f"{where}.value[{i + 1}]", problems) for i in (0, 1))
            if lo is not None and hi is not None:
                if lo > hi:
                    problems.add(line_v, f"{where}.value", "target.range_order")
                target.value = (lo, hi)
        else:
            problems.add(line_v, f"{where}.value", "target.range_needs_two")
    elif raw_value is not None:
        target.value = as_value.read(raw_value, line_v, f"{where}.value", problems)
    # A tolerance is not scaled by `unit:` (as before); a unit written after it is converted.
    if indicator.unit in _PERCENT or not SPECS[target.rule].value_scaled:
        tolerance = _Into(indicator, None, 1.0, _PERCENT)
    else:
        tolerance = _Into(indicator, None, 1.0)
    for key, into in (
        ("baseline", level),
        ("stretch", rate if kind == "multiple" else as_value),
        ("tolerance", tolerance),
        ("factor", _Into(indicator, None, 1.0, ("倍",))),
    ):
        if t.get(key) is not None:
            value = into.read(t[key], f.line_of(t, key), f"{where}.{key}", problems)
            if value is not None:
                setattr(target, key, value)
    target.of = f.text(t, "of", problems, where)
    if "baseline_source" in t:
        _source(t["baseline_source"], problems, f.line_of(t, "baseline_source"), f"{where}.baseline_source")
    _check_kind(target, t, where, problems)
    _every_year(target, t, where, problems)
    return target


def _milestone_stretch(target: Target, t, where: str, problems: Problems) -> None:
    """A milestone has no figure to stretch to: `stretch: true` marks a 力争/争取 milestone."""
    if "stretch" not in t:
        return
    if t["stretch"] is True:
        target.aim = True
    else:
        problems.add(f.line_of(t, "stretch"), f"{where}.stretch", "target.milestone_stretch", got=repr(t["stretch"]))


def _every_year(target: Target, t, where: str, problems: Problems) -> None:
    """`every_year: true` (每年…以上: each year's figure) or `every_year: mean` (年均: the mean of
    the yearly figures). Each year applies to a level or a growth rate, the mean to a level."""
    if "every_year" not in t:
        return
    raw, line, key = t["every_year"], f.line_of(t, "every_year"), f"{where}.every_year"
    if raw is True:
        target.every_year = "each"
    elif raw == "mean":
        target.every_year = "mean"
    else:
        problems.add(line, key, "target.every_year_value", got=repr(raw))
        return
    allowed = ("level", "cagr") if target.every_year == "each" else ("level",)
    if target.rule not in allowed:
        code = "target.every_year_each" if target.every_year == "each" else "target.every_year_mean"
        problems.add(line, key, code, kind=target.rule)


_PERCENT = ("%", "个百分点")


class _Into:
    """How a catalogue number is read: in the indicator's unit (`unit:` of the target, scaled by
    `scale`, when no unit is written after the number; a written unit is converted with the one
    pint registry), or, with no indicator unit to convert to, as a plain number that may carry
    only one of `words` (% for a rate, 倍 for a factor). A number is never read without what
    follows it: 0.9万亿元 is 9000 亿元, and 5O00 or 10\u200b00 are errors."""

    def __init__(
        self, indicator: Indicator, unit: str | None, scale: float, words: tuple[str, ...] | None = None
    ) -> None:
        self.indicator, self.unit, self.scale, self.words = indicator, unit, scale, words

    def read(self, raw: object, line: int | None, key: str, problems: Problems) -> float | None:
        from .numbers import NumberError, parse_number

        try:
            value, written = parse_number(raw)
        except NumberError as exc:
            problems.add(line, key, exc.msg)
            return None
        if written is None:
            return value * self.scale
        if self.words is not None:
            if written in self.words:
                return value
            problems.add(line, key, "target.word_after_number", written=repr(written), word=self.words[0])
            return None
        if self.unit is not None and written != self.unit:
            problems.add(line, key, "target.two_units", written=repr(written), unit=repr(self.unit))
            return None
        to = self.indicator.unit
        if to is None:
            problems.add(line, key, "target.indicator_has_no_unit", id=self.indicator.id, unit=repr(written))
            return None
        if written == to:
            return value
        from .units import UnitError, factor

        try:
            return value * factor(written, to)
        except UnitError as exc:
            problems.add(line, key, "unit.indicator_is_in", error=exc.msg, id=self.indicator.id, unit=to)
            return None


def _scale(unit: str, to: str, problems: Problems, line, key) -> float:
    from .units import UnitError, factor

    try:
        return factor(unit, to)
    except UnitError as exc:
        problems.add(line, key, exc.msg)
        return 1.0


def _check_kind(target: Target, t, where: str, problems: Problems) -> None:
    kind, line = target.kind, t.line
    given = t.get("value") is not None or t.get("stretch") is not None  # if unreadable: said already
    if SPECS[kind].needs_value and target.value is None and target.stretch is None and not given:
        problems.add(line, f"{where}.value", "target.needs_value", kind=kind)
    if kind == "multiple" and target.factor is None and target.stretch is None:
        problems.add(line, f"{where}.factor", "target.needs_factor")
    if kind == "relative" and target.of is None:
        problems.add(line, f"{where}.of", "target.needs_of")
    ops = SPECS[kind].ops
    if kind != "milestone" and target.op is not None and target.op not in ops:
        problems.add(line, f"{where}.op", "target.op", kind=kind, ops=", ".join(ops))
    elif kind == "relative" and target.op is None:
        problems.add(line, f"{where}.op", "target.op", kind=kind, ops=", ".join(ops))
    if kind == "external" and target.measure is None:
        problems.add(line, f"{where}.measure", "target.needs_measure")
    if kind == "external" and target.value is not None and target.op is None:
        problems.add(line, f"{where}.op", "target.external_needs_op")


def _source(raw, problems: Problems, line, where) -> Source | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        return Source(raw)
    raw = f.mapping(raw, problems, line, where)
    if raw is None:
        return None
    f.unknown_keys(raw, SOURCE_KEYS, problems, where)
    doc = f.text(raw, "doc", problems, where, required=True)
    return Source(doc or "", f.text(raw, "where", problems, where) or "", f.text(raw, "quote", problems, where) or "")


__all__ = ["add_targets", "check_indicator", "check_aliases", "LoadError"]
