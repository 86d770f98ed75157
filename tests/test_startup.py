"""Start-up stays light: `import jxtargets.cli` imports none of the heavy modules, and a warm
check of YAML actuals does not even import PyYAML or pint (they are cached)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pint", "rich", "openpyxl", "matplotlib", "yaml", "tabulate")


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
