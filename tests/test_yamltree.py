"""The YAML reader (`jxtargets.loading.yamltree`) builds its values straight from the parser's
events. These tests hold it to what it promises: the values PyYAML's safe loader gives (but for
the YAML 1.1 traps, kept as text), the lines of PyYAML's own node tree, every duplicate key, and
every refusal on one line, quickly, whatever the nesting or aliasing."""

from __future__ import annotations

import math
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxtargets.loading import yamltree
from jxtargets.loading.yamltree import MAX_DEPTH, MAX_NODES, TOO_DEEP, LineDict, LineList, YamlError, parse

from .conftest import DATA, ROOT

REAL = [*sorted((DATA / "catalogue").rglob("*.yaml")), *sorted((DATA / "actuals").glob("*.yaml"))]
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _expected(node, duplicates: list | None = None, active: frozenset = frozenset()):
    """What parse() must give for a composed node: the reference, from PyYAML's node tree (keys
    first-wins, each repeat added to `duplicates`; lines from the nodes' marks; scalars converted
    by yamltree's own rules). Refuses (yamltree._Refused) what parse() must refuse."""
    duplicates = [] if duplicates is None else duplicates
    if id(node) in active:
        raise yamltree._Refused(node.start_mark, "recursive alias")
    inner = active | {id(node)}
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise yamltree._Refused(node.start_mark, "tag")
        out = LineDict()
        out.line, out.lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                raise yamltree._Refused(key_node.start_mark, "key")
            key, value = _expected(key_node, duplicates, inner), _expected(value_node, duplicates, inner)
            if key in out.lines:
                duplicates.append(key)
            else:
                out.lines[key] = key_node.start_mark.line + 1
                out[key] = value
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise yamltree._Refused(node.start_mark, "tag")
        out = LineList(_expected(n, duplicates, inner) for n in node.value)
        out.line, out.lines = node.start_mark.line + 1, [n.start_mark.line + 1 for n in node.value]
        return out
    return yamltree._Builder("x").scalar(node.tag, node.value, node.start_mark)


def _same(got, want, path: str = "$") -> None:
    """Equal values, of the same types, with the same lines (NaN equal to NaN)."""
    assert type(got) is type(want), (path, got, want)
    if isinstance(want, dict):
        assert [repr(k) for k in got] == [repr(k) for k in want], path
        assert repr(got.lines) == repr(want.lines) and got.line == want.line, path
        for (key, a), b in zip(got.items(), want.values(), strict=True):
            _same(a, b, f"{path}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want) and got.lines == want.lines and got.line == want.line, path
        for i, (a, b) in enumerate(zip(got, want, strict=True)):
            _same(a, b, f"{path}[{i}]")
    elif isinstance(want, float) and math.isnan(want):
        assert math.isnan(got), path
    else:
        assert got == want, (path, got, want)


def _plain(value):
    """LineDict/LineList as plain dicts and lists, to compare with yaml.safe_load."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_files_give_safe_load_values_and_node_lines(path):
    text = path.read_text(encoding="utf-8")
    tree = parse(text, path.name)
    assert _plain(tree) == yaml.safe_load(text)
    _same(tree, _expected(yaml.compose(text, Loader=yamltree._Loader)))


def test_real_catalogue_lines_spot_check():
    text = (DATA / "catalogue" / "plans" / "fyp13.yaml").read_text(encoding="utf-8")
    tree = parse(text, "fyp13.yaml")
    lines = text.splitlines()
    for key, line in tree["indicators"].lines.items():
        assert lines[line - 1].strip().startswith(f"{key}:"), (key, line)
    first = next(iter(tree["indicators"].values()))["targets"]
    for item_line in first.lines:
        assert lines[item_line - 1].lstrip().startswith("- "), item_line


YAMLISH = st.lists(
    st.sampled_from(list("ab:{}[], -\n#&*!'\"0123456789.<yes~") + ["!!str ", "&x ", "*x", "\n  ", "? ", "&y [", "*y"]),
    max_size=60,
).map("".join)


@SETTINGS
@given(text=YAMLISH)
def test_same_values_lines_and_refusals_as_the_node_tree(text):
    """parse() refuses what the node tree says must be refused (malformed YAML, tags, keys,
    recursive aliases: these small texts reach no bound), and otherwise gives the node tree's
    values, lines and duplicate keys."""
    duplicates: list = []
    try:
        node = yaml.compose(text, Loader=yamltree._Loader)
        want = None if node is None else _expected(node, duplicates)
    except (yaml.YAMLError, yamltree._Refused):
        want = "refused"
    problems: list = []
    try:
        got = parse(text, "f.yaml", problems)
    except YamlError as exc:
        assert want == "refused", (text, str(exc))
        assert all("\n" not in str(p) for p in exc.problems)
        return
    assert want != "refused", text
    assert len(problems) == len(duplicates)
    assert all(
        p.code == "yaml.duplicate_key" and dict(p.params)["key"] == repr(k)
        for p, k in zip(problems, duplicates, strict=True)
    )
    if want is None:
        assert got is None
    else:
        _same(got, want)


# -- what the reader keeps and refuses -------------------------------------------------------------


def test_yaml11_traps_stay_text():
    tree = parse("a: yes\nb: 0755\nc: 1_000\nd: 60:30\ne: 0x1f\nf: on\ng: 2020-01-01\nh: true\ni: 1e3\nj: ~\n", "t")
    assert tree == {
        "a": "yes",
        "b": "0755",
        "c": "1_000",
        "d": "60:30",
        "e": "0x1f",
        "f": "on",
        "g": "2020-01-01",
        "h": True,
        "i": "1e3",
        "j": None,
    }
    assert parse("[.nan, -.inf, 1.5, 7, '7', !!str 7, !!int 8, ! 9]", "t")[2:] == [1.5, 7, "7", "7", 8, 9]


def test_every_duplicate_key_with_both_lines_and_path():
    problems = []
    tree = parse("a:\n  b: 1\n  b: 2\n  b: 3\nc: [{d: 1, d: 2}]\na: 4\n", "t.yaml", problems)
    assert tree == {"a": {"b": 1}, "c": [{"d": 1}]}
    assert [p.text("en") for p in problems] == [
        "t.yaml:3:3: a.b: duplicate key 'b': given at line 2 and again at line 3 (remove one)",
        "t.yaml:4:3: a.b: duplicate key 'b': given at line 2 and again at line 4 (remove one)",
        "t.yaml:5:12: c[1].d: duplicate key 'd': given at line 5 and again at line 5 (remove one)",
        "t.yaml:6:1: a: duplicate key 'a': given at line 1 and again at line 6 (remove one)",
    ]
    with pytest.raises(YamlError) as info:
        parse("a: 1\na: 2\n", "t.yaml")
    assert [p.line for p in info.value.problems] == [2]


def test_duplicates_inside_a_discarded_value_are_reported_first():
    problems = []
    parse("a: 1\na:\n  b: 1\n  b: 2\n", "t.yaml", problems)
    assert [(p.line, p.key) for p in problems] == [(4, "b"), (2, "a")]


def test_aliases_are_shared_and_keep_the_anchored_lines():
    tree = parse("s: &s text\nv: &v {a: 1}\nl:\n  - *v\n  - *s\n", "t")
    assert tree["l"][0] is tree["v"] and tree["l"] == [{"a": 1}, "text"]
    assert tree["l"].lines == [2, 1]  # as compose() shared the node: its own line


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a: !!python/object:os.system x", "1:4: tag !!python/object:os.system is not allowed"),
        ("a: !!set {x}", "1:4: tag !!set is not allowed"),
        ("a: !!omap [x]", "1:4: tag !!omap is not allowed"),
        ("a: !!binary aGk=", "1:4: tag !!binary is not allowed"),
        ("<<: {a: 1}", "1:1: merge keys (<<) are not allowed"),
        ("a: <<", "1:4: tag !!merge is not allowed"),
        ("[a]: 1", "1:1: a key must be a plain value"),
        ("a: &a [*a]", "1:4: an alias refers to a collection that contains it (recursive alias)"),
        ("a: &a [1]\n*a : 2", "1:4: a key must be a plain value"),
        ("a: *b", "1:4: malformed YAML: found undefined alias"),
        (
            "a: &x 1\nb: &x 2",
            "2:4: malformed YAML: second occurrence (found duplicate anchor; first occurrence at line 1)",
        ),
        ("a: 1\n---\nb: 2", "2:1: a second YAML document (---) in the file; it must hold exactly one"),
        ("a: [1", "malformed YAML: did not find expected ',' or ']'"),
    ],
)
def test_refusals(text, says):
    with pytest.raises(YamlError) as info:
        parse(text, "t.yaml")
    [problem] = info.value.problems
    assert says in problem.text("en") and "\n" not in problem.text("en") + str(problem), problem.text("en")


def test_empty_and_scalar_documents():
    assert parse("", "t") is None and parse("# only a comment\n", "t") is None and parse("---\n", "t") is None
    assert parse("42", "t") == 42 and parse("--- text\n...\n", "t") == "text"


# -- bounds: depth, size, aliases --------------------------------------------------------------------


def _one_problem(text: str):
    with pytest.raises(YamlError) as info:
        parse(text, "t.yaml")
    [problem] = info.value.problems
    return problem


def test_depth_bound():
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert parse(ok, "t")["a"] is not None
    problem = _one_problem("a: " + "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH)
    assert (problem.line, problem.column, problem.msg) == (1, 4 + MAX_DEPTH, TOO_DEEP)
    problem = _one_problem("a: &a " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\nb: [*a]\n")
    assert problem.code == "yaml.too_deep_alias" and "through an alias" in problem.text("en")


# Each text with the line and column of its first level too deep (MAX_DEPTH + 1). Past 1,000 levels
# libyaml >= 0.2.6 refuses first, with its own words and at its own place; the answer must not change.
DEEP = [
    ("a: " + "[" * 1_000_000 + "]" * 1_000_000, 1, 4 + MAX_DEPTH),
    ("a: " + "{a: " * 300_000 + "1" + "}" * 300_000, 1, 4 * MAX_DEPTH + 1),  # the key after the last level allowed
    ("a: " + "[" * 300_000, 1, 4 + MAX_DEPTH),  # never closed
    ("a: " + "[" * 900 + "]" * 900, 1, 4 + MAX_DEPTH),  # deep, but within libyaml's own limit
    ("".join(" " * i + f"k{i}:\n" for i in range(3000)), MAX_DEPTH + 1, MAX_DEPTH + 1),
    ("- " * 100_000 + "x\n", 1, 2 * MAX_DEPTH + 3),
]


@pytest.mark.parametrize(("text", "line", "column"), DEEP)
def test_very_deep_nesting_is_refused_quickly_at_the_same_place(text, line, column):
    start = time.perf_counter()
    problem = _one_problem(text)
    assert time.perf_counter() - start < 2
    assert (problem.file, problem.line, problem.column, problem.msg) == ("t.yaml", line, column, TOO_DEEP)


@pytest.mark.parametrize(("text", "line", "column"), [DEEP[0], DEEP[4], DEEP[5]])  # flow, block, block list
def test_deep_nesting_is_the_same_with_the_pure_python_parser(monkeypatch, text, line, column):
    """Whatever the PyYAML build: with or without libyaml, and libyaml with or without a limit."""
    monkeypatch.setattr(yamltree, "_Loader", yaml.SafeLoader)
    problem = _one_problem(text)
    assert (problem.line, problem.column, problem.msg) == (line, column, TOO_DEEP)


def test_very_deep_nesting_never_crashes_the_interpreter(tmp_path):
    """In a process of its own, on a thread with a small stack: no recursion anywhere."""
    script = (
        "import threading\nfrom jxtargets.loading.yamltree import parse, YamlError\n"
        "threading.stack_size(256 * 1024)\nout = []\n"
        "def run():\n"
        "    for text in ('[' * 2_000_000, '{a: ' * 500_000, '- ' * 200_000 + 'x'):\n"
        "        try:\n            parse(text, 't')\n        except YamlError as exc:\n"
        "            out.append(str(exc))\n"
        "t = threading.Thread(target=run)\nt.start()\nt.join()\nprint(len(out))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.split() == ["3"], (proc.returncode, proc.stderr[-500:])


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    start = time.perf_counter()
    problem = _one_problem("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2
    assert problem.code == "yaml.alias_bomb"
    assert f"more than {MAX_NODES:,} values after expanding aliases" in problem.text("en")


def test_node_bound(monkeypatch):
    monkeypatch.setattr(yamltree, "MAX_NODES", 10)
    assert len(parse("[" + ", ".join("1" * 9) + "]", "t")) == 9
    assert "more than 10 values; refused" in _one_problem("[" + ", ".join("1" * 10) + "]").text("en")
    bomb = _one_problem("a: &a [1, 2, 3]\nb: [*a, *a]\n")
    assert "more than 10 values after expanding aliases" in bomb.text("en")


def test_big_files_are_read_once(monkeypatch):
    """No second pass over a big file (the old reader measured its nesting first)."""
    calls = []
    real = yamltree._Loader

    def counting(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(yamltree, "_Loader", counting)
    text = "a: [" + ", ".join(f"[{i}]" for i in range(5000)) + "]\n"
    assert len(parse(text, "t")["a"]) == 5000
    assert calls == [len(text)]


def test_pure_python_parser_gives_the_same(monkeypatch):
    text = Path(REAL[1]).read_text(encoding="utf-8")
    fast = parse(text, "t")
    monkeypatch.setattr(yamltree, "_Loader", yaml.SafeLoader)
    _same(parse(text, "t"), fast)
    assert _one_problem("[" * 5000 + "]" * 5000).msg == TOO_DEEP
