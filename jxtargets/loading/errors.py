"""Load errors that name the file, line and key, and a collector that keeps them all.

A problem is a message code and its parameters (from the one message table, `jxtargets.messages`),
shown in Chinese by default and in English with `--lang en`: `str(problem)` is the Chinese line,
`problem.text("en")` the English one. The file, line, column and key are never translated.
"""

from __future__ import annotations

import msgspec

from ..messages import Msg, Param, msg, pack, render

# Control characters (from a quoted key, a file name, a decoded garbage byte) are shown escaped,
# so that every problem stays on one line.
_ONE_LINE = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, 0x85)}
_ONE_LINE.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


class Problem(msgspec.Struct, frozen=True):
    """One problem of a file: where (file, line, column, key) and what (a message code and its
    parameters). Plain data: hashable, and cached with what the loaders return."""

    file: str
    line: int | None
    key: str | None
    code: str  # a code of jxtargets.messages (text not yet given a code is shown as it is)
    params: tuple[tuple[str, Param], ...] = ()
    column: int | None = None
    warning: bool = False

    @classmethod
    def of(
        cls,
        file: str,
        line: int | None,
        key: str | None,
        code: str | Msg,
        /,
        column: int | None = None,
        warning: bool = False,
        **params: object,
    ) -> Problem:
        """The problem with message `code` (or a message made elsewhere) and its parameters."""
        return _problem(file, line, key, code, column, warning, params)

    @property
    def msg(self) -> Msg:
        """The message alone: code and parameters."""
        return Msg(self.code, self.params)

    @property
    def message(self) -> str:
        """The message alone, in Chinese."""
        return render(self.code, self.params, "zh")

    def text(self, lang: str = "zh") -> str:
        """The whole line in `lang` (zh or en): file:line: [警告:] key: message."""
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        kind = f" {render('problem.warning', (), lang)}:" if self.warning else ""
        return f"{where}:{kind}{key} {render(self.code, self.params, lang)}".translate(_ONE_LINE)

    def __str__(self) -> str:
        return self.text("zh")


def _problem(
    file: str,
    line: int | None,
    key: str | None,
    code: str | Msg,
    column: int | None,
    warning: bool,
    params: dict[str, object],
) -> Problem:
    if isinstance(code, Msg):
        return Problem(file, line, key, code.code, code.params + pack(params), column, warning)
    return Problem(file, line, key, code, pack(params), column, warning)


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


class Problems(msgspec.Struct):
    """Collects problems for one file so that `validate` can report all of them (the first
    MAX_PROBLEMS, then one line saying how many more there are)."""

    file: str
    items: list[Problem] = msgspec.field(default_factory=list)
    more_errors: int = 0
    more_warnings: int = 0
    last_line: int | None = None  # of the last problem not kept
    stopped: int | None = None  # the line where reading stopped, after STOP_AFTER errors

    @property
    def too_many(self) -> bool:
        """Whether there are so many errors that reading on is pointless (see STOP_AFTER)."""
        return self.more_errors + MAX_PROBLEMS >= STOP_AFTER

    def add(
        self, line: int | None, key: str | None, code: str | Msg, /, column: int | None = None, **params: object
    ) -> None:
        """An error: message `code` (or a message made elsewhere, e.g. a NumberError's) with `params`."""
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(_problem(self.file, line, key, code, column, False, params))
        else:
            self.more_errors += 1
            self.last_line = line or self.last_line

    def warn(self, line: int | None, key: str | None, code: str | Msg, /, **params: object) -> None:
        """A warning: message `code` with `params`."""
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(_problem(self.file, line, key, code, None, True, params))
        else:
            self.more_warnings += 1
            self.last_line = line or self.last_line

    def _more(self, count: int, warning: bool) -> list[Problem]:
        if not count:
            return []
        if warning:
            what = msg("problems.more_warnings", count=count, limit=MAX_PROBLEMS)
        elif self.stopped is not None:
            what = msg("problems.stopped", count=count, limit=MAX_PROBLEMS, line=self.stopped)
        else:
            what = msg("problems.more_errors", count=count, limit=MAX_PROBLEMS)
        return [Problem.of(self.file, self.stopped or self.last_line, None, what, warning=warning)]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning] + self._more(self.more_errors, False)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning] + self._more(self.more_warnings, True)

    @property
    def every(self) -> list[Problem]:
        """The problems kept, and a line for each kind of problem not kept."""
        return self.items + self._more(self.more_errors, False) + self._more(self.more_warnings, True)

    def raise_if_any(self) -> None:
        """LoadError if there is an error; it carries the warnings too, so that `validate` and
        the command line can show every problem of the file at once."""
        if self.more_errors or any(not p.warning for p in self.items):
            raise LoadError(self.every)


class UsageError(LoadError):
    """Bad usage rather than a bad file (an unknown plan, status or indicator): each problem is
    one line, a message (`msg(code, ...)`, shown in the command's language) or plain text. A
    LoadError, so that every caller reports both the same way."""

    def __init__(self, problems: list[str] | list[Msg] | list[str | Msg]):
        self.problems = list(problems)  # type: ignore[arg-type]  # lines, already in order
        Exception.__init__(self, "\n".join(map(str, problems)))
