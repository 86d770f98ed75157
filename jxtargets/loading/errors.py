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


# The most problems kept for one file: a 200 MB file of bad rows must not become 13 million
# stored problems (or as many lines on the terminal). The rest are counted, and said.
MAX_PROBLEMS = 100
# A reader stops reading a file after this many errors (what follows would only add to the count).
STOP_AFTER = 10_000


@dataclass(slots=True)
class Problems:
    """Collects problems for one file so that `validate` can report all of them (the first
    MAX_PROBLEMS, then one line saying how many more there are)."""

    file: str
    items: list[Problem] = field(default_factory=list)
    more_errors: int = 0
    more_warnings: int = 0
    last_line: int | None = None  # of the last problem not kept
    stopped: int | None = None  # the line where reading stopped, after STOP_AFTER errors

    @property
    def too_many(self) -> bool:
        """Whether there are so many errors that reading on is pointless (see STOP_AFTER)."""
        return self.more_errors + MAX_PROBLEMS >= STOP_AFTER

    def add(self, line: int | None, key: str | None, message: str, column: int | None = None) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(self.file, line, key, message, column))
        else:
            self.more_errors += 1
            self.last_line = line or self.last_line

    def warn(self, line: int | None, key: str | None, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(self.file, line, key, message, warning=True))
        else:
            self.more_warnings += 1
            self.last_line = line or self.last_line

    def _more(self, count: int, what: str, warning: bool) -> list[Problem]:
        if not count:
            return []
        message = f"{count} more {what} up to here, not shown (only the first {MAX_PROBLEMS} problems are)"
        if self.stopped is not None and not warning:
            message += f"; stopped reading at line {self.stopped}"
        return [Problem(self.file, self.stopped or self.last_line, None, message, warning=warning)]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning] + self._more(self.more_errors, "errors", False)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning] + self._more(self.more_warnings, "warnings", True)

    @property
    def every(self) -> list[Problem]:
        """The problems kept, and a line for each kind of problem not kept."""
        return (
            self.items
            + self._more(self.more_errors, "errors", False)
            + self._more(self.more_warnings, "warnings", True)
        )

    def raise_if_any(self) -> None:
        """LoadError if there is an error; it carries the warnings too, so that `validate` and
        the command line can show every problem of the file at once."""
        if self.more_errors or any(not p.warning for p in self.items):
            raise LoadError(self.every)


class UsageError(LoadError):
    """Bad usage rather than a bad file (an unknown plan, status or indicator): each problem is
    one line of text. A LoadError, so that every caller reports both the same way."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)  # type: ignore[arg-type]  # plain lines, already in order
        Exception.__init__(self, "\n".join(problems))
