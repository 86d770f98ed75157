"""core/check.py skips evaluating an ended plan's target that has no figure at all (it could not
be counted as 'left out, still judgeable'): the scope's counts and the results are what evaluating
every target gives."""

from __future__ import annotations

import pytest

from jxtargets import api
from jxtargets.core.check import Filters, Scope, check, targets
from jxtargets.core.rules import Evaluator


@pytest.fixture(scope="module")
def inputs():
    return api.load(None)


def _ended_still_judgeable(catalogue, actuals, year: int) -> int:
    """The count the long way: evaluate every target of a plan that ended before `year`."""
    evaluator, scope, count = Evaluator(catalogue, actuals), Scope(year), 0
    for target in targets(catalogue, Filters()):
        if scope.admits(target) != "ended":
            continue
        result = evaluator.evaluate(target, year)
        if (result.actual is None or result.measured_year is not None) and result.status != "met":
            continue
        count += 1
    return count


@pytest.mark.parametrize("year", [2011, 2015, 2016, 2020])
def test_ended_targets_without_figures_are_skipped_not_miscounted(inputs, year):
    scope = Scope(year)
    results = check(inputs.catalogue, inputs.actuals, year, scope=scope)
    assert scope.left_ended == _ended_still_judgeable(inputs.catalogue, inputs.actuals, year)
    whole = check(inputs.catalogue, inputs.actuals, year, whole=True)
    judged = {(r.target.plan, r.target.indicator, r.target.kind, r.region) for r in whole}
    assert {(r.target.plan, r.target.indicator, r.target.kind, r.region) for r in results} <= judged


def test_2020_leaves_out_14_ended_targets(inputs):
    scope = Scope(2020)
    check(inputs.catalogue, inputs.actuals, 2020, scope=scope)
    assert scope.left_ended == 14  # the README's 2020年前已结束规划的14项
