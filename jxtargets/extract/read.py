"""Reading a bulletin or report: plain text (UTF-8, or GBK/GB18030 as published or pasted) or
.docx (paragraphs, then each table one cell per line, as tables laid out as text). Never writes."""

from __future__ import annotations

from pathlib import Path

from ..loading.errors import LoadError, Problem


def read_document(path: Path) -> tuple[str, list[Problem]]:
    """The document's text and any warnings; LoadError when it cannot be read."""
    if not path.is_file():
        raise LoadError([Problem.of(str(path), None, None, "file.no_such_file")])
    if path.suffix.lower() == ".docx":
        return _docx(path), []
    if path.suffix.lower() in (".doc", ".pdf", ".xlsx", ".xls"):
        raise LoadError([Problem.of(str(path), None, None, "extract.suffix", suffix=path.suffix)])
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise LoadError([Problem.of(str(path), None, None, "extract.undecodable")]) from None
    warning = Problem.of(str(path), None, None, "extract.gbk", warning=True)
    return text, [warning]


def _docx(path: Path) -> str:
    import zipfile

    import docx  # python-docx: imported only by `extract`
    from docx.opc.exceptions import OpcError

    try:
        document = docx.Document(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError([Problem.of(str(path), None, None, "extract.docx_unreadable", detail=str(exc))]) from None
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        # As PDF converters lay tables out: a tab before each cell, a blank line between rows.
        rows = ["\n".join("\t" + " ".join(cell.text.split()) for cell in row.cells) for row in table.rows]
        blocks.append("\n\n".join(rows))
    return "\n\n".join(blocks)
