"""The command line's own messages, and the frame of a problem line."""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "wrote": ("已写入 {path}", "wrote {path}"),
    "wrote_two": ("已写入 {path} 和 {other}", "wrote {path} and {other}"),
    "imported": (
        "{rows}行：{matched}个指标与指标目录匹配，{targets}个目标；{problems}处留待人工处理",
        "{rows} rows: {matched} matched to the catalogue's indicators, {targets} targets; {problems} problems left for you",
    ),
    "internal_error": (
        "内部错误（internal error）：{error}（设置 JXTARGETS_DEBUG=1 可查看调用栈）",
        "internal error: {error} (set JXTARGETS_DEBUG=1 for the traceback)",
    ),
    "needs_output": ("--format {fmt} 须用 --output 文件.{fmt} 写入文件", "--format {fmt} needs --output FILE.{fmt}"),
    "usage.binary_format": (
        "--format {fmt} 是二进制格式：请用 --output 文件 写入文件",
        "--format {fmt} is binary: write it with --output FILE",
    ),
    "usage.format_not_here": (
        "--format {fmt}：此命令只能输出 {allowed}",
        "--format {fmt}: this command writes {allowed}",
    ),
    "usage.cagr_arguments": (
        "请给出指标（INDICATOR），或同时给出 --from、--to 和 --years",
        "give an INDICATOR, or all of --from, --to and --years",
    ),
    "usage.form_suffix": ("{output}：填报表须为 .xlsx 或 .yaml", "{output}: the form is .xlsx or .yaml"),
    # The mark of a warning in a problem line (file:line: 警告: key: message).
    "problem.warning": ("警告", "warning"),
    # What a reader says when it keeps only the first problems of a file.
    "problems.more_errors": (
        "此处之前另有{count}个错误未列出（只列出前{limit}个问题）",
        "{count} more errors up to here, not shown (only the first {limit} problems are)",
    ),
    "problems.more_warnings": (
        "此处之前另有{count}个警告未列出（只列出前{limit}个问题）",
        "{count} more warnings up to here, not shown (only the first {limit} problems are)",
    ),
    "problems.stopped": (
        "此处之前另有{count}个错误未列出（只列出前{limit}个问题）；已在第{line}行停止读取",
        "{count} more errors up to here, not shown (only the first {limit} problems are); stopped reading at line {line}",
    ),
    # jxtargets validate
    "validate.quotes": ("已在原始文件中核对{count}处引文", "{count} quotes looked up in their source documents"),
    "validate.not_loaded": ("未核对引文：指标目录未能读入", "quotes not checked: the catalogue did not load"),
    "validate.no_seeds": (
        "未核对引文：用 --seeds 文件夹（原始文件所在的文件夹）可核对每一处引文",
        "quotes not checked: give --seeds DIR (the folder of the source documents) to check every quote",
    ),
    "validate.summary": (
        "{files}个文件，{targets}个目标，{figures}个数据：{errors}个错误，{warnings}个警告",
        "{files} files, {targets} targets, {figures} figures: {errors} errors, {warnings} warnings",
    ),
}
