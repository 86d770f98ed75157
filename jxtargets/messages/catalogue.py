"""Problems in a catalogue: its plans, indicators, targets, sources and the labels of the plans' tables."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "plan.unknown": ("未知的规划{plan}{hint}", "unknown plan {plan}{hint}"),
    "plan.doc_title_needs_doc": ("文件标题须同时给出 doc（其文件名）", "a document title needs doc: (its file)"),
    "region.unknown": ("未知的地区{region}{hint}", "unknown region {region}{hint}"),
    # A catalogue of several files (loading/catalogue_set.py)
    "catalogue.no_region": (
        "缺少此项：指标目录的所有文件都没有写 region:",
        "missing: no file of the catalogue sets region:",
    ),
    "catalogue.not_a_mapping": (
        "指标目录须为含 region:、plans: 和 indicators: 的YAML映射，不能是{got}",
        "a catalogue must be a YAML mapping with region:, plans: and indicators:, not {got}",
    ),
    "catalogue.schema": ("不支持的 schema {schema}（应为1）", "unsupported schema {schema} (expected 1)"),
    "catalogue.region_clash": (
        "{region}与{at}处设定的地区{other}不一致",
        "{region} clashes with region {other} set at {at}",
    ),
    "catalogue.defined_differently": (
        "与{at}处的定义不同（{differences}）",
        "defined differently at {at} ({differences})",
    ),
    "catalogue.difference": ("{field}此处为{here}，彼处为{there}{more}", "{field} {here} here, {there} there{more}"),
    "catalogue.difference_more": (
        "；{field}此处为{here}，彼处为{there}{more}",
        "; {field} {here} here, {there} there{more}",
    ),
    "catalogue.undefined_indicator": (
        "指标目录中没有任何文件定义此指标（name、name_en、unit、direction、category）{hint}",
        "no file of the catalogue defines this indicator (name, name_en, unit, direction, category){hint}",
    ),
    # Plans and indicators (loading/catalogue.py)
    "plan.target_year_early": ("目标年须晚于基期年（baseline_year）", "must be after baseline_year"),
    "indicator.id_not_snake_case": (
        "指标编号须为小写蛇形写法（a-z、0-9、_）",
        "an indicator id must be snake_case (a-z, 0-9, _)",
    ),
    "indicator.basis_uncited": ("请引用载明该价格口径的文件", "cite the document that states the basis"),
    "indicator.targets_not_a_list": ("应为目标的列表", "expected a list of targets"),
    "indicator.unit_missing": (
        "缺少此项（只有仅含里程碑目标的指标可以不写单位）",
        "missing (only a milestone-only indicator may omit it)",
    ),
    "indicator.aliases_not_names": ("应为名称（文字）的列表", "expected a list of names (strings)"),
    "alias.is_a_name": (
        "别名{alias}是{other}的名称；一个别名只能指一个指标",
        "alias {alias} is the name of {other}; an alias must name one indicator",
    ),
    "alias.twice": (
        "别名{alias}也是{other}的别名；每个别名只能指一个指标",
        "alias {alias} is also an alias of {other}; each alias names one indicator",
    ),
    # Targets
    "target.target_year_early": ("目标年须晚于基期年", "must be after the baseline year"),
    "target.range_order": ("区间须写作 [下限, 上限]", "range must be [low, high]"),
    "target.range_needs_two": ("区间目标须写 value: [下限, 上限]", "a range needs value: [low, high]"),
    "target.milestone_stretch": (
        "里程碑目标的力争写作 stretch: true，不能是{got}",
        "a milestone takes stretch: true (力争), not {got}",
    ),
    "target.every_year_value": (
        "应为 true（每年）或 mean（年均），不能是{got}",
        "expected true (each year) or mean (年均), not {got}",
    ),
    "target.every_year_each": (
        "every_year: true 只适用于 level 或 cagr 类目标，不适用于 {kind}",
        "every_year: true applies to a level or cagr target, not {kind}",
    ),
    "target.every_year_mean": (
        "every_year: mean 只适用于 level 类目标，不适用于 {kind}",
        "every_year: mean applies to a level target, not {kind}",
    ),
    "target.word_after_number": (
        "此数值后面不能写{written}（只写数值，或写{word}）",
        "{written} cannot follow this number (write it plain, or with {word})",
    ),
    "target.two_units": (
        "有两个单位：数值后写了{written}，unit: 又写了{unit}",
        "two units: {written} after the number and unit: {unit}",
    ),
    "target.indicator_has_no_unit": ("{id}没有单位；不能用{unit}", "{id} has no unit; {unit} cannot apply"),
    "target.needs_value": (
        "{kind} 类目标须有 value（或力争目标 stretch）",
        "a {kind} target needs a value (or a 力争 stretch)",
    ),
    "target.needs_factor": (
        "multiple（倍数）类目标须有 factor（翻一番为2）",
        "a multiple target needs factor (2 for 翻一番)",
    ),
    "target.needs_of": ("relative（相对）类目标须有 of: <指标编号>", "a relative target needs of: <indicator id>"),
    "target.op": ("{kind} 类目标的 op 只能是 {ops}", "a {kind} target takes op {ops}"),
    "target.needs_measure": (
        "external（上级下达）类目标须有 measure：按哪类目标核对",
        "an external target needs measure: the kind it is checked as",
    ),
    "target.external_needs_op": (
        "有 value 的 external（上级下达）类目标须有 op",
        "an external target with a value needs op",
    ),
    # The labels of a plan's own table (loading/table_labels.py)
    "table.label_empty": (
        "请给出 group（表中的类别）或 row（表中印出的指标栏文字），或两者都给",
        "give group (the table's 类别) or row (its 指标 cell as printed), or both",
    ),
    "table.parent_needs_row": (
        "子行的 parent 需要同时给出 row（子行那一栏的文字）",
        "a sub-row's parent needs the row (the sub-row's cell)",
    ),
    "table.row_needs_quote": (
        "表格行标签需要一条含有该标签的来源引文",
        "a table row label needs a source quote that holds it",
    ),
    "table.row_not_quoted": (
        "{row}不在来源引文{quote}中：标签须从表格原文引用",
        "{row} is not in the source quote {quote}: the label is quoted from the table",
    ),
    "table.rows_not_a_list": ("应为表格行的列表", "expected a list of table rows"),
    "table.row_needs_source": ("缺少此项：表格行须引用该表格", "missing: a table row cites the table"),
    "table.row_needs_table": ("缺少此项：表格如何印出该行", "missing: how the table prints the row"),
}
