"""`jxtargets plan import`: the table, its header, and the cells left for the user to enter
(jxtargets/planimport/)."""

from __future__ import annotations

PLANIMPORT: dict[str, tuple[str, str]] = {
    # The options and the file (planimport/run.py, table.py, columns.py)
    "import.years_syntax": (
        "应为 基期年:目标年（如 2025:2030），实为{text}",
        "expected BASELINE:TARGET such as 2025:2030, got {text}",
    ),
    "import.years_order": ("目标年须晚于基期年：{text}", "the target year must follow the baseline year: {text}"),
    "import.plan_id": (
        "规划编号须为小写蛇形写法（a-z、0-9、_），不能是{plan}",
        "a plan id must be snake_case (a-z, 0-9, _), not {plan}",
    ),
    "import.no_such_table": ("没有表格{which}（现有表格：{titles}）", "no table {which} (tables: {titles})"),
    "import.several_tables": (
        "有{count}个指标表（{titles}）：请用 --table 选定一个",
        "{count} indicator tables ({titles}): choose one with --table",
    ),
    "import.no_table": (
        "没有指标表：没有含“序号”或“指标”的表头行",
        "no indicator table: no header row with 序号 or 指标",
    ),
    "import.workbook_unreadable": ("无法读取工作簿：{detail}", "cannot read the workbook: {detail}"),
    "import.no_name_column": ("表头中没有“指标”列", "no 指标 column in the header"),
    "import.no_target_column": (
        "表头中没有目标列（如“2025年”或“规划目标”）",
        "no a target column (a year such as 2025年, or 规划目标) column in the header",
    ),
    "import.no_columns": (
        "表头中没有“指标”列，也没有目标列（如“2025年”或“规划目标”）",
        "no 指标 or a target column (a year such as 2025年, or 规划目标) column in the header",
    ),
    "import.no_years": (
        "表头中没有基期年和目标年：请用 --years 给出，如 --years 2025:2030",
        "the header gives no baseline and target year: give --years 2025:2030",
    ),
    # The comments of the YAML written (planimport/emit.py)
    "import.head_imported": ("由 `{command}` 导入", "Imported by `{command}`"),
    "import.head_review": (
        "来自{file}（{title}）。使用前请逐条对照原表核对目标（README：Adding a plan）。新指标须补上 name_en，"
        "并核对 direction（据措辞判断）和 category（据类别）。",
        "from {file} ({title}). Review every target against the table\n# before use: README, Adding a plan. "
        "New indicators need name_en, and their direction (from\n# the wording) and category (from 类别) checked.",
    ),
    "import.left_mark": ("留待人工处理", "LEFT FOR YOU"),
    "import.matched_by_name": ("按名称匹配：{name}", "matched by name: {name}"),
    "import.new_indicator": ("新指标", "new indicator"),
    "import.give_name_en": ("请填写英文名称", "give the English name"),
    "import.give_unit": (
        "unit：表中只给出变化量的单位（{unit}）；请填写指标本身的单位",
        "unit: the table gives only the unit of the change ({unit}); give the indicator's own unit",
    ),
    "import.direction_check": ("据措辞判断：请核对", "from the wording: check"),
    "import.head_results": (
        "由 `{command}` 从{file}（{label}）的完成情况各列导入。",
        "Imported by `{command}` from the 完成情况 columns of {file} ({label}).",
    ),
    "import.another_figure": ("{where}：{id}的另一个数据，未采用", "{where}: another figure for {id}, left out"),
    # A row or cell left for the user (planimport/build.py)
    "import.row_too_wide": (
        "有{cells}个单元格，但表头只有{width}列：该行未导入",
        "{cells} cells, the header has {width} columns: row left out",
    ),
    "import.new_indicator_unit": (
        "新指标{id}（{name}）：表中给出的是其{what}的单位（{unit}），不是指标本身的单位：单位留待人工填写",
        "new indicator {id} ({name}): the table gives the unit of its {what} ({unit}), not its own: "
        "unit left for you to enter",
    ),
    "import.what_growth": ("增速", "growth"),
    "import.what_reduction": ("降幅", "reduction"),
    "import.left_for_you": ("{reason}；留待人工填写", "{reason}; left for you to enter"),
    "import.not_attribute": ("{value}既不是预期性也不是约束性", "{value} is not 预期性 or 约束性"),
    "import.not_a_number": ("{value}不是单纯的数字", "{value} is not a plain number"),
    "import.relative_unknown": ("相对于{name}：没有这个名称的指标", "relative to {name}: no indicator of that name"),
    # A target cell the grammar cannot read (planimport/grammar.py); {cell}, {clause}, {text} quoted
    "import.two_figures": (
        "有两个数{text}，却没有（省下达）：哪一个是目标？",
        "two figures {text} and no （省下达）: which one is the target?",
    ),
    "import.relative_province": (
        "相对目标标了省下达：请给出省里下达的数",
        "a relative target marked 省下达: give the province's figure",
    ),
    "import.figures_in_cell": (
        "一个单元格{cell}中有{count}个数：每个单元格只写一个目标",
        "{count} figures in one cell {cell}: give one target per cell",
    ),
    "import.stretch_kind": (
        "{cell}中的力争数是另一类目标（{extra}，不是{kind}）",
        "the 力争 figure of {cell} is another kind of target ({extra}, not {kind})",
    ),
    "import.stretch_unit": (
        "{cell}中的力争数单位不同（{extra}与{unit}）",
        "the 力争 figure of {cell} is in another unit ({extra} vs {unit})",
    ),
    "import.stretch_range": ("{cell}中的力争数是区间：请只写一个数", "a 力争 range in {cell}: give one figure"),
    "import.cannot_read_grammar": (
        "无法读取{clause}（见README：单元格写法）",
        "cannot read {clause} (README: the cell grammar)",
    ),
    "import.brackets": ("{clause}中括号不配对", "unbalanced brackets in {clause}"),
    "import.range_order": ("区间须写作 下限-上限：{clause}", "a range must be low-high: {clause}"),
    "import.range_of_falls": ("{clause}是降幅的区间：请只写一个数", "a range of falls in {clause}: give one figure"),
    "import.yearly_fall_points": (
        "年均下降…个百分点：按年计的百分点降幅没有对应的目标类型；请写水平值",
        "年均下降…个百分点: a yearly fall in points has no kind; write the level",
    ),
    "import.cumulative_growth": (
        "累计增长…%：累计增长率没有对应的目标类型；请写水平值或年均增速",
        "累计增长…%: a cumulative growth rate has no kind; write the level or the yearly rate",
    ),
    "import.growth_no_percent": (
        "增速列中的数没有%或[ ]：是增速还是累计变化？",
        "a growth column figure without % or [ ]: a rate or a cumulative change?",
    ),
    "import.cannot_read": ("无法读取{clause}", "cannot read {clause}"),
    "import.no_row_unit": ("{clause}中写了{written}，但该行没有单位", "{written} in {clause} and no unit for the row"),
}
