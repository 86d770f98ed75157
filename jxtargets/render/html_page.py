"""The HTML report's fixed parts: its words in Chinese and English, the class of each review label,
and its style sheet (screen and A4 print)."""

from __future__ import annotations

from ..core.review import OFFICIAL_TERMS

OFFICIAL_CLASS = dict(
    zip(
        OFFICIAL_TERMS,
        ("exceeded", "done", "notdone", "early", "ahead", "expected", "lagging", "backwards", "notdue", "na"),
        strict=True,
    )
)
TEXT = {
    "zh": {
        "as_of": "评估年份：{year}年",
        "shown": "共{total}项目标，列出{shown}项",
        "skipped": "另有{n}项无数据未列出（用 --all 全部列出）。",
        "total": "合计",
        "legend": "图例",
        "actual": "实际值",
        "baseline_pt": "基期值",
        "first": "初次公布值（后经修订）",
        "path": "规划路径",
        "target_line": "目标",
        "stretch": "力争目标",
        "projection": "按当前进度预计",
        "as_of_line": "评估年份",
        "deciding": "（据此判定）",
        "per_year": "%/年",
        "rate_note": "{kind}目标：图中为指标水平值，目标见表。",
        "no_levels": "无水平值数据",
        "chart_title": "{name}（{plan}，{kind}）走势",
        "contents": "目录（{n}项）",
        "year_suffix": "年",
        "planned_cagr": "规划增速",
        "revised": "（已修订，初次公布{value}）",
        "nothing": "没有可列出的目标。",
        "date": "生成日期：{date}",
        "version": "生成工具：jxtargets {version}",
        "sources": "数据来源：",
        "overview": "总体情况",
        "overview_caption": "各项目标进度（条）与时间进度（竖线），按评估结论着色；约束性目标在前",
    },
    "en": {
        "as_of": "As of {year}",
        "shown": "{total} targets, {shown} shown",
        "skipped": "{n} targets with no data are not shown (--all lists them).",
        "total": "total",
        "legend": "legend",
        "actual": "actual",
        "baseline_pt": "baseline",
        "first": "first published (revised)",
        "path": "planned path",
        "target_line": "target",
        "stretch": "stretch target",
        "projection": "projection at current pace",
        "as_of_line": "review year",
        "deciding": " (decides)",
        "per_year": "% a year",
        "rate_note": "Target kind {kind}: the chart shows the indicator's level; the target itself is in the table.",
        "no_levels": "no level figures",
        "chart_title": "{name} ({plan}, {kind}): trajectory",
        "contents": "contents ({n} targets)",
        "year_suffix": "",
        "planned_cagr": "planned CAGR",
        "revised": " (revised; first published {value})",
        "nothing": "No targets to show.",
        "date": "Date: {date}",
        "version": "Made with jxtargets {version}",
        "sources": "Data sources:",
        "overview": "Overview",
        "overview_caption": "Progress to target (bar) against time elapsed (tick), coloured by review label; binding targets first",
    },
}

CSS = """
:root{--ink:#222;--muted:#666;--line:#ddd}
*{box-sizing:border-box}
body{margin:0;padding:0 24px 40px;color:var(--ink);background:#fff;line-height:1.45;font-size:14px;
 font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
 "Microsoft YaHei","WenQuanYi Zen Hei",sans-serif}
h1{font-size:22px;margin:20px 0 4px}
h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--ink)}
h3{font-size:15px;margin:0 0 6px}
p.meta{color:var(--muted);margin:0 0 8px}
table{border-collapse:collapse}
table.summary{margin:4px 0 16px;font-size:13px}
table.summary th,table.summary td{border:1px solid var(--line);padding:3px 8px;text-align:right}
table.summary th:first-child,table.summary td:first-child{text-align:left}
table.summary td.zero{color:#bbb}
table.summary tr.total td{font-weight:600;border-top:2px solid #999}
.legend{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line);padding:2px 0}
.legend svg{display:block;max-width:100%;height:auto}
section.target{display:flex;flex-wrap:wrap;gap:8px 20px;padding:12px 0;border-bottom:1px solid var(--line)}
section.target header{flex:1 1 100%}
section.target figure{margin:0;flex:0 0 360px}
figure svg.chart{display:block;width:360px;height:200px}
svg.chart *,svg.legend-chart *{stroke-linejoin:round;stroke-linecap:butt}
figure figcaption{font-size:12px;color:var(--muted);max-width:360px}
table.figures{flex:1 1 380px;font-size:13px;align-self:flex-start}
table.figures th{text-align:left;font-weight:500;color:var(--muted);white-space:nowrap;padding:2px 14px 2px 0;
 vertical-align:top;width:1%}
table.figures td{padding:2px 0;vertical-align:top}
q{color:#444}
.badge{display:inline-block;white-space:nowrap;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;
 vertical-align:1px;margin-left:6px;border:1px solid transparent}
.early,.ahead,.exceeded,.done{background:#c6efce;color:#1e6b2e}
.notdone{background:#ffc7ce;color:#9c0006}
.expected{background:#e2efda;color:#2f6b1e}
.lagging{background:#ffeb9c;color:#7a5a00}
.backwards{background:#ffc7ce;color:#9c0006}
.notdue{background:#ddebf7;color:#1f4e79}
.na{background:#ededed;color:#555}
.kind{color:var(--muted);font-weight:400;font-size:13px}
.meets{color:#1e6b2e}.short{color:#9c0006}
nav{margin:16px 0 8px}
nav summary{cursor:pointer;font-weight:600}
nav ul{columns:2 320px;margin:4px 0 0;padding-left:18px;font-size:13px}
a{color:#1f5fa8;text-decoration:none}
.attr.binding{font-weight:600;color:#9c0006}
div.sources ul{margin:2px 0 8px;padding-left:18px}
p.finding{max-width:60em}
figure.overview{margin:8px 0 16px}
figure.overview svg{display:block;max-width:100%;height:auto}
figure.overview figcaption{font-size:12px;color:var(--muted)}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{padding:0;font-size:10pt}
 .legend{position:static}
 nav{display:none}
 h2,h3{break-after:avoid;page-break-after:avoid}
 section.target,figure,table.summary tr{break-inside:avoid;page-break-inside:avoid}
 section.target figure{flex:0 0 8.5cm}
 figure svg.chart{width:8.5cm;height:4.7cm}
 figure.overview svg{width:18cm;height:auto;max-height:25cm}
 a{color:inherit}
}
"""
