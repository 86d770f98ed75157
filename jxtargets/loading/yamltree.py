"""Safe YAML reading that keeps line numbers.

We read the parser's event stream (libyaml's C parser where available) and build plain Python
values straight from it: no node tree in between (PyYAML's compose() tree costs some twenty times
the file's size in memory) and no recursion (libyaml's composer recurses on the C stack, so
deep nesting could crash the interpreter). So that:

- every mapping remembers the line of each key (`LineDict.lines`), for errors;
- duplicate keys are errors naming both lines (PyYAML keeps the last one silently), every one of
  them, with the path of the key (`values.gdp`);
- YAML 1.1 traps never become silent numbers or booleans: `yes/no/on/off`, `0755`, `1_000` and
  `60:30` stay strings, which the validators then refuse as numbers (scalar tags are resolved by
  the loader's own resolver, as compose() does);
- only the core tags are honoured (no Python objects: `!!python/...` is refused, never built);
- alias expansion is bounded (an aliased collection is built once and shared; its expanded size
  still counts against MAX_NODES), so a "billion laughs" file is refused in milliseconds;
  recursive aliases are refused;
- nesting depth is bounded (MAX_DEPTH): reading stops at the first level too deep, so 200,000
  nested brackets are refused in milliseconds, with one message (TOO_DEEP) at the same line and
  column whatever the PyYAML/libyaml version (libyaml 0.2.6 refuses 1,000 levels itself, its
  scanner reading ahead of the events we build from: the text before that place is then read
  again, and meets our bound first; see _build).

Reading stops at the first problem (except duplicate keys, which are all collected).

Errors are `YamlError`, carrying one `Problem` per line, each on one line of text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from ..messages import Msg, msg
from .errors import Problem
from .yaml_errors import key_paths, marked_problem, reader_problem, tag_refused

# libyaml's C parser where PyYAML was built with it, else PyYAML's own (same events, slower).
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 2_000_000
MAX_DEPTH = 64
# The one message for nesting too deep, whoever noticed it first (this module or libyaml).
TOO_DEEP = msg("yaml.too_deep", depth=MAX_DEPTH)
# How libyaml >= 0.2.6 words its own refusal (ScannerError/ParserError problem), to recognise it.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
# Plain scalars resolved and converted once per parse and then shared (keys, years, units recur
# thousands of times); beyond this many distinct ones, the rest are converted each time.
_CACHE_LIMIT = 50_000
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,299})\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".nan": float("nan"), ".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf")}
# Characters YAML refuses (c-printable's complement), to say where a ReaderError is.
# Line breaks as libyaml counts them.
_NO_KEY = object()  # a mapping's state when its next event is a key
_A_KEY = msg("yaml.key_not_plain")
_MERGE_KEY = msg("yaml.merge_key")


class LineDict(dict):
    """A dict that knows the line of each key and of itself (1-based)."""

    __slots__ = ("lines", "line")
    lines: dict[Any, int]
    line: int


class LineList(list):
    """A list that knows the line of each item and of itself (1-based)."""

    __slots__ = ("lines", "line")
    lines: list[int]
    line: int


class YamlError(Exception):
    """One or more problems (`problems`; `problem` is the first) that stop a file parsing."""

    def __init__(self, problems: Problem | list[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.problem = self.problems[0]
        super().__init__("\n".join(map(str, self.problems)))


class _Refused(Exception):
    """A refusal of this module (not malformed YAML), at a mark."""

    def __init__(self, mark, message: Msg):
        super().__init__(str(message))
        self.mark, self.message = mark, message


class _Anchor:
    """What an alias to an anchor gives: the value built, the anchored node's start mark (which
    an alias reports, as compose() shared the node), and for a collection its expanded size in
    values and its height in levels (`open` while it is being built: an alias then recurses)."""

    __slots__ = ("value", "mark", "collection", "size", "height", "open")

    def __init__(self, mark, collection: bool):
        self.value = None
        self.mark = mark
        self.collection = collection
        self.size = 1
        self.height = 0
        self.open = collection


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.anchors: dict[str, _Anchor] = {}
        self.duplicates: list[tuple[LineDict, object, int, int, int]] = []
        self.root_mark = None

    def run(self, loader):
        try:
            get = loader.get_event
            get()  # StreamStartEvent
            if get().__class__ is StreamEndEvent:  # else DocumentStartEvent
                return None
            self.root_mark = loader.peek_event().start_mark
            root = self.values(get, loader.resolve)
            get()  # DocumentEndEvent
            self.single(get)
            return root
        finally:
            loader.dispose()

    def single(self, get) -> None:
        event = get()
        if event.__class__ is not StreamEndEvent:
            raise ComposerError(
                "expected a single document in the stream",
                self.root_mark,
                "but found another document",
                event.start_mark,
            )

    def anchor(self, event, collection: bool) -> _Anchor:
        first = self.anchors.get(event.anchor)
        if first is not None:
            raise ComposerError(
                "found duplicate anchor; first occurrence", first.mark, "second occurrence", event.start_mark
            )
        found = self.anchors[event.anchor] = _Anchor(event.start_mark, collection)
        return found

    def values(self, get, resolve):
        """The value of one node (the document's), read event by event."""
        anchors, duplicates, scalar = self.anchors, self.duplicates, self.scalar
        cache: dict[str, object] = {}
        cached = cache.get
        count = 0  # values built, aliases expanded
        opened = 0  # collections open: the depth of the next node
        deepest = 0  # the deepest level reached (reset under an anchor, for its height)
        stack: list = []  # the enclosing collections: (container, is_map, extra)
        cur: Any = None  # the collection being filled (None: the node is the root)
        is_map = False
        key: Any = _NO_KEY  # the key waiting for its value, in a mapping
        kmark: Any = None
        value: Any
        while True:
            event = get()
            cls = event.__class__
            if cls is ScalarEvent:
                record = None if event.anchor is None else self.anchor(event, False)
                count += 1
                if opened > MAX_DEPTH:
                    raise _Refused(event.start_mark, TOO_DEEP)
                if count > MAX_NODES:
                    raise _Refused(event.start_mark, msg("yaml.too_many", count=f"{MAX_NODES:,}"))
                mark = event.start_mark
                tag, text = event.tag, event.value
                if tag is None and event.implicit[0]:
                    value = cached(text, _NO_KEY)
                    if value is _NO_KEY:
                        tag = resolve(ScalarNode, text, event.implicit)
                        if tag == _MERGE and is_map and key is _NO_KEY:
                            raise _Refused(mark, _MERGE_KEY)
                        value = scalar(tag, text, mark)
                        if len(cache) < _CACHE_LIMIT:
                            cache[text] = value
                else:
                    if tag is None or tag == "!":
                        tag = resolve(ScalarNode, text, event.implicit)
                    if tag == _STR:
                        value = text
                    else:
                        if tag == _MERGE and is_map and key is _NO_KEY:
                            raise _Refused(mark, _MERGE_KEY)
                        value = scalar(tag, text, mark)
                if record is not None:
                    record.value = value
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                done = cur
                cur, is_map, extra = stack.pop()
                opened -= 1
                if extra is not None:
                    duplicate, record, start, outer = extra
                    if record is not None:
                        record.open = False
                        record.size = count - start
                        record.height = deepest - opened
                        if outer > deepest:
                            deepest = outer
                    if duplicate is not None:
                        duplicates.append(duplicate)
                if cur is None:
                    return done
                continue
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                mark = event.start_mark
                record = None if event.anchor is None else self.anchor(event, True)
                if is_map and key is _NO_KEY:
                    raise _Refused(mark, _MERGE_KEY if event.tag == _MERGE else _A_KEY)
                if opened > MAX_DEPTH:
                    raise _Refused(mark, TOO_DEEP)
                count += 1
                tag = event.tag
                if cls is MappingStartEvent:
                    if tag is not None and tag != "!" and tag != _MAP:
                        raise _Refused(mark, tag_refused(tag))
                    value = LineDict()
                    value.lines = {}
                else:
                    if tag is not None and tag != "!" and tag != _SEQ:
                        raise _Refused(mark, tag_refused(tag))
                    value = LineList()
                    value.lines = []
                line = value.line = mark.line + 1
                duplicate = None
                if is_map:
                    lines = cur.lines
                    first = lines.get(key)
                    if first is None:
                        lines[key] = kmark.line + 1
                        cur[key] = value
                    else:  # keep the first; report every repeat (once its value is read)
                        duplicate = (cur, key, first, kmark.line + 1, kmark.column + 1)
                    key = _NO_KEY
                elif cur is not None:
                    cur.append(value)
                    cur.lines.append(line)
                if record is not None:
                    record.value = value
                    stack.append((cur, is_map, (duplicate, record, count - 1, deepest)))
                    deepest = opened + 1
                else:
                    stack.append((cur, is_map, None if duplicate is None else (duplicate, None, 0, 0)))
                opened += 1
                if opened > deepest:
                    deepest = opened
                cur, is_map = value, cls is MappingStartEvent
                continue
            elif cls is AliasEvent:
                record = anchors.get(event.anchor)
                if record is None:
                    raise ComposerError(None, None, "found undefined alias", event.start_mark)
                mark = record.mark  # compose() shared the node: its mark is the anchored one
                if record.collection and is_map and key is _NO_KEY:
                    raise _Refused(mark, _A_KEY)
                if opened > MAX_DEPTH:
                    raise _Refused(mark, TOO_DEEP)
                if not record.collection:
                    count += 1
                    if count > MAX_NODES:
                        raise _Refused(mark, msg("yaml.too_many", count=f"{MAX_NODES:,}"))
                else:
                    if record.open:
                        raise _Refused(mark, msg("yaml.recursive_alias"))
                    count += record.size
                    if count > MAX_NODES:
                        raise _Refused(mark, msg("yaml.alias_bomb", count=f"{MAX_NODES:,}"))
                    if opened + record.height > MAX_DEPTH:
                        raise _Refused(mark, msg("yaml.too_deep_alias", depth=MAX_DEPTH))
                    if opened + record.height > deepest:
                        deepest = opened + record.height
                value = record.value
            else:  # pragma: no cover - the parser gives nothing else inside a document
                raise yaml.YAMLError(f"unexpected {cls.__name__}")
            # A scalar or an alias: a key, a value or an item.
            if is_map:
                if key is _NO_KEY:
                    key, kmark = value, mark
                    continue
                lines = cur.lines
                first = lines.get(key)
                if first is None:
                    lines[key] = kmark.line + 1
                    cur[key] = value
                else:  # keep the first; report every repeat
                    duplicates.append((cur, key, first, kmark.line + 1, kmark.column + 1))
                key = _NO_KEY
            elif cur is not None:
                cur.append(value)
                cur.lines.append(mark.line + 1)
            else:
                return value

    def scalar(self, tag: str, text: str, mark):
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
        raise _Refused(mark, tag_refused(tag))

    def duplicate_problems(self, root) -> list[Problem]:
        paths = key_paths(root, {id(d[0]) for d in self.duplicates}) if self.duplicates else {}
        out = []
        for mapping, key, first, line, column in self.duplicates:
            path = paths.get(id(mapping), "")
            name = f"{path}.{key}" if path else str(key)
            out.append(
                Problem.of(self.file, line, name, "yaml.duplicate_key", column, key=repr(key), first=first, again=line)
            )
        return out


def _build(text: str, file: str) -> tuple[_Builder, object]:
    builder = _Builder(file)
    try:
        return builder, builder.run(_Loader(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if _LIBYAML_TOO_DEEP not in str(exc.problem) or mark is None:
            raise
    # libyaml >= 0.2.6 refused past 1,000 levels, its scanner reading up to about 1,000 characters
    # ahead of the events built so far. Read again only the text before that place (mark.index
    # counts characters): the same events up to MAX_DEPTH + 1 levels, where this module refuses,
    # at the place any other version reports (or at an earlier refusal of ours, as they would).
    # Should the prefix, being cut short, give anything else, the refusal is at libyaml's mark.
    try:
        _Builder(file).run(_Loader(text[: mark.index]))
    except yaml.YAMLError:
        pass
    raise _Refused(mark, TOO_DEEP)


def parse(text: str, file: str, problems: list[Problem] | None = None):
    """Parse YAML text into plain values with line numbers. Raises YamlError.

    Duplicate keys (the first value is kept) are added to `problems` when it is given, so that a
    validator can report them with everything else; otherwise they are raised."""
    try:
        builder, tree = _build(text, file)
    except _Refused as exc:
        mark = exc.mark
        raise YamlError(Problem.of(file, mark.line + 1, None, exc.message, mark.column + 1)) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlError(marked_problem(exc, text, file)) from None
    except yaml.reader.ReaderError as exc:
        raise YamlError(reader_problem(exc, text, file)) from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise YamlError(Problem.of(file, None, None, "yaml.malformed", detail=detail, tab="", context="")) from None
    duplicates = builder.duplicate_problems(tree) if builder.duplicates else []
    if duplicates:
        if problems is None:
            raise YamlError(duplicates)
        problems.extend(duplicates)
    return tree
