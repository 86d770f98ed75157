"""Rerun the console examples of README.md and report or rewrite the ones that changed.

Usage (from anywhere; the README is the one next to this folder unless given):

    python docs/readme_examples.py --check [README.md]   # exit 1 and a diff per stale example
    python docs/readme_examples.py --write [README.md]   # rewrite the stale examples in place

Every ```console block is read as a sequence of commands (a line starting with ``$ ``, joined
with the following lines while it ends with ``\\``) each followed by the output the README shows.
The commands run in document order, in a throwaway copy of the repository (so ``-o FILE`` writes
nothing in the checkout, and a file written by one example is there for the next), with
``COLUMNS=100 NO_COLOR=1``, a throwaway ``XDG_CACHE_HOME``, no ``JXTARGETS_*`` variables, and
stdout and stderr merged in the order they were written. ``../X`` paths in commands are linked to
the repository's sibling ``X`` (``../shared/seeds``). ``echo $?`` prints the previous command's
exit code. Only ``jxtargets``, ``echo $?`` and ``head``/``tail``/``cat``/``sed`` of a file run;
any other command is reported as skipped and its output left alone, and so is a block right
after a line ``<!-- readme_examples: skip: why -->`` (an example that needs a step by hand).

The README's elisions are kept: an output with a line ``…`` shows as many leading and trailing
lines as it did, and the lines between two ``…`` lines (a selection) must still occur, in that order, in
between (they cannot be regenerated and are reported when they no longer do). A shown line of 150 characters
or more that the real line merely continues (a long JSON line cut short) is cut at the same length.
Trailing blank lines after an output (between commands) are kept; trailing spaces are not
compared. Standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ELLIPSIS = "…"
CUT_LINE = 150  # a README output line at least this long may be a long line cut short
RUNNABLE = re.compile(r"^(jxtargets\b|echo \$\?$|(head|tail|cat|sed)\b)")
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "*.egg-info",
    "build",
    "dist",
)
TIMEOUT = 600
SKIP = re.compile(r"^<!-- readme_examples: skip(.*)-->\s*$")


@dataclass
class Example:
    """One ``$ command`` of a console block and the output shown under it."""

    command_lines: list[str]  # as written, with "$ " and continuation lines
    shown: list[str]  # output lines as shown (no trailing blank lines)
    separator: list[str]  # trailing blank lines kept after the output
    line: int  # 1-based README line of the command

    @property
    def command(self) -> str:
        return "\n".join([self.command_lines[0][2:], *self.command_lines[1:]])


@dataclass
class Block:
    start: int  # index of the ```console line
    end: int  # index of the closing ``` line
    skip: str = ""  # why the block is not run (a marker comment above it)
    preamble: list[str] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


def parse(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```console":
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        block = Block(start=i, end=j)
        marker = SKIP.match(lines[i - 1]) if i else None
        if marker:
            block.skip = marker.group(1).strip()
        body = lines[i + 1 : j]
        k = 0
        while k < len(body) and not body[k].startswith("$ "):
            block.preamble.append(body[k])
            k += 1
        while k < len(body):
            cmd = [body[k]]
            first = k
            while cmd[-1].endswith("\\") and k + 1 < len(body):
                k += 1
                cmd.append(body[k])
            k += 1
            out: list[str] = []
            while k < len(body) and not body[k].startswith("$ "):
                out.append(body[k])
                k += 1
            sep: list[str] = []
            while out and not out[-1].strip():
                sep.insert(0, out.pop())
            block.examples.append(Example(cmd, out, sep, i + 1 + first + 1))
        blocks.append(block)
        i = j + 1
    return blocks


def segments(shown: list[str]) -> list[list[str]]:
    """The shown output split at its ``…`` lines."""
    parts: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == ELLIPSIS:
            parts.append([])
        else:
            parts[-1].append(line)
    return parts


def same(shown: str, real: str) -> bool:
    shown, real = shown.rstrip(), real.rstrip()
    if shown == real:
        return True
    return len(shown) >= CUT_LINE and real.startswith(shown)


def find_in_order(needle: list[str], hay: list[str], start: int) -> int:
    """Where the last of ``needle`` occurs in ``hay`` with all of them in order; -1 if not."""
    pos = start - 1
    for n in needle:
        pos = next((i for i in range(pos + 1, len(hay)) if same(n, hay[i])), -1)
        if pos < 0:
            return -1
    return pos


def cut_long(shown: list[str], real: list[str]) -> list[str]:
    """Real lines that continue a long shown line, cut at the shown line's length."""
    long_lines = [s.rstrip() for s in shown if len(s.rstrip()) >= CUT_LINE]
    result = []
    for line in real:
        cut = next((s for s in long_lines if line.rstrip().startswith(s)), None)
        result.append(cut if cut is not None else line)
    return result


def expected(shown: list[str], real: list[str]) -> tuple[list[str], list[str]]:
    """What the README should show for ``real`` in the style of ``shown``; and problems.

    An elided output keeps its shape: the head runs to as many lines after the first shown
    line as the README shows (lines printed before it, such as a note on stderr, are added),
    the tail starts at the last occurrence of the first shown tail line (lines printed after
    it are added), and the lines between two ``…`` lines must still occur in between, in order.
    """
    parts = segments(shown)
    if len(parts) == 1:
        return cut_long(shown, real), []
    head, mids, tail = parts[0], parts[1:-1], parts[-1]
    head_len = len(head)
    if head:
        k = next((i for i, r in enumerate(real[:10]) if same(head[0], r)), 0)
        head_len += k
    tail_start = len(real) - len(tail)
    if tail:
        last = [i for i in range(len(real)) if same(tail[0], real[i])]
        if last and last[-1] >= head_len and last[-1] >= len(real) - len(tail) - 10:
            tail_start = last[-1]
    if tail_start <= head_len:
        return cut_long(shown, real), []  # short enough now: no elision needed
    new_head = real[:head_len]
    rest = real[head_len:tail_start]
    new_tail = real[tail_start:] if tail else []
    problems = []
    pos = 0
    for mid in mids:
        found = find_in_order(mid, rest, pos)
        if found < 0:
            problems.append(f"the lines between two '{ELLIPSIS}' no longer occur: {mid[0]!r}…")
        else:
            pos = found + 1
    out = list(new_head)
    for mid in mids:
        out += [ELLIPSIS, *mid]
    out += [ELLIPSIS, *new_tail]
    return cut_long(shown, out), problems


def prepare(repo: Path, tmp: Path, blocks: list[Block]) -> Path:
    run_dir = tmp / repo.name
    shutil.copytree(repo, run_dir, ignore=COPY_IGNORE, symlinks=True)
    siblings = set()
    for block in blocks:
        for ex in block.examples:
            siblings.update(re.findall(r"\.\./([^/\s\"']+)", ex.command))
    for name in siblings:
        target = repo.parent / name
        if target.exists() and not (tmp / name).exists():
            (tmp / name).symlink_to(target)
    (tmp / "cache").mkdir()
    return run_dir


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JXTARGETS_")}
    bindir = str(Path(sys.executable).parent)
    env.update(
        PATH=bindir + os.pathsep + env.get("PATH", ""),
        COLUMNS="100",
        NO_COLOR="1",
        XDG_CACHE_HOME=str(tmp / "cache"),
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
    )
    for var in ("FORCE_COLOR", "LINES", "TERM_PROGRAM"):
        env.pop(var, None)
    return env


def run_all(repo: Path, blocks: list[Block]) -> tuple[dict[int, list[str]], list[str]]:
    """Output of every example by README line; and notes on the ones skipped."""
    outputs: dict[int, list[str]] = {}
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="readme-examples-") as name:
        tmp = Path(name)
        run_dir = prepare(repo, tmp, blocks)
        env = environment(tmp)
        last_rc = 0
        for block in blocks:
            if block.skip:
                notes.append(f"README.md:{block.start + 1}: block not run{block.skip}")
                continue
            for ex in block.examples:
                cmd = ex.command
                if not RUNNABLE.match(cmd):
                    notes.append(f"README.md:{ex.line}: skipped (not a jxtargets command): {cmd}")
                    continue
                if cmd.strip() == "echo $?":
                    outputs[ex.line] = [str(last_rc)]
                    continue
                proc = subprocess.run(
                    ["bash", "-c", cmd],
                    cwd=run_dir,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    timeout=TIMEOUT,
                    check=False,
                )
                last_rc = proc.returncode
                text = proc.stdout.decode("utf-8", errors="replace")
                lines = text.split("\n")
                while lines and not lines[-1].strip():
                    lines.pop()
                outputs[ex.line] = lines
    return outputs, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report the stale examples, exit 1")
    mode.add_argument("--write", action="store_true", help="rewrite the stale examples")
    parser.add_argument("readme", nargs="?", type=Path)
    args = parser.parse_args(argv)
    readme: Path = (args.readme or Path(__file__).resolve().parent.parent / "README.md").resolve()
    repo = readme.parent
    lines = readme.read_text(encoding="utf-8").split("\n")
    blocks = parse(lines)
    outputs, notes = run_all(repo, blocks)

    stale = 0
    new_lines = list(lines)
    # rewrite from the end so indices of earlier blocks stay valid
    for block in reversed(blocks):
        body = list(block.preamble)
        for ex in block.examples:
            body += ex.command_lines
            if ex.line not in outputs:
                body += ex.shown + ex.separator
                continue
            want, problems = expected(ex.shown, outputs[ex.line])
            for problem in problems:
                notes.append(f"README.md:{ex.line}: {problem}")
            if [s.rstrip() for s in want] != [s.rstrip() for s in ex.shown]:
                stale += 1
                print(f"README.md:{ex.line}: output differs: $ {ex.command}")
                if args.check:
                    diff = difflib.unified_diff(ex.shown, want, "README", "now", lineterm="", n=1)
                    print("\n".join(diff))
                body += want
            else:
                body += ex.shown
            body += ex.separator
        new_lines[block.start + 1 : block.end] = body

    for note in notes:
        print(note)
    runs = sum(len(b.examples) for b in blocks)
    print(f"{len(blocks)} console blocks, {runs} commands: {stale} with changed output")
    if args.write and new_lines != lines:
        readme.write_text("\n".join(new_lines), encoding="utf-8")
        print(f"rewrote {readme}")
    return 1 if args.check and (stale or any("no longer occur" in n for n in notes)) else 0


if __name__ == "__main__":
    sys.exit(main())
