"""Bad usage found by the library (jxtargets/api.py): an unknown plan, region, kind, status or
indicator, a year without figures, a form with nothing to fill in."""

from __future__ import annotations

USAGE: dict[str, tuple[str, str]] = {
    # {plan}, {region}, {kind}, {status} are quoted as given; {hint} is " (did you mean …?)" or ""
    "kind.unknown": ("未知的目标类型{kind}{hint}", "unknown kind {kind}{hint}"),
    "status.unknown": (
        "{option}：未知的状态{status}；可用的值：{valid}",
        "{option}: unknown status {status}; valid: {valid}",
    ),
    "usage.unknown_indicator": ("{key}：未知的指标{hint}", "{key}: unknown indicator{hint}"),
    "usage.year_too_early": (
        "--year {year}：所给文件中没有这么早的数据（数据年份：{years}）",
        "--year {year}: no figures that early in the given files (years: {years})",
    ),
    "usage.as_of_too_early": (
        "--as-of {year}：没有这么早的数据（数据年份：{years}）",
        "--as-of {year}: no figures that early (years: {years})",
    ),
    "usage.cagr_undefined": (
        "这些数值算不出年均增长率（有零或负数，或年数不大于0）",
        "CAGR is undefined for these figures (zero or negative values, or years <= 0)",
    ),
    "usage.year_out_of_range": ("年份{year}超出范围", "year {year} out of range"),
    # jxtargets plan import, when the table has results and no --actuals was given
    "import.results_not_written": (
        "{table}：未写出完成情况各列：请用 --actuals 文件 写入",
        "{table}: the 完成情况 (results) columns were not written: give --actuals FILE",
    ),
    # jxtargets template: the comments of the YAML form
    "template.head": (
        "jxtargets 数据填报表 {year}年。按所示单位填写 value；有报告的，填写 growth（比上年增长%）及其价格口径 basis"
        "（comparable 可比价，current 当年价）；报告只给出界限的（突破…、以上）填 bound: lower。\n# 没有数据的行留空。",
        "jxtargets 数据填报表 {year}年 (actuals form). Fill in value (in the unit shown) and,\n# where reported, growth "
        "(% on the previous year) and its price basis (comparable 可比价 or\n# current 当年价); bound: lower where the "
        "report gives only a bound (突破…, 以上).\n# Leave a line blank where there is no figure.",
    ),
    "template.source": ("数据来源：文件名和章节", "source: the document's file name and section"),
    "template.previous": ("；上年 {value}", "; previous year {value}"),
    # jxtargets template
    "template.no_plan": (
        "{year}年没有正在实施的规划：没有需要填报的指标",
        "no plan runs in {year}: nothing to fill in",
    ),
    "template.no_plan_in": (
        "{year}年没有正在实施的规划（{plans}）：没有需要填报的指标",
        "no plan in {plans} runs in {year}: nothing to fill in",
    ),
}
