"""`jxtargets validate`: every problem of the catalogue and the actuals files, in one run."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .core.model import Catalogue, Figure, Source, TableLabel
from .loading.errors import LoadError, Problem
from .loading.files import catalogue_paths, display_name, embedded_actuals, is_dir, resolve_inputs


def squash(text: str) -> str:
    """Whitespace removed: PDF-extracted text breaks lines and table cells anywhere."""
    return re.sub(r"\s+", "", text)


_NOT_TEXT = "\0not text"


def _document(seeds: Path, doc: str) -> str | None:
    """The squashed text of `doc`, a file name inside `seeds` (an absolute path or one that
    leads out of the folder is unknown: a catalogue cannot make validate read other files);
    None when there is no such document. A table (.xlsx, .csv) is its cells, one per line."""
    from .loading.files import read_bytes

    try:
        root = seeds.resolve()
        path = (seeds / doc).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if Path(doc).is_absolute() or root not in path.parents:
        return None
    if not path.is_file():
        return None
    if path.suffix.lower() in (".xlsx", ".csv", ".tsv"):  # a table (plan import cites its rows)
        from .planimport.table import document_text

        try:
            return squash(document_text(path))
        except LoadError:
            return _NOT_TEXT
    try:
        data = read_bytes(path)
    except LoadError:
        return None
    try:
        return squash(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _NOT_TEXT


def quote_problems(
    catalogue: Catalogue, figures: Iterable[Figure], seeds: Path, checked: list[int] | None = None
) -> list[Problem]:
    """Every quote must occur in its source document (whitespace ignored). `checked` (when
    given) gets the number of quotes looked up."""
    docs: dict[str, str | None] = {}
    problems: list[Problem] = []

    def check(source: Source | str | None, file: str, line: int, key: str) -> None:
        if not isinstance(source, Source) or not source.quote:
            return
        if checked is not None:
            checked[0] += 1
        if source.doc not in docs:
            docs[source.doc] = _document(seeds, source.doc)
        text = docs[source.doc]
        if text is None:
            problems.append(Problem.of(file, line, key, "source.unknown_document", doc=source.doc))
        elif text is _NOT_TEXT:
            problems.append(Problem.of(file, line, key, "source.not_utf8", doc=source.doc))
        elif squash(source.quote) not in text:
            problems.append(
                Problem.of(file, line, key, "source.quote_not_found", doc=source.doc, quote=repr(source.quote))
            )

    def labels(label: TableLabel | None, source: Source | str | None, file: str, line: int, key: str) -> None:
        """A table's group and a sub-row's parent are quoted from the table's document too."""
        if label is None or not isinstance(source, Source):
            return
        for name, text in (("group", label.group), ("parent", label.parent)):
            if text:
                check(Source(source.doc, source.where, text), file, line, f"{key}.table.{name}")

    cat_name = display_name(Path(catalogue.path))
    for plan in catalogue.plans.values():
        if plan.doc and plan.doc_title:  # a document's title is quoted from it
            check(
                Source(plan.doc, "", plan.doc_title), plan.at[0] or cat_name, plan.at[1], f"plans.{plan.id}.doc_title"
            )
    for t in catalogue.targets():
        check(t.source, t.file or cat_name, t.line, t.indicator)
        labels(t.table, t.source, t.file or cat_name, t.line, t.indicator)
    for ind in catalogue.indicators.values():
        for row in ind.table_rows:
            check(row.source, row.file or cat_name, row.line, f"{ind.id}.table_rows")
            labels(row.table, row.source, row.file or cat_name, row.line, f"{ind.id}.table_rows")
        if ind.growth_basis_source is not None:
            file, line = ind.growth_basis_at
            check(ind.growth_basis_source, file or cat_name, line, f"{ind.id}.growth_basis_source")
    for f in figures:
        check(f.source, f.file, f.line, f.indicator)
        for _, _, source in f.alternatives:
            check(source, f.file, f.line, f"{f.indicator} (alt)")
    return problems


def validate_all(
    catalogue_path: str | list[str] | None,
    files: list[str] | None,
    seeds: str | None,
    extend: list[str] | None = None,
) -> tuple[list[Problem], dict[str, int | None]]:
    """Every problem of the catalogue (with `extend` layered over it) and the actuals files (or
    the embedded ones), and how many files, targets and figures were read; counts["quotes"] is
    how many quotes were looked up in their documents, None when no `seeds` folder was given
    (quotes not checked). The files are read and merged as `check` reads them."""
    from .loading.actuals import merge, read_files
    from .loading.catalogue_set import load_catalogue_set
    from .loading.figure_checks import unit_slips_over_years
    from .loading.files import expand
    from .loading.resolver import Resolver

    counts: dict[str, int | None] = {"files": 0, "targets": 0, "figures": 0, "quotes": None}
    try:
        given = [catalogue_path] if isinstance(catalogue_path, str) else catalogue_path
        chosen, layered = catalogue_paths(given, extend)
        counts["files"] = len(expand([*chosen, *layered]))
        catalogue, problems = load_catalogue_set(chosen, layered)
    except LoadError as exc:
        return exc.problems, counts
    counts["targets"] = sum(1 for _ in catalogue.targets())
    paths = resolve_inputs(files) if files else list(embedded_actuals().values())
    counts["files"] = (counts["files"] or 0) + len(paths)
    # Every figure of every file, superseded or not, has its quote checked.
    read = list(read_files(paths, Resolver(catalogue), None, use_cache=False))
    actuals, merged = merge(read)
    problems.extend(merged)
    problems.extend(unit_slips_over_years(actuals, catalogue))
    figures = [fig for one in read for fig in (*one.figures, *one.revised)]
    counts["figures"] = len(figures)
    if seeds and not is_dir(Path(seeds)):
        problems.append(Problem.of(seeds, None, "--seeds", "source.seeds_not_a_folder"))
    elif seeds:
        checked = [0]
        problems.extend(quote_problems(catalogue, figures, Path(seeds), checked))
        counts["quotes"] = checked[0]
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return problems, counts
