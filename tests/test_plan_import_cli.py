"""`jxtargets plan import` on the command line: bad input is one line naming the file (exit 2),
--years gives the years a header does not, and no input file is ever overwritten.
The tables here are MADE UP (labelled so in their first row)."""

from __future__ import annotations

from .conftest import run

NO_YEARS = (
    "MADE UP 示例表（虚构）\n类别,序号,指标,计量单位,基期,目标,属性\n经济,1,地区生产总值,亿元,100,120以上,预期性\n"
)


def test_a_header_without_years_needs_the_years_option(tmp_path):
    table = tmp_path / "no-years-madeup.csv"
    table.write_text(NO_YEARS, encoding="utf-8")
    out = tmp_path / "plan.yaml"
    args = ("plan", "import", str(table), "--plan", "demo", "--name", "示例", "--region", "示例市", "-o", str(out))
    proc = run(*args, "--lang", "en")
    assert proc.returncode == 2 and not out.exists()
    assert proc.stderr.strip().endswith(
        "--years: the header gives no baseline and target year: give --years 2025:2030"
    ), proc.stderr


def test_years_option_and_a_bad_plan_id(tmp_path):
    table = tmp_path / "years-madeup.csv"
    table.write_text(NO_YEARS.replace("基期,目标", "2025年,规划目标"), encoding="utf-8")
    out = tmp_path / "plan.yaml"
    proc = run(
        "plan", "import", str(table), "--plan", "demo", "--name", "示例", "--region", "示例市",
        "--years", "2025:2030", "-o", str(out),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "baseline_year: 2025\n    target_year: 2030\n" in text
    assert 'op: ">="\n      value: 120\n      baseline: 100\n' in text
    bad = run("plan", "import", str(table), "--plan", "Demo-1", "--name", "x", "-o", str(out), "--lang", "en")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "jxtargets: --plan: a plan id must be snake_case (a-z, 0-9, _), not 'Demo-1'"
    years = run(
        "plan", "import", str(table), "--plan", "demo", "--name", "x", "--years", "2030:2025", "-o", str(out),
        "--lang", "en",
    )  # fmt: skip
    assert years.returncode == 2 and "the target year must follow the baseline year" in years.stderr


def test_never_writes_over_the_table(tmp_path):
    table = tmp_path / "table-madeup.csv"
    table.write_text(NO_YEARS.replace("基期,目标", "2025年,2030年"), encoding="utf-8")
    before = table.read_bytes()
    proc = run(
        "plan",
        "import",
        str(table),
        "--plan",
        "demo",
        "--name",
        "x",
        "--region",
        "示例市",
        "-o",
        str(table),
        "--lang",
        "en",
    )
    assert proc.returncode == 2 and "refusing to overwrite an input file" in proc.stderr
    assert table.read_bytes() == before


def test_cell_text_stays_inert_in_the_yaml(tmp_path):
    """A workbook title or name with a line break, quotes and YAML syntax cannot change the file."""
    import openpyxl
    import yaml

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["MADE UP 标题\nregion: 被注入\n# x"])
    sheet.append(["类别", "序号", "指标", "计量单位", "2025年", "2030年", "属性"])
    sheet.append(['经济"}: [', 1, "总量\n: {a: b}", "亿元", 100, "120以上", "预期性"])
    table = tmp_path / "hostile-madeup.xlsx"
    book.save(table)
    out = tmp_path / "plan.yaml"
    proc = run("plan", "import", str(table), "--plan", "demo", "--name", "x", "--region", "示例市", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    tree = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert tree["region"] == "示例市" and list(tree["indicators"]) == ["demo_01"]
    assert tree["indicators"]["demo_01"]["name"] == "总量:{a:b}"
    assert tree["indicators"]["demo_01"]["category"] == '经济"}: ['
