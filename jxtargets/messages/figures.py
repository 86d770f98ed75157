"""Problems with a reported figure: its unit, its size, its year, a likely unit slip."""

from __future__ import annotations

FIGURES: dict[str, tuple[str, str]] = {
    # A quantity in the indicator's unit (loading/figure_checks.py)
    "value.two_units": (
        "有两个单位：数值中写了{written}，unit: 又写了{unit}",
        "two units: {written} in the value and unit: {unit}",
    ),
    "unit.indicator_is_in": ("{error}（指标{id}的单位是{unit}）", "{error} (the indicator {id} is in {unit})"),
    "unit.indicator_has_none": (
        "{id}没有单位（是里程碑类指标？）；不能用{unit}",
        "{id} has no unit (a milestone?); {unit} cannot apply",
    ),
    "value.too_large": ("{value}过大，不可能是统计数据", "{value} is too large to be a reported figure"),
    "value.negative": ("{value}为负数，{name}不可能为负", "{value} is negative, impossible for {name}"),
    "value.over_100": (
        "{value}%超过100%，{name}是比重，不可能超过100%",
        "{value}% is over 100%, impossible for {name} (a share)",
    ),
    "value.fraction": (
        "{name}为{value}%，而其目标在{typical}%左右：是否填成了小数？（{percent}%应写作{percent}）",
        "{value}% for {name}, whose targets are {typical}% or so: a fraction? ({percent}% is written {percent})",
    ),
    # A unit slip: a level 100 times or more off its targets or its earlier figure
    "slip.larger": (
        "{value}是{what}（{ref}）的{ratio}倍：单位填错了？{then}",
        "{value} is {ratio} times {what} ({ref}): a unit slip? {then}",
    ),
    "slip.smaller": (
        "{value}只有{what}（{ref}）的1/{ratio}：单位填错了？{then}",
        "{value} is 1/{ratio} of {what} ({ref}): a unit slip? {then}",
    ),
    "slip.target_of": ("{plan}的目标值", "the target of {plan}"),
    "slip.baseline_of": ("{plan}的{year}年基期值", "the {year} baseline of {plan}"),
    "slip.figure_of": ("{year}年的数据", "the {year} figure"),
    "slip.typed_in": ("若是按{typed}填写的，应为{value}", "Typed in {typed}, it is {value}"),
    "slip.too_large": ("若填写时放大了{times}倍，应为{value}", "{value} if it was typed {times} times too large"),
    "slip.too_small": ("若填写时缩小了{times}倍，应为{value}", "{value} if it was typed {times} times too small"),
    # Rates in %
    "rate.growth_unit": ("增速以%计，不能用{unit}", "a growth rate is in %, not {unit}"),
    "rate.reduction_unit": ("降低率以%计，不能用{unit}", "a reduction is in %, not {unit}"),
    "rate.reduction_over_100": (
        "降低{value}%不可能（最多降低100%）",
        "a reduction of {value}% is impossible (at most 100%)",
    ),
    "rate.fall_over_100": (
        "{value}%不可能：水平值的降幅不会超过100%",
        "{value}% is impossible: a level cannot fall by more than 100%",
    ),
    # The year of the figures
    "year.not_the_name": (
        "年份{year}与文件名中的年份（{named}）不一致",
        "year {year} disagrees with the file name ({named})",
    ),
    "year.outside_the_name": (
        "年份{year}不在文件名所示的年份（{first}-{last}）之内",
        "year {year} is outside the years in the file name ({first}-{last})",
    ),
    "year.not_the_option": ("年份{year}与 --year {want} 不一致", "year {year} disagrees with --year {want}"),
    "year.before_every_plan": (
        "年份{year}早于所有规划的基期年（最早为{first}年）：其数据只能作为历史数据",
        "year {year} is before the baseline year of every plan (the earliest is {first}): its figures can serve only as history",
    ),
    "year.future": (
        "年份{year}尚未到来：这些是计划数而不是统计数吗？",
        "year {year} is in the future: are these figures planned, not reported?",
    ),
    # Indicators left blank in a form
    "blank.indicators": (
        "{count}个指标留空，没有数据：{shown}{more}（相应目标显示为“无数据”）",
        "{count} indicator(s) left blank, so no figure: {shown}{more} (their targets show no_data)",
    ),
    "blank.more": ("等（另有{count}个）", " and {count} more"),
}
