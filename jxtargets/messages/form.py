"""The column headers of the blank actuals form (`jxtargets template -o FILE.xlsx`): Chinese by
default, English (the loader's own keys) with --lang en. The loader reads either."""

from __future__ import annotations

# key -> (zh, en); the English header is the key itself.
FORM_HEADERS: dict[str, tuple[str, str]] = {
    "year": ("年份", "year"),
    "indicator": ("指标编号", "indicator"),
    "name": ("指标名称", "name"),
    "unit": ("单位", "unit"),
    "region": ("地区", "region"),
    "previous_year": ("上年年份", "previous_year"),
    "previous": ("上年数值", "previous"),
    "value": ("本年数值", "value"),
    "bound": ("界限", "bound"),
    "growth": ("增速", "growth"),
    "basis": ("价格口径", "basis"),
    "since": ("起始年份", "since"),
    "cagr": ("年均增速", "cagr"),
    "change": ("变化量", "change"),
    "annual_change": ("年均变化量", "annual_change"),
    "total": ("累计", "total"),
    "reduction": ("降幅", "reduction"),
    "done": ("是否完成", "done"),
    "note": ("备注", "note"),
    "source": ("数据来源", "source"),
}

FORM: dict[str, tuple[str, str]] = {f"form.{key}": texts for key, texts in FORM_HEADERS.items()}
FORM.update(
    {
        "form.number_title": ("数值", "number"),
        "form.number_error": ("请填写数字（单位见“单位”列）", "enter a number (in the unit of the unit column)"),
    }
)


def form_keys() -> dict[str, str]:
    """Each header the loader accepts, in either language, to its key."""
    return {text: key for key, texts in FORM_HEADERS.items() for text in texts}
