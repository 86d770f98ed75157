"""`jxtargets validate`: every problem of the catalogue and the actuals files, in one run."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .core.model import Catalogue, Figure, Source
from .loading.errors import LoadError, Problem
from .loading.files import default_catalogue, display_name, embedded_actuals, is_dir, resolve_inputs


def squash(text: str) -> str:
    """Whitespace removed: PDF-extracted text breaks lines and table cells anywhere."""
    return re.sub(r"\s+", "", text)


_NOT_TEXT = "\0not text"


def _document(seeds: Path, doc: str) -> str | None:
    """The squashed text of `doc`, a file name inside `seeds` (an absolute path or one that
    leads out of the folder is unknown: a catalogue cannot make validate read other files);
    None when there is no such document."""
    from .loading.files import read_bytes

    try:
        root = seeds.resolve()
        path = (seeds / doc).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if Path(doc).is_absolute() or root not in path.parents:
        return None
    try:
        data = read_bytes(path)
    except LoadError:
        return None
    try:
        return squash(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _NOT_TEXT


def quote_problems(catalogue: Catalogue, figures: Iterable[Figure], seeds: Path) -> list[Problem]:
    """Every quote must occur in its source document (whitespace ignored)."""
    docs: dict[str, str | None] = {}
    problems: list[Problem] = []

    def check(source: Source | str | None, file: str, line: int, key: str) -> None:
        if not isinstance(source, Source) or not source.quote:
            return
        if source.doc not in docs:
            docs[source.doc] = _document(seeds, source.doc)
        text = docs[source.doc]
        if text is None:
            problems.append(Problem(file, line, key, f"unknown source document {source.doc}"))
        elif text is _NOT_TEXT:
            problems.append(Problem(file, line, key, f"source document {source.doc} is not UTF-8 text"))
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


def validate_all(
    catalogue_path: str | None, files: list[str] | None, seeds: str | None
) -> tuple[list[Problem], dict[str, int]]:
    """Every problem of the catalogue and the actuals files (or the embedded ones), and how many
    files, targets and figures were read. The files are read and merged as `check` reads them."""
    from .loading.actuals import merge, read_files
    from .loading.catalogue import load_catalogue
    from .loading.figure_checks import unit_slips_over_years
    from .loading.resolver import Resolver

    path = Path(catalogue_path) if catalogue_path else default_catalogue()
    counts = {"files": 1, "targets": 0, "figures": 0}
    try:
        catalogue, problems = load_catalogue(path)
    except LoadError as exc:
        return exc.problems, counts
    counts["targets"] = sum(1 for _ in catalogue.targets())
    paths = resolve_inputs(files) if files else list(embedded_actuals().values())
    counts["files"] += len(paths)
    # Every figure of every file, superseded or not, has its quote checked.
    read = list(read_files(paths, Resolver(catalogue), None, use_cache=False))
    actuals, merged = merge(read)
    problems.extend(merged)
    problems.extend(unit_slips_over_years(actuals, catalogue))
    figures = [fig for one in read for fig in (*one.figures, *one.revised)]
    counts["figures"] = len(figures)
    if seeds and not is_dir(Path(seeds)):
        problems.append(Problem(seeds, None, "--seeds", "not a folder (the folder of source documents)"))
    elif seeds:
        problems.extend(quote_problems(catalogue, figures, Path(seeds)))
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return problems, counts
