"""YAML problems in our words: libyaml's refusals as one problem naming the file, line and column
with the likely cause (a tab in the indent, a second document, a control character pasted into
the text), a refused tag, and the dotted key path that names where a duplicate key is."""

from __future__ import annotations

import re

import yaml

from ..messages import Msg, msg
from .errors import Problem

_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def marked_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    # libyaml's own words (what it expected, what it found) are kept as they are, in English.
    detail = " ".join(str(exc.problem or exc).split())
    if detail == "but found another document":
        return Problem.of(file, line, None, "yaml.second_document", column)
    tab: Msg | str = ""
    if mark is not None and "\t" in text:
        lines = _LINE_BREAK.split(text, mark.line + 1)
        near = lines[max(0, mark.line - 1) : mark.line + 1]
        if any("\t" in line[: len(line) - len(line.lstrip(" \t")) + 1] for line in near):  # in the indent
            tab = msg("yaml.tab")
    context: Msg | str = ""
    if exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
        context = msg("yaml.context", context=" ".join(exc.context.split()), line=exc.context_mark.line + 1)
    return Problem.of(file, line, None, "yaml.malformed", column, detail=detail, tab=tab, context=context)


def reader_problem(exc, text: str, file: str) -> Problem:
    m = _NOT_PRINTABLE.search(text)
    if m is None:
        return Problem.of(file, None, None, "yaml.not_text", detail=" ".join(str(exc.reason).split()))
    before = _LINE_BREAK.split(text[: m.start()])
    line, column = len(before), len(before[-1]) + 1
    return Problem.of(file, line, None, "yaml.control_character", column, char=f"U+{ord(m.group()):04X}")


def tag_refused(tag: str) -> Msg:
    return msg("yaml.tag", tag=tag.replace("tag:yaml.org,2002:", "!!"))


def key_paths(root, wanted: set[int]) -> dict[int, str]:
    """The dotted path of each wanted mapping (by id), found by walking the built tree."""
    found: dict[int, str] = {}
    stack = [(root, "")]
    seen: set[int] = set()
    while stack and len(found) < len(wanted):
        value, path = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            if id(value) in wanted:
                found.setdefault(id(value), path)
            stack.extend(
                (v, f"{path}.{k}" if path else str(k)) for k, v in value.items() if isinstance(v, (dict, list))
            )
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i + 1}]") for i, v in enumerate(value) if isinstance(v, (dict, list)))
    return found
