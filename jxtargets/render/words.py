"""User-facing words, Chinese by default and English with --lang en."""

from __future__ import annotations

from ..core import kinds
from ..core.kinds import KINDS, OP_FAIL_SYMBOL, OP_SYMBOL, label

STATUS = {
    "zh": {
        "met": "已完成",
        "missed": "未完成",
        "on_track": "进度正常",
        "behind": "滞后",
        "off_track": "严重滞后",
        "baseline": "基期",
        "no_data": "无数据",
        "unassessable": "无法评估",
    },
    "en": {
        "met": "met",
        "missed": "missed",
        "on_track": "on track",
        "behind": "behind",
        "off_track": "off track",
        "baseline": "baseline",
        "no_data": "no data",
        "unassessable": "unassessable",
    },
}
STATUS_STYLE = {
    "met": "bold green",
    "on_track": "green",
    "behind": "yellow",
    "off_track": "bold red",
    "missed": "bold red",
    "baseline": "cyan",
    "no_data": "dim",
    "unassessable": "magenta",
}
KIND = {lang: {k: label(k, lang) for k in KINDS} for lang in ("zh", "en")}
HEADERS = {
    "zh": {
        "plan": "规划",
        "indicator": "指标",
        "region": "地区",
        "kind": "类型",
        "year": "年份",
        "baseline": "基期值",
        "target": "目标",
        "actual": "实际",
        "status": "状态",
        "gap": "差距",
        "planned_cagr": "规划增速",
        "implied_cagr": "已实现增速",
        "required_cagr": "所需增速",
        "why": "依据",
        "unit": "单位",
        "id": "代码",
        "category": "类别",
        "targets": "目标数",
        "attribute": "属性",
        "lead": "牵头单位",
        "source": "出处",
        "progress": "进度",
        "time": "时间进度",
        "summary": "合计",
        "plans": "规划",
        "period": "期间",
    },
    "en": {
        "plan": "plan",
        "indicator": "indicator",
        "region": "region",
        "kind": "kind",
        "year": "year",
        "baseline": "baseline",
        "target": "target",
        "actual": "actual",
        "status": "status",
        "gap": "gap",
        "planned_cagr": "planned CAGR",
        "implied_cagr": "implied CAGR",
        "required_cagr": "required CAGR",
        "why": "why",
        "unit": "unit",
        "id": "id",
        "category": "category",
        "targets": "targets",
        "attribute": "attribute",
        "lead": "lead",
        "source": "source",
        "progress": "progress",
        "time": "time",
        "summary": "total",
        "plans": "plans",
        "period": "period",
    },
}
ATTRIBUTE = {"zh": {"expected": "预期性", "binding": "约束性"}, "en": {"expected": "expected", "binding": "binding"}}
BASIS = {
    "zh": {"comparable": "可比价", "current": "当年价"},
    "en": {"comparable": "comparable prices", "current": "current prices"},
}
HOW = {
    "zh": {"reported": "报告值", "chained": "逐年增速连乘", "levels": "按水平值推算", "computed": "按水平值计算"},
    "en": {
        "reported": "reported",
        "chained": "chained yearly rates",
        "levels": "from levels",
        "computed": "from levels",
    },
}

_WHY = {
    "zh": {
        "nominal_context": "当年价水平推算为{nominal}（仅供参考）",
        "comparable_needs_real": "仅有当年价水平（推算{nominal}），目标按可比价，需报告实际增速",
        "pace": "进度比{ratio}（{method}）",
        "reached_early": "已提前达到目标",
        "no_figure": "无{year}年数据",
        "no_baseline": "无{year}年基期值",
        "no_factor": "倍增目标未给出倍数",
        "external_no_value": "省下达指标，文件未给出数值",
        "stretch_only": "仅为力争目标，不作考核",
        "milestone_done": "{year}年已完成",
        "milestone_not_done": "截至{year}年未完成",
        "milestone_pending": "尚未完成，期限{due}年",
        "relative_to": "对照指标{of}年均增长{rate}",
        "stretch_met": "力争目标{stretch}已达到",
        "stretch_not_met": "力争目标{stretch}未达到",
    },
    "en": {
        "nominal_context": "nominal levels imply {nominal} (context only)",
        "comparable_needs_real": "only current-price levels (implying {nominal}); the target is at comparable prices and needs reported real growth",
        "pace": "pace ratio {ratio} ({method})",
        "reached_early": "target already reached",
        "no_figure": "no figure for {year}",
        "no_baseline": "no baseline for {year}",
        "no_factor": "a multiple target with no factor",
        "external_no_value": "set by the province; no value in the documents",
        "stretch_only": "力争 (stretch) only: reported, never required",
        "milestone_done": "done in {year}",
        "milestone_not_done": "not done by {year}",
        "milestone_pending": "not done yet; due {due}",
        "relative_to": "{of} grew {rate} a year",
        "stretch_met": "stretch {stretch} reached",
        "stretch_not_met": "stretch {stretch} not reached",
    },
}
_METHOD = {"zh": {"growth": "增速比", "linear": "序时进度"}, "en": {"growth": "growth", "linear": "straight path"}}


def status_label(result, lang: str) -> str:
    label = STATUS[lang][result.status]
    if not result.required and result.status in ("missed", "off_track", "behind"):
        label += "（力争）" if lang == "zh" else " (stretch)"
    return label


def fmt(x: float | None, digits: int = 2) -> str:
    """A number for people: up to `digits` decimals, no trailing zeros."""
    if x is None:
        return "—"
    if abs(x) >= 1e8 and x == int(x):
        return f"{int(x)}"
    if 0 < abs(x) < 1:
        digits = max(digits, 4)
    text = f"{x:,.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_value(value, unit: str) -> str:
    if isinstance(value, tuple):
        return f"{fmt(value[0])}–{fmt(value[1])}{unit}"
    return f"{fmt(value)}{unit}"


def measure_unit(result, lang: str) -> str:
    """The unit of a result's target, actual and gap."""
    return kinds.measure_unit(result.target.rule, result.indicator.unit, lang)


def why(result, lang: str) -> str:
    """The reasons for a verdict, in words."""
    mu = measure_unit(result, lang)
    short = "%" if mu.startswith("%") else mu
    parts = []
    for code, params in result.why:
        if code == "compare":
            parts.append(_compare(params, short, lang))
            continue
        template = _WHY[lang].get(code)
        if template is None:
            continue
        shown = dict(params)
        for key in ("nominal", "rate"):
            if key in shown:
                shown[key] = f"{fmt(shown[key])}%"
        if "ratio" in shown:
            shown["ratio"] = f"{shown['ratio']:.3g}" if abs(shown["ratio"]) < 1e6 else "∞"
        if "method" in shown:
            shown["method"] = _METHOD[lang].get(shown["method"], shown["method"] or "")
        parts.append(template.format(**shown))
    if result.stretch is not None and result.stretch_met is not None:
        key = "stretch_met" if result.stretch_met else "stretch_not_met"
        parts.append(_WHY[lang][key].format(stretch=fmt_value(result.stretch, short)))
    return "; ".join(parts) if lang == "en" else "；".join(parts)


def _compare(p: dict, unit: str, lang: str) -> str:
    measured = fmt_value(p["measured"], unit)
    qualifiers = [HOW[lang][p["how"]]] if p.get("how") else []
    if p.get("basis"):
        qualifiers.append(BASIS[lang][p["basis"]])
    if qualifiers:
        measured += f" ({', '.join(qualifiers)})" if lang == "en" else f"（{'，'.join(qualifiers)}）"
    op, value = p["op"], p["value"]
    if op == "range":
        rel = "∈" if p["ok"] else "∉"
        return f"{measured} {rel} [{fmt(value[0])}, {fmt(value[1])}]{unit}"
    target = fmt_value(value, unit)
    if op == "~":
        tol = f"±{fmt(p['tol'])}" if p.get("tol") is not None else ""
        rel = "≈" if p["ok"] else ("outside" if lang == "en" else "超出")
        return f"{measured} {rel} {target}{tol}"
    rel = OP_SYMBOL[op] if p["ok"] else OP_FAIL_SYMBOL[op]
    return f"{measured} {rel} {target}"
