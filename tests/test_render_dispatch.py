"""`render(obj, format, lang)`: every object the api returns, in every format it has, is what the
command prints; machine formats always parse, whatever the results (none included)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from jxtargets import api
from jxtargets.render.dispatch import FormatError


@pytest.fixture(scope="module")
def inputs():
    return api.load(["2020"])


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")


def _objects(inputs):
    cat, act = inputs.catalogue, inputs.actuals
    fyp13 = api.Filters(plans=("fyp13",))
    return {
        "check": api.check(cat, act, filters=fyp13),
        "check-empty": api.check(cat, act, filters=fyp13, statuses=("off_track",)),
        "cagr": api.cagr(cat, act, "gdp"),
        "list": api.list_targets(cat, api.Filters(plans=("fyp13",), kinds=("cagr",))),
        "regions": api.list_regions(cat),
        "show": api.show(cat, act, "pm25"),
        "review": api.review(cat, act, 2020, fyp13),
    }


@pytest.mark.parametrize("name", ["check", "check-empty", "cagr", "list", "regions", "show", "review"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_machine_formats_parse(inputs, name, lang):
    obj = _objects(inputs)[name]
    data = json.loads(api.render(obj, "json", lang))
    assert isinstance(data, dict)
    text = api.render(obj, "csv", lang)
    assert isinstance(text, str)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert all(None not in row for row in rows)  # no row longer than the header
    md = api.render(obj, "markdown", lang)
    assert isinstance(md, str) and "|" in md


def test_check_json_has_every_result_and_the_summary(inputs):
    report = api.check(inputs.catalogue, inputs.actuals, filters=api.Filters(plans=("fyp13",)))
    data = json.loads(api.render(report, "json"))
    assert len(data["results"]) == len(report) and data["summary"]["total"] == len(report)
    gdp = [r for r in data["results"] if r["indicator"] == "gdp" and r["kind"] == "cagr"]
    assert gdp[0]["status"] == "missed" and gdp[0]["actual"] == 6.59


def test_empty_check_is_valid_json(inputs):
    report = api.check(inputs.catalogue, inputs.actuals, filters=api.Filters(plans=("fyp13",)), statuses=("off_track",))
    assert len(report) == 0
    assert json.loads(api.render(report, "json"))["results"] == []


def test_table_hides_rows_with_no_figure_unless_asked(inputs):
    report = api.check(inputs.catalogue, inputs.actuals, filters=api.Filters(plans=("fyp13",)))
    no_data = sum(1 for r in report if r.status == "no_data")
    assert no_data > 0
    text = api.render(report, "table")
    assert f"另有{no_data}项无数据未列出" in text
    assert "另有" not in api.render(report, "table", show_all=True)


def test_plain_arithmetic():
    rate = api.growth_rate(3517.1, 5509.5, 5)
    assert api.render(rate, "table") == "9.39%\n"
    assert (
        json.loads(api.render(rate, "json"))["cagr"] == 9.392
    )  # (5509.5 / 3517.1) ** (1 / 5) - 1 = 9.39198…%, to 4 places


@pytest.mark.parametrize("name,fmt", [("check", "xlsx"), ("list", "html"), ("cagr", "yaml")])
def test_a_format_an_object_has_not_is_a_usage_error(inputs, name, fmt):
    with pytest.raises(FormatError):
        api.render(_objects(inputs)[name], fmt)


def test_template_as_yaml_and_xlsx(inputs):
    form = api.template(inputs.catalogue, inputs.actuals, 2021, ("fyp14",))
    yaml_text = api.render(form, "yaml")
    assert isinstance(yaml_text, str) and "year: 2021" in yaml_text and "gdp:" in yaml_text
    book = api.render(form, "xlsx")
    assert isinstance(book, bytes) and book[:2] == b"PK"  # a zip: an xlsx workbook


def test_a_blank_form_says_there_is_nothing_to_judge(tmp_path):
    """A template checked before it is filled in: the warnings name the blank file, and the table
    says there is nothing to judge instead of an empty frame."""
    from .conftest import run

    form = tmp_path / "actuals-2021.yaml"
    assert run("template", "2021", "--plan", "fyp14", "-o", str(form)).returncode == 0
    proc = run("check", str(form))
    assert proc.returncode == 0
    assert proc.stdout == "（所给文件中没有数值，没有可核对的目标）\n"
    from jxtargets.messages import say

    assert f": 警告: values: {say('actuals.no_figures', 'zh')}" in proc.stderr
    assert run("check", str(form), "--lang", "en").stdout == "(no figures in the given files: nothing to judge)\n"
