"""The extraction as an actuals file (SPEC §3) and the report of left-out numbers."""

from __future__ import annotations

from ..messages import say
from .model import Extraction, Found, LeftOut

_ORDER = ("value", "unit", "bound", "growth", "since", "done", "source", "note")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _entry(figures: list[Found], lang: str) -> dict:
    """One indicator's figures from one release, merged into one mapping."""
    entry: dict = {}
    quotes: list[Found] = []
    for f in figures:
        if f.field == "value":
            entry["value"] = _number(f.value)
            if f.unit:
                entry["unit"] = f.unit
            if f.bound:
                entry["bound"] = f.bound
        elif f.field == "done":
            entry["done"] = True
        elif f.field == "growth":
            entry["growth"] = {"value": _number(f.value), "basis": f.basis} if f.basis else _number(f.value)
        else:
            entry.setdefault("since", {}).setdefault(f.since, {})[f.field] = _number(f.value)
        if all(q.quote != f.quote for q in quotes):
            quotes.append(f)
    main = quotes[0]
    entry["source"] = {"doc": main.place.doc, "where": main.place.where, "quote": main.quote}
    if len(quotes) > 1:
        entry["note"] = "; ".join(
            say(
                "extract.note_from",
                lang,
                fields="/".join(_fields(figures, q.quote)),
                where=q.place.where,
                line=q.place.line,
                quote=q.quote,
            )
            for q in quotes[1:]
        )
    return {k: entry[k] for k in _ORDER if k in entry}


def _fields(figures: list[Found], quote: str) -> list[str]:
    return [f.field if f.since is None else f"since {f.since} {f.field}" for f in figures if f.quote == quote]


def actuals_tree(result: Extraction, lang: str = "zh") -> dict:
    """The actuals mapping: values (the city), regions, revisions."""
    groups: dict[tuple, list[Found]] = {}
    for f in result.figures:
        groups.setdefault((f.revision, f.year, f.region, f.indicator), []).append(f)
    tree: dict = {"year": result.year, "source": "; ".join(result.docs) + " (jxtargets extract)", "values": {}}
    for (revision, year, region, indicator), figures in groups.items():
        entry = _entry(figures, lang)
        if revision:
            tree.setdefault("revisions", {}).setdefault(year, {})[indicator] = entry
        elif region is None:
            tree["values"][indicator] = entry
        else:
            tree.setdefault("regions", {}).setdefault(region, {})[indicator] = entry
    return tree


def actuals_yaml(result: Extraction, lang: str = "zh") -> str:
    """The actuals file, its head comments and notes in `lang`."""
    import yaml

    head = "".join(
        f"# {say(code, lang, **params)}\n"
        for code, params in (
            ("extract.head_figures", {"year": result.year, "docs": ", ".join(result.docs)}),
            ("extract.head_quotes", {"left": len(result.left_out)}),
            ("extract.head_review", {}),
        )
    )
    body = yaml.safe_dump(actuals_tree(result, lang), allow_unicode=True, sort_keys=False, width=100000)
    return head + body


def report_line(item: LeftOut, lang: str = "zh") -> str:
    return f"{item.place.doc}:{item.place.line}: {item.number}: {item.reason.text(lang)} — {item.sentence}"


def report_text(result: Extraction, lang: str = "zh") -> str:
    """The left-out numbers, one a line with the reason in `lang`, and the counts."""
    lines = [report_line(item, lang) for item in result.left_out]
    lines.append(say("extract.summary", lang, figures=len(result.figures), left=len(result.left_out)))
    return "\n".join(lines) + "\n"
