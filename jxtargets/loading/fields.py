"""Small typed readers for validated mappings: each records a problem instead of raising."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..messages import Msg, msg
from .errors import Problems
from .numbers import WIDTH, NumberError, parse_number


def join(where: str, key: object) -> str:
    """The dotted path of a key: `values.gdp`, or just `year` at the top."""
    return f"{where}.{key}" if where else str(key)


# Years read from text in the default range, by the text: a CSV repeats a handful of them.
_YEARS: dict[str, int] = {}
_YEARS_KEPT = 1000


def year_of(raw: object, lo: int = 1900, hi: int = 2200) -> int:
    """A year from YAML, a CSV cell or an Excel cell: 2020, "2020", "２０２０", "2020年", 2020.0.
    NumberError otherwise (2020.5, a date, a year out of range)."""
    if isinstance(raw, str) and lo == 1900 and hi == 2200:
        found = _YEARS.get(raw)
        if found is None:
            found = _year_of(raw, lo, hi)  # raises for anything but a year: never kept
            if len(_YEARS) < _YEARS_KEPT:
                _YEARS[raw] = found
        return found
    return _year_of(raw, lo, hi)


def _year_of(raw: object, lo: int, hi: int) -> int:
    if isinstance(raw, bool) or raw is None or not isinstance(raw, (int, float, str)):
        raise NumberError("year.expected", got=kind(raw))
    if isinstance(raw, str):
        text = raw.translate(WIDTH).strip().removesuffix("年").strip()
        if not text.isascii() or not text.isdigit():
            raise NumberError("year.expected", got=kind(raw))
        value = int(text[:9])
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise NumberError("year.expected", got=repr(raw))
        value = int(raw)
    else:
        value = raw
    if not lo <= value <= hi:
        raise NumberError("year.out_of_range", year=str(value)[:12], lo=lo, hi=hi)
    return value


def line_of(mapping: object, key: object) -> int | None:
    lines = getattr(mapping, "lines", None)
    if isinstance(lines, dict) and key in lines:
        return lines[key]
    return getattr(mapping, "line", None)


def unknown_keys(mapping: dict[Any, Any], allowed: Iterable[str], problems: Problems, where: str) -> None:
    for key in mapping:
        if key not in allowed:
            problems.add(line_of(mapping, key), join(where, key), "key.unknown", hint=did_you_mean(str(key), allowed))


def did_you_mean(word: str, choices: Iterable[str], names: dict[str, str] | None = None) -> Msg | str:
    """The message ' (did you mean …?)' from ids and, where given, Chinese names (name -> id);
    "" when nothing is close."""
    import difflib

    pool = list(choices)
    if names:
        pool += list(names)
    close = difflib.get_close_matches(word, pool, n=3, cutoff=0.6)
    if not close and names:
        close = [n for n in names if word and (word in n or n in word)][:3]
    if not close:
        return ""
    shown = []
    for c in close:
        if names and c in names:
            shown.append(f"{names[c]} ({c})")
        else:
            shown.append(c)
    return msg("hint.did_you_mean", names=", ".join(dict.fromkeys(shown)))


def mapping(value: object, problems: Problems, line: int | None, key: str) -> dict[Any, Any] | None:
    if isinstance(value, dict):
        return value
    problems.add(line, key, "value.expected_mapping", got=kind(value))
    return None


def text(m: dict[Any, Any], key: str, problems: Problems, where: str, required: bool = False) -> str | None:
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), join(where, key), "key.missing")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        problems.add(line_of(m, key), join(where, key), "value.expected_text", got=kind(value))
        return None
    return value.strip()


def year_field(
    m: dict[Any, Any], key: str, problems: Problems, where: str, required: bool = False, lo: int = 1900, hi: int = 2200
) -> int | None:
    """A year (lo-hi; see `year_of`) under `key`, or None with a problem."""
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), join(where, key), "key.missing")
        return None
    try:
        return year_of(value, lo, hi)
    except NumberError as exc:
        problems.add(line_of(m, key), join(where, key), exc.msg)
        return None


def number(
    m: dict[Any, Any], key: str, problems: Problems, where: str, required: bool = False
) -> tuple[float, str | None] | tuple[None, None]:
    """A finite number (with the unit written after it, if any), or (None, None)."""
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), join(where, key), "key.missing")
        return None, None
    try:
        return parse_number(value)
    except NumberError as exc:
        problems.add(line_of(m, key), join(where, key), exc.msg)
        return None, None


def choice(
    m: dict[Any, Any], key: str, options: Iterable[Any], problems: Problems, where: str, required: bool = False
) -> Any:
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), join(where, key), "key.missing")
        return None
    if value not in options:
        problems.add(
            line_of(m, key),
            join(where, key),
            "value.not_one_of",
            value=repr(value),
            options=", ".join(map(str, options)),
            hint=did_you_mean(str(value), options),
        )
        return None
    return value


def names(m: dict[Any, Any], key: str, problems: Problems, where: str) -> tuple[str, ...]:
    value = m.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("、") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value)
    problems.add(line_of(m, key), join(where, key), "value.expected_names")
    return ()


def kind(value: object) -> Msg | str:
    """What a value is, for a message: a mapping, a list, nothing (messages), or its repr (cut at 40)."""
    if isinstance(value, dict):
        return msg("kind.mapping")
    if isinstance(value, list):
        return msg("kind.list")
    if value is None:
        return msg("kind.nothing")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
