"""A synthetic, seeded catalogue and actuals for the scale benchmark (`bench/bench.py`).

`generate(n, out_dir)` writes, for `n` indicators (a multiple of 10):

- `catalogue.yaml`: region 合成市, two plans (`syn1` 2015→2025, final as of 2025; `syn2`
  2020→2030, interim as of 2025), `n` indicators with two targets each, so 2·n targets. Every
  target is evaluated by `jxtargets check` over the ten years: 10 · 2 · n target-years.
- `actuals-2016.yaml` … `actuals-2025.yaml`: one figure per indicator per year (10 · n figures).
- `actuals.csv`: the same figures as one long CSV, one row per indicator and year, columns

      year,indicator,region,value,unit,growth,since,cagr,change,annual_change,total,reduction,done

  `year` the year the figure is for; `indicator` the indicator id; `region` empty (the
  catalogue's region); `value` the level (or yearly flow) in `unit`, empty when only growth or a
  cumulative figure is reported; `unit` empty (the indicator's unit) or the unit the value is
  written in (e.g. 万元 for a 元 indicator); `growth` % on the previous year; `since` the start
  year of a cumulative figure (here 2015); `cagr`, `change`, `annual_change`, `total`,
  `reduction` the cumulative figures since that year (SPEC §3 `since:`); `done` true/false for a
  milestone.
- `actuals-seed.csv`: one row, used to warm the catalogue cache without warming the actuals.

The indicators cycle through ten archetypes with real-looking units and kinds (level, cagr,
change, annual_change, total, reduction, multiple, relative, external, milestone; ops >=, <=, ~,
range; a 力争 stretch). Values follow a seeded random walk, so the same (n, seed) always writes
byte-identical files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20240601
BASE_YEAR = 2015
FIRST_YEAR, LAST_YEAR = 2016, 2025
REGION = "合成市"
CSV_HEADER = (
    "year",
    "indicator",
    "region",
    "value",
    "unit",
    "growth",
    "since",
    "cagr",
    "change",
    "annual_change",
    "total",
    "reduction",
    "done",
)


@dataclass
class Synth:
    n: int
    dir: Path
    catalogue: Path
    yaml_files: list[Path]
    csv: Path
    seed_csv: Path
    targets: int
    figures: int
    kinds: dict[str, int] = field(default_factory=dict)

    @property
    def target_years(self) -> int:
        return self.targets * len(self.yaml_files)


# id, Chinese name, English name, unit, direction, category, base range, yearly growth range (%)
_ARCHETYPES = (
    ("gdp", "地区生产总值", "Gross regional product", "亿元", "up", "economy", (3000, 6000), (5, 9)),
    ("urbanization_rate", "常住人口城镇化率", "Urbanization rate", "%", "up", "people", (55, 65), None),
    ("service_share", "服务业增加值占比", "Service share of GDP", "%", "up", "economy", (40, 48), None),
    ("new_urban_jobs", "新增城镇就业", "New urban jobs", "万人", "up", "people", (5, 8), (-3, 4)),
    (
        "pm25",
        "细颗粒物（PM2.5）年均浓度",
        "PM2.5 concentration",
        "微克/立方米",
        "down",
        "environment",
        (40, 60),
        (-7, -2),
    ),
    (
        "energy_intensity",
        "单位地区生产总值能耗",
        "Energy use per unit of GDP",
        "吨标煤/万元",
        "down",
        "environment",
        (0.5, 0.8),
        (-5, -2),
    ),
    ("patents", "发明专利授权量", "Invention patents granted", "件", "up", "innovation", (800, 2000), (8, 20)),
    (
        "disposable_income",
        "居民人均可支配收入",
        "Per-capita disposable income",
        "元",
        "up",
        "people",
        (30000, 50000),
        (6, 9),
    ),
    (
        "unemployment_rate",
        "城镇登记失业率",
        "Registered urban unemployment rate",
        "%",
        "down",
        "people",
        (2.5, 3.5),
        None,
    ),
    ("airport", "建成军民合用机场", "Dual-use airport completed", None, "up", "infrastructure", None, None),
)


def _q(text: str) -> str:
    """A YAML-safe single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def _n(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}"


class _Series:
    """One indicator's levels 2015..2025 and its yearly growth rates."""

    def __init__(self, rng: random.Random, arch):
        _, _, _, unit, direction, _, base_range, growth_range = arch
        self.levels: dict[int, float] = {}
        self.growth: dict[int, float] = {}
        if base_range is None:
            return
        level = rng.uniform(*base_range)
        self.levels[BASE_YEAR] = level
        for year in range(BASE_YEAR + 1, LAST_YEAR + 1):
            if growth_range is None:  # a share: moves by percentage points
                step = rng.uniform(0.2, 1.2) * (1 if direction == "up" else -0.15)
                level = min(99.0, max(0.5, level + step))
            else:
                g = rng.uniform(*growth_range)
                self.growth[year] = round(g, 1)
                level = level * (1 + g / 100)
            self.levels[year] = round(level, 2)
        self.levels[BASE_YEAR] = round(self.levels[BASE_YEAR], 2)


def generate(n: int, out_dir: Path, seed: int = SEED) -> Synth:
    """Write the synthetic catalogue and actuals for `n` indicators under `out_dir`."""
    if n % 10:
        raise ValueError("n must be a multiple of 10")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 1_000_003 + n)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    cat = [
        "# Synthetic catalogue for the scale benchmark (bench/synth.py); not real data.",
        "schema: 1",
        f"region: {REGION}",
        "plans:",
        "  syn1:",
        "    name: 合成市国民经济和社会发展十年规划（基准测试）",
        "    name_en: Synthetic ten-year plan",
        f"    baseline_year: {BASE_YEAR}",
        f"    target_year: {LAST_YEAR}",
        "  syn2:",
        "    name: 合成市中长期发展规划（基准测试）",
        "    name_en: Synthetic mid-term plan",
        "    baseline_year: 2020",
        "    target_year: 2030",
        "indicators:",
    ]
    # per year: list of YAML lines under values:, and CSV rows
    yaml_values: dict[int, list[str]] = {y: [] for y in years}
    csv_rows: list[str] = []
    kinds: dict[str, int] = {}
    gdp_id = None
    for i in range(n):
        arch = _ARCHETYPES[i % len(_ARCHETYPES)]
        aid, name, name_en, unit, direction, category, _, _ = arch
        iid = f"{aid}_{i:05d}"
        if aid == "gdp":
            gdp_id = iid
        s = _Series(rng, arch)
        lv, gr = s.levels, s.growth
        targets: list[dict] = []
        # figures[year] = dict of CSV fields (value, unit, growth, since, figure name, figure, done)
        figures: dict[int, dict] = {y: {} for y in years}
        if aid == "gdp":
            end = lv[LAST_YEAR]
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "level",
                    "op": ">=",
                    "value": _n(end * rng.uniform(0.9, 1.1), 0),
                    "baseline": _n(lv[BASE_YEAR], 1),
                    "attribute": "expected",
                }
            )
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "cagr",
                    "op": ">=",
                    "value": _n(rng.uniform(6, 8), 1),
                    "basis": "comparable",
                    "attribute": "expected",
                }
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 1), "growth": _n(gr[y], 1)}
        elif aid == "urbanization_rate":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "change",
                    "op": ">=",
                    "value": _n((lv[LAST_YEAR] - lv[BASE_YEAR]) * rng.uniform(0.8, 1.2), 1),
                    "baseline": _n(lv[BASE_YEAR], 1),
                    "attribute": "expected",
                }
            )
            targets.append(
                {
                    "plan": "syn2",
                    "kind": "level",
                    "op": "~",
                    "value": _n(min(98, lv[LAST_YEAR] + 4), 0),
                    "attribute": "expected",
                }
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 1)}
            figures[LAST_YEAR].update(since=BASE_YEAR, figure="change", amount=_n(lv[LAST_YEAR] - lv[BASE_YEAR], 1))
        elif aid == "service_share":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "annual_change",
                    "op": ">=",
                    "value": _n(rng.uniform(0.4, 1.2), 1),
                    "baseline": _n(lv[BASE_YEAR], 1),
                    "attribute": "expected",
                }
            )
            targets.append(
                {
                    "plan": "syn2",
                    "kind": "level",
                    "op": ">=",
                    "value": _n(min(95, lv[LAST_YEAR] + 3), 0),
                    "stretch": _n(min(97, lv[LAST_YEAR] + 5), 0),
                    "attribute": "expected",
                }
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 1)}
        elif aid == "new_urban_jobs":
            total = sum(lv[y] for y in years)
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "total",
                    "op": ">=",
                    "value": _n(total * rng.uniform(0.85, 1.1), 0),
                    "attribute": "expected",
                }
            )
            targets.append(
                {
                    "plan": "syn2",
                    "kind": "total",
                    "op": ">=",
                    "value": _n(total * rng.uniform(0.8, 1.2), 0),
                    "attribute": "expected",
                }
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 2)}
        elif aid == "pm25":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "level",
                    "op": "<=",
                    "value": _n(lv[LAST_YEAR] * rng.uniform(0.9, 1.1), 0),
                    "baseline": _n(lv[BASE_YEAR], 0),
                    "attribute": "binding",
                }
            )
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "reduction",
                    "op": ">=",
                    "value": _n(rng.uniform(15, 35), 1),
                    "attribute": "binding",
                }
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 0)}
            figures[LAST_YEAR].update(
                since=BASE_YEAR, figure="reduction", amount=_n((1 - lv[LAST_YEAR] / lv[BASE_YEAR]) * 100, 1)
            )
        elif aid == "energy_intensity":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "reduction",
                    "op": ">=",
                    "value": _n(rng.uniform(15, 30), 1),
                    "baseline": _n(lv[BASE_YEAR], 3),
                    "attribute": "binding",
                }
            )
            targets.append(
                {
                    "plan": "syn2",
                    "kind": "external",
                    "op": ">=",
                    "value": _n(rng.uniform(10, 18), 1),
                    "measure": "reduction",
                    "attribute": "binding",
                }
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 3), "growth": _n(gr[y], 1)}
        elif aid == "patents":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "level",
                    "op": ">=",
                    "value": _n(lv[LAST_YEAR] * rng.uniform(0.8, 1.2), 0),
                    "baseline": _n(lv[BASE_YEAR], 0),
                    "attribute": "expected",
                }
            )
            targets.append({"plan": "syn2", "kind": "multiple", "op": ">=", "factor": "2", "attribute": "expected"})
            for y in years:
                figures[y] = {"value": _n(lv[y], 0), "growth": _n(gr[y], 1)}
            figures[LAST_YEAR].update(
                since=BASE_YEAR, figure="cagr", amount=_n(((lv[LAST_YEAR] / lv[BASE_YEAR]) ** 0.1 - 1) * 100, 2)
            )
        elif aid == "disposable_income":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "cagr",
                    "op": ">=",
                    "value": _n(rng.uniform(6, 8.5), 1),
                    "baseline": _n(lv[BASE_YEAR], 0),
                    "basis": "current",
                    "attribute": "expected",
                }
            )
            targets.append({"plan": "syn2", "kind": "relative", "op": "~", "of": gdp_id, "attribute": "expected"})
            for y in years:  # reported in 万元 for a 元 indicator, every other year
                if y % 2:
                    figures[y] = {"value": _n(lv[y] / 1e4, 4), "unit": "万元", "growth": _n(gr[y], 1)}
                else:
                    figures[y] = {"value": _n(lv[y], 0), "growth": _n(gr[y], 1)}
        elif aid == "unemployment_rate":
            targets.append(
                {
                    "plan": "syn1",
                    "kind": "level",
                    "op": "<=",
                    "value": _n(rng.uniform(3, 4), 1),
                    "attribute": "expected",
                }
            )
            targets.append(
                {"plan": "syn2", "kind": "level", "op": "range", "value": "[2.5, 4.0]", "attribute": "expected"}
            )
            for y in years:
                figures[y] = {"value": _n(lv[y], 2)}
        else:  # milestone
            done_year = rng.randint(2019, 2027)
            targets.append({"plan": "syn1", "kind": "milestone", "attribute": "binding"})
            targets.append({"plan": "syn2", "kind": "milestone", "attribute": "binding"})
            for y in years:
                figures[y] = {"done": "true" if y >= done_year else "false"}
        # catalogue entry
        cat.append(f"  {iid}:")
        cat.append(f"    name: {name}（样本{i:05d}）")
        cat.append(f"    name_en: {_q(f'{name_en} #{i}')}")
        if unit is not None:
            cat.append(f"    unit: {_q(unit)}")
        cat.append(f"    direction: {direction}")
        cat.append(f"    category: {category}")
        cat.append("    targets:")
        for k, t in enumerate(targets):
            kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
            first = True
            for key, value in t.items():
                if key == "op":
                    value = _q(value)
                cat.append(f"      {'- ' if first else '  '}{key}: {value}")
                first = False
            cat.append(
                f"        source: {{doc: synthetic.txt, where: 表1 序号{i + 1}-{k + 1}, "
                f"quote: {_q(f'{name}（样本{i:05d}）目标{k + 1}')}}}"
            )
        # actuals
        for y in years:
            fig = figures[y]
            yaml_values[y].append(_yaml_figure(iid, fig))
            csv_rows.append(
                ",".join(
                    (
                        str(y),
                        iid,
                        "",
                        fig.get("value", ""),
                        fig.get("unit", ""),
                        fig.get("growth", ""),
                        str(fig["since"]) if "since" in fig else "",
                        *(
                            fig["amount"] if fig.get("figure") == k else ""
                            for k in ("cagr", "change", "annual_change", "total", "reduction")
                        ),
                        fig.get("done", ""),
                    )
                )
            )
    catalogue = out_dir / "catalogue.yaml"
    catalogue.write_text("\n".join(cat) + "\n", encoding="utf-8")
    yaml_files = []
    for y in years:
        path = out_dir / f"actuals-{y}.yaml"
        text = (
            f"# Synthetic actuals for {y} (bench/synth.py, seed {seed}); not real data.\n"
            f"year: {y}\nsource: synthetic.txt 表1 {y}年\nvalues:\n" + "\n".join(yaml_values[y]) + "\n"
        )
        path.write_text(text, encoding="utf-8")
        yaml_files.append(path)
    csv = out_dir / "actuals.csv"
    csv.write_text(",".join(CSV_HEADER) + "\n" + "\n".join(csv_rows) + "\n", encoding="utf-8")
    seed_csv = out_dir / "actuals-seed.csv"
    seed_csv.write_text(",".join(CSV_HEADER) + "\n" + csv_rows[0] + "\n", encoding="utf-8")
    return Synth(n, out_dir, catalogue, yaml_files, csv, seed_csv, targets=2 * n, figures=n * len(years), kinds=kinds)


def _yaml_figure(iid: str, fig: dict) -> str:
    """One figure under `values:`, in flow style (block style when it reports `since`)."""
    if "done" in fig:
        return f"  {iid}: {{done: {fig['done']}}}"
    if "since" in fig:
        lines = [f"  {iid}:"]
        if "value" in fig:
            lines.append(f"    value: {fig['value']}")
        if "growth" in fig:
            lines.append(f"    growth: {fig['growth']}")
        lines.append("    since:")
        lines.append(f"      {fig['since']}: {{{fig['figure']}: {fig['amount']}}}")
        return "\n".join(lines)
    if "unit" in fig:
        if "growth" in fig:
            return f"  {iid}: {{value: {_q(fig['value'] + ' ' + fig['unit'])}, growth: {fig['growth']}}}"
        return f"  {iid}: {_q(fig['value'] + ' ' + fig['unit'])}"
    if "growth" in fig:
        return f"  {iid}: {{value: {fig['value']}, growth: {fig['growth']}}}"
    return f"  {iid}: {fig['value']}"


if __name__ == "__main__":  # pragma: no cover - handy for looking at the files
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    s = generate(size, Path(__file__).resolve().parent / "out" / f"synth-{size}")
    print(f"{s.dir}: {s.targets} targets, {s.figures} figures, kinds {s.kinds}")
