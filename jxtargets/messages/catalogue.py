"""Problems in a catalogue: its plans, indicators, targets, sources and the labels of the plans' tables."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "plan.unknown": ("未知的规划{plan}{hint}", "unknown plan {plan}{hint}"),
    "plan.doc_title_needs_doc": ("文件标题须同时给出 doc（其文件名）", "a document title needs doc: (its file)"),
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
