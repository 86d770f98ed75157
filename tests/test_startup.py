"""Start-up stays light: `import jxtargets.cli` imports none of the heavy modules, and a warm
check of YAML actuals does not even import PyYAML or pint (they are cached)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pint", "rich", "openpyxl", "matplotlib", "yaml", "tabulate", "docx")


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {m.split(".")[0] for m in out.split()}


def test_cli_import_is_light():
    loaded = modules_after("import jxtargets.cli")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_warm_json_check_needs_neither_yaml_nor_pint_nor_rich():
    code = (
        "import sys, io\n"
        "from jxtargets.cli import main\n"
        "sys.argv = ['jxtargets', 'check', '2020', '--format', 'json']\n"
        "out = sys.stdout; sys.stdout = io.StringIO()\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout = out\n"
    )
    modules_after(code)  # warms the cache
    loaded = modules_after(code)
    assert not loaded & {"pint", "rich", "yaml", "openpyxl", "matplotlib"}, loaded & set(HEAVY)


def test_real_process_exit_codes_and_streams():
    """The few process-level checks: the exit codes scripts rely on, with a real interpreter."""
    from .conftest import run_process

    missed = run_process("check", "2020", "--plan", "fyp13", "--format", "json")
    assert missed.returncode == 1 and missed.stdout.startswith("{")
    bad = run_process("check", "tests/bad/actuals-2019-wrong-year.yaml")
    assert bad.returncode == 2 and bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1 and "actuals-2019-wrong-year.yaml:2:" in bad.stderr
    usage = run_process("check", "--no-such-option")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_installed_command_runs_from_another_directory(tmp_path):
    import shutil
    from pathlib import Path

    exe = shutil.which("jxtargets") or str(Path(sys.executable).with_name("jxtargets"))
    proc = subprocess.run([exe, "cagr", "gdp", "--format", "json"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert {r["indicator"] for r in json.loads(proc.stdout)["results"]} == {"gdp"}


def test_process_ends_without_teardown_but_with_everything_written(tmp_path):
    """The installed command skips the interpreter's teardown (jxtargets/console.py): what it
    prints and the files it writes must be whole all the same, and the exit code kept."""
    from .conftest import run, run_process

    whole = run_process("check", "2020", "--format", "json")
    assert whole.returncode == 1
    assert whole.stdout == run("check", "2020", "--format", "json").stdout
    out = tmp_path / "review.csv"
    written = run_process("review", "--plan", "fyp13", "--as-of", "2020", "-o", str(out))
    assert written.returncode == 0 and written.stdout == ""  # a report written: 0 (README)
    assert (
        out.read_text(encoding="utf-8") == run("review", "--plan", "fyp13", "--as-of", "2020", "--format", "csv").stdout
    )


def test_help_needs_neither_the_data_nor_the_message_table():
    """`jxtargets --help` costs typer and the command line only: no msgspec (the model and the
    message table), no rich, no YAML."""
    code = (
        "import sys, io\n"
        "from jxtargets.cli import run\n"
        "out = sys.stdout; sys.stdout = io.StringIO()\n"
        "run(['--help'])\n"
        "sys.stdout = out\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code + "\nprint(' '.join(sys.modules))"], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(out.split())
    assert "jxtargets.cli" in loaded
    assert not loaded & {"msgspec", "rich", "yaml", "pint", "jxtargets.messages", "jxtargets.core.model"}
