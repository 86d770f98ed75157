"""Where the figures and the targets come from, as the reports state it (issue 18.2, 18.6): each
actuals file with its own `source:` and the documents its figures cite, and every source document
named by its title (from the plans of the catalogue) with its file name after it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from ..core.model import Actuals, Plan, Source

# How many plan titles a document shared by several plans is named by (more: a gazette).
_TITLES_SHOWN = 3


@dataclass(slots=True)
class DataSource:
    """One actuals file: its name, its own top-level `source:` (None when it states none), and
    the documents its figures cite (file names, in order)."""

    name: str
    source: str | None
    documents: list[str] = field(default_factory=list)
    # sources its figures give as plain text (a table's source column: 2021年统计公报)
    texts: list[str] = field(default_factory=list)


def data_sources(actuals: Actuals) -> list[DataSource]:
    """Each actuals file loaded, with its own `source:` and what its figures cite: the documents
    of their `source: {doc, …}`, and the sources they give as text (a table's source column)."""
    out: dict[str, DataSource] = {}
    for path in actuals.files:
        out[path] = DataSource(PurePath(path).name, actuals.file_sources.get(path))
    by_name = {PurePath(p).name: p for p in actuals.files}
    for series in actuals.figures.values():
        for figure in series.values():
            src = figure.source
            doc = src.doc if isinstance(src, Source) else None
            path = figure.file if figure.file in out else by_name.get(PurePath(figure.file).name, figure.file)
            if path not in out:
                out[path] = DataSource(PurePath(path).name, None)
            if doc and doc not in out[path].documents:
                out[path].documents.append(doc)
            elif isinstance(src, str) and src.strip() and src != out[path].source and src not in out[path].texts:
                out[path].texts.append(src.strip())
    for ds in out.values():
        ds.documents.sort()
    return list(out.values())


def _plan_title(plan: Plan, lang: str) -> str:
    """The title a plan gives its document: `doc_title` where the plan is not the document
    itself, else the plan's name."""
    if plan.doc_title:
        return plan.doc_title
    return plan.name if lang == "zh" else (plan.name_en or plan.name)


def document_titles(plans: Iterable[Plan], lang: str) -> dict[str, list[str]]:
    """Each source document's titles from the plans that name it (`doc:`): the `doc_title` one
    of them states, else the names of the plans it holds (a gazette holds several)."""
    stated: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for plan in plans:
        if not plan.doc:
            continue
        if plan.doc_title:
            stated.setdefault(plan.doc, plan.doc_title)
        title = plan.name if lang == "zh" else (plan.name_en or plan.name)
        if title not in names.setdefault(plan.doc, []):
            names[plan.doc].append(title)
    return {doc: [stated[doc]] if doc in stated else found for doc, found in names.items()}


def titled(doc: str, titles: Sequence[str] | None, lang: str) -> str:
    """《title》（file） in Chinese, title (file) in English; the file alone without a title. A
    document that holds more plans than _TITLES_SHOWN (a gazette) and states no title of its own
    is named by its file and how many plan documents it holds, never by an arbitrary few."""
    if not titles:
        return doc
    if len(titles) > _TITLES_SHOWN:
        n = len(titles)
        return f"{doc}（汇编{n}份规划文件）" if lang == "zh" else f"{doc} (a compilation of {n} plan documents)"
    if lang == "zh":
        return "".join(f"《{t}》" for t in titles) + f"（{doc}）"
    return f"{'; '.join(titles)} ({doc})"


def cite(source: Source | str | None, plan: Plan, titles: Mapping[str, Sequence[str]], lang: str) -> str:
    """A target's source as reports print it: the document by its title, then the file and the
    place in it (《title》（file）表1 序号1)."""
    if source is None:
        return ""
    if not isinstance(source, Source):
        return str(source)
    if source.doc == plan.doc:
        doc = titled(source.doc, [_plan_title(plan, lang)], lang)
    else:
        doc = titled(source.doc, titles.get(source.doc), lang)
    joined = lang == "zh" and doc.endswith("）")  # 《title》（file）表1: no space after the bracket
    return f"{doc}{source.where}" if joined else f"{doc} {source.where}".rstrip()


def source_line(ds: DataSource, titles: Mapping[str, Sequence[str]], lang: str) -> str:
    """One actuals file in a report's data sources: its own `source:` and the documents cited."""
    docs = [titled(d, titles.get(d), lang) for d in ds.documents] + ds.texts
    if lang == "zh":
        parts = [ds.source] if ds.source else []
        if docs:
            parts.append("所引文件：" + "；".join(docs))
        return f"{ds.name}：" + ("。".join(parts) if parts else "（未注明来源）")
    parts = [ds.source] if ds.source else []
    if docs:
        parts.append("Documents cited: " + "; ".join(docs))
    return f"{ds.name}: " + (". ".join(parts) if parts else "(no source given)")
