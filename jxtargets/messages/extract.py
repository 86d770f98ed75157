"""`jxtargets extract`: reading the documents, and why a number was left out (jxtargets/extract/)."""

from __future__ import annotations

EXTRACT: dict[str, tuple[str, str]] = {
    # Reading a bulletin or report (extract/read.py) and writing the results (extract/files.py)
    "extract.suffix": (
        "不读取{suffix}文件：请另存为 .docx 或纯文本（.txt）",
        "{suffix} is not read: save it as .docx or plain text (.txt)",
    ),
    "extract.undecodable": (
        "既不是UTF-8也不是GBK/GB18030文本；请另存为UTF-8",
        "neither UTF-8 nor GBK/GB18030 text; save it as UTF-8",
    ),
    "extract.gbk": ("文件为GBK/GB18030编码；已按此读取", "file is GBK/GB18030-encoded; read as such"),
    "extract.docx_unreadable": ("不是可读取的 .docx 文件（{detail}）", "not a readable .docx file ({detail})"),
    "extract.exists": ("文件已存在；用 --force 可覆盖", "exists; use --force to overwrite it"),
    "extract.report_is_output": ("报告文件与输出文件是同一个文件", "the report and the output are the same file"),
    "extract.summary": (
        "提取{figures}个数据，{left}个数字未采用",
        "{figures} figure(s) extracted, {left} number(s) left out",
    ),
    # The head comments of the actuals file written, and the note on a figure quoted twice
    "extract.head_figures": (
        "由 `jxtargets extract` 从{docs}中提取的{year}年数据。",
        "Figures for {year} extracted by `jxtargets extract` from {docs}.",
    ),
    "extract.head_quotes": (
        "每个数据都引用其所在的句子；另有{left}个数字未采用（见报告）。",
        "Every figure quotes its sentence; {left} number(s) were left out (see the report).",
    ),
    "extract.head_review": (
        "使用前请核对：`jxtargets validate 文件 --seeds 文件夹` 会在原始文件中逐条查找引文。",
        "Review before use: `jxtargets validate FILE --seeds DIR` finds each quote in its document.",
    ),
    "extract.note_from": (
        "{fields} 取自 {where}（第{line}行）：{quote}",
        "{fields} from {where} (line {line}): {quote}",
    ),
    # Why a number was left out. {id} is an indicator id, {heading} a section heading as printed.
    "extract.of_indicator": ("{id}：{reason}", "{id}: {reason}"),
    "extract.target_words": (
        "是目标或预期（{words}），不是实际完成数",
        "a target or expectation ({words}), not a result",
    ),
    "extract.other_year": ("是其他年份（{years}）的数据，不是{year}年的", "another year ({years}) than {year}"),
    "extract.section_other_year": (
        "所在章节讲的是其他年份（{years}）：{heading}",
        "in a section about another year ({years}): {heading}",
    ),
    "extract.section_plan": ("所在章节讲的是规划或目标：{heading}", "in a section about plans or targets: {heading}"),
    "extract.new_unnamed": (
        "{words}…说的是{names}，没有这个名称的指标",
        "{words}… applies to {names}, which no indicator is named",
    ),
    "extract.no_indicator": (
        "数字前没有指标名称（名称不在指标目录中）",
        "no indicator named before the number (unknown name)",
    ),
    "extract.new_this_year": (
        "{new}{name}：是当年新增数，不是该指标的总量",
        "{new}{name}: new ones this year, not the indicator's level",
    ),
    "extract.structure_unknown": (
        "结构比（a：b：c）不属于已知的结构",
        "a structure ratio (a：b：c) of no known structure",
    ),
    "extract.structure": ("结构比（a：b：c）不予读取", "a structure ratio (a：b：c) is not read"),
    "extract.starting_figure": (
        "是变化的起始数（由/从…到…{of}）",
        "the starting figure of a change (由/从…到…{of})",
    ),
    "extract.starting_figure_of": ("；为{year}年的数", "; the figure of {year}"),
    "extract.ambiguous_each": (
        "含义不明：分别/均之前的名称并非都是指标目录中的名称",
        "ambiguous: the names before 分别/均 are not each a catalogue name",
    ),
    "extract.ambiguous_count": (
        "含义不明：{names}个名称，{numbers}个数字",
        "ambiguous: {names} names and {numbers} numbers",
    ),
    "extract.ambiguous_name": ("含义不明：该名称同时指{ids}", "ambiguous: the name is used by {ids}"),
    "extract.foreign_rate": (
        "{id}：是以{foreign}计的那个数的增速，不是该指标（单位{unit}）的增速",
        "{id}: the rate of the figure in {foreign}, not of the indicator in {unit}",
    ),
    "extract.other_region": (
        "是其他地区（{region}）的数据，该地区不在指标目录中",
        "another region ({region}), not in the catalogue's regions",
    ),
    "extract.revised_field": (
        "{year}年修订的{field}：只读取修订后的水平值",
        "a revised {field} of {year}: only revised levels are read",
    ),
    "extract.bound_on_field": (
        "{id}：{field}只给出界限（{number}），不是确切数据",
        "{id}: a bound ({number}) on a {field}, not a figure",
    ),
    "extract.given_twice_at": (
        "{id}：{field}给出了两次，数据不同（第{line}行为{value}）",
        "{id}: {field} given twice with different figures ({value} at line {line})",
    ),
    "extract.given_twice": ("{id}：{field}给出了两次，数据不同", "{id}: {field} given twice with different figures"),
    # The words around a number (extract/roles.py); shown after "{id}: "
    "extract.approximate": (
        "是约数（约、左右、近）：请给出确切的报告数",
        "an approximate figure (约, 左右, 近): give the exact reported figure",
    ),
    "extract.rate_change": ("是增速的变化，不是增速本身", "a change in the growth rate, not the growth rate"),
    "extract.points_for_unit": (
        "指标单位为{unit}，却给出百分点（是其增速的变化？）",
        "percentage points for an indicator in {unit} (a change of its growth rate?)",
    ),
    "extract.points_no_direction": ("百分点前没有提高/下降", "percentage points with no 提高/下降"),
    "extract.average_change_no_start": (
        "年均变化没有起始年份（年均不在讲五年间/十三五时期的段落中）",
        "an average change with no start year (年均 outside a 五年间/十三五时期 passage)",
    ),
    "extract.share_up_percent": (
        "比重的提高以%表示：是百分比还是百分点？",
        "an increase of a share in %: percent or percentage points?",
    ),
    "extract.share_down_percent": (
        "比重的下降以%表示：是百分比还是百分点？",
        "a fall of a share in %: percent or percentage points?",
    ),
    "extract.average_growth_no_start": (
        "年均增速没有起始年份（年均不在讲五年间/十三五时期的段落中）",
        "an average growth rate with no start year (年均 outside a 五年间/十三五时期 passage)",
    ),
    "extract.average_fall": (
        "年均下降：既不是增速，也不是累计降幅",
        "an average fall: not a growth rate or a cumulative reduction",
    ),
    "extract.cumulative_fall_no_start": ("累计下降没有起始年份", "a cumulative fall with no start year"),
    "extract.cumulative_rate": (
        "是多年的累计增幅，不是当年增速",
        "a cumulative rate over several years, not the year's growth",
    ),
    "extract.percent_no_direction": (
        "指标单位为{unit}，百分数前没有增长/下降",
        "a percentage with no 增长/下降 for an indicator in {unit}",
    ),
    "extract.no_unit_own": ("没有单位（该指标的单位是{unit}）", "no unit (the indicator is in {unit})"),
    "extract.no_unit": ("没有单位", "no unit"),
    "extract.milestone": ("该指标没有单位（是里程碑目标）", "the indicator has no unit (a milestone)"),
    "extract.unit_other_dimension": (
        "单位“{unit}”与“{own}”量纲不同（不作换算）",
        "unit {unit} is of another dimension than {own} (never converted)",
    ),
    "extract.change_in_unit": ("是以{unit}计的增减量，不是水平值", "an increase or fall in {unit}, not a level"),
    "extract.total_or_level": (
        "讲{start}–{year}年的段落中的数字，没有“累计”或“达到”：是累计数还是水平值？",
        "a figure in a passage about {start}–{year} with no 累计 or 达到: a total or the level?",
    ),
    "extract.cumulative_no_start": ("累计数没有起始年份", "a cumulative figure with no start year"),
    # A table of the document (extract/tables.py)
    "extract.table_columns": (
        "所在表格有多列{year}年数据（{title}）",
        "in a table with several columns for {year} ({title})",
    ),
    "extract.table_no_column": (
        "所在表格没有{year}年的列（{title}）",
        "in a table with no column for {year} ({title})",
    ),
    "extract.row_no_indicator": (
        "该行没有指标名称（名称不在指标目录中）",
        "no indicator named in the row (unknown name)",
    ),
    "extract.other_column": ("不在{year}年的列中（是基期或目标列）", "in a column other than {year}'s (base, target)"),
    "extract.not_plain_growth": ("不是单纯的增速", "not a plain growth rate"),
    "extract.not_plain_figure": ("不是单纯的数据", "not a plain figure"),
    "extract.row_no_unit": ("该行没有单位", "no unit in the row"),
    "extract.table_unit_other_dimension": (
        "单位“{unit}”与“{own}”量纲不同",
        "unit {unit} is of another dimension than {own}",
    ),
    "extract.since_not_read": ("自{base}年以来的数据，不予读取", "a figure since {base} that is not read"),
}
