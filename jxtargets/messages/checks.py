"""Problems found by `validate` (quotes against their documents) and in writing a report."""

from __future__ import annotations

CHECKS: dict[str, tuple[str, str]] = {
    # Quotes looked up in the source documents (jxtargets/validate.py)
    "source.unknown_document": ("未知的原始文件{doc}", "unknown source document {doc}"),
    "source.not_utf8": ("原始文件{doc}不是UTF-8文本", "source document {doc} is not UTF-8 text"),
    "source.quote_not_found": ("在{doc}中找不到引文：{quote}", "quote not found in {doc}: {quote}"),
    "source.seeds_not_a_folder": (
        "不是文件夹（应为原始文件所在的文件夹）",
        "not a folder (the folder of source documents)",
    ),
    # Writing a report or an export (jxtargets/output.py); {detail} is the operating system's wording
    "output.bad_path": ("不是可用的输出路径（{detail}）", "not a usable output path ({detail})"),
    "output.is_an_input": (
        "拒绝覆盖输入文件；请另选输出文件名",
        "refusing to overwrite an input file; choose another output name",
    ),
    "output.dash": (
        "这里'-'不是文件名；要输出到终端，请不用 --output",
        "'-' is not a file name here; leave out --output to print to the terminal",
    ),
    "output.symlink": (
        "是符号链接；拒绝替换（请直接写出文件本身的名称）",
        "is a symbolic link; refusing to replace it (name the file itself)",
    ),
    "output.directory": ("是文件夹；请给出文件名", "is a directory; give a file name"),
    "output.not_regular": (
        "不是普通文件（是设备、管道或套接字）；拒绝替换",
        "not a regular file (a device, pipe or socket); refusing to replace it",
    ),
    "output.read_only": ("是只读文件；拒绝替换", "is read-only; refusing to replace it"),
    "output.no_folder": ("文件夹{folder}不存在", "folder {folder} does not exist"),
    "output.cannot_write": ("无法在此写入：{detail}", "cannot write here: {detail}"),
}
