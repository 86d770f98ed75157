"""The growth arithmetic: exact values and hypothesis properties."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from jxtargets.core import growth

positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=1, max_value=50)
any_float = st.floats(allow_nan=True, allow_infinity=True)


def test_gdp_nominal_cagr_2015_2020():
    # 表1: GDP 3517.1 (2015) -> 5509.5 (2020): nominal 9.39% a year.
    assert growth.cagr(3517.1, 5509.5, 5) == pytest.approx(9.392, abs=1e-3)


def test_patents_planned_and_achieved_cagr():
    # 表1 序号6: 1100 -> 2500 planned 17.8%; 1100 -> 4733 achieved 33.9%.
    assert round(growth.cagr(1100, 2500, 5), 1) == 17.8
    assert round(growth.cagr(1100, 4733, 5), 1) == 33.9


@pytest.mark.parametrize(
    "start,end,n", [(0, 5, 5), (-1, 5, 5), (5, 0, 5), (5, -3, 5), (1, 2, 0), (1, 2, -1), (None, 2, 5), (2, None, 5)]
)
def test_cagr_undefined_is_none(start, end, n):
    assert growth.cagr(start, end, n) is None


@given(positive, st.floats(min_value=-50, max_value=100), years)
def test_cagr_round_trips(base, rate, n):
    end = growth.compound(base, rate, n)
    assert end is not None
    back = growth.cagr(base, end, n)
    if back is not None:
        assert back == pytest.approx(rate, abs=1e-6, rel=1e-6)
        assert base * (1 + back / 100) ** n == pytest.approx(end, rel=1e-9)


@given(positive, positive, years, years)
def test_required_cagr_lands_on_target(actual, target, left, _):
    assume(1e-6 < target / actual < 1e6)
    rate = growth.cagr(actual, target, left)
    if rate is not None:
        assert growth.compound(actual, rate, left) == pytest.approx(target, rel=1e-7)


@given(
    st.floats(min_value=-20, max_value=40),
    st.floats(min_value=-20, max_value=40),
    st.integers(1, 10),
    st.integers(1, 10),
)
def test_remaining_cagr_completes_the_plan(planned, achieved, done, left):
    need = growth.remaining_cagr(planned, achieved, done, left)
    if need is not None:
        total = (1 + achieved / 100) ** done * (1 + need / 100) ** left
        assert total == pytest.approx((1 + planned / 100) ** (done + left), rel=1e-9)


@given(st.lists(st.floats(min_value=-50, max_value=100), min_size=1, max_size=20))
def test_chain_is_the_geometric_mean(rates):
    avg = growth.chain(rates)
    product = math.prod(1 + r / 100 for r in rates)
    if avg is not None:
        assert (1 + avg / 100) ** len(rates) == pytest.approx(product, rel=1e-9)


@given(any_float, any_float, st.integers(-5, 60))
def test_no_input_raises(a, b, n):
    for value in (growth.cagr(a, b, n), growth.reduction(a, b)):
        assert value is None or math.isfinite(value)
    growth.reduction_due(a if math.isfinite(a) else 0.0, 0.5)


def test_reduction_due_on_a_geometric_path():
    # Half the time of a 19% cut: 1 - 0.81**0.5 = 10%.
    assert growth.reduction_due(19, 0.5) == pytest.approx(10.0)
    assert growth.reduction(43, 28) == pytest.approx(34.88, abs=0.01)


@pytest.mark.parametrize(
    "start,end,years", [(1, 2, float("inf")), (float("inf"), 2, 5), (1, float("inf"), 5), (1, 2, float("nan"))]
)
def test_no_rate_over_an_infinite_or_undefined_span(start, end, years):
    assert growth.cagr(start, end, years) is None


def test_cli_refuses_an_undefined_rate():
    from .conftest import run

    proc = run("cagr", "--from", "1", "--to", "2", "--years", "inf")
    assert proc.returncode == 2 and proc.stdout == "" and len(proc.stderr.splitlines()) == 1
