"""Importing as a service: files into the store, all or nothing (see ssgraph.importing)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ssgraph.importing.importer import ImportResult, Progress, import_sources
from ssgraph.importing.mapping import DEFAULT_BASE


def import_files(store, paths: Sequence[Path], *, org: str | None = None, version: str | None = None,
                 base: str = DEFAULT_BASE, lang: str = "sv", make_current: bool = True, dry_run: bool = False,
                 progress: Progress | None = None, illustrative: bool = False) -> list[ImportResult]:
    """Import workbooks, CSV folders, YAML or RDF files; raises ImportRejected with every
    problem of every file when any has an error, and then nothing is written."""
    return import_sources(None if dry_run else store, list(paths), org, version, base, lang, make_current,
                          dry_run, progress=progress, illustrative=illustrative)
