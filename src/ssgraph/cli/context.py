"""State shared by all commands, and the one place errors become text and exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import click

from ssgraph import catalogue
from ssgraph.errors import SsgraphError


@dataclass
class CliContext:
    store_location: str | None = None
    config_file: str | None = None
    lang: str = "sv"
    _store: Any = field(default=None, repr=False)

    def open_store(self):
        """Open the configured store once per command."""
        if self._store is None:
            from ssgraph.store import open_store

            self._store = open_store(self.store_location, config_file=self.config_file)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command body; render SsgraphError in the user's language and exit with its code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        state: CliContext = ctx.find_object(CliContext) or CliContext()
        try:
            return command(*args, **kwargs)
        except SsgraphError as error:
            prefix = catalogue.text("errors.prefix", state.lang)
            click.echo(f"{prefix}: {error.render(state.lang)}", err=True)
            sys.exit(error.exit_code)
        finally:
            state.close()

    return wrapper
