"""Numbers as people paste them from PDFs, Word and Excel.

Accepted where unambiguous: full-width digits and punctuation (５５０９．５, ％), thousands
separators in groups of three (5,509.5), a unit written after the number (5509.5亿元, 69%,
1.2万人), a leading + and surrounding spaces. Refused with a message: anything else, including
NaN and infinities, a comma that is not a thousands separator, and YAML 1.1 forms that PyYAML
would have turned into numbers (0755, 1_000, 60:30).
"""

from __future__ import annotations

import math
import re
import unicodedata

_NUMBER = re.compile(r"([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*)\Z", re.S)
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")


class NumberError(ValueError):
    pass


def parse_number(raw: object) -> tuple[float, str | None]:
    """A finite number and the unit written after it (None when there is none)."""
    if isinstance(raw, bool):
        raise NumberError(f"{raw!r} is a yes/no value, not a number")
    if isinstance(raw, (int, float)):
        value = float(raw)
        if not math.isfinite(value):
            raise NumberError(f"{raw!r} is not a finite number")
        return value, None
    if not isinstance(raw, str):
        raise NumberError(f"expected a number, got {type(raw).__name__}")
    text = unicodedata.normalize("NFKC", raw).strip()
    text = text.replace("−", "-").replace("，", ",")
    match = _THOUSANDS.match(text)
    if match:
        text = text[: match.end()].replace(",", "") + text[match.end():]
    m = _NUMBER.match(text)
    if not m:
        raise NumberError(f"{raw!r} is not a number")
    number, unit = m.group(1), m.group(2).strip()
    if unit and (unit[0].isdigit() or unit[0] in ",_:.") or "," in number:
        raise NumberError(f"{raw!r} is ambiguous: write the number plainly, e.g. 5509.5")
    if re.fullmatch(r"[-+]?0\d+", number):
        raise NumberError(f"{raw!r} has a leading zero (octal in YAML 1.1); write it plainly")
    value = float(number)
    if not math.isfinite(value):
        raise NumberError(f"{raw!r} is not a finite number")
    return value, unit or None
