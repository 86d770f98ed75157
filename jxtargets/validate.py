"""`jxtargets validate`: every problem of the catalogue and the actuals files, in one run."""

from __future__ import annotations

import re
from pathlib import Path

from .core.model import Source
from .loading.errors import LoadError, Problem
from .loading.files import default_catalogue, display_name, embedded_actuals


def squash(text: str) -> str:
    """Whitespace removed: PDF-extracted text breaks lines and table cells anywhere."""
    return re.sub(r"\s+", "", text)


def quote_problems(catalogue, figures, seeds: Path) -> list[Problem]:
    """Every quote must occur in its source document (whitespace ignored)."""
    docs: dict[str, str | None] = {}
    problems = []

    def check(source, file: str, line: int, key: str) -> None:
        if not isinstance(source, Source) or not source.quote:
            return
        if source.doc not in docs:
            path = seeds / source.doc
            docs[source.doc] = squash(path.read_text(encoding="utf-8")) if path.is_file() else None
        text = docs[source.doc]
        if text is None:
            problems.append(Problem(file, line, key, f"unknown source document {source.doc}"))
        elif squash(source.quote) not in text:
            problems.append(Problem(file, line, key, f"quote not found in {source.doc}: {source.quote!r}"))

    cat_name = display_name(Path(catalogue.path))
    for t in catalogue.targets():
        check(t.source, cat_name, t.line, t.indicator)
    for f in figures:
        check(f.source, f.file, f.line, f.indicator)
        for _, _, source in f.alternatives:
            check(source, f.file, f.line, f"{f.indicator} (alt)")
    return problems


def validate_all(catalogue_path: str | None, files: list[str] | None, seeds: str | None):
    from .api import resolve_inputs
    from .loading.actuals import Resolver, read_actuals_file
    from .loading.catalogue import load_catalogue

    path = Path(catalogue_path) if catalogue_path else default_catalogue()
    counts = {"files": 1, "targets": 0, "figures": 0}
    try:
        catalogue, problems = load_catalogue(path)
    except LoadError as exc:
        return exc.problems, counts
    counts["targets"] = sum(1 for _ in catalogue.targets())
    paths = resolve_inputs(files) if files else list(embedded_actuals().values())
    resolver = Resolver(catalogue)
    figures = []
    for p in paths:
        counts["files"] += 1
        try:
            found, revised, warnings = read_actuals_file(p, resolver, None)
        except LoadError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(warnings)
        figures.extend(found)
        figures.extend(revised)
    counts["figures"] = len(figures)
    if seeds:
        problems.extend(quote_problems(catalogue, figures, Path(seeds)))
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return problems, counts
