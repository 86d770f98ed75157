"""Report words in Chinese (default) and English, one table per topic, keyed by code.

`render/words.py` holds the words of the check (statuses, kinds, reasons); this module holds
those of the reports: categories, the completion table's headers, the Word report's sections;
messages (the command line's and the problems in input files) are in `jxtargets.messages`.
"""

from __future__ import annotations

# The command line's own messages are in the one message table, `jxtargets.messages`, with the
# problems the loaders report: `say(code, lang, **params)`.
from ..messages import say as say

CATEGORY = {
    "zh": {
        "economy": "经济发展",
        "innovation": "创新驱动",
        "society": "社会发展",
        "livelihood": "民生福祉",
        "environment": "生态环境",
        "resources": "资源利用",
        "education": "教育",
        "health": "卫生健康",
        "culture": "文化",
        "infrastructure": "基础设施",
        "investment": "投资项目",
        "opening": "对外开放",
        "governance": "治理",
        "agriculture": "农业农村",
        "safety": "安全",
    },
    "en": {
        "economy": "Economy",
        "innovation": "Innovation",
        "society": "Society",
        "livelihood": "Livelihood",
        "environment": "Environment",
        "resources": "Resources",
        "education": "Education",
        "health": "Health",
        "culture": "Culture",
        "infrastructure": "Infrastructure",
        "investment": "Investment projects",
        "opening": "Opening up",
        "governance": "Governance",
        "agriculture": "Agriculture and rural areas",
        "safety": "Safety",
    },
}


def category(code: str, lang: str) -> str:
    return CATEGORY[lang].get(code, code)


# The completion table (完成情况表), in the layout of the plans' own tables.
COMPLETION = {
    "zh": {
        "title": "{plan}主要指标完成情况（截至{year}年）",
        "category": "类别",
        "number": "序号",
        "indicator": "指标（单位）",
        "baseline": "基期值（{year}年）",
        "target": "规划目标（{year}年）",
        "target_rate": "年均增长/[累计]",
        "actual": "实际（截至{year}年）",
        "actual_rate": "年均增长/[累计]",
        "attribute": "属性",
        "official": "评估",
        "province": "省下达",
        "stretch": "力争{value}",
        "reduction_name": "{name}降低（%）",
        "annual_change": "年均增长{value}",
        "cumulative_fall": "累计下降{value}%",
        "above": "以上",
        "below": "以下",
        "about": "左右",
        "done": "完成",
        "note": "注：[ ]内为累计数；年均增长为年均增速（%）。",
    },
    "en": {
        "title": "{plan}: main indicators as of {year}",
        "category": "Category",
        "number": "No.",
        "indicator": "Indicator (unit)",
        "baseline": "Baseline ({year})",
        "target": "Target ({year})",
        "target_rate": "Average growth / [cumulative]",
        "actual": "Actual (as of {year})",
        "actual_rate": "Average growth / [cumulative]",
        "attribute": "Attribute",
        "official": "Review",
        "province": "set by the province",
        "stretch": "stretch {value}",
        "reduction_name": "{name}: reduction (%)",
        "annual_change": "{value} a year",
        "cumulative_fall": "down {value}% in all",
        "above": " or more",
        "below": " or less",
        "about": " or so",
        "done": "done",
        "note": "Figures in [ ] are cumulative; average growth is % a year.",
    },
}


# Column headers of the review export that have no word in render/words.py.
XLSX_HEADERS = {
    "zh": {
        "baseline_year": "基期年",
        "target_year": "目标年",
        "op": "比较",
        "stretch": "力争目标",
        "deciding": "判定依据",
    },
    "en": {"baseline_year": "B", "target_year": "T", "op": "op", "stretch": "stretch", "deciding": "deciding"},
}
