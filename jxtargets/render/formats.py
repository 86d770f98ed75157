"""Machine formats of check results: JSON, CSV and Markdown, from the same records."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.kinds import OP_SYMBOL
from . import words
from .records import FIELDS
from .safe import csv_cell, md_rows

FLAT_FIELDS = tuple(f for f in FIELDS if f != "source") + ("source_doc", "source_where", "source_quote")


def to_json(records: Iterable[dict], summary: dict) -> str:
    """One object, one result per line, each compact. Encoded by msgspec (already loaded for the
    data cache; json's encoder took a quarter of a 20,000-result check) into one buffer, record by
    record, so that neither the records nor their pieces are all held at once."""
    from msgspec.json import Encoder

    encoder, out = Encoder(), bytearray(b'{"results": [')
    sep = b"\n    "
    for rec in records:
        out += sep
        encoder.encode_into(rec, out, -1)
        sep = b",\n    "
    out += b'\n  ],\n  "summary": '
    encoder.encode_into(summary, out, -1)
    out += b"\n}\n"
    return out.decode()


def flat_record(record: dict) -> dict:
    """A record as one CSV row: the source split into columns, lists joined."""
    row = {k: v for k, v in record.items() if k != "source"}
    src = record.get("source") or {}
    row.update(source_doc=src.get("doc"), source_where=src.get("where"), source_quote=src.get("quote"))
    for key in ("lead", "partners"):
        row[key] = "、".join(row.get(key) or [])
    for key, value in row.items():
        if isinstance(value, list):
            row[key] = "–".join(map(str, value))
    return row


def write_csv(rows, fields, raw: bool = False) -> str:
    """CSV with a header; text cells a spreadsheet would run as formulas are neutralised
    (safe.csv_cell) unless `raw`."""
    import csv  # only CSV output needs it: kept off the JSON and table paths
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    if raw:
        writer.writerows(rows)
    else:
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def to_csv(records: list[dict], raw: bool = False) -> str:
    return write_csv(map(flat_record, records), FLAT_FIELDS, raw)


def to_markdown(records: list[dict], summary: dict, lang: str) -> str:
    from tabulate import tabulate

    h = words.HEADERS[lang]
    rows = [
        [r["plan"], r["name"], words.kind_name(r, lang), target_text(r), actual_text(r), r["status_label"], r["why"]]
        for r in records
    ]
    headers = [h["plan"], h["indicator"], h["kind"], h["target"], h["actual"], h["status"], h["why"]]
    table = tabulate(md_rows(rows), headers=headers, tablefmt="pipe", disable_numparse=True)
    counts = ", ".join(f"{words.term(t, lang)} {n}" for t, n in summary["by_label"].items())
    return f"{table}\n\n{h['summary']}: {summary['total']} ({counts})\n"


def target_text(r: dict) -> str:
    if r["target"] is None:
        return "—"
    value = r["target"]
    value = tuple(value) if isinstance(value, list) else value
    op = OP_SYMBOL.get(r["op"] or "", "")
    text = f"{op}{words.fmt_value(value, r['measure_unit'])}"
    if r.get("target_bound"):  # e.g. twice a baseline known only as a lower bound
        text += "（由下限推算）" if r["target_bound"] == "lower" else "（由上限推算）"
    return text


def actual_text(r: dict) -> str:
    if r["actual"] is None:
        return baseline_figure_text(r)
    text = words.bounded(words.fmt_value(r["actual"], r["measure_unit"]), r.get("actual_bound"))
    if r.get("actual_year") and r.get("as_of") and r["actual_year"] < r["as_of"]:
        text += f"\n({r['actual_year']})"  # the latest figure, from an earlier year
    return text


def baseline_figure_text(r: dict) -> str:
    """What the actual column shows for a result with no measured figure: "—", or, at the
    baseline year of a target measured as a rate, change, sum or fall, the starting level in the
    indicator's own unit (16.1万元/人), never in the measure's (%/年): nothing has grown yet."""
    if r["status"] != "baseline" or r["baseline"] is None:
        return "—"
    return words.bounded(words.fmt_value(r["baseline"], r["unit"] or ""), r.get("baseline_bound"))
