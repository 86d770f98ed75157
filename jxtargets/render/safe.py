"""Strings from a catalogue or an actuals file are data, never live content, in every output.

One function per kind of output:

- `visible`: control characters (ESC and the other C0/C1 codes, DEL) and the invisible
  bidirectional controls (U+202A-U+202E, U+2066-U+2069, the "Trojan Source" characters) become
  visible escapes (`\\x1b`, `\\u202e`), so a name cannot move the cursor, recolour or clear a
  terminal, hide text, or make an XML writer (xlsx, docx) refuse the file. Line breaks and tabs stay.
- `csv_cell`: a text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
  `@`, a tab or a carriage return) gets a leading `'`, as OWASP's "CSV Injection" page advises.
  Numbers are left alone. `--csv-raw` turns this off for scripts that want the bytes as given.
- `md_cell`: a Markdown table cell: `|` escaped, line breaks as spaces, control characters visible,
  and a `<` that could open an HTML tag or autolink written `&lt;` (a `<` before a space or a digit,
  as in `80 < 100`, stays).
- xlsx cells are written as strings (data type `s`) by render/xlsx.py, HTML is escaped there.
"""

from __future__ import annotations

import re

_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with control and bidi-control characters shown as escapes."""
    return _HIDDEN.sub(_escape, text) if _HIDDEN.search(text) else text


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula (OWASP: prefix with a quote)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def md_cell(value: object) -> str:
    """A Markdown table cell that cannot end the cell or the row."""
    text = visible(str(value))
    return _TAG_OPEN.sub("&lt;", " ".join(text.splitlines()).replace("|", "\\|"))


def md_rows(rows: list[list[str]]) -> list[list[str]]:
    return [[md_cell(c) for c in row] for row in rows]


def append_inert(sheet, values: list) -> None:
    """Append a row whose text cells stay text: openpyxl turns a string starting with `=` into a
    formula (an indicator named `=HYPERLINK(…)` would become a live link); written with data type
    `s` it is a plain string. Control characters, which the xlsx XML cannot hold, are shown as
    escapes (safe.visible)."""
    sheet.append([visible(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"
