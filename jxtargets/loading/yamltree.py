"""Safe YAML reading that keeps line numbers.

PyYAML composes the node tree (with its C parser where available); we then build plain Python
values ourselves, so that:

- every mapping remembers the line of each key (`LineDict.lines`), for errors;
- duplicate keys are errors naming both lines (PyYAML keeps the last one silently), every one of
  them, with the path of the key (`values.gdp`);
- YAML 1.1 traps never become silent numbers or booleans: `yes/no/on/off`, `0755`, `1_000` and
  `60:30` stay strings, which the validators then refuse as numbers;
- only the core tags are honoured (no Python objects: `!!python/...` is refused, never built);
- alias expansion is bounded (an aliased collection is built once and shared; its expanded size
  still counts against MAX_NODES), so a "billion laughs" file is refused in milliseconds;
  recursive aliases are refused;
- nesting depth is bounded (MAX_DEPTH). libyaml's composer recurses on the C stack and crashes the
  interpreter (SIGSEGV) on a few tens of thousands of nested brackets, so a file that could nest
  that deep is composed on a thread with a stack big enough for it, or, beyond that, its depth is
  measured first from the parser's event stream (which does not recurse).

Errors are `YamlError`, carrying one `Problem` per line, each on one line of text.
"""

from __future__ import annotations

import re
import threading

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader

from .errors import Problem

MAX_NODES = 2_000_000
MAX_DEPTH = 64
# Nesting that libyaml's recursive composer survives on any thread with a 1 MiB stack (it
# crashes at ~3,000 levels there, ~30,000 on an 8 MiB main thread).
_SAFE_NESTING = 1000
# Stack per possible level when composing on a thread of our own (libyaml uses 170-500 bytes).
_STACK_PER_LEVEL = 1024
# Up to this bound, compose on a thread of our own (at worst ~0.3 s for so deep a file); beyond
# it, measure the depth first (costs ~20% of a compose).
_THREAD_NESTING = 8000
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,299})\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".nan": float("nan"), ".inf": float("inf"), "+.inf": float("inf"),
                   "-.inf": float("-inf")}
# Characters YAML refuses (c-printable's complement), to say where a ReaderError is.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_STACK_LOCK = threading.Lock()
# Line breaks as libyaml counts them.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class LineDict(dict):
    """A dict that knows the line of each key and of itself (1-based)."""

    __slots__ = ("lines", "line")


class LineList(list):
    __slots__ = ("lines", "line")


class YamlError(Exception):
    """One or more problems (`problems`; `problem` is the first) that stop a file parsing."""

    def __init__(self, problems: Problem | list[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.problem = self.problems[0]
        super().__init__("\n".join(map(str, self.problems)))


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.count = 0
        self.deepest = 0
        # id(node) -> (value, size, height) of every collection built: an alias reuses it.
        self.built: dict[int, tuple[object, int, int]] = {}
        self.active: set[int] = set()
        self.duplicates: list[tuple[LineDict, object, int, int, int]] = []

    def fail(self, node, message: str) -> None:
        mark = node.start_mark
        raise YamlError(Problem(self.file, mark.line + 1, None, message, mark.column + 1))

    def build(self, node, depth: int = 0):
        if depth > MAX_DEPTH:
            self.fail(node, f"nested deeper than {MAX_DEPTH} levels; refused")
        if not isinstance(node, yaml.CollectionNode):
            self.count += 1
            if self.count > MAX_NODES:
                self.fail(node, f"more than {MAX_NODES:,} values; refused")
            return self.scalar(node)
        key = id(node)
        seen = self.built.get(key)
        if seen is not None:  # an alias: share what was built, but count its full size
            value, size, height = seen
            self.count += size
            if self.count > MAX_NODES:
                self.fail(node, f"more than {MAX_NODES:,} values after expanding aliases "
                                "(an alias bomb?); refused")
            if depth + height > MAX_DEPTH:
                self.fail(node, f"nested deeper than {MAX_DEPTH} levels (through an alias); refused")
            self.deepest = max(self.deepest, depth + height)
            return value
        if key in self.active:
            self.fail(node, "an alias refers to a collection that contains it (recursive alias); refused")
        self.active.add(key)
        start, outer = self.count, self.deepest
        self.count += 1
        self.deepest = depth + 1
        if isinstance(node, yaml.MappingNode):
            value = self.mapping(node, depth)
        else:
            if node.tag != _SEQ:
                self.fail(node, _tag_refused(node.tag))
            value = LineList()
            value.line = node.start_mark.line + 1
            value.lines = [n.start_mark.line + 1 for n in node.value]
            value.extend(self.build(n, depth + 1) for n in node.value)
        height = self.deepest - depth
        self.deepest = max(outer, self.deepest)
        self.active.discard(key)
        self.built[key] = (value, self.count - start, height)
        return value

    def mapping(self, node, depth: int) -> LineDict:
        if node.tag != _MAP:
            self.fail(node, _tag_refused(node.tag))
        out = LineDict()
        out.lines = {}
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "merge keys (<<) are not allowed")
            if isinstance(key_node, yaml.CollectionNode):
                self.fail(key_node, "a key must be a plain value, not a list or mapping")
            key = self.build(key_node, depth + 1)
            line = key_node.start_mark.line + 1
            value = self.build(value_node, depth + 1)
            first = out.lines.get(key)
            if first is not None:  # keep the first; report every repeat
                self.duplicates.append((out, key, first, line, key_node.start_mark.column + 1))
                continue
            out.lines[key] = line
            out[key] = value
        return out

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
        self.fail(node, _tag_refused(tag))

    def duplicate_problems(self, root) -> list[Problem]:
        paths = _paths(root, {id(d[0]) for d in self.duplicates}) if self.duplicates else {}
        out = []
        for mapping, key, first, line, column in self.duplicates:
            path = paths.get(id(mapping), "")
            name = f"{path}.{key}" if path else str(key)
            out.append(Problem(self.file, line, name,
                               f"duplicate key {key!r}: given at line {first} and again at line {line} "
                               "(remove one)", column))
        return out


def _tag_refused(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"tag {shown} is not allowed (plain YAML values only; nothing is ever constructed from a tag)"


def _paths(root, wanted: set[int]) -> dict[int, str]:
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
            stack.extend((v, f"{path}.{k}" if path else str(k)) for k, v in value.items()
                         if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i + 1}]") for i, v in enumerate(value) if isinstance(v, (dict, list)))
    return found


def parse(text: str, file: str, problems: list[Problem] | None = None):
    """Parse YAML text into plain values with line numbers. Raises YamlError.

    Duplicate keys (the first value is kept) are added to `problems` when it is given, so that a
    validator can report them with everything else; otherwise they are raised."""
    try:
        node = _compose(text, file)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_marked_problem(exc, text, file)) from None
    except yaml.reader.ReaderError as exc:
        raise YamlError(_reader_problem(exc, text, file)) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise YamlError(Problem(file, None, None, f"malformed YAML: {message}")) from None
    except RecursionError:
        raise YamlError(Problem(file, None, None, f"nested deeper than {MAX_DEPTH} levels; refused")) from None
    if node is None:
        return None
    builder = _Builder(file)
    try:
        tree = builder.build(node)
    except RecursionError:
        raise YamlError(Problem(file, None, None, f"nested deeper than {MAX_DEPTH} levels; refused")) from None
    duplicates = builder.duplicate_problems(tree)
    if duplicates:
        if problems is None:
            raise YamlError(duplicates)
        problems.extend(duplicates)
    return tree


def _marked_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    message = " ".join(str(exc.problem or exc).split())
    if message == "but found another document":
        message = "a second YAML document (---) in the file; it must hold exactly one"
        return Problem(file, line, None, message, column)
    if mark is not None and "\t" in text:
        lines = _LINE_BREAK.split(text, mark.line + 1)
        near = lines[max(0, mark.line - 1): mark.line + 1]
        if any("\t" in line[: len(line) - len(line.lstrip(" \t")) + 1] for line in near):  # in the indent
            message += " (a tab: YAML indents with spaces only)"
    if exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
        message += f" ({' '.join(exc.context.split())} at line {exc.context_mark.line + 1})"
    return Problem(file, line, None, f"malformed YAML: {message}", column)


def _reader_problem(exc, text: str, file: str) -> Problem:
    m = _NOT_PRINTABLE.search(text)
    if m is None:
        return Problem(file, None, None, f"not valid YAML text: {' '.join(str(exc.reason).split())}")
    before = _LINE_BREAK.split(text[: m.start()])
    line, column = len(before), len(before[-1]) + 1
    return Problem(file, line, None, f"control character U+{ord(m.group()):04X} is not allowed in YAML "
                                     "(a binary file, or text pasted with hidden characters?)", column)


def _compose(text: str, file: str):
    """yaml.compose, without letting libyaml's recursion overflow the C stack, and without its
    slowness on deep nesting (quadratic: 1 s at 20,000 levels)."""
    bound = len(text)
    if bound > _SAFE_NESTING:
        # A sound upper bound of the nesting: flow nesting needs a bracket per level, block
        # nesting a column per level.
        bound = text.count("[") + text.count("{") + max(map(len, text.split("\n"))) + 1
    if bound <= _SAFE_NESTING or _Loader is not getattr(yaml, "CSafeLoader", None):
        return yaml.compose(text, Loader=_Loader)  # pure-Python composer: RecursionError instead
    if bound <= _THREAD_NESTING:
        try:
            return _on_thread(text, bound * _STACK_PER_LEVEL + (8 << 20))
        except (RuntimeError, ValueError, MemoryError):
            pass
    _check_depth(text, file)  # exact, from the event stream; stops at the first level too deep
    return yaml.compose(text, Loader=_Loader)


def _on_thread(text: str, stack: int):
    result: list = []

    def run() -> None:
        try:
            result.append((True, yaml.compose(text, Loader=_Loader)))
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            result.append((False, exc))

    with _STACK_LOCK:
        old = threading.stack_size(stack - stack % 4096)
        try:
            worker = threading.Thread(target=run, name="jxtargets-yaml", daemon=True)
            worker.start()
        finally:
            threading.stack_size(old)
    worker.join()
    ok, value = result[0]
    if not ok:
        raise value
    return value


def _check_depth(text: str, file: str) -> None:
    """Refuse a document nested deeper than MAX_DEPTH, from the event stream (no recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH + 1:  # the builder counts the top collection as level 0
                mark = event.start_mark
                raise YamlError(Problem(file, mark.line + 1, None,
                                        f"nested deeper than {MAX_DEPTH} levels; refused", mark.column + 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
