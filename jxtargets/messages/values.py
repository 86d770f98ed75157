"""Problems with one value: numbers, years, units, words, keys."""

from __future__ import annotations

VALUES: dict[str, tuple[str, str]] = {
    # What a value is, in "expected …, got {got}"
    "kind.mapping": ("映射", "a mapping"),
    "kind.list": ("列表", "a list"),
    "kind.nothing": ("空值", "nothing"),
    # A hint after a name the reader does not know
    "hint.did_you_mean": ("（是否应为 {names}？）", " (did you mean {names}?)"),
    # Keys and values of a mapping (loading/fields.py)
    "key.missing": ("缺少此项", "missing"),
    "key.unknown": ("未知的键{hint}", "unknown key{hint}"),
    "value.expected_mapping": ("应为映射（键: 值），实为{got}", "expected a mapping, got {got}"),
    "value.expected_text": ("应为文字，实为{got}", "expected text, got {got}"),
    "value.expected_names": ("应为一个名称或名称列表", "expected a name or a list of names"),
    "value.not_one_of": ("{value}不是以下之一：{options}{hint}", "{value} is not one of {options}{hint}"),
    # Years
    "year.expected": ("应为年份，实为{got}", "expected a year, got {got}"),
    "year.out_of_range": ("年份{year}超出范围{lo}-{hi}", "year {year} out of range {lo}-{hi}"),
    # Numbers as people paste them (loading/numbers.py); {value} is the value as written, quoted
    "number.empty": ("为空：请填写数值（或删去该行）", "empty: give a number (or delete the line)"),
    "number.expected": ("应为数值，实为{kind}", "expected a number, got {kind}"),
    "number.yes_no_value": ("{value}是表示是/否的值，不是数值", "{value} is a yes/no value, not a number"),
    "number.yes_no_word": (
        "{value}是表示是/否的词（YAML 1.1 的布尔值），不是数值",
        "{value} is a yes/no word (a YAML 1.1 boolean), not a number",
    ),
    "number.too_long": ("{value}…数值过大", "{value}… is too large a number"),
    "number.not_finite": ("{value}不是有限的数值", "{value} is not a finite number"),
    "number.too_large": (
        "{value}过大，不可能是统计数据（达到或超过1e15）",
        "{value} is too large to be a reported figure (1e15 or more)",
    ),
    "number.no_figure": (
        "{value}表示无数据；请直接删去该行",
        "{value} marks a missing figure; delete the line instead",
    ),
    "number.underscore": (
        "{value}在数字之间用了_（YAML 1.1 的数字写法）；请去掉，如写成1000",
        "{value} uses _ between digits (a YAML 1.1 number); write it without, e.g. 1000",
    ),
    "number.sexagesimal": (
        "{value}在YAML 1.1中是六十进制数（像时间）；请只写一个普通数值",
        "{value} is a base-60 number in YAML 1.1 (like a time); write one plain number",
    ),
    "number.radix": (
        "{value}是十六进制、八进制或二进制写法；请用十进制书写",
        "{value} is in hex, octal or binary notation; write the number in decimal",
    ),
    "number.approximate": (
        "{value}是约数；请填写准确的统计数据",
        "{value} is approximate; give the exact reported figure",
    ),
    "number.not_a_number": ("{value}不是数值", "{value} is not a number"),
    "number.ambiguous": (
        "{value}含义不明（是范围、列表、小数逗号还是笔误？）；请只写一个数值，例如 5509.5",
        "{value} is ambiguous (a range, a list, a decimal comma or a typo?); write one plain number, e.g. 5509.5",
    ),
    "number.invisible": (
        "{value}含有不可见字符（{char}，多为从PDF复制而来）；请删去后重新输入该数值",
        "{value} holds an invisible character ({char}, as copied from a PDF); delete it and retype the number",
    ),
    "number.letters": (
        "{value}的数字中夹有字母（把0写成了O、把1写成了l？）；请只写一个普通数值",
        "{value} has letters among its digits (O for 0, l for 1?); write one plain number",
    ),
    "number.leading_zero": (
        "{value}以0开头（YAML 1.1中为八进制）；请去掉开头的0",
        "{value} has a leading zero (octal in YAML 1.1); write it without one",
    ),
    # Units (loading/units.py); {unit} is the unit as written, quoted
    "unit.unknown": ("未知的单位{unit}", "unknown unit {unit}"),
    "unit.not_one": (
        "{unit}不是一个单位（两个单位连写了，还是多了一个%？）",
        "{unit} is not one unit (two units run together, or a stray %?)",
    ),
    "unit.not_convertible": ("单位{unit}无法换算为{to}", "unit {unit} cannot be converted to {to}"),
}
