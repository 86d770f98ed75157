"""The unit registry and its pint-free shortcut: 万/亿/千万… prefixes convert the same way with
or without pint, and units of another dimension never convert."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jxtargets.loading import units

PREFIXES = ["", "万", "亿", "万亿", "千万", "百万", "千", "百"]
BASES = ["元", "美元", "人", "吨", "标箱", "件", "户"]


def _pint_factor(a: str, b: str) -> float:
    ureg = units.registry()
    return float(ureg.Quantity(1.0, units.parse_unit(a)).to(units.parse_unit(b)).magnitude)


@settings(deadline=None)  # the first example builds the pint registry
@given(st.sampled_from(PREFIXES), st.sampled_from(PREFIXES), st.sampled_from(BASES))
def test_prefix_shortcut_equals_pint(p1, p2, base):
    quick = units._prefix_factor(p1 + base, p2 + base)
    assert quick is not None
    assert math.isclose(quick, _pint_factor(p1 + base, p2 + base), rel_tol=1e-12)


@pytest.mark.parametrize(
    "src,dst,expected",
    [
        ("千万元", "元", 1e7),
        ("百万元", "万元", 100.0),
        ("万亿元", "亿元", 1e4),
        ("万人", "人", 1e4),
        ("千米", "米", 1e3),
    ],
)
def test_conversions(src, dst, expected):
    assert math.isclose(units.factor(src, dst), expected, rel_tol=1e-12)


@pytest.mark.parametrize("src,dst", [("亿元", "亿美元"), ("万人", "亿元"), ("%", "万元")])
def test_other_dimensions_never_convert(src, dst):
    with pytest.raises(units.UnitError):
        units.factor(src, dst)
