"""Safe YAML reading that keeps line numbers.

PyYAML composes the node tree (with its C parser where available); we then build plain Python
values ourselves, so that:

- every mapping remembers the line of each key (`LineDict.lines`), for errors;
- duplicate keys are errors naming both lines (PyYAML keeps the last one silently);
- YAML 1.1 traps never become silent numbers or booleans: `yes/no/on/off`, `0755`, `1_000` and
  `60:30` stay strings, which the validators then refuse as numbers;
- only the core tags are honoured (no Python objects), and alias expansion and nesting depth are
  bounded, so a "billion laughs" file is refused quickly in bounded memory.
"""

from __future__ import annotations

import re

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader

from .errors import Problem

MAX_NODES = 2_000_000
MAX_DEPTH = 64
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".nan": float("nan"), ".inf": float("inf"), "+.inf": float("inf"),
                   "-.inf": float("-inf")}


class LineDict(dict):
    """A dict that knows the line of each key and of itself (1-based)."""

    __slots__ = ("lines", "line")


class LineList(list):
    __slots__ = ("lines", "line")


class YamlError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.count = 0

    def fail(self, node, message: str) -> None:
        mark = node.start_mark
        raise YamlError(Problem(self.file, mark.line + 1, None, message, mark.column + 1))

    def build(self, node, depth: int = 0):
        self.count += 1
        if self.count > MAX_NODES:
            self.fail(node, "file too large after expanding aliases (alias bomb?); refused")
        if depth > MAX_DEPTH:
            self.fail(node, f"nested deeper than {MAX_DEPTH} levels; refused")
        if isinstance(node, yaml.MappingNode):
            if node.tag not in (_MAP,):
                self.fail(node, f"tag {node.tag} is not allowed")
            out = LineDict()
            out.lines = {}
            out.line = node.start_mark.line + 1
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, "merge keys (<<) are not allowed")
                key = self.build(key_node, depth + 1)
                if isinstance(key, (dict, list)):
                    self.fail(key_node, "a key must be a plain value")
                line = key_node.start_mark.line + 1
                if key in out.lines:
                    self.fail(key_node, f"duplicate key {key!r} (first at line {out.lines[key]})")
                out.lines[key] = line
                out[key] = self.build(value_node, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self.fail(node, f"tag {node.tag} is not allowed")
            out = LineList()
            out.line = node.start_mark.line + 1
            out.lines = [n.start_mark.line + 1 for n in node.value]
            out.extend(self.build(n, depth + 1) for n in node.value)
            return out
        return self.scalar(node)

    def scalar(self, node):
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            low = text.lower()
            if low in ("true", "false"):
                return low == "true"
            return text  # yes/no/on/off: YAML 1.1 booleans, kept as text
        if tag == _INT:
            return int(text) if _PLAIN_INT.match(text) else text  # 0755, 1_000, 60:30, 0x1f
        if tag == _FLOAT:
            low = text.lower()
            if low in _SPECIAL_FLOATS:
                return _SPECIAL_FLOATS[low]
            return float(text) if _PLAIN_FLOAT.match(text) else text
        if tag == "tag:yaml.org,2002:timestamp":
            return text
        self.fail(node, f"tag {tag} is not allowed")


def parse(text: str, file: str):
    """Parse YAML text into plain values with line numbers. Raises YamlError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        message = exc.problem or str(exc)
        if "\t" in text and "tab" in message.lower() or "found character '\\t'" in message:
            message += " (tabs cannot indent YAML; use spaces)"
        raise YamlError(Problem(file, line, None, f"malformed YAML: {message}", column)) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(file, None, None, f"malformed YAML: {exc}")) from None
    except RecursionError:
        raise YamlError(Problem(file, None, None, "nested too deeply; refused")) from None
    if node is None:
        return None
    try:
        return _Builder(file).build(node)
    except RecursionError:
        raise YamlError(Problem(file, None, None, "nested too deeply; refused")) from None
