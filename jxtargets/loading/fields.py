"""Small typed readers for validated mappings: each records a problem instead of raising."""

from __future__ import annotations

from .errors import Problems
from .numbers import NumberError, parse_number


def line_of(mapping, key) -> int | None:
    lines = getattr(mapping, "lines", None)
    if isinstance(lines, dict) and key in lines:
        return lines[key]
    return getattr(mapping, "line", None)


def unknown_keys(mapping: dict, allowed, problems: Problems, where: str) -> None:
    for key in mapping:
        if key not in allowed:
            hint = suggest(str(key), allowed)
            problems.add(line_of(mapping, key), f"{where}.{key}" if where else str(key),
                         f"unknown key{hint}")


def suggest(word: str, choices, names: dict[str, str] | None = None) -> str:
    """' (did you mean …?)' from ids and, where given, Chinese names (name -> id)."""
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
    return f" (did you mean {', '.join(dict.fromkeys(shown))}?)"


def mapping(value, problems: Problems, line: int | None, key: str) -> dict | None:
    if isinstance(value, dict):
        return value
    problems.add(line, key, f"expected a mapping, got {_kind(value)}")
    return None


def text(m: dict, key: str, problems: Problems, where: str, required: bool = False) -> str | None:
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), f"{where}.{key}", "missing")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        problems.add(line_of(m, key), f"{where}.{key}", f"expected text, got {_kind(value)}")
        return None
    return value.strip()


def integer(m: dict, key: str, problems: Problems, where: str, required: bool = False,
            lo: int = 1900, hi: int = 2200) -> int | None:
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), f"{where}.{key}", "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(line_of(m, key), f"{where}.{key}", f"expected a year, got {value!r}")
        return None
    if not lo <= value <= hi:
        problems.add(line_of(m, key), f"{where}.{key}", f"year {value} out of range {lo}-{hi}")
        return None
    return value


def number(m: dict, key: str, problems: Problems, where: str, required: bool = False):
    """A finite number (with the unit written after it, if any), or (None, None)."""
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), f"{where}.{key}", "missing")
        return None, None
    try:
        return parse_number(value)
    except NumberError as exc:
        problems.add(line_of(m, key), f"{where}.{key}", str(exc))
        return None, None


def choice(m: dict, key: str, options, problems: Problems, where: str, required: bool = False):
    value = m.get(key)
    if value is None:
        if required:
            problems.add(getattr(m, "line", None), f"{where}.{key}", "missing")
        return None
    if value not in options:
        problems.add(line_of(m, key), f"{where}.{key}",
                     f"{value!r} is not one of {', '.join(map(str, options))}{suggest(str(value), options)}")
        return None
    return value


def names(m: dict, key: str, problems: Problems, where: str) -> tuple[str, ...]:
    value = m.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("、") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value)
    problems.add(line_of(m, key), f"{where}.{key}", "expected a name or a list of names")
    return ()


def _kind(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)
