"""The shortcuts the loaders take for speed give exactly what the long way gives: plain numbers in
`parse_number`, remembered years in `year_of`, CSV rows read by column index in `table_figures`
(and the .xlsx rows that still come as dicts), the loosened-name index `Resolver` builds only
when a lookup needs it, the unit prefix shortcut `units._prefix_factor` (pint's factors), and
the unit-slip test's binary search (`LevelReferences.near`) against the ratio to each reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxtargets import api
from jxtargets.core import model
from jxtargets.loading.actuals import load_actuals, read_actuals_file
from jxtargets.loading.errors import LoadError, Problems
from jxtargets.loading.fields import year_of
from jxtargets.loading.figure_checks import UNIT_SLIP_RATIO, LevelReferences, _closest, unit_slip_against_targets
from jxtargets.loading.numbers import NumberError, parse_number
from jxtargets.loading.resolver import Resolver
from jxtargets.loading.table_rows import CSV_COLUMNS, table_figures

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def catalogue():
    return api.open_catalogue()


def _long_way(raw: str):
    """parse_number the long way: a leading space misses the shortcut, and changes nothing else."""
    try:
        return parse_number(" " + raw)
    except NumberError:
        return "refused"


def _short_way(raw: str):
    try:
        return parse_number(raw)
    except NumberError:
        return "refused"


PLAINISH = st.from_regex(r"\A[-+]?[0-9]{1,20}(\.[0-9]{0,8})?\Z") | st.sampled_from(
    [
        "0",
        "-0",
        "+0",
        "0.0",
        "00",
        "007",
        "0.5",
        "1.",
        ".5",
        "999999999999999",
        "1000000000000000",
        "-1000000000000000",
        "1" * 400,
        "5509.5",
        "+5509.50",
        "1e3",
        "1_000",
    ]
)


@SETTINGS
@given(raw=PLAINISH)
def test_plain_numbers_shortcut_gives_what_the_long_way_gives(raw):
    short, long = _short_way(raw), _long_way(raw)
    assert short == long, raw
    if short != "refused":
        assert str(short[0]) == str(long[0])  # -0.0 stays -0.0


def test_plain_numbers_shortcut_keeps_the_bounds():
    assert parse_number("5509.5") == (5509.5, None)
    assert parse_number("-0") == (-0.0, None)
    for raw in ("1000000000000000", "-1" + "0" * 15):
        assert _refusal(parse_number, raw) == "number.too_large"
    assert _refusal(parse_number, "1" * 400) == "number.not_finite"  # float() gives inf
    assert _refusal(parse_number, "0755") == "number.leading_zero"


def _refusal(read, *args) -> str:
    """The message code of the NumberError that read(*args) raises."""
    with pytest.raises(NumberError) as info:
        read(*args)
    return info.value.msg.code


def test_year_of_remembers_only_years():
    for _ in range(3):
        assert year_of("2020") == 2020 and year_of("２０２０") == 2020 and year_of("2020年") == 2020
    for _ in range(2):
        assert _refusal(year_of, "2020.5") == "year.expected"
        assert _refusal(year_of, "1800") == "year.out_of_range"
    with pytest.raises(NumberError) as info:
        year_of("2020", 2021, 2030)  # a remembered year, in a narrower range
    assert "out of range 2021-2030" in info.value.msg.text("en")
    assert year_of(2020) == 2020 and year_of(2020.0) == 2020


# -- CSV rows by index -----------------------------------------------------------------------------


def _read(path: Path, catalogue):
    try:
        figures, _, warnings, _, _ = read_actuals_file(path, Resolver(catalogue), None)
    except LoadError as exc:
        return "refused", [p.text("en") for p in exc.problems]
    return [
        (f.indicator, f.region, f.year, f.value, f.growth, f.since, f.done, f.note, f.source, f.line) for f in figures
    ], [p.text("en") for p in warnings]


def test_csv_columns_in_any_order_short_rows_and_blanks(tmp_path, catalogue):
    path = tmp_path / "actuals.csv"
    path.write_text(
        "value,indicator,growth,year\n"
        "5000,gdp,6.5,2020\n"
        "\n"
        " , , , \n"
        "69,urbanization_rate\n"  # short: no year
        "70,urbanization_rate,,2020,,\n"  # blank extra cells
        "1.5,rd_intensity, 2.0 ,２０２０年\n",
        encoding="utf-8",
    )
    got, problems = _read(path, catalogue)
    assert got == "refused"
    assert problems == [
        f"{path}:5: column year: expected a year, got nothing",
        f"{path}:5: warning: 1 row(s) have fewer cells than the header's 4 columns (first at line 5): read as "
        "if the last columns were blank; check that no cell is missing in between",
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("69,urbanization_rate\n", ""), encoding="utf-8")
    got, warnings = _read(path, catalogue)
    assert got == [
        ("gdp", "嘉兴市", 2020, 5000.0, 6.5, {}, None, None, None, 2),
        ("urbanization_rate", "嘉兴市", 2020, 70.0, None, {}, None, None, None, 5),
        ("rd_intensity", "嘉兴市", 2020, 1.5, 2.0, {}, None, None, None, 6),
    ]


def test_csv_since_done_region_and_notes(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.csv"
    path.write_text(
        "year,indicator,region,value,unit,growth,since,cagr,change,annual_change,total,reduction,"
        "done,note,source\n"
        "2020,gdp,,5509.5,,,2015,7.1,,,,,,,\n"
        "2020,pm25,,25,,,2015,, ,,,40,,n,s\n"
        "2020,jiaxing_airport,,,,,,,,,,,是,,\n"
        "2020,gdp,海宁市,1000,亿元,,,,,,,,,,\n",
        encoding="utf-8",
    )
    got, _ = _read(path, catalogue)
    assert got == [
        ("gdp", "嘉兴市", 2020, 5509.5, None, {2015: {"cagr": 7.1}}, None, None, None, 2),
        ("pm25", "嘉兴市", 2020, 25.0, None, {2015: {"reduction": 40.0}}, None, "n", "s", 3),
        ("jiaxing_airport", "嘉兴市", 2020, None, None, {}, True, None, None, 4),
        ("gdp", "海宁市", 2020, 1000.0, None, {}, None, None, None, 5),
    ]
    path.write_text("year,indicator,value,cagr\n2020,gdp,5509.5,7.1\n", encoding="utf-8")
    assert _read(path, catalogue) == (
        "refused",
        [f"{path}:2: column since: a cagr/change/total/reduction needs the since year"],
    )


def test_xlsx_rows_read_as_the_csv(tmp_path, catalogue):
    openpyxl = pytest.importorskip("openpyxl")
    rows = [
        ["year", "name", "indicator", "value", "growth", "since", "cagr", "done"],
        [2020, "地区生产总值", "gdp", 5509.5, 6.5, 2015, 7.1, None],
        [2020.0, None, "urbanization_rate", "69", None, None, None, None],
        [None, None, None, None, None, None, None, None],
        ["2020", None, "jiaxing_airport", None, None, None, None, True],
    ]
    book = openpyxl.Workbook()
    book.active.title = "actuals"
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "actuals-2020.xlsx")
    csv = tmp_path / "actuals-2020.csv"
    csv.write_text(
        "year,indicator,value,growth,since,cagr,done\n2020,gdp,5509.5,6.5,2015,7.1,\n"
        "2020,urbanization_rate,69,,,,\n,,,,,,\n2020,jiaxing_airport,,,,,true\n",
        encoding="utf-8",
    )
    from_xlsx, from_csv = _read(tmp_path / "actuals-2020.xlsx", catalogue), _read(csv, catalogue)
    assert [row[:-1] for row in from_xlsx[0]] == [row[:-1] for row in from_csv[0]]
    assert len(from_csv[0]) == 3


CELLS = {
    "year": ["2020", "2019", " 2020 ", "２０２０", "", "2020.5", "x", None, 2020, 2020.0],
    "indicator": ["gdp", "地区生产总值", "gdpp", " pm25 ", "", None, "GDP"],
    "region": ["", "海宁市", "nowhere", None],
    "value": ["5000", "5,000", "-3", "0.5", "", " ", "x", None, 69, 0.5],
    "unit": ["", "亿元", "%", None],
    "growth": ["", "6.5", "-200", "x", None, 7.5],
    "since": ["", "2015", "x", None, 2015],
    "done": ["", "true", "是", "maybe", None, True, False, 0],
    "note": ["", "n", None],
    "source": ["", "s", None],
    "bound": ["", "lower", "上限", "x", None],
    "basis": ["", "comparable", "当年价", "x", None],
    "break": ["", "true", "否", "maybe", None],
    **{k: ["", "", "3.5", "120", "x", " ", None, 4.5] for k in model.SINCE_FIGURES},
}


@st.composite
def tables(draw):
    header = draw(st.permutations(list(CSV_COLUMNS)).map(list))
    header = [c for c in header if c in ("year", "indicator") or draw(st.booleans())]
    rows = draw(st.lists(st.fixed_dictionaries({c: st.sampled_from(CELLS[c]) for c in header}), max_size=6))
    return header, rows


@SETTINGS
@given(table=tables(), want_year=st.sampled_from([None, 2020]))
def test_rows_as_lists_and_as_dicts_agree(table, want_year, catalogue):
    """A CSV's rows (lists, by column index) and an .xlsx sheet's (dicts) give the same figures
    and problems."""
    header, rows = table
    out = []
    for as_lists in (True, False):
        problems = Problems("t.csv")
        given = [(i + 2, [row[c] for c in header] if as_lists else dict(row)) for i, row in enumerate(rows)]
        figures = table_figures(
            iter(given),
            Resolver(catalogue),
            want_year,
            "t.csv",
            problems,
            Path("actuals-2020.csv"),
            header=header if as_lists else None,
        )
        out.append((repr(figures), [str(p) for p in problems.items]))
    assert out[0] == out[1]


# -- the resolver ----------------------------------------------------------------------------------


def test_loose_names_are_indexed_only_when_needed(catalogue):
    resolver = Resolver(catalogue)
    assert resolver.indicator("gdp") == "gdp" and resolver.indicator("地区生产总值") == "gdp"
    assert resolver._loose is None
    assert resolver.indicator("GDP") == "gdp" and resolver.indicator("细颗粒物(PM2.5)浓度") == "pm25"
    assert resolver._loose is not None and resolver.loose["gdp"] == "gdp"


def test_loose_names_still_found_in_a_file(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.csv"
    path.write_text("year,indicator,value\n2020, GDP ,5000\n2020,细颗粒物(PM2.5)浓度,30\n", encoding="utf-8")
    actuals, _ = load_actuals([path], catalogue, use_cache=False)
    assert actuals.level("gdp", catalogue.region, 2020) == 5000 and actuals.level("pm25", catalogue.region, 2020) == 30


# -- the unit prefix shortcut ----------------------------------------------------------------------

PREFIXES = ("", "万", "亿", "万亿", "千", "百")
BASES = ("元", "人", "吨", "亩", "件", "户", "人次", "平方米", "标箱", "美元", "千瓦", "吨标煤")


def test_prefix_shortcut_gives_what_pint_gives():
    """`units._prefix_factor` converts 万元 to 亿元 without pint (importing it costs most of a
    check's budget): for every pair of prefixed units below, where it answers, pint's registry
    gives the same factor (and where it does not, pint decides)."""
    import math

    from jxtargets.loading.units import _prefix_factor, parse_unit, registry

    answered = 0
    for base in BASES:
        for a in PREFIXES:
            for b in PREFIXES:
                source, target = a + base, b + base
                quick = _prefix_factor(source, target)
                if quick is None:
                    continue
                answered += 1
                slow = registry().Quantity(1.0, parse_unit(source)).to(parse_unit(target)).magnitude
                assert math.isclose(quick, slow, rel_tol=1e-12), (source, target, quick, slow)
    assert answered >= 400  # 千瓦 and the like are left to pint: 千 is part of the unit there


# MADE UP: references and figures of any size and sign, and figures right at the 100x edges.
_sizes = st.floats(min_value=1e-6, max_value=1e9, allow_nan=False) | st.sampled_from([1.0, 50.0, 100.0, 0.01])
_signed = st.builds(lambda x, neg: -x if neg else x, _sizes, st.booleans())


@SETTINGS
@given(refs=st.lists(_signed, max_size=6), value=_signed, edge=st.sampled_from([None, 1.0, -1.0]))
def test_slip_binary_search_agrees_with_the_ratio_to_each_reference(refs, value, edge):
    if edge is not None and refs:  # exactly UNIT_SLIP_RATIO times a reference: not near (strict)
        value = refs[0] * UNIT_SLIP_RATIO**edge
    indicator = model.Indicator("made_up", "编造", "Made up", "万吨", "up", "economy")
    indicator.targets = [
        model.Target("p", "made_up", "level", ">=", value=ref, baseline_year=2020, target_year=2025) for ref in refs
    ]
    levels = LevelReferences(indicator)
    assert levels.near(value) == (
        value != 0
        and bool(levels.refs)
        and _closest(value, levels.refs) is None
        and any((ref > 0) == (value > 0) for ref, _ in levels.refs)
    )
    assert unit_slip_against_targets(value, indicator, levels) == unit_slip_against_targets(value, indicator)


def test_slip_against_the_year_before_is_still_found_when_asked_first_cheaply(tmp_path):
    """unit_slips_over_years asks `_far` before building the reference and its message: a figure
    100 times off the year before is still a warning (file, line, key), a plausible one is not."""
    from .conftest import run

    made_up = tmp_path / "made-up-2019-2020.csv"  # MADE UP figures
    made_up.write_text("year,indicator,region,value\n2019,gdp,,50\n2020,gdp,,5509.5\n", encoding="utf-8")
    slipped = run("check", str(made_up), "--format", "json", "--lang", "en")
    warnings = [line for line in slipped.stderr.splitlines() if "gdp (2020)" in line]
    assert len(warnings) == 1 and f"{made_up.name}:3: warning: gdp (2020):" in warnings[0]
    assert "2019" in warnings[0]
    made_up.write_text("year,indicator,region,value\n2019,gdp,,5000\n2020,gdp,,5509.5\n", encoding="utf-8")
    assert "gdp (2020)" not in run("check", str(made_up), "--format", "json", "--lang", "en").stderr
