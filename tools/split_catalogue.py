"""One-off migration: split data/targets.yaml into data/catalogue/ (one file per plan plus the
shared indicator definitions), copying lines verbatim so that quotes and comments stay
byte-identical. Run once from the repository root; tests/test_catalogue_dir.py checks that the
directory loads to the same catalogue as the single file did."""

from __future__ import annotations

import re
import sys
from pathlib import Path

SRC = Path("data/targets.yaml")
OUT = Path("data/catalogue")


def main() -> int:
    lines = SRC.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file must end with a newline"
    lines = lines[:-1]
    p_at, i_at = lines.index("plans:"), lines.index("indicators:")
    head = lines[:p_at]
    assert all(line.startswith("#") for line in head[:3]), head
    top = head[3:]
    assert [line.split(":")[0] for line in top] == ["schema", "region", "regions"], top

    plans: dict[str, list[str]] = {}
    for line in lines[p_at + 1 : i_at]:
        m = re.match(r"  ([a-z0-9_]+):$", line)
        if m:
            plans[m.group(1)] = [line]
        else:
            assert line.startswith("    "), line
            plans[next(reversed(plans))].append(line)

    definitions: list[str] = []
    by_plan: dict[str, dict[str, list[str]]] = {p: {} for p in plans}
    indicator = None
    state = "def"
    current: list[str] = []
    for line in lines[i_at + 1 :]:
        m = re.match(r"  ([a-z0-9_]+):$", line)
        if m:
            indicator, state = m.group(1), "def"
            definitions.append(line)
        elif line == "    targets:":
            state = "targets"
        elif state == "targets" and line.startswith("    - plan: "):
            plan = line.removeprefix("    - plan: ")
            current = by_plan[plan].setdefault(indicator, [])
            current.append(line)
        elif state == "targets" and line.startswith("      "):
            current.append(line)
        else:
            # a definition key, or the continuation of a long plain scalar
            assert state == "def" and line.startswith("    ") and line[4] != " " or line.startswith("      "), line
            assert not line.lstrip().startswith("#"), line
            definitions.append(line)

    (OUT / "plans").mkdir(parents=True, exist_ok=True)
    text = [
        "# The Jiaxing (嘉兴市) catalogue, shared part: the region, its counties and districts, and the",
        "# definition of every indicator (name, unit, direction, category). Each plan's targets are in",
        "# plans/<plan>.yaml, citing their source (doc, where, exact quote). Format: SPEC §2, README",
        '# "Catalogue format" and docs/data-guide.md.',
        *top,
        "indicators:",
        *definitions,
    ]
    (OUT / "indicators.yaml").write_text("\n".join(text) + "\n", encoding="utf-8")
    for plan, block in plans.items():
        name = next(line for line in block if line.startswith("    name: ")).removeprefix("    name: ")
        text = [
            f"# {name}",
            "# The plan and its targets, by indicator (defined in ../indicators.yaml); every target cites",
            "# its source (doc, where, exact quote).",
            "plans:",
            *block,
        ]
        if by_plan[plan]:
            text.append("indicators:")
            for iid, items in by_plan[plan].items():
                text += [f"  {iid}:", "    targets:", *items]
        (OUT / "plans" / f"{plan}.yaml").write_text("\n".join(text) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
