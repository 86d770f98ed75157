"""The `cagr` table: one row per plan target of an indicator, with planned, achieved and
required pace in the indicator's own terms (core/pace.py): a CAGR for levels and growth rates,
percentage points a year for a share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.rules import Result

if TYPE_CHECKING:
    from rich.table import Table

    from .table import Responsive


def cagr_table(results: list[Result], lang: str) -> Responsive:
    from ..core.kinds import SPECS
    from . import words
    from .formats import baseline_figure_text
    from .records import record
    from .table import Responsive, simple_table

    h = words.HEADERS[lang]

    def per_year(x, unit):
        return "—" if x is None else f"{words.fmt(x)}{unit}"

    rows = []
    for r in results:
        rec = record(r, lang)
        unit = rec["measure_unit"]
        target = "—" if rec["target"] is None else words.fmt_value(rec["target"], unit)
        if rec["actual"] is not None:
            actual = f"{words.fmt_value(rec['actual'], unit)}\n({rec['year']})"
        else:  # at the baseline year of a rate target: the starting level, no rate yet
            actual = baseline_figure_text(rec)
            if actual != "—":
                actual += f"\n({rec['year']}年基期)" if lang == "zh" else f"\n({rec['year']} baseline)"
        rows.append(
            [
                f"{rec['plan']}\n{rec['baseline_year']}–{rec['target_year']}",
                words.kind_name(rec, lang),
                target
                if SPECS[r.target.rule].measure != "own"
                else f"{words.baseline_text(rec['baseline'], rec['baseline_bound'], rec['baseline_document'], lang)}"
                f" → {target}",
                actual,
                per_year(rec["planned_pace"], rec["pace_unit"]),
                per_year(rec["implied_pace"], rec["pace_unit"]),
                per_year(rec["required_pace"], rec["pace_unit"]),
                rec["status_label"],
            ]
        )
    headers = [
        h["plan"],
        h["kind"],
        f"{h['baseline']} → {h['target']}",
        h["actual"],
        h["planned_pace"],
        h["implied_pace"],
        h["required_pace"],
        h["status"],
    ]
    ind = results[0].indicator if results else None
    title = None if ind is None else (f"{ind.name}（{ind.unit}）" if lang == "zh" else f"{ind.name_en} ({ind.unit})")

    def build(width: int) -> Table:
        from rich.cells import cell_len

        longest = max((cell_len(cell) for row in rows for cell in row[4:7]), default=0)
        if width >= 100 and longest <= 12:
            return simple_table(headers, rows, title, numbers=(3, 4, 5, 6))
        # Narrow (80 columns is what a pipe gets), or paces in 个百分点/年: the three in one column.
        short = {"zh": ("规划", "已实现", "所需"), "en": ("planned", "implied", "required")}[lang]
        narrow = [
            row[:4] + ["\n".join(f"{name} {value}" for name, value in zip(short, row[4:7], strict=True)), row[7]]
            for row in rows
        ]
        rates = "速度" if lang == "zh" else "pace"
        return simple_table(headers[:4] + [rates, headers[7]], narrow, title, numbers=(3, 4, 5))

    return Responsive(build)
