"""Numbers as people paste them from PDFs, Word and Excel.

Accepted where unambiguous, and converted: full-width digits and punctuation (５５０９．５, ％,
，), the minus sign U+2212, thousands separators in groups of three (5,509.5), a unit written
after the number (5509.5亿元, 69%, 1.2万人, 28微克/立方米; the caller converts or refuses it), a
leading + and surrounding spaces (including full-width and non-breaking ones).

Refused, each with a message that says why:

- NaN and infinities (`.nan`, `nan`, `inf`, 1e999), numbers of 1e15 or more, and blanks;
- yes/no words (YAML 1.1 booleans: yes, no, on, off, y, n) and true/false;
- YAML 1.1 forms that PyYAML would have turned into numbers: 0755 (octal), 1_000, 60:30
  (sexagesimal), 0x1f, 0o17, 0b101;
- a comma that is not a thousands separator (12,34 or 1,2345: a decimal comma or a typo);
- ranges and lists (5000-6000, 3~5, 1/2, 1.5.2), and digits that are not 0-9 (①, ², ½, ٣);
- approximate figures (约5500, 5500左右, 9000以上): a reported figure must be exact;
- a "unit" with a digit or an invisible character in it (5O00 with a letter O, 0.0l56, 10\u200b00
  with a zero-width space from a PDF): a mistyped number, never read as its first digits.
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..messages import Msg, msg

# Full-width ASCII (U+FF01-FF5E) to ASCII, the ideographic space to a space, minus signs to '-'.
WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
WIDTH.update({0x3000: 0x20, 0x2212: 0x2D, 0xFE63: 0x2D})
_NUMBER = re.compile(r"([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s*(.*)\Z", re.S)
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9,])")
_RADIX = re.compile(r"[-+]?0[xXoObB]")
_OCTAL = re.compile(r"[-+]?0[0-9]+\Z")
_UNDERSCORE = re.compile(r"[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?\Z")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?\Z")
_NO_FIGURE = {"-", "--", "—", "——", "–", "/", "…", "...", "n/a", "na", "null", "none", "无", "空", "暂无"}
_YES_NO = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_NOT_FINITE = {"nan", "inf", "infinity", ".nan", ".inf"}
_APPROXIMATE = ("左右", "以上", "以下", "以内", "上下", "多", "余", "约", "近", "超", "不到", "不足", "将近", "逾")
# Zero-width and other format characters (U+200B, U+FEFF …) and controls: invisible in a cell.
_INVISIBLE = ("Cf", "Cc", "Co", "Cn")
# A unit cannot start with these: the text is a range, a list, a date or a mistyped number.
_BAD_UNIT_START = set(",_:;./-~+*×·。、–—")


# No statistic is this large in any unit a catalogue uses (5509.5亿元 is 5.5e11 元); anything
# larger is a typo, and would overflow the growth arithmetic.
LARGEST = 1e15
# A plain decimal (5509.5, -3, 0.25: no leading zero, exponent, unit, comma or space), as nearly
# every CSV cell is: nothing below can refuse or change it but the size bound.
_PLAIN = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?").fullmatch


class NumberError(ValueError):
    """Not a number the reader can take at face value; `msg` says why (a message code)."""

    def __init__(self, code: str | Msg, **params: object):
        self.msg = code if isinstance(code, Msg) else msg(code, **params)
        super().__init__(str(self.msg))


def parse_number(raw: object) -> tuple[float, str | None]:
    """A finite number and the unit written after it (None when there is none)."""
    if raw.__class__ is str and _PLAIN(raw):
        value = float(raw)
        if -LARGEST < value < LARGEST:
            return value, None
    if isinstance(raw, bool):
        raise NumberError("number.yes_no_value", value=str(raw).lower())
    if isinstance(raw, (int, float)):
        try:
            value = float(raw)
        except OverflowError:
            raise NumberError("number.too_long", value=str(raw)[:20]) from None
        if not math.isfinite(value):
            raise NumberError("number.not_finite", value=repr(raw))
        if abs(value) >= LARGEST:
            raise NumberError("number.too_large", value=repr(raw))
        return value, None
    if raw is None:
        raise NumberError("number.empty")
    if not isinstance(raw, str):
        kind = msg("kind.mapping") if isinstance(raw, dict) else msg("kind.list") if isinstance(raw, list) else None
        raise NumberError("number.expected", kind=kind or type(raw).__name__)
    shown = _show(raw)
    text = raw.translate(WIDTH).strip()
    if not text:
        raise NumberError("number.empty")
    low = text.lower()
    if low in _YES_NO:
        raise NumberError("number.yes_no_word", value=shown)
    if low.lstrip("+-") in _NOT_FINITE:
        raise NumberError("number.not_finite", value=shown)
    if low in _NO_FIGURE:
        raise NumberError("number.no_figure", value=shown)
    if _UNDERSCORE.match(text):
        raise NumberError("number.underscore", value=shown)
    if _SEXAGESIMAL.match(text):
        raise NumberError("number.sexagesimal", value=shown)
    if _RADIX.match(text):
        raise NumberError("number.radix", value=shown)
    if text.startswith(_APPROXIMATE):
        raise NumberError("number.approximate", value=shown)
    match = _THOUSANDS.match(text)
    if match:
        text = text[: match.end()].replace(",", "") + text[match.end() :]
    m = _NUMBER.match(text)
    if not m:
        raise NumberError("number.not_a_number", value=shown)
    number, unit = m.group(1), m.group(2).strip()
    if unit and (unit[0] in _BAD_UNIT_START or unicodedata.category(unit[0]) in ("Nd", "No", "Nl")) or "," in number:
        raise NumberError("number.ambiguous", value=shown)
    if unit and (bad := next((c for c in unit if unicodedata.category(c) in _INVISIBLE), None)):
        raise NumberError("number.invisible", value=shown, char=f"U+{ord(bad):04X}")
    if unit and any("0" <= c <= "9" for c in unit):
        raise NumberError("number.letters", value=shown)
    if unit and any(word in unit for word in _APPROXIMATE):
        raise NumberError("number.approximate", value=shown)
    if _OCTAL.match(number):
        raise NumberError("number.leading_zero", value=shown)
    value = float(number)
    if not math.isfinite(value):
        raise NumberError("number.not_finite", value=shown)
    if abs(value) >= LARGEST:
        raise NumberError("number.too_large", value=shown)
    return value, unit or None


def _show(raw: str) -> str:
    return repr(raw if len(raw) <= 40 else raw[:37] + "...")
