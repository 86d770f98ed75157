"""The command line's own messages and the report words in Chinese by default and English with
--lang en or JXTARGETS_LANG=en, from one table (render/messages.py; issue 18.8)."""

from __future__ import annotations

from jxtargets.cli_shared import lang_of
from jxtargets.messages import MESSAGES
from jxtargets.render.messages import category

from .conftest import run, run_json


def test_every_message_has_both_languages():
    for code, texts in MESSAGES.items():
        assert len(texts) == 2 and all(texts), code  # (zh, en)


def test_language_of_a_command_line():
    assert lang_of(["review", "--lang", "en"], {}) == "en"
    assert lang_of(["review", "--lang=en"], {}) == "en"
    assert lang_of(["review"], {"JXTARGETS_LANG": "en"}) == "en"
    assert lang_of(["review", "--lang", "zh"], {"JXTARGETS_LANG": "en"}) == "zh"
    assert lang_of(["review"], {}) == "zh"


def test_usage_error_in_chinese_by_default_and_english_on_request():
    zh = run("review", "--plan", "fyp13", "--format", "docx")
    assert zh.returncode == 2
    assert zh.stderr == "jxtargets: --format docx 须用 --output 文件.docx 写入文件\n"
    en = run("review", "--plan", "fyp13", "--format", "docx", "--lang", "en")
    assert en.returncode == 2 and en.stderr == "jxtargets: --format docx needs --output FILE.docx\n"
    env = run("review", "--plan", "fyp13", "--format", "xlsx", env={"JXTARGETS_LANG": "en"})
    assert env.returncode == 2 and env.stderr == "jxtargets: --format xlsx needs --output FILE.xlsx\n"


def test_written_file_said_in_the_language(tmp_path):
    out = tmp_path / "r.md"
    assert run("review", "--plan", "fyp13", "-o", str(out)).stderr.endswith(f"jxtargets: 已写入 {out}\n")
    assert run("review", "--plan", "fyp13", "-o", str(out), "--lang", "en").stderr.endswith(f"jxtargets: wrote {out}\n")


def test_xlsx_headers_and_categories(tmp_path):
    from openpyxl import load_workbook

    for lang, expected, cat in (
        ("zh", ["基期年", "基期值", "目标年", "比较", "目标", "力争目标"], "经济发展"),
        ("en", ["B", "baseline", "T", "op", "target", "stretch"], "Economy"),
    ):
        out = tmp_path / f"{lang}.xlsx"
        assert run("review", "--plan", "fyp13", "-o", str(out), "--lang", lang).returncode == 0
        header = [c.value for c in load_workbook(out)["review"][1]]
        start = header.index(expected[0])
        assert header[start : start + 6] == expected
        assert category("economy", lang) == cat


def test_jxtargets_lang_sets_the_language_of_every_output():
    """JXTARGETS_LANG is read by the command line itself (typer 0.26, the oldest allowed, ignores
    an option's envvar): the results' words follow it, --lang overrides it, a bad value exits 2."""
    en, _ = run_json("check", "2020", "--plan", "fyp13", "--status", "missed", env={"JXTARGETS_LANG": "en"})
    assert {r["status_label"] for r in en["results"]} == {"missed"}
    zh, _ = run_json(
        "check", "2020", "--plan", "fyp13", "--status", "missed", "--lang", "zh", env={"JXTARGETS_LANG": "en"}
    )
    assert {r["status_label"] for r in zh["results"]} == {"未完成"}
    bad = run("check", "2020", env={"JXTARGETS_LANG": "fr"})
    assert bad.returncode == 2 and "JXTARGETS_LANG" in bad.stderr
