"""Load errors that name the file, line and key, and a collector that keeps them all."""

from __future__ import annotations

from dataclasses import dataclass, field

# Control characters (from a quoted key, a file name, a decoded garbage byte) are shown escaped,
# so that every problem stays on one line.
_ONE_LINE = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, 0x85)}
_ONE_LINE.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    key: str | None
    message: str
    column: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        kind = " warning:" if self.warning else ""
        return f"{where}:{kind}{key} {self.message}".translate(_ONE_LINE)


class LoadError(Exception):
    """One or more problems that stop a file from loading."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(slots=True)
class Problems:
    """Collects problems for one file so that `validate` can report all of them."""

    file: str
    items: list[Problem] = field(default_factory=list)

    def add(self, line: int | None, key: str | None, message: str, column: int | None = None) -> None:
        self.items.append(Problem(self.file, line, key, message, column))

    def warn(self, line: int | None, key: str | None, message: str) -> None:
        self.items.append(Problem(self.file, line, key, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_any(self) -> None:
        """LoadError if there is an error; it carries the warnings too, so that `validate` and
        the command line can show every problem of the file at once."""
        if self.errors:
            raise LoadError(self.items)


class UsageError(LoadError):
    """Bad usage rather than a bad file (an unknown plan, status or indicator): each problem is
    one line of text. A LoadError, so that every caller reports both the same way."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)  # type: ignore[arg-type]  # plain lines, already in order
        Exception.__init__(self, "\n".join(problems))
