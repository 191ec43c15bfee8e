"""The extract command: steering documents (PDF, Word, HTML) → the import workbook for review."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded


def _state() -> CliContext:
    return click.get_current_context().find_object(CliContext)


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--org", required=True, metavar="CODE", help="Organisation code (SCB/Kolada), e.g. 0480.")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), metavar="OUT",
              help="OUT.xlsx or OUT.yaml for one document; a folder when SOURCE is a folder.")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "yaml"]), default="xlsx", show_default=True,
              help="Format of the files written for a folder of documents.")
@click.option("--lang", type=click.Choice(["sv", "en"]), default=None, help="Language of the workbook and messages.")
@guarded
def extract(source: Path, org: str, output: Path, fmt: str, lang: str | None) -> None:
    """Read goal structures out of steering documents (PDF with a text layer, Word .docx, HTML).

    Writes the import template filled with what the document says: vision, goals with level
    and parent, indicators with values, SDG and miljömål links, the document's decision; every
    row names its page and paragraph (or table cell) and a confidence, for review before
    `ssgraph import`. With a folder, every document gets its own workbook and a summary lists
    what was found and which documents failed. Exit 2 on a document that cannot be read.
    """
    from ssgraph.extracting.run import extract_file

    state = _state()
    if lang:
        state.lang = lang
    lang = state.lang
    if source.is_dir():
        _folder(source, org, output, fmt, lang)
        return
    outcome = extract_file(source, org, output, lang)
    found = outcome.extraction
    if not found.goals:
        click.echo(catalogue.text("cli.extracted_nothing", lang, file=outcome.file), err=True)
    pages = (catalogue.text("cli.extract_pages", lang, pages=found.pages) if found.pages
             else catalogue.text("cli.extract_no_pages", lang))
    click.echo(catalogue.text("cli.extracted", lang, file=outcome.file, goals=len(found.goals),
                               indicators=len(found.indicators), statements=len(found.statements), pages=pages,
                               output=outcome.output))


def _folder(source: Path, org: str, output: Path, fmt: str, lang: str) -> None:
    from ssgraph.extracting.run import extract_folder

    console = Console(stderr=True)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=console, transient=True, disable=not console.is_terminal)
    task = progress.add_task(catalogue.text("cli.extract_progress", lang), total=None)

    def report(done: int, total: int, _name: str) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        outcome = extract_folder(source, org, output, lang, fmt, report)
    for document in outcome.documents:
        if document.status == "failed":
            click.echo(catalogue.text("cli.extract_failed_document", lang, file=document.file,
                                       reason=document.error), err=True)
        elif document.status == "empty":
            click.echo(catalogue.text("cli.extract_empty_document", lang, file=document.file), err=True)
    click.echo(catalogue.text("cli.extract_folder_summary", lang, documents=len(outcome.documents),
                               ok=outcome.count("ok"), empty=outcome.count("empty"),
                               failed=outcome.count("failed"), summary=outcome.summary))
    if outcome.count("failed") == len(outcome.documents):
        sys.exit(2)


COMMANDS = [extract]
