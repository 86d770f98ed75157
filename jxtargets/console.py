"""The installed `jxtargets` command and `python -m jxtargets`: `cli.run` in a process that does
only what its output needs.

- The cyclic garbage collector is off from the first import: a command builds many small objects
  and drops almost none, so collector passes over them are pure cost. (`cli.run` keeps it off
  while a command runs; commands that churn, such as charts, turn it back on.)
- When the command has finished, the streams are flushed and the process ends at once, without
  the interpreter's teardown, which frees every object of the loaded catalogue one by one: about a
  tenth of a `check`. Every file a command writes is closed (and renamed into place) before it
  returns, so nothing is left for the teardown to do.

Tests and library users call `cli.run`, which returns the exit code and leaves the process alone.
"""

import gc
import os
import sys


def main() -> None:
    gc.disable()
    from .cli import run

    code = run(sys.argv[1:])
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): what was written is all it takes
            pass
    os._exit(code)
