"""User-facing words, Chinese by default and English with --lang en."""

from __future__ import annotations

from ..core import kinds
from ..core.kinds import KINDS, OP_FAIL_SYMBOL, OP_SYMBOL
from ..core.kinds import label as kind_label
from ..core.labels import TERMS_EN, is_final, label

# Colours of the labels (core/labels.py); the words are spelled out, so they survive a pipe.
TERM_STYLE = {
    "超额完成": "bold green",
    "完成": "green",
    "未完成": "bold red",
    "提前实现": "bold green",
    "快于预期": "green",
    "基本符合预期": "green",
    "滞后": "yellow",
    "逆向": "bold red",
    "未到期": "cyan",
    "无法评估": "magenta",
}
KIND = {lang: {k: kind_label(k, lang) for k in KINDS} for lang in ("zh", "en")}
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
        "planned_pace": "规划速度",
        "implied_pace": "已实现速度",
        "required_pace": "所需速度",
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
        "planned_pace": "planned pace",
        "implied_pace": "achieved pace",
        "required_pace": "required pace",
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
BOUND = {
    "zh": {"lower": "下限", "upper": "上限", "unknown": "区间"},
    "en": {"lower": "a lower bound", "upper": "an upper bound", "unknown": "a bound"},
}
BOUND_MARK = {"lower": "≥", "upper": "≤", "unknown": "~"}
UNKNOWN_BASIS = {"zh": "口径不明", "en": "of unknown basis"}
HOW = {
    "zh": {
        "reported": "报告值",
        "chained": "逐年增速连乘",
        "levels": "按水平值推算",
        "computed": "按水平值计算",
        "each_year": "逐年",
        "mean_of_years": "各年平均",
    },
    "en": {
        "reported": "reported",
        "chained": "chained yearly rates",
        "levels": "from levels",
        "computed": "from levels",
        "each_year": "year by year",
        "mean_of_years": "mean of the years",
    },
}

_WHY = {
    "zh": {
        "nominal_context": "当年价水平推算为{nominal}（仅供参考）",
        "comparable_needs_real": "仅有当年价水平（推算{nominal}），目标按可比价，需报告实际增速",
        "pace": "进度比{ratio}（{method}）",
        "pace_plain": "进度比{ratio}",
        "moving_away": "背离目标方向",
        "reached_early": "已提前达到目标",
        "no_figure": "无{year}年数据",
        "no_baseline": "无{year}年基期值",
        "baseline_figure": "{year}年为基期（{level}），尚无增长或变化可评",
        "no_factor": "倍增目标未给出倍数",
        "latest_figure": "截至{year}年",
        "no_final_figure": "无{due}年数据，{year}年数据不足以作终期判断",
        "rebased": "基期值{value}（修订，规划文本{document}）",
        "bound_undecided": "实际值仅为{bound}，无法判断",
        "spans_break": "{year}年起统计口径调整，跨口径的增速和进度不可比",
        "baseline_bound": "{year}年基期值仅为{bound}，由其推算的目标、增速和进度不精确",
        "basis_differs": "报告增速{rate}为{basis}，目标按{want}，口径不同不作判断",
        "basis_mixed": "本指标增速为{mine}，对照指标{name}增速为{theirs}，价格口径不一致或不明，不作判断",
        "external_no_value": "省下达指标，文件未给出数值",
        "stretch_only": "仅为力争目标，不作考核",
        "milestone_done": "{year}年已完成",
        "milestone_not_done": "截至{year}年未完成",
        "milestone_pending": "尚未完成，期限{due}年",
        "relative_to": "对照指标{name}年均增长{rate}",
        "relative_to_one_year": "对照指标{name}增长{rate}",
        "stretch_met": "力争目标{stretch}已达到",
        "stretch_not_met": "力争目标{stretch}未达到",
        "stretch_not_yet": "力争目标{stretch}尚未达到",
        "year_figures": "逐年：{figures}",
        "year_missed": "{year}年未达到，每年目标已无法完成",
        "years_missing": "缺{years}年数据",
        "mean_required": "其余各年平均需达到{required}",
    },
    "en": {
        "nominal_context": "nominal levels imply {nominal} (context only)",
        "comparable_needs_real": "only current-price levels (implying {nominal}); the target is at comparable prices and needs reported real growth",
        "pace": "pace ratio {ratio} ({method})",
        "pace_plain": "pace ratio {ratio}",
        "moving_away": "moving away from the target",
        "reached_early": "target already reached",
        "no_figure": "no figure for {year}",
        "no_baseline": "no baseline for {year}",
        "baseline_figure": "{year} is the baseline year ({level}): no growth or change to judge yet",
        "no_factor": "a multiple target with no factor",
        "latest_figure": "as of {year}",
        "no_final_figure": "no figure for {due}: the {year} figure cannot give a final verdict",
        "rebased": "baseline {value} (revised; plan document {document})",
        "bound_undecided": "the figure is only {bound}; cannot tell",
        "spans_break": "series re-based from {year}: growth and progress across it are not comparable",
        "baseline_bound": "the {year} baseline is only {bound}: targets, growth and progress from it are not exact",
        "basis_differs": "reported growth {rate} is {basis}; the target is {want}: not comparable",
        "basis_mixed": "growth here is {mine}, {name}'s is {theirs}: price bases differ or are unknown; not judged",
        "external_no_value": "set by the province; no value in the documents",
        "stretch_only": "力争 (stretch) only: reported, never required",
        "milestone_done": "done in {year}",
        "milestone_not_done": "not done by {year}",
        "milestone_pending": "not done yet; due {due}",
        "relative_to": "{name} grew {rate} a year",
        "relative_to_one_year": "{name} grew {rate}",
        "stretch_met": "stretch {stretch} reached",
        "stretch_not_met": "stretch {stretch} not reached",
        "stretch_not_yet": "stretch {stretch} not reached yet",
        "year_figures": "year by year: {figures}",
        "year_missed": "{year} fell short: an every-year target cannot be made up later",
        "years_missing": "no figure for {years}",
        "mean_required": "the remaining years need a mean of {required}",
    },
}
_METHOD = {"zh": {"growth": "增速比", "linear": "序时进度"}, "en": {"growth": "growth", "linear": "straight path"}}


def term(t: str, lang: str) -> str:
    """A label (core/labels.py) in the output language."""
    return t if lang == "zh" else TERMS_EN[t]


def status_label(result, lang: str, known: str | None = None) -> str:
    """The one label of a result (`known`, if given), marked for a 力争 (stretch) target only."""
    text = term(known or label(result), lang)
    if not result.required and result.status in ("missed", "off_track", "behind"):
        text += "（力争）" if lang == "zh" else " (stretch)"
    return text


def check_title(year: int, years: list[int], lang: str) -> str:
    """The check table's title; `years` when the results are judged at several years."""
    if len(years) > 1:
        if lang == "zh":
            return f"{'、'.join(map(str, years))}年目标核对（各目标按所列年份评估）"
        return f"Targets checked against {', '.join(map(str, years))} (each at the year shown)"
    return f"{year}年目标核对" if lang == "zh" else f"Targets checked against {year}"


def scope_note(scope, lang: str) -> str:
    """What a check of a year left out of its scope, and how to see it (empty if nothing)."""
    parts = []
    if scope.left_baseline:
        parts.append(
            f"以{scope.year}年为基期的{scope.left_baseline}项（--status baseline）"
            if lang == "zh"
            else f"{scope.left_baseline} targets with {scope.year} as their baseline (--status baseline)"
        )
    if scope.left_ended:
        parts.append(
            f"{scope.year}年前已结束规划的{scope.left_ended}项（--plan）"
            if lang == "zh"
            else f"{scope.left_ended} targets of plans ended before {scope.year} (--plan)"
        )
    if not parts:
        return ""
    return f"（不在核对范围：{'、'.join(parts)}）" if lang == "zh" else f"(out of scope: {'; '.join(parts)})"


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


def baseline_text(value: float | None, bound: str | None, document: float | None, lang: str) -> str:
    """A baseline as tables show it: re-based by a revision with the document's figure kept
    (5,560（修订，规划文本5,509.5）), a bound marked (≥10)."""
    text = fmt(value)
    if value is not None and bound is not None:
        text = BOUND_MARK[bound] + text
    if document is not None:
        text += f"（修订，规划文本{fmt(document)}）" if lang == "zh" else f" (revised; plan {fmt(document)})"
    return text


def bounded(text: str, bound: str | None) -> str:
    """A figure known only as a bound, marked: ≥10万元."""
    return BOUND_MARK.get(bound or "", "") + text


def fmt_value(value, unit: str) -> str:
    if isinstance(value, tuple):
        return f"{fmt(value[0])}–{fmt(value[1])}{unit}"
    return f"{fmt(value)}{unit}"


def one_year(baseline_year: int, target_year: int) -> bool:
    """A plan of one year (a work report's 2016 → 2017): its rates are that year's, not averages."""
    return target_year - baseline_year == 1


def measure_unit(result, lang: str) -> str:
    """The unit of a result's target, actual and gap ("%", not "%/年", for a one-year target)."""
    t = result.target
    return kinds.measure_unit(
        t.rule, result.indicator.unit, lang, per_year=not one_year(t.baseline_year, t.target_year)
    )


# A one-year target's rate is that year's growth or change, not a yearly average.
_ONE_YEAR_KIND = {"zh": {"cagr": "增速", "annual_change": "变化"}, "en": {"cagr": "growth", "annual_change": "change"}}


def kind_name(rec: dict, lang: str) -> str:
    """The kind of a result record in tables: 年均增速, or 增速 for a one-year target."""
    name = KIND[lang][rec["kind"]]
    if one_year(rec["baseline_year"], rec["target_year"]):
        return _ONE_YEAR_KIND[lang].get(rec["kind"], name)
    return name


def why(result, lang: str, mu: str | None = None) -> str:
    """The reasons for a verdict, in words (`mu`: the result's measure_unit, when known)."""
    mu = mu if mu is not None else measure_unit(result, lang)
    short = "%" if mu.startswith("%") else mu
    one_year = result.year - result.target.baseline_year == 1
    parts = []
    for code, params in result.why:
        if code == "compare":
            parts.append(_compare(params, short, lang))
            continue
        shown = dict(params)
        if "level" in shown:  # a level in the indicator's own unit, not the measure's (baseline_figure)
            shown["level"] = bounded(fmt_value(shown["level"], result.indicator.unit or ""), shown.pop("level_bound"))
        if code == "pace":
            ratio = shown["ratio"]
            if ratio < 0:
                code = "moving_away"
            else:
                shown["ratio"] = f"{ratio:.3g}" if ratio < 1e6 else "∞"
                method = _METHOD[lang].get(shown.get("method") or "")
                code = "pace" if method else "pace_plain"
                shown["method"] = method
        elif code in ("relative_to", "basis_mixed"):
            if code == "relative_to" and one_year:
                code = "relative_to_one_year"
            shown["name"] = (shown.get("name") if lang == "zh" else shown.get("name_en")) or shown["of"]
        template = _WHY[lang].get(code)
        if template is None:
            continue
        for key in ("nominal", "rate"):
            if key in shown:
                shown[key] = f"{fmt(shown[key])}%"
        _years_in_words(shown, short, lang)
        for key in ("value", "document"):
            if isinstance(shown.get(key), float):
                shown[key] = fmt(shown[key])
        if "bound" in shown:
            shown["bound"] = BOUND[lang].get(shown["bound"], shown["bound"])
        for key in ("basis", "want", "mine", "theirs"):
            if key in shown:
                shown[key] = BASIS[lang].get(shown[key] or "", UNKNOWN_BASIS[lang])
        parts.append(template.format(**shown))
    if result.stretch is not None and result.stretch_met is not None:
        key = "stretch_met" if result.stretch_met else "stretch_not_met" if is_final(result) else "stretch_not_yet"
        parts.append(_WHY[lang][key].format(stretch=fmt_value(result.stretch, short)))
    return join(parts, lang)


def join(parts: list[str], lang: str) -> str:
    """Reasons run together, empty ones dropped."""
    return ("; " if lang == "en" else "；").join(p for p in parts if p)


def pace_unit(kind: str | None, unit: str | None, lang: str) -> str | None:
    """The unit of a pace (core/pace.py): %/年 for growth, 个百分点/年 for a share, else unit/年."""
    if kind is None:
        return None
    per_year = "/年" if lang == "zh" else " a year"
    if kind == "growth":
        return "%" + per_year
    if kind == "points" and unit == "%":
        return ("个百分点" if lang == "zh" else " pp") + per_year
    return (unit or "") + per_year


_OUTLOOK = {
    "zh": {"likely": "按目前速度预计可完成", "at_risk": "存在完不成的风险", "unlikely": "预计难以完成"},
    "en": {"likely": "likely to be met at the pace so far", "at_risk": "at risk", "unlikely": "unlikely to be met"},
}


def outlook_text(outlook: str, years: int, lang: str) -> str:
    """An interim result's outlook in words, marked when the pace so far is a single year's."""
    text = _OUTLOOK[lang][outlook]
    if years == 1:
        text += "（仅据一年数据推算）" if lang == "zh" else " (projected from a single year)"
    return text


_ABOVE_BELOW = {"zh": ("高于", "低于"), "en": ("above", "below")}


def _years_in_words(shown: dict, unit: str, lang: str) -> None:
    """The parameters of the every-year reasons (core/yearly.py), in words."""
    sep = ", " if lang == "en" else "，"
    if "figures" in shown:
        miss = " ✗" if lang == "en" else "（未达到）"
        shown["figures"] = sep.join(
            f"{y}{'' if lang == 'en' else '年'} {fmt(x)}{unit}{'' if ok else miss}" for y, x, ok in shown["figures"]
        )
    if "years" in shown:
        shown["years"] = sep.join(str(y) for y in shown["years"])
    if "required" in shown:
        shown["required"] = fmt_value(shown["required"], unit)


def _compare(p: dict, unit: str, lang: str) -> str:
    """`measured REL target`: a symbol for a plain comparison; for a band (`~`, `range`), ≈ or ∈
    inside it, and 高于 / 低于 (above / below) outside it, on the good side or the bad."""
    measured = fmt_value(p["measured"], unit)
    qualifiers = [HOW[lang][p["how"]]] if p.get("how") else []
    if p.get("basis"):
        qualifiers.append(BASIS[lang][p["basis"]])
    if qualifiers:
        measured += f" ({', '.join(qualifiers)})" if lang == "en" else f"（{'，'.join(qualifiers)}）"
    op, value = p["op"], p["value"]
    if p.get("bound"):
        measured = BOUND_MARK.get(p["bound"], "~") + measured
        if p["ok"] is None:
            target = fmt_value(value, unit) if op != "range" else f"[{fmt(value[0])}, {fmt(value[1])}]{unit}"
            return f"{measured} ? {OP_SYMBOL.get(op or '', '')}{target}"
    above, below = _ABOVE_BELOW[lang]
    if op == "range":
        lo, hi = value
        band = f"{fmt(lo)}–{fmt(hi)}{unit}"
        x = p["measured"]
        if lo - 1e-9 * abs(lo) <= x <= hi + 1e-9 * abs(hi):
            return f"{measured} ∈ [{fmt(lo)}, {fmt(hi)}]{unit}"
        return f"{measured} {above if x > hi else below} {band}"
    target = fmt_value(value, unit)
    if op == "~":
        tol = p.get("tol")
        band = f"{target}±{fmt(tol)}" if tol is not None else target
        x, tol = p["measured"], tol or 0.0
        if abs(x - value) <= tol + 1e-9 * max(abs(value), 1.0):
            return f"{measured} ≈ {band}"
        return f"{measured} {above if x > value else below} {band}"
    rel = OP_SYMBOL[op] if p["ok"] else OP_FAIL_SYMBOL[op]
    return f"{measured} {rel} {target}"
