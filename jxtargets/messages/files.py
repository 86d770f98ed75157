"""Problems with a file as a whole: finding, reading and decoding it, its YAML, CSV and .xlsx form."""

from __future__ import annotations

FILES: dict[str, tuple[str, str]] = {
    # Finding and reading a file (loading/files.py); {detail} is the operating system's wording
    "file.missing_from_env": ("文件或文件夹不存在（来自 ${variable}）", "no such file or directory (from ${variable})"),
    "file.no_catalogue_files": ("文件夹中没有指标目录文件（*.yaml）", "directory holds no catalogue files (*.yaml)"),
    "file.no_actuals_files": ("文件夹中没有数据文件", "directory holds no actuals files"),
    "file.is_a_directory": ("是文件夹，不是文件", "is a directory, not a file"),
    "file.not_regular": ("不是普通文件（是设备、管道还是套接字？）", "not a regular file (a device, pipe or socket?)"),
    "file.too_large": ("文件过大（{size}字节；最多{limit}字节）", "file too large ({size} bytes; at most {limit})"),
    "file.too_large_read": ("文件过大（超过{limit}字节）", "file too large (more than {limit} bytes)"),
    "file.no_such_file": ("文件不存在", "no such file"),
    "file.permission": ("无法读取文件（权限不足）", "cannot read the file (permission denied)"),
    "file.unreadable": ("无法读取文件：{detail}", "cannot read the file: {detail}"),
    "file.bad_path": ("不是可用的路径：{detail}", "not a usable path: {detail}"),
    "file.empty": ("文件为空", "file is empty"),
    "file.zip": (
        "是ZIP压缩文件（.xlsx工作簿？），不是文本；工作簿请使用 .xlsx 扩展名",
        "a ZIP archive (an .xlsx workbook?), not text; give a workbook the .xlsx extension",
    ),
    "file.old_office": (
        "是旧版Excel .xls或Word .doc文件；请另存为 .xlsx、CSV 或 UTF-8 文本",
        "an old Excel .xls or Word .doc file; save it as .xlsx, CSV or UTF-8 text",
    ),
    "file.pdf": (
        "是PDF文件，不是文本；请把数据抄入YAML或CSV文件",
        "a PDF, not text; copy the figures into a YAML or CSV file",
    ),
    "file.binary": (
        "是二进制文件，不是文本（应为YAML、CSV或.xlsx）",
        "binary file, not text (YAML, CSV or .xlsx expected)",
    ),
    "file.undecodable": (
        "既不是UTF-8也不是GBK/GB18030文本（是二进制文件？）；请将文件另存为UTF-8",
        "neither UTF-8 nor GBK/GB18030 text (a binary file?); save the file as UTF-8",
    ),
    "file.encoding": (
        "文件为{codec}编码；已按此读取（另存为UTF-8即不再提示）",
        "file is {codec}-encoded; read as such (save it as UTF-8 to silence this)",
    ),
    "file.gbk": (
        "文件为GBK/GB18030编码；已按此读取（另存为UTF-8即不再提示，例如 `iconv -f GB18030 -t UTF-8`）",
        "file is GBK/GB18030-encoded; read as such (save it as UTF-8 to silence this, e.g. `iconv -f GB18030 -t UTF-8`)",
    ),
    "file.no_embedded_year": (
        "没有{year}年的内置数据（内置年份：{years}）",
        "no embedded actuals for {year} (embedded years: {years})",
    ),
    "word.none": ("无", "none"),
    "file.empty_yaml": ("文件为空（只有注释或空行）", "file is empty (only comments or blank lines)"),
    # YAML (loading/yamltree.py, yaml_errors.py); {detail} is libyaml's own wording, in English
    "yaml.malformed": ("YAML格式错误：{detail}{tab}{context}", "malformed YAML: {detail}{tab}{context}"),
    "yaml.tab": ("（此处有制表符：YAML只能用空格缩进）", " (a tab: YAML indents with spaces only)"),
    "yaml.context": ("（{context}，见第{line}行）", " ({context} at line {line})"),
    "yaml.second_document": (
        "文件中有第二个YAML文档（---）；一个文件只能有一个文档",
        "a second YAML document (---) in the file; it must hold exactly one",
    ),
    "yaml.not_text": ("不是有效的YAML文本：{detail}", "not valid YAML text: {detail}"),
    "yaml.control_character": (
        "YAML中不允许出现控制字符{char}（是二进制文件，还是粘贴的文字带有隐藏字符？）",
        "control character {char} is not allowed in YAML (a binary file, or text pasted with hidden characters?)",
    ),
    "yaml.tag": (
        "不允许使用标签{tag}（只接受普通YAML值；不会依据标签构造任何对象）",
        "tag {tag} is not allowed (plain YAML values only; nothing is ever constructed from a tag)",
    ),
    "yaml.too_deep": ("嵌套超过{depth}层；拒绝读取", "nested deeper than {depth} levels; refused"),
    "yaml.too_deep_alias": (
        "（经由别名）嵌套超过{depth}层；拒绝读取",
        "nested deeper than {depth} levels (through an alias); refused",
    ),
    "yaml.too_many": ("超过{count}个值；拒绝读取", "more than {count} values; refused"),
    "yaml.alias_bomb": (
        "展开别名后超过{count}个值（别名炸弹？）；拒绝读取",
        "more than {count} values after expanding aliases (an alias bomb?); refused",
    ),
    "yaml.recursive_alias": (
        "别名引用了包含它自身的集合（递归别名）；拒绝读取",
        "an alias refers to a collection that contains it (recursive alias); refused",
    ),
    "yaml.merge_key": ("不允许使用合并键（<<）", "merge keys (<<) are not allowed"),
    "yaml.key_not_plain": ("键必须是普通值，不能是列表或映射", "a key must be a plain value, not a list or mapping"),
    "yaml.duplicate_key": (
        "键{key}重复：第{first}行已给出，第{again}行又给出（请删去其一）",
        "duplicate key {key}: given at line {first} and again at line {again} (remove one)",
    ),
    # CSV/TSV and the rows of an .xlsx sheet (loading/table_rows.py); {detail} is Python's csv module's wording
    "csv.no_header": ("文件为空（没有表头行）", "file is empty (no header row)"),
    "csv.malformed": ("CSV格式错误：{detail}", "malformed CSV: {detail}"),
    "csv.unknown_column": ("未知的列{hint}", "unknown column{hint}"),
    "csv.column_twice": ("该列出现了两次", "column given twice"),
    "csv.column_missing": ("缺少该列", "missing column"),
    "csv.stray_quote": (
        '一个带引号的单元格从第{start}行延续到第{end}行：多了一个引号"？（单元格内不能换行）',
        'a quoted cell runs from line {start} to line {end}: a stray " ? (a cell cannot hold a line break)',
    ),
    "csv.too_many_cells": (
        "有{cells}个单元格，但表头只有{width}列",
        "{cells} cells, but the header names {width} columns",
    ),
    "csv.short_rows": (
        "有{rows}行的单元格少于表头的{width}列（首见于第{first}行）：已按末尾几列为空读取；请检查中间是否漏了单元格",
        "{rows} row(s) have fewer cells than the header's {width} columns (first at line {first}): read as if the "
        "last columns were blank; check that no cell is missing in between",
    ),
    "csv.given_twice": (
        "{id}的{year}年（{region}）数据给出了两次：第{first}行和第{again}行",
        "{id} for {year} ({region}) is given twice: at line {first} and line {again}",
    ),
    "csv.expected_bool": ("应为 true 或 false（是/否），实为{got}", "expected true or false (是/否), got {got}"),
    "csv.needs_since": (
        "cagr、change、total、reduction 须有 since（起始年份）",
        "a cagr/change/total/reduction needs the since year",
    ),
    "csv.no_figures": (
        "文件中没有数据（应有如 `2020,gdp,,5509.5` 的行）",
        "the file gives no figures (expected rows like `2020,gdp,,5509.5`)",
    ),
    # .xlsx workbooks (loading/xlsx.py); {detail} is openpyxl's or zipfile's wording
    "xlsx.unreadable": ("不是可读取的 .xlsx 工作簿（{detail}）", "not a readable .xlsx workbook ({detail})"),
    "xlsx.empty_sheet": ("工作表{sheet}为空", "sheet {sheet} is empty"),
    "xlsx.no_figures": (
        "工作表{sheet}中没有数据（请在本年数值（value）列即{column}列填入各指标的实际值，增速填增速（growth）列）",
        "sheet {sheet} gives no figures (fill in each indicator's figure in the value column, {column}; "
        "growth rates in the growth column)",
    ),
    "xlsx.no_value_column": (
        "工作表{sheet}中没有数据（加一列value填入实际值，或用 jxtargets template 生成表格）",
        "sheet {sheet} gives no figures (add a value column for the figures, or make the form with jxtargets template)",
    ),
    "xlsx.unknown_column": ("未知的列{name}", "unknown column {name}"),
    "xlsx.missing_column": ("缺少列{name}", "missing column {name}"),
    "xlsx.broken_row": ("工作表从此行起无法读取（{detail}）", "the sheet cannot be read from this row on ({detail})"),
    "xlsx.unusable": ("不是可用的 .xlsx 工作簿：{why}", "not a usable .xlsx workbook: {why}"),
    "xlsx.xml_too_large": ("其XML解压后超过{limit}字节", "its XML is larger than {limit} bytes once decompressed"),
    "xlsx.unwritten": (
        "{part}中含有{what}，电子表格软件不会写出这种内容",
        "{part} holds {what}, which no spreadsheet program writes",
    ),
    "xlsx.comment": ("XML注释", "an XML comment"),
    "xlsx.dtd": ("DTD", "a DTD"),
    "xlsx.no_markup": ("{part}中有超过{limit}字节没有标记", "{part} has more than {limit} bytes without markup"),
}
