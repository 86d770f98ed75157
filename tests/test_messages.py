"""One message table (jxtargets/messages/), Chinese by default and English with --lang en or
JXTARGETS_LANG=en (issue 18.8): every code has both texts with the same placeholders, every code
the code base uses is in the table with the parameters its text needs, and a problem found in an
input file is the same line in both languages but for the words: file, line, column and key stay.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from jxtargets.loading.errors import MAX_PROBLEMS, LoadError, Problem, Problems
from jxtargets.messages import LANGS, MESSAGES, TOPICS, Msg, msg, say

from .conftest import run

PACKAGE = Path(__file__).resolve().parent.parent / "jxtargets"

# Modules whose lines are not yet given codes (none left: the API, extract and plan import were
# the last).
NOT_YET: tuple[str, ...] = ()
# Loader modules being converted (this list goes as they are).
CONVERTING = ()

# Calls that take a message code, and the position of the code among their arguments; the
# keyword arguments that are not message parameters.
TAKES_A_CODE = {
    "msg": 0,
    "say": 0,
    "NumberError": 0,
    "UnitError": 0,
    "OutputError": 1,
    "Problem": 3,
    "of": 3,
    "add": 2,
    "warn": 2,
}
NOT_PARAMS = {"column", "warning"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_code_has_chinese_and_english_with_the_same_placeholders():
    for code, texts in MESSAGES.items():
        assert len(texts) == len(LANGS) and all(t.strip() for t in texts), code
        zh, en = texts
        assert _fields(zh) == _fields(en), code
        assert zh != en or not any(c.isalpha() for c in zh), code  # translated (or nothing to translate)


def test_no_code_is_defined_twice():
    seen: dict[str, int] = {}
    for topic in TOPICS:
        for code in topic:
            seen[code] = seen.get(code, 0) + 1
    assert {c for c, n in seen.items() if n > 1} == set()
    assert len(MESSAGES) == sum(len(t) for t in TOPICS)


def _calls():
    """(module, line, function name, code node, keyword names or None when **params) of every
    call that takes a message code."""
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("messages/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name not in TAKES_A_CODE or len(node.args) <= TAKES_A_CODE[name]:
                continue
            if name in ("add", "warn") and not (isinstance(func, ast.Attribute) and "problems" in ast.unparse(func)):
                continue  # a set's add, a list's…: only a Problems collector takes a code
            keywords = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
            yield rel, node.lineno, name, node.args[TAKES_A_CODE[name]], keywords


def _codes(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.IfExp):
        return _codes(node.body) + _codes(node.orelse)
    return [node]


def test_every_code_used_is_in_the_table_with_its_parameters():
    wrong = []
    calls = 0
    for rel, line, name, node, keywords in _calls():
        for code in _codes(node):
            calls += 1
            if isinstance(code, ast.JoinedStr) or (isinstance(code, ast.Constant) and code.value not in MESSAGES):
                if not rel.startswith(NOT_YET):
                    wrong.append(f"{rel}:{line}: {name}({ast.unparse(code)}): not a code of the table")
            elif isinstance(code, ast.Constant) and keywords is not None:
                wanted = _fields(MESSAGES[code.value][0])
                given = keywords - NOT_PARAMS if name in ("add", "warn", "of", "Problem") else keywords
                if given != wanted:
                    wrong.append(f"{rel}:{line}: {code.value} takes {sorted(wanted)}, given {sorted(given)}")
    assert calls > 100
    assert wrong == []


def test_every_message_renders_in_both_languages():
    for code, (zh, _) in MESSAGES.items():
        params = {name: "X" for name in _fields(zh)}
        for lang in LANGS:
            text = say(code, lang, **params)
            assert text.strip() and not any("{" + name + "}" in text for name in params), code


def test_a_message_inside_a_message_takes_the_same_language():
    hint = msg("hint.did_you_mean", names="gdp")
    problem = Problem.of("a.yaml", 4, "values.gdpp", "key.unknown", hint=hint)
    assert problem.text("en") == "a.yaml:4: values.gdpp: unknown key (did you mean gdp?)"
    assert problem.text("zh") == str(problem) == f"a.yaml:4: values.gdpp: {say('key.unknown', 'zh', hint=hint)}"
    assert "gdp" in str(problem) and "did you mean" not in str(problem)


def test_a_problem_is_plain_hashable_data_and_survives_the_cache():
    import msgspec

    problem = Problem.of("a.yaml", 4, "values.gdp", "number.ambiguous", 7, True, value="'5,50'")
    nested = Problem.of("a.yaml", 5, None, "blank.indicators", count=6, shown="a, b", more=msg("blank.more", count=1))
    assert hash(problem) != hash(nested)
    back = msgspec.msgpack.decode(msgspec.msgpack.encode([problem, nested]), type=list[Problem])
    assert back == [problem, nested] and back[1].text("en") == nested.text("en")


def test_the_kind_word_and_the_more_lines_are_translated():
    problems = Problems("a.yaml")
    problems.warn(200, "year", "year.future", year=2199)
    for i in range(MAX_PROBLEMS + 3):
        problems.add(i + 1, "values.gdp", "number.empty")
    lines_zh = [str(p) for p in problems.every]
    lines_en = [p.text("en") for p in problems.every]
    assert lines_zh[0] == "a.yaml:200: 警告: year: " + say("year.future", "zh", year=2199)
    assert (
        lines_en[0] == "a.yaml:200: warning: year: year 2199 is in the future: are these figures planned, not reported?"
    )
    assert lines_en[-1] == (
        f"a.yaml:{MAX_PROBLEMS + 3}: 4 more errors up to here, not shown (only the first {MAX_PROBLEMS} problems are)"
    )
    assert lines_zh[-1] == f"a.yaml:{MAX_PROBLEMS + 3}: " + say("problems.more_errors", "zh", count=4, limit=100)
    with pytest.raises(LoadError) as info:
        problems.raise_if_any()
    assert sorted(str(p) for p in info.value.problems) == sorted(lines_zh)


AMBIGUOUS = "tests/bad/actuals-2020-ambiguous.yaml"


def test_a_bad_file_in_chinese_by_default_and_in_english_on_request():
    """The same lines, each naming file, line and key, in Chinese by default, in English with
    --lang en and with JXTARGETS_LANG=en."""
    zh = run("check", AMBIGUOUS)
    en = run("check", AMBIGUOUS, "--lang", "en")
    env = run("check", AMBIGUOUS, env={"JXTARGETS_LANG": "en"})
    assert zh.returncode == en.returncode == env.returncode == 2
    assert zh.stdout == en.stdout == env.stdout == ""
    assert env.stderr == en.stderr
    zh_lines, en_lines = zh.stderr.splitlines(), en.stderr.splitlines()
    assert len(zh_lines) == len(en_lines) == 7
    first_zh, first_en = zh_lines[0], en_lines[0]
    prefix = f"jxtargets: {AMBIGUOUS}:5: values.gdp: "
    assert first_zh == prefix + say("number.ambiguous", "zh", value="'5,50'")
    assert (
        first_en
        == prefix
        + "'5,50' is ambiguous (a range, a list, a decimal comma or a typo?); write one plain number, e.g. 5509.5"
    )
    assert "含义不明" in first_zh and "5509.5" in first_zh
    for a, b in zip(zh_lines, en_lines, strict=True):
        where = b[: b.index(": ", len(f"jxtargets: {AMBIGUOUS}:")) + 2]  # jxtargets: file:line: key:
        key = b[len(where) :].split(": ", 1)[0]
        assert a.startswith(where + key + ": ") and a != b, (a, b)
    # --lang zh wins over the environment
    assert run("check", AMBIGUOUS, "--lang", "zh", env={"JXTARGETS_LANG": "en"}).stderr == zh.stderr


def test_a_warning_says_jinggao_by_default(tmp_path):
    path = tmp_path / "actuals-2199.yaml"  # MADE UP: a year in the future
    path.write_text("# MADE UP\nyear: 2199\nvalues:\n  gdp: 5509.5\n", encoding="utf-8")
    zh = run("check", str(path), "--format", "json")
    en = run("check", str(path), "--format", "json", "--lang", "en")
    assert f"jxtargets: {path}:2: 警告: year: {say('year.future', 'zh', year=2199)}" in zh.stderr.splitlines()
    assert f"jxtargets: {path}:2: warning: year: {say('year.future', 'en', year=2199)}" in en.stderr.splitlines()
    assert ": warning: " not in zh.stderr


def test_validate_json_gives_each_problem_its_code_and_message_in_the_language():
    import json

    for lang in LANGS:
        proc = run("validate", AMBIGUOUS, "--format", "json", "--lang", lang)
        assert proc.returncode == 2
        body = json.loads(proc.stdout)
        assert {"files", "targets", "figures", "quotes_checked", "quotes", "errors", "warnings"} <= set(body)
        first = body["problems"][0]
        assert (first["file"], first["line"], first["key"], first["code"], first["warning"]) == (
            AMBIGUOUS,
            5,
            "values.gdp",
            "number.ambiguous",
            False,
        )
        assert first["message"] == say("number.ambiguous", lang, value="'5,50'")
        assert body["errors"][0] == f"{AMBIGUOUS}:5: values.gdp: {first['message']}"
        assert len(body["problems"]) == len(body["errors"]) + len(body["warnings"]) == 7


def test_msg_is_a_value():
    assert msg("number.empty") == Msg("number.empty") and str(msg("number.empty")) == say("number.empty", "zh")


def test_usage_lines_of_the_command_line_follow_the_language():
    zh, en = run("cagr"), run("cagr", "--lang", "en")
    assert zh.returncode == en.returncode == 2
    assert zh.stderr == f"jxtargets: {say('usage.cagr_arguments', 'zh')}\n"
    assert en.stderr == "jxtargets: give an INDICATOR, or all of --from, --to and --years\n"
    fmt = run("check", "2020", "--format", "xlsx", env={"JXTARGETS_LANG": "en"})
    assert (
        fmt.returncode == 2
        and fmt.stderr == "jxtargets: --format xlsx: this command writes table, json, csv, markdown\n"
    )
    fmt = run("check", "2020", "--format", "xlsx")
    assert (
        fmt.stderr
        == "jxtargets: " + say("usage.format_not_here", "zh", fmt="xlsx", allowed="table, json, csv, markdown") + "\n"
    )


def test_warnings_come_back_from_the_data_cache_with_their_codes(tmp_path, monkeypatch):
    """Warnings are cached with the figures (loading/cache.py): a second read, from the cache,
    gives the same problems, nested messages included, in both languages."""
    from jxtargets import api
    from jxtargets.loading.actuals import load_actuals

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JXTARGETS_NO_CACHE", raising=False)
    path = tmp_path / "actuals-2020.csv"  # MADE UP: six indicators left blank, one unit slip
    rows = "".join(
        f"2020,{i},,\n" for i in ("gdp", "pm25", "rd_intensity", "urbanization_rate", "service_share", "gdp_per_capita")
    )
    path.write_text(
        "# MADE UP\nyear,indicator,region,value\n" + rows + "2020,new_urban_jobs,,188800\n", encoding="utf-8"
    )
    catalogue = api.open_catalogue()
    first = load_actuals([path], catalogue)[1]
    assert list((tmp_path / "cache" / "jxtargets").glob("actuals-*"))
    again = load_actuals([path], catalogue)[1]
    assert again == first and {p.code for p in first} >= {"blank.indicators", "slip.larger"}
    assert any(isinstance(value, Msg) for p in again for _, value in p.params)  # " and 1 more", the slip's parts
    assert [p.text("en") for p in again] == [p.text("en") for p in first]
    assert [str(p) for p in again] == [str(p) for p in first] and all("警告" in str(p) for p in again)


@pytest.mark.parametrize(
    ("args", "code", "params", "english"),
    [
        (
            ("check", "2099"),
            "file.no_embedded_year",
            None,
            "jxtargets: 2099: no embedded actuals for 2099 (embedded years: 2011, 2015, 2016, 2020)",
        ),
        (
            ("check", "2020", "--plan", "fyp1"),
            "plan.unknown",
            {"plan": "'fyp1'", "hint": msg("hint.did_you_mean", names="fyp14, fyp13, fyp12")},
            "jxtargets: unknown plan 'fyp1' (did you mean fyp14, fyp13, fyp12?)",
        ),
        (
            ("check", "2020", "--year", "2001"),
            "usage.year_too_early",
            {"year": 2001, "years": "2011, 2015, 2016, 2020"},
            "jxtargets: --year 2001: no figures that early in the given files (years: 2011, 2015, 2016, 2020)",
        ),
        (
            ("show", "gdpp"),
            "usage.unknown_indicator",
            {"key": "gdpp", "hint": msg("hint.did_you_mean", names="gdp")},
            "jxtargets: gdpp: unknown indicator (did you mean gdp?)",
        ),
        (
            ("review", "2020", "--as-of", "2001"),
            "usage.as_of_too_early",
            {"year": 2001, "years": "2011, 2015, 2016, 2020"},
            "jxtargets: --as-of 2001: no figures that early (years: 2011, 2015, 2016, 2020)",
        ),
    ],
)
def test_a_usage_error_in_chinese_by_default_and_in_english_on_request(args, code, params, english):
    """Bad usage found by the library (api.py): exit 2, nothing on stdout, one line naming what is
    wrong; Chinese by default, English with --lang en and with JXTARGETS_LANG=en."""
    zh = run(*args)
    en = run(*args, "--lang", "en")
    env = run(*args, env={"JXTARGETS_LANG": "en"})
    assert zh.returncode == en.returncode == env.returncode == 2
    assert zh.stdout == en.stdout == env.stdout == ""
    assert en.stderr == env.stderr == english + "\n"
    (line,) = zh.stderr.splitlines()
    assert line != english and not any(w in line for w in ("unknown", "did you mean", "no figures"))
    if params is not None:
        assert line == "jxtargets: " + say(code, "zh", **params)
        assert english == "jxtargets: " + say(code, "en", **params)
    for value in (params or {}).values():  # what is wrong is named in both languages
        if isinstance(value, str):
            assert value in line and value in english


def test_a_form_with_nothing_to_fill_in_follows_the_language():
    zh = run("template", "2040", "--plan", "fyp13")
    en = run("template", "2040", "--plan", "fyp13", env={"JXTARGETS_LANG": "en"})
    assert run("template", "2040", "--plan", "fyp13", "--lang", "en").stderr == en.stderr
    assert zh.returncode == en.returncode == 2
    assert zh.stderr == "jxtargets: " + say("template.no_plan_in", "zh", plans="fyp13", year=2040) + "\n"
    assert en.stderr == "jxtargets: no plan in fyp13 runs in 2040: nothing to fill in\n"
    assert "fyp13" in zh.stderr and "2040" in zh.stderr


BULLETIN = "tests/data/bulletin-2021-madeup.txt"  # MADE UP figures (tests/data)


def test_extract_problems_and_left_out_numbers_follow_the_language(tmp_path):
    """A document extract cannot read: exit 2, the file named, in either language. A number left
    out: the same line (file, line, number, sentence) but for the reason's words, which are the
    table's."""
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    out = str(tmp_path / "out.yaml")
    zh = run("extract", str(scan), "--year", "2021", "-o", out)
    en = run("extract", str(scan), "--year", "2021", "-o", out, "--lang", "en")
    env = run("extract", str(scan), "--year", "2021", "-o", out, env={"JXTARGETS_LANG": "en"})
    assert zh.returncode == en.returncode == env.returncode == 2
    assert zh.stderr == f"jxtargets: {scan}: " + say("extract.suffix", "zh", suffix=".pdf") + "\n"
    assert en.stderr == env.stderr == f"jxtargets: {scan}: .pdf is not read: save it as .docx or plain text (.txt)\n"
    assert ".pdf" in zh.stderr and ".docx" in zh.stderr and "save it" not in zh.stderr

    zh = run("extract", BULLETIN, "--year", "2021", "-o", str(tmp_path / "zh.yaml"))
    en = run("extract", BULLETIN, "--year", "2021", "-o", str(tmp_path / "en.yaml"), "--lang", "en")
    assert zh.returncode == en.returncode == 0
    first = "bulletin-2021-madeup.txt:7: 5000亿元: {} — 2019年全市生产总值为5000亿元。"
    zh_lines, en_lines = zh.stderr.splitlines(), en.stderr.splitlines()
    assert zh_lines[0] == first.format(say("extract.other_year", "zh", years="2019", year=2021))
    assert en_lines[0] == first.format("another year (2019) than 2021")
    unit = "bulletin-2021-madeup.txt:17: 3500亿元: foreign_trade: {} — 进出口总额3500亿元，增长15%。"
    assert unit.format("unit 亿元 is of another dimension than 亿美元 (never converted)") in en_lines
    reason = say("extract.unit_other_dimension", "zh", unit="亿元", own="亿美元")
    assert unit.replace("foreign_trade: ", "foreign_trade：").format(reason) in zh_lines
    assert en_lines[-2:] == [
        "21 figure(s) extracted, 10 number(s) left out",
        f"jxtargets: wrote {tmp_path / 'en.yaml'}",
    ]
    assert zh_lines[-2] == say("extract.summary", "zh", figures=21, left=10)
    assert len(zh_lines) == len(en_lines) and zh_lines[-1] == f"jxtargets: 已写入 {tmp_path / 'zh.yaml'}"


def test_a_plan_import_problem_follows_the_language(tmp_path):
    """A table header without years: exit 2, nothing written, the file and the option named; a
    cell the grammar cannot read: exit 1, its line and column named, left for the user; Chinese
    by default, English with --lang en and JXTARGETS_LANG=en."""
    table = tmp_path / "no-years-madeup.csv"  # MADE UP table
    table.write_text(
        "MADE UP 示例表（虚构）\n类别,序号,指标,计量单位,基期,目标,属性\n经济,1,地区生产总值,亿元,100,大幅增加,预期性\n",
        encoding="utf-8",
    )
    out = tmp_path / "plan.yaml"
    args = ("plan", "import", str(table), "--plan", "demo", "--name", "示例", "--region", "示例市", "-o", str(out))
    zh, en, env = run(*args), run(*args, "--lang", "en"), run(*args, env={"JXTARGETS_LANG": "en"})
    assert zh.returncode == en.returncode == env.returncode == 2 and not out.exists()
    where = f"jxtargets: {table}: --years: "
    assert zh.stderr == where + say("import.no_years", "zh") + "\n"
    assert en.stderr == env.stderr == where + "the header gives no baseline and target year: give --years 2025:2030\n"
    assert "--years 2025:2030" in zh.stderr and "the header" not in zh.stderr

    args = (*args, "--years", "2025:2030")
    zh = run(*args)
    written_zh = out.read_text(encoding="utf-8")
    en = run(*args, "--lang", "en")
    written_en = out.read_text(encoding="utf-8")
    assert zh.returncode == en.returncode == 1
    where = f"jxtargets: {table}:3: 目标: "
    cell = msg("import.cannot_read_grammar", clause="'大幅增加'")
    assert zh.stderr.splitlines()[0] == where + say("import.left_for_you", "zh", reason=cell)
    assert (
        en.stderr.splitlines()[0] == where + "cannot read '大幅增加' (README: the cell grammar); left for you to enter"
    )
    assert "'大幅增加'" in zh.stderr and "left for you" not in zh.stderr
    # the file written says the same at its top, in the same language
    head = say("import.head_imported", "zh", command="jxtargets plan import")
    left = zh.stderr.splitlines()[0].removeprefix("jxtargets: ")
    assert written_zh.startswith(f"# {head}\n") and f"# {say('import.left_mark', 'zh')}: {left}\n" in written_zh
    left = en.stderr.splitlines()[0].removeprefix("jxtargets: ")
    assert (
        written_en.startswith("# Imported by `jxtargets plan import`\n") and f"# LEFT FOR YOU: {left}\n" in written_en
    )


def test_the_yaml_form_comments_follow_the_language_and_its_keys_do_not():
    import yaml

    zh, en = run("template", "2020", "--plan", "fyp13"), run("template", "2020", "--plan", "fyp13", "--lang", "en")
    assert zh.returncode == en.returncode == 0
    assert yaml.safe_load(zh.stdout) == yaml.safe_load(en.stdout)  # the same form for the loader
    assert zh.stdout.startswith("# " + say("template.head", "zh", year=2020) + "\n")
    assert en.stdout.startswith(
        "# jxtargets 数据填报表 2020年 (actuals form). Fill in value (in the unit shown) and,\n"
    )
    assert "Fill in" not in zh.stdout and "数据来源" in zh.stdout and "数据来源" not in en.stdout


def test_the_xlsx_form_has_chinese_headers_by_default_and_both_read_the_same(tmp_path):
    """The blank form's headers come from the table (Chinese by default, the loader's keys in
    English); a form filled in either language gives the same figures."""
    import json

    from openpyxl import load_workbook

    from jxtargets.messages.form import FORM_HEADERS

    results = []
    for lang in LANGS:
        form = tmp_path / f"form-{lang}" / "actuals-2016.xlsx"
        form.parent.mkdir()
        assert run("template", "2016", "--plan", "fyp13", "-o", str(form), "--lang", lang).returncode == 0
        book = load_workbook(form)
        sheet = book["actuals"]
        header = [c.value for c in sheet[1]]
        assert header[:8] == [FORM_HEADERS[k][LANGS.index(lang)] for k in ("year", "indicator", "name", "unit",
                                                                            "region", "previous_year", "previous",
                                                                            "value")]  # fmt: skip
        for row in sheet.iter_rows(min_row=2):
            if row[1].value == "gdp":
                row[7].value = 3760  # MADE UP filling: a value in the value column (H)
        book.save(form)
        proc = run("check", str(form), "--plan", "fyp13", "--format", "json")
        assert proc.returncode in (0, 1), proc.stderr
        gdp = [r for r in json.loads(proc.stdout)["results"] if r["indicator"] == "gdp" and r["actual"] is not None]
        results.append([(r["actual"], r["status"]) for r in gdp])
    assert header[:3] == ["year", "indicator", "name"]  # English: the loader's keys
    assert results[0] == results[1] and results[0] and results[0][0][0] == 3760
