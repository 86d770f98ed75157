"""Extraction from files and into files: reads the documents, writes the actuals file and the
report through `jxtargets.output` (atomic, never over an input, never over an existing file
without `force`)."""

from __future__ import annotations

from pathlib import Path

from ..core.model import Catalogue
from ..loading.errors import LoadError, Problem
from .model import Extraction
from .parse import parse
from .read import read_document
from .text import sentences
from .write import actuals_yaml, report_text


def extract_files(paths: list[Path], year: int, catalogue: Catalogue) -> tuple[Extraction, list[Problem]]:
    """Every figure of `year` the documents give, and every number left out, with warnings."""
    if not 1900 <= year <= 2200:
        raise LoadError([Problem.of("--year", None, None, "usage.year_out_of_range", year=year)])
    from .names import NameIndex
    from .tables import read_tables

    found, warnings, index = [], [], NameIndex(catalogue)
    table_figures, table_left = [], []
    for path in paths:
        text, warned = read_document(path)
        warnings.extend(warned)
        found.extend(sentences(text, path.name, year))
        tables = read_tables(text, path.name, year, catalogue, index)
        table_figures += tables.found
        table_left += tables.left
    result = parse(found, catalogue, year, table_figures, table_left)
    result.docs = [p.name for p in paths]
    return result, warnings


def save(
    result: Extraction, output: Path, report: Path | None, force: bool, inputs: list[Path], lang: str = "zh"
) -> None:
    """Write the actuals file (and the report, in `lang`): refuses an input file, and an existing
    file unless `force`."""
    from ..output import refuse_inputs, write_atomic

    targets = [output] + ([report] if report else [])
    for target in targets:
        refuse_inputs(target, inputs)
        if target.exists() and not force:
            raise LoadError([Problem.of(str(target), None, None, "extract.exists")])
    if report is not None and report.resolve() == output.resolve():
        raise LoadError([Problem.of(str(report), None, None, "extract.report_is_output")])
    write_atomic(output, actuals_yaml(result, lang))
    if report is not None:
        write_atomic(report, report_text(result, lang))
