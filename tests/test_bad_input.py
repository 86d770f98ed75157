"""Bad input never crashes, never corrupts and never passes silently.

Every bad file under tests/bad/ (all figures in them made up) goes through the real command
(`python -m jxtargets check FILE --format json`): exit code 2, one line on stderr per problem,
each naming the file (and line and column where there is one), no traceback. The same files go
through the library (`load_actuals`, `load_catalogue`, `parse_number`, `yamltree.parse`).

What each problem says is checked in English (`--lang en`, `Problem.text("en")`), whose words
the expectations below quote; the Chinese default gives the same lines, file, line, column and
key included, in Chinese (checked for every refused file; tests/test_messages.py has more).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jxtargets import api
from jxtargets.loading import files as files_module
from jxtargets.loading.actuals import load_actuals, untargeted
from jxtargets.loading.catalogue_set import load_catalogue
from jxtargets.loading.errors import LoadError
from jxtargets.loading.numbers import NumberError, parse_number
from jxtargets.loading.yamltree import MAX_DEPTH, TOO_DEEP, YamlError, parse

from .conftest import DATA, ROOT, run

BAD = Path(__file__).resolve().parent / "bad"
REL = "tests/bad/"  # how the command names them, run from the repository root
# file:line[:col]: [warning:] [key:] message — one line each.
LINE = re.compile(r"^jxtargets: (?P<file>[^:]+)(:(?P<line>\d+)(:(?P<col>\d+))?)?: (warning: |警告: )?\S.*$")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Our own cache directory, so that no cached result from elsewhere hides a problem."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "bad-input-cache"))
    monkeypatch.delenv("JXTARGETS_DEBUG", raising=False)


@pytest.fixture(scope="module")
def catalogue():
    return api.open_catalogue()


def check(*args: str, cwd: Path | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    proc = run("check", *args, "--format", "json", "--lang", lang, cwd=cwd)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert "内部错误" not in proc.stderr, proc.stderr
    return proc


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    for line in lines:
        assert LINE.match(line), f"not one problem on one line: {line!r}"
    return lines


def refused(*args: str, cwd: Path | None = None, lang: str = "en") -> list[str]:
    """Run check; it must exit 2 with nothing on stdout and the problems on stderr."""
    proc = check(*args, cwd=cwd, lang=lang)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stdout == ""
    lines = stderr_lines(proc)
    assert lines
    return lines


def load(name: str, catalogue, **kw):
    return load_actuals([BAD / name], catalogue, use_cache=False, **kw)


def load_error(name: str, catalogue, **kw) -> list[str]:
    with pytest.raises(LoadError) as info:
        load(name, catalogue, **kw)
    return [p.text("en") for p in info.value.problems]


# -- every bad file, through the command -----------------------------------------------------------

# file -> what stderr must say (each a substring of one line; "file:line[:col]" prefixes included)
REFUSED = {
    "actuals-2020-malformed.yaml": [":5:7: malformed YAML: did not find expected ',' or ']'"],
    "actuals-2020-list.yaml": [":2: an actuals file must be a YAML mapping with year: and values:, not a list"],
    "actuals-2020-scalar.yaml": [":1: an actuals file must be a YAML mapping"],
    "actuals-2020-tabs.yaml": [
        ":4:1: malformed YAML: found character that cannot start any token (a tab: YAML indents with spaces only)"
    ],
    "actuals-2020-comments-only.yaml": [": file is empty (only comments or blank lines)"],
    "actuals-2020-binary.yaml": [": binary file, not text"],
    "actuals-2020-control-char.yaml": [":4:12: control character U+0007 is not allowed"],
    "actuals-2020-multidoc.yaml": [":4:1: a second YAML document (---)"],
    "actuals-2020-duplicate.yaml": [
        ":6:3: values.gdp: duplicate key 'gdp': given at line 4 and again at line 6",
        ":9:5: values.urbanization_rate.value: duplicate key 'value': given at line 8 and again at line 9",
        ":10:1: year: duplicate key 'year': given at line 2 and again at line 10",
    ],
    "actuals-2020-id-and-name.yaml": [
        ":5: values.地区生产总值: gdp is given twice: as 'gdp' at line 4 and as '地区生产总值' at line 5"
    ],
    "actuals-2020-yaml11.yaml": [
        ":5: values.gdp: 'yes' is a yes/no word (a YAML 1.1 boolean), not a number",
        ":6: values.pm25: 'off' is a yes/no word",
        ":7: values.urbanization_rate: '0755' has a leading zero (octal in YAML 1.1)",
        ":8: values.new_urban_jobs: '1_000' uses _ between digits",
        ":9: values.rd_intensity: '60:30' is a base-60 number in YAML 1.1",
        ":10: values.jiaxing_airport.done: expected true or false, got 'on'",
    ],
    "actuals-2020-ambiguous.yaml": [
        ":5: values.gdp: '5,50' is ambiguous",
        ":6: values.gdp_per_capita: '1,2345' is ambiguous",
        ":7: values.pm25: '25-30' is ambiguous",
        ":8: values.urbanization_rate: '约69' is approximate",
        ":9: values.new_urban_jobs: '12左右' is approximate",
        ":10: values.rd_intensity: '3.1.2' is ambiguous",
        ":11: values.urban_disposable_income: '—' marks a missing figure",
    ],
    "actuals-2020-impossible.yaml": [
        ":5: values.gdp: nan is not a finite number",
        ":6: values.gdp_per_capita: inf is not a finite number",
        ":7: values.new_urban_jobs: -3 is negative, impossible for 新增城镇就业人数",
        ":8: values.urbanization_rate: 169% is over 100%, impossible for 常住人口城镇化率 (a share)",
        ":9: values.rd_intensity: '1e400' is not a finite number",
        ":10: values.pm25.since.2015.reduction: a reduction of 120% is impossible",
    ],
    "actuals-2019-wrong-year.yaml": [":2: year: year 2020 disagrees with the file name (2019)"],
    "actuals-2020-unknown.yaml": [
        ":4: values.gdpp: unknown indicator (did you mean gdp?)",
        ":5: values.城镇化率: unknown indicator (did you mean household_urbanization_rate (户籍人口城镇化率), "
        "urbanization_rate (常住人口城镇化率)?)",
        ":6: values.urbanisation_rate: unknown indicator (did you mean urbanization_rate",
        ":8: regions.嘉兴: unknown region '嘉兴' (did you mean 嘉兴市",
        ":9: valuse: unknown key (did you mean values?)",
    ],
    "actuals-2020-units.yaml": [
        ":4: values.gdp: unit '万人' cannot be converted to '亿元'",
        ":5: values.pm25.value: unit '亿元' cannot be converted to '微克/立方米'",
        ":6: values.new_urban_jobs: unknown unit 'furlongs'",
        ":8: values.gdp_per_capita.value: two units: '万元' in the value and unit: '元'",
    ],
    "actuals-2020-python-tag.yaml": [":5:8: tag !!python/object/apply:os.system is not allowed"],
    "actuals-2020-bomb.yaml": ["after expanding aliases (an alias bomb?); refused"],
    "actuals-2020-recursive.yaml": [":3:9: an alias refers to a collection that contains it (recursive alias)"],
    "actuals-2020-many-problems.yaml": [
        ":6: values.gdpp",
        ":7: values.pm25",
        ":8: values.urbanization_rate",
        ":9:3: values.gdp: duplicate key",
        ":10: values.new_urban_jobs.colour",
        ":11: values.rd_intensity",
    ],
    "actuals-2020-bad.csv": [
        ":3: column year: year 2021 disagrees with the file name (2020)",  # an earlier year is a revision
        ":4: column year: expected a year, got '2020.5'",
        ":5: column indicator: unknown indicator 'gdpp' (did you mean gdp?)",
        ":7: column indicator: urbanization_rate for 2020 (嘉兴市) is given twice: at line 6 and line 7",
        ":8: column done: expected true or false (是/否), got 'maybe'",
        ":9: 5 cells, but the header names 4 columns",
    ],
    # A stray % after the unit: pint would read 69%% as 69 %² = 0.69 % (fuzz.md finding 4).
    "actuals-2020-stray-percent.yaml": [
        ":4: values.urbanization_rate: '%%' is not one unit",
        ":5: values.new_urban_jobs.since.2015.total: '万人%' is not one unit",
        ":6: values.rd_intensity: '%%' is not one unit",
    ],
    # A stray quote swallowed the three rows after it into a note (fuzz.md finding 6).
    "actuals-2020-stray-quote.csv": [':3: a quoted cell runs from line 3 to line 6: a stray " ?'],
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_check_refuses_bad_file(name):
    lines = refused(REL + name)
    for line in lines:
        assert line.startswith(f"jxtargets: {REL}{name}"), line
    for expected in REFUSED[name]:
        assert any(expected in line for line in lines), f"{expected!r} not in:\n" + "\n".join(lines)
    assert len(lines) == len(REFUSED[name]), "\n".join(lines)
    # In Chinese (the default): the same problems at the same places, in other words.
    chinese = refused(REL + name, lang="zh")
    assert len(chinese) == len(lines)
    for zh, en in zip(chinese, lines, strict=True):
        assert zh.split(": ", 2)[:1] == en.split(": ", 2)[:1] and zh != en, (zh, en)


def test_every_bad_file_is_covered():
    """Each file under tests/bad/ is refused above, or loaded with a documented warning below."""
    accepted = {
        "actuals-2020-gbk.yaml",
        "actuals-2020-bom.yaml",
        "actuals-2020-utf16.yaml",
        "actuals-2020-pasted.yaml",
        "actuals-1990-before-baseline.yaml",
        "actuals-2020-fraction.yaml",
        "actuals-2020-blank.yaml",
        "actuals-2020-alt-unit.yaml",
        "targets-duplicate.yaml",
        "targets-malformed.yaml",
    }
    assert {p.name for p in BAD.iterdir()} == set(REFUSED) | accepted


def test_problems_are_sorted_by_line():
    lines = refused(REL + "actuals-2020-many-problems.yaml")
    numbers = [int(LINE.match(line)["line"]) for line in lines]
    assert numbers == sorted(numbers) == [6, 7, 8, 9, 10, 11]


def test_python_tags_are_never_constructed(tmp_path):
    shutil.copy(BAD / "actuals-2020-python-tag.yaml", tmp_path / "actuals-2020.yaml")
    refused("actuals-2020.yaml", cwd=tmp_path)
    assert not (tmp_path / "PWNED-jxtargets").exists() and not (ROOT / "PWNED-jxtargets").exists()


# -- files that are not there, not files, not readable, empty ---------------------------------------


def test_missing_file():
    lines = refused("tests/bad/no-such-file-2020.yaml")
    assert lines == ["jxtargets: tests/bad/no-such-file-2020.yaml: no such file"]


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", "\ufeff\n".encode()])
def test_empty_file(tmp_path, content):
    path = tmp_path / "actuals-2020.yaml"
    path.write_bytes(content)
    assert refused(str(path)) == [f"jxtargets: {path}: file is empty"]


def test_directory(tmp_path):
    empty = tmp_path / "actuals-2020.yaml"  # a directory with a file's name
    empty.mkdir()
    assert refused(str(empty)) == [f"jxtargets: {empty}: directory holds no actuals files"]
    # The library refuses a directory given where a file is expected.
    with pytest.raises(LoadError) as info:
        files_module.read_bytes(empty)
    assert [p.text("en") for p in info.value.problems] == [f"{empty}: is a directory, not a file"]


def test_not_a_regular_file():
    with pytest.raises(LoadError) as info:
        files_module.read_bytes(Path("/dev/null"))
    assert [p.code for p in info.value.problems] == ["file.not_regular"]
    assert "not a regular file" in info.value.problems[0].text("en")


def test_unreadable_file(tmp_path, monkeypatch, catalogue):
    path = tmp_path / "actuals-2020.yaml"
    shutil.copy(BAD / "actuals-2020-pasted.yaml", path)
    if os.geteuid() != 0:  # root reads anything: then only the library test below can run
        path.chmod(0)
        try:
            assert refused(str(path)) == [f"jxtargets: {path}: cannot read the file (permission denied)"]
        finally:
            path.chmod(0o644)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(LoadError) as info:
        load_actuals([path], catalogue, use_cache=False)
    assert [p.text("en") for p in info.value.problems] == [f"{path}: cannot read the file (permission denied)"]


def test_bare_year_without_embedded_actuals():
    lines = refused("1999")
    assert len(lines) == 1 and lines[0].startswith("jxtargets: 1999: no embedded actuals for 1999 (embedded years: ")


# -- encodings --------------------------------------------------------------------------------------


def test_gbk_is_read_with_a_warning(catalogue):
    proc = check(REL + "actuals-2020-gbk.yaml")
    assert proc.returncode in (0, 1)
    assert stderr_lines(proc) == [
        f"jxtargets: {REL}actuals-2020-gbk.yaml: warning: file is GBK/GB18030-encoded; "
        "read as such (save it as UTF-8 to silence this, e.g. `iconv -f GB18030 -t UTF-8`)"
    ]
    actuals, warnings = load("actuals-2020-gbk.yaml", catalogue)
    assert actuals.level("gdp", catalogue.region, 2020) == 5000
    assert actuals.level("urbanization_rate", catalogue.region, 2020) == 69
    assert [w.warning for w in warnings] == [True]


def test_utf8_bom_is_read_silently(catalogue):
    proc = check(REL + "actuals-2020-bom.yaml")
    assert proc.returncode in (0, 1) and proc.stderr == ""
    actuals, warnings = load("actuals-2020-bom.yaml", catalogue)
    assert actuals.level("gdp", catalogue.region, 2020) == 5000 and warnings == []


def test_utf16_is_read_with_a_warning(catalogue):
    proc = check(REL + "actuals-2020-utf16.yaml")
    assert proc.returncode in (0, 1)
    assert "warning: file is UTF-16-encoded" in proc.stderr
    actuals, _ = load("actuals-2020-utf16.yaml", catalogue)
    assert actuals.level("gdp", catalogue.region, 2020) == 5000


def test_undecodable_text_is_refused(tmp_path):
    path = tmp_path / "actuals-2020.yaml"
    path.write_bytes(b"year: 2020\nvalues:\n  gdp: 5000 \x80\xff\n")
    lines = refused(str(path))
    assert lines == [
        f"jxtargets: {path}:3: neither UTF-8 nor GBK/GB18030 text (a binary file?); save the file as UTF-8"
    ]


@pytest.mark.parametrize(
    ("magic", "says"),
    [
        (b"PK\x03\x04", "ZIP archive (an .xlsx workbook?)"),
        (b"\xd0\xcf\x11\xe0", "old Excel .xls"),
        (b"%PDF-1.4\n", "a PDF, not text"),
    ],
)
def test_office_files_under_a_text_name(tmp_path, magic, says):
    path = tmp_path / "actuals-2020.yaml"
    path.write_bytes(magic + b"rest of the file\n")
    lines = refused(str(path))
    assert len(lines) == 1 and says in lines[0]


# -- numbers as people paste them --------------------------------------------------------------------


def test_pasted_numbers_are_converted(catalogue):
    proc = check(REL + "actuals-2020-pasted.yaml")
    assert proc.returncode in (0, 1) and proc.stderr == ""
    actuals, warnings = load("actuals-2020-pasted.yaml", catalogue)
    assert warnings == []
    got = {key[0]: fig.value for key, series in actuals.figures.items() for fig in series.values()}
    assert got == pytest.approx(
        {
            "gdp": 5509.5,
            "gdp_per_capita": 112345,
            "urbanization_rate": 69,
            "new_urban_jobs": 1.2,
            "pm25": 28,
            "rd_intensity": 3.1,
            "urban_disposable_income": 64000,
            "service_share": 51.2,
        }
    )


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("５５０９．５", 5509.5, None),
        ("5,509.5", 5509.5, None),
        ("５，５０９．５亿元", 5509.5, "亿元"),
        ("5509.5亿元", 5509.5, "亿元"),
        ("5509.5 亿元", 5509.5, "亿元"),
        ("69%", 69, "%"),
        ("69％", 69, "%"),
        ("1.2万人", 1.2, "万人"),
        ("28微克/立方米", 28, "微克/立方米"),
        ("+5509.5", 5509.5, None),
        ("5509.5 ", 5509.5, None),
        ("\u3000５５０９\u3000", 5509, None),
        ("−3.5", -3.5, None),
        ("1,234,567", 1234567, None),
        (5509.5, 5509.5, None),
        (0, 0, None),
        ("1e3", 1000, None),
    ],
)
def test_parse_number_accepts(raw, value, unit):
    assert parse_number(raw) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("yes", "yes/no word"),
        ("off", "yes/no word"),
        (True, "yes/no value"),
        ("0755", "leading zero"),
        ("1_000", "uses _ between digits"),
        ("60:30", "base-60"),
        ("0x1f", "hex, octal or binary"),
        ("12,34", "ambiguous"),
        ("1,2345", "ambiguous"),
        ("5000-6000", "ambiguous"),
        ("3~5", "ambiguous"),
        ("1/2", "ambiguous"),
        ("1.5.2", "ambiguous"),
        ("5 5", "ambiguous"),
        ("5²", "ambiguous"),
        ("①", "not a number"),
        ("٣", "not a number"),
        ("五千", "not a number"),
        ("约5500", "approximate"),
        ("5500左右", "approximate"),
        ("9000以上", "approximate"),
        ("nan", "not a finite number"),
        ("-inf", "not a finite number"),
        (float("nan"), "not a finite number"),
        (float("inf"), "not a finite number"),
        ("1e400", "not a finite number"),
        (10**400, "too large"),
        ("1e15", "too large to be a reported figure"),
        (-(10**16), "too large to be a reported figure"),
        ("", "empty"),
        (None, "empty"),
        ("—", "missing figure"),
        ([5], "got a list"),
        ({"a": 1}, "got a mapping"),
    ],
)
def test_parse_number_refuses(raw, says):
    with pytest.raises(NumberError) as info:
        parse_number(raw)
    assert says in info.value.msg.text("en") and info.value.msg.code.startswith("number.")


@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "Yes", "0755", "1_000", "60:30", "0x1f", "1:20:30"])
def test_yaml11_forms_stay_text(text):
    assert parse(f"a: {text}\n", "t.yaml") == {"a": text}


def test_yaml_core_values():
    tree = parse("a: 1\nb: 2.5\nc: true\nd: ~\ne: .nan\nf: 2020-01-01\n", "t.yaml")
    assert tree["a"] == 1 and tree["b"] == 2.5 and tree["c"] is True and tree["d"] is None
    assert math.isnan(tree["e"]) and tree["f"] == "2020-01-01"
    assert tree.lines == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}


# -- years ------------------------------------------------------------------------------------------


def test_year_that_disagrees_with_year_option(catalogue):
    problems = load_error("actuals-2020-pasted.yaml", catalogue, year=2019)
    assert problems == [f"{REL}actuals-2020-pasted.yaml:3: year: year 2020 disagrees with --year 2019"]
    lines = refused(REL + "actuals-2020-pasted.yaml", "--year", "2019")
    assert lines == ["jxtargets: --year 2019: no figures that early in the given files (years: 2020)"]


def test_year_before_every_baseline_is_a_warning(catalogue):
    proc = check(REL + "actuals-1990-before-baseline.yaml")
    assert proc.returncode == 0
    assert stderr_lines(proc) == [
        f"jxtargets: {REL}actuals-1990-before-baseline.yaml:3: warning: year: year 1990 is before the baseline "
        "year of every plan (the earliest is 2010): its figures can serve only as history"
    ]


def test_future_year_is_a_warning(tmp_path):
    path = tmp_path / "actuals-2199.yaml"
    path.write_text("# MADE UP\nyear: 2199\nvalues: {gdp: 5000}\n", encoding="utf-8")
    proc = check(str(path))
    assert "warning: year: year 2199 is in the future" in proc.stderr


@pytest.mark.parametrize(
    ("year", "says"),
    [
        ("2020.5", "expected a year, got 2020.5"),
        ("1850", "year 1850 out of range 1900-2200"),
        ("yes", "expected a year, got 'yes'"),
        ("[2020]", "expected a year, got a list"),
    ],
)
def test_bad_year_value(tmp_path, year, says):
    path = tmp_path / "actuals.yaml"
    path.write_text(f"# MADE UP\nyear: {year}\nvalues: {{gdp: 5000}}\n", encoding="utf-8")
    assert refused(str(path)) == [f"jxtargets: {path}:2: year: {says}"]


def test_year_written_as_text_is_accepted(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text('# MADE UP\nyear: "２０２０"\nvalues: {gdp: 5000}\n', encoding="utf-8")
    actuals, _ = load_actuals([path], catalogue, use_cache=False)
    assert actuals.years == {2020}


# -- indicators, units, shares ----------------------------------------------------------------------


def test_loose_chinese_name_matches_one_indicator(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.yaml"  # half-width brackets and a space, as pasted from Word
    path.write_text("# MADE UP\nyear: 2020\nvalues:\n  细颗粒物 (PM2.5)浓度: 30\n", encoding="utf-8")
    actuals, _ = load_actuals([path], catalogue, use_cache=False)
    assert actuals.level("pm25", catalogue.region, 2020) == 30


def test_ambiguous_chinese_name_is_refused(tmp_path):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text("# MADE UP\nyear: 2020\nvalues:\n  中国驰名商标: 3\n", encoding="utf-8")
    assert refused(str(path)) == [
        f"jxtargets: {path}:4: values.中国驰名商标: unknown indicator ('中国驰名商标' names "
        "china_well_known_trademarks, china_well_known_trademarks_won; give the id)"
    ]


def test_negative_allowed_for_growth_indicators(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text("# MADE UP\nyear: 2020\nvalues:\n  natural_population_growth_rate: -1.2\n", encoding="utf-8")
    actuals, _ = load_actuals([path], catalogue, use_cache=False)
    assert actuals.level("natural_population_growth_rate", catalogue.region, 2020) == -1.2


def test_fraction_for_a_share_is_a_warning():
    proc = check(REL + "actuals-2020-fraction.yaml")
    assert proc.returncode in (0, 1)
    assert stderr_lines(proc) == [
        f"jxtargets: {REL}actuals-2020-fraction.yaml:5: warning: values.urbanization_rate: 0.69% for 常住人口城镇化率, "
        "whose targets are 75% or so: a fraction? (69% is written 69)"
    ]


def test_blank_figures_are_a_warning_not_silence(catalogue):
    proc = check(REL + "actuals-2020-blank.yaml")
    assert proc.returncode in (0, 1)
    assert stderr_lines(proc) == [
        f"jxtargets: {REL}actuals-2020-blank.yaml:6: warning: 2 indicator(s) left blank, so no figure: "
        "values.pm25, values.urbanization_rate (their targets show no_data)"
    ]
    actuals, _ = load("actuals-2020-blank.yaml", catalogue)
    assert actuals.get("pm25", catalogue.region, 2020) is None
    assert actuals.level("gdp", catalogue.region, 2020) == 5000


def test_file_without_figures_is_a_warning(tmp_path):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text("# MADE UP\nyear: 2020\n", encoding="utf-8")
    proc = check(str(path))
    assert "warning: values: the file gives no figures" in proc.stderr


def test_figures_no_plan_targets_are_found(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(
        "# MADE UP\nyear: 2020\nvalues:\n  nox_emissions: 5\n  gdp: 5000\n  service_share: 50\n", encoding="utf-8"
    )
    actuals, _ = load_actuals([path], catalogue, use_cache=False)
    assert [f.indicator for f in untargeted(actuals, catalogue)] == ["nox_emissions"]
    assert sorted(f.indicator for f in untargeted(actuals, catalogue, ("fyp14",))) == ["nox_emissions", "service_share"]


def test_warnings_come_with_errors(tmp_path):
    """Several files at once: every problem of every file, warnings included, in one run."""
    lines = refused(REL + "actuals-2020-gbk.yaml", REL + "actuals-2020-yaml11.yaml", REL + "actuals-2020-units.yaml")
    assert sum("warning: file is GBK" in line for line in lines) == 1
    assert sum(REL + "actuals-2020-yaml11.yaml" in line for line in lines) == 6
    assert sum(REL + "actuals-2020-units.yaml" in line for line in lines) == 4


# -- hostile YAML -----------------------------------------------------------------------------------


def _peak_rss_mb(code: str) -> tuple[float, str]:
    script = (
        "import resource, sys\nfrom pathlib import Path\nfrom jxtargets import api\n"
        "from jxtargets.loading.errors import LoadError\n"
        f"{code}\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.split()
    return float(out[-1]), " ".join(out[:-1])


def test_alias_bomb_is_refused_quickly_in_bounded_memory():
    start = time.perf_counter()
    lines = refused(REL + "actuals-2020-bomb.yaml")
    assert time.perf_counter() - start < 10
    assert len(lines) == 1 and re.fullmatch(
        rf"jxtargets: {REL}actuals-2020-bomb\.yaml:\d+:\d+: more than 2,000,000 values after expanding aliases "
        r"\(an alias bomb\?\); refused",
        lines[0],
    ), lines
    peak, said = _peak_rss_mb(
        "try:\n    api.open_actuals(['tests/bad/actuals-2020-bomb.yaml'], api.open_catalogue())\n"
        "except LoadError as e:\n    print('refused')"
    )
    assert said == "refused" and peak < 300


@pytest.mark.parametrize("depth", [100, 5_000, 200_000])
def test_deep_nesting_is_refused_quickly(tmp_path, depth):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text("# MADE UP\nyear: 2020\nvalues:\n  gdp: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    start = time.perf_counter()
    lines = refused(str(path))  # exit 2, not a crash of the C parser (SIGSEGV, exit -11)
    assert time.perf_counter() - start < 10
    # One line, at the first level too deep, whichever PyYAML/libyaml version is installed.
    assert lines == [f"jxtargets: {path}:4:{8 + MAX_DEPTH - 1}: {TOO_DEEP.text('en')}"]


def test_deep_block_nesting_is_refused(tmp_path):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(
        "# MADE UP\nyear: 2020\nvalues:\n"
        + "".join(" " * (i + 2) + f"k{i}:\n" for i in range(3000))
        + " " * 3003
        + "x\n",
        encoding="utf-8",
    )
    start = time.perf_counter()
    lines = refused(str(path))
    assert time.perf_counter() - start < 10
    # The key k63, whose mapping would be level MAX_DEPTH + 1, whichever PyYAML/libyaml is installed.
    assert lines == [f"jxtargets: {path}:{3 + MAX_DEPTH}:{MAX_DEPTH + 2}: {TOO_DEEP.text('en')}"]


def test_shared_aliases_are_fine(tmp_path, catalogue):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(
        "# MADE UP\nyear: 2020\nsource: &s report.txt\nvalues:\n  gdp: &v {value: 5000, source: *s}\n"
        "  gdp_per_capita: 112345\n",
        encoding="utf-8",
    )
    actuals, _ = load_actuals([path], catalogue, use_cache=False)
    assert actuals.get("gdp", catalogue.region, 2020).source == "report.txt"


def test_yamltree_errors_are_yamlerrors():
    for text in ("a: [1", "a: !!python/object:os.system x", "a: &a [*a]", "- a\nb: 1", "a: 1\na: 2"):
        with pytest.raises(YamlError) as info:
            parse(text, "t.yaml")
        assert all(str(p).startswith("t.yaml:") and "\n" not in str(p) for p in info.value.problems)


# -- the catalogue ----------------------------------------------------------------------------------


def test_bad_catalogue_through_check():
    lines = refused(REL + "actuals-2020-pasted.yaml", "--catalogue", REL + "targets-duplicate.yaml")
    assert lines == [
        f"jxtargets: {REL}targets-duplicate.yaml:15:3: indicators.gdp: duplicate key 'gdp': given at "
        "line 7 and again at line 15 (remove one)"
    ]
    lines = refused(REL + "actuals-2020-pasted.yaml", "--catalogue", REL + "targets-malformed.yaml")
    assert lines == [
        f"jxtargets: {REL}targets-malformed.yaml:6:11: malformed YAML: did not find expected ',' or "
        "'}' (while parsing a flow mapping at line 5)"
    ]


def test_bad_catalogue_through_library():
    with pytest.raises(LoadError) as info:
        load_catalogue(BAD / "targets-duplicate.yaml")
    assert [p.line for p in info.value.problems] == [15]


@pytest.mark.parametrize(
    "name",
    ["actuals-2020-binary.yaml", "actuals-2020-list.yaml", "actuals-2020-comments-only.yaml", "actuals-2020-bomb.yaml"],
)
def test_bad_files_as_catalogue(name):
    lines = refused(REL + "actuals-2020-pasted.yaml", "--catalogue", REL + name)
    assert len(lines) == 1 and lines[0].startswith(f"jxtargets: {REL}{name}")


# -- validate: every problem, sorted ------------------------------------------------------------------


def test_validate_reports_every_problem_sorted_by_line():
    proc = run(
        "validate",
        REL + "actuals-2020-many-problems.yaml",
        REL + "actuals-2020-yaml11.yaml",
        REL + "actuals-2020-blank.yaml",
        "--lang",
        "en",
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    by_file: dict[str, list[int]] = {}
    for line in lines:
        m = re.match(r"^jxtargets: (tests/bad/[^:]+):(\d+)", line)
        assert m, line
        by_file.setdefault(m[1], []).append(int(m[2]))
    assert by_file == {
        REL + "actuals-2020-blank.yaml": [6],
        REL + "actuals-2020-many-problems.yaml": [6, 7, 8, 9, 10, 11],
        REL + "actuals-2020-yaml11.yaml": [5, 6, 7, 8, 9, 10],
    }
    assert "12 errors, 1 warnings" in proc.stdout


# -- never writes to an input file ------------------------------------------------------------------


def test_inputs_are_never_written(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(DATA / "actuals" / "actuals-2020.yaml", folder)
    shutil.copy(BAD / "actuals-2020-gbk.yaml", folder)
    shutil.copy(BAD / "actuals-2020-duplicate.yaml", folder)
    shutil.copytree(DATA / "catalogue", folder / "catalogue")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    catalogue = ["--catalogue", str(folder / "catalogue")]
    for args in (
        ["check", str(folder / "actuals-2020.yaml"), *catalogue, "--format", "json"],
        ["check", str(folder / "actuals-2020.yaml"), *catalogue],
        ["check", str(folder / "actuals-2020-gbk.yaml"), "--format", "csv"],
        ["check", str(folder / "actuals-2020-duplicate.yaml")],
        ["check", str(folder), *catalogue],
        ["validate", *map(str, sorted(folder.glob("actuals-*.yaml"))), *catalogue],
    ):
        proc = run(*args)
        assert "Traceback" not in proc.stderr
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_csv_cell_problems_name_line_and_column(tmp_path):
    bad = tmp_path / "actuals-2020.csv"  # made-up figures
    bad.write_text(
        "year,indicator,region,value,growth,since,cagr\n2020,gdp,,abc,,,\n2020,pm25,,28,x,,\n"
        "2020,urbanization_rate,,69,,2015,7.1.2\n",
        encoding="utf-8",
    )
    proc = run("check", str(bad), "--format", "json", "--lang", "en")
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines == [
        f"jxtargets: {bad}:2: column value: 'abc' is not a number",
        f"jxtargets: {bad}:3: column growth: 'x' is not a number",
        f"jxtargets: {bad}:4: column cagr: '7.1.2' is ambiguous (a range, a list, a decimal comma or a typo?); "
        "write one plain number, e.g. 5509.5",
    ]
