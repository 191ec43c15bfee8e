"""``--help`` in the user's language: command and option texts from the catalogue.

Every command's help is the catalogue entry ``help.<command>`` and each option's
``help.<command>.<option>`` (``help.ssgraph.*`` for the global options), falling back to
the text written in the code. The language is the global ``--lang`` (or ``SSGRAPH_LANG``),
read early enough for ``ssgraph --lang en validate --help``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

import click

from ssgraph import catalogue


def help_language(ctx: click.Context | None) -> str:
    root = ctx.find_root() if ctx is not None else None
    lang = getattr(root.obj, "lang", None) if root is not None else None
    if lang:
        return catalogue.language(lang)
    args = sys.argv[1:]
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return catalogue.language(args[index + 1])
        if arg.startswith("--lang="):
            return catalogue.language(arg.split("=", 1)[1])
    return catalogue.language(os.environ.get("SSGRAPH_LANG"))


def _command_key(ctx: click.Context) -> str:
    return "ssgraph" if ctx.parent is None else ctx.info_name or ctx.command.name or "?"


def _word(message_id: str, lang: str, fallback: str | None) -> str | None:
    return catalogue.text(message_id, lang) if catalogue.has(message_id) else fallback


def _option_help(param: click.Option, key: str, lang: str) -> str | None:
    name = "help" if param.name == "_click_default_help" else (param.name or "")
    return _word(f"help.{key}.{name}", lang, _word(f"help.option.{name}", lang, param.help))


def _option_record(param: click.Option, ctx: click.Context, text: str | None, lang: str) -> tuple[str, str] | None:
    """click's help row of an option, with its own words (default, env var, required) translated."""
    if param.hidden:
        return None
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(catalogue.text("help.heading.env_var", lang, var=", ".join(extra["envvars"])))
    if "default" in extra:
        items.append(catalogue.text("help.heading.default", lang, default=extra["default"]))
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append(catalogue.text("help.heading.required", lang))
    help_text = text or ""
    if items:
        joined = "; ".join(items)
        help_text = f"{help_text}  [{joined}]" if help_text else f"[{joined}]"
    return param.get_help_spec(ctx), help_text


@contextlib.contextmanager
def _translated(command: click.Command, ctx: click.Context) -> Iterator[str]:
    """The command's help text in the user's language, for one help page."""
    lang = help_language(ctx)
    saved = command.help
    command.help = _word(f"help.{_command_key(ctx)}", lang, command.help)
    try:
        yield lang
    finally:
        command.help = saved


class LocalisedMixin:
    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, ctx) as lang:  # type: ignore[arg-type]
            formatter.catalogue_lang = lang  # type: ignore[attr-defined]
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = getattr(formatter, "catalogue_lang", help_language(ctx))
        pieces = [catalogue.text("help.heading.options_metavar", lang) if piece == "[OPTIONS]" else piece
                  for piece in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), catalogue.text("help.heading.usage", lang) + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = getattr(formatter, "catalogue_lang", help_language(ctx))
        key = _command_key(ctx)
        records = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if not isinstance(param, click.Option):
                continue
            record = _option_record(param, ctx, _option_help(param, key, lang), lang)
            if record is not None:
                records.append(record)
        if records:
            with formatter.section(catalogue.text("help.heading.options", lang)):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        lang = help_language(ctx)
        text = _word(f"help.{self.name}", lang, None)  # type: ignore[attr-defined]
        if text is None:
            return super().get_short_help_str(limit)  # type: ignore[misc]
        first = text.split("\n\n", 1)[0].strip()
        return click.utils.make_default_short_help(first, limit)


class LocalisedCommand(LocalisedMixin, click.Command):
    pass


class LocalisedGroup(LocalisedMixin, click.Group):
    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = getattr(formatter, "catalogue_lang", help_language(ctx))
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(catalogue.text("help.heading.commands", lang)):
                formatter.write_dl(rows)


def localise(command: click.Command) -> click.Command:
    """Give a command (of any module) help in the user's language."""
    if isinstance(command, click.Group) and not isinstance(command, LocalisedGroup):
        command.__class__ = LocalisedGroup
    elif not isinstance(command, LocalisedMixin):
        command.__class__ = LocalisedCommand
    return command
