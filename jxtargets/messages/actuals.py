"""Problems in a file of reported figures (YAML, CSV/TSV, .xlsx): its shape and its indicators."""

from __future__ import annotations

ACTUALS: dict[str, tuple[str, str]] = {
    "indicator.unknown": ("未知的指标{hint}", "unknown indicator{hint}"),
    "indicator.unknown_named": ("未知的指标{name}{hint}", "unknown indicator {name}{hint}"),
    "indicator.none_given": ("未给出指标", "no indicator given"),
    "hint.ambiguous_name": ("（{name}可指{ids}；请写指标编号）", " ({name} names {ids}; give the id)"),
    "catalogue.the": ("所用指标目录", "the catalogue"),
    "indicator.mostly_unknown": (
        "{total}个指标中有{unknown}个{catalogue}中没有：指标目录用对了吗（--catalogue 文件）？",
        "{unknown} of {total} indicators are unknown to {catalogue}: is it the right catalogue (--catalogue FILE)?",
    ),
    # An actuals YAML file (loading/actuals_yaml.py)
    "actuals.not_a_mapping": (
        "数据文件须为含 year: 和 values: 的YAML映射，不能是{got}",
        "an actuals file must be a YAML mapping with year: and values:, not {got}",
    ),
    "actuals.revision_year": ("修订数据须以更早的年份为键", "revisions are keyed by an earlier year"),
    "actuals.no_figures": (
        "文件中没有数据（values: 下应有如 `gdp: 5509.5` 的行）",
        "the file gives no figures (expected values: with lines like `gdp: 5509.5`)",
    ),
    "actuals.break_year": (
        "口径调整（break）写新口径的第一年，最晚为{year}年；实为{got}",
        "a break is the first year on the new basis, at most {year}; got {got}",
    ),
    "actuals.given_twice": (
        "{id}给出了两次：第{first_line}行写作{first}，第{then_line}行写作{then}（请删去其一）",
        "{id} is given twice: as {first} at line {first_line} and as {then} at line {then_line} (remove one)",
    ),
    "actuals.bound_needs_value": ("bound（上下限）须与其所限定的 value 一起给出", "a bound needs the value it bounds"),
    "value.expected_bool": ("应为 true 或 false，实为{got}", "expected true or false, got {got}"),
    "actuals.since_year": ("since 须写早于{year}年的起始年份", "since takes a start year before {year}"),
    "actuals.only_a_note": (
        "只有说明（note），没有数据（value、growth、since 或 done）",
        "gives only a note, no figure (value, growth, since or done)",
    ),
    "actuals.source": (
        "应为文字或 {{doc, where, quote}}，实为{got}",
        "expected text or {{doc, where, quote}}, got {got}",
    ),
    "actuals.alt_list": ("应为 {{value, note}} 的列表，实为{got}", "expected a list of {{value, note}}, got {got}"),
    "actuals.alt_item": ("应为 {{value: …, note: …}}", "expected {{value: …, note: …}}"),
    # Several files at once (loading/actuals.py)
    "actuals.later_file_wins": (
        "{year}年数据{value}与{file}中的{previous}不同；以后读入的文件为准",
        "{year} figure {value} differs from {previous} in {file}; the later file wins",
    ),
}
