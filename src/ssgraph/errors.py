"""Typed errors with locations. Core code raises these; the CLI and web layer render them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ssgraph import catalogue


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file with line/column, or a workbook with sheet/row/column."""

    file: str | None = None
    line: int | None = None
    column: int | str | None = None
    sheet: str | None = None
    row: int | None = None

    def describe(self, lang: str = catalogue.DEFAULT_LANGUAGE) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(catalogue.text("errors.location.sheet", lang, name=self.sheet))
        if self.row is not None:
            parts.append(catalogue.text("errors.location.row", lang, n=self.row))
        if self.line is not None:
            parts.append(catalogue.text("errors.location.line", lang, n=self.line))
        if self.column is not None:
            parts.append(catalogue.text("errors.location.column", lang, n=self.column))
        return ", ".join(parts)


@dataclass
class Problem:
    """One located problem: a message id with its parameters."""

    message_id: str
    location: Location = field(default_factory=Location)
    params: dict[str, object] = field(default_factory=dict)
    severity: str = "error"  # "error" blocks, "warning" does not
    template: str | None = None  # the catalogue entry that words it, when not ``message_id`` itself

    def render(self, lang: str = catalogue.DEFAULT_LANGUAGE) -> str:
        text = catalogue.text(self.template or self.message_id, lang, **self.params)
        where = self.location.describe(lang)
        return f"{where}: {text}" if where else text


class SsgraphError(Exception):
    """Base of every error ssgraph reports to a user. Carries one or more problems."""

    exit_code = 2

    def __init__(self, problems: Problem | list[Problem]):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(self.render("en"))

    def render(self, lang: str = catalogue.DEFAULT_LANGUAGE) -> str:
        return "\n".join(p.render(lang) for p in self.problems)


class InputError(SsgraphError):
    """Malformed or invalid input: nothing was written."""


class StoreError(SsgraphError):
    """The store could not be opened, read or written."""


class QueryError(SsgraphError):
    """A SPARQL query or update was rejected."""


class ConfigurationError(SsgraphError):
    """A setting is missing or has a bad value."""


def problem(message_id: str, location: Location | None = None, **params: object) -> Problem:
    return Problem(message_id, location or Location(), params)
