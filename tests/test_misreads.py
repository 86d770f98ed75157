"""No silent misreads, bounded resources (issue 12.5; every case of ../shared/review/fuzz.md).

Each case goes through the command line (`run`, in process; `run_process` where a hang must end
in a timeout rather than stall the suite): a value the reader cannot take at face value is an
error naming the file, line and key; every bad input exits 2 with one line per problem and no
traceback. Every figure in these files is MADE UP. What the lines say is checked in English
(JXTARGETS_LANG=en): the Chinese default says the same (tests/test_messages.py).
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest

from jxtargets.loading.errors import MAX_PROBLEMS, STOP_AFTER

from .conftest import run as run_any_language
from .conftest import run_process

EN = {"JXTARGETS_LANG": "en"}


def run(*args: str, cwd: Path | None = None, env: dict | None = None):
    """The command line in English, whose words these tests quote."""
    return run_any_language(*args, cwd=cwd, env={**EN, **(env or {})})


LINE = re.compile(r"^jxtargets: (?P<file>[^:]+)(:(?P<line>\d+)(:(?P<col>\d+))?)?: (warning: )?\S.*$")


def refused(*args: str, cwd: Path | None = None) -> list[str]:
    """The command exits 2, prints nothing on stdout, and one problem per stderr line."""
    proc = run(*args, cwd=cwd)
    assert proc.returncode == 2, (proc.returncode, proc.stdout[:300], proc.stderr)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert LINE.match(line), f"not one problem on one line: {line!r}"
    return lines


def one_line(*args: str, cwd: Path | None = None) -> str:
    lines = refused(*args, cwd=cwd)
    assert len(lines) == 1, lines
    return lines[0]


# -- .xlsx: a cell in a percentage number format ---------------------------------------------------


def _workbook(rows: list[tuple], formats: dict[str, str] | None = None) -> bytes:
    """A made-up long-format actuals sheet; `formats` maps a cell (C2) to its number format."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "actuals"
    sheet.append(["year", "indicator", "value", "growth"])
    for row in rows:
        sheet.append(list(row))
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def test_xlsx_percent_cells_are_read_as_typed(tmp_path):
    """12% typed into a cell is stored as 0.12 in a % format: it is read as 12, not 0.12 (fuzz.md 2)."""
    path = tmp_path / "actuals-2021.xlsx"
    path.write_bytes(
        _workbook(
            [
                (2021, "urbanization_rate", 0.705, None),  # typed 70.5%
                (2021, "rd_intensity", 0.0325, None),  # typed 3.25%
                (2021, "fixed_asset_investment", None, 0.12),  # typed 12%
                (2021, "gdp", 6355.28, 0.085),  # value in a plain format, growth typed 8.5%
                (2021, "pm25", 27, None),  # a literal "%" (quoted) does not scale
            ],
            {"C2": "0.0%", "C3": "0.00%", "D4": "0%", "D5": "0.0%", "C6": '0"%"'},
        )
    )

    def figure(indicator: str) -> dict:
        proc = run("show", indicator, "--actuals", str(path), "--format", "json")
        assert proc.returncode == 0 and "fraction?" not in proc.stderr, proc.stderr
        (found,) = json.loads(proc.stdout)["figures"]
        return found

    assert figure("urbanization_rate")["value"] == 70.5
    assert figure("rd_intensity")["value"] == 3.25
    assert figure("fixed_asset_investment")["growth"] == 12
    assert (figure("gdp")["value"], figure("gdp")["growth"]) == (6355.28, 8.5)
    assert figure("pm25")["value"] == 27


def test_xlsx_percent_cell_for_a_money_indicator_is_an_error(tmp_path):
    """A % cell where the indicator is in 亿元 cannot be taken at face value: file, sheet!cell, column."""
    path = tmp_path / "actuals-2021.xlsx"
    path.write_bytes(_workbook([(2021, "gdp", 0.12, None)], {"C2": "0%"}))
    line = one_line("check", str(path), "--format", "json")
    assert line.startswith(f"jxtargets: {path}:2: actuals!C2 (value): ")
    assert "'%' cannot be converted to '亿元'" in line


# -- .xlsx: damaged or hostile workbooks -----------------------------------------------------------


def _rewrite(data: bytes, change) -> bytes:
    """The workbook with its sheet XML changed by `change(xml) -> xml`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                body = change(body)
            dst.writestr(info.filename, body)
    return buf.getvalue()


def _cell(raw: bytes, ref: bytes = b"C2"):
    pattern = re.compile(rb'<c r="' + ref + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)
    return lambda xml: pattern.sub(b'<c r="' + ref + b'">' + raw + b"</c>", xml, count=1)


def _comment(size: int):
    return lambda xml: xml.replace(b"<sheetData>", b"<!--" + b"x" * size + b"--><sheetData>", 1)


def _long_attribute(size: int):
    return lambda xml: xml.replace(b"<sheetData>", b'<sheetData a="' + b"y" * size + b'">', 1)


def _entities(xml: bytes) -> bytes:
    ents = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10))
    body = xml.decode().split("?>", 1)[-1]
    return (f'<?xml version="1.0"?><!DOCTYPE x [{ents}]>' + body).encode()


BAD_XLSX = {
    "nan-cell": _cell(b"<v>NaN</v>"),  # openpyxl's int() raised ValueError: exit 3
    "inf-cell": _cell(b"<v>1E999</v>"),  # int(inf) raised OverflowError: exit 3
    "formula-cached-inf": _cell(b"<f>1+1</f><v>1E999</v>"),
    "bad-xml": lambda xml: xml[: len(xml) // 2],  # ParseError: exit 3
    "entity-amplification": _entities,  # ParseError from expat's amplification limit: exit 3
    "comment-2mb": _comment(2 * 1024 * 1024),  # 16 MB of comment took 16 s: quadratic in expat 2.5
    "long-attribute": _long_attribute(2 * 1024 * 1024),  # the same for any long token
}


@pytest.mark.parametrize("case", sorted(BAD_XLSX))
def test_damaged_xlsx_is_one_line_exit_2(tmp_path, case):
    base = _workbook([(2021, "gdp", 6355.28, 8.5), (2021, "pm25", 27, None)])
    path = tmp_path / "actuals-2021.xlsx"
    path.write_bytes(_rewrite(base, BAD_XLSX[case]))
    lines = refused("check", str(path), "--format", "json")
    assert all(line.startswith(f"jxtargets: {path}") for line in lines), lines
    errors = [line for line in lines if ": warning: " not in line]
    assert len(errors) == 1, lines
    if case in ("inf-cell", "formula-cached-inf"):
        assert errors[0] == f"jxtargets: {path}:2: actuals!C2 (value): inf is not a finite number"
    elif case.startswith(("comment", "long", "entity")):
        assert "not a usable .xlsx workbook" in errors[0]


def test_corrupt_deflate_stream_is_one_line_exit_2(tmp_path):
    data = bytearray(_workbook([(2021, "gdp", 6355.28, 8.5)]))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(40, 48):
        data[start + k] ^= 0xFF
    path = tmp_path / "actuals-2021.xlsx"
    path.write_bytes(bytes(data))
    assert one_line("check", str(path)).startswith(f"jxtargets: {path}: not a readable .xlsx workbook")


# -- catalogue numbers: nothing after a number is dropped ------------------------------------------

CATALOGUE = """\
# MADE UP catalogue for tests/test_misreads.py: none of these figures is real.
schema: 1
region: 测试市
plans:
  p1: {{name: 测试规划, baseline_year: 2015, target_year: 2020}}
indicators:
  gdp:
    name: 地区生产总值
    name_en: GDP
    unit: 亿元
    direction: up
    category: economy
    targets:
      - {{plan: p1, kind: level, op: ">=", value: {value}, baseline: 3000}}
  firms:
    name: 企业数
    name_en: Firms
    unit: 家
    direction: up
    category: economy
    targets:
      - {{plan: p1, kind: level, op: ">=", value: {firms}}}
  growth:
    name: 增长指标
    name_en: Growth
    unit: 亿元
    direction: up
    category: economy
    targets:
      - {{plan: p1, kind: cagr, op: ">=", value: {rate}}}
"""


def _catalogue(tmp_path: Path, value: str = "5000", firms: str = "100", rate: str = "7") -> Path:
    path = tmp_path / "targets.yaml"
    path.write_text(CATALOGUE.format(value=value, firms=firms, rate=rate), encoding="utf-8")
    return path


def test_catalogue_number_with_a_unit_is_converted(tmp_path):
    """0.9万亿元 on a 亿元 indicator is 9000 (with the one pint registry), never 0.9 (fuzz.md 3)."""
    path = _catalogue(tmp_path, value="0.9万亿元", rate="'7%'")
    proc = run("list", "--catalogue", str(path), "--format", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    targets = {t["indicator"]: t for t in json.loads(proc.stdout)["targets"]}
    assert targets["gdp"]["value"] == 9000
    assert targets["growth"]["value"] == 7


BAD_NUMBERS = {
    # value on gdp (亿元) -> what the line must say
    "5O00": "'5O00' has letters among its digits",  # the letter O: was read as 5
    "1O0": "'1O0' has letters among its digits",
    "0.0l56": "'0.0l56' has letters among its digits",
    "'10\u200b00'": "invisible character (U+200B",  # a zero-width space from a PDF: was 10
    "27e": "unknown unit 'e'",
    "1亿美元": "unit '亿美元' cannot be converted to '亿元'",
    "56斤": "unknown unit '斤'",
    "17万": "unknown unit '万'",
    "69%%": "'%%' is not one unit",
}


@pytest.mark.parametrize("raw", sorted(BAD_NUMBERS))
def test_catalogue_number_followed_by_text_is_an_error(tmp_path, raw):
    path = _catalogue(tmp_path, value=raw)
    line = one_line("list", "--catalogue", str(path), "--format", "json")
    assert line.startswith(f"jxtargets: {path}:14: indicators.gdp.targets[1].value: "), line
    assert BAD_NUMBERS[raw] in line, line


def test_catalogue_money_on_a_count_and_a_unit_on_a_rate_are_errors(tmp_path):
    path = _catalogue(tmp_path, firms="21亿元", rate="7万人")
    lines = refused("list", "--catalogue", str(path))
    assert len(lines) == 2, lines
    assert any(f"{path}:22: indicators.firms.targets[1].value: unit '亿元' cannot be converted" in x for x in lines)
    assert any(f"{path}:30: indicators.growth.targets[1].value: '万人' cannot follow this number" in x for x in lines)


# -- actuals: alt values and stray % -----------------------------------------------------------------


def test_alt_value_keeps_its_unit():
    """alt: [{value: 0.55万亿元}] on gdp (亿元) is 5500, not 0.55 (fuzz.md 3, the alt: case)."""
    proc = run("show", "gdp", "--actuals", "tests/bad/actuals-2020-alt-unit.yaml", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    (figure,) = json.loads(proc.stdout)["figures"]
    assert figure["value"] == 5509.5
    assert [alt["value"] for alt in figure["alternatives"]] == [5500]


def test_alt_value_that_is_not_a_number_is_an_error(tmp_path):
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(
        "# MADE UP\nyear: 2020\nvalues:\n  gdp:\n    value: 5509.5\n    alt:\n    - value: 5O00\n      note: typo\n",
        encoding="utf-8",
    )
    line = one_line("validate", str(path))
    assert line.startswith(f"jxtargets: {path}:7: values.gdp.alt[1].value: '5O00' has letters among its digits")


@pytest.mark.parametrize(
    "raw, unit",
    [("69%%", "%%"), ("69 % %", "% %"), ("69％％", "%%"), ("69个百分点%", "个百分点%"), ("10个%", "个%")],
)
def test_stray_percent_is_an_error(tmp_path, raw, unit):
    """69%% was 69 %² = 0.69 % (fuzz.md 4); other unit suffixes pint reads as a product likewise."""
    path = tmp_path / "actuals-2020.yaml"
    path.write_text(f"# MADE UP\nyear: 2020\nvalues:\n  urbanization_rate: '{raw}'\n", encoding="utf-8")
    line = one_line("check", str(path), "--format", "json")
    assert line.startswith(f"jxtargets: {path}:4: values.urbanization_rate: {unit!r} is not one unit"), line


# -- CSV: a stray quote, and files full of bad rows ------------------------------------------------


def test_stray_quote_in_csv_names_the_line():
    """The three rows after a stray quote vanished into a note, exit 0 (fuzz.md 6)."""
    line = one_line("validate", "tests/bad/actuals-2020-stray-quote.csv")
    assert line.startswith(
        "jxtargets: tests/bad/actuals-2020-stray-quote.csv:3: a quoted cell runs from line 3 to line 6"
    )


def test_quoted_cell_on_one_line_is_still_fine(tmp_path):
    path = tmp_path / "actuals-2020.csv"
    path.write_text('# MADE UP\nyear,indicator,value,note\n2020,gdp,5509.5,"a note, with a comma"\n', encoding="utf-8")
    proc = run("validate", str(path))
    assert proc.returncode == 0, proc.stderr


def test_a_file_of_bad_rows_gives_bounded_output(tmp_path):
    """200 MB of duplicate rows ran out of memory (fuzz.md 11): the first MAX_PROBLEMS problems are
    kept, one line says how many more, and reading stops after STOP_AFTER errors."""
    path = tmp_path / "actuals-2020.csv"
    rows = STOP_AFTER + 5000
    path.write_text("# MADE UP\nyear,indicator,value\n" + "2020,gdp,5509.5\n" * rows, encoding="utf-8")
    lines = refused("check", str(path), "--format", "json")
    assert len(lines) == MAX_PROBLEMS + 1
    stop_line = STOP_AFTER + 4  # header on line 2, the first row (accepted) on 3, errors from 4 on
    assert lines[-1] == (
        f"jxtargets: {path}:{stop_line}: {STOP_AFTER - MAX_PROBLEMS} more errors up to here, not shown "
        f"(only the first {MAX_PROBLEMS} problems are); stopped reading at line {stop_line}"
    )


def test_a_csv_with_some_bad_rows_reports_them_all(tmp_path):
    path = tmp_path / "actuals-2020.csv"
    path.write_text("# MADE UP\nyear,indicator,value\n" + "2020,gdpp,1\n" * 30, encoding="utf-8")
    lines = refused("check", str(path), "--format", "json")
    assert len(lines) == 31 and sum("unknown indicator 'gdpp'" in line for line in lines) == 30
    assert f"jxtargets: {path}: 30 of 30 indicators are unknown to " in lines[0]  # the wrong catalogue?


# -- inputs that are not regular files, and path errors --------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize(
    "args",
    [("check", "{fifo}"), ("check", "2020", "--catalogue", "{fifo}"), ("check", "{dir}"), ("review", "{fifo}")],
)
def test_fifo_input_is_refused_not_waited_on(tmp_path, args):
    """A FIFO as input hung forever (fuzz.md 7). A real process with a timeout, so a hang fails."""
    fifo, folder = tmp_path / "f.yaml", tmp_path / "d"
    os.mkfifo(fifo)
    folder.mkdir()
    os.mkfifo(folder / "actuals-2020.yaml")
    argv = [a.format(fifo=fifo, dir=folder) for a in args]
    proc = run_process(*argv, "--format", "json", env=EN)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].endswith("not a regular file (a device, pipe or socket?)"), lines


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize(
    "args",
    [
        ("check", "/dev/zero"),
        ("list", "--catalogue", "/dev/zero"),
        ("show", "gdp", "--actuals", "/dev/zero"),
        ("validate", "/dev/urandom"),
    ],
)
def test_device_input_is_refused_not_read(args):
    """/dev/zero was read until memory ran out (fuzz.md 7)."""
    line = one_line(*args)
    assert line == "jxtargets: " + ("/dev/urandom" if "validate" in args else "/dev/zero") + (
        ": not a regular file (a device, pipe or socket?)"
    )


def test_name_too_long_is_one_line(tmp_path):
    """Path.is_dir() raised OSError (ENAMETOOLONG): exit 3 (fuzz.md 5)."""
    name = "x" * 300 + ".yaml"
    line = one_line("check", name, cwd=tmp_path)
    assert line.startswith(f"jxtargets: {name}: cannot read the file: ")


def test_quoted_document_that_is_not_utf8_or_outside_the_seeds(tmp_path):
    """validate --seeds: a GBK document gave UnicodeDecodeError (exit 3); a doc: /etc/hostname was
    read, an oracle on any file (fuzz.md 5, 14)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "gbk.txt").write_bytes("地区生产总值5509.5亿元".encode("gbk"))
    secret = tmp_path / "secret.txt"
    secret.write_text("地区生产总值5509.5亿元", encoding="utf-8")
    actuals = tmp_path / "actuals-2020.yaml"
    actuals.write_text(
        "# MADE UP\nyear: 2020\nvalues:\n"
        "  gdp: {value: 5509.5, source: {doc: gbk.txt, where: x, quote: 地区生产总值5509.5亿元}}\n"
        f"  pm25: {{value: 28, source: {{doc: {secret}, where: x, quote: 地区生产总值5509.5亿元}}}}\n"
        "  rd_intensity: {value: 3.1, source: {doc: ../secret.txt, where: x, quote: 地区生产总值5509.5亿元}}\n",
        encoding="utf-8",
    )
    lines = refused("validate", str(actuals), "--seeds", str(seeds))
    assert f"jxtargets: {actuals}:4: gdp: source document gbk.txt is not UTF-8 text" in lines
    assert f"jxtargets: {actuals}:5: pm25: unknown source document {secret}" in lines
    assert f"jxtargets: {actuals}:6: rd_intensity: unknown source document ../secret.txt" in lines


# -- -o: only ever a regular file we may write -----------------------------------------------------


def _review_to(target: Path) -> list[str]:
    return refused("review", "2020", "--format", "json", "-o", str(target))


def test_output_refuses_a_fifo(tmp_path):
    target = tmp_path / "out.json"
    os.mkfifo(target)
    assert _review_to(target) == [
        f"jxtargets: {target}: not a regular file (a device, pipe or socket); refusing to replace it"
    ]
    assert stat.S_ISFIFO(os.lstat(target).st_mode)


def test_output_refuses_a_symlink(tmp_path):
    """A symlink to /proc/self/fd/1 (what /dev/stdout is) became a regular file (fuzz.md 9)."""
    real = tmp_path / "real.json"
    real.write_text("kept", encoding="utf-8")
    target = tmp_path / "out.json"
    target.symlink_to(real)
    assert _review_to(target) == [
        f"jxtargets: {target}: is a symbolic link; refusing to replace it (name the file itself)"
    ]
    assert target.is_symlink() and real.read_text(encoding="utf-8") == "kept"


def test_output_refuses_a_device(tmp_path):
    """A character device 1,3 (what /dev/null is) became a regular file (fuzz.md 9)."""
    target = tmp_path / "null"
    try:
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here (not root)")
    assert _review_to(target) == [
        f"jxtargets: {target}: not a regular file (a device, pipe or socket); refusing to replace it"
    ]
    assert stat.S_ISCHR(os.lstat(target).st_mode)


def test_output_refuses_a_directory_and_dash(tmp_path):
    """-o DIR gave IsADirectoryError, exit 3 (fuzz.md 5); -o - wrote a file named '-' (fuzz.md 9)."""
    folder = tmp_path / "d"
    folder.mkdir()
    assert _review_to(folder) == [f"jxtargets: {folder}: is a directory; give a file name"]
    lines = refused("review", "2020", "--format", "json", "-o", "-", cwd=tmp_path)
    assert lines == ["jxtargets: -: '-' is not a file name here; leave out --output to print to the terminal"]
    assert not (tmp_path / "-").exists()


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root may write anything")
def test_output_refuses_a_read_only_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("kept", encoding="utf-8")
    target.chmod(0o444)
    assert _review_to(target) == [f"jxtargets: {target}: is read-only; refusing to replace it"]
    assert target.read_text(encoding="utf-8") == "kept"


def test_output_still_replaces_a_regular_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    proc = run("review", "2020", "--format", "json", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(target.read_text(encoding="utf-8"))


def test_short_csv_rows_are_warned_about(tmp_path):
    """A row with a cell missing in between shifts the later cells left (fuzz.md 13): one warning."""
    path = tmp_path / "actuals-2020.csv"
    path.write_text(
        "# MADE UP\nyear,indicator,value,growth\n2020,gdp,5509.5,3.5\n2020,pm25,28\n2020,rd_intensity,3.1\n",
        encoding="utf-8",
    )
    proc = run("validate", str(path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"jxtargets: {path}:4: warning: 2 row(s) have fewer cells than the header's 4 columns (first at line 4): "
        "read as if the last columns were blank; check that no cell is missing in between"
    ]


def test_a_file_saved_during_a_run_cannot_poison_the_data_cache(tmp_path, monkeypatch):
    """The cache key was computed from the bytes read first and the entry built from a second
    read: a file saved in between put its new figures under the old content's key, so the old
    content then gave the new figures (fuzz.md 8, for the data cache). The bytes are read once."""
    from jxtargets import api
    from jxtargets.loading import files
    from jxtargets.loading.actuals import load_actuals

    monkeypatch.delenv("JXTARGETS_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    catalogue = api.open_catalogue()
    path = tmp_path / "actuals-2020.yaml"
    first, second = "# MADE UP\nyear: 2020\nvalues:\n  gdp: 4000.5\n", "# MADE UP\nyear: 2020\nvalues:\n  gdp: 5509.5\n"
    path.write_text(first, encoding="utf-8")
    real = files.read_bytes
    saved = []

    def read_then_save(p: Path) -> bytes:
        data = real(p)
        if p == path and not saved:  # the user saves the file just after it was read
            saved.append(True)
            path.write_text(second, encoding="utf-8")
        return data

    monkeypatch.setattr(files, "read_bytes", read_then_save)
    during, _ = load_actuals([path], catalogue)
    assert during.level("gdp", catalogue.region, 2020) == 4000.5  # what was read, consistently
    monkeypatch.setattr(files, "read_bytes", real)
    path.write_text(first, encoding="utf-8")
    again, _ = load_actuals([path], catalogue)
    assert again.level("gdp", catalogue.region, 2020) == 4000.5  # not the figure saved meanwhile
    path.write_text(second, encoding="utf-8")
    assert load_actuals([path], catalogue)[0].level("gdp", catalogue.region, 2020) == 5509.5


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8(tmp_path):
    """An undecodable byte in a file name crashed the cache key (UnicodeEncodeError, exit 3)."""
    name = os.fsdecode(b"actuals-2020-\xff.yaml")
    (tmp_path / name).write_text("# MADE UP\nyear: 2020\nvalues:\n  gdp: 5509.5\n  pm25: 5O\n", encoding="utf-8")
    assert one_line("check", name, "--format", "json", cwd=tmp_path) == (
        "jxtargets: actuals-2020-\\udcff.yaml:5: values.pm25: unknown unit 'O' (the indicator pm25 is in 微克/立方米)"
    )
    (tmp_path / name).write_text("# MADE UP\nyear: 2020\nvalues:\n  gdp: 5509.5\n", encoding="utf-8")
    for _ in range(2):  # built, then from the cache
        proc = run("check", name, "--format", "json", cwd=tmp_path)
        assert proc.returncode in (0, 1) and "internal error" not in proc.stderr, proc.stderr


def test_seeds_that_is_not_a_folder(tmp_path):
    """validate --seeds FILE said "unknown source document" once per quote (over a thousand lines)."""
    lines = refused("validate", "--seeds", str(tmp_path / "nowhere"))
    errors = [line for line in lines if ": warning: " not in line]  # (the embedded data's own warnings)
    assert errors == [f"jxtargets: {tmp_path / 'nowhere'}: --seeds: not a folder (the folder of source documents)"]


def test_validate_reports_a_catalogue_number_followed_by_text(tmp_path):
    """validate said 0 errors for value: 5O00 (fuzz.md 3); now it names file, line and key."""
    path = _catalogue(tmp_path, value="5O00")
    actuals = tmp_path / "actuals-2020.yaml"
    actuals.write_text("# MADE UP\nyear: 2020\nvalues:\n  gdp: 5509.5\n", encoding="utf-8")
    lines = refused("validate", str(actuals), "--catalogue", str(path))
    assert lines == [
        f"jxtargets: {path}:14: indicators.gdp.targets[1].value: '5O00' has letters among its digits "
        "(O for 0, l for 1?); write one plain number"
    ]
