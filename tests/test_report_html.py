"""The HTML review report: one self-contained page, one inline SVG chart per target, and a real
browser that renders it from disk without a single request leaving the machine."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from msgspec.structs import replace

from jxtargets import api
from jxtargets.core.review import OFFICIAL_EN, OFFICIAL_TERMS, Review, review
from jxtargets.render.html import _planned_path, to_html

CHART_ID = re.compile(r'<svg id="(chart-[^"]+)"')


@pytest.fixture(scope="module")
def fyp13() -> Review:
    cat = api.open_catalogue()
    actuals = api.open_actuals(["2020"], cat)
    return review(cat, actuals, as_of=2020, filters=api.Filters(plans=("fyp13",)))


@pytest.fixture(scope="module")
def page(fyp13) -> str:
    return to_html(fyp13)


def shown_rows(rv: Review, show_no_data: bool = False):
    return [r for r in rv.rows if show_no_data or r.result.status != "no_data"]


# -- the page ------------------------------------------------------------------------------------


def test_one_chart_per_shown_target(fyp13, page):
    shown = shown_rows(fyp13)
    skipped = len(fyp13.rows) - len(shown)
    assert skipped > 0 and shown  # the embedded data has both
    ids = CHART_ID.findall(page)
    assert len(ids) == len(shown)
    assert len(set(ids)) == len(ids)
    assert ids[0] == "chart-fyp13-gdp-level-1"
    # every <svg is a target's chart, plus the one shared legend and the plan's overview
    assert page.count("<svg") == len(shown) + 2
    assert page.count('<svg id="legend-chart"') == 1
    assert page.count('<svg id="overview-fyp13"') == 1
    for cid in ids:
        assert f'<title id="{cid}-title">' in page
    assert f"另有{skipped}项无数据未列出" in page


def test_show_no_data_lists_every_target(fyp13):
    page = to_html(fyp13, show_no_data=True)
    assert len(CHART_ID.findall(page)) == len(fyp13.rows)
    assert "无数据未列出" not in page


def test_svg_is_inlined_with_text_kept_as_text(page):
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page and "<metadata>" not in page
    assert page.startswith("<!DOCTYPE html>")
    assert "<text" in page and "亿元" in page  # text, not glyph outlines
    # ids inside a chart are its own: no two elements of the page share one
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'(?:url\(#|href="#)([^")]+)', page):
        assert ref in ids, ref


def test_summary_in_the_official_vocabulary(fyp13, page):
    for term in OFFICIAL_TERMS:
        assert term in page
    assert "按规划" in page and "按类别" in page
    counts = fyp13.by_plan["fyp13"]
    # the plan's row: its counts in the order of the terms, then the total
    cells = "".join('<td class="zero">0</td>' if counts[t] == 0 else f"<td>{counts[t]}</td>" for t in OFFICIAL_TERMS)
    assert cells + f"<td>{len(fyp13.rows)}</td>" in page


def test_nothing_points_outside_the_page(page):
    # http(s) only in the SVG namespace declarations
    without_xmlns = re.sub(r'\sxmlns(?::\w+)?="[^"]*"', "", page)
    assert "http://" not in without_xmlns and "https://" not in without_xmlns
    for attr in re.findall(r'\b(?:src|href|xlink:href)\s*=\s*"([^"]*)"', page):
        assert attr.startswith("#"), attr
    assert not re.search(r"url\((?!#)", page)
    assert "@import" not in page and "<script" not in page and "<link" not in page
    assert "default-src 'none'" in page  # and the browser is told to fetch nothing


def test_english(fyp13):
    page = to_html(fyp13, lang="en")
    assert '<html lang="en">' in page
    assert "<h1>Plan review as of 2020</h1>" in page
    for header in ("target", "actual", "status", "required pace", "projection", "why", "source"):
        assert f'<th scope="row">{header}</th>' in page
    for term in OFFICIAL_TERMS:
        assert OFFICIAL_EN[term] in page
    assert "目标</th>" not in page and "基本符合预期" not in page


def test_table_has_the_verdict_and_the_source(fyp13, page):
    gdp = next(r for r in fyp13.rows if r.result.indicator.id == "gdp" and r.result.target.kind == "cagr")
    card = page[page.index('id="target-fyp13-gdp-cagr-1"') :]
    card = card[: card.index("</section>")]
    assert "≥7%/年（2020年）" in card
    # one label, in the final vocabulary of a finished plan
    assert "未完成" in card and gdp.official == "未完成" and "滞后" not in card
    assert "<strong>增速比 0.94</strong>（据此判定）" in card  # the deciding reading, marked
    assert "序时进度 0.93" in card
    assert "图中为指标水平值" in card  # a rate target: its level is charted, the rate is in the table
    assert "002_5df31847278a00a3.txt" in card and "<q>" in card


def test_revised_point_is_drawn_hollow_too(fyp13):
    row = next(r for r in fyp13.rows if r.result.indicator.id == "gdp" and r.result.target.kind == "level")
    revised = [replace(p) for p in row.trajectory]
    revised[-1].revised_from = 5400.0
    plain = Review(2020, [row], {}, {})
    with_revision = Review(2020, [replace(row, trajectory=revised)], {}, {})
    markers = [to_html(rv).split('id="chart-', 1)[1].count("<use") for rv in (plain, with_revision)]
    assert markers[1] == markers[0] + 1  # the first-published figure as one more (hollow) marker
    assert "已修订，初次公布5,400亿元" in to_html(with_revision)  # and the table says so


def test_planned_path():
    xs, ys = _planned_path(2015, 50.0, 2020, 60.0, share=True)
    assert (xs, ys) == ([2015, 2020], [50.0, 60.0])  # a share: a straight line
    xs, ys = _planned_path(2015, 100.0, 2020, 400.0, share=False)
    mid = xs.index(2017.5)
    assert ys[mid] == pytest.approx(200.0)  # constant growth: the geometric midpoint
    assert ys[0] == 100.0 and ys[-1] == pytest.approx(400.0)


def test_output_is_stable(fyp13, page):
    assert to_html(fyp13) == page


def test_importing_the_renderer_stays_light():
    out = subprocess.run(
        [sys.executable, "-c", "import sys, jxtargets.render.html; print('matplotlib' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "False"


# -- in a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
LOCAL_SCHEMES = ("file:", "data:", "about:", "chrome:", "chrome-extension:", "devtools:", "blob:")


def chromium(tmp: Path, url: str, *args: str) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Headless Chromium on `url`; returns the run and the URL requests of its network log.
    Every host name resolves to nothing, so even a request that was tried could not leave."""
    profile, netlog = tmp / "profile", tmp / "net.json"
    shutil.rmtree(profile, ignore_errors=True)
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-features=NetworkTimeServiceQuerying",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--log-net-log={netlog}",
        *args,
        url,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    return proc, url_requests(netlog)


def url_requests(netlog: Path) -> list[dict]:
    text = netlog.read_text()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # a log cut short ends without its closing brackets
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"] for e in log["events"] if e["type"] == start and "url" in e.get("params", {})]


def page_requests(requests: list[dict]) -> list[str]:
    """URLs the page asked for outside itself. Chromium also makes requests of its own (sign-in
    and update checks no flag turns off); those have no web origin behind them ("not an origin"),
    whereas anything the page asks for carries the page's (file://, an opaque "null")."""
    return [
        r["url"] for r in requests if not r["url"].startswith(LOCAL_SCHEMES) and r.get("initiator") != "not an origin"
    ]


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the raw (still filtered) scanlines of a PNG, with zlib alone."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def assert_not_blank(path: Path) -> None:
    width, height, raw = png_pixels(path)
    assert (width, height) == (1200, 2400)
    try:
        from PIL import Image
    except ImportError:  # no Pillow: a blank page compresses to nearly one repeated byte
        top = max(raw.count(b) for b in (b"\x00", b"\xff"))
        assert len(set(raw)) > 64 and top < 0.995 * len(raw)
        return
    with Image.open(path) as im:
        rgb = im.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
    ink = sum(n for n, (r, g, b) in colours if min(r, g, b) < 200)
    blue = sum(n for n, (r, g, b) in colours if b > 120 and b - r > 60)  # chart lines and links
    assert ink > 0.01 * width * height, "the page looks blank"
    assert blue > 500, "no chart lines in the screenshot"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory, page) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


@needs_chromium
def test_browser_renders_every_chart_offline(fyp13, report_file, tmp_path):
    proc, requests = chromium(tmp_path, report_file.as_uri(), "--dump-dom")
    dom = proc.stdout
    assert "</html>" in dom, proc.stderr[-2000:]
    ids = CHART_ID.findall(dom)
    assert len(ids) == len(shown_rows(fyp13)) == len(set(ids))
    assert ids == CHART_ID.findall(report_file.read_text(encoding="utf-8"))
    assert page_requests(requests) == []


@needs_chromium
def test_browser_screenshot_is_not_blank(report_file, tmp_path):
    shot = tmp_path / "shot.png"
    proc, requests = chromium(tmp_path, report_file.as_uri(), "--window-size=1200,2400", f"--screenshot={shot}")
    assert shot.exists(), proc.stderr[-2000:]
    assert_not_blank(shot)
    assert page_requests(requests) == []


@needs_chromium
def test_the_network_check_catches_a_page_that_fetches(tmp_path):
    """The check above is only as good as its method: a page that does fetch is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><img src="http://example.com/x.png"><p>x</p>', encoding="utf-8")
    _, requests = chromium(tmp_path, bad.as_uri(), "--dump-dom")
    assert page_requests(requests) == ["http://example.com/x.png"]


# -- overview, provenance, printing (issue 18.4, 18.6) ------------------------------------------


def test_overview_chart_of_every_assessed_target_comes_first(fyp13, page):
    from jxtargets.render.charts import assessed

    start = page.index('<svg id="overview-fyp13"')
    assert start < page.index('<section class="target"')
    svg = page[start : page.index("</svg>", start)]
    rows = assessed(fyp13.rows)
    # every target with a verdict, none without
    assert len(rows) == sum(r.official not in ("无法评估", "未到期") for r in fyp13.rows) == 41
    # one bar (path) per target, and its name as text
    assert "地区生产总值 · 年均增速" in svg and "林木蓄积量 · 变化" in svg
    assert "可比价" not in svg  # names and kinds only
    finding = page[page.index('<p class="finding">') :]
    assert finding.startswith('<p class="finding">《嘉兴市国民经济和社会发展第十三个五年规划纲要》纳入评估的目标共52项')


OUTLINE_14 = "嘉兴市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"


def test_states_date_version_and_sources_by_title():
    """Issue 18.2/18.6: each actuals file with its own `source:` and the documents its figures
    cite, and every source document by its title (from the catalogue's plans), the file after it.
    表1, which holds the 13th FYP's targets and results, is printed in the 14th FYP outline: that is
    the document quoted (fyp13's `doc_title`), not the 13th FYP outline."""
    from jxtargets.render.provenance import data_sources

    cat = api.open_catalogue()
    actuals = api.open_actuals(["2016", "2020"], cat)
    rv = review(cat, actuals, as_of=2020, filters=api.Filters(plans=("fyp13",)))
    page = to_html(rv, today="2026-11-30", version="9.9.9", sources=data_sources(actuals))
    assert "生成日期：2026-11-30 · 生成工具：jxtargets 9.9.9" in page
    block = page[page.index('<div class="meta sources">') :]
    block = block[: block.index("</div>")]
    assert (
        "<li>actuals-2020.yaml：002_5df31847278a00a3.txt 表1 完成情况; 002_5df31847278a00a3.txt 表2 2020年。"
        f"所引文件：《{OUTLINE_14}》（002_5df31847278a00a3.txt）</li>"
    ) in block
    # the 2017 work report holds two plans (wr2017, goals2021): named by both
    assert (
        "《2017年嘉兴市政府工作报告今后五年奋斗目标（到2021年）》《2017年嘉兴市政府工作报告主要预期目标》"
        "（001_b03ae98c92d17c1e.txt）"
    ) in block
    assert "004_d3b6ddc9e5e8e6fc.txt（汇编11份规划文件）" in block  # the 2017 gazette: no title of its own
    assert block.count("<li>") == 4  # 2016 brings the earlier embedded years as history
    card = page[page.index('id="target-fyp13-gdp-cagr-1"') :]
    assert f"《{OUTLINE_14}》（002_5df31847278a00a3.txt）表1 序号1" in card[: card.index("</section>")]


def test_prints_on_a4_without_splitting_a_target(page):
    css = page[page.index("<style>") : page.index("</style>")]
    assert "@page{size:A4" in css
    printing = css[css.index("@media print") :]
    assert "section.target,figure,table.summary tr{break-inside:avoid;page-break-inside:avoid}" in printing
    assert "figure svg.chart{width:8.5cm;height:4.7cm}" in printing  # two fit across A4
    assert "nav{display:none}" in printing


def test_binding_targets_first_and_marked():
    cat = api.open_catalogue()
    actuals = api.open_actuals(["2016", "2020"], cat)
    rv = review(cat, actuals, as_of=2020, filters=api.Filters(plans=("fyp14",)))
    page = to_html(rv, show_no_data=True)
    ids = CHART_ID.findall(page)
    attrs = [r.result.target.attribute for r in rv.rows]
    binding = attrs.count("binding")
    assert binding > 0
    first = [i for i in ids[:binding]]
    for cid in first:
        card = page[page.index(f'id="target-{cid[len("chart-") :]}"') :]
        assert '<span class="attr binding">约束性</span>' in card[: card.index("</header>")]
