"""The extract command: steering documents (PDF, Word, HTML) → the import workbook for review."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ssgraph import messages
from ssgraph.cli.context import CliContext, guarded

messages.define(
    "cli.extracted",
    sv="{file}: {goals} mål, {indicators} indikatorer, {statements} vision/värdegrund ({pages}) → {output}. "
    "Granska raderna med låg säkerhet och importera sedan med: ssgraph import {output}",
    en="{file}: {goals} goals, {indicators} indicators, {statements} vision/value base ({pages}) → {output}. "
    "Check the rows with a low confidence, then import with: ssgraph import {output}",
)
messages.define("cli.extract_pages", sv="{pages} sidor", en="{pages} pages")
messages.define("cli.extract_no_pages", sv="utan sidor", en="no pages")
messages.define(
    "cli.extracted_nothing",
    sv="{file}: inga mål hittades; kontrollera att dokumentet innehåller en målstruktur",
    en="{file}: no goals were found; check that the document holds a goal structure",
)
messages.define(
    "cli.extract_folder_summary",
    sv="{documents} dokument: {ok} med mål, {empty} utan mål, {failed} misslyckades; sammanfattning: {summary}",
    en="{documents} documents: {ok} with goals, {empty} without goals, {failed} failed; summary: {summary}",
)
messages.define("cli.extract_failed_document", sv="misslyckades: {file}: {reason}",
                en="failed: {file}: {reason}")
messages.define("cli.extract_empty_document", sv="inga mål: {file}", en="no goals: {file}")
messages.define("cli.extract_progress", sv="Läser dokument", en="Reading documents")


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
        click.echo(messages.render("cli.extracted_nothing", lang, file=outcome.file), err=True)
    pages = (messages.render("cli.extract_pages", lang, pages=found.pages) if found.pages
             else messages.render("cli.extract_no_pages", lang))
    click.echo(messages.render("cli.extracted", lang, file=outcome.file, goals=len(found.goals),
                               indicators=len(found.indicators), statements=len(found.statements), pages=pages,
                               output=outcome.output))


def _folder(source: Path, org: str, output: Path, fmt: str, lang: str) -> None:
    from ssgraph.extracting.run import extract_folder

    console = Console(stderr=True)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=console, transient=True, disable=not console.is_terminal)
    task = progress.add_task(messages.render("cli.extract_progress", lang), total=None)

    def report(done: int, total: int, _name: str) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        outcome = extract_folder(source, org, output, lang, fmt, report)
    for document in outcome.documents:
        if document.status == "failed":
            click.echo(messages.render("cli.extract_failed_document", lang, file=document.file,
                                       reason=document.error), err=True)
        elif document.status == "empty":
            click.echo(messages.render("cli.extract_empty_document", lang, file=document.file), err=True)
    click.echo(messages.render("cli.extract_folder_summary", lang, documents=len(outcome.documents),
                               ok=outcome.count("ok"), empty=outcome.count("empty"),
                               failed=outcome.count("failed"), summary=outcome.summary))
    if outcome.count("failed") == len(outcome.documents):
        sys.exit(2)


COMMANDS = [extract]
