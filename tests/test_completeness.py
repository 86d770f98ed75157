"""Completeness of the data against the source documents.

Every number in each document, and every deliverable word (建成, 完成, 开工, 竣工, 全覆盖), must be
covered by the quote of a target or a reported figure in `data/` (catalogue and actuals, baseline
sources and alternatives included), or be explained in `docs/completeness.yaml`: either by a
structural pattern (years, document numbers, dates, row and list numbers) or by an entry naming
the document, the line, the numbers (or words) and why they are not a target or a figure.
Quotes are matched as the quote test matches them: all whitespace removed on both sides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from .conftest import DATA, ROOT, SEEDS

REASONS = ROOT / "docs" / "completeness.yaml"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
DELIVERABLE = re.compile(r"建成(?![果功])|完成|开工|竣工|(?<!健)全覆盖")  # not 创建成果, 健全覆盖
_WS = re.compile(r"\s+")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}")


def _quotes() -> dict[str, list[str]]:
    """Every {doc, quote} in the catalogue and the actuals, by document."""
    found: dict[str, list[str]] = defaultdict(list)

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("doc"), str) and isinstance(node.get("quote"), str):
                found[node["doc"]].append(_WS.sub("", node["quote"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(DATA.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


class Document:
    """A source document with the characters its quotes cover (whitespace ignored)."""

    def __init__(self, path: Path, quotes: list[str]):
        self.name = path.name
        self.lines = path.read_text(encoding="utf-8").split("\n")
        squashed: list[str] = []
        self.index: list[list[int]] = []  # per line, per character: its place in the squashed text
        for line in self.lines:
            places = []
            for ch in line:
                places.append(len(squashed))
                if not ch.isspace():
                    squashed.append(ch)
            self.index.append(places)
        text = "".join(squashed)
        self.covered = bytearray(len(text))
        for quote in quotes:
            at = text.find(quote) if quote else -1
            while at >= 0:
                self.covered[at : at + len(quote)] = b"\x01" * len(quote)
                at = text.find(quote, at + 1)

    def is_covered(self, line_no: int, start: int, end: int) -> bool:
        line, places = self.lines[line_no - 1], self.index[line_no - 1]
        return all(self.covered[places[i]] for i in range(start, end) if not line[i].isspace())

    def uncovered(self, pattern: re.Pattern) -> list[tuple[int, re.Match]]:
        return [
            (n, m)
            for n, line in enumerate(self.lines, 1)
            for m in pattern.finditer(line)
            if not self.is_covered(n, m.start(), m.end())
        ]


@pytest.fixture(scope="module")
def reasons() -> dict:
    return yaml.safe_load(REASONS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    quotes = _quotes()
    return {p.name: Document(p, quotes.get(p.name, [])) for p in sorted(SEEDS.glob("0*.txt"))}


def _structural(reasons: dict, line: str, m: re.Match) -> str | None:
    for pattern in reasons["patterns"]:
        for found in re.finditer(pattern["regex"], line):
            if found.start("n") <= m.start() < found.end("n"):
                return pattern["name"]
    return None


def _explained(reasons: dict, key: str) -> dict[tuple[str, int], dict]:
    table: dict[tuple[str, int], dict] = {}
    for entry in reasons[key]:
        where = (entry["doc"], entry["line"])
        assert where not in table, f"two {key} entries for {where}"
        assert entry.get("why", "").strip(), f"{key} entry {where} gives no reason"
        table[where] = entry
    return table


def _open_numbers(documents, reasons) -> dict[tuple[str, int], list[str]]:
    """Numbers no quote covers and no structural pattern explains, by (document, line)."""
    left: dict[tuple[str, int], list[str]] = defaultdict(list)
    for doc in documents.values():
        for n, m in doc.uncovered(NUMBER):
            if _structural(reasons, doc.lines[n - 1], m) is None:
                left[(doc.name, n)].append(m.group())
    return left


def _open_words(documents) -> dict[tuple[str, int], list[str]]:
    left: dict[tuple[str, int], list[str]] = defaultdict(list)
    for doc in documents.values():
        for n, m in doc.uncovered(DELIVERABLE):
            left[(doc.name, n)].append(m.group())
    return left


def _compare(found: dict[tuple[str, int], list[str]], explained: dict[tuple[str, int], dict], field: str):
    unexplained, stale = [], []
    for where, items in sorted(found.items()):
        entry = explained.get(where)
        listed = list(entry[field]) if entry else []
        if sorted(map(str, listed)) != sorted(items):
            unexplained.append(f"{where[0]}:{where[1]}: found {sorted(items)}, explained {sorted(map(str, listed))}")
    for where in sorted(set(explained) - set(found)):
        stale.append(f"{where[0]}:{where[1]}: explained {explained[where][field]} but every one is now quoted")
    return unexplained, stale


def test_every_number_is_quoted_or_explained(documents, reasons):
    unexplained, stale = _compare(_open_numbers(documents, reasons), _explained(reasons, "numbers"), "numbers")
    assert unexplained == [], "numbers neither quoted nor explained:\n" + "\n".join(unexplained)
    assert stale == [], "explanations for numbers that are now quoted:\n" + "\n".join(stale)


def test_every_deliverable_is_quoted_or_explained(documents, reasons):
    unexplained, stale = _compare(_open_words(documents), _explained(reasons, "deliverables"), "words")
    assert unexplained == [], "deliverables neither quoted nor explained:\n" + "\n".join(unexplained)
    assert stale == [], "explanations for deliverables that are now quoted:\n" + "\n".join(stale)


def test_structural_patterns_only_take_what_they_say(documents, reasons):
    # Each pattern explains at least one number, and a year pattern never swallows a figure that
    # is a quoted value (2000万平方米 is a figure, 2017年 a year).
    used: dict[str, int] = defaultdict(int)
    for doc in documents.values():
        for _n, line in enumerate(doc.lines, 1):
            for m in NUMBER.finditer(line):
                name = _structural(reasons, line, m)
                if name:
                    used[name] += 1
    assert set(used) == {p["name"] for p in reasons["patterns"]}
    assert _structural(reasons, "完成拆改面积2000万平方米以上", NUMBER.search("2000")) is None  # type: ignore[arg-type]
    assert _structural(reasons, "到 2017 年底", re.search(r"\d+", "到 2017 年底")) == "year"  # type: ignore[arg-type]


def test_the_counts(documents, reasons):
    """The figures the README states: how many numbers and deliverable words the documents hold,
    how many the data quote, and how many are explained structurally or one by one."""
    numbers = sum(len(NUMBER.findall(line)) for d in documents.values() for line in d.lines)
    quoted = numbers - sum(len(d.uncovered(NUMBER)) for d in documents.values())
    explained = sum(len(e["numbers"]) for e in reasons["numbers"])
    words = sum(len(DELIVERABLE.findall(line)) for d in documents.values() for line in d.lines)
    words_quoted = words - sum(len(d.uncovered(DELIVERABLE)) for d in documents.values())
    words_explained = sum(len(e["words"]) for e in reasons["deliverables"])
    counts = (numbers, quoted, numbers - quoted - explained, explained, words, words_quoted, words_explained)
    assert counts == EXPECTED_COUNTS
    assert words_quoted + words_explained == words


# numbers, quoted, structural, explained one by one; deliverable words, quoted, explained
EXPECTED_COUNTS = (2248, 1235, 938, 75, 346, 241, 105)
