"""Check a catalogue or actuals fragment while the catalogue is being extracted.

Usage: python tools/check_fragment.py FILE...

Structure, kinds, units and quotes (every quote must occur in its seed document once all
whitespace is removed from both). Prints one line per problem; exit 1 if any.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
KINDS = {"level", "cagr", "change", "annual_change", "total", "reduction", "multiple",
         "relative", "external", "milestone"}
OPS = {">=", "<=", "~", "==", "range"}
UNITS = set("""元 万元 亿元 万亿元 美元 万美元 亿美元 人 万人 户 万户 套 万套 件 个 家 所 项 张 床 名 座 条 处
辆 次 万人次 篇 册 万册 % 个百分点 ‰ 年 岁 天 小时 分钟 微克/立方米 毫克/升 吨 万吨 亿吨 吨标煤 万吨标煤
吨标煤/万元 吨/万元 立方米/万元 立方米 万立方米 亿立方米 千瓦 万千瓦 千瓦时 亿千瓦时 公里 千米 米 平方米
万平方米 平方公里 亩 万亩 公顷 标箱 万标箱 人/亿元 人/万人 人/千人 万元/人 元/人 件/万人
公里/小时 倍 间 支 万条 万次 场 部 个/千人 张/千人 床/千人 张/万人 床/万人""".split())
CATEGORIES = set("""economy innovation livelihood education health environment resources
infrastructure opening investment agriculture culture society governance safety""".split())
TARGET_KEYS = {"plan", "kind", "op", "value", "source", "baseline", "baseline_source",
               "baseline_year", "target_year", "attribute", "basis", "stretch", "tolerance",
               "region", "task", "lead", "partners", "note", "factor", "of", "measure", "unit"}
INDICATOR_KEYS = {"name", "name_en", "unit", "direction", "category", "note", "targets"}
VALUE_KEYS = {"value", "unit", "growth", "since", "done", "note", "source", "alt"}
SINCE_KEYS = {"cagr", "change", "annual_change", "total", "reduction"}

_docs: dict[str, str] = {}
problems: list[str] = []


class UniqueKeyLoader(yaml.SafeLoader):
    pass


def _mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            problems.append(f"line {key_node.start_mark.line + 1}: duplicate key {key!r} "
                            f"(first at line {seen[key]})")
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_source(where: str, src) -> None:
    if not isinstance(src, dict) or not {"doc", "where", "quote"} <= set(src):
        problems.append(f"{where}: source needs doc, where, quote")
        return
    doc = str(src["doc"])
    if doc not in _docs:
        path = SEEDS / doc
        if not path.is_file():
            problems.append(f"{where}: unknown doc {doc}")
            return
        _docs[doc] = squash(path.read_text(encoding="utf-8"))
    if squash(str(src["quote"])) not in _docs[doc]:
        problems.append(f"{where}: quote not found in {doc}: {src['quote']!r}")


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_targets_file(data: dict) -> None:
    plans = data.get("plans") or {}
    for pid, plan in plans.items():
        for k in ("name", "name_en", "baseline_year", "target_year"):
            if k not in plan:
                problems.append(f"plan {pid}: missing {k}")
    for iid, ind in (data.get("indicators") or {}).items():
        w = f"indicator {iid}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(iid)):
            problems.append(f"{w}: id must be snake_case")
        for k in set(ind) - INDICATOR_KEYS:
            problems.append(f"{w}: unknown key {k}")
        for k in ("name", "name_en", "direction", "category"):
            if k not in ind:
                problems.append(f"{w}: missing {k}")
        if ind.get("direction") not in ("up", "down"):
            problems.append(f"{w}: direction must be up or down")
        if ind.get("category") not in CATEGORIES:
            problems.append(f"{w}: unknown category {ind.get('category')!r}")
        kinds = {t.get("kind") for t in ind.get("targets") or []}
        unit = ind.get("unit")
        if unit is None and kinds - {"milestone"}:
            problems.append(f"{w}: unit required unless every target is a milestone")
        elif unit is not None and unit not in UNITS:
            problems.append(f"{w}: unit {unit!r} not in the registry list (report it)")
        for i, t in enumerate(ind.get("targets") or []):
            tw = f"{w} target {i + 1}"
            for k in set(t) - TARGET_KEYS:
                problems.append(f"{tw}: unknown key {k}")
            kind = t.get("kind")
            if kind not in KINDS:
                problems.append(f"{tw}: unknown kind {kind!r}")
            if "plan" not in t:
                problems.append(f"{tw}: missing plan")
            if kind != "milestone":
                op = t.get("op")
                if op not in OPS:
                    problems.append(f"{tw}: bad op {op!r}")
                v = t.get("value")
                if op == "range":
                    if not (isinstance(v, list) and len(v) == 2 and all(map(is_number, v))):
                        problems.append(f"{tw}: range needs value [lo, hi]")
                elif kind == "multiple":
                    if not is_number(t.get("factor")) and not is_number(t.get("stretch")):
                        problems.append(f"{tw}: multiple needs factor")
                elif kind == "relative":
                    if "of" not in t:
                        problems.append(f"{tw}: relative needs of")
                elif kind == "external":
                    if t.get("measure") not in KINDS - {"external", "milestone"}:
                        problems.append(f"{tw}: external needs measure (a kind)")
                elif not is_number(v) and not is_number(t.get("stretch")):
                    problems.append(f"{tw}: value must be a number")
            for k in ("lead", "partners"):
                if k in t and not (isinstance(t[k], list) and all(isinstance(x, str) for x in t[k])):
                    problems.append(f"{tw}: {k} must be a list of names")
            if t.get("attribute") not in (None, "expected", "binding"):
                problems.append(f"{tw}: attribute must be expected or binding")
            if t.get("basis") not in (None, "comparable", "current"):
                problems.append(f"{tw}: basis must be comparable or current")
            check_source(tw, t.get("source"))
            if "baseline_source" in t:
                check_source(tw + " baseline_source", t["baseline_source"])


def check_value(where: str, v) -> None:
    if not isinstance(v, dict):
        problems.append(f"{where}: a value in data/ must be a mapping with a source")
        return
    for k in set(v) - VALUE_KEYS:
        problems.append(f"{where}: unknown key {k}")
    for year, figs in (v.get("since") or {}).items():
        if not isinstance(year, int):
            problems.append(f"{where}: since key must be a year")
        for k in set(figs) - SINCE_KEYS:
            problems.append(f"{where}: since {year}: unknown key {k}")
    check_source(where, v.get("source"))
    for j, alt in enumerate(v.get("alt") or []):
        check_source(f"{where} alt {j + 1}", alt.get("source"))


def check_actuals_file(data: dict, path: Path) -> None:
    m = re.search(r"actuals-(\d{4})", path.name)
    if not m or data.get("year") != int(m.group(1)):
        problems.append("year does not match the file name")
    for iid, v in (data.get("values") or {}).items():
        check_value(f"value {iid}", v)
    for region, values in (data.get("regions") or {}).items():
        for iid, v in values.items():
            check_value(f"region {region} value {iid}", v)


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv:
        path = Path(name)
        problems.clear()
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=UniqueKeyLoader)
        if "actuals" in path.name:
            check_actuals_file(data, path)
        else:
            check_targets_file(data)
        for p in problems:
            print(f"{path}: {p}")
        bad += len(problems)
        if not problems:
            n = sum(len(i.get("targets") or []) for i in (data.get("indicators") or {}).values())
            print(f"{path}: ok ({n} targets, {len(data.get('values') or {})} values)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
