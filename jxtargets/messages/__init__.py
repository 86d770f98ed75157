"""The one table of user-facing messages: every code with its Chinese (default) and English text.

Data only, layer-neutral: the loaders (problems in input files), the API (bad usage) and the
command line (`render/messages.py`'s `say`) all take their words from here, and nothing here
imports the rest of the package. Each topic keeps its codes in a module of its own (a dict
code -> (zh, en), placeholders in `str.format` syntax, the same ones in both languages);
`MESSAGES` is their union (tests/test_messages.py checks that no code is defined twice, that
every code the code base uses is here, and that both texts take the same placeholders).

A message is a code and its parameters (`Msg`). A parameter is a plain value (text, a number)
or another message, rendered in the same language: " (did you mean gdp?)" is a message of its
own inside "unknown indicator{hint}". File names, line numbers, keys and the values quoted from
the input are never translated.
"""

from __future__ import annotations

from typing import Any, Union

import msgspec

LANGS = ("zh", "en")

# The topic modules are read on the first message shown (a run with nothing to say never reads
# them): `MESSAGES` is their union, `TOPICS` each of them (for the test that no code is defined
# twice).
_TABLE: dict[str, tuple[str, str]] = {}
_TOPICS: list[dict[str, tuple[str, str]]] = []


def _table() -> dict[str, tuple[str, str]]:
    if not _TOPICS:
        from .actuals import ACTUALS
        from .catalogue import CATALOGUE
        from .checks import CHECKS
        from .cli import CLI
        from .extract import EXTRACT
        from .figures import FIGURES
        from .files import FILES
        from .form import FORM
        from .planimport import PLANIMPORT
        from .usage import USAGE
        from .values import VALUES

        topics = [CLI, FILES, VALUES, FIGURES, CATALOGUE, ACTUALS, CHECKS, USAGE, EXTRACT, PLANIMPORT, FORM]
        for topic in topics:
            _TABLE.update(topic)
        _TOPICS.extend(topics)
    return _TABLE


def __getattr__(name: str) -> Any:
    if name == "MESSAGES":
        return _table()
    if name == "TOPICS":
        _table()
        return tuple(_TOPICS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Msg(msgspec.Struct, frozen=True):
    """A message: its code and parameters, rendered in a language when shown."""

    code: str
    params: tuple[tuple[str, Param], ...] = ()

    def text(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.text("zh")


# The value of a message parameter: plain data (cached with the problems, hashable) or a message.
Param = Union[str, int, float, None, Msg]  # noqa: UP007 - msgspec resolves this alias at run time


def msg(code: str, **params: object) -> Msg:
    """The message `code` with its parameters (a value that is not plain data is shown by repr)."""
    return Msg(code, pack(params))


def pack(params: dict[str, object]) -> tuple[tuple[str, Param], ...]:
    """Parameters as stored: (name, value) pairs of plain, hashable values."""
    return tuple((k, _plain(v)) for k, v in params.items())


def _plain(value: object) -> Param:
    if value is None or isinstance(value, (str, Msg)):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return value
    return repr(value)


def render(code: str, params: tuple[tuple[str, Param], ...] | dict[str, object], lang: str = "zh") -> str:
    """The text of message `code` in `lang` (zh or en). A code not in the table is a line not yet
    given a code (plain text, kept as it is)."""
    entry = (_TABLE or _table()).get(code)
    if entry is None:
        return code
    items = params.items() if isinstance(params, dict) else params
    values = {k: v.text(lang) if isinstance(v, Msg) else v for k, v in items}
    return entry[1 if lang == "en" else 0].format(**values)


def say(code: str, lang: str, **params: object) -> str:
    """The message `code` in `lang` (zh or en)."""
    return render(code, params, lang)


def text_of(item: object, lang: str) -> str:
    """A problem, message or plain line as text in `lang`."""
    text = getattr(item, "text", None)
    return text(lang) if callable(text) else str(item)
