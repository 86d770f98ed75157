"""The columns of an indicator table (类别, 序号, 指标, 计量单位, the baseline and target years, a
growth column, 属性, 完成情况) from its header labels, and a unit written in a name's brackets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..loading.errors import Problem
from .grammar import clean
from .table import Table, labels


@dataclass
class Columns:
    category: int | None = None
    number: int | None = None
    name: int | None = None
    subname: int | None = None  # a second name column (a grid's 指标名称 over two columns)
    unit: int | None = None
    attribute: int | None = None
    baseline: int | None = None
    level: int | None = None  # the target-year column
    rate: int | None = None  # a growth / cumulative column of the plan
    actual: int | None = None  # 完成情况: the level reached
    actual_rate: int | None = None
    baseline_year: int | None = None
    target_year: int | None = None
    width: int = 0
    labels: list[str] = field(default_factory=list)


def columns_of(table: Table, years: tuple[int, int] | None) -> tuple[Columns, list[Problem]]:
    cols = Columns(labels=labels(table))
    cols.width = len(cols.labels)
    problems: list[Problem] = []
    year_cols: list[tuple[int, int]] = []
    for i, label in enumerate(cols.labels):
        actual = any(w in label for w in ("完成", "实际", "实现"))
        year_match = re.search(r"(\d{4})年?", label)
        rate = any(w in label for w in ("增长", "累计", "增速", "增幅"))
        if label in ("类别", "分类", "领域", "类型"):
            cols.category = i
        elif label in ("序号", "编号"):
            cols.number = i
        elif label.startswith("指标") or label in ("名称", "指标名称"):
            if cols.name is not None and cols.name == i - 1 and label == cols.labels[cols.name]:
                cols.subname = i
            else:
                cols.name = i
        elif "单位" in label:
            cols.unit = i
        elif label.startswith("属性") or label.endswith("属性"):
            cols.attribute = i
        elif actual and rate:
            cols.actual_rate = i
        elif actual:
            cols.actual = i
        elif rate:
            cols.rate = i
        elif year_match:
            year_cols.append((int(year_match.group(1)), i))
        elif "目标" in label:
            cols.level = i
    if year_cols:
        year_cols.sort()
        if cols.level is None:
            cols.level = year_cols[-1][1]
            cols.target_year = year_cols[-1][0]
        if len(year_cols) > 1 or cols.level != year_cols[0][1]:
            cols.baseline, cols.baseline_year = year_cols[0][1], year_cols[0][0]
    for i, label in enumerate(cols.labels):  # 规划目标/2020年: the plan's target year
        found = re.search(r"(\d{4})年?", label)
        if found and i == cols.level:
            cols.target_year = int(found.group(1))
    if years is not None:
        cols.baseline_year, cols.target_year = years
        for year, i in year_cols:
            if year == years[0]:
                cols.baseline = i
            if year == years[1] and cols.level is None:
                cols.level = i
    no_name, no_target = cols.name is None, cols.level is None and cols.rate is None
    if no_name or no_target:
        code = (
            "import.no_columns"
            if no_name and no_target
            else "import.no_name_column"
            if no_name
            else "import.no_target_column"
        )
        problems.append(Problem.of(table.file, None, None, code))
    elif cols.baseline_year is None or cols.target_year is None:
        problems.append(Problem.of(table.file, None, "--years", "import.no_years"))
    return cols, problems


_UNIT_IN_NAME = re.compile(r"^(?P<name>.*?)[（(](?P<unit>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]$")


def split_unit(text: str) -> tuple[str, str | None]:
    """`地区生产总值（亿元）` → (地区生产总值, 亿元); a bracket that is part of the name
    (`每千人口执业（助理）医师数`, `细颗粒物（PM2.5）浓度`) stays."""
    text = clean(text)
    m = _UNIT_IN_NAME.match(text)
    if m and m.group("name") and _looks_like_unit(m.group("unit")):
        return m.group("name"), m.group("unit")
    return text, None


def _looks_like_unit(text: str) -> bool:
    return (
        bool(text)
        and (
            text in ("%", "‰")
            or bool(
                re.search(
                    r"(元|人|岁|年|项|件|个|张|套|户|亩|米|吨|标煤|公里|小时|万|亿|次|座|家|所|床|辆|度|瓦|时|分|秒|克|升|斤)",
                    text,
                )
            )
        )
        and not re.search(r"(省控|市控|户籍人口|助理|断面)", text)
    )


__all__ = ["Columns", "columns_of", "split_unit"]
